"""Schema versions through alembic. Revisions are numbered ``0001``, ``0002``…; the integer is the
schema version that ``dualprev info`` reports.

The version check reads the file read-only first, so a database made by a newer dualprev (or a
file that is no database at all) is refused before anything touches it.

Every upgrade is one SQLite transaction on one connection: SQLite's DDL is transactional once
pysqlite stops managing transactions itself, so a crash leaves the file exactly as it was. A new
file is built under a temporary name beside the target and renamed into place only when complete.
A file that an older dualprev left half-upgraded (its schema does not match its recorded revision)
is recognised and refused with the backup that can replace it.
"""

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing, suppress
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool, StaticPool

from dualprev.errors import DamagedDatabaseError, StorageError
from dualprev.paths import migrations_dir
from dualprev.storage import archive, sqlite_errors
from dualprev.storage.fsync import fsync_dir, fsync_file

log = logging.getLogger(__name__)

BACKUP_MARK = ".backup-"
NEW_FILE_MARK = ".new-"
_TMP_TABLE_PREFIX = "_alembic_tmp_"
_INDEXES = "<indexes>"

SEARCH_INDEX = "hidden_danger_search"
"""The FTS5 keyword index of the ledger (migration 0004): kept by triggers, not a model table."""

BackupHook = Callable[[Path, str], Path]
"""Makes a verified backup of the database at the path before an upgrade; the label says why."""


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


def is_model_table(name: str) -> bool:
    """Whether the table ``name`` is one of the models' (the search index and the shadow tables
    FTS5 keeps for it are not: autogenerate and schema comparisons leave them out)."""
    return name != SEARCH_INDEX and not name.startswith(f"{SEARCH_INDEX}_")


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise RuntimeError("no migrations found")
    return head


def head_version() -> int:
    return revision_to_version(head_revision())


def revision_to_version(revision: str) -> int:
    try:
        return int(revision.split("_", 1)[0])
    except ValueError:
        raise StorageError(f"无法识别的数据库结构版本：{revision!r}，文件未做任何修改。") from None


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


# --- one transaction for the whole migration ------------------------------------------------------


def transactional_engine(url: str, *, static: bool = False) -> Engine:
    """An engine whose transactions are real SQLite transactions that include DDL.

    pysqlite's own transaction handling commits before DDL; with ``isolation_level=None`` it stays
    out of the way and the ``begin`` event issues ``BEGIN IMMEDIATE`` (taking the write lock at once).
    Foreign keys are switched off on connect because the pragma is ignored inside a transaction and
    batch migrations recreate tables, which would fire cascades.
    """
    engine = create_engine(url, poolclass=StaticPool if static else NullPool)

    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=OFF")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(engine, "connect", _connect)
    event.listen(engine, "begin", _begin)
    return engine


def _run_upgrade(engine: Engine, target: str) -> None:
    with engine.begin() as conn:
        config = alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, target)


# --- what a file holds -------------------------------------------------------------------------------

Shape = dict[str, tuple[str, ...]]


