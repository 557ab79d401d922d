"""排查记录 exported without a start date name the first record's day, not "最早记录"."""

import sqlite3
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from pypdf import PdfReader

from dualprev.reports.output import ExportFormat
from dualprev.services.checks import printouts

from ..conftest import DEMO_TODAY


def test_without_from_the_period_starts_at_the_first_record(
    demo_db: Any, demo_path: Path, tmp_path: Path
) -> None:
    with sqlite3.connect(demo_path) as con:
        (first,) = next(con.execute("SELECT min(checked_on) FROM check_record"))
    pdf, xlsx = tmp_path / "checks.pdf", tmp_path / "checks.xlsx"
    printouts.export_checks(demo_db, pdf, ExportFormat.PDF, today=DEMO_TODAY)
    printouts.export_checks(demo_db, xlsx, ExportFormat.XLSX, today=DEMO_TODAY)
    text = PdfReader(str(pdf)).pages[0].extract_text()
    expected = f"统计期：{first} 至 {DEMO_TODAY.isoformat()}"
    assert expected in text and "最早记录" not in text
    cells = [
        c
        for row in load_workbook(xlsx).worksheets[0].iter_rows(max_row=6, values_only=True)
        for c in row
        if c
    ]
    assert any(expected in str(c) for c in cells)
