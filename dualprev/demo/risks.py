"""The risk inventory of the demo factory, as it was built up over a year.

The first identification (a year before this year's) registered the risk points and evaluated
some hazards; this year's identification evaluated the rest and re-evaluated those, and the
records were reviewed and approved a few days later. After the post risk cards were printed, one
hazard was re-evaluated to a higher level (its record awaits approval again) and one measure was
put in place, which leaves those posts' cards out of date.
"""

from dataclasses import replace
from datetime import date, datetime, timedelta

from dualprev.demo import content
from dualprev.demo.content import HazardSpec, MeasureSpec, Rating, RiskPointSpec
from dualprev.demo.context import DemoContext
from dualprev.demo.timeline import Step, at, local_day
from dualprev.domain.grading import DEFAULT_DIRECT_JUDGEMENT_ITEMS, direct_grade, grade, preset
from dualprev.domain.risk import DEFAULT_TIER_BY_LEVEL, ControlTier, RiskLevel, RiskStage
from dualprev.services.checks import items as check_items
from dualprev.services.risks import hazards as risk_hazards
from dualprev.services.risks import risk_points
from dualprev.services.risks.evaluations import EvaluationInput
from dualprev.services.risks.hazards import HazardInfo, MeasureInfo
from dualprev.services.risks.risk_points import RiskPointInfo


def level_of(rating: Rating) -> RiskLevel:
    """The level a rating grades to (the services grade it again when they store it)."""
    if rating.direct_keys:
        items = {item.key: item for item in DEFAULT_DIRECT_JUDGEMENT_ITEMS}
        level = direct_grade([items[key] for key in rating.direct_keys])
        if level is None:
            raise ValueError("a direct judgement needs at least one ticked item")
        return level
    return grade(preset(rating.scheme), rating.factors).level


COMPANY_OWNERS = {
    "equipment": ("设备部", "曹建国"),
    "activity": ("安全环保部", "沈立明"),
    "place": ("安全环保部", "沈立明"),
}
"""Company-level owner of a 公司级 重大/较大 risk by risk point kind."""


def tier_of(rating: Rating) -> ControlTier:
    return DEFAULT_TIER_BY_LEVEL[level_of(rating)]


def reevaluation(point: RiskPointSpec, hazard: HazardSpec) -> content.ReevaluationSpec | None:
    """The re-evaluation after the print of a hazard spec, if it has one."""
    return next(
        (
            r
            for r in content.REEVALUATIONS
            if (r.risk_point, r.step_or_item) == (point.code, hazard.step_or_item)
        ),
        None,
    )


def added_after_print(point: RiskPointSpec, hazard: HazardSpec, measure: MeasureSpec) -> bool:
    """Whether ``measure`` was put in place only after the cards were printed."""
    return any(
        (a.risk_point, a.step_or_item, a.content) == (point.code, hazard.step_or_item, measure.content)
        for a in content.ADDED_MEASURES
    )


def schedule(ctx: DemoContext) -> None:
    """Put the inventory's history on the timeline."""
    for name in (content.RECORD_REVIEWER, content.RECORD_APPROVER):
        ctx.person(name)  # refuses a sign-off by someone the demo does not employ
    first, this_year = ctx.first_ident_on, ctx.ident_on
    ctx.timeline.schedule(at(first, 9), lambda now: _risk_points(ctx, now))
    for point in content.RISK_POINTS:
        for seq, hazard in enumerate(point.hazards, start=1):
            if hazard.previous is not None:
                ctx.timeline.schedule(at(first, 15), _first_evaluation(ctx, point, seq, hazard))
            ctx.timeline.schedule(at(this_year, 15), _annual_evaluation(ctx, point, seq, hazard))
    reviewed_on = this_year + timedelta(days=content.REVIEWED_DAYS_AFTER)
    approved_on = this_year + timedelta(days=content.APPROVED_DAYS_AFTER)
    for point in content.RISK_POINTS:
        ctx.timeline.schedule(at(reviewed_on, 10), _sign(ctx, point.code, review=True))
        ctx.timeline.schedule(at(approved_on, 10), _sign(ctx, point.code, review=False))
    for later in content.REEVALUATIONS:
        _schedule_reevaluation(ctx, later)
    for added in content.ADDED_MEASURES:
        _schedule_added_measure(ctx, added)


# --- risk points and hazards -------------------------------------------------------------------------


def _risk_points(ctx: DemoContext, now: datetime) -> None:
    area_specs = {a.code: a for a in content.AREAS}
    facing = {code: [ctx.post(p.name) for p in content.POSTS if code in p.risk_points] for code in _codes()}
    for point in content.RISK_POINTS:
        area = area_specs[point.area]
        ctx.risk_points[point.code] = risk_points.save_risk_point(
            ctx.db,
            RiskPointInfo(
                name=point.name,
                kind=point.kind,
                area_id=ctx.area(point.area),
                code=point.code,
                location=point.location,
                department_id=ctx.department(point.department or area.department),
                responsible_person_id=ctx.person(point.responsible or area.responsible),
                asset_no=point.asset_no,
                model_spec=point.model_spec,
                activity_content=point.activity_content,
                activity_frequency=point.activity_frequency,
                post_ids=tuple(facing[point.code]),
            ),
            actor=ctx.actor,
            now=now,
        )
    ctx.tally["risk_points"] += len(content.RISK_POINTS)
    unknown = {code for p in content.POSTS for code in p.risk_points} - set(ctx.risk_points)
    if unknown:
        raise ValueError(f"demo content refers to unknown risk points: {sorted(unknown)}")


