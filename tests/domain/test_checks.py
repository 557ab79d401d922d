"""隐患排查 rules: frequencies by level and tier, items from measures, plans, task schedules, records."""

import json
from datetime import date

import pytest

from dualprev.domain import settings
from dualprev.domain.checks import (
    DEFAULT_FREQUENCY_TABLE,
    CheckFrequency,
    CheckItemDraft,
    CheckPlanDraft,
    CheckResult,
    CheckTaskStatus,
    CheckType,
    FrequencyTable,
    MeasureFacts,
    at_least_as_often,
    is_task_overdue,
    item_from_measure,
    item_problem,
    most_frequent,
    occurrence,
    plan_frequency_gaps,
    plan_problem,
    record_problem,
    record_summary,
    schedule,
    superseded,
)
from dualprev.domain.risk import DEFAULT_TIER_BY_LEVEL, ControlMeasureCategory, ControlTier, RiskLevel

F = CheckFrequency
DUE, MISSED = CheckTaskStatus.DUE, CheckTaskStatus.MISSED


# --- frequency table -----------------------------------------------------------------------------


def test_default_table_follows_domain_md_and_watches_major_risks_closer() -> None:
    table = FrequencyTable()
    for level in (RiskLevel.SIGNIFICANT, RiskLevel.GENERAL, RiskLevel.LOW):
        assert [table.frequency(level, t) for t in ControlTier] == [
            F.QUARTERLY,
            F.MONTHLY,
            F.WEEKLY,
            F.PER_SHIFT,
        ]
    # The example: a 重大风险 item is checked every shift at post level, monthly at company level.
    assert table.frequency(RiskLevel.MAJOR, ControlTier.POST) is F.PER_SHIFT
    assert table.frequency(RiskLevel.MAJOR, ControlTier.COMPANY) is F.MONTHLY
    assert table.frequency(None, ControlTier.WORKSHOP) is F.MONTHLY  # unevaluated counts as 低风险


def test_a_tier_only_checks_what_it_watches() -> None:
    table = FrequencyTable()
    # A 班组级 item is watched by 班组 and 岗位, not by 车间 or 公司.
    assert table.required(RiskLevel.LOW, ControlTier.TEAM, ControlTier.COMPANY) is None
    assert table.required(RiskLevel.LOW, ControlTier.TEAM, ControlTier.WORKSHOP) is None
    assert table.required(RiskLevel.LOW, ControlTier.TEAM, ControlTier.TEAM) is F.WEEKLY
    # A 公司级 item is watched all the way down.
    assert table.required(RiskLevel.MAJOR, ControlTier.COMPANY, ControlTier.TEAM) is F.DAILY
    assert table.required(RiskLevel.GENERAL, None, ControlTier.COMPANY) is F.QUARTERLY


def test_table_round_trips_through_its_setting_and_damage_is_reported() -> None:
    table = FrequencyTable().with_frequency(RiskLevel.GENERAL, ControlTier.TEAM, F.DAILY)
    stored = settings.encode(settings.CHECK_FREQUENCY, table)
    assert json.loads(stored)["3"]["team"] == "daily" and json.loads(stored)["1"]["company"] == "monthly"
    assert settings.decode(settings.CHECK_FREQUENCY, stored) == table
    partial = settings.decode(settings.CHECK_FREQUENCY, '{"3": {"post": "daily"}}')
    assert partial.frequency(RiskLevel.GENERAL, ControlTier.POST) is F.DAILY
    assert (
        partial.frequency(RiskLevel.GENERAL, ControlTier.TEAM)
        is DEFAULT_FREQUENCY_TABLE[(RiskLevel.GENERAL, ControlTier.TEAM)]
    )  # what is left out keeps its default
    for damaged in ('{"3": {"team": "hourly"}}', '{"9": {"team": "daily"}}', '{"x": "nonsense"}', "[]"):
        with pytest.raises(settings.InvalidSetting):
            settings.decode(settings.CHECK_FREQUENCY, damaged)


