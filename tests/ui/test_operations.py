"""ui.operations: a refused call is shown as a message and reported as FAILED; a bug is not caught;
a write announces what it changed only when it succeeded."""

import pytest
from pytestqt.qtbot import QtBot

from dualprev.errors import ConflictError
from dualprev.services import changes
from dualprev.services import organisation_service as org
from dualprev.services.changes import Entity, OpChanges
from dualprev.services.database import Database
from dualprev.services.organisation_service import DepartmentInfo, PersonInfo
from dualprev.ui import operations
from dualprev.ui.events import DataEvents
from dualprev.ui.operations import FAILED

from .conftest import MessageLog


def test_attempt_returns_the_result(message_log: MessageLog) -> None:
    assert operations.attempt(None, lambda: 42) == 42
    assert operations.attempt(None, lambda: None) is None  # None is a result, not a failure
    assert message_log.errors == []


def test_attempt_shows_a_user_error_as_a_message(message_log: MessageLog) -> None:
    def refuse() -> int:
        raise ConflictError("名称已存在")

    assert operations.attempt(None, refuse) is FAILED
    assert message_log.errors == ["名称已存在"]


def test_attempt_lets_a_bug_through(message_log: MessageLog) -> None:
    def broken() -> int:
        raise KeyError("bug")

    with pytest.raises(KeyError):
        operations.attempt(None, broken)
    assert message_log.errors == []


def test_write_announces_what_it_committed_once_and_only_when_it_succeeds(
    qtbot: QtBot, message_log: MessageLog, empty_db: Database
) -> None:
    events = DataEvents()
    stop = changes.watch(empty_db, events.announce)
    seen: list[OpChanges] = []
    events.data_changed.connect(seen.append)

    def two_units() -> str:
        org.save_department(empty_db, DepartmentInfo(name="机加车间"), actor="测试")
        org.save_person(empty_db, PersonInfo(name="张伟"), actor="测试")
        return "saved"

    assert operations.write(None, events, two_units) == "saved"
    # Two committed units of work, one announcement, naming what was written and nothing else.
    assert seen == [OpChanges.of(Entity.ORGANISATION, Entity.AUDIT)]

    def refuse() -> str:
        raise ConflictError("人员已被引用")

    assert operations.write(None, events, refuse) is FAILED
    assert len(seen) == 1
    assert message_log.errors == ["人员已被引用"]
    stop()
