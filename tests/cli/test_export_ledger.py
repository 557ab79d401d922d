"""``dualprev export ledger|ledger-stats|notices|acceptance|major-report``: files written, exit codes
(0 done, 2 bad arguments, 1 what the user can fix) and one Chinese line on stderr."""

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dualprev.app import main


def _export(*args: str) -> int:
    try:
        return main(["export", *args])
    except SystemExit as exc:  # argparse exits by itself on a bad option
        return int(exc.code or 0)


def _pdf_text(path: Path) -> str:
    return "".join("".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages)


def test_ledger_xlsx_and_pdf_for_a_range(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(demo_path)]
    xlsx = tmp_path / "台账.xlsx"
    assert (
        _export(
            "ledger",
            *db,
            "--out",
            str(xlsx),
            "--format",
            "xlsx",
            "--from",
            "2026-08-01",
            "--to",
            "2026-08-31",
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "已导出隐患排查治理台账" in out and str(xlsx) in out
    sheet = load_workbook(xlsx)["台账"]
    numbers = [c.value for c in sheet["B"] if str(c.value).startswith("YH-")]
    assert numbers and all(n for n in numbers)
    dates = [c.value.date().isoformat() for c in sheet["C"] if isinstance(c.value, datetime)]  # typed
    assert dates and all("2026-08-01" <= d <= "2026-08-31" for d in dates)
    pdf = tmp_path / "台账.pdf"
    assert (
        _export(
            "ledger", *db, "--out", str(pdf), "--from", "2026-08-01", "--to", "2026-08-31", "--size", "A4"
        )
        == 0
    )
    text = _pdf_text(pdf)
    assert "2026年8月1日至2026年8月31日" in text and "第1页" in text
    # The demo is a new enterprise: its 事故类型 follow GB 6441-2025, and the ledger says so.
    assert "事故类型依据：GB6441-2025《生产安全事故分类与编码》" in text
    box = PdfReader(str(pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape


def test_regulator_and_profile_options(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(demo_path)]
    out = tmp_path / "报送.pdf"
    assert _export("ledger", *db, "--out", str(out), "--regulator", "--to", "2026-11-20") == 0
    assert "报送版" in _pdf_text(out) and "杨帆" not in _pdf_text(out)
    assert _export("ledger", *db, "--out", str(tmp_path / "p.xlsx"), "--profile", "没有这个配置") == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "没有这个配置" in err and "Traceback" not in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-02-30"], "日期不存在：2026-02-30"),
        (["--from", "2026/02/01"], "日期格式不对"),
        (["--from", "2026-10-01", "--to", "2026-09-30"], "不能晚于"),
    ],
)
def test_bad_dates_exit_2_with_one_chinese_line(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    out = tmp_path / "x.xlsx"
    assert _export("ledger", "--db", str(demo_path), "--out", str(out), *args) == 2
    err = capsys.readouterr().err
    assert err.startswith("参数错误：") and message in err and err.count("\n") == 1
    assert not out.exists()


def test_statistics_form_by_quarter_or_year(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(demo_path)]
    pdf = tmp_path / "统计表.pdf"
    assert _export("ledger-stats", *db, "--period", "2026Q3", "--out", str(pdf)) == 0
    assert "报送期限：2026年10月15日前" in _pdf_text(pdf)
    xlsx = tmp_path / "年度.xlsx"
    assert _export("ledger-stats", *db, "--period", "2026", "--out", str(xlsx)) == 0
    assert load_workbook(xlsx).sheetnames == ["统计表"]
    capsys.readouterr()
    for period in ("2026-09", "2026Q5"):
        assert _export("ledger-stats", *db, "--period", period, "--out", str(tmp_path / "x.pdf")) == 2
        assert capsys.readouterr().err.startswith("参数错误：")
    assert _export("ledger-stats", *db, "--out", str(tmp_path / "x.pdf")) == 2  # --period is required


def test_forms(demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", str(demo_path)]
    notices = tmp_path / "通知单.pdf"
    assert _export("notices", *db, "--out", str(notices)) == 0
    assert "隐患整改通知单" in _pdf_text(notices)
    one = tmp_path / "一份.pdf"
    assert _export("notices", *db, "--out", str(one), "--department", "仓储部") == 0
    assert len(PdfReader(str(one)).pages) == 1
    acceptance = tmp_path / "验收单.pdf"
    assert _export("acceptance", *db, "--number", "YH-2026-0002", "--out", str(acceptance)) == 0
    assert PdfReader(str(acceptance)).pages[0].images
    report = tmp_path / "报告.pdf"
    assert _export("major-report", *db, "--number", "YH-2026-0021", "--out", str(report)) == 0
    assert "重大事故隐患报告" in _pdf_text(report)
    capsys.readouterr()
    assert _export("acceptance", *db, "--number", "YH-2026-9999", "--out", str(tmp_path / "x.pdf")) == 1
    assert capsys.readouterr().err == "错误：没有编号为 YH-2026-9999 的隐患\n"
    assert _export("major-report", *db, "--number", "YH-2026-0001", "--out", str(tmp_path / "x.pdf")) == 1
    assert _export("acceptance", *db, "--out", str(tmp_path / "x.pdf")) == 2  # --number is required
    assert not (tmp_path / "x.pdf").exists()
