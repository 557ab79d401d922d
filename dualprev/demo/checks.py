"""Check items, plans, their tasks and the checks carried out, day by day.

Items are generated from the control measures right after this year's identification, as a
user would; the general items are added by hand. Each plan starts on its first task's day and
its tasks follow the plan's schedule; on the days its content marks as done the check is
recorded, and the hidden dangers found there are registered with it.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from dualprev.demo import content, risks
from dualprev.demo.content import CheckPlanSpec, HiddenDangerSpec, RiskPointSpec
from dualprev.demo.context import DemoContext
from dualprev.demo.timeline import at, local_day
from dualprev.domain.checks import (
    CheckFrequency,
    CheckItemDraft,
    CheckPlanDraft,
    CheckResult,
    CheckType,
    occurrence,
)
from dualprev.domain.hidden_danger import HiddenDangerDraft
from dualprev.domain.risk import ControlMeasureCategory, ControlTier, RiskLevel
from dualprev.services.checks import checklists, recording
from dualprev.services.checks import items as check_items
from dualprev.services.checks import plans as check_plans
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.checklists import ChecklistItem
from dualprev.services.checks.items import CheckItemRow
from dualprev.services.checks.recording import CheckInput, ResultInput
from dualprev.services.checks.tasks import TaskScope
from dualprev.services.photo_service import PreparedPhoto

ITEMS_GENERATED_HOUR = 17
"""Items are generated at the end of the identification day."""


@dataclass(frozen=True)
class PlannedTasks:
    """A plan's tasks up to its current one, as its schedule makes them, and which were done."""

    spec: CheckPlanSpec
    dues: tuple[date, ...]
    done: tuple[bool, ...]

    @property
    def start_on(self) -> date:
        return self.dues[0]

    @property
    def record_days(self) -> tuple[date, ...]:
        return tuple(due for due, done in zip(self.dues, self.done, strict=True) if done)


def planned_tasks(ctx: DemoContext) -> dict[str, PlannedTasks]:
    """Each plan's tasks: the k-th occurrence of its schedule is the k-th task of its spec."""
    planned: dict[str, PlannedTasks] = {}
    for spec in content.CHECK_PLANS:
        offsets = sorted(spec.task_offsets)
        start_on = ctx.today + timedelta(days=offsets[0])
        dues: list[date] = []
        while not dues or dues[-1] < ctx.today:
            due = occurrence(spec.frequency, start_on, len(dues))
            if due is None:
                break
            dues.append(due)
        if len(dues) != len(offsets):
            raise ValueError(
                f"plan {spec.key!r}: {len(offsets)} tasks in the content, {len(dues)} on its schedule"
            )
        done = tuple(
            offset < 0 and offset not in spec.missed and offset not in spec.left_open for offset in offsets
        )
        planned[spec.key] = PlannedTasks(spec, tuple(dues), done)
    return planned


Registered = Callable[[int, HiddenDangerSpec, datetime], None]
"""Called with each hidden danger a check registered, its spec and when it was registered."""


@dataclass(frozen=True)
class FoundInCheck:
    """A hidden danger a check finds: its spec, draft and before photos."""

    spec: HiddenDangerSpec
    draft: HiddenDangerDraft
    photos: tuple[PreparedPhoto, ...]


FindingsOn = Callable[[str, date], Sequence[FoundInCheck]]
"""The hidden dangers the check of a plan (by key) on a day finds."""


def schedule(
    ctx: DemoContext, planned: Mapping[str, PlannedTasks], findings: FindingsOn, registered: Registered
) -> None:
    """Put the items, plans, checks and task generation on the timeline."""
    free: dict[str, int] = {}
    plan_ids: dict[str, int] = {}
    forms: dict[str, tuple[ChecklistItem, ...]] = {}
    candidates: dict[int, list[_Candidate]] = {}
    ctx.timeline.schedule(at(ctx.ident_on, ITEMS_GENERATED_HOUR), lambda now: _items(ctx, free))
    for key, tasks in planned.items():
        ctx.timeline.schedule(at(tasks.start_on, 7, 30), _plan(ctx, tasks, free, plan_ids, candidates))
        for day in tasks.record_days:
            hour = 8 if tasks.spec.check_type is CheckType.DAILY else 15
            moment = at(day, hour, ctx.rng.randrange(0, 50))
            ctx.timeline.schedule(moment, _check(ctx, key, tasks.spec, plan_ids, forms, findings, registered))
    ctx.timeline.schedule(at(ctx.today, 7), lambda now: _generate_tasks(ctx, local_day(now)))


