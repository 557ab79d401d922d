"""Schema versions through alembic. Revisions are numbered ``0001``, ``0002``…; the integer is the
schema version that ``dualprev info`` reports.

The version check reads the file read-only first, so a database made by a newer dualprev (or a
file that is no database at all) is refused before anything touches it.
"""

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from dualprev.errors import StorageError
from dualprev.paths import migrations_dir

log = logging.getLogger(__name__)


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


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
        raise StorageError(f"无法识别的数据库结构版本：{revision}") from None


def read_revision(path: Path) -> str | None:
    """The schema revision stored in ``path``; None for a new or empty file.

    Raises StorageError for a file that is not an SQLite database or holds foreign tables.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall()
            }
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                return str(row[0]) if row else None
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"文件不是有效的 dualprev 数据库：{path}（{exc}）") from exc
    user_tables = {t for t in tables if not t.startswith("sqlite_")}
    if user_tables:
        raise StorageError(f"该文件不是 dualprev 的数据库（含有其他程序的数据表）：{path}")
    return None


def backup_file(path: Path, label: str) -> Path:
    """Copy ``path`` consistently (SQLite backup API) to a timestamped file beside it."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{label}-{stamp}{path.suffix or '.sqlite'}")
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
    except (sqlite3.Error, OSError) as exc:
        target.unlink(missing_ok=True)
        raise StorageError(f"升级前备份数据库失败，未做任何修改：{exc}") from exc
    return target


def bring_up_to_date(path: Path) -> Path | None:
    """Create or upgrade ``path`` to the head schema; returns the backup made before an upgrade."""
    current = read_revision(path)
    head = head_revision()
    if current == head:
        return None
    backup: Path | None = None
    if current is not None:
        script = ScriptDirectory.from_config(alembic_config())
        known = {rev.revision for rev in script.walk_revisions()}
        if current not in known:
            if revision_to_version(current) > revision_to_version(head):
                raise StorageError(
                    f"该数据库由更新版本的 dualprev 创建（结构版本 {revision_to_version(current)}），"
                    f"当前程序只支持到版本 {revision_to_version(head)}。请升级程序后再打开，文件未做任何修改。"
                )
            raise StorageError(f"无法识别的数据库结构版本：{current}，文件未做任何修改。")
        backup = backup_file(path, f"v{revision_to_version(current)}")
        log.info("upgrading %s from %s to %s; backup at %s", path, current, head, backup)
    _upgrade(path, head)
    return backup


def _upgrade(path: Path, target: str) -> None:
    # Foreign keys stay off while migrating: batch mode recreates tables, which would fire cascades.
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            config = alembic_config()
            config.attributes["connection"] = conn
            command.upgrade(config, target)
    except sqlite3.Error as exc:
        raise StorageError(f"数据库升级失败，请从备份恢复：{exc}") from exc
    finally:
        engine.dispose()
