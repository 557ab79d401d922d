"""隐患排查 (domain.md §4): check types, frequencies, item results, and the rules that join the two
halves of 双重预防 — check items made from control measures, how often each tier checks a risk of
each level (an editable table), plans and the tasks they produce, and what a recorded check needs."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from dualprev.domain.risk import ControlMeasureCategory, ControlTier, RiskLevel
from dualprev.domain.validation import FieldProblem, first_problem


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


# --- frequencies by risk level and control tier (editable table) ---------------------------------

_FREQUENCY_ORDER = tuple(CheckFrequency)
"""From the most to the least frequent; ONCE, a one-off check, counts as the least frequent."""


def frequency_rank(frequency: CheckFrequency) -> int:
    """0 for 每班, growing as checks become rarer (每年 6, 一次 7)."""
    return _FREQUENCY_ORDER.index(frequency)


def at_least_as_often(frequency: CheckFrequency, required: CheckFrequency) -> bool:
    """Whether checking at ``frequency`` satisfies a requirement of ``required``."""
    return frequency_rank(frequency) <= frequency_rank(required)


def most_frequent(frequencies: Iterable[CheckFrequency | None]) -> CheckFrequency | None:
    known = [f for f in frequencies if f is not None]
    return min(known, key=frequency_rank) if known else None


DEFAULT_FREQUENCY_BY_TIER: dict[ControlTier, CheckFrequency] = {
    ControlTier.COMPANY: CheckFrequency.QUARTERLY,
    ControlTier.WORKSHOP: CheckFrequency.MONTHLY,
    ControlTier.TEAM: CheckFrequency.WEEKLY,
    ControlTier.POST: CheckFrequency.PER_SHIFT,
}
"""domain.md §4 defaults for a small 工贸 plant: 岗位 every shift, 班组 weekly, 车间 monthly,
公司 综合 quarterly."""

_MAJOR_FREQUENCY: dict[ControlTier, CheckFrequency] = {
    ControlTier.COMPANY: CheckFrequency.MONTHLY,
    ControlTier.WORKSHOP: CheckFrequency.WEEKLY,
    ControlTier.TEAM: CheckFrequency.DAILY,
    ControlTier.POST: CheckFrequency.PER_SHIFT,
}
"""A 重大风险 is watched more closely at every tier (checked monthly even at company level)."""

DEFAULT_FREQUENCY_TABLE: dict[tuple[RiskLevel, ControlTier], CheckFrequency] = {
    (level, tier): (_MAJOR_FREQUENCY if level is RiskLevel.MAJOR else DEFAULT_FREQUENCY_BY_TIER)[tier]
    for level in RiskLevel
    for tier in ControlTier
}


@dataclass(frozen=True)
class FrequencyTable:
    """How often each tier checks the control of a risk of each level (排查频次表).

    A tier checks an item only when it watches the item's control tier: a 公司级 item is checked by
    公司, 车间, 班组 and 岗位; a 班组级 item by 班组 and 岗位 (domain.md §3.5).
    """

    entries: Mapping[tuple[RiskLevel, ControlTier], CheckFrequency] = field(
        default_factory=lambda: dict(DEFAULT_FREQUENCY_TABLE)
    )

    def frequency(self, level: RiskLevel | None, tier: ControlTier) -> CheckFrequency:
        """The frequency at ``tier`` for ``level`` (an unevaluated risk counts as 低风险)."""
        key = (level or RiskLevel.LOW, tier)
        return self.entries.get(key, DEFAULT_FREQUENCY_TABLE[key])

    def required(
        self, level: RiskLevel | None, item_tier: ControlTier | None, at_tier: ControlTier
    ) -> CheckFrequency | None:
        """How often ``at_tier`` must check an item controlled at ``item_tier``; None when that tier
        does not watch it. An item without a tier is watched by every tier."""
        if item_tier is not None and at_tier not in item_tier.tiers_watching():
            return None
        return self.frequency(level, at_tier)

    def with_frequency(
        self, level: RiskLevel, tier: ControlTier, frequency: CheckFrequency
    ) -> "FrequencyTable":
        entries = dict(self.entries)
        entries[(level, tier)] = frequency
        return FrequencyTable(entries)

    def to_setting(self) -> dict[str, dict[str, str]]:
        """JSON form: ``{"1": {"company": "monthly", ...}, ...}`` (level number → tier → frequency)."""
        return {
            str(int(level)): {tier.value: self.frequency(level, tier).value for tier in ControlTier}
            for level in RiskLevel
        }


DEFAULT_CHECK_TYPE_BY_TIER: dict[ControlTier, CheckType] = {
    ControlTier.COMPANY: CheckType.COMPREHENSIVE,
    ControlTier.WORKSHOP: CheckType.COMPREHENSIVE,
    ControlTier.TEAM: CheckType.DAILY,
    ControlTier.POST: CheckType.DAILY,
}
"""岗位 and 班组 checks are 日常排查 (岗位/交接班/巡回); 车间 and 公司 checks are 综合排查."""

CHECK_METHOD_BY_CATEGORY: dict[ControlMeasureCategory, str] = {
    ControlMeasureCategory.ENGINEERING: "现场查看、试验",
    ControlMeasureCategory.MANAGEMENT: "查阅记录、现场核实",
    ControlMeasureCategory.TRAINING: "查阅培训档案、现场抽问",
    ControlMeasureCategory.PPE: "现场查看",
    ControlMeasureCategory.EMERGENCY: "查看应急器材、查阅演练记录、现场抽问",
}

CHECK_STANDARD_BY_CATEGORY: dict[ControlMeasureCategory, str] = {
    ControlMeasureCategory.ENGINEERING: "设施齐全完好、功能有效，无拆除、短接或失效",
    ControlMeasureCategory.MANAGEMENT: "制度和规程有效执行，记录齐全、真实",
    ControlMeasureCategory.TRAINING: "培训记录齐全，人员考核合格，能说出岗位风险和防范措施",
    ControlMeasureCategory.PPE: "按规定配备并正确佩戴，防护用品完好、在有效期内",
    ControlMeasureCategory.EMERGENCY: "应急器材完好有效，人员熟悉处置程序",
}
"""What a check of a measure of each category looks for, when the hazard names no standard."""


# --- check items -----------------------------------------------------------------------------------

MAX_ITEM_CONTENT = 500
MAX_ITEM_METHOD = 100


@dataclass(frozen=True)
class MeasureFacts:
    """What a check item generated from one control measure is made of."""

    content: str
    category: ControlMeasureCategory
    measure_tier: ControlTier | None = None
    hazard_tier: ControlTier | None = None
    level: RiskLevel | None = None
    hazard_standard: str = ""


@dataclass(frozen=True)
class CheckItemDraft:
    """An 排查项 as the user edits it (排查内容, 标准/依据, 方法, type, tier, frequency)."""

    content: str
    standard: str = ""
    method: str = ""
    check_type: CheckType | None = None
    control_tier: ControlTier | None = None
    frequency: CheckFrequency | None = None
    risk_point_id: int | None = None
    is_active: bool = True


def item_tier(facts: MeasureFacts, tier_by_level: Mapping[RiskLevel, ControlTier]) -> ControlTier:
    """The tier controlling a measure: its own, else its hazard's, else the level's default tier."""
    return (
        facts.measure_tier
        or facts.hazard_tier
        or tier_by_level.get(facts.level or RiskLevel.LOW, ControlTier.TEAM)
    )


def item_from_measure(
    facts: MeasureFacts, tier_by_level: Mapping[RiskLevel, ControlTier], table: FrequencyTable
) -> CheckItemDraft:
    """The check item that verifies one existing control measure.

    排查内容 is the measure itself; the standard is the hazard's SCL standard for an engineering
    measure, otherwise the category's; the frequency is the table's at the item's own tier.
    """
    tier = item_tier(facts, tier_by_level)
    standard = (
        facts.hazard_standard.strip()
        if facts.hazard_standard.strip() and facts.category is ControlMeasureCategory.ENGINEERING
        else CHECK_STANDARD_BY_CATEGORY[facts.category]
    )
    return CheckItemDraft(
        content=facts.content.strip(),
        standard=standard,
        method=CHECK_METHOD_BY_CATEGORY[facts.category],
        check_type=DEFAULT_CHECK_TYPE_BY_TIER[tier],
        control_tier=tier,
        frequency=table.frequency(facts.level, tier),
    )


def item_problems(draft: CheckItemDraft) -> list[FieldProblem]:
    """Every field of an item that is not acceptable, as ``(field, message)``."""
    problems: list[FieldProblem] = []
    content = draft.content.strip()
    if not content:
        problems.append(("content", "请填写排查内容"))
    elif len(content) > MAX_ITEM_CONTENT:
        problems.append(("content", f"排查内容不能超过{MAX_ITEM_CONTENT}个字"))
    if len(draft.method.strip()) > MAX_ITEM_METHOD:
        problems.append(("method", f"排查方法不能超过{MAX_ITEM_METHOD}个字"))
    return problems


def item_problem(draft: CheckItemDraft) -> FieldProblem | None:
    """The first of :func:`item_problems`, or None."""
    return first_problem(item_problems(draft))


# --- check plans -------------------------------------------------------------------------------------

MAX_PLAN_NAME = 200


@dataclass(frozen=True)
class CheckPlanDraft:
    """排查计划: who checks which items, how often, from when."""

    name: str
    check_type: CheckType
    frequency: CheckFrequency
    start_on: date
    control_tier: ControlTier | None = None
    end_on: date | None = None
    department_id: int | None = None
    area_id: int | None = None
    assignee_id: int | None = None
    is_active: bool = True
    note: str = ""
    item_ids: tuple[int, ...] = ()


def plan_problems(draft: CheckPlanDraft) -> list[FieldProblem]:
    """Every field of a plan that is not acceptable, as ``(field, message)``."""
    problems: list[FieldProblem] = []
    name = draft.name.strip()
    if not name:
        problems.append(("name", "请填写计划名称"))
    elif len(name) > MAX_PLAN_NAME:
        problems.append(("name", f"计划名称不能超过{MAX_PLAN_NAME}个字"))
    if draft.end_on is not None and draft.end_on < draft.start_on:
        problems.append(("end_on", f"结束日期不能早于开始日期（{draft.start_on.isoformat()}）"))
    if draft.assignee_id is None:
        problems.append(("assignee_id", "请指定负责排查的人员"))
    if not draft.item_ids:
        problems.append(("item_ids", "请至少选择一个排查项"))
    return problems


def plan_problem(draft: CheckPlanDraft) -> FieldProblem | None:
    """The first of :func:`plan_problems`, or None."""
    return first_problem(plan_problems(draft))


def plan_frequency_gaps(plan_frequency: CheckFrequency, required: Iterable[CheckFrequency | None]) -> int:
    """How many items of a plan need checking more often than the plan does."""
    return sum(1 for r in required if r is not None and not at_least_as_often(plan_frequency, r))


# --- tasks -------------------------------------------------------------------------------------------


def occurrence(frequency: CheckFrequency, start_on: date, index: int) -> date | None:
    """Due date of a plan's ``index``-th task (0 is the start date); None past a one-off check.

    Every occurrence is counted from the start date, so a plan starting on the 31st stays on the
    last day of short months instead of drifting to the 28th.
    """
    match frequency:
        case CheckFrequency.PER_SHIFT | CheckFrequency.DAILY:
            return start_on + timedelta(days=index)
        case CheckFrequency.WEEKLY:
            return start_on + timedelta(days=7 * index)
        case CheckFrequency.MONTHLY:
            return _add_months(start_on, index)
        case CheckFrequency.QUARTERLY:
            return _add_months(start_on, 3 * index)
        case CheckFrequency.HALF_YEARLY:
            return _add_months(start_on, 6 * index)
        case CheckFrequency.YEARLY:
            return _add_months(start_on, 12 * index)
    return start_on if index == 0 else None


MAX_NEW_TASKS_PER_PLAN = 2000
"""A guard against a plan dated decades back; a daily plan for five years is still under it."""


def schedule(
    frequency: CheckFrequency,
    start_on: date,
    end_on: date | None,
    existing: Sequence[date],
    today: date,
) -> list[tuple[date, CheckTaskStatus]]:
    """The tasks a plan still needs up to ``today``: every occurrence after its latest task, up to
    and including the current one (the first due on or after today).

    A task whose next occurrence is already due is 已错过 (a daily check not done yesterday cannot
    be done any more); one whose next occurrence is still ahead stays 待排查, overdue if its day has
    passed. A plan without any task yet starts with its current occurrence: the checks before it
    were never asked for, so nothing is reported missed or overdue.
    """
    last = max(existing) if existing else None
    if last is not None and last >= today:
        return []
    dues: list[date] = []
    index = 0
    while len(dues) < MAX_NEW_TASKS_PER_PLAN:
        due = occurrence(frequency, start_on, index)
        index += 1
        if due is None or (end_on is not None and due > end_on):
            break
        if (last is not None and due <= last) or (last is None and due < today):
            continue
        dues.append(due)
        if due >= today:
            break
    result: list[tuple[date, CheckTaskStatus]] = []
    for position, due in enumerate(dues):
        following = dues[position + 1] if position + 1 < len(dues) else None
        status = (
            CheckTaskStatus.MISSED if following is not None and following <= today else CheckTaskStatus.DUE
        )
        result.append((due, status))
    return result


def superseded(dues: Iterable[date], today: date) -> set[date]:
    """The due dates followed by a later one that is already due (those tasks are 已错过)."""
    ordered = sorted(set(dues))
    latest_due = max((d for d in ordered if d <= today), default=None)
    return {d for d in ordered if latest_due is not None and d < latest_due}


def is_task_overdue(status: CheckTaskStatus, due_on: date, today: date) -> bool:
    """逾期未查: still 待排查 after its day."""
    return status is CheckTaskStatus.DUE and due_on < today


# --- recording a check -------------------------------------------------------------------------------

MAX_CHECKERS = 200
MAX_REMARK = 1000


def record_problems(
    checked_on: date, checker_names: str, results: Sequence[tuple[str, CheckResult | None]], today: date
) -> list[FieldProblem]:
    """Why a check cannot be recorded as entered (items as ``(text, result)``): the date, the
    checkers and the first item that is not filled in, each as ``(field, message)``."""
    problems: list[FieldProblem] = []
    if checked_on > today:
        problems.append(("checked_on", f"排查日期不能晚于今天（{today.isoformat()}）"))
    names = checker_names.strip()
    if not names:
        problems.append(("checker_names", "请填写排查人"))
    elif len(names) > MAX_CHECKERS:
        problems.append(("checker_names", f"排查人不能超过{MAX_CHECKERS}个字"))
    if not results:
        problems.append(("results", "没有排查项，请先选择要检查的内容"))
    for number, (text, result) in enumerate(results, start=1):
        if not text.strip():
            problems.append(("results", f"第 {number} 项没有排查内容"))
            break
        if result is None:
            problems.append(
                ("results", f"第 {number} 项“{_short(text)}”还没有填写结果（合格/不合格/不适用）")
            )
            break
    return problems


def record_problem(
    checked_on: date, checker_names: str, results: Sequence[tuple[str, CheckResult | None]], today: date
) -> FieldProblem | None:
    """The first of :func:`record_problems`, or None."""
    return first_problem(record_problems(checked_on, checker_names, results, today))


def _short(text: str, length: int = 20) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def record_summary(results: Sequence[CheckResult], danger_numbers: Sequence[str]) -> str:
    """共检查 N 项：合格 a 项，不合格 b 项（登记隐患 …），不适用 c 项."""
    counts = {r: sum(1 for x in results if x is r) for r in CheckResult}
    text = (
        f"共检查 {len(results)} 项：合格 {counts[CheckResult.PASS]} 项，不合格 {counts[CheckResult.FAIL]} 项"
    )
    if danger_numbers:
        text += f"（已登记隐患 {'、'.join(danger_numbers)}）"
    if counts[CheckResult.NOT_APPLICABLE]:
        text += f"，不适用 {counts[CheckResult.NOT_APPLICABLE]} 项"
    return text + "。"
