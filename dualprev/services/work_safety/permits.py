"""作业许可 (动火, 有限空间) and the 有限空间台账: create and edit a permit while it waits for approval,
approve it (an 有限空间 permit only with its gas readings in limits), close it, void it. A worker
without a valid certificate for the operation is refused with the reason."""

from dataclasses import asdict, dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation

from dualprev.domain.permits import (
    GasReadings,
    PermitFacts,
    PermitKind,
    PermitStatus,
    editable,
    gas_problems,
    permit_problems,
    transition_problem,
)
from dualprev.errors import ValidationError
from dualprev.services.work_safety.certificates import worker_problem
from dualprev.services.work_safety.common import (
    fields_of,
    get_row,
    raise_problems,
    save_plain_row,
    stripped,
    void_reason,
    void_row,
    write_audit,
)
from dualprev.storage.db import Database, Session
from dualprev.storage.models import ConfinedSpace, WorkPermit
from dualprev.storage.queries import work_safety as queries

_GAS = ("o2_percent", "lel_percent", "h2s_mg_m3", "co_mg_m3")


@dataclass(frozen=True)
class PermitInput:
    kind: PermitKind
    work_on: date
    location: str
    content: str
    worker_id: int | None
    attendant_id: int | None = None
    confined_space_id: int | None = None
    hours: str = ""
    measures: str = ""
    issuer_name: str = ""
    ventilated: bool = False
    o2_percent: str = ""
    lel_percent: str = ""
    h2s_mg_m3: str = ""
    co_mg_m3: str = ""
    tester_name: str = ""


@dataclass(frozen=True)
class PermitRow:
    id: int
    number: str
    status: PermitStatus
    worker_name: str
    attendant_name: str
    space_name: str
    approver_name: str
    approved_on: date | None
    closed_on: date | None
    close_note: str
    void_reason: str
    data: PermitInput


@dataclass(frozen=True)
class ConfinedSpaceInput:
    name: str
    location: str = ""
    hazards: str = ""
    sign_posted: bool = False
    note: str = ""


@dataclass(frozen=True)
class ConfinedSpaceRow:
    id: int
    data: ConfinedSpaceInput
    void_reason: str

    @property
    def is_void(self) -> bool:
        return bool(self.void_reason)


def _decimal(text: str, field: str) -> Decimal | None:
    if not text.strip():
        return None
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        raise ValidationError(f"检测值“{text}”不是数字", field) from None


def readings(data: PermitInput) -> GasReadings:
    """The gas readings of ``data`` (refused when one is not a number)."""
    values = {name: _decimal(getattr(data, name), name) for name in _GAS}
    return GasReadings(ventilated=data.ventilated, **values)


def list_permits(db: Database) -> list[PermitRow]:
    with db.read_session() as s:
        people = queries.people_by_id(session=s)
        spaces = {c.id: c.name for c in queries.confined_spaces(session=s)}
        return [_row(p, people, spaces) for p in queries.permits(session=s)]


def _name(people: dict[int, tuple[str, str]], person_id: int | None) -> str:
    return people.get(person_id, ("", ""))[0] if person_id is not None else ""


def _row(p: WorkPermit, people: dict[int, tuple[str, str]], spaces: dict[int | None, str]) -> PermitRow:
    data = PermitInput(**{name: getattr(p, name) for name in PermitInput.__dataclass_fields__})
    return PermitRow(
        id=p.id or 0,
        number=p.number,
        status=p.status,
        worker_name=_name(people, p.worker_id),
        attendant_name=_name(people, p.attendant_id),
        space_name=spaces.get(p.confined_space_id, "") if p.confined_space_id else "",
        approver_name=p.approver_name,
        approved_on=p.approved_on,
        closed_on=p.closed_on,
        close_note=p.close_note,
        void_reason=p.void_reason,
        data=data,
    )


def _clean(data: PermitInput) -> PermitInput:
    cleaned = replace(data, **stripped(data))
    if cleaned.kind is PermitKind.HOT_WORK:  # no space, no gas readings on a 动火 permit
        cleaned = replace(cleaned, confined_space_id=None)
    return cleaned


def _check(session: Session, data: PermitInput) -> None:
    facts = PermitFacts(
        data.kind, data.location, data.content, data.worker_id, data.attendant_id, data.confined_space_id
    )
    raise_problems(permit_problems(facts))
    readings(data)  # numbers or refused
    required = data.kind.required_certificate
    if required is not None and data.worker_id is not None:
        problem = worker_problem(session, data.worker_id, required, today=data.work_on)
        if problem is not None:
            raise ValidationError(problem, "worker")
    if data.confined_space_id is not None:
        space = get_row(session, ConfinedSpace, data.confined_space_id, "有限空间")
        if space.is_void:
            raise ValidationError(f"有限空间“{space.name}”已作废，不能开具作业许可", "confined_space")


def _next_number(session: Session, kind: PermitKind, year: int) -> str:
    last = queries.last_permit_number(session=session, kind=kind, year=year)
    serial = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{kind.number_prefix}-{year}-{serial:03d}"


