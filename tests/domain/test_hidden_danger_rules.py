"""The closed loop's rules (domain.md §8.1), without Qt or a database."""

from dataclasses import replace
from datetime import date

import pytest

from dualprev.domain.hidden_danger import (
    REMEDIATION_PLAN_ITEMS,
    HiddenDangerDraft,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    LoopFacts,
    OwnerTier,
    PhotoStage,
    acceptance_precondition_problem,
    acceptance_problem,
    days_left,
    draft_problem,
    immediate_problem,
    is_due_soon,
    photo_problem,
    plan_problem,
    post_evaluation_problem,
    rejection_problem,
    report_problem,
    start_precondition_problem,
    start_problem,
    submit_problem,
    suggest_deadline,
    transition_problem,
    update_problem,
    void_problem,
)

S = HiddenDangerStatus
GENERAL, MAJOR = HiddenDangerLevel.GENERAL, HiddenDangerLevel.MAJOR
TODAY = date(2026, 11, 20)
FOUND = date(2026, 11, 10)
RECTIFIER, ACCEPTOR = 7, 9
FULL_PLAN = {key: f"{label}内容" for key, label in REMEDIATION_PLAN_ITEMS}

DRAFT = HiddenDangerDraft(
    found_on=FOUND,
    description="3号压力机光电保护装置失效",
    location="冲压车间3号压力机",
    rectifier_id=RECTIFIER,
    deadline=date(2026, 11, 17),
)


def facts(status: HiddenDangerStatus, level: HiddenDangerLevel = GENERAL, **kw: object) -> LoopFacts:
    values: dict[str, object] = {"found_on": FOUND, "rectifier_id": RECTIFIER}
    values.update(kw)
    return LoopFacts(status=status, level=level, **values)  # type: ignore[arg-type]


# --- transitions ---------------------------------------------------------------------------------


def test_closing_without_acceptance_is_refused_with_a_reason() -> None:
    for current in (S.PENDING, S.RECTIFYING):
        problem = transition_problem(current, S.CLOSED, GENERAL)
        assert problem is not None and "验收" in problem
    assert transition_problem(S.AWAITING_ACCEPTANCE, S.CLOSED, GENERAL) is None


def test_finished_records_cannot_move() -> None:
    assert transition_problem(S.CLOSED, S.RECTIFYING, GENERAL) == "隐患已销号，不能再变更状态"
    assert transition_problem(S.VOID, S.PENDING, GENERAL) == "隐患已作废，不能再变更状态"


def test_major_cannot_take_the_immediate_shortcut() -> None:
    assert transition_problem(S.PENDING, S.AWAITING_ACCEPTANCE, GENERAL) is None
    assert "重大隐患" in (transition_problem(S.PENDING, S.AWAITING_ACCEPTANCE, MAJOR) or "")


# --- registration --------------------------------------------------------------------------------


def test_a_complete_draft_passes() -> None:
    assert draft_problem(DRAFT, TODAY) is None


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"description": "  "}, "description", "隐患描述"),
        ({"found_on": date(2026, 11, 21)}, "found_on", "不能晚于今天"),
        ({"location": ""}, "location", "部位"),
        ({"rectifier_id": None}, "rectifier_id", "整改责任人"),
        ({"deadline": None}, "deadline", "整改期限"),
        ({"deadline": date(2026, 11, 9)}, "deadline", "不能早于排查日期"),
        ({"funds_fen": -1}, "funds_fen", "整改资金"),
        ({"source": HiddenDangerSource.CHECK}, "check_record_id", "排查记录"),
        ({"source": HiddenDangerSource.EXTERNAL}, "source_detail", "检查单位"),
        ({"source": HiddenDangerSource.WORKER_REPORT}, "finder_names", "报告人"),
    ],
)
def test_draft_problems_name_the_field(change: dict[str, object], field: str, words: str) -> None:
    problem = draft_problem(replace(DRAFT, **change), TODAY)  # type: ignore[arg-type]
    assert problem is not None
    assert problem[0] == field and words in problem[1]


