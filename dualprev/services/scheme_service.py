"""Grading schemes and the level → control-tier table (domain.md §3, §3.5), and regrading.

Schemes are data: the presets ship with the app, the enterprise's own copies live in the
``grading_scheme`` table as JSON, and settings name the one in use per method (``scheme.LEC``,
``scheme.LS``) and the tier table (``tier_by_level``). Switching either goes through
:func:`preview_regrade` (what would change) and :func:`apply_regrade` (one transaction, one audit
entry); a scheme that is in use or already graded evaluations is never edited in place — copy it.
"""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dualprev.domain import settings
from dualprev.domain.evaluation_rules import (
    EvaluationProblem,
    GradedEvaluation,
    current_exceeds_inherent,
    regrade,
    tier_table_problems,
)
from dualprev.domain.grading import (
    DEFAULT_SCHEME_CODES,
    FACTOR_KEYS,
    PRESET_SCHEMES,
    DirectJudgementItem,
    FactorOutOfScale,
    GradingScheme,
    InvalidScheme,
    highest_level,
    preset,
    scheme_from_dict,
    scheme_problems,
    scheme_to_dict,
)
from dualprev.domain.risk import ControlTier, EvaluationMethod, RiskLevel, RiskStage
from dualprev.errors import ConflictError, NotFoundError, ValidationError
from dualprev.storage import audit
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Evaluation, GradingSchemeRecord, Hazard
from dualprev.storage.queries import grading as queries

REGRADE_NOTE = "分级方案变更重新分级"
_PRESET_CODES = {s.code for s in PRESET_SCHEMES}


# --- schemes -----------------------------------------------------------------------------------


def _record_scheme(row: GradingSchemeRecord) -> GradingScheme:
    """The scheme a table row holds; the row's columns win over the copy inside the JSON."""
    data = dict(json.loads(row.definition or "{}"))
    data.update(code=row.code, name=row.name, method=row.method.value, version=row.version)
    return scheme_from_dict(data)


def _custom_schemes(session: Session) -> list[GradingScheme]:
    schemes = []
    for row in queries.scheme_rows(session=session):
        if row.code in _PRESET_CODES:
            continue  # the shipped definition of a preset is the one in the code
        try:
            schemes.append(_record_scheme(row))
        except (InvalidScheme, ValueError):
            continue  # a damaged row is not offered; it can still be replaced by saving that code
    return schemes


def scheme_by_code(session: Session, code: str) -> GradingScheme | None:
    """A preset or the enterprise's scheme with ``code``, or None."""
    if code in _PRESET_CODES:
        return preset(code)
    return next((s for s in _custom_schemes(session) if s.code == code), None)


def _require_scheme(session: Session, code: str) -> GradingScheme:
    scheme = scheme_by_code(session, code)
    if scheme is None:
        raise NotFoundError(f"分级方案“{code}”不存在")
    return scheme


def list_schemes(db: Database, method: EvaluationMethod | None = None) -> list[GradingScheme]:
    """Presets first (in shipping order), then the enterprise's schemes by code."""
    with db.read_session() as s:
        schemes = [*PRESET_SCHEMES, *_custom_schemes(s)]
    return [x for x in schemes if method is None or x.method is method]


def get_scheme(db: Database, code: str) -> GradingScheme:
    with db.read_session() as s:
        return _require_scheme(s, code)


def is_preset(code: str) -> bool:
    return code in _PRESET_CODES


def active_schemes_in(session: Session) -> dict[EvaluationMethod, GradingScheme]:
    """The scheme in use per scored method; a missing or unknown setting means the default."""
    result = {}
    for method, spec in settings.SCHEME_BY_METHOD.items():
        code = stored_settings.read(session, spec)
        scheme = scheme_by_code(session, code)
        if scheme is None or scheme.method is not method:
            scheme = preset(DEFAULT_SCHEME_CODES[method])
        result[method] = scheme
    return result


def active_schemes(db: Database) -> dict[EvaluationMethod, GradingScheme]:
    with db.read_session() as s:
        return active_schemes_in(s)


