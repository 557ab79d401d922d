"""backup_service: the GUI's way to open a database file."""

from pathlib import Path

import pytest

from dualprev.errors import StorageError
from dualprev.services import backup_service
from dualprev.services import organisation_service as org


def test_open_database_file_creates_a_usable_database(tmp_path: Path) -> None:
    db = backup_service.open_database_file(tmp_path / "live" / "factory.sqlite")
    try:
        org.save_enterprise(db, org.EnterpriseProfile(name="恒锐机械"), actor="t")
        profile = org.get_enterprise(db)
        assert profile is not None and profile.name == "恒锐机械"
    finally:
        db.close()


def test_open_database_file_reports_a_foreign_file(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"junk" * 1000)
    with pytest.raises(StorageError):
        backup_service.open_database_file(path)
