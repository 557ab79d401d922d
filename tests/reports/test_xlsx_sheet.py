"""Rows written as XML text (:mod:`dualprev.reports.xlsx_sheet`) read back as openpyxl wrote them
cell by cell: texts with markup characters, spaces, line breaks and control characters, numbers,
empty boxes, styles, row heights, and columns widened after the rows were written."""

import io
from decimal import Decimal
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side

from dualprev.reports import xlsx_sheet
from dualprev.reports.xlsx_sheet import XmlSheet, cell_xml, row_xml

TEXTS: list[Any] = [
    "卡盘无防护罩，衣袖卷入",
    "A&B <危险> 区",
    "  前后有空格  ",
    "第一行\n第二行\r\n第三行",
    "控制\x01字符\x1f被去掉",
    "=SUM(A1:A2)",  # a text, never a formula
    42,
    Decimal("126.5"),
    None,
    "",
]
READ_BACK: list[Any] = [
    "卡盘无防护罩，衣袖卷入",
    "A&B <危险> 区",
    "  前后有空格  ",
    "第一行\n第二行\r\n第三行",
    "控制字符被去掉",
    "=SUM(A1:A2)",
    42,
    126.5,
    None,
    None,
]


def _workbook() -> bytes:
    book = Workbook(write_only=True)
    sheet = XmlSheet(book, "台账")
    thin = Side(style="thin")
    style = sheet.style("body", font=Font(name="宋体", size=10), border=Border(left=thin, right=thin))
    bold = sheet.style("bold", font=Font(name="宋体", bold=True), alignment=Alignment(wrap_text=True))
    cells = [cell_xml(f"{sheet.letter(c)}1", bold, f"列{c}") for c in range(1, len(TEXTS) + 1)]
    sheet.add_row(1, row_xml(1, cells))
    cells = [cell_xml(f"{sheet.letter(c)}3", style, v) for c, v in enumerate(TEXTS, start=1)]
    sheet.add_row(3, row_xml(3, cells, 40.5))
    with pytest.raises(ValueError, match="comes after"):
        sheet.add_row(2, row_xml(2, []))
    sheet.ws.column_dimensions["B"].width = 33  # after the rows: the sheet is put together at saving
    sheet.ws.freeze_panes = "A2"
    sheet.ws.merged_cells.add("A1:B1")
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _check(data: bytes, *, carriage_returns: bool = True) -> None:
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    expected = (
        READ_BACK
        if carriage_returns
        else [v.replace("\r", "") if isinstance(v, str) else v for v in READ_BACK]
    )
    assert [c.value for c in sheet[3]] == expected
    assert sheet["A1"].value == "列1" and sheet["A1"].font.b and sheet["A1"].alignment.wrap_text
    assert sheet["A3"].font.name == "宋体" and sheet["A3"].border.left.style == "thin"
    assert sheet["I3"].border.left.style == "thin"  # an empty box keeps its style
    assert sheet.row_dimensions[3].height == 40.5 and sheet.row_dimensions[2].height is None
    assert sheet.column_dimensions["B"].width == 33
    assert sheet.freeze_panes == "A2"
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A1:B1"]


def test_rows_written_as_text_read_back_like_cells() -> None:
    _check(_workbook())


def test_a_writer_without_a_text_sink_writes_the_same_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should openpyxl write through lxml, the rows are parsed back into elements (a carriage return
    then becomes a plain line break, as when openpyxl writes it)."""
    monkeypatch.setattr(xlsx_sheet, "raw_sink", lambda _xf: None)
    _check(_workbook(), carriage_returns=False)


def test_styles_are_made_once_per_look() -> None:
    book = Workbook(write_only=True)
    sheet = XmlSheet(book, "台账")
    first = sheet.style("a", font=Font(bold=True))
    assert sheet.style("a", font=Font(italic=True)) == first  # by key: made once
    assert sheet.style("b", font=Font(bold=True)) == first  # the same look has one index
    assert sheet.style("c", font=Font(italic=True)) != first
    assert [sheet.letter(c) for c in (1, 26, 27, 52)] == ["A", "Z", "AA", "AZ"]
