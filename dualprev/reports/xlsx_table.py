"""Writes a :class:`~dualprev.reports.tables.TableDocument` as an xlsx workbook, one sheet a part.

A sheet reads like the printed form: title, enterprise and date, per section an optional heading
and header block, the header row(s), the rows, notes and the sign-off line. It prints like it too:
the part's paper size and orientation, fit to one page wide, header rows repeated on every page,
page x of y in the footer. On screen, a single-table sheet freezes its header. Level cells carry
the level's name on its colour.

The sheet's grid is the part's columns (or those of its widest section); a section with columns
of its own lays each of them over a run of grid columns, merged, in proportion to its width.
Pictures in a cell float over it side by side, XLSX_IMAGE_HEIGHT_PX high; the row grows to hold
them and the column widens if they would spill into the next one.

The workbook is openpyxl's write-only one and rows are written as XML text (:mod:`.xlsx_sheet`),
so a ledger of 100 000 rows is written as fast as openpyxl writes bare values, and its rows may
come from a generator: :class:`TableWorkbook` writes parts in any order into sheets placed
beforehand (a summary that is counted while the rows go by, placed in front of them).
"""

import math
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.drawing.image import Image as XlsxImage
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.utils.units import pixels_to_EMU
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet
from PIL import Image as PilImage

from dualprev.domain.risk import RiskLevel
from dualprev.reports.page import MM_TO_PT, PageSetup, PaperSize
from dualprev.reports.pdf_doc import format_date
from dualprev.reports.styles import (
    XLSX_BODY_FONT,
    XLSX_BORDER,
    XLSX_CJK_UNITS,
    XLSX_DATE_ALIGN,
    XLSX_FIELD_ALIGN,
    XLSX_FIELD_FILL,
    XLSX_HEADER_ALIGN,
    XLSX_HEADER_FILL,
    XLSX_HEADER_FONT,
    XLSX_HEADING_FONT,
    XLSX_IMAGE_GAP_PX,
    XLSX_IMAGE_HEIGHT_PX,
    XLSX_LINE_HEIGHT_PT,
    XLSX_MM_PER_WIDTH_UNIT,
    XLSX_NOTE_ALIGN,
    XLSX_NOTE_FONT,
    XLSX_SIGNOFF_FONT,
    XLSX_SUBTITLE_FONT,
    XLSX_TITLE_ALIGN,
    XLSX_TITLE_FONT,
    xlsx_cell_alignment,
    xlsx_level_fill,
    xlsx_level_font,
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
from dualprev.reports.xlsx_sheet import CellData, XmlSheet, cell_xml, row_xml, typed

_INVALID_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})
_MAX_SHEET_NAME = 31

Rows = Iterable[Sequence[CellValue]]


def write_table_xlsx(document: TableDocument, stream: BinaryIO) -> None:
    """Write ``document`` to ``stream`` as an xlsx workbook."""
    book = TableWorkbook(document)
    for part in document.parts:
        book.write(part)
    book.save(stream)


class TableWorkbook:
    """A workbook of ``document``'s kind (enterprise, date, page setup) written part by part.

    :meth:`place` puts a sheet in the workbook before it is written, :meth:`write` writes a part
    (into a placed sheet, or a new one at the end); a part's rows may be given as an iterable read
    once as they are written, for a table too long to hold.
    """

    def __init__(self, document: TableDocument, *, title: str | None = None) -> None:
        self.document = document
        self.title = document.title if title is None else title
        self.workbook = Workbook(write_only=True)
        self._used: set[str] = set()

    def place(self, name: str) -> XmlSheet:
        """A sheet named after ``name`` at the end of the workbook, to be written later."""
        return XmlSheet(self.workbook, _sheet_name(name, self._used))

    def write(self, part: Part, *, into: XmlSheet | None = None, rows: Rows | None = None) -> int:
        """Write ``part`` into ``into`` (default: a new sheet at the end); returns its rows.

        ``rows`` replaces the rows of the part's one section (which should have none), read as they
        are written.
        """
        if rows is not None and len(part.sections) != 1:
            raise ValueError(f"{part.title}: streamed rows need a part of one section")
        sheet = into or self.place(part.sheet_name or part.title)
        return _SheetWriter(sheet, part, self.document).write(rows)

    def save(self, stream: BinaryIO) -> None:
        self.workbook.properties.title = self.title
        self.workbook.properties.creator = "dualprev"
        self.workbook.save(stream)