def tier_table_in(session: Session) -> dict[RiskLevel, ControlTier]:
    return stored_settings.read(session, settings.TIER_BY_LEVEL)


def tier_table(db: Database) -> dict[RiskLevel, ControlTier]:
    """The level → control-tier table (setting ``tier_by_level``; domain.md §3.5 by default)."""
    with db.read_session() as s:
        return tier_table_in(s)


def suggested_tier(db: Database, level: RiskLevel) -> ControlTier:
    return tier_table(db)[level]


def direct_items_in(session: Session) -> tuple[DirectJudgementItem, ...]:
    """The 直接判定 checklist: the setting ``direct_judgement_items`` if present, else the defaults."""
    return stored_settings.read(session, settings.DIRECT_JUDGEMENT_ITEMS)


def direct_judgement_items(db: Database) -> tuple[DirectJudgementItem, ...]:
    with db.read_session() as s:
        return direct_items_in(s)


def _scheme_uses(session: Session, code: str) -> list[str]:
    uses = []
    active = [
        m for m, spec in settings.SCHEME_BY_METHOD.items() if stored_settings.read(session, spec) == code
    ]
    if active:
        uses.append(f"正在用于{'、'.join(m.value for m in active)}评价")
    graded = queries.evaluations_graded_by(session=session, code=code)
    if graded:
        uses.append(f"已有 {graded} 条评价按它分级")
    return uses


def _substance(scheme: GradingScheme | GradingSchemeRecord) -> Any:
    """What grades: the method, the factor ladders and the bands (not the code, name or version)."""
    if isinstance(scheme, GradingSchemeRecord):
        try:
            scheme = _record_scheme(scheme)
        except (InvalidScheme, ValueError):
            return None
    data = scheme_to_dict(scheme)
    return (data["method"], data["factors"], data["bands"])


def save_custom_scheme(db: Database, scheme: GradingScheme, *, actor: str) -> None:
    """Create the enterprise's scheme ``scheme.code``, or change one nothing depends on yet.

    Refuses an invalid scheme (ValidationError listing the problems), a preset's code, and changes
    to a scheme that is in use or has graded evaluations (ConflictError: copy it and switch to the
    copy through a regrade, so evaluations always match the scheme they name).
    """
    scheme = replace(scheme, code=scheme.code.strip(), name=scheme.name.strip())
    problems = scheme_problems(scheme)
    if problems:
        raise ValidationError("分级方案有误：" + "；".join(problems))
    if scheme.code in _PRESET_CODES:
        raise ConflictError(f"“{scheme.code}”是内置方案的编号，请为自定义方案另取一个编号")
    with db.session() as s:
        row = queries.scheme_row(session=s, code=scheme.code)
        created = row is None
        changed = row is None or _substance(row) != _substance(scheme)
        if row is not None:
            if row.method is not scheme.method:
                raise ConflictError(f"分级方案“{scheme.code}”的评价方法不能改变")
            uses = _scheme_uses(s, scheme.code)
            if uses and changed:
                raise ConflictError(
                    f"分级方案“{scheme.code}”{'，'.join(uses)}，不能直接修改。"
                    "请复制为新方案后修改，再通过“重新分级”启用。"
                )
        clash = queries.scheme_name_taken(session=s, name=scheme.name, own_code=scheme.code)
        if clash or any(p.name == scheme.name for p in PRESET_SCHEMES):
            raise ConflictError(f"已有名为“{scheme.name}”的分级方案")
        if row is None:
            row = GradingSchemeRecord(code=scheme.code, name=scheme.name, method=scheme.method)
        else:
            # A changed table is a new version; evaluations name only the code, so a scheme in use
            # never gets here (refused above).
            scheme = replace(scheme, version=row.version + 1 if changed else row.version)
        old = {"name": row.name, "version": row.version, "definition": row.definition}
        definition = json.dumps(scheme_to_dict(scheme), ensure_ascii=False)
        row.name, row.version, row.definition, row.is_builtin = scheme.name, scheme.version, definition, False
        s.add(row)
        s.flush()
        audit.record(
            s,
            actor=actor,
            action="create" if created else "update",
            entity="grading_scheme",
            entity_id=row.id,
            summary=f"{'新建' if created else '修改'}分级方案：{scheme.code} {scheme.name}",
            changes=audit.diff(old, {"name": row.name, "version": row.version, "definition": definition}),
        )


