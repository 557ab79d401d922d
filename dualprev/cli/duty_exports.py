"""``dualprev export duties`` and ``dualprev export training``: the handlers and their options
(registered in :mod:`dualprev.cli.export_commands`). Services are imported when an export runs."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dualprev.cli.common import UsageError
from dualprev.errors import UserError
from dualprev.reports.output import ExportFormat, ExportResult
from dualprev.reports.page import PaperSize

if TYPE_CHECKING:
    from dualprev.storage.db import Database


def duties_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--list", dest="lists", metavar="NAME", action="append",
        help="只打印这份责任清单的签字确认表（清单名称，如 主要负责人、车工岗位；可重复）",
    )  # fmt: skip


def export_duties(
    db: Database, out: Path, fmt: ExportFormat, _paper: PaperSize | None, args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.duties import duty_lists, printouts

    ids: tuple[int, ...] = ()
    if args.lists:
        lists = {d.title: d.id or 0 for d in duty_lists.list_duty_lists(db, include_void=False)}
        missing = [name for name in args.lists if name not in lists]
        if missing:
            known = "、".join(lists) or "（无）"
            raise UserError(f"没有名为“{missing[0]}”的责任清单。现有清单：{known}")
        ids = tuple(lists[name] for name in args.lists)
    return printouts.export_duties(db, out, fmt, today=date.today(), list_ids=ids)


def training_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="培训起始日期（默认最早的培训）")
    parser.add_argument("--to", metavar="YYYY-MM-DD", help="培训截止日期（默认今天）")
    parser.add_argument("--person", metavar="NAME", help="只打印这个人的培训档案")


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{option} 应为 YYYY-MM-DD 格式的日期：{text}") from None


def export_training(
    db: Database, out: Path, fmt: ExportFormat, _paper: PaperSize | None, args: argparse.Namespace
) -> ExportResult:
    from dualprev.services import organisation_service as org
    from dualprev.services.duties import printouts

    start, end = _day(args.from_, "--from"), _day(args.to, "--to")
    if start is not None and end is not None and start > end:
        raise UsageError(f"--from（{start.isoformat()}）不能晚于 --to（{end.isoformat()}）")
    person_id = None
    if args.person:
        matches = [p.id for p in org.list_people(db) if p.name == args.person]
        if not matches:
            raise UserError(f"没有名为“{args.person}”的人员")
        person_id = matches[0]
    return printouts.export_training(db, out, fmt, today=date.today(), date_from=start, date_to=end,
                                     person_id=person_id)  # fmt: skip
