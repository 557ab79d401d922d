"""Reading what factories write: dates, numbers, level and tier words, accident types, people,
measure lists and headings (issue 12)."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from dualprev.domain.importing import cells, dates, words
from dualprev.domain.importing.cells import CellProblem
from dualprev.domain.importing.fields import (
    FIELDS,
    LEDGER_FIELDS,
    RISK_LIST_FIELDS,
    heading_key,
    suggest_mapping,
)
from dualprev.domain.risk import ControlTier, EvaluationMethod, RiskLevel, RiskPointKind
from dualprev.domain.vocabularies import accident_types

NAMES = [t.name for t in accident_types(include_mining=True)]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(2024, 3, 5, 0, 0), date(2024, 3, 5)),
        (date(2024, 3, 5), date(2024, 3, 5)),
        (45356, date(2024, 3, 5)),
        (45356.0, date(2024, 3, 5)),
        ("45356", date(2024, 3, 5)),
        ("2024-3-5", date(2024, 3, 5)),
        ("2024/03/05", date(2024, 3, 5)),
        ("2024年3月5日", date(2024, 3, 5)),
        ("2024.3.5", date(2024, 3, 5)),
        ("２０２４年３月５日", date(2024, 3, 5)),
        ("２０２４－０３－０５", date(2024, 3, 5)),
        (" 2024-03-05 ", date(2024, 3, 5)),
        ("20240305", date(2024, 3, 5)),
        ("2024-03-05 00:00:00", date(2024, 3, 5)),
    ],
)
def test_dates_in_every_shape(value: cells.CellValue, expected: date) -> None:
    assert dates.day_value(value, "排查日期").day == expected


def test_month_and_day_take_the_year_of_the_sheet() -> None:
    year = dates.year_of_sheet("2023年隐患台账")
    assert year == 2023
    assert dates.day_value("3月5日", "排查日期", year).day == date(2023, 3, 5)
    with pytest.raises(CellProblem, match="没有年份"):
        dates.day_value("3月5日", "排查日期", dates.year_of_sheet("隐患台账"))


@pytest.mark.parametrize("value", ["2024-2-30", "2023年2月29日", "2024-13-01", "明天", "0"])
def test_impossible_or_unreadable_dates_are_errors(value: str) -> None:
    with pytest.raises(CellProblem, match="排查日期"):
        dates.day_value(value, "排查日期")


def test_immediate_only_where_allowed() -> None:
    assert dates.day_value("立即", "整改期限", None, True) == dates.DayValue(None, immediate=True)
    with pytest.raises(CellProblem, match="不能填写“立即”"):
        dates.day_value("立即", "排查日期")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("红", RiskLevel.MAJOR), ("重大风险", RiskLevel.MAJOR), ("Ⅰ级", RiskLevel.MAJOR), ("1级", RiskLevel.MAJOR),
        ("一级", RiskLevel.MAJOR), ("橙色", RiskLevel.SIGNIFICANT), ("Ⅱ级", RiskLevel.SIGNIFICANT),
        ("较大", RiskLevel.SIGNIFICANT), ("黄", RiskLevel.GENERAL), ("三级", RiskLevel.GENERAL),
        ("蓝色", RiskLevel.LOW), ("低风险", RiskLevel.LOW), ("四级", RiskLevel.LOW), ("Ⅳ级", RiskLevel.LOW),
        ("ＩＶ级", RiskLevel.LOW), (" 4级 ", RiskLevel.LOW),
    ],
)  # fmt: skip
def test_level_words(text: str, level: RiskLevel) -> None:
    assert words.risk_level(text) is level


def test_a_level_word_that_means_nothing_is_an_error() -> None:
    with pytest.raises(CellProblem, match="风险等级“待定”无法识别"):
        words.risk_level("待定")
    assert words.risk_level("") is None


@pytest.mark.parametrize(
    ("text", "tier"),
    [("公司级", ControlTier.COMPANY), ("厂级", ControlTier.COMPANY), ("车间级", ControlTier.WORKSHOP),
     ("班组级", ControlTier.TEAM), ("岗位级", ControlTier.POST), ("车间级、班组级", ControlTier.WORKSHOP)],
)  # fmt: skip
def test_tier_words(text: str, tier: ControlTier) -> None:
    assert words.control_tier(text) is tier


def test_accident_types_with_synonyms_and_several_per_cell() -> None:
    assert words.accident_types("电击、高空坠落，烫伤/厂内机动车辆伤害；机械伤害", NAMES) == (
        "触电", "高处坠落", "灼烫", "车辆伤害", "机械伤害",
    )  # fmt: skip
    assert words.accident_types("中毒和窒息", NAMES) == ("中毒和窒息",)
    assert words.accident_types("中毒、窒息", NAMES) == ("中毒和窒息",)
    with pytest.raises(CellProblem, match="外星人袭击"):
        words.accident_types("触电、外星人袭击", NAMES)


def test_accident_and_consequence_in_one_cell() -> None:
    assert words.split_accident_and_consequence("机械伤害、电击：手部绞伤", NAMES) == (
        ("机械伤害", "触电"),
        "手部绞伤",
    )
    assert words.split_accident_and_consequence("触电", NAMES) == (("触电",), "")
    assert words.split_accident_and_consequence("手部被卷入造成绞伤", NAMES) == ((), "手部被卷入造成绞伤")


def test_kinds_and_methods() -> None:
    assert words.risk_point_kind("设备设施") is RiskPointKind.EQUIPMENT
    assert words.kind_of_sheet("作业活动类风险分级管控清单") is RiskPointKind.ACTIVITY
    assert words.kind_of_sheet("设备设施类") is RiskPointKind.EQUIPMENT
    assert words.evaluation_method("风险矩阵法") is EvaluationMethod.LS


def test_person_with_department_in_one_cell() -> None:
    assert cells.person("张伟（机加车间）", "责任人") == ("张伟", "机加车间")
    assert cells.person("张伟(机加车间)", "责任人") == ("张伟", "机加车间")
    assert cells.person(" 张伟 ", "责任人") == ("张伟", "")
    with pytest.raises(CellProblem, match="只能填写一人"):
        cells.person("张伟、李强", "责任人")


def test_measure_lists() -> None:
    assert cells.items("1. 加装防护罩\n2. 每周检查") == ("加装防护罩", "每周检查")
    assert cells.items("1、加装防护罩\n   并联锁\n2、每周检查") == ("加装防护罩\n并联锁", "每周检查")
    assert cells.items("①班前点检②") == ("班前点检②",)
    for nothing in ("/", "无", "—", " ／ ", None, ""):
        assert cells.items(nothing) == ()
    assert cells.items("漏电保护器（30mA/0.1s）") == ("漏电保护器（30mA/0.1s）",)


def test_numbers_as_text() -> None:
    assert cells.number("15分", "C") == Decimal(15)
    assert cells.number("１５", "C") == Decimal(15)
    assert cells.number("0.5 ", "L") == Decimal("0.5")
    assert cells.number("1,800.00", "资金") == Decimal("1800.00")
    assert cells.number(6.0, "E") == Decimal(6)
    assert cells.number("—", "E") is None
    with pytest.raises(CellProblem, match="不是数字"):
        cells.number("很高", "L")


def test_text_trims_full_width_spaces_and_float_noise() -> None:
    assert cells.text("\u3000冲床 \u3000") == "冲床"
    assert cells.text(3.0) == "3"
    assert cells.fold("ＦＸ－００１ ") == "fx-001"


def test_headings_found_by_synonyms_and_group() -> None:
    columns = [("序号", "序号"), ("风险点", "编号"), ("风险点", "名称"), ("检查项目", "检查项目"),
               ("危险源", "危险源"), ("风险评价", "L"), ("风险评价", "E"), ("风险评价", "C"),
               ("风险评价", "D"), ("风险级别", "风险级别"), ("管控措施", "工程技术"), ("管控层级", "管控层级")]  # fmt: skip
    mapping = suggest_mapping(RISK_LIST_FIELDS, columns)
    assert mapping == {"seq": 0, "point_code": 1, "point_name": 2, "step": 3, "description": 4, "l": 5, "e": 6,
                       "severity": 7, "score": 8, "level": 9, "engineering": 10, "tier": 11}  # fmt: skip
    assert heading_key("整改资金（元）") == "整改资金"
    assert suggest_mapping(LEDGER_FIELDS, [("", "发现日期"), ("", "隐患内容"), ("", "整改负责人")]) == {
        "found_on": 0, "description": 1, "rectifier": 2,
    }  # fmt: skip


def test_every_field_label_is_one_of_its_own_headings() -> None:
    """A template's headings (the labels) are recognised when the template comes back filled in."""
    for fields in FIELDS.values():
        mapping = suggest_mapping(fields, [(f.label, f.label) for f in fields])
        assert mapping == {f.key: i for i, f in enumerate(fields)}
