"""The demo factory: built into a fresh database file, re-opened, and checked against the domain rules."""

import json
import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

import pytest
from PIL import Image
from sqlmodel import Session, SQLModel, col, func, select

from dualprev.demo import cards_and_map
from dualprev.demo import content as demo_content
from dualprev.demo.builder import DemoSummary, build_demo
from dualprev.demo.timeline import LOCAL_TZ
from dualprev.domain.checks import CheckFrequency, CheckResult, CheckTaskStatus, CheckType
from dualprev.domain.grading import DEFAULT_DIRECT_JUDGEMENT_ITEMS, format_decimal, grade, preset
from dualprev.domain.hidden_danger import (
    REMEDIATION_PLAN_ITEMS,
    HiddenDangerCategory,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    PhotoStage,
    can_transition,
    format_number,
    is_overdue,
    missing_plan_items,
)
from dualprev.domain.organisation import DepartmentKind
from dualprev.domain.risk import (
    ControlMeasureCategory,
    ControlTier,
    EvaluationMethod,
    RiskLevel,
    RiskPointKind,
    RiskStage,
)
from dualprev.domain.validation import phone_problem, uscc_problem
from dualprev.domain.vocabularies import GB6441_2025, hazard_factor_category
from dualprev.errors import ConflictError
from dualprev.paths import files_dir_for
from dualprev.storage.db import Database, open_database
from dualprev.storage.files import FileStore
from dualprev.storage.models import (
    AccidentTypeRecord,
    Area,
    AuditLog,
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
    HiddenDangerEvent,
    MapZone,
    MapZoneRiskPoint,
    Person,
    Photo,
    Post,
    PostCardPrint,
    PostRiskPoint,
    RemediationPlan,
    RiskPoint,
)

from ..conftest import DEMO_TODAY

# The first is the day of the shared demo template (built once per run and copied here); the second
# spans a new year.
TODAYS = (DEMO_TODAY, date(2027, 1, 20))


@dataclass(frozen=True)
class Built:
    db: Database
    summary: DemoSummary
    today: date


@pytest.fixture(scope="module", params=TODAYS, ids=str)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    if request.param == DEMO_TODAY:
        template: Path = request.getfixturevalue("demo_template")
        shutil.copy2(template, path)
        shutil.copytree(files_dir_for(template), files_dir_for(path))
        summary = request.getfixturevalue("demo_template_summary")
    else:
        db = open_database(path)
        summary = build_demo(db, today=request.param)
        db.close()
    reopened = open_database(path, create=False)
    yield Built(reopened, summary, request.param)
    reopened.close()


@pytest.fixture(scope="module")
def s(built: Built) -> Iterator[Session]:
    with built.db.read_session() as session:
        yield session


T = TypeVar("T", bound=SQLModel)


def _all(s: Session, model: type[T]) -> list[T]:
    return list(s.exec(select(model)).all())


def _count(s: Session, model: type[SQLModel]) -> int:
    return int(s.exec(select(func.count()).select_from(model)).one())


def _local_date(at: datetime) -> date:
    """SQLite hands back naive UTC datetimes."""
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    return aware.astimezone(LOCAL_TZ).date()


# --- counts and organisation -------------------------------------------------------------------


def test_counts_meet_the_brief(built: Built, s: Session) -> None:
    assert _count(s, Area) == 8
    assert _count(s, Post) == 12
    assert _count(s, RiskPoint) >= 40
    assert _count(s, Hazard) >= 100
    assert _count(s, HiddenDanger) >= 30
    assert 25 <= _count(s, Person) <= 40
    assert _count(s, FloorPlan) == 1


