"""Database summary for ``dualprev info`` and 首页: counts, risk levels, hidden-danger statuses."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import case
from sqlmodel import col, func, select

from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.domain.risk import RiskLevel
from dualprev.storage.db import Database
from dualprev.storage.models import (
    Area,
    CheckRecord,
    ControlMeasure,
    Enterprise,
    Hazard,
    HiddenDanger,
    Post,
    RiskPoint,
)
from dualprev.storage.queries import risk_levels


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

        def count(model: type) -> int:
            return int(s.exec(select(func.count()).select_from(model)).one())

        counts = {
            "areas": count(Area),
            "posts": count(Post),
            "risk_points": count(RiskPoint),
            "hazards": count(Hazard),
            "control_measures": count(ControlMeasure),
            "hidden_dangers": count(HiddenDanger),
            "check_records": count(CheckRecord),
        }
        enterprise = s.exec(select(Enterprise.name).order_by(col(Enterprise.id))).first() or ""
        by_level = risk_levels.level_counts(session=s)
        unevaluated = by_level.pop(None, 0)
        levels: dict[RiskLevel, int] = {level: n for level, n in by_level.items() if level is not None}
        statuses = {
            HiddenDangerStatus(status): int(n)
            for status, n in s.exec(
                select(col(HiddenDanger.status), func.count()).group_by(col(HiddenDanger.status))
            ).all()
        }
        open_statuses = [st.value for st in HiddenDangerStatus if st.is_open]
        overdue = s.exec(
            select(func.sum(case((col(HiddenDanger.deadline) < today, 1), else_=0))).where(
                col(HiddenDanger.status).in_(open_statuses)
            )
        ).one()
    return DatabaseInfo(
        schema_version=db.schema_version,
        enterprise=enterprise,
        counts=counts,
        risk_levels=levels,
        hidden_danger_status=statuses,
        overdue_hidden_dangers=int(overdue or 0),
        unevaluated_risk_points=unevaluated,
    )
