"""The row rules of an import (issue 12): a risk-list row's evaluation graded like a typed one,
factors against a stated level, and ledger rows checked against the hidden-danger loop."""

from datetime import date

import pytest

from dualprev.domain.grading import DEFAULT_DIRECT_JUDGEMENT_ITEMS, preset
from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerSource, HiddenDangerStatus
from dualprev.domain.importing import ledger_rows, people_rows, risk_rows
from dualprev.domain.importing.cells import CellProblem, CellValue
from dualprev.domain.importing.risk_rows import Prefer, RowContext
from dualprev.domain.risk import ControlMeasureCategory, EvaluationMethod, RiskLevel, RiskPointKind
from dualprev.domain.vocabularies import accident_types

NAMES = [t.name for t in accident_types()]
SCHEMES = {EvaluationMethod.LEC: preset("LEC-4C"), EvaluationMethod.LS: preset("LS-SD")}
CTX = RowContext("设备设施类", NAMES, RiskPointKind.EQUIPMENT)
TODAY = date(2024, 6, 30)


def _risk(**cells: CellValue) -> risk_rows.RiskRow:
    base: dict[str, CellValue] = {"point_name": "冲床", "description": "光电保护失灵"}
    return risk_rows.parse_row({**base, **cells}, CTX)


def _grade(row: risk_rows.RiskRow, prefer: Prefer = Prefer.FACTORS) -> risk_rows.RowEvaluation:
    return risk_rows.evaluate(row, SCHEMES, DEFAULT_DIRECT_JUDGEMENT_ITEMS, prefer)


def test_factors_are_graded_by_the_scheme() -> None:
    row = _risk(l="3", e="６", severity="15分", level="较大风险")
    result = _grade(row)
    assert result.graded is not None
    assert (result.graded.level, result.graded.score, result.conflict) == (RiskLevel.SIGNIFICANT, "270", "")
    assert result.graded.factors == (("L", "3"), ("E", "6"), ("C", "15"))


def test_factors_and_stated_level_disagreeing_is_a_conflict_decided_by_prefer() -> None:
    row = _risk(l=3, e=6, severity=15, level="一般风险")
    by_factors = _grade(row, Prefer.FACTORS)
    assert by_factors.graded is not None and by_factors.graded.level is RiskLevel.SIGNIFICANT
    assert by_factors.conflict == "按评价因素计算为较大风险（D=270），清单所列为一般风险；已按评价因素记录"
    by_level = _grade(row, Prefer.LEVEL)
    assert by_level.graded is not None and by_level.graded.level is RiskLevel.GENERAL
    assert by_level.graded.score == "270" and "已按所列等级记录" in by_level.conflict


def test_a_value_off_the_ladder_is_an_error() -> None:
    with pytest.raises(CellProblem, match=r"L（事故发生的可能性）的取值 2 不在量表内"):
        _grade(_risk(method="LEC", l=2, e=6, severity=7))


def test_ls_is_recognised_without_a_method_column() -> None:
    result = _grade(_risk(l=4, severity=4, level="较大风险"))
    assert result.graded is not None and result.graded.method is EvaluationMethod.LS
    assert result.graded.factors == (("L", "4"), ("S", "4")) and result.graded.level is RiskLevel.SIGNIFICANT


def test_direct_judgement_needs_a_known_reason() -> None:
    item = DEFAULT_DIRECT_JUDGEMENT_ITEMS[2]
    result = _grade(_risk(method="直接判定", note=f"直接判定：{item.text}", level="重大风险"))
    assert result.graded is not None and result.graded.level is RiskLevel.MAJOR
    with pytest.raises(CellProblem, match="不是本企业的直接判定项"):
        _grade(_risk(method="直接判定", note="直接判定：老板说的"))
    with pytest.raises(CellProblem, match="未写明依据"):
        _grade(_risk(method="直接判定"))


def test_a_stated_level_alone_is_kept_with_a_note() -> None:
    result = _grade(_risk(level="蓝色"))
    assert result.graded is not None and result.graded.level is RiskLevel.LOW and result.graded.score is None
    assert "只有风险等级" in result.note


def test_a_row_reports_all_its_problems_at_once() -> None:
    with pytest.raises(CellProblem) as info:
        risk_rows.parse_row(
            {"point_name": "", "description": "x", "level": "待定", "evaluated_on": "2024-2-30"}, CTX
        )
    assert str(info.value) == "缺少风险点名称；风险等级“待定”无法识别；评价日期“2024-2-30”不是有效日期"


