"""Database summary for ``dualprev info`` and 首页: counts, risk levels, hidden-danger statuses."""

from dataclasses import dataclass, field
from datetime import date

from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.domain.risk import RiskLevel
from dualprev.storage.db import Database
from dualprev.storage.queries import database_summary, hidden_dangers, organisation, risk_levels


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
        }


def database_info(db: Database, *, today: date | None = None) -> DatabaseInfo:
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
    return DatabaseInfo(
        schema_version=db.schema_version,
        enterprise=enterprise,
        counts=counts,
        risk_levels=levels,
        hidden_danger_status=statuses,
        overdue_hidden_dangers=overdue,
        unevaluated_risk_points=unevaluated,
    )
