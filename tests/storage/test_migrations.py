import hashlib
import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import String, create_engine
from sqlalchemy.types import TypeEngine
from sqlmodel import SQLModel, col, select

from dualprev.domain.ledger import LedgerFilter, LedgerSort, LedgerSortKey
from dualprev.errors import StorageError
from dualprev.services.hidden_dangers import ledger
from dualprev.services.info_service import file_info
from dualprev.storage import archive, migrate
from dualprev.storage.db import Database, open_database
from dualprev.storage.models import (
    AccidentTypeRecord,
    Enterprise,
    Evaluation,
    Hazard,
    HazardAccidentType,
    Person,
    RiskPoint,
    Setting,
)

pytestmark = pytest.mark.real_migrations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_reaches_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite")
    assert db.schema_version == migrate.head_version() >= 3
    assert db.backup_path is None
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    db.close()


def test_migrations_produce_the_same_schema_as_the_models(tmp_path: Path) -> None:
    path = tmp_path / "schema.sqlite"
    open_database(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        opts = {"compare_type": _types_differ, "include_name": _model_tables}
        context = MigrationContext.configure(conn, opts=opts)
        diff = compare_metadata(context, SQLModel.metadata)
    engine.dispose()
    assert diff == []


def _model_tables(name: str | None, kind: str, _parent: object) -> bool:
    """The keyword search index (FTS5, kept by triggers) has no model: leave it out."""
    return kind != "table" or migrate.is_model_table(str(name))


def _types_differ(context: object, inspected: object, metadata: object, inspected_type: TypeEngine[object],
                  metadata_type: TypeEngine[object]) -> bool:  # fmt: skip
    """SQLite stores VARCHAR and TEXT alike; compare affinities, and string lengths where given."""
    inspected_kind, metadata_kind = inspected_type._type_affinity, metadata_type._type_affinity
    if issubclass(inspected_kind, String) and issubclass(metadata_kind, String):
        return bool(metadata_type.length and inspected_type.length != metadata_type.length)
    return bool(inspected_kind is not metadata_kind)


def test_reference_data_is_seeded(tmp_path: Path) -> None:
    db = open_database(tmp_path / "ref.sqlite")
    with db.read_session() as s:
        names = [
            r.name
            for r in s.exec(
                select(AccidentTypeRecord).order_by(
                    col(AccidentTypeRecord.vocabulary), col(AccidentTypeRecord.sort_order)
                )
            )
        ]
        settings = {r.key for r in s.exec(select(Setting))}
    db.close()
    assert len(names) == 47
    assert names[:20][0] == "物体打击" and names[19] == "其他伤害" and "其他事故" in names[20:]
    assert {"scheme.LEC", "scheme.LS", "tier_by_level", "accident_vocabulary"} <= settings
    assert file_info(tmp_path / "ref.sqlite").accident_vocabulary == "GB6441-2025"  # a new enterprise


@pytest.mark.parametrize("revision", ["0001", "0002", "0003", "0004", "0010", "0011"])
def test_released_schema_fixture_opens_without_loss(tmp_path: Path, revision: str) -> None:
    """Every released schema keeps a fixture; an older one is backed up, then upgraded."""
    fixture = FIXTURES / f"schema_{revision}.sqlite"
    path = tmp_path / "old.sqlite"
    shutil.copy(fixture, path)
    original = _digest(path)
    assert migrate.read_revision(path) == revision

    db = open_database(path)
    assert db.schema_version == migrate.head_version()
    if int(revision) < migrate.head_version():
        assert db.backup_path is not None and db.backup_path.exists()
        assert archive.read_archive(db.backup_path).schema_revision == revision
    else:
        assert db.backup_path is None
    db.close()

    reopened = open_database(path)
    with reopened.read_session() as s:
        enterprise = s.exec(select(Enterprise)).one()
        person = s.exec(select(Person)).one()
        hazard = s.exec(select(Hazard)).one()
        evaluation = s.exec(select(Evaluation)).one()
        point = s.exec(select(RiskPoint)).one()
        types = s.exec(select(AccidentTypeRecord)).all()
    reopened.close()
    assert enterprise.name == "旧版测试机械厂" and enterprise.uscc == "91350100M000100Y43"
    assert person.name == "张师傅"
    assert hazard.description.startswith("卡盘无防护罩") and int(hazard.current_level or 0) == 3
    assert evaluation.score == "126"
    assert sum(t.vocabulary == "GB6441-1986" for t in types) == 20
    assert sum(t.vocabulary == "GB6441-2025" for t in types) == 27
    # Schema 3 added the record's sign-off: an older risk point has none yet, and keeps its data.
    assert (point.code, point.name, point.asset_no) == ("FX-001", "普通车床", "CA6140-01")
    sign_off = (point.reviewer_name, point.reviewed_on, point.approver_name, point.approved_on)
    assert sign_off == ("", None, "", None)
    assert original == _digest(fixture)  # the fixture itself is untouched


_OLD_HIDDEN_DANGERS = [
    # number, description, location, finder_names, area, risk point, department, rectifier
    ("YH-2026-0001", "卡盘防护罩缺失", "2号车床", "李安全", 1, 1, 2, 1),
    ("YH-2026-0002", "配电箱门未关闭", "东墙", "", None, None, 1, None),
    ("YH-2026-0003", "砂轮机托架间隙过大", "刃磨区", "王建国", 1, None, 2, 1),
]


def _add_hidden_dangers_the_old_way(path: Path) -> None:
    """Hidden dangers written by a schema-3 dualprev (plain SQL: its tables, no search index yet)."""
    with closing(sqlite3.connect(path)) as conn:
        for number, description, location, finders, area, point, department, rectifier in _OLD_HIDDEN_DANGERS:
            conn.execute(
                "INSERT INTO hidden_danger (number, found_on, finder_names, source, source_detail, area_id,"
                " risk_point_id, location, description, category, level, basis, rectification_measures,"
                " responsible_department_id, rectifier_id, deadline, interim_measures, is_immediate,"
                " acceptance_conclusion, status, void_reason, reported_to, note, created_at, updated_at)"
                " VALUES (?, '2026-03-02', ?, 'self_found', '', ?, ?, ?, ?, 'site', 'general', '', '', ?, ?,"
                " '2026-03-09', '', 0, '', 'pending', '', '', '', '2026-03-02 08:00:00', '2026-03-02 08:00:00')",
                (number, finders, area, point, location, description, department, rectifier),
            )
        conn.commit()


def _numbers(db: Database, keyword: str) -> list[str]:
    found = ledger.query(db, LedgerFilter(keyword=keyword), LedgerSort(LedgerSortKey.NUMBER, False),
                         today=date(2026, 11, 20))  # fmt: skip
    return [row.number for row in found.rows]


def test_search_finds_hidden_dangers_written_before_the_upgrade(tmp_path: Path) -> None:
    """0004 indexes what an older version wrote: words of three characters or more through the
    index, shorter ones by LIKE, names through the tables they are kept in."""
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0003.sqlite", path)
    _add_hidden_dangers_the_old_way(path)
    db = open_database(path)
    assert db.backup_path is not None
    with closing(sqlite3.connect(path)) as conn:
        indexed = conn.execute("SELECT count(*) FROM hidden_danger_search").fetchone()[0]
    assert indexed == len(_OLD_HIDDEN_DANGERS)
    assert _numbers(db, "防护罩") == ["YH-2026-0001"]  # a substring inside the description
    assert _numbers(db, "机加工车间") == ["YH-2026-0001", "YH-2026-0003"]  # the area's name
    assert _numbers(db, "张师傅 砂轮机") == ["YH-2026-0003"]  # the rectifier and a word: both
    assert _numbers(db, "配电箱 东墙") == ["YH-2026-0002"]  # a two-character word by LIKE
    assert _numbers(db, "2026-0002") == ["YH-2026-0002"]  # the number
    assert _numbers(db, "冲压") == []
    db.close()


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _digest(path)
    with pytest.raises(StorageError, match="更新版本"):
        open_database(path)
    assert _digest(path) == before
    assert not list(tmp_path.glob("*.backup-*"))


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.sqlite"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 2000)
    before = _digest(path)
    with pytest.raises(StorageError, match="不是有效的"):
        open_database(path)
    assert _digest(path) == before


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(StorageError, match="不是 dualprev 的数据库"):
        open_database(path)


def test_missing_file_is_not_created_when_asked_not_to(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="不存在"):
        open_database(tmp_path / "missing.sqlite", create=False)
    assert not (tmp_path / "missing.sqlite").exists()


def test_schema_0010_file_whose_hazard_names_a_type_keeps_gb6441_1986(tmp_path: Path) -> None:
    """Migration 0011 adds GB 6441-2025 but leaves a factory whose records name 1986 types on 1986."""
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0010.sqlite", path)
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "INSERT INTO hazard_accident_type (hazard_id, accident_type_id) SELECT h.id, a.id FROM hazard h,"
            " accident_type a WHERE a.name = '机械伤害'"
        )
    db = open_database(path)
    with db.read_session() as s:
        linked = s.exec(
            select(AccidentTypeRecord.vocabulary, AccidentTypeRecord.name).join(
                HazardAccidentType, col(HazardAccidentType.accident_type_id) == col(AccidentTypeRecord.id)
            )
        ).all()
    db.close()
    assert linked == [("GB6441-1986", "机械伤害")]
    assert file_info(path).accident_vocabulary == "GB6441-1986"


