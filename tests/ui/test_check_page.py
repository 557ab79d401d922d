"""隐患排查 page on the demo factory, as a safety manager uses it: today's tasks, printing the
checklist, recording a check with one failed item (which opens a hidden danger that the ledger shows,
linked to the check), plans, the checklist made from measures, and the records."""

import io
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtWidgets import QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlmodel import col

from dualprev.domain.checks import (
    CheckFrequency,
    CheckItemDraft,
    CheckPlanDraft,
    CheckResult,
    CheckTaskStatus,
    CheckType,
    FrequencyTable,
)
from dualprev.domain.hidden_danger import HiddenDangerSource, HiddenDangerStatus, OwnerTier
from dualprev.domain.risk import ControlTier, RiskLevel
from dualprev.services import dashboard_service, photo_service
from dualprev.services import organisation_service as org
from dualprev.services.checks import checklists, printouts
from dualprev.services.checks import items as check_items
from dualprev.services.checks import plans as check_plans
from dualprev.services.checks import records as check_records
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.tasks import TaskScope
from dualprev.services.hidden_dangers import choices as hd_choices
from dualprev.storage.models import CheckItem, CheckPlan, ControlMeasure
from dualprev.ui.dialogs import check_record_dialog as record_dialog_module
from dualprev.ui.dialogs.check_danger_dialog import CheckDanger, CheckDangerDialog
from dualprev.ui.dialogs.check_frequency_dialog import CheckFrequencyDialog
from dualprev.ui.dialogs.check_item_dialog import CheckItemDialog
from dualprev.ui.dialogs.check_plan_dialog import CheckPlanDialog
from dualprev.ui.dialogs.check_print_dialog import CheckPrintDialog
from dualprev.ui.dialogs.check_record_dialog import CheckRecordDialog
from dualprev.ui.main_window import MainWindow
from dualprev.ui.models.check_plan_table_model import CheckPlanColumn, CheckPlanTableModel
from dualprev.ui.models.check_record_table_model import CheckRecordTableModel
from dualprev.ui.models.check_result_table_model import CheckResultColumn, CheckResultTableModel
from dualprev.ui.models.check_task_table_model import OVERDUE_BACKGROUND, CheckTaskColumn, CheckTaskTableModel
from dualprev.ui.pages.check_page import CheckPage
from dualprev.ui.pages.ledger_page import LedgerPage

from ..conftest import DEMO_TODAY, count_rows
from .conftest import MessageLog, wait_for_tasks

TODAY = DEMO_TODAY
PROBLEM = "3号数控车床防护门联锁开关被短接"


@pytest.fixture
def page(demo_window: MainWindow) -> CheckPage:
    checks = demo_window.show_page("checks")
    assert isinstance(checks, CheckPage)
    return checks


