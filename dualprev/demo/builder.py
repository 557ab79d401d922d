"""The demo factory: fills an empty database with a realistic small machining plant.

:func:`build_demo` writes the enterprise, organisation, risk inventory with evaluations and control
measures, post risk cards printed a month ago (two of them since outdated by a re-evaluation and a
new measure), check items, plans, tasks and records, a ledger of hidden dangers with their
timelines and photos, and a floor plan with map zones — all in one transaction, dated relative to
``today`` so the demo looks current whenever it is built. The content is in :mod:`dualprev.demo.content`,
the pictures in :mod:`dualprev.demo.pictures`.
"""

import json
import random
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, fields
from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Protocol

from sqlmodel import Session, SQLModel, func, select

from dualprev.demo import content
from dualprev.demo.content import (
    AddedMeasureSpec,
    CheckPlanSpec,
    HazardSpec,
    HiddenDangerSpec,
    MeasureSpec,
    Rating,
    ReevaluationSpec,
    RiskPointSpec,
)
from dualprev.demo.pictures import (
    PHOTO_HEIGHT,
    PHOTO_WIDTH,
    FloorPlanDrawing,
    draw_floor_plan,
    draw_site_photo,
    make_thumbnail,
)
from dualprev.domain.checks import CheckFrequency, CheckResult, CheckTaskStatus, CheckType
from dualprev.domain.grading import (
    DEFAULT_DIRECT_JUDGEMENT_ITEMS,
    direct_grade,
    format_decimal,
    grade,
    preset,
)
from dualprev.domain.hidden_danger import (
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    PhotoStage,
    can_transition,
    format_number,
)
from dualprev.domain.risk import (
    DEFAULT_TIER_BY_LEVEL,
    ControlMeasureCategory,
    ControlTier,
    EvaluationMethod,
    RiskLevel,
    RiskStage,
)
from dualprev.domain.risk_map import ZoneShape
from dualprev.domain.vocabularies import GB6441_1986
from dualprev.errors import ConflictError
from dualprev.services import post_card_service
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.files import FileStore
from dualprev.storage.models import (
    AccidentTypeRecord,
    Area,
    CheckItem,
    CheckPlan,
    CheckPlanItem,
    CheckRecord,
    CheckRecordResult,
    CheckTask,
    ControlMeasure,
    Department,
    Enterprise,
    Evaluation,
    FloorPlan,
    Hazard,
    HazardAccidentType,
    HiddenDanger,
    HiddenDangerAccidentType,
    HiddenDangerEvent,
    MapZone,
    MapZoneRiskPoint,
    Person,
    Photo,
    Post,
    PostRiskPoint,
    RemediationPlan,
    RiskPoint,
)

DEMO_SEED = 20160411
"""Fixed seed: the same ``today`` always gives the same demo."""

LOCAL_TZ = timezone(timedelta(hours=8), "CST")
"""The plant's local time; timestamps are stored in UTC."""

IDENTIFICATION_DAYS_AGO = 200
"""The annual risk identification and evaluation took place this many days before ``today``."""

_S = HiddenDangerStatus


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo wrote."""

    departments: int
    people: int
    areas: int
    posts: int
    risk_points: int
    hazards: int
    evaluations: int
    control_measures: int
    check_items: int
    check_plans: int
    check_tasks: int
    check_records: int
    check_results: int
    hidden_dangers: int
    hidden_danger_events: int
    photos: int
    floor_plans: int
    map_zones: int
    card_prints: int


def build_demo(db: Database, *, today: date, actor: str = "系统") -> DemoSummary:
    """Write the demo factory into ``db``, which must hold no enterprise data yet.

    Everything is written in one transaction: a failure leaves the database as it was (image files
    already stored beside it are content-addressed and harmless). Raises ConflictError for a
    database that already has data.
    """
    drawing = draw_floor_plan()
    store = FileStore(db.files_dir)
    with db.session() as session:
        _refuse_if_not_empty(session)
        return _DemoBuilder(session, store, today, actor).build(drawing)


def _refuse_if_not_empty(session: Session) -> None:
    for model in (Enterprise, Department, Person, Area, RiskPoint, HiddenDanger, FloorPlan):
        if int(session.exec(select(func.count()).select_from(model)).one()):
            raise ConflictError(
                "当前数据库已有企业数据，演示企业只能生成到空数据库中。请新建一个数据库后再试。"
            )


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """A local wall-clock time on ``day`` as an aware UTC datetime."""
    return datetime.combine(day, time(hour, minute), LOCAL_TZ).astimezone(UTC)


def _lookup(mapping: Mapping[str, int], key: str, what: str) -> int:
    try:
        return mapping[key]
    except KeyError:
        raise ValueError(f"demo content refers to an unknown {what}: {key!r}") from None


class _HasId(Protocol):
    id: int | None


def _id(row: _HasId) -> int:
    """The id of a flushed row."""
    if row.id is None:
        raise AssertionError(f"{type(row).__name__} has not been flushed")
    return row.id


def _optional(mapping: Mapping[str, int], key: str, what: str) -> int | None:
    return _lookup(mapping, key, what) if key else None


def _reevaluation(risk_point: str, step_or_item: str) -> ReevaluationSpec | None:
    """The re-evaluation after the print of a hazard spec, if it has one."""
    return next(
        (r for r in content.REEVALUATIONS if (r.risk_point, r.step_or_item) == (risk_point, step_or_item)),
        None,
    )


def _added_measure(risk_point: str, step_or_item: str, text: str) -> AddedMeasureSpec | None:
    """The spec of a measure put in place after the print, if ``text`` is one."""
    return next(
        (
            a
            for a in content.ADDED_MEASURES
            if (a.risk_point, a.step_or_item, a.content) == (risk_point, step_or_item, text)
        ),
        None,
    )


@dataclass(frozen=True)
class _Graded:
    """One evaluation computed from a rating."""

    method: EvaluationMethod
    scheme_code: str
    factors: Mapping[str, str]
    score: str | None
    band: int | None
    band_label: str
    level: RiskLevel
    direct_reasons: str


def _grade(rating: Rating) -> _Graded:
    if rating.method is EvaluationMethod.DIRECT:
        items = {item.key: item for item in DEFAULT_DIRECT_JUDGEMENT_ITEMS}
        ticked = [items[key] for key in rating.direct_keys]
        level = direct_grade(ticked)
        if level is None:
            raise ValueError("a direct judgement needs at least one ticked item")
        reasons = json.dumps([{"key": i.key, "text": i.text} for i in ticked], ensure_ascii=False)
        return _Graded(EvaluationMethod.DIRECT, "", {}, None, None, "直接判定", level, reasons)
    result = grade(preset(rating.scheme), rating.factors)
    factors = {key: format_decimal(Decimal(value)) for key, value in rating.factors.items()}
    return _Graded(
        result.method,
        result.scheme,
        factors,
        format_decimal(result.score),
        result.band,
        result.band_label,
        result.level,
        "",
    )


@dataclass(frozen=True)
class _GeneratedItem:
    """A check item generated from one existing control measure."""

    point: RiskPointSpec
    hazard: Hazard
    category: ControlMeasureCategory
    item: CheckItem


@dataclass(frozen=True)
class _Step:
    """One event of a hidden danger's timeline."""

    action: str
    day: date
    hour: int
    minute: int
    actor: str
    from_status: HiddenDangerStatus | None
    to_status: HiddenDangerStatus | None
    remark: str = ""

    @property
    def at(self) -> datetime:
        return _at(self.day, self.hour, self.minute)