def test_summary_matches_what_was_written(built: Built, s: Session) -> None:
    models: dict[str, type[SQLModel]] = {
        "departments": Department, "people": Person, "areas": Area, "posts": Post, "risk_points": RiskPoint,
        "hazards": Hazard, "evaluations": Evaluation, "control_measures": ControlMeasure, "check_items": CheckItem,
        "check_plans": CheckPlan, "check_tasks": CheckTask, "check_records": CheckRecord,
        "check_results": CheckRecordResult, "hidden_dangers": HiddenDanger,
        "hidden_danger_events": HiddenDangerEvent, "photos": Photo, "floor_plans": FloorPlan, "map_zones": MapZone,
        "card_prints": PostCardPrint,
    }  # fmt: skip
    assert set(models) == {f.name for f in fields(DemoSummary)}
    for name, model in models.items():
        assert getattr(built.summary, name) == _count(s, model), name


def test_enterprise_profile_is_valid(s: Session) -> None:
    (enterprise,) = _all(s, Enterprise)
    assert enterprise.name == "江苏恒锐精密机械有限公司"
    assert len(enterprise.uscc) == 18
    assert uscc_problem(enterprise.uscc) is None
    assert enterprise.code == "HRJX"
    for phone in (enterprise.principal_phone, enterprise.safety_manager_phone, enterprise.duty_phone):
        assert phone and phone_problem(phone) is None
    assert enterprise.principal_name == "顾建华"


def test_organisation_tree_people_and_posts(s: Session) -> None:
    departments = {d.id: d for d in _all(s, Department)}
    production = next(d for d in departments.values() if d.name == "生产部")
    workshops = [d for d in departments.values() if d.kind is DepartmentKind.WORKSHOP]
    assert len(workshops) >= 4 and all(w.parent_id == production.id for w in workshops)
    teams = [d for d in departments.values() if d.kind is DepartmentKind.TEAM]
    assert teams and all(
        departments[t.parent_id].kind is not DepartmentKind.TEAM for t in teams if t.parent_id
    )

    people = _all(s, Person)
    assert len({p.name for p in people}) == len(people)
    assert all(p.phone and phone_problem(p.phone) is None and p.role and p.department_id for p in people)

    links = Counter(link.post_id for link in _all(s, PostRiskPoint))
    for post in _all(s, Post):
        assert links[post.id] >= 2, post.name
        assert post.responsible_person_id is not None and post.area_id is not None
    assert sum(1 for p in people if p.post_id is not None) >= 12


def test_risk_points_cover_every_kind_and_area(s: Session) -> None:
    points = _all(s, RiskPoint)
    assert {p.kind for p in points} == set(RiskPointKind)
    areas = {a.id: a for a in _all(s, Area)}
    assert {p.area_id for p in points} == set(areas)
    for p in points:
        assert re.fullmatch(rf"FX-{areas[p.area_id].code}-\d{{3}}", p.code), p.code
        assert p.department_id is not None and p.responsible_person_id is not None
        if p.kind is RiskPointKind.EQUIPMENT:
            assert p.asset_no and p.model_spec, p.code
        if p.kind is RiskPointKind.ACTIVITY:
            assert p.activity_content and p.activity_frequency, p.code
    assert len({p.code for p in points}) == len(points)


# --- risk levels and evaluations ---------------------------------------------------------------


def test_all_four_current_levels_and_never_worse_than_inherent(s: Session) -> None:
    hazards = _all(s, Hazard)
    assert {h.current_level for h in hazards} == set(RiskLevel)
    assert sum(1 for h in hazards if h.current_level is RiskLevel.MAJOR) >= 2
    for h in hazards:
        assert h.inherent_level is not None and h.current_level is not None
        assert h.current_level >= h.inherent_level, h.description


def test_hazard_cache_matches_latest_evaluations(s: Session) -> None:
    latest: dict[tuple[int, RiskStage], Evaluation] = {}
    for e in s.exec(select(Evaluation).order_by(col(Evaluation.id))).all():
        latest[(e.hazard_id, e.stage)] = e
    for h in _all(s, Hazard):
        assert h.id is not None
        inherent, current = latest[(h.id, RiskStage.INHERENT)], latest[(h.id, RiskStage.CURRENT)]
        assert h.inherent_level == inherent.level
        assert h.current_level == current.level
        assert h.current_method == current.method
        assert h.current_score == (current.score or "")