def _sheet_name(wanted: str, used: set[str]) -> str:
    base = wanted.translate(_INVALID_SHEET_CHARS)[:_MAX_SHEET_NAME] or "Sheet"
    name, n = base, 2
    while name.lower() in used:
        suffix = f"({n})"
        name, n = base[: _MAX_SHEET_NAME - len(suffix)] + suffix, n + 1
    used.add(name.lower())
    return name


def _display_units(text: str) -> float:
    """Width of one line of text in Excel width units (a Chinese character takes about two)."""
    ascii_chars = sum(ch.isascii() for ch in text)  # never wide; most dates, numbers and codes
    wide = sum(unicodedata.east_asian_width(ch) in "WF" for ch in text if not ch.isascii())
    return ascii_chars + (len(text) - ascii_chars - wide) + wide * XLSX_CJK_UNITS


@lru_cache(maxsize=1 << 16)
def _line_count(text: str, width_units: float) -> int:
    """Lines ``text`` wraps to in a cell ``width_units`` wide: measured once per distinct text and
    width, since a long table repeats its names, dates and statuses on thousands of rows."""
    usable = max(width_units - 1.0, 1.0)
    return sum(max(1, math.ceil(_display_units(line) / usable)) for line in text.split("\n"))


def _lines(text: str, width_units: float) -> int:
    """:func:`_line_count`, without measuring a short line (every character counted as wide)."""
    if len(text) * XLSX_CJK_UNITS <= width_units - 1.0 and "\n" not in text:
        return 1
    return _line_count(text, width_units)


def _units_to_px(units: float) -> float:
    """Excel column width units → screen pixels (the usual 7 px per unit plus 5 of padding)."""
    return units * 7 + 5


MIN_PRINT_SCALE = 0.8
"""A sheet prints at least this fraction of its size (10 pt body text at 8 pt or more): wider
sheets go on landscape A4, then A3, and beyond that their columns narrow (the text wraps more)."""
_NARROWEST_UNITS = 4.0
_DATE_UNITS = 11.5  # a typed date shows as ##### in a narrower column


_PRINT_PT_PER_UNIT = 7.1
"""Printed width of one column width unit at 100 %, as LibreOffice lays a sheet out (measured:
a 254-unit ledger spans 1800 pt); Excel's is narrower (about 5.6 pt), so this errs on the safe side."""


def _sheet_width_pt(widths: Sequence[float]) -> float:
    return sum(widths) * _PRINT_PT_PER_UNIT


def _printable_pt(paper: PaperSize, landscape: bool, margin_mm: float) -> float:
    short, long = paper.portrait_mm
    return ((long if landscape else short) - 2 * margin_mm) * MM_TO_PT


def _floor_units(column: Column) -> float:
    dated = column.heading.endswith(("日期", "期限"))
    return _DATE_UNITS if dated else _NARROWEST_UNITS


def _fitted_widths(columns: Sequence[Column], margin_mm: float) -> list[float]:
    """Column widths (Excel units) of the reference layout, narrowed where the sheet would print
    below MIN_PRINT_SCALE even on landscape A3; a date column never below what a date needs."""
    floors = [_floor_units(c) for c in columns]
    widths = [max(c.width / XLSX_MM_PER_WIDTH_UNIT, f) for c, f in zip(columns, floors, strict=True)]
    limit = _printable_pt(PaperSize.A3, True, margin_mm) / MIN_PRINT_SCALE
    for _ in range(3):
        natural = _sheet_width_pt(widths)
        spare = sum(w - f for w, f in zip(widths, floors, strict=True))
        if natural <= limit or spare <= 0:
            break
        cut = min(1.0, (natural - limit) / _PRINT_PT_PER_UNIT / spare)
        widths = [w - (w - f) * cut for w, f in zip(widths, floors, strict=True)]
    return widths


def print_paper(widths: Sequence[float], page: PageSetup) -> tuple[PaperSize, bool]:
    """The paper and orientation a sheet of ``widths`` prints on: the document's own, else the
    first of landscape A4 and A3 on which it prints at MIN_PRINT_SCALE or more (A3 landscape when
    none is wide enough)."""
    width = _sheet_width_pt(widths)
    choices = [(page.paper, page.landscape), (PaperSize.A4, True), (PaperSize.A3, True)]
    for paper, landscape in choices:
        if paper is PaperSize.A4 and page.paper is PaperSize.A3:
            continue  # never smaller than asked
        if _printable_pt(paper, landscape, page.margin_mm) >= width * MIN_PRINT_SCALE:
            return paper, landscape
    return PaperSize.A3, True


def _data(value: Any) -> CellData:
    """What a cell holds: "" is an empty box."""
    return None if value == "" else value


