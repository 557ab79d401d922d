"""Handlers of ``dualprev export certificates|permits|drills`` (issue 14); the services are imported
when an export runs, not when the parser is built."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def add_inspection_pack(export_sub: argparse._SubParsersAction[Any]) -> None:
    """``dualprev export inspection-pack --from D --to D --out DIR_OR_ZIP``."""
    from dualprev.cli.common import add_db_option

    pack = export_sub.add_parser("inspection-pack", help="迎检资料包（文件夹或 .zip，含目录页）")
    add_db_option(pack)
    pack.add_argument("--out", metavar="DIR_OR_ZIP", required=True, help="输出文件夹（新建）或 .zip 文件")
    pack.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="资料期间起始（默认本季度第一天）")
    pack.add_argument("--to", metavar="YYYY-MM-DD", help="资料期间截止（默认今天）")


def export_inspection_pack(args: argparse.Namespace) -> int:
    import sys
    from datetime import date

    from dualprev.cli.common import EXIT_OK, EXIT_USAGE, require_db
    from dualprev.errors import UserError
    from dualprev.reports.ledger_period import parse_day
    from dualprev.services.inspection_pack import PackPeriod, build_pack
    from dualprev.storage.db import open_database

    try:
        end = parse_day(args.to) if args.to else date.today()
        start = parse_day(args.from_) if args.from_ else date(end.year, 3 * ((end.month - 1) // 3) + 1, 1)
    except UserError as exc:
        print(f"参数错误：{exc.message}", file=sys.stderr)
        return EXIT_USAGE
    db = open_database(require_db(args), create=False)
    try:
        result = build_pack(db, Path(args.out).expanduser().resolve(), PackPeriod(start, end))
    finally:
        db.close()
    print(f"已导出迎检资料包：{result.path}（{result.written}/{len(result.outcomes)} 部分）")
    for outcome in result.outcomes:
        mark = "✓" if outcome.file_name else "—"
        print(f"  {mark} {outcome.part.title}：{outcome.note}")
    return EXIT_OK