def _shape(conn: sqlite3.Connection) -> Shape:
    """Table → sorted column names, plus the index names; enough to tell schema revisions apart."""
    tables = [
        str(r[0])
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    shape: Shape = {
        table: tuple(sorted(str(r[1]) for r in conn.execute(f'PRAGMA table_info("{table}")').fetchall()))
        for table in tables
    }
    indexes = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='index' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    shape[_INDEXES] = tuple(sorted(str(r[0]) for r in indexes))
    return shape


@cache
def expected_shape(revision: str) -> Shape:
    """The schema shape a file at ``revision`` has, built once in memory."""
    engine = transactional_engine("sqlite://", static=True)
    try:
        _run_upgrade(engine, revision)
        with engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert isinstance(raw, sqlite3.Connection)
            return _shape(raw)
    finally:
        engine.dispose()


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def read_revision(path: Path) -> str | None:
    """The schema revision stored in ``path``; None for a new or empty file.

    Raises StorageError for a file that is not an SQLite database or holds foreign tables, and
    DamagedDatabaseError for one whose creation or upgrade an older version left unfinished.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with closing(_open_read_only(path)) as conn:
            shape = _shape(conn)
            revision: str | None = None
            if "alembic_version" in shape:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = str(row[0]) if row and row[0] is not None else None
    except sqlite3.DatabaseError as exc:
        if sqlite_errors.is_damage(exc):
            raise StorageError(
                f"文件不是有效的 dualprev 数据库：{path}。{sqlite_errors.message_for(exc)}"
            ) from exc
        raise StorageError(f"{sqlite_errors.message_for(exc)}文件：{path}") from exc
    user_tables = {t for t in shape if t not in (_INDEXES, "alembic_version")}
    if revision is None:
        if not user_tables:
            return None
        head_tables = set(expected_shape(head_revision()))
        if "alembic_version" in shape or user_tables <= head_tables:
            if _holds_rows(path):
                raise _damaged(
                    path,
                    None,
                    "数据库缺少结构版本记录（alembic_version 为空），无法确定如何打开，文件未做任何修改。",
                    any_backup=True,
                )
            raise _damaged(path, None, "数据库创建时被中断，文件不完整。")
        raise StorageError(f"该文件不是 dualprev 的数据库（含有其他程序的数据表）：{path}")
    if revision in known_revisions() and shape != expected_shape(revision):
        raise _damaged(
            path,
            revision,
            f"数据库结构升级时被中断（可能是旧版程序升级时断电或崩溃），文件结构与版本 "
            f"{revision_to_version(revision)} 不符。",
        )
    return revision


def _damaged(
    path: Path, revision: str | None, reason: str, *, any_backup: bool = False
) -> DamagedDatabaseError:
    backup = latest_good_backup(path, revision) if revision is not None or any_backup else None
    if backup is not None:
        advice = f"可以用自动备份恢复：{backup}"
    elif any_backup:
        advice = "没有找到可用的自动备份，请从其他备份恢复。"
    elif revision is None:
        advice = "文件中还没有任何数据，可以重新创建。"
        return DamagedDatabaseError(f"{reason}{advice}", path=path, backup=None, recreate=True)
    else:
        advice = "没有找到可用的自动备份，请从其他备份恢复。"
    return DamagedDatabaseError(f"{reason}{advice}", path=path, backup=backup)


def is_intact(path: Path, revision: str | None = None) -> bool:
    """Whether ``path`` passes SQLite's integrity check and (if given) matches ``revision``'s schema."""
    try:
        with closing(_open_read_only(path)) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                return False
            if revision is None:
                return True
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row == (revision,) and _shape(conn) == expected_shape(revision)
    except sqlite3.DatabaseError:
        return False


def legacy_backups(path: Path) -> list[Path]:
    """The ``<stem>.backup-*`` copies made beside ``path`` before upgrades, newest first."""
    if not path.parent.is_dir():
        return []
    found = [p for p in path.parent.glob(f"{path.stem}{BACKUP_MARK}*") if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def latest_good_backup(path: Path, revision: str | None) -> Path | None:
    """The newest automatic backup of ``path`` that verifies (and is at ``revision`` if given):
    an archive from its backups folder or a copy an older version made beside it."""
    candidates = legacy_backups(path) + archive.automatic_archives(path)
    candidates.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    for candidate in candidates:
        if candidate.suffix == archive.SUFFIX:
            with suppress(StorageError):
                info = archive.read_archive(candidate)
                if revision is None or info.schema_revision == revision:
                    return candidate
        elif is_intact(candidate, revision):
            return candidate
    return None


# --- copies made with the SQLite backup API ---------------------------------------------------------


def copy_database(source: Path, target: Path) -> None:
    """Copy ``source`` consistently (SQLite online backup API) to ``target`` atomically.

    The copy is written under a temporary name, switched to a rollback journal (so it is one file),
    fsynced, checked and then renamed; ``target`` is either untouched or the complete copy.
    """
    tmp = target.with_name(f".{target.name}{NEW_FILE_MARK}{os.getpid()}")
    try:
        with closing(_open_read_only(source)) as src, closing(sqlite3.connect(tmp)) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
            if dst.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise StorageError(f"数据库文件已损坏，无法复制：{source}")
        fsync_file(tmp)
        os.replace(tmp, target)
        fsync_dir(target.parent)
    except BaseException:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
            Path(f"{tmp}-journal").unlink(missing_ok=True)
        raise


def backup_file(path: Path, label: str) -> Path:
    """Copy ``path`` to a timestamped ``<stem>.backup-<label>-<stamp>`` file beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}{BACKUP_MARK}{label}-{stamp}{path.suffix or '.sqlite'}")
    try:
        copy_database(path, target)
    except (sqlite3.Error, OSError) as exc:
        raise StorageError(f"升级前备份数据库失败，未做任何修改：{_reason(exc)}") from exc
    return target


def _reason(exc: BaseException) -> str:
    if isinstance(exc, sqlite3.Error | DBAPIError):
        return sqlite_errors.message_for(exc)
    return str(getattr(exc, "strerror", None) or exc)


# --- create / upgrade ------------------------------------------------------------------------------


def bring_up_to_date(path: Path, *, backup: BackupHook | None = None) -> Path | None:
    """Create or upgrade ``path`` to the head schema; returns the backup made before an upgrade.

    ``backup`` makes that backup (default: a plain copy beside the file). Raises StorageError when
    the file is unusable or too new, DamagedDatabaseError when an older version left it half done.
    """
    current = read_revision(path)
    head = head_revision()
    if current == head:
        return None
    if current is None:
        _create(path, head)
        return None
    if current not in known_revisions():
        if revision_to_version(current) > revision_to_version(head):
            raise StorageError(
                f"该数据库由更新版本的 dualprev 创建（结构版本 {revision_to_version(current)}），"
                f"当前程序只支持到版本 {revision_to_version(head)}。请升级程序后再打开，文件未做任何修改。"
            )
        raise StorageError(f"无法识别的数据库结构版本：{current}，文件未做任何修改。")
    label = f"v{revision_to_version(current)}"
    made = (backup or backup_file)(path, label)
    log.info("upgrading %s from %s to %s; backup at %s", path, current, head, made)
    _upgrade(path, head)
    return made


