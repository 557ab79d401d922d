"""Writes a :class:`~dualprev.reports.tables.TableDocument` as a PDF.

Each part: title, optional subtitle, its sections (heading, a boxed header block, the table with
its header row(s) repeated on every page), notes and a sign-off line. Columns are scaled to the
frame width; long text wraps inside its cell (Chinese may break between any two characters).
Pictures in a cell are scaled to the cell's width (at most CELL_IMAGE_MAX_MM high) and stacked.
"""

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tables import CellStyle

from dualprev.domain.risk import RiskLevel
from dualprev.reports.fonts import register_pdf_font, text_width_pt
from dualprev.reports.page import MM_TO_PT
from dualprev.reports.paged_table import EMPTY_CELL, CellParagraph, Command, PagedTable
from dualprev.reports.pdf_doc import PartMarker, build_pdf
from dualprev.reports.styles import (
    BLACK_PDF,
    CELL_IMAGE_GAP_PT,
    CELL_IMAGE_MAX_MM,
    CELL_PAD_PT,
    FIELD_FILL_PDF,
    FIELD_PAD_PT,
    GRID_PDF,
    GRID_WIDTH_PT,
    HEADER_FILL_PDF,
    LEADING_RATIO,
    OUTER_WIDTH_PT,
    PdfStyles,
    level_fill_pdf,
    level_text_pdf,
    pdf_cell_style,
    pdf_styles,
    table_body_pt,
)
from dualprev.reports.tables import (
    Align,
    Cell,
    CellValue,
    Column,
    HeaderField,
    Part,
    Section,
    TableDocument,
    cell_text,
    group_spans,
    header_row_count,
)

_ALIGN = {Align.LEFT: "LEFT", Align.CENTER: "CENTER", Align.RIGHT: "RIGHT"}
_UNBREAKABLE_MAX = 16
_CJK_START = 0x2E80


def write_table_pdf(document: TableDocument, stream: BinaryIO) -> int:
    """Write ``document`` to ``stream`` as PDF; returns the number of pages."""
    styles = pdf_styles(table_body_pt(document.page.paper))
    frame = tuple(v * MM_TO_PT for v in document.page.frame_mm)
    story: list[Flowable] = []
    for index, part in enumerate(document.parts):
        if index:
            story.append(PageBreak())
        story.extend(part_story(part, styles, frame[0], frame[1]))
    return build_pdf(
        stream,
        story,
        page=document.page,
        enterprise=document.enterprise,
        printed_on=document.printed_on,
        title=document.title,
        note=document.running_note,
    )


def part_story(part: Part, styles: PdfStyles, frame_width: float, frame_height: float) -> list[Flowable]:
    """The flowables of one part (usable inside a larger story); frame sizes in points."""
    story: list[Flowable] = [PartMarker(part.title), Paragraph(_markup(part.title), styles.title)]
    if part.subtitle:
        story.append(Paragraph(_markup(part.subtitle), styles.subtitle))
    part_widths: list[float] | None = None  # shared by every section in the part's columns
    for index, section in enumerate(part.sections):
        if index and part.section_per_page:
            story.append(PageBreak())
        elif index:
            story.append(Spacer(1, 4 * MM_TO_PT))
        if section.columns:
            widths = _widths(section.columns, [section.rows], frame_width, styles.body_pt)
        else:
            if part_widths is None:
                part_widths = column_widths(part, frame_width, styles.body_pt)
            widths = part_widths
        story.extend(_section_story(part, section, widths, styles, frame_height))
    tail: list[Flowable] = [Paragraph(_markup(note), styles.note) for note in part.notes]
    if part.signoff:
        tail.append(signoff_line(part.signoff, styles, frame_width))
    if tail:
        story.append(KeepTogether(tail))
    return story


