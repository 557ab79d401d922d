"""The built-in identification library: the shipped content is complete and sound, and a broken
library text is refused with a message naming the entry at fault."""

import copy
import json
from collections import Counter
from typing import Any

import pytest

from dualprev.domain.library import KEY_PATTERN, RiskLibrary, parse_library
from dualprev.domain.risk import ControlMeasureCategory, EvaluationMethod, RiskLevel, RiskPointKind
from dualprev.paths import resource_path


@pytest.fixture(scope="module")
def library() -> RiskLibrary:
    return parse_library(resource_path("library", "risk_library.json").read_text(encoding="utf-8"))


# --- the shipped library -----------------------------------------------------------------------


def test_shipped_library_parses_with_version_and_source(library: RiskLibrary) -> None:
    assert library.version
    assert library.title
    assert "复核" in library.source
    assert library.accident_vocabulary == "GB6441-1986"
    assert len(library.entries) >= 45
    assert len({e.key for e in library.entries}) == len(library.entries)
    assert all(KEY_PATTERN.match(e.key) and e.key.isascii() for e in library.entries)
    assert {e.kind for e in library.entries} == set(RiskPointKind)


# topic of issue 3 → (group, names that must be found in that group)
TOPICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "machining": ("机械加工", ("车床", "加工中心", "铣床", "切削加工作业", "机加工车间")),
    "welding and hot work": ("焊接与动火", ("电焊机", "氧气瓶", "焊接与切割作业", "动火作业")),
    "presses and shears": ("冲压与剪切", ("冲床", "剪板机", "折弯机", "冲压作业")),
    "grinders": ("砂轮与打磨", ("砂轮机", "角磨机")),
    "forklifts and in-plant vehicles": ("厂内车辆", ("叉车", "叉车作业", "厂区道路")),
    "cranes and hoists": ("起重吊装", ("起重机", "电动葫芦", "吊索具", "起重吊装作业")),
    "electrical distribution": ("电气与配电", ("配电室", "配电箱", "临时用电", "手持电动工具")),
    "compressed air and pressure vessels": ("空压与压力容器", ("空气压缩机", "储气罐")),
    "confined spaces": ("有限空间", ("有限空间作业", "化粪池")),
    "work at height": ("高处作业", ("高处作业", "人字梯", "钢梯及平台", "屋面")),
    "combustible dust": ("粉尘防爆", ("除尘系统", "铝镁", "木粉尘")),
    "spraying and painting": ("喷涂作业", ("喷漆房", "调漆间", "喷漆作业")),
    "hazardous-chemical storage": ("危险化学品", ("危险化学品仓库", "危险化学品领用")),
    "warehouses and racking": ("仓储与货架", ("仓库", "货架", "搬运")),
    "canteen gas": ("食堂燃气", ("食堂厨房", "液化石油气")),
    "fire safety and evacuation": ("消防与疏散", ("消防设施", "安全出口", "宿舍")),
    "基础管理": ("基础管理", ("责任制", "教育培训", "应急管理", "相关方")),
}


@pytest.mark.parametrize("topic", list(TOPICS))
def test_every_required_topic_is_covered(library: RiskLibrary, topic: str) -> None:
    group, names = TOPICS[topic]
    in_group = library.select(group)
    assert in_group, f"no entries in group {group}"
    for name in names:
        assert any(name in e.name for e in in_group), f"{topic}: no “{name}” in {group}"


def test_every_entry_is_complete(library: RiskLibrary) -> None:
    for entry in library.entries:
        assert entry.name and entry.group and entry.description, entry.key
        assert len(entry.hazards) >= 2, entry.key
        for hazard in entry.hazards:
            where = f"{entry.key}/{hazard.step_or_item}"
            assert hazard.step_or_item and hazard.description and hazard.consequence, where
            if entry.kind is not RiskPointKind.ACTIVITY:
                assert hazard.standard, f"{where}: an SCL item needs its standard"
            assert hazard.accident_types, where
            assert len(hazard.factor_category) == 2, where
            categories = hazard.measure_categories()
            assert len(categories) >= 3, where
            assert ControlMeasureCategory.EMERGENCY in categories, where
            assert len({m.content for m in hazard.measures}) == len(hazard.measures), f"{where}: repeated"


