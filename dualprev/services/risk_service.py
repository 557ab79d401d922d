"""风险辨识评估 use cases: risk points, their hazards (危险源) with control measures and evaluations,
copying a risk point, the hazard list, and levels by risk point, post and area.

Every write validates first, runs in one transaction and records one audit entry. Evaluations are
never changed: a re-evaluation appends a row, and the hazard row caches the latest level of each
stage so lists of tens of thousands of hazards filter and sort in SQL. Levels inherit "从严从高"
(domain.md §3.4): a risk point takes the most severe current level of its hazards, a post the most
severe of the risk points it faces, an area the most severe of its risk points.
"""

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import ColumnElement, case, cast, exists, literal, or_
from sqlalchemy import Float as SAFloat
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, SQLModel, col, delete, func, select

from dualprev.domain import settings
from dualprev.domain.evaluation_rules import (
    EvaluationProblem,
    GradedEvaluation,
    current_exceeds_inherent,
    direct_reasons_from_json,
    direct_reasons_to_json,
    grade_evaluation,
    stage_conflict_message,
    unique_copy_code,
)
from dualprev.domain.grading import FACTOR_KEYS, FactorOutOfScale
from dualprev.domain.risk import (
    ControlMeasureCategory,
    ControlTier,
    EvaluationMethod,
    RiskLevel,
    RiskPointKind,
    RiskStage,
)
from dualprev.domain.validation import required_problem
from dualprev.domain.vocabularies import HAZARD_FACTOR_CATEGORIES
from dualprev.errors import ConflictError, ValidationError
from dualprev.services.scheme_service import active_schemes_in, direct_items_in, tier_table_in
from dualprev.storage import audit
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database
from dualprev.storage.models import (
    AccidentTypeRecord,
    Area,
    ControlMeasure,
    Department,
    Evaluation,
    Hazard,
    HazardAccidentType,
    Person,
    Post,
    PostRiskPoint,
    RiskPoint,
    utcnow,
)
from dualprev.storage.repos import get_or_raise

_FACTOR_CODES = {c.code for c in HAZARD_FACTOR_CATEGORIES}
_ACCIDENT_TYPE_SEPARATOR = "、"


# --- records crossing the layer boundary ------------------------------------------------------


@dataclass(frozen=True)
class RiskPointInfo:
    name: str
    kind: RiskPointKind
    area_id: int | None = None
    code: str = ""
    location: str = ""
    department_id: int | None = None
    responsible_person_id: int | None = None
    asset_no: str = ""
    model_spec: str = ""
    activity_content: str = ""
    activity_frequency: str = ""
    note: str = ""
    post_ids: tuple[int, ...] = ()
    """Posts that face this risk point."""
    reviewer_name: str = ""
    """审核人 of the JHA/SCL record; "" leaves the box blank to be signed by hand."""
    reviewed_on: date | None = None
    approver_name: str = ""
    """审定人 of the JHA/SCL record."""
    approved_on: date | None = None
    id: int | None = None


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


@dataclass(frozen=True)
class AccidentTypeOption:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class HazardFilter:
    area_id: int | None = None
    risk_point_id: int | None = None
    level: RiskLevel | None = None
    """Matches the current level."""
    method: EvaluationMethod | None = None
    """Matches the method of the latest current evaluation."""
    accident_type_id: int | None = None
    keyword: str = ""
    """Found in description, step/item, risk point name or code, or consequence."""
    unevaluated_only: bool = False
    """Only hazards without a current evaluation."""


class HazardSort(StrEnum):
    AREA = "area"
    RISK_POINT = "risk_point"
    STEP = "step"
    DESCRIPTION = "description"
    METHOD = "method"
    SCORE = "score"
    LEVEL = "level"
    TIER = "tier"


@dataclass(frozen=True)
class HazardRow:
    id: int
    risk_point_id: int
    risk_point_code: str
    risk_point_name: str
    risk_point_kind: RiskPointKind
    area_id: int | None
    area_name: str
    seq: int
    step_or_item: str
    description: str
    accident_types: str
    """Names joined with "、", in vocabulary order."""
    method: EvaluationMethod | None
    score: str
    inherent_level: RiskLevel | None
    current_level: RiskLevel | None
    control_tier: ControlTier | None
    department_name: str
    """The hazard's responsible department, else its risk point's."""


@dataclass(frozen=True)
class HazardPage:
    rows: tuple[HazardRow, ...]
    total: int


