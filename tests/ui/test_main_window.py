"""The main window: pages, navigation, remembered page and geometry, title, status bar."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from dualprev.services import organisation_service as org
from dualprev.storage.db import open_database
from dualprev.storage.models import Setting
from dualprev.ui.gui import start_main_window
from dualprev.ui.main_window import PAGES, MainWindow
from dualprev.ui.prefs import Prefs

from .conftest import ENTERPRISE, MessageLog

PAGE_TITLES = [
    "首页",
    "企业信息",
    "风险辨识评估",
    "岗位告知卡",
    "四色分布图",
    "隐患排查",
    "隐患台账",
    "重大隐患自查",
    "履职与培训",
    "特种作业与应急",
    "报表导出",
    "数据导入",
    "数据备份",
    "设置",
    "手机访问",
]


def test_every_page_exists_in_order_and_switches(window: MainWindow) -> None:
    assert [p.title for p in window.pages()] == PAGE_TITLES
    nav = [window.nav_list.item(i).text() for i in range(window.nav_list.count())]
    assert nav == PAGE_TITLES
    for row, page in enumerate(window.pages()):
        window.nav_list.setCurrentRow(row)
        assert window.pages_stack.currentWidget() is page
        assert window.current_page() is page
        assert page.isVisible()


def test_navigation_entries_name_their_pages() -> None:
    assert [(e.key, e.title) for e in PAGES] == [(e.page_class().key, e.page_class().title) for e in PAGES]


def test_importing_the_main_window_imports_no_page_and_no_report_library() -> None:
    """Pages (and what they import) load when first shown; report libraries when an export starts."""
    probe = (
        "import sys\n"
        "import dualprev.ui.main_window\n"
        "heavy = ('reportlab', 'openpyxl', 'pypdfium2')\n"
        "print(sorted(m for m in sys.modules if m.startswith('dualprev.ui.pages.') or m in heavy))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['dualprev.ui.pages.page']"


def test_title_and_status_bar(window: MainWindow, profile_db: Path) -> None:
    assert window.windowTitle() == f"{ENTERPRISE} - {profile_db.name}（{profile_db.parent}） - 双重预防管理"
    assert str(profile_db) in window.db_path_label.text()


def test_last_page_and_geometry_are_restored(
    qtbot: QtBot, window: MainWindow, profile_db: Path, prefs: Prefs
) -> None:
    window.show_page("ledger")
    window.resize(790, 640)
    # The window may not shrink below its pages' minimum sizes: compare with what it really became.
    saved = (window.width(), window.height())
    window.close()
    window.shutdown()
    reread = Prefs(QSettings(prefs.settings.fileName(), QSettings.Format.IniFormat))
    assert reread.last_page == "ledger"
    assert reread.geometry is not None
    again = start_main_window(profile_db, reread)
    assert again is not None
    qtbot.addWidget(again)
    try:
        assert again.current_page().key == "ledger"
        assert again.nav_list.currentRow() == PAGE_TITLES.index("隐患台账")
        assert again.height() == saved[1]
        # Qt keeps a restored window on its screen; the offscreen screen is only 800 pixels wide.
        screen_width = again.screen().availableGeometry().width()
        assert again.width() == saved[0] or (saved[0] > screen_width and again.width() <= screen_width)
    finally:
        again.shutdown()


def test_unknown_last_page_falls_back_to_home(qtbot: QtBot, profile_db: Path, prefs: Prefs) -> None:
    prefs.last_page = "no-such-page"
    window = start_main_window(profile_db, prefs)
    assert window is not None
    qtbot.addWidget(window)
    try:
        assert window.current_page().key == "home"
    finally:
        window.shutdown()


def test_title_follows_the_enterprise_name(window: MainWindow) -> None:
    page = window.show_page("enterprise")
    form = page.profile_form  # type: ignore[attr-defined]
    form.ui.name_edit.setText("恒锐精密机械（苏州）有限公司")
    form.ui.save_btn.click()
    assert window.windowTitle().startswith("恒锐精密机械（苏州）有限公司 - factory.sqlite（")


def test_a_corrupt_setting_is_reported_at_start_and_the_window_still_opens(
    qtbot: QtBot, profile_db: Path, prefs: Prefs, message_log: MessageLog
) -> None:
    db = open_database(profile_db)
    with db.session() as s:
        s.merge(Setting(key="deadline_days.team", value='"three"'))
    db.close()
    window = start_main_window(profile_db, prefs)
    assert window is not None
    qtbot.addWidget(window)
    try:
        [shown] = message_log.errors
        assert "设置“班组级隐患整改期限（天）”的保存值无法使用" in shown and "默认值" in shown
    finally:
        window.shutdown()


def test_sound_settings_start_without_a_message(window: MainWindow, message_log: MessageLog) -> None:
    assert message_log.errors == []


def test_leaving_unsaved_enterprise_edits_asks_first(window: MainWindow, message_log: MessageLog) -> None:
    from dualprev.ui import messages

    page = window.show_page("enterprise")
    form = page.profile_form  # type: ignore[attr-defined]
    window.show_page("home")
    assert message_log.unsaved_questions == 0  # nothing changed: no question
    window.show_page("enterprise")
    form.ui.name_edit.setText("没保存的名字")
    message_log.unsaved_answer = messages.UnsavedAnswer.CANCEL
    window.nav_list.setCurrentRow(0)
    assert window.current_page() is page and form.ui.name_edit.text() == "没保存的名字"
    window.close()
    assert window.isVisible()  # closing is refused too while the edit is neither saved nor dropped
    message_log.unsaved_answer = messages.UnsavedAnswer.SAVE
    window.nav_list.setCurrentRow(0)
    assert window.current_page().key == "home"
    profile = org.get_enterprise(window.ctx.db)
    assert profile is not None and profile.name == "没保存的名字"
    assert message_log.unsaved_questions == 3


def test_every_page_has_its_bundled_navigation_icon(window: MainWindow) -> None:
    from dualprev.paths import resource_path
    from dualprev.ui.main_window import PAGES

    for row, entry in enumerate(PAGES):
        assert resource_path("icons", f"{entry.key}.svg").stat().st_size > 100
        icon = window.nav_list.item(row).icon()
        assert not icon.isNull() and not icon.pixmap(20, 20).isNull(), entry.key
