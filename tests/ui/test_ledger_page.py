"""隐患台账 page on the demo factory: filters, overdue rows, the detail panel, and the loop's steps —
including the refusals (closing without acceptance, moving a 重大隐患 without its plan)."""

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dualprev.domain.hidden_danger import (
    REMEDIATION_PLAN_ITEMS,
    HiddenDangerCategory,
    HiddenDangerDraft,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    OwnerTier,
    PhotoStage,
)
from dualprev.domain.ledger import LedgerFilter, LedgerSort, LedgerSortKey
from dualprev.services import organisation_service as org
from dualprev.services import photo_service
from dualprev.services.changes import Entity
from dualprev.services.hidden_dangers import choices as hd_choices
from dualprev.services.hidden_dangers import detail as hd_detail
from dualprev.services.hidden_dangers import ledger as hd_ledger
from dualprev.services.hidden_dangers import lifecycle
from dualprev.services.hidden_dangers import registration as hd_registration
from dualprev.services.hidden_dangers.ledger import LedgerResult, LedgerRow
from dualprev.services.hidden_dangers.lifecycle import AcceptanceInput, CompletionInput, StartInput, VoidInput
from dualprev.storage.models import HiddenDanger
from dualprev.ui.dialogs import hidden_danger_acceptance_dialog as acceptance_module
from dualprev.ui.dialogs.hidden_danger_acceptance_dialog import HiddenDangerAcceptanceDialog
from dualprev.ui.dialogs.hidden_danger_completion_dialog import HiddenDangerCompletionDialog
from dualprev.ui.dialogs.hidden_danger_dialog import HiddenDangerDialog, HiddenDangerRegistration
from dualprev.ui.dialogs.hidden_danger_plan_dialog import HiddenDangerPlanDialog
from dualprev.ui.dialogs.hidden_danger_step_dialog import HiddenDangerStepDialog
from dualprev.ui.main_window import MainWindow
from dualprev.ui.models.hidden_danger_table_model import (
    OVERDUE_BACKGROUND,
    HiddenDangerColumn,
    HiddenDangerTableModel,
)
from dualprev.ui.pages import ledger_page
from dualprev.ui.pages.ledger_page import LedgerFocus, LedgerPage

from ..conftest import DEMO_TODAY, count_rows
from .conftest import MessageLog, drive_dialog, press_ok, wait_for_tasks


@pytest.fixture
def first_page() -> str:
    return "ledger"


S = HiddenDangerStatus
BG = Qt.ItemDataRole.BackgroundRole


@pytest.fixture
def ledger(demo_window: MainWindow) -> LedgerPage:
    page = demo_window.show_page("ledger")
    assert isinstance(page, LedgerPage)
    return page


def rows(page: LedgerPage) -> list[LedgerRow]:
    found = [page.model.row_record(r) for r in range(page.model.rowCount())]
    return [r for r in found if r is not None]


def row_of(page: LedgerPage, number: str) -> int:
    return next(i for i, r in enumerate(rows(page)) if r.number == number)


def select(page: LedgerPage, number: str) -> None:
    page.ledger_table.selectRow(row_of(page, number))
    detail = page.detail_panel.detail()
    assert detail is not None and detail.number == number


def jpeg_file(path: Path, colour: tuple[int, int, int] = (200, 40, 40)) -> Path:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def register_major(window: MainWindow) -> int:
    people = org.list_people(window.ctx.db)  # type: ignore[arg-type]
    detail = hd_registration.register(
        window.ctx.db,  # type: ignore[arg-type]
        HiddenDangerDraft(
            found_on=DEMO_TODAY,
            description="抛丸机除尘器未设置泄爆装置",
            level=HiddenDangerLevel.MAJOR,
            location="抛丸间",
            rectifier_id=people[0].id,
            deadline=DEMO_TODAY + timedelta(days=45),
            standard_item="11-3",
        ),
        actor="测试",
        today=DEMO_TODAY,
    )
    window.ctx.events.emit_changed(Entity.HIDDEN_DANGER)
    return detail.id


# --- the table -----------------------------------------------------------------------------------------


def every_hidden_danger(ledger: LedgerPage) -> int:
    return count_rows(ledger.ctx.db, HiddenDanger)


