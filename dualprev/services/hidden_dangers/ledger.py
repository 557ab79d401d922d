"""The hidden-danger ledger (隐患排查治理台账) read page by page, filtered and sorted in SQL so a
table of a hundred thousand rows stays fast, and its totals for the summary line and 首页. What it
filters and sorts by is :mod:`dualprev.domain.ledger`."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

from dualprev.domain.hidden_danger import (
    DUE_SOON_DAYS,
    HiddenDangerCategory,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
)
from dualprev.domain.ledger import LedgerFilter, LedgerSort, LedgerSortKey
from dualprev.storage.db import Database
from dualprev.storage.queries import hidden_dangers as queries
from dualprev.storage.queries import ledger as ledger_queries

DEFAULT_PAGE_SIZE = 200


class LedgerRow(NamedTuple):
    """One row of the ledger table (a named tuple: a page makes hundreds of them at a time)."""

    id: int
    number: str
    found_on: date
    description: str
    level: HiddenDangerLevel
    category: HiddenDangerCategory
    source: HiddenDangerSource
    source_detail: str
    status: HiddenDangerStatus
    area_name: str
    risk_point_name: str
    location: str
    department_name: str
    rectifier_name: str
    deadline: date | None
    completed_on: date | None
    accepted_on: date | None
    is_overdue: bool
    days_left: int | None

    @property
    def place(self) -> str:
        """区域/风险点/部位 as one text, without repeating a name."""
        parts: list[str] = []
        for part in (self.area_name, self.risk_point_name, self.location):
            if part and part not in parts:
                parts.append(part)
        return " ".join(parts)


@dataclass(frozen=True)
class LedgerResult:
    rows: tuple[LedgerRow, ...]
    total: int
    """How many rows match; when not ``total_is_exact``, at least this many (see :func:`query`)."""
    offset: int = 0
    total_is_exact: bool = True

    @property
    def total_text(self) -> str:
        """The count as shown: "1,000+" when more rows match than were counted, else the number."""
        return count_text(self.total, exact=self.total_is_exact)


def count_text(total: int, *, exact: bool) -> str:
    """A count as the ledger shows it: the number, or "1,000+" for at least 1000."""
    return str(total) if exact else f"{total:,}+"


@dataclass(frozen=True)
class LedgerSummary:
    """Counts over the whole ledger for the page's summary line and 首页."""

    total: int
    open: int
    overdue: int
    due_soon: int
    by_status: dict[HiddenDangerStatus, int]


def _row(values: Sequence[Any], today: date) -> LedgerRow:
    """A row that starts with :data:`~dualprev.storage.queries.ledger.ROW_COLUMNS`, as the table
    shows it (``days_left`` and ``is_overdue`` inlined: a page makes hundreds of rows)."""
    status, deadline = values[8], values[14]
    left = (deadline - today).days if deadline is not None and status.is_open else None
    return LedgerRow._make((*values[:17], left is not None and left < 0, left))


def query(
    db: Database,
    flt: LedgerFilter = LedgerFilter(),
    sort: LedgerSort = LedgerSort(),
    *,
    today: date,
    offset: int = 0,
    limit: int = DEFAULT_PAGE_SIZE,
    exact: bool = False,
) -> LedgerResult:
    """One page of the ledger (``limit`` rows from ``offset``) and how many rows match.

    The page is found on ids alone (filter, order, offset), and only its rows are then read with
    their names, so a deep page or a sort by status costs about the same as the first page. The
    whole ledger is counted exactly; a filtered one only up to the next thousand past the page
    (``total_is_exact`` False beyond it) unless ``exact``: counting every match of a search would
    cost more than the page.
    """
    offset = max(0, offset)
    with db.read_session() as s:
        page = ledger_queries.ledger_page(
            session=s, flt=flt, sort=sort, today=today, offset=offset, limit=limit, exact=exact
        )
    return LedgerResult(
        rows=tuple([_row(r, today) for r in page.rows]),
        total=page.total,
        offset=offset,
        total_is_exact=page.exact,
    )


def row_position(
    db: Database,
    hidden_danger_id: int,
    flt: LedgerFilter = LedgerFilter(),
    sort: LedgerSort = LedgerSort(),
    *,
    today: date,
) -> int | None:
    """Where a hidden danger stands in the filtered, sorted ledger (0-based), or None if not in it."""
    with db.read_session() as s:
        ids = ledger_queries.ledger_ids(session=s, flt=flt, sort=sort, today=today)
    return ids.index(hidden_danger_id) if hidden_danger_id in ids else None


def summary(db: Database, *, today: date, due_days: int = DUE_SOON_DAYS) -> LedgerSummary:
    """Totals over the whole ledger: by status, open, overdue and due within ``due_days``."""
    with db.read_session() as s:
        by_status = queries.status_counts(session=s)
        overdue, due = queries.deadline_counts(session=s, today=today, due_days=due_days)
    return LedgerSummary(
        total=sum(by_status.values()),
        open=sum(n for st, n in by_status.items() if st.is_open),
        overdue=overdue,
        due_soon=due,
        by_status=by_status,
    )


def due_soon(db: Database, *, today: date, days: int = DUE_SOON_DAYS, limit: int = 50) -> LedgerResult:
    """Open hidden dangers due within ``days`` days (today included), the most urgent first."""
    sort = LedgerSort(LedgerSortKey.DEADLINE, descending=False)
    return query(db, LedgerFilter(due_within_days=days), sort, today=today, limit=limit, exact=True)


def overdue(db: Database, *, today: date, limit: int = 50) -> LedgerResult:
    """Open hidden dangers past their deadline, the longest overdue first."""
    sort = LedgerSort(LedgerSortKey.DEADLINE, descending=False)
    return query(db, LedgerFilter(overdue_only=True), sort, today=today, limit=limit, exact=True)
