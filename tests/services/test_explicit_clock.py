"""Writes given an explicit ``now`` are dated then, not when they run (the demo factory plays a year
back this way); without it they are dated when they run."""

import io
from datetime import UTC, datetime, timedelta

from PIL import Image
from sqlmodel import col, select

from dualprev.domain.checks import CheckResult
from dualprev.domain.hidden_danger import HiddenDangerDraft
from dualprev.domain.risk import EvaluationMethod, RiskStage
from dualprev.services import organisation_service as org
from dualprev.services import photo_service, post_card_service
from dualprev.services.checks import checklists, recording, tasks
from dualprev.services.checks.recording import CheckInput, ResultInput
from dualprev.services.checks.tasks import TaskScope
from dualprev.services.hidden_dangers import lifecycle, registration
from dualprev.services.risks import hazards
from dualprev.services.risks.evaluations import EvaluationInput
from dualprev.storage.db import Database
from dualprev.storage.models import (
    CheckRecord,
    Evaluation,
    Hazard,
    HiddenDanger,
    HiddenDangerEvent,
    Photo,
    PostCardPrint,
    utcnow,
)

from ..conftest import DEMO_TODAY

ACTOR = "沈立明"
THEN = datetime(2026, 9, 1, 1, 30, tzinfo=UTC)


def _utc(value: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _photo() -> photo_service.PreparedPhoto:
    buffer = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 30, 30)).save(buffer, "JPEG")
    return photo_service.prepare_bytes(buffer.getvalue(), "IMG_0001.jpg")


def test_hidden_danger_steps_are_dated_by_now(demo_db: Database) -> None:
    rectifier = org.list_people(demo_db)[0].id
    found_on = THEN.date()
    draft = HiddenDangerDraft(
        found_on=found_on,
        description="配电箱门锁损坏",
        location="装配车间",
        rectifier_id=rectifier,
        deadline=found_on + timedelta(days=7),
        rectification_measures="更换门锁",
    )
    started, submitted = THEN + timedelta(days=1), THEN + timedelta(days=3, hours=5)
    detail = registration.register(demo_db, draft, actor=ACTOR, photos=(_photo(),), today=found_on, now=THEN)
    lifecycle.start_rectification(demo_db, detail.id, actor="王海", today=started.date(), now=started)
    completion = lifecycle.CompletionInput(completed_on=submitted.date(), rectification_measures="已更换门锁")
    lifecycle.submit_for_acceptance(
        demo_db, detail.id, completion, actor="王海", today=DEMO_TODAY, now=submitted
    )
    with demo_db.read_session() as s:
        row = s.get_one(HiddenDanger, detail.id)
        events = s.exec(
            select(HiddenDangerEvent)
            .where(HiddenDangerEvent.hidden_danger_id == detail.id)
            .order_by(col(HiddenDangerEvent.id))
        ).all()
        (photo,) = s.exec(select(Photo).where(Photo.hidden_danger_id == detail.id)).all()
    assert [(e.action, _utc(e.at)) for e in events] == [
        ("登记", THEN),
        ("开始整改", started),
        ("整改完成", submitted),
    ]
    assert (_utc(row.created_at), _utc(row.updated_at), _utc(photo.created_at)) == (THEN, submitted, THEN)


def test_without_now_a_step_is_dated_when_it_runs(demo_db: Database) -> None:
    rectifier = org.list_people(demo_db)[0].id
    draft = HiddenDangerDraft(
        found_on=DEMO_TODAY, description="消防通道堆放物料", location="仓库", rectifier_id=rectifier,
        deadline=DEMO_TODAY + timedelta(days=3),
    )  # fmt: skip
    before = utcnow()
    detail = registration.register(demo_db, draft, actor=ACTOR, today=DEMO_TODAY)
    assert before <= detail.events[0].at <= utcnow()


def test_a_hazard_and_its_evaluations_are_dated_by_now(demo_db: Database) -> None:
    point = org.list_risk_point_refs(demo_db)[0]
    evaluations = [
        EvaluationInput(RiskStage(stage), EvaluationMethod.LEC, (("L", "3"), ("E", "6"), ("C", "7")),
                           assessor_name=ACTOR, evaluated_on=THEN.date())
        for stage in (RiskStage.INHERENT, RiskStage.CURRENT)
    ]  # fmt: skip
    info = hazards.HazardInfo(risk_point_id=point.id, description="砂轮破碎飞出")
    hazard_id = hazards.save_hazard(demo_db, info, actor=ACTOR, evaluations=evaluations, now=THEN)
    later = THEN + timedelta(days=30)
    saved = hazards.get_hazard(demo_db, hazard_id).info
    hazards.save_hazard(demo_db, saved, actor=ACTOR, evaluations=evaluations[1:], now=later)
    with demo_db.read_session() as s:
        hazard = s.get_one(Hazard, hazard_id)
        stamps = s.exec(
            select(Evaluation.created_at)
            .where(Evaluation.hazard_id == hazard_id)
            .order_by(col(Evaluation.id))
        ).all()
    assert (_utc(hazard.created_at), _utc(hazard.updated_at)) == (THEN, later)
    assert [_utc(t) for t in stamps] == [THEN, THEN, later]


def test_a_check_record_is_dated_by_now(demo_db: Database) -> None:
    task = tasks.list_tasks(demo_db, today=DEMO_TODAY, scope=TaskScope.TODAY)[0]
    items = checklists.checklist(demo_db, task_id=task.id).items
    results = tuple(ResultInput(i.content, CheckResult.PASS, i.item_id, i.standard) for i in items)
    entered = datetime.combine(DEMO_TODAY, datetime.min.time(), UTC) + timedelta(hours=2)
    data = CheckInput(checked_on=DEMO_TODAY, checker_names="吴志强", results=results, task_id=task.id)
    detail = recording.record_check(demo_db, data, actor=ACTOR, today=DEMO_TODAY, now=entered)
    with demo_db.read_session() as s:
        record = s.get_one(CheckRecord, detail.id)
    assert _utc(record.created_at) == entered


def test_a_card_print_is_dated_by_printed_at(demo_db: Database) -> None:
    card = next(c for c in post_card_service.list_cards(demo_db, today=DEMO_TODAY) if not c.problem)
    post_card_service.record_print(demo_db, [card], actor=ACTOR, printed_at=THEN)
    with demo_db.read_session() as s:
        latest = s.exec(select(PostCardPrint).order_by(col(PostCardPrint.id).desc())).first()
    assert latest is not None and _utc(latest.printed_at) == THEN