def test_every_evaluation_regrades_to_its_stored_level(s: Session) -> None:
    evaluations = _all(s, Evaluation)
    methods = Counter(e.method for e in evaluations if e.stage is RiskStage.CURRENT)
    assert methods[EvaluationMethod.LEC] > methods[EvaluationMethod.LS] > 0
    assert 1 <= methods[EvaluationMethod.DIRECT] <= 2
    direct_keys = {item.key for item in DEFAULT_DIRECT_JUDGEMENT_ITEMS}
    for e in evaluations:
        if e.method is EvaluationMethod.DIRECT:
            reasons = json.loads(e.direct_reasons)
            assert e.scheme_code == "" and e.score is None and e.level is RiskLevel.MAJOR
            assert reasons and {r["key"] for r in reasons} <= direct_keys
            continue
        keys = ("L", "E", "C") if e.method is EvaluationMethod.LEC else ("L", "S")
        stored = dict(zip(("L", "E", "C", "S"), (e.l_value, e.e_value, e.c_value, e.s_value), strict=True))
        values = {k: stored[k] for k in keys}
        assert all(v is not None and format_decimal(Decimal(v)) == v for v in values.values())
        result = grade(preset(e.scheme_code), {k: str(v) for k, v in values.items()})
        assert e.score == format_decimal(result.score)
        assert (e.band, e.band_label, e.level) == (result.band, result.band_label, result.level)


def test_records_are_signed_off_after_their_analysis_by_managers(built: Built, s: Session) -> None:
    """JHA/SCL sign-off: the 生产部部长 reviews, the 主要负责人 approves, after the evaluation they
    sign; the record changed by a later re-evaluation has been reviewed again and awaits 审定."""
    people = {p.name: p.role for p in _all(s, Person)}
    assert "部长" in people[demo_content.RECORD_REVIEWER]
    enterprise = s.exec(select(Enterprise)).one()
    assert enterprise.principal_name == demo_content.RECORD_APPROVER
    assert "主要负责人" in people[enterprise.principal_name]
    latest: dict[int, date] = {}
    for hazard, evaluation in s.exec(
        select(Hazard, Evaluation).where(
            Evaluation.hazard_id == Hazard.id, Evaluation.stage == RiskStage.CURRENT
        )
    ).all():
        known = latest.get(hazard.risk_point_id, evaluation.evaluated_on)
        latest[hazard.risk_point_id] = max(known, evaluation.evaluated_on)
    points = _all(s, RiskPoint)
    approved = [p for p in points if p.approved_on is not None]
    assert len(approved) >= len(points) - len(demo_content.REEVALUATIONS) and len(approved) < len(points)
    for p in points:
        assert p.reviewer_name == demo_content.RECORD_REVIEWER and p.reviewed_on is not None, p.code
        assert latest[p.id or 0] < p.reviewed_on <= built.today, p.code
        if p.approved_on is not None:
            assert p.approver_name == demo_content.RECORD_APPROVER, p.code
            assert p.reviewed_on < p.approved_on <= built.today, p.code
        else:
            assert p.approver_name == "", p.code
    awaiting = {p.code for p in points if p.approved_on is None}
    assert awaiting == {r.risk_point for r in demo_content.REEVALUATIONS}


def test_some_hazards_have_an_evaluation_history(s: Session) -> None:
    current = [e for e in _all(s, Evaluation) if e.stage is RiskStage.CURRENT]
    by_hazard: dict[int, list[Evaluation]] = {}
    for e in current:
        by_hazard.setdefault(e.hazard_id, []).append(e)
    with_history = [es for es in by_hazard.values() if len(es) > 1]
    assert len(with_history) >= 3
    for es in with_history:
        older, newer = sorted(es, key=lambda e: e.id or 0)
        assert older.evaluated_on < newer.evaluated_on