def copy_scheme(db: Database, source_code: str, new_code: str, new_name: str, *, actor: str) -> GradingScheme:
    """Save a copy of any scheme under a new code and name (version 1), to be edited and adopted."""
    new_code, new_name = new_code.strip(), new_name.strip()
    with db.read_session() as s:
        source = _require_scheme(s, source_code)
        if scheme_by_code(s, new_code) is not None:
            raise ConflictError(f"已有编号为“{new_code}”的分级方案")
    copy = replace(source, code=new_code, name=new_name, version=1)
    save_custom_scheme(db, copy, actor=actor)
    return copy


def delete_custom_scheme(db: Database, code: str, *, actor: str) -> None:
    """Delete one of the enterprise's schemes that is neither in use nor named by any evaluation."""
    if code in _PRESET_CODES:
        raise ConflictError(f"“{code}”是内置方案，不能删除")
    with db.session() as s:
        row = queries.scheme_row(session=s, code=code)
        if row is None:
            raise NotFoundError(f"分级方案“{code}”不存在")
        uses = _scheme_uses(s, code)
        if uses:
            raise ConflictError(f"分级方案“{code}”{'，'.join(uses)}，不能删除")
        s.delete(row)
        audit.record(s, actor=actor, action="delete", entity="grading_scheme", entity_id=row.id,
                     summary=f"删除分级方案：{row.code} {row.name}")  # fmt: skip


# --- regrading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegradeChange:
    hazard_id: int
    risk_point_name: str
    description: str
    stage: RiskStage
    old_level: RiskLevel
    new_level: RiskLevel


@dataclass(frozen=True)
class RegradeConflict:
    """A hazard whose current risk would end up more severe than its inherent risk."""

    hazard_id: int
    risk_point_name: str
    description: str
    inherent_level: RiskLevel
    current_level: RiskLevel


@dataclass(frozen=True)
class RegradePreview:
    hazards_changed: int
    risk_points_changed: int
    tiers_changed: int
    changes: tuple[RegradeChange, ...]
    conflicts: tuple[RegradeConflict, ...] = ()
    """Hazards that block the switch (e.g. a 直接判定 current risk above a regraded inherent one)."""


@dataclass(frozen=True)
class _HazardPlan:
    hazard_id: int
    risk_point_id: int
    risk_point_name: str
    description: str
    old_inherent: RiskLevel | None
    old_current: RiskLevel | None
    new_inherent: RiskLevel | None
    new_current: RiskLevel | None
    old_tier: ControlTier | None
    new_tier: ControlTier | None
    changed: tuple[tuple[RiskStage, Evaluation, GradedEvaluation], ...]


@dataclass(frozen=True)
class _Plan:
    new_schemes: dict[EvaluationMethod, GradingScheme]
    new_tiers: dict[RiskLevel, ControlTier]
    hazards: tuple[_HazardPlan, ...]
    preview: RegradePreview


def _target_schemes(
    session: Session, schemes: Mapping[EvaluationMethod, str]
) -> dict[EvaluationMethod, GradingScheme]:
    result = active_schemes_in(session)
    for method, code in schemes.items():
        method = EvaluationMethod(method)
        if method not in FACTOR_KEYS:
            raise ValidationError(f"{method.label}不使用分级方案")
        scheme = _require_scheme(session, code)
        if scheme.method is not method:
            raise ValidationError(
                f"分级方案“{code}”用于{scheme.method.value}评价，不能用于{method.value}评价"
            )
        result[method] = scheme
    return result


def _target_tiers(tiers: Mapping[RiskLevel, ControlTier]) -> dict[RiskLevel, ControlTier]:
    table = {RiskLevel(level): ControlTier(tier) for level, tier in tiers.items()}
    problems = tier_table_problems(table)
    if problems:
        raise ValidationError("；".join(problems))
    return table


