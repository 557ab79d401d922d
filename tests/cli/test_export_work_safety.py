"""``dualprev export certificates|permits|drills``: the files a user gets, read back."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dualprev.app import main


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def _fonts_embedded(path: Path) -> bool:
    reader = PdfReader(str(path))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    return all("/FontFile2" in str(f.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object())
               for f in fonts.values() if "/DescendantFonts" in f.get_object())  # fmt: skip


def test_certificates_pdf_and_xlsx(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "持证台账.pdf"
    assert main(["export", "certificates", "--db", str(demo_path), "--out", str(pdf)]) == 0
    assert "已导出特种作业人员持证台账" in capsys.readouterr().out
    text = _text(pdf)
    assert "特种作业人员持证台账" in text and "焊接与热切割作业" in text
    assert "杨帆" in text and "已过期" in text and "叉车司机" in text
    assert _fonts_embedded(pdf)
    xlsx = tmp_path / "持证台账.xlsx"
    assert main(["export", "certificates", "--db", str(demo_path), "--out", str(xlsx)]) == 0
    cells = [
        str(c.value) for row in load_workbook(xlsx).active.iter_rows() for c in row if c.value is not None
    ]
    assert "T320411199207163014" in cells and "已过期" in cells


def test_permits_pdf_has_the_list_each_permit_and_the_confined_space_ledger(
    demo_path: Path, tmp_path: Path
) -> None:
    pdf = tmp_path / "作业许可.pdf"
    assert main(["export", "permits", "--db", str(demo_path), "--out", str(pdf)]) == 0
    text = _text(pdf)
    for expected in ("作业许可台账", "DH-2026-001", "有限空间作业许可证 YX-2026-001", "20.8 %", "有限空间台账",
                     "配电房电缆沟", "未设置", "许文军"):  # fmt: skip
        assert expected in text, expected
    xlsx = tmp_path / "作业许可.xlsx"
    assert main(["export", "permits", "--db", str(demo_path), "--out", str(xlsx)]) == 0
    assert len(load_workbook(xlsx).sheetnames) == 3


def test_drills_pdf(demo_path: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "演练.pdf"
    assert main(["export", "drills", "--db", str(demo_path), "--out", str(pdf)]) == 0
    text = _text(pdf)
    for expected in ("应急预案目录", "综合应急预案", "现场处置方案", "应急演练记录", "乙炔瓶", "湿棉被"):
        assert expected in text, expected


def test_an_empty_database_is_refused_in_chinese(
    empty_db: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.sqlite"
    assert main(["export", "certificates", "--db", str(path), "--out", str(tmp_path / "x.pdf")]) != 0
    assert "企业" in capsys.readouterr().err
