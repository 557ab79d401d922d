"""``dualprev accident-types``: the enterprise's 事故类型分类标准 and the move to GB 6441-2025.

Without ``--switch`` it only reads: the vocabulary in use, its types, and what a switch would do.
``--switch GB6441-2025`` moves every record in one transaction; ``--map 旧类型=新类型[+新类型]``
picks where a split 1986 type goes (for 其他爆炸: the records whose words name no kind).
"""

import argparse
import json
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dualprev.cli.common import EXIT_OK, EXIT_USAGE, UsageError, add_db_option, require_db

if TYPE_CHECKING:
    from dualprev.storage.db import Database

SWITCH_TARGET = "GB6441-2025"
CLI_ACTOR = "命令行"


def register(sub: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    command = sub.add_parser(
        "accident-types",
        help="事故类型分类标准：查看使用的分类，及切换到 GB 6441-2025（JSON）",
        description="不加 --switch 时只查看；加 --switch GB6441-2025 时把全部危险源和隐患的事故类型按对应关系改为新分类。",
    )
    add_db_option(command)
    command.add_argument("--switch", choices=(SWITCH_TARGET,), help="切换到的分类标准")
    command.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="旧类型=新类型",
        help="指定 GB 6441-1986 类型的对应类别，可重复；多个新类别用 + 连接，如 中毒和窒息=中毒+窒息",
    )
    command.add_argument("--actor", default=CLI_ACTOR, help="记入操作日志的操作人（默认：命令行）")
    command.set_defaults(handler=_run)


def parse_maps(values: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """``["其他爆炸=粉尘爆炸", "中毒和窒息=中毒+窒息"]`` → {1986 name: 2025 names}."""
    choices: dict[str, tuple[str, ...]] = {}
    for value in values:
        # NFKC: the full-width ＝ ＋ （） a Chinese keyboard types are the ASCII ones.
        old, sep, new = unicodedata.normalize("NFKC", value).partition("=")
        targets = tuple(t.strip() for t in new.split("+") if t.strip())
        if not sep or not old.strip() or not targets:
            raise UsageError(f"--map 应写成 旧类型=新类型，如 其他爆炸=粉尘爆炸：{value}")
        choices[old.strip()] = targets
    return choices


def _run(args: argparse.Namespace) -> int:
    path = require_db(args)
    try:
        choices = parse_maps(args.map)
        if choices and not args.switch:
            raise UsageError("--map 只与 --switch 一起使用")
    except UsageError as exc:
        print(f"参数错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.switch:
        return _switch(path, choices, args.actor)
    from dualprev.storage.db import open_database

    db = open_database(path, create=False)
    try:
        print(json.dumps(status_json(db), ensure_ascii=False, indent=2))
    finally:
        db.close()
    return EXIT_OK


def _switch(path: Path, choices: dict[str, tuple[str, ...]], actor: str) -> int:
    from dualprev.errors import UserError, ValidationError
    from dualprev.services import database_lock
    from dualprev.services.risks.vocabulary_switch import switch_to_2025
    from dualprev.storage.db import open_database

    with database_lock.held(path, create=False):
        db = open_database(path, create=False)
        try:
            try:
                result = switch_to_2025(db, choices, actor=actor)
            except ValidationError as exc:
                if exc.field == "其他爆炸":
                    raise UserError(f"{exc.message}（命令行用 --map 其他爆炸=粉尘爆炸 这样指定）") from None
                raise
            status = status_json(db)
        finally:
            db.close()
    status["switched"] = {
        "hazards": result.hazards,
        "hidden_dangers": result.hidden_dangers,
        "mapping": dict(result.by_type),
    }
    print(json.dumps(status, ensure_ascii=False, indent=2))
    return EXIT_OK


def status_json(db: "Database") -> dict[str, object]:
    from dualprev.domain.accident_type_mapping import choice_label
    from dualprev.domain.vocabularies import GB6441_2025, GB6441_2025_VERIFIED, vocabulary_title
    from dualprev.services.risks import accident_types
    from dualprev.services.risks.vocabulary_switch import switch_plan

    plan = switch_plan(db)
    return {
        "accident_vocabulary": plan.current,
        "title": vocabulary_title(plan.current),
        "verified": plan.current != GB6441_2025 or GB6441_2025_VERIFIED,
        "types": [{"code": t.code, "name": t.name} for t in accident_types.accident_type_options(db)],
        "types_in_use_1986": [
            {
                "name": t.name,
                "hazards": t.hazards,
                "hidden_dangers": t.hidden_dangers,
                "becomes": choice_label(t.default) if t.default else "按文字判定",
                "choices": [choice_label(c) for c in t.choices],
                "decided_by_words": t.decided_by_words,
                "undecided": list(t.undecided),
            }
            for t in plan.types
        ],
        "needs_choice": list(plan.needs_choice),
    }
