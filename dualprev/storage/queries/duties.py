"""Read queries of 责任清单, 履职记录 and training: lists in print order, the days records were made,
and a person's attendance with its session and course."""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from sqlmodel import Session, col, delete, select

from dualprev.domain.duties import DutyRecordKind
from dualprev.storage.models import (
    DutyItem,
    DutyList,
    DutyRecord,
    TrainingAttendance,
    TrainingCourse,
    TrainingSession,
)


def duty_lists(*, session: Session, include_void: bool = True) -> Sequence[DutyList]:
    """Every duty list in print order (roles first by their order, then posts)."""
    query = select(DutyList).order_by(col(DutyList.sort_order), col(DutyList.id))
    if not include_void:
        query = query.where(DutyList.void_reason == "")
    return session.exec(query).all()


def duty_items(*, session: Session, list_ids: Iterable[int]) -> dict[int, list[DutyItem]]:
    """The items of each list, in order."""
    ids = list(list_ids)
    found: dict[int, list[DutyItem]] = defaultdict(list)
    if not ids:
        return found
    query = select(DutyItem).where(col(DutyItem.duty_list_id).in_(ids)).order_by(col(DutyItem.seq))
    for item in session.exec(query).all():
        found[item.duty_list_id].append(item)
    return found


def delete_duty_items(*, session: Session, list_id: int) -> None:
    """Remove a list's items (the list's text is replaced as a whole when it is edited)."""
    session.exec(delete(DutyItem).where(col(DutyItem.duty_list_id) == list_id))


def duty_records(
    *, session: Session, kind: DutyRecordKind | None = None, date_from: date | None = None,
    date_to: date | None = None, include_void: bool = True,
) -> Sequence[DutyRecord]:  # fmt: skip
    """Duty records, newest first."""
    query = select(DutyRecord).order_by(col(DutyRecord.held_on).desc(), col(DutyRecord.id).desc())
    if kind is not None:
        query = query.where(DutyRecord.kind == kind.value)
    if date_from is not None:
        query = query.where(col(DutyRecord.held_on) >= date_from)
    if date_to is not None:
        query = query.where(col(DutyRecord.held_on) <= date_to)
    if not include_void:
        query = query.where(DutyRecord.void_reason == "")
    return session.exec(query).all()


def courses(*, session: Session, include_void: bool = True) -> Sequence[TrainingCourse]:
    query = select(TrainingCourse).order_by(col(TrainingCourse.id))
    if not include_void:
        query = query.where(TrainingCourse.void_reason == "")
    return session.exec(query).all()


def training_sessions(
    *, session: Session, date_from: date | None = None, date_to: date | None = None, include_void: bool = True
) -> Sequence[TrainingSession]:
    """Training sessions, newest first."""
    query = select(TrainingSession).order_by(
        col(TrainingSession.held_on).desc(), col(TrainingSession.id).desc()
    )
    if date_from is not None:
        query = query.where(col(TrainingSession.held_on) >= date_from)
    if date_to is not None:
        query = query.where(col(TrainingSession.held_on) <= date_to)
    if not include_void:
        query = query.where(TrainingSession.void_reason == "")
    return session.exec(query).all()


def attendance(*, session: Session, session_ids: Iterable[int]) -> dict[int, list[TrainingAttendance]]:
    """Who attended each session, in the order they were entered."""
    ids = list(session_ids)
    found: dict[int, list[TrainingAttendance]] = defaultdict(list)
    if not ids:
        return found
    query = (
        select(TrainingAttendance)
        .where(col(TrainingAttendance.session_id).in_(ids))
        .order_by(col(TrainingAttendance.id))
    )
    for row in session.exec(query).all():
        found[row.session_id].append(row)
    return found


def delete_attendance(*, session: Session, session_id: int) -> None:
    """Remove a session's attendance (it is replaced as a whole when the session is edited)."""
    session.exec(delete(TrainingAttendance).where(col(TrainingAttendance.session_id) == session_id))


def attended(
    *, session: Session, person_ids: Iterable[int] | None = None
) -> Sequence[tuple[TrainingAttendance, TrainingSession, TrainingCourse]]:
    """Every attendance at a session that is not void, with its session and course, oldest first."""
    query = (
        select(TrainingAttendance, TrainingSession, TrainingCourse)
        .join(TrainingSession, col(TrainingSession.id) == col(TrainingAttendance.session_id))
        .join(TrainingCourse, col(TrainingCourse.id) == col(TrainingSession.course_id))
        .where(TrainingSession.void_reason == "")
        .order_by(col(TrainingSession.held_on), col(TrainingSession.id))
    )
    if person_ids is not None:
        query = query.where(col(TrainingAttendance.person_id).in_(list(person_ids)))
    return session.exec(query).all()