# --- helpers -----------------------------------------------------------------------------------


def _check(problem: str | None, field: str) -> None:
    if problem:
        raise ValidationError(problem, field)


def _max_length(value: str, label: str, limit: int, field: str) -> None:
    if len(value) > limit:
        raise ValidationError(f"{label}不能超过{limit}个字符", field)


def _refs(
    session: Session,
    *,
    department_id: int | None = None,
    person_id: int | None = None,
    area_id: int | None = None,
) -> None:
    if department_id is not None:
        get_or_raise(session, Department, department_id, "责任单位")
    if person_id is not None:
        get_or_raise(session, Person, person_id, "责任人")
    if area_id is not None:
        get_or_raise(session, Area, area_id, "区域")


class _HasId(Protocol):
    id: int | None


def _id(row: _HasId) -> int:
    """The id of a flushed row."""
    if row.id is None:
        raise AssertionError(f"{type(row).__name__} has not been flushed")
    return row.id


def _strip_text(info: Any) -> Any:
    return replace(info, **{k: v.strip() for k, v in asdict(info).items() if isinstance(v, str)})


def _record(e: Evaluation) -> EvaluationRecord:
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


def _latest_by_stage(session: Session, hazard_id: int) -> dict[RiskStage, Evaluation]:
    """The latest evaluation of each stage of one hazard (highest id: evaluations are append-only)."""
    rows = session.exec(
        select(Evaluation).where(Evaluation.hazard_id == hazard_id).order_by(col(Evaluation.id))
    ).all()
    return {e.stage: e for e in rows}


def _set_cache(hazard: Hazard, latest: dict[RiskStage, Evaluation]) -> None:
    inherent, current = latest.get(RiskStage.INHERENT), latest.get(RiskStage.CURRENT)
    hazard.inherent_level = inherent.level if inherent else None
    hazard.current_level = current.level if current else None
    hazard.current_score = (current.score or "") if current else ""
    hazard.current_method = current.method if current else None


def _accident_vocabulary(session: Session) -> str:
    return stored_settings.read(session, settings.ACCIDENT_VOCABULARY)


def accident_type_options(db: Database) -> list[AccidentTypeOption]:
    """The enterprise's accident-type vocabulary without the mining-only types, in code order."""
    with db.read_session() as s:
        rows = s.exec(
            select(AccidentTypeRecord)
            .where(
                AccidentTypeRecord.vocabulary == _accident_vocabulary(s),
                col(AccidentTypeRecord.mining_only).is_(False),
            )
            .order_by(col(AccidentTypeRecord.code))
        ).all()
        return [AccidentTypeOption(r.id or 0, r.code, r.name) for r in rows]


# --- risk points -------------------------------------------------------------------------------


def get_risk_point(db: Database, risk_point_id: int) -> RiskPointInfo:
    with db.read_session() as s:
        row: RiskPoint = get_or_raise(s, RiskPoint, risk_point_id, "风险点")
        posts = s.exec(
            select(PostRiskPoint.post_id)
            .where(PostRiskPoint.risk_point_id == risk_point_id)
            .order_by(col(PostRiskPoint.post_id))
        ).all()
        return _risk_point_info(row, tuple(posts))


def _risk_point_info(row: RiskPoint, post_ids: tuple[int, ...]) -> RiskPointInfo:
    return RiskPointInfo(
        id=row.id,
        name=row.name,
        kind=row.kind,
        area_id=row.area_id,
        code=row.code,
        location=row.location,
        department_id=row.department_id,
        responsible_person_id=row.responsible_person_id,
        asset_no=row.asset_no,
        model_spec=row.model_spec,
        activity_content=row.activity_content,
        activity_frequency=row.activity_frequency,
        note=row.note,
        post_ids=post_ids,
        reviewer_name=row.reviewer_name,
        reviewed_on=row.reviewed_on,
        approver_name=row.approver_name,
        approved_on=row.approved_on,
    )


SIGN_OFF_NAME_LIMIT = 50


