"""Reads of the 判定标准 self-checks and of the 重大隐患 they created."""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerStatus
from dualprev.storage.models import HiddenDanger, MajorCheck, MajorCheckAnswer

_OPEN = (HiddenDangerStatus.PENDING, HiddenDangerStatus.RECTIFYING, HiddenDangerStatus.AWAITING_ACCEPTANCE)


def checks(*, session: Session) -> Sequence[MajorCheck]:
    """Every self-check, newest first."""
    return session.exec(
        select(MajorCheck).order_by(col(MajorCheck.checked_on).desc(), col(MajorCheck.id).desc())
    ).all()


def latest_check_id(*, session: Session) -> int | None:
    found = checks(session=session)
    return found[0].id if found else None


def answers_of(*, session: Session, major_check_id: int) -> Sequence[MajorCheckAnswer]:
    return session.exec(
        select(MajorCheckAnswer)
        .where(MajorCheckAnswer.major_check_id == major_check_id)
        .order_by(col(MajorCheckAnswer.id))
    ).all()


def hidden_danger_numbers(*, session: Session, ids: Sequence[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.exec(select(HiddenDanger.id, HiddenDanger.number).where(col(HiddenDanger.id).in_(ids)))
    return {int(i): n for i, n in rows if i is not None}


def open_major_count(*, session: Session) -> int:
    """重大隐患 still open (待整改, 整改中, 待验收)."""
    return len(
        session.exec(
            select(HiddenDanger.id).where(
                HiddenDanger.level == HiddenDangerLevel.MAJOR, col(HiddenDanger.status).in_(_OPEN)
            )
        ).all()
    )
