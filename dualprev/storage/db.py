"""Opening a database file: version check, backup, migration, engine with the right pragmas, and
one session per unit of work that commits or rolls back as a whole."""

import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError

# Re-exported: services name the session type without importing sqlmodel (only storage speaks SQL).
from sqlmodel import Session as Session

from dualprev import output_guard
from dualprev.errors import DamagedDatabaseError, StorageError
from dualprev.paths import files_dir_for
from dualprev.storage import archive, migrate, sqlite_errors

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


_WRITE = "dualprev_write"
_TOUCHED = "dualprev_touched"

# The table a data-changing statement writes, whoever built it (ORM flush, Core insert, text SQL).
_WRITTEN_TABLE = re.compile(
    r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)"
    r"\s+[\"`\[]?(\w+)",
    re.IGNORECASE,
)

CommitListener = Callable[[frozenset[str]], None]


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling begins late (before the first INSERT/UPDATE) and would
    # let a status check read outside the write; SQLAlchemy's "begin" event below takes over.
    # https://docs.sqlalchemy.org/en/20/dialects/sqlite.html#serializable-isolation-savepoints-transactional-ddl
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def _begin(conn: Connection) -> None:
    """A write takes the database's write lock at its first statement (waiting up to the busy
    timeout), so what it reads to check a rule cannot change before it commits; a read gets a
    consistent snapshot."""
    mode = "IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "DEFERRED"
    conn.info[_TOUCHED] = set()
    conn.exec_driver_sql(f"BEGIN {mode}")


def _note_written_table(
    conn: Connection, _cursor: Any, statement: str, _params: Any, _context: Any, _many: bool
) -> None:
    written = _WRITTEN_TABLE.match(statement)
    if written:
        conn.info.setdefault(_TOUCHED, set()).add(written.group(1).lower())


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    event.listen(engine, "begin", _begin)
    event.listen(engine, "after_cursor_execute", _note_written_table)
    return engine


def storage_error_message(exc: BaseException) -> str:
    """A one-line Chinese message for an SQLite failure, chosen by its result code."""
    return sqlite_errors.message_for(exc)