def column_widths(part: Part, frame_width: float, body_pt: float) -> list[float]:
    """Column widths in points of the part's own columns (see :func:`_widths`)."""
    rows = [s.rows for s in part.sections if not s.columns]
    return _widths(part.columns, rows, frame_width, body_pt)


def _widths(
    columns: Sequence[Column],
    row_groups: Iterable[Sequence[Sequence[CellValue]]],
    frame_width: float,
    body_pt: float,
) -> list[float]:
    """Column widths in points: the reference proportions stretched or shrunk to the frame, but
    never so narrow that a code, a number or a level name breaks inside (FX-JJ-0 / 01, 0. / 5)."""
    total = sum(c.width for c in columns)
    widths = [frame_width * c.width / total for c in columns]
    floors = _unbreakable_widths(columns, row_groups, body_pt, cap=frame_width / 4)
    for _ in range(3):  # raising one column shrinks the others, which may then need raising
        short = sum(max(f - w, 0.0) for w, f in zip(widths, floors, strict=True))
        if short <= 0.01:
            break
        spare = [max(w - f, 0.0) for w, f in zip(widths, floors, strict=True)]
        room = sum(spare)
        if room <= 0:
            break
        cut = min(short, room) / room
        widths = [max(w, f) - s * cut for w, f, s in zip(widths, floors, spare, strict=True)]
    return widths


def _unbreakable(value: CellValue) -> bool:
    if isinstance(value, Cell) and value.level is not None:
        return True
    text = cell_text(value)
    return 0 < len(text) <= _UNBREAKABLE_MAX and not any(ch.isspace() or ord(ch) >= _CJK_START for ch in text)


def _unbreakable_widths(
    columns: Sequence[Column],
    row_groups: Iterable[Sequence[Sequence[CellValue]]],
    body_pt: float,
    cap: float,
) -> list[float]:
    floors = [0.0] * len(columns)
    for index, column in enumerate(columns):
        if _unbreakable(column.heading):
            floors[index] = text_width_pt(column.heading, body_pt)
    seen: set[tuple[int, str]] = set()
    for rows in row_groups:
        for row in rows:
            for index, value in enumerate(row):
                if _unbreakable(value):
                    text = cell_text(value)
                    if (index, text) not in seen:
                        seen.add((index, text))
                        floors[index] = max(floors[index], text_width_pt(text, body_pt))
    return [min(f + 2 * CELL_PAD_PT + 1, cap) if f else 0.0 for f in floors]


def _section_story(
    part: Part, section: Section, widths: list[float], styles: PdfStyles, frame_height: float
) -> list[Flowable]:
    lead: list[Flowable] = []
    if section.heading:
        lead.append(Paragraph(_markup(section.heading), styles.heading))
    if section.fields:
        lead.append(field_block(section.fields, part.fields_per_row, styles, sum(widths)))
    table = data_table(part, section.rows, widths, styles, frame_height, columns=part.columns_of(section))
    if not lead:
        return [table]
    # Keep the header block with the start of its table rather than alone at a page bottom.
    return [CondPageBreak(40 * MM_TO_PT), *lead, table]


