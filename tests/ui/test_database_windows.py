"""The 文件 menu: new, open, recent, restore, save as archive; the title names the file; a damaged
file is offered its backup; the screens are rendered and saved for a look."""

import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dualprev.services import archive_service
from dualprev.services import organisation_service as org
from dualprev.storage import migrate
from dualprev.ui import main_window as main_window_module
from dualprev.ui.database_windows import DatabaseWindows
from dualprev.ui.gui import create_application, start_main_window
from dualprev.ui.main_window import MainWindow
from dualprev.ui.prefs import Prefs

from .conftest import MessageLog, wait_for_tasks

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def windows(qtbot: QtBot, profile_db: Path, prefs: Prefs) -> Iterator[DatabaseWindows]:
    create_application([])
    first = start_main_window(profile_db, prefs)
    assert first is not None
    manager = DatabaseWindows(lambda path, lock: start_main_window(path, prefs, lock=lock))
    manager.adopt(first)
    qtbot.waitExposed(first)
    wait_for_tasks(qtbot)
    yield manager
    wait_for_tasks(qtbot)
    manager.shutdown()


def _current(windows: DatabaseWindows) -> MainWindow:
    assert windows.window is not None
    return windows.window


def test_title_names_the_enterprise_and_the_file_and_a_daily_archive_is_made(
    windows: DatabaseWindows, profile_db: Path
) -> None:
    window = _current(windows)
    assert profile_db.name in window.windowTitle() and str(profile_db.parent) in window.windowTitle()
    assert window.windowFilePath() == str(profile_db)
    assert len(archive_service.list_archives(profile_db)) == 1
    names = [a.text() for a in window.menuBar().actions()]
    assert names == ["文件(&F)"]
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.text()]
    assert (
        texts[:2] == ["新建数据库…", "打开数据库…"] and "恢复备份…" in texts and "另存为/导出归档…" in texts
    )


def test_new_then_open_recent_switches_the_window_and_keeps_one_lock_per_file(
    qtbot: QtBot, windows: DatabaseWindows, profile_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dualprev.ui import gui

    new_path = tmp_path / "other" / "second.sqlite"
    new_path.parent.mkdir()
    monkeypatch.setattr(main_window_module, "choose_new_database", lambda _p, _s: new_path)

    def first_run(ctx: object) -> bool:
        org.save_enterprise(ctx.db, org.EnterpriseProfile(name="第二家工厂"), actor="t")  # type: ignore[attr-defined]
        return True

    monkeypatch.setattr(gui, "run_first_run", first_run)
    _current(windows).new_action.trigger()
    wait_for_tasks(qtbot)
    assert _current(windows).ctx.db.path == new_path
    assert "第二家工厂" in _current(windows).windowTitle()
    released = gui.lock_database(profile_db)
    assert released is not None  # the first file's lock went with its window
    released.unlock()
    recent = [a.text() for a in _current(windows).recent_menu.actions()]
    assert recent == [str(profile_db)]


def test_save_archive_then_restore_it_through_the_file_menu(
    qtbot: QtBot,
    windows: DatabaseWindows,
    profile_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_log: MessageLog,
) -> None:
    target = tmp_path / "usb.dpbak"
    monkeypatch.setattr(main_window_module, "choose_archive_target", lambda _p, _s: target)
    _current(windows).archive_action.trigger()
    wait_for_tasks(qtbot)
    assert target.exists() and "已保存并校验备份归档" in message_log.infos[-1]
    org.save_enterprise(_current(windows).ctx.db, org.EnterpriseProfile(name="改过的名字"), actor="t")

    monkeypatch.setattr(main_window_module, "choose_archive", lambda _p, _s: target)
    before = _current(windows)
    before.restore_action.trigger()
    qtbot.waitUntil(lambda: windows.window is not before, timeout=30_000)
    wait_for_tasks(qtbot)
    assert "企业：" in message_log.confirmations[-1] and "备份时间" in message_log.confirmations[-1]
    assert "已从备份恢复" in message_log.infos[-1]
    profile = org.get_enterprise(_current(windows).ctx.db)
    assert profile is not None and profile.name != "改过的名字"
    reasons = {entry.reason for entry in archive_service.list_archives(profile_db)}
    assert "restore" in reasons  # the state before the restore was kept


def test_a_damaged_archive_is_refused_and_the_window_stays(
    qtbot: QtBot,
    windows: DatabaseWindows,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_log: MessageLog,
) -> None:
    bad = tmp_path / "bad.dpbak"
    bad.write_bytes(b"PK\x03\x04 broken")
    monkeypatch.setattr(main_window_module, "choose_archive", lambda _p, _s: bad)
    before = _current(windows)
    before.restore_action.trigger()
    wait_for_tasks(qtbot)
    assert windows.window is before and before.isEnabled()
    assert message_log.errors and "损坏" in message_log.errors[-1]


def test_a_half_upgraded_file_is_repaired_from_its_backup_when_the_user_agrees(
    qtbot: QtBot, tmp_path: Path, prefs: Prefs, message_log: MessageLog
) -> None:
    create_application([])
    path = tmp_path / "plant.sqlite"
    shutil.copy(FIXTURES / "schema_0002.sqlite", path)
    backup = migrate.backup_file(path, "v2")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE _alembic_tmp_risk_point (id INTEGER NOT NULL PRIMARY KEY)")
        conn.commit()
    message_log.confirm_answer = False
    assert start_main_window(path, prefs) is None
    assert str(backup) in message_log.confirmations[-1]
    message_log.confirm_answer = True
    window = start_main_window(path, prefs)
    assert window is not None
    qtbot.addWidget(window)
    assert "旧版测试机械厂" in window.windowTitle()
    window.close()
    window.shutdown()


def test_screens_render(qtbot: QtBot, demo_window: MainWindow, tmp_path: Path) -> None:
    """Rendered offscreen and saved, to be looked at (and to catch a page that fails to paint)."""
    page = demo_window.show_page("backup")
    archive_service.daily_archive(demo_window.ctx.db, keep=5)
    page.reload()
    shot = tmp_path / "backup_page.png"
    assert demo_window.grab().save(str(shot))
    assert shot.stat().st_size > 10_000