def test_hazards_have_factors_accident_types_and_measures(s: Session) -> None:
    accident_types = {a.id: a for a in _all(s, AccidentTypeRecord)}
    per_hazard_types = Counter(link.hazard_id for link in _all(s, HazardAccidentType))
    measures = _all(s, ControlMeasure)
    per_hazard_measures = Counter(m.hazard_id for m in measures)
    for h in _all(s, Hazard):
        hazard_factor_category(h.factor_category)  # raises for an unknown code
        assert 1 <= per_hazard_types[h.id] <= 3
        assert 2 <= per_hazard_measures[h.id] <= 5
        assert h.control_tier is not None and h.responsible_department_id is not None
    # A new enterprise on GB 6441-2025: the content's 1986 names went through the mapping, the
    # hazards' own words deciding the splits (the Al/steel dust collector's 其他爆炸 is 粉尘爆炸).
    links = _all(s, HazardAccidentType)
    assert all(accident_types[link.accident_type_id].vocabulary == GB6441_2025 for link in links)
    names = {accident_types[link.accident_type_id].name for link in links}
    assert {"机械致害", "粉尘爆炸", "可燃液体蒸汽爆炸", "中毒", "窒息"} <= names
    dust = s.exec(select(Hazard).where(col(Hazard.description).contains("共用一套除尘系统"))).one()
    assert {accident_types[k.accident_type_id].name for k in links if k.hazard_id == dust.id} == {
        "火灾",
        "粉尘爆炸",
    }
    assert {m.category for m in measures} == set(ControlMeasureCategory)
    assert 3 <= sum(1 for m in measures if not m.is_existing) < len(measures) // 10


# --- checks ------------------------------------------------------------------------------------


def test_check_items_come_from_existing_measures(s: Session) -> None:
    items = _all(s, CheckItem)
    by_measure = Counter(i.control_measure_id for i in items if i.control_measure_id is not None)
    for m in _all(s, ControlMeasure):
        assert by_measure[m.id] == (1 if m.is_existing else 0)
    free = [i for i in items if i.is_custom]
    assert len(free) >= 5 and all(i.control_measure_id is None and i.risk_point_id is None for i in free)
    assert all(i.content and i.standard and i.method and i.check_type and i.frequency for i in items)


def test_plans_tasks_and_records(built: Built, s: Session) -> None:
    plans = _all(s, CheckPlan)
    items_per_plan = Counter(link.plan_id for link in _all(s, CheckPlanItem))
    assert len(plans) >= 5 and all(items_per_plan[p.id] >= 5 for p in plans)
    assert {CheckType.DAILY, CheckType.COMPREHENSIVE, CheckType.SEASONAL} <= {p.check_type for p in plans}
    assert {
        CheckFrequency.PER_SHIFT,
        CheckFrequency.WEEKLY,
        CheckFrequency.MONTHLY,
        CheckFrequency.QUARTERLY,
    } <= {p.frequency for p in plans}

    tasks = _all(s, CheckTask)
    due = [t for t in tasks if t.status is CheckTaskStatus.DUE]
    assert any(t.due_on == built.today for t in due)
    assert any(t.due_on < built.today for t in due)  # overdue task
    assert any(t.status is CheckTaskStatus.MISSED for t in tasks)
    records = {r.id: r for r in _all(s, CheckRecord)}
    done = [t for t in tasks if t.status is CheckTaskStatus.DONE]
    assert done and all(t.record_id is not None and records[t.record_id].checked_on == t.due_on for t in done)
    assert all(t.record_id is None for t in tasks if t.status is not CheckTaskStatus.DONE)

    days = sorted(r.checked_on for r in records.values())
    assert days[-1] < built.today
    assert built.today - days[0] >= timedelta(days=80)
    results = Counter(r.result for r in _all(s, CheckRecordResult))
    assert set(results) == set(CheckResult)


def test_failed_results_are_linked_to_hidden_dangers(s: Session) -> None:
    results = _all(s, CheckRecordResult)
    assert all(r.hidden_danger_id is not None for r in results if r.result is CheckResult.FAIL)
    records = {r.id: r for r in _all(s, CheckRecord)}
    from_checks = [h for h in _all(s, HiddenDanger) if h.source is HiddenDangerSource.CHECK]
    assert len(from_checks) >= 5
    for h in from_checks:
        assert h.check_record_id is not None
        assert records[h.check_record_id].checked_on == h.found_on
        linked = [r for r in results if r.hidden_danger_id == h.id]
        assert len(linked) == 1 and linked[0].result is CheckResult.FAIL
        assert linked[0].record_id == h.check_record_id
        assert h.number in records[h.check_record_id].summary