def _downgrade(path: Path, target: str) -> None:
    from alembic import command

    engine = migrate.transactional_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            config = migrate.alembic_config()
            config.attributes["connection"] = conn
            command.downgrade(config, target)
    finally:
        engine.dispose()


def test_0011_goes_back_to_0010_only_while_no_record_names_a_2025_type(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite"
    open_database(empty).close()
    _downgrade(empty, "0010")
    with closing(sqlite3.connect(empty)) as conn:
        assert conn.execute("SELECT count(*) FROM accident_type").fetchone() == (20,)
        assert conn.execute("SELECT value FROM setting WHERE key = 'accident_vocabulary'").fetchone() == (
            '"GB6441-1986"',
        )

    named = tmp_path / "named.sqlite"
    shutil.copy(FIXTURES / "schema_0011.sqlite", named)
    with closing(sqlite3.connect(named)) as conn, conn:
        conn.execute(
            "INSERT INTO hazard_accident_type (hazard_id, accident_type_id) SELECT h.id, a.id FROM hazard h,"
            " accident_type a WHERE a.name = '机械致害'"
        )
    with pytest.raises(RuntimeError, match="cannot be downgraded"):
        _downgrade(named, "0010")
    with closing(sqlite3.connect(named)) as conn:  # the refused downgrade changed nothing
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0011",)
        assert conn.execute("SELECT count(*) FROM accident_type").fetchone() == (47,)
