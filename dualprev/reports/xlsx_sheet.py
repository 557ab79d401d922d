"""A worksheet of an openpyxl write-only workbook whose rows are written as XML text.

openpyxl builds an element tree for every cell it writes and hashes the cell's style on the way:
about 8 µs a cell, 20 s for a ledger of 100 000 rows. Here a row is one string: the cell
references, the style indices (looked up once per distinct look, through openpyxl's own style
table) and the escaped texts, as openpyxl would write them (inline strings, numbers as ``n``).

The rows go to a temporary file; the worksheet's XML is put together when the sheet is closed
(when the workbook is saved), so its column widths, frozen panes and print titles may still change
while the rows are written. Everything else (the workbook, its styles, page setup, merged cells,
pictures, print titles) is openpyxl's.
"""

import re
import tempfile
from collections.abc import Callable, Hashable, Sequence
from datetime import date
from decimal import Decimal
from typing import IO, Any
from xml.etree.ElementTree import fromstring

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.xml.constants import SHEET_MAIN_NS

CellData = str | int | float | Decimal | date | None
"""What a cell holds: a text, a number, a date, or nothing (an empty, styled box)."""

_EPOCH = date(1899, 12, 30)  # Excel's day 0 (with its 1900 leap-year quirk folded in)

_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # as openpyxl refuses them
_MAX_TEXT = 32767  # characters Excel keeps in a cell
_SPOOL_BYTES = 4 << 20  # rows kept in memory before the temporary file goes to disk
# Line breaks as references too: a row stays one line of the temporary file, and a carriage return
# survives the XML parser's line-end normalisation.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": "&#10;", "\r": "&#13;"})


def cell_xml(ref: str, style: int, value: CellData) -> str:
    """One ``<c>`` element: a text as an inline string, a number as a number, nothing as an empty
    box. Characters XML cannot carry are dropped, a text too long for Excel is cut."""
    if value is None or value == "":
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, str):
        if not value.isprintable():  # rare: line breaks, tabs or control characters
            value = _ILLEGAL.sub("", value)
        if len(value) > _MAX_TEXT:
            value = value[:_MAX_TEXT]
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return (
            f'<c r="{ref}" s="{style}" t="inlineStr"><is><t{space}>{value.translate(_ESCAPES)}</t></is></c>'
        )
    if isinstance(value, bool):
        return f'<c r="{ref}" s="{style}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, date):  # a serial day number; the style's number format shows it as a date
        return f'<c r="{ref}" s="{style}" t="n"><v>{(value - _EPOCH).days}</v></c>'
    return f'<c r="{ref}" s="{style}" t="n"><v>{value}</v></c>'


def row_xml(row: int, cells: Sequence[str], height: float | None = None) -> str:
    """One ``<row>`` of cells made by :func:`cell_xml`, with a fixed height in points if given."""
    if height is None:
        return f'<row r="{row}">{"".join(cells)}</row>'
    return f'<row r="{row}" customHeight="1" ht="{height:g}">{"".join(cells)}</row>'


def raw_sink(xf: Any) -> Callable[[str], object] | None:
    """Where XML text goes into the sheet being written unescaped: et_xmlfile's file writer (the
    one openpyxl uses without lxml); None for a writer without one (rows are then parsed back
    into elements, slower)."""
    sink = getattr(xf, "_file", None)
    return sink if callable(sink) else None


class _RowsFromText(WorksheetWriter):  # type: ignore[misc]  # openpyxl ships no types
    """openpyxl's worksheet writer, with the rows copied from the text of :class:`XmlSheet`."""

    def __init__(self, ws: WriteOnlyWorksheet, rows: IO[str]) -> None:
        super().__init__(ws)
        self._rows = rows

    def write_rows(self) -> None:
        self.write_top()  # column widths, frozen panes: settled only now
        xf = self.xf.send(True)
        with xf.element("sheetData"):
            self._rows.seek(0)
            raw = raw_sink(xf)
            if raw is not None:
                while chunk := self._rows.read(1 << 20):
                    raw(chunk)
            else:
                for line in self._rows:
                    xf.write(fromstring(line.replace("<row ", f'<row xmlns="{SHEET_MAIN_NS}" ', 1)))
        self.xf.send(None)
        self._rows.close()


class XmlSheet:
    """A sheet of ``workbook`` (write-only) whose rows are given as XML by :meth:`add_row`, in order.

    Column widths, frozen panes, print titles, merged cells, pictures and page setup are set on
    :attr:`ws` as on any openpyxl worksheet, at any time before the workbook is saved.
    """

    def __init__(self, workbook: Workbook, title: str, index: int | None = None) -> None:
        ws = workbook.create_sheet(title, index)
        assert isinstance(ws, WriteOnlyWorksheet), "an XmlSheet needs a write-only workbook"
        self.ws = ws
        self._rows: IO[str] = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed with the workbook
            max_size=_SPOOL_BYTES, mode="w+", encoding="utf-8", newline="\n"
        )
        ws._writer = _RowsFromText(ws, self._rows)  # close() writes the sheet through it
        self._styles: dict[Hashable, int] = {}
        self._letters: list[str] = [""]
        self.last_row = 0

    def style(self, key: Hashable, **styles: Any) -> int:
        """The index of a cell style (font, fill, border, alignment…) in the workbook, made once per
        ``key`` through openpyxl's own style table."""
        found = self._styles.get(key)
        if found is None:
            cell = WriteOnlyCell(self.ws)
            for name, value in styles.items():
                setattr(cell, name, value)
            found = self._styles[key] = int(cell.style_id)
        return found

    def letter(self, column: int) -> str:
        """The letters of a 1-based column number (A, B, … AA)."""
        while len(self._letters) <= column:
            self._letters.append(get_column_letter(len(self._letters)))
        return self._letters[column]

    def add_row(self, row: int, xml: str) -> None:
        """Add row ``row`` (after every row added before), made by :func:`row_xml`."""
        if row <= self.last_row:
            raise ValueError(f"row {row} comes after row {self.last_row}")
        self._rows.write(xml)
        self._rows.write("\n")
        self.last_row = row


DATE_FORMAT = "yyyy-mm-dd"
MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.0%"
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONEY = re.compile(r"\d{1,3}(?:,\d{3})*\.\d{2}")
_PERCENT = re.compile(r"\d{1,3}(?:\.\d+)?%")


def typed(value: CellData) -> tuple[CellData, str]:
    """A cell's value as a workbook should store it, and its number format ("" for none): the
    texts the printouts write for dates (2026-08-15), amounts of money (1,800.00) and percentages
    (95.0%) become a real date, number and fraction that sort, add up and print the same."""
    if not isinstance(value, str):
        return value, DATE_FORMAT if isinstance(value, date) else ""
    if not value[:1].isdigit() or len(value) > 16:
        return value, ""
    if _DATE.fullmatch(value):
        try:
            return date.fromisoformat(value), DATE_FORMAT
        except ValueError:
            return value, ""
    if _MONEY.fullmatch(value):
        return Decimal(value.replace(",", "")), MONEY_FORMAT
    if _PERCENT.fullmatch(value):
        return Decimal(value[:-1]) / 100, PERCENT_FORMAT
    return value, ""
