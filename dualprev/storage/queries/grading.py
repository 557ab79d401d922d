"""Grading scheme reads: the enterprise's own schemes, what depends on a scheme, and what a regrade
works through (each hazard's latest evaluations)."""

from collections.abc import Sequence

from sqlalchemy import and_
from sqlmodel import Session, col, func, select

from dualprev.domain.risk import RiskStage
from dualprev.storage.models import Evaluation, GradingSchemeRecord, Hazard, RiskPoint


def scheme_rows(*, session: Session) -> Sequence[GradingSchemeRecord]:
    """The stored schemes by code."""
    return session.exec(select(GradingSchemeRecord).order_by(col(GradingSchemeRecord.code))).all()


def scheme_row(*, session: Session, code: str) -> GradingSchemeRecord | None:
    return session.exec(select(GradingSchemeRecord).where(GradingSchemeRecord.code == code)).first()


def scheme_name_taken(*, session: Session, name: str, own_code: str) -> bool:
    """Whether a stored scheme other than ``own_code`` is called ``name``."""
    query = select(GradingSchemeRecord).where(
        GradingSchemeRecord.name == name, GradingSchemeRecord.code != own_code
    )
    return session.exec(query).first() is not None


def evaluations_graded_by(*, session: Session, code: str) -> int:
    """How many evaluations name the scheme ``code``."""
    query = select(func.count()).select_from(Evaluation).where(Evaluation.scheme_code == code)
    return int(session.exec(query).one())


def latest_evaluations(*, session: Session) -> dict[tuple[int, RiskStage], Evaluation]:
    """The latest evaluation of every hazard and stage (the highest id, as the hazard cache holds)."""
    latest = (
        select(col(Evaluation.hazard_id), col(Evaluation.stage), func.max(Evaluation.id).label("id"))
        .group_by(col(Evaluation.hazard_id), col(Evaluation.stage))
        .subquery()
    )
    rows = session.exec(select(Evaluation).join(latest, and_(col(Evaluation.id) == latest.c.id))).all()
    return {(e.hazard_id, e.stage): e for e in rows}


def hazards_in_inventory_order(*, session: Session) -> Sequence[Hazard]:
    """Every hazard, by its risk point's order and code, then its seq."""
    return session.exec(
        select(Hazard)
        .join(RiskPoint)
        .order_by(col(RiskPoint.sort_order), col(RiskPoint.code), col(Hazard.seq), col(Hazard.id))
    ).all()


def risk_point_names(*, session: Session) -> dict[int | None, str]:
    return dict(session.exec(select(RiskPoint.id, RiskPoint.name)).all())
