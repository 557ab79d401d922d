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
"""

import math
import unicodedata
from collections.abc import Hashable, Sequence
from copy import copy
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.drawing.image import Image as XlsxImage
from openpyxl.drawing.spreadsheet_drawing import AnchorMarker, OneCellAnchor
from openpyxl.drawing.xdr import XDRPositiveSize2D
from openpyxl.utils import get_column_letter
from openpyxl.utils.units import pixels_to_EMU
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet
from PIL import Image as PilImage

from dualprev.reports.page import PageSetup, PaperSize
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

_INVALID_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})
_MAX_SHEET_NAME = 31


def write_table_xlsx(document: TableDocument, stream: BinaryIO) -> None:
    """Write ``document`` to ``stream`` as an xlsx workbook."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for part in document.parts:
        sheet = workbook.create_sheet(_sheet_name(part.sheet_name or part.title, used))
        _SheetWriter(sheet, part, document).write()
    workbook.properties.title = document.title
    workbook.properties.creator = "dualprev"
    workbook.save(stream)


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


def _units_to_px(units: float) -> float:
    """Excel column width units → screen pixels (the usual 7 px per unit plus 5 of padding)."""
    return units * 7 + 5


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


class _StyleCache:
    """openpyxl hashes every style object on every assignment, which dominates the time to write
    tens of thousands of cells. Style one cell per distinct look, then give the others a copy of its
    style indices, as openpyxl's own worksheet copier does (``target._style = copy(source._style)``)."""

    def __init__(self) -> None:
        self._arrays: dict[Hashable, Any] = {}

    def apply(self, cell: Any, key: Hashable, **styles: Any) -> None:
        array = self._arrays.get(key)
        if array is not None:
            cell._style = copy(array)
            return
        for name, value in styles.items():
            setattr(cell, name, value)
        self._arrays[key] = copy(cell._style)


