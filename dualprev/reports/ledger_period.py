"""The period a hidden-danger report covers: a month, a quarter, a year or any custom range of days.

Pure date arithmetic, shared by the exports, the command line (``--period 2026Q3``) and the
export page's period picker. A statutory 隐患排查治理统计表 exists only for a quarter or a year; its
due date (domain.md §8.3) is the 15th of the month after the quarter, and 31 January of the next
year for a year.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dualprev.errors import ValidationError

QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")
QUARTER_DUE_DAY = 15
"""The quarterly 统计表 is due by this day of the month after the quarter."""
YEAR_DUE = (1, 31)
"""The annual 统计表 is due by this (month, day) of the next year."""

MIN_YEAR = 1900
MAX_YEAR = 9998
"""A period ends on the first day after it, which must still be a date (``date`` stops at 9999)."""


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return {"month": "月度", "quarter": "季度", "year": "年度", "custom": "自定义"}[self.value]


def chinese_date(day: date) -> str:
    """2026年7月1日."""
    return f"{day.year}年{day.month}月{day.day}日"


def _month_end(year: int, month: int) -> date:
    first_next = date(year + (month == 12), month % 12 + 1, 1)
    return first_next - timedelta(days=1)


@dataclass(frozen=True)
class ReportPeriod:
    """Days ``start`` to ``end``, both included. Build one with the class methods."""

    kind: PeriodKind
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValidationError(
                f"起始日期（{self.start.isoformat()}）不能晚于结束日期（{self.end.isoformat()}）", "period"
            )

    @classmethod
    def month(cls, year: int, month: int) -> "ReportPeriod":
        if not 1 <= month <= 12:
            raise ValidationError(f"月份应为 1 到 12：{month}", "period")
        return cls(PeriodKind.MONTH, date(year, month, 1), _month_end(year, month))

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "ReportPeriod":
        if not 1 <= quarter <= 4:
            raise ValidationError(f"季度应为 1 到 4：{quarter}", "period")
        first = 3 * (quarter - 1) + 1
        return cls(PeriodKind.QUARTER, date(year, first, 1), _month_end(year, first + 2))

    @classmethod
    def year(cls, year: int) -> "ReportPeriod":
        return cls(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def custom(cls, start: date, end: date) -> "ReportPeriod":
        return cls(PeriodKind.CUSTOM, start, end)

    @classmethod
    def year_to_date(cls, today: date) -> "ReportPeriod":
        """1 January of ``today``'s year to ``today``: what exports cover unless told otherwise."""
        return cls.custom(date(today.year, 1, 1), today)

    @property
    def quarter_number(self) -> int:
        return (self.start.month - 1) // 3 + 1

    @property
    def label(self) -> str:
        """2026年11月 · 2026年第三季度 · 2026年度 · 2026年1月1日至2026年11月20日."""
        match self.kind:
            case PeriodKind.MONTH:
                return f"{self.start.year}年{self.start.month}月"
            case PeriodKind.QUARTER:
                return f"{self.start.year}年{QUARTER_NAMES[self.quarter_number - 1]}"
            case PeriodKind.YEAR:
                return f"{self.start.year}年度"
            case _:
                return self.range_text

    @property
    def range_text(self) -> str:
        """2026年7月1日至2026年9月30日."""
        return f"{chinese_date(self.start)}至{chinese_date(self.end)}"

    @property
    def code(self) -> str:
        """Short form for file names and the command line: 2026-11, 2026Q3, 2026, 20260101-20261120."""
        match self.kind:
            case PeriodKind.MONTH:
                return f"{self.start.year}-{self.start.month:02d}"
            case PeriodKind.QUARTER:
                return f"{self.start.year}Q{self.quarter_number}"
            case PeriodKind.YEAR:
                return str(self.start.year)
            case _:
                return f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def as_of(self, today: date) -> date:
        """The day the period's figures are taken at: its last day, or ``today`` while it runs.

        Before the period begins there is nothing to count; the start is returned then.
        """
        return max(self.start, min(self.end, today))

    @property
    def is_statutory(self) -> bool:
        """Whether the law asks for a 统计表 of this period (a quarter or a year)."""
        return self.kind in (PeriodKind.QUARTER, PeriodKind.YEAR)

    @property
    def statistics_due(self) -> date | None:
        """When the 统计表 must reach the authority: the 15th of the month after a quarter, 31 January
        after a year; None for other periods."""
        if self.kind is PeriodKind.QUARTER:
            after = self.end + timedelta(days=1)
            return date(after.year, after.month, QUARTER_DUE_DAY)
        if self.kind is PeriodKind.YEAR:
            return date(self.start.year + 1, *YEAR_DUE)
        return None


_QUARTER = re.compile(r"^(\d{4})\s*[Qq]([1-4])$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")


def parse_period(text: str) -> ReportPeriod:
    """``2026Q3`` (a quarter), ``2026`` (a year) or ``2026-07`` (a month).

    Raises ValidationError with one Chinese line for anything else.
    """
    value = text.strip()
    try:
        if match := _QUARTER.match(value):
            return ReportPeriod.quarter(_year(match[1], text), int(match[2]))
        if match := _YEAR.match(value):
            return ReportPeriod.year(_year(match[1], text))
        if match := _MONTH.match(value):
            return ReportPeriod.month(_year(match[1], text), int(match[2]))
    except ValueError:
        raise ValidationError(f"统计期不存在：{text}", "period") from None
    raise ValidationError(f"无法识别的统计期：{text}（应写作 2026Q3、2026 或 2026-07）", "period")


def _year(digits: str, text: str) -> int:
    year = int(digits)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(f"统计期的年份超出范围：{text}（应在 {MIN_YEAR}–{MAX_YEAR} 年之间）", "period")
    return year


def parse_day(text: str) -> date:
    """A calendar date written YYYY-MM-DD; ValidationError for a malformed or impossible one."""
    value = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValidationError(f"日期格式不对：{text}（应写作 YYYY-MM-DD，如 2026-07-01）", "date")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"日期不存在：{text}", "date") from None
