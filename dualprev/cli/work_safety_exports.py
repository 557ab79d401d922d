"""Handlers of ``dualprev export certificates|permits|drills`` (issue 14); the services are imported
when an export runs, not when the parser is built."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dualprev.reports.output import ExportFormat, ExportResult
    from dualprev.reports.page import PaperSize
    from dualprev.storage.db import Database


def export_certificates(
    db: Database, out: Path, fmt: ExportFormat, _paper: PaperSize | None, _args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.work_safety.printouts import export_certificates as export

    return export(db, out, fmt)


def export_permits(
    db: Database, out: Path, fmt: ExportFormat, _paper: PaperSize | None, _args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.work_safety.printouts import export_permits as export

    return export(db, out, fmt)


def export_drills(
    db: Database, out: Path, fmt: ExportFormat, _paper: PaperSize | None, _args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.work_safety.printouts import export_drills as export

    return export(db, out, fmt)
