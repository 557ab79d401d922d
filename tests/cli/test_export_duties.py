"""``dualprev export duties`` and ``dualprev export training``."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dualprev.app import main


def _text(path: Path) -> str:
    return "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


def test_export_duties_and_one_sign_sheet(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "duties.pdf"
    assert main(["export", "duties", "--db", str(demo_path), "--out", str(out)]) == 0
    assert "全员安全生产责任清单" in capsys.readouterr().out
    assert "保证本单位安全生产投入的有效实施" in _text(out)
    sheet = tmp_path / "sheet.pdf"
    assert (
        main(["export", "duties", "--db", str(demo_path), "--out", str(sheet), "--list", "主要负责人"]) == 0
    )
    assert len(PdfReader(str(sheet)).pages) == 1 and "责任人签字" in _text(sheet)
    assert (
        main(["export", "duties", "--db", str(demo_path), "--out", str(tmp_path / "n.pdf"), "--list", "厂长"])
        == 1
    )
    assert "没有名为“厂长”的责任清单" in capsys.readouterr().err
    assert not (tmp_path / "n.pdf").exists()


def test_export_training(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "training.xlsx"
    assert main(["export", "training", "--db", str(demo_path), "--out", str(out)]) == 0
    assert "员工安全培训档案" in load_workbook(out).sheetnames
    one = tmp_path / "one.pdf"
    assert main(["export", "training", "--db", str(demo_path), "--out", str(one), "--person", "吕芳"]) == 0
    assert "三级安全教育：未完成" in _text(one)
    assert (
        main(["export", "training", "--db", str(demo_path), "--out", str(one), "--from", "2026-13-01"]) == 2
    )
    assert main(["export", "training", "--db", str(demo_path), "--out", str(one), "--person", "无名"]) == 1
    assert "没有名为“无名”的人员" in capsys.readouterr().err