def _codes() -> list[str]:
    return [p.code for p in content.RISK_POINTS]


def _evaluation(
    ctx: DemoContext, point: RiskPointSpec, stage: RiskStage, rating: Rating, on: date, note: str
) -> EvaluationInput:
    assessor = point.responsible or next(a.responsible for a in content.AREAS if a.code == point.area)
    ctx.tally["evaluations"] += 1
    return EvaluationInput(
        stage=stage,
        method=rating.method,
        factors=tuple(rating.factors.items()) if not rating.direct_keys else (),
        direct_keys=rating.direct_keys,
        assessor_name=assessor,
        evaluated_on=on,
        note=note,
    )


def _new_hazard(
    ctx: DemoContext,
    point: RiskPointSpec,
    seq: int,
    hazard: HazardSpec,
    current: Rating,
    evaluations: tuple[EvaluationInput, ...],
    now: datetime,
) -> None:
    area = next(a for a in content.AREAS if a.code == point.area)
    department_id = ctx.department(point.department or area.department)
    person_id = ctx.person(point.responsible or area.responsible)
    tier = tier_of(current)
    if tier is ControlTier.COMPANY and level_of(current) in (RiskLevel.MAJOR, RiskLevel.SIGNIFICANT):
        # A 重大/较大 risk at 公司级 is owned by a company department (domain.tier_owner), not the
        # workshop or team that runs the point day to day.
        owner_department, owner = COMPANY_OWNERS[point.kind.value]
        department_id, person_id = ctx.department(owner_department), ctx.person(owner)
    measures = tuple(
        MeasureInfo(
            category=m.category,
            content=m.content,
            is_existing=m.is_existing,
            control_tier=tier,
            responsible_department_id=department_id,
            responsible_person_id=person_id,
        )
        for m in hazard.measures
        if not added_after_print(point, hazard, m)
    )
    ctx.hazards[(point.code, seq)] = risk_hazards.save_hazard(
        ctx.db,
        HazardInfo(
            risk_point_id=ctx.risk_point(point.code),
            description=hazard.description,
            step_or_item=hazard.step_or_item,
            standard=hazard.standard,
            factor_category=hazard.factor_category,
            consequence=hazard.consequence,
            accident_type_ids=ctx.accident_type_ids(
                hazard.accident_types, f"{point.name} {hazard.description} {hazard.consequence}"
            ),
            control_tier=tier,
            responsible_department_id=department_id,
            responsible_person_id=person_id,
            suggested_measures=hazard.suggested,
            measures=measures,
            seq=seq,
        ),
        actor=ctx.actor,
        evaluations=evaluations,
        now=now,
    )
    ctx.tally["hazards"] += 1
    ctx.tally["control_measures"] += len(measures)


def _first_evaluation(ctx: DemoContext, point: RiskPointSpec, seq: int, hazard: HazardSpec) -> Step:
    def step(now: datetime) -> None:
        assert hazard.previous is not None
        on, note = ctx.first_ident_on, "首次风险辨识评价"
        evaluations = (
            _evaluation(ctx, point, RiskStage.INHERENT, hazard.inherent, on, note),
            _evaluation(ctx, point, RiskStage.CURRENT, hazard.previous, on, note),
        )
        _new_hazard(ctx, point, seq, hazard, hazard.previous, evaluations, now)

    return step


def _annual_evaluation(ctx: DemoContext, point: RiskPointSpec, seq: int, hazard: HazardSpec) -> Step:
    later = reevaluation(point, hazard)
    # A hazard re-evaluated after the cards were printed stands at its earlier rating until then.
    current = later.before if later is not None else hazard.current

    def step(now: datetime) -> None:
        on = ctx.ident_on
        if hazard.previous is None:
            note = "年度风险辨识评价"
            evaluations = (
                _evaluation(ctx, point, RiskStage.INHERENT, hazard.inherent, on, note),
                _evaluation(ctx, point, RiskStage.CURRENT, current, on, note),
            )
            _new_hazard(ctx, point, seq, hazard, current, evaluations, now)
        else:
            note = "年度复评：管控措施完善后重新评价"
            evaluation = _evaluation(ctx, point, RiskStage.CURRENT, current, on, note)
            _update_hazard(
                ctx, ctx.hazards[(point.code, seq)], now, tier=tier_of(current), evaluation=evaluation
            )

    return step