def test_no_plan_checks_less_often_than_the_frequency_table(built: Built, s: Session) -> None:
    from dualprev.services.checks import plans as check_plans

    plans = {p.name: p for p in check_plans.list_plans(built.db, today=built.today)}
    assert {name: p.frequency_gaps for name, p in plans.items() if p.frequency_gaps} == {}
    monthly, quarterly = plans["公司级重大风险月度检查"], plans["公司季度综合检查"]
    assert (monthly.frequency, monthly.control_tier) == (CheckFrequency.MONTHLY, ControlTier.COMPANY)
    assert monthly.record_count >= 3 and monthly.next_due is not None and monthly.next_due > built.today

    hazards = {h.id: h for h in _all(s, Hazard)}
    items = {i.id: i for i in _all(s, CheckItem)}

    def levels_in(plan_id: int) -> set[RiskLevel | None]:
        links = s.exec(select(CheckPlanItem).where(CheckPlanItem.plan_id == plan_id)).all()
        hazard_ids = [items[link.check_item_id].hazard_id for link in links]
        return {hazards[h].current_level for h in hazard_ids if h is not None}

    assert levels_in(monthly.id) == {RiskLevel.MAJOR}
    assert RiskLevel.MAJOR not in levels_in(quarterly.id)
    # Every 重大风险 whose measures are in place is watched by the monthly plan.
    monthly_items = s.exec(select(CheckPlanItem).where(CheckPlanItem.plan_id == monthly.id)).all()
    watched = {items[link.check_item_id].hazard_id for link in monthly_items}
    checked = {i.hazard_id for i in items.values() if i.hazard_id is not None}
    majors = {h.id for h in hazards.values() if h.current_level is RiskLevel.MAJOR and h.id in checked}
    assert majors and majors <= watched


# --- post risk cards ---------------------------------------------------------------------------


def test_four_cards_were_printed_a_month_ago_and_two_are_out_of_date(built: Built, s: Session) -> None:
    from dualprev.domain.post_card import CardStatus
    from dualprev.services import post_card_service

    posts = {p.id: p.name for p in _all(s, Post)}
    printed_on = built.today - timedelta(days=demo_content.CARDS_PRINTED_DAYS_AGO)
    prints = _all(s, PostCardPrint)
    assert sorted(posts[p.post_id] for p in prints) == sorted(("冲压工", "电焊工", "喷漆工", "叉车司机"))
    assert all(p.revision == 1 and _local_date(p.printed_at) == printed_on for p in prints)

    needs = post_card_service.cards_needing_reprint(built.db)
    assert [(n.post_name, n.printed_revision) for n in needs] == [("冲压工", 1), ("电焊工", 1)]
    changed = {n.post_name: n.changed for n in needs}
    assert "管控措施" in changed["冲压工"] and "风险等级" in changed["电焊工"]
    cards = {c.computed.post: c for c in post_card_service.list_cards(built.db, today=built.today)}
    assert cards["喷漆工"].status_text == cards["叉车司机"].status_text == "已打印 r1"
    assert cards["冲压工"].status is CardStatus.STALE and cards["冲压工"].sheet.revision == 2
    assert sum(1 for c in cards.values() if c.status is CardStatus.UNPRINTED) == 8

    # What changed: 电焊工's card went up 较大 → 重大 after a re-evaluation dated after the print …
    snapshots = {posts[p.post_id]: json.loads(p.snapshot) for p in prints}
    assert snapshots["电焊工"]["fields"]["level"] == int(RiskLevel.SIGNIFICANT)
    assert cards["电焊工"].content.level is RiskLevel.MAJOR
    (dust,) = [h for h in _all(s, Hazard) if h.step_or_item == "除尘系统设置"]
    history = s.exec(
        select(Evaluation)
        .where(Evaluation.hazard_id == dust.id, Evaluation.stage == RiskStage.CURRENT)
        .order_by(col(Evaluation.id))
    ).all()
    assert [e.level for e in history] == [RiskLevel.SIGNIFICANT, RiskLevel.MAJOR]
    assert history[0].evaluated_on < printed_on < history[1].evaluated_on < built.today
    assert dust.current_level is RiskLevel.MAJOR
    # … and 冲压工's card gained a measure put in place after the print.
    added = "不用时脚踏开关拆除或锁定"
    old_measures = [text for _label, texts in snapshots["冲压工"]["fields"]["measures"] for text in texts]
    assert added not in old_measures
    assert any(added in group.items for group in cards["冲压工"].content.measures)
    added_on = built.today - timedelta(days=demo_content.ADDED_MEASURES[0].days_ago)
    assert printed_on < added_on
    (measure,) = [m for m in _all(s, ControlMeasure) if m.content == added]
    (item,) = [i for i in _all(s, CheckItem) if i.control_measure_id == measure.id]
    records = {r.id: r for r in _all(s, CheckRecord)}
    assert not [
        r
        for r in _all(s, CheckRecordResult)
        if r.check_item_id == item.id and records[r.record_id].checked_on < added_on
    ]


