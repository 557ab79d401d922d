"""The ``*_problems`` rules give every refused field of a form at once (the ``*_problem`` is their
first), so a dialog can show all of them; pure Python, no Qt."""

from datetime import date

from dualprev.domain.checks import (
    CheckFrequency,
    CheckItemDraft,
    CheckPlanDraft,
    CheckResult,
    CheckType,
    item_problems,
    plan_problems,
    record_problem,
    record_problems,
)
from dualprev.domain.hidden_danger import (
    HiddenDangerDraft,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    LoopFacts,
    acceptance_problems,
    draft_problem,
    draft_problems,
    immediate_problems,
    post_evaluation_problems,
    rejection_problems,
    report_problems,
    start_problems,
    submit_problem,
    submit_problems,
    update_problems,
)
from dualprev.domain.organisation import enterprise_problems, person_problems

S = HiddenDangerStatus
MAJOR = HiddenDangerLevel.MAJOR
TODAY = date(2026, 11, 20)
FOUND = date(2026, 11, 10)
RECTIFIER, ACCEPTOR = 7, 9


def facts(status: HiddenDangerStatus, level: HiddenDangerLevel = HiddenDangerLevel.GENERAL) -> LoopFacts:
    return LoopFacts(status=status, level=level, found_on=FOUND, rectifier_id=RECTIFIER)


def fields(problems: list[tuple[str, str]]) -> list[str]:
    return [field for field, _message in problems]


def test_an_empty_registration_names_every_missing_field() -> None:
    empty = HiddenDangerDraft(found_on=date(2027, 3, 1), description=" ", source=HiddenDangerSource.EXTERNAL)
    problems = draft_problems(empty, TODAY)
    assert fields(problems) == [
        "description",
        "found_on",
        "location",
        "source_detail",
        "rectifier_id",
        "deadline",
    ]
    assert ("found_on", "排查日期不能晚于今天（2026-11-20）") in problems
    assert draft_problem(empty, TODAY) == problems[0]


def test_a_deadline_before_discovery_and_bad_funds_are_two_problems() -> None:
    draft = HiddenDangerDraft(found_on=FOUND, description="护栏缺失", location="二楼平台", rectifier_id=RECTIFIER,
                              deadline=date(2026, 11, 1), funds_fen=-1)  # fmt: skip
    assert draft_problems(draft, TODAY) == [
        ("deadline", "整改期限不能早于排查日期（2026-11-10）"),
        ("funds_fen", "整改资金应为 0 到 10 亿元之间的金额"),
    ]


def test_immediate_and_update_rules_list_each_field() -> None:
    major = HiddenDangerDraft(found_on=FOUND, description="x", level=MAJOR)
    assert fields(immediate_problems(major)) == ["level", "rectification_measures"]
    rectifying = LoopFacts(status=S.RECTIFYING, level=HiddenDangerLevel.GENERAL, found_on=FOUND,
                           completed_on=date(2026, 11, 12))  # fmt: skip
    late = HiddenDangerDraft(found_on=date(2026, 11, 13), description="x", level=MAJOR)
    assert fields(update_problems(rectifying, late)) == ["found_on"]
    major = LoopFacts(status=S.RECTIFYING, level=MAJOR, found_on=FOUND, completed_on=date(2026, 11, 12))
    lowered = HiddenDangerDraft(found_on=date(2026, 11, 13), description="x")
    assert fields(update_problems(major, lowered)) == ["level", "found_on"]
    assert update_problems(facts(S.CLOSED), late) == [("", "隐患已销号，不能再修改")]


def test_completion_with_no_measures_and_an_early_date_gives_both() -> None:
    problems = submit_problems(facts(S.RECTIFYING), date(2026, 11, 9), " ", TODAY)
    assert problems == [
        ("rectification_measures", "请填写采取的整改措施"),
        ("completed_on", "整改完成日期不能早于排查日期（2026-11-10）"),
    ]
    assert submit_problem(facts(S.RECTIFYING), date(2026, 11, 9), " ", TODAY) == "请填写采取的整改措施"
    # A step the status does not allow is one problem of the record, not of a field.
    assert fields(submit_problems(facts(S.PENDING), None, "", TODAY)) == [""]


def test_acceptance_lists_acceptor_conclusion_and_date() -> None:
    problems = acceptance_problems(facts(S.AWAITING_ACCEPTANCE), RECTIFIER, date(2026, 11, 21), "", TODAY)
    assert problems == [
        ("acceptor_id", "验收人不能是整改责任人本人，请另选验收人"),
        ("conclusion", "请填写验收结论"),
        ("accepted_on", "验收日期不能晚于今天（2026-11-20）"),
    ]
    assert acceptance_problems(facts(S.AWAITING_ACCEPTANCE), ACCEPTOR, TODAY, "合格", TODAY) == []


def test_the_small_steps_list_each_field() -> None:
    major = LoopFacts(status=S.AWAITING_ACCEPTANCE, level=MAJOR, found_on=FOUND, rectifier_id=RECTIFIER)
    assert fields(report_problems(major, " ", date(2026, 11, 1), TODAY)) == ["reported_to", "reported_on"]
    assert fields(post_evaluation_problems(major, "", date(2026, 12, 1), TODAY)) == ["text", "evaluated_on"]
    awaiting = facts(S.AWAITING_ACCEPTANCE)
    assert fields(rejection_problems(awaiting, "", date(2026, 11, 1))) == ["reason", "new_deadline"]
    assert fields(
        start_problems(LoopFacts(status=S.PENDING, level=MAJOR, found_on=FOUND, rectifier_id=1))
    ) == [""]


def test_check_rules_list_each_field() -> None:
    assert fields(item_problems(CheckItemDraft(content="", method="m" * 101))) == ["content", "method"]
    plan = CheckPlanDraft(
        " ", CheckType.DAILY, CheckFrequency.DAILY, date(2026, 2, 1), end_on=date(2026, 1, 1)
    )
    assert fields(plan_problems(plan)) == ["name", "end_on", "assignee_id", "item_ids"]
    results = [("灭火器", CheckResult.PASS), ("消防通道", None), ("配电箱", None)]
    problems = record_problems(date(2027, 3, 1), " ", results, TODAY)
    assert fields(problems) == ["checked_on", "checker_names", "results"]  # the first unfilled item only
    assert "第 2 项" in problems[2][1]
    assert record_problem(date(2027, 3, 1), " ", results, TODAY) == problems[0]


def test_enterprise_and_person_rules_list_each_field() -> None:
    phones = {"principal_phone": "abc", "duty_phone": "12"}
    problems = enterprise_problems("", "123", phones, 0, "a b")
    assert fields(problems) == ["name", "uscc", "principal_phone", "duty_phone", "employee_count", "code"]
    assert problems[2] == ("principal_phone", "主要负责人电话：电话号码格式不正确：abc")
    assert enterprise_problems("恒锐机械", "", {}, None, "") == []
    assert fields(person_problems(" ", "x")) == ["name", "phone"]