def _upgrade(path: Path, target: str) -> None:
    engine = transactional_engine(f"sqlite:///{path}")
    try:
        _run_upgrade(engine, target)
    except (sqlite3.Error, DBAPIError) as exc:
        raise StorageError(f"数据库升级失败，文件保持升级前的状态：{_reason(exc)}") from exc
    finally:
        engine.dispose()


def _create(path: Path, target: str) -> None:
    """Build a new database under a temporary name and move it into place only when complete."""
    for stale in path.parent.glob(f".{path.name}{NEW_FILE_MARK}*"):
        with suppress(OSError):
            stale.unlink()
    tmp = path.with_name(f".{path.name}{NEW_FILE_MARK}{os.getpid()}")
    engine = transactional_engine(f"sqlite:///{tmp}")
    try:
        _run_upgrade(engine, target)
        engine.dispose()
        fsync_file(tmp)
        _move_into_place(tmp, path)
        fsync_dir(path.parent)
    except (sqlite3.Error, DBAPIError, OSError) as exc:
        raise StorageError(f"无法创建数据库文件 {path}：{_reason(exc)}") from exc
    finally:
        engine.dispose()
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
            Path(f"{tmp}-journal").unlink(missing_ok=True)


def _move_into_place(tmp: Path, path: Path) -> None:
    if path.exists():
        # An empty placeholder: a journal left beside it would be replayed into the new file.
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, path)
        return
    try:
        # A hard link never replaces a file another process created meanwhile.
        os.link(tmp, path)
    except FileExistsError:
        log.info("%s was created by another process meanwhile", path)
    except OSError:
        os.replace(tmp, path)  # file systems without hard links (FAT on a USB stick)


# --- putting a backup in place ---------------------------------------------------------------------

DAMAGED_MARK = ".damaged-"


def settle_journal(path: Path) -> None:
    """Fold a WAL into ``path`` and switch to a rollback journal, so the file stands alone.

    A file that cannot be opened is left as it is; its WAL then stays beside it, and the caller
    keeps both.
    """
    if not path.exists():
        return
    with suppress(sqlite3.Error), closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute("PRAGMA busy_timeout=5000")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")


def set_aside(path: Path) -> Path | None:
    """Copy ``path`` (and a WAL that could not be folded in) to ``<stem>.damaged-<stamp>`` beside it."""
    if not path.exists():
        return None
    settle_journal(path)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}{DAMAGED_MARK}{stamp}{path.suffix or '.sqlite'}")
    try:
        shutil.copy2(path, aside)
        for suffix in ("-wal", "-shm", "-journal"):
            extra = Path(f"{path}{suffix}")
            if extra.exists():
                shutil.copy2(extra, f"{aside}{suffix}")
    except OSError as exc:
        raise StorageError(f"无法保留原数据库文件的副本，未做任何修改：{_reason(exc)}") from exc
    return aside


def replace_database(path: Path, source: Path) -> None:
    """Make ``path`` a byte-for-byte copy of the database ``source``, atomically.

    Whatever journal ``path`` had is folded in or removed first: a WAL left beside the new file
    would be replayed into it. Every connection to ``path`` must be closed.
    """
    tmp = path.with_name(f".{path.name}{NEW_FILE_MARK}{os.getpid()}")
    try:
        shutil.copyfile(source, tmp)
        fsync_file(tmp)
        if not is_intact(tmp):
            raise StorageError(f"用于恢复的数据库已损坏，未做任何修改：{source}")
        settle_journal(path)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except (sqlite3.Error, OSError) as exc:
        raise StorageError(f"无法写入数据库文件 {path}：{_reason(exc)}") from exc
    finally:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)


def repair_from_backup(path: Path, backup: Path | None) -> Path | None:
    """Replace a damaged ``path`` with ``backup`` (or, for an unfinished creation without data,
    with nothing, so it is created again). The damaged file is kept beside it; returns that copy."""
    if backup is not None and not is_intact(backup):
        raise StorageError(f"备份文件已损坏，不能用于恢复：{backup}")
    if backup is None and _holds_rows(path):
        raise StorageError(f"没有可用于恢复的备份：{path}")
    aside = set_aside(path)
    if backup is None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    else:
        replace_database(path, backup)
    log.warning("replaced damaged %s with %s; the damaged file is kept as %s", path, backup, aside)
    return aside


def _holds_rows(path: Path) -> bool:
    try:
        with closing(_open_read_only(path)) as conn:
            tables = [
                str(r[0])
                for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                    "AND name != 'alembic_version'"
                ).fetchall()
            ]
            return any(conn.execute(f'SELECT 1 FROM "{t}" LIMIT 1').fetchone() for t in tables)
    except sqlite3.DatabaseError:
        return True
