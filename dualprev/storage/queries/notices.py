"""隐患整改通知单 numbers: which notice each hidden danger is on, and issuing new ones from the
day's persistent sequence (the writer the notice export uses; see ``models.rectification_notice``)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, delete, func, select

from dualprev.storage.models import RectificationNotice, RectificationNoticeItem


@dataclass(frozen=True)
class IssuedNotice:
    """A notice to print: its number, the day it was issued, its department and hidden dangers."""

    number: str
    issued_on: date
    department: str
    hidden_danger_ids: tuple[int, ...]
    is_new: bool = False
    """Issued by this call (else a reprint of an earlier notice)."""


def issue_notices(
    *,
    session: Session,
    issued_on: date,
    groups: Sequence[tuple[str, Sequence[int]]],
    number_of: Callable[[date, int], str],
) -> list[IssuedNotice]:
    """The notices for ``groups`` ((department, hidden danger ids), in order), inside the caller's
    write transaction.

    A hidden danger already on a notice of the same department is printed on that notice again,
    under its number and date. The others of a department get one new notice, numbered
    ``number_of(issued_on, serial)`` with the serial after the last one issued that day; a hidden
    danger whose department changed moves to the new notice.
    """
    ids = [i for _department, members in groups for i in members]
    current: dict[int, RectificationNotice] = {}
    if ids:
        rows = session.exec(
            select(RectificationNoticeItem.hidden_danger_id, RectificationNotice)
            .join(RectificationNotice, col(RectificationNotice.id) == col(RectificationNoticeItem.notice_id))
            .where(col(RectificationNoticeItem.hidden_danger_id).in_(ids))
        ).all()
        current = {hd_id: notice for hd_id, notice in rows}
    last = session.exec(
        select(func.max(RectificationNotice.serial)).where(RectificationNotice.issued_on == issued_on)
    ).one()
    serial = int(last or 0)
    result: list[IssuedNotice] = []
    for department, members in groups:
        kept: dict[int, list[int]] = {}
        notices: dict[int, RectificationNotice] = {}
        fresh: list[int] = []
        for hd_id in members:
            notice = current.get(hd_id)
            if notice is not None and notice.id is not None and notice.department_name == department:
                kept.setdefault(notice.id, []).append(hd_id)
                notices[notice.id] = notice
            else:
                fresh.append(hd_id)
        for notice_id, kept_ids in kept.items():
            notice = notices[notice_id]
            result.append(IssuedNotice(notice.number, notice.issued_on, department, tuple(kept_ids)))
        if fresh:
            serial += 1
            notice = RectificationNotice(
                number=number_of(issued_on, serial),
                issued_on=issued_on,
                serial=serial,
                department_name=department,
            )
            session.add(notice)
            session.flush()
            session.exec(
                delete(RectificationNoticeItem).where(
                    col(RectificationNoticeItem.hidden_danger_id).in_(fresh)
                )
            )
            assert notice.id is not None
            session.add_all(RectificationNoticeItem(hidden_danger_id=i, notice_id=notice.id) for i in fresh)
            session.flush()
            result.append(IssuedNotice(notice.number, issued_on, department, tuple(fresh), is_new=True))
    return result
