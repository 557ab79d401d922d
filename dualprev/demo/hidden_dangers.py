"""The hidden-danger ledger of the demo factory, step by step through its lifecycle.

Hidden dangers found in a check are registered with its record (see :mod:`dualprev.demo.checks`);
the others are registered on the day they were found. Each then goes on as its content says —
reported and planned (重大隐患), rectified, perhaps rejected once, accepted and closed, or voided —
every step dated and done by the person the content names, through the hidden-danger service,
which allocates the numbers and keeps the timeline.
"""

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from dualprev.demo import content
from dualprev.demo.checks import FoundInCheck, PlannedTasks
from dualprev.demo.content import HiddenDangerSpec, SceneKind
from dualprev.demo.context import DemoContext
from dualprev.demo.pictures import draw_site_photo
from dualprev.demo.timeline import LOCAL_TZ, Step, at, local_day
from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import HiddenDangerDraft, HiddenDangerSource, PhotoStage
from dualprev.domain.hidden_danger import HiddenDangerStatus as _S
from dualprev.services import photo_service
from dualprev.services.hidden_dangers import detail, lifecycle, registration
from dualprev.services.photo_service import PreparedPhoto

_STEP_GAP = timedelta(minutes=5)
"""A follow-up step planned for an earlier hour of the day it was registered comes this long after."""


class Ledger:
    """Where each hidden danger is found, and what happens to it once registered."""

    def __init__(self, ctx: DemoContext, planned: Mapping[str, PlannedTasks]) -> None:
        self.ctx = ctx
        self.registered: list[int] = []
        self._in_checks: dict[tuple[str, date], list[HiddenDangerSpec]] = {}
        self._elsewhere: list[tuple[date, HiddenDangerSpec]] = []
        for index, spec in enumerate(content.HIDDEN_DANGERS):
            found_on = ctx.today - timedelta(days=spec.found_days_ago)
            if spec.source is not HiddenDangerSource.CHECK:
                self._elsewhere.append((found_on, spec))
                continue
            tasks = planned.get(spec.check_plan)
            if tasks is None or not tasks.record_days:
                raise ValueError(f"hidden danger {index}: plan {spec.check_plan!r} has no check record")
            # Found in the check of that plan nearest to the day the content gives.
            day = min(tasks.record_days, key=lambda d: (abs((d - found_on).days), d))
            self._in_checks.setdefault((spec.check_plan, day), []).append(spec)

    def findings(self, plan_key: str, day: date) -> Sequence[FoundInCheck]:
        """What the check of ``plan_key`` on ``day`` finds (for :func:`dualprev.demo.checks.schedule`)."""
        return [
            FoundInCheck(spec, self._draft(spec, day), self._before_photos(spec, day))
            for spec in self._in_checks.get((plan_key, day), [])
        ]

    def schedule(self) -> None:
        """Register the hidden dangers found outside checks on the timeline."""
        for found_on, spec in self._elsewhere:
            self.ctx.timeline.schedule(at(found_on, 9, 30), self._register(spec, found_on))

    def _register(self, spec: HiddenDangerSpec, found_on: date) -> Step:
        def step(now: datetime) -> None:
            safety = content.ENTERPRISE.safety_manager_name
            registrar = safety if spec.source is HiddenDangerSource.EXTERNAL else spec.finders.split("、")[0]
            photos = self._before_photos(spec, found_on)
            detail = registration.register(
                self.ctx.db,
                self._draft(spec, found_on),
                actor=registrar,
                immediate=spec.immediate,
                photos=photos,
                today=found_on,
                now=now,
            )
            self.ctx.tally["photos"] += len(photos)
            self.registered_at(detail.id, spec, now)

        return step

    def registered_at(self, hidden_danger_id: int, spec: HiddenDangerSpec, now: datetime) -> None:
        """Put what happens after the registration at ``now`` on the timeline."""
        self.registered.append(hidden_danger_id)
        self.ctx.tally["hidden_dangers"] += 1
        _FollowUp(self.ctx, hidden_danger_id, spec, now).schedule()

    # --- what is entered ---------------------------------------------------------------------------

    def _draft(self, spec: HiddenDangerSpec, found_on: date) -> HiddenDangerDraft:
        ctx = self.ctx
        # A check gives its record's type when it is saved; an outside inspection has none.
        no_type_yet = spec.source in (HiddenDangerSource.CHECK, HiddenDangerSource.EXTERNAL)
        check_type = None if no_type_yet else CheckType.DAILY
        return HiddenDangerDraft(
            found_on=found_on,
            description=spec.description,
            level=spec.level,
            category=spec.category,
            source=spec.source,
            source_detail=spec.source_detail,
            check_type=check_type,
            finder_names=spec.finders,
            area_id=ctx.optional_area(spec.area),
            risk_point_id=ctx.optional_risk_point(spec.risk_point),
            location=spec.location,
            owner_tier=spec.owner_tier,
            basis=spec.basis,
            standard_item=spec.standard_item,
            accident_type_ids=ctx.accident_type_ids(
                spec.accident_types, f"{spec.location} {spec.description}"
            ),
            rectification_measures=spec.rectification,
            responsible_department_id=ctx.department(spec.department),
            rectifier_id=ctx.person(spec.rectifier),
            deadline=found_on + timedelta(days=spec.deadline_days),
            funds_fen=spec.funds_yuan * 100,
            interim_measures=spec.interim_measures,
            note=spec.note,
        )

    def _before_photos(self, spec: HiddenDangerSpec, found_on: date) -> tuple[PreparedPhoto, ...]:
        if spec.photo is None:
            return ()
        return (_photo(self.ctx, spec.photo, spec.location, found_on, 9, fixed=False),)


