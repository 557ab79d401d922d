"""The shared table toolkit: one TableDocument written as PDF and as xlsx, checked as a user would
(text on each page, fonts, page setup in the workbook, colours of level cells)."""

from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from reportlab.platypus import Paragraph

from dualprev.domain.risk import RiskLevel
from dualprev.reports.fonts import text_width_pt
from dualprev.reports.page import PageSetup, PaperSize
from dualprev.reports.pdf_table import column_widths, data_table, write_table_pdf
from dualprev.reports.styles import pdf_cell_style, pdf_styles
from dualprev.reports.tables import Align, Cell, Column, HeaderField, Part, Section, TableDocument
from dualprev.reports.xlsx_table import write_table_xlsx

COLUMNS = (
    Column("序号", 8, Align.CENTER),
    Column("编号", 16, group="风险点"),
    Column("名称", 20, group="风险点"),
    Column("危险源或潜在事件", 50),
    Column("D/R", 10, Align.CENTER),
    Column("风险等级", 15, Align.CENTER),
    Column("备注", 20),
)


def _rows(count: int) -> tuple[tuple[Any, ...], ...]:
    levels = list(RiskLevel)
    return tuple(
        (i, f"FX-{i:03d}", f"设备{i}", f"危险源描述第{i}条，" + "人员接触高速旋转部件" * (1 + i % 3),
         Decimal("0.5") * i, Cell.for_level(levels[i % 4]), "")
        for i in range(1, count + 1)
    )  # fmt: skip


def _document(rows: int = 120, paper: PaperSize = PaperSize.A4) -> TableDocument:
    part = Part("测试清单", COLUMNS, (Section(_rows(rows)),), notes=("说明：", "1. 备注文字。"))
    return TableDocument("测试企业有限公司", date(2026, 11, 20), (part,), PageSetup(paper=paper))


def _write_pdf(document: TableDocument, tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "t.pdf"
    with path.open("wb") as stream:
        pages = write_table_pdf(document, stream)
    return path, pages


def test_pdf_repeats_the_header_and_numbers_pages(tmp_path: Path, read_pdf: Any) -> None:
    path, pages = _write_pdf(_document(), tmp_path)
    pdf = read_pdf(path)
    assert pages == len(pdf.pages) > 2
    for number, text in enumerate(pdf.pages, start=1):
        assert "测试企业有限公司" in text and "2026年11月20日" in text
        assert f"第 {number} 页 / 共 {pages} 页" in text
        if number < pages:  # the last page may hold only notes and the sign-off
            assert "危险源或潜在事件" in text and "风险点" in text
    assert "测试清单" in pdf.pages[0]
    compact = pdf.compact()
    assert "FX-001" in compact and "FX-120" in compact
    assert "60" in compact and "0.5" in compact  # exact decimals, never 60.0
    assert "60.0" not in compact
    last = pdf.compact(-1)
    assert all(f"{label}：" in last for label in ("编制", "审核", "批准", "日期"))


def test_every_pdf_font_is_embedded(tmp_path: Path, read_pdf: Any) -> None:
    path, _pages = _write_pdf(_document(rows=5), tmp_path)
    fonts = read_pdf(path).fonts()
    assert fonts, "no fonts found"
    assert all(embedded for _name, embedded in fonts), fonts


def test_rows_appear_once_in_order(tmp_path: Path, read_pdf: Any) -> None:
    path, _pages = _write_pdf(_document(rows=80), tmp_path)
    compact = read_pdf(path).compact()
    positions = [compact.index(f"FX-{i:03d}") for i in range(1, 81)]
    assert positions == sorted(positions)
    assert all(compact.count(f"FX-{i:03d}") == 1 for i in range(1, 81))


def test_a_row_taller_than_a_page_is_split_not_lost(tmp_path: Path, read_pdf: Any) -> None:
    giant = (
        1,
        "FX-001",
        "设备",
        "很长的危险源描述。" * 600 + "结尾标记",
        Decimal(1),
        Cell.for_level(None),
        "",
    )
    part = Part("测试清单", COLUMNS, (Section((giant, *_rows(3)[1:])),))
    document = TableDocument("测试企业有限公司", date(2026, 11, 20), (part,), PageSetup())
    path, pages = _write_pdf(document, tmp_path)
    compact = read_pdf(path).compact()
    assert pages >= 2 and "结尾标记" in compact and "FX-003" in compact


def test_narrow_pages_never_break_codes_numbers_or_level_names() -> None:
    part = _document(rows=30).parts[0]
    widths = column_widths(part, 200.0, 7.0)
    assert sum(widths) == pytest.approx(200.0)
    inner = [w - 4 for w in widths]  # 2 pt padding each side
    assert inner[1] >= text_width_pt("FX-030", 7.0)
    assert inner[4] >= text_width_pt("15", 7.0) and inner[4] >= text_width_pt("D/R", 7.0)
    assert inner[5] >= text_width_pt("一般风险", 7.0)
    assert widths[3] > widths[1]  # the long text column still gets most of the room


def test_paged_table_measures_rows_exactly_as_reportlab_lays_them_out() -> None:
    # A mismatch leaves gaps above tables or lets a page overflow its frame.
    # A header cell spanning two rows and wrapping in its narrow column is measured by reportlab
    # over both rows, not as if it sat in the first.
    columns = (*COLUMNS[:-1], Column("可能发生的事故类型及后果", 12))
    part = Part("测试清单", columns, (Section(_rows(12)),))
    widths = column_widths(part, 700.0, 7.0)
    paged = data_table(part, part.sections[0].rows, widths, pdf_styles(7.0), frame_height=10_000)
    _width, height = paged.wrap(700.0, 10_000)
    (whole,) = paged.split(700.0, 10_000)
    assert whole.wrap(700.0, 10_000)[1] == pytest.approx(height)
    first, rest = paged.split(700.0, height / 2)
    assert first.wrap(700.0, height / 2)[1] <= height / 2 + 1e-6
    assert rest.wrap(700.0, 10_000)[1] < height


def test_sections_with_header_blocks_start_new_pages(tmp_path: Path, read_pdf: Any) -> None:
    sections = tuple(
        Section(_rows(3), fields=(HeaderField("风险点", f"记录{n}"), HeaderField("审核人/日期")))
        for n in (1, 2, 3)
    )
    part = Part("评价记录", COLUMNS, sections, signoff=(), section_per_page=True)
    path, pages = _write_pdf(TableDocument("测试企业", date(2026, 11, 20), (part,)), tmp_path)
    pdf = read_pdf(path)
    assert pages == 3
    for index, text in enumerate(pdf.pages, start=1):
        compact = "".join(text.split())
        assert f"风险点：记录{index}" in compact and "审核人/日期：" in compact
        assert "危险源或潜在事件" in compact
    assert all(embedded for _name, embedded in pdf.fonts()), pdf.fonts()


def test_chinese_punctuation_never_starts_a_wrapped_line() -> None:
    text = "发生物体打击立即停止作业，检查伤情，轻伤就地包扎，重伤拨打120送医" * 3
    for width in range(40, 160, 3):
        paragraph = Paragraph(text, pdf_cell_style(8.0, Align.LEFT))
        paragraph.wrap(width, 10_000)
        lines = ["".join(words) for _extra, words in paragraph.blPara.lines]
        assert all(not line.startswith(("，", "；", "：")) for line in lines if line), (width, lines)


# --- xlsx --------------------------------------------------------------------------------------


def _workbook(document: TableDocument) -> Any:
    stream = BytesIO()
    write_table_xlsx(document, stream)
    stream.seek(0)
    return load_workbook(stream)


def test_xlsx_header_rows_groups_and_data() -> None:
    sheet = _workbook(_document(rows=10)).active
    assert sheet.title == "测试清单"
    assert sheet["A1"].value == "测试清单"
    assert sheet["A2"].value == "企业名称：测试企业有限公司"
    top = [c.value for c in sheet[3]]
    bottom = [c.value for c in sheet[4]]
    assert top == ["序号", "风险点", None, "危险源或潜在事件", "D/R", "风险等级", "备注"]
    assert bottom == [None, "编号", "名称", None, None, None, None]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"B3:C3", "A3:A4", "D3:D4"} <= merged
    first = [c.value for c in sheet[5]]
    assert first[:3] == [1, "FX-001", "设备1"]
    assert first[4] == Decimal("0.5") or first[4] == 0.5
    assert sheet.max_row >= 14


