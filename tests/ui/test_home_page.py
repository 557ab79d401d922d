"""首页: deadline reminders (overdue and due within three days), checks due, 整改率, the trend, cards
to reprint and recent activity — each a click away in the filtered list it counts."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from dualprev.domain.checks import CheckResult
from dualprev.domain.hidden_danger import HiddenDangerDraft, HiddenDangerStatus
from dualprev.domain.ledger import LedgerFilter
from dualprev.domain.risk import RiskLevel
from dualprev.services import dashboard_service, post_card_service
from dualprev.services import organisation_service as org
from dualprev.services.changes import Entity
from dualprev.services.checks import checklists, recording
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.tasks import TaskScope
from dualprev.services.dashboard_service import ActivityKind
from dualprev.services.hidden_dangers import ledger as hd_ledger
from dualprev.services.hidden_dangers import lifecycle, registration
from dualprev.services.hidden_dangers.ledger import LedgerRow
from dualprev.ui import operations
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages.check_page import CheckPage
from dualprev.ui.pages.home_page import HomePage
from dualprev.ui.pages.ledger_page import LedgerPage
from dualprev.ui.widgets.dashboard_tree import ID_ROLE, KIND_ROLE

from ..conftest import DEMO_TODAY


@pytest.fixture
def home(demo_window: MainWindow) -> HomePage:
    page = demo_window.show_page("home")
    assert isinstance(page, HomePage)
    return page


def numbers(tree: object) -> list[str]:
    return [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]  # type: ignore[attr-defined]


def test_home_lists_overdue_and_due_soon(home: HomePage) -> None:
    db = home.ctx.db
    overdue = hd_ledger.overdue(db, today=DEMO_TODAY)  # type: ignore[arg-type]
    due = hd_ledger.due_soon(db, today=DEMO_TODAY)  # type: ignore[arg-type]
    assert overdue.total and due.total
    assert numbers(home.deadline_box.overdue_tree) == [r.number for r in overdue.rows]
    assert numbers(home.deadline_box.due_soon_tree) == [r.number for r in due.rows]
    assert home.deadline_box.overdue_title_label.text() == f"已逾期未整改：{overdue.total} 条"
    assert home.deadline_box.due_soon_title_label.text() == f"3日内到期：{due.total} 条"
    first = home.deadline_box.overdue_tree.topLevelItem(0)
    row = overdue.rows[0]
    assert first.text(3) == f"逾期 {-(row.days_left or 0)} 天" and first.text(2) == row.deadline.isoformat()  # type: ignore[union-attr]
    assert row.days_left == min(
        r.days_left for r in overdue.rows if r.days_left is not None
    )  # longest overdue first
    assert all("还剩" in home.deadline_box.due_soon_tree.topLevelItem(i).text(3) or "今天到期" in home.deadline_box.due_soon_tree.topLevelItem(i).text(3)
               for i in range(home.deadline_box.due_soon_tree.topLevelItemCount()))  # fmt: skip


def test_clicking_an_overdue_item_opens_it_in_the_filtered_ledger(
    demo_window: MainWindow, home: HomePage
) -> None:
    item = home.deadline_box.overdue_tree.topLevelItem(1)
    number = item.text(0)
    home.deadline_box.overdue_tree.itemClicked.emit(item, 0)
    ledger = demo_window.current_page()
    assert isinstance(ledger, LedgerPage)
    assert ledger.filter_bar.scope_combo.currentData() == "overdue"
    assert ledger.model.rowCount() == home.deadline_box.overdue_tree.topLevelItemCount()
    detail = ledger.detail_panel.detail()
    assert detail is not None and detail.number == number and detail.is_overdue
    selected = ledger.ledger_table.selectionModel().selectedRows()
    assert len(selected) == 1 and ledger.model.row_record(selected[0].row()).number == number  # type: ignore[union-attr]


def test_view_all_due_soon_filters_the_ledger(demo_window: MainWindow, home: HomePage) -> None:
    home.deadline_box.all_due_soon_btn.click()
    ledger = demo_window.current_page()
    assert isinstance(ledger, LedgerPage)
    assert ledger.filter_bar.scope_combo.currentData() == "due_soon"
    shown = [ledger.model.row_record(r) for r in range(ledger.model.rowCount())]
    assert sorted(r.number for r in shown if r) == sorted(numbers(home.deadline_box.due_soon_tree))
    demo_window.show_page("home")
    home.deadline_box.all_overdue_btn.click()
    assert ledger.filter_bar.scope_combo.currentData() == "overdue" and demo_window.current_page() is ledger


def test_home_follows_writes_elsewhere(demo_window: MainWindow, home: HomePage) -> None:
    db = demo_window.ctx.db
    before = home.deadline_box.due_soon_tree.topLevelItemCount()
    people = org.list_people(db)  # type: ignore[arg-type]
    registration.register(
        db,  # type: ignore[arg-type]
        HiddenDangerDraft(found_on=DEMO_TODAY, description="消防通道堆放托盘", location="仓库北门",
                          rectifier_id=people[0].id, deadline=DEMO_TODAY + timedelta(days=1)),
        actor="测试", today=DEMO_TODAY,
    )  # fmt: skip
    demo_window.ctx.events.emit_changed(Entity.HIDDEN_DANGER)
    assert home.deadline_box.due_soon_tree.topLevelItemCount() == before + 1
    first_overdue = hd_ledger.overdue(db, today=DEMO_TODAY).rows[0]  # type: ignore[arg-type]
    lifecycle.void(db, first_overdue.id, "重复登记", actor="测试", today=DEMO_TODAY)  # type: ignore[arg-type]
    demo_window.ctx.events.emit_changed(Entity.HIDDEN_DANGER)
    assert first_overdue.number not in numbers(home.deadline_box.overdue_tree)


def test_an_empty_ledger_says_so(window: MainWindow) -> None:
    home = window.show_page("home")
    assert isinstance(home, HomePage)
    assert home.deadline_box.overdue_tree.topLevelItem(0).text(1) == "没有逾期未整改的隐患"
    assert home.deadline_box.due_soon_tree.topLevelItem(0).text(1) == "近3日没有到期的隐患"
    assert (
        not home.deadline_box.all_overdue_btn.isEnabled()
        and not home.deadline_box.all_due_soon_btn.isEnabled()
    )


# --- the dashboard -----------------------------------------------------------------------------------


def test_dashboard_figures_match_the_services(home: HomePage) -> None:
    db = home.ctx.db
    figures = dashboard_service.dashboard(db, today=DEMO_TODAY)  # type: ignore[arg-type]
    assert home.checks_box.due_today_tile.number_label.text() == "2"
    assert home.checks_box.overdue_checks_tile.number_label.text() == "1"
    assert home.rate_tile.number_label.text() == figures.month_rate_text != "—"
    assert home.rate_label.text() == (
        f"本月（11月）发现隐患 {figures.month_found} 条，已整改销号 {figures.month_closed} 条"
    )
    tasks = [
        home.checks_box.tasks_tree.topLevelItem(i).text(2)
        for i in range(home.checks_box.tasks_tree.topLevelItemCount())
    ]
    assert tasks == ["冲压车间班组周检", "机加工车间岗位每班检查", "喷涂车间岗位每班检查"]  # overdue first
    assert home.checks_box.tasks_tree.topLevelItem(0).text(1) == "逾期 1 天"
    assert [(b.label, b.found, b.closed) for b in home.trend_chart.bars()] == [
        (m.label, m.found, m.closed) for m in figures.months
    ]
    assert home.activity_box.activity_tree.topLevelItemCount() == len(figures.recent) > 0
    # The demo's cards printed a month ago: two of them no longer match the risks.
    printed_on = (DEMO_TODAY - timedelta(days=30)).isoformat()
    reprints = [
        home.reprint_box.reprint_tree.topLevelItem(i)
        for i in range(home.reprint_box.reprint_tree.topLevelItemCount())
    ]
    assert [(i.text(0), i.text(2), i.text(3)) for i in reprints] == [
        ("冲压工", f"第 1 版 {printed_on}", "管控措施"),
        ("电焊工", f"第 1 版 {printed_on}", "风险等级"),
    ]
    assert "2 张已张贴的告知卡" in home.reprint_box.reprint_label.text()


def test_dashboard_clicks_open_the_filtered_lists(demo_window: MainWindow, home: HomePage) -> None:
    home.checks_box.overdue_checks_tile.click()
    checks = demo_window.current_page()
    assert isinstance(checks, CheckPage)
    assert checks.tasks_tab.scope_combo.currentData() == TaskScope.OVERDUE.value
    assert [
        checks.tasks_tab.task_model.record(r).plan_name for r in range(checks.tasks_tab.task_model.rowCount())
    ] == ["冲压车间班组周检"]
    demo_window.show_page("home")
    item = home.checks_box.tasks_tree.topLevelItem(1)
    home.checks_box.tasks_tree.itemClicked.emit(item, 0)
    selected = checks.tasks_tab.selected_task()
    assert demo_window.current_page() is checks and selected is not None
    assert selected.plan_name == "机加工车间岗位每班检查" and selected.id == item.data(0, ID_ROLE)
    demo_window.show_page("home")
    home.status_tiles[HiddenDangerStatus.RECTIFYING].click()
    ledger = demo_window.current_page()
    assert (
        isinstance(ledger, LedgerPage)
        and ledger.filter_bar.scope_combo.currentData() == HiddenDangerStatus.RECTIFYING.value
    )
    assert ledger.model.rowCount() == int(home.status_labels[HiddenDangerStatus.RECTIFYING].text())
    demo_window.show_page("home")
    home.level_labels[RiskLevel.MAJOR].click()
    risk = demo_window.current_page()
    assert risk.key == "risk" and risk.level_filter.currentData() == int(RiskLevel.MAJOR)  # type: ignore[attr-defined]
    demo_window.show_page("home")
    record_item = next(
        home.activity_box.activity_tree.topLevelItem(i)
        for i in range(home.activity_box.activity_tree.topLevelItemCount())
        if home.activity_box.activity_tree.topLevelItem(i).data(0, KIND_ROLE)
        == ActivityKind.CHECK_RECORD.value
    )
    home.activity_box.activity_tree.itemClicked.emit(record_item, 0)
    assert demo_window.current_page() is checks and checks.tabs.currentIndex() == checks.RECORDS_TAB
    shown = checks.records_tab.record_model.record(
        checks.records_tab.records_table.selectionModel().selectedRows()[0].row()
    )
    assert shown.id == record_item.data(0, ID_ROLE)


def _shown(ledger: LedgerPage) -> list[LedgerRow]:
    records = (ledger.model.row_record(r) for r in range(ledger.model.rowCount()))
    return [r for r in records if r is not None]


def test_this_months_rate_and_a_month_bar_open_the_ledger_for_that_period(
    demo_window: MainWindow, home: HomePage
) -> None:
    db = home.ctx.db
    figures = dashboard_service.dashboard(db, today=DEMO_TODAY)  # type: ignore[arg-type]
    home.rate_tile.click()
    ledger = demo_window.current_page()
    assert isinstance(ledger, LedgerPage)
    month_start = DEMO_TODAY.replace(day=1)
    assert ledger.filter_bar.date_check.isChecked() and ledger.filter_bar.from_date_edit.isEnabled()
    assert ledger.filter_bar.from_date_edit.date().toPython() == month_start
    assert ledger.filter_bar.to_date_edit.date().toPython() == DEMO_TODAY
    rows = _shown(ledger)
    assert rows and all(month_start <= r.found_on <= DEMO_TODAY for r in rows)
    assert sum(1 for r in rows if r.status is not HiddenDangerStatus.VOID) == figures.month_found
    in_month = hd_ledger.query(
        db, LedgerFilter(found_from=month_start, found_to=DEMO_TODAY), today=DEMO_TODAY
    )  # type: ignore[arg-type]
    assert ledger.model.rowCount() == in_month.total < hd_ledger.query(db, today=DEMO_TODAY).total  # type: ignore[arg-type]

    demo_window.show_page("home")
    september = next(i for i, m in enumerate(figures.months) if (m.year, m.month) == (2026, 9))
    home.trend_chart.month_clicked.emit(september)
    assert demo_window.current_page() is ledger
    assert ledger.filter_bar.from_date_edit.date().toPython() == date(2026, 9, 1)
    assert ledger.filter_bar.to_date_edit.date().toPython() == date(2026, 9, 30)
    rows = _shown(ledger)
    assert rows and all(r.found_on.month == 9 for r in rows)
    assert sum(1 for r in rows if r.status is not HiddenDangerStatus.VOID) == figures.months[september].found

    demo_window.show_page("home")
    home.deadline_box.all_overdue_btn.click()  # a focus without dates clears the period again
    assert (
        not ledger.filter_bar.date_check.isChecked()
        and ledger.filter_bar.scope_combo.currentData() == "overdue"
    )


def test_stale_post_cards_are_listed_for_reprinting(demo_window: MainWindow, home: HomePage) -> None:
    db = demo_window.ctx.db
    card = post_card_service.list_cards(db, today=DEMO_TODAY)[0]  # type: ignore[arg-type]
    post_card_service.record_print(db, [card], actor="测试")  # type: ignore[arg-type]
    post = next(p for p in org.list_posts(db) if p.id == card.post_id)  # type: ignore[arg-type]
    org.save_post(db, replace(post, work_content=post.work_content + "；兼管砂轮机"), actor="测试")  # type: ignore[arg-type]
    demo_window.ctx.events.emit_changed(Entity.ORGANISATION)
    item = home.reprint_box.reprint_tree.topLevelItem(0)
    assert item.text(0) == card.computed.post and item.text(2).startswith("第 1 版")
    assert "3 张已张贴的告知卡" in home.reprint_box.reprint_label.text()  # with the demo's two
    home.reprint_box.reprint_tree.itemClicked.emit(item, 0)
    cards = demo_window.current_page()
    assert cards.key == "post_cards" and cards.current_card().post_id == card.post_id  # type: ignore[attr-defined]


def test_a_recorded_check_updates_home(demo_window: MainWindow, home: HomePage) -> None:
    db = demo_window.ctx.db
    task = next(t for t in check_tasks.list_tasks(db, today=DEMO_TODAY, scope=TaskScope.TODAY))  # type: ignore[arg-type]
    checklist = checklists.checklist(db, task_id=task.id)  # type: ignore[arg-type]
    results = tuple(recording.ResultInput(i.content, CheckResult.PASS, i.item_id) for i in checklist.items)
    before = int(home.checks_box.month_checks_tile.number_label.text())
    recording.record_check(db, recording.CheckInput(DEMO_TODAY, task.assignee_name, results, task_id=task.id),  # type: ignore[arg-type]
                    actor="测试", today=DEMO_TODAY)  # fmt: skip
    demo_window.ctx.events.emit_changed(Entity.CHECK)
    assert home.checks_box.due_today_tile.number_label.text() == "1"
    assert int(home.checks_box.month_checks_tile.number_label.text()) == before + 1
    assert (
        home.activity_box.activity_tree.topLevelItem(0).data(0, KIND_ROLE) == ActivityKind.CHECK_RECORD.value
    )


def test_a_new_enterprise_is_guided_through_its_setup(window: MainWindow) -> None:
    home = window.show_page("home")
    assert isinstance(home, HomePage)
    box = home.setup_box
    assert box.isVisible() and box.progress_label.text() == "已完成 0/6 步"
    assert [b.text().split("\n")[0] for b in box.step_buttons.values()] == [
        "1  部门/车间", "2  人员", "3  岗位", "4  区域", "5  风险点", "6  告知卡",
    ]  # fmt: skip
    box.step_buttons["people"].click()
    enterprise = window.current_page()
    assert enterprise.key == "enterprise" and enterprise.tabs.currentIndex() == 2  # type: ignore[attr-defined]
    operations.write(
        enterprise,
        window.ctx.events,
        lambda: org.save_department(window.ctx.db, org.DepartmentInfo("机加车间"), actor="t"),
    )
    window.show_page("home")
    assert box.progress_label.text() == "已完成 1/6 步"
    assert box.step_buttons["departments"].text() == "✓  部门/车间\n已完成（1）"
    assert box.step_buttons["risk_points"].text().endswith("未完成")
    box.step_buttons["risk_points"].click()
    assert window.current_page().key == "risk"


def test_the_guide_is_gone_once_every_step_is_done(home: HomePage) -> None:
    assert not home.setup_box.isVisible()  # the demo factory has departments … printed cards
    assert home.setup_box.progress_label.text() == "已完成 6/6 步"
