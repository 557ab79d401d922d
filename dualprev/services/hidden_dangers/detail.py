"""One hidden danger as the ledger's detail panel shows it: its names, 治理方案, photos and timeline."""

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import Any

from dualprev.domain.hidden_danger import (
    REMEDIATION_PLAN_ITEMS,
    HiddenDangerDraft,
    HiddenDangerLevel,
    HiddenDangerStatus,
    LoopFacts,
    PhotoStage,
    days_left,
    is_overdue,
)
from dualprev.services import photo_service
from dualprev.services.hidden_dangers.choices import CheckRecordRef
from dualprev.services.photo_service import PhotoInfo
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Area, CheckRecord, Department, HiddenDanger, Person, RiskPoint
from dualprev.storage.queries import hidden_dangers as queries
from dualprev.storage.repos import get_or_raise


@dataclass(frozen=True)
class EventInfo:
    """One step of the timeline; ``at`` is in UTC."""

    id: int
    at: datetime
    actor: str
    action: str
    from_status: HiddenDangerStatus | None
    to_status: HiddenDangerStatus | None
    remark: str
    performed_by: str = ""
    """Who did the step (经办人); ``actor`` is the operator who entered it."""


@dataclass(frozen=True)
class RemediationPlanInfo:
    """治理方案 of a 重大隐患 and its 治理后评估."""

    goal_and_tasks: str = ""
    methods_and_measures: str = ""
    funds_and_materials: str = ""
    organisation_and_people: str = ""
    timeline_and_requirements: str = ""
    safety_and_emergency: str = ""
    post_evaluation: str = ""
    post_evaluated_on: date | None = None

    def items(self) -> dict[str, str]:
        """The six plan items by key (see REMEDIATION_PLAN_ITEMS)."""
        return {key: getattr(self, key) for key, _label in REMEDIATION_PLAN_ITEMS}


@dataclass(frozen=True)
class HiddenDangerDetail:
    """Everything the ledger's detail panel shows about one hidden danger."""

    id: int
    number: str
    draft: HiddenDangerDraft
    status: HiddenDangerStatus
    is_immediate: bool
    completed_on: date | None
    acceptor_id: int | None
    accepted_on: date | None
    acceptance_conclusion: str
    void_reason: str
    reported_to: str
    reported_on: date | None
    area_name: str
    risk_point_name: str
    department_name: str
    rectifier_name: str
    acceptor_name: str
    check_record_text: str
    accident_type_names: tuple[str, ...]
    plan: RemediationPlanInfo | None
    photos: tuple[PhotoInfo, ...]
    events: tuple[EventInfo, ...]
    is_overdue: bool
    days_left: int | None
    created_at: datetime
    updated_at: datetime
    report_method: str = ""
    report_document_number: str = ""
    supervised_by: str = ""
    supervised_on: date | None = None
    supervision_number: str = ""
    closure_applied_on: date | None = None
    closure_approved_on: date | None = None
    congress_reported_on: date | None = None
    self_check_id: int | None = None
    """The 判定标准 self-check whose 不符合 answer created this hidden danger (linked both ways)."""

    @property
    def level(self) -> HiddenDangerLevel:
        return self.draft.level

    @property
    def plan_missing(self) -> tuple[str, ...]:
        """Plan items still empty; always empty for a 一般隐患, which needs no plan."""
        return tuple(self.facts().plan_missing()) if self.level is HiddenDangerLevel.MAJOR else ()

    def facts(self) -> LoopFacts:
        return LoopFacts(
            status=self.status,
            level=self.draft.level,
            found_on=self.draft.found_on,
            rectifier_id=self.draft.rectifier_id,
            completed_on=self.completed_on,
            interim_measures=self.draft.interim_measures,
            plan=self.plan.items() if self.plan else None,
            post_evaluation=self.plan.post_evaluation if self.plan else "",
            post_evaluated_on=self.plan.post_evaluated_on if self.plan else None,
            reported_on=self.reported_on,
            supervised=bool(self.supervised_by),
            closure_approved_on=self.closure_approved_on,
        )

    def photos_of(self, stage: PhotoStage) -> tuple[PhotoInfo, ...]:
        return tuple(p for p in self.photos if p.stage is stage)


def get_row(session: Session, hidden_danger_id: int) -> HiddenDanger:
    """The hidden danger's row; NotFoundError if it is gone."""
    row: HiddenDanger = get_or_raise(session, HiddenDanger, hidden_danger_id, "隐患")
    return row