@dataclass(frozen=True)
class _CheckRule:
    """How a measure of one category is checked."""

    check_type: CheckType
    frequency: CheckFrequency
    method: str
    default_standard: str


_C = ControlMeasureCategory
_CHECK_RULES: dict[ControlMeasureCategory, _CheckRule] = {
    _C.ENGINEERING: _CheckRule(CheckType.DAILY, CheckFrequency.PER_SHIFT, "现场查看、试验",
                               "设施齐全完好、功能有效，无拆除、短接或失效"),
    _C.MANAGEMENT: _CheckRule(CheckType.COMPREHENSIVE, CheckFrequency.MONTHLY, "查阅记录、现场核实",
                              "制度和规程有效执行，记录齐全、真实"),
    _C.TRAINING: _CheckRule(CheckType.COMPREHENSIVE, CheckFrequency.MONTHLY, "查阅培训档案、现场抽问",
                            "培训记录齐全，人员考核合格，能说出岗位风险和防范措施"),
    _C.PPE: _CheckRule(CheckType.DAILY, CheckFrequency.PER_SHIFT, "现场查看",
                       "按规定配备并正确佩戴，防护用品完好、在有效期内"),
    _C.EMERGENCY: _CheckRule(CheckType.COMPREHENSIVE, CheckFrequency.QUARTERLY, "查看应急器材、查阅演练记录、现场抽问",
                             "应急器材完好有效，人员熟悉处置程序"),
}  # fmt: skip