def test_frequency_order() -> None:
    assert at_least_as_often(F.PER_SHIFT, F.DAILY) and at_least_as_often(F.MONTHLY, F.MONTHLY)
    assert not at_least_as_often(F.QUARTERLY, F.MONTHLY)
    assert most_frequent([F.MONTHLY, None, F.WEEKLY, F.YEARLY]) is F.WEEKLY
    assert most_frequent([]) is None
    assert plan_frequency_gaps(F.QUARTERLY, [F.MONTHLY, F.QUARTERLY, None, F.WEEKLY]) == 2


# --- items ---------------------------------------------------------------------------------------


def test_item_from_an_engineering_measure_uses_the_hazard_standard_and_its_tier() -> None:
    facts = MeasureFacts(
        content=" 卡盘加装防护罩并与主轴联锁 ",
        category=ControlMeasureCategory.ENGINEERING,
        hazard_tier=ControlTier.COMPANY,
        level=RiskLevel.MAJOR,
        hazard_standard="防护罩齐全完好",
    )
    item = item_from_measure(facts, DEFAULT_TIER_BY_LEVEL, FrequencyTable())
    assert item == CheckItemDraft(
        content="卡盘加装防护罩并与主轴联锁",
        standard="防护罩齐全完好",
        method="现场查看、试验",
        check_type=CheckType.COMPREHENSIVE,
        control_tier=ControlTier.COMPANY,
        frequency=F.MONTHLY,
    )


def test_item_tier_falls_back_from_measure_to_hazard_to_level() -> None:
    table = FrequencyTable()
    management = MeasureFacts("执行点检制度", ControlMeasureCategory.MANAGEMENT, level=RiskLevel.LOW,
                              hazard_standard="点检表齐全")  # fmt: skip
    item = item_from_measure(management, DEFAULT_TIER_BY_LEVEL, table)
    assert item.control_tier is ControlTier.TEAM and item.check_type is CheckType.DAILY
    assert item.frequency is F.WEEKLY
    assert (
        item.standard == "制度和规程有效执行，记录齐全、真实"
    )  # not the SCL standard: it is no engineering measure
    own = MeasureFacts("戴护目镜", ControlMeasureCategory.PPE, measure_tier=ControlTier.POST,
                       hazard_tier=ControlTier.WORKSHOP, level=RiskLevel.GENERAL)  # fmt: skip
    assert item_from_measure(own, DEFAULT_TIER_BY_LEVEL, table).control_tier is ControlTier.POST


def test_item_problems() -> None:
    assert item_problem(CheckItemDraft(content="  ")) == ("content", "请填写排查内容")
    assert item_problem(CheckItemDraft(content="x" * 501))[0] == "content"  # type: ignore[index]
    assert item_problem(CheckItemDraft(content="灭火器", method="m" * 101))[0] == "method"  # type: ignore[index]
    assert item_problem(CheckItemDraft(content="灭火器在有效期内")) is None


def test_plan_problems() -> None:
    plan = CheckPlanDraft(
        "月度检查", CheckType.COMPREHENSIVE, F.MONTHLY, date(2026, 1, 1), assignee_id=1, item_ids=(1,)
    )
    assert plan_problem(plan) is None
    assert plan_problem(CheckPlanDraft(" ", CheckType.DAILY, F.DAILY, date(2026, 1, 1)))[0] == "name"  # type: ignore[index]
    late = CheckPlanDraft("x", CheckType.DAILY, F.DAILY, date(2026, 2, 1), end_on=date(2026, 1, 1), assignee_id=1,
                          item_ids=(1,))  # fmt: skip
    assert plan_problem(late) == ("end_on", "结束日期不能早于开始日期（2026-02-01）")
    nobody = CheckPlanDraft("x", CheckType.DAILY, F.DAILY, date(2026, 1, 1), item_ids=(1,))
    assert plan_problem(nobody)[0] == "assignee_id"  # type: ignore[index]
    empty = CheckPlanDraft("x", CheckType.DAILY, F.DAILY, date(2026, 1, 1), assignee_id=1)
    assert plan_problem(empty) == ("item_ids", "请至少选择一个排查项")


# --- schedules -----------------------------------------------------------------------------------


