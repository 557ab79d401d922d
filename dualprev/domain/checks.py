"""隐患排查 vocabulary (domain.md §4): check types, frequencies, item results."""

from datetime import date, timedelta
from enum import StrEnum


class CheckType(StrEnum):
    """排查类型."""

    DAILY = "daily"
    COMPREHENSIVE = "comprehensive"
    SPECIALIST = "specialist"
    SEASONAL = "seasonal"
    HOLIDAY = "holiday"
    ACCIDENT_ANALOGY = "accident_analogy"
    TRIGGERED = "triggered"

    @property
    def label(self) -> str:
        return {
            "daily": "日常排查",
            "comprehensive": "综合排查",
            "specialist": "专业(专项)排查",
            "seasonal": "季节性排查",
            "holiday": "重大活动及节假日前排查",
            "accident_analogy": "事故类比排查",
            "triggered": "触发性排查",
        }[self.value]


class CheckFrequency(StrEnum):
    """排查频次."""

    PER_SHIFT = "per_shift"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"
    ONCE = "once"

    @property
    def label(self) -> str:
        return {
            "per_shift": "每班",
            "daily": "每天",
            "weekly": "每周",
            "monthly": "每月",
            "quarterly": "每季度",
            "half_yearly": "每半年",
            "yearly": "每年",
            "once": "一次",
        }[self.value]

    def next_due(self, after: date) -> date | None:
        """The next due date after ``after`` (a shift counts as a day); None for a one-off check."""
        match self:
            case CheckFrequency.PER_SHIFT | CheckFrequency.DAILY:
                return after + timedelta(days=1)
            case CheckFrequency.WEEKLY:
                return after + timedelta(days=7)
            case CheckFrequency.MONTHLY:
                return _add_months(after, 1)
            case CheckFrequency.QUARTERLY:
                return _add_months(after, 3)
            case CheckFrequency.HALF_YEARLY:
                return _add_months(after, 6)
            case CheckFrequency.YEARLY:
                return _add_months(after, 12)
            case _:
                return None


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


class CheckResult(StrEnum):
    """排查项结果."""

    PASS = "pass"
    FAIL = "fail"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return {"pass": "合格", "fail": "不合格", "not_applicable": "不适用"}[self.value]


class CheckTaskStatus(StrEnum):
    """排查任务状态."""

    DUE = "due"
    DONE = "done"
    MISSED = "missed"

    @property
    def label(self) -> str:
        return {"due": "待排查", "done": "已完成", "missed": "已错过"}[self.value]
