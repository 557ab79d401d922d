"""设置: who is operating (recorded in the audit log), where the data lives, the grading schemes
and control-tier table, and the accident-type classification."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dualprev import __version__
from dualprev.services.changes import Entity
from dualprev.ui import export_files, messages
from dualprev.ui.context import AppContext
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets import desktop
from dualprev.ui.widgets.readable_width import readable_layout
from dualprev.ui.widgets.scheme_settings import SchemeSettings
from dualprev.ui.widgets.vocabulary_settings import VocabularySettings


def choose_export_folder(parent: QWidget, start: Path) -> Path | None:
    """The folder save dialogs start in (tests replace this)."""
    chosen = QFileDialog.getExistingDirectory(parent, parent.tr("选择导出文件夹"), str(start))
    return Path(chosen) if chosen else None


class SettingsPage(Page):
    key = "settings"
    title = "设置"
    shows = frozenset({Entity.ENTERPRISE, Entity.SETTING, Entity.SCHEME, Entity.RISK})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = readable_layout(self)
        actor_box = QGroupBox(self.tr("当前操作人"), self)
        actor_layout = QVBoxLayout(actor_box)
        row = QHBoxLayout()
        self.actor_edit = QLineEdit(actor_box)
        self.actor_edit.setObjectName("actor_edit")
        self.actor_edit.setMaxLength(50)
        row.addWidget(self.actor_edit, 1)
        self.save_actor_btn = QPushButton(self.tr("保存"), actor_box)
        self.save_actor_btn.setObjectName("save_actor_btn")
        row.addWidget(self.save_actor_btn)
        actor_layout.addLayout(row)
        self.actor_hint_label = QLabel(actor_box)
        self.actor_hint_label.setObjectName("actor_hint_label")
        self.actor_hint_label.setWordWrap(True)
        actor_layout.addWidget(self.actor_hint_label)
        layout.addWidget(actor_box)

        data_box = QGroupBox(self.tr("数据位置"), self)
        form = QFormLayout(data_box)
        self.db_path_label = QLabel(data_box)
        self.db_path_label.setObjectName("db_path_label")
        self.db_path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_path_label.setWordWrap(True)
        form.addRow(self.tr("数据库文件："), self.db_path_label)
        self.files_dir_label = QLabel(data_box)
        self.files_dir_label.setObjectName("files_dir_label")
        self.files_dir_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.files_dir_label.setWordWrap(True)
        form.addRow(self.tr("照片和附件："), self.files_dir_label)
        self.log_dir_label = QLabel(data_box)
        self.log_dir_label.setObjectName("log_dir_label")
        self.log_dir_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("日志文件夹："), self.log_dir_label)
        buttons = QHBoxLayout()
        self.open_db_folder_btn = QPushButton(self.tr("打开所在文件夹"), data_box)
        self.open_db_folder_btn.setObjectName("open_db_folder_btn")
        buttons.addWidget(self.open_db_folder_btn)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.export_dir_label = QLabel(data_box)
        self.export_dir_label.setObjectName("export_dir_label")
        self.export_dir_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_dir_label.setWordWrap(True)
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_dir_label, 1)
        self.export_dir_btn = QPushButton(self.tr("更改…"), data_box)
        self.export_dir_btn.setObjectName("export_dir_btn")
        export_row.addWidget(self.export_dir_btn)
        form.addRow(self.tr("导出文件夹："), export_row)
        note = QLabel(
            self.tr("换电脑时：在“文件 → 另存为/导出归档”保存一份归档（含全部数据和照片），"
                    "在新电脑上安装本软件后用“文件 → 恢复备份”打开它。"),
            data_box,
        )  # fmt: skip
        note.setWordWrap(True)
        form.addRow("", note)
        layout.addWidget(data_box)
        self.scheme_settings = SchemeSettings(ctx, self)
        layout.addWidget(self.scheme_settings)
        self.vocabulary_settings = VocabularySettings(ctx, self)
        layout.addWidget(self.vocabulary_settings)
        about = QLabel(self.tr("双重预防管理 版本 {v}").format(v=__version__), self)
        about.setObjectName("about_label")
        layout.addWidget(about)
        layout.addStretch(1)
        self.save_actor_btn.clicked.connect(self._on_save_actor_clicked)
        self.actor_edit.returnPressed.connect(self._on_save_actor_clicked)
        self.open_db_folder_btn.clicked.connect(self._on_open_db_folder_clicked)
        self.export_dir_btn.clicked.connect(self._on_change_export_dir)

    def reload(self) -> None:
        default = self.ctx.default_actor()
        self.actor_edit.setPlaceholderText(default)
        self.actor_edit.setText(self.ctx.prefs.actor or default)
        self.actor_hint_label.setText(
            self.tr("所有修改都会记录操作人。留空则使用企业档案中的安全管理人员（{name}）。").format(
                name=default
            )
        )
        db_path = self.ctx.db.path
        self.db_path_label.setText(str(db_path))
        self.files_dir_label.setText(str(self.ctx.db.files_dir))
        self.log_dir_label.setText(str(self.ctx.log_dir) if self.ctx.log_dir else self.tr("（未记录日志）"))
        self.export_dir_label.setText(str(export_files.export_folder(self.ctx.prefs)))
        self.scheme_settings.reload()
        self.vocabulary_settings.reload()

    def _on_save_actor_clicked(self) -> None:
        name = self.actor_edit.text().strip()
        default = self.ctx.default_actor()
        self.ctx.prefs.actor = "" if name == default else name
        self.ctx.prefs.sync()
        self.actor_edit.setText(name or default)
        self.show_status(self.tr("当前操作人：{name}").format(name=self.ctx.actor()))

    def _on_open_db_folder_clicked(self) -> None:
        folder: Path = self.ctx.db.path.parent
        if not desktop.open_folder(folder):
            messages.show_error(self, self.tr("无法打开文件夹：{folder}").format(folder=folder))

    def _on_change_export_dir(self) -> None:
        folder = choose_export_folder(self, export_files.export_folder(self.ctx.prefs))
        if folder is not None:
            self.ctx.prefs.export_dir = folder
            self.ctx.prefs.sync()
            self.export_dir_label.setText(str(folder))
            self.show_status(self.tr("导出文件夹：{folder}").format(folder=folder))