def loop_facts(session: Session, row: HiddenDanger) -> LoopFacts:
    """What the domain's loop rules need to know about the row as it is in the database."""
    plan = queries.remediation_plan(session=session, hidden_danger_id=row.id or 0)
    return LoopFacts(
        status=row.status,
        level=row.level,
        found_on=row.found_on,
        rectifier_id=row.rectifier_id,
        completed_on=row.completed_on,
        interim_measures=row.interim_measures,
        plan={key: getattr(plan, key) for key, _label in REMEDIATION_PLAN_ITEMS} if plan else None,
        post_evaluation=plan.post_evaluation if plan else "",
        post_evaluated_on=plan.post_evaluated_on if plan else None,
        reported_on=row.reported_on,
        supervised=bool(row.supervised_by),
        closure_approved_on=row.closure_approved_on,
    )


def _draft_of(row: HiddenDanger, accident_type_ids: tuple[int, ...]) -> HiddenDangerDraft:
    return HiddenDangerDraft(
        **{f.name: getattr(row, f.name) for f in fields(HiddenDangerDraft) if f.name != "accident_type_ids"},
        accident_type_ids=accident_type_ids,
    )


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _name(session: Session, model: type[Any], row_id: int | None) -> str:
    """The ``name`` of an area, risk point, department or person; "" when unset or gone."""
    row = session.get(model, row_id) if row_id is not None else None
    return str(getattr(row, "name", "")) if row is not None else ""


def get_detail(db: Database, hidden_danger_id: int, *, today: date) -> HiddenDangerDetail:
    """The hidden danger with its names, plan, photos and timeline. NotFoundError if it is gone."""
    with db.read_session() as s:
        row = get_row(s, hidden_danger_id)
        type_ids = queries.accident_type_ids(session=s, hidden_danger_id=hidden_danger_id)
        type_names = queries.accident_type_names(session=s, ids=type_ids)
        plan = queries.remediation_plan(session=s, hidden_danger_id=hidden_danger_id)
        plan_info = (
            RemediationPlanInfo(
                **{f.name: getattr(plan, f.name) for f in fields(RemediationPlanInfo)},
            )
            if plan
            else None
        )
        photos = queries.photos_of(session=s, hidden_danger_id=hidden_danger_id)
        events = queries.events_of(session=s, hidden_danger_id=hidden_danger_id)
        record_text = ""
        if row.check_record_id is not None:
            record = s.get(CheckRecord, row.check_record_id)
            if record is not None:
                place = _name(s, Area, record.area_id) or _name(s, Department, record.department_id)
                record_text = CheckRecordRef(
                    record.id or 0, record.checked_on, record.check_type, record.checker_names, place
                ).text
        return HiddenDangerDetail(
            id=row.id or 0,
            number=row.number,
            draft=_draft_of(row, type_ids),
            status=row.status,
            is_immediate=row.is_immediate,
            completed_on=row.completed_on,
            acceptor_id=row.acceptor_id,
            accepted_on=row.accepted_on,
            acceptance_conclusion=row.acceptance_conclusion,
            void_reason=row.void_reason,
            reported_to=row.reported_to,
            reported_on=row.reported_on,
            area_name=_name(s, Area, row.area_id),
            risk_point_name=_name(s, RiskPoint, row.risk_point_id),
            department_name=_name(s, Department, row.responsible_department_id),
            rectifier_name=_name(s, Person, row.rectifier_id),
            acceptor_name=_name(s, Person, row.acceptor_id),
            check_record_text=record_text,
            accident_type_names=tuple(type_names),
            plan=plan_info,
            photos=tuple(photo_service.photo_info(db, p) for p in photos),
            events=tuple(
                EventInfo(
                    e.id or 0,
                    _utc(e.at),
                    e.actor,
                    e.action,
                    e.from_status,
                    e.to_status,
                    e.remark,
                    e.performed_by or e.actor,
                )
                for e in events
            ),
            is_overdue=is_overdue(row.status, row.deadline, today),
            days_left=days_left(row.status, row.deadline, today),
            created_at=_utc(row.created_at),
            updated_at=_utc(row.updated_at),
            report_method=row.report_method,
            report_document_number=row.report_document_number,
            supervised_by=row.supervised_by,
            supervised_on=row.supervised_on,
            supervision_number=row.supervision_number,
            closure_applied_on=row.closure_applied_on,
            closure_approved_on=row.closure_approved_on,
            congress_reported_on=row.congress_reported_on,
            self_check_id=queries.self_check_of(session=s, hidden_danger_id=hidden_danger_id),
        )
