"""An export's finish message offers 打开文件 / 打开文件夹."""

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from dualprev.ui import messages
from dualprev.ui.widgets import desktop

real_show_exported = messages.show_exported  # the autouse message_log fixture replaces it in tests


def test_an_export_message_offers_to_open_the_file_or_its_folder(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(desktop, "open_file", lambda p: opened.append(p) or True)
    monkeypatch.setattr(desktop, "open_folder", lambda p: opened.append(p) or True)
    out = tmp_path / "台账.xlsx"
    seen: list[list[str]] = []

    def press(label: str) -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        seen.append([b.text() for b in box.buttons()])
        next(b for b in box.buttons() if b.text() == label).click()

    for label in ("打开文件", "打开文件夹", "关闭"):
        QTimer.singleShot(0, lambda label=label: press(label))
        real_show_exported(None, "已导出", out)
    assert opened == [out, tmp_path]
    assert set(seen[0]) == {"打开文件", "打开文件夹", "关闭"}