def test_xlsx_level_cells_show_name_on_the_level_colour() -> None:
    sheet = _workbook(_document(rows=8)).active
    seen = {}
    for row in range(5, 13):
        cell = sheet.cell(row=row, column=6)
        level = RiskLevel.from_label(cell.value)
        seen[level] = cell
        assert cell.fill.fgColor.rgb == "FF" + level.colour.hex[1:]
        assert cell.font.color.rgb == "FF{:02X}{:02X}{:02X}".format(*level.colour.text_rgb)
    assert set(seen) == set(RiskLevel)
    assert seen[RiskLevel.LOW].fill.fgColor.rgb == "FF0070C0"  # blue, never green


def test_xlsx_print_setup_and_frozen_header() -> None:
    sheet = _workbook(_document(rows=5, paper=PaperSize.A3)).active
    assert sheet.freeze_panes == "A5"
    assert sheet.print_title_rows == "$3:$4"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A3)
    assert int(sheet.page_setup.fitToWidth) == 1 and int(sheet.page_setup.fitToHeight) == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    assert sheet.cell(row=5, column=4).alignment.wrap_text
    a4 = _workbook(_document(rows=5)).active
    assert int(a4.page_setup.paperSize) == int(a4.PAPERSIZE_A4)


def test_xlsx_sections_get_page_breaks_and_unique_sheet_names() -> None:
    sections = tuple(Section(_rows(2), fields=(HeaderField("风险点", f"记录{n}"),)) for n in (1, 2))
    parts = (
        Part("记录/一", COLUMNS, sections, section_per_page=True),
        Part("记录/一", COLUMNS, (Section(_rows(1)),)),
    )
    workbook = _workbook(TableDocument("测试企业", date(2026, 11, 20), parts))
    assert workbook.sheetnames == ["记录_一", "记录_一(2)"]
    sheet = workbook["记录_一"]
    assert len(sheet.row_breaks.brk) == 1
    assert sheet.freeze_panes is None  # several tables on one sheet: nothing sensible to freeze
    values = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert "风险点：记录1" in values and "风险点：记录2" in values


def test_a_row_with_the_wrong_number_of_cells_is_refused() -> None:
    with pytest.raises(ValueError, match="cells"):
        Part("x", COLUMNS, (Section((("1", "2"),)),))
