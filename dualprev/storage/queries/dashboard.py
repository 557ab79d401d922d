"""Read queries behind 首页: hidden dangers found and closed by period, checks recorded, and the
latest things that happened (checks, hidden-danger steps, post cards printed)."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, func, select

from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.storage.models import CheckRecord, HiddenDanger, HiddenDangerEvent, Post, PostCardPrint


@dataclass(frozen=True)
class DangerEvent:
    """A step of a hidden danger with the danger's number and description."""

    event: HiddenDangerEvent
    number: str
    description: str


@dataclass(frozen=True)
class CardPrint:
    """A post card printed, with the post's name."""

    printed: PostCardPrint
    post_name: str


def count_dangers_found(
    *, session: Session, date_from: date, date_to: date, closed_only: bool = False
) -> int:
    """Hidden dangers found between the dates (both included), void ones left out; with
    ``closed_only`` just those closed by now."""
    status = (
        col(HiddenDanger.status) == HiddenDangerStatus.CLOSED.value
        if closed_only
        else col(HiddenDanger.status) != HiddenDangerStatus.VOID.value
    )
    query = (
        select(func.count())
        .select_from(HiddenDanger)
        .where(col(HiddenDanger.found_on) >= date_from, col(HiddenDanger.found_on) <= date_to, status)
    )
    return int(session.exec(query).one())


def count_checks(*, session: Session, date_from: date, date_to: date) -> int:
    """Checks recorded for days between the dates (both included)."""
    query = (
        select(func.count())
        .select_from(CheckRecord)
        .where(col(CheckRecord.checked_on) >= date_from, col(CheckRecord.checked_on) <= date_to)
    )
    return int(session.exec(query).one())


def found_dates_since(*, session: Session, first: date) -> list[date]:
    """The day each hidden danger found on or after ``first`` was found (void ones left out)."""
    query = select(col(HiddenDanger.found_on)).where(
        col(HiddenDanger.found_on) >= first, col(HiddenDanger.status) != HiddenDangerStatus.VOID.value
    )
    return list(session.exec(query).all())


def closed_dates_since(*, session: Session, first: date) -> list[date]:
    """The acceptance day of each closed hidden danger accepted on or after ``first``."""
    query = select(col(HiddenDanger.accepted_on)).where(
        col(HiddenDanger.accepted_on) >= first, col(HiddenDanger.status) == HiddenDangerStatus.CLOSED.value
    )
    return [day for day in session.exec(query).all() if day is not None]


def latest_check_records(*, session: Session, limit: int) -> list[CheckRecord]:
    """The records entered last, newest first."""
    query = (
        select(CheckRecord)
        .order_by(col(CheckRecord.created_at).desc(), col(CheckRecord.id).desc())
        .limit(limit)
    )
    return list(session.exec(query).all())


def latest_danger_events(*, session: Session, limit: int) -> list[DangerEvent]:
    """The latest hidden-danger steps, newest first."""
    query = (
        select(HiddenDangerEvent, HiddenDanger.number, HiddenDanger.description)
        .join(HiddenDanger, col(HiddenDanger.id) == col(HiddenDangerEvent.hidden_danger_id))
        .order_by(col(HiddenDangerEvent.at).desc(), col(HiddenDangerEvent.id).desc())
        .limit(limit)
    )
    return [
        DangerEvent(event, number, description) for event, number, description in session.exec(query).all()
    ]


def latest_card_prints(*, session: Session, limit: int) -> list[CardPrint]:
    """The post cards printed last, newest first."""
    query = (
        select(PostCardPrint, Post.name)
        .join(Post, col(Post.id) == col(PostCardPrint.post_id))
        .order_by(col(PostCardPrint.printed_at).desc())
        .limit(limit)
    )
    return [CardPrint(printed, name) for printed, name in session.exec(query).all()]