def test_occurrences_are_counted_from_the_start_without_drift() -> None:
    assert [occurrence(F.MONTHLY, date(2026, 1, 31), k) for k in range(4)] == [
        date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30),
    ]  # fmt: skip
    assert occurrence(F.WEEKLY, date(2026, 11, 2), 2) == date(2026, 11, 16)
    assert occurrence(F.QUARTERLY, date(2026, 11, 30), 1) == date(2027, 2, 28)
    assert occurrence(F.HALF_YEARLY, date(2026, 1, 15), 1) == date(2026, 7, 15)
    assert occurrence(F.YEARLY, date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert occurrence(F.ONCE, date(2026, 5, 1), 0) == date(2026, 5, 1)
    assert occurrence(F.ONCE, date(2026, 5, 1), 1) is None


def test_a_new_plan_starts_with_its_current_task_only() -> None:
    today = date(2026, 6, 15)
    assert schedule(F.MONTHLY, date(2026, 1, 1), None, [], today) == [(date(2026, 7, 1), DUE)]
    assert schedule(F.DAILY, date(2026, 1, 1), None, [], today) == [(today, DUE)]
    assert schedule(F.WEEKLY, date(2026, 7, 1), None, [], today) == [(date(2026, 7, 1), DUE)]  # starts later
    assert schedule(F.MONTHLY, date(2026, 1, 1), date(2026, 5, 31), [], today) == []  # already ended


def test_gaps_since_the_last_task_are_filled_and_superseded_ones_missed() -> None:
    today = date(2026, 11, 29)
    daily = schedule(F.PER_SHIFT, date(2026, 8, 1), None, [date(2026, 11, 26)], today)
    assert daily == [(date(2026, 11, 27), MISSED), (date(2026, 11, 28), MISSED), (today, DUE)]
    weekly = schedule(F.WEEKLY, date(2026, 8, 1), None, [date(2026, 11, 21)], today)
    # The check due yesterday can still be done this week: overdue, not missed; next week's is the current one.
    assert weekly == [(date(2026, 11, 28), DUE), (date(2026, 12, 5), DUE)]
    assert schedule(F.WEEKLY, date(2026, 8, 1), None, [date(2026, 12, 5)], today) == []
    assert schedule(F.ONCE, date(2026, 8, 1), None, [date(2026, 8, 1)], today) == []


def test_superseded_and_overdue() -> None:
    today = date(2026, 11, 29)
    dues = [date(2026, 11, 21), date(2026, 11, 28), date(2026, 12, 5)]
    assert superseded(dues, today) == {date(2026, 11, 21)}
    assert superseded([date(2026, 12, 5)], today) == set()
    assert is_task_overdue(DUE, date(2026, 11, 28), today)
    assert not is_task_overdue(DUE, today, today)
    assert not is_task_overdue(CheckTaskStatus.DONE, date(2026, 11, 1), today)


# --- recording -----------------------------------------------------------------------------------


def test_record_problems_name_the_item() -> None:
    today = date(2026, 11, 29)
    ok = [("防护罩完好", CheckResult.PASS)]
    assert record_problem(today, "吴志强", ok, today) is None
    assert record_problem(date(2026, 11, 30), "吴志强", ok, today)[0] == "checked_on"  # type: ignore[index]
    assert record_problem(today, " ", ok, today) == ("checker_names", "请填写排查人")
    assert record_problem(today, "吴志强", [], today)[0] == "results"  # type: ignore[index]
    unticked = [
        ("防护罩完好", CheckResult.PASS),
        ("急停按钮有效，按下后设备立即停止运转并发出声光报警", None),
    ]
    assert record_problem(today, "吴志强", unticked, today) == (
        "results", "第 2 项“急停按钮有效，按下后设备立即停止运转并…”还没有填写结果（合格/不合格/不适用）",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("results", "numbers", "text"),
    [
        ([CheckResult.PASS] * 3, [], "共检查 3 项：合格 3 项，不合格 0 项。"),
        (
            [CheckResult.PASS, CheckResult.FAIL, CheckResult.NOT_APPLICABLE],
            ["YH-2026-0037"],
            "共检查 3 项：合格 1 项，不合格 1 项（已登记隐患 YH-2026-0037），不适用 1 项。",
        ),
    ],
)
def test_record_summary(results: list[CheckResult], numbers: list[str], text: str) -> None:
    assert record_summary(results, numbers) == text
