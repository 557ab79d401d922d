"""登记 of a hidden danger (on its own, or inside a check record's transaction) and correcting what
was registered. Every write checks the domain's rules against the row as it is in the database, runs
in one transaction, and adds a timeline event and an audit entry."""

from collections.abc import Sequence
from dataclasses import fields
from datetime import date, datetime
from typing import Any

from dualprev.domain import settings
from dualprev.domain.hidden_danger import (
    EventAction,
    HiddenDangerDraft,
    HiddenDangerSource,
    HiddenDangerStatus,
    PhotoStage,
    draft_problem,
    format_number,
    immediate_problem,
    update_problem,
)
from dualprev.errors import ValidationError
from dualprev.services import photo_service
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail, get_detail, get_row, loop_facts
from dualprev.services.hidden_dangers.trail import add_event, raise_problem, record_audit
from dualprev.services.photo_service import PreparedPhoto
from dualprev.services.risks.accident_types import vocabulary_in
from dualprev.storage import audit
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database, Session
from dualprev.storage.models import (
    Area,
    CheckRecord,
    Department,
    HiddenDanger,
    HiddenDangerAccidentType,
    HiddenDangerEvent,
    Person,
    RiskPoint,
    utcnow,
)
from dualprev.storage.queries import hidden_dangers as queries
from dualprev.storage.queries import risks as risk_queries

_S = HiddenDangerStatus

_DRAFT_LABELS = {
    "found_on": "排查日期",
    "description": "隐患描述",
    "level": "隐患级别",
    "category": "隐患类别",
    "source": "来源",
    "source_detail": "来源说明",
    "check_record_id": "排查记录",
    "check_type": "排查类型",
    "finder_names": "排查人",
    "area_id": "区域",
    "risk_point_id": "风险点",
    "location": "部位",
    "owner_tier": "分级负责",
    "basis": "判定依据",
    "accident_type_ids": "事故类型",
    "rectification_measures": "整改措施",
    "responsible_department_id": "整改责任单位",
    "rectifier_id": "整改责任人",
    "deadline": "整改期限",
    "funds_fen": "整改资金",
    "interim_measures": "临时管控措施",
    "note": "备注",
    "standard_item": "判定标准条款",
    "cause": "产生原因",
}


def _clean(draft: HiddenDangerDraft) -> HiddenDangerDraft:
    """The draft with text trimmed (enums, being str too, are left alone) and duplicate ids merged."""
    values: dict[str, Any] = {}
    for f in fields(HiddenDangerDraft):
        value = getattr(draft, f.name)
        values[f.name] = value.strip() if type(value) is str else value
    values["accident_type_ids"] = tuple(sorted(set(draft.accident_type_ids)))
    if draft.source is not HiddenDangerSource.CHECK:
        values["check_record_id"] = None
    return HiddenDangerDraft(**values)


def _check_references(session: Session, draft: HiddenDangerDraft) -> None:
    refs: list[tuple[type[Any], int | None, str, str]] = [
        (Area, draft.area_id, "区域", "area_id"),
        (RiskPoint, draft.risk_point_id, "风险点", "risk_point_id"),
        (Department, draft.responsible_department_id, "整改责任单位", "responsible_department_id"),
        (Person, draft.rectifier_id, "整改责任人", "rectifier_id"),
        (CheckRecord, draft.check_record_id, "排查记录", "check_record_id"),
    ]
    for model, row_id, label, field in refs:
        if row_id is not None and session.get(model, row_id) is None:
            raise ValidationError(f"所选{label}已不存在，请重新选择", field)
    if draft.accident_type_ids:
        # Only the enterprise's own classification: a record naming types of two would have to be
        # untangled by hand when the enterprise moves to GB 6441-2025.
        known = risk_queries.known_accident_type_ids(
            session=session, ids=draft.accident_type_ids, vocabulary=vocabulary_in(session)
        )
        if any(type_id not in known for type_id in draft.accident_type_ids):
            raise ValidationError(
                "所选事故类型已不存在或不属于本企业使用的事故类型分类标准，请重新选择", "accident_type_ids"
            )


def _set_accident_types(session: Session, hidden_danger_id: int, wanted: tuple[int, ...]) -> None:
    existing = {
        link.accident_type_id: link
        for link in queries.accident_type_links(session=session, hidden_danger_id=hidden_danger_id)
    }
    for type_id, link in existing.items():
        if type_id not in wanted:
            session.delete(link)
    for type_id in set(wanted) - existing.keys():
        session.add(HiddenDangerAccidentType(hidden_danger_id=hidden_danger_id, accident_type_id=type_id))


def _next_number(session: Session, year: int) -> str:
    prefix = stored_settings.read(session, settings.HIDDEN_DANGER_NUMBER_PREFIX)
    return format_number(
        year, queries.last_serial(session=session, head=f"{prefix}-{year}-") + 1, prefix=prefix
    )


