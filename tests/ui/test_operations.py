"""ui.operations: a refused call is shown as a message and reported as FAILED; a bug is not caught;
a write announces what it changed only when it succeeded."""

import pytest
from pytestqt.qtbot import QtBot

from dualprev.errors import ConflictError
from dualprev.ui import operations
from dualprev.ui.events import ChangeSet, DataEvents
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


def test_write_announces_the_change_only_when_it_succeeds(qtbot: QtBot, message_log: MessageLog) -> None:
    events = DataEvents()
    seen: list[ChangeSet] = []
    events.data_changed.connect(seen.append)
    assert operations.write(None, events, ["person"], lambda: "saved") == "saved"
    assert seen == [ChangeSet.of("person")]

    def refuse() -> str:
        raise ConflictError("人员已被引用")

    assert operations.write(None, events, ["person"], refuse) is FAILED
    assert seen == [ChangeSet.of("person")]
    assert message_log.errors == ["人员已被引用"]