class _SheetWriter:
    def __init__(self, sheet: Worksheet, part: Part, document: TableDocument) -> None:
        self.styles = _StyleCache()
        self.sheet = sheet
        self.part = part
        self.document = document
        grid = max((part.columns, *(s.columns for s in part.sections)), key=len)
        self.ncols = len(grid)
        self.widths = [max(c.width / XLSX_MM_PER_WIDTH_UNIT, 3.0) for c in grid]
        self.row = 1
        self.columns: tuple[Column, ...] = part.columns
        self.spans: list[tuple[int, int]] = []

    def write(self) -> None:
        sheet, part = self.sheet, self.part
        for index, width in enumerate(self.widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        self._merged_text(part.title, XLSX_TITLE_FONT, XLSX_TITLE_ALIGN, height=30)
        self._enterprise_line()
        if part.subtitle:
            self._merged_text(part.subtitle, XLSX_SUBTITLE_FONT, XLSX_TITLE_ALIGN)
        header_rows: tuple[int, int] | None = None
        for index, section in enumerate(part.sections):
            if index:
                if part.section_per_page:
                    sheet.row_breaks.append(Break(id=self.row - 1))
                else:
                    self.row += 1
            header_rows = self._section(section)
        if len(part.sections) == 1 and header_rows is not None:
            first, last = header_rows
            sheet.freeze_panes = sheet.cell(row=last + 1, column=1)
            sheet.print_title_rows = f"{first}:{last}"
        self.row += 1
        for note in part.notes:
            self._merged_text(note, XLSX_NOTE_FONT, XLSX_NOTE_ALIGN, wrap_units=sum(self.widths))
        if part.signoff:
            self.row += 1
            text = "        ".join(f"{label}：______________" for label in part.signoff)
            self._merged_text(text, XLSX_SIGNOFF_FONT, XLSX_FIELD_ALIGN, height=24)
        self._page_setup(self.document.page)

    # --- building blocks ---------------------------------------------------------------------

    def _merged_text(
        self,
        text: str,
        font: object,
        alignment: object,
        *,
        first: int = 1,
        last: int | None = None,
        height: float | None = None,
        wrap_units: float | None = None,
    ) -> None:
        last = self.ncols if last is None else last
        cell = self.sheet.cell(row=self.row, column=first, value=text)
        cell.font = font
        cell.alignment = alignment
        if last > first:
            self.sheet.merge_cells(start_row=self.row, start_column=first, end_row=self.row, end_column=last)
        if wrap_units is not None:
            height = max(height or 0, _line_count(text, wrap_units) * XLSX_LINE_HEIGHT_PT + 4)
        if height is not None:
            self.sheet.row_dimensions[self.row].height = height
        self.row += 1

    def _enterprise_line(self) -> None:
        split = max(1, self.ncols // 2)
        row = self.row
        self._merged_text(
            f"企业名称：{self.document.enterprise}", XLSX_SUBTITLE_FONT, XLSX_FIELD_ALIGN, last=split
        )
        if self.ncols > split:
            self.row = row
            date_cell = self.sheet.cell(
                row=row, column=split + 1, value=f"日期：{format_date(self.document.printed_on)}"
            )
            date_cell.font = XLSX_SUBTITLE_FONT
            date_cell.alignment = XLSX_DATE_ALIGN
            if self.ncols > split + 1:
                self.sheet.merge_cells(
                    start_row=row, start_column=split + 1, end_row=row, end_column=self.ncols
                )
            self.row = row + 1

    def _section(self, section: Section) -> tuple[int, int]:
        self.columns = self.part.columns_of(section)
        self.spans = _spans(self.columns, self.widths)
        if section.heading:
            self._merged_text(section.heading, XLSX_HEADING_FONT, XLSX_FIELD_ALIGN, height=20)
        if section.fields:
            self._fields(section.fields)
        first = self.row
        self._header()
        last = self.row - 1
        for row in section.rows:
            self._data_row(row)
        return first, last

    def _fields(self, fields: Sequence[HeaderField]) -> None:
        per_row = max(1, min(self.part.fields_per_row, self.ncols))
        bounds = [round(i * self.ncols / per_row) for i in range(per_row + 1)]
        for start in range(0, len(fields), per_row):
            chunk = fields[start : start + per_row]
            lines = 1
            for index, field in enumerate(chunk):
                first = bounds[index] + 1
                last = self.ncols if index == len(chunk) - 1 else bounds[index + 1]
                text = f"{field.label}：{field.value}"
                self._box(first, last, fill=True)
                cell = self.sheet.cell(row=self.row, column=first, value=text)
                cell.font = XLSX_BODY_FONT
                cell.alignment = XLSX_FIELD_ALIGN
                if last > first:
                    self.sheet.merge_cells(
                        start_row=self.row, start_column=first, end_row=self.row, end_column=last
                    )
                lines = max(lines, _line_count(text, sum(self.widths[first - 1 : last])))
            self.sheet.row_dimensions[self.row].height = lines * XLSX_LINE_HEIGHT_PT + 6
            self.row += 1

    def _box(self, first: int, last: int, *, fill: bool = False, rows: int = 1) -> None:
        for r in range(self.row, self.row + rows):
            for c in range(first, last + 1):
                cell = self.sheet.cell(row=r, column=c)
                if fill:
                    self.styles.apply(cell, "field-box", border=XLSX_BORDER, fill=XLSX_FIELD_FILL)
                else:
                    self.styles.apply(cell, "box", border=XLSX_BORDER)

    def _merge_row(self, row: int, first: int, last: int, *, bottom: int | None = None) -> None:
        if last > first or (bottom is not None and bottom > row):
            self.sheet.merge_cells(start_row=row, start_column=first, end_row=bottom or row, end_column=last)

    def _header(self) -> None:
        sheet, columns, spans = self.sheet, self.columns, self.spans
        rows = header_row_count(columns)
        for r in range(self.row, self.row + rows):
            sheet.row_dimensions[r].height = 2 * XLSX_LINE_HEIGHT_PT + 4
            for c in range(1, self.ncols + 1):
                self.styles.apply(
                    sheet.cell(row=r, column=c),
                    "header",
                    font=XLSX_HEADER_FONT,
                    fill=XLSX_HEADER_FILL,
                    alignment=XLSX_HEADER_ALIGN,
                    border=XLSX_BORDER,
                )
        top = self.row
        if rows == 1:
            for column, (first, last) in zip(columns, spans, strict=True):
                sheet.cell(row=top, column=first, value=column.heading)
                self._merge_row(top, first, last)
        else:
            for group, first, last in group_spans(columns):
                start, end = spans[first][0], spans[last][1]
                if group:
                    sheet.cell(row=top, column=start, value=group)
                    self._merge_row(top, start, end)
                    for c in range(first, last + 1):
                        sheet.cell(row=top + 1, column=spans[c][0], value=columns[c].heading)
                        self._merge_row(top + 1, *spans[c])
                else:
                    sheet.cell(row=top, column=start, value=columns[first].heading)
                    self._merge_row(top, start, end, bottom=top + 1)
        self.row += rows

    def _data_row(self, row: Sequence[CellValue]) -> None:
        lines = 1
        picture_pt = caption_pt = 0.0
        for c, value in enumerate(row):
            first, last = self.spans[c]
            align, level = self.columns[c].align, None
            raw = value
            if isinstance(value, Cell):
                raw, align, level = value.value, value.align or align, value.level
            pictured = isinstance(value, Cell) and bool(value.images)
            for extra in range(first, last + 1):
                cell = self.sheet.cell(row=self.row, column=extra)
                if extra == first:
                    cell.value = raw if raw != "" else None
                if pictured:
                    # Text of a cell with pictures sits under them, at the bottom.
                    self.styles.apply(
                        cell, ("pictured", align), font=XLSX_BODY_FONT,
                        alignment=xlsx_cell_alignment(align, vertical="bottom"), border=XLSX_BORDER,
                    )  # fmt: skip
                elif level is None:
                    self.styles.apply(
                        cell, ("data", align), font=XLSX_BODY_FONT, alignment=xlsx_cell_alignment(align),
                        border=XLSX_BORDER,
                    )  # fmt: skip
                else:
                    self.styles.apply(
                        cell, ("level", align, level), font=xlsx_level_font(level),
                        fill=xlsx_level_fill(level), alignment=xlsx_cell_alignment(align), border=XLSX_BORDER,
                    )  # fmt: skip
            self._merge_row(self.row, first, last)
            text = cell_text(value)
            count = _line_count(text, sum(self.widths[first - 1 : last])) if text else 0
            if pictured and isinstance(value, Cell) and self._pictures(value.images, first, last):
                picture_pt = XLSX_IMAGE_HEIGHT_PX * 0.75 + 4
                caption_pt = max(caption_pt, count * XLSX_LINE_HEIGHT_PT)
            else:
                lines = max(lines, count)
        height = lines * XLSX_LINE_HEIGHT_PT + 4
        if picture_pt:
            height = max(height, picture_pt + caption_pt + 2)
        self.sheet.row_dimensions[self.row].height = height
        self.row += 1

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
            self.sheet.add_image(image)
            x += w + XLSX_IMAGE_GAP_PX
            placed = True
        spanned_px = sum(_units_to_px(w) for w in self.widths[first - 1 : last])
        if placed and x > spanned_px:
            # Widen the cell's last column so the pictures do not cover the next one.
            self.widths[last - 1] += (x - spanned_px) / 7
            self.sheet.column_dimensions[get_column_letter(last)].width = self.widths[last - 1]
        return placed

    def _page_setup(self, page: PageSetup) -> None:
        sheet = self.sheet
        sheet.page_setup.orientation = "landscape" if page.landscape else "portrait"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A3 if page.paper is PaperSize.A3 else sheet.PAPERSIZE_A4
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
