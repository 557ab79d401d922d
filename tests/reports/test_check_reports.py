"""隐患排查 printouts read back as a user would: the blank checklist to walk the floor with, a filled
check record with its signature lines, and the records of a period as workbook and PDF."""

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from dualprev.domain.checks import CheckResult
from dualprev.errors import NotFoundError, ValidationError
from dualprev.reports.checklist_pdf import wrap_text
from dualprev.reports.fonts import text_width_pt
from dualprev.reports.output import ExportFormat
from dualprev.services.checks import checklists, printouts, recording
from dualprev.services.checks import plans as check_plans
from dualprev.services.checks import records as check_records
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.recording import CheckInput, ResultInput
from dualprev.services.checks.tasks import TaskScope
from dualprev.storage.db import Database

from ..conftest import DEMO_TODAY

TODAY = DEMO_TODAY
A4_PORTRAIT = (595.3, 841.9)


def _task(db: Database) -> check_tasks.TaskRow:
    return next(
        t
        for t in check_tasks.list_tasks(db, today=TODAY, scope=TaskScope.TODAY)
        if t.plan_name == "机加工车间岗位每班检查"
    )


def _record_with_failure(db: Database) -> check_records.CheckRecordDetail:
    task = _task(db)
    checklist = checklists.checklist(db, task_id=task.id)
    results = []
    for index, item in enumerate(checklist.items):
        if index == 1:
            danger = checklists.failed_item_draft(item, checked_on=TODAY, check_type=checklist.check_type,
                                          checker_names="吴志强", remark="操作工未戴护目镜")  # fmt: skip
            results.append(ResultInput(item.content, CheckResult.FAIL, item.item_id, item.standard, "操作工未戴护目镜",
                                       hidden_danger=danger))  # fmt: skip
        else:
            results.append(ResultInput(item.content, CheckResult.PASS, item.item_id, item.standard))
    data = CheckInput(checked_on=TODAY, checker_names="吴志强", results=tuple(results), task_id=task.id)
    return recording.record_check(db, data, actor="沈立明", today=TODAY)


def test_blank_checklist_of_todays_task(demo_db: Database, tmp_path: Path, read_pdf: Any) -> None:
    task = _task(demo_db)
    out = tmp_path / "清单.pdf"
    result = printouts.export_checklist(demo_db, out, task_id=task.id, today=TODAY)
    checklist = checklists.checklist(demo_db, task_id=task.id)
    assert result.items == len(checklist.items) == 10 and result.pages == 1
    pdf = read_pdf(out)
    assert pdf.page_size() == pytest.approx(A4_PORTRAIT, abs=0.5)
    text = pdf.compact()
    for expected in ("隐患排查清单", "机加工车间岗位每班检查", "排查类型：日常排查", "负责人：吴志强",
                     f"应完成日期：{TODAY.isoformat()}", "排查结果（打√）", "合格", "不合格", "不适用",
                     "排查人（签字）：", "被查部门负责人（签字）：", "发现的问题及现场处理情况"):  # fmt: skip
        assert expected in text, expected
    for item in checklist.items:
        assert "".join(item.content.split()) in text
        assert "".join(item.risk_point_text.split()) in text
    assert "风险等级：一般风险" in text  # each risk point's level in words, for a black-and-white copy
    assert all(embedded for _name, embedded in pdf.fonts())


def test_checklist_of_every_plan_starts_each_on_a_new_page(
    demo_db: Database, tmp_path: Path, read_pdf: Any
) -> None:
    out = tmp_path / "全部清单.pdf"
    result = printouts.export_checklist(demo_db, out, today=TODAY)
    plans = [p for p in check_plans.list_plans(demo_db, today=TODAY) if p.is_active]
    assert result.items == sum(p.item_count for p in plans)
    pdf = read_pdf(out)
    assert result.pages == len(pdf.pages) >= len(plans)
    firsts = [i for i, page in enumerate(pdf.pages) if "隐患排查清单" in "".join(page.split()[:8])]
    starts = ["".join(pdf.pages[i].split()) for i in firsts]
    for plan in plans:
        assert any("".join(plan.name.split()) in page for page in starts), plan.name


def test_nothing_to_print_is_said_plainly(empty_db: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="没有可打印的排查项"):
        printouts.export_checklist(empty_db, tmp_path / "x.pdf", today=TODAY)
    assert not (tmp_path / "x.pdf").exists()