@dataclass
class Database:
    """An opened, up-to-date database file and the folder of its images."""

    path: Path
    engine: Engine
    schema_version: int
    backup_path: Path | None = None
    _closed: bool = field(default=False, init=False, repr=False)
    _commit_listeners: list[CommitListener] = field(default_factory=list, init=False, repr=False)
    _listeners_lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    @property
    def files_dir(self) -> Path:
        return files_dir_for(self.path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back everything if it raises.

        It runs in one ``BEGIN IMMEDIATE`` transaction: one writer at a time, and everything it
        reads (a status, the last number) stays as read until it commits. A database busy beyond
        the busy timeout raises StorageError with a clear message.
        """
        session = Session(self.engine.execution_options(**{_WRITE: True}), expire_on_commit=False)
        try:
            yield session
            written = _written_tables(session)
            session.commit()
        except IntegrityError:
            # Services check references before writing; a constraint failure here is a bug.
            session.rollback()
            raise
        except (OperationalError, DatabaseError) as exc:
            session.rollback()
            raise StorageError(storage_error_message(exc)) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
        if written:
            self._announce(written)

    def add_commit_listener(self, listener: CommitListener) -> Callable[[], None]:
        """Call ``listener`` with the names of the tables each committed unit of work wrote (in the
        thread that committed); returns the function that removes it again."""
        with self._listeners_lock:
            self._commit_listeners.append(listener)

        def remove() -> None:
            with self._listeners_lock:
                if listener in self._commit_listeners:
                    self._commit_listeners.remove(listener)

        return remove

    def _announce(self, written: frozenset[str]) -> None:
        with self._listeners_lock:
            listeners = list(self._commit_listeners)
        for listener in listeners:
            listener(written)

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reading only; nothing is committed."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
        except (OperationalError, DatabaseError) as exc:
            raise StorageError(storage_error_message(exc)) from exc
        finally:
            session.close()

    @contextmanager
    def one_transaction(self) -> Iterator["Database"]:
        """A view of this database in which every unit of work shares one transaction.

        For a batch of service calls that must succeed or fail as a whole (the demo factory): each
        ``session()`` and ``read_session()`` of the view is the same session, flushed rather than
        committed when a unit ends, so later units read what earlier ones wrote. Everything commits
        when the block ends and rolls back if it raises. A unit that raises is not undone on its own,
        so an error must end the block.
        """
        with self.session() as shared:
            yield _SharedTransaction(self, shared)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            output_guard.release(self.path)
        self.engine.dispose()

    def __post_init__(self) -> None:
        output_guard.protect(self.path)


class _SharedTransaction(Database):
    """What :meth:`Database.one_transaction` yields."""

    def __init__(self, db: Database, shared: Session) -> None:
        super().__init__(db.path, db.engine, db.schema_version, db.backup_path)
        self._shared = shared

    def __post_init__(self) -> None:
        """The database it is a view of is registered already (see ``output_guard``)."""

    @contextmanager
    def session(self) -> Iterator[Session]:
        yield self._shared
        self._shared.flush()

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        yield self._shared

    @contextmanager
    def one_transaction(self) -> Iterator[Database]:
        yield self

    def close(self) -> None:
        """The engine belongs to the database the view was made from."""


def _written_tables(session: Session) -> frozenset[str]:
    """The tables the session's transaction has written so far (after flushing what is pending)."""
    session.flush()
    if not session.in_transaction():
        return frozenset()
    return frozenset(session.connection().info.get(_TOUCHED, ()))


def open_database(path: Path, *, create: bool = True, check: bool = True) -> Database:
    """Open ``path``, creating it (if ``create``) or upgrading it to the current schema.

    An older schema is archived into the backups folder before the upgrade; a newer one is refused
    with a clear message and the file is left untouched. ``check`` runs SQLite's quick check.
    Raises StorageError for anything unusable, DamagedDatabaseError (naming the newest good backup)
    for a file that is damaged or was left half-upgraded.
    """
    path = Path(path)
    if path.is_dir():
        raise StorageError(f"这是一个文件夹，不是数据库文件：{path}")
    if not path.exists() and not create:
        raise StorageError(f"数据库文件不存在：{path}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"无法创建数据文件夹：{path.parent}（{exc.strerror}）") from exc
    backup = migrate.bring_up_to_date(path, backup=_archive_before_upgrade)
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            if check:
                problems = conn.exec_driver_sql("PRAGMA quick_check").scalars().all()
                if problems != ["ok"]:
                    log.error("quick_check of %s: %s", path, problems[:10])
                    raise _damaged(path)
            else:
                conn.exec_driver_sql("SELECT 1")
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        if sqlite_errors.is_damage(exc):
            raise _damaged(path) from exc
        raise StorageError(storage_error_message(exc)) from exc
    except BaseException:
        engine.dispose()
        raise
    return Database(path=path, engine=engine, schema_version=migrate.head_version(), backup_path=backup)


def _archive_before_upgrade(path: Path, label: str) -> Path:
    return archive.archive_before(path, f"upgrade-{label}")


def _damaged(path: Path) -> DamagedDatabaseError:
    backup = migrate.latest_good_backup(path, None)
    advice = f"可以恢复最近的完好备份：{backup}" if backup else "没有找到完好的自动备份，请从其他备份恢复。"
    return DamagedDatabaseError(
        f"数据库文件已损坏（完整性检查未通过）：{path}。{advice}", path=path, backup=backup
    )


def is_empty(path: Path) -> bool:
    """Whether ``path`` is missing, zero bytes, or a database without any user table."""
    if not path.exists() or path.stat().st_size == 0:
        return True
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            rows = conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            ).fetchall()
    except sqlite3.DatabaseError:
        return False
    return not rows