def sign_off_problem(info: RiskPointInfo, *, today: date | None = None) -> tuple[str, str] | None:
    """What is wrong with the record's 审核/审定 sign-off, as (message, field); None when it is fine.

    A date needs its name; a name may stand alone (the date is then written by hand). 审定 follows
    审核, so it may not be dated earlier; with ``today`` neither date may lie in the future.
    """
    for name_field, date_field, role in (
        ("reviewer_name", "reviewed_on", "审核"),
        ("approver_name", "approved_on", "审定"),
    ):
        name: str = getattr(info, name_field).strip()
        on: date | None = getattr(info, date_field)
        if len(name) > SIGN_OFF_NAME_LIMIT:
            return f"{role}人不能超过{SIGN_OFF_NAME_LIMIT}个字符", name_field
        if on is not None and not name:
            return f"填写了{role}日期，请同时填写{role}人", name_field
        if on is not None and today is not None and on > today:
            return f"{role}日期不能晚于今天（{today.isoformat()}）", date_field
    if info.reviewed_on is not None and info.approved_on is not None and info.approved_on < info.reviewed_on:
        return "审定日期不能早于审核日期", "approved_on"
    return None


def _validate_risk_point(info: RiskPointInfo, today: date | None = None) -> None:
    _check(required_problem(info.name, "风险点名称", 200), "name")
    try:
        RiskPointKind(info.kind)
    except ValueError:
        raise ValidationError(f"未知的风险点类型：{info.kind}", "kind") from None
    for field, label, limit in (
        ("code", "风险点编号", 32),
        ("location", "区域位置", 200),
        ("asset_no", "编号/位号", 64),
        ("model_spec", "规格型号", 100),
        ("activity_frequency", "活动频率", 50),
    ):
        _max_length(getattr(info, field), label, limit, field)
    problem = sign_off_problem(info, today=today)
    if problem is not None:
        raise ValidationError(*problem)


def _set_posts(session: Session, risk_point_id: int, post_ids: Iterable[int]) -> tuple[list[int], list[int]]:
    """Make exactly ``post_ids`` face the risk point; returns (before, after) for the audit."""
    wanted = set(post_ids)
    for post_id in wanted:
        get_or_raise(session, Post, post_id, "岗位")
    existing = {
        link.post_id: link
        for link in session.exec(
            select(PostRiskPoint).where(PostRiskPoint.risk_point_id == risk_point_id)
        ).all()
    }
    for post_id, link in existing.items():
        if post_id not in wanted:
            session.delete(link)
    for post_id in wanted - existing.keys():
        session.add(PostRiskPoint(post_id=post_id, risk_point_id=risk_point_id))
    return sorted(existing), sorted(wanted)


def save_risk_point(db: Database, info: RiskPointInfo, *, actor: str, today: date | None = None) -> int:
    """Create or update a risk point and the posts facing it; returns its id.

    Refuses an empty name, too long texts, a code another risk point has, references to
    departments, people, areas or posts that do not exist, and a sign-off ``sign_off_problem``
    finds wrong (dates after ``today`` only when it is given).
    """
    info = _strip_text(info)
    _validate_risk_point(info, today)
    with db.session() as s:
        _refs(s, department_id=info.department_id, person_id=info.responsible_person_id, area_id=info.area_id)
        if info.code:
            clash = s.exec(
                select(RiskPoint).where(RiskPoint.code == info.code, RiskPoint.id != (info.id or -1))
            ).first()
            if clash is not None:
                raise ConflictError(f"风险点编号“{info.code}”已被“{clash.name}”使用")
        created = info.id is None
        if info.id is None:
            row = RiskPoint(name=info.name, kind=info.kind)
            row.sort_order = int(s.exec(select(func.coalesce(func.max(RiskPoint.sort_order), -1))).one()) + 1
        else:
            row = get_or_raise(s, RiskPoint, info.id, "风险点")
        fields = {k: v for k, v in asdict(info).items() if k not in ("id", "post_ids")}
        changes = audit.diff({k: getattr(row, k) for k in fields}, fields)
        for key, value in fields.items():
            setattr(row, key, value)
        row.kind = RiskPointKind(info.kind)
        row.updated_at = utcnow()
        s.add(row)
        s.flush()
        assert row.id is not None
        before, after = _set_posts(s, row.id, info.post_ids)
        if before != after:
            changes["post_ids"] = [before, after]
        audit.record(s, actor=actor, action="create" if created else "update", entity="risk_point",
                     entity_id=row.id, summary=f"{'新建' if created else '修改'}风险点：{row.code} {row.name}".strip(),
                     changes=changes)  # fmt: skip
        return row.id


