"""隐患排查清单 printed blank, to take onto the floor: one form per plan (or per task), its items
grouped under their risk points, a box per result to tick, room to write what was found, and the
lines to sign. The filled check record (``check_record``) uses the same form, so an inspector can
lay the two side by side.

A4 portrait by default (it goes on a clipboard). Items are grouped under a full-width row naming
the risk point, its place and its level in words (a black-and-white copy still reads).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from dualprev.domain.risk import RiskLevel
from dualprev.reports.fonts import register_pdf_font, text_width_pt
from dualprev.reports.page import MM_TO_PT, PageSetup, PaperSize
from dualprev.reports.paged_table import Command, PagedTable
from dualprev.reports.pdf_doc import PartMarker, build_pdf
from dualprev.reports.pdf_table import field_block, signoff_line
from dualprev.reports.styles import (
    BLACK_PDF,
    CELL_PAD_PT,
    FIELD_FILL_PDF,
    GRID_PDF,
    GRID_WIDTH_PT,
    HEADER_FILL_PDF,
    LEADING_RATIO,
    OUTER_WIDTH_PT,
    PdfStyles,
    pdf_cell_style,
    pdf_styles,
)
from dualprev.reports.tables import Align, HeaderField

CHECKLIST_TITLE = "隐患排查清单"
BLANK_RESULT_HEADINGS = ("合格", "不合格", "不适用")
CHECKLIST_SIGNOFF = ("排查人（签字）", "被查部门负责人（签字）", "日期")
FINDINGS_CAPTION = "发现的问题及现场处理情况（不合格项须登记隐患）："
FINDINGS_LINES = 4
BODY_PT = 8.0
"""The clipboard form is read standing on the floor: a point larger than the lists' body text."""
TICK_COLUMN_MM = 11.0


def default_page() -> PageSetup:
    return PageSetup(paper=PaperSize.A4, landscape=False)


@dataclass(frozen=True)
class GridColumn:
    """A column of a grouped form: heading, reference width (mm, scaled to the page), alignment and
    an optional group heading shared with its neighbours (a second header row)."""

    heading: str
    width: float
    align: Align = Align.LEFT
    group: str = ""


@dataclass(frozen=True)
class GridRow:
    """One line of a form; ``shaded`` cells (by column index) get a light grey fill."""

    cells: tuple[str, ...]
    shaded: tuple[int, ...] = ()


@dataclass(frozen=True)
class GridGroup:
    """Rows under a full-width group row (a risk point, or 通用检查项)."""

    heading: str
    rows: tuple[GridRow, ...]


@dataclass(frozen=True)
class ChecklistLine:
    content: str
    standard: str = ""
    method: str = ""


@dataclass(frozen=True)
class ChecklistGroup:
    """The items of one risk point (or the general items, without one)."""

    risk_point: str
    place: str = ""
    level: RiskLevel | None = None
    lines: tuple[ChecklistLine, ...] = ()

    @property
    def heading(self) -> str:
        return group_heading(self.risk_point, self.place, self.level)


@dataclass(frozen=True)
class ChecklistSheet:
    """One blank form: a title, the plan's particulars, the items by risk point, notes."""

    title: str
    subtitle: str
    fields: tuple[HeaderField, ...]
    groups: tuple[ChecklistGroup, ...]
    notes: tuple[str, ...] = ()

    @property
    def item_count(self) -> int:
        return sum(len(g.lines) for g in self.groups)


def group_heading(risk_point: str, place: str, level: RiskLevel | None) -> str:
    """``FX-JJ-001 数控车床　位置：机加工车间 车床区　风险等级：较大风险``."""
    parts = [risk_point]
    if place:
        parts.append(f"位置：{place}")
    if level is not None:
        parts.append(f"风险等级：{level.label}")
    return "　".join(parts)


CHECKLIST_COLUMNS: tuple[GridColumn, ...] = (
    GridColumn("序号", 8, Align.CENTER),
    GridColumn("排查内容", 56),
    GridColumn("排查标准/依据", 50),
    GridColumn("排查方法", 20),
    *(GridColumn(h, TICK_COLUMN_MM, Align.CENTER, group="排查结果（打√）") for h in BLANK_RESULT_HEADINGS),
    GridColumn("问题描述/备注", 30),
)


