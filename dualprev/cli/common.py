"""What every headless command shares: exit codes, the argument parser class, the database option."""

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from dualprev.errors import UserError
from dualprev.paths import db_path_from

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class Parser(argparse.ArgumentParser):
    """argparse with Chinese-friendly errors; still exits 2 on bad arguments."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"参数错误：{message}\n")


class UsageError(Exception):
    """An option value the command cannot use (an impossible date…): exit 2 with this message."""


def add_db_option(parser: argparse.ArgumentParser, help_text: str = "数据库文件") -> None:
    """``--db`` on a subcommand; it may also be given before the command name."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=help_text)


def require_db(args: argparse.Namespace) -> Path:
    try:
        return db_path_from(args.db, None)
    except ValueError:
        raise UserError("请用 --db 指定数据库文件，或设置环境变量 DUALPREV_DB") from None
