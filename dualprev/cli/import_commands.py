"""``dualprev import risk-list|ledger|people FILE``: bring in the spreadsheets a factory already
keeps, and ``dualprev import template KIND`` for a blank one.

An import prints one JSON object (kind, dry_run, rows, created, skipped, duplicates, conflicts,
errors; ``row`` is the 1-based Excel row number). Without ``--partial`` any error means nothing is
written and the exit code is 1; with it the good rows are written and the exit code is 0.
``--dry-run`` writes nothing and reports what the same command would create.
"""

import argparse
import json
from pathlib import Path

from dualprev.cli.common import EXIT_FAILURE, EXIT_OK, Parser, add_db_option, require_db

_KINDS = {"risk-list": "风险分级管控清单（作业活动类、设备设施类，LEC 或 LS）", "ledger": "隐患排查治理台账",
          "people": "人员花名册"}  # fmt: skip


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    command = sub.add_parser("import", help="从 Excel 导入风险分级管控清单、隐患台账、人员花名册")
    kinds = command.add_subparsers(dest="import_kind", metavar="WHAT", required=True, parser_class=Parser)
    for name, help_text in _KINDS.items():
        kind = kinds.add_parser(name, help=help_text)
        kind.add_argument("file", metavar="FILE", help="要导入的 xlsx 文件")
        add_db_option(kind)
        kind.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")
        kind.add_argument("--partial", action="store_true", help="有错误的行跳过，其余行照常导入")
        kind.add_argument(
            "--prefer",
            choices=("factors", "level"),
            default="factors",
            help="评价因素与所列风险等级不一致时以谁为准（默认 factors，冲突仍会列出）",
        )
        kind.add_argument("--mapping", metavar="NAME", default="", help="使用已保存的列对应方案")
        kind.add_argument(
            "--failed-out", metavar="FILE", default=None, help="把出错的行（含“原因”列）存为 xlsx"
        )
        kind.set_defaults(handler=_import)
    template = kinds.add_parser("template", help="生成导入模板（表头、示例行、下拉选项）")
    template.add_argument("kind", choices=tuple(_KINDS), metavar="KIND", help="|".join(_KINDS))
    template.add_argument("--out", metavar="FILE.xlsx", required=True, help="输出文件")
    template.set_defaults(handler=_template)


def _import(args: argparse.Namespace) -> int:
    from dualprev.domain.importing.fields import ImportKind
    from dualprev.domain.importing.risk_rows import Prefer
    from dualprev.services.importing.files import write_failed_file
    from dualprev.services.importing.runner import ImportOptions, run_import

    options = ImportOptions(
        dry_run=args.dry_run, partial=args.partial, prefer=Prefer(args.prefer), mapping_name=args.mapping
    )
    from dualprev.services import database_lock
    from dualprev.storage.db import open_database

    path = require_db(args)
    # A new database is created when there is none yet: importing is how a factory starts. Like every
    # writing command it holds the database's lock, so no open window writes at the same time.
    with database_lock.held(path, create=True):
        db = open_database(path)
        try:
            result = run_import(db, ImportKind(args.import_kind), Path(args.file), options)
        finally:
            db.close()
    if args.failed_out and result.failed:
        write_failed_file(result, Path(args.failed_out).expanduser())
    print(json.dumps(result.report.to_json(), ensure_ascii=False))
    return EXIT_FAILURE if result.report.errors and not args.partial else EXIT_OK


def _template(args: argparse.Namespace) -> int:
    from dualprev.domain.importing.fields import ImportKind
    from dualprev.services.importing.files import write_template_file

    kind = ImportKind(args.kind)
    out = write_template_file(kind, Path(args.out).expanduser().resolve())
    print(f"已生成{kind.label}导入模板：{out}")
    return EXIT_OK
