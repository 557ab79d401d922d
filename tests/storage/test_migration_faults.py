"""A real process killed at every statement of every migration and of creation leaves a file that
is either exactly as it was or fully upgraded, and always opens."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from dualprev.errors import DamagedDatabaseError
from dualprev.storage import migrate
from dualprev.storage.db import open_database
from dualprev.storage.models import Enterprise, Hazard

pytestmark = pytest.mark.real_migrations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(autouse=True)
def _shapes_known() -> None:
    """Work the parent does once, so every child executes the same statements."""
    for revision in migrate.known_revisions():
        migrate.expected_shape(revision)


def _dump(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as conn:
        return list(conn.iterdump())


def test_creation_killed_at_every_statement_leaves_no_file_or_a_complete_one(
    tmp_path: Path, killed_child: Any
) -> None:
    total = killed_child.run(lambda: open_database(tmp_path / "count.sqlite").close(), None)
    assert total is not None and total > 20
    for n in range(1, total + 1):
        path = tmp_path / f"new{n}.sqlite"
        assert killed_child.run(lambda path=path: open_database(path).close(), n) is None
        assert not path.exists() or migrate.is_intact(path, migrate.head_revision())
        if n % 10 == 0 or n == total:
            db = open_database(path)  # a retry creates it and removes the unfinished temporary file
            assert db.schema_version == migrate.head_version()
            db.close()
            assert [p.name for p in tmp_path.glob(f".new{n}.sqlite*")] == []


@pytest.mark.parametrize("revision", ["0001", "0002", "0003"])
def test_upgrade_killed_at_every_statement_leaves_the_old_or_the_new_schema(
    tmp_path: Path, killed_child: Any, revision: str
) -> None:
    fixture = FIXTURES / f"schema_{revision}.sqlite"
    counting = tmp_path / "count.sqlite"
    shutil.copy(fixture, counting)
    total = killed_child.run(lambda: open_database(counting).close(), None)
    assert total is not None and total > 3
    original = _dump(fixture)
    outcomes = {"old": 0, "new": 0}
    sequence: list[bool] = []
    for n in range(1, total + 1):
        work = tmp_path / f"k{n}"
        work.mkdir()
        path = work / "plant.sqlite"
        shutil.copy(fixture, path)
        assert killed_child.run(lambda path=path: open_database(path).close(), n) is None
        found = migrate.read_revision(path)  # never DamagedDatabaseError
        assert found in (revision, migrate.head_revision())
        assert migrate.is_intact(path, found)
        sequence.append(found != revision)
        if found == revision:
            outcomes["old"] += 1
            assert _dump(path) == original
        else:
            outcomes["new"] += 1
        db = open_database(path)
        with db.read_session() as s:
            assert s.exec(select(Enterprise)).one().name == "旧版测试机械厂"
            assert s.exec(select(Hazard)).one().description.startswith("卡盘无防护罩")
        db.close()
    # Old until the one commit, new after it: never anything in between.
    assert outcomes["old"] > 0 and outcomes["new"] > 0
    assert sequence == sorted(sequence)


def _half_upgrade_like_an_older_version(path: Path) -> None:
    """What dualprev ≤ 0.x left when killed in 0003's batch step: the temporary table committed."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE _alembic_tmp_risk_point (id INTEGER NOT NULL PRIMARY KEY)")
        conn.commit()


def test_a_file_left_half_upgraded_is_recognised_with_its_automatic_backup(tmp_path: Path) -> None:
    path = tmp_path / "plant.sqlite"
    shutil.copy(FIXTURES / "schema_0002.sqlite", path)
    backup = migrate.backup_file(path, "v2")
    _half_upgrade_like_an_older_version(path)
    before = path.read_bytes()
    for _ in range(3):  # retrying neither changes the file nor piles up more "backups"
        with pytest.raises(DamagedDatabaseError, match="升级时被中断") as caught:
            open_database(path)
        assert caught.value.backup == backup
        assert str(backup) in caught.value.message
    assert path.read_bytes() == before
    assert migrate.legacy_backups(path) == [backup]

    aside = migrate.repair_from_backup(path, backup)  # what the user consents to
    assert aside is not None and aside.read_bytes() == before
    db = open_database(path)
    with db.read_session() as s:
        assert s.exec(select(Enterprise)).one().name == "旧版测试机械厂"
    db.close()


def test_a_file_left_half_created_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "plant.sqlite"
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        conn.execute("CREATE TABLE enterprise (id INTEGER PRIMARY KEY)")
        conn.commit()
    with pytest.raises(DamagedDatabaseError, match="创建时被中断") as caught:
        open_database(path)
    assert caught.value.backup is None
    migrate.repair_from_backup(path, None)  # nothing was in it: created again
    open_database(path).close()
    assert migrate.read_revision(path) == migrate.head_revision()