def _factors_of(evaluation: Evaluation) -> tuple[tuple[str, str], ...]:
    values = {
        "L": evaluation.l_value,
        "E": evaluation.e_value,
        "C": evaluation.c_value,
        "S": evaluation.s_value,
    }
    return tuple((key, values[key] or "") for key in FACTOR_KEYS[evaluation.method])


def _plan(
    session: Session, schemes: Mapping[EvaluationMethod, str], tiers: Mapping[RiskLevel, ControlTier]
) -> _Plan:
    new_schemes = _target_schemes(session, schemes)
    new_tiers = _target_tiers(tiers)
    old_tiers = tier_table_in(session)
    latest = queries.latest_evaluations(session=session)
    point_names = queries.risk_point_names(session=session)
    hazards = queries.hazards_in_inventory_order(session=session)
    plans: list[_HazardPlan] = []
    off_scale: list[str] = []
    for hz in hazards:
        hazard_id = hz.id or 0
        levels: dict[RiskStage, RiskLevel | None] = {}
        changed: list[tuple[RiskStage, Evaluation, GradedEvaluation]] = []
        for stage in RiskStage:
            ev = latest.get((hazard_id, stage))
            levels[stage] = ev.level if ev else None
            if ev is None or ev.method not in new_schemes:
                continue
            try:
                graded = regrade(new_schemes[ev.method], _factors_of(ev))
            except (FactorOutOfScale, EvaluationProblem) as exc:
                off_scale.append(f"{point_names.get(hz.risk_point_id, '')}“{hz.description}”：{exc}")
                continue
            if graded.level != ev.level:
                levels[stage] = graded.level
                changed.append((stage, ev, graded))
        old_current = hz.current_level
        new_current = levels[RiskStage.CURRENT]
        new_tier = hz.control_tier
        if (
            old_current is not None
            and new_current is not None
            and hz.control_tier == old_tiers[old_current]
            and new_tiers[new_current] != hz.control_tier
        ):
            new_tier = new_tiers[new_current]
        plans.append(
            _HazardPlan(
                hazard_id=hazard_id,
                risk_point_id=hz.risk_point_id,
                risk_point_name=point_names.get(hz.risk_point_id, ""),
                description=hz.description,
                old_inherent=hz.inherent_level,
                old_current=old_current,
                new_inherent=levels[RiskStage.INHERENT],
                new_current=new_current,
                old_tier=hz.control_tier,
                new_tier=new_tier,
                changed=tuple(changed),
            )
        )
    if off_scale:
        more = f"等 {len(off_scale)} 条" if len(off_scale) > 3 else ""
        raise ValidationError(
            f"有评价的取值不在新分级方案的量表内，不能切换：{'；'.join(off_scale[:3])}{more}"
        )
    return _Plan(new_schemes, new_tiers, tuple(plans), _summarise(plans))


def _summarise(plans: Iterable[_HazardPlan]) -> RegradePreview:
    plans = list(plans)
    changes = tuple(
        RegradeChange(p.hazard_id, p.risk_point_name, p.description, stage, ev.level, graded.level)
        for p in plans
        for stage, ev, graded in p.changed
    )
    conflicts = tuple(
        RegradeConflict(p.hazard_id, p.risk_point_name, p.description, p.new_inherent, p.new_current)
        for p in plans
        if p.new_inherent is not None
        and p.new_current is not None
        and current_exceeds_inherent(p.new_inherent, p.new_current)
    )
    old_points: dict[int, list[RiskLevel | None]] = {}
    new_points: dict[int, list[RiskLevel | None]] = {}
    for p in plans:
        old_points.setdefault(p.risk_point_id, []).append(p.old_current)
        new_points.setdefault(p.risk_point_id, []).append(p.new_current)
    points_changed = sum(highest_level(old_points[rp]) != highest_level(new_points[rp]) for rp in old_points)
    return RegradePreview(
        hazards_changed=sum(1 for p in plans if p.changed),
        risk_points_changed=points_changed,
        tiers_changed=sum(1 for p in plans if p.new_tier != p.old_tier),
        changes=changes,
        conflicts=conflicts,
    )


