"""Database summary for ``dualprev info`` and 首页: counts, risk levels, hidden-danger statuses.

:func:`file_info` answers ``dualprev info`` without SQLAlchemy when the file is at the newest
schema (:mod:`dualprev.storage.file_summary`), so SQLAlchemy and the storage layer above it are
imported only when needed.
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.domain.risk import RiskLevel
from dualprev.storage import file_summary

if TYPE_CHECKING:
    from dualprev.storage.db import Database


@dataclass(frozen=True)
class DatabaseInfo:
    schema_version: int
    enterprise: str
    counts: dict[str, int]
    risk_levels: dict[RiskLevel, int]
    """Risk points by level (a risk point's level is the highest current level of its hazards)."""
    hidden_danger_status: dict[HiddenDangerStatus, int]
    overdue_hidden_dangers: int = 0
    unevaluated_risk_points: int = 0
    extra: dict[str, int] = field(default_factory=dict)
    accident_vocabulary: str = ""
    """The accident-type vocabulary in use (GB6441-1986 or GB6441-2025)."""
    major_hidden_dangers_open: int = 0

    def to_json(self) -> dict[str, object]:
        """The ``dualprev info`` contract: keys exactly as the issue spells them."""
        return {
            "schema_version": self.schema_version,
            "enterprise": self.enterprise,
            "counts": dict(self.counts),
            "risk_levels": {level.label: self.risk_levels.get(level, 0) for level in RiskLevel},
            "hidden_danger_status": {
                s.label: self.hidden_danger_status.get(s, 0) for s in HiddenDangerStatus
            },
            "accident_vocabulary": self.accident_vocabulary,
            "major_hidden_dangers_open": self.major_hidden_dangers_open,
        }


def database_info(db: "Database", *, today: date | None = None) -> DatabaseInfo:
    from dualprev.services.risks.accident_types import vocabulary_in
    from dualprev.storage.queries import (
        database_summary,
        hidden_dangers,
        major_checks,
        organisation,
        risk_levels,
    )

    today = today or date.today()
    with db.read_session() as s:
        counts = database_summary.row_counts(session=s)
        profile = organisation.enterprise(session=s)
        enterprise = profile.name if profile is not None else ""
        by_level = risk_levels.level_counts(session=s)
        unevaluated = by_level.pop(None, 0)
        levels: dict[RiskLevel, int] = {level: n for level, n in by_level.items() if level is not None}
        statuses = hidden_dangers.status_counts(session=s)
        overdue, _due = hidden_dangers.deadline_counts(session=s, today=today, due_days=0)
        vocabulary = vocabulary_in(s)
        open_major = major_checks.open_major_count(session=s)
    return DatabaseInfo(
        schema_version=db.schema_version,
        enterprise=enterprise,
        counts=counts,
        risk_levels=levels,
        hidden_danger_status=statuses,
        overdue_hidden_dangers=overdue,
        unevaluated_risk_points=unevaluated,
        accident_vocabulary=vocabulary,
        major_hidden_dangers_open=open_major,
    )


def file_info(path: Path, *, today: date | None = None) -> DatabaseInfo:
    """The summary of the database file ``path``: read at once when it is intact and at the newest
    schema, else through ``open_database`` (which upgrades an older file, and raises StorageError
    or DamagedDatabaseError for one it cannot open)."""
    today = today or date.today()
    opens = tuple(s.value for s in HiddenDangerStatus if s.is_open)
    found = file_summary.read_summary(path, today=today, open_statuses=opens)
    if found is None:
        from dualprev.storage.db import open_database

        db = open_database(path, create=False)
        try:
            return database_info(db, today=today)
        finally:
            db.close()
    levels = {RiskLevel(level): n for level, n in found.level_counts.items() if level is not None}
    return DatabaseInfo(
        schema_version=int(found.revision),
        enterprise=found.enterprise,
        counts=found.counts,
        risk_levels=levels,
        hidden_danger_status={HiddenDangerStatus(s): n for s, n in found.status_counts.items()},
        overdue_hidden_dangers=found.overdue,
        unevaluated_risk_points=found.level_counts.get(None, 0),
        accident_vocabulary=found.accident_vocabulary,
        major_hidden_dangers_open=found.major_open,
    )
