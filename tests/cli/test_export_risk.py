"""``dualprev export risk-list|risk-chart|risk-records|major-risks``: files written, exit codes, and
one Chinese line (no traceback) for what the user can fix."""

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PIL import Image
from pypdf import PdfReader

from dualprev.app import main
from dualprev.storage.db import open_database


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dualprev", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300, encoding="utf-8",
    )  # fmt: skip


def _export(*args: str) -> int:
    return main(["export", *args])


def test_risk_list_xlsx_and_pdf(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xlsx = tmp_path / "清单.xlsx"
    assert _export("risk-list", "--db", str(demo_path), "--out", str(xlsx), "--format", "xlsx") == 0
    assert "风险分级管控清单" in capsys.readouterr().out
    assert load_workbook(xlsx).active["A1"].value == "风险分级管控清单"
    pdf = tmp_path / "清单.pdf"
    assert (
        _export("risk-list", "--db", str(demo_path), "--out", str(pdf), "--format", "pdf", "--size", "A4")
        == 0
    )
    box = PdfReader(str(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    text = "".join("".join((page.extract_text() or "").split()) for page in PdfReader(str(pdf)).pages)
    assert "事故类型依据：GB6441-2025《生产安全事故分类与编码》" in text
    assert "机械致害" in text


def test_risk_chart_png_and_pdf_with_format_from_the_file_name(demo_path: Path, tmp_path: Path) -> None:
    png = tmp_path / "比较图.png"
    assert _export("risk-chart", "--db", str(demo_path), "--out", str(png)) == 0
    with Image.open(png) as image:
        assert image.format == "PNG"
    pdf = tmp_path / "比较图.pdf"
    assert _export("risk-chart", "--db", str(demo_path), "--out", str(pdf), "--format", "pdf") == 0
    assert len(PdfReader(str(pdf)).pages) >= 1


def test_risk_records_and_major_risks(demo_path: Path, tmp_path: Path) -> None:
    xlsx = tmp_path / "记录.xlsx"
    assert _export("risk-records", "--db", str(demo_path), "--out", str(xlsx), "--format", "xlsx") == 0
    assert "风险点登记台账" in load_workbook(xlsx).sheetnames
    pdf = tmp_path / "公告.pdf"
    assert _export("major-risks", "--db", str(demo_path), "--out", str(pdf)) == 0
    notice = "".join((PdfReader(str(pdf)).pages[0].extract_text() or "").split())
    assert "重大风险公告" in notice and "事故类型依据：GB6441-2025" in notice
    workbook = load_workbook(xlsx)
    for name in ("JHA评价记录", "SCL评价记录"):  # the records that name accident types
        notes = [str(c.value) for row in workbook[name].iter_rows() for c in row if c.value]
        assert any("事故类型依据：GB 6441-2025" in n for n in notes), name


def test_bad_arguments_exit_2(demo_path: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "x.doc")
    for args in (
        ["risk-list", "--db", str(demo_path), "--out", out, "--format", "docx"],
        ["risk-chart", "--db", str(demo_path), "--out", out, "--format", "xlsx"],
        ["risk-list", "--db", str(demo_path), "--out", out, "--format", "pdf", "--size", "A5"],
        ["risk-list", "--db", str(demo_path)],  # no --out
        ["risk-list", "--db", str(demo_path), "--out", out],  # no --format and an unknown extension
        ["no-such-export", "--db", str(demo_path), "--out", out],
    ):
        # argparse exits by itself; an extension that names no format is refused by the command.
        with pytest.raises(SystemExit) as exit_info:
            raise SystemExit(_export(*args))
        assert exit_info.value.code == 2, args
    assert not (tmp_path / "x.doc").exists()


def test_missing_database_fails_with_one_chinese_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.sqlite"
    result = _run(
        "export", "risk-list", "--db", str(missing), "--out", str(tmp_path / "x.xlsx"), cwd=tmp_path
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"错误：数据库文件不存在：{missing}"]
    assert not missing.exists() and not (tmp_path / "x.xlsx").exists()


def test_bad_format_in_a_subprocess_exits_2(demo_path: Path, tmp_path: Path) -> None:
    result = _run(
        "export", "risk-chart", "--db", str(demo_path), "--out", "x.svg", "--format", "svg", cwd=tmp_path
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr and "参数错误" in result.stderr


def test_expected_failures_exit_1_without_traceback(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # An output folder that does not exist.
    out = tmp_path / "no" / "x.pdf"
    assert _export("major-risks", "--db", str(demo_path), "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "输出文件夹不存在" in err and len(err.strip().splitlines()) == 1
    # A database without an enterprise profile.
    empty = tmp_path / "empty.sqlite"
    open_database(empty).close()
    assert _export("risk-list", "--db", str(empty), "--out", str(tmp_path / "e.xlsx")) == 1
    err = capsys.readouterr().err
    assert "企业档案" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "e.xlsx").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