# --- hidden dangers ----------------------------------------------------------------------------


def test_hidden_dangers_cover_every_status_source_and_category(built: Built, s: Session) -> None:
    dangers = _all(s, HiddenDanger)
    assert {h.status for h in dangers} == set(HiddenDangerStatus)
    assert {h.source for h in dangers} == set(HiddenDangerSource)
    assert {h.category for h in dangers} == set(HiddenDangerCategory)
    overdue = [h for h in dangers if is_overdue(h.status, h.deadline, built.today)]
    assert len(overdue) >= 3
    assert any(h.is_immediate and h.status is HiddenDangerStatus.CLOSED for h in dangers)
    assert all(h.source_detail for h in dangers if h.source is HiddenDangerSource.EXTERNAL)
    for h in dangers:
        assert built.today - timedelta(days=130) <= h.found_on <= built.today
        assert h.rectifier_id and h.responsible_department_id and h.deadline and h.rectification_measures
        assert h.funds_fen is not None and h.funds_fen >= 0
    months = {(h.found_on.year, h.found_on.month) for h in dangers}
    assert len(months) >= 4


def test_closed_void_and_open_fields(built: Built, s: Session) -> None:
    for h in _all(s, HiddenDanger):
        if h.status is HiddenDangerStatus.CLOSED:
            assert h.acceptor_id and h.accepted_on and h.completed_on and h.acceptance_conclusion
            assert h.found_on <= h.completed_on <= h.accepted_on <= built.today
        else:
            assert h.accepted_on is None and h.acceptor_id is None
        if h.status is HiddenDangerStatus.VOID:
            assert h.void_reason
        if h.status is HiddenDangerStatus.AWAITING_ACCEPTANCE:
            assert h.completed_on is not None and h.completed_on <= built.today


def test_acceptor_is_never_the_rectifier(s: Session) -> None:
    dangers = _all(s, HiddenDanger)
    accepted = [h for h in dangers if h.acceptor_id is not None]
    assert len(accepted) >= 10
    assert all(h.acceptor_id != h.rectifier_id for h in accepted)


def test_numbers_run_per_year_in_order_found(s: Session) -> None:
    dangers = s.exec(select(HiddenDanger).order_by(col(HiddenDanger.found_on), col(HiddenDanger.id))).all()
    serials: Counter[int] = Counter()
    for h in dangers:
        serials[h.found_on.year] += 1
        assert h.number == format_number(h.found_on.year, serials[h.found_on.year])


