"""GUI test fixtures: a database with a profile, isolated preferences, recorded message boxes."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDateTimeEdit, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from dualprev.services import organisation_service as org
from dualprev.storage.db import open_database
from dualprev.ui import messages, tasks
from dualprev.ui.gui import create_application, start_main_window
from dualprev.ui.main_window import MainWindow
from dualprev.ui.prefs import Prefs

ENTERPRISE = "恒锐精密机械有限公司"
DEMO_TODAY = date(2026, 11, 20)
"""The 'today' of the shared demo database (tests/conftest.py builds it for this day)."""

# The offscreen platform says this whenever a top-level window has size constraints; harmless.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


def wait_for_tasks(qtbot: QtBot) -> None:
    """Until every background task has called back on the GUI thread."""
    qtbot.waitUntil(lambda: tasks.running() == 0, timeout=30_000)


@pytest.fixture(autouse=True)
def _no_task_outlives_its_test(qtbot: QtBot) -> Iterator[None]:
    """A task still running at teardown would call back into a closed window and database."""
    yield
    wait_for_tasks(qtbot)


def type_date(qtbot: QtBot, edit: QDateTimeEdit, value: date) -> None:
    """Type ``value`` into a date edit as a user does: each section selected and its digits typed.
    A date edit with a range silently turns what is typed into a day inside it (2027-03-01 into
    2026-03-01 under a maximum of 2026-11-20)."""
    edit.setFocus()
    for section, digits in (
        (QDateTimeEdit.Section.YearSection, f"{value.year:04d}"),
        (QDateTimeEdit.Section.MonthSection, f"{value.month:02d}"),
        (QDateTimeEdit.Section.DaySection, f"{value.day:02d}"),
    ):
        edit.setSelectedSection(section)
        qtbot.keyClicks(edit, digits)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def press_ok(qtbot: QtBot, box: QDialogButtonBox) -> None:
    """Click the button box's accepting button (保存, 确定, 登记, …)."""
    button = next(b for b in box.buttons() if box.buttonRole(b) is QDialogButtonBox.ButtonRole.AcceptRole)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


D = TypeVar("D", bound=QDialog)


def drive_dialog(monkeypatch: pytest.MonkeyPatch, cls: type[D], steps: Callable[[D], None]) -> list[D]:
    """Let ``steps`` act as the user on each dialog of ``cls`` a page opens, instead of a modal event
    loop; the page then gets the dialog's own result (Rejected unless the dialog accepted)."""
    driven: list[D] = []

    def exec_(self: D) -> int:
        self.show()
        steps(self)
        driven.append(self)
        return self.result()

    monkeypatch.setattr(cls, "exec", exec_)
    return driven


@dataclass
class MessageLog:
    """What would have been shown in message boxes; ``confirm_answer`` answers confirmations."""

    errors: list[str] = field(default_factory=list)
    infos: list[str] = field(default_factory=list)
    exported: list[Path] = field(default_factory=list)
    """Files whose finish message offered 打开文件/打开文件夹."""
    confirmations: list[str] = field(default_factory=list)
    confirm_answer: bool = True
    unsaved_questions: int = 0
    unsaved_answer: messages.UnsavedAnswer = messages.UnsavedAnswer.DISCARD


@pytest.fixture(autouse=True)
def message_log(monkeypatch: pytest.MonkeyPatch) -> MessageLog:
    """No real message box ever blocks a test."""
    log = MessageLog()
    monkeypatch.setattr(messages, "show_error", lambda _parent, text, **_kw: log.errors.append(text))
    monkeypatch.setattr(messages, "show_info", lambda _parent, text, **_kw: log.infos.append(text))

    def show_exported(_parent: object, text: str, path: Path, **_kw: object) -> None:
        log.infos.append(text)
        log.exported.append(path)

    monkeypatch.setattr(messages, "show_exported", show_exported)

    def confirm(_parent: object, text: str, **_kw: object) -> bool:
        log.confirmations.append(text)
        return log.confirm_answer

    monkeypatch.setattr(messages, "confirm", confirm)

    def ask_unsaved(_parent: object, _text: str = "") -> messages.UnsavedAnswer:
        log.unsaved_questions += 1
        return log.unsaved_answer

    monkeypatch.setattr(messages, "ask_unsaved", ask_unsaved)
    return log


@pytest.fixture
def prefs(tmp_path: Path) -> Prefs:
    return Prefs(QSettings(str(tmp_path / "prefs.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "factory.sqlite"


@pytest.fixture
def profile_db(db_path: Path) -> Path:
    """A database whose enterprise profile exists (so the first-run screen is skipped)."""
    db = open_database(db_path)
    org.save_enterprise(
        db, org.EnterpriseProfile(name=ENTERPRISE, safety_manager_name="李安全"), actor="测试"
    )
    db.close()
    return db_path


@pytest.fixture
def window(qtbot: QtBot, profile_db: Path, prefs: Prefs) -> Iterator[MainWindow]:
    create_application([])
    main = start_main_window(profile_db, prefs)
    assert main is not None
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    main.shutdown()


@pytest.fixture
def first_page() -> str:
    """The page ``demo_window`` opens on (the remembered last page); a module testing one page
    overrides it, so the window does not first load 首页, the dearest page to fill."""
    return "home"


@pytest.fixture
def demo_window(qtbot: QtBot, demo_path: Path, prefs: Prefs, first_page: str) -> Iterator[MainWindow]:
    """The main window on a private copy of the demo factory, on the day it was built for."""
    create_application([])
    prefs.last_page = first_page
    main = start_main_window(demo_path, prefs, today=lambda: DEMO_TODAY)
    assert main is not None
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    main.shutdown()