def count_tasks(ctx: DemoContext) -> int:
    return len(check_tasks.list_tasks(ctx.db, today=ctx.today, scope=TaskScope.ALL, limit=1_000_000))


# --- items and plans -----------------------------------------------------------------------------------


def _items(ctx: DemoContext, free: dict[str, int]) -> None:
    ctx.tally["check_items"] += check_items.generate_items(ctx.db, actor=ctx.actor).created
    for spec in content.FREE_CHECK_ITEMS:
        row = check_items.save_item(
            ctx.db,
            None,
            CheckItemDraft(
                content=spec.content,
                standard=spec.standard,
                method=spec.method,
                check_type=spec.check_type,
                control_tier=ControlTier.COMPANY,
                frequency=spec.frequency,
            ),
            actor=ctx.actor,
        )
        free[spec.key] = row.id
    ctx.tally["check_items"] += len(content.FREE_CHECK_ITEMS)


@dataclass(frozen=True)
class _Candidate:
    """A generated item with what a plan spec chooses by, as of today."""

    point: RiskPointSpec
    level: RiskLevel
    tier: ControlTier
    category: ControlMeasureCategory
    item: CheckItemRow


def _candidates(ctx: DemoContext, known: dict[int, list[_Candidate]]) -> list[_Candidate]:
    """The items generated from measures, in inventory order, with their hazard's level today.

    Plans choose by today's levels (the re-evaluation after the print is already taken into
    account), so the 重大风险 plan watches every hazard that is 重大 now. ``known`` keeps the
    answer for as long as no item is added.
    """
    written = ctx.tally["check_items"]
    if written not in known:
        known.clear()
        known[written] = _read_candidates(ctx)
    return known[written]


def _read_candidates(ctx: DemoContext) -> list[_Candidate]:
    where: dict[int, tuple[int, int, RiskPointSpec, content.HazardSpec]] = {}
    for index, point in enumerate(content.RISK_POINTS):
        for seq, hazard in enumerate(point.hazards, start=1):
            where[ctx.hazards[(point.code, seq)]] = (index, seq, point, hazard)
    chosen: list[tuple[tuple[int, int, int], _Candidate]] = []
    for item in check_items.list_items(ctx.db):
        if item.hazard_id is None or item.measure_category is None:
            continue
        index, seq, point, hazard = where[item.hazard_id]
        order = next(i for i, m in enumerate(hazard.measures) if m.content == item.content)
        candidate = _Candidate(
            point, risks.level_of(hazard.current), risks.tier_of(hazard.current), item.measure_category, item
        )
        chosen.append(((index, seq, order), candidate))
    return [c for _key, c in sorted(chosen, key=lambda pair: pair[0])]


def _plan_items(spec: CheckPlanSpec, candidates: list[_Candidate]) -> list[int]:
    """The generated items a plan covers, in inventory order, filtered and capped as its spec says."""
    chosen: list[int] = []
    per_point: dict[str, list[str]] = {}
    for candidate in candidates:
        point, item = candidate.point, candidate.item
        if len(chosen) >= spec.max_items:
            break
        if spec.item_areas and point.area not in spec.item_areas:
            continue
        if spec.item_risk_points and point.code not in spec.item_risk_points:
            continue
        if spec.company_tier_only and candidate.tier is not ControlTier.COMPANY:
            continue
        if spec.item_levels and candidate.level not in spec.item_levels:
            continue
        if candidate.category not in spec.item_categories:
            continue
        taken = per_point.setdefault(point.code, [])
        if len(taken) >= spec.per_risk_point or item.content in taken:
            continue
        taken.append(item.content)
        chosen.append(item.id)
    return chosen


