"""重大事故隐患自查记录: one 判定标准 self-check as a signed form — the particulars, every applicable
item grouped by article with its conclusion (符合/不符合/不适用), the note and the number of the
重大隐患 a 不符合 answer registered, the totals, and lines for the signatures."""

from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import BinaryIO

from reportlab.platypus import Flowable, KeepTogether

from dualprev.reports.checklist_pdf import (
    BODY_PT,
    GridColumn,
    GridGroup,
    GridRow,
    default_page,
    findings_box,
    form_head,
    grouped_table,
)
from dualprev.reports.page import MM_TO_PT
from dualprev.reports.pdf_doc import build_pdf
from dualprev.reports.pdf_table import signoff_line
from dualprev.reports.styles import pdf_styles
from dualprev.reports.tables import Align, HeaderField

TITLE = "重大事故隐患自查记录"
SUBTITLE = "依据《工贸企业重大事故隐患判定标准》（应急管理部令第10号）"
SIGNOFF = ("自查人员（签字）", "安全管理人员（签字）", "主要负责人（签字）")
NON_COMPLIANT = "不符合"
UNVERIFIED_MARK = "※"

COLUMNS: tuple[GridColumn, ...] = (
    GridColumn("序号", 8, Align.CENTER),
    GridColumn("条款", 24, Align.CENTER),
    GridColumn("判定情形", 78),
    GridColumn("自查结论", 14, Align.CENTER),
    GridColumn("现场情况/说明", 44),
    GridColumn("隐患编号", 22, Align.CENTER),
)


@dataclass(frozen=True)
class RecordRow:
    item_label: str  # 第十一条第（二）项
    text: str
    answer: str  # 符合 / 不符合 / 不适用
    note: str = ""
    danger_number: str = ""
    verified: bool = True


@dataclass(frozen=True)
class MajorCheckRecordData:
    enterprise: str
    kind: str
    checked_on: date
    checker_names: str
    scope: str
    standard_version: str
    rows: tuple[RecordRow, ...]
    principal: str = ""
    note: str = ""

    def count(self, answer: str) -> int:
        return sum(1 for r in self.rows if r.answer == answer)


def _article(label: str) -> str:
    return label.split("条", 1)[0] + "条"


def _groups(data: MajorCheckRecordData) -> tuple[GridGroup, ...]:
    groups: list[GridGroup] = []
    number = 0
    for article, rows in groupby(data.rows, key=lambda r: _article(r.item_label)):
        lines: list[GridRow] = []
        for row in rows:
            number += 1
            item = row.item_label.removeprefix(article) or row.item_label
            text = row.text + ("" if row.verified else UNVERIFIED_MARK)
            cells = (str(number), item, text, row.answer, row.note, row.danger_number)
            lines.append(GridRow(cells, shaded=(3,) if row.answer == NON_COMPLIANT else ()))
        groups.append(GridGroup(article, tuple(lines)))
    return tuple(groups)


def conclusion_text(data: MajorCheckRecordData) -> str:
    """The totals, the 重大隐患 registered, and a note on wording not yet checked."""
    found = [r for r in data.rows if r.answer == NON_COMPLIANT]
    text = (
        f"本次自查适用条款 {len(data.rows)} 项：符合 {data.count('符合')} 项，"
        f"不符合 {len(found)} 项，不适用 {data.count('不适用')} 项。"
    )
    if found:
        text += (
            "不符合项已判定为重大事故隐患并登记："
            + "；".join(f"{r.danger_number}（{r.item_label}）" for r in found)
            + "。"
        )
    else:
        text += "未发现重大事故隐患。"
    if data.note:
        text += "\n" + data.note
    if any(not r.verified for r in data.rows):
        text += f"\n注：标有“{UNVERIFIED_MARK}”的条款文字未能与官方文本逐字核对，以应急管理部公布的文本为准。"
    return text


def major_check_story(data: MajorCheckRecordData, width: float, height: float) -> list[Flowable]:
    styles = pdf_styles(BODY_PT)
    fields = (
        HeaderField("企业名称", data.enterprise),
        HeaderField("自查类型", data.kind),
        HeaderField("自查日期", data.checked_on.isoformat()),
        HeaderField("适用范围", data.scope),
        HeaderField("自查人员", data.checker_names),
        HeaderField("判定标准版本", data.standard_version),
    )
    story = form_head(TITLE, SUBTITLE, fields, styles, width)
    story.append(grouped_table(COLUMNS, _groups(data), styles, width, height))
    tail = findings_box("自查结论：", conclusion_text(data), styles, width)
    tail.append(signoff_line(SIGNOFF, styles, width))
    tail.append(signoff_line(("日期",), styles, width))
    story.append(KeepTogether(tail))
    return story


def write_major_check_pdf(data: MajorCheckRecordData, stream: BinaryIO) -> int:
    """Write the record as an A4 PDF; returns the number of pages."""
    page = default_page()
    width, height = (v * MM_TO_PT for v in page.frame_mm)
    return build_pdf(
        stream,
        major_check_story(data, width, height),
        page=page,
        enterprise=data.enterprise,
        printed_on=data.checked_on,
        title=TITLE,
    )