def register_in(
    session: Session,
    draft: HiddenDangerDraft,
    *,
    actor: str,
    today: date,
    immediate: bool = False,
    now: datetime | None = None,
    performed_by: str = "",
) -> HiddenDanger:
    """登记 a hidden danger inside the caller's transaction (e.g. a check record whose failed item it
    is) and return its row, flushed so it has its id and number. Same rules, timeline and audit as
    :func:`register`; photos are the caller's to attach. ``now`` (aware) dates the
    registration; default: the current time.
    """
    now = now or utcnow()
    draft = _clean(draft)
    raise_problem(draft_problem(draft, today))
    if immediate:
        raise_problem(immediate_problem(draft))
    _check_references(session, draft)
    values = {
        f.name: getattr(draft, f.name) for f in fields(HiddenDangerDraft) if f.name != "accident_type_ids"
    }
    row = HiddenDanger(
        **values,
        number=_next_number(session, draft.found_on.year),
        is_immediate=immediate,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    _set_accident_types(session, row.id, draft.accident_type_ids)
    source = draft.source.label + (f"（{draft.source_detail}）" if draft.source_detail else "")
    session.add(
        HiddenDangerEvent(
            hidden_danger_id=row.id,
            at=now,
            actor=actor,
            performed_by=performed_by.strip()[:50] or actor,
            action=EventAction.REGISTER.value,
            to_status=_S.PENDING,
            remark=f"来源：{source}",
        )
    )
    if immediate:
        row.completed_on = draft.found_on
        add_event(
            session,
            row,
            EventAction.IMMEDIATE,
            actor,
            to=_S.AWAITING_ACCEPTANCE,
            remark=draft.rectification_measures,
            now=now,
            performed_by=performed_by,
        )
    kind = "（立即整改）" if immediate else ""
    record_audit(
        session,
        row,
        actor,
        "create",
        f"登记{draft.level.label}{kind}：{draft.description[:40]}",
        audit.diff({}, values),
    )
    session.flush()
    return row


def register(
    db: Database,
    draft: HiddenDangerDraft,
    *,
    actor: str,
    immediate: bool = False,
    photos: Sequence[PreparedPhoto] = (),
    today: date | None = None,
    now: datetime | None = None,
    performed_by: str = "",
) -> HiddenDangerDetail:
    """登记 a hidden danger under the next number of its year (YH-2026-0001…), with its before photos.

    ``immediate`` (立即整改, 一般隐患 only) records that it was put right on the spot: it goes
    straight to 待验收, where an acceptor other than the rectifier still has to accept it.
    """
    today = today or date.today()
    cleaned = _clean(draft)
    raise_problem(draft_problem(cleaned, today))
    if immediate:
        raise_problem(immediate_problem(cleaned))
    with photo_service.staged_files(db) as files, db.session() as s:
        row = register_in(
            s, draft, actor=actor, today=today, immediate=immediate, now=now, performed_by=performed_by
        )
        assert row.id is not None
        if photos:
            photo_service.attach(s, files, row.id, PhotoStage.BEFORE, photos, now=now)
        new_id = row.id
    return get_detail(db, new_id, today=today)


def update(
    db: Database,
    hidden_danger_id: int,
    draft: HiddenDangerDraft,
    *,
    actor: str,
    level_reason: str = "",
    today: date | None = None,
    now: datetime | None = None,
) -> HiddenDangerDetail:
    """Correct the registered fields of an open hidden danger. The level may be raised at any open
    status; lowering 重大 → 一般 needs ``level_reason``, which goes into the timeline and audit."""
    today = today or date.today()
    draft = _clean(draft)
    raise_problem(draft_problem(draft, today))
    with db.session() as s:
        row = get_row(s, hidden_danger_id)
        raise_problem(update_problem(loop_facts(s, row), draft, level_reason))
        level_note = ""
        if draft.level is not row.level:
            level_note = f"；隐患级别由{row.level.label}改为{draft.level.label}" + (
                f"，理由：{level_reason.strip()}" if level_reason.strip() else ""
            )
        _check_references(s, draft)
        old_types = queries.accident_type_ids(session=s, hidden_danger_id=hidden_danger_id)
        new = {
            f.name: getattr(draft, f.name) for f in fields(HiddenDangerDraft) if f.name != "accident_type_ids"
        }
        old = {key: getattr(row, key) for key in new}
        changes = audit.diff(old, new)
        for key, value in new.items():
            setattr(row, key, value)
        if old_types != draft.accident_type_ids:
            changes["accident_type_ids"] = [list(old_types), list(draft.accident_type_ids)]
            _set_accident_types(s, hidden_danger_id, draft.accident_type_ids)
        if not changes:
            return get_detail(db, hidden_danger_id, today=today)
        changed = "、".join(_DRAFT_LABELS.get(key, key) for key in changes)
        if level_reason.strip() and "level" in changes:
            changes["level_reason"] = ["", level_reason.strip()]
        add_event(s, row, EventAction.UPDATE, actor, remark=f"修改了：{changed}{level_note}", now=now)
        record_audit(s, row, actor, "update", f"修改隐患信息（{changed}）{level_note}", changes)
    return get_detail(db, hidden_danger_id, today=today)
