"""Writes a :class:`~dualprev.reports.tables.TableDocument` as an xlsx workbook, one sheet a part.

A sheet reads like the printed form: title, enterprise and date, per section an optional heading
and header block, the header row(s), the rows, notes and the sign-off line. It prints like it too:
the part's paper size and orientation, fit to one page wide, header rows repeated on every page,
page x of y in the footer. On screen, a single-table sheet freezes its header. Level cells carry
the level's name on its colour.
"""

import math
import unicodedata
from collections.abc import Hashable, Sequence
from copy import copy
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

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
from dualprev.reports.tables import Cell, CellValue, HeaderField, Part, Section, TableDocument, cell_text

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
    return sum(XLSX_CJK_UNITS if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def _line_count(text: str, width_units: float) -> int:
    usable = max(width_units - 1.0, 1.0)
    return sum(max(1, math.ceil(_display_units(line) / usable)) for line in text.split("\n"))


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
        self.ncols = len(part.columns)
        self.widths = [max(c.width / XLSX_MM_PER_WIDTH_UNIT, 3.0) for c in part.columns]
        self.row = 1

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

    def _header(self) -> None:
        part, sheet = self.part, self.sheet
        rows = part.header_row_count
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
            for c, column in enumerate(part.columns, start=1):
                sheet.cell(row=top, column=c, value=column.heading)
        else:
            for group, first, last in part.group_spans():
                if group:
                    sheet.cell(row=top, column=first + 1, value=group)
                    if last > first:
                        sheet.merge_cells(
                            start_row=top, start_column=first + 1, end_row=top, end_column=last + 1
                        )
                    for c in range(first, last + 1):
                        sheet.cell(row=top + 1, column=c + 1, value=part.columns[c].heading)
                else:
                    sheet.cell(row=top, column=first + 1, value=part.columns[first].heading)
                    sheet.merge_cells(
                        start_row=top, start_column=first + 1, end_row=top + 1, end_column=first + 1
                    )
        self.row += rows

    def _data_row(self, row: Sequence[CellValue]) -> None:
        lines = 1
        for c, value in enumerate(row, start=1):
            align, level = self.part.columns[c - 1].align, None
            raw = value
            if isinstance(value, Cell):
                raw, align, level = value.value, value.align or align, value.level
            cell = self.sheet.cell(row=self.row, column=c, value=raw if raw != "" else None)
            if level is None:
                self.styles.apply(
                    cell, ("data", align), font=XLSX_BODY_FONT, alignment=xlsx_cell_alignment(align),
                    border=XLSX_BORDER,
                )  # fmt: skip
            else:
                self.styles.apply(
                    cell, ("level", align, level), font=xlsx_level_font(level), fill=xlsx_level_fill(level),
                    alignment=xlsx_cell_alignment(align), border=XLSX_BORDER,
                )  # fmt: skip
            text = cell_text(value)
            if text:
                lines = max(lines, _line_count(text, self.widths[c - 1]))
        self.sheet.row_dimensions[self.row].height = lines * XLSX_LINE_HEIGHT_PT + 4
        self.row += 1

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
        sheet.oddHeader.center.text = self.part.title.replace("&", "&&")
        sheet.oddHeader.right.text = f"日期：{format_date(self.document.printed_on)}"
        sheet.oddFooter.center.text = "第 &P 页 / 共 &N 页"
