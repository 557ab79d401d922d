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
from dualprev.reports.line_break import Terms, fit_text, split_items, widest_token
from dualprev.reports.page import MM_TO_PT
from dualprev.reports.paged_table import EMPTY_CELL, CellParagraph, Command, PagedTable
from dualprev.reports.pdf_doc import PartMarker, build_pdf
from dualprev.reports.pdf_text import MIN_CELL_PT, ChineseText, measure, terms_with
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
NAME_TERM_MAX = 6
"""Longest item of a name column kept whole wherever it occurs (a name, a department, a post); a
longer one (a title with its remark) may break like any text."""


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
    terms = part_terms(part)
    for index, section in enumerate(part.sections):
        if index and part.section_per_page:
            story.append(PageBreak())
        elif index:
            story.append(Spacer(1, 4 * MM_TO_PT))
        if section.columns:
            widths = _widths(section.columns, [section.rows], frame_width, styles.body_pt, terms)
        else:
            if part_widths is None:
                part_widths = column_widths(part, frame_width, styles.body_pt, terms)
            widths = part_widths
        story.extend(_section_story(part, section, widths, styles, frame_height, terms))
    tail: list[Flowable] = [ChineseText(note, styles.note, terms) for note in part.notes]
    if part.signoff:
        tail.append(signoff_line(part.signoff, styles, frame_width))
    if tail:
        story.append(KeepTogether(tail))
    return story


def column_widths(part: Part, frame_width: float, body_pt: float, terms: Terms | None = None) -> list[float]:
    """Column widths in points of the part's own columns (see :func:`_widths`)."""
    rows = [s.rows for s in part.sections if not s.columns]
    return _widths(part.columns, rows, frame_width, body_pt, terms or part_terms(part))


def part_terms(part: Part) -> Terms:
    """The words never broken in ``part``: the vocabulary, and every item of its name columns."""
    words: set[str] = {w for w in part.terms if len(w) <= NAME_TERM_MAX}
    for section in part.sections:
        columns = part.columns_of(section)
        named = [i for i, c in enumerate(columns) if c.names]
        for row in section.rows:
            for index in named:
                words.update(w for w in split_items(cell_text(row[index])) if len(w) <= NAME_TERM_MAX)
    return terms_with(words)


def _widths(
    columns: Sequence[Column],
    row_groups: Iterable[Sequence[Sequence[CellValue]]],
    frame_width: float,
    body_pt: float,
    terms: Terms,
) -> list[float]:
    """Column widths in points: the reference proportions stretched or shrunk to the frame, but
    never so narrow that a column's widest unbreakable token (a code, a number with its unit, a
    name, a level name) has to shrink or break, as far as the frame allows."""
    total = sum(c.width for c in columns)
    widths = [frame_width * c.width / total for c in columns]
    floors = _token_floors(columns, row_groups, body_pt, terms, cap=frame_width / 6)
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


def _token_floors(
    columns: Sequence[Column],
    row_groups: Iterable[Sequence[Sequence[CellValue]]],
    body_pt: float,
    terms: Terms,
    cap: float,
) -> list[float]:
    """Per column, the width its widest token needs (heading and cells), padding included."""

    def width_of(text: str) -> float:
        return widest_token(text, lambda t: measure(t, body_pt), terms)

    floors = [width_of(c.heading) for c in columns]
    seen: set[tuple[int, str]] = set()
    for rows in row_groups:
        for row in rows:
            for index, value in enumerate(row):
                text = cell_text(value)
                if text and (index, text) not in seen:
                    seen.add((index, text))
                    floors[index] = max(floors[index], width_of(text))
    return [min(f + 2 * CELL_PAD_PT + 0.5, cap) if f else 0.0 for f in floors]


