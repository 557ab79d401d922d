"""数据备份: archives (.dpbak: database + every photo and plan, checked) made by hand to any folder
and automatically (daily, before upgrades and restores); verify one, restore one after a preview."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dualprev.services import archive_service
from dualprev.services.archive_service import ArchiveEntry, ArchiveInfo
from dualprev.services.changes import Entity
from dualprev.ui import messages, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.models.backup_table_model import BackupTableModel, format_size
from dualprev.ui.models.record_table_model import Roles
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets import desktop
from dualprev.ui.widgets.readable_width import readable_layout
from dualprev.ui.widgets.record_list_panel import make_table_view

_COUNT_LABELS = {
    "risk_points": "风险点",
    "hazards": "危险源",
    "hidden_dangers": "隐患",
    "check_records": "排查记录",
    "people": "人员",
    "photos": "照片",
    "floor_plans": "平面图",
}


def describe_archive(info: ArchiveInfo) -> str:
    """The preview shown before a restore: whose record, from when, how much."""
    counts = "，".join(f"{_COUNT_LABELS.get(k, k)} {v}" for k, v in info.counts.items())
    return (
        f"备份文件：{info.path}\n"
        f"企业：{info.enterprise or '（未填写）'}\n"
        f"备份时间：{info.created_at:%Y-%m-%d %H:%M}（{archive_service.reason_label(info.reason)}）\n"
        f"内容：{counts}\n照片和平面图文件：{info.file_count} 个，共 {format_size(info.size_bytes)}\n"
        "校验：全部文件校验值一致，数据库完整性检查通过"
    )


def choose_backup_folder(parent: QWidget, start: Path) -> Path | None:
    """Ask where to put the backup (tests replace this function)."""
    chosen = QFileDialog.getExistingDirectory(
        parent, parent.tr("选择备份保存位置（建议U盘或另一块硬盘）"), str(start)
    )
    return Path(chosen) if chosen else None


class BackupPage(Page):
    key = "backup"
    title = "数据备份"
    shows = frozenset({Entity.SETTING})  # the archives are files; only the number kept is a setting

    restore_requested = Signal(Path)
    """The user confirmed nothing yet: the main window's owner verifies, previews and asks."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = readable_layout(self)
        now_box = QGroupBox(self.tr("立即备份"), self)
        now_layout = QVBoxLayout(now_box)
        explain = QLabel(
            self.tr("把数据库和全部照片、平面图打包成一个备份文件（.dpbak），保存到您选择的文件夹，保存后立即校验。"
                    "建议每周备份到U盘或另一台电脑；换电脑时，在新电脑上用“文件 → 恢复备份”即可。"),
            now_box,
        )  # fmt: skip
        explain.setWordWrap(True)
        now_layout.addWidget(explain)
        row = QHBoxLayout()
        self.backup_btn = QPushButton(self.tr("立即备份…"), now_box)
        self.backup_btn.setObjectName("backup_btn")
        row.addWidget(self.backup_btn)
        row.addStretch(1)
        now_layout.addLayout(row)
        self.result_label = QLabel(now_box)
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        now_layout.addWidget(self.result_label)
        layout.addWidget(now_box)

        auto_box = QGroupBox(self.tr("自动备份"), self)
        auto_layout = QVBoxLayout(auto_box)
        self.auto_label = QLabel(auto_box)
        self.auto_label.setObjectName("auto_label")
        self.auto_label.setWordWrap(True)
        auto_layout.addWidget(self.auto_label)
        keep_row = QHBoxLayout()
        keep_row.addWidget(QLabel(self.tr("保留最近"), auto_box))
        self.keep_spin = QSpinBox(auto_box)
        self.keep_spin.setObjectName("keep_spin")
        self.keep_spin.setRange(1, 365)
        self.keep_spin.setValue(ctx.prefs.backup_keep)
        keep_row.addWidget(self.keep_spin)
        keep_row.addWidget(QLabel(self.tr("份自动备份（较早的自动删除；手动备份不受影响）"), auto_box))
        keep_row.addStretch(1)
        auto_layout.addLayout(keep_row)
        self.model = BackupTableModel(self)
        self.backups_table = make_table_view(self.model, "backups_table", auto_box)
        auto_layout.addWidget(self.backups_table)
        buttons = QHBoxLayout()
        self.verify_btn = QPushButton(self.tr("校验"), auto_box)
        self.verify_btn.setObjectName("verify_btn")
        self.restore_btn = QPushButton(self.tr("恢复此备份…"), auto_box)
        self.restore_btn.setObjectName("restore_btn")
        self.restore_file_btn = QPushButton(self.tr("从其他备份文件恢复…"), auto_box)
        self.restore_file_btn.setObjectName("restore_file_btn")
        self.open_folder_btn = QPushButton(self.tr("打开所在文件夹"), auto_box)
        self.open_folder_btn.setObjectName("open_folder_btn")
        for button in (self.verify_btn, self.restore_btn, self.restore_file_btn, self.open_folder_btn):
            buttons.addWidget(button)
        buttons.addStretch(1)
        auto_layout.addLayout(buttons)
        layout.addWidget(auto_box, 1)
        self._last_folder: Path | None = None
        self.backup_btn.clicked.connect(self._on_backup_clicked)
        self.verify_btn.clicked.connect(self._on_verify_clicked)
        self.restore_btn.clicked.connect(self._on_restore_clicked)
        self.restore_file_btn.clicked.connect(self._on_restore_file_clicked)
        self.open_folder_btn.clicked.connect(self._on_open_folder_clicked)
        self.keep_spin.valueChanged.connect(self._on_keep_changed)
        self.backups_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def reload(self) -> None:
        archives = archive_service.list_archives(self.ctx.db.path)
        self.model.set_records(archives)
        folder = archive_service.backups_folder(self.ctx.db.path)
        self.auto_label.setText(
            self.tr(
                "每天第一次打开时、升级数据库结构前和恢复备份前，程序会自动备份到 {folder}，目前共 {n} 份。"
            ).format(folder=folder, n=len(archives))
        )
        self._update_buttons()

    def selected_archive(self) -> ArchiveEntry | None:
        rows = self.backups_table.selectionModel().selectedRows()
        record = rows[0].data(Roles.RECORD) if rows else None
        return record if isinstance(record, ArchiveEntry) else None

    def _update_buttons(self) -> None:
        chosen = self.selected_archive() is not None
        self.verify_btn.setEnabled(chosen)
        self.restore_btn.setEnabled(chosen)

    def _on_keep_changed(self, value: int) -> None:
        self.ctx.prefs.backup_keep = value

    def _on_backup_clicked(self) -> None:
        folder = choose_backup_folder(self, self._last_folder or Path.home())
        if folder is None:
            return
        db = self.ctx.db
        tasks.run_in_background(
            self,
            self.tr("正在备份并校验…"),
            lambda: archive_service.create_archive(db, folder),
            lambda info: self._on_backed_up(folder, info),
        )

    def _on_backed_up(self, folder: Path, info: ArchiveInfo) -> None:
        self._last_folder = folder
        self.result_label.setText(
            self.tr("已备份并校验：{path}（{size}，照片和平面图 {n} 个）").format(
                path=info.path, size=format_size(info.size_bytes), n=info.file_count
            )
        )

    def _on_verify_clicked(self) -> None:
        entry = self.selected_archive()
        if entry is None:
            return
        tasks.run_in_background(
            self,
            self.tr("正在校验…"),
            lambda: archive_service.preview(entry.path),
            lambda info: messages.show_info(self, describe_archive(info), title=self.tr("备份完好")),
        )

    def _on_restore_clicked(self) -> None:
        entry = self.selected_archive()
        if entry is not None:
            self.restore_requested.emit(entry.path)

    def _on_restore_file_clicked(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择要恢复的备份"),
            str(self._last_folder or Path.home()),
            "dualprev 备份 (*.dpbak)",
        )
        if chosen:
            self.restore_requested.emit(Path(chosen))

    def _on_open_folder_clicked(self) -> None:
        folder = archive_service.backups_folder(self.ctx.db.path)
        if not desktop.open_folder(folder if folder.is_dir() else self.ctx.db.path.parent):
            messages.show_error(self, self.tr("无法打开文件夹：{folder}").format(folder=folder))