def checklist_groups(sheet: ChecklistSheet) -> tuple[GridGroup, ...]:
    """The sheet's items as numbered rows with empty result boxes."""
    groups: list[GridGroup] = []
    number = 0
    for group in sheet.groups:
        rows: list[GridRow] = []
        for line in group.lines:
            number += 1
            rows.append(GridRow((str(number), line.content, line.standard, line.method, "", "", "", "")))
        groups.append(GridGroup(group.heading, tuple(rows)))
    return tuple(groups)


def write_checklists_pdf(
    sheets: Sequence[ChecklistSheet],
    stream: BinaryIO,
    *,
    enterprise: str,
    printed_on: date,
    page: PageSetup | None = None,
) -> int:
    """Write the blank forms, each starting on a new page; returns the number of pages."""
    page = page or default_page()
    styles = pdf_styles(BODY_PT)
    width, height = (v * MM_TO_PT for v in page.frame_mm)
    story: list[Flowable] = []
    for index, sheet in enumerate(sheets):
        if index:
            story.append(PageBreak())
        story.extend(form_head(sheet.title, sheet.subtitle, sheet.fields, styles, width))
        story.append(grouped_table(CHECKLIST_COLUMNS, checklist_groups(sheet), styles, width, height))
        tail: list[Flowable] = [Paragraph(_markup(note), styles.note) for note in sheet.notes]
        tail += findings_box(FINDINGS_CAPTION, "", styles, width)
        tail.append(signoff_line(CHECKLIST_SIGNOFF, styles, width))
        story.append(KeepTogether(tail))
    return build_pdf(
        stream,
        story,
        page=page,
        enterprise=enterprise,
        printed_on=printed_on,
        title=sheets[0].title if sheets else CHECKLIST_TITLE,
    )


# --- building blocks shared with the filled record ----------------------------------------------------


def form_head(
    title: str, subtitle: str, fields: Sequence[HeaderField], styles: PdfStyles, width: float
) -> list[Flowable]:
    """Title, subtitle and the boxed particulars (two to a line, with room to write by hand)."""
    story: list[Flowable] = [PartMarker(title), Paragraph(_markup(title), styles.title)]
    if subtitle:
        story.append(Paragraph(_markup(subtitle), styles.subtitle))
    if fields:
        story.append(field_block(fields, 2, styles, width))
        story.append(Spacer(1, 3 * MM_TO_PT))
    return story


