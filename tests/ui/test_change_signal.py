"""One change signal: every committed write reaches the pages, and a page reloads only when the
write changed something it shows (at once when visible, when next shown otherwise)."""

from dataclasses import replace
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from dualprev.services import organisation_service as org
from dualprev.services.changes import Entity
from dualprev.services.organisation_service import DepartmentInfo
from dualprev.ui import tasks
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages.page import Page

from .conftest import wait_for_tasks


@pytest.fixture
def first_page() -> str:
    return "ledger"


def _count_reloads(monkeypatch: pytest.MonkeyPatch, page: Page) -> list[str]:
    calls: list[str] = []
    original = page.reload

    def counted() -> None:
        calls.append(page.key)
        original()

    monkeypatch.setattr(page, "reload", counted)
    return calls


def test_a_write_reloads_only_the_pages_that_show_it(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = demo_window.page("ledger")
    risk = demo_window.page("risk")
    enterprise = demo_window.page("enterprise")
    demo_window.show_page("ledger")
    ledger_reloads = _count_reloads(monkeypatch, ledger)
    risk_reloads = _count_reloads(monkeypatch, risk)
    enterprise_reloads = _count_reloads(monkeypatch, enterprise)

    # A department is organisation data: the visible ledger (its pickers list departments)
    # reloads now; the hidden enterprise page only when shown; the risk page (which lists no
    # departments) never — even though it was built already and stays in memory.
    org.save_department(demo_window.ctx.db, DepartmentInfo(name="新建车间"), actor="测试")
    assert ledger_reloads == ["ledger"]
    assert enterprise_reloads == []
    demo_window.show_page("enterprise")
    assert enterprise_reloads == ["enterprise"]
    assert "新建车间" in [d.name for d in org.list_departments(demo_window.ctx.db)]

    demo_window.show_page("risk")
    risk_reloads.clear()
    profile = org.get_enterprise(demo_window.ctx.db)
    assert profile is not None
    org.save_enterprise(demo_window.ctx.db, replace(profile, name="改名后的机械厂"), actor="测试")
    assert risk_reloads == []  # the risk page shows no enterprise data
    assert "改名后的机械厂" in demo_window.windowTitle()  # the window listens too


def test_a_background_write_reaches_the_gui_thread(
    demo_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = demo_window.page("ledger")
    reloads = _count_reloads(monkeypatch, ledger)
    db = demo_window.ctx.db
    done: list[Any] = []
    tasks.run_in_background(
        demo_window,
        "测试",
        lambda: org.save_department(db, DepartmentInfo(name="后台车间"), actor="测试"),
        done.append,
    )
    wait_for_tasks(qtbot)
    assert done and reloads == ["ledger"]


def test_an_incomplete_page_is_refused_when_defined() -> None:
    with pytest.raises(TypeError, match="reload"):

        class NoReload(Page):  # pyright: ignore[reportUnusedClass]
            key = "x"
            title = "x"
            shows = frozenset({Entity.RISK})

    with pytest.raises(TypeError, match="shows"):

        class NoShows(Page):  # pyright: ignore[reportUnusedClass]
            key = "x"
            title = "x"

            def reload(self) -> None:
                pass


def test_every_page_declares_what_it_shows(demo_window: MainWindow) -> None:
    for key in ("home", "ledger", "risk", "enterprise", "checks", "post_cards", "risk_map", "reports"):
        page = demo_window.page(key)
        assert page.shows, key
    assert demo_window.page("home").shows == frozenset(Entity)
