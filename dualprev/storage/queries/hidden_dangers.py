"""Read queries behind the hidden-danger ledger (隐患排查治理台账): its counts, and what one hidden
danger's detail shows. The ledger itself, filtered, sorted and paged, is :mod:`.ledger`."""

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import Integer, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, SQLModel, col, select

from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.storage.models import (
    AccidentTypeRecord,
    CheckRecord,
    HiddenDanger,
    HiddenDangerAccidentType,
    HiddenDangerEvent,
    MajorCheckAnswer,
    Photo,
    RemediationPlan,
)

_OPEN = tuple(s.value for s in HiddenDangerStatus if s.is_open)

_HD = SQLModel.metadata.tables["hidden_danger"]


def status_counts(*, session: Session) -> dict[HiddenDangerStatus, int]:
    """How many hidden dangers have each status (statuses nobody has are absent)."""
    hd = _HD.c
    rows = session.connection().execute(sa_select(hd.status, func.count()).group_by(hd.status)).all()
    return {HiddenDangerStatus(status): int(n) for status, n in rows}


def deadline_counts(*, session: Session, today: date, due_days: int) -> tuple[int, int]:
    """How many open hidden dangers are overdue, and how many are due within ``due_days`` days."""
    hd = _HD.c
    # Only open rows can be overdue or due, and the status index finds them without a full scan.
    overdue, due = (
        session.connection()
        .execute(
            sa_select(
                func.count().filter(hd.deadline < today),
                func.count().filter(hd.deadline >= today, hd.deadline <= today + timedelta(days=due_days)),
            ).where(hd.status.in_(_OPEN))
        )
        .one()
    )
    return int(overdue), int(due)


# --- one hidden danger -----------------------------------------------------------------------------


def remediation_plan(*, session: Session, hidden_danger_id: int) -> RemediationPlan | None:
    return session.exec(
        select(RemediationPlan).where(RemediationPlan.hidden_danger_id == hidden_danger_id)
    ).first()


def accident_type_links(*, session: Session, hidden_danger_id: int) -> Sequence[HiddenDangerAccidentType]:
    return session.exec(
        select(HiddenDangerAccidentType).where(HiddenDangerAccidentType.hidden_danger_id == hidden_danger_id)
    ).all()


def accident_type_ids(*, session: Session, hidden_danger_id: int) -> tuple[int, ...]:
    """The hidden danger's accident types, by id in ascending order."""
    links = accident_type_links(session=session, hidden_danger_id=hidden_danger_id)
    return tuple(sorted(link.accident_type_id for link in links))


def accident_type_names(*, session: Session, ids: Sequence[int]) -> list[str]:
    """The names of the accident types ``ids`` in vocabulary order."""
    if not ids:
        return []
    return list(
        session.exec(
            select(AccidentTypeRecord.name)
            .where(col(AccidentTypeRecord.id).in_(ids))
            .order_by(col(AccidentTypeRecord.sort_order))
        ).all()
    )


def photos_of(*, session: Session, hidden_danger_id: int) -> Sequence[Photo]:
    return session.exec(
        select(Photo).where(Photo.hidden_danger_id == hidden_danger_id).order_by(col(Photo.id))
    ).all()


def events_of(*, session: Session, hidden_danger_id: int) -> Sequence[HiddenDangerEvent]:
    """The timeline of a hidden danger, oldest first."""
    return session.exec(
        select(HiddenDangerEvent)
        .where(HiddenDangerEvent.hidden_danger_id == hidden_danger_id)
        .order_by(col(HiddenDangerEvent.at), col(HiddenDangerEvent.id))
    ).all()


def recent_check_records(*, session: Session, limit: int) -> Sequence[CheckRecord]:
    """The most recent check records, newest first."""
    return session.exec(
        select(CheckRecord)
        .order_by(col(CheckRecord.checked_on).desc(), col(CheckRecord.id).desc())
        .limit(limit)
    ).all()


def last_serial(*, session: Session, head: str) -> int:
    """The highest serial among the numbers that start with ``head`` (e.g. "YH-2026-"); 0 if none."""
    serial = func.cast(func.substr(col(HiddenDanger.number), len(head) + 1), Integer)
    # A range on the unique index rather than LIKE, which SQLite would not serve from it.
    latest = session.exec(
        select(func.max(serial)).where(col(HiddenDanger.number) > head, col(HiddenDanger.number) < head + "~")
    ).one()
    return int(latest or 0)


def self_check_of(*, session: Session, hidden_danger_id: int) -> int | None:
    """The 判定标准 self-check whose 不符合 answer created the hidden danger, if any."""
    return session.exec(
        select(MajorCheckAnswer.major_check_id).where(MajorCheckAnswer.hidden_danger_id == hidden_danger_id)
    ).first()
