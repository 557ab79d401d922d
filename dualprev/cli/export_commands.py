"""``dualprev export WHAT``: every list, record, card and map the GUI exports, headless.

The database and the report libraries are imported when an export runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dualprev import output_guard
from dualprev.cli import duty_exports
from dualprev.cli import work_safety_exports as work_safety
from dualprev.cli.common import EXIT_OK, EXIT_USAGE, Parser, UsageError, add_db_option, require_db
from dualprev.errors import UserError
from dualprev.reports.output import ExportFormat, ExportResult
from dualprev.reports.page import PaperSize

if TYPE_CHECKING:
    from dualprev.reports.ledger_period import ReportPeriod
    from dualprev.storage.db import Database


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser("export", help="导出清单、记录和图表（xlsx / PDF / PNG）")
    export_sub = export.add_subparsers(dest="export", metavar="WHAT", required=True, parser_class=Parser)
    for spec in EXPORTS:
        command = export_sub.add_parser(spec.name, help=spec.help)
        add_db_option(command)
        command.add_argument("--out", metavar="FILE", required=True, help="输出文件")
        formats = [f.value for f in spec.formats]
        command.add_argument(
            "--format",
            choices=formats,
            default=None,
            help="|".join(formats) + ("（默认按输出文件扩展名）" if len(formats) > 1 else ""),
        )
        if spec.paper:
            command.add_argument(
                "--size",
                choices=[p.value for p in PaperSize],
                default=None,
                help=f"PDF 纸张（默认 {spec.paper_default_text or spec.default_paper.value}）",
            )
        if spec.options is not None:
            spec.options(command)
    work_safety.add_inspection_pack(export_sub)
    cards = export_sub.add_parser("cards", help="岗位安全风险告知卡（PDF，每岗位一页）")
    add_db_option(cards)
    cards.add_argument("--out", metavar="FILE.pdf", required=True, help="输出 PDF 文件")
    cards.add_argument("--size", choices=("A4", "A3", "A5"), default="A4", help="纸张（默认 A4）")
    cards.add_argument("--post", metavar="NAME", action="append", help="只导出这个岗位（可重复）")
    cards.add_argument("--two-up", action="store_true", help="两张拼一页（A5 拼 A4，A4 拼 A3）")
    risk_map = export_sub.add_parser("map", help="安全风险四色分布图（PDF / 300 dpi PNG）")
    add_db_option(risk_map)
    risk_map.add_argument("--out", metavar="FILE", required=True, help="输出文件")
    risk_map.add_argument("--format", choices=("pdf", "png"), default=None, help="pdf|png（默认按扩展名）")
    risk_map.add_argument("--plan", metavar="NAME", default=None, help="平面图名称（默认全部；PNG 须指定）")
    risk_map.add_argument("--size", choices=("A4", "A3", "A2"), default="A3", help="纸张（默认 A3 横向）")
    risk_map.add_argument("--drawn-by", default="", help="绘制人")
    risk_map.add_argument("--checked-by", default="", help="审核人")
    risk_map.add_argument("--mono", action="store_true", help="黑白打印：白底，以轮廓线和填充线区分等级")
    north = risk_map.add_mutually_exclusive_group()
    north.add_argument(
        "--north-angle", type=float, default=None, metavar="DEG",
        help="指北针方向（从图纸正上方顺时针的度数，0–360；默认用平面图的设置）",
    )  # fmt: skip
    north.add_argument("--no-north", action="store_true", help="不绘制指北针（平面图自带指北针时）")
    export.set_defaults(handler=_export)


# A handler gets the opened database, the output file, the format, the paper size (None: the
# export's default) and the parsed arguments (for its own options) and returns what it wrote.
# Services are imported inside the handlers so that other commands start without loading
# reportlab and openpyxl.
ExportHandler = Callable[["Database", Path, ExportFormat, PaperSize | None, argparse.Namespace], ExportResult]


@dataclass(frozen=True)
class ExportSpec:
    """One ``dualprev export NAME`` command; add an entry to EXPORTS to add a command."""

    name: str
    help: str
    formats: tuple[ExportFormat, ...]
    handler: ExportHandler
    paper: bool = True
    """Whether it takes ``--size`` (PDF paper)."""
    default_paper: PaperSize = PaperSize.A4
    options: Callable[[argparse.ArgumentParser], None] | None = None
    """Adds the command's own options (read by its handler from the arguments)."""
    paper_default_text: str = ""
    """What ``--size`` defaults to, when that is more than one paper size."""