class _DemoBuilder:
    """Writes the demo content through one session, keeping the ids it needs to link rows."""

    def __init__(self, session: Session, store: FileStore, today: date, actor: str) -> None:
        self.s = session
        self.store = store
        self.today = today
        self.actor = actor
        self.rng = random.Random(DEMO_SEED)
        self.ident_on = today - timedelta(days=IDENTIFICATION_DAYS_AGO)
        self.first_ident_on = self.ident_on - timedelta(days=365)
        self.departments: dict[str, int] = {}
        self.people: dict[str, int] = {}
        self.areas: dict[str, int] = {}
        self.posts: dict[str, int] = {}
        self.risk_points: dict[str, int] = {}
        self.accident_types: dict[str, int] = {}
        self.counts: dict[str, int] = {}
        self.plans: dict[str, tuple[CheckPlanSpec, CheckPlan]] = {}

    # --- helpers ---------------------------------------------------------------------------

    def _add(self, kind: str, rows: Iterable[SQLModel]) -> None:
        batch = list(rows)
        self.s.add_all(batch)
        self.s.flush()
        self.counts[kind] = self.counts.get(kind, 0) + len(batch)

    def _dept(self, name: str) -> int:
        return _lookup(self.departments, name, "department")

    def _person(self, name: str) -> int:
        return _lookup(self.people, name, "person")

    # --- the whole demo --------------------------------------------------------------------

    def build(self, drawing: FloorPlanDrawing) -> DemoSummary:
        self._load_accident_types()
        enterprise = self._enterprise()
        self._organisation()
        hazards = self._risk_inventory()
        self._print_cards()
        hazards = self._changes_after_print(hazards)
        plan_items = self._check_items_and_plans(hazards)
        records = self._tasks_and_records()
        failures = self._hidden_dangers(records)
        self._check_results(records, plan_items, failures)
        self._floor_plan(drawing)
        summary = DemoSummary(**{f.name: self.counts.get(f.name, 0) for f in fields(DemoSummary)})
        audit.record(
            self.s,
            actor=self.actor,
            action="create",
            entity="enterprise",
            entity_id=enterprise.id,
            summary=f"生成演示企业：{enterprise.name}",
        )
        audit.record(
            self.s,
            actor=self.actor,
            action="import",
            entity="demo",
            entity_id=None,
            summary=f"写入演示数据：区域{summary.areas}个、岗位{summary.posts}个、风险点{summary.risk_points}个、"
            f"危险源{summary.hazards}条、隐患{summary.hidden_dangers}条、已打印告知卡{summary.card_prints}张"
            f"（基准日期 {self.today.isoformat()}）",
            changes=asdict(summary),
        )
        return summary

    def _load_accident_types(self) -> None:
        rows = self.s.exec(
            select(AccidentTypeRecord).where(AccidentTypeRecord.vocabulary == GB6441_1986)
        ).all()
        self.accident_types = {row.name: row.id for row in rows if row.id is not None}
        if not self.accident_types:
            raise ValueError("the GB 6441-1986 accident types are missing (migration 0002 not applied?)")

    def _accident_type_ids(self, names: Iterable[str]) -> list[int]:
        return [_lookup(self.accident_types, name, "accident type") for name in names]

    # --- enterprise and organisation -------------------------------------------------------

    def _enterprise(self) -> Enterprise:
        row = Enterprise(**asdict(content.ENTERPRISE))
        self._add("enterprises", [row])
        return row

    def _organisation(self) -> None:
        departments: list[Department] = []
        for i, spec in enumerate(content.DEPARTMENTS):
            row = Department(
                name=spec.name,
                kind=spec.kind,
                sort_order=i,
                note=spec.note,
                parent_id=self._dept(spec.parent) if spec.parent else None,
            )
            self.s.add(row)
            self.s.flush()  # children need their parent's id
            assert row.id is not None
            self.departments[spec.name] = row.id
            departments.append(row)
        self.counts["departments"] = len(departments)

        people = [
            Person(name=p.name, department_id=self._dept(p.department), phone=p.phone, role=p.role)
            for p in content.PEOPLE
        ]
        self._add("people", people)
        self.people = {p.name: p.id for p in people if p.id is not None}

        areas = [
            Area(
                code=a.code,
                name=a.name,
                department_id=self._dept(a.department),
                description=a.description,
                sort_order=i,
            )
            for i, a in enumerate(content.AREAS)
        ]
        self._add("areas", areas)
        self.areas = {a.code: a.id for a in areas if a.id is not None}

        posts = [
            Post(
                name=p.name,
                department_id=self._dept(p.department),
                area_id=_lookup(self.areas, p.area, "area"),
                work_content=p.work_content,
                workplace=p.workplace,
                headcount=p.headcount,
                responsible_person_id=self._person(p.responsible),
                sort_order=i,
            )
            for i, p in enumerate(content.POSTS)
        ]
        self._add("posts", posts)
        self.posts = {p.name: p.id for p in posts if p.id is not None}
        for person, person_spec in zip(people, content.PEOPLE, strict=True):
            if person_spec.post:
                person.post_id = _lookup(self.posts, person_spec.post, "post")
        self.s.flush()

    # --- risk inventory --------------------------------------------------------------------

    def _risk_inventory(self) -> list[tuple[RiskPointSpec, HazardSpec, Hazard, list[ControlMeasure]]]:
        area_specs = {a.code: a for a in content.AREAS}
        for name in (content.RECORD_REVIEWER, content.RECORD_APPROVER):
            self._person(name)  # refuses a sign-off by someone the demo does not employ
        reviewed_on = self.ident_on + timedelta(days=content.REVIEWED_DAYS_AFTER)
        approved_on = self.ident_on + timedelta(days=content.APPROVED_DAYS_AFTER)
        points: list[RiskPoint] = []
        for i, spec in enumerate(content.RISK_POINTS):
            area = area_specs[spec.area]
            points.append(
                RiskPoint(
                    code=spec.code,
                    name=spec.name,
                    kind=spec.kind,
                    area_id=_lookup(self.areas, spec.area, "area"),
                    location=spec.location,
                    department_id=self._dept(spec.department or area.department),
                    responsible_person_id=self._person(spec.responsible or area.responsible),
                    asset_no=spec.asset_no,
                    model_spec=spec.model_spec,
                    activity_content=spec.activity_content,
                    activity_frequency=spec.activity_frequency,
                    sort_order=i,
                    reviewer_name=content.RECORD_REVIEWER,
                    reviewed_on=reviewed_on,
                    approver_name=content.RECORD_APPROVER,
                    approved_on=approved_on,
                    created_at=_at(self.first_ident_on, 9),
                    updated_at=_at(self.ident_on, 17),
                )
            )
        self._add("risk_points", points)
        self.risk_points = {p.code: p.id for p in points if p.id is not None}
        self._add(
            "post_risk_points",
            [
                PostRiskPoint(
                    post_id=_lookup(self.posts, post.name, "post"),
                    risk_point_id=_lookup(self.risk_points, code, "risk point"),
                )
                for post in content.POSTS
                for code in post.risk_points
            ],
        )

        planned: list[tuple[RiskPointSpec, HazardSpec, RiskPoint, Hazard, list[_Graded]]] = []
        for spec, point in zip(content.RISK_POINTS, points, strict=True):
            for seq, hz in enumerate(spec.hazards, start=1):
                inherent, final = _grade(hz.inherent), _grade(hz.current)
                history = [_grade(hz.previous)] if hz.previous else []
                later = _reevaluation(spec.code, hz.step_or_item)
                # A hazard re-evaluated after the cards were printed starts at its earlier rating.
                current = _grade(later.before) if later else final
                if any(g.level < inherent.level for g in (*history, current, final)):
                    raise ValueError(f"{spec.code} #{seq}: current risk is more severe than inherent risk")
                tier = DEFAULT_TIER_BY_LEVEL[current.level]
                row = Hazard(
                    risk_point_id=_id(point),
                    seq=seq,
                    step_or_item=hz.step_or_item,
                    standard=hz.standard,
                    description=hz.description,
                    factor_category=hz.factor_category,
                    consequence=hz.consequence,
                    control_tier=tier,
                    responsible_department_id=point.department_id,
                    responsible_person_id=point.responsible_person_id,
                    suggested_measures=hz.suggested,
                    inherent_level=inherent.level,
                    current_level=current.level,
                    current_score=current.score or "",
                    current_method=current.method,
                    created_at=point.created_at,
                    updated_at=point.updated_at,
                )
                planned.append((spec, hz, point, row, [inherent, *history, current]))
        self._add("hazards", [p[3] for p in planned])

        links: list[HazardAccidentType] = []
        evaluations: list[Evaluation] = []
        measures: list[tuple[int, ControlMeasure]] = []
        for index, (point_spec, hz, point, row, graded) in enumerate(planned):
            links.extend(
                HazardAccidentType(hazard_id=_id(row), accident_type_id=t)
                for t in self._accident_type_ids(hz.accident_types)
            )
            evaluations.extend(self._evaluations(row, point, hz, graded))
            measures.extend(
                (index, self._measure(row, m, i))
                for i, m in enumerate(hz.measures)
                if _added_measure(point_spec.code, hz.step_or_item, m.content) is None
            )
        self._add("hazard_accident_types", links)
        self._add("evaluations", evaluations)
        self._add("control_measures", [m for _i, m in measures])

        by_hazard: dict[int, list[ControlMeasure]] = {}
        for index, measure in measures:
            by_hazard.setdefault(index, []).append(measure)
        return [(spec, hz, row, by_hazard.get(i, [])) for i, (spec, hz, _p, row, _g) in enumerate(planned)]

    def _evaluations(
        self, row: Hazard, point: RiskPoint, hz: HazardSpec, graded: list[_Graded]
    ) -> list[Evaluation]:
        """Inherent, then (if any) the older current evaluation, then the latest current one."""
        assessor = next(p.name for p in content.PEOPLE if self.people[p.name] == point.responsible_person_id)
        if hz.previous:
            stages = [
                (RiskStage.INHERENT, self.first_ident_on, "首次风险辨识评价"),
                (RiskStage.CURRENT, self.first_ident_on, "首次风险辨识评价"),
                (RiskStage.CURRENT, self.ident_on, "年度复评：管控措施完善后重新评价"),
            ]
        else:
            stages = [
                (RiskStage.INHERENT, self.ident_on, "年度风险辨识评价"),
                (RiskStage.CURRENT, self.ident_on, "年度风险辨识评价"),
            ]
        return [
            self._evaluation(row, stage, g, assessor, point.responsible_person_id, on, note)
            for (stage, on, note), g in zip(stages, graded, strict=True)
        ]

    @staticmethod
    def _evaluation(
        row: Hazard, stage: RiskStage, g: _Graded, assessor: str, assessor_id: int | None, on: date, note: str
    ) -> Evaluation:
        return Evaluation(
            hazard_id=_id(row),
            stage=stage,
            method=g.method,
            scheme_code=g.scheme_code,
            l_value=g.factors.get("L"),
            e_value=g.factors.get("E"),
            c_value=g.factors.get("C"),
            s_value=g.factors.get("S"),
            score=g.score,
            band=g.band,
            band_label=g.band_label,
            level=g.level,
            direct_reasons=g.direct_reasons,
            assessor_name=assessor,
            assessor_id=assessor_id,
            evaluated_on=on,
            note=note,
            created_at=_at(on, 15),
        )

    @staticmethod
    def _measure(row: Hazard, spec: MeasureSpec, order: int) -> ControlMeasure:
        return ControlMeasure(
            hazard_id=_id(row),
            category=spec.category,
            content=spec.content,
            is_existing=spec.is_existing,
            control_tier=row.control_tier,
            responsible_department_id=row.responsible_department_id,
            responsible_person_id=row.responsible_person_id,
            sort_order=order,
        )

    # --- post risk cards -------------------------------------------------------------------

    def _print_cards(self) -> None:
        """The cards of the posts facing the larger risks, printed and put up a month ago."""
        printed_on = self.today - timedelta(days=content.CARDS_PRINTED_DAYS_AGO)
        post_ids = [_lookup(self.posts, name, "post") for name in content.PRINTED_CARD_POSTS]
        cards = post_card_service.cards_in(self.s, today=printed_on, post_ids=post_ids)
        post_card_service.record_print_in(self.s, cards, page_size="A4", printed_at=_at(printed_on, 16))
        self.counts["card_prints"] = len(cards)

    def _changes_after_print(
        self, hazards: list[tuple[RiskPointSpec, HazardSpec, Hazard, list[ControlMeasure]]]
    ) -> list[tuple[RiskPointSpec, HazardSpec, Hazard, list[ControlMeasure]]]:
        """Re-evaluations and new measures after the print, which leave those posts' cards out of date.

        Returns ``hazards`` with the new measures in their place, so that check items are generated
        from the inventory as it is now.
        """
        by_key = {(spec.code, hz.step_or_item): (spec, hz, row, ms) for spec, hz, row, ms in hazards}

        def find(
            risk_point: str, step_or_item: str
        ) -> tuple[RiskPointSpec, HazardSpec, Hazard, list[ControlMeasure]]:
            try:
                return by_key[(risk_point, step_or_item)]
            except KeyError:
                raise ValueError(
                    f"demo content refers to an unknown hazard: {risk_point} {step_or_item}"
                ) from None

        changed: dict[int, list[ControlMeasure]] = {}
        for later in content.REEVALUATIONS:
            self._reevaluate(*find(later.risk_point, later.step_or_item), later)
        for added in content.ADDED_MEASURES:
            _spec, hz, row, _measures = find(added.risk_point, added.step_or_item)
            found = next(((i, m) for i, m in enumerate(hz.measures) if m.content == added.content), None)
            if found is None or not found[1].is_existing:
                raise ValueError(
                    f"{added.content!r}: not an existing measure of {added.risk_point} {hz.step_or_item}"
                )
            order, measure = found
            self._check_after_print(added.days_ago, added.content)
            row.updated_at = _at(self.today - timedelta(days=added.days_ago), 10)
            new = self._measure(row, measure, order)
            self._add("control_measures", [new])
            changed.setdefault(_id(row), []).append(new)
        self.s.flush()
        result = []
        for spec, hz, row, measures in hazards:
            extra = changed.get(_id(row), [])
            result.append((spec, hz, row, sorted([*measures, *extra], key=lambda m: m.sort_order)))
        return result

    def _reevaluate(
        self,
        spec: RiskPointSpec,
        hz: HazardSpec,
        row: Hazard,
        measures: list[ControlMeasure],
        later: ReevaluationSpec,
    ) -> None:
        self._check_after_print(later.days_ago, later.step_or_item)
        graded = _grade(hz.current)
        if graded.level is _grade(later.before).level:
            raise ValueError(f"{spec.code} {later.step_or_item}: a re-evaluation must change the level")
        on = self.today - timedelta(days=later.days_ago)
        assessor = next(p.name for p in content.PEOPLE if self.people[p.name] == row.responsible_person_id)
        self._add(
            "evaluations",
            [
                self._evaluation(
                    row, RiskStage.CURRENT, graded, assessor, row.responsible_person_id, on, later.note
                )
            ],
        )
        row.current_level = graded.level
        row.current_score = graded.score or ""
        row.current_method = graded.method
        row.control_tier = DEFAULT_TIER_BY_LEVEL[graded.level]
        row.updated_at = _at(on, 15)
        for measure in measures:
            measure.control_tier = row.control_tier
        # The changed record needs signing off again: reviewed since, the new 审定 still to come.
        point: RiskPoint = self.s.get_one(RiskPoint, row.risk_point_id)
        point.approver_name, point.approved_on = "", None
        reviewed_on = on + timedelta(days=content.REEVALUATION_REVIEWED_DAYS_AFTER)
        if reviewed_on <= self.today:
            point.reviewer_name, point.reviewed_on = content.RECORD_REVIEWER, reviewed_on
            point.updated_at = _at(reviewed_on, 10)
        else:
            point.reviewer_name, point.reviewed_on = "", None
            point.updated_at = _at(on, 15)
        self.s.add(point)

    def _check_after_print(self, days_ago: int, what: str) -> None:
        if not 0 < days_ago < content.CARDS_PRINTED_DAYS_AGO:
            raise ValueError(f"{what!r}: a change after the print must fall between the print and today")

    # --- check items and plans -------------------------------------------------------------

    def _check_items_and_plans(
        self, hazards: list[tuple[RiskPointSpec, HazardSpec, Hazard, list[ControlMeasure]]]
    ) -> dict[str, list[CheckItem]]:
        generated: list[_GeneratedItem] = []
        order = 0
        for spec, _hz, hazard, measures in hazards:
            for measure in measures:
                if not measure.is_existing:
                    continue  # a planned measure is not in place yet, so there is nothing to check
                rule = _CHECK_RULES[measure.category]
                standard = (
                    hazard.standard
                    if hazard.standard and measure.category is _C.ENGINEERING
                    else rule.default_standard
                )
                order += 1
                generated.append(
                    _GeneratedItem(
                        spec,
                        hazard,
                        measure.category,
                        CheckItem(
                            risk_point_id=hazard.risk_point_id,
                            hazard_id=hazard.id,
                            control_measure_id=measure.id,
                            content=measure.content,
                            standard=standard,
                            method=rule.method,
                            check_type=rule.check_type,
                            control_tier=hazard.control_tier,
                            frequency=rule.frequency,
                            sort_order=order,
                        ),
                    )
                )
        free = {
            f.key: CheckItem(
                content=f.content,
                standard=f.standard,
                method=f.method,
                check_type=f.check_type,
                control_tier=ControlTier.COMPANY,
                frequency=f.frequency,
                is_custom=True,
                sort_order=order + i,
            )
            for i, f in enumerate(content.FREE_CHECK_ITEMS, start=1)
        }
        self._add("check_items", [g.item for g in generated] + list(free.values()))

        season = content.season_for(self.today.month)
        plans: list[tuple[CheckPlanSpec, CheckPlan, list[CheckItem]]] = []
        for plan_spec in content.CHECK_PLANS:
            items = self._plan_items(plan_spec, generated)
            items += [free[key] for key in plan_spec.free_items]
            if plan_spec.seasonal_free_items:
                items += [free[f.key] for f in content.FREE_CHECK_ITEMS if season.key in f.seasons]
            start_on = self.today + timedelta(days=plan_spec.start_offset)
            plan = CheckPlan(
                name=plan_spec.name or season.plan_name,
                check_type=plan_spec.check_type,
                control_tier=plan_spec.control_tier,
                frequency=plan_spec.frequency,
                department_id=self._dept(plan_spec.department),
                area_id=_optional(self.areas, plan_spec.area, "area"),
                assignee_id=self._person(plan_spec.assignee),
                start_on=start_on,
                note=plan_spec.note,
                created_at=_at(start_on, 10),
            )
            plans.append((plan_spec, plan, items))
        self._add("check_plans", [p[1] for p in plans])
        self._add(
            "check_plan_items",
            [
                CheckPlanItem(plan_id=_id(plan), check_item_id=_id(item))
                for _spec, plan, items in plans
                for item in items
            ],
        )
        self.plans = {spec.key: (spec, plan) for spec, plan, _items in plans}
        return {spec.key: items for spec, _plan, items in plans}

    @staticmethod
    def _plan_items(spec: CheckPlanSpec, generated: list[_GeneratedItem]) -> list[CheckItem]:
        """The generated items a plan covers, in inventory order, filtered and capped as its spec says."""
        chosen: list[CheckItem] = []
        per_point: dict[str, list[str]] = {}
        for candidate in generated:
            point, hazard, item = candidate.point, candidate.hazard, candidate.item
            if len(chosen) >= spec.max_items:
                break
            if spec.item_areas and point.area not in spec.item_areas:
                continue
            if spec.item_risk_points and point.code not in spec.item_risk_points:
                continue
            if spec.company_tier_only and hazard.control_tier is not ControlTier.COMPANY:
                continue
            if spec.item_levels and hazard.current_level not in spec.item_levels:
                continue
            if candidate.category not in spec.item_categories:
                continue
            taken = per_point.setdefault(point.code, [])
            if len(taken) >= spec.per_risk_point or item.content in taken:
                continue
            taken.append(item.content)
            chosen.append(item)
        return chosen

    # --- tasks and records -----------------------------------------------------------------

    def _tasks_and_records(self) -> dict[str, list[CheckRecord]]:
        tasks: list[tuple[CheckTask, CheckRecord | None]] = []
        records: dict[str, list[CheckRecord]] = {}
        for key, (spec, plan) in self.plans.items():
            for offset in sorted(spec.task_offsets):
                due = self.today + timedelta(days=offset)
                record = None
                if offset >= 0 or offset in spec.left_open:
                    status = CheckTaskStatus.DUE
                elif offset in spec.missed:
                    status = CheckTaskStatus.MISSED
                else:
                    status = CheckTaskStatus.DONE
                    record = CheckRecord(
                        plan_id=_id(plan),
                        check_type=plan.check_type,
                        checked_on=due,
                        checker_names="、".join(spec.checkers),
                        department_id=plan.department_id,
                        area_id=plan.area_id,
                        created_at=_at(
                            due, 8 if spec.check_type is CheckType.DAILY else 15, self.rng.randrange(0, 50)
                        ),
                    )
                    records.setdefault(key, []).append(record)
                tasks.append(
                    (
                        CheckTask(plan_id=_id(plan), due_on=due, assignee_id=plan.assignee_id, status=status),
                        record,
                    )
                )
        self._add("check_records", [r for rs in records.values() for r in rs])
        for task, record in tasks:
            task.record_id = record.id if record else None
        self._add("check_tasks", [t for t, _r in tasks])
        return records

    # --- hidden dangers --------------------------------------------------------------------

    def _hidden_dangers(
        self, records: dict[str, list[CheckRecord]]
    ) -> list[tuple[HiddenDanger, CheckRecord]]:
        placed: list[tuple[date, int, HiddenDangerSpec, CheckRecord | None]] = []
        for index, spec in enumerate(content.HIDDEN_DANGERS):
            found_on = self.today - timedelta(days=spec.found_days_ago)
            record = None
            if spec.source is HiddenDangerSource.CHECK:
                candidates = records.get(spec.check_plan)
                if not candidates:
                    raise ValueError(f"hidden danger {index}: plan {spec.check_plan!r} has no check record")
                record = min(candidates, key=lambda r: (abs((r.checked_on - found_on).days), r.checked_on))
                found_on = record.checked_on
            placed.append((found_on, index, spec, record))
        placed.sort(key=lambda p: (p[0], p[1]))

        serials: dict[int, int] = {}
        rows: list[tuple[HiddenDanger, HiddenDangerSpec, list[_Step]]] = []
        failures: list[tuple[HiddenDanger, CheckRecord]] = []
        for found_on, _index, spec, record in placed:
            serials[found_on.year] = serials.get(found_on.year, 0) + 1
            number = format_number(found_on.year, serials[found_on.year])
            steps = self._timeline(spec, found_on, number)
            row = self._hidden_danger_row(spec, found_on, number, record, steps)
            rows.append((row, spec, steps))
            if record is not None:
                failures.append((row, record))
        self._add("hidden_dangers", [r for r, _s, _t in rows])

        links: list[SQLModel] = []
        events: list[HiddenDangerEvent] = []
        plans: list[RemediationPlan] = []
        photos: list[Photo] = []
        for row, spec, steps in rows:
            assert row.id is not None
            links.extend(
                HiddenDangerAccidentType(hidden_danger_id=row.id, accident_type_id=t)
                for t in self._accident_type_ids(spec.accident_types)
            )
            events.extend(
                HiddenDangerEvent(
                    hidden_danger_id=row.id,
                    at=st.at,
                    actor=st.actor,
                    action=st.action,
                    from_status=st.from_status,
                    to_status=st.to_status,
                    remark=st.remark,
                )
                for st in steps
            )
            if spec.remediation is not None:
                plans.append(self._remediation_plan(row, spec))
            photos.extend(self._photos(row, spec))
        self._add("hidden_danger_accident_types", links)
        self._add("hidden_danger_events", events)
        self._add("remediation_plans", plans)
        self._add("photos", photos)
        return failures

    def _timeline(self, spec: HiddenDangerSpec, found_on: date, number: str) -> list[_Step]:
        """The events from registration to the spec's status, checked against the lifecycle rules."""

        def day(after: int | None) -> date:
            if after is None:
                raise ValueError(f"{number}: a date needed for status {spec.status.value} is missing")
            return found_on + timedelta(days=after)

        def step(action: str, on: date, clock: str, actor: str, move: str, remark: str = "") -> _Step:
            """``move`` is "from>to" by status value, or "" for an event that keeps the status."""
            hour, minute = (int(part) for part in clock.split(":"))
            from_status, to_status = (_S(v) if v else None for v in move.split(">")) if move else (None, None)
            return _Step(action, on, hour, minute, actor, from_status, to_status, remark)

        safety, principal = content.ENTERPRISE.safety_manager_name, content.ENTERPRISE.principal_name
        registrar = safety if spec.source is HiddenDangerSource.EXTERNAL else spec.finders.split("、")[0]
        source = spec.source.label + (f"（{spec.source_detail}）" if spec.source_detail else "")
        steps = [step("登记", found_on, "09:30", registrar, ">pending", f"来源：{source}")]
        if spec.status is _S.VOID:
            steps.append(
                step("作废", day(spec.void_after), "15:10", safety, "pending>void", spec.void_reason)
            )
        elif spec.immediate:
            steps.append(step("立即整改", found_on, "10:40", spec.rectifier, "pending>awaiting_acceptance",
                              spec.rectification))  # fmt: skip
        else:
            plan = spec.remediation
            if plan is not None:
                steps.append(step("上报", day(plan.reported_after), "10:00", safety, "",
                                  f"已书面报告{plan.reported_to}"))  # fmt: skip
                steps.append(step("治理方案审批", day(plan.plan_approved_after), "11:00", principal, "",
                                  "治理方案（五到位）经总经理审批"))  # fmt: skip
            if spec.status is not _S.PENDING:
                steps.append(step("开始整改", day(spec.started_after), "14:00", spec.rectifier, "pending>rectifying",
                                  spec.interim_measures))  # fmt: skip
            if spec.rejected_after is not None:
                steps.append(step("整改完成", day(spec.rejected_after - 1), "16:00", spec.rectifier,
                                  "rectifying>awaiting_acceptance", "报请验收"))  # fmt: skip
                steps.append(step("验收不通过", day(spec.rejected_after), "16:40", spec.acceptor,
                                  "awaiting_acceptance>rectifying", spec.note))  # fmt: skip
            if spec.status in (_S.AWAITING_ACCEPTANCE, _S.CLOSED):
                steps.append(step("整改完成", day(spec.completed_after), "16:20", spec.rectifier,
                                  "rectifying>awaiting_acceptance", spec.rectification))  # fmt: skip
        if spec.status is _S.CLOSED:
            steps.append(step("验收通过", day(spec.accepted_after), "17:00", spec.acceptor,
                              "awaiting_acceptance>closed", spec.conclusion))  # fmt: skip
        self._check_timeline(spec, number, steps)
        return steps

    def _check_timeline(self, spec: HiddenDangerSpec, number: str, steps: list[_Step]) -> None:
        status = None
        last = steps[0].at
        for step in steps:
            if step.day > self.today or step.at < last:
                raise ValueError(
                    f"{number}: event {step.action} on {step.day} is out of order or in the future"
                )
            last = step.at
            if step.to_status is None:
                continue
            if status is not None and (
                step.from_status is not status or not can_transition(status, step.to_status, spec.level)
            ):
                raise ValueError(f"{number}: {step.action} is not a valid move from {status}")
            status = step.to_status
        if status is not spec.status:
            raise ValueError(f"{number}: timeline ends in {status}, expected {spec.status}")
        if spec.acceptor and spec.acceptor == spec.rectifier:
            raise ValueError(f"{number}: the acceptor must not be the rectifier")

    def _hidden_danger_row(
        self,
        spec: HiddenDangerSpec,
        found_on: date,
        number: str,
        record: CheckRecord | None,
        steps: list[_Step],
    ) -> HiddenDanger:
        completed = next((st.day for st in reversed(steps) if st.to_status is _S.AWAITING_ACCEPTANCE), None)
        accepted = next((st.day for st in steps if st.to_status is _S.CLOSED), None)
        if spec.source is HiddenDangerSource.CHECK:
            check_type = self.plans[spec.check_plan][1].check_type
        elif spec.source is HiddenDangerSource.EXTERNAL:
            check_type = None
        else:
            check_type = CheckType.DAILY
        plan = spec.remediation
        return HiddenDanger(
            number=number,
            found_on=found_on,
            check_type=check_type,
            finder_names=spec.finders,
            source=spec.source,
            source_detail=spec.source_detail,
            check_record_id=_id(record) if record else None,
            area_id=_optional(self.areas, spec.area, "area"),
            risk_point_id=_optional(self.risk_points, spec.risk_point, "risk point"),
            location=spec.location,
            description=spec.description,
            category=spec.category,
            level=spec.level,
            owner_tier=spec.owner_tier,
            basis=spec.basis,
            rectification_measures=spec.rectification,
            responsible_department_id=self._dept(spec.department),
            rectifier_id=self._person(spec.rectifier),
            deadline=found_on + timedelta(days=spec.deadline_days),
            funds_fen=spec.funds_yuan * 100,
            interim_measures=spec.interim_measures,
            is_immediate=spec.immediate,
            completed_on=completed if spec.status in (_S.AWAITING_ACCEPTANCE, _S.CLOSED) else None,
            acceptor_id=self._person(spec.acceptor) if spec.status is _S.CLOSED else None,
            accepted_on=accepted,
            acceptance_conclusion=spec.conclusion if spec.status is _S.CLOSED else "",
            status=spec.status,
            void_reason=spec.void_reason if spec.status is _S.VOID else "",
            reported_to=plan.reported_to if plan else "",
            reported_on=found_on + timedelta(days=plan.reported_after) if plan else None,
            note=spec.note,
            created_at=steps[0].at,
            updated_at=steps[-1].at,
        )

    def _remediation_plan(self, row: HiddenDanger, spec: HiddenDangerSpec) -> RemediationPlan:
        plan = spec.remediation
        assert plan is not None and row.level is HiddenDangerLevel.MAJOR
        approved = _at(row.found_on + timedelta(days=plan.plan_approved_after), 11)
        return RemediationPlan(
            hidden_danger_id=_id(row),
            goal_and_tasks=plan.goal_and_tasks,
            methods_and_measures=plan.methods_and_measures,
            funds_and_materials=plan.funds_and_materials,
            organisation_and_people=plan.organisation_and_people,
            timeline_and_requirements=plan.timeline_and_requirements,
            safety_and_emergency=plan.safety_and_emergency,
            created_at=approved,
            updated_at=approved,
        )

    def _photos(self, row: HiddenDanger, spec: HiddenDangerSpec) -> list[Photo]:
        if spec.photo is None:
            return []
        shots = [(PhotoStage.BEFORE, row.found_on, 9, False)]
        if row.completed_on is not None:
            shots.append((PhotoStage.AFTER, row.completed_on, 16, True))
        photos = []
        for stage, day, hour, fixed in shots:
            local = datetime.combine(
                day, time(hour, 5 + self.rng.randrange(0, 40), self.rng.randrange(0, 60)), LOCAL_TZ
            )
            data = draw_site_photo(spec.photo, f"{row.number} {row.location}", fixed=fixed, taken_at=local)
            photos.append(
                Photo(
                    file_name=self.store.put(data, ".jpg"),
                    thumb_name=self.store.put(make_thumbnail(data), ".jpg"),
                    width=PHOTO_WIDTH,
                    height=PHOTO_HEIGHT,
                    original_name=f"IMG_{local:%Y%m%d_%H%M%S}.jpg",
                    stage=stage,
                    hidden_danger_id=row.id,
                    taken_at=local.astimezone(UTC),
                    created_at=local.astimezone(UTC),
                )
            )
        return photos

    # --- check results ---------------------------------------------------------------------

    def _check_results(
        self,
        records: dict[str, list[CheckRecord]],
        plan_items: dict[str, list[CheckItem]],
        failures: list[tuple[HiddenDanger, CheckRecord]],
    ) -> None:
        failed_by_record: dict[int | None, list[HiddenDanger]] = {}
        for danger, record in failures:
            failed_by_record.setdefault(record.id, []).append(danger)
        results: list[CheckRecordResult] = []
        for key, plan_records in records.items():
            items = plan_items[key]
            for record in plan_records:
                checked = [(item, self._result(record, item)) for item in items]
                extra: list[CheckRecordResult] = []
                for danger in failed_by_record.get(record.id, []):
                    match = self._failed_result(danger, checked)
                    if match is None:
                        match = CheckRecordResult(
                            record_id=_id(record),
                            item_text=f"{danger.location}现场检查",
                            result=CheckResult.FAIL,
                        )
                        extra.append(match)
                    match.result = CheckResult.FAIL
                    match.remark = danger.description
                    match.hidden_danger_id = danger.id
                rows = [r for _i, r in checked] + extra
                results.extend(rows)
                record.summary = self._summary(rows, failed_by_record.get(record.id, []))
        self._add("check_results", results)

    @staticmethod
    def _failed_result(
        danger: HiddenDanger, checked: list[tuple[CheckItem, CheckRecordResult]]
    ) -> CheckRecordResult | None:
        """The still-passed result of an item on the hidden danger's risk point, if the plan has one."""
        if danger.risk_point_id is None:
            return None
        return next(
            (
                r
                for i, r in checked
                if i.risk_point_id == danger.risk_point_id and r.result is CheckResult.PASS
            ),
            None,
        )

    def _result(self, record: CheckRecord, item: CheckItem) -> CheckRecordResult:
        not_applicable = item.frequency is CheckFrequency.PER_SHIFT and self.rng.random() < 0.04
        return CheckRecordResult(
            record_id=_id(record),
            check_item_id=_id(item),
            item_text=item.content,
            standard_text=item.standard,
            result=CheckResult.NOT_APPLICABLE if not_applicable else CheckResult.PASS,
            remark="当班设备停机检修，未运行" if not_applicable else "",
        )

    @staticmethod
    def _summary(rows: list[CheckRecordResult], dangers: list[HiddenDanger]) -> str:
        counts = {r: sum(1 for row in rows if row.result is r) for r in CheckResult}
        text = (
            f"共检查{len(rows)}项：合格{counts[CheckResult.PASS]}项，不合格{counts[CheckResult.FAIL]}项，"
            f"不适用{counts[CheckResult.NOT_APPLICABLE]}项。"
        )
        if dangers:
            return text + f"发现隐患{len(dangers)}条（{'、'.join(d.number for d in dangers)}），已登记整改。"
        return text + "未发现隐患。"

    # --- floor plan ------------------------------------------------------------------------

    def _floor_plan(self, drawing: FloorPlanDrawing) -> None:
        plan = FloorPlan(
            name=content.FLOOR_PLAN_NAME,
            file_name=self.store.put(drawing.png, ".png"),
            width=drawing.width,
            height=drawing.height,
            note="演示数据：厂区总平面示意图（1:500）",
        )
        self._add("floor_plans", [plan])
        zones: list[tuple[MapZone, str]] = []
        for i, zone in enumerate(drawing.zones):
            row = MapZone(
                floor_plan_id=_id(plan),
                name=zone.name,
                area_id=_optional(self.areas, zone.area_code, "area"),
                shape=ZoneShape.RECT,
                points=json.dumps([list(p) for p in zone.rect.corners()]),
                label_x=float(zone.label_at[0]),
                label_y=float(zone.label_at[1]),
                show_counts=bool(zone.area_code),
                sort_order=i,
            )
            zones.append((row, zone.risk_point_code))
        self._add("map_zones", [z for z, _code in zones])
        self._add(
            "map_zone_risk_points",
            [
                MapZoneRiskPoint(zone_id=_id(z), risk_point_id=_lookup(self.risk_points, code, "risk point"))
                for z, code in zones
                if code
            ],
        )
