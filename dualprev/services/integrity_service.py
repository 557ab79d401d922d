"""``dualprev check``: is the record whole? SQLite's integrity and foreign-key checks, photo and
plan files the database names but the folder lacks, and files in the folder nothing refers to."""

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from dualprev.paths import files_dir_for
from dualprev.storage import archive, sqlite_errors

_FILE_COLUMNS = (("photo", "file_name"), ("photo", "thumb_name"), ("floor_plan", "file_name"))


@dataclass(frozen=True)
class CheckReport:
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_json(self) -> dict[str, object]:
        return {"ok": self.ok, "problems": list(self.problems)}


def check_database(db_path: Path) -> CheckReport:
    """Check ``db_path`` read-only; each problem is one Chinese line. Changes nothing."""
    db_path = Path(db_path)
    if not db_path.is_file():
        return CheckReport([f"数据库文件不存在：{db_path}"])
    problems: list[str] = []
    referenced: set[str] = set()
    try:
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
            result = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if result != ["ok"]:
                problems.extend(f"完整性检查：{line}" for line in result[:50])
            for table, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check").fetchall()[:50]:
                problems.append(f"外键：{table} 第 {rowid} 行引用的 {parent} 记录不存在")
            tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            for table, column in _FILE_COLUMNS:
                if table not in tables:
                    continue
                for (name,) in conn.execute(f'SELECT "{column}" FROM "{table}" WHERE "{column}" != \'\''):
                    referenced.add(str(name))
    except sqlite3.DatabaseError as exc:
        return CheckReport([*problems, f"无法读取数据库：{sqlite_errors.message_for(exc)}"])
    files_dir = files_dir_for(db_path)
    for name in sorted(referenced):
        if not archive.safe_member_name(name):
            problems.append(f"不安全的文件名（指向照片文件夹以外）：{name}")
        elif not (files_dir / name).is_file():
            problems.append(f"缺少文件：{name}")
    if files_dir.is_dir():
        for path in sorted(files_dir.rglob("*")):
            relative = path.relative_to(files_dir).as_posix()
            if path.is_file() and relative not in referenced:
                problems.append(f"多余文件（没有记录引用）：{relative}")
    return CheckReport(problems)


def is_intact(db_path: Path) -> bool:
    """SQLite's quick check on ``db_path``, read-only (for the crash dialog)."""
    try:
        with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
            return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    except sqlite3.DatabaseError:
        return False
