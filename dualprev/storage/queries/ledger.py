"""The hidden-danger ledger (隐患排查治理台账) filtered, sorted and paged in SQL, with how many rows
match, for the 隐患台账 page and 首页.

Written against the tables (SQLAlchemy Core). A page is chosen on ids alone (filter, order,
offset), and only its rows are then joined to their names, so a deep page or a sort by status costs
about the same as the first page. Counting stops at a horizon (a step above the page) unless asked
to be exact: the page shows "1,000+" rather than count a hundred thousand rows it will not show.

Keyword search goes through ``hidden_danger_search``, the FTS5 trigram index that migration 0004
keeps in step with the hidden dangers and the names they show: every word of three characters or
more is looked up in it; a shorter word (the index holds runs of three) is matched with LIKE on the
same texts.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Integer,
    MetaData,
    Select,
    Table,
    Text,
    bindparam,
    case,
    func,
    or_,
)
from sqlalchemy import select as sa_select
from sqlalchemy.sql.expression import FromClause
from sqlmodel import Session, SQLModel

from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerStatus
from dualprev.domain.ledger import LedgerFilter, LedgerSort, LedgerSortKey
from dualprev.storage import models  # noqa: F401  (registers the tables on SQLModel.metadata)
from dualprev.storage.queries.organisation import department_subtree

COUNT_STEP = 1000
"""Counting a filtered ledger stops at the first multiple of this at or above the page's end."""
SHORTEST_INDEXED_TERM = 3
"""The trigram index finds words of at least this many characters."""

_OPEN = tuple(s.value for s in HiddenDangerStatus if s.is_open)

_HD = SQLModel.metadata.tables["hidden_danger"]
_AREA = SQLModel.metadata.tables["area"]
_RP = SQLModel.metadata.tables["risk_point"]
_DEPT = SQLModel.metadata.tables["department"]
_PERSON = SQLModel.metadata.tables["person"]
_RECTIFIER = _PERSON.alias("rectifier")
_SEARCH = Table(  # migration 0004; outside SQLModel.metadata, which holds ordinary tables only
    "hidden_danger_search", MetaData(), Column("rowid", Integer, primary_key=True), Column("doc", Text)
)

ROW_COLUMNS = (
    _HD.c.id,
    _HD.c.number,
    _HD.c.found_on,
    _HD.c.description,
    _HD.c.level,
    _HD.c.category,
    _HD.c.source,
    _HD.c.source_detail,
    _HD.c.status,
    func.coalesce(_AREA.c.name, "").label("area_name"),
    func.coalesce(_RP.c.name, "").label("risk_point_name"),
    _HD.c.location,
    func.coalesce(_DEPT.c.name, "").label("department_name"),
    func.coalesce(_RECTIFIER.c.name, "").label("rectifier_name"),
    _HD.c.deadline,
    _HD.c.completed_on,
    _HD.c.accepted_on,
)
"""What a ledger row holds, in this order (a name is "" when unset)."""

# The texts a keyword is looked for in: the hidden danger's own, and the names it shows. The
# search index holds the same (see migration 0004).
_TEXTS = (
    _HD.c.number,
    _HD.c.description,
    _HD.c.location,
    _HD.c.finder_names,
    _HD.c.source_detail,
    _HD.c.rectification_measures,
    _HD.c.note,
)
_NAMED = (
    (_HD.c.area_id, _AREA),
    (_HD.c.risk_point_id, _RP),
    (_HD.c.responsible_department_id, _DEPT),
    (_HD.c.rectifier_id, _PERSON),
)

# Which joined tables a sort needs: ordering by a name needs that name, nothing else does.
_SORT_JOINS: dict[LedgerSortKey, tuple[str, ...]] = {
    LedgerSortKey.PLACE: ("area", "risk_point"),
    LedgerSortKey.DEPARTMENT: ("department",),
    LedgerSortKey.RECTIFIER: ("rectifier",),
}


@dataclass(frozen=True)
class LedgerPage:
    rows: Sequence[Sequence[Any]]
    """The page's rows in order, each starting with :data:`ROW_COLUMNS` (it may hold more)."""
    total: int
    """How many rows match; a lower bound when not ``exact``."""
    exact: bool = True


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


def search_phrase(term: str) -> str:
    """``term`` as an FTS5 phrase: quoted, so nothing in it is query syntax."""
    return '"' + term.replace('"', '""') + '"'


def _keyword_conditions(keyword: str) -> list[ColumnElement[bool]]:
    """Every word must appear somewhere in the row's texts or names."""
    terms = keyword.split()
    indexed = [t for t in terms if len(t) >= SHORTEST_INDEXED_TERM]
    where: list[ColumnElement[bool]] = []
    if indexed:
        found = sa_select(_SEARCH.c.rowid).where(
            _SEARCH.c.doc.match(" AND ".join(map(search_phrase, indexed)))
        )
        where.append(_HD.c.id.in_(found))
    for term in terms:
        if len(term) < SHORTEST_INDEXED_TERM:
            where.append(
                or_(
                    *(column.contains(term, autoescape=True) for column in _TEXTS),
                    *(
                        key.in_(sa_select(table.c.id).where(table.c.name.contains(term, autoescape=True)))
                        for key, table in _NAMED
                    ),
                )
            )
    return where


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
        where.append(
            hd.responsible_department_id.in_(
                sorted(department_subtree(session=session, root=flt.department_id))
            )
        )
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
    return where + _keyword_conditions(flt.keyword)


