"""``dualprev backup``, ``dualprev restore`` and ``dualprev check``: the record as one archive file,
put back byte for byte, and checked for damage, missing and stray files."""

import argparse
import json
import sys
from pathlib import Path

from dualprev.cli.common import EXIT_FAILURE, EXIT_OK, add_db_option, require_db
from dualprev.errors import UserError


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    backup = sub.add_parser("backup", help="把数据库和全部照片、平面图备份为一个 .dpbak 文件")
    add_db_option(backup)
    backup.add_argument("--out", metavar="FILE.dpbak", required=True, help="备份文件（或保存它的文件夹）")
    backup.set_defaults(handler=_backup)

    restore = sub.add_parser("restore", help="用 .dpbak 备份（或升级前的自动备份）恢复数据库")
    add_db_option(restore)
    restore.add_argument("--from", dest="source", metavar="FILE.dpbak", required=True, help="备份文件")
    restore.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    restore.set_defaults(handler=_restore)

    check = sub.add_parser("check", help="检查数据库完整性、外键、缺少的和多余的照片文件（JSON）")
    add_db_option(check)
    check.set_defaults(handler=_check)


def _backup(args: argparse.Namespace) -> int:
    from dualprev.services import archive_service, database_lock
    from dualprev.storage.db import open_database

    path = require_db(args)
    with database_lock.held(path, create=False):
        db = open_database(path, create=False)
        try:
            info = archive_service.create_archive(db, Path(args.out))
        finally:
            db.close()
    print(f"已备份到：{info.path}（{info.size_bytes} 字节，照片和平面图 {info.file_count} 个，已校验）")
    return EXIT_OK


def _restore(args: argparse.Namespace) -> int:
    from dualprev.services import archive_service, database_lock
    from dualprev.storage import archive, migrate

    path = require_db(args)
    source = Path(args.source).expanduser()
    if not source.is_file():
        raise UserError(f"备份文件不存在：{source}")
    with database_lock.held(path, create=True):
        if source.suffix.lower() == archive.SUFFIX:
            info = archive_service.preview(source)
            counts = "，".join(f"{_COUNT_LABELS.get(k, k)} {v}" for k, v in info.counts.items())
            print(
                f"备份：{source}\n企业：{info.enterprise or '（未填写）'}\n"
                f"备份时间：{info.created_at:%Y-%m-%d %H:%M}\n内容：{counts}，照片和平面图文件 {info.file_count} 个"
            )
        elif migrate.is_intact(source):
            print(f"备份：{source}（升级前自动保存的数据库副本，不含照片）")
        else:
            raise UserError(f"不是 dualprev 的备份文件，或文件已损坏：{source}")
        if not args.yes and not _confirm(f"用这份备份替换 {path}？当前数据会先自动备份。[y/N] "):
            print("已取消，未做任何修改。", file=sys.stderr)
            return EXIT_FAILURE
        previous = archive_service.restore_database_copy(path, source)
    print(f"已恢复：{path}")
    if previous is not None:
        print(f"恢复前的数据已保存为：{previous}")
    return EXIT_OK


_COUNT_LABELS = {
    "risk_points": "风险点",
    "hazards": "危险源",
    "hidden_dangers": "隐患",
    "check_records": "排查记录",
    "people": "人员",
    "photos": "照片",
    "floor_plans": "平面图",
}


def _confirm(question: str) -> bool:
    if not sys.stdin or not sys.stdin.isatty():
        raise UserError("恢复会替换当前数据库。确认无误后请加 --yes 重新运行")
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是")


def _check(args: argparse.Namespace) -> int:
    from dualprev.services.integrity_service import check_database

    report = check_database(require_db(args))
    print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    return EXIT_OK if report.ok else EXIT_FAILURE