def preview_regrade(
    db: Database, *, schemes: Mapping[EvaluationMethod, str], tiers: Mapping[RiskLevel, ControlTier]
) -> RegradePreview:
    """What :func:`apply_regrade` with the same arguments would change; writes nothing.

    ``schemes`` names the scheme per method (methods left out keep theirs); ``tiers`` is the whole
    new level → control-tier table.
    """
    with db.read_session() as s:
        return _plan(s, schemes, tiers).preview


def apply_regrade(
    db: Database,
    *,
    schemes: Mapping[EvaluationMethod, str],
    tiers: Mapping[RiskLevel, ControlTier],
    actor: str,
    today: date,
) -> RegradePreview:
    """Adopt the schemes and tier table and regrade everything, in one transaction.

    Each hazard's latest LEC/LS evaluation of a stage whose level changes gets a new evaluation row
    (same factors, new scheme, note “分级方案变更重新分级”); the hazard's cached levels follow; a
    control tier that was the old table's suggestion becomes the new suggestion. Refuses
    (ValidationError, nothing written) when a hazard's current risk would exceed its inherent risk.
    Returns the same counts :func:`preview_regrade` showed.
    """
    with db.session() as s:
        plan = _plan(s, schemes, tiers)
        preview = plan.preview
        if preview.conflicts:
            shown = "；".join(
                f"{c.risk_point_name}“{c.description}”（固有{c.inherent_level.short_label}，"
                f"现有{c.current_level.short_label}）"
                for c in preview.conflicts[:3]
            )
            more = f"等 {len(preview.conflicts)} 条" if len(preview.conflicts) > 3 else ""
            raise ValidationError(
                f"重新分级后以下危险源的现有风险将高于固有风险，请先调整其评价：{shown}{more}"
            )
        setting_changes: dict[str, Any] = {}
        for method, scheme in plan.new_schemes.items():
            spec = settings.SCHEME_BY_METHOD[method]
            old_code = stored_settings.write(s, spec, scheme.code)
            if old_code != scheme.code:
                setting_changes[spec.key] = [old_code, scheme.code]
        old_tiers = stored_settings.write(s, settings.TIER_BY_LEVEL, dict(plan.new_tiers))
        if old_tiers != plan.new_tiers:
            setting_changes[settings.TIER_BY_LEVEL.key] = [
                settings.TIER_BY_LEVEL.to_json(old_tiers),
                settings.TIER_BY_LEVEL.to_json(dict(plan.new_tiers)),
            ]
        for hp in plan.hazards:
            if not hp.changed and hp.new_tier == hp.old_tier:
                continue
            hazard = s.get(Hazard, hp.hazard_id)
            assert hazard is not None
            for stage, ev, graded in hp.changed:
                new = Evaluation(
                    hazard_id=hp.hazard_id,
                    stage=stage,
                    method=ev.method,
                    scheme_code=graded.scheme_code,
                    l_value=ev.l_value,
                    e_value=ev.e_value,
                    c_value=ev.c_value,
                    s_value=ev.s_value,
                    score=graded.score,
                    band=graded.band,
                    band_label=graded.band_label,
                    level=graded.level,
                    assessor_name=actor,
                    evaluated_on=today,
                    note=REGRADE_NOTE,
                )
                s.add(new)
                if stage is RiskStage.INHERENT:
                    hazard.inherent_level = graded.level
                else:
                    hazard.current_level = graded.level
                    hazard.current_score = graded.score or ""
                    hazard.current_method = ev.method
            hazard.control_tier = hp.new_tier
            s.add(hazard)
        audit.record(
            s,
            actor=actor,
            action="regrade",
            entity="grading",
            entity_id=None,
            summary=(
                f"重新分级（{'、'.join(sc.code for sc in plan.new_schemes.values())}）："
                f"{preview.hazards_changed} 条危险源、{preview.risk_points_changed} 个风险点等级变化，"
                f"{preview.tiers_changed} 条危险源管控层级调整"
            ),
            changes={
                **setting_changes,
                "hazards_changed": preview.hazards_changed,
                "risk_points_changed": preview.risk_points_changed,
                "tiers_changed": preview.tiers_changed,
                "evaluations_added": len(preview.changes),
            },
        )
        return preview
