"""Headless commands over the same services as the GUI.

Exit codes: 0 success, 2 bad arguments (argparse), 1 an expected failure reported as one Chinese
line on stderr. Anything else is a bug and keeps its traceback.
"""

import argparse
import json
import logging
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, is_dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from dualprev import __version__
from dualprev.domain import grading
from dualprev.domain.risk import EvaluationMethod
from dualprev.errors import UserError
from dualprev.paths import db_path_from, files_dir_for
from dualprev.reports.output import ExportFormat, ExportResult
from dualprev.reports.page import PaperSize
from dualprev.storage.db import Database, is_empty, open_database

if TYPE_CHECKING:
    from dualprev.reports.ledger_period import ReportPeriod

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese-friendly errors; still exits 2 on bad arguments."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="dualprev", description="双重预防机制管理（安全风险分级管控 + 隐患排查治理）")
    parser.add_argument("--version", action="version", version=f"dualprev {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="数据库文件（默认：用户数据文件夹；也可用环境变量 DUALPREV_DB）"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = sub.add_parser("demo", help="创建含示例企业数据的数据库")
    demo.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="要创建的数据库文件")
    demo.add_argument("--force", action="store_true", help="覆盖已有的非空数据库文件")

    info = sub.add_parser("info", help="以 JSON 输出数据库概况")
    info.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="数据库文件")

    grade = sub.add_parser("grade", help="按评价方法计算风险等级，输出 JSON")
    grade_sub = grade.add_subparsers(dest="method", metavar="METHOD", required=True, parser_class=_Parser)
    lec = grade_sub.add_parser("lec", help="LEC：D = L × E × C")
    for name in ("L", "E", "C"):
        lec.add_argument(name)
    lec.add_argument("--scheme", default=grading.DEFAULT_SCHEME_CODES[EvaluationMethod.LEC])
    ls = grade_sub.add_parser("ls", help="风险矩阵：R = L × S")
    for name in ("L", "S"):
        ls.add_argument(name)
    ls.add_argument("--scheme", default=grading.DEFAULT_SCHEME_CODES[EvaluationMethod.LS])

    export = sub.add_parser("export", help="导出清单、记录和图表（xlsx / PDF / PNG）")
    export_sub = export.add_subparsers(dest="export", metavar="WHAT", required=True, parser_class=_Parser)
    for spec in EXPORTS:
        command = export_sub.add_parser(spec.name, help=spec.help)
        command.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="数据库文件")
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
    cards = export_sub.add_parser("cards", help="岗位安全风险告知卡（PDF，每岗位一页）")
    cards.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="数据库文件")
    cards.add_argument("--out", metavar="FILE.pdf", required=True, help="输出 PDF 文件")
    cards.add_argument("--size", choices=("A4", "A3", "A5"), default="A4", help="纸张（默认 A4）")
    cards.add_argument("--post", metavar="NAME", action="append", help="只导出这个岗位（可重复）")
    cards.add_argument("--two-up", action="store_true", help="两张拼一页（A5 拼 A4，A4 拼 A3）")
    risk_map = export_sub.add_parser("map", help="安全风险四色分布图（PDF / 300 dpi PNG）")
    risk_map.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="数据库文件")
    risk_map.add_argument("--out", metavar="FILE", required=True, help="输出文件")
    risk_map.add_argument("--format", choices=("pdf", "png"), default=None, help="pdf|png（默认按扩展名）")
    risk_map.add_argument("--plan", metavar="NAME", default=None, help="平面图名称（默认全部；PNG 须指定）")
    risk_map.add_argument("--size", choices=("A4", "A3", "A2"), default="A3", help="纸张（默认 A3 横向）")
    risk_map.add_argument("--drawn-by", default="", help="绘制人")
    risk_map.add_argument("--checked-by", default="", help="审核人")
    return parser


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv``; unknown options are passed on to Qt when no command is given."""
    parser = build_parser()
    parsed, unknown = parser.parse_known_args(list(argv))
    if unknown and parsed.command is not None:
        parser.error("无法识别的参数：" + " ".join(unknown))
    parsed.qt_args = unknown
    return parsed


def run(args: argparse.Namespace) -> int:
    """Run the headless command in ``args``; returns the exit code."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        match args.command:
            case "demo":
                return _demo(_require_db(args), force=args.force)
            case "info":
                return _info(_require_db(args))
            case "grade":
                return _grade(args)
            case "export":
                return _export(args)
            case _:
                raise AssertionError(f"unhandled command {args.command}")
    except UserError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_FAILURE


