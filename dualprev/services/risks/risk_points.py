"""Risk points (风险点): their record with its 审核/审定 sign-off, the posts facing them, and
creating, changing and deleting them. Every write validates first, runs in one transaction and
records one audit entry."""

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime

from dualprev.domain.risk import RiskPointKind, next_risk_point_code, risk_point_code_prefix
from dualprev.domain.validation import FieldProblem, required_problem
from dualprev.errors import ConflictError, ValidationError
from dualprev.services.risks.validation import check, check_refs, max_length, stripped
from dualprev.storage import audit
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Area, Post, PostRiskPoint, RiskPoint, utcnow
from dualprev.storage.queries import risks as queries
from dualprev.storage.repos import get_or_raise

SIGN_OFF_NAME_LIMIT = 50


@dataclass(frozen=True)
class RiskPointInfo:
    name: str
    kind: RiskPointKind
    area_id: int | None = None
    code: str = ""
    location: str = ""
    department_id: int | None = None
    responsible_person_id: int | None = None
    asset_no: str = ""
    model_spec: str = ""
    activity_content: str = ""
    activity_frequency: str = ""
    note: str = ""
    post_ids: tuple[int, ...] = ()
    """Posts that face this risk point."""
    reviewer_name: str = ""
    """审核人 of the JHA/SCL record; "" leaves the box blank to be signed by hand."""
    reviewed_on: date | None = None
    approver_name: str = ""
    """审定人 of the JHA/SCL record."""
    approved_on: date | None = None
    id: int | None = None


def get_risk_point(db: Database, risk_point_id: int) -> RiskPointInfo:
    with db.read_session() as s:
        row: RiskPoint = get_or_raise(s, RiskPoint, risk_point_id, "风险点")
        return _risk_point_info(row, queries.post_ids_of(session=s, risk_point_id=risk_point_id))


def _risk_point_info(row: RiskPoint, post_ids: tuple[int, ...]) -> RiskPointInfo:
    return RiskPointInfo(
        id=row.id,
        name=row.name,
        kind=row.kind,
        area_id=row.area_id,
        code=row.code,
        location=row.location,
        department_id=row.department_id,
        responsible_person_id=row.responsible_person_id,
        asset_no=row.asset_no,
        model_spec=row.model_spec,
        activity_content=row.activity_content,
        activity_frequency=row.activity_frequency,
        note=row.note,
        post_ids=post_ids,
        reviewer_name=row.reviewer_name,
        reviewed_on=row.reviewed_on,
        approver_name=row.approver_name,
        approved_on=row.approved_on,
    )


def sign_off_problems(info: RiskPointInfo, *, today: date | None = None) -> list[FieldProblem]:
    """Everything wrong with the record's 审核/审定 sign-off, as ``(field, message)``.

    A date needs its name; a name may stand alone (the date is then written by hand). 审定 follows
    审核, so it may not be dated earlier; with ``today`` neither date may lie in the future.
    """
    problems: list[FieldProblem] = []
    for name_field, date_field, role in (
        ("reviewer_name", "reviewed_on", "审核"),
        ("approver_name", "approved_on", "审定"),
    ):
        name: str = getattr(info, name_field).strip()
        on: date | None = getattr(info, date_field)
        if len(name) > SIGN_OFF_NAME_LIMIT:
            problems.append((name_field, f"{role}人不能超过{SIGN_OFF_NAME_LIMIT}个字符"))
        elif on is not None and not name:
            problems.append((name_field, f"填写了{role}日期，请同时填写{role}人"))
        if on is not None and today is not None and on > today:
            problems.append((date_field, f"{role}日期不能晚于今天（{today.isoformat()}）"))
    if info.reviewed_on is not None and info.approved_on is not None and info.approved_on < info.reviewed_on:
        problems.append(("approved_on", "审定日期不能早于审核日期"))
    return problems


def sign_off_problem(info: RiskPointInfo, *, today: date | None = None) -> tuple[str, str] | None:
    """The first of :func:`sign_off_problems` as (message, field); None when the sign-off is fine."""
    problems = sign_off_problems(info, today=today)
    return (problems[0][1], problems[0][0]) if problems else None


