from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from dualprev.domain.risk import RiskPointKind
from dualprev.errors import StorageError
from dualprev.storage.db import open_database, storage_error_message
from dualprev.storage.files import FileStore
from dualprev.storage.models import Department, Enterprise, Hazard, RiskPoint


def test_a_failed_unit_of_work_writes_nothing(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with pytest.raises(RuntimeError), db.session() as s:
        s.add(Enterprise(name="半途而废"))
        s.flush()
        raise RuntimeError("boom")
    with db.read_session() as s:
        assert s.exec(select(Enterprise)).all() == []
    db.close()


def test_one_transaction_commits_its_units_together(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with db.one_transaction() as tx:
        with tx.session() as s:
            s.add(Department(name="生产部"))
        with tx.read_session() as s:
            assert [d.name for d in s.exec(select(Department)).all()] == ["生产部"]
        with db.read_session() as outside:
            assert outside.exec(select(Department)).all() == []  # not committed yet
        with tx.session() as s:
            s.add(Department(name="安全环保部"))
    with db.read_session() as s:
        assert sorted(d.name for d in s.exec(select(Department)).all()) == ["安全环保部", "生产部"]
    db.close()


def test_one_transaction_rolls_back_every_unit_when_it_fails(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with pytest.raises(RuntimeError), db.one_transaction() as tx:
        with tx.session() as s:
            s.add(Department(name="生产部"))
        with tx.session() as s:
            raise RuntimeError("boom")
    with db.read_session() as s:
        assert s.exec(select(Department)).all() == []
    db.close()


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(Hazard(risk_point_id=999, description="无主危险源"))
    db.close()


def test_deleting_a_risk_point_cascades_to_its_hazards(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with db.session() as s:
        rp = RiskPoint(name="冲床", kind=RiskPointKind.EQUIPMENT)
        s.add(rp)
        s.flush()
        s.add(Hazard(risk_point_id=rp.id, description="双手进入模区"))
    with db.session() as s:
        s.delete(s.exec(select(RiskPoint)).one())
    with db.read_session() as s:
        assert s.exec(select(Hazard)).all() == []
    db.close()


def test_enums_are_stored_by_value(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with db.session() as s:
        s.add(RiskPoint(name="喷漆作业", kind=RiskPointKind.ACTIVITY))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT kind FROM risk_point").scalar() == "activity"
    with db.read_session() as s:
        assert s.exec(select(RiskPoint)).one().kind is RiskPointKind.ACTIVITY
    db.close()


def test_department_in_use_cannot_be_deleted_at_the_database_level(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with db.session() as s:
        parent = Department(name="生产部")
        s.add(parent)
        s.flush()
        s.add(Department(name="机加工车间", parent_id=parent.id))
    with pytest.raises(IntegrityError), db.session() as s:
        s.delete(s.exec(select(Department).where(Department.name == "生产部")).one())
    db.close()


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("database or disk is full", "磁盘空间不足"),
        ("database is locked", "占用"),
        ("attempt to write a readonly database", "只读"),
        ("file is not a database", "损坏"),
    ],
)
def test_storage_errors_become_chinese_messages(raw: str, fragment: str) -> None:
    assert fragment in storage_error_message(Exception(raw))


def test_session_maps_operational_errors_to_storage_error(tmp_path: Path) -> None:
    db = open_database(tmp_path / "t.sqlite")
    with pytest.raises(StorageError, match="数据库操作失败"), db.session() as s:
        s.exec(select(Enterprise).where(Enterprise.name == "x")).all()
        s.connection().exec_driver_sql("SELECT * FROM no_such_table")
    db.close()


def test_file_store_is_content_addressed_and_deduplicated(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "files")
    first = store.put(b"plan image", ".PNG")
    second = store.put(b"plan image", ".png")
    assert first == second and first.endswith(".png") and "/" in first
    assert store.read(first) == b"plan image"
    assert store.put(b"other", ".png") != first
    assert not list((tmp_path / "files").rglob("*.part"))


def test_file_store_reports_unwritable_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "files"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(StorageError, match="无法保存文件"):
        FileStore(blocker).put(b"x", ".jpg")


def test_missing_file_read_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="找不到图片文件"):
        FileStore(tmp_path).read("ab/abcdef.jpg")