def test_ledger_shows_every_status_and_overdue_rows_stand_out(ledger: LedgerPage) -> None:
    shown = rows(ledger)
    assert ledger.model.rowCount() == len(shown) == every_hidden_danger(ledger)  # void ones included
    assert {r.status for r in shown} == set(S)
    overdue = [i for i, r in enumerate(shown) if r.is_overdue]
    assert overdue
    for i in overdue:
        for column in HiddenDangerColumn:
            assert ledger.model.index(i, column).data(BG).color() == OVERDUE_BACKGROUND
        assert "逾期" in ledger.model.index(i, HiddenDangerColumn.STATUS).data()
    on_time = next(i for i, r in enumerate(shown) if r.status is S.CLOSED)
    assert ledger.model.index(on_time, HiddenDangerColumn.NUMBER).data(BG) is None
    summary = hd_ledger.summary(ledger.ctx.db, today=DEMO_TODAY)  # type: ignore[arg-type]
    assert f"逾期 {summary.overdue} 条" in ledger.summary_label.text()
    major = row_of(ledger, "YH-2026-0021")
    assert ledger.model.index(major, HiddenDangerColumn.LEVEL).data() == "重大隐患"
    assert ledger.model.index(major, HiddenDangerColumn.LEVEL).data(Qt.ItemDataRole.FontRole).bold()


