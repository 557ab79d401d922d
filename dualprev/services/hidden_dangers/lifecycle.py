"""The steps of the closed loop after 登记 (domain.md §8): 开始整改 → 整改完成（报验收）→ 验收通过
（销号）, 验收不通过 back to 整改中, and 作废 for a record entered by mistake; for a 重大隐患 also its
治理方案, the report to the authorities and the 治理后评估. Every step checks the domain's rules
against the row as it is in the database, runs in one transaction, and adds a timeline event and an
audit entry. Nothing is ever deleted."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from dualprev.domain.hidden_danger import (
    REMEDIATION_PLAN_ITEMS,
    EventAction,
    HiddenDangerStatus,
    PhotoStage,
    acceptance_problem,
    plan_problem,
    post_evaluation_problem,
    rejection_problem,
    report_problem,
    start_problem,
    submit_problem,
    void_problem,
)
from dualprev.errors import ConflictError, ValidationError
from dualprev.services import photo_service
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail, get_detail, get_row, loop_facts
from dualprev.services.hidden_dangers.trail import add_event, raise_problem, record_audit
from dualprev.services.photo_service import PreparedPhoto
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import Person, RemediationPlan, utcnow
from dualprev.storage.queries import hidden_dangers as queries

_S = HiddenDangerStatus


@dataclass(frozen=True)
class StartInput:
    """开始整改: a remark, and the interim measures (required for a 重大隐患)."""

    remark: str = ""
    interim_measures: str | None = None
    performed_by: str = ""
    """Who did the step (经办人), chosen in its dialog; empty: the operator."""


@dataclass(frozen=True)
class CompletionInput:
    """整改完成，报请验收."""

    completed_on: date
    rectification_measures: str
    funds_fen: int | None = None
    remark: str = ""
    photos: tuple[PreparedPhoto, ...] = ()
    performed_by: str = ""
    """Who did the step (经办人), chosen in its dialog; empty: the operator."""


@dataclass(frozen=True)
class AcceptanceInput:
    """验收通过，销号."""

    acceptor_id: int | None
    accepted_on: date
    conclusion: str
    photos: tuple[PreparedPhoto, ...] = ()
    performed_by: str = ""
    """Who did the step (经办人), chosen in its dialog; empty: the operator."""


@dataclass(frozen=True)
class RejectionInput:
    """验收不通过: why, and optionally a new deadline."""

    reason: str
    new_deadline: date | None = None
    performed_by: str = ""
    """Who did the step (经办人), chosen in its dialog; empty: the operator."""


@dataclass(frozen=True)
class VoidInput:
    """作废: why, and who decided it."""

    reason: str
    performed_by: str = ""


@dataclass(frozen=True)
class ReportInput:
    """报告负有监管职责的部门 (to whom, when, how, under which document number)."""

    reported_to: str
    reported_on: date
    method: str = "书面报告"
    document_number: str = ""
    performed_by: str = ""
    """Who did the step (经办人), chosen in its dialog; empty: the operator."""


@dataclass(frozen=True)
class PostEvaluationInput:
    """治理后评估 of a 重大隐患."""

    text: str
    evaluated_on: date
    performed_by: str = ""
    """Who did the step (经办人), chosen in its dialog; empty: the operator."""


@dataclass(frozen=True)
class RemediationPlanInput:
    goal_and_tasks: str = ""
    methods_and_measures: str = ""
    funds_and_materials: str = ""
    organisation_and_people: str = ""
    timeline_and_requirements: str = ""
    safety_and_emergency: str = ""

    performed_by: str = ""
    """Who did the step (经办人), chosen in its dialog; empty: the operator."""

    def items(self) -> dict[str, str]:
        """The 五到位 texts by column (the person who wrote them is not one of them)."""
        return {key: getattr(self, key).strip() for key, _label in REMEDIATION_PLAN_ITEMS}


def start_rectification(
    db: Database,
    hidden_danger_id: int,
    data: StartInput = StartInput(),
    *,
    actor: str,
    today: date | None = None,
    now: datetime | None = None,
) -> HiddenDangerDetail:
    """待整改 → 整改中. A 重大隐患 needs its complete 治理方案 and interim measures first."""
    today = today or date.today()
    with db.session() as s:
        row = get_row(s, hidden_danger_id)
        changes: dict[str, Any] = {}
        if data.interim_measures is not None and data.interim_measures.strip() != row.interim_measures:
            changes["interim_measures"] = [row.interim_measures, data.interim_measures.strip()]
            row.interim_measures = data.interim_measures.strip()
        raise_problem(start_problem(loop_facts(s, row)))
        remark = data.remark.strip() or (
            f"临时管控措施：{row.interim_measures}" if row.interim_measures else ""
        )
        changes["status"] = [row.status.value, _S.RECTIFYING.value]
        add_event(
            s,
            row,
            EventAction.START,
            actor,
            to=_S.RECTIFYING,
            remark=remark,
            now=now,
            performed_by=data.performed_by,
        )
        record_audit(s, row, actor, "transition", "开始整改", changes)
    return get_detail(db, hidden_danger_id, today=today)


def submit_for_acceptance(
    db: Database,
    hidden_danger_id: int,
    data: CompletionInput,
    *,
    actor: str,
    today: date | None = None,
    now: datetime | None = None,
) -> HiddenDangerDetail:
    """整改中 → 待验收: the rectifier reports the work done, with the measures taken and after photos."""
    today = today or date.today()
    with photo_service.staged_files(db) as files, db.session() as s:
        row = get_row(s, hidden_danger_id)
        raise_problem(
            submit_problem(loop_facts(s, row), data.completed_on, data.rectification_measures, today)
        )
        if data.funds_fen is not None and not 0 <= data.funds_fen <= 100_000_000_000:
            raise ValidationError("整改资金应为 0 到 10 亿元之间的金额", "funds_fen")
        changes = audit.diff(
            {
                "rectification_measures": row.rectification_measures,
                "funds_fen": row.funds_fen,
                "completed_on": row.completed_on,
                "status": row.status.value,
            },
            {
                "rectification_measures": data.rectification_measures.strip(),
                "funds_fen": data.funds_fen,
                "completed_on": data.completed_on,
                "status": _S.AWAITING_ACCEPTANCE.value,
            },
        )
        row.rectification_measures = data.rectification_measures.strip()
        row.funds_fen = data.funds_fen
        row.completed_on = data.completed_on
        if data.photos:
            photo_service.attach(s, files, hidden_danger_id, PhotoStage.AFTER, data.photos, now=now)
        remark = data.remark.strip() or row.rectification_measures
        if data.photos:
            remark += f"（附整改后照片 {len(data.photos)} 张）"
        add_event(
            s,
            row,
            EventAction.SUBMIT,
            actor,
            to=_S.AWAITING_ACCEPTANCE,
            remark=remark,
            now=now,
            performed_by=data.performed_by,
        )
        record_audit(s, row, actor, "transition", "整改完成，报请验收", changes)
    return get_detail(db, hidden_danger_id, today=today)


def accept(
    db: Database,
    hidden_danger_id: int,
    data: AcceptanceInput,
    *,
    actor: str,
    today: date | None = None,
    now: datetime | None = None,
) -> HiddenDangerDetail:
    """待验收 → 已销号. The acceptor is never the rectifier; a 重大隐患 needs its 治理后评估."""
    today = today or date.today()
    with photo_service.staged_files(db) as files, db.session() as s:
        row = get_row(s, hidden_danger_id)
        raise_problem(
            acceptance_problem(loop_facts(s, row), data.acceptor_id, data.accepted_on, data.conclusion, today)
        )
        acceptor = s.get(Person, data.acceptor_id)
        if acceptor is None:
            raise ValidationError("所选验收人已不存在，请重新选择", "acceptor_id")
        row.acceptor_id = data.acceptor_id
        row.accepted_on = data.accepted_on
        row.acceptance_conclusion = data.conclusion.strip()
        if data.photos:
            photo_service.attach(s, files, hidden_danger_id, PhotoStage.ACCEPTANCE, data.photos, now=now)
        add_event(
            s,
            row,
            EventAction.ACCEPT,
            actor,
            to=_S.CLOSED,
            remark=f"验收人：{acceptor.name}；{row.acceptance_conclusion}",
            now=now,
            performed_by=data.performed_by or acceptor.name,  # the acceptor accepts
        )
        record_audit(
            s,
            row,
            actor,
            "transition",
            f"验收通过，销号（验收人 {acceptor.name}）",
            {
                "status": [_S.AWAITING_ACCEPTANCE.value, _S.CLOSED.value],
                "acceptor_id": [None, acceptor.id],
                "accepted_on": [None, data.accepted_on.isoformat()],
            },
        )
    return get_detail(db, hidden_danger_id, today=today)


def reject(
    db: Database,
    hidden_danger_id: int,
    data: RejectionInput,
    *,
    actor: str,
    today: date | None = None,
    now: datetime | None = None,
) -> HiddenDangerDetail:
    """验收不通过: 待验收 → 整改中, with the reason and optionally a new deadline."""
    today = today or date.today()
    with db.session() as s:
        row = get_row(s, hidden_danger_id)
        raise_problem(rejection_problem(loop_facts(s, row), data.reason, data.new_deadline))
        changes: dict[str, Any] = {
            "status": [row.status.value, _S.RECTIFYING.value],
            "completed_on": [row.completed_on, None],
        }
        remark = data.reason.strip()
        if data.new_deadline is not None and data.new_deadline != row.deadline:
            changes["deadline"] = [row.deadline, data.new_deadline]
            remark += f"（整改期限调整为 {data.new_deadline.isoformat()}）"
            row.deadline = data.new_deadline
        row.completed_on = None
        add_event(
            s,
            row,
            EventAction.REJECT,
            actor,
            to=_S.RECTIFYING,
            remark=remark,
            now=now,
            performed_by=data.performed_by,
        )
        record_audit(s, row, actor, "transition", "验收不通过，退回整改", changes)
    return get_detail(db, hidden_danger_id, today=today)


def void(
    db: Database,
    hidden_danger_id: int,
    reason: str,
    *,
    actor: str,
    today: date | None = None,
    now: datetime | None = None,
    performed_by: str = "",
) -> HiddenDangerDetail:
    """作废 a record entered by mistake. It stays in the ledger, marked 已作废, with the reason;
    ``performed_by`` is who decided it (default: the operator)."""
    today = today or date.today()
    with db.session() as s:
        row = get_row(s, hidden_danger_id)
        raise_problem(void_problem(row.status, reason))
        changes = {"status": [row.status.value, _S.VOID.value], "void_reason": ["", reason.strip()]}
        row.void_reason = reason.strip()
        add_event(
            s,
            row,
            EventAction.VOID,
            actor,
            to=_S.VOID,
            remark=row.void_reason,
            now=now,
            performed_by=performed_by,
        )
        record_audit(s, row, actor, "void", f"作废：{row.void_reason}", changes)
    return get_detail(db, hidden_danger_id, today=today)


def save_remediation_plan(
    db: Database,
    hidden_danger_id: int,
    plan: RemediationPlanInput,
    *,
    actor: str,
    today: date | None = None,
    now: datetime | None = None,
) -> HiddenDangerDetail:
    """Create or change the 治理方案 of a 重大隐患 (may be incomplete only while 待整改)."""
    today = today or date.today()
    items = plan.items()
    with db.session() as s:
        row = get_row(s, hidden_danger_id)
        raise_problem(plan_problem(loop_facts(s, row), items))
        existing = queries.remediation_plan(session=s, hidden_danger_id=hidden_danger_id)
        record = existing or RemediationPlan(hidden_danger_id=hidden_danger_id, created_at=now or utcnow())
        changes = audit.diff({key: getattr(record, key) for key in items}, items)
        if existing is not None and not changes:
            return get_detail(db, hidden_danger_id, today=today)
        for key, value in items.items():
            setattr(record, key, value)
        record.updated_at = now or utcnow()
        s.add(record)
        missing = [label for key, label in REMEDIATION_PLAN_ITEMS if not items[key]]
        state = f"尚缺：{'、'.join(missing)}" if missing else "五到位内容齐全"
        add_event(
            s,
            row,
            EventAction.PLAN,
            actor,
            remark=f"{'修改' if existing else '制定'}治理方案，{state}",
            now=now,
            performed_by=plan.performed_by,
        )
        record_audit(s, row, actor, "plan", f"{'修改' if existing else '制定'}治理方案", changes)
    return get_detail(db, hidden_danger_id, today=today)


def record_report_to_authority(
    db: Database,
    hidden_danger_id: int,
    data: ReportInput,
    *,
    actor: str,
    today: date | None = None,
    now: datetime | None = None,
) -> HiddenDangerDetail:
    """Record when and to whom a 重大隐患 was reported (a later report replaces the date shown)."""
    today = today or date.today()
    with db.session() as s:
        row = get_row(s, hidden_danger_id)
        raise_problem(report_problem(loop_facts(s, row), data.reported_to, data.reported_on, today))
        if not data.method.strip():
            raise ValidationError("请填写报告方式（如：书面报告）", "report_method")
        new = {
            "reported_to": data.reported_to.strip(),
            "reported_on": data.reported_on,
            "report_method": data.method.strip(),
            "report_document_number": data.document_number.strip(),
        }
        changes = audit.diff({key: getattr(row, key) for key in new}, new)
        for key, value in new.items():
            setattr(row, key, value)
        number = f"，文号 {row.report_document_number}" if row.report_document_number else ""
        add_event(
            s,
            row,
            EventAction.REPORT,
            actor,
            remark=f"{data.reported_on.isoformat()} 以{row.report_method}报告{row.reported_to}{number}",
            now=now,
            performed_by=data.performed_by,
        )
        record_audit(s, row, actor, "report", f"记录上报：{row.reported_to}", changes)
    return get_detail(db, hidden_danger_id, today=today)


def record_post_evaluation(
    db: Database,
    hidden_danger_id: int,
    data: PostEvaluationInput,
    *,
    actor: str,
    today: date | None = None,
    now: datetime | None = None,
) -> HiddenDangerDetail:
    """治理后评估 of a 重大隐患 whose rectification is done (needed before it can be accepted)."""
    today = today or date.today()
    with db.session() as s:
        row = get_row(s, hidden_danger_id)
        raise_problem(post_evaluation_problem(loop_facts(s, row), data.text, data.evaluated_on, today))
        plan = queries.remediation_plan(session=s, hidden_danger_id=hidden_danger_id)
        if plan is None:  # a plan is needed to start, so this only happens with hand-made data
            raise ConflictError("该重大隐患没有治理方案，无法记录治理后评估")
        changes = audit.diff(
            {"post_evaluation": plan.post_evaluation, "post_evaluated_on": plan.post_evaluated_on},
            {"post_evaluation": data.text.strip(), "post_evaluated_on": data.evaluated_on},
        )
        plan.post_evaluation = data.text.strip()
        plan.post_evaluated_on = data.evaluated_on
        plan.updated_at = now or utcnow()
        s.add(plan)
        add_event(
            s,
            row,
            EventAction.POST_EVALUATION,
            actor,
            remark=plan.post_evaluation,
            now=now,
            performed_by=data.performed_by,
        )
        record_audit(s, row, actor, "evaluate", "治理后评估", changes)
    return get_detail(db, hidden_danger_id, today=today)
