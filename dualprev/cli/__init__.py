"""Headless commands over the same services as the GUI.

Exit codes: 0 success, 2 bad arguments (argparse), 1 an expected failure reported as one Chinese
line on stderr. Anything else is a bug: still one line (the traceback with ``DUALPREV_DEBUG=1``).

Each command group is a module with ``register(subparsers)``; a command sets ``handler`` (a
function of the parsed arguments returning the exit code) with ``set_defaults``.
"""

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from dualprev import __version__
from dualprev.cli import (
    database_commands,
    export_commands,
    grade_command,
    import_commands,
    safety_commands,
    serve_command,
    vocabulary_command,
)
from dualprev.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, Parser
from dualprev.errors import DamagedDatabaseError, UserError

__all__ = ["EXIT_FAILURE", "EXIT_OK", "EXIT_USAGE", "build_parser", "parse_args", "run"]

DEBUG_ENV_VAR = "DUALPREV_DEBUG"
"""Set to keep the traceback of an unexpected error instead of the one-line message."""

_COMMAND_GROUPS = (
    database_commands,
    grade_command,
    export_commands,
    safety_commands,
    import_commands,
    vocabulary_command,
    serve_command,
)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="dualprev", description="双重预防机制管理（安全风险分级管控 + 隐患排查治理）")
    parser.add_argument("--version", action="version", version=f"dualprev {__version__}")
    parser.add_argument(
        "--db", metavar="PATH", help="数据库文件（默认：用户数据文件夹；也可用环境变量 DUALPREV_DB）"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in _COMMAND_GROUPS:
        group.register(sub)
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
        code: int = args.handler(args)
        return code
    except DamagedDatabaseError as exc:
        hint = ""
        if exc.backup is not None:
            hint = f' 恢复命令：dualprev restore --db "{exc.path}" --from "{exc.backup}"'
        print(f"错误：{exc.message}{hint}", file=sys.stderr)
        return EXIT_FAILURE
    except UserError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        raise  # the reader went away: dualprev.app.main ends quietly
    except OSError as exc:
        where = f"（{exc.filename}）" if exc.filename else ""
        print(f"错误：文件操作失败{where}：{exc.strerror or exc}", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:
        # A bug. The user still gets one line; DUALPREV_DEBUG=1 shows the traceback.
        if os.environ.get(DEBUG_ENV_VAR):
            raise
        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        print(
            f"错误：程序内部错误（{type(exc).__name__}: {exc}）。请把这一行报告给开发者；"
            f"设置环境变量 {DEBUG_ENV_VAR}=1 后重新运行可看到详细信息。",
            file=sys.stderr,
        )
        return EXIT_FAILURE
