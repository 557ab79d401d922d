"""Migration 0008 (手机端): a schema-4 database upgrades with its data intact and can pair phones."""

import shutil
import sqlite3
from pathlib import Path

from dualprev.domain.phone import PhoneRole
from dualprev.services.phone import devices
from dualprev.storage import migrate
from dualprev.storage.db import open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_schema_4_upgrades_keeps_its_data_and_pairs_a_phone(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0004.sqlite", path)
    people = _rows(path, "SELECT id, name FROM person ORDER BY id")
    dangers = _rows(path, "SELECT number, description, status FROM hidden_danger ORDER BY id")
    assert migrate.read_revision(path) == "0004" and people

    db = open_database(path)
    try:
        assert db.schema_version == migrate.head_version()
        code = devices.create_pairing(db, int(str(people[0][0])), PhoneRole.WORKER, actor="测试")
        paired = devices.pair(db, code.code, "旧库手机")
        assert devices.authenticate(db, paired.token) == paired.session
    finally:
        db.close()
    assert _rows(path, "SELECT id, name FROM person ORDER BY id") == people
    assert _rows(path, "SELECT number, description, status FROM hidden_danger ORDER BY id") == dangers
    assert _rows(path, "SELECT name FROM phone_device") == [("旧库手机",)]
