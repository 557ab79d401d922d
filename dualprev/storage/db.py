"""Opening a database file: version check, backup, migration, engine with the right pragmas, and
one session per unit of work that commits or rolls back as a whole."""

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError
from sqlmodel import Session

from dualprev.errors import StorageError
from dualprev.paths import files_dir_for
from dualprev.storage import migrate, sqlite_errors

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def _set_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
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

    @property
    def files_dir(self) -> Path:
        return files_dir_for(self.path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: commits when the block ends, rolls back everything if it raises."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
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

    def close(self) -> None:
        self.engine.dispose()


def open_database(path: Path, *, create: bool = True) -> Database:
    """Open ``path``, creating it (if ``create``) or upgrading it to the current schema.

    An older schema is backed up beside the file before the upgrade; a newer one is refused with a
    clear message and the file is left untouched. Raises StorageError for anything unusable.
    """
    path = Path(path)
    if not path.exists() and not create:
        raise StorageError(f"数据库文件不存在：{path}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"无法创建数据文件夹：{path.parent}（{exc.strerror}）") from exc
    backup = migrate.bring_up_to_date(path)
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        raise StorageError(storage_error_message(exc)) from exc
    return Database(path=path, engine=engine, schema_version=migrate.head_version(), backup_path=backup)


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