def _export_risk_list(
    db: Database, out: Path, fmt: ExportFormat, paper: PaperSize | None, _args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.risk_report_service import export_risk_list

    return export_risk_list(db, out, fmt, paper=paper)


def _export_risk_chart(
    db: Database, out: Path, fmt: ExportFormat, paper: PaperSize | None, _args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.risk_report_service import export_risk_chart

    return export_risk_chart(db, out, fmt, paper=paper)


def _export_risk_records(
    db: Database, out: Path, fmt: ExportFormat, paper: PaperSize | None, _args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.risk_report_service import export_risk_records

    return export_risk_records(db, out, fmt, paper=paper)


def _export_major_risks(
    db: Database, out: Path, fmt: ExportFormat, paper: PaperSize | None, _args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.risk_report_service import export_major_risks

    return export_major_risks(db, out, paper=paper)


def _export_people(
    db: Database, out: Path, fmt: ExportFormat, _paper: PaperSize | None, _args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.roster_service import export_roster

    return export_roster(db, out, fmt)


def _day_option(text: str | None, option: str) -> date | None:
    from dualprev.reports.ledger_period import parse_day

    if text is None:
        return None
    try:
        return parse_day(text)
    except UserError as exc:
        raise UsageError(f"{option}：{exc.message}") from None


def _ledger_period(args: argparse.Namespace) -> ReportPeriod:
    """--from/--to: both optional; without --from the year of --to (or of today) from 1 January,
    without --to up to today."""
    from dualprev.reports.ledger_period import ReportPeriod

    start, end = _day_option(args.from_, "--from"), _day_option(args.to, "--to")
    end = end or date.today()
    start = start or date(end.year, 1, 1)
    if start > end:
        raise UsageError(f"--from（{start.isoformat()}）不能晚于 --to（{end.isoformat()}）")
    return ReportPeriod.custom(start, end)


def _ledger_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from", dest="from_", metavar="YYYY-MM-DD", help="统计期起始（排查日期，默认本年 1 月 1 日）"
    )
    parser.add_argument("--to", metavar="YYYY-MM-DD", help="统计期截止（默认今天）")
    parser.add_argument("--profile", metavar="NAME", help="使用已保存的导出列配置")
    parser.add_argument("--regulator", action="store_true", help="报送版：不含人员姓名、电话和照片")
    parser.add_argument("--photos", action="store_true", help="附整改前/整改后照片缩略图")


def _export_ledger(
    db: Database, out: Path, fmt: ExportFormat, paper: PaperSize | None, args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.ledger_report_service import export_ledger

    period = _ledger_period(args)
    return export_ledger(
        db, out, fmt, period=period, profile=args.profile, regulator=args.regulator, photos=args.photos,
        paper=paper,
    )  # fmt: skip


def _stats_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--period", required=True, metavar="2026Q3|2026", help="季度（如 2026Q3）或年度（如 2026）"
    )


def _export_ledger_stats(
    db: Database, out: Path, fmt: ExportFormat, _paper: PaperSize | None, args: argparse.Namespace
) -> ExportResult:
    from dualprev.reports.ledger_period import parse_period
    from dualprev.services.ledger_report_service import export_ledger_statistics

    try:
        period = parse_period(args.period)
    except UserError as exc:
        raise UsageError(exc.message) from None
    if not period.is_statutory:
        raise UsageError(f"统计表按季度或年度编制：{args.period}（应写作 2026Q3 或 2026）")
    return export_ledger_statistics(db, out, fmt, period=period)


def _notice_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--department", metavar="NAME", help="只导出这个整改责任单位的通知单（默认每个单位一份）"
    )


def _export_notices(
    db: Database, out: Path, _fmt: ExportFormat, _paper: PaperSize | None, args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.ledger_report_service import export_notices

    return export_notices(db, out, department=args.department)


def _number_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--number", required=True, metavar="YH-2026-0001", help="隐患编号")


def _export_acceptance(
    db: Database, out: Path, _fmt: ExportFormat, _paper: PaperSize | None, args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.ledger_report_service import export_acceptance_form

    return export_acceptance_form(db, out, args.number)


def _export_major_report(
    db: Database, out: Path, _fmt: ExportFormat, _paper: PaperSize | None, args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.ledger_report_service import export_major_report

    return export_major_report(db, out, args.number)


def _export_major_check(
    db: Database, out: Path, _fmt: ExportFormat, _paper: PaperSize | None, _args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.major_check_service import export_check

    return export_check(db, out)


_XLSX, _PDF, _PNG = ExportFormat.XLSX, ExportFormat.PDF, ExportFormat.PNG


def _checks_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="起始日期（默认最早的排查记录）")
    parser.add_argument("--to", metavar="YYYY-MM-DD", help="截止日期（默认今天）")


def _export_checks(
    db: Database, out: Path, fmt: ExportFormat, paper: PaperSize | None, args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.checks.printouts import export_checks

    start, end = _day_option(args.from_, "--from"), _day_option(args.to, "--to")
    if start is not None and end is not None and start > end:
        raise UsageError(f"--from（{start.isoformat()}）不能晚于 --to（{end.isoformat()}）")
    return export_checks(db, out, fmt, date_from=start, date_to=end, paper=paper)


def _checklist_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plan", metavar="NAME", help="只打印这个排查计划的清单（默认每个在用计划一份）")


def _export_checklist(
    db: Database, out: Path, _fmt: ExportFormat, paper: PaperSize | None, args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.checks.plans import list_plans
    from dualprev.services.checks.printouts import export_checklist

    plan_id = None
    if args.plan:
        plans = list_plans(db, today=date.today())
        plan_id = next((p.id for p in plans if p.name == args.plan), None)
        if plan_id is None:
            names = "、".join(p.name for p in plans) or "（无）"
            raise UserError(f"没有名为“{args.plan}”的排查计划。现有计划：{names}")
    return export_checklist(db, out, plan_id=plan_id, paper=paper)


EXPORTS: tuple[ExportSpec, ...] = (
    ExportSpec("risk-list", "风险分级管控清单", (_XLSX, _PDF), _export_risk_list, default_paper=PaperSize.A3),
    ExportSpec("risk-chart", "作业安全风险比较图", (_PDF, _PNG), _export_risk_chart),
    ExportSpec(
        "risk-records",
        "风险辨识评价记录（作业活动清单、设备设施清单、JHA/SCL 评价记录、风险点登记台账）",
        (_XLSX, _PDF),
        _export_risk_records,
    ),
    ExportSpec("major-risks", "重大风险公告（PDF）", (_PDF,), _export_major_risks),
    ExportSpec(
        "ledger",
        "隐患排查治理台账及汇总（--from/--to 统计期，默认本年至今）",
        (_XLSX, _PDF),
        _export_ledger,
        options=_ledger_options,
        paper_default_text="完整台账 A3、报送版 A4",
    ),
    ExportSpec(
        "ledger-stats",
        "隐患排查治理情况统计表（季度或年度，由主要负责人签字报送）",
        (_PDF, _XLSX),
        _export_ledger_stats,
        paper=False,
        options=_stats_options,
    ),
    ExportSpec(
        "notices", "隐患整改通知单（PDF，每个整改责任单位一份）", (_PDF,), _export_notices, paper=False,
        options=_notice_options,
    ),
    ExportSpec(
        "acceptance", "隐患整改验收单（PDF，附照片）", (_PDF,), _export_acceptance, paper=False,
        options=_number_options,
    ),
    ExportSpec(
        "major-report", "重大事故隐患报告（PDF）", (_PDF,), _export_major_report, paper=False,
        options=_number_options,
    ),
    ExportSpec(
        "major-check", "重大事故隐患自查记录（最近一次判定标准自查，PDF）", (_PDF,), _export_major_check,
        paper=False,
    ),
    ExportSpec(
        "checks", "隐患排查记录（--from/--to 期间；xlsx 汇总+明细，PDF 汇总+逐份记录）", (_XLSX, _PDF),
        _export_checks, options=_checks_options,
    ),
    ExportSpec(
        "checklist", "隐患排查清单（空白表，现场排查用，PDF）", (_PDF,), _export_checklist,
        options=_checklist_options,
    ),
    ExportSpec("people", "人员花名册（可再用 dualprev import people 导入）", (_XLSX, _PDF), _export_people,
               paper=False),
    ExportSpec("duties", "全员安全生产责任清单、签字确认表和领导履职记录（--list 只打某份清单的签字表）",
               (_PDF, _XLSX), duty_exports.export_duties, paper=False, options=duty_exports.duties_options),
    ExportSpec("training", "安全教育培训记录、签到考核表和员工培训档案", (_PDF, _XLSX),
               duty_exports.export_training, paper=False, options=duty_exports.training_options),
    ExportSpec("certificates", "特种作业人员持证台账", (_XLSX, _PDF), work_safety.export_certificates, paper=False),
    ExportSpec("permits", "作业许可台账、作业许可证及有限空间台账", (_XLSX, _PDF), work_safety.export_permits,
               paper=False),
    ExportSpec("drills", "应急预案目录及应急演练记录", (_XLSX, _PDF), work_safety.export_drills, paper=False),
)  # fmt: skip


def _export(args: argparse.Namespace) -> int:
    # Before anything else (even a format question): an output must never land on an input.
    output_guard.refuse_inputs(Path(args.out), [require_db(args)])
    if args.export == "cards":
        return _export_cards(args)
    if args.export == "map":
        return _export_map(args)
    if args.export == "inspection-pack":
        return work_safety.export_inspection_pack(args)
    spec = next(s for s in EXPORTS if s.name == args.export)
    out = Path(args.out).expanduser().resolve()
    fmt = ExportFormat(args.format) if args.format else _format_from_suffix(out, spec)
    if fmt is None:
        formats = "、".join(f.value for f in spec.formats)
        print(f"参数错误：无法从文件名判断导出格式，请用 --format 指定（{formats}）", file=sys.stderr)
        return EXIT_USAGE
    size = getattr(args, "size", None)
    from dualprev.storage.db import open_database

    db = open_database(require_db(args), create=False)
    try:
        result = spec.handler(db, out, fmt, PaperSize(size) if size else None, args)
    except UsageError as exc:
        print(f"参数错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        db.close()
    pages = f"，{result.pages} 页" if result.pages is not None else ""
    print(f"已导出{result.title}：{result.path}（{result.items} 项{pages}）")
    if result.note:
        print(result.note)
    return EXIT_OK


def _format_from_suffix(out: Path, spec: ExportSpec) -> ExportFormat | None:
    suffix = out.suffix.lower().lstrip(".")
    for fmt in spec.formats:
        if fmt.value == suffix:
            return fmt
    return spec.formats[0] if len(spec.formats) == 1 else None


def _export_cards(args: argparse.Namespace) -> int:
    from dualprev.services.post_card_export import export_cards, recorded_summary

    out = Path(args.out).expanduser().resolve()
    from dualprev.storage.db import open_database

    db = open_database(require_db(args), create=False)
    try:
        result = export_cards(
            db, out, size=args.size, post_names=args.post, two_up=args.two_up, actor="命令行"
        )
    finally:
        db.close()
    print(f"已导出岗位安全风险告知卡：{result.path}（{len(result.cards)} 张，{result.pages} 页）")
    for skipped in result.skipped:
        print(f"未导出：{skipped.post_name}（{skipped.reason}）", file=sys.stderr)
    if result.recorded:
        print(recorded_summary(result.recorded))
    if result.enlarged:
        names = "、".join(f"{name}（{size}）" for name, size in result.enlarged)
        print(f"以下告知卡内容较多，为保持字号改用更大的纸张：{names}。", file=sys.stderr)
    if result.did_not_fit:
        names = "、".join(result.did_not_fit)
        print(f"以下告知卡内容较多，续页打印：{names}。", file=sys.stderr)
    return EXIT_OK


def _export_map(args: argparse.Namespace) -> int:
    from dualprev.services.risk_map_service import export_map

    out = Path(args.out).expanduser().resolve()
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "png"):
        print("参数错误：无法从文件名判断导出格式，请用 --format 指定（pdf、png）", file=sys.stderr)
        return EXIT_USAGE
    from dualprev.storage.db import open_database

    db = open_database(require_db(args), create=False)
    try:
        path = export_map(
            db, out, fmt=fmt, plan_name=args.plan, paper=args.size,
            drawn_by=args.drawn_by, checked_by=args.checked_by, mono=args.mono,
            north=None if args.no_north else "stored" if args.north_angle is None else args.north_angle,
        )  # fmt: skip
    finally:
        db.close()
    print(f"已导出安全风险四色分布图：{path}")
    return EXIT_OK
