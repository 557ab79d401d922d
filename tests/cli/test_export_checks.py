"""``dualprev export checks`` and ``dualprev export checklist``: the files a user gets and the refusals."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dualprev.app import main


def _export(*args: str) -> int:
    return main(["export", *args])


def test_check_records_for_a_period(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "排查记录.xlsx"
    assert (
        _export(
            "checks", "--db", str(demo_path), "--out", str(out), "--from", "2026-10-01", "--to", "2026-11-20"
        )
        == 0
    )
    assert "隐患排查记录" in capsys.readouterr().out
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["汇总", "明细"]
    assert workbook["明细"].max_row > 10
    pdf = tmp_path / "排查记录.pdf"
    assert _export("checks", "--db", str(demo_path), "--out", str(pdf), "--from", "2026-11-01") == 0
    reader = PdfReader(str(pdf))
    assert len(reader.pages) > 2 and "排查" in reader.pages[0].extract_text()


def test_blank_checklist_for_every_plan_or_one(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "清单.pdf"
    assert _export("checklist", "--db", str(demo_path), "--out", str(out)) == 0
    everything = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "公司季度综合检查" in everything and "机加工车间岗位每班检查" in everything
    one = tmp_path / "一份.pdf"
    assert _export("checklist", "--db", str(demo_path), "--out", str(one), "--plan", "公司季度综合检查") == 0
    text = "".join(p.extract_text() for p in PdfReader(str(one)).pages)
    assert "公司季度综合检查" in text and "机加工车间岗位每班检查" not in text


def test_refusals(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.pdf"
    assert (
        _export(
            "checks", "--db", str(demo_path), "--out", str(out), "--from", "2026-12-01", "--to", "2026-11-01"
        )
        == 2
    )
    assert _export("checks", "--db", str(demo_path), "--out", str(out), "--from", "2026-02-30") == 2
    assert _export("checklist", "--db", str(demo_path), "--out", str(out), "--plan", "无此计划") == 1
    err = capsys.readouterr().err
    assert "无此计划" in err and "Traceback" not in err
    assert not out.exists()
