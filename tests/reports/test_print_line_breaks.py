"""End to end: the demo's ledger (A3), its regulator version, the risk list, the notices and the
check records as printed — every line as drawn read back from the PDF — never split a number, a
phone, a code, a name or a status/level term over two lines, and no line starts with closing or
ends with opening punctuation (避头尾)."""

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph, SimpleDocTemplate

from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerStatus
from dualprev.domain.risk import RiskLevel
from dualprev.reports.ledger_period import ReportPeriod
from dualprev.reports.line_break import CANNOT_END, CANNOT_START
from dualprev.reports.output import ExportFormat
from dualprev.reports.styles import pdf_cell_style
from dualprev.reports.tables import Align
from dualprev.services import ledger_report_service as lrs
from dualprev.services import risk_report_service as rrs
from dualprev.services.checks import printouts

from ..conftest import DEMO_TODAY


def _page_lines(page: Any) -> list[str]:
    lines: list[str] = []
    current: list[str] = []

    def visit(text: str, *_args: Any) -> None:
        current.append(text)
        if text.endswith("\n"):
            line = "".join(current).strip()
            current.clear()
            if line:
                lines.append(line)

    page.extract_text(visitor_text=visit)
    if "".join(current).strip():
        lines.append("".join(current).strip())
    return lines


def drawn_lines(path: Path) -> list[list[str]]:
    """Per page, each line of text as it was drawn (one text line of a cell, a title…)."""
    return [_page_lines(page) for page in PdfReader(str(path)).pages]


def split_tokens(pages: list[list[str]], tokens: set[str]) -> list[str]:
    """The tokens printed across a line break somewhere: found more often in a page's text run
    together than inside its single lines."""
    found: list[str] = []
    for lines in pages:
        joined = "".join(lines)
        for token in tokens:
            whole = sum(line.count(token) for line in lines)
            if joined.count(token) > whole:
                found.append(token)
    return sorted(set(found))


def bad_punctuation(pages: list[list[str]]) -> list[str]:
    return [line for lines in pages for line in lines if line[0] in CANNOT_START or line[-1] in CANNOT_END]


def _demo_tokens(demo_path: Path) -> set[str]:
    with sqlite3.connect(demo_path) as con:
        rows = [
            *con.execute("SELECT name, phone FROM person"),
            *con.execute("SELECT name, '' FROM department"),
            *con.execute("SELECT number, '' FROM hidden_danger"),
            *con.execute("SELECT code, '' FROM risk_point WHERE code != ''"),
        ]
    tokens = {text for row in rows for text in row if text and len(text) >= 2}
    tokens |= {s.label for s in HiddenDangerStatus} | {lv.label for lv in HiddenDangerLevel}
    tokens |= {lv.label for lv in RiskLevel}
    return tokens


def _numbers(pages: list[list[str]]) -> set[str]:
    """Dates, amounts and 逾期 N 天 as printed anywhere in the document."""
    text = "".join("".join(lines) for lines in pages)
    found = set(re.findall(r"\d{4}-\d{2}-\d{2}|\d{1,3}(?:,\d{3})*\.\d{2}|逾期 \d+ 天", text))
    return {t for t in found if not t.startswith("0")}


def test_the_checker_sees_what_reportlab_cjk_wrapping_did(tmp_path: Path) -> None:
    """reportlab's own CJK wrapping (what the printouts used) fails both checks: this test can fail."""
    path = tmp_path / "old.pdf"
    style = pdf_cell_style(8.0, Align.LEFT)
    # a frame 38 pt wide, as a narrow 状态 column
    doc = SimpleDocTemplate(str(path), pagesize=(38 + 144, 300))
    doc.build([Paragraph("整改中（逾期 14 天），拨打119，钱国平负责", style)])
    pages = drawn_lines(path)
    assert split_tokens(pages, {"逾期 14 天", "119", "钱国平", "整改中"}) or bad_punctuation(pages)


@pytest.fixture
def exports(demo_db: Any, tmp_path: Path) -> dict[str, Path]:
    period = ReportPeriod.year_to_date(DEMO_TODAY)
    out = {name: tmp_path / f"{name}.pdf" for name in ("ledger", "regulator", "risk", "notices", "checks")}
    lrs.export_ledger(demo_db, out["ledger"], ExportFormat.PDF, period=period, today=DEMO_TODAY)
    lrs.export_ledger(
        demo_db, out["regulator"], ExportFormat.PDF, period=period, regulator=True, today=DEMO_TODAY
    )
    rrs.export_risk_list(demo_db, out["risk"], ExportFormat.PDF, today=DEMO_TODAY)
    lrs.export_notices(demo_db, out["notices"], today=DEMO_TODAY)
    printouts.export_checks(demo_db, out["checks"], ExportFormat.PDF, today=DEMO_TODAY)
    return out


def test_demo_printouts_keep_tokens_whole_and_punctuation_in_place(
    exports: dict[str, Path], demo_path: Path
) -> None:
    tokens = _demo_tokens(demo_path)
    for name, path in exports.items():
        pages = drawn_lines(path)
        every = tokens | _numbers(pages)
        assert split_tokens(pages, every) == [], name
        assert bad_punctuation(pages) == [], name
    ledger = drawn_lines(exports["ledger"])
    assert any(re.search(r"逾期 \d+ 天", line) for lines in ledger for line in lines)  # it is there
    assert any("YH-2026-0001" in line for line in ledger[1])
