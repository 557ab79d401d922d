"""The figures of the summary and the 统计表, on hand-made hidden dangers whose answers are known:
which belong to the period, voided ones left out, closed by the period end, on time, open and
overdue at the end (including ones found earlier), and the stage each open one stood at."""

from datetime import date

from dualprev.domain.hidden_danger import (
    HiddenDangerCategory,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
)
from dualprev.reports.ledger_data import LedgerData, LedgerEnterprise, LedgerEntry
from dualprev.reports.ledger_period import ReportPeriod
from dualprev.reports.ledger_statistics import (
    compute_statistics,
    format_rate,
    format_yuan,
    rate,
    statistics_rows,
)

S = HiddenDangerStatus
GENERAL, MAJOR = HiddenDangerLevel.GENERAL, HiddenDangerLevel.MAJOR
Q3 = ReportPeriod.quarter(2026, 3)
LATER = date(2026, 11, 20)


def entry(n: int, found: date, status: HiddenDangerStatus, **kw: object) -> LedgerEntry:
    values: dict[str, object] = {
        "id": n,
        "number": f"YH-2026-{n:04d}",
        "found_on": found,
        "description": f"隐患{n}",
        "level": GENERAL,
        "category": HiddenDangerCategory.SITE,
        "status": status,
    }
    values.update(kw)
    return LedgerEntry(**values)  # type: ignore[arg-type]


def data(entries: list[LedgerEntry], earlier: list[LedgerEntry] = (), today: date = LATER) -> LedgerData:  # type: ignore[assignment]
    return LedgerData(
        enterprise=LedgerEnterprise("测试企业"),
        period=Q3,
        printed_on=today,
        entries=tuple(entries),
        earlier_open=tuple(earlier),
    )


def test_void_records_count_nowhere_and_rates_follow_the_definitions() -> None:
    entries = [
        # closed on time (completed 07-05 ≤ deadline 07-10, accepted 07-06)
        entry(1, date(2026, 7, 1), S.CLOSED, deadline=date(2026, 7, 10), completed_on=date(2026, 7, 5),
              accepted_on=date(2026, 7, 6), funds_fen=12_345),
        # closed late (completed after its deadline)
        entry(2, date(2026, 7, 2), S.CLOSED, deadline=date(2026, 7, 3), completed_on=date(2026, 7, 9),
              accepted_on=date(2026, 7, 10), funds_fen=100),
        # closed, but only after the period: open at its end, and overdue then
        entry(3, date(2026, 9, 1), S.CLOSED, deadline=date(2026, 9, 20), completed_on=date(2026, 10, 2),
              accepted_on=date(2026, 10, 3), funds_fen=999),
        # a major one still being rectified, deadline after the period end: open, not overdue
        entry(4, date(2026, 9, 10), S.RECTIFYING, level=MAJOR, category=HiddenDangerCategory.MANAGEMENT,
              deadline=date(2026, 12, 5), source=HiddenDangerSource.EXTERNAL),
        # voided: in the full ledger, in no figure
        entry(5, date(2026, 8, 1), S.VOID, deadline=date(2026, 8, 2), void_reason="重复登记"),
    ]  # fmt: skip
    earlier = [entry(6, date(2026, 6, 20), S.PENDING, deadline=date(2026, 6, 27))]
    stats = compute_statistics(data(entries, earlier))
    assert stats.as_of == date(2026, 9, 30)
    assert (stats.found.general, stats.found.major, stats.found.total) == (3, 1, 4)
    assert stats.voided == 1
    assert stats.by_category[HiddenDangerCategory.MANAGEMENT].major == 1
    assert stats.by_source[HiddenDangerSource.EXTERNAL].total == 1
    assert stats.closed.total == 2  # no. 3 closed after the period end
    assert stats.rectification_rate() == rate(2, 4) == 50
    # 到期应整改: no. 1, 2 and 3 (deadlines in Q3); only no. 1 was put right on time.
    assert stats.due.total == 3
    assert stats.on_time.total == 1 and format_rate(stats.on_time_rate()) == "33.3%"
    assert format_rate(stats.rectification_rate(MAJOR)) == "0.0%"
    assert format_rate(stats.on_time_rate(MAJOR)) == "—"  # nothing major closed: nothing to divide
    assert stats.open_at_end.total == 3  # no. 3, no. 4 and no. 6 found in June
    assert stats.carried_over.total == 1
    assert stats.overdue_at_end.total == 2  # no. 3 (deadline 09-20) and no. 6 (06-27)
    assert stats.funds_fen.total == 12_445 and format_yuan(stats.funds_fen.total) == "124.45"
    assert [e.number for e in stats.majors] == ["YH-2026-0004"]