def test_the_model_passes_the_model_tester(ledger: LedgerPage, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(ledger.model)


def synthetic_fetch(
    total: int, asked: list[tuple[int, int]]
) -> Callable[[LedgerSort, int, int], LedgerResult]:
    """A ledger of ``total`` rows that makes only the rows asked for."""

    def row(i: int) -> LedgerRow:
        return LedgerRow(i, f"YH-2026-{i:05d}", date(2026, 1, 1), f"隐患{i}", HiddenDangerLevel.GENERAL,
                         HiddenDangerCategory.SITE, HiddenDangerSource.SELF_FOUND, "", S.PENDING, "", "", "",
                         "", "", date(2026, 1, 8), None, None, True, -5)  # fmt: skip

    def fetch(sort: LedgerSort, offset: int, limit: int) -> LedgerResult:
        asked.append((offset, limit))
        return LedgerResult(tuple(row(i) for i in range(offset, min(total, offset + limit))), total, offset)

    return fetch


def test_a_large_ledger_is_read_a_page_at_a_time() -> None:
    asked: list[tuple[int, int]] = []
    model = HiddenDangerTableModel()
    model.set_fetch(synthetic_fetch(100_000, asked))
    assert model.rowCount() == 100_000 and asked == [(0, model.PAGE_SIZE)]
    assert model.index(99_999, 0).data() == "YH-2026-99999"
    assert model.index(99_998, HiddenDangerColumn.STATUS).data() == "待整改 · 逾期5天"
    assert asked == [(0, model.PAGE_SIZE), (99_800, model.PAGE_SIZE)]
    for row in range(0, 100_000, model.PAGE_SIZE):
        model.index(row, 0).data()
    assert len(model._pages) == model.MAX_PAGES  # old pages are dropped, memory stays bounded
    model.sort(HiddenDangerColumn.RECTIFIER, Qt.SortOrder.AscendingOrder)
    assert model.ledger_sort == LedgerSort(LedgerSortKey.RECTIFIER, descending=False)
    assert len(model._pages) == 1


def test_a_paged_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = HiddenDangerTableModel()
    model.set_fetch(synthetic_fetch(1_000, []))
    qtmodeltester.check(model)


def counted_fetch(total: int) -> Callable[[LedgerSort, int, int], LedgerResult]:
    """``synthetic_fetch`` counting like a search: up to the thousand after the page."""
    make = synthetic_fetch(total, [])

    def fetch(sort: LedgerSort, offset: int, limit: int) -> LedgerResult:
        page = make(sort, offset, limit)
        horizon = max(1000, -(-(offset + limit) // 1000) * 1000)
        return replace(page, total=min(total, horizon), total_is_exact=total <= horizon)

    return fetch


def test_a_search_counted_to_a_thousand_grows_as_the_view_reaches_its_end(qtmodeltester: ModelTester) -> None:
    model = HiddenDangerTableModel()
    model.set_fetch(counted_fetch(2_500))
    assert (model.rowCount(), model.total_text()) == (1000, "1,000+")
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert (model.rowCount(), model.total_text()) == (2000, "2,000+")
    assert model.index(1999, 0).data() == "YH-2026-01999"
    assert model.reveal(2_400) and (model.rowCount(), model.total_text()) == (2500, "2500")
    assert not model.canFetchMore(model.index(-1, -1)) and not model.reveal(2_500)
    qtmodeltester.check(model)


@pytest.fixture
def crowded_path(demo_path: Path) -> Path:
    """The demo factory with 1 500 more hidden dangers about forklifts, found long ago."""
    from dualprev.storage.db import open_database

    db = open_database(demo_path, create=False)
    with db.session() as s:
        s.add_all(
            HiddenDanger(number=f"YH-2020-{i:04d}", found_on=date(2020, 1, 1) + timedelta(days=i % 300),
                         description=f"叉车{i}号报警器损坏", status=S.CLOSED)
            for i in range(1, 1501)
        )  # fmt: skip
    db.close()
    return demo_path


def test_a_large_search_shows_a_thousand_plus(
    crowded_path: Path, demo_window: MainWindow, qtbot: QtBot
) -> None:
    ledger = demo_window.show_page("ledger")
    assert isinstance(ledger, LedgerPage)
    ledger.filter_bar.keyword_edit.setText("报警器")
    qtbot.waitUntil(lambda: "当前筛选：1,000+ 条" in ledger.summary_label.text())
    assert ledger.model.rowCount() == 1000
    ledger.ledger_table.scrollToBottom()  # the view asks for more at its end
    qtbot.waitUntil(lambda: ledger.model.rowCount() > 1000)
    assert "当前筛选：" in ledger.summary_label.text() and "1,000+" not in ledger.summary_label.text()
    oldest = hd_ledger.query(
        ledger.ctx.db,  # type: ignore[arg-type]
        LedgerFilter(keyword="报警器"),
        LedgerSort(LedgerSortKey.FOUND_ON, descending=False),
        today=DEMO_TODAY,
        limit=1,
    ).rows[0]
    assert ledger.select_hidden_danger(oldest.id)
    assert ledger.selected_id() == oldest.id


def test_filters_narrow_the_ledger(ledger: LedgerPage, qtbot: QtBot) -> None:
    db = ledger.ctx.db
    summary = hd_ledger.summary(db, today=DEMO_TODAY)  # type: ignore[arg-type]
    ledger.filter_bar.scope_combo.setCurrentIndex(ledger.filter_bar.scope_combo.findData("overdue"))
    assert ledger.model.rowCount() == summary.overdue
    assert all(r.is_overdue for r in rows(ledger))
    assert "当前筛选" in ledger.summary_label.text()
    ledger.filter_bar.scope_combo.setCurrentIndex(ledger.filter_bar.scope_combo.findData("all"))
    ledger.filter_bar.level_combo.setCurrentIndex(
        ledger.filter_bar.level_combo.findData(HiddenDangerLevel.MAJOR.value)
    )
    assert [r.number for r in rows(ledger)] == ["YH-2026-0038", "YH-2026-0037", "YH-2026-0021"]
    ledger.clear_filters()
    assert ledger.model.rowCount() == every_hidden_danger(ledger)
    ledger.filter_bar.source_combo.setCurrentIndex(
        ledger.filter_bar.source_combo.findData(HiddenDangerSource.EXTERNAL.value)
    )
    assert rows(ledger) and all(r.source is HiddenDangerSource.EXTERNAL for r in rows(ledger))
    ledger.clear_filters()
    ledger.filter_bar.keyword_edit.setText("喷漆房")
    qtbot.waitUntil(lambda: ledger.model.rowCount() < every_hidden_danger(ledger))
    assert all("喷漆房" in r.description + r.location + r.risk_point_name for r in rows(ledger))
    ledger.clear_filters()
    ledger.filter_bar.date_check.setChecked(True)
    ledger.filter_bar.from_date_edit.setDate(
        ledger.filter_bar.from_date_edit.date().fromString("2026-11-01", "yyyy-MM-dd")
    )
    ledger.filter_bar.to_date_edit.setDate(
        ledger.filter_bar.to_date_edit.date().fromString("2026-11-15", "yyyy-MM-dd")
    )
    assert rows(ledger) and all(date(2026, 11, 1) <= r.found_on <= date(2026, 11, 15) for r in rows(ledger))
    ledger.clear_filters()
    area = ledger.filter_bar.place_combo.findText("喷涂车间")
    ledger.filter_bar.place_combo.setCurrentIndex(area)
    assert rows(ledger) and all(r.area_name == "喷涂车间" or r.risk_point_name for r in rows(ledger))


def test_a_focus_with_a_period_ticks_the_date_filter(ledger: LedgerPage) -> None:
    db = ledger.ctx.db
    october = LedgerFilter(statuses=(S.CLOSED,), found_from=date(2026, 10, 1), found_to=date(2026, 10, 31))
    ledger.apply_focus(LedgerFocus(october))
    assert ledger.filter_bar.date_check.isChecked() and ledger.filter_bar.to_date_edit.isEnabled()
    assert ledger.filter_bar.from_date_edit.date().toPython() == date(2026, 10, 1)
    assert ledger.filter_bar.to_date_edit.date().toPython() == date(2026, 10, 31)
    assert ledger.filter_bar.scope_combo.currentData() == S.CLOSED.value
    expected = hd_ledger.query(db, october, today=DEMO_TODAY)  # type: ignore[arg-type]
    assert [r.number for r in rows(ledger)] == [r.number for r in expected.rows] != []
    assert all(r.status is S.CLOSED and r.found_on.month == 10 for r in rows(ledger))

    # An open end: everything found since 11月1日, up to today.
    ledger.apply_focus(LedgerFocus(LedgerFilter(found_from=date(2026, 11, 1))))
    assert ledger.filter_bar.to_date_edit.date().toPython() == DEMO_TODAY
    since = hd_ledger.query(db, LedgerFilter(found_from=date(2026, 11, 1)), today=DEMO_TODAY)  # type: ignore[arg-type]
    assert ledger.model.rowCount() == since.total > 0

    ledger.apply_focus(LedgerFocus(LedgerFilter(found_to=date(2026, 8, 31))))
    before = hd_ledger.query(db, LedgerFilter(found_to=date(2026, 8, 31)), today=DEMO_TODAY)  # type: ignore[arg-type]
    assert ledger.model.rowCount() == before.total > 0
    assert all(r.found_on <= date(2026, 8, 31) for r in rows(ledger))

    ledger.apply_focus(LedgerFocus(LedgerFilter()))
    assert not ledger.filter_bar.date_check.isChecked() and not ledger.filter_bar.from_date_edit.isEnabled()
    assert ledger.model.rowCount() == every_hidden_danger(ledger)


def test_header_click_sorts_in_the_database(ledger: LedgerPage) -> None:
    ledger.ledger_table.sortByColumn(HiddenDangerColumn.DEADLINE, Qt.SortOrder.AscendingOrder)
    deadlines = [r.deadline for r in rows(ledger)]
    assert deadlines == sorted(deadlines, key=lambda d: d or date.max)
    ledger.ledger_table.sortByColumn(HiddenDangerColumn.NUMBER, Qt.SortOrder.DescendingOrder)
    assert rows(ledger)[0].number == "YH-2026-0038"


# --- the detail panel ------------------------------------------------------------------------------------


def test_major_detail_shows_plan_photos_and_timeline(ledger: LedgerPage) -> None:
    select(ledger, "YH-2026-0021")
    panel = ledger.detail_panel
    detail = panel.detail()
    assert detail is not None
    assert panel.level_badge.text() == "重大隐患" and panel.status_badge.text() == "整改中"
    assert panel.tabs.isTabVisible(2)
    assert panel.plan_labels["funds_and_materials"].text() == detail.plan.funds_and_materials  # type: ignore[union-attr]
    assert "内容齐全" in panel.plan_state_label.text()
    assert "已报告" in panel.plan_labels["report"].text()
    strip = panel.photo_strips[PhotoStage.BEFORE]
    assert strip.tile_count() == len(detail.photos_of(PhotoStage.BEFORE)) >= 1
    assert len(panel.timeline.entry_texts()) == len(detail.events)
    assert "开始整改（待整改 → 整改中）" in panel.timeline.entry_texts()[-1]
    assert set(panel.visible_actions()) >= {"plan", "report", "evaluate"}
    assert "accept" not in panel.enabled_actions()
    assert "验收" in panel.action_buttons["accept"].toolTip()


def test_general_detail_hides_major_only_actions(ledger: LedgerPage) -> None:
    select(ledger, "YH-2026-0036")
    panel = ledger.detail_panel
    assert not {"plan", "report", "evaluate"} & set(panel.visible_actions())
    assert panel.enabled_actions() == []  # closed: nothing more to do
    assert not panel.tabs.isTabVisible(2)


# --- refusals ------------------------------------------------------------------------------------------------


def test_a_major_cannot_start_without_its_plan(
    demo_window: MainWindow, ledger: LedgerPage, message_log: MessageLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_id = register_major(demo_window)
    assert ledger.select_hidden_danger(new_id)
    panel = ledger.detail_panel
    assert "尚未记录上报" in panel.reminder_label.text() and "治理方案" in panel.reminder_label.text()

    def no_dialog(*_args: object) -> None:
        raise AssertionError("the start dialog must not open")

    monkeypatch.setattr(HiddenDangerStepDialog, "start", classmethod(no_dialog))
    panel.action_buttons["start"].click()
    assert message_log.errors and message_log.errors[-1].startswith(
        "重大隐患须先制定治理方案（五到位），尚缺："
    )
    assert hd_detail.get_detail(demo_window.ctx.db, new_id, today=DEMO_TODAY).status is S.PENDING  # type: ignore[arg-type]


def test_the_service_refusal_reaches_the_user(
    demo_window: MainWindow, ledger: LedgerPage, message_log: MessageLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even if a dialog let it through, the domain refuses the rectifier as acceptor."""
    select(ledger, "YH-2026-0035")
    detail = ledger.detail_panel.detail()
    assert detail is not None and detail.status is S.AWAITING_ACCEPTANCE
    monkeypatch.setattr(
        HiddenDangerAcceptanceDialog, "ask",
        classmethod(lambda _cls, *_a, **_k: AcceptanceInput(detail.draft.rectifier_id, DEMO_TODAY, "合格")),
    )  # fmt: skip
    ledger.detail_panel.action_buttons["accept"].click()
    assert message_log.errors == ["验收人不能是整改责任人本人，请另选验收人"]
    assert (
        hd_detail.get_detail(demo_window.ctx.db, detail.id, today=DEMO_TODAY).status is S.AWAITING_ACCEPTANCE
    )  # type: ignore[arg-type]


def test_acceptance_dialog_refuses_the_rectifier(ledger: LedgerPage, qtbot: QtBot) -> None:
    select(ledger, "YH-2026-0035")
    detail = ledger.detail_panel.detail()
    assert detail is not None
    choices = hd_choices.choices(ledger.ctx.db)  # type: ignore[arg-type]
    dialog = HiddenDangerAcceptanceDialog(detail, choices, DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.ui.acceptor_combo.setCurrentIndex(dialog.ui.acceptor_combo.findData(detail.draft.rectifier_id))
    dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 0 and "验收人不能是整改责任人本人" in dialog.errors.message
    assert dialog.errors.is_marked("acceptor_id")
    assert "整改责任人：" in dialog.ui.rule_label.text()
    other = next(p.id for p in choices.people if p.id != detail.draft.rectifier_id and p.is_active)
    dialog.ui.acceptor_combo.setCurrentIndex(dialog.ui.acceptor_combo.findData(other))
    dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == 1
    assert (
        dialog.value().acceptor_id == other
        and dialog.value().conclusion == acceptance_module.DEFAULT_CONCLUSION
    )


def test_closing_is_impossible_before_acceptance(ledger: LedgerPage) -> None:
    for number in ("YH-2026-0021", "YH-2026-0034"):  # 整改中, 待整改
        select(ledger, number)
        accept = ledger.detail_panel.action_buttons["accept"]
        assert not accept.isEnabled() and "才能销号" in accept.toolTip()


# --- the loop through the page --------------------------------------------------------------------------


def test_register_to_close_through_the_page(
    demo_window: MainWindow,
    ledger: LedgerPage,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    message_log: MessageLog,
) -> None:
    db = demo_window.ctx.db
    people = [p for p in org.list_people(db) if p.is_active]  # type: ignore[arg-type]
    rectifier, acceptor = people[0].id, people[1].id
    before = photo_service.prepare(jpeg_file(tmp_path / "before.jpg"))
    draft = HiddenDangerDraft(found_on=DEMO_TODAY, description="配电箱门锁损坏，箱门无法关闭", location="装配车间配电箱",
                              rectifier_id=rectifier, deadline=DEMO_TODAY + timedelta(days=3))  # fmt: skip
    monkeypatch.setattr(HiddenDangerDialog, "register",
                        classmethod(lambda _cls, *_a, **_k: HiddenDangerRegistration(draft, photos=(before,))))  # fmt: skip
    ledger.filter_bar.register_btn.click()
    detail = ledger.detail_panel.detail()
    assert detail is not None and detail.number == "YH-2026-0039" and detail.status is S.PENDING
    assert ledger.selected_id() == detail.id and len(detail.photos) == 1

    monkeypatch.setattr(
        HiddenDangerStepDialog, "start", classmethod(lambda _cls, *_a, **_k: StartInput("已断电挂牌"))
    )
    ledger.detail_panel.action_buttons["start"].click()
    after = photo_service.prepare(jpeg_file(tmp_path / "after.jpg", (40, 160, 40)))
    monkeypatch.setattr(HiddenDangerCompletionDialog, "ask",
                        classmethod(lambda _cls, *_a, **_k: CompletionInput(DEMO_TODAY, "更换门锁", photos=(after,))))  # fmt: skip
    ledger.detail_panel.action_buttons["submit"].click()
    monkeypatch.setattr(HiddenDangerAcceptanceDialog, "ask",
                        classmethod(lambda _cls, *_a, **_k: AcceptanceInput(acceptor, DEMO_TODAY, "门锁完好，同意销号")))  # fmt: skip
    ledger.detail_panel.action_buttons["accept"].click()
    assert message_log.errors == []
    closed = ledger.detail_panel.detail()
    assert closed is not None and closed.status is S.CLOSED and closed.id == detail.id
    assert ledger.detail_panel.status_badge.text() == "已销号"
    assert [e.action for e in closed.events] == ["登记", "开始整改", "整改完成", "验收通过"]
    assert ledger.detail_panel.photo_strips[PhotoStage.AFTER].tile_count() == 1
    assert ledger.model.index(ledger.model.row_of_id(detail.id), HiddenDangerColumn.STATUS).data() == "已销号"


def test_void_keeps_the_row_in_the_ledger(
    demo_window: MainWindow, ledger: LedgerPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    select(ledger, "YH-2026-0034")
    monkeypatch.setattr(
        HiddenDangerStepDialog, "void", classmethod(lambda _cls, *_a, **_k: VoidInput("重复登记"))
    )
    ledger.detail_panel.action_buttons["void"].click()
    detail = ledger.detail_panel.detail()
    assert detail is not None and detail.number == "YH-2026-0034" and detail.status is S.VOID
    assert "此记录已作废：重复登记" in ledger.detail_panel.reminder_label.text()
    assert detail.events[-1].performed_by == demo_window.ctx.actor()  # nobody named: the operator
    assert ledger.model.rowCount() == every_hidden_danger(ledger)


def test_adding_photos_refuses_a_corrupt_file_and_keeps_the_good_one(
    qtbot: QtBot, ledger: LedgerPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, message_log: MessageLog
) -> None:
    select(ledger, "YH-2026-0034")
    good = jpeg_file(tmp_path / "IMG_good.jpg")
    broken = tmp_path / "IMG_broken.jpg"
    broken.write_bytes(good.read_bytes()[:400])
    monkeypatch.setattr(ledger_page, "choose_photo_files", lambda _parent: [good, broken])
    before = len(ledger.detail_panel.detail().photos)  # type: ignore[union-attr]
    ledger.detail_panel.action_buttons["photos"].click()
    wait_for_tasks(qtbot)
    assert len(message_log.errors) == 1 and "IMG_broken.jpg" in message_log.errors[0]
    assert "文件已损坏" in message_log.errors[0]
    detail = ledger.detail_panel.detail()
    assert detail is not None and len(detail.photos) == before + 1
    assert ledger.detail_panel.tabs.currentIndex() == 1


def test_major_plan_and_evaluation_through_the_page(
    demo_window: MainWindow, ledger: LedgerPage, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    new_id = register_major(demo_window)
    assert ledger.select_hidden_danger(new_id)
    plan = lifecycle.RemediationPlanInput(**{key: f"{label}已落实" for key, label in REMEDIATION_PLAN_ITEMS})
    monkeypatch.setattr(HiddenDangerPlanDialog, "edit", classmethod(lambda _cls, *_a, **_k: plan))
    ledger.detail_panel.action_buttons["plan"].click()
    assert ledger.detail_panel.detail().plan_missing == ()  # type: ignore[union-attr]
    monkeypatch.setattr(HiddenDangerStepDialog, "start",
                        classmethod(lambda _cls, *_a, **_k: StartInput(interim_measures="抛丸机停用")))  # fmt: skip
    ledger.detail_panel.action_buttons["start"].click()
    monkeypatch.setattr(HiddenDangerCompletionDialog, "ask",
                        classmethod(lambda _cls, *_a, **_k: CompletionInput(DEMO_TODAY, "加装泄爆片")))  # fmt: skip
    ledger.detail_panel.action_buttons["submit"].click()
    assert "治理后评估" in ledger.detail_panel.reminder_label.text()
    ledger.detail_panel.action_buttons["accept"].click()  # refused before any dialog opens
    assert message_log.errors[-1] == "重大隐患须先完成治理后评估，才能验收销号"
    detail = ledger.detail_panel.detail()
    assert detail is not None and detail.status is S.AWAITING_ACCEPTANCE


# --- dialogs on their own ------------------------------------------------------------------------------------


def test_register_dialog_validates_and_suggests_the_deadline(ledger: LedgerPage, qtbot: QtBot) -> None:
    choices = hd_choices.choices(ledger.ctx.db)  # type: ignore[arg-type]
    dialog = HiddenDangerDialog(choices, DEMO_TODAY)
    qtbot.addWidget(dialog)
    ui = dialog.ui
    assert dialog.value().deadline == DEMO_TODAY + timedelta(days=7)
    ui.owner_tier_combo.setCurrentIndex(ui.owner_tier_combo.findData(OwnerTier.TEAM.value))
    assert dialog.value().deadline == DEMO_TODAY + timedelta(days=3)
    ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == 0
    assert dialog.errors.messages == [
        "请填写隐患描述",
        "请填写隐患部位，或选择区域、风险点",
        "请指定整改责任人",
    ]
    assert dialog.errors.marked_fields() == ["description", "location", "rectifier_id"]
    ui.description_edit.setPlainText("叉车倒车报警器不响")
    ui.location_edit.setText("仓库")
    ui.rectifier_combo.setCurrentIndex(1)
    ui.source_combo.setCurrentIndex(ui.source_combo.findData(HiddenDangerSource.EXTERNAL.value))
    assert ui.source_detail_label.text() == "检查单位 *"
    ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert "检查单位" in dialog.errors.message and dialog.errors.is_marked("source_detail")
    ui.source_detail_edit.setText("镇应急办")
    ui.level_combo.setCurrentIndex(ui.level_combo.findData(HiddenDangerLevel.MAJOR.value))
    assert not ui.immediate_check.isEnabled() and not ui.owner_tier_combo.isEnabled()
    assert ui.deadline_hint_label.text() == "重大隐患按治理方案确定期限"
    ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == 0 and dialog.errors.is_marked("basis")
    assert "重大隐患须有判定依据" in dialog.errors.message
    ui.description_edit.setPlainText(
        "焊工特种作业操作证过期仍上岗作业"
    )  # the picker offers 第三条第（二）项 first
    combo = dialog.major_fields.item_combo
    assert combo.itemData(1) == "3-2" and combo.itemText(1).startswith("建议：第三条第（二）项")
    combo.setCurrentIndex(1)
    dialog.major_fields.cause_edit.setPlainText("证件到期未提醒")
    ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == 1
    assert (dialog.value().standard_item, dialog.value().cause) == ("3-2", "证件到期未提醒")
    registration = dialog.registration()
    assert (
        registration.draft.level is HiddenDangerLevel.MAJOR and registration.draft.source_detail == "镇应急办"
    )
    assert registration.draft.owner_tier is None and not registration.immediate


def test_start_dialog_requires_interim_measures_for_a_major(demo_window: MainWindow, qtbot: QtBot) -> None:
    db = demo_window.ctx.db
    new_id = register_major(demo_window)
    plan = lifecycle.RemediationPlanInput(**{key: "已落实" for key, _label in REMEDIATION_PLAN_ITEMS})
    detail = lifecycle.save_remediation_plan(db, new_id, plan, actor="测试", today=DEMO_TODAY)  # type: ignore[arg-type]
    dialog = HiddenDangerStepDialog("开始整改", "", "开始整改")
    qtbot.addWidget(dialog)
    captured: dict[str, object] = {}

    def run(self: HiddenDangerStepDialog) -> bool:
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
        captured["first"] = self.errors.message
        self.ui.text_edit.setPlainText("停用抛丸机")
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok).click()
        return self.result() == 1

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(HiddenDangerStepDialog, "_run", run)
        result = HiddenDangerStepDialog.start(None, replace(detail))
    assert captured["first"] == "重大隐患整改期间须落实临时管控措施，请先填写"
    assert result == StartInput(remark="", interim_measures="停用抛丸机")


def test_reopened_database_keeps_what_the_page_wrote(
    demo_window: MainWindow, ledger: LedgerPage, monkeypatch: pytest.MonkeyPatch, demo_path: Path
) -> None:
    select(ledger, "YH-2026-0034")
    monkeypatch.setattr(
        HiddenDangerStepDialog, "start", classmethod(lambda _cls, *_a, **_k: StartInput("现场已设警戒"))
    )
    ledger.detail_panel.action_buttons["start"].click()
    from dualprev.storage.db import open_database

    other = open_database(demo_path, create=False)
    try:
        found = hd_ledger.query(other, LedgerFilter(keyword="YH-2026-0034"), today=DEMO_TODAY).rows[0]
        assert found.status is S.RECTIFYING
        assert hd_detail.get_detail(other, found.id, today=DEMO_TODAY).events[-1].remark == "现场已设警戒"
    finally:
        other.close()


def test_closing_the_register_dialog_with_changes_asks_save_discard_cancel(
    ledger: LedgerPage, qtbot: QtBot, message_log: MessageLog
) -> None:
    from dualprev.ui import messages

    choices = hd_choices.choices(ledger.ctx.db)  # type: ignore[arg-type]
    untouched = HiddenDangerDialog(choices, DEMO_TODAY)
    qtbot.addWidget(untouched)
    untouched.reject()
    assert message_log.unsaved_questions == 0 and untouched.result() == 0  # nothing typed: just closes

    dialog = HiddenDangerDialog(choices, DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.description_edit.setPlainText("叉车倒车报警器不响")
    message_log.unsaved_answer = messages.UnsavedAnswer.CANCEL
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert message_log.unsaved_questions == 1 and dialog.isVisible()
    message_log.unsaved_answer = messages.UnsavedAnswer.SAVE  # invalid yet: stays open, says why
    dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.isVisible() and dialog.errors.message
    message_log.unsaved_answer = messages.UnsavedAnswer.DISCARD
    dialog.close()
    assert not dialog.isVisible() and message_log.unsaved_questions == 3


def test_a_future_found_on_is_an_error_at_its_field_not_silently_changed(
    ledger: LedgerPage, qtbot: QtBot
) -> None:
    choices = hd_choices.choices(ledger.ctx.db)  # type: ignore[arg-type]
    dialog = HiddenDangerDialog(choices, DEMO_TODAY)
    qtbot.addWidget(dialog)
    future = date(DEMO_TODAY.year + 1, 3, 1)
    # What typing ends in: a date edit with a maximum would silently turn this into today's year.
    dialog.ui.found_on_edit.setDate(QDate(future.year, future.month, future.day))
    assert dialog.value().found_on == future  # kept as typed
    dialog.ui.description_edit.setPlainText("叉车倒车报警器不响")
    dialog.ui.location_edit.setText("仓库")
    dialog.ui.rectifier_combo.setCurrentIndex(1)
    dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == 0 and "排查日期不能晚于今天" in dialog.errors.message


def test_each_step_records_the_person_chosen_in_its_dialog(
    demo_window: MainWindow, ledger: LedgerPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """开始整改 and 整改完成 name who did them; the operator stays the one who entered them; the next
    dialog of the same step proposes the person named last."""
    operator = demo_window.ctx.actor()
    select(ledger, "YH-2026-0034")
    assert ledger.detail_panel.detail().status is S.PENDING  # type: ignore[union-attr]
    proposed: list[str] = []

    def start_as(name: str) -> Callable[[HiddenDangerStepDialog], None]:
        def user(dialog: HiddenDangerStepDialog) -> None:
            combo = dialog.findChild(QComboBox, "performer_combo")
            assert combo is not None and dialog.performer_row is not None
            assert dialog.performer_row.label.text() == "经办人"
            proposed.append(combo.currentText())
            combo.setCurrentText(name)
            press_ok(qtbot, dialog.ui.button_box)

        return user

    drive_dialog(monkeypatch, HiddenDangerStepDialog, start_as("邓刚"))
    ledger.detail_panel.action_buttons["start"].click()
    started = ledger.detail_panel.detail()
    assert started is not None and started.status is S.RECTIFYING
    step = started.events[-1]
    assert (step.action, step.performed_by, step.actor) == ("开始整改", "邓刚", operator)
    assert f"邓刚（录入：{operator}）" in "\n".join(ledger.detail_panel.timeline.entry_texts())
    assert proposed == [operator]  # first time: the operator

    def complete(dialog: HiddenDangerCompletionDialog) -> None:
        assert dialog.performer_row is not None and dialog.performer_row.label.text() == "整改人"
        dialog.performer_row.combo.setCurrentText("王海")
        press_ok(qtbot, dialog.ui.button_box)

    drive_dialog(monkeypatch, HiddenDangerCompletionDialog, complete)
    ledger.detail_panel.action_buttons["submit"].click()
    done = ledger.detail_panel.detail()
    assert done is not None and done.status is S.AWAITING_ACCEPTANCE
    assert done.events[-1].performed_by == "王海"

    # The next 开始整改 proposes 邓刚, the person named for that step last time.
    select(ledger, "YH-2026-0030")
    drive_dialog(monkeypatch, HiddenDangerStepDialog, start_as("邓刚"))
    ledger.detail_panel.action_buttons["start"].click()
    assert proposed == [operator, "邓刚"]


def test_spare_width_goes_to_the_description_not_the_last_column(
    demo_window: MainWindow, ledger: LedgerPage, qtbot: QtBot
) -> None:
    header = ledger.ledger_table.horizontalHeader()
    demo_window.resize(1366, 728)
    qtbot.waitUntil(lambda: header.sectionSize(HiddenDangerColumn.DESCRIPTION) == 270)
    demo_window.resize(1920, 1050)
    qtbot.waitUntil(lambda: header.sectionSize(HiddenDangerColumn.DESCRIPTION) > 500)
    assert header.sectionSize(HiddenDangerColumn.STATUS) == 128  # the last column keeps its width
    assert not header.stretchLastSection()