def test_suggested_levels_spread_over_all_four_with_the_severe_ones_where_realistic(
    library: RiskLibrary,
) -> None:
    levels = Counter(h.evaluation.level for e in library.entries for h in e.hazards)
    assert set(levels) == set(RiskLevel)
    total = sum(levels.values())
    assert levels[RiskLevel.GENERAL] + levels[RiskLevel.LOW] >= 0.8 * total
    major_groups = {e.group for e in library.entries if any(h.evaluation.level is RiskLevel.MAJOR
                                                            for h in e.hazards)}  # fmt: skip
    assert major_groups and major_groups <= {"有限空间", "粉尘防爆", "喷涂作业", "危险化学品"}
    assert library.entry("confined-space-entry").level is RiskLevel.MAJOR
    assert library.entry("dust-collector").level is RiskLevel.MAJOR
    assert {h.evaluation.method for e in library.entries for h in e.hazards} == {
        EvaluationMethod.LEC,
        EvaluationMethod.LS,
    }


def test_evaluations_grade_under_the_default_schemes(library: RiskLibrary) -> None:
    hazard = library.entry("confined-space-entry").hazards[1]
    assert hazard.step_or_item == "通风与气体检测"
    assert hazard.evaluation.factors == (("L", "3"), ("E", "3"), ("C", "40"))
    assert hazard.evaluation.text == "LEC L=3 E=3 C=40"
    grade = hazard.evaluation.graded()
    assert grade.scheme == "LEC-4C" and grade.score == 360 and grade.level is RiskLevel.MAJOR
    ls_hazard = library.entry("dust-collector").hazards[0]
    assert ls_hazard.evaluation.graded().scheme == "LS-SD"
    assert ls_hazard.evaluation.graded().score == 20


def test_entry_level_and_accident_types_are_summarised(library: RiskLibrary) -> None:
    entry = library.entry("welding-cutting")
    assert entry.level is min(h.evaluation.level for h in entry.hazards)
    assert entry.accident_types[0] == entry.hazards[0].accident_types[0]
    assert len(set(entry.accident_types)) == len(entry.accident_types)
    assert {"火灾", "灼烫"} <= set(entry.accident_types)


def test_select_by_group_and_keyword(library: RiskLibrary) -> None:
    assert [e.group for e in library.select("粉尘防爆")] == ["粉尘防爆"] * len(library.select("粉尘防爆"))
    forklift = [e.key for e in library.select(None, "叉车")]
    assert "forklift" in forklift and "forklift-operation" in forklift
    assert [e.key for e in library.select("厂内车辆", "充电")] == ["forklift-operation"]  # a step's text
    assert library.select(None, "  ") == list(library.entries)
    assert [e.key for e in library.select(None, "LATHE")] == ["lathe"]
    assert library.select("起重吊装", "喷漆") == []
    assert library.groups()[0] == "机械加工" and len(library.groups()) == len(set(library.groups()))
    with pytest.raises(KeyError):
        library.entry("no-such-entry")


# --- broken library texts ----------------------------------------------------------------------


def _hazard(**changes: Any) -> dict[str, Any]:
    hazard: dict[str, Any] = {
        "step_or_item": "防护装置",
        "standard": "GB/T 8196-2018",
        "description": "防护罩缺失",
        "factor_category": "21",
        "consequence": "绞伤",
        "accident_types": ["机械伤害"],
        "measures": [
            {"category": "engineering", "content": "加装防护罩"},
            {"category": "management", "content": "班前点检"},
            {"category": "emergency", "content": "急停后施救"},
        ],
        "evaluation": {"method": "LS", "L": 3, "S": 4},
    }
    hazard.update(changes)
    return hazard


def _library(*entries: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": 1,
        "version": "test",
        "title": "测试库",
        "source": "测试",
        "entries": list(entries)
        or [
            {
                "key": "good-entry",
                "name": "车床",
                "kind": "equipment",
                "group": "机械加工",
                "description": "",
                "hazards": [_hazard()],
            }
        ],
    }


def _bad_entry(**changes: Any) -> dict[str, Any]:
    entry = {"key": "bad-entry", "name": "冲床", "kind": "equipment", "group": "冲压与剪切",
             "description": "", "hazards": [_hazard(), _hazard(step_or_item="离合器")]}  # fmt: skip
    entry.update(changes)
    return entry


def _text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)


def test_a_minimal_library_parses() -> None:
    lib = parse_library(_text(_library()))
    (entry,) = lib.entries
    assert entry.kind is RiskPointKind.EQUIPMENT
    assert entry.hazards[0].evaluation.factors == (("L", "3"), ("S", "4"))
    assert entry.level is RiskLevel.GENERAL


def _refused(data: dict[str, Any]) -> str:
    with pytest.raises(ValueError) as info:
        parse_library(_text(data))
    return str(info.value)


