"""Bugs (anything that is not a UserError): logged with the traceback, then shown in a crash
dialog that says where the log file is, so the user can send it."""

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

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("CrashDialog", text)


class CrashDialog(QDialog):
    """Tells the user that something unexpected went wrong and shows the details to copy."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(tr("程序出错"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        where = tr("详细信息已记录在日志文件：\n{path}").format(path=log_file) if log_file else ""
        intro = QLabel(
            tr("程序遇到了意外错误。您刚才的操作可能没有完成，已保存的数据不受影响。\n"
               "请把下面的信息或日志文件发给技术支持人员。") + ("\n" + where if where else "")
        )  # fmt: skip
        intro.setObjectName("intro_label")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details_edit = QPlainTextEdit(details)
        self.details_edit.setObjectName("details_edit")
        self.details_edit.setReadOnly(True)
        layout.addWidget(self.details_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_btn = buttons.addButton(tr("复制错误信息"), QDialogButtonBox.ButtonRole.ActionRole)
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
            CrashDialog(details, self.log_file, QApplication.activeWindow()).exec()
        finally:
            self._showing = False