def _require_db(args: argparse.Namespace) -> Path:
    try:
        return db_path_from(args.db, None)
    except ValueError:
        raise UserError("请用 --db 指定数据库文件，或设置环境变量 DUALPREV_DB") from None


def _demo(path: Path, *, force: bool) -> int:
    from dualprev.services.demo_service import build_demo

    if not is_empty(path):
        if not force:
            raise UserError(f"数据库文件已存在且不为空：{path}。如要覆盖，请加 --force")
        _remove_database(path)
    db = open_database(path)
    try:
        summary = build_demo(db, today=date.today())
    except BaseException:
        db.close()
        _remove_database(path)
        raise
    db.close()
    print(f"已创建示例企业数据库：{path}")
    print(json.dumps(summary_to_json(summary), ensure_ascii=False))
    return EXIT_OK


def summary_to_json(summary: object) -> dict[str, object]:
    if is_dataclass(summary) and not isinstance(summary, type):
        return asdict(summary)
    return {}


def _remove_database(path: Path) -> None:
    try:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        files = files_dir_for(path)
        if files.is_dir():
            shutil.rmtree(files)
    except OSError as exc:
        raise UserError(f"无法删除旧的数据库文件：{path}（{exc.strerror or exc}）") from exc


def _info(path: Path) -> int:
    from dualprev.services.info_service import database_info

    db: Database = open_database(path, create=False)
    try:
        info = database_info(db)
    finally:
        db.close()
    print(json.dumps(info.to_json(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _grade(args: argparse.Namespace) -> int:
    try:
        scheme = grading.preset(args.scheme)
    except KeyError:
        known = "、".join(s.code for s in grading.PRESET_SCHEMES)
        print(f"错误：未知的分级方案 {args.scheme}，可用：{known}", file=sys.stderr)
        return EXIT_USAGE
    method = EvaluationMethod.LEC if args.method == "lec" else EvaluationMethod.LS
    if scheme.method is not method:
        print(f"错误：分级方案 {scheme.code} 不适用于 {method.value} 方法", file=sys.stderr)
        return EXIT_USAGE
    values = {f.key: getattr(args, f.key) for f in scheme.factors}
    try:
        result = grading.grade(scheme, values)
    except grading.FactorOutOfScale as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    print(json.dumps(grade_to_json(result), ensure_ascii=False))
    return EXIT_OK


def grade_to_json(result: grading.Grade) -> dict[str, object]:
    score: int | float = (
        int(result.score) if result.score == result.score.to_integral() else float(result.score)
    )
    if isinstance(score, float) and Decimal(repr(score)) != result.score:
        raise AssertionError("score not representable exactly")
    return {
        "method": result.method.value,
        "scheme": result.scheme,
        "score": score,
        "band": result.band,
        "band_label": result.band_label,
        "level": int(result.level),
        "level_name": result.level.label,
        "colour": result.level.colour.key,
    }


# --- export ------------------------------------------------------------------------------------

# A handler gets the opened database, the output file, the format, the paper size (None: the
# export's default) and the parsed arguments (for its own options) and returns what it wrote.
# Services are imported inside the handlers so that other commands start without loading
# reportlab and openpyxl.
ExportHandler = Callable[[Database, Path, ExportFormat, PaperSize | None, argparse.Namespace], ExportResult]


class _UsageError(Exception):
    """An option value the command cannot use (an impossible date…): exit 2 with this message."""


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


def _day_option(text: str | None, option: str) -> date | None:
    from dualprev.reports.ledger_period import parse_day

    if text is None:
        return None
    try:
        return parse_day(text)
    except UserError as exc:
        raise _UsageError(f"{option}：{exc.message}") from None


def _ledger_period(args: argparse.Namespace) -> "ReportPeriod":
    """--from/--to: both optional; without --from the year of --to (or of today) from 1 January,
    without --to up to today."""
    from dualprev.reports.ledger_period import ReportPeriod

    start, end = _day_option(args.from_, "--from"), _day_option(args.to, "--to")
    end = end or date.today()
    start = start or date(end.year, 1, 1)
    if start > end:
        raise _UsageError(f"--from（{start.isoformat()}）不能晚于 --to（{end.isoformat()}）")
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
        raise _UsageError(exc.message) from None
    if not period.is_statutory:
        raise _UsageError(f"统计表按季度或年度编制：{args.period}（应写作 2026Q3 或 2026）")
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


_XLSX, _PDF, _PNG = ExportFormat.XLSX, ExportFormat.PDF, ExportFormat.PNG


def _checks_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="from_", metavar="YYYY-MM-DD", help="起始日期（默认最早的排查记录）")
    parser.add_argument("--to", metavar="YYYY-MM-DD", help="截止日期（默认今天）")


def _export_checks(
    db: Database, out: Path, fmt: ExportFormat, paper: PaperSize | None, args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.check_service import export_checks

    start, end = _day_option(args.from_, "--from"), _day_option(args.to, "--to")
    if start is not None and end is not None and start > end:
        raise _UsageError(f"--from（{start.isoformat()}）不能晚于 --to（{end.isoformat()}）")
    return export_checks(db, out, fmt, date_from=start, date_to=end, paper=paper)


def _checklist_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--plan", metavar="NAME", help="只打印这个排查计划的清单（默认每个在用计划一份）")


def _export_checklist(
    db: Database, out: Path, _fmt: ExportFormat, paper: PaperSize | None, args: argparse.Namespace
) -> ExportResult:
    from dualprev.services.check_service import export_checklist, list_plans

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
        "checks", "隐患排查记录（--from/--to 期间；xlsx 汇总+明细，PDF 汇总+逐份记录）", (_XLSX, _PDF),
        _export_checks, options=_checks_options,
    ),
    ExportSpec(
        "checklist", "隐患排查清单（空白表，现场排查用，PDF）", (_PDF,), _export_checklist,
        options=_checklist_options,
    ),
)  # fmt: skip


def _export(args: argparse.Namespace) -> int:
    if args.export == "cards":
        return _export_cards(args)
    if args.export == "map":
        return _export_map(args)
    spec = next(s for s in EXPORTS if s.name == args.export)
    out = Path(args.out).expanduser().resolve()
    fmt = ExportFormat(args.format) if args.format else _format_from_suffix(out, spec)
    if fmt is None:
        formats = "、".join(f.value for f in spec.formats)
        print(f"参数错误：无法从文件名判断导出格式，请用 --format 指定（{formats}）", file=sys.stderr)
        return EXIT_USAGE
    size = getattr(args, "size", None)
    db = open_database(_require_db(args), create=False)
    try:
        result = spec.handler(db, out, fmt, PaperSize(size) if size else None, args)
    except _UsageError as exc:
        print(f"参数错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        db.close()
    pages = f"，{result.pages} 页" if result.pages is not None else ""
    print(f"已导出{result.title}：{result.path}（{result.items} 项{pages}）")
    return EXIT_OK


def _format_from_suffix(out: Path, spec: ExportSpec) -> ExportFormat | None:
    suffix = out.suffix.lower().lstrip(".")
    for fmt in spec.formats:
        if fmt.value == suffix:
            return fmt
    return spec.formats[0] if len(spec.formats) == 1 else None


def _export_cards(args: argparse.Namespace) -> int:
    from dualprev.services.post_card_service import export_cards

    out = Path(args.out).expanduser().resolve()
    db = open_database(_require_db(args), create=False)
    try:
        result = export_cards(
            db, out, size=args.size, post_names=args.post, two_up=args.two_up, actor="命令行"
        )
    finally:
        db.close()
    print(f"已导出岗位安全风险告知卡：{result.path}（{len(result.cards)} 张，{result.pages} 页）")
    for skipped in result.skipped:
        print(f"未导出：{skipped.post_name}（{skipped.reason}）", file=sys.stderr)
    if result.did_not_fit:
        names = "、".join(result.did_not_fit)
        print(f"以下告知卡内容较多，在 {args.size} 上续页打印：{names}。建议用 --size A3。", file=sys.stderr)
    return EXIT_OK


def _export_map(args: argparse.Namespace) -> int:
    from dualprev.services.floor_plan_service import export_map

    out = Path(args.out).expanduser().resolve()
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "png"):
        print("参数错误：无法从文件名判断导出格式，请用 --format 指定（pdf、png）", file=sys.stderr)
        return EXIT_USAGE
    db = open_database(_require_db(args), create=False)
    try:
        path = export_map(
            db, out, fmt=fmt, plan_name=args.plan, paper=args.size,
            drawn_by=args.drawn_by, checked_by=args.checked_by,
        )  # fmt: skip
    finally:
        db.close()
    print(f"已导出安全风险四色分布图：{path}")
    return EXIT_OK
