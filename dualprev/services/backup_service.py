"""The database file as a whole: opening it for the GUI, 数据备份 (a consistent copy made with the
SQLite backup API plus its photo/plan folder), and the automatic backups made beside it before each
schema upgrade."""

import shutil
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dualprev.errors import StorageError
from dualprev.paths import files_dir_for
from dualprev.storage.db import Database, open_database

BACKUP_MARK = ".backup-"


def open_database_file(path: Path) -> Database:
    """Open (creating or upgrading) the database at ``path`` for the GUI, which may not import
    storage itself. An upgrade first writes an automatic backup beside the file. Raises StorageError."""
    return open_database(path)


@dataclass(frozen=True)
class BackupResult:
    database_path: Path
    files_dir: Path | None
    """The copied ``_files`` folder, or None when the database has no files yet."""
    file_count: int
    size_bytes: int


@dataclass(frozen=True)
class BackupFileInfo:
    path: Path
    label: str
    """What the backup was made for, e.g. ``v1`` (before upgrading from schema version 1)."""
    modified_at: datetime
    size_bytes: int


def backup_now(db: Database, folder: Path, *, now: datetime | None = None) -> BackupResult:
    """Copy the database and its files folder into ``folder`` under a timestamped name.

    Writes ``<stem>-备份-YYYYMMDD-HHMMSS.sqlite`` and, when there are files, the folder
    ``<that stem>_files`` beside it, so the copy opens like the original. Raises StorageError with a
    Chinese message when the folder cannot be written; nothing half-written is left behind.
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    folder = Path(folder)
    target = folder / f"{db.path.stem}-备份-{stamp}{db.path.suffix or '.sqlite'}"
    if target.resolve() == db.path.resolve():
        raise StorageError("备份文件不能与当前数据库是同一个文件")
    if target.exists():
        raise StorageError(f"备份文件已存在：{target}。请稍后再试或选择其他文件夹")
    target_files = files_dir_for(target)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # closing(): sqlite3's own context manager commits but never closes, and Windows keeps open
        # files locked.
        with (
            closing(sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(target)) as dst,
        ):
            src.backup(dst)
        copied = 0
        source_files = db.files_dir
        if source_files.is_dir():
            shutil.copytree(source_files, target_files)
            copied = sum(1 for p in target_files.rglob("*") if p.is_file())
    except (sqlite3.Error, OSError) as exc:
        with suppress(OSError):
            target.unlink(missing_ok=True)
        shutil.rmtree(target_files, ignore_errors=True)
        reason = getattr(exc, "strerror", None) or str(exc)
        raise StorageError(f"备份失败，未生成备份文件：{reason}") from exc
    size = target.stat().st_size
    if source_files.is_dir():
        size += sum(p.stat().st_size for p in target_files.rglob("*") if p.is_file())
    return BackupResult(
        database_path=target,
        files_dir=target_files if source_files.is_dir() else None,
        file_count=copied,
        size_bytes=size,
    )


def list_automatic_backups(db_path: Path) -> list[BackupFileInfo]:
    """The ``<stem>.backup-*`` files beside ``db_path`` (made before upgrades), newest first."""
    db_path = Path(db_path)
    if not db_path.parent.is_dir():
        return []
    found: list[BackupFileInfo] = []
    for candidate in db_path.parent.glob(f"{db_path.stem}{BACKUP_MARK}*"):
        if not candidate.is_file():
            continue
        stat = candidate.stat()
        rest = candidate.stem[len(db_path.stem) + len(BACKUP_MARK) :]
        label = rest.split("-", 1)[0] if "-" in rest else rest
        found.append(
            BackupFileInfo(
                path=candidate,
                label=label,
                modified_at=datetime.fromtimestamp(stat.st_mtime),
                size_bytes=stat.st_size,
            )
        )
    return sorted(found, key=lambda b: (b.modified_at, b.path.name), reverse=True)
