from datetime import date

import pytest

from dualprev.domain.hidden_danger import (
    HiddenDangerLevel,
    HiddenDangerStatus,
    can_transition,
    format_number,
    is_overdue,
    missing_plan_items,
)

S = HiddenDangerStatus
GENERAL = HiddenDangerLevel.GENERAL
MAJOR = HiddenDangerLevel.MAJOR


def test_status_labels() -> None:
    assert [s.label for s in S] == ["待整改", "整改中", "待验收", "已销号", "已作废"]


def test_closed_loop() -> None:
    assert can_transition(S.PENDING, S.RECTIFYING, GENERAL)
    assert can_transition(S.RECTIFYING, S.AWAITING_ACCEPTANCE, GENERAL)
    assert can_transition(S.AWAITING_ACCEPTANCE, S.CLOSED, GENERAL)
    assert can_transition(S.AWAITING_ACCEPTANCE, S.RECTIFYING, GENERAL)  # 验收不通过


def test_cannot_close_without_acceptance_or_reopen() -> None:
    assert not can_transition(S.PENDING, S.CLOSED, GENERAL)
    assert not can_transition(S.RECTIFYING, S.CLOSED, GENERAL)
    assert not can_transition(S.CLOSED, S.RECTIFYING, GENERAL)
    assert not can_transition(S.VOID, S.PENDING, GENERAL)


def test_immediate_rectification_only_for_general() -> None:
    assert can_transition(S.PENDING, S.AWAITING_ACCEPTANCE, GENERAL)
    assert not can_transition(S.PENDING, S.AWAITING_ACCEPTANCE, MAJOR)


def test_overdue_is_derived() -> None:
    today = date(2026, 11, 22)
    assert is_overdue(S.RECTIFYING, date(2026, 11, 21), today)
    assert not is_overdue(S.RECTIFYING, date(2026, 11, 22), today)
    assert not is_overdue(S.CLOSED, date(2026, 1, 1), today)
    assert not is_overdue(S.VOID, date(2026, 1, 1), today)
    assert not is_overdue(S.PENDING, None, today)


def test_major_plan_needs_all_six_items() -> None:
    full = {
        "goal_and_tasks": "a", "methods_and_measures": "b", "funds_and_materials": "c",
        "organisation_and_people": "d", "timeline_and_requirements": "e", "safety_and_emergency": "f",
    }  # fmt: skip
    assert missing_plan_items(full) == []
    assert missing_plan_items({**full, "funds_and_materials": "  "}) == ["经费和物资"]


def test_number_format() -> None:
    assert format_number(2026, 1) == "YH-2026-0001"
    assert format_number(2026, 123, prefix="ZG") == "ZG-2026-0123"
    with pytest.raises(ValueError):
        format_number(2026, 0)
