"""The hidden-danger ledger (隐患排查治理台账) read page by page, filtered and sorted in SQL so a
table of a hundred thousand rows stays fast, and its totals for the summary line and 首页. What it
filters and sorts by is :mod:`dualprev.domain.ledger`."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dualprev.domain.hidden_danger import (
    DUE_SOON_DAYS,
    HiddenDangerCategory,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    days_left,
    is_overdue,
)
from dualprev.domain.ledger import LedgerFilter, LedgerSort, LedgerSortKey
from dualprev.storage.db import Database
from dualprev.storage.queries import hidden_dangers as queries

DEFAULT_PAGE_SIZE = 200


@dataclass(frozen=True)
class LedgerRow:
    """One row of the ledger table."""

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
    offset: int = 0


@dataclass(frozen=True)
class LedgerSummary:
    """Counts over the whole ledger for the page's summary line and 首页."""

    total: int
    open: int
    overdue: int
    due_soon: int
    by_status: dict[HiddenDangerStatus, int]


def _row(values: Sequence[Any], today: date) -> LedgerRow:
    (
        row_id,
        number,
        found_on,
        description,
        level,
        category,
        source,
        source_detail,
        status,
        area_name,
        rp_name,
        location,
        dept_name,
        rectifier_name,
        deadline,
        completed_on,
        accepted_on,
    ) = values
    return LedgerRow(
        id=row_id,
        number=number,
        found_on=found_on,
        description=description,
        level=level,
        category=category,
        source=source,
        source_detail=source_detail,
        status=status,
        area_name=area_name or "",
        risk_point_name=rp_name or "",
        location=location,
        department_name=dept_name or "",
        rectifier_name=rectifier_name or "",
        deadline=deadline,
        completed_on=completed_on,
        accepted_on=accepted_on,
        is_overdue=is_overdue(status, deadline, today),
        days_left=days_left(status, deadline, today),
    )


def query(
    db: Database,
    flt: LedgerFilter = LedgerFilter(),
    sort: LedgerSort = LedgerSort(),
    *,
    today: date,
    offset: int = 0,
    limit: int = DEFAULT_PAGE_SIZE,
) -> LedgerResult:
    """One page of the ledger (``limit`` rows from ``offset``) and how many rows match in all.

    The page is found on ids alone (filter, order, offset), and only its rows are then read with
    their names, so a deep page or a sort by status costs about the same as the first page.
    """
    offset = max(0, offset)
    with db.read_session() as s:
        rows, total = queries.ledger_page(
            session=s, flt=flt, sort=sort, today=today, offset=offset, limit=limit
        )
    return LedgerResult(rows=tuple(_row(r, today) for r in rows), total=total, offset=offset)


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
        ids = queries.ledger_ids(session=s, flt=flt, sort=sort, today=today)
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
    return query(db, LedgerFilter(due_within_days=days), sort, today=today, limit=limit)


def overdue(db: Database, *, today: date, limit: int = 50) -> LedgerResult:
    """Open hidden dangers past their deadline, the longest overdue first."""
    sort = LedgerSort(LedgerSortKey.DEADLINE, descending=False)
    return query(db, LedgerFilter(overdue_only=True), sort, today=today, limit=limit)