def task_rows(page: CheckPage) -> list[check_tasks.TaskRow]:
    return [page.tasks_tab.task_model.record(r) for r in range(page.tasks_tab.task_model.rowCount())]


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), (200, 40, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def pdf_text(data: bytes) -> str:
    return "".join("".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)


def select_today(page: CheckPage, plan: str = "机加工车间岗位每班检查") -> check_tasks.TaskRow:
    task = next(
        t
        for t in check_tasks.list_tasks(page.ctx.db, today=TODAY, scope=TaskScope.TODAY)
        if t.plan_name == plan
    )  # type: ignore[arg-type]
    page.show_tasks(TaskScope.TODAY, task.id)
    assert page.tasks_tab.selected_task() == task
    return task


def test_tasks_show_overdue_first_and_ready_to_record(page: CheckPage) -> None:
    rows = task_rows(page)
    assert [(r.plan_name, r.state_text) for r in rows[:3]] == [
        ("冲压车间班组周检", "逾期 1 天"), ("机加工车间岗位每班检查", "今天到期"), ("喷涂车间岗位每班检查", "今天到期"),
    ]  # fmt: skip
    assert (
        page.tasks_tab.task_model.index(0, CheckTaskColumn.DUE_ON).data(8).color() == OVERDUE_BACKGROUND
    )  # BackgroundRole
    assert (
        page.tasks_tab.selected_task() == rows[0]
        and page.tasks_tab.record_btn.isEnabled()
        and page.tasks_tab.print_task_btn.isEnabled()
    )
    assert (
        "今日到期 <b>2</b> 次" in page.summary_label.text() and "逾期未查 1 次" in page.summary_label.text()
    )
    page.tasks_tab.scope_combo.setCurrentIndex(page.tasks_tab.scope_combo.findData(TaskScope.DONE.value))
    done = task_rows(page)
    assert done and all(r.status is CheckTaskStatus.DONE and r.checked_on for r in done)


def test_printing_todays_checklist(qtbot: QtBot, page: CheckPage, monkeypatch: pytest.MonkeyPatch) -> None:
    task = select_today(page)
    shown: list[tuple[bytes, str, str]] = []
    monkeypatch.setattr(
        CheckPrintDialog,
        "show_pdf",
        classmethod(lambda cls, parent, data, title, name, **_kw: shown.append((data, title, name))),
    )
    page.tasks_tab.print_task_btn.click()
    wait_for_tasks(qtbot)
    [(data, title, name)] = shown
    assert title == "打印排查清单" and name == f"隐患排查清单_机加工车间岗位每班检查_{TODAY.isoformat()}.pdf"
    text = pdf_text(data)
    assert (
        "隐患排查清单" in text
        and "机加工车间岗位每班检查" in text
        and f"应完成日期：{TODAY.isoformat()}" in text
    )
    items = checklists.checklist(page.ctx.db, task_id=task.id).items  # type: ignore[arg-type]
    assert "排查人（签字）" in text and task.item_count == len(items) > 0
    assert all("".join(item.content.split()) in text for item in items)  # every item of the plan is printed


def test_print_dialog_saves_the_pdf(qtbot: QtBot, page: CheckPage, tmp_path: Path) -> None:
    data = printouts.render_checklist_pdf(page.ctx.db, task_id=select_today(page).id, today=TODAY)[0]  # type: ignore[arg-type]
    dialog = CheckPrintDialog(data, "打印排查清单", "x.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.pages_label.text() == "共 1 页，按实际尺寸打印" and dialog.preview.page_count() == 1
    assert dialog.preview.page_images()[0].width() > 500  # rendered at the dialog's width, not a thumbnail
    assert dialog.save_to(tmp_path / "清单.pdf") and (tmp_path / "清单.pdf").read_bytes() == data


def fill_check(dialog: CheckRecordDialog, monkeypatch: pytest.MonkeyPatch, failed: int = 2) -> None:
    """Everything 合格 except line ``failed``, whose hidden danger is confirmed with a real description."""

    def confirm_danger(cls: Any, parent: Any, danger: CheckDanger, *args: Any, **kw: Any) -> CheckDanger:
        return CheckDanger(replace(danger.draft, description=PROBLEM))

    monkeypatch.setattr(CheckDangerDialog, "ask", classmethod(confirm_danger))
    dialog.set_result(failed, CheckResult.FAIL)
    dialog.set_remaining_passed()


def test_recording_a_check_with_one_failure_reaches_the_ledger_and_home(
    demo_window: MainWindow, page: CheckPage, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    task = select_today(page)
    home_status_before = dashboard_service.dashboard(page.ctx.db, today=TODAY)  # type: ignore[arg-type]

    def record(
        cls: Any,
        parent: Any,
        checklist: checklists.Checklist,
        choices: Any,
        today: date,
        *,
        checker_names: str = "",
    ) -> Any:
        dialog = CheckRecordDialog(checklist, choices, today, checker_names=checker_names, parent=parent)
        assert dialog.checker_edit.text() == "吴志强" and not dialog.check_type_combo.isEnabled()
        lines = len(checklist.items)
        assert dialog.row_count() == lines > 2
        fill_check(dialog, monkeypatch)
        assert (
            dialog.progress_label.text()
            == f"共 {lines} 项，已填写 {lines} 项，不合格 1 项（保存时登记为隐患）"
        )
        draft = dialog.danger_of(2).draft  # type: ignore[union-attr]
        assert draft.owner_tier is OwnerTier.TEAM and draft.deadline == TODAY + timedelta(days=3)
        assert draft.rectifier_id is not None and draft.risk_point_id == checklist.items[2].risk_point_id
        data = dialog.value()
        dialog.deleteLater()
        return data

    monkeypatch.setattr(CheckRecordDialog, "record", classmethod(record))
    page.tasks_tab.record_btn.click()
    # Saved: the record is shown with its failed item and the new hidden danger, and the user is
    # offered the ledger (answered yes).
    [ask] = message_log.confirmations
    assert "已保存排查记录，并登记隐患 YH-2026-0039" in ask
    ledger = demo_window.current_page()
    assert isinstance(ledger, LedgerPage)
    detail = ledger.detail_panel.detail()
    assert detail is not None and detail.number == "YH-2026-0039" and detail.draft.description == PROBLEM
    assert detail.draft.source is HiddenDangerSource.CHECK and detail.status is HiddenDangerStatus.PENDING
    assert detail.check_record_text == f"{TODAY.isoformat()} 日常排查 机加工车间（吴志强）"
    assert check_tasks.get_task(page.ctx.db, task.id, today=TODAY).status is CheckTaskStatus.DONE  # type: ignore[arg-type]
    # The record, from the checks page, leads back to the same hidden danger.
    demo_window.show_page("checks")
    assert page.tabs.currentIndex() == page.RECORDS_TAB
    record = page.records_tab.record_model.record(
        page.records_tab.records_table.selectionModel().selectedRows()[0].row()
    )
    assert record.danger_numbers == ("YH-2026-0039",) and record.failed == 1
    row = page.records_tab.results_table.selectionModel().selectedRows()[0].row()
    assert (
        page.records_tab.result_model.index(row, CheckResultColumn.DANGER).data() == "YH-2026-0039（待整改）"
    )
    page.records_tab.open_danger_btn.click()
    assert demo_window.current_page() is ledger and ledger.selected_id() == detail.id
    # 首页 follows.
    home = demo_window.show_page("home")
    assert home.checks_box.due_today_tile.number_label.text() == str(home_status_before.tasks.due_today - 1)  # type: ignore[attr-defined]
    # 4 of the demo's ledger, the two its 判定标准 self-check found, and this one.
    assert home.status_labels[HiddenDangerStatus.PENDING].text() == "7"  # type: ignore[attr-defined]
    top = home.activity_box.activity_tree.topLevelItem(0)  # type: ignore[attr-defined]
    assert "YH-2026-0039" in top.text(2) or "机加工车间岗位每班检查" in top.text(2)


def test_record_dialog_refuses_until_every_item_has_a_result(
    qtbot: QtBot, page: CheckPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    checklist = checklists.checklist(page.ctx.db, task_id=select_today(page).id)  # type: ignore[arg-type]
    dialog = CheckRecordDialog(checklist, hd_choices.choices(page.ctx.db), TODAY, checker_names="吴志强")  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    monkeypatch.setattr(CheckDangerDialog, "ask", classmethod(lambda cls, *a, **k: None))
    dialog.set_result(0, CheckResult.FAIL)  # the hidden danger form is cancelled: nothing is ticked
    assert dialog.result_of(0) is None and not dialog.findChild(object, "fail_radio_0").isChecked()
    dialog.set_result(0, CheckResult.PASS)
    dialog.button_box.accepted.emit()
    assert dialog.error_label.text().startswith("第 2 项“") and "还没有填写结果" in dialog.error_label.text()
    assert dialog.result() == 0  # still open
    dialog.set_remaining_passed()
    dialog.checker_edit.setText(" ")
    dialog.button_box.accepted.emit()
    assert dialog.error_label.text() == "请填写排查人"
    photo = photo_service.prepare_bytes(jpeg(), "IMG_0420.jpg")
    monkeypatch.setattr(record_dialog_module, "choose_photo_files", lambda parent: [Path("IMG_0420.jpg")])
    monkeypatch.setattr(
        record_dialog_module, "prepare_photos", lambda parent, paths, on_done: on_done([photo])
    )
    dialog.findChild(QPushButton, "photo_btn_0").click()
    assert dialog.findChild(QPushButton, "photo_btn_0").text() == "照片 1"
    lines = len(checklist.items)
    free = dialog.add_free_line()
    assert dialog.row_count() == lines + 1 and free is not None
    dialog.checker_edit.setText("吴志强")
    free.setText("车间东门消防通道堆放物料")
    dialog.set_result(lines, CheckResult.NOT_APPLICABLE)
    dialog.button_box.accepted.emit()
    assert dialog.result() == 1
    data = dialog.value()
    assert data.results[-1].check_item_id is None and data.results[-1].item_text == "车间东门消防通道堆放物料"
    assert data.task_id == checklist.task_id and data.check_type is CheckType.DAILY
    assert data.results[0].photos == (photo,)


def test_unplanned_check_picks_items(page: CheckPage, monkeypatch: pytest.MonkeyPatch) -> None:
    from dualprev.ui.dialogs.check_item_picker import CheckItemPickerDialog

    chosen = tuple(i.id for i in page.items_tab.items if i.area_id == 3)[:3]
    monkeypatch.setattr(CheckItemPickerDialog, "choose", classmethod(lambda cls, parent, rows: chosen))
    seen: list[checklists.Checklist] = []

    def record(
        cls: Any, parent: Any, checklist: checklists.Checklist, choices: Any, today: date, **kw: Any
    ) -> Any:
        seen.append(checklist)
        dialog = CheckRecordDialog(checklist, choices, today, parent=parent, **kw)
        assert dialog.check_type_combo.isEnabled()
        dialog.check_type_combo.setCurrentIndex(dialog.check_type_combo.findData(CheckType.HOLIDAY.value))
        dialog.set_remaining_passed()
        data = dialog.value()
        dialog.deleteLater()
        return data

    monkeypatch.setattr(CheckRecordDialog, "record", classmethod(record))
    page.tasks_tab.unplanned_btn.click()
    assert [i.item_id for i in seen[0].items] == list(chosen)
    record_row = page.records_tab.record_model.record(
        page.records_tab.records_table.selectionModel().selectedRows()[0].row()
    )
    assert (
        record_row.check_type is CheckType.HOLIDAY
        and record_row.plan_name == ""
        and record_row.item_count == 3
    )


def test_checklist_tab_groups_and_edits_items(
    page: CheckPage, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    page.tabs.setCurrentIndex(page.ITEMS_TAB)
    tree = page.items_tab.items_tree
    assert tree.topLevelItem(0).text(0).startswith("FX-JJ-001 普通车床（机加工车间）")
    db = page.ctx.db
    custom = count_rows(db, CheckItem, col(CheckItem.is_custom).is_(True))
    generated = count_rows(db, CheckItem, col(CheckItem.is_custom).is_(False))
    summary = f"排查清单共 {custom + generated} 项（由管控措施生成 {generated} 项，自定义 {custom} 项）"
    assert summary in page.items_tab.items_label.text()
    page.items_tab.group_combo.setCurrentIndex(page.items_tab.group_combo.findData("post"))
    posts = {tree.topLevelItem(i).text(0).split("（")[0] for i in range(tree.topLevelItemCount())}
    assert "车工" in posts and "通用检查项" in posts
    page.items_tab.generate_btn.click()
    # Every measure in place already has its item (the demo made them), so nothing new is made.
    in_place = count_rows(db, ControlMeasure, col(ControlMeasure.is_existing).is_(True))
    assert message_log.infos[-1].startswith(f"新生成排查项 0 项；已有排查项的管控措施 {in_place} 条保持不变")
    draft = CheckItemDraft(content="配电箱前1米内无杂物", standard="GB 50054", method="现场查看", check_type=CheckType.DAILY,
                           control_tier=ControlTier.TEAM, frequency=CheckFrequency.WEEKLY)  # fmt: skip
    monkeypatch.setattr(CheckItemDialog, "edit", classmethod(lambda cls, *a, **k: draft))
    page.items_tab.add_item_btn.click()
    page.items_tab.item_filter_edit.setText("配电箱前1米")
    [node] = [
        tree.topLevelItem(i).child(j)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
    ]
    assert node.text(0) == "配电箱前1米内无杂物" and node.text(7) == "自定义"
    tree.setCurrentItem(node)
    assert page.items_tab.delete_item_btn.isEnabled()
    page.items_tab.delete_item_btn.click()
    assert tree.topLevelItemCount() == 0
    page.items_tab.item_filter_edit.clear()
    first_group = tree.topLevelItem(0)
    shown = first_group.childCount()
    generated = first_group.child(0)
    text = generated.text(0)
    tree.setCurrentItem(generated)
    assert not page.items_tab.delete_item_btn.isEnabled()  # made from a measure: it can only be switched off
    page.items_tab.toggle_item_btn.click()
    assert tree.topLevelItem(0).childCount() == shown - 1
    page.items_tab.inactive_check.setChecked(True)
    assert tree.topLevelItem(0).child(0).text(0) == "（已停用）" + text


def test_plans_tab_new_plan_gets_its_task(page: CheckPage, monkeypatch: pytest.MonkeyPatch) -> None:
    page.tabs.setCurrentIndex(page.PLANS_TAB)
    plans = page.plans_tab.model.rowCount()
    assert plans == count_rows(page.ctx.db, CheckPlan)
    weekly = next(r for r in range(plans) if page.plans_tab.model.record(r).name == "冲压车间班组周检")
    assert page.plans_tab.model.index(weekly, CheckPlanColumn.HINT).data() == "逾期未查 1 次"
    hints = {
        page.plans_tab.model.record(r).name: page.plans_tab.model.index(r, CheckPlanColumn.HINT).data()
        for r in range(plans)
    }
    assert not any("频次低于频次表" in hint for hint in hints.values())  # 重大风险 have their monthly plan
    assert hints["公司季度综合检查"] == "" and "公司级重大风险月度检查" in hints
    people = {p.name: p.id for p in org.list_people(page.ctx.db)}  # type: ignore[arg-type]
    item_ids = tuple(i.id for i in page.items_tab.items if i.area_id == 2)[:4]
    draft = CheckPlanDraft("冲压车间交接班检查", CheckType.DAILY, CheckFrequency.DAILY, TODAY, control_tier=ControlTier.POST,
                           area_id=2, assignee_id=people["赵鹏"], item_ids=item_ids)  # fmt: skip
    monkeypatch.setattr(CheckPlanDialog, "edit", classmethod(lambda cls, *a, **k: draft))
    page.plans_tab.new_plan_btn.click()
    selected = page.plans_tab.selected_plan()
    assert selected is not None and selected.name == "冲压车间交接班检查" and selected.next_due == TODAY
    assert selected.item_count == len(item_ids) > 0
    page.show_tasks(TaskScope.TODAY)
    assert "冲压车间交接班检查" in [r.plan_name for r in task_rows(page)]


def test_plan_dialog_suggests_items_and_warns_about_rare_checks(qtbot: QtBot, page: CheckPage) -> None:
    db = page.ctx.db
    items = check_items.list_items(db)  # type: ignore[arg-type]
    asked: list[tuple[Any, ...]] = []

    def suggest(*args: Any) -> tuple[int, ...]:
        asked.append(args)
        return check_plans.suggest_plan_items(
            db, control_tier=args[0], frequency=args[1], area_id=args[2], department_id=args[3]
        )  # type: ignore[arg-type]

    dialog = CheckPlanDialog(None, items, org.list_departments(db), org.list_people(db), org.list_areas(db),  # type: ignore[arg-type]
                             FrequencyTable(), TODAY, suggest)  # fmt: skip
    qtbot.addWidget(dialog)
    ui = dialog.ui
    ui.tier_combo.setCurrentIndex(ui.tier_combo.findData(ControlTier.COMPANY.value))
    assert ui.check_type_combo.currentData() == CheckType.COMPREHENSIVE.value  # a company tier's usual check
    assert ui.frequency_combo.currentData() == CheckFrequency.QUARTERLY.value
    ui.frequency_combo.setCurrentIndex(ui.frequency_combo.findData(CheckFrequency.MONTHLY.value))
    dialog.apply_suggestion()
    assert asked[-1][:2] == (ControlTier.COMPANY, CheckFrequency.MONTHLY)
    chosen = ui.items_tree.checked_ids()
    assert chosen and all(next(i for i in items if i.id == c).level is RiskLevel.MAJOR for c in chosen)
    assert ui.gap_label.text() == ""
    ui.frequency_combo.setCurrentIndex(ui.frequency_combo.findData(CheckFrequency.HALF_YEARLY.value))
    assert ui.gap_label.text().startswith(f"其中 {len(chosen)} 项按排查频次表应每月检查")
    ui.button_box.accepted.emit()
    assert dialog.errors.messages == ["请填写计划名称", "请指定负责排查的人员"]
    assert dialog.errors.marked_fields() == ["name", "assignee_id"]


def test_frequency_dialog_round_trip(qtbot: QtBot) -> None:
    table = FrequencyTable().with_frequency(RiskLevel.LOW, ControlTier.POST, CheckFrequency.DAILY)
    dialog = CheckFrequencyDialog(table)
    qtbot.addWidget(dialog)
    assert dialog.value() == table
    combo = dialog.combos[(RiskLevel.MAJOR, ControlTier.COMPANY)]
    combo.setCurrentIndex(combo.findData(CheckFrequency.WEEKLY.value))
    assert dialog.value().frequency(RiskLevel.MAJOR, ControlTier.COMPANY) is CheckFrequency.WEEKLY
    dialog.defaults_btn.click()
    assert dialog.value() == FrequencyTable()


def test_models_pass_the_model_tester(qtmodeltester: ModelTester, demo_db: Any) -> None:
    tasks = CheckTaskTableModel()
    tasks.set_records(check_tasks.list_tasks(demo_db, today=TODAY, scope=TaskScope.ALL, limit=20))
    qtmodeltester.check(tasks)
    plans = CheckPlanTableModel()
    plans.set_records(check_plans.list_plans(demo_db, today=TODAY))
    qtmodeltester.check(plans)
    records = CheckRecordTableModel()
    records.set_records(check_records.query_records(demo_db, limit=20))
    qtmodeltester.check(records)
    results = CheckResultTableModel()
    detail = check_records.get_record(demo_db, records.record(0).id)
    results.set_records(list(detail.results))
    qtmodeltester.check(results)
    assert results.index(0, CheckResultColumn.NUMBER).data() == "1"
    for model in (CheckTaskTableModel(), CheckRecordTableModel(), CheckResultTableModel()):
        qtmodeltester.check(model)