def test_three_major_hidden_dangers_each_reported_with_a_complete_plan(built: Built, s: Session) -> None:
    """The spray booth found by the township, and the two the annual 判定标准 self-check found."""
    majors = [h for h in _all(s, HiddenDanger) if h.level is HiddenDangerLevel.MAJOR]
    assert sorted(h.standard_item for h in majors) == ["11-2", "3-2", "7-7"]
    for h in majors:
        assert h.reported_to and h.reported_on and h.report_method
        assert s.exec(select(RemediationPlan).where(RemediationPlan.hidden_danger_id == h.id)).one()
    (major,) = [h for h in majors if h.standard_item == "7-7"]
    assert major.status is HiddenDangerStatus.RECTIFYING
    assert "可燃气体" in major.description and "第七条" in major.basis
    assert major.interim_measures and major.reported_to and major.reported_on
    assert major.found_on <= major.reported_on <= built.today
    (plan,) = s.exec(select(RemediationPlan).where(RemediationPlan.hidden_danger_id == major.id)).all()
    texts = {key: getattr(plan, key) for key, _label in REMEDIATION_PLAN_ITEMS}
    assert missing_plan_items(texts) == []
    assert _count(s, RemediationPlan) == 3


def test_timelines_are_consistent(built: Built, s: Session) -> None:
    events: dict[int, list[HiddenDangerEvent]] = {}
    for e in s.exec(
        select(HiddenDangerEvent).order_by(col(HiddenDangerEvent.at), col(HiddenDangerEvent.id))
    ).all():
        events.setdefault(e.hidden_danger_id, []).append(e)
    for h in _all(s, HiddenDanger):
        assert h.id is not None
        timeline = events[h.id]
        first = timeline[0]
        assert (first.action, first.from_status, first.to_status) == (
            "登记",
            None,
            HiddenDangerStatus.PENDING,
        )
        assert _local_date(first.at) == h.found_on
        status = HiddenDangerStatus.PENDING
        for e in timeline[1:]:
            assert e.actor and _local_date(e.at) <= built.today
            if e.to_status is None:
                continue
            assert e.from_status is status and can_transition(status, e.to_status, h.level), h.number
            status = e.to_status
        assert status is h.status, h.number
        done = [e for e in timeline if e.to_status is HiddenDangerStatus.AWAITING_ACCEPTANCE]
        if h.completed_on is not None:
            assert _local_date(done[-1].at) == h.completed_on
        accepted = [e for e in timeline if e.to_status is HiddenDangerStatus.CLOSED]
        if h.accepted_on is not None:
            assert _local_date(accepted[0].at) == h.accepted_on
    rejected = [e for es in events.values() for e in es if e.to_status is HiddenDangerStatus.RECTIFYING
                and e.from_status is HiddenDangerStatus.AWAITING_ACCEPTANCE]  # fmt: skip
    assert rejected  # 验收不通过 happens at least once


# --- pictures ----------------------------------------------------------------------------------


def test_floor_plan_file_opens_at_the_stored_size(built: Built, s: Session) -> None:
    (plan,) = _all(s, FloorPlan)
    path = FileStore(built.db.files_dir).path(plan.file_name)
    assert path.is_file()
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (plan.width, plan.height) == (2400, 1500)