def _spans(columns: Sequence[Column], grid: Sequence[float]) -> list[tuple[int, int]]:
    """Sheet columns (1-based first, last) each of ``columns`` covers on a grid of column widths:
    runs of grid columns in proportion to the columns' widths, at least one each."""
    n, k = len(grid), len(columns)
    if k == n:
        return [(i, i) for i in range(1, n + 1)]
    edges = [0.0]
    for width in grid:
        edges.append(edges[-1] + width)
    total = sum(c.width for c in columns) or 1.0
    bounds = [0]
    share = 0.0
    for index, column in enumerate(columns[:-1], start=1):
        share += column.width / total
        target = share * edges[-1]
        nearest = min(range(n + 1), key=lambda e: abs(edges[e] - target))
        bounds.append(min(max(nearest, bounds[-1] + 1), n - (k - index)))
    bounds.append(n)
    return [(bounds[i] + 1, bounds[i + 1]) for i in range(k)]


class _SheetWriter:
    def __init__(self, sheet: XmlSheet, part: Part, document: TableDocument) -> None:
        self.sheet = sheet
        self.ws = sheet.ws
        self.part = part
        self.document = document
        grid = max((part.columns, *(s.columns for s in part.sections)), key=len)
        self.ncols = len(grid)
        self.widths = _fitted_widths(grid, document.page.margin_mm)
        self.row = 1
        self.columns: tuple[Column, ...] = part.columns
        self.spans: list[tuple[int, int]] = []
        self._cells: dict[int, dict[int, str]] = {}  # rows being built: row → column → <c>
        self._heights: dict[int, float] = {}

    def write(self, rows: Rows | None = None) -> int:
        """Write the part (``rows``: those of its one section, read as they are written); returns
        the number of table rows written."""
        ws, part = self.ws, self.part
        for index, width in enumerate(self.widths, start=1):
            ws.column_dimensions[self.sheet.letter(index)].width = width
        self._merged_text(part.title, XLSX_TITLE_FONT, XLSX_TITLE_ALIGN, height=30)
        self._enterprise_line()
        if part.subtitle:
            self._merged_text(part.subtitle, XLSX_SUBTITLE_FONT, XLSX_TITLE_ALIGN)
        header_rows: tuple[int, int] | None = None
        written = 0
        for index, section in enumerate(part.sections):
            if index:
                if part.section_per_page:
                    ws.row_breaks.append(Break(id=self.row - 1))
                else:
                    self.row += 1
            header_rows, count = self._section(section, section.rows if rows is None else rows)
            written += count
        if len(part.sections) == 1 and header_rows is not None:
            first, last = header_rows
            ws.freeze_panes = f"A{last + 1}"
            ws.print_title_rows = f"{first}:{last}"
        self.row += 1
        for note in part.notes:
            self._merged_text(note, XLSX_NOTE_FONT, XLSX_NOTE_ALIGN, wrap_units=sum(self.widths))
        if part.signoff:
            self.row += 1
            text = "        ".join(f"{label}：______________" for label in part.signoff)
            self._merged_text(text, XLSX_SIGNOFF_FONT, XLSX_FIELD_ALIGN, height=24)
        self._flush()
        self._page_setup(self.document.page)
        return written

    # --- building blocks ---------------------------------------------------------------------

    def _put(self, row: int, column: int, style: int, value: Any = None) -> None:
        """Put a cell into the rows being built (written by :meth:`_flush`)."""
        self._cells.setdefault(row, {})[column] = cell_xml(
            f"{self.sheet.letter(column)}{row}", style, _data(value)
        )

    def _flush(self) -> None:
        """Write the rows built so far, in order."""
        for row in sorted(self._cells.keys() | self._heights.keys()):
            cells = self._cells.get(row, {})
            self.sheet.add_row(row, row_xml(row, [cells[c] for c in sorted(cells)], self._heights.get(row)))
        self._cells.clear()
        self._heights.clear()

    def _merge(self, row: int, first: int, last: int, bottom: int | None = None) -> None:
        if last > first or (bottom is not None and bottom > row):
            end = f"{self.sheet.letter(last)}{bottom or row}"
            self.ws.merged_cells.add(f"{self.sheet.letter(first)}{row}:{end}")

    def _merged_text(
        self,
        text: str,
        font: Any,
        alignment: Any,
        *,
        first: int = 1,
        last: int | None = None,
        height: float | None = None,
        wrap_units: float | None = None,
    ) -> None:
        last = self.ncols if last is None else last
        self._put(
            self.row, first, self.sheet.style(("text", font, alignment), font=font, alignment=alignment), text
        )
        self._merge(self.row, first, last)
        if wrap_units is not None:
            height = max(height or 0, _line_count(text, wrap_units) * XLSX_LINE_HEIGHT_PT + 4)
        if height is not None:
            self._heights[self.row] = height
        self.row += 1

    def _enterprise_line(self) -> None:
        split = max(1, self.ncols // 2)
        row = self.row
        self._merged_text(
            f"企业名称：{self.document.enterprise}", XLSX_SUBTITLE_FONT, XLSX_FIELD_ALIGN, last=split
        )
        if self.ncols > split:
            font, align = XLSX_SUBTITLE_FONT, XLSX_DATE_ALIGN
            style = self.sheet.style(("text", font, align), font=font, alignment=align)
            self._put(row, split + 1, style, f"日期：{format_date(self.document.printed_on)}")
            self._merge(row, split + 1, self.ncols)

    def _section(self, section: Section, rows: Rows) -> tuple[tuple[int, int], int]:
        self.columns = self.part.columns_of(section)
        self.spans = _spans(self.columns, self.widths)
        if section.heading:
            self._merged_text(section.heading, XLSX_HEADING_FONT, XLSX_FIELD_ALIGN, height=20)
        if section.fields:
            self._fields(section.fields)
        first = self.row
        self._header()
        last = self.row - 1
        self._flush()
        count = 0
        for row in rows:
            self._data_row(row)
            count += 1
        return (first, last), count

    def _fields(self, fields: Sequence[HeaderField]) -> None:
        per_row = max(1, min(self.part.fields_per_row, self.ncols))
        bounds = [round(i * self.ncols / per_row) for i in range(per_row + 1)]
        box = self.sheet.style("field-box", border=XLSX_BORDER, fill=XLSX_FIELD_FILL)
        field_style = self.sheet.style(
            "field", border=XLSX_BORDER, fill=XLSX_FIELD_FILL, font=XLSX_BODY_FONT, alignment=XLSX_FIELD_ALIGN
        )
        for start in range(0, len(fields), per_row):
            chunk = fields[start : start + per_row]
            lines = 1
            for index, field in enumerate(chunk):
                first = bounds[index] + 1
                last = self.ncols if index == len(chunk) - 1 else bounds[index + 1]
                text = f"{field.label}：{field.value}"
                for column in range(first + 1, last + 1):
                    self._put(self.row, column, box)
                self._put(self.row, first, field_style, text)
                self._merge(self.row, first, last)
                lines = max(lines, _line_count(text, sum(self.widths[first - 1 : last])))
            self._heights[self.row] = lines * XLSX_LINE_HEIGHT_PT + 6
            self.row += 1

    def _header(self) -> None:
        columns, spans = self.columns, self.spans
        rows = header_row_count(columns)
        style = self.sheet.style(
            "header",
            font=XLSX_HEADER_FONT,
            fill=XLSX_HEADER_FILL,
            alignment=XLSX_HEADER_ALIGN,
            border=XLSX_BORDER,
        )
        texts: dict[tuple[int, int], str] = {}
        top = self.row
        if rows == 1:
            for column, (first, last) in zip(columns, spans, strict=True):
                texts[top, first] = column.heading
                self._merge(top, first, last)
        else:
            for group, first, last in group_spans(columns):
                start, end = spans[first][0], spans[last][1]
                if group:
                    texts[top, start] = group
                    self._merge(top, start, end)
                    for c in range(first, last + 1):
                        texts[top + 1, spans[c][0]] = columns[c].heading
                        self._merge(top + 1, *spans[c])
                else:
                    texts[top, start] = columns[first].heading
                    self._merge(top, start, end, bottom=top + 1)
        for r in range(top, top + rows):
            self._heights[r] = 2 * XLSX_LINE_HEIGHT_PT + 4
            for c in range(1, self.ncols + 1):
                self._put(r, c, style, texts.get((r, c)))
        self.row += rows

    def _cell_style(
        self, align: Align, level: RiskLevel | None, pictured: bool, number_format: str = ""
    ) -> int:
        formats = {"number_format": number_format} if number_format else {}
        if pictured:  # the text of a cell with pictures sits under them, at the bottom
            alignment = xlsx_cell_alignment(align, vertical="bottom")
            return self.sheet.style(
                ("pictured", align), font=XLSX_BODY_FONT, alignment=alignment, border=XLSX_BORDER
            )
        if level is None:
            alignment = xlsx_cell_alignment(align)
            return self.sheet.style(
                ("data", align, number_format), font=XLSX_BODY_FONT, alignment=alignment, border=XLSX_BORDER,
                **formats,
            )  # fmt: skip
        return self.sheet.style(
            ("level", align, level), font=xlsx_level_font(level), fill=xlsx_level_fill(level),
            alignment=xlsx_cell_alignment(align), border=XLSX_BORDER,
        )  # fmt: skip

    def _data_row(self, row: Sequence[CellValue]) -> None:
        if len(row) != len(self.columns):
            raise ValueError(f"{self.part.title}: a row has {len(row)} cells for {len(self.columns)} columns")
        r, letter = self.row, self.sheet.letter
        cells: list[str] = []
        lines = 1
        picture_pt = caption_pt = 0.0
        for c, value in enumerate(row):
            first, last = self.spans[c]
            align, level, raw, pictured = self.columns[c].align, None, value, False
            if isinstance(value, Cell):
                raw, align, level, pictured = (
                    value.value,
                    value.align or align,
                    value.level,
                    bool(value.images),
                )
            stored, number_format = (raw, "") if level is not None or pictured else typed(_data(raw))
            style = self._cell_style(align, level, pictured, number_format)
            cells.append(cell_xml(f"{letter(first)}{r}", style, _data(stored)))
            for extra in range(first + 1, last + 1):
                cells.append(cell_xml(f"{letter(extra)}{r}", style, None))
            self._merge(r, first, last)
            text = raw if isinstance(raw, str) else cell_text(raw if isinstance(raw, Decimal) else str(raw))
            count = _lines(text, self._span_units(c)) if text else 0
            if pictured and isinstance(value, Cell) and self._pictures(value.images, first, last):
                picture_pt = XLSX_IMAGE_HEIGHT_PX * 0.75 + 4
                caption_pt = max(caption_pt, count * XLSX_LINE_HEIGHT_PT)
            else:
                lines = max(lines, count)
        height = lines * XLSX_LINE_HEIGHT_PT + 4
        if picture_pt:
            height = max(height, picture_pt + caption_pt + 2)
        self.sheet.add_row(r, row_xml(r, cells, height))
        self.row += 1

    def _span_units(self, column: int) -> float:
        first, last = self.spans[column]
        return sum(self.widths[first - 1 : last])

    def _pictures(self, paths: Sequence[Path], first: int, last: int) -> bool:
        """Float the readable pictures side by side at the top of the cell; False if none was."""
        x = XLSX_IMAGE_GAP_PX
        placed = False
        for path in paths:
            try:
                with PilImage.open(path) as probe:
                    width, height = probe.size
                image = XlsxImage(str(path))
            except (OSError, ValueError):
                continue
            w = max(1, round(width * XLSX_IMAGE_HEIGHT_PX / height))
            image.width, image.height = w, XLSX_IMAGE_HEIGHT_PX
            marker = AnchorMarker(
                col=first - 1, colOff=pixels_to_EMU(x), row=self.row - 1, rowOff=pixels_to_EMU(2)
            )
            size = XDRPositiveSize2D(pixels_to_EMU(w), pixels_to_EMU(XLSX_IMAGE_HEIGHT_PX))
            image.anchor = OneCellAnchor(_from=marker, ext=size)
            self.ws.add_image(image)
            x += w + XLSX_IMAGE_GAP_PX
            placed = True
        spanned_px = sum(_units_to_px(w) for w in self.widths[first - 1 : last])
        if placed and x > spanned_px:
            # Widen the cell's last column so the pictures do not cover the next one.
            self.widths[last - 1] += (x - spanned_px) / 7
            self.ws.column_dimensions[self.sheet.letter(last)].width = self.widths[last - 1]
        return placed

    def _page_setup(self, page: PageSetup) -> None:
        sheet = self.ws
        paper, landscape = print_paper(self.widths, page)
        sheet.page_setup.orientation = "landscape" if landscape else "portrait"
        sheet.page_setup.paperSize = (
            Worksheet.PAPERSIZE_A3 if paper is PaperSize.A3 else Worksheet.PAPERSIZE_A4
        )
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.print_options.horizontalCentered = True
        margin_in = page.margin_mm / 25.4
        sheet.page_margins.left = sheet.page_margins.right = margin_in
        sheet.page_margins.top = sheet.page_margins.bottom = margin_in + 0.25
        sheet.page_margins.header = sheet.page_margins.footer = 0.2
        # "&" starts a code in Excel header text; a literal one is written "&&".
        enterprise = self.document.enterprise.replace("&", "&&")
        sheet.oddHeader.left.text = f"企业名称：{enterprise}"
        centre = self.part.title + (f"　{self.document.running_note}" if self.document.running_note else "")
        sheet.oddHeader.center.text = centre.replace("&", "&&")
        sheet.oddHeader.right.text = f"日期：{format_date(self.document.printed_on)}"
        sheet.oddFooter.center.text = "第 &P 页 / 共 &N 页"
