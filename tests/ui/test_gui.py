"""Start-up: first run, the lock against a second window, unusable files, the fonts."""

import sys
import types
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from pytestqt.qtbot import QtBot

from dualprev.services import organisation_service as org
from dualprev.storage.db import Database, open_database
from dualprev.ui import gui
from dualprev.ui.dialogs.first_run_dialog import FirstRunChoice, FirstRunDialog
from dualprev.ui.prefs import Prefs

from .conftest import MessageLog


def _enterprise_name(path: Path) -> str | None:
    db = open_database(path)
    try:
        profile = org.get_enterprise(db)
        return profile.name if profile else None
    finally:
        db.close()


def test_first_run_creates_profile_then_main_window_opens(
    qtbot: QtBot, db_path: Path, prefs: Prefs, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = org.EnterpriseProfile(
        name="新城五金厂", safety_manager_name="王安全", duty_phone="0512-6666666"
    )
    shown: list[object] = []

    def choose(cls: type, parent: object, initial: object = None) -> FirstRunChoice:
        shown.append(initial)
        return FirstRunChoice(profile=profile)

    monkeypatch.setattr(FirstRunDialog, "choose", classmethod(choose))
    window = gui.start_main_window(db_path, prefs)
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.windowTitle() == f"新城五金厂 - {db_path.name}（{db_path.parent}） - 双重预防管理"
        assert window.current_page().key == "home"
        assert window.ctx.actor() == "王安全"
    finally:
        window.shutdown()
    assert shown == [None]
    assert _enterprise_name(db_path) == "新城五金厂"

    # The second start goes straight to the main window.
    monkeypatch.setattr(
        FirstRunDialog, "choose", classmethod(lambda *_a, **_k: pytest.fail("first run again"))
    )
    again = gui.start_main_window(db_path, prefs)
    assert again is not None
    qtbot.addWidget(again)
    again.shutdown()


def test_quitting_first_run_exits_and_releases_the_lock(
    db_path: Path, prefs: Prefs, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FirstRunDialog, "choose", classmethod(lambda *_a, **_k: None))
    assert gui.start_main_window(db_path, prefs) is None
    lock = gui.lock_database(db_path)
    assert lock is not None
    lock.unlock()


def test_first_run_dialog_checks_the_uscc_before_accepting(qtbot: QtBot) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.ui.name_edit.setText("新城五金厂")
    dialog.ui.uscc_edit.setText("91350100M000100Y4")
    dialog.ui.create_btn.click()
    assert dialog.choice is None
    assert "统一社会信用代码应为18位" in dialog.errors.message
    assert dialog.errors.is_marked("uscc")
    dialog.ui.uscc_edit.setText("91350100m000100y43")
    dialog.ui.create_btn.click()
    assert dialog.choice is not None and dialog.choice.profile is not None
    assert dialog.choice.profile.uscc == "91350100M000100Y43"
    assert dialog.choice.profile.name == "新城五金厂"


def test_first_run_dialog_requires_a_name(qtbot: QtBot) -> None:
    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.ui.create_btn.click()
    assert dialog.choice is None
    assert dialog.errors.message == "企业名称不能为空"


def test_load_demo_runs_in_the_background_and_opens_the_main_window(
    qtbot: QtBot, db_path: Path, prefs: Prefs, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[bool] = []

    def build_demo(db: Database, *, today: date, actor: str = "系统") -> str:
        import threading

        threads.append(threading.current_thread() is threading.main_thread())
        org.save_enterprise(db, org.EnterpriseProfile(name="示例机械有限公司"), actor=actor)
        return "ok"

    fake = types.ModuleType("dualprev.demo.builder")
    fake.build_demo = build_demo  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dualprev.demo.builder", fake)
    monkeypatch.setattr(
        FirstRunDialog, "choose", classmethod(lambda *_a, **_k: FirstRunChoice(load_demo=True))
    )
    window = gui.start_main_window(db_path, prefs)
    assert window is not None
    qtbot.addWidget(window)
    window.shutdown()
    assert threads == [False]
    assert window.windowTitle() == f"示例机械有限公司 - {db_path.name}（{db_path.parent}） - 双重预防管理"


def test_demo_failure_is_reported_and_first_run_shown_again(
    db_path: Path, prefs: Prefs, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    from dualprev.errors import ConflictError

    def build_demo(db: Database, *, today: date, actor: str = "系统") -> None:
        raise ConflictError("数据库不是空的，不能加载示例企业")

    fake = types.ModuleType("dualprev.demo.builder")
    fake.build_demo = build_demo  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "dualprev.demo.builder", fake)
    answers = iter([FirstRunChoice(load_demo=True), None])
    monkeypatch.setattr(FirstRunDialog, "choose", classmethod(lambda *_a, **_k: next(answers)))
    assert gui.start_main_window(db_path, prefs) is None
    assert message_log.errors == ["数据库不是空的，不能加载示例企业"]


def test_second_window_on_the_same_database_is_refused(
    profile_db: Path, prefs: Prefs, message_log: MessageLog
) -> None:
    held = gui.lock_database(profile_db)
    assert held is not None
    try:
        assert gui.start_main_window(profile_db, prefs) is None
    finally:
        held.unlock()
    assert len(message_log.errors) == 1
    assert "已经在另一个" in message_log.errors[0] and str(profile_db) in message_log.errors[0]


def test_unusable_database_file_is_reported(db_path: Path, prefs: Prefs, message_log: MessageLog) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not a database at all" * 100)
    assert gui.start_main_window(db_path, prefs) is None
    assert message_log.errors and "数据库" in message_log.errors[0]
    assert gui.lock_database(db_path) is not None  # released again


def test_bundled_font_is_registered_as_fallback(qapp: object) -> None:
    app = gui.create_application([])
    families = gui.install_cjk_font(app)
    assert families, "the bundled WenQuanYi font did not load"
    assert families[0] in app.font().families()
    assert any(f in QFontDatabase.families() for f in families)


def test_qt_warnings_go_to_logging(caplog: pytest.LogCaptureFixture) -> None:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

    with caplog.at_level("WARNING", logger="qt"):
        gui._qt_message_handler(QtMsgType.QtWarningMsg, QMessageLogContext(), "something odd")
    assert [r.getMessage() for r in caplog.records] == ["something odd"]
