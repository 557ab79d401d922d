"""services.changes: a write reports what it committed, named as the record kinds pages show."""

import threading
from typing import Any

import pytest
from sqlmodel import SQLModel

from dualprev.errors import UserError
from dualprev.services import changes
from dualprev.services import organisation_service as org
from dualprev.services.changes import TABLE_ENTITIES, Entity, OpChanges
from dualprev.services.database import Database
from dualprev.services.organisation_service import DepartmentInfo, EnterpriseProfile
from dualprev.storage.models import Department


def test_every_table_of_the_schema_is_named() -> None:
    import dualprev.storage.models  # noqa: F401  (registers every table)

    assert set(SQLModel.metadata.tables) == set(TABLE_ENTITIES)


def test_a_write_returns_what_it_changed(empty_db: Database) -> None:
    performed = changes.perform(
        empty_db, lambda: org.save_department(empty_db, DepartmentInfo(name="机加车间"), actor="测试")
    )
    assert performed.result.name == "机加车间"
    assert performed.changes == OpChanges.of(Entity.ORGANISATION, Entity.AUDIT)
    assert performed.changes.touches({Entity.ORGANISATION})
    assert not performed.changes.touches({Entity.HIDDEN_DANGER, Entity.RISK})


def test_a_read_changes_nothing(empty_db: Database) -> None:
    performed = changes.perform(empty_db, lambda: org.list_departments(empty_db))
    assert not performed.changes


def test_a_refused_write_announces_nothing(empty_db: Database) -> None:
    seen: list[OpChanges] = []
    stop = changes.watch(empty_db, seen.append)
    with pytest.raises(UserError):
        org.save_enterprise(empty_db, EnterpriseProfile(name=""), actor="测试")
    assert seen == []
    stop()
    org.save_department(empty_db, DepartmentInfo(name="机加车间"), actor="测试")
    assert seen == []  # stopped watching


def test_a_rolled_back_unit_is_not_counted_in_the_next(empty_db: Database) -> None:
    class Boom(Exception):
        pass

    with pytest.raises(Boom), empty_db.session() as session:
        session.add(Department(name="仓库"))
        session.flush()
        raise Boom
    performed = changes.perform(
        empty_db, lambda: org.save_enterprise(empty_db, EnterpriseProfile(name="测试机械厂"), actor="测试")
    )
    assert performed.changes == OpChanges.of(Entity.ENTERPRISE, Entity.AUDIT)
    assert org.list_departments(empty_db) == []


def test_perform_counts_only_its_own_thread(empty_db: Database) -> None:
    other_done = threading.Event()

    def write_both() -> None:
        thread = threading.Thread(
            target=lambda: (
                org.save_department(empty_db, DepartmentInfo(name="仓库"), actor="测试"),
                other_done.set(),
            )
        )
        thread.start()
        thread.join()
        org.save_enterprise(empty_db, EnterpriseProfile(name="测试机械厂"), actor="测试")

    performed = changes.perform(empty_db, write_both)
    assert other_done.is_set()
    assert Entity.ENTERPRISE in performed.changes.entities
    assert Entity.ORGANISATION not in performed.changes.entities


@pytest.mark.parametrize(
    ("tables", "expected"),
    [
        ({"hidden_danger", "hidden_danger_event", "audit_log"}, {Entity.HIDDEN_DANGER, Entity.AUDIT}),
        ({"map_zone_risk_point"}, {Entity.RISK_MAP}),
        ({"a_table_added_later"}, set(Entity)),  # unknown: every page reloads rather than go stale
    ],
)
def test_tables_are_named_as_entities(tables: set[str], expected: set[Any]) -> None:
    assert OpChanges.from_tables(tables).entities == frozenset(expected)
