"""The frequency table is a setting, changed with an audit entry."""

import json

from sqlmodel import select

from dualprev.domain.checks import CheckFrequency, FrequencyTable
from dualprev.domain.risk import ControlTier, RiskLevel
from dualprev.domain.settings import CHECK_FREQUENCY
from dualprev.services.checks import frequency as check_frequency
from dualprev.storage.db import Database
from dualprev.storage.models import AuditLog, Setting

from .conftest import ACTOR


def test_frequency_table_is_a_setting(demo_db: Database) -> None:
    db = demo_db
    assert check_frequency.frequency_table(db) == FrequencyTable()
    changed = FrequencyTable().with_frequency(
        RiskLevel.SIGNIFICANT, ControlTier.COMPANY, CheckFrequency.MONTHLY
    )
    check_frequency.save_frequency_table(db, changed, actor=ACTOR)
    assert (
        check_frequency.frequency_table(db).frequency(RiskLevel.SIGNIFICANT, ControlTier.COMPANY)
        is CheckFrequency.MONTHLY
    )
    with db.read_session() as s:
        stored = json.loads(s.get(Setting, CHECK_FREQUENCY.key).value)  # type: ignore[union-attr]
        log = s.exec(select(AuditLog).where(AuditLog.summary == "修改排查频次表")).one()
    assert stored["2"]["company"] == "monthly"
    assert json.loads(log.changes) == {"较大/公司级": ["每季度", "每月"]}