def test_a_place_may_be_an_area_or_risk_point_instead_of_a_location() -> None:
    assert draft_problem(replace(DRAFT, location="", area_id=3), TODAY) is None
    assert draft_problem(replace(DRAFT, location="", risk_point_id=4), TODAY) is None


def test_immediate_rectification_needs_a_general_danger_and_its_measures() -> None:
    assert immediate_problem(replace(DRAFT, rectification_measures="当场更换")) is None
    assert immediate_problem(DRAFT) == ("rectification_measures", "立即整改时请填写现场采取的整改措施")
    field, message = immediate_problem(replace(DRAFT, level=MAJOR, rectification_measures="x")) or ("", "")
    assert field == "level" and "重大隐患" in message


def test_level_can_be_raised_at_any_open_status_and_closed_records_are_final() -> None:
    assert update_problem(facts(S.PENDING), replace(DRAFT, level=MAJOR)) is None
    for status in (S.RECTIFYING, S.AWAITING_ACCEPTANCE):
        assert update_problem(facts(status), replace(DRAFT, level=MAJOR)) is None
    assert update_problem(facts(S.RECTIFYING), DRAFT) is None
    problem = update_problem(facts(S.CLOSED), DRAFT)
    assert problem is not None and "不能再修改" in problem[1]


# --- 重大隐患: plan first ---------------------------------------------------------------------------


def test_major_cannot_start_without_its_plan() -> None:
    problem = start_problem(facts(S.PENDING, MAJOR, interim_measures="停用"))
    assert problem is not None and problem.startswith("重大隐患须先制定治理方案（五到位），尚缺：")
    assert "目标和任务" in problem and "安全措施和应急预案" in problem
    partial = {**FULL_PLAN, "funds_and_materials": " "}
    assert start_problem(facts(S.PENDING, MAJOR, interim_measures="停用", plan=partial)) == (
        "重大隐患须先制定治理方案（五到位），尚缺：经费和物资"
    )


def test_major_needs_interim_measures_to_start() -> None:
    assert (
        start_problem(facts(S.PENDING, MAJOR, plan=FULL_PLAN))
        == "重大隐患整改期间须落实临时管控措施，请先填写"
    )
    assert start_problem(facts(S.PENDING, MAJOR, plan=FULL_PLAN, interim_measures="停用喷漆房")) is None


def test_general_starts_with_a_rectifier() -> None:
    assert start_problem(facts(S.PENDING)) is None
    assert start_problem(facts(S.PENDING, rectifier_id=None)) == "请先指定整改责任人"
    assert start_problem(facts(S.RECTIFYING)) is not None


def test_plan_may_be_a_draft_only_until_work_starts() -> None:
    draft = {"goal_and_tasks": "消除隐患"}
    assert plan_problem(facts(S.PENDING, MAJOR), draft) is None
    problem = plan_problem(facts(S.RECTIFYING, MAJOR, plan=FULL_PLAN), draft)
    assert problem is not None and problem.startswith("整改已经开始") and "经费和物资" in problem
    assert plan_problem(facts(S.PENDING, MAJOR), {}) == "治理方案还是空的，请至少填写一项"
    assert plan_problem(facts(S.PENDING, GENERAL), FULL_PLAN) == "只有重大隐患需要制定治理方案"


# --- completion, acceptance, rejection ---------------------------------------------------------------


def test_submit_needs_work_started_measures_and_a_sensible_date() -> None:
    rectifying = facts(S.RECTIFYING)
    assert submit_problem(rectifying, date(2026, 11, 15), "更换光电保护", TODAY) is None
    assert "立即整改" in (submit_problem(facts(S.PENDING), date(2026, 11, 15), "x", TODAY) or "")
    assert submit_problem(rectifying, date(2026, 11, 15), " ", TODAY) == "请填写采取的整改措施"
    assert submit_problem(rectifying, None, "x", TODAY) == "请填写整改完成日期"
    assert "不能晚于今天" in (submit_problem(rectifying, date(2026, 11, 21), "x", TODAY) or "")
    assert "不能早于排查日期" in (submit_problem(rectifying, date(2026, 11, 9), "x", TODAY) or "")


