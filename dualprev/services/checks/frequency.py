"""排查频次表: how often each control tier checks a risk of each level.

The table is the setting ``check_frequency_by_level_tier``; its defaults are domain rules
(:mod:`dualprev.domain.checks`). Items and plans copy a frequency when they are made, so changing
the table never rewrites them.
"""

from dualprev.domain.checks import FrequencyTable
from dualprev.domain.risk import ControlTier, RiskLevel
from dualprev.domain.settings import CHECK_FREQUENCY
from dualprev.storage import audit
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database, Session


def frequency_table_in(session: Session) -> FrequencyTable:
    return stored_settings.read(session, CHECK_FREQUENCY)


def frequency_table(db: Database) -> FrequencyTable:
    """How often each tier checks a risk of each level (the setting, domain defaults elsewhere)."""
    with db.read_session() as s:
        return frequency_table_in(s)


def save_frequency_table(db: Database, table: FrequencyTable, *, actor: str) -> FrequencyTable:
    """Store the table. Existing items and plans keep their frequencies; new ones follow the table."""
    with db.session() as s:
        old = stored_settings.write(s, CHECK_FREQUENCY, table)
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
