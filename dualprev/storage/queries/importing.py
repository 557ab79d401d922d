"""Read queries behind the Excel import: what the database already holds, read once per import so
that the rows of a file are matched against it in memory.

Rows come in id order, so that of two names that fold alike the older one is found first.
"""

from collections.abc import Sequence
from datetime import date

from sqlmodel import Session, col, select

from dualprev.storage.models import (
    AccidentTypeRecord,
    Department,
    Hazard,
    HiddenDanger,
    Person,
    Post,
    RiskPoint,
)

# --- the directory: departments, people, posts, accident types -------------------------------------


def departments_by_id(*, session: Session) -> Sequence[Department]:
    return session.exec(select(Department).order_by(col(Department.id))).all()


def people_by_id(*, session: Session) -> Sequence[Person]:
    return session.exec(select(Person).order_by(col(Person.id))).all()


def posts_by_id(*, session: Session) -> Sequence[Post]:
    return session.exec(select(Post).order_by(col(Post.id))).all()


def accident_type_ids(*, session: Session, vocabulary: str) -> dict[str, int]:
    """Name → id of every accident type of ``vocabulary``, the mining-only ones included."""
    found = session.exec(select(AccidentTypeRecord).where(AccidentTypeRecord.vocabulary == vocabulary)).all()
    return {t.name: t.id or 0 for t in found}


# --- the 风险分级管控清单 ------------------------------------------------------------------------------


def risk_points_by_id(*, session: Session) -> Sequence[RiskPoint]:
    return session.exec(select(RiskPoint).order_by(col(RiskPoint.id))).all()


def hazard_identities(*, session: Session) -> Sequence[tuple[int, str, str]]:
    """``(risk_point_id, step_or_item, description)`` of every hazard, unordered."""
    return session.exec(select(Hazard.risk_point_id, Hazard.step_or_item, Hazard.description)).all()


# --- the 隐患排查治理台账 -------------------------------------------------------------------------------


def hidden_danger_identities(*, session: Session) -> Sequence[tuple[str, date, str]]:
    """``(number, found_on, description)`` of every hidden danger, unordered."""
    return session.exec(
        select(col(HiddenDanger.number), col(HiddenDanger.found_on), col(HiddenDanger.description))
    ).all()
