"""Risk evaluations (风险评价) of a hazard: what is asked and what is recorded, grading with the
enterprise's schemes, and the level cache on the hazard row.

Evaluations are never changed: a re-evaluation appends a row, and the hazard row caches the latest
level of each stage so lists of tens of thousands of hazards filter and sort in SQL.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dualprev.domain.evaluation_rules import (
    EvaluationProblem,
    GradedEvaluation,
    direct_reasons_from_json,
    direct_reasons_to_json,
    grade_evaluation,
)
from dualprev.domain.grading import FACTOR_KEYS, FactorOutOfScale
from dualprev.domain.risk import EvaluationMethod, RiskLevel, RiskStage
from dualprev.errors import ValidationError
from dualprev.services.scheme_service import active_schemes_in, direct_items_in
from dualprev.storage.db import Session
from dualprev.storage.models import Evaluation, Hazard
from dualprev.storage.queries import risks as queries


@dataclass(frozen=True)
class EvaluationInput:
    stage: RiskStage
    method: EvaluationMethod
    factors: tuple[tuple[str, str], ...] = ()
    """E.g. (("L", "3"), ("E", "6"), ("C", "7")); empty for 直接判定."""
    direct_keys: tuple[str, ...] = ()
    """Ticked direct-judgement item keys (直接判定 only)."""
    assessor_name: str = ""
    evaluated_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class EvaluationRecord:
    id: int
    stage: RiskStage
    method: EvaluationMethod
    scheme_code: str
    factors: tuple[tuple[str, str], ...]
    score: str | None
    """Exact decimal text: "18", not "18.0"."""
    band: int | None
    band_label: str
    level: RiskLevel
    direct_reasons: tuple[str, ...]
    """Texts of the ticked direct-judgement items."""
    assessor_name: str
    evaluated_on: date
    note: str


def evaluation_factor_keys(method: EvaluationMethod) -> tuple[str, ...]:
    """The factors an evaluation of ``method`` records (LEC: L, E, C; LS: L, S; 直接判定: none)."""
    return FACTOR_KEYS.get(EvaluationMethod(method), ())


def evaluation_record(e: Evaluation) -> EvaluationRecord:
    values = {"L": e.l_value, "E": e.e_value, "C": e.c_value, "S": e.s_value}
    return EvaluationRecord(
        id=e.id or 0,
        stage=e.stage,
        method=e.method,
        scheme_code=e.scheme_code,
        factors=tuple((k, v) for k, v in values.items() if v is not None),
        score=e.score,
        band=e.band,
        band_label=e.band_label,
        level=e.level,
        direct_reasons=direct_reasons_from_json(e.direct_reasons),
        assessor_name=e.assessor_name,
        evaluated_on=e.evaluated_on,
        note=e.note,
    )


def latest_by_stage(session: Session, hazard_id: int) -> dict[RiskStage, Evaluation]:
    """The latest evaluation of each stage of one hazard (highest id: evaluations are append-only)."""
    return {e.stage: e for e in queries.evaluations_of(session=session, hazard_id=hazard_id)}


def set_level_cache(hazard: Hazard, latest: dict[RiskStage, Evaluation]) -> None:
    """Copy the latest level of each stage (and the current score and method) onto the hazard row."""
    inherent, current = latest.get(RiskStage.INHERENT), latest.get(RiskStage.CURRENT)
    hazard.inherent_level = inherent.level if inherent else None
    hazard.current_level = current.level if current else None
    hazard.current_score = (current.score or "") if current else ""
    hazard.current_method = current.method if current else None


def grade_inputs(session: Session, evaluations: Sequence[EvaluationInput]) -> list[GradedEvaluation]:
    """Grade each evaluation with the enterprise's active scheme for its method (直接判定: by the
    ticked items); a factor off the scale or a bad direct judgement is a ValidationError."""
    schemes = active_schemes_in(session)
    items = direct_items_in(session)
    graded = []
    for ev in evaluations:
        method = EvaluationMethod(ev.method)
        try:
            graded.append(grade_evaluation(method, schemes.get(method), ev.factors, ev.direct_keys, items))
        except (FactorOutOfScale, EvaluationProblem) as exc:
            raise ValidationError(f"{RiskStage(ev.stage).label}：{exc}", "evaluations") from None
    return graded


def new_evaluation(hazard_id: int, stage: RiskStage, g: GradedEvaluation, **kw: Any) -> Evaluation:
    """The evaluation row recording ``g``; ``kw`` sets assessor, date and note."""
    factors = dict(g.factors)
    return Evaluation(
        hazard_id=hazard_id,
        stage=stage,
        method=g.method,
        scheme_code=g.scheme_code,
        l_value=factors.get("L"),
        e_value=factors.get("E"),
        c_value=factors.get("C"),
        s_value=factors.get("S"),
        score=g.score,
        band=g.band,
        band_label=g.band_label,
        level=g.level,
        direct_reasons=direct_reasons_to_json(g.direct_reasons) if g.direct_reasons else "",
        **kw,
    )
