"""Duty library, the periods duty records fall due in, and training-hour rules."""

import json
from datetime import date

import pytest

from dualprev.domain.duties import (
    DueState,
    DutyRecordKind,
    LeaderRole,
    due_periods,
    parse_duty_library,
    required_annual_hours,
    void_problem,
)
from dualprev.paths import resource_path
from dualprev.reports.duty_lists import chinese_number

# 安全生产法 (2021) 第二十一条, the seven items word for word.
ARTICLE_21 = (
    "建立健全并落实本单位全员安全生产责任制，加强安全生产标准化建设",
    "组织制定并实施本单位安全生产规章制度和操作规程",
    "组织制定并实施本单位安全生产教育和培训计划",
    "保证本单位安全生产投入的有效实施",
    "组织建立并落实安全风险分级管控和隐患排查治理双重预防工作机制，督促、检查本单位的安全生产工作，及时消除生产安全事故隐患",
    "组织制定并实施本单位的生产安全事故应急救援预案",
    "及时、如实报告生产安全事故",
)


def _library_text() -> str:
    return resource_path("library", "duty_library.json").read_text(encoding="utf-8")


def test_shipped_library_has_every_role_and_article_21_verbatim() -> None:
    library = parse_duty_library(_library_text())
    assert set(library.roles) == set(LeaderRole)
    statutory = [
        d for d in library.roles[LeaderRole.PRINCIPAL] if d.source.startswith("安全生产法第二十一条")
    ]
    assert tuple(d.text for d in statutory) == ARTICLE_21
    assert [d.source[-4:] for d in statutory] == [f"（{n}）项" for n in "一二三四五六七"]
    # 安全管理人员: the seven items of 第二十五条
    assert sum(1 for d in library.roles[LeaderRole.SAFETY_MANAGER] if "第二十五条" in d.source) == 7


def test_a_library_missing_a_role_or_with_an_empty_duty_is_refused() -> None:
    data = json.loads(_library_text())
    data["roles"] = data["roles"][:-1]
    with pytest.raises(ValueError, match="employee"):
        parse_duty_library(json.dumps(data))
    data = json.loads(_library_text())
    data["roles"][0]["duties"][0]["text"] = "  "
    with pytest.raises(ValueError, match="empty duty"):
        parse_duty_library(json.dumps(data))


def test_monthly_checks_done_due_and_overdue() -> None:
    today = date(2026, 11, 20)
    periods = due_periods(DutyRecordKind.CHECK, [date(2026, 9, 3), date(2026, 9, 28)], today=today,
                          since=date(2026, 9, 1))  # fmt: skip
    assert [(p.label, p.state(today), p.done_on) for p in periods] == [
        ("2026年9月", DueState.DONE, date(2026, 9, 3)),
        ("2026年10月", DueState.OVERDUE, None),
        ("2026年11月", DueState.DUE, None),
    ]
    assert periods[1].end == date(2026, 10, 31)
    # without ``since`` a whole year back
    assert len(due_periods(DutyRecordKind.CHECK, [], today=today)) == 12


def test_half_year_drills_and_quarterly_meetings() -> None:
    today = date(2026, 7, 1)
    drills = due_periods(DutyRecordKind.DRILL, [date(2026, 6, 30)], today=today)
    assert [(p.label, p.state(today)) for p in drills] == [
        ("2026年上半年", DueState.DONE), ("2026年下半年", DueState.DUE),
    ]  # fmt: skip
    meetings = due_periods(DutyRecordKind.MEETING, [], today=date(2026, 1, 1))
    assert [p.label for p in meetings] == ["2025年第2季度", "2025年第3季度", "2025年第4季度", "2026年第1季度"]


def test_annual_hours_and_void_rules() -> None:
    assert required_annual_hours("总经理（主要负责人）") == 12
    assert required_annual_hours("安全员") == 12
    assert required_annual_hours("车工") == 8
    assert void_problem(False, "  ") == "请填写作废原因"
    assert void_problem(True, "录入错误") == "该记录已作废"
    assert void_problem(False, "录入错误") is None


def test_chinese_section_numbers() -> None:
    assert [chinese_number(n) for n in (1, 10, 11, 18, 20, 35)] == [
        "一",
        "十",
        "十一",
        "十八",
        "二十",
        "三十五",
    ]
