import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from dualprev.errors import StorageError
from dualprev.services import backup_service
from dualprev.services import organisation_service as org
from dualprev.storage.db import Database, open_database

NOW = datetime(2026, 6, 15, 9, 30, 5)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = backup_service.open_database_file(tmp_path / "live" / "factory.sqlite")
    org.save_enterprise(database, org.EnterpriseProfile(name="恒锐机械"), actor="t")
    yield database
    database.close()


def test_backup_copies_database_and_files_folder(db: Database, tmp_path: Path) -> None:
    db.files_dir.mkdir()
    (db.files_dir / "ab").mkdir()
    (db.files_dir / "ab" / "photo.jpg").write_bytes(b"\xff\xd8photo")
    # A write that is still in the WAL must be in the copy too.
    org.save_enterprise(db, org.EnterpriseProfile(name="恒锐精密机械"), actor="t")
    result = backup_service.backup_now(db, tmp_path / "usb", now=NOW)
    assert result.database_path == tmp_path / "usb" / "factory-备份-20260615-093005.sqlite"
    assert result.files_dir == tmp_path / "usb" / "factory-备份-20260615-093005_files"
    assert result.file_count == 1
    assert (result.files_dir / "ab" / "photo.jpg").read_bytes() == b"\xff\xd8photo"
    assert result.size_bytes >= result.database_path.stat().st_size
    copy = open_database(result.database_path, create=False)
    try:
        profile = org.get_enterprise(copy)
        assert profile is not None and profile.name == "恒锐精密机械"
    finally:
        copy.close()


def test_backup_without_files_folder(db: Database, tmp_path: Path) -> None:
    result = backup_service.backup_now(db, tmp_path / "usb", now=NOW)
    assert result.files_dir is None and result.file_count == 0
    with sqlite3.connect(result.database_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_backup_refuses_to_overwrite(db: Database, tmp_path: Path) -> None:
    backup_service.backup_now(db, tmp_path / "usb", now=NOW)
    with pytest.raises(StorageError, match="备份文件已存在"):
        backup_service.backup_now(db, tmp_path / "usb", now=NOW)


def test_unwritable_target_leaves_nothing_behind(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="备份失败"):
        backup_service.backup_now(db, blocker, now=NOW)
    assert blocker.read_text() == "x"


def test_automatic_backups_are_listed_newest_first(db: Database, tmp_path: Path) -> None:
    live = db.path.parent
    old = live / "factory.backup-v1-20260101-080000.sqlite"
    new = live / "factory.backup-v2-20260301-080000.sqlite"
    other = live / "another.backup-v1-20260101-080000.sqlite"
    for i, path in enumerate((old, new, other)):
        path.write_bytes(b"x" * (10 + i))
    import os

    os.utime(old, (1_700_000_000, 1_700_000_000))
    os.utime(new, (1_800_000_000, 1_800_000_000))
    backups = backup_service.list_automatic_backups(db.path)
    assert [b.path for b in backups] == [new, old]
    assert [b.label for b in backups] == ["v2", "v1"]
    assert backups[0].size_bytes == 11


def test_no_backups_and_missing_folder(tmp_path: Path) -> None:
    assert backup_service.list_automatic_backups(tmp_path / "factory.sqlite") == []
    assert backup_service.list_automatic_backups(tmp_path / "missing" / "factory.sqlite") == []


def test_open_database_file_reports_a_foreign_file(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"junk" * 1000)
    with pytest.raises(StorageError):
        backup_service.open_database_file(path)
