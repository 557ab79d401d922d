"""Report periods: months, quarters, years and custom ranges, their labels, and when the statutory
统计表 is due (15th of the month after a quarter, 31 January after a year)."""

from datetime import date

import pytest

from dualprev.errors import ValidationError
from dualprev.reports.ledger_period import PeriodKind, ReportPeriod, parse_day, parse_period


@pytest.mark.parametrize(
    ("period", "start", "end", "label"),
    [
        (ReportPeriod.month(2026, 2), date(2026, 2, 1), date(2026, 2, 28), "2026年2月"),
        (ReportPeriod.month(2028, 2), date(2028, 2, 1), date(2028, 2, 29), "2028年2月"),
        (ReportPeriod.month(2026, 12), date(2026, 12, 1), date(2026, 12, 31), "2026年12月"),
        (ReportPeriod.quarter(2026, 3), date(2026, 7, 1), date(2026, 9, 30), "2026年第三季度"),
        (ReportPeriod.quarter(2026, 4), date(2026, 10, 1), date(2026, 12, 31), "2026年第四季度"),
        (ReportPeriod.year(2026), date(2026, 1, 1), date(2026, 12, 31), "2026年度"),
        (
            ReportPeriod.custom(date(2026, 3, 5), date(2026, 4, 9)),
            date(2026, 3, 5),
            date(2026, 4, 9),
            "2026年3月5日至2026年4月9日",
        ),
    ],
)
def test_period_bounds_and_labels(period: ReportPeriod, start: date, end: date, label: str) -> None:
    assert (period.start, period.end, period.label) == (start, end, label)
    assert period.contains(start) and period.contains(end)
    assert not period.contains(date.fromordinal(start.toordinal() - 1))


@pytest.mark.parametrize(
    ("period", "due"),
    [
        (ReportPeriod.quarter(2026, 1), date(2026, 4, 15)),
        (ReportPeriod.quarter(2026, 3), date(2026, 10, 15)),
        (ReportPeriod.quarter(2026, 4), date(2027, 1, 15)),
        (ReportPeriod.year(2026), date(2027, 1, 31)),
        (ReportPeriod.month(2026, 3), None),
        (ReportPeriod.custom(date(2026, 1, 1), date(2026, 3, 31)), None),
    ],
)
def test_statistics_due_dates(period: ReportPeriod, due: date | None) -> None:
    assert period.statistics_due == due
    assert period.is_statutory is (due is not None)


def test_figures_are_taken_at_the_period_end_or_today_while_it_runs() -> None:
    q3 = ReportPeriod.quarter(2026, 3)
    assert q3.as_of(date(2026, 11, 20)) == date(2026, 9, 30)
    assert q3.as_of(date(2026, 8, 10)) == date(2026, 8, 10)
    assert q3.as_of(date(2026, 5, 1)) == date(2026, 7, 1)
    assert ReportPeriod.year_to_date(date(2026, 11, 20)) == ReportPeriod.custom(
        date(2026, 1, 1), date(2026, 11, 20)
    )


def test_parse_period_and_codes() -> None:
    assert parse_period("2026Q3") == ReportPeriod.quarter(2026, 3)
    assert parse_period("2026q1").code == "2026Q1"
    assert parse_period(" 2026 ") == ReportPeriod.year(2026)
    assert parse_period("2026-07").kind is PeriodKind.MONTH
    assert ReportPeriod.custom(date(2026, 1, 1), date(2026, 11, 20)).code == "20260101-20261120"
    for bad in ("2026Q5", "26Q1", "2026-13", "本季度", ""):
        with pytest.raises(ValidationError):
            parse_period(bad)


def test_impossible_and_reversed_dates_are_refused_in_chinese() -> None:
    assert parse_day("2028-02-29") == date(2028, 2, 29)
    with pytest.raises(ValidationError, match="日期不存在"):
        parse_day("2026-02-30")
    with pytest.raises(ValidationError, match="格式"):
        parse_day("2026/02/01")
    with pytest.raises(ValidationError, match="不能晚于"):
        ReportPeriod.custom(date(2026, 10, 1), date(2026, 9, 30))
