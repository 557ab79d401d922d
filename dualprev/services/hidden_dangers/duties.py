"""The 重大隐患 duties besides rectification: 挂牌督办 (with the 销号 application and approval) and
the report to the 职工代表大会/职工大会. The report to the authority is in :mod:`.lifecycle`."""

from datetime import date, datetime
from typing import Any

from dualprev.domain.hidden_danger import EventAction, HiddenDangerLevel, HiddenDangerStatus
from dualprev.domain.major_duties import SupervisionDraft, congress_problems, supervision_problems
from dualprev.domain.validation import first_problem
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail, get_detail, get_row
from dualprev.services.hidden_dangers.trail import add_event, raise_problem, record_audit
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import HiddenDanger


def _major_problem(row: HiddenDanger, what: str) -> str | None:
    if row.level is not HiddenDangerLevel.MAJOR:
        return f"只有重大隐患需要记录{what}"
    if row.status is HiddenDangerStatus.VOID:
        return "该隐患已经作废"
    return None


def record_supervision(
    db: Database,
    hidden_danger_id: int,
    data: SupervisionDraft,
    *,
    actor: str,
    today: date | None = None,
    now: datetime | None = None,
) -> HiddenDangerDetail:
    """Record or update the 挂牌督办 of a 重大隐患 and its 销号 application and approval. Once
    supervised, the hidden danger is closed only after the approval is recorded."""
    today = today or date.today()
    with db.session() as s:
        row = get_row(s, hidden_danger_id)
        raise_problem(_major_problem(row, "挂牌督办"))
        raise_problem(first_problem(supervision_problems(data, row.found_on, today)))
        new: dict[str, Any] = {
            "supervised_by": data.supervised_by.strip(),
            "supervised_on": data.supervised_on,
            "supervision_number": data.number.strip(),
            "closure_applied_on": data.closure_applied_on,
            "closure_approved_on": data.closure_approved_on,
        }
        changes = audit.diff({key: getattr(row, key) for key in new}, new)
        if not changes:
            return get_detail(db, hidden_danger_id, today=today)
        for key, value in new.items():
            setattr(row, key, value)
        parts = [f"{row.supervised_by}挂牌督办（{data.supervised_on}）"]
        if row.supervision_number:
            parts.append(f"督办编号 {row.supervision_number}")
        if row.closure_applied_on:
            parts.append(f"{row.closure_applied_on} 申请销号")
        if row.closure_approved_on:
            parts.append(f"{row.closure_approved_on} 批准销号")
        remark = "，".join(parts)
        add_event(s, row, EventAction.REPORT, actor, remark=remark, now=now)
        record_audit(s, row, actor, "supervision", f"挂牌督办：{remark}", changes)
    return get_detail(db, hidden_danger_id, today=today)


def record_congress_report(
    db: Database,
    hidden_danger_id: int,
    reported_on: date | None,
    *,
    actor: str,
    today: date | None = None,
    now: datetime | None = None,
) -> HiddenDangerDetail:
    """Record the day the 重大隐患 was reported to the 职工代表大会/职工大会 (安全生产法 第四十一条)."""
    today = today or date.today()
    with db.session() as s:
        row = get_row(s, hidden_danger_id)
        raise_problem(_major_problem(row, "向职工代表大会报告的情况"))
        raise_problem(first_problem(congress_problems(reported_on, row.found_on, today)))
        changes = audit.diff(
            {"congress_reported_on": row.congress_reported_on}, {"congress_reported_on": reported_on}
        )
        if not changes:
            return get_detail(db, hidden_danger_id, today=today)
        row.congress_reported_on = reported_on
        remark = f"{reported_on} 已向职工代表大会（职工大会）报告"
        add_event(s, row, EventAction.REPORT, actor, remark=remark, now=now)
        record_audit(s, row, actor, "report", remark, changes)
    return get_detail(db, hidden_danger_id, today=today)