@pytest.mark.parametrize(
    ("hazard_changes", "expected"),
    [
        ({"accident_types": ["碰撞"]}, "事故类型“碰撞”"),
        ({"accident_types": ["瓦斯爆炸"]}, "事故类型“瓦斯爆炸”"),  # mining-only, not offered to 工贸
        ({"accident_types": []}, "至少应有一个事故类型"),
        ({"accident_types": ["触电", "触电"]}, "事故类型重复"),
        (
            {"evaluation": {"method": "LEC", "L": 4, "E": 6, "C": 7}},
            "L（事故发生的可能性）的取值 4 不在量表内",
        ),
        ({"evaluation": {"method": "LS", "L": 3, "S": 6}}, "S（严重性）的取值 6 不在量表内"),
        ({"evaluation": {"method": "LS", "L": "三", "S": 2}}, "取值 三 不在量表内"),
        ({"evaluation": {"method": "LEC", "L": 3, "E": 6}}, "缺少因子 C"),
        ({"evaluation": {"method": "LS", "L": 3, "S": 2, "C": 7}}, "不应有因子 C"),
        ({"evaluation": {"method": "DIRECT"}}, "评价方法“DIRECT”无效"),
        ({"evaluation": None}, "缺少建议的现有风险评价"),
        ({"factor_category": "99"}, "“99”不是 GB/T 13861"),
        ({"measures": [{"category": "prayer", "content": "x"}]}, "类别“prayer”无效"),
        ({"measures": []}, "至少应有一条管控措施"),
        ({"description": "  "}, "危险源或潜在事件不能为空"),
        ({"step_or_item": "步" * 201}, "不能超过200个字符"),
        ({"acident_types": ["触电"]}, "未知字段 acident_types"),
    ],
)
def test_a_bad_hazard_is_refused_naming_the_entry_and_the_hazard(
    hazard_changes: dict[str, Any], expected: str
) -> None:
    entry = _bad_entry()
    entry["hazards"][1] = _hazard(**{"step_or_item": "离合器", **hazard_changes})
    message = _refused(_library(_bad_entry(key="fine"), entry))
    assert "辨识库条目“bad-entry”" in message
    assert "第 2 个危险源" in message
    assert expected in message


def test_exact_factor_values_are_accepted_as_numbers_or_text() -> None:
    entry = _bad_entry(hazards=[_hazard(evaluation={"method": "LEC", "L": 0.5, "E": "6", "C": 15.0})])
    (parsed,) = parse_library(_text(_library(entry))).entries
    assert parsed.hazards[0].evaluation.factors == (("L", "0.5"), ("E", "6"), ("C", "15"))


@pytest.mark.parametrize(
    ("entry_changes", "expected"),
    [
        ({"kind": "machine"}, "风险点类型“machine”无效"),
        ({"key": "Bad Key"}, "key 只能由小写字母"),
        ({"name": ""}, "名称不能为空"),
        ({"hazards": []}, "至少应有一个危险源"),
        ({"colour": "red"}, "未知字段 colour"),
    ],
)
def test_a_bad_entry_is_refused_naming_it(entry_changes: dict[str, Any], expected: str) -> None:
    message = _refused(_library(_bad_entry(**entry_changes)))
    key = entry_changes.get("key", "bad-entry")
    assert f"辨识库条目“{key}”" in message
    assert expected in message


def test_a_duplicate_key_is_refused_naming_it() -> None:
    message = _refused(_library(_bad_entry(), _bad_entry(key="other"), _bad_entry(name="另一台冲床")))
    assert "辨识库条目“bad-entry”" in message and "重复" in message


def test_an_entry_without_a_key_is_named_by_its_position() -> None:
    message = _refused(_library(_bad_entry(key="a"), {k: v for k, v in _bad_entry().items() if k != "key"}))
    assert "辨识库第 2 个条目" in message and "缺少条目键" in message


def test_library_level_problems() -> None:
    assert "不是有效的 JSON" in _refused_text("{")
    data = _library()
    for change, expected in (
        ({"format": 2}, "格式版本应为 1"),
        ({"entries": []}, "entries 应为非空列表"),
        ({"accident_vocabulary": "GB0000"}, "未知的事故类型分类标准"),
        ({"version": ""}, "辨识库版本不能为空"),
    ):
        broken = copy.deepcopy(data)
        broken.update(change)
        assert expected in _refused(broken)


def _refused_text(text: str) -> str:
    with pytest.raises(ValueError) as info:
        parse_library(text)
    return str(info.value)
