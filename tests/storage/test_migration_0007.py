"""0007: hidden-danger events record who did each step; events written before keep their operator."""

import shutil
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from dualprev.services.hidden_dangers import detail, lifecycle
from dualprev.storage.db import open_database

pytestmark = pytest.mark.real_migrations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_events_written_before_the_upgrade_keep_their_operator_as_the_person(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0004.sqlite", path)
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("INSERT INTO person (name, phone, role, is_active, note) VALUES ('王海', '', '', 1, '')")
        conn.execute(
            "INSERT INTO hidden_danger (rectifier_id, number, found_on, finder_names, source, source_detail, location,"
            " description, category, level, basis, rectification_measures, deadline, interim_measures,"
            " is_immediate, acceptance_conclusion, status, void_reason, reported_to, note, created_at,"
            " updated_at) VALUES (1, 'YH-2026-0001', '2026-03-02', '李安全', 'self_found', '', '2号车床',"
            " '卡盘防护罩缺失', 'site', 'general', '', '', '2026-03-09', '', 0, '', 'pending', '', '', '',"
            " '2026-03-02 08:00:00', '2026-03-02 08:00:00')"
        )
        conn.execute(
            "INSERT INTO hidden_danger_event (hidden_danger_id, at, actor, action, to_status, remark)"
            " VALUES (1, '2026-03-02 08:00:00', '沈立明', '登记', 'pending', '来源：自查发现')"
        )
        conn.commit()
    db = open_database(path)
    try:
        assert db.backup_path is not None  # upgraded, after a backup
        today = date(2026, 3, 5)
        [old] = detail.get_detail(db, 1, today=today).events
        assert (old.actor, old.performed_by, old.remark) == ("沈立明", "沈立明", "来源：自查发现")
        # A step done after the upgrade names its own person, apart from the operator at the keyboard.
        after = lifecycle.start_rectification(
            db, 1, lifecycle.StartInput(performed_by="王海"), actor="沈立明", today=today
        )
        assert [(e.actor, e.performed_by) for e in after.events] == [("沈立明", "沈立明"), ("沈立明", "王海")]
        voided = lifecycle.void(db, 1, "重复登记", actor="沈立明", today=today)
        assert voided.events[-1].performed_by == "沈立明"  # nobody named: the operator did it
    finally:
        db.close()