def test_filled_record_shows_results_danger_and_signature_lines(
    demo_db: Database, tmp_path: Path, read_pdf: Any
) -> None:
    detail = _record_with_failure(demo_db)
    out = tmp_path / "记录.pdf"
    out.write_bytes(printouts.render_record_pdf(demo_db, detail.id, today=TODAY))
    pdf = read_pdf(out)
    text = pdf.compact()
    number = detail.danger_numbers[0]
    for expected in ("隐患排查记录", f"排查日期：{TODAY.isoformat()}", "排查人：吴志强", "排查计划：机加工车间岗位每班检查",
                     "不合格", "操作工未戴护目镜", number, "排查结论：", f"共检查{len(detail.results)}项：合格{len(detail.results) - 1}项，不合格1项",
                     "发现的隐患：", "整改期限", "排查人（签字）：", "被查部门负责人（签字）：", "日期："):  # fmt: skip
        assert expected in text, expected
    assert text.count("合格") >= 10
    assert pdf.page_size() == pytest.approx(A4_PORTRAIT, abs=0.5)


def test_period_workbook_has_summary_and_every_result(demo_db: Database, tmp_path: Path) -> None:
    detail = _record_with_failure(demo_db)
    start = TODAY - timedelta(days=6)
    out = tmp_path / "排查记录.xlsx"
    result = printouts.export_checks(
        demo_db, out, ExportFormat.XLSX, date_from=start, date_to=TODAY, today=TODAY
    )
    rows = check_records.query_records(demo_db, date_from=start, date_to=TODAY)
    assert result.items == len(rows) and result.pages is None
    book = load_workbook(out)
    assert book.sheetnames == ["汇总", "明细"]
    summary = book["汇总"]
    assert summary["A1"].value == "隐患排查记录汇总表"
    header = [c.value for c in summary[4]]
    assert header == ["序号", "排查日期", "排查类型", "排查计划", "受检部门/区域", "排查人", "检查项数", "合格", "不合格",
                      "不适用", "发现隐患"]  # fmt: skip
    data = [r for r in summary.iter_rows(min_row=5, values_only=True) if isinstance(r[0], int)]
    assert len(data) == len(rows)
    assert [r[1].date() for r in data] == sorted(r.checked_on for r in rows)  # typed dates, oldest first
    mine = next(r for r in data if r[10] == detail.danger_numbers[0])
    assert mine[5:10] == ("吴志强", 10, 9, 1, 0)
    details = book["明细"]
    lines = [r for r in details.iter_rows(min_row=4, values_only=True) if r[0]]
    assert len(lines) == sum(r.item_count for r in rows)
    failed = [r for r in lines if r[7] == "不合格"]
    assert (failed[-1][8], failed[-1][9]) == ("操作工未戴护目镜", detail.danger_numbers[0])


def test_period_pdf_files_every_record_after_the_summary(
    demo_db: Database, tmp_path: Path, read_pdf: Any
) -> None:
    start = TODAY - timedelta(days=2)
    out = tmp_path / "排查记录.pdf"
    result = printouts.export_checks(
        demo_db, out, ExportFormat.PDF, date_from=start, date_to=TODAY, today=TODAY
    )
    rows = check_records.query_records(demo_db, date_from=start, date_to=TODAY)
    pdf = read_pdf(out)
    assert result.items == len(rows) and result.pages == len(pdf.pages) > len(rows)
    first = pdf.compact(0)
    assert "隐患排查记录汇总表" in first and f"统计期：{start.isoformat()}至{TODAY.isoformat()}" in first
    record_pages = [p for p in range(1, len(pdf.pages)) if "隐患排查记录" in pdf.compact(p)[:40]]
    assert sum("排查人（签字）" in pdf.compact(p) for p in range(len(pdf.pages))) == len(rows)
    assert record_pages
    for row in rows:
        assert f"排查日期：{row.checked_on.isoformat()}" in pdf.compact()


def test_export_refusals(demo_db: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="没有排查记录"):
        printouts.export_checks(demo_db, tmp_path / "x.xlsx", ExportFormat.XLSX, date_from=date(2020, 1, 1),
                         date_to=date(2020, 12, 31), today=TODAY)  # fmt: skip
    with pytest.raises(ValidationError, match="开始日期不能晚于结束日期"):
        printouts.export_checks(
            demo_db, tmp_path / "x.xlsx", ExportFormat.XLSX, date_from=TODAY, date_to=date(2026, 1, 1)
        )
    with pytest.raises(ValidationError, match="xlsx、pdf"):
        printouts.export_checks(demo_db, tmp_path / "x.png", ExportFormat.PNG, today=TODAY)
    assert not list(tmp_path.glob("x.*"))


def test_long_group_headings_wrap_within_the_table() -> None:
    text = "FX-JJ-001 普通车床　位置：机加工车间车床区东侧靠近二号门的数控加工单元　风险等级：较大风险"
    wrapped = wrap_text(text, 150, 8)
    lines = wrapped.split("\n")
    assert len(lines) > 1 and "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert all(text_width_pt(line, 8) <= 150 for line in lines)
    assert lines[0].startswith("FX-JJ-001")  # a code is never split
