"""THE rule "从严从高" (domain.md §3.4) in SQL: a risk point's level is the most severe current level
of its hazards; a post's the most severe of the risk points it faces; an area's the most severe of
the risk points in it.

A smaller ``RiskLevel`` is more severe, so "most severe" is ``min``. Hazards without a current
evaluation (``current_level`` NULL) do not count; a risk point with no evaluated hazard, and a post or
area with no evaluated risk point, has no level (None). Every other query that needs a risk point's
level composes :func:`risk_point_level_subquery` instead of writing the aggregate again.
"""

from typing import Any

from sqlalchemy import Subquery, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from dualprev.domain.risk import RiskLevel
from dualprev.storage.models import Area, Hazard, Post, PostRiskPoint, RiskPoint


def risk_point_level_subquery() -> Subquery:
    """One row per risk point: ``risk_point_id``, ``level`` (NULL: no evaluated hazard) and
    ``hazard_count`` (its hazards, evaluated or not)."""
    return (
        sa_select(
            col(RiskPoint.id).label("risk_point_id"),
            func.min(col(Hazard.current_level)).label("level"),
            func.count(col(Hazard.id)).label("hazard_count"),
        )
        .select_from(RiskPoint)
        .outerjoin(Hazard, col(Hazard.risk_point_id) == col(RiskPoint.id))
        .group_by(col(RiskPoint.id))
        .subquery("risk_point_level")
    )


def _level(value: Any) -> RiskLevel | None:
    return None if value is None else RiskLevel(value)


def risk_point_levels(*, session: Session) -> dict[int, RiskLevel | None]:
    """Every risk point's level (None: none of its hazards is evaluated, or it has none)."""
    sub = risk_point_level_subquery()
    rows = session.connection().execute(sa_select(sub.c.risk_point_id, sub.c.level)).all()
    return {rp_id: _level(level) for rp_id, level in rows}


def risk_point_levels_with_counts(*, session: Session) -> dict[int, tuple[RiskLevel | None, int]]:
    """Every risk point's level and how many hazards it has."""
    sub = risk_point_level_subquery()
    rows = session.connection().execute(sa_select(sub.c.risk_point_id, sub.c.level, sub.c.hazard_count))
    return {rp_id: (_level(level), int(n)) for rp_id, level, n in rows.all()}


def level_counts(*, session: Session) -> dict[RiskLevel | None, int]:
    """How many risk points have each level; None counts those without a level. Levels nobody has
    are absent."""
    sub = risk_point_level_subquery()
    rows = session.connection().execute(sa_select(sub.c.level, func.count()).group_by(sub.c.level)).all()
    return {_level(level): int(n) for level, n in rows}


def post_levels(*, session: Session) -> dict[int, RiskLevel | None]:
    """Every post's level: the most severe level of the risk points it faces."""
    sub = risk_point_level_subquery()
    rows = session.connection().execute(
        sa_select(col(Post.id), func.min(sub.c.level))
        .select_from(Post)
        .outerjoin(PostRiskPoint, col(PostRiskPoint.post_id) == col(Post.id))
        .outerjoin(sub, sub.c.risk_point_id == col(PostRiskPoint.risk_point_id))
        .group_by(col(Post.id))
    )
    return {post_id: _level(level) for post_id, level in rows.all()}


def area_levels(*, session: Session) -> dict[int, RiskLevel | None]:
    """Every area's level: the most severe level of the risk points in it."""
    sub = risk_point_level_subquery()
    rows = session.connection().execute(
        sa_select(col(Area.id), func.min(sub.c.level))
        .select_from(Area)
        .outerjoin(RiskPoint, col(RiskPoint.area_id) == col(Area.id))
        .outerjoin(sub, sub.c.risk_point_id == col(RiskPoint.id))
        .group_by(col(Area.id))
    )
    return {area_id: _level(level) for area_id, level in rows.all()}


def levels_by_area(*, session: Session) -> dict[int | None, RiskLevel | None]:
    """The level of the risk points of each area that has any, keyed by area id; under None the
    level of the risk points that are in no area (present only when there are such points)."""
    sub = risk_point_level_subquery()
    rows = session.connection().execute(
        sa_select(col(RiskPoint.area_id), func.min(sub.c.level))
        .select_from(RiskPoint)
        .join(sub, sub.c.risk_point_id == col(RiskPoint.id))
        .group_by(col(RiskPoint.area_id))
    )
    return {area_id: _level(level) for area_id, level in rows.all()}
