"""Hazards (危险源) under a risk point: their record with accident types and control measures, and
saving one together with new evaluations. Every write validates first, runs in one transaction and
records one audit entry."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from dualprev.domain.evaluation_rules import current_exceeds_inherent, stage_conflict_message
from dualprev.domain.risk import ControlMeasureCategory, ControlTier, RiskStage
from dualprev.domain.validation import required_problem
from dualprev.domain.vocabularies import HAZARD_FACTOR_CATEGORIES
from dualprev.errors import ValidationError
from dualprev.services.risks.accident_types import vocabulary_in
from dualprev.services.risks.evaluations import (
    EvaluationInput,
    EvaluationRecord,
    evaluation_record,
    grade_inputs,
    latest_by_stage,
    new_evaluation,
    set_level_cache,
)
from dualprev.services.risks.validation import check, check_refs, max_length, stripped
from dualprev.services.scheme_service import tier_table_in
from dualprev.storage import audit
from dualprev.storage.db import Database, Session
from dualprev.storage.models import ControlMeasure, Hazard, HazardAccidentType, RiskPoint, utcnow
from dualprev.storage.queries import risks as queries
from dualprev.storage.repos import get_or_raise

_FACTOR_CODES = {c.code for c in HAZARD_FACTOR_CATEGORIES}


@dataclass(frozen=True)
class MeasureInfo:
    category: ControlMeasureCategory
    content: str
    is_existing: bool = True
    """False: a 建议新增(改进)措施, planned but not in place yet."""
    control_tier: ControlTier | None = None
    responsible_department_id: int | None = None
    responsible_person_id: int | None = None
    id: int | None = None


@dataclass(frozen=True)
class HazardInfo:
    risk_point_id: int
    description: str
    """危险源或潜在事件 / 危险有害因素 (required)."""
    step_or_item: str = ""
    """作业步骤 (activity) / 检查项目 (equipment, place)."""
    standard: str = ""
    factor_category: str = ""
    """GB/T 13861 code, a known one or ""."""
    consequence: str = ""
    accident_type_ids: tuple[int, ...] = ()
    control_tier: ControlTier | None = None
    responsible_department_id: int | None = None
    responsible_person_id: int | None = None
    suggested_measures: str = ""
    note: str = ""
    measures: tuple[MeasureInfo, ...] = ()
    seq: int = 0
    """Position under the risk point; 0 on a new hazard means "after the last one"."""
    id: int | None = None


@dataclass(frozen=True)
class HazardDetail:
    info: HazardInfo
    inherent: EvaluationRecord | None
    """The latest inherent-risk evaluation."""
    current: EvaluationRecord | None
    """The latest current-risk evaluation."""
    history: tuple[EvaluationRecord, ...]
    """Every evaluation, newest first."""


def _hazard_info(session: Session, row: Hazard) -> HazardInfo:
    hazard_id = row.id or 0
    measures = queries.measures_of(session=session, hazard_ids=[hazard_id])
    return HazardInfo(
        id=hazard_id,
        risk_point_id=row.risk_point_id,
        description=row.description,
        step_or_item=row.step_or_item,
        standard=row.standard,
        factor_category=row.factor_category,
        consequence=row.consequence,
        accident_type_ids=queries.hazard_accident_type_ids(session=session, hazard_id=hazard_id),
        control_tier=row.control_tier,
        responsible_department_id=row.responsible_department_id,
        responsible_person_id=row.responsible_person_id,
        suggested_measures=row.suggested_measures,
        note=row.note,
        measures=tuple(
            MeasureInfo(
                id=m.id,
                category=m.category,
                content=m.content,
                is_existing=m.is_existing,
                control_tier=m.control_tier,
                responsible_department_id=m.responsible_department_id,
                responsible_person_id=m.responsible_person_id,
            )
            for m in measures
        ),
        seq=row.seq,
    )


def get_hazard(db: Database, hazard_id: int) -> HazardDetail:
    """A hazard with its measures, its latest evaluation of each stage and its whole history."""
    with db.read_session() as s:
        row: Hazard = get_or_raise(s, Hazard, hazard_id, "危险源")
        history = queries.evaluations_of(session=s, hazard_id=hazard_id, newest_first=True)
        records = [evaluation_record(e) for e in history]
        return HazardDetail(
            info=_hazard_info(s, row),
            inherent=next((r for r in records if r.stage is RiskStage.INHERENT), None),
            current=next((r for r in records if r.stage is RiskStage.CURRENT), None),
            history=tuple(records),
        )


def _validate_hazard(info: HazardInfo, evaluations: Sequence[EvaluationInput]) -> None:
    check(required_problem(info.description, "危险源或潜在事件", 2000), "description")
    max_length(info.step_or_item, "作业步骤/检查项目", 200, "step_or_item")
    if info.factor_category and info.factor_category not in _FACTOR_CODES:
        raise ValidationError(
            f"危险有害因素分类“{info.factor_category}”不是 GB/T 13861 的分类代码", "factor_category"
        )
    if info.control_tier is not None:
        ControlTier(info.control_tier)
    if info.seq < 0:
        raise ValidationError("序号不能为负数", "seq")
    for i, measure in enumerate(info.measures, start=1):
        check(required_problem(measure.content, f"第{i}条管控措施的内容", 1000), "measures")
        try:
            ControlMeasureCategory(measure.category)
        except ValueError:
            raise ValidationError(f"第{i}条管控措施的类别未知：{measure.category}", "measures") from None
    for ev in evaluations:
        if ev.evaluated_on is None:
            raise ValidationError(f"{RiskStage(ev.stage).label}评价缺少评价日期", "evaluated_on")
        max_length(ev.assessor_name.strip(), "评价人", 50, "assessor_name")


def _check_accident_types(session: Session, type_ids: Sequence[int]) -> list[int]:
    wanted = list(dict.fromkeys(type_ids))
    if not wanted:
        return []
    known = queries.known_accident_type_ids(session=session, ids=wanted, vocabulary=vocabulary_in(session))
    unknown = [str(t) for t in wanted if t not in known]
    if unknown:
        raise ValidationError(f"未知的事故类型（编号 {'、'.join(unknown)}）", "accident_type_ids")
    return wanted


def _replace_measures(session: Session, hazard_id: int, measures: Sequence[MeasureInfo]) -> list[str]:
    """Make the hazard's measures exactly ``measures`` (in that order), keeping rows whose id is given
    so check items generated from them stay linked. Returns the audit note."""
    existing = {m.id: m for m in queries.measures_of(session=session, hazard_ids=[hazard_id])}
    kept_ids = {m.id for m in measures if m.id is not None}
    foreign = kept_ids - existing.keys()
    if foreign:
        raise ValidationError("管控措施不属于该危险源，请重新打开后再保存", "measures")
    for measure_id, row in existing.items():
        if measure_id not in kept_ids:
            session.delete(row)
    for order, m in enumerate(measures):
        check_refs(session, department_id=m.responsible_department_id, person_id=m.responsible_person_id)
        row = existing[m.id] if m.id is not None else ControlMeasure(hazard_id=hazard_id, category=m.category,
                                                                      content=m.content)  # fmt: skip
        row.category = ControlMeasureCategory(m.category)
        row.content = m.content.strip()
        row.is_existing = m.is_existing
        row.control_tier = None if m.control_tier is None else ControlTier(m.control_tier)
        row.responsible_department_id = m.responsible_department_id
        row.responsible_person_id = m.responsible_person_id
        row.sort_order = order
        session.add(row)
    removed = len(existing) - len(kept_ids)
    added = sum(1 for m in measures if m.id is None)
    return [f"措施 {len(measures)} 条（新增 {added}，删除 {removed}）"] if added or removed else []


def _replace_accident_types(
    session: Session, hazard_id: int, type_ids: list[int]
) -> tuple[list[int], list[int]]:
    existing = set(queries.hazard_accident_type_ids(session=session, hazard_id=hazard_id))
    wanted = set(type_ids)
    if wanted != existing:
        queries.remove_hazard_accident_types(session=session, hazard_id=hazard_id, keep=wanted)
        session.add_all(
            HazardAccidentType(hazard_id=hazard_id, accident_type_id=t) for t in wanted - existing
        )
    return sorted(existing), sorted(wanted)


_HAZARD_FIELDS = (
    "risk_point_id", "description", "step_or_item", "standard", "factor_category", "consequence",
    "control_tier", "responsible_department_id", "responsible_person_id", "suggested_measures", "note",
)  # fmt: skip


def save_hazard(
    db: Database,
    info: HazardInfo,
    *,
    actor: str,
    evaluations: Sequence[EvaluationInput] = (),
    now: datetime | None = None,
) -> int:
    """Create or update a hazard with its accident types, measures and new evaluations; returns its id.

    One transaction: the fields, the accident types and measures replaced (measures keep their ids
    where given), each evaluation appended as a new row graded with the enterprise's scheme for its
    method (直接判定: by the ticked items), and the cached levels updated. A hazard without a control
    tier gets the tier the enterprise's table suggests for its current level.

    Refuses with a ValidationError (and writes nothing) a missing description, an unknown factor
    category or accident type, an evaluation without a date, a factor value off the scale (the
    message lists the allowed values), and a current level more severe than the inherent one
    (comparing the latest of each stage after this save). ``now`` (aware) dates the change and
    the new evaluations' entry; default: the current time.
    """
    now = now or utcnow()
    info = stripped(info)
    _validate_hazard(info, evaluations)
    with db.session() as s:
        point: RiskPoint = get_or_raise(s, RiskPoint, info.risk_point_id, "风险点")
        check_refs(s, department_id=info.responsible_department_id, person_id=info.responsible_person_id)
        type_ids = _check_accident_types(s, info.accident_type_ids)
        graded = grade_inputs(s, evaluations)
        created = info.id is None
        row: Hazard = (
            Hazard(risk_point_id=info.risk_point_id, description=info.description, created_at=now)
            if info.id is None
            else get_or_raise(s, Hazard, info.id, "危险源")
        )
        latest_levels = {st: e.level for st, e in (latest_by_stage(s, info.id) if info.id else {}).items()}
        for ev, g in zip(evaluations, graded, strict=True):
            latest_levels[RiskStage(ev.stage)] = g.level
        inherent, current = latest_levels.get(RiskStage.INHERENT), latest_levels.get(RiskStage.CURRENT)
        if inherent is not None and current is not None and current_exceeds_inherent(inherent, current):
            raise ValidationError(stage_conflict_message(inherent, current), "evaluations")

        moved = not created and row.risk_point_id != info.risk_point_id
        new_values = {k: getattr(info, k) for k in _HAZARD_FIELDS}
        changes = audit.diff({k: getattr(row, k) for k in _HAZARD_FIELDS}, new_values)
        for key, value in new_values.items():
            setattr(row, key, value)
        if info.seq > 0:
            row.seq = info.seq
        elif created or moved:
            row.seq = queries.last_hazard_seq(session=s, risk_point_id=info.risk_point_id) + 1
        row.updated_at = now
        s.add(row)
        s.flush()
        hazard_id = row.id
        assert hazard_id is not None

        before, after = _replace_accident_types(s, hazard_id, type_ids)
        if before != after:
            changes["accident_type_ids"] = [before, after]
        notes = _replace_measures(s, hazard_id, info.measures)
        for ev, g in zip(evaluations, graded, strict=True):
            s.add(new_evaluation(hazard_id, RiskStage(ev.stage), g, assessor_name=ev.assessor_name.strip(),
                                 evaluated_on=ev.evaluated_on, note=ev.note.strip(), created_at=now))  # fmt: skip
            notes.append(f"{RiskStage(ev.stage).label}评价：{g.level.label}")
        s.flush()
        set_level_cache(row, latest_by_stage(s, hazard_id))
        if row.control_tier is None and row.current_level is not None:
            row.control_tier = tier_table_in(s)[row.current_level]
            changes["control_tier"] = [None, row.control_tier.value]
        s.add(row)
        summary = f"{'新增' if created else '修改'}危险源：{point.name}“{row.description}”"
        audit.record(s, actor=actor, action="create" if created else "update", entity="hazard",
                     entity_id=hazard_id, summary="；".join([summary, *notes]), changes=changes)  # fmt: skip
        return hazard_id


def delete_hazard(db: Database, hazard_id: int, *, actor: str) -> None:
    """Delete a hazard with its evaluations, measures and the check items generated from it."""
    with db.session() as s:
        row: Hazard = get_or_raise(s, Hazard, hazard_id, "危险源")
        point = s.get(RiskPoint, row.risk_point_id)
        s.delete(row)
        audit.record(s, actor=actor, action="delete", entity="hazard", entity_id=hazard_id,
                     summary=f"删除危险源：{point.name if point else ''}“{row.description}”")  # fmt: skip