def test_an_overdue_open_item_lowers_the_on_time_rate() -> None:
    """按期整改率 divides by everything that fell due, not by what was closed: one closed on time and
    one still open past its deadline is 50 %, where counting closed ones only would flatter with 100 %."""
    on_time = entry(1, date(2026, 7, 1), S.CLOSED, deadline=date(2026, 7, 10), completed_on=date(2026, 7, 5),
                    accepted_on=date(2026, 7, 6))  # fmt: skip
    overdue = entry(2, date(2026, 7, 2), S.RECTIFYING, deadline=date(2026, 8, 1))
    earlier_due = entry(3, date(2026, 6, 1), S.PENDING, deadline=date(2026, 7, 15))
    stats = compute_statistics(data([on_time, overdue]))
    assert (stats.closed.total, stats.due.total, stats.on_time.total) == (1, 2, 1)
    assert format_rate(stats.on_time_rate()) == "50.0%"
    with_earlier = compute_statistics(data([on_time, overdue], [earlier_due]))
    assert with_earlier.due.total == 3 and format_rate(with_earlier.on_time_rate()) == "33.3%"
    due_later = compute_statistics(data([entry(4, date(2026, 9, 1), S.PENDING, deadline=date(2026, 10, 9))]))
    assert due_later.due.total == 0 and format_rate(due_later.on_time_rate()) == "—"
    table = {row[1]: row for row in statistics_rows(stats)}
    assert table["到期应整改"][2:5] == (2, 0, 2) and table["按期整改率"][4] == "50.0%"
    assert "逾期未销号的计入分母" in str(table["按期整改率"][5])


def test_stage_at_the_period_end_comes_from_the_recorded_changes() -> None:
    changes = (
        (date(2026, 9, 1), S.PENDING),
        (date(2026, 9, 5), S.RECTIFYING),
        (date(2026, 9, 29), S.AWAITING_ACCEPTANCE),
        (date(2026, 10, 3), S.CLOSED),
    )
    late = entry(1, date(2026, 9, 1), S.CLOSED, accepted_on=date(2026, 10, 3), status_changes=changes)
    started = entry(2, date(2026, 9, 2), S.RECTIFYING, status_changes=((date(2026, 9, 2), S.PENDING),
                                                                      (date(2026, 10, 1), S.RECTIFYING)))  # fmt: skip
    stats = compute_statistics(data([late, started]))
    assert late.stage_at(date(2026, 9, 30)) is S.AWAITING_ACCEPTANCE
    assert started.stage_at(date(2026, 9, 30)) is S.PENDING
    assert stats.by_stage[S.AWAITING_ACCEPTANCE].total == 1
    assert stats.by_stage[S.PENDING].total == 1
    assert stats.by_stage[S.RECTIFYING].total == 0


def test_a_running_period_is_counted_up_to_today() -> None:
    open_one = entry(1, date(2026, 8, 1), S.PENDING, deadline=date(2026, 8, 5))
    stats = compute_statistics(data([open_one], today=date(2026, 8, 10)))
    assert stats.as_of == date(2026, 8, 10)
    assert stats.overdue_at_end.total == 1
    on_deadline = compute_statistics(data([open_one], today=date(2026, 8, 5)))
    assert on_deadline.overdue_at_end.total == 0  # the deadline day itself is not overdue


def test_statistics_rows_state_each_figure_with_how_it_is_counted() -> None:
    stats = compute_statistics(data([entry(1, date(2026, 7, 1), S.CLOSED, accepted_on=date(2026, 7, 2))]))
    rows = {row[1]: row for row in statistics_rows(stats)}
    assert rows["本期发现隐患"][2:5] == (1, 0, 1)
    assert rows["整改率"][2:5] == ("100.0%", "—", "100.0%")
    assert "不含已作废" in str(rows["本期发现隐患"][5])
    assert "2026-09-30" in str(rows["期末未销号"][5])
