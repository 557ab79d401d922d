"""数据备份: back up now to a chosen folder; the automatic backups made before upgrades."""

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dualprev.services import backup_service
from dualprev.services.backup_service import BackupResult
from dualprev.ui import messages, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.models.backup_table_model import BackupTableModel, format_size
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets import desktop
from dualprev.ui.widgets.record_list_panel import make_table_view


def choose_backup_folder(parent: QWidget, start: Path) -> Path | None:
    """Ask where to put the backup (tests replace this function)."""
    chosen = QFileDialog.getExistingDirectory(
        parent, parent.tr("选择备份保存位置（建议U盘或另一块硬盘）"), str(start)
    )
    return Path(chosen) if chosen else None


class BackupPage(Page):
    key = "backup"
    title = "数据备份"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        now_box = QGroupBox(self.tr("立即备份"), self)
        now_layout = QVBoxLayout(now_box)
        explain = QLabel(
            self.tr("把数据库和照片、平面图等附件完整复制到您选择的文件夹。建议每周备份到U盘或另一台电脑，"
                    "电脑损坏时可用备份恢复。备份时可以继续使用本软件。"),
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

        auto_box = QGroupBox(self.tr("升级前的自动备份"), self)
        auto_layout = QVBoxLayout(auto_box)
        self.auto_label = QLabel(auto_box)
        self.auto_label.setObjectName("auto_label")
        self.auto_label.setWordWrap(True)
        auto_layout.addWidget(self.auto_label)
        self.model = BackupTableModel(self)
        self.backups_table = make_table_view(self.model, "backups_table", auto_box)
        auto_layout.addWidget(self.backups_table)
        folder_row = QHBoxLayout()
        self.open_folder_btn = QPushButton(self.tr("打开所在文件夹"), auto_box)
        self.open_folder_btn.setObjectName("open_folder_btn")
        folder_row.addWidget(self.open_folder_btn)
        folder_row.addStretch(1)
        auto_layout.addLayout(folder_row)
        layout.addWidget(auto_box, 1)
        self._last_folder: Path | None = None
        self.backup_btn.clicked.connect(self._on_backup_clicked)
        self.open_folder_btn.clicked.connect(self._on_open_folder_clicked)

    def reload(self) -> None:
        backups = backup_service.list_automatic_backups(self.ctx.db.path)
        self.model.set_records(backups)
        folder = self.ctx.db.path.parent
        if backups:
            self.auto_label.setText(
                self.tr(
                    "程序升级数据库结构前，会自动在数据库旁边（{folder}）保存一份备份，共 {n} 份："
                ).format(folder=folder, n=len(backups))
            )
        else:
            self.auto_label.setText(
                self.tr(
                    "程序升级数据库结构前，会自动在数据库旁边（{folder}）保存一份备份。目前还没有自动备份。"
                ).format(folder=folder)
            )

    def _on_backup_clicked(self) -> None:
        folder = choose_backup_folder(self, self._last_folder or Path.home())
        if folder is None:
            return
        db = self.ctx.db
        tasks.run_in_background(
            self,
            self.tr("正在备份…"),
            lambda: backup_service.backup_now(db, folder),
            lambda result: self._on_backed_up(folder, result),
        )

    def _on_backed_up(self, folder: Path, result: BackupResult) -> None:
        self._last_folder = folder
        text = self.tr("已备份到：{path}（{size}").format(
            path=result.database_path, size=format_size(result.size_bytes)
        )
        if result.files_dir is not None:
            text += self.tr("，含附件 {n} 个").format(n=result.file_count)
        self.result_label.setText(text + self.tr("）"))

    def _on_open_folder_clicked(self) -> None:
        if not desktop.open_folder(self.ctx.db.path.parent):
            messages.show_error(
                self, self.tr("无法打开文件夹：{folder}").format(folder=self.ctx.db.path.parent)
            )