def test_acceptor_is_never_the_rectifier() -> None:
    awaiting = facts(S.AWAITING_ACCEPTANCE, completed_on=date(2026, 11, 15))
    assert acceptance_problem(awaiting, ACCEPTOR, date(2026, 11, 16), "合格", TODAY) is None
    assert acceptance_problem(awaiting, RECTIFIER, date(2026, 11, 16), "合格", TODAY) == (
        "验收人不能是整改责任人本人，请另选验收人"
    )
    assert acceptance_problem(awaiting, None, date(2026, 11, 16), "合格", TODAY) == "请选择验收人"
    assert acceptance_problem(awaiting, ACCEPTOR, date(2026, 11, 16), "", TODAY) == "请填写验收结论"
    assert "不能早于整改完成日期" in (
        acceptance_problem(awaiting, ACCEPTOR, date(2026, 11, 14), "合格", TODAY) or ""
    )


def test_acceptance_only_from_awaiting() -> None:
    problem = acceptance_problem(facts(S.RECTIFYING), ACCEPTOR, TODAY, "合格", TODAY)
    assert problem == "隐患须整改完成、报请验收，并由验收人验收通过后才能销号"


def test_major_is_closed_only_after_its_post_evaluation() -> None:
    awaiting = facts(S.AWAITING_ACCEPTANCE, MAJOR, plan=FULL_PLAN, completed_on=date(2026, 11, 15))
    assert (
        acceptance_problem(awaiting, ACCEPTOR, TODAY, "合格", TODAY)
        == "重大隐患须先完成治理后评估，才能验收销号"
    )
    evaluated = replace(awaiting, post_evaluation="检测合格，隐患已消除")
    assert acceptance_problem(evaluated, ACCEPTOR, TODAY, "合格", TODAY) == (
        "重大隐患须先记录向负有安全生产监督管理职责的部门报告的情况，才能验收销号"
    )
    reported = replace(evaluated, reported_on=date(2026, 11, 11))
    assert acceptance_problem(reported, ACCEPTOR, TODAY, "合格", TODAY) is None


def test_a_supervised_major_is_closed_only_after_the_closure_is_approved() -> None:
    ready = facts(S.AWAITING_ACCEPTANCE, MAJOR, plan=FULL_PLAN, completed_on=date(2026, 11, 15),
                  post_evaluation="合格", reported_on=date(2026, 11, 11), supervised=True)  # fmt: skip
    assert acceptance_problem(ready, ACCEPTOR, TODAY, "合格", TODAY) == (
        "该重大隐患已被挂牌督办，须经督办部门批准销号申请后才能验收销号"
    )
    approved = replace(ready, closure_approved_on=date(2026, 11, 19))
    assert acceptance_problem(approved, ACCEPTOR, TODAY, "合格", TODAY) is None


def test_post_evaluation_comes_after_the_work() -> None:
    awaiting = facts(S.AWAITING_ACCEPTANCE, MAJOR, completed_on=date(2026, 11, 15))
    assert post_evaluation_problem(awaiting, "合格", date(2026, 11, 16), TODAY) is None
    assert "报请验收之后" in (post_evaluation_problem(facts(S.RECTIFYING, MAJOR), "合格", TODAY, TODAY) or "")
    assert (
        post_evaluation_problem(facts(S.AWAITING_ACCEPTANCE), "合格", TODAY, TODAY)
        == "只有重大隐患需要治理后评估"
    )
    assert post_evaluation_problem(awaiting, " ", TODAY, TODAY) == "请填写评估结论"


def test_rejection_needs_a_reason() -> None:
    awaiting = facts(S.AWAITING_ACCEPTANCE)
    assert rejection_problem(awaiting, "防护罩固定螺栓缺失", None) is None
    assert rejection_problem(awaiting, "", None) == "请填写验收不通过的原因和需要继续整改的内容"
    assert rejection_problem(facts(S.RECTIFYING), "x", None) is not None
    assert rejection_problem(awaiting, "x", date(2026, 11, 1)) is not None