def test_zones_lie_inside_the_plan_and_match_the_drawing(built: Built, s: Session) -> None:
    (plan,) = _all(s, FloorPlan)
    zones = _all(s, MapZone)
    areas = {a.id for a in _all(s, Area)}
    assert sorted(z.area_id for z in zones if z.area_id is not None) == sorted(areas)
    linked = _all(s, MapZoneRiskPoint)
    assert len(linked) == 3 and {link.zone_id for link in linked} <= {
        z.id for z in zones if z.area_id is None
    }
    with Image.open(FileStore(built.db.files_dir).path(plan.file_name)) as image:
        pixels = image.convert("L")
        for z in zones:
            assert z.floor_plan_id == plan.id
            points = json.loads(z.points)
            assert len(points) == 4
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            assert all(0 <= x <= plan.width for x in xs) and all(0 <= y <= plan.height for y in ys)
            assert z.label_x is not None and z.label_y is not None
            assert min(xs) < z.label_x < max(xs) and min(ys) < z.label_y < max(ys)
            # The zone's top edge is a wall drawn in the picture.
            assert pixels.getpixel(((min(xs) + max(xs)) // 2, min(ys) + 1)) < 80, z.name


def test_the_map_shows_all_four_colours(built: Built, s: Session) -> None:
    from dualprev.services import map_zone_service

    (plan,) = _all(s, FloorPlan)
    levels = {zone.level for zone in map_zone_service.list_zones(built.db, plan.id or 0)}
    assert levels == set(RiskLevel)


def test_photos_exist_with_thumbnails(s: Session, built: Built) -> None:
    store = FileStore(built.db.files_dir)
    photos = _all(s, Photo)
    dangers = {h.id: h for h in _all(s, HiddenDanger)}
    assert len({p.hidden_danger_id for p in photos}) >= 6
    assert {p.stage for p in photos} == {PhotoStage.BEFORE, PhotoStage.AFTER}
    for p in photos:
        assert store.exists(p.file_name) and store.exists(p.thumb_name)
        with Image.open(store.path(p.file_name)) as image:
            assert image.size == (p.width, p.height)
        with Image.open(store.path(p.thumb_name)) as thumb:
            assert max(thumb.size) <= 320
        if p.stage is PhotoStage.AFTER:
            danger = dangers[p.hidden_danger_id]
            assert danger.completed_on is not None


def test_audit_log_records_who_did_what(s: Session) -> None:
    """The enterprise is set up by the system; checks and hidden-danger steps are audited under
    the people who did them."""
    rows = _all(s, AuditLog)
    people = {p.name for p in _all(s, Person)}
    assert {r.actor for r in rows} <= people | {"系统"}
    (created,) = [r for r in rows if r.entity == "enterprise" and r.action == "create"]
    assert (created.actor, created.action) == ("系统", "create")
    checks = [r for r in rows if r.entity == "check_record"]
    assert len(checks) == _count(s, CheckRecord) and all(r.actor in people for r in checks)
    transitions = [r for r in rows if r.entity == "hidden_danger" and r.action == "transition"]
    assert transitions and all(r.actor in people for r in transitions)


# --- whole-build behaviour ---------------------------------------------------------------------


def test_same_day_builds_the_same_demo(built: Built, s: Session, tmp_path: Path) -> None:
    other = open_database(tmp_path / "again.sqlite")
    try:
        build_demo(other, today=built.today)
        with other.read_session() as s2:

            def ledger(session: Session) -> list[tuple[str, str, date | None, str]]:
                rows = session.exec(select(HiddenDanger).order_by(col(HiddenDanger.number))).all()
                return [(h.number, h.description, h.deadline, h.status.value) for h in rows]

            assert ledger(s2) == ledger(s)
            assert sorted(p.file_name for p in _all(s2, Photo)) == sorted(p.file_name for p in _all(s, Photo))
    finally:
        other.close()


def test_refuses_a_database_with_data(demo_path: Path) -> None:
    db = open_database(demo_path, create=False)
    try:
        with pytest.raises(ConflictError):
            build_demo(db, today=TODAYS[0])
        with db.read_session() as s:
            assert _count(s, Enterprise) == 1
            assert _count(s, HiddenDanger) == len(demo_content.HIDDEN_DANGERS) + 2  # + the self-check's
    finally:
        db.close()


def test_a_failure_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(ctx: object) -> None:
        raise RuntimeError("disk trouble")

    monkeypatch.setattr(cards_and_map, "draw_map", fail)
    db = open_database(tmp_path / "demo.sqlite")
    try:
        with pytest.raises(RuntimeError):
            build_demo(db, today=TODAYS[0])
        with db.read_session() as s:
            for model in (
                Enterprise,
                Department,
                Person,
                RiskPoint,
                Hazard,
                Evaluation,
                HiddenDanger,
                AuditLog,
            ):
                assert _count(s, model) == 0, model.__name__
    finally:
        db.close()
