"""Levels by risk point, post and area, following "从严从高" (domain.md §3.4): a risk point takes the
most severe current level of its hazards, a post the most severe of the risk points it faces, an area
the most severe of its risk points. The rule itself is :mod:`dualprev.storage.queries.risk_levels`."""

from dualprev.domain.risk import RiskLevel
from dualprev.storage.db import Database
from dualprev.storage.queries import risk_levels


def risk_point_levels(db: Database) -> dict[int, RiskLevel | None]:
    """Every risk point's level: the most severe current level of its hazards (None: none evaluated)."""
    with db.read_session() as s:
        return risk_levels.risk_point_levels(session=s)


def post_levels(db: Database) -> dict[int, RiskLevel | None]:
    """Every post's level: the most severe level of the risk points it faces."""
    with db.read_session() as s:
        return risk_levels.post_levels(session=s)


def area_levels(db: Database) -> dict[int, RiskLevel | None]:
    """Every area's level: the most severe level of its risk points."""
    with db.read_session() as s:
        return risk_levels.area_levels(session=s)


def levels_by_area(db: Database) -> dict[int | None, RiskLevel | None]:
    """The level of the risk points of each area that has any; under None that of the risk points in
    no area (present only when there are such)."""
    with db.read_session() as s:
        return risk_levels.levels_by_area(session=s)
