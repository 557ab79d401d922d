"""首页's deadline reminders: overdue and due within three days, each a click away in the ledger."""

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dualprev.domain.hidden_danger import HiddenDangerDraft
from dualprev.services import hidden_danger_service as hs
from dualprev.services import organisation_service as org
from dualprev.ui.gui import create_application, start_main_window
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages.home_page import HomePage
from dualprev.ui.pages.ledger_page import LedgerPage
from dualprev.ui.prefs import Prefs

from ..conftest import DEMO_TODAY


@pytest.fixture
def demo_window(qtbot: QtBot, demo_path: Path, prefs: Prefs) -> Iterator[MainWindow]:
    create_application([])
    main = start_main_window(demo_path, prefs, today=lambda: DEMO_TODAY)
    assert main is not None
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    main.shutdown()


@pytest.fixture
def home(demo_window: MainWindow) -> HomePage:
    page = demo_window.show_page("home")
    assert isinstance(page, HomePage)
    return page


def numbers(tree: object) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]  # type: ignore[attr-defined]


def test_home_lists_overdue_and_due_soon(home: HomePage) -> None:
    db = home.ctx.db
    overdue = hs.overdue(db, today=DEMO_TODAY)  # type: ignore[arg-type]
    due = hs.due_soon(db, today=DEMO_TODAY)  # type: ignore[arg-type]
    assert overdue.total and due.total
    assert numbers(home.overdue_tree) == [r.number for r in overdue.rows]
    assert numbers(home.due_soon_tree) == [r.number for r in due.rows]
    assert home.overdue_title_label.text() == f"已逾期未整改：{overdue.total} 条"
    assert home.due_soon_title_label.text() == f"3日内到期：{due.total} 条"
    first = home.overdue_tree.topLevelItem(0)
    row = overdue.rows[0]
    assert first.text(3) == f"逾期 {-(row.days_left or 0)} 天" and first.text(2) == row.deadline.isoformat()  # type: ignore[union-attr]
    assert row.days_left == min(
        r.days_left for r in overdue.rows if r.days_left is not None
    )  # longest overdue first
    assert all("还剩" in home.due_soon_tree.topLevelItem(i).text(3) or "今天到期" in home.due_soon_tree.topLevelItem(i).text(3)
               for i in range(home.due_soon_tree.topLevelItemCount()))  # fmt: skip


def test_clicking_an_overdue_item_opens_it_in_the_filtered_ledger(
    demo_window: MainWindow, home: HomePage
) -> None:
    item = home.overdue_tree.topLevelItem(1)
    number = item.text(0)
    home.overdue_tree.itemClicked.emit(item, 0)
    ledger = demo_window.current_page()
    assert isinstance(ledger, LedgerPage)
    assert ledger.scope_combo.currentData() == "overdue"
    assert ledger.model.rowCount() == home.overdue_tree.topLevelItemCount()
    detail = ledger.detail_panel.detail()
    assert detail is not None and detail.number == number and detail.is_overdue
    selected = ledger.ledger_table.selectionModel().selectedRows()
    assert len(selected) == 1 and ledger.model.row_record(selected[0].row()).number == number  # type: ignore[union-attr]


def test_view_all_due_soon_filters_the_ledger(demo_window: MainWindow, home: HomePage) -> None:
    home.all_due_soon_btn.click()
    ledger = demo_window.current_page()
    assert isinstance(ledger, LedgerPage)
    assert ledger.scope_combo.currentData() == "due_soon"
    shown = [ledger.model.row_record(r) for r in range(ledger.model.rowCount())]
    assert sorted(r.number for r in shown if r) == sorted(numbers(home.due_soon_tree))
    demo_window.show_page("home")
    home.all_overdue_btn.click()
    assert ledger.scope_combo.currentData() == "overdue" and demo_window.current_page() is ledger


def test_home_follows_writes_elsewhere(demo_window: MainWindow, home: HomePage) -> None:
    db = demo_window.ctx.db
    before = home.due_soon_tree.topLevelItemCount()
    people = org.list_people(db)  # type: ignore[arg-type]
    hs.register(
        db,  # type: ignore[arg-type]
        HiddenDangerDraft(found_on=DEMO_TODAY, description="消防通道堆放托盘", location="仓库北门",
                          rectifier_id=people[0].id, deadline=DEMO_TODAY + timedelta(days=1)),
        actor="测试", today=DEMO_TODAY,
    )  # fmt: skip
    demo_window.ctx.events.emit_changed("hidden_danger")
    assert home.due_soon_tree.topLevelItemCount() == before + 1
    first_overdue = hs.overdue(db, today=DEMO_TODAY).rows[0]  # type: ignore[arg-type]
    hs.void(db, first_overdue.id, "重复登记", actor="测试", today=DEMO_TODAY)  # type: ignore[arg-type]
    demo_window.ctx.events.emit_changed("hidden_danger")
    assert first_overdue.number not in numbers(home.overdue_tree)


def test_an_empty_ledger_says_so(window: MainWindow) -> None:
    home = window.show_page("home")
    assert isinstance(home, HomePage)
    assert home.overdue_tree.topLevelItem(0).text(1) == "没有逾期未整改的隐患"
    assert home.due_soon_tree.topLevelItem(0).text(1) == "近3日没有到期的隐患"
    assert not home.all_overdue_btn.isEnabled() and not home.all_due_soon_btn.isEnabled()