def findings_box(caption: str, text: str, styles: PdfStyles, width: float) -> list[Flowable]:
    """A boxed paragraph: the caption, then ``text`` or, when it is empty, ruled lines to write on."""
    font = register_pdf_font()
    size = styles.field.fontSize
    rows: list[list[Any]] = [[Paragraph(_markup(caption), styles.field)]]
    commands: list[Command] = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("BOX", (0, 0), (-1, -1), OUTER_WIDTH_PT, GRID_PDF),
        ("LEFTPADDING", (0, 0), (-1, -1), 2 * CELL_PAD_PT),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2 * CELL_PAD_PT),
    ]
    heights: list[float | None] = [None]
    if text:
        rows.append([Paragraph(_markup(text), styles.field)])
        heights.append(None)
    else:
        for index in range(1, FINDINGS_LINES + 1):
            rows.append([""])
            heights.append(size * 2.4)
            commands.append(("LINEBELOW", (0, index), (0, index), GRID_WIDTH_PT, GRID_PDF))
    table = Table(rows, colWidths=[width], rowHeights=heights, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return [Spacer(1, 3 * MM_TO_PT), table]


def grouped_table(
    columns: Sequence[GridColumn],
    groups: Sequence[GridGroup],
    styles: PdfStyles,
    frame_width: float,
    frame_height: float,
) -> PagedTable:
    """A table whose rows sit under full-width group rows, with the header repeated on every page."""
    font = register_pdf_font()
    body = styles.body_pt
    leading = body * LEADING_RATIO
    total = sum(c.width for c in columns)
    widths = [frame_width * c.width / total for c in columns]
    header = _header(columns, styles)
    header_rows = len(header)
    commands: list[Command] = [
        ("FONT", (0, 0), (-1, -1), font, body, leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), BLACK_PDF),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD_PT),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD_PT),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD_PT + 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD_PT + 1),
        ("INNERGRID", (0, 0), (-1, -1), GRID_WIDTH_PT, GRID_PDF),
        ("BOX", (0, 0), (-1, -1), OUTER_WIDTH_PT, GRID_PDF),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL_PDF),
        ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
        *_header_spans(columns),
    ]
    for index, column in enumerate(columns):
        if column.align is not Align.LEFT:
            commands.append(("ALIGN", (index, header_rows), (index, -1), column.align.value.upper()))
    inner = [w - 2 * CELL_PAD_PT for w in widths]
    data: list[list[Any]] = []
    row_commands: list[list[Command]] = []
    for group in groups:
        if group.heading:
            # A plain string: PagedTable measures a Paragraph by its own column's width, not the span's.
            heading = wrap_text(group.heading, sum(inner) + 2 * CELL_PAD_PT * (len(columns) - 1), body)
            data.append([heading] + [""] * (len(columns) - 1))
            row_commands.append(
                [
                    ("SPAN", (0, 0), (-1, 0)),
                    ("ALIGN", (0, 0), (-1, 0), "LEFT"),
                    ("BACKGROUND", (0, 0), (-1, 0), FIELD_FILL_PDF),
                ]
            )
        for row in group.rows:
            cells = [_cell(text, inner[i], body, columns[i].align) for i, text in enumerate(row.cells)]
            data.append(cells)
            row_commands.append([("BACKGROUND", (i, 0), (i, 0), HEADER_FILL_PDF) for i in row.shaded])
    return PagedTable(
        header,
        data,
        widths=widths,
        commands=commands,
        row_commands=row_commands,
        padding=(CELL_PAD_PT, CELL_PAD_PT + 1),
        leading=leading,
        frame_height=frame_height,
    )


def wrap_text(text: str, width: float, size: float) -> str:
    """``text`` with line breaks where a line would exceed ``width`` points (Chinese breaks between
    any two characters; a Latin word such as a code is kept whole where it fits)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for token in _tokens(paragraph):
            if line and text_width_pt(line + token, size) > width:
                lines.append(line.rstrip())
                line = token.lstrip()
            else:
                line += token
        lines.append(line)
    return "\n".join(lines)


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for ch in text:
        if (
            tokens
            and ch.isascii()
            and not ch.isspace()
            and tokens[-1][-1:].isascii()
            and not tokens[-1][-1:].isspace()
        ):
            tokens[-1] += ch
        else:
            tokens.append(ch)
    return tokens


def _cell(text: str, inner_width: float, body: float, align: Align) -> str | Paragraph:
    if not text or ("\n" not in text and text_width_pt(text, body) <= inner_width):
        return text
    return Paragraph(_markup(text), pdf_cell_style(body, align))


def _header(columns: Sequence[GridColumn], styles: PdfStyles) -> list[list[Any]]:
    def para(text: str) -> Paragraph:
        return Paragraph(_markup(text), styles.header_cell)

    if not any(c.group for c in columns):
        return [[para(c.heading) for c in columns]]
    top: list[Any] = []
    bottom: list[Any] = []
    previous = None
    for column in columns:
        if column.group:
            top.append(para(column.group) if column.group != previous else "")
            bottom.append(para(column.heading))
        else:
            top.append(para(column.heading))
            bottom.append("")
        previous = column.group or None
    return [top, bottom]


def _header_spans(columns: Sequence[GridColumn]) -> list[Command]:
    if not any(c.group for c in columns):
        return []
    spans: list[Command] = []
    index = 0
    while index < len(columns):
        group = columns[index].group
        end = index
        while group and end + 1 < len(columns) and columns[end + 1].group == group:
            end += 1
        spans.append(("SPAN", (index, 0), (end, 0)) if group else ("SPAN", (index, 0), (index, 1)))
        index = end + 1
    return spans


def _markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")
