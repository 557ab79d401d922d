"""履职记录: checks the principal and leaders led (linked to the 排查记录), emergency drills,
safety meetings and safety investment, and which required ones are done, due or overdue."""

from dataclasses import dataclass
from datetime import date

from dualprev.domain.duties import DuePeriod, DueState, DutyRecordKind, due_periods
from dualprev.domain.validation import required_problem
from dualprev.errors import ValidationError
from dualprev.services.checks import records as check_records
from dualprev.services.duties.common import check, void
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import CheckRecord, DutyRecord, Person
from dualprev.storage.queries import duties as queries
from dualprev.storage.queries import organisation as org_queries
from dualprev.storage.repos import get_or_raise, names_by_id

MAX_AMOUNT_FEN = 100_000_000_000  # 十亿元: anything larger is a typing slip


@dataclass(frozen=True)
class DutyRecordInfo:
    kind: DutyRecordKind
    held_on: date
    title: str
    leader_id: int | None = None
    attendees: str = ""
    content: str = ""
    amount_fen: int | None = None
    check_record_id: int | None = None
    drill_ref: str = ""
    id: int | None = None
    void_reason: str = ""
    leader_name: str = ""
    check_record_text: str = ""

    @property
    def is_void(self) -> bool:
        return bool(self.void_reason)


def _check_text(record: CheckRecord | None) -> str:
    if record is None:
        return ""
    return f"{record.checked_on.isoformat()} {record.check_type.label} {record.checker_names}".strip()


def list_duty_records(
    db: Database, *, kind: DutyRecordKind | None = None, date_from: date | None = None,
    date_to: date | None = None, include_void: bool = True,
) -> list[DutyRecordInfo]:  # fmt: skip
    """Duty records, newest first."""
    with db.read_session() as s:
        rows = queries.duty_records(session=s, kind=kind, date_from=date_from, date_to=date_to,
                                    include_void=include_void)  # fmt: skip
        people = names_by_id(s, Person)
        return [
            DutyRecordInfo(
                kind=r.kind, held_on=r.held_on, title=r.title, leader_id=r.leader_id, attendees=r.attendees,
                content=r.content, amount_fen=r.amount_fen, check_record_id=r.check_record_id,
                drill_ref=r.drill_ref, id=r.id, void_reason=r.void_reason,
                leader_name=people.get(r.leader_id or 0, ""),
                check_record_text=_check_text(s.get(CheckRecord, r.check_record_id)) if r.check_record_id else "",
            )
            for r in rows
        ]  # fmt: skip


def _validate(info: DutyRecordInfo, today: date) -> None:
    check(required_problem(info.title, "主题", 200), "title")
    if info.held_on > today:
        raise ValidationError("日期不能晚于今天", "held_on")
    if info.kind is DutyRecordKind.INVESTMENT:
        if info.amount_fen is None or info.amount_fen <= 0:
            raise ValidationError("请填写投入金额（元）", "amount_fen")
        if info.amount_fen > MAX_AMOUNT_FEN:
            raise ValidationError("投入金额过大，请核对", "amount_fen")
    elif info.amount_fen is not None:
        raise ValidationError("只有安全投入记录填写金额", "amount_fen")
    if info.kind is not DutyRecordKind.CHECK and info.check_record_id is not None:
        raise ValidationError("只有带队检查记录关联排查记录", "check_record_id")
    if (
        info.kind in (DutyRecordKind.CHECK, DutyRecordKind.DRILL, DutyRecordKind.MEETING)
        and info.leader_id is None
    ):
        raise ValidationError("请选择带队（主持）人", "leader_id")


def save_duty_record(db: Database, info: DutyRecordInfo, *, actor: str, today: date) -> DutyRecordInfo:
    """Create or edit a duty record."""
    info = DutyRecordInfo(
        kind=info.kind, held_on=info.held_on, title=info.title.strip(), leader_id=info.leader_id,
        attendees=info.attendees.strip(), content=info.content.strip(), amount_fen=info.amount_fen,
        check_record_id=info.check_record_id, drill_ref=info.drill_ref.strip(), id=info.id,
    )  # fmt: skip
    _validate(info, today)
    with db.session() as s:
        if info.leader_id is not None:
            get_or_raise(s, Person, info.leader_id, "带队人")
        if info.check_record_id is not None:
            get_or_raise(s, CheckRecord, info.check_record_id, "排查记录")
        if info.id is None:
            row = DutyRecord(kind=info.kind, held_on=info.held_on, title=info.title)
        else:
            row = get_or_raise(s, DutyRecord, info.id, "履职记录")
            if row.void_reason:
                raise ValidationError("已作废的履职记录不能修改")
        names = ("kind", "held_on", "title", "leader_id", "attendees", "content", "amount_fen",
                 "check_record_id", "drill_ref")  # fmt: skip
        old = {n: getattr(row, n) for n in names}
        new = {n: getattr(info, n) for n in names}
        for name, value in new.items():
            setattr(row, name, value)
        s.add(row)
        s.flush()
        audit.record(s, actor=actor, action="create" if info.id is None else "update", entity="duty_record",
                     entity_id=row.id, summary=f"保存{row.kind.label}记录：{row.title}",
                     changes=audit.diff(old, new))  # fmt: skip
        saved_id = row.id or 0
    return next(r for r in list_duty_records(db) if r.id == saved_id)


def void_duty_record(db: Database, record_id: int, reason: str, *, actor: str) -> None:
    void(db, DutyRecord, record_id, reason, what="履职记录", entity="duty_record", actor=actor)


def check_record_choices(db: Database, *, limit: int = 200) -> list[tuple[str, int]]:
    """Recent 排查记录 to link a led check to, as ``(text, id)``, newest first."""
    return [
        (f"{r.checked_on.isoformat()} {r.check_type.label} {r.place} {r.checker_names}".strip(), r.id)
        for r in check_records.query_records(db, limit=limit)
    ]


@dataclass(frozen=True)
class DutyStatus:
    """What the required duty records look like on ``today``: every period of the last year."""

    principal_name: str
    periods: tuple[DuePeriod, ...]
    today: date

    def of_state(self, state: DueState) -> list[DuePeriod]:
        return [p for p in self.periods if p.state(self.today) is state]


def duty_status(db: Database, *, today: date) -> DutyStatus:
    """带队检查 (by the principal, monthly), 应急演练 (half-yearly) and 安全生产会议 (quarterly) over the
    last year. Checks count when the principal named in the enterprise profile led them (anyone's,
    when no principal is named). Periods before the first duty record of any kind are not required:
    an enterprise that starts using the app is not told it missed last year."""
    with db.read_session() as s:
        enterprise = org_queries.enterprise(session=s)
        rows = queries.duty_records(session=s, include_void=False)
        people = names_by_id(s, Person)
    principal = enterprise.principal_name if enterprise else ""
    since = min((r.held_on for r in rows), default=today)
    periods: list[DuePeriod] = []
    for kind in (DutyRecordKind.CHECK, DutyRecordKind.DRILL, DutyRecordKind.MEETING):
        days = [
            r.held_on for r in rows
            if r.kind is kind and (kind is not DutyRecordKind.CHECK or not principal
                                   or people.get(r.leader_id or 0, "") == principal)
        ]  # fmt: skip
        periods.extend(due_periods(kind, days, today=today, since=since))
    return DutyStatus(principal, tuple(periods), today)
