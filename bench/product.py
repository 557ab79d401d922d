"""The product side of every figure: dualprev's own code, called as the app and the CLI call it."""

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from fixture import LEDGER_START, TODAY

KEYWORD = "叉车 3号工位"


def _db(path: Path):  # type: ignore[no-untyped-def]
    from dualprev.storage.db import open_database

    return open_database(path, create=False, check=False)


def ledger_first_page(path: Path) -> Callable[[], object]:
    from dualprev.services.hidden_dangers import ledger

    db = _db(path)
    return lambda: ledger.query(db, today=TODAY)


def ledger_keyword(path: Path) -> Callable[[], object]:
    from dualprev.domain.ledger import LedgerFilter
    from dualprev.services.hidden_dangers import ledger

    db = _db(path)
    return lambda: ledger.query(db, LedgerFilter(keyword=KEYWORD), today=TODAY)


def _period():  # type: ignore[no-untyped-def]
    from dualprev.reports.ledger_period import ReportPeriod

    return ReportPeriod.custom(LEDGER_START, TODAY)


def ledger_xlsx(path: Path) -> Callable[[], object]:
    from dualprev.reports.output import ExportFormat
    from dualprev.services import ledger_report_service

    db, out = _db(path), Path(tempfile.mkdtemp()) / "ledger.xlsx"
    return lambda: ledger_report_service.export_ledger(
        db, out, ExportFormat.XLSX, period=_period(), today=TODAY
    )


def ledger_pdf(path: Path) -> Callable[[], object]:
    """The ledger PDF over the last tenth of the long ledger (10k rows of 100k)."""
    from dualprev.reports.ledger_period import ReportPeriod
    from dualprev.reports.output import ExportFormat
    from dualprev.services import ledger_report_service

    db, out = _db(path), Path(tempfile.mkdtemp()) / "ledger.pdf"
    days = (TODAY - LEDGER_START).days
    period = ReportPeriod.custom(date.fromordinal(TODAY.toordinal() - days // 10 + 1), TODAY)
    return lambda: ledger_report_service.export_ledger(db, out, ExportFormat.PDF, period=period, today=TODAY)


def _risk_list(path: Path, suffix: str) -> Callable[[], object]:
    from dualprev.reports.output import ExportFormat
    from dualprev.services import risk_report_service

    db, out = _db(path), Path(tempfile.mkdtemp()) / f"risks.{suffix}"
    return lambda: risk_report_service.export_risk_list(db, out, ExportFormat(suffix), today=TODAY)


def risk_list_pdf(path: Path) -> Callable[[], object]:
    return _risk_list(path, "pdf")


def risk_list_xlsx(path: Path) -> Callable[[], object]:
    return _risk_list(path, "xlsx")


def post_cards(path: Path) -> Callable[[], object]:
    from dualprev.services import post_card_export

    db = _db(path)
    return lambda: post_card_export.render_cards(db, today=TODAY)
