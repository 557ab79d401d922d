"""The figures of the 隐患排查治理 summary and the statutory 统计表 (domain.md §8.3), and the table
both print them in.

Definitions (the period runs from ``start`` to ``end``; figures are taken at ``as_of`` = the period's
last day, or the printing day while the period is still running):

* 排查次数: 排查记录 whose 排查日期 lies in the period, up to ``as_of``.
* 本期发现隐患: hidden dangers whose 排查日期 (found_on) lies in the period, **voided ones (已作废)
  excluded**; split by level (一般/重大), 类别 and 来源. Voided ones are counted separately.
* 已整改销号: of those found in the period, the ones closed (验收通过) on or before ``as_of``.
* 整改率 = 已整改销号 ÷ 本期发现隐患 (= closed ÷ (found in period − voided)).
* 到期应整改: every hidden danger (found in this period or earlier, voided ones excluded) whose
  整改期限 falls in the period, up to ``as_of``.
* 按期整改: of those, the ones closed by ``as_of`` whose 整改完成日期 is on or before their 整改期限.
  按期整改率 = 按期整改 ÷ 到期应整改 — so an overdue item still open lowers it (the rate does not
  flatter by counting only what was closed). One found earlier and already closed before the period
  began is not read for the period, so it is in neither figure.
* 期末未销号 (open at period end): every hidden danger found on or before ``as_of`` — in this period
  or earlier — that is not voided and was not closed by ``as_of``; split by where it stood then
  (待整改 / 整改中 / 待验收, from its recorded status changes).
* 其中逾期 (overdue): of those, the ones whose 整改期限 is before ``as_of``.
* 整改资金: the 整改资金 recorded on the hidden dangers counted in 已整改销号.
* 重大隐患清单: 重大隐患 found in the period or open at its end, voided ones excluded.

A rate whose denominator is 0 is printed as "—".
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import (
    HiddenDangerCategory,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
)
from dualprev.reports.ledger_data import LedgerData, LedgerEntry
from dualprev.reports.ledger_period import ReportPeriod
from dualprev.reports.tables import Align, CellValue, Column

DASH = "—"
_GENERAL, _MAJOR = HiddenDangerLevel.GENERAL, HiddenDangerLevel.MAJOR
OPEN_STAGES = (
    HiddenDangerStatus.PENDING,
    HiddenDangerStatus.RECTIFYING,
    HiddenDangerStatus.AWAITING_ACCEPTANCE,
)


@dataclass(frozen=True)
class ByLevel:
    """A figure split by 隐患级别, with its total."""

    general: int = 0
    major: int = 0

    @property
    def total(self) -> int:
        return self.general + self.major

    def of(self, level: HiddenDangerLevel) -> int:
        return self.major if level is _MAJOR else self.general

    @classmethod
    def count(cls, entries: Iterable[LedgerEntry]) -> "ByLevel":
        general = major = 0
        for entry in entries:
            if entry.level is _MAJOR:
                major += 1
            else:
                general += 1
        return cls(general, major)

    @classmethod
    def total_of(cls, entries: Iterable[LedgerEntry], value: Callable[[LedgerEntry], int]) -> "ByLevel":
        general = major = 0
        for entry in entries:
            if entry.level is _MAJOR:
                major += value(entry)
            else:
                general += value(entry)
        return cls(general, major)


def rate(numerator: int, denominator: int) -> Decimal | None:
    """numerator ÷ denominator as a percentage rounded half up to one decimal; None for ÷ 0."""
    if denominator == 0:
        return None
    return (Decimal(100) * numerator / denominator).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def format_rate(value: Decimal | None) -> str:
    """95.0% · 100.0% · — (nothing to divide by)."""
    return DASH if value is None else f"{value}%"


def format_yuan(fen: int) -> str:
    """Integer fen as 元 with two decimals and thousands separators: 68,000.00."""
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    return f"{sign}{yuan:,}.{cents:02d}"


@dataclass(frozen=True)
class LedgerStatistics:
    """Every figure of the summary and the 统计表 for one period (see the module docstring)."""

    period: ReportPeriod
    as_of: date
    check_counts: tuple[tuple[CheckType, int], ...]
    found: ByLevel
    voided: int
    by_category: dict[HiddenDangerCategory, ByLevel]
    by_source: dict[HiddenDangerSource, ByLevel]
    closed: ByLevel
    on_time: ByLevel
    open_at_end: ByLevel
    carried_over: ByLevel
    overdue_at_end: ByLevel
    by_stage: dict[HiddenDangerStatus, ByLevel]
    funds_fen: ByLevel
    majors: tuple[LedgerEntry, ...] = field(default=())
    due: ByLevel = ByLevel(0, 0)
    """到期应整改: 整改期限 in the period (up to ``as_of``); ``on_time`` counts those closed on time."""

    @property
    def check_count(self) -> int:
        return sum(n for _type, n in self.check_counts)

    @property
    def due_on(self) -> date | None:
        return self.period.statistics_due

    def rectification_rate(self, level: HiddenDangerLevel | None = None) -> Decimal | None:
        """整改率 = 已整改销号 ÷ 本期发现隐患 (voided excluded); of one level, or overall."""
        if level is None:
            return rate(self.closed.total, self.found.total)
        return rate(self.closed.of(level), self.found.of(level))

    def on_time_rate(self, level: HiddenDangerLevel | None = None) -> Decimal | None:
        """按期整改率 = 按期整改 ÷ 到期应整改 (整改期限 in the period); of one level, or overall."""
        if level is None:
            return rate(self.on_time.total, self.due.total)
        return rate(self.on_time.of(level), self.due.of(level))


class StatisticsTally:
    """The figures of a period counted one hidden danger at a time, so a ledger too long to hold is
    counted while it is written: :meth:`add` every hidden danger found in the period and every one
    found earlier that may still be open, then :meth:`statistics`."""

    def __init__(self, period: ReportPeriod, as_of: date) -> None:
        self.period, self.as_of = period, as_of
        self._voided = 0
        self._figures: dict[str, list[int]] = {}  # name → [general, major]
        self._majors: dict[int, LedgerEntry] = {}

    def _count(self, name: str, level: int, n: int = 1) -> None:
        self._figures.setdefault(name, [0, 0])[level] += n

    def add(self, entry: LedgerEntry, *, earlier: bool = False) -> None:
        """Count ``entry``: found in the period, or (``earlier``) before it."""
        if entry.is_void:
            self._voided += 0 if earlier else 1
            return
        as_of = self.as_of
        level = 1 if entry.level is _MAJOR else 0
        if not earlier:
            self._count("found", level)
            self._count(f"category:{entry.category.value}", level)
            self._count(f"source:{entry.source.value}", level)
            if entry.closed_by(as_of):
                self._count("closed", level)
                self._count("funds", level, entry.funds_fen or 0)
            if entry.is_major:
                self._majors[entry.id] = entry
        if entry.deadline is not None and self.period.start <= entry.deadline <= min(as_of, self.period.end):
            self._count("due", level)
            if entry.closed_by(as_of) and entry.rectified_on_time:
                self._count("on_time", level)
        if entry.open_at(as_of):
            self._count("open", level)
            self._count(f"stage:{entry.stage_at(as_of).value}", level)
            if entry.found_on < self.period.start:
                self._count("carried_over", level)
            if entry.overdue_at(as_of):
                self._count("overdue", level)
            if entry.is_major:
                self._majors[entry.id] = entry

    def _by_level(self, name: str) -> ByLevel:
        general, major = self._figures.get(name, (0, 0))
        return ByLevel(general, major)

    def statistics(self, check_counts: tuple[tuple[CheckType, int], ...] = ()) -> LedgerStatistics:
        return LedgerStatistics(
            period=self.period,
            as_of=self.as_of,
            check_counts=check_counts,
            found=self._by_level("found"),
            voided=self._voided,
            by_category={c: self._by_level(f"category:{c.value}") for c in HiddenDangerCategory},
            by_source={s: self._by_level(f"source:{s.value}") for s in HiddenDangerSource},
            closed=self._by_level("closed"),
            on_time=self._by_level("on_time"),
            open_at_end=self._by_level("open"),
            carried_over=self._by_level("carried_over"),
            overdue_at_end=self._by_level("overdue"),
            by_stage={s: self._by_level(f"stage:{s.value}") for s in OPEN_STAGES},
            funds_fen=self._by_level("funds"),
            majors=tuple(sorted(self._majors.values(), key=lambda e: (e.found_on, e.number))),
            due=self._by_level("due"),
        )


def compute_statistics(data: LedgerData) -> LedgerStatistics:
    """The period's figures from the ledger data, by the definitions of this module."""
    tally = StatisticsTally(data.period, data.as_of)
    for entry in data.entries:
        tally.add(entry)
    for entry in data.earlier_open:
        tally.add(entry, earlier=True)
    return tally.statistics(data.check_counts)


