"""Qt's own strings (standard buttons, message boxes, context menus) are Chinese like the rest of the UI."""

from pathlib import Path

import PySide6
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from dualprev.ui import gui


def test_qt_catalogue_is_found_in_the_installed_pyside6() -> None:
    path = gui.qt_translation_file()
    assert path is not None and path.name == "qtbase_zh_CN.qm"
    assert Path(PySide6.__file__).resolve().parent in path.resolve().parents


def test_standard_buttons_are_chinese(qtbot: QtBot) -> None:
    app = gui.create_application([])
    assert gui.install_qt_translation(app) is not None  # once per application, found again later
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(box)
    texts = {
        b: box.button(b).text().replace("&", "").split("(")[0]
        for b in (
            QDialogButtonBox.StandardButton.Ok,
            QDialogButtonBox.StandardButton.Cancel,
            QDialogButtonBox.StandardButton.Save,
            QDialogButtonBox.StandardButton.Close,
        )
    }
    assert texts == {
        QDialogButtonBox.StandardButton.Ok: "确定",
        QDialogButtonBox.StandardButton.Cancel: "取消",
        QDialogButtonBox.StandardButton.Save: "保存",
        QDialogButtonBox.StandardButton.Close: "关闭",
    }

    message = QMessageBox(
        QMessageBox.Icon.Warning, "t", "m", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    )
    qtbot.addWidget(message)
    assert message.button(QMessageBox.StandardButton.Yes).text().replace("&", "").startswith("是")
    assert message.button(QMessageBox.StandardButton.No).text().replace("&", "").startswith("否")


def test_line_edit_context_menu_is_chinese(qtbot: QtBot) -> None:
    gui.create_application([])
    edit = QLineEdit("文字")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [a.text().replace("&", "") for a in menu.actions() if a.text()]
    assert any(t.startswith("复制") for t in texts), texts
    assert any(t.startswith("粘贴") for t in texts), texts