def _validate_risk_point(info: RiskPointInfo, today: date | None = None) -> None:
    check(required_problem(info.name, "风险点名称", 200), "name")
    try:
        RiskPointKind(info.kind)
    except ValueError:
        raise ValidationError(f"未知的风险点类型：{info.kind}", "kind") from None
    for field, label, limit in (
        ("code", "风险点编号", 32),
        ("location", "区域位置", 200),
        ("asset_no", "编号/位号", 64),
        ("model_spec", "规格型号", 100),
        ("activity_frequency", "活动频率", 50),
    ):
        max_length(getattr(info, field), label, limit, field)
    problem = sign_off_problem(info, today=today)
    if problem is not None:
        raise ValidationError(*problem)


def set_posts(session: Session, risk_point_id: int, post_ids: Iterable[int]) -> tuple[list[int], list[int]]:
    """Make exactly ``post_ids`` face the risk point; returns (before, after) for the audit."""
    wanted = set(post_ids)
    for post_id in wanted:
        get_or_raise(session, Post, post_id, "岗位")
    existing = {
        link.post_id: link for link in queries.post_links(session=session, risk_point_id=risk_point_id)
    }
    for post_id, link in existing.items():
        if post_id not in wanted:
            session.delete(link)
    for post_id in wanted - existing.keys():
        session.add(PostRiskPoint(post_id=post_id, risk_point_id=risk_point_id))
    return sorted(existing), sorted(wanted)


def _suggested_code(session: Session, area_id: int | None) -> str:
    area = session.get(Area, area_id) if area_id is not None else None
    prefix = risk_point_code_prefix(area.code if area is not None else "")
    return next_risk_point_code(prefix, queries.risk_point_codes(session=session))


def suggest_code(db: Database, area_id: int | None) -> str:
    """The 编号 a new risk point in ``area_id`` gets when none is typed: FX-<区域编号>-nnn."""
    with db.read_session() as s:
        return _suggested_code(s, area_id)


def save_risk_point(
    db: Database, info: RiskPointInfo, *, actor: str, today: date | None = None, now: datetime | None = None
) -> int:
    """Create or update a risk point and the posts facing it; returns its id.

    A risk point without a code gets the next one (:func:`suggest_code`). Refuses an empty name,
    too long texts, a code another risk point has, references to
    departments, people, areas or posts that do not exist, and a sign-off ``sign_off_problem``
    finds wrong (dates after ``today`` only when it is given). ``now`` (aware) dates the change;
    default: the current time.
    """
    now = now or utcnow()
    info = stripped(info)
    _validate_risk_point(info, today)
    with db.session() as s:
        check_refs(
            s, department_id=info.department_id, person_id=info.responsible_person_id, area_id=info.area_id
        )
        if not info.code:
            info = replace(info, code=_suggested_code(s, info.area_id))
        if info.code:
            clash = queries.risk_point_with_code(session=s, code=info.code, other_than=info.id)
            if clash is not None:
                raise ConflictError(f"风险点编号“{info.code}”已被“{clash.name}”使用")
        created = info.id is None
        if info.id is None:
            row = RiskPoint(name=info.name, kind=info.kind, created_at=now)
            row.sort_order = queries.next_risk_point_sort_order(session=s)
        else:
            row = get_or_raise(s, RiskPoint, info.id, "风险点")
        fields = {k: v for k, v in asdict(info).items() if k not in ("id", "post_ids")}
        changes = audit.diff({k: getattr(row, k) for k in fields}, fields)
        for key, value in fields.items():
            setattr(row, key, value)
        row.kind = RiskPointKind(info.kind)
        row.updated_at = now
        s.add(row)
        s.flush()
        assert row.id is not None
        before, after = set_posts(s, row.id, info.post_ids)
        if before != after:
            changes["post_ids"] = [before, after]
        audit.record(s, actor=actor, action="create" if created else "update", entity="risk_point",
                     entity_id=row.id, summary=f"{'新建' if created else '修改'}风险点：{row.code} {row.name}".strip(),
                     changes=changes)  # fmt: skip
        return row.id


def delete_risk_point(db: Database, risk_point_id: int, *, actor: str) -> None:
    """Delete a risk point with its hazards, their evaluations, measures and check items.

    Hidden dangers registered against it keep their record and lose only the link.
    """
    with db.session() as s:
        row: RiskPoint = get_or_raise(s, RiskPoint, risk_point_id, "风险点")
        hazards = queries.hazard_count(session=s, risk_point_id=risk_point_id)
        s.delete(row)
        audit.record(s, actor=actor, action="delete", entity="risk_point", entity_id=risk_point_id,
                     summary=f"删除风险点：{row.code} {row.name}（含危险源 {hazards} 条）".strip(),
                     changes={"hazards": hazards})  # fmt: skip
