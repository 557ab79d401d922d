"""隐患整改通知单: one notice per responsible department, listing every hidden danger it still has
to put right, with what to do and by when; signed by whoever issues it and by the department that
receives it. Each notice starts on a new A4 page.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer

from dualprev.reports.hidden_danger_forms import markup
from dualprev.reports.ledger import place_terms
from dualprev.reports.ledger_data import LedgerEnterprise, LedgerEntry
from dualprev.reports.page import MM_TO_PT, PageSetup, PaperSize
from dualprev.reports.pdf_doc import PartMarker, build_pdf, format_date
from dualprev.reports.pdf_table import column_widths, data_table, signoff_line
from dualprev.reports.pdf_text import ChineseText
from dualprev.reports.styles import FORM_BODY_PT, pdf_styles
from dualprev.reports.tables import Align, CellValue, Column, Part, Section

TITLE = "隐患整改通知单"
NO_DEPARTMENT = "未指定整改责任单位"
ISSUER_SIGNOFF: tuple[str, ...] = ("签发部门", "签发人", "签发日期")
RECEIVER_SIGNOFF: tuple[str, ...] = ("接收单位负责人（签字）", "接收日期")
_PAGE = PageSetup(paper=PaperSize.A4, landscape=False, margin_mm=15.0)
_BODY_PT = 8.5

_C = Align.CENTER
COLUMNS: tuple[Column, ...] = (
    Column("序号", 8, _C),
    Column("隐患编号", 21, _C),
    Column("部位", 22),
    Column("隐患描述", 40),
    Column("隐患级别", 15, _C),
    Column("整改要求", 36),
    Column("整改责任人", 17, _C, names=True),
    Column("整改期限", 21, _C),
)


@dataclass(frozen=True)
class NoticeGroup:
    """One notice: its number and the day it was first issued, the department ("" for none) and
    its hidden dangers."""

    number: str
    issued_on: date
    department: str
    entries: tuple[LedgerEntry, ...]


def notice_number(printed_on: date, serial: int) -> str:
    """ZG-20261120-01: the day it is issued and its place among that day's notices (the serial
    comes from the database's sequence, so no two notices share a number)."""
    return f"ZG-{printed_on:%Y%m%d}-{serial:02d}"


def _rows(entries: Sequence[LedgerEntry], printed_on: date) -> tuple[tuple[CellValue, ...], ...]:
    rows: list[tuple[CellValue, ...]] = []
    for index, entry in enumerate(entries, start=1):
        deadline = entry.deadline.isoformat() if entry.deadline else "按治理方案"
        days = entry.overdue_days(printed_on)
        if days:
            deadline += f"\n（已逾期 {days} 天）"
        requirement = entry.rectification_measures or "按隐患描述组织整改"
        if entry.is_major:
            requirement += "\n（重大隐患：按治理方案整改，落实临时管控措施）"
        rows.append(
            (index, entry.number, entry.place, entry.description, entry.level.label, requirement,
             entry.rectifier_name, deadline)
        )  # fmt: skip
    return tuple(rows)


def notice_story(group: NoticeGroup, enterprise: LedgerEnterprise, printed_on: date) -> list[Flowable]:
    styles = pdf_styles(_BODY_PT)
    form = pdf_styles(FORM_BODY_PT)
    width, height = (v * MM_TO_PT for v in _PAGE.frame_mm)
    department = group.department or NO_DEPARTMENT
    part = Part(
        TITLE,
        COLUMNS,
        (Section(_rows(group.entries, printed_on)),),
        signoff=(),
        terms=place_terms(group.entries),
    )
    widths = column_widths(part, width, styles.body_pt)
    majors = sum(1 for e in group.entries if e.is_major)
    count = f"共 {len(group.entries)} 项" + (f"，其中重大隐患 {majors} 项" if majors else "")
    request = (
        "经排查，你单位存在下列事故隐患（" + count + "）。请按“整改要求”组织整改，落实整改责任人、措施、"
        "资金和期限，在整改期限内完成；整改完成前应采取必要的临时管控措施，防止发生事故。"
        "整改完成后，请填写整改情况并附整改后照片，报安全管理部门验收。逾期未整改的，将按本企业安全生产"
        "责任制考核。"
    )
    return [
        PartMarker(TITLE),
        Paragraph(TITLE, form.title),
        Paragraph(markup(f"编号：{group.number}"), form.subtitle),
        Paragraph(markup(f"{department}："), form.heading),
        ChineseText(request, form.field),
        Spacer(1, 3 * MM_TO_PT),
        data_table(part, part.sections[0].rows, widths, styles, height),
        KeepTogether(
            [
                Paragraph(markup(f"{enterprise.name}\n{format_date(group.issued_on)}"), form.closing),
                signoff_line(ISSUER_SIGNOFF, form, width),
                signoff_line(RECEIVER_SIGNOFF, form, width),
            ]
        ),
    ]


def write_notices_pdf(
    enterprise: LedgerEnterprise, groups: Sequence[NoticeGroup], printed_on: date, stream: BinaryIO
) -> int:
    """Write the notices, each from a new A4 page and paged on its own; returns the number of pages."""
    story: list[Flowable] = []
    for index, group in enumerate(groups):
        if index:
            story.append(PageBreak())
        story.extend(notice_story(group, enterprise, printed_on))
    return build_pdf(
        stream,
        story,
        page=_PAGE,
        enterprise=enterprise.name,
        printed_on=printed_on,
        title=TITLE,
        number_per_part=True,
    )