def delete_risk_point(db: Database, risk_point_id: int, *, actor: str) -> None:
    """Delete a risk point with its hazards, their evaluations, measures and check items.

    Hidden dangers registered against it keep their record and lose only the link.
    """
    with db.session() as s:
        row: RiskPoint = get_or_raise(s, RiskPoint, risk_point_id, "风险点")
        hazards = int(
            s.exec(
                select(func.count()).select_from(Hazard).where(Hazard.risk_point_id == risk_point_id)
            ).one()
        )
        s.delete(row)
        audit.record(s, actor=actor, action="delete", entity="risk_point", entity_id=risk_point_id,
                     summary=f"删除风险点：{row.code} {row.name}（含危险源 {hazards} 条）".strip(),
                     changes={"hazards": hazards})  # fmt: skip


# --- hazards -----------------------------------------------------------------------------------


def _hazard_info(session: Session, row: Hazard) -> HazardInfo:
    hazard_id = row.id or 0
    type_ids = session.exec(
        select(HazardAccidentType.accident_type_id)
        .join(AccidentTypeRecord, col(AccidentTypeRecord.id) == col(HazardAccidentType.accident_type_id))
        .where(HazardAccidentType.hazard_id == hazard_id)
        .order_by(col(AccidentTypeRecord.sort_order), col(AccidentTypeRecord.code))
    ).all()
    measures = session.exec(
        select(ControlMeasure)
        .where(ControlMeasure.hazard_id == hazard_id)
        .order_by(col(ControlMeasure.sort_order), col(ControlMeasure.id))
    ).all()
    return HazardInfo(
        id=hazard_id,
        risk_point_id=row.risk_point_id,
        description=row.description,
        step_or_item=row.step_or_item,
        standard=row.standard,
        factor_category=row.factor_category,
        consequence=row.consequence,
        accident_type_ids=tuple(type_ids),
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
        history = s.exec(
            select(Evaluation).where(Evaluation.hazard_id == hazard_id).order_by(col(Evaluation.id).desc())
        ).all()
        records = [_record(e) for e in history]
        return HazardDetail(
            info=_hazard_info(s, row),
            inherent=next((r for r in records if r.stage is RiskStage.INHERENT), None),
            current=next((r for r in records if r.stage is RiskStage.CURRENT), None),
            history=tuple(records),
        )


def _validate_hazard(info: HazardInfo, evaluations: Sequence[EvaluationInput]) -> None:
    _check(required_problem(info.description, "危险源或潜在事件", 2000), "description")
    _max_length(info.step_or_item, "作业步骤/检查项目", 200, "step_or_item")
    if info.factor_category and info.factor_category not in _FACTOR_CODES:
        raise ValidationError(
            f"危险有害因素分类“{info.factor_category}”不是 GB/T 13861 的分类代码", "factor_category"
        )
    if info.control_tier is not None:
        ControlTier(info.control_tier)
    if info.seq < 0:
        raise ValidationError("序号不能为负数", "seq")
    for i, measure in enumerate(info.measures, start=1):
        _check(required_problem(measure.content, f"第{i}条管控措施的内容", 1000), "measures")
        try:
            ControlMeasureCategory(measure.category)
        except ValueError:
            raise ValidationError(f"第{i}条管控措施的类别未知：{measure.category}", "measures") from None
    for ev in evaluations:
        if ev.evaluated_on is None:
            raise ValidationError(f"{RiskStage(ev.stage).label}评价缺少评价日期", "evaluated_on")
        _max_length(ev.assessor_name.strip(), "评价人", 50, "assessor_name")


def _grade_inputs(session: Session, evaluations: Sequence[EvaluationInput]) -> list[GradedEvaluation]:
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


def _check_accident_types(session: Session, type_ids: Sequence[int]) -> list[int]:
    wanted = list(dict.fromkeys(type_ids))
    if not wanted:
        return []
    vocabulary = _accident_vocabulary(session)
    known = set(
        session.exec(
            select(AccidentTypeRecord.id).where(
                col(AccidentTypeRecord.id).in_(wanted), AccidentTypeRecord.vocabulary == vocabulary
            )
        ).all()
    )
    unknown = [str(t) for t in wanted if t not in known]
    if unknown:
        raise ValidationError(f"未知的事故类型（编号 {'、'.join(unknown)}）", "accident_type_ids")
    return wanted


def _new_evaluation(hazard_id: int, stage: RiskStage, g: GradedEvaluation, **kw: Any) -> Evaluation:
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


def _replace_measures(session: Session, hazard_id: int, measures: Sequence[MeasureInfo]) -> list[str]:
    """Make the hazard's measures exactly ``measures`` (in that order), keeping rows whose id is given
    so check items generated from them stay linked. Returns the audit note."""
    existing = {
        m.id: m
        for m in session.exec(select(ControlMeasure).where(ControlMeasure.hazard_id == hazard_id)).all()
    }
    kept_ids = {m.id for m in measures if m.id is not None}
    foreign = kept_ids - existing.keys()
    if foreign:
        raise ValidationError("管控措施不属于该危险源，请重新打开后再保存", "measures")
    for measure_id, row in existing.items():
        if measure_id not in kept_ids:
            session.delete(row)
    for order, m in enumerate(measures):
        _refs(session, department_id=m.responsible_department_id, person_id=m.responsible_person_id)
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
    existing = set(
        session.exec(
            select(HazardAccidentType.accident_type_id).where(HazardAccidentType.hazard_id == hazard_id)
        ).all()
    )
    wanted = set(type_ids)
    if wanted != existing:
        session.exec(
            delete(HazardAccidentType).where(
                col(HazardAccidentType.hazard_id) == hazard_id,
                col(HazardAccidentType.accident_type_id).not_in(wanted),
            )
        )
        session.add_all(
            HazardAccidentType(hazard_id=hazard_id, accident_type_id=t) for t in wanted - existing
        )
    return sorted(existing), sorted(wanted)


_HAZARD_FIELDS = (
    "risk_point_id", "description", "step_or_item", "standard", "factor_category", "consequence",
    "control_tier", "responsible_department_id", "responsible_person_id", "suggested_measures", "note",
)  # fmt: skip


def save_hazard(
    db: Database, info: HazardInfo, *, actor: str, evaluations: Sequence[EvaluationInput] = ()
) -> int:
    """Create or update a hazard with its accident types, measures and new evaluations; returns its id.

    One transaction: the fields, the accident types and measures replaced (measures keep their ids
    where given), each evaluation appended as a new row graded with the enterprise's scheme for its
    method (直接判定: by the ticked items), and the cached levels updated. A hazard without a control
    tier gets the tier the enterprise's table suggests for its current level.

    Refuses with a ValidationError (and writes nothing) a missing description, an unknown factor
    category or accident type, an evaluation without a date, a factor value off the scale (the
    message lists the allowed values), and a current level more severe than the inherent one
    (comparing the latest of each stage after this save).
    """
    info = _strip_text(info)
    _validate_hazard(info, evaluations)
    with db.session() as s:
        point: RiskPoint = get_or_raise(s, RiskPoint, info.risk_point_id, "风险点")
        _refs(s, department_id=info.responsible_department_id, person_id=info.responsible_person_id)
        type_ids = _check_accident_types(s, info.accident_type_ids)
        graded = _grade_inputs(s, evaluations)
        created = info.id is None
        row: Hazard = (
            Hazard(risk_point_id=info.risk_point_id, description=info.description)
            if info.id is None
            else get_or_raise(s, Hazard, info.id, "危险源")
        )
        latest_levels = {st: e.level for st, e in (_latest_by_stage(s, info.id) if info.id else {}).items()}
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
            last = s.exec(
                select(func.max(Hazard.seq)).where(Hazard.risk_point_id == info.risk_point_id)
            ).one()
            row.seq = int(last or 0) + 1
        row.updated_at = utcnow()
        s.add(row)
        s.flush()
        hazard_id = row.id
        assert hazard_id is not None

        before, after = _replace_accident_types(s, hazard_id, type_ids)
        if before != after:
            changes["accident_type_ids"] = [before, after]
        notes = _replace_measures(s, hazard_id, info.measures)
        for ev, g in zip(evaluations, graded, strict=True):
            s.add(_new_evaluation(hazard_id, RiskStage(ev.stage), g, assessor_name=ev.assessor_name.strip(),
                                  evaluated_on=ev.evaluated_on, note=ev.note.strip()))  # fmt: skip
            notes.append(f"{RiskStage(ev.stage).label}评价：{g.level.label}")
        s.flush()
        _set_cache(row, _latest_by_stage(s, hazard_id))
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


# --- copying -----------------------------------------------------------------------------------

# The sign-off (reviewer_name … approved_on) is deliberately not copied: nobody has reviewed the copy.
_COPIED_POINT_FIELDS = (
    "name", "kind", "location", "department_id", "responsible_person_id", "asset_no", "model_spec",
    "activity_content", "activity_frequency", "library_key", "sort_order", "note",
)  # fmt: skip
_COPIED_HAZARD_FIELDS = (
    "seq", "step_or_item", "standard", "description", "factor_category", "consequence", "control_tier",
    "responsible_department_id", "responsible_person_id", "suggested_measures", "note", "inherent_level",
    "current_level", "current_score", "current_method",
)  # fmt: skip
_COPIED_MEASURE_FIELDS = (
    "category", "content", "is_existing", "control_tier", "responsible_department_id",
    "responsible_person_id", "sort_order",
)  # fmt: skip
_COPIED_EVALUATION_FIELDS = (
    "stage", "method", "scheme_code", "l_value", "e_value", "c_value", "s_value", "score", "band",
    "band_label", "level", "direct_reasons", "assessor_name", "assessor_id", "evaluated_on",
)  # fmt: skip


def _copy_fields(row: SQLModel, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}


def copy_risk_point(
    db: Database,
    risk_point_id: int,
    *,
    area_id: int | None,
    post_ids: tuple[int, ...] = (),
    name: str | None = None,
    actor: str,
) -> int:
    """Copy a risk point into ``area_id`` (faced by ``post_ids``) with all its hazards, accident types,
    measures and the latest evaluation of each stage; returns the new risk point's id.

    The copied evaluations are new rows noted “复制自 <原风险点>”; the copy gets an unused code
    (``FX-001`` → ``FX-001-2``) and ``name`` if given. Its record has no 审核/审定 sign-off yet.
    """
    new_name = (name or "").strip()
    if name is not None:
        _check(required_problem(new_name, "风险点名称", 200), "name")
    with db.session() as s:
        source: RiskPoint = get_or_raise(s, RiskPoint, risk_point_id, "风险点")
        _refs(s, area_id=area_id)
        taken = set(s.exec(select(RiskPoint.code)).all())
        copy = RiskPoint(**_copy_fields(source, _COPIED_POINT_FIELDS))
        copy.code = unique_copy_code(source.code, taken)
        copy.area_id = area_id
        if new_name:
            copy.name = new_name
        s.add(copy)
        s.flush()
        copy_id = copy.id
        assert copy_id is not None
        _set_posts(s, copy_id, post_ids)

        hazards = s.exec(
            select(Hazard)
            .where(Hazard.risk_point_id == risk_point_id)
            .order_by(col(Hazard.seq), col(Hazard.id))
        ).all()
        pairs = [
            (h, Hazard(risk_point_id=copy_id, **_copy_fields(h, _COPIED_HAZARD_FIELDS))) for h in hazards
        ]
        s.add_all(new for _old, new in pairs)
        s.flush()
        new_ids = {_id(old): _id(new) for old, new in pairs}
        old_ids = list(new_ids)
        links = s.exec(select(HazardAccidentType).where(col(HazardAccidentType.hazard_id).in_(old_ids))).all()
        s.add_all(HazardAccidentType(hazard_id=new_ids[ln.hazard_id], accident_type_id=ln.accident_type_id)
                  for ln in links)  # fmt: skip
        measures = s.exec(
            select(ControlMeasure)
            .where(col(ControlMeasure.hazard_id).in_(old_ids))
            .order_by(col(ControlMeasure.sort_order), col(ControlMeasure.id))
        ).all()
        s.add_all(ControlMeasure(hazard_id=new_ids[m.hazard_id], **_copy_fields(m, _COPIED_MEASURE_FIELDS))
                  for m in measures)  # fmt: skip
        note = f"复制自 {source.code} {source.name}" if source.code else f"复制自 {source.name}"
        for old, new in pairs:
            latest = _latest_by_stage(s, old.id or 0)
            for stage in RiskStage:
                if stage in latest:
                    s.add(Evaluation(hazard_id=new.id or 0, note=note,
                                     **_copy_fields(latest[stage], _COPIED_EVALUATION_FIELDS)))  # fmt: skip
        audit.record(s, actor=actor, action="copy", entity="risk_point", entity_id=copy_id,
                     summary=f"复制风险点：{source.code} {source.name} → {copy.code} {copy.name}"
                             f"（危险源 {len(pairs)} 条）",
                     changes={"source_id": risk_point_id, "area_id": area_id, "post_ids": sorted(post_ids)})  # fmt: skip
        return copy_id


# --- the hazard list ---------------------------------------------------------------------------

_HazardDept = aliased(Department, name="hazard_department")
_PointDept = aliased(Department, name="point_department")


def _accident_types_expr() -> Any:
    """The hazard's accident-type names joined with "、" in vocabulary order, as one SQL expression."""
    ordered = (
        select(col(AccidentTypeRecord.name).label("name"))
        .join(HazardAccidentType, col(HazardAccidentType.accident_type_id) == col(AccidentTypeRecord.id))
        .where(col(HazardAccidentType.hazard_id) == col(Hazard.id))
        .order_by(col(AccidentTypeRecord.sort_order), col(AccidentTypeRecord.code))
        .correlate(Hazard)
        .subquery()
    )
    return (
        select(func.group_concat(ordered.c.name, literal(_ACCIDENT_TYPE_SEPARATOR)))
        .correlate(Hazard)
        .scalar_subquery()
    )


def _filters(flt: HazardFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if flt.area_id is not None:
        where.append(col(RiskPoint.area_id) == flt.area_id)
    if flt.risk_point_id is not None:
        where.append(col(Hazard.risk_point_id) == flt.risk_point_id)
    if flt.level is not None:
        where.append(col(Hazard.current_level) == RiskLevel(flt.level))
    if flt.method is not None:
        where.append(col(Hazard.current_method) == EvaluationMethod(flt.method))
    if flt.unevaluated_only:
        where.append(col(Hazard.current_level).is_(None))
    if flt.accident_type_id is not None:
        where.append(
            exists().where(
                col(HazardAccidentType.hazard_id) == col(Hazard.id),
                col(HazardAccidentType.accident_type_id) == flt.accident_type_id,
            )
        )
    keyword = flt.keyword.strip()
    if keyword:
        where.append(
            or_(
                *(
                    c.contains(keyword, autoescape=True)
                    for c in (
                        col(Hazard.description),
                        col(Hazard.step_or_item),
                        col(Hazard.consequence),
                        col(RiskPoint.name),
                        col(RiskPoint.code),
                    )
                )
            )
        )
    return where


def _sort_keys(sort: HazardSort) -> list[Any]:
    tier_rank = case({t.value: t.rank for t in ControlTier}, value=col(Hazard.control_tier))
    score = cast(func.nullif(col(Hazard.current_score), ""), SAFloat)
    point = [col(RiskPoint.code), col(RiskPoint.name), col(RiskPoint.id)]
    keys: dict[HazardSort, list[Any]] = {
        HazardSort.AREA: [
            col(Area.id).is_(None),
            col(Area.sort_order),
            col(Area.name),
            col(RiskPoint.sort_order),
        ],
        HazardSort.RISK_POINT: point,
        HazardSort.STEP: [col(Hazard.step_or_item)],
        HazardSort.DESCRIPTION: [col(Hazard.description)],
        HazardSort.METHOD: [col(Hazard.current_method)],
        HazardSort.SCORE: [score],
        HazardSort.LEVEL: [col(Hazard.current_level)],
        HazardSort.TIER: [tier_rank],
    }
    return keys[HazardSort(sort)]


def _hazard_select() -> Any:
    # More columns than the typed overloads of sqlmodel's select() take, so plain SQLAlchemy.
    return (
        sa_select(
            col(Hazard.id),
            col(Hazard.risk_point_id),
            col(RiskPoint.code),
            col(RiskPoint.name),
            col(RiskPoint.kind),
            col(RiskPoint.area_id),
            func.coalesce(col(Area.name), ""),
            col(Hazard.seq),
            col(Hazard.step_or_item),
            col(Hazard.description),
            func.coalesce(_accident_types_expr(), ""),
            col(Hazard.current_method),
            col(Hazard.current_score),
            col(Hazard.inherent_level),
            col(Hazard.current_level),
            col(Hazard.control_tier),
            func.coalesce(col(_HazardDept.name), col(_PointDept.name), ""),
        )
        .select_from(Hazard)
        .join(RiskPoint, col(RiskPoint.id) == col(Hazard.risk_point_id))
        .outerjoin(Area, col(Area.id) == col(RiskPoint.area_id))
        .outerjoin(_HazardDept, col(_HazardDept.id) == col(Hazard.responsible_department_id))
        .outerjoin(_PointDept, col(_PointDept.id) == col(RiskPoint.department_id))
    )


def _row(v: Sequence[Any]) -> HazardRow:
    return HazardRow(
        id=v[0],
        risk_point_id=v[1],
        risk_point_code=v[2],
        risk_point_name=v[3],
        risk_point_kind=v[4],
        area_id=v[5],
        area_name=v[6],
        seq=v[7],
        step_or_item=v[8],
        description=v[9],
        accident_types=v[10],
        method=v[11],
        score=v[12] or "",
        inherent_level=v[13],
        current_level=v[14],
        control_tier=v[15],
        department_name=v[16],
    )


def query_hazards(
    db: Database,
    flt: HazardFilter,
    *,
    sort: HazardSort = HazardSort.AREA,
    descending: bool = False,
    offset: int = 0,
    limit: int = 500,
) -> HazardPage:
    """One page of hazards matching ``flt`` and how many match in all; filtered, sorted and paged in SQL.

    Sorting by level puts 重大 first when ascending; score sorts numerically; hazards without a value
    for the sort key come last either way; ties keep the inventory order (risk point, step).
    """
    where = _filters(flt)
    primary = [k.desc() if descending else k.asc() for k in _sort_keys(sort)]
    ties = [col(RiskPoint.code), col(RiskPoint.id), col(Hazard.seq), col(Hazard.id)]
    order = [k.nulls_last() for k in primary] + ties
    with db.read_session() as s:
        total = s.exec(
            select(func.count(col(Hazard.id)))
            .select_from(Hazard)
            .join(RiskPoint, col(RiskPoint.id) == col(Hazard.risk_point_id))
            .where(*where)
        ).one()
        # Page the ids first, so the accident-type aggregate runs for the page's rows only.
        page_ids = (
            select(col(Hazard.id))
            .join(RiskPoint, col(RiskPoint.id) == col(Hazard.risk_point_id))
            .outerjoin(Area, col(Area.id) == col(RiskPoint.area_id))
            .where(*where)
            .order_by(*order)
            .offset(max(offset, 0))
            .limit(max(limit, 0))
        )
        rows = s.exec(_hazard_select().where(col(Hazard.id).in_(page_ids)).order_by(*order))
        return HazardPage(tuple(_row(r) for r in rows.all()), int(total))


def list_hazards_of(db: Database, risk_point_id: int) -> list[HazardRow]:
    """The hazards of one risk point in their order (序号)."""
    with db.read_session() as s:
        rows = s.exec(
            _hazard_select()
            .where(col(Hazard.risk_point_id) == risk_point_id)
            .order_by(col(Hazard.seq), col(Hazard.id))
        ).all()
        return [_row(r) for r in rows]


# --- levels ("从严从高") -------------------------------------------------------------------------


def _levels(rows: Iterable[tuple[int | None, Any]]) -> dict[int, RiskLevel | None]:
    return {
        row_id: None if level is None else RiskLevel(level) for row_id, level in rows if row_id is not None
    }


def risk_point_levels(db: Database) -> dict[int, RiskLevel | None]:
    """Every risk point's level: the most severe current level of its hazards (None: none evaluated)."""
    with db.read_session() as s:
        return _levels(
            s.exec(
                select(col(RiskPoint.id), func.min(col(Hazard.current_level)))
                .outerjoin(Hazard, col(Hazard.risk_point_id) == col(RiskPoint.id))
                .group_by(col(RiskPoint.id))
            ).all()
        )


def post_levels(db: Database) -> dict[int, RiskLevel | None]:
    """Every post's level: the most severe level of the risk points it faces."""
    with db.read_session() as s:
        return _levels(
            s.exec(
                select(col(Post.id), func.min(col(Hazard.current_level)))
                .outerjoin(PostRiskPoint, col(PostRiskPoint.post_id) == col(Post.id))
                .outerjoin(Hazard, col(Hazard.risk_point_id) == col(PostRiskPoint.risk_point_id))
                .group_by(col(Post.id))
            ).all()
        )


def area_levels(db: Database) -> dict[int, RiskLevel | None]:
    """Every area's level: the most severe level of its risk points."""
    with db.read_session() as s:
        return _levels(
            s.exec(
                select(col(Area.id), func.min(col(Hazard.current_level)))
                .outerjoin(RiskPoint, col(RiskPoint.area_id) == col(Area.id))
                .outerjoin(Hazard, col(Hazard.risk_point_id) == col(RiskPoint.id))
                .group_by(col(Area.id))
            ).all()
        )


def evaluation_factor_keys(method: EvaluationMethod) -> tuple[str, ...]:
    """The factors an evaluation of ``method`` records (LEC: L, E, C; LS: L, S; 直接判定: none)."""
    return FACTOR_KEYS.get(EvaluationMethod(method), ())
