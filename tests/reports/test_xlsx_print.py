"""Every workbook export stores dates, money and percentages as typed cells and is set up to print
legibly as it is: landscape (A3 when wide), fit to one page wide, header rows repeated. LibreOffice
(when installed) prints each at 8 pt or more (the risk list printed at 5.8 pt, the checks at 3.7)."""

import os
import shutil
import subprocess
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dualprev.reports.ledger_period import ReportPeriod
from dualprev.reports.output import ExportFormat
from dualprev.reports.xlsx_sheet import DATE_FORMAT, MONEY_FORMAT, PERCENT_FORMAT, typed
from dualprev.services import ledger_report_service as lrs
from dualprev.services import risk_report_service as rrs
from dualprev.services.checks import printouts

from ..conftest import DEMO_TODAY


def test_typed_values() -> None:
    assert typed("2026-08-15")[1] == DATE_FORMAT
    assert typed("1,800.00") == (Decimal("1800.00"), MONEY_FORMAT)
    assert typed("80.00") == (Decimal("80.00"), MONEY_FORMAT)
    assert typed("72.7%")[1] == PERCENT_FORMAT and float(typed("72.7%")[0] or 0) == pytest.approx(0.727)
    for text in ("YH-2026-0001", "2026-13-45", "一般隐患", "3号", "0.5", "—"):
        assert typed(text) == (text, "")


@pytest.fixture
def workbooks(demo_db: Any, tmp_path: Path) -> dict[str, Path]:
    out = {n: tmp_path / f"{n}.xlsx" for n in ("ledger", "stats", "risk", "checks")}
    lrs.export_ledger(demo_db, out["ledger"], ExportFormat.XLSX, today=DEMO_TODAY)
    lrs.export_ledger_statistics(
        demo_db, out["stats"], ExportFormat.XLSX, period=ReportPeriod.year(2026), today=DEMO_TODAY
    )
    rrs.export_risk_list(demo_db, out["risk"], ExportFormat.XLSX, today=DEMO_TODAY)
    printouts.export_checks(demo_db, out["checks"], ExportFormat.XLSX, today=DEMO_TODAY)
    return out


def _column(sheet: Any, heading: str) -> tuple[int, int]:
    for row in sheet.iter_rows(min_row=1, max_row=12):
        for cell in row:
            if cell.value == heading:
                return cell.row, cell.column
    raise AssertionError(heading)


def test_cells_are_typed_and_sheets_set_up_for_print(workbooks: dict[str, Path]) -> None:
    ledger = load_workbook(workbooks["ledger"])["台账"]
    head, found = _column(ledger, "排查日期")
    _h, funds = _column(ledger, "整改资金（元）")
    day = ledger.cell(row=head + 1, column=found)
    assert isinstance(day.value, datetime) and day.number_format == DATE_FORMAT
    money = [
        ledger.cell(row=r, column=funds)
        for r in range(head + 1, ledger.max_row)
        if ledger.cell(row=r, column=funds).value
    ]
    assert money and all(isinstance(c.value, (int, float)) and c.number_format == MONEY_FORMAT for c in money)
    stats = load_workbook(workbooks["stats"]).active
    percents = [c for row in stats.iter_rows() for c in row if c.number_format == PERCENT_FORMAT]
    assert percents and all(isinstance(c.value, (int, float)) and 0 <= c.value <= 1 for c in percents)
    for name, path in workbooks.items():
        for sheet in load_workbook(path):
            setup = sheet.page_setup
            assert setup.orientation == "landscape", (name, sheet.title)
            assert sheet.sheet_properties.pageSetUpPr.fitToPage
            assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0
            if sheet.title in ("台账", "风险分级管控清单", "明细"):
                assert sheet.print_title_rows, (name, sheet.title)
                assert int(setup.paperSize) == int(sheet.PAPERSIZE_A3)


def _printed_sizes(pdf: Path) -> list[float]:
    sizes: list[float] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, size: float) -> None:
        if text.strip():
            scale = ((cm[0] * tm[0] + cm[2] * tm[1]) ** 2 + (cm[1] * tm[0] + cm[3] * tm[1]) ** 2) ** 0.5
            sizes.append(size * scale)

    for page in PdfReader(str(pdf)).pages[:4]:
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_prints_every_workbook_at_8_pt_or_more(
    workbooks: dict[str, Path], tmp_path: Path
) -> None:
    env = dict(os.environ, HOME=str(tmp_path / "home"))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, workbooks.values())],
        check=True, capture_output=True, timeout=300, env=env,
    )  # fmt: skip
    for name in workbooks:
        sizes = _printed_sizes(tmp_path / f"{name}.pdf")
        assert sizes and min(sizes) >= 7.9, (name, min(sizes))
