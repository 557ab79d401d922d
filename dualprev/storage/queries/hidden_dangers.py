"""Read queries behind the hidden-danger ledger (隐患排查治理台账): the ledger filtered, sorted and
paged in SQL, its counts, and what one hidden danger's detail shows.

The ledger query is written against the tables (SQLAlchemy Core): one statement with outer joins
for the names, so filtering, sorting and paging all happen inside SQLite.
"""

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.sql.expression import FromClause
from sqlmodel import Session, SQLModel, col, select

from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerStatus
from dualprev.domain.ledger import LedgerFilter, LedgerSort, LedgerSortKey
from dualprev.storage.models import (
    AccidentTypeRecord,
    CheckRecord,
    Department,
    HiddenDanger,
    HiddenDangerAccidentType,
    HiddenDangerEvent,
    Photo,
    RemediationPlan,
)

_OPEN = tuple(s.value for s in HiddenDangerStatus if s.is_open)

_HD = SQLModel.metadata.tables["hidden_danger"]
_AREA = SQLModel.metadata.tables["area"]
_RP = SQLModel.metadata.tables["risk_point"]
_DEPT = SQLModel.metadata.tables["department"]
_RECTIFIER = SQLModel.metadata.tables["person"].alias("rectifier")

_ROW_COLUMNS = (
    _HD.c.id,
    _HD.c.number,
    _HD.c.found_on,
    _HD.c.description,
    _HD.c.level,
    _HD.c.category,
    _HD.c.source,
    _HD.c.source_detail,
    _HD.c.status,
    _AREA.c.name.label("area_name"),
    _RP.c.name.label("risk_point_name"),
    _HD.c.location,
    _DEPT.c.name.label("department_name"),
    _RECTIFIER.c.name.label("rectifier_name"),
    _HD.c.deadline,
    _HD.c.completed_on,
    _HD.c.accepted_on,
)

# Which joined tables a sort needs: ordering by a name needs that name, nothing else does.
_SORT_JOINS: dict[LedgerSortKey, tuple[str, ...]] = {
    LedgerSortKey.PLACE: ("area", "risk_point"),
    LedgerSortKey.DEPARTMENT: ("department",),
    LedgerSortKey.RECTIFIER: ("rectifier",),
}


def _joined(*names: str) -> FromClause:
    """hidden_danger with the named tables outer-joined (all four when no name is given)."""
    wanted = set(names) if names else {"area", "risk_point", "department", "rectifier"}
    source: FromClause = _HD
    if "area" in wanted:
        source = source.outerjoin(_AREA, _AREA.c.id == _HD.c.area_id)
    if "risk_point" in wanted:
        source = source.outerjoin(_RP, _RP.c.id == _HD.c.risk_point_id)
    if "department" in wanted:
        source = source.outerjoin(_DEPT, _DEPT.c.id == _HD.c.responsible_department_id)
    if "rectifier" in wanted:
        source = source.outerjoin(_RECTIFIER, _RECTIFIER.c.id == _HD.c.rectifier_id)
    return source


def _department_ids(session: Session, root: int) -> list[int]:
    parents = dict(session.exec(select(Department.id, Department.parent_id)).all())
    found = {root}
    changed = True
    while changed:
        changed = False
        for dept_id, parent_id in parents.items():
            if dept_id is not None and parent_id in found and dept_id not in found:
                found.add(dept_id)
                changed = True
    return sorted(found)


def _named(table: Any, term: str) -> Any:
    """Ids of the rows of a small table (areas, people…) whose name contains ``term``."""
    return sa_select(table.c.id).where(table.c.name.contains(term, autoescape=True))


def _conditions(session: Session, flt: LedgerFilter, today: date) -> list[ColumnElement[bool]]:
    """WHERE terms for ``flt`` on hidden_danger alone (names are matched through id subqueries, so
    counting and ordering never join the name tables for the sake of a filter)."""
    hd = _HD.c
    where: list[ColumnElement[bool]] = []
    if flt.statuses:
        where.append(hd.status.in_([s.value for s in flt.statuses]))
    if flt.overdue_only:
        where += [hd.status.in_(_OPEN), hd.deadline < today]
    if flt.due_within_days is not None:
        where += [
            hd.status.in_(_OPEN),
            hd.deadline >= today,
            hd.deadline <= today + timedelta(days=flt.due_within_days),
        ]
    if flt.levels:
        where.append(hd.level.in_([lv.value for lv in flt.levels]))
    if flt.department_id is not None:
        where.append(hd.responsible_department_id.in_(_department_ids(session, flt.department_id)))
    if flt.area_id is not None:
        at_points = sa_select(_RP.c.id).where(_RP.c.area_id == flt.area_id)
        where.append(or_(hd.area_id == flt.area_id, hd.risk_point_id.in_(at_points)))
    if flt.risk_point_id is not None:
        where.append(hd.risk_point_id == flt.risk_point_id)
    if flt.source is not None:
        where.append(hd.source == flt.source.value)
    if flt.found_from is not None:
        where.append(hd.found_on >= flt.found_from)
    if flt.found_to is not None:
        where.append(hd.found_on <= flt.found_to)
    texts = (
        hd.number,
        hd.description,
        hd.location,
        hd.finder_names,
        hd.source_detail,
        hd.rectification_measures,
        hd.note,
    )
    for term in flt.keyword.split():  # every word must appear somewhere in the row
        where.append(
            or_(
                *(column.contains(term, autoescape=True) for column in texts),
                hd.area_id.in_(_named(_AREA, term)),
                hd.risk_point_id.in_(_named(_RP, term)),
                hd.responsible_department_id.in_(_named(_DEPT, term)),
                hd.rectifier_id.in_(_named(_RECTIFIER, term)),
            )
        )
    return where