def data_table(
    part: Part,
    rows: Sequence[Sequence[CellValue]],
    widths: list[float],
    styles: PdfStyles,
    frame_height: float,
    *,
    columns: Sequence[Column] | None = None,
) -> PagedTable:
    """The table of ``rows`` under the header row(s) of ``columns`` (default: the part's),
    repeated on every page."""
    columns = part.columns if columns is None else columns
    body = styles.body_pt
    leading = body * LEADING_RATIO
    header_rows = header_row_count(columns)
    # Cell styles made once per look and shared (font, colour, alignment, padding); the commands
    # only draw: grid, box, fills, spans.
    cell_style = _cell_styles(register_pdf_font(), body, leading)
    commands: list[Command] = [
        ("INNERGRID", (0, 0), (-1, -1), GRID_WIDTH_PT, GRID_PDF),
        ("BOX", (0, 0), (-1, -1), OUTER_WIDTH_PT, GRID_PDF),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL_PDF),
        *_header_spans(columns),
    ]
    header_styles = [[cell_style(Align.CENTER, None)] * len(columns)] * header_rows
    inner = [w - 2 * CELL_PAD_PT for w in widths]
    data: list[list[Any]] = []
    row_styles: list[list[CellStyle]] = []
    row_commands: list[list[Command]] = []
    for row in rows:
        cells: list[Any] = []
        looks: list[CellStyle] = []
        own: list[Command] = []
        for c, value in enumerate(row):
            align, level = columns[c].align, None
            if isinstance(value, Cell):
                align, level = value.align or align, value.level
                if level is not None:
                    own.append(("BACKGROUND", (c, 0), (c, 0), level_fill_pdf(level)))
            looks.append(cell_style(align, level))
            if isinstance(value, Cell) and value.images:
                cells.append(_image_cell(value, inner[c], body, align))
            else:
                cells.append(_cell_flowable(cell_text(value), inner[c], body, align, level))
        data.append(cells)
        row_styles.append(looks)
        row_commands.append(own)
    return PagedTable(
        _header_cells(columns, styles),
        data,
        widths=widths,
        commands=commands,
        row_commands=row_commands,
        padding=(CELL_PAD_PT, CELL_PAD_PT),
        leading=leading,
        frame_height=frame_height,
        cell_styles=[*header_styles, *row_styles],
    )


def _cell_styles(font: str, body: float, leading: float) -> Callable[[Align, RiskLevel | None], CellStyle]:
    """The table cell style of an alignment on a level's colour (or none), made once each."""
    base = CellStyle("cell")
    base.fontname, base.fontsize, base.leading = font, body, leading
    base.color, base.valign = BLACK_PDF, "MIDDLE"
    base.leftPadding = base.rightPadding = base.topPadding = base.bottomPadding = CELL_PAD_PT
    made: dict[tuple[Align, RiskLevel | None], CellStyle] = {}

    def style(align: Align, level: RiskLevel | None) -> CellStyle:
        found = made.get((align, level))
        if found is None:
            found = made[align, level] = CellStyle(f"cell-{align}-{level}", base)
            found.alignment = _ALIGN[align]
            if level is not None:
                found.color = level_text_pdf(level)
        return found

    return style


def _cell_flowable(
    text: str, inner_width: float, body: float, align: Align, level: Any
) -> str | tuple[()] | Paragraph:
    # A plain string is far cheaper to lay out than a Paragraph; use one whenever the text fits.
    # Nothing at all is cheaper still: an empty cell is not drawn.
    if not text:
        return EMPTY_CELL
    if "\n" not in text and text_width_pt(text, body) <= inner_width:
        return text
    return CellParagraph(_markup(text), pdf_cell_style(body, align, level))


def _image_cell(cell: Cell, inner_width: float, body: float, align: Align) -> list[Flowable]:
    """The cell's pictures, each as wide as the cell allows (at most CELL_IMAGE_MAX_MM high),
    stacked, then its text. A picture file that cannot be read is left out."""
    flowables: list[Flowable] = []
    for path in cell.images:
        size = _image_size(path)
        if size is None:
            continue
        width, height = size
        scale = min(inner_width / width, CELL_IMAGE_MAX_MM * MM_TO_PT / height)
        image = Image(str(path), width=width * scale, height=height * scale)
        image.hAlign = _ALIGN[align]
        if flowables:
            image.spaceBefore = CELL_IMAGE_GAP_PT
        flowables.append(image)
    text = cell_text(cell)
    if text:
        paragraph = CellParagraph(_markup(text), pdf_cell_style(body, align, cell.level))
        if flowables:
            paragraph.spaceBefore = CELL_IMAGE_GAP_PT
        flowables.append(paragraph)
    return flowables


