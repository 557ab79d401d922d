"""The workbooks around an import: a blank template per kind (headings, an example row, drop-down
lists for the columns with fixed words) and the rows an import left out, under their original
headings with a 原因 column, to be fixed and imported again."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from dualprev.reports.styles import XLSX_BORDER, XLSX_HEADER_ALIGN, XLSX_HEADER_FILL, XLSX_HEADER_FONT

EXAMPLE_MARK = "示例"
"""The example row's 序号: the importer skips a row marked so."""
REASON_HEADING = "原因"
TEMPLATE_ROWS = 2000
"""Rows the drop-down lists cover."""

TemplateCell = str | int | float | Decimal | bool | date | datetime | time | None


@dataclass(frozen=True)
class TemplateColumn:
    heading: str
    example: str = ""
    choices: tuple[str, ...] = ()
    width: float = 14


def _heading_row(sheet: Worksheet, headings: Sequence[str], widths: Sequence[float]) -> None:
    for col, (heading, width) in enumerate(zip(headings, widths, strict=True), start=1):
        cell = sheet.cell(row=1, column=col, value=heading)
        cell.font = XLSX_HEADER_FONT
        cell.fill = XLSX_HEADER_FILL
        cell.alignment = XLSX_HEADER_ALIGN
        cell.border = XLSX_BORDER
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A2"


def write_template(title: str, columns: Sequence[TemplateColumn], stream: BinaryIO) -> None:
    """A one-sheet workbook named ``title``: headings, an example row, list validations."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    _heading_row(sheet, [c.heading for c in columns], [c.width for c in columns])
    for col, column in enumerate(columns, start=1):
        example = EXAMPLE_MARK if col == 1 and column.heading == "序号" else column.example
        sheet.cell(row=2, column=col, value=example or None)
        if column.choices:
            letter = get_column_letter(col)
            validation = DataValidation(
                type="list",
                formula1='"' + ",".join(column.choices) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorTitle="请从列表中选择",
                error="请从下拉列表中选择：" + "、".join(column.choices),
            )
            validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            sheet.add_data_validation(validation)
    workbook.properties.creator = "dualprev"
    workbook.save(stream)


@dataclass(frozen=True)
class FailedSheetRow:
    row: int
    """Where the row was in the source sheet (1-based), kept in a column so it can be found again."""
    cells: tuple[TemplateCell, ...]
    reason: str


def write_failed_rows(
    headings: Mapping[str, Sequence[str]], rows: Mapping[str, Sequence[FailedSheetRow]], stream: BinaryIO
) -> None:
    """One sheet per source sheet with failed rows: its headings plus 原行号 and 原因, then the rows."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet_name, failed in rows.items():
        if not failed:
            continue
        sheet = workbook.create_sheet(sheet_name[:31])
        labels = [*headings[sheet_name], "原行号", REASON_HEADING]
        _heading_row(sheet, labels, [14] * (len(labels) - 1) + [40])
        for failed_row in failed:
            values = list(failed_row.cells) + [None] * (len(labels) - 2 - len(failed_row.cells))
            sheet.append([*values, failed_row.row, failed_row.reason])
    if not workbook.worksheets:
        workbook.create_sheet("无失败行")
    workbook.properties.creator = "dualprev"
    workbook.save(stream)
