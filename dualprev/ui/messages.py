"""The one place that shows message boxes: expected errors, confirmations and notices.

Tests monkeypatch these functions; nothing else in the UI creates a QMessageBox.
"""

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from dualprev.errors import UserError
from dualprev.ui.widgets import desktop


def tr(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def show_error(parent: QWidget | None, message: str, *, title: str = "") -> None:
    """An expected problem the user can act on (not a bug: those go to the crash dialog)."""
    QMessageBox.warning(parent, title or tr("无法完成操作"), message)


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    show_error(parent, error.message)


def show_info(parent: QWidget | None, message: str, *, title: str = "") -> None:
    QMessageBox.information(parent, title or tr("提示"), message)


def show_exported(parent: QWidget | None, message: str, path: Path, *, title: str = "") -> None:
    """An export is finished: say what was written and offer 打开文件 / 打开文件夹."""
    box = QMessageBox(QMessageBox.Icon.Information, title or tr("导出完成"), message, parent=parent)
    open_file = box.addButton(tr("打开文件"), QMessageBox.ButtonRole.ActionRole)
    open_folder = box.addButton(tr("打开文件夹"), QMessageBox.ButtonRole.ActionRole)
    close = box.addButton(tr("关闭"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(open_file)
    box.setEscapeButton(close)
    box.exec()
    clicked = box.clickedButton()
    if clicked is open_file and not desktop.open_file(path):
        show_error(parent, tr("无法打开文件：{path}").format(path=path))
    elif clicked is open_folder and not desktop.open_folder(path.parent):
        show_error(parent, tr("无法打开文件夹：{path}").format(path=path.parent))


def confirm(parent: QWidget | None, message: str, *, title: str = "", action: str = "") -> bool:
    """Ask before something that cannot be undone; True only when the user agrees."""
    box = QMessageBox(QMessageBox.Icon.Question, title or tr("请确认"), message, parent=parent)
    yes = box.addButton(action or tr("确定"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes


class UnsavedAnswer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def ask_unsaved(parent: QWidget | None, message: str = "") -> UnsavedAnswer:
    """A form with changes is being closed: 保存, 放弃 (close without saving) or 取消 (stay)."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("尚未保存"),
        message or tr("填写的内容还没有保存。要保存吗？"),
        parent=parent,
    )
    save = box.addButton(tr("保存"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(tr("放弃"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(tr("取消"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return UnsavedAnswer.SAVE
    if clicked is discard:
        return UnsavedAnswer.DISCARD
    return UnsavedAnswer.CANCEL