def test_measures_and_no_measure_marks() -> None:
    row = _risk(
        engineering="加装防护罩", management="1、点检\n2、巡查", ppe="/", emergency="无", suggested="无"
    )
    assert row.measures == (
        (ControlMeasureCategory.ENGINEERING, "加装防护罩"),
        (ControlMeasureCategory.MANAGEMENT, "点检"),
        (ControlMeasureCategory.MANAGEMENT, "巡查"),
    )
    assert row.suggested == ""


# --- ledger rows ---------------------------------------------------------------------------------

_CLOSED: dict[str, CellValue] = {
    "found_on": "2024-03-05", "description": "砂轮机防护罩开口过大", "place": "机加车间", "measures": "调整护罩",
    "rectifier": "王海", "deadline": "2024-03-10", "completed_on": "2024-03-08", "acceptor": "李强",
    "accepted_on": "2024-03-09", "conclusion": "合格", "status": "已销号",
}  # fmt: skip


def _ledger(**cells: CellValue) -> ledger_rows.LedgerRow:
    return ledger_rows.parse_row({**_CLOSED, **cells}, sheet="台账", accident_names=NAMES)


def test_a_closed_row_that_follows_the_rules_passes() -> None:
    row = _ledger()
    assert row.status is HiddenDangerStatus.CLOSED
    assert ledger_rows.row_problem(row, TODAY) is None


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"acceptor": "王海"}, "已销号：验收人不能是整改责任人本人，请另选验收人"),
        ({"accepted_on": None}, "已销号：请填写验收日期"),
        ({"deadline": "2024-03-01"}, "整改期限不能早于排查日期（2024-03-05）"),
        ({"level": "重大隐患", "status": "整改中", "interim": "停用"}, "整改中：重大隐患须先制定治理方案（五到位）"),
        ({"completed_on": None, "status": "待验收", "acceptor": None, "accepted_on": None}, "待验收：请填写整改完成日期"),
        ({"rectifier": None, "status": "待整改"}, "请指定整改责任人"),
        ({"status": "已作废"}, "已作废：请填写作废原因"),
    ],
)  # fmt: skip
def test_rows_that_break_the_rules(cells: dict[str, CellValue], reason: str) -> None:
    problem = ledger_rows.row_problem(_ledger(**cells), TODAY)
    assert problem is not None and problem.startswith(reason)


def test_a_major_hidden_danger_with_its_plan_in_one_cell() -> None:
    plan = {"goal_and_tasks": "目标", "methods_and_measures": "方法", "funds_and_materials": "5万元",
            "organisation_and_people": "设备部", "timeline_and_requirements": "月底", "safety_and_emergency": "预案"}  # fmt: skip
    text = ledger_rows.plan_text(plan, "评估合格")
    assert ledger_rows.parse_plan(text) == (plan, "评估合格")
    row = _ledger(level="重大", interim="停用", plan=text)
    assert row.level is HiddenDangerLevel.MAJOR and ledger_rows.row_problem(row, TODAY) is None


def test_the_apps_own_note_and_status_words_read_back() -> None:
    row = _ledger(
        status="待整改\n（逾期 3 天）", completed_on=None, acceptor=None, accepted_on=None,
        note="立即整改\n2024-03-06 已报告镇应急办\n其他说明", check_type="外部检查", finders="县应急管理局",
        deadline="立即", funds="1,800.00",
    )  # fmt: skip
    assert row.status is HiddenDangerStatus.PENDING and row.is_immediate and row.deadline == row.found_on
    assert (row.reported_on, row.reported_to, row.note) == (date(2024, 3, 6), "镇应急办", "其他说明")
    assert (row.source, row.source_detail, row.finder_names) == (
        HiddenDangerSource.EXTERNAL,
        "县应急管理局",
        "",
    )
    assert row.funds_fen == 180000


def test_status_is_derived_when_the_file_has_none() -> None:
    assert _ledger(status=None).status is HiddenDangerStatus.CLOSED
    assert (
        _ledger(status=None, acceptor=None, accepted_on=None).status is HiddenDangerStatus.AWAITING_ACCEPTANCE
    )


def test_people_rows() -> None:
    row = people_rows.parse_row(
        {"name": " 张伟 ", "department": "机加车间", "phone": "１３８００００００００", "status": "离职"}
    )
    assert (row.name, row.phone, row.is_active) == ("张伟", "13800000000", False)
    with pytest.raises(CellProblem, match="缺少姓名；电话号码格式不正确"):
        people_rows.parse_row({"name": "", "phone": "abc"})