def test_void_needs_a_reason_and_an_unfinished_record() -> None:
    assert void_problem(S.RECTIFYING, "重复登记") is None
    assert void_problem(S.PENDING, "  ") == "请填写作废原因（如：重复登记、录入错误）"
    assert void_problem(S.CLOSED, "x") == "已销号的隐患不能作废"
    assert void_problem(S.VOID, "x") == "该隐患已经作废"


def test_report_to_authority_is_for_major_and_records_whom_and_when() -> None:
    major = facts(S.PENDING, MAJOR)
    assert report_problem(major, "丰泽镇应急管理办公室", date(2026, 11, 11), TODAY) is None
    assert report_problem(facts(S.PENDING), "镇应急办", TODAY, TODAY) is not None
    assert report_problem(major, "", TODAY, TODAY) == "请填写报告的部门（如：丰泽镇应急管理办公室）"
    assert "不能早于排查日期" in (report_problem(major, "镇应急办", date(2026, 11, 1), TODAY) or "")


def test_photos_follow_the_stage() -> None:
    assert photo_problem(S.PENDING, PhotoStage.BEFORE) is None
    assert photo_problem(S.PENDING, PhotoStage.AFTER) == "整改后照片须在整改开始后添加"
    assert photo_problem(S.RECTIFYING, PhotoStage.AFTER) is None
    assert photo_problem(S.RECTIFYING, PhotoStage.ACCEPTANCE) is not None
    assert photo_problem(S.CLOSED, PhotoStage.BEFORE) == "隐患已销号，不能再添加照片"


# --- deadlines ---------------------------------------------------------------------------------------


def test_deadline_suggestion_follows_level_and_tier() -> None:
    assert suggest_deadline(FOUND, GENERAL, OwnerTier.WORKSHOP) == date(2026, 11, 17)
    assert suggest_deadline(FOUND, GENERAL, None) == date(2026, 11, 17)
    assert suggest_deadline(FOUND, GENERAL, OwnerTier.TEAM) == date(2026, 11, 13)
    assert suggest_deadline(FOUND, GENERAL, OwnerTier.TEAM, team_days=1) == date(2026, 11, 11)
    assert suggest_deadline(FOUND, MAJOR, OwnerTier.COMPANY) is None


def test_due_soon_and_days_left() -> None:
    assert days_left(S.RECTIFYING, date(2026, 11, 23), TODAY) == 3
    assert days_left(S.RECTIFYING, date(2026, 11, 18), TODAY) == -2
    assert days_left(S.CLOSED, date(2026, 11, 23), TODAY) is None
    assert is_due_soon(S.PENDING, TODAY, TODAY)
    assert is_due_soon(S.PENDING, date(2026, 11, 23), TODAY)
    assert not is_due_soon(S.PENDING, date(2026, 11, 24), TODAY)
    assert not is_due_soon(S.PENDING, date(2026, 11, 19), TODAY)  # overdue, not "due soon"
    assert not is_due_soon(S.CLOSED, TODAY, TODAY)


def test_preconditions_are_what_is_checked_before_a_form_opens() -> None:
    """The GUI asks these before showing a dialog; they leave out what the dialog itself collects."""
    pending_major = facts(S.PENDING, MAJOR, plan=FULL_PLAN)
    assert start_precondition_problem(pending_major) is None  # interim measures are asked in the dialog
    assert start_problem(pending_major) is not None
    assert "尚缺" in (start_precondition_problem(facts(S.PENDING, MAJOR)) or "")
    awaiting_major = facts(S.AWAITING_ACCEPTANCE, MAJOR, plan=FULL_PLAN)
    assert acceptance_precondition_problem(awaiting_major) == "重大隐患须先完成治理后评估，才能验收销号"
    assert "报告" in (acceptance_precondition_problem(replace(awaiting_major, post_evaluation="合格")) or "")
    done = replace(awaiting_major, post_evaluation="合格", reported_on=date(2026, 11, 11))
    assert acceptance_precondition_problem(done) is None
    assert acceptance_precondition_problem(facts(S.RECTIFYING)) is not None
