"""``dualprev demo`` and ``dualprev info``: create the demo database, summarise a database."""

import argparse
import json
import shutil
from dataclasses import asdict, is_dataclass
from datetime import date
from pathlib import Path

from dualprev.cli.common import EXIT_OK, add_db_option, require_db
from dualprev.errors import UserError
from dualprev.paths import files_dir_for


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    demo = sub.add_parser("demo", help="创建含示例企业数据的数据库")
    add_db_option(demo, "要创建的数据库文件")
    demo.add_argument("--force", action="store_true", help="覆盖已有的非空数据库文件")
    demo.set_defaults(handler=lambda args: _demo(require_db(args), force=args.force))

    info = sub.add_parser("info", help="以 JSON 输出数据库概况")
    add_db_option(info)
    info.set_defaults(handler=lambda args: _info(require_db(args)))


def _demo(path: Path, *, force: bool) -> int:
    from dualprev.services import database_lock

    with database_lock.held(path, create=True):
        return _build_demo(path, force=force)


def _build_demo(path: Path, *, force: bool) -> int:
    from dualprev.demo.builder import build_demo
    from dualprev.storage.db import is_empty, open_database

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
    from dualprev.services.info_service import file_info

    info = file_info(path)
    print(json.dumps(info.to_json(), ensure_ascii=False, indent=2))
    return EXIT_OK