@cache
def _order_by(sort: LedgerSort) -> tuple[ColumnElement[Any], ...]:
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
    return tuple(ordered)


def _ordered_ids(where: Sequence[ColumnElement[bool]], sort: LedgerSort) -> Select[Any]:
    """SELECT id … ORDER BY …: only the tables the sort key needs are joined."""
    joins = _SORT_JOINS.get(sort.key)
    source = _joined(*joins) if joins else _HD
    return sa_select(_HD.c.id).select_from(source).where(*where).order_by(*_order_by(sort))


def _page_rows(ids: Select[Any], sort: LedgerSort) -> Select[Any]:
    """The rows of the ids ``ids`` selects (ordered and limited), with their names, in that order."""
    page = ids.subquery("page")
    return (
        sa_select(*ROW_COLUMNS)
        .select_from(page.join(_HD, _HD.c.id == page.c.id))
        .outerjoin(_AREA, _AREA.c.id == _HD.c.area_id)
        .outerjoin(_RP, _RP.c.id == _HD.c.risk_point_id)
        .outerjoin(_DEPT, _DEPT.c.id == _HD.c.responsible_department_id)
        .outerjoin(_RECTIFIER, _RECTIFIER.c.id == _HD.c.rectifier_id)
        .order_by(*_order_by(sort))
    )


_INDEXED_SORTS = (LedgerSortKey.FOUND_ON, LedgerSortKey.NUMBER)
"""Sorts an index serves: SQLite reads a shallow page of them in order and stops."""
_SHALLOW = 2000
"""Up to this offset an indexed page is read in one joined pass (deeper, the ids are found first:
the rows skipped would be joined too)."""


@cache
def _whole_ledger_page(sort: LedgerSort, shallow: bool) -> Select[Any]:
    """The unfiltered page (the one the ledger opens on) with the ledger's size as a last column
    (SQLite works it out once), built once per sort; LIMIT and OFFSET are bound as ``limit`` and
    ``offset``."""
    size = sa_select(func.count()).select_from(_HD).scalar_subquery()
    if shallow:
        return (
            sa_select(*ROW_COLUMNS, size)
            .select_from(_joined())
            .order_by(*_order_by(sort))
            .limit(bindparam("limit"))
            .offset(bindparam("offset"))
        )
    ids = _ordered_ids((), sort).limit(bindparam("limit")).offset(bindparam("offset"))
    return _page_rows(ids, sort).add_columns(size)


def _horizon(offset: int, limit: int) -> int:
    """Where counting a filtered ledger stops: the first multiple of COUNT_STEP at or after the
    page's end."""
    end = offset + limit
    return max(COUNT_STEP, -(-end // COUNT_STEP) * COUNT_STEP)


def ledger_page(
    *,
    session: Session,
    flt: LedgerFilter,
    sort: LedgerSort,
    today: date,
    offset: int,
    limit: int,
    exact: bool = False,
) -> LedgerPage:
    """One page of ledger rows (``limit`` from ``offset``, in order) and how many rows match.

    The whole ledger is always counted exactly (SQLite counts a table from its smallest index). A
    filtered one is counted up to :func:`_horizon` unless ``exact``: beyond it ``total`` is the
    horizon and ``exact`` False.
    """
    offset, limit = max(0, offset), max(0, limit)
    conn = session.connection()
    if flt.is_empty:
        # The count rides along as a last column (SQLite works it out once): one statement.
        shallow = sort.key in _INDEXED_SORTS and offset < _SHALLOW
        rows = conn.execute(_whole_ledger_page(sort, shallow), {"limit": limit, "offset": offset}).all()
        if rows:
            return LedgerPage(rows, int(rows[0][-1]))
        return LedgerPage((), int(conn.execute(sa_select(func.count()).select_from(_HD)).scalar_one()))
    where = _conditions(session, flt, today)
    horizon = None if exact else _horizon(offset, limit)
    if flt.keyword.split():
        # A text search costs more than the rows it finds: one ordered pass gives count and page.
        ordered = _ordered_ids(where, sort)
        every = conn.execute(ordered if horizon is None else ordered.limit(horizon + 1)).scalars().all()
        counted, ids = len(every), list(every[offset : offset + limit])
        page = _ordered_ids([_HD.c.id.in_(ids)], sort) if ids else None
    else:
        matching = sa_select(_HD.c.id).where(*where)
        if horizon is not None:
            matching = matching.limit(horizon + 1)
        counted = int(conn.execute(sa_select(func.count()).select_from(matching.subquery())).scalar_one())
        page = _ordered_ids(where, sort).limit(limit).offset(offset) if limit and offset < counted else None
    total, complete = (counted, True) if horizon is None or counted <= horizon else (horizon, False)
    if page is None:
        return LedgerPage((), total, complete)
    return LedgerPage(conn.execute(_page_rows(page, sort)).all(), total, complete)


def ledger_ids(*, session: Session, flt: LedgerFilter, sort: LedgerSort, today: date) -> list[int]:
    """The ids of the filtered ledger in its order."""
    return list(session.connection().execute(_ordered_ids(_conditions(session, flt, today), sort)).scalars())
