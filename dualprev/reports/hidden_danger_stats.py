"""隐患排查治理情况统计表 of a quarter or a year (domain.md §8.3): the period's figures, the 重大隐患
list, the principal's signature line and the day the signed form must reach the authority by
(the 15th of the month after a quarter, 31 January after a year). A4 portrait, PDF or xlsx.
"""

from dualprev.reports.ledger import period_text
from dualprev.reports.ledger_columns import progress_text
from dualprev.reports.ledger_data import LedgerData
from dualprev.reports.ledger_period import chinese_date
from dualprev.reports.ledger_statistics import (
    RATE_DEFINITIONS,
    STATISTICS_COLUMNS,
    LedgerStatistics,
    check_count_text,
    statistics_rows,
    voided_text,
)
from dualprev.reports.page import PageSetup, PaperSize
from dualprev.reports.risk_text import numbered_notes
from dualprev.reports.tables import Align, CellValue, Column, HeaderField, Part, Section, TableDocument

TITLE = "隐患排查治理情况统计表"
SIGNOFF: tuple[str, ...] = ("填表人", "审核人", "主要负责人（签字）", "填报日期")

_C = Align.CENTER
MAJOR_COLUMNS: tuple[Column, ...] = (
    Column("序号", 9, _C),
    Column("隐患编号", 24, _C),
    Column("部位", 28),
    Column("隐患描述", 52),
    Column("整改期限", 21, _C),
    Column("治理进展", 56),
)


def due_text(stats: LedgerStatistics) -> str:
    due = stats.due_on
    return f"{chinese_date(due)}前" if due else ""


def _major_rows(data: LedgerData, stats: LedgerStatistics) -> tuple[tuple[CellValue, ...], ...]:
    if not stats.majors:
        return (("", "", "", "本期无重大隐患", "", ""),)
    return tuple(
        (
            index,
            entry.number,
            entry.place,
            entry.description,
            entry.deadline.isoformat() if entry.deadline else "",
            progress_text(entry, data.printed_on),
        )
        for index, entry in enumerate(stats.majors, start=1)
    )


def statistics_document(data: LedgerData, stats: LedgerStatistics) -> TableDocument:
    """The 统计表 of ``data.period`` (a quarter or a year) as a table document."""
    enterprise = data.enterprise
    principal = enterprise.principal_name or "（未填写）"
    fields = (
        HeaderField("企业名称", enterprise.name),
        HeaderField("统一社会信用代码", enterprise.uscc),
        HeaderField("所属行业", enterprise.industry),
        HeaderField("主要负责人", principal),
        HeaderField("统计期", data.period.range_text),
        HeaderField("统计截至", chinese_date(stats.as_of)),
        HeaderField("排查次数", check_count_text(stats)),
        HeaderField("本期作废记录", voided_text(stats)),
        HeaderField("报送期限", due_text(stats)),
    )
    notes = numbered_notes(
        [
            "统计口径见表中“统计口径”一栏；排查日期在统计期内的隐患计入本期，已作废的误录记录不计入。",
            RATE_DEFINITIONS,
            f"本表经企业主要负责人签字后，于{due_text(stats)}报送负有安全生产监督管理职责的部门。",
            "重大隐患除在本表列明外，还应及时单独报告（隐患现状及其产生原因、危害程度和整改难易程度分析、治理方案）。",
        ]
    )
    part = Part(
        title=TITLE,
        subtitle=period_text(data),
        columns=STATISTICS_COLUMNS,
        sections=(
            Section(statistics_rows(stats), heading="一、隐患排查治理情况", fields=fields),
            Section(_major_rows(data, stats), heading="二、重大隐患清单", columns=MAJOR_COLUMNS),
        ),
        notes=notes,
        signoff=SIGNOFF,
        sheet_name="统计表",
        fields_per_row=2,
    )
    return TableDocument(
        enterprise=enterprise.name,
        printed_on=data.printed_on,
        parts=(part,),
        page=PageSetup(paper=PaperSize.A4, landscape=False),
        running_note=period_text(data),
    )