def _section_story(
    part: Part, section: Section, widths: list[float], styles: PdfStyles, frame_height: float, terms: Terms
) -> list[Flowable]:
    lead: list[Flowable] = []
    if section.heading:
        lead.append(Paragraph(_markup(section.heading), styles.heading))
    if section.fields:
        lead.append(field_block(section.fields, part.fields_per_row, styles, sum(widths)))
    table = data_table(
        part, section.rows, widths, styles, frame_height, columns=part.columns_of(section), terms=terms
    )
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
    terms: Terms | None = None,
) -> PagedTable:
    """The table of ``rows`` under the header row(s) of ``columns`` (default: the part's),
    repeated on every page. Cell texts are broken into lines by the Chinese rules
    (:mod:`dualprev.reports.line_break`) and drawn as plain strings."""
    columns = part.columns if columns is None else columns
    terms = terms or part_terms(part)
    body = styles.body_pt
    header_rows = header_row_count(columns)
    # Cell styles made once per look and shared (font, size, colour, alignment, padding); the
    # commands only draw: grid, box, fills, spans.
    cell_style = _cell_styles(register_pdf_font())
    commands: list[Command] = [
        ("INNERGRID", (0, 0), (-1, -1), GRID_WIDTH_PT, GRID_PDF),
        ("BOX", (0, 0), (-1, -1), OUTER_WIDTH_PT, GRID_PDF),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL_PDF),
        *_header_spans(columns),
    ]
    inner = [w - 2 * CELL_PAD_PT for w in widths]
    header, header_styles = _header_cells(columns, widths, body, terms, cell_style)
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
            if isinstance(value, Cell) and value.images:
                cells.append(_image_cell(value, inner[c], body, align, terms))
                looks.append(cell_style(align, level, body))
            else:
                text, size = _cell_text(cell_text(value), inner[c], body, terms)
                if isinstance(text, str) and text.count("\n") * size * LEADING_RATIO > frame_height / 2:
                    # Taller than half a page: a paragraph (of the lines already broken), which
                    # reportlab can split across pages; a plain string it cannot.
                    style = pdf_cell_style(size, align, level)
                    cells.append(CellParagraph(_markup(text), style))
                else:
                    cells.append(text)
                looks.append(cell_style(align, level, size))
        data.append(cells)
        row_styles.append(looks)
        row_commands.append(own)
    return PagedTable(
        header,
        data,
        widths=widths,
        commands=commands,
        row_commands=row_commands,
        padding=(CELL_PAD_PT, CELL_PAD_PT),
        leading=body * LEADING_RATIO,
        frame_height=frame_height,
        cell_styles=[*header_styles, *row_styles],
    )


CellStyler = Callable[[Align, RiskLevel | None, float], CellStyle]


def _cell_styles(font: str) -> CellStyler:
    """The table cell style of an alignment on a level's colour (or none) at a size, made once each."""
    base = CellStyle("cell")
    base.fontname = font
    base.color, base.valign = BLACK_PDF, "MIDDLE"
    base.leftPadding = base.rightPadding = base.topPadding = base.bottomPadding = CELL_PAD_PT
    made: dict[tuple[Align, RiskLevel | None, float], CellStyle] = {}

    def style(align: Align, level: RiskLevel | None, size: float) -> CellStyle:
        found = made.get((align, level, size))
        if found is None:
            found = made[align, level, size] = CellStyle(f"cell-{align}-{level}-{size}", base)
            found.alignment = _ALIGN[align]
            found.fontsize, found.leading = size, size * LEADING_RATIO
            if level is not None:
                found.color = level_text_pdf(level)
        return found

    return style


def _cell_text(text: str, inner_width: float, body: float, terms: Terms) -> tuple[str | tuple[()], float]:
    """The cell's text as lines joined by "\n" and the size it prints at (body, or smaller when a
    token is wider than the column). Nothing at all for an empty cell: it is not drawn."""
    if not text:
        return EMPTY_CELL, body
    if "\n" not in text and measure(text, body) <= inner_width:
        return text, body  # the common case: fits on one line
    fitted = fit_text(text, inner_width, measure, size=body, min_size=min(MIN_CELL_PT, body), terms=terms)
    return "\n".join(fitted.lines), fitted.size


def _image_cell(cell: Cell, inner_width: float, body: float, align: Align, terms: Terms) -> list[Flowable]:
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
        paragraph = ChineseText(text, pdf_cell_style(body, align, cell.level), terms, MIN_CELL_PT)
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


def _header_cells(
    columns: Sequence[Column], widths: Sequence[float], body: float, terms: Terms, cell_style: CellStyler
) -> tuple[list[list[Any]], list[list[CellStyle]]]:
    """The header row(s) broken like the body cells, and their styles (centred)."""
    rows = header_row_count(columns)
    texts: list[list[Any]] = [[EMPTY_CELL] * len(columns) for _ in range(rows)]
    spans: list[list[float]] = [list(widths) for _ in range(rows)]
    if rows == 1:
        for index, column in enumerate(columns):
            texts[0][index] = column.heading
    else:
        for group, first, last in group_spans(columns):
            if group:
                texts[0][first] = group
                spans[0][first] = sum(widths[first : last + 1])
                for col in range(first, last + 1):
                    texts[1][col] = columns[col].heading
            else:
                texts[0][first] = columns[first].heading
    cells: list[list[Any]] = []
    looks: list[list[CellStyle]] = []
    for r in range(rows):
        row: list[Any] = []
        row_looks: list[CellStyle] = []
        for c in range(len(columns)):
            text = texts[r][c]
            if text:
                shown, size = _cell_text(text, spans[r][c] - 2 * CELL_PAD_PT, body, terms)
            else:
                shown, size = EMPTY_CELL, body
            row.append(shown)
            row_looks.append(cell_style(Align.CENTER, None, size))
        cells.append(row)
        looks.append(row_looks)
    return cells, looks


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
    cells: list[Any] = [ChineseText(f"{f.label}：{f.value}", styles.field) for f in fields]
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