def _update_hazard(
    ctx: DemoContext,
    hazard_id: int,
    now: datetime,
    *,
    tier: ControlTier | None = None,
    evaluation: EvaluationInput | None = None,
    new_measure: tuple[int, MeasureInfo] | None = None,
) -> None:
    """Save the hazard again: a new control tier (its measures follow), an evaluation, a measure."""
    info = risk_hazards.get_hazard(ctx.db, hazard_id).info
    measures = list(info.measures)
    if tier is not None:
        info = replace(info, control_tier=tier)
        measures = [replace(m, control_tier=tier) for m in measures]
    if new_measure is not None:
        position, measure = new_measure
        measures.insert(position, replace(measure, control_tier=info.control_tier))
        ctx.tally["control_measures"] += 1
    risk_hazards.save_hazard(
        ctx.db,
        replace(info, measures=tuple(measures)),
        actor=ctx.actor,
        evaluations=(evaluation,) if evaluation is not None else (),
        now=now,
    )


def _sign(ctx: DemoContext, code: str, *, review: bool) -> Step:
    """审核 (``review``) or 审定 of a risk point's record on the step's day."""

    def step(now: datetime) -> None:
        day = local_day(now)
        info = risk_points.get_risk_point(ctx.db, ctx.risk_point(code))
        if review:
            info = replace(info, reviewer_name=content.RECORD_REVIEWER, reviewed_on=day)
        else:
            info = replace(info, approver_name=content.RECORD_APPROVER, approved_on=day)
        risk_points.save_risk_point(ctx.db, info, actor=ctx.actor, today=day, now=now)

    return step


# --- changes after the cards were printed -------------------------------------------------------------


def _find(code: str, step_or_item: str) -> tuple[RiskPointSpec, int, HazardSpec]:
    for point in content.RISK_POINTS:
        for seq, hazard in enumerate(point.hazards, start=1):
            if (point.code, hazard.step_or_item) == (code, step_or_item):
                return point, seq, hazard
    raise ValueError(f"demo content refers to an unknown hazard: {code} {step_or_item}")


def _after_print(ctx: DemoContext, days_ago: int, what: str) -> date:
    if not 0 < days_ago < content.CARDS_PRINTED_DAYS_AGO:
        raise ValueError(f"{what!r}: a change after the print must fall between the print and today")
    return ctx.today - timedelta(days=days_ago)


def _schedule_reevaluation(ctx: DemoContext, later: content.ReevaluationSpec) -> None:
    point, seq, hazard = _find(later.risk_point, later.step_or_item)
    if level_of(hazard.current) is level_of(later.before):
        raise ValueError(f"{point.code} {later.step_or_item}: a re-evaluation must change the level")
    on = _after_print(ctx, later.days_ago, later.step_or_item)

    def step(now: datetime) -> None:
        evaluation = _evaluation(ctx, point, RiskStage.CURRENT, hazard.current, on, later.note)
        _update_hazard(
            ctx, ctx.hazards[(point.code, seq)], now, tier=tier_of(hazard.current), evaluation=evaluation
        )
        # The changed record needs signing off again: reviewed soon after, the new 审定 still to come.
        info = risk_points.get_risk_point(ctx.db, ctx.risk_point(point.code))
        unsigned = replace(info, reviewer_name="", reviewed_on=None, approver_name="", approved_on=None)
        risk_points.save_risk_point(ctx.db, unsigned, actor=ctx.actor, today=on, now=now)

    ctx.timeline.schedule(at(on, 15), step)
    reviewed_on = on + timedelta(days=content.REEVALUATION_REVIEWED_DAYS_AFTER)
    if reviewed_on <= ctx.today:
        ctx.timeline.schedule(at(reviewed_on, 10), _sign(ctx, point.code, review=True))


def _schedule_added_measure(ctx: DemoContext, added: content.AddedMeasureSpec) -> None:
    point, seq, hazard = _find(added.risk_point, added.step_or_item)
    position = next((i for i, m in enumerate(hazard.measures) if m.content == added.content), None)
    if position is None or not hazard.measures[position].is_existing:
        raise ValueError(f"{added.content!r}: not an existing measure of {point.code} {hazard.step_or_item}")
    spec = hazard.measures[position]
    on = _after_print(ctx, added.days_ago, added.content)

    def step(now: datetime) -> None:
        hazard_id = ctx.hazards[(point.code, seq)]
        info = risk_hazards.get_hazard(ctx.db, hazard_id).info
        measure = MeasureInfo(
            category=spec.category,
            content=spec.content,
            is_existing=True,
            responsible_department_id=info.responsible_department_id,
            responsible_person_id=info.responsible_person_id,
        )
        earlier = sum(1 for m in hazard.measures[:position] if not added_after_print(point, hazard, m))
        _update_hazard(ctx, hazard_id, now, new_measure=(earlier, measure))
        # The new measure is checked from now on.
        ctx.tally["check_items"] += check_items.generate_items(ctx.db, actor=ctx.actor).created

    ctx.timeline.schedule(at(on, 10), step)
