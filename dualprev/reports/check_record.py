"""排查记录: one filled check record as the form it was checked on (the blank 隐患排查清单 with each
item's result, remark and the number of the hidden danger it opened, the conclusion, and lines for
the signatures), and the records of a period — a summary list, with every record after it in the
PDF and every item result on a second sheet in the workbook.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from reportlab.platypus import Flowable, KeepTogether, PageBreak

from dualprev.domain.checks import CheckResult
from dualprev.domain.risk import RiskLevel
from dualprev.reports.checklist_pdf import (
    BODY_PT,
    GridColumn,
    GridGroup,
    GridRow,
    default_page,
    findings_box,
    form_head,
    group_heading,
    grouped_table,
)
from dualprev.reports.page import MM_TO_PT, PageSetup
from dualprev.reports.pdf_doc import build_pdf
from dualprev.reports.pdf_table import part_story, signoff_line
from dualprev.reports.styles import pdf_styles, table_body_pt
from dualprev.reports.tables import Align, Column, HeaderField, Part, Section, TableDocument

RECORD_TITLE = "隐患排查记录"
PERIOD_TITLE = "隐患排查记录汇总表"
DETAIL_TITLE = "隐患排查记录明细"
RECORD_SIGNOFF = ("排查人（签字）", "被查部门负责人（签字）", "日期")
PERIOD_SIGNOFF = ("编制", "审核", "日期")
CONCLUSION_CAPTION = "排查结论："
UNPLANNED_TEXT = "计划外排查"

RECORD_COLUMNS: tuple[GridColumn, ...] = (
    GridColumn("序号", 8, Align.CENTER),
    GridColumn("排查内容", 56),
    GridColumn("排查标准/依据", 46),
    GridColumn("排查结果", 15, Align.CENTER),
    GridColumn("问题描述/备注", 42),
    GridColumn("隐患编号", 22, Align.CENTER),
)

_C, _R = Align.CENTER, Align.RIGHT
SUMMARY_COLUMNS: tuple[Column, ...] = (
    Column("序号", 9, _C),
    Column("排查日期", 20, _C),
    Column("排查类型", 22, _C),
    Column("排查计划", 40),
    Column("受检部门/区域", 26, names=True),
    Column("排查人", 28, names=True),
    Column("检查项数", 11, _R),
    Column("合格", 10, _R),
    Column("不合格", 11, _R),
    Column("不适用", 11, _R),
    Column("发现隐患", 30),
)

DETAIL_COLUMNS: tuple[Column, ...] = (
    Column("排查日期", 20, _C),
    Column("排查类型", 22, _C),
    Column("排查计划", 36),
    Column("排查人", 26, names=True),
    Column("风险点", 36),
    Column("排查内容", 60),
    Column("排查标准/依据", 50),
    Column("排查结果", 14, _C),
    Column("问题描述/备注", 44),
    Column("隐患编号", 22, _C),
)


@dataclass(frozen=True)
class RecordLine:
    content: str
    result: CheckResult
    standard: str = ""
    remark: str = ""
    danger_number: str = ""


@dataclass(frozen=True)
class RecordGroup:
    """The results of one risk point's items (or of the general items, without one)."""

    risk_point: str
    place: str = ""
    level: RiskLevel | None = None
    lines: tuple[RecordLine, ...] = ()


@dataclass(frozen=True)
class CheckRecordSheet:
    """One check as recorded: its particulars, the results by risk point, the conclusion."""

    checked_on: date
    check_type: str
    plan: str
    place: str
    checker_names: str
    fields: tuple[HeaderField, ...]
    groups: tuple[RecordGroup, ...]
    conclusion: str
    dangers: tuple[str, ...] = ()
    """One line per hidden danger registered from a failed item (number, description, who, when)."""

    @property
    def lines(self) -> tuple[RecordLine, ...]:
        return tuple(line for group in self.groups for line in group.lines)

    def count(self, result: CheckResult) -> int:
        return sum(1 for line in self.lines if line.result is result)

    @property
    def danger_numbers(self) -> tuple[str, ...]:
        return tuple(line.danger_number for line in self.lines if line.danger_number)


def _record_groups(sheet: CheckRecordSheet) -> tuple[GridGroup, ...]:
    groups: list[GridGroup] = []
    number = 0
    for group in sheet.groups:
        rows: list[GridRow] = []
        for line in group.lines:
            number += 1
            failed = line.result is CheckResult.FAIL
            rows.append(
                GridRow(
                    (
                        str(number),
                        line.content,
                        line.standard,
                        line.result.label,
                        line.remark,
                        line.danger_number,
                    ),
                    shaded=(3,) if failed else (),
                )
            )
        groups.append(GridGroup(group_heading(group.risk_point, group.place, group.level), tuple(rows)))
    return tuple(groups)


