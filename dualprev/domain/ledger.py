"""What the hidden-danger ledger (隐患排查治理台账) can be filtered and sorted by: the one spec the
page, the service and the SQL query share."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerSource, HiddenDangerStatus


class LedgerSortKey(StrEnum):
    NUMBER = "number"
    FOUND_ON = "found_on"
    DESCRIPTION = "description"
    LEVEL = "level"
    PLACE = "place"
    SOURCE = "source"
    DEPARTMENT = "department"
    RECTIFIER = "rectifier"
    DEADLINE = "deadline"
    STATUS = "status"


@dataclass(frozen=True)
class LedgerSort:
    key: LedgerSortKey = LedgerSortKey.FOUND_ON
    descending: bool = True


@dataclass(frozen=True)
class LedgerFilter:
    """Which hidden dangers the ledger shows; empty fields do not filter.

    ``overdue_only`` and ``due_within_days`` are derived from the deadline and today, as 逾期 is.
    A department includes its sub-departments; an area includes hidden dangers at its risk points.
    """

    statuses: tuple[HiddenDangerStatus, ...] = ()
    overdue_only: bool = False
    due_within_days: int | None = None
    levels: tuple[HiddenDangerLevel, ...] = ()
    department_id: int | None = None
    area_id: int | None = None
    risk_point_id: int | None = None
    source: HiddenDangerSource | None = None
    found_from: date | None = None
    found_to: date | None = None
    keyword: str = ""

    @property
    def is_empty(self) -> bool:
        return self == LedgerFilter()
