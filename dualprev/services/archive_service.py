"""Archives of the whole record (``.dpbak``: database + photos + plans): made by hand to any folder,
automatically once a day and before every upgrade or restore; listed, verified and restored.

A restore first archives the current state, then adds the archive's files to the photo folder,
replaces the database file in one rename and finally removes the files only the old state used; a
crash at any moment leaves a database that opens with every file it refers to.
"""

import logging
import os
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dualprev import output_guard
from dualprev.errors import StorageError
from dualprev.paths import files_dir_for
from dualprev.storage import archive, migrate
from dualprev.storage.archive import ArchiveInfo as ArchiveInfo
from dualprev.storage.db import Database

log = logging.getLogger(__name__)

DEFAULT_KEEP = 10
"""Automatic archives kept per database unless the user chose otherwise."""

REASON_LABELS = {
    "manual": "手动备份",
    "daily": "每日自动备份",
    "restore": "恢复前自动备份",
    "upgrade": "升级前自动备份",
}


def reason_label(reason: str) -> str:
    return REASON_LABELS.get(reason.split("-", 1)[0], reason)


@dataclass(frozen=True)
class ArchiveEntry:
    """An archive file found in a folder (not yet verified)."""

    path: Path
    reason: str
    modified_at: datetime
    size_bytes: int


@dataclass(frozen=True)
class RestoreResult:
    restored: ArchiveInfo
    previous: Path | None
    """The archive (or, for a damaged file, the copy) of the state before the restore."""


def backups_folder(db_path: Path) -> Path:
    return archive.backups_dir_for(db_path)


def create_archive(db: Database, target: Path, *, now: datetime | None = None) -> ArchiveInfo:
    """Archive ``db`` into ``target`` (a ``.dpbak`` file name, or a folder to put one in).

    Refuses a target that is the database, its journals, its photo folder or its backups folder.
    """
    when = now or datetime.now()
    target = Path(target).expanduser()
    output_guard.refuse_inputs(target, [db.path])
    if target.is_dir():
        target = target / archive.archive_name(db.path, "manual", when)
    elif target.suffix.lower() != archive.SUFFIX:
        target = target.with_name(target.name + archive.SUFFIX)
    output_guard.refuse_inputs(target, [db.path])
    if target.exists():
        raise StorageError(f"备份文件已存在：{target}。请换一个文件名")
    return archive.write_archive(db.path, target, reason="manual", now=when)


def list_archives(db_path: Path) -> list[ArchiveEntry]:
    """The automatic archives of ``db_path``, newest first."""
    entries: list[ArchiveEntry] = []
    for path in archive.automatic_archives(db_path):
        parts = path.stem[len(db_path.stem) + 1 :].split("-", 2)
        reason = parts[2] if len(parts) == 3 else ""
        stat = path.stat()
        entries.append(ArchiveEntry(path, reason, datetime.fromtimestamp(stat.st_mtime), stat.st_size))
    return entries


def preview(path: Path) -> ArchiveInfo:
    """Verify ``path`` completely and describe it; raises StorageError for a bad archive."""
    return archive.read_archive(Path(path))


def daily_archive(db: Database, *, keep: int = DEFAULT_KEEP, now: datetime | None = None) -> Path | None:
    """Archive ``db`` unless an automatic archive was already made today; then keep the last ``keep``."""
    when = now or datetime.now()
    today = when.strftime("%Y%m%d")
    for entry in list_archives(db.path):
        if entry.path.name.startswith(f"{db.path.stem}-{today}-"):
            return None
    made = archive.archive_before(db.path, "daily", when)
    prune(db.path, keep=keep)
    return made


def prune(db_path: Path, *, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` automatic archives; returns the ones deleted."""
    removed: list[Path] = []
    for path in archive.automatic_archives(db_path)[max(keep, 1) :]:
        with suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def restore(db_path: Path, source: Path, *, keep: int = DEFAULT_KEEP) -> RestoreResult:
    """Make ``db_path`` and its photo folder what the archive ``source`` holds.

    Every connection to ``db_path`` must be closed. The archive is verified first (a damaged,
    foreign or unsafe one is refused with nothing changed) and the current state is archived (or,
    when it is damaged, copied aside) before anything is replaced.
    """
    db_path = Path(db_path)
    source = Path(source)
    info = preview(source)
    head = migrate.head_version()
    if migrate.revision_to_version(info.schema_revision) > head:
        raise StorageError(
            f"该备份由更新版本的 dualprev 生成（结构版本 {migrate.revision_to_version(info.schema_revision)}），"
            f"当前程序只支持到版本 {head}。请升级程序后再恢复，未做任何修改。"
        )
    previous = _keep_current_state(db_path)
    files_dir = files_dir_for(db_path)
    try:
        kept = archive.extract_files(source, files_dir)
        with tempfile.TemporaryDirectory(prefix="dualprev-restore-", dir=db_path.parent) as scratch:
            extracted = Path(scratch) / archive.DATABASE
            archive.extract_database(source, extracted)
            migrate.replace_database(db_path, extracted)
    except OSError as exc:
        raise StorageError(f"恢复失败，数据库未被替换：{exc.strerror or exc}") from exc
    _remove_files_not_in(files_dir, kept)
    prune(db_path, keep=keep)
    log.info("restored %s from %s; previous state in %s", db_path, source, previous)
    return RestoreResult(restored=info, previous=previous)


def restore_database_copy(db_path: Path, backup: Path | None) -> Path | None:
    """Replace a damaged ``db_path`` with a backup: a ``.dpbak`` archive or a plain database copy
    made before an upgrade by an older version (None: an unfinished new file is made again).
    Returns where the previous state was kept."""
    if backup is not None and backup.suffix.lower() == archive.SUFFIX:
        return restore(db_path, backup).previous
    return migrate.repair_from_backup(db_path, backup)


def _keep_current_state(db_path: Path) -> Path | None:
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    try:
        return archive.archive_before(db_path, "restore")
    except StorageError as exc:
        # A damaged database cannot be archived; a plain copy of it (and its journal) is kept.
        log.warning("archiving %s before the restore failed (%s); copying it aside", db_path, exc)
        return migrate.set_aside(db_path)


def _remove_files_not_in(files_dir: Path, kept: set[str]) -> None:
    if not files_dir.is_dir():
        return
    for path in sorted(files_dir.rglob("*"), reverse=True):
        relative = path.relative_to(files_dir).as_posix()
        with suppress(OSError):
            if path.is_file() and relative not in kept:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                os.rmdir(path)