def _order_by(sort: LedgerSort) -> list[ColumnElement[Any]]:
    hd = _HD.c
    status_rank = case({s.value: i for i, s in enumerate(HiddenDangerStatus)}, value=hd.status)
    level_rank = case({HiddenDangerLevel.MAJOR.value: 0}, value=hd.level, else_=1)
    keys: dict[LedgerSortKey, list[ColumnElement[Any]]] = {
        LedgerSortKey.NUMBER: [hd.number],
        LedgerSortKey.FOUND_ON: [hd.found_on],
        LedgerSortKey.DESCRIPTION: [hd.description],
        LedgerSortKey.LEVEL: [level_rank],
        LedgerSortKey.PLACE: [func.coalesce(_AREA.c.name, ""), func.coalesce(_RP.c.name, ""), hd.location],
        LedgerSortKey.SOURCE: [hd.source],
        LedgerSortKey.DEPARTMENT: [func.coalesce(_DEPT.c.name, "")],
        LedgerSortKey.RECTIFIER: [func.coalesce(_RECTIFIER.c.name, "")],
        # A missing deadline sorts after every real one, whichever the direction.
        LedgerSortKey.DEADLINE: [hd.deadline.is_(None), hd.deadline],
        LedgerSortKey.STATUS: [status_rank],
    }
    terms = [*keys[sort.key], hd.id]
    ordered: list[ColumnElement[Any]] = [t.desc() if sort.descending else t.asc() for t in terms]
    if sort.key is LedgerSortKey.DEADLINE:
        ordered[0] = terms[0].asc()
    return ordered


def _ordered_ids(where: list[ColumnElement[bool]], sort: LedgerSort) -> Any:
    """SELECT id … ORDER BY …: only the tables the sort key needs are joined."""
    joins = _SORT_JOINS.get(sort.key)
    source = _joined(*joins) if joins else _HD
    return sa_select(_HD.c.id).select_from(source).where(*where).order_by(*_order_by(sort))


def ledger_page(
    *, session: Session, flt: LedgerFilter, sort: LedgerSort, today: date, offset: int, limit: int
) -> tuple[list[Sequence[Any]], int]:
    """One page of ledger rows (``limit`` from ``offset``, in order) and how many rows match in all.

    A row holds the hidden danger's columns with ``area_name``, ``risk_point_name``,
    ``department_name`` and ``rectifier_name`` (None when unset). The page is found on ids alone
    (filter, order, offset), and only its rows are then read with their names, so a deep page or a
    sort by status costs about the same as the first page.
    """
    offset, limit = max(0, offset), max(0, limit)
    where = _conditions(session, flt, today)
    conn = session.connection()
    if flt.keyword.strip():
        # Text search scans every row anyway: one scan for the order gives the count too.
        every = list(conn.execute(_ordered_ids(where, sort)).scalars())
        total, ids = len(every), every[offset : offset + limit]
    else:
        total = int(conn.execute(sa_select(func.count()).select_from(_HD).where(*where)).scalar_one())
        ids = []
        if limit and offset < total:
            ids = list(conn.execute(_ordered_ids(where, sort).offset(offset).limit(limit)).scalars())
    if not ids:
        return [], total
    found = conn.execute(sa_select(*_ROW_COLUMNS).select_from(_joined()).where(_HD.c.id.in_(ids)))
    by_id = {row.id: row for row in found.all()}
    return [by_id[i] for i in ids if i in by_id], total


def ledger_ids(*, session: Session, flt: LedgerFilter, sort: LedgerSort, today: date) -> list[int]:
    """The ids of the filtered ledger in its order."""
    return list(session.connection().execute(_ordered_ids(_conditions(session, flt, today), sort)).scalars())


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
