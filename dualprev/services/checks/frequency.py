"""排查频次表: how often each control tier checks a risk of each level.

The table is the setting ``check_frequency_by_level_tier``; its defaults are domain rules
(:mod:`dualprev.domain.checks`). Items and plans copy a frequency when they are made, so changing
the table never rewrites them.
"""

from sqlmodel import Session

from dualprev.domain.checks import FrequencyTable
from dualprev.domain.risk import ControlTier, RiskLevel
from dualprev.services import scheme_service
from dualprev.storage import audit
from dualprev.storage.db import Database

FREQUENCY_SETTING = "check_frequency_by_level_tier"


def frequency_table_in(session: Session) -> FrequencyTable:
    return FrequencyTable.from_setting(scheme_service.read_setting(session, FREQUENCY_SETTING))


def frequency_table(db: Database) -> FrequencyTable:
    """How often each tier checks a risk of each level (the setting, domain defaults elsewhere)."""
    with db.read_session() as s:
        return frequency_table_in(s)


def save_frequency_table(db: Database, table: FrequencyTable, *, actor: str) -> FrequencyTable:
    """Store the table. Existing items and plans keep their frequencies; new ones follow the table."""
    with db.session() as s:
        old = FrequencyTable.from_setting(
            scheme_service.write_setting(s, FREQUENCY_SETTING, table.to_setting())
        )
        changes = {
            f"{level.short_label}/{tier.label}": [
                old.frequency(level, tier).label,
                table.frequency(level, tier).label,
            ]
            for level in RiskLevel
            for tier in ControlTier
            if old.frequency(level, tier) is not table.frequency(level, tier)
        }
        audit.record(
            s,
            actor=actor,
            action="update",
            entity="setting",
            entity_id=None,
            summary="修改排查频次表",
            changes=changes,
        )
    return table
