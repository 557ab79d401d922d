"""The table toolkit's additions for the ledger exports: a section with columns of its own (a
summary page: figures, then a list under them), pictures in cells (photo thumbnails), and a note in
every page's running header (the period)."""

from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PIL import Image

from dualprev.reports.page import PageSetup
from dualprev.reports.pdf_table import write_table_pdf
from dualprev.reports.tables import Align, Cell, Column, HeaderField, Part, Section, TableDocument
from dualprev.reports.xlsx_table import write_table_xlsx

FIGURES = (Column("项目", 40), Column("数量", 15, Align.RIGHT), Column("说明", 60))
LIST = (
    Column("序号", 8, Align.CENTER),
    Column("编号", 20),
    Column("描述", 40),
    Column("期限", 18),
    Column("进展", 30),
)


def _photo(tmp_path: Path, name: str, colour: tuple[int, int, int]) -> Path:
    path = tmp_path / name
    Image.new("RGB", (320, 240), colour).save(path, "JPEG")
    return path


def _document(tmp_path: Path) -> TableDocument:
    summary = Part(
        "汇总",
        FIGURES,
        (
            Section((("本期发现", 3, "不含已作废"), ("已销号", 2, "")), heading="一、情况", fields=(HeaderField("统计截至", "2026年9月30日"),)),
            Section(((1, "YH-2026-0021", "喷漆房未设可燃气体报警", "2026-12-05", "整改中"),), heading="二、重大隐患", columns=LIST),
        ),
        signoff=(),
    )  # fmt: skip
    photos = (_photo(tmp_path, "a.jpg", (200, 30, 30)), _photo(tmp_path, "b.jpg", (30, 30, 200)))
    ledger = Part(
        "台账",
        (Column("编号", 20), Column("描述", 40), Column("照片", 30, Align.CENTER)),
        (
            Section(
                (
                    ("YH-2026-0001", "有照片", Cell("", images=photos)),
                    ("YH-2026-0002", "照片文件丢失", Cell("见备注", images=(tmp_path / "missing.jpg",))),
                    ("YH-2026-0003", "没有照片", ""),
                )
            ),
        ),
    )
    return TableDocument(
        "测试企业", date(2026, 11, 20), (summary, ledger), PageSetup(), running_note="统计期：2026年第三季度"
    )


def test_pdf_prints_section_tables_pictures_and_the_period_on_every_page(
    tmp_path: Path, read_pdf: Any
) -> None:
    path = tmp_path / "t.pdf"
    with path.open("wb") as stream:
        pages = write_table_pdf(_document(tmp_path), stream)
    pdf = read_pdf(path)
    assert pages == len(pdf.pages) == 2
    for text in pdf.pages:
        assert "统计期：2026年第三季度" in text
    first = pdf.compact(0)
    assert "统计截至：2026年9月30日" in first and "本期发现" in first
    assert all(heading in first for heading in ("序号", "编号", "描述", "期限", "进展", "YH-2026-0021"))
    second = pdf.compact(1)
    assert "YH-2026-0003" in second and "见备注" in second
    assert len(pdf.reader.pages[1].images) == 2  # the two readable photos; the missing one left out


def test_xlsx_lays_a_section_table_over_the_grid_and_floats_pictures(tmp_path: Path) -> None:
    stream = BytesIO()
    write_table_xlsx(_document(tmp_path), stream)
    stream.seek(0)
    workbook = load_workbook(stream)
    summary = workbook["汇总"]
    rows = [[c for c in row if c is not None] for row in summary.iter_rows(values_only=True)]
    assert ["序号", "编号", "描述", "期限", "进展"] in rows  # five columns over the grid's five
    assert [
        1,
        "YH-2026-0021",
        "喷漆房未设可燃气体报警",
        datetime(2026, 12, 5),
        "整改中",
    ] in rows  # a typed date
    assert ["本期发现", 3, "不含已作废"] in rows  # three columns merged over the same grid
    assert any("B" in str(r) and ":" in str(r) for r in summary.merged_cells.ranges)
    ledger = workbook["台账"]
    assert len(ledger._images) == 2
    anchors = sorted(image.anchor._from.row for image in ledger._images)
    assert anchors == [3, 3]  # both on the first data row: title, enterprise, header, then row 4
    assert ledger["A4"].value == "YH-2026-0001"
    assert ledger.row_dimensions[4].height > ledger.row_dimensions[6].height
    assert "统计期：2026年第三季度" in ledger.oddHeader.center.text
