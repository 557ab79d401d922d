"""Bugs (anything that is not a UserError): logged with the traceback to the rotating log in the
data folder, then shown in a crash dialog that says where the log file is, so the user can send it.

The dialog only says the saved data is intact when it has just checked the database."""

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dualprev.services import integrity_service

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


class CrashDialog(QDialog):
    """Tells the user that something unexpected went wrong and shows the details to copy."""

    def __init__(
        self, details: str, log_file: Path | None, parent: QWidget | None = None, *, data_state: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(tr("程序出错"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        where = tr("详细信息已记录在日志文件：\n{path}").format(path=log_file) if log_file else ""
        state = data_state or tr("未能检查数据库是否完好；如有疑问，请在“数据备份”页检查或恢复备份。")
        intro = QLabel(
            tr("程序遇到了意外错误，您刚才的操作可能没有完成。") + "\n" + state + "\n"
            + tr("请把下面的信息或日志文件发给技术支持人员。") + ("\n" + where if where else "")
        )  # fmt: skip
        intro.setObjectName("intro_label")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details_edit = QPlainTextEdit(details)
        self.details_edit.setObjectName("details_edit")
        self.details_edit.setReadOnly(True)
        layout.addWidget(self.details_edit)
        buttons = QDialogButtonBox()
        close_btn = buttons.addButton(tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        close_btn.setObjectName("close_btn")
        self.copy_btn = buttons.addButton(tr("复制详情"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_btn.setObjectName("copy_btn")
        self.copy_btn.clicked.connect(self._on_copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details_edit.toPlainText())


class CrashHandler:
    """sys.excepthook replacement: log, then show the dialog (once at a time)."""

    def __init__(self, log_file: Path | None) -> None:
        self.log_file = log_file
        self.db_path: Path | None = None
        """The open database, checked (read-only) before the dialog speaks about the data."""
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("unhandled exception", exc_info=(exc_type, exc, tb))
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            dialog = CrashDialog(
                details, self.log_file, QApplication.activeWindow(), data_state=self._data_state()
            )
            dialog.exec()
        finally:
            self._showing = False

    def _data_state(self) -> str:
        if self.db_path is None:
            return ""
        try:
            intact = integrity_service.is_intact(self.db_path)
        except Exception:
            log.exception("checking %s after the error failed", self.db_path)
            return ""
        if intact:
            return tr("已检查数据库：完好，此前已保存的数据不受影响。")
        return tr("已检查数据库：发现损坏！请不要继续修改，在“数据备份”页用最近的备份恢复。")
