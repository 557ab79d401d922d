"""One writer at a time: two real processes racing the same write never break a lifecycle rule,
and two registrations get distinct numbers. Each racer is slowed down between what it reads and
what it writes, the window in which an unserialised writer would act on a stale status."""

import os
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing
from datetime import timedelta
from pathlib import Path
from typing import Any

from dualprev.domain.hidden_danger import HiddenDangerDraft
from dualprev.errors import StorageError, UserError
from dualprev.services import organisation_service as org
from dualprev.services.hidden_dangers import lifecycle as hd_lifecycle
from dualprev.services.hidden_dangers import registration
from dualprev.storage.db import open_database

from ..conftest import DEMO_TODAY

SUCCEEDED, REFUSED, BUSY, CRASHED = 0, 10, 11, 12


def _slow_writes() -> None:
    """Sleep before the first write statement of the process: after its reads, before its write."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    slept: list[bool] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if not slept and statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            slept.append(True)
            time.sleep(0.6)

    event.listen(Engine, "before_cursor_execute", before)


def _race(path: Path, work: Callable[[Any], None], racers: int = 2) -> list[int]:
    """Run ``work(db)`` in ``racers`` forked processes released at the same moment; exit codes."""
    pids: list[int] = []
    gates: list[int] = []
    for _ in range(racers):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            code = CRASHED
            try:
                os.close(write_fd)
                _slow_writes()
                db = open_database(path, create=False)
                os.read(read_fd, 1)
                try:
                    work(db)
                    code = SUCCEEDED
                except StorageError:
                    code = BUSY
                except UserError:
                    code = REFUSED
                finally:
                    db.close()
            finally:
                os._exit(code)
        os.close(read_fd)
        pids.append(pid)
        gates.append(write_fd)
    time.sleep(1.0)  # every racer has opened the database
    for gate in gates:
        os.write(gate, b"x")
        os.close(gate)
    return sorted(os.WEXITSTATUS(os.waitpid(pid, 0)[1]) for pid in pids)


def _pending_id(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        row = conn.execute(
            "SELECT id FROM hidden_danger WHERE status = 'pending' AND level = 'general' ORDER BY id"
        ).fetchone()
    return int(row[0])


def test_two_processes_starting_the_same_rectification_yield_one_event(demo_path: Path) -> None:
    hidden_danger_id = _pending_id(demo_path)
    with closing(sqlite3.connect(demo_path)) as conn:
        before = conn.execute(
            "SELECT count(*) FROM hidden_danger_event WHERE hidden_danger_id = ?", (hidden_danger_id,)
        ).fetchone()[0]

    codes = _race(
        demo_path,
        lambda db: hd_lifecycle.start_rectification(db, hidden_danger_id, actor="甲", today=DEMO_TODAY),
    )

    assert codes == [SUCCEEDED, REFUSED]
    with closing(sqlite3.connect(demo_path)) as conn:
        events = conn.execute(
            "SELECT action FROM hidden_danger_event WHERE hidden_danger_id = ?", (hidden_danger_id,)
        ).fetchall()
        status = conn.execute("SELECT status FROM hidden_danger WHERE id = ?", (hidden_danger_id,)).fetchone()
    assert len(events) == before + 1
    assert status == ("rectifying",)


def test_two_processes_registering_at_once_get_distinct_numbers(demo_path: Path) -> None:
    db = open_database(demo_path, create=False)
    rectifier = org.list_people(db)[0].id
    db.close()
    draft = HiddenDangerDraft(
        found_on=DEMO_TODAY,
        description="配电箱门锁损坏",
        location="装配车间",
        rectifier_id=rectifier,
        deadline=DEMO_TODAY + timedelta(days=3),
    )

    codes = _race(
        demo_path, lambda db: registration.register(db, draft, actor="乙", today=DEMO_TODAY), racers=3
    )

    assert codes == [SUCCEEDED] * 3
    with closing(sqlite3.connect(demo_path)) as conn:
        numbers = [
            r[0]
            for r in conn.execute("SELECT number FROM hidden_danger WHERE description = '配电箱门锁损坏'")
        ]
    assert len(numbers) == 3 and len(set(numbers)) == 3


def test_a_write_while_another_program_writes_waits_then_says_busy(demo_path: Path, monkeypatch: Any) -> None:
    from dualprev.storage import db as storage_db

    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", 300)
    hidden_danger_id = _pending_id(demo_path)
    db = open_database(demo_path, create=False)
    other = sqlite3.connect(demo_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        try:
            hd_lifecycle.start_rectification(db, hidden_danger_id, actor="甲", today=DEMO_TODAY)
        except StorageError as exc:
            assert "正被其他程序或窗口占用" in exc.message
        else:
            raise AssertionError("the write went through while another program held the write lock")
        assert time.monotonic() - started >= 0.25  # it waited for the busy timeout first
        other.execute("ROLLBACK")
        hd_lifecycle.start_rectification(db, hidden_danger_id, actor="甲", today=DEMO_TODAY)  # free again
    finally:
        other.close()
        db.close()