def _plan(
    ctx: DemoContext,
    tasks: PlannedTasks,
    free: Mapping[str, int],
    plan_ids: dict[str, int],
    known: dict[int, list[_Candidate]],
) -> Callable[[datetime], None]:
    spec = tasks.spec

    def step(now: datetime) -> None:
        season = content.season_for(ctx.today.month)
        items = _plan_items(spec, _candidates(ctx, known))
        items += [free[key] for key in spec.free_items]
        if spec.seasonal_free_items:
            items += [free[f.key] for f in content.FREE_CHECK_ITEMS if season.key in f.seasons]
        plan_ids[spec.key] = check_plans.save_plan(
            ctx.db,
            None,
            CheckPlanDraft(
                name=spec.name or season.plan_name,
                check_type=spec.check_type,
                frequency=spec.frequency,
                start_on=tasks.start_on,
                control_tier=spec.control_tier,
                department_id=ctx.department(spec.department),
                area_id=ctx.optional_area(spec.area),
                assignee_id=ctx.person(spec.assignee),
                note=spec.note,
                item_ids=tuple(items),
            ),
            actor=ctx.actor,
            today=local_day(now),
            now=now,
        )
        ctx.tally["check_plans"] += 1

    return step


def _generate_tasks(ctx: DemoContext, day: date) -> None:
    check_tasks.generate_tasks(ctx.db, today=day, actor=ctx.actor)


# --- checks --------------------------------------------------------------------------------------------


def _check(
    ctx: DemoContext,
    key: str,
    spec: CheckPlanSpec,
    plan_ids: Mapping[str, int],
    forms: dict[str, tuple[ChecklistItem, ...]],
    findings: FindingsOn,
    registered: Registered,
) -> Callable[[datetime], None]:
    def step(now: datetime) -> None:
        day = local_day(now)
        _generate_tasks(ctx, day)
        plan_id = plan_ids[key]
        task = next(
            t
            for t in check_tasks.list_tasks(ctx.db, today=day, scope=TaskScope.TODAY)
            if t.plan_id == plan_id
        )
        # The plan's items do not change, so its checklist is printed once and used for every check.
        if key not in forms:
            forms[key] = checklists.checklist(ctx.db, task_id=task.id).items
        items = forms[key]
        results = [_result(ctx, spec, item) for item in items]
        found = [(finding, _fail(ctx, results, items, finding)) for finding in findings(key, day)]
        record = recording.record_check(
            ctx.db,
            CheckInput(
                checked_on=day,
                checker_names="、".join(spec.checkers),
                results=tuple(results),
                task_id=task.id,
            ),
            actor=spec.checkers[0],
            today=day,
            now=now,
        )
        ctx.tally["check_records"] += 1
        ctx.tally["check_results"] += len(results)
        for finding, index in found:
            hidden_danger_id = record.results[index].hidden_danger_id
            if hidden_danger_id is None:
                raise AssertionError("a failed item registered no hidden danger")
            ctx.tally["photos"] += len(finding.photos)
            registered(hidden_danger_id, finding.spec, now)

    return step


def _result(ctx: DemoContext, spec: CheckPlanSpec, item: ChecklistItem) -> ResultInput:
    # A machine stopped for maintenance now and then leaves a per-shift item not applicable.
    stopped = spec.frequency is CheckFrequency.PER_SHIFT and ctx.rng.random() < 0.04
    return ResultInput(
        item_text=item.content,
        result=CheckResult.NOT_APPLICABLE if stopped else CheckResult.PASS,
        check_item_id=item.item_id,
        standard_text=item.standard,
        remark="当班设备停机检修，未运行" if stopped else "",
    )


def _fail(
    ctx: DemoContext,
    results: list[ResultInput],
    items: Sequence[ChecklistItem],
    finding: FoundInCheck,
) -> int:
    """Mark the first passed item on the hidden danger's risk point 不合格, or add a result for the
    spot; returns the result's position."""
    spec = finding.spec
    point_id = ctx.optional_risk_point(spec.risk_point)
    failed = ResultInput(
        item_text=f"{spec.location}现场检查",
        result=CheckResult.FAIL,
        remark=spec.description,
        photos=finding.photos,
        hidden_danger=finding.draft,
        immediate=spec.immediate,
    )
    for index, (result, item) in enumerate(zip(results, items, strict=False)):
        if point_id is not None and item.risk_point_id == point_id and result.result is CheckResult.PASS:
            results[index] = replace(
                failed,
                item_text=result.item_text,
                check_item_id=result.check_item_id,
                standard_text=result.standard_text,
            )
            return index
    results.append(failed)
    return len(results) - 1