def _photo(
    ctx: DemoContext, scene: SceneKind, caption: str, day: date, hour: int, *, fixed: bool
) -> PreparedPhoto:
    """A drawn site photo as the phone would have taken it, prepared as the app prepares photos."""
    local = datetime.combine(
        day, time(hour, 5 + ctx.rng.randrange(0, 40), ctx.rng.randrange(0, 60)), LOCAL_TZ
    )
    data = draw_site_photo(scene, caption, fixed=fixed, taken_at=local)
    prepared = photo_service.prepare_bytes(data, f"IMG_{local:%Y%m%d_%H%M%S}.jpg")
    return replace(prepared, taken_at=local.astimezone(UTC))


class _FollowUp:
    """The steps of one hidden danger after its registration, each no earlier than the one before."""

    def __init__(
        self, ctx: DemoContext, hidden_danger_id: int, spec: HiddenDangerSpec, registered: datetime
    ) -> None:
        self.ctx = ctx
        self.id = hidden_danger_id
        self.spec = spec
        self.found_on = local_day(registered)
        self.last = registered

    def _day(self, after: int | None) -> date:
        if after is None:
            raise ValueError(
                f"{self.spec.description[:20]}: a date needed for status {self.spec.status} is missing"
            )
        return self.found_on + timedelta(days=after)

    def _at(self, day: date, hour: int, minute: int, step: Step) -> None:
        moment = max(at(day, hour, minute), self.last + _STEP_GAP)
        self.last = moment
        self.ctx.timeline.schedule(moment, step)

    def schedule(self) -> None:
        spec = self.spec
        safety, principal = content.ENTERPRISE.safety_manager_name, content.ENTERPRISE.principal_name
        if spec.status is _S.VOID:
            self._at(self._day(spec.void_after), 15, 10, self._void(safety))
            return
        if spec.immediate:
            if spec.photo is not None:
                self._at(self.found_on, 16, 0, self._after_photo(spec.rectifier))
        else:
            plan = spec.remediation
            if plan is not None:
                self._at(self._day(plan.reported_after), 10, 0, self._report(safety, plan))
                self._at(self._day(plan.plan_approved_after), 11, 0, self._plan(principal, plan))
            if spec.status is not _S.PENDING:
                self._at(self._day(spec.started_after), 14, 0, self._start(spec.rectifier))
            if spec.rejected_after is not None:
                self._at(
                    self._day(spec.rejected_after - 1),
                    16,
                    0,
                    self._submit(spec.rectifier, "报请验收", final=False),
                )
                self._at(self._day(spec.rejected_after), 16, 40, self._reject(spec.acceptor))
            if spec.status in (_S.AWAITING_ACCEPTANCE, _S.CLOSED):
                self._at(
                    self._day(spec.completed_after), 16, 20, self._submit(spec.rectifier, "", final=True)
                )
        if spec.status is _S.CLOSED:
            if spec.acceptor == spec.rectifier:
                raise ValueError(f"{spec.description[:20]}: the acceptor must not be the rectifier")
            self._at(self._day(spec.accepted_after), 17, 0, self._accept(spec.acceptor))

    # --- the steps -------------------------------------------------------------------------------------

    def _void(self, actor: str) -> Step:
        def step(now: datetime) -> None:
            lifecycle.void(
                self.ctx.db, self.id, self.spec.void_reason, actor=actor, today=local_day(now), now=now
            )

        return step

    def _report(self, actor: str, plan: content.RemediationSpec) -> Step:
        def step(now: datetime) -> None:
            data = lifecycle.ReportInput(reported_to=plan.reported_to, reported_on=local_day(now))
            lifecycle.record_report_to_authority(
                self.ctx.db, self.id, data, actor=actor, today=local_day(now), now=now
            )

        return step

    def _plan(self, actor: str, plan: content.RemediationSpec) -> Step:
        def step(now: datetime) -> None:
            data = lifecycle.RemediationPlanInput(
                goal_and_tasks=plan.goal_and_tasks,
                methods_and_measures=plan.methods_and_measures,
                funds_and_materials=plan.funds_and_materials,
                organisation_and_people=plan.organisation_and_people,
                timeline_and_requirements=plan.timeline_and_requirements,
                safety_and_emergency=plan.safety_and_emergency,
            )
            lifecycle.save_remediation_plan(
                self.ctx.db, self.id, data, actor=actor, today=local_day(now), now=now
            )

        return step

    def _start(self, actor: str) -> Step:
        def step(now: datetime) -> None:
            data = lifecycle.StartInput(remark=self.spec.interim_measures)
            lifecycle.start_rectification(
                self.ctx.db, self.id, data, actor=actor, today=local_day(now), now=now
            )

        return step

    def _submit(self, actor: str, remark: str, *, final: bool) -> Step:
        def step(now: datetime) -> None:
            day = local_day(now)
            photos: tuple[PreparedPhoto, ...] = ()
            if final and self.spec.photo is not None:
                photos = (_photo(self.ctx, self.spec.photo, self.spec.location, day, 16, fixed=True),)
            data = lifecycle.CompletionInput(
                completed_on=day,
                rectification_measures=self.spec.rectification,
                funds_fen=self.spec.funds_yuan * 100,
                remark=remark,
                photos=photos,
            )
            lifecycle.submit_for_acceptance(self.ctx.db, self.id, data, actor=actor, today=day, now=now)
            self.ctx.tally["photos"] += len(photos)

        return step

    def _after_photo(self, actor: str) -> Step:
        def step(now: datetime) -> None:
            assert self.spec.photo is not None
            photo = _photo(self.ctx, self.spec.photo, self.spec.location, local_day(now), 16, fixed=True)
            photo_service.add_photos(self.ctx.db, self.id, PhotoStage.AFTER, (photo,), actor=actor, now=now)
            self.ctx.tally["photos"] += 1

        return step

    def _reject(self, actor: str) -> Step:
        def step(now: datetime) -> None:
            data = lifecycle.RejectionInput(reason=self.spec.note)
            lifecycle.reject(self.ctx.db, self.id, data, actor=actor, today=local_day(now), now=now)

        return step

    def _accept(self, actor: str) -> Step:
        def step(now: datetime) -> None:
            day = local_day(now)
            data = lifecycle.AcceptanceInput(
                acceptor_id=self.ctx.person(actor), accepted_on=day, conclusion=self.spec.conclusion
            )
            lifecycle.accept(self.ctx.db, self.id, data, actor=actor, today=day, now=now)

        return step


def count_events(ctx: DemoContext, hidden_danger_ids: Sequence[int]) -> int:
    return sum(len(detail.get_detail(ctx.db, i, today=ctx.today).events) for i in hidden_danger_ids)