def record_story(sheet: CheckRecordSheet, frame_width: float, frame_height: float) -> list[Flowable]:
    """The flowables of one filled record (usable inside a longer document)."""
    styles = pdf_styles(BODY_PT)
    subtitle = f"{sheet.plan}　{sheet.checked_on.isoformat()}"
    story = form_head(RECORD_TITLE, subtitle, sheet.fields, styles, frame_width)
    story.append(grouped_table(RECORD_COLUMNS, _record_groups(sheet), styles, frame_width, frame_height))
    conclusion = sheet.conclusion
    if sheet.dangers:
        conclusion += "\n发现的隐患：\n" + "\n".join(sheet.dangers)
    tail = findings_box(CONCLUSION_CAPTION, conclusion, styles, frame_width)
    tail.append(signoff_line(RECORD_SIGNOFF, styles, frame_width))
    story.append(KeepTogether(tail))
    return story


def write_records_pdf(
    sheets: Sequence[CheckRecordSheet],
    stream: BinaryIO,
    *,
    enterprise: str,
    printed_on: date,
    page: PageSetup | None = None,
) -> int:
    """Write filled records, each starting on a new page; returns the number of pages."""
    page = page or default_page()
    width, height = (v * MM_TO_PT for v in page.frame_mm)
    story: list[Flowable] = []
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story.extend(record_story(sheet, width, height))
    return build_pdf(
        stream, story, page=page, enterprise=enterprise, printed_on=printed_on, title=RECORD_TITLE
    )


# --- a period's records -----------------------------------------------------------------------------


def first_day(sheets: Sequence[CheckRecordSheet], date_from: date | None) -> date | None:
    """The period's first day: ``date_from``, or without one the day of the earliest record."""
    return date_from or min((s.checked_on for s in sheets), default=None)


def period_text(date_from: date | None, date_to: date) -> str:
    start = date_from.isoformat() if date_from else "最早记录"
    return f"统计期：{start} 至 {date_to.isoformat()}"


def _summary_part(sheets: Sequence[CheckRecordSheet], date_from: date | None, date_to: date) -> Part:
    rows = tuple(
        (
            index,
            s.checked_on.isoformat(),
            s.check_type,
            s.plan,
            s.place,
            s.checker_names,
            len(s.lines),
            s.count(CheckResult.PASS),
            s.count(CheckResult.FAIL),
            s.count(CheckResult.NOT_APPLICABLE),
            "、".join(s.danger_numbers),
        )
        for index, s in enumerate(sheets, start=1)
    )
    items = sum(len(s.lines) for s in sheets)
    failed = sum(s.count(CheckResult.FAIL) for s in sheets)
    dangers = sum(len(s.danger_numbers) for s in sheets)
    places = tuple(sorted({s.place for s in sheets if s.place}))
    return Part(
        terms=places,
        title=PERIOD_TITLE,
        columns=SUMMARY_COLUMNS,
        sections=(Section(rows=rows),),
        subtitle=f"{period_text(first_day(sheets, date_from), date_to)}，共 {len(sheets)} 次排查",
        notes=(
            f"合计：排查 {len(sheets)} 次，检查 {items} 项次，不合格 {failed} 项次，登记隐患 {dangers} 条。",
            "不合格项均已登记为隐患，整改情况见隐患排查治理台账。",
        ),
        signoff=PERIOD_SIGNOFF,
        sheet_name="汇总",
    )


def _detail_part(sheets: Sequence[CheckRecordSheet]) -> Part:
    rows = tuple(
        (
            s.checked_on.isoformat(),
            s.check_type,
            s.plan,
            s.checker_names,
            group.risk_point,
            line.content,
            line.standard,
            line.result.label,
            line.remark,
            line.danger_number,
        )
        for s in sheets
        for group in s.groups
        for line in group.lines
    )
    places = tuple(sorted({s.place for s in sheets if s.place}))
    return Part(
        terms=places,
        title=DETAIL_TITLE,
        columns=DETAIL_COLUMNS,
        sections=(Section(rows=rows),),
        signoff=(),
        sheet_name="明细",
    )


def period_document(
    sheets: Sequence[CheckRecordSheet],
    *,
    enterprise: str,
    printed_on: date,
    date_from: date | None,
    date_to: date,
    page: PageSetup | None = None,
) -> TableDocument:
    """The workbook: the summary list, then every item result of the period on its own sheet."""
    return TableDocument(
        enterprise=enterprise,
        printed_on=printed_on,
        parts=(_summary_part(sheets, date_from, date_to), _detail_part(sheets)),
        page=page or default_page(),
    )


def write_period_pdf(
    sheets: Sequence[CheckRecordSheet],
    stream: BinaryIO,
    *,
    enterprise: str,
    printed_on: date,
    date_from: date | None,
    date_to: date,
    page: PageSetup | None = None,
) -> int:
    """The summary list, then each record as filed (one per page); returns the number of pages."""
    page = page or default_page()
    width, height = (v * MM_TO_PT for v in page.frame_mm)
    story: list[Flowable] = part_story(
        _summary_part(sheets, date_from, date_to), pdf_styles(table_body_pt(page.paper)), width, height
    )
    for sheet in sheets:
        story.append(PageBreak())
        story.extend(record_story(sheet, width, height))
    return build_pdf(
        stream, story, page=page, enterprise=enterprise, printed_on=printed_on, title=PERIOD_TITLE
    )