def save_permit(db: Database, permit_id: int | None, data: PermitInput, *, actor: str) -> int:
    """开具 a permit (``permit_id`` None) or change one still waiting for approval; returns its id."""
    data = _clean(data)
    names = tuple(PermitInput.__dataclass_fields__)
    with db.session() as s:
        _check(s, data)
        if permit_id is None:
            row = WorkPermit(
                number=_next_number(s, data.kind, data.work_on.year),
                status=PermitStatus.ISSUED,
                **asdict(data),
            )
            before: dict[str, object] = {}
        else:
            row = get_row(s, WorkPermit, permit_id, "作业许可")
            if not editable(row.status):
                raise ValidationError(f"作业许可 {row.number} {row.status.label}，不能再修改")
            if row.kind is not data.kind:
                raise ValidationError("不能改变作业许可的类别，请作废后重新开具", "kind")
            before = fields_of(row, names)
            for name, value in asdict(data).items():
                setattr(row, name, value)
        s.add(row)
        s.flush()
        write_audit(
            s,
            actor=actor,
            action="create" if permit_id is None else "update",
            entity="work_permit",
            entity_id=row.id,
            summary=f"{'开具' if permit_id is None else '修改'}{data.kind.label}许可 {row.number}",
            before=before,
            after=fields_of(row, names),
        )
        return row.id or 0


def _step(session: Session, permit_id: int, target: PermitStatus) -> WorkPermit:
    row = get_row(session, WorkPermit, permit_id, "作业许可")
    problem = transition_problem(row.status, target)
    if problem is not None:
        raise ValidationError(problem)
    return row


def approve_permit(db: Database, permit_id: int, approver: str, approved_on: date, *, actor: str) -> None:
    """批准: the worker's certificate is checked again, and an 有限空间 permit needs its readings."""
    if not approver.strip():
        raise ValidationError("请填写审批人", "approver")
    with db.session() as s:
        row = _step(s, permit_id, PermitStatus.APPROVED)
        data = PermitInput(**{name: getattr(row, name) for name in PermitInput.__dataclass_fields__})
        _check(s, data)
        if row.kind is PermitKind.CONFINED_SPACE:
            raise_problems(gas_problems(readings(data)))
        row.status, row.approver_name, row.approved_on = PermitStatus.APPROVED, approver.strip(), approved_on
        s.add(row)
        write_audit(
            s, actor=actor, action="transition", entity="work_permit", entity_id=row.id,
            summary=f"批准作业许可 {row.number}（{row.approver_name}）",
        )  # fmt: skip


def close_permit(db: Database, permit_id: int, closed_on: date, note: str, *, actor: str) -> None:
    """关闭: the work is done and the site checked (作业完毕，现场清理确认)."""
    with db.session() as s:
        row = _step(s, permit_id, PermitStatus.CLOSED)
        if row.approved_on is not None and closed_on < row.approved_on:
            raise ValidationError("关闭日期不能早于批准日期", "closed_on")
        row.status, row.closed_on, row.close_note = PermitStatus.CLOSED, closed_on, note.strip()
        s.add(row)
        write_audit(
            s, actor=actor, action="transition", entity="work_permit", entity_id=row.id,
            summary=f"关闭作业许可 {row.number}",
        )  # fmt: skip


def void_permit(db: Database, permit_id: int, reason: str, *, actor: str) -> None:
    text = void_reason(reason)
    with db.session() as s:
        row = _step(s, permit_id, PermitStatus.VOID)
        before = row.status.value
        row.status, row.void_reason = PermitStatus.VOID, text
        s.add(row)
        write_audit(
            s, actor=actor, action="void", entity="work_permit", entity_id=row.id,
            summary=f"作废作业许可 {row.number}：{text}",
            before={"status": before, "void_reason": ""}, after={"status": "void", "void_reason": text},
        )  # fmt: skip


def list_confined_spaces(db: Database) -> list[ConfinedSpaceRow]:
    with db.read_session() as s:
        return [
            ConfinedSpaceRow(
                c.id or 0,
                ConfinedSpaceInput(c.name, c.location, c.hazards, c.sign_posted, c.note),
                c.void_reason if c.is_void else "",
            )
            for c in queries.confined_spaces(session=s)
        ]


def save_confined_space(db: Database, space_id: int | None, data: ConfinedSpaceInput, *, actor: str) -> int:
    data = replace(data, **stripped(data))
    if not data.name:
        raise ValidationError("请填写有限空间名称", "name")
    with db.session() as s:
        return save_plain_row(
            s, ConfinedSpace, space_id, data, what="有限空间", entity="confined_space",
            summary=f"有限空间台账：{data.name}", actor=actor,
        )  # fmt: skip


def void_confined_space(db: Database, space_id: int, reason: str, *, actor: str) -> None:
    with db.session() as s:
        void_row(
            s,
            ConfinedSpace,
            space_id,
            reason,
            what="有限空间",
            already="该有限空间已作废",
            entity="confined_space",
            actor=actor,
        )


def worker_refusal(db: Database, kind: PermitKind, worker_id: int | None, work_on: date) -> str | None:
    """Why the person may not be the worker of a ``kind`` permit on ``work_on`` (no valid certificate
    for the operation), or None — for a form to say so before anything is saved."""
    required = kind.required_certificate
    if required is None or worker_id is None:
        return None
    with db.read_session() as s:
        return worker_problem(s, worker_id, required, today=work_on)