# --- the figures as a table ----------------------------------------------------------------------

_C, _R = Align.CENTER, Align.RIGHT
STATISTICS_COLUMNS: tuple[Column, ...] = (
    Column("序号", 9, _C),
    Column("统计项目", 46),
    Column("一般隐患", 20, _R),
    Column("重大隐患", 20, _R),
    Column("合计", 20, _R),
    Column("统计口径", 75),
)


def _count_row(number: str, item: str, figure: ByLevel, basis: str = "") -> tuple[CellValue, ...]:
    return (number, item, figure.general, figure.major, figure.total, basis)


def _text_row(number: str, item: str, values: tuple[str, str, str], basis: str = "") -> tuple[CellValue, ...]:
    return (number, item, *values, basis)


def statistics_rows(stats: LedgerStatistics) -> tuple[tuple[CellValue, ...], ...]:
    """The figures as rows of :data:`STATISTICS_COLUMNS`, with how each is counted."""
    as_of = f"{stats.as_of.isoformat()}"
    rows: list[tuple[CellValue, ...]] = [
        _count_row("1", "本期发现隐患", stats.found, "排查日期在统计期内的隐患，不含已作废"),
    ]
    for index, category in enumerate(HiddenDangerCategory, start=1):
        rows.append(_count_row(f"1.{index}", f"其中：{category.label}", stats.by_category[category]))
    sources = [s for s in HiddenDangerSource if stats.by_source[s].total]
    for index, source in enumerate(sources, start=len(HiddenDangerCategory) + 1):
        rows.append(_count_row(f"1.{index}", f"其中：{source.label}", stats.by_source[source]))
    rows += [
        _count_row("2", "已整改销号", stats.closed, f"本期发现的隐患中，截至 {as_of} 验收销号的"),
        _text_row(
            "3",
            "整改率",
            (
                format_rate(stats.rectification_rate(_GENERAL)),
                format_rate(stats.rectification_rate(_MAJOR)),
                format_rate(stats.rectification_rate()),
            ),
            "已整改销号 ÷ 本期发现隐患（不含已作废）",
        ),
        _count_row(
            "4",
            "到期应整改",
            stats.due,
            f"整改期限在统计期内（截至 {as_of}）的隐患，含以前各期发现的，不含已作废",
        ),
        _count_row(
            "4.1", "按期整改", stats.on_time, "到期应整改的隐患中，已销号且整改完成日期不晚于整改期限的"
        ),
        _text_row(
            "5",
            "按期整改率",
            (
                format_rate(stats.on_time_rate(_GENERAL)),
                format_rate(stats.on_time_rate(_MAJOR)),
                format_rate(stats.on_time_rate()),
            ),
            "按期整改 ÷ 到期应整改（逾期未销号的计入分母）",
        ),
        _count_row(
            "6",
            "期末未销号",
            stats.open_at_end,
            f"截至 {as_of} 尚未销号的隐患（含以前各期发现的），不含已作废",
        ),
    ]
    for index, stage in enumerate(OPEN_STAGES, start=1):
        rows.append(_count_row(f"6.{index}", f"其中：{stage.label}", stats.by_stage[stage]))
    rows += [
        _count_row("6.4", "其中：以前各期发现", stats.carried_over, "排查日期早于统计期"),
        _count_row("7", "逾期未整改", stats.overdue_at_end, f"期末未销号且整改期限早于 {as_of} 的"),
        _text_row(
            "8",
            "整改资金（元）",
            (
                format_yuan(stats.funds_fen.general),
                format_yuan(stats.funds_fen.major),
                format_yuan(stats.funds_fen.total),
            ),
            "已整改销号隐患登记的整改资金",
        ),
    ]
    return tuple(rows)


RATE_DEFINITIONS = (
    "整改率 = 已整改销号 ÷ 本期发现隐患（不含已作废）；"
    "按期整改率 = 按期整改 ÷ 到期应整改（整改期限在统计期内的全部隐患，逾期未销号的也计入分母）。"
)
"""Printed under every table that shows the two rates, and on the statistics screen."""


def check_count_text(stats: LedgerStatistics) -> str:
    """排查次数 with its split by check type: "125 次（日常排查 110 次，综合排查 5 次…）"."""
    kinds = [f"{kind.label} {n} 次" for kind, n in stats.check_counts if n]
    detail = f"（{'，'.join(kinds)}）" if kinds else ""
    return f"{stats.check_count} 次{detail}"


def voided_text(stats: LedgerStatistics) -> str:
    return f"{stats.voided} 条（录入错误，已作废，不计入统计）" if stats.voided else "0 条"