def _image_size(path: Path) -> tuple[float, float] | None:
    try:
        width, height = ImageReader(str(path)).getSize()
    except (OSError, ValueError):
        return None
    return (float(width), float(height)) if width and height else None


def _header_cells(columns: Sequence[Column], styles: PdfStyles) -> list[list[Any]]:
    def para(text: str) -> Paragraph:
        return Paragraph(_markup(text), styles.header_cell)

    if header_row_count(columns) == 1:
        return [[para(c.heading) for c in columns]]
    top: list[Any] = [""] * len(columns)
    bottom: list[Any] = [""] * len(columns)
    for group, first, last in group_spans(columns):
        if group:
            top[first] = para(group)
            for col in range(first, last + 1):
                bottom[col] = para(columns[col].heading)
        else:
            top[first] = para(columns[first].heading)
    return [top, bottom]


def _header_spans(columns: Sequence[Column]) -> list[tuple[Any, ...]]:
    if header_row_count(columns) == 1:
        return []
    spans: list[tuple[Any, ...]] = []
    for group, first, last in group_spans(columns):
        if group:
            spans.append(("SPAN", (first, 0), (last, 0)))
        else:
            spans.append(("SPAN", (first, 0), (first, 1)))
    return spans


def field_block(fields: Sequence[HeaderField], per_row: int, styles: PdfStyles, width: float) -> Table:
    """A boxed grid of "label：value" fields, ``per_row`` to a line."""
    cells = [Paragraph(f"{_markup(f.label)}：{_markup(f.value)}", styles.field) for f in fields]
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    spans: list[tuple[Any, ...]] = []
    for r, row in enumerate(rows):
        if len(row) < per_row:
            spans.append(("SPAN", (len(row) - 1, r), (per_row - 1, r)))
            row.extend([""] * (per_row - len(row)))
    table = Table(rows, colWidths=[width / per_row] * per_row, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                # Also for the empty filler cells: a table's default font is Helvetica, not embedded.
                ("FONT", (0, 0), (-1, -1), register_pdf_font(), styles.field.fontSize),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BACKGROUND", (0, 0), (-1, -1), FIELD_FILL_PDF),
                ("INNERGRID", (0, 0), (-1, -1), GRID_WIDTH_PT, GRID_PDF),
                ("BOX", (0, 0), (-1, -1), OUTER_WIDTH_PT, GRID_PDF),
                # Room to sign by hand in the 审核人/审定人 boxes.
                ("TOPPADDING", (0, 0), (-1, -1), FIELD_PAD_PT),
                ("BOTTOMPADDING", (0, 0), (-1, -1), FIELD_PAD_PT),
                *spans,
            ]
        )
    )
    return table


def signoff_line(labels: Sequence[str], styles: PdfStyles, width: float) -> Table:
    """编制：____ 审核：____ 批准：____ 日期：____ with ruled blanks to sign on."""
    font = register_pdf_font()
    size = styles.signoff.fontSize
    label_widths = [text_width_pt(f"{label}：", size) + 2 for label in labels]
    gap = 6 * MM_TO_PT
    blank = min(max((width - sum(label_widths)) / len(labels) - gap, 20 * MM_TO_PT), 45 * MM_TO_PT)
    cells: list[str] = []
    widths: list[float] = []
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("TEXTCOLOR", (0, 0), (-1, -1), BLACK_PDF),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    for index, (label, label_width) in enumerate(zip(labels, label_widths, strict=True)):
        if index:
            cells.append("")
            widths.append(gap)
        cells.append(f"{label}：")
        widths.append(label_width)
        ruled = len(cells)
        commands.append(("LINEBELOW", (ruled, 0), (ruled, 0), GRID_WIDTH_PT, GRID_PDF))
        cells.append("")
        widths.append(blank)
    table = Table([cells], colWidths=widths, rowHeights=[size * 2.2], hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    table.spaceBefore = styles.signoff.spaceBefore
    return table


def _markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")
