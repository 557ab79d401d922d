"""The words factories use for our vocabularies: risk levels (红/重大风险/Ⅰ级/1级/一级 …), control
tiers, risk-point kinds, evaluation methods, accident types with their synonyms, and the
hidden-danger ledger's levels, categories, statuses and check types.

Each reader takes a cell and returns the enum value, None for an empty cell, or raises CellProblem
naming the word it could not place ("待定" is not a level).
"""

import re
from collections.abc import Iterable, Mapping
from typing import TypeVar

from dualprev.domain.accident_type_mapping import MAPPING_1986_TO_2025, names_in_2025
from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import (
    HiddenDangerCategory,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
)
from dualprev.domain.importing.cells import DASHES, CellProblem, CellValue, fold, folded_text, text
from dualprev.domain.risk import ControlTier, EvaluationMethod, RiskLevel, RiskPointKind
from dualprev.domain.vocabularies import ACCIDENT_TYPES_GB6441_2025

E = TypeVar("E")


def _table(pairs: Mapping[E, Iterable[str]]) -> dict[str, E]:
    return {fold(word): value for value, words in pairs.items() for word in words}


_L = RiskLevel
_LEVELS = _table({
    _L.MAJOR: ("红", "红色", "重大", "重大风险", "Ⅰ", "Ⅰ级", "I级", "1级", "一级", "1", "A级", "极其危险"),
    _L.SIGNIFICANT: ("橙", "橙色", "较大", "较大风险", "Ⅱ", "Ⅱ级", "II级", "2级", "二级", "2", "B级", "高度危险"),
    _L.GENERAL: ("黄", "黄色", "一般", "一般风险", "Ⅲ", "Ⅲ级", "III级", "3级", "三级", "3", "C级", "显著危险"),
    _L.LOW: ("蓝", "蓝色", "低", "低风险", "较低风险", "Ⅳ", "Ⅳ级", "IV级", "4级", "四级", "4", "D级",
             "Ⅴ级", "V级", "5级", "五级", "E级", "一般危险", "稍有危险", "可接受风险"),
})  # fmt: skip


def _lookup(table: Mapping[str, E], value: CellValue, what: str) -> E | None:
    raw = text(value)
    if not raw or raw in DASHES:
        return None
    key = fold(raw)
    if key in table:
        return table[key]
    raise CellProblem(f"{what}“{raw}”无法识别")


def risk_level(value: CellValue) -> RiskLevel | None:
    """A stated risk level: 红/重大风险/Ⅰ级/1级/一级 … 蓝/低风险/四级."""
    return _lookup(_LEVELS, value, "风险等级")


_TIERS = _table({
    ControlTier.COMPANY: ("公司级", "公司", "厂级", "厂", "企业级", "企业", "公司层级"),
    ControlTier.WORKSHOP: ("车间级", "车间", "部门级", "部门", "车间(部门)级"),
    ControlTier.TEAM: ("班组级", "班组", "工段级"),
    ControlTier.POST: ("岗位级", "岗位", "个人", "员工级"),
})  # fmt: skip


def control_tier(value: CellValue) -> ControlTier | None:
    """公司级/厂级/车间级/班组级/岗位级; a cell naming several ("公司级、车间级") means the top one."""
    raw = text(value)
    if not raw or raw in DASHES:
        return None
    tiers = [_lookup(_TIERS, part, "管控层级") for part in re.split(r"[、，,/；;\s]+", raw) if part]
    found = [t for t in tiers if t is not None]
    return min(found, key=lambda t: t.rank) if found else None


_KINDS = _table({
    RiskPointKind.EQUIPMENT: ("设备设施", "设备设施类", "设备", "设施", "设备类", "装置"),
    RiskPointKind.ACTIVITY: ("作业活动", "作业活动类", "作业", "活动", "作业类"),
    RiskPointKind.PLACE: ("场所区域", "场所", "区域", "场所环境", "场所类", "作业场所"),
})  # fmt: skip


def risk_point_kind(value: CellValue) -> RiskPointKind | None:
    return _lookup(_KINDS, value, "风险点类型")


def kind_of_sheet(sheet_name: str) -> RiskPointKind | None:
    """The kind a sheet is named for (作业活动类 → activity, 设备设施类 → equipment), or None."""
    name = fold(sheet_name)
    for word, kind in (("作业活动", RiskPointKind.ACTIVITY), ("设备设施", RiskPointKind.EQUIPMENT),
                       ("场所", RiskPointKind.PLACE), ("jha", RiskPointKind.ACTIVITY),
                       ("scl", RiskPointKind.EQUIPMENT)):  # fmt: skip
        if word in name:
            return kind
    return None


_METHODS = _table({
    EvaluationMethod.LEC: ("LEC", "LEC法", "作业条件危险性评价法", "作业条件危险性分析法", "D=LEC"),
    EvaluationMethod.LS: ("LS", "LS法", "风险矩阵法", "风险矩阵", "矩阵法", "R=LS", "LS矩阵"),
    EvaluationMethod.DIRECT: ("直接判定", "直接判定法", "直接判断"),
})  # fmt: skip


def evaluation_method(value: CellValue) -> EvaluationMethod | None:
    return _lookup(_METHODS, value, "评价方法")


ACCIDENT_SYNONYMS: dict[str, str] = {
    "电击": "触电", "电伤": "触电", "漏电": "触电",
    "高空坠落": "高处坠落", "坠落": "高处坠落", "坠落伤害": "高处坠落",
    "烫伤": "灼烫", "烧伤": "灼烫", "灼伤": "灼烫", "化学灼伤": "灼烫",
    "厂内机动车辆伤害": "车辆伤害", "机动车辆伤害": "车辆伤害", "叉车伤害": "车辆伤害", "车辆事故": "车辆伤害",
    "中毒": "中毒和窒息", "窒息": "中毒和窒息", "中毒窒息": "中毒和窒息", "中毒、窒息": "中毒和窒息",
    "起重": "起重伤害", "起重机械伤害": "起重伤害",
    "机械": "机械伤害", "溺水": "淹溺", "倒塌": "坍塌", "着火": "火灾",
    "压力容器爆炸": "容器爆炸", "爆炸": "其他爆炸", "粉尘爆炸": "其他爆炸",
    "其它伤害": "其他伤害", "其它爆炸": "其他爆炸", "物体打击伤害": "物体打击",
    # GB 6441-2025 names whose 1986 type is plain, for an enterprise that has not switched yet
    "机械致害": "机械伤害", "起重致害": "起重伤害", "厂(场)内车辆致害": "车辆伤害", "道路(轨道)车辆致害": "车辆伤害",
    "其他事故": "其他伤害", "滑坡": "坍塌", "可燃气体爆炸": "其他爆炸", "可燃液体蒸汽爆炸": "其他爆炸",
    "其他可燃固体爆炸": "其他爆炸", "高温熔融物爆炸": "其他爆炸", "管道爆炸": "其他爆炸",
    "民用爆炸物品爆炸": "其他爆炸", "烟花爆竹爆炸": "其他爆炸",
}  # fmt: skip
"""Words factories write for GB 6441-1986 accident types, each mapped to the standard name."""

ACCIDENT_SYNONYMS_2025: dict[str, str] = {
    "厂内车辆致害": "厂(场)内车辆致害", "场内车辆致害": "厂(场)内车辆致害", "厂内车辆伤害": "厂(场)内车辆致害",
    "厂内机动车辆伤害": "厂(场)内车辆致害", "叉车伤害": "厂(场)内车辆致害", "叉车致害": "厂(场)内车辆致害",
    "道路车辆致害": "道路(轨道)车辆致害", "轨道车辆致害": "道路(轨道)车辆致害", "道路交通事故": "道路(轨道)车辆致害",
    "起重设备致害": "起重致害", "起重物致害": "起重致害", "起重伤害": "起重致害", "起重机械伤害": "起重致害",
    "机械伤害": "机械致害", "机械": "机械致害",
    "可燃液体蒸气爆炸": "可燃液体蒸汽爆炸", "液体蒸汽爆炸": "可燃液体蒸汽爆炸", "蒸气爆炸": "可燃液体蒸汽爆炸",
    "气体爆炸": "可燃气体爆炸", "燃气爆炸": "可燃气体爆炸", "瓦斯爆炸": "可燃气体爆炸",
    "锅炉爆炸": "容器爆炸", "压力容器爆炸": "容器爆炸", "火药爆炸": "民用爆炸物品爆炸",
    "其他伤害": "其他事故", "其它伤害": "其他事故", "其它事故": "其他事故",
    "可燃固体爆炸": "其他可燃固体爆炸", "熔融金属爆炸": "高温熔融物爆炸",
}  # fmt: skip
"""Words factories write for GB 6441-2025 types, and 1986 names whose 2025 type needs no words."""

_TYPE_SPLIT = re.compile(r"[、，,/;；\s]+")
_NAMES_2025 = frozenset(t.name for t in ACCIDENT_TYPES_GB6441_2025)


def _resolve(word: str, names: set[str], context: str) -> tuple[str, ...] | None:
    word = folded_text(word)  # 厂（场）内车辆致害 is 厂(场)内车辆致害
    if word in names:
        return (word,)
    if names <= _NAMES_2025:
        if word in ACCIDENT_SYNONYMS_2025:
            return (ACCIDENT_SYNONYMS_2025[word],)
        old = ACCIDENT_SYNONYMS.get(word, word)
        if old not in MAPPING_1986_TO_2025:
            return None
        picked, undecided = names_in_2025((old,), context)
        return picked if picked and not undecided and all(n in names for n in picked) else None
    name = ACCIDENT_SYNONYMS.get(word, "")
    return (name,) if name in names else None


def accident_types(value: CellValue, known: Iterable[str], context: str = "") -> tuple[str, ...]:
    """The accident types named in a cell ("电击、高空坠落" → 触电, 高处坠落), each once, in order.

    ``known`` are the names of the enterprise's vocabulary. A GB 6441-2025 enterprise also reads
    1986 names through the mapping (机械伤害 → 机械致害), ``context`` (the row's own words)
    deciding 其他爆炸 and 中毒和窒息. Raises CellProblem naming any word that is none of these.
    """
    names = set(known)
    raw = text(value)
    if not raw or raw in DASHES:
        return ()
    whole = _resolve(raw, names, context)
    if whole is not None:
        return whole
    found: list[str] = []
    unknown: list[str] = []
    for part in (p for p in _TYPE_SPLIT.split(raw) if p):
        resolved = _resolve(part, names, context)
        if resolved is None:
            unknown.append(part)
        else:
            found.extend(resolved)
    if unknown:
        hint = ""
        if (
            any(ACCIDENT_SYNONYMS.get(folded_text(u), folded_text(u)) == "其他爆炸" for u in unknown)
            and "粉尘爆炸" in names
        ):
            hint = "（GB 6441-2025 已把“其他爆炸”细分，请写明粉尘爆炸、可燃气体爆炸、可燃液体蒸汽爆炸等具体类别）"
        raise CellProblem(f"事故类型“{'、'.join(unknown)}”无法识别{hint}")
    return tuple(dict.fromkeys(found))


def split_accident_and_consequence(
    value: CellValue, known: Iterable[str], context: str = ""
) -> tuple[tuple[str, ...], str]:
    """事故类型及后果 in one cell ("机械伤害：衣袖被卷入造成绞伤"): the types and the consequence.

    Text before the first colon is read as types when it reads as types; otherwise the whole cell is
    tried as types, and failing that kept as the consequence.
    """
    raw = text(value)
    if not raw or raw in DASHES:
        return (), ""
    head, sep, tail = raw.replace(":", "：").partition("：")
    if sep:
        try:
            return accident_types(head, known, f"{context} {tail}"), tail.strip()
        except CellProblem:
            return (), raw
    try:
        return accident_types(raw, known, context), ""
    except CellProblem:
        return (), raw


_HD_LEVELS = _table({
    HiddenDangerLevel.GENERAL: ("一般隐患", "一般", "一般事故隐患", "较小隐患"),
    HiddenDangerLevel.MAJOR: ("重大隐患", "重大", "重大事故隐患"),
})  # fmt: skip


def hidden_danger_level(value: CellValue) -> HiddenDangerLevel | None:
    return _lookup(_HD_LEVELS, value, "隐患级别")


_HD_CATEGORIES = _table({
    HiddenDangerCategory.MANAGEMENT: ("基础管理类", "基础管理", "管理类", "管理"),
    HiddenDangerCategory.SITE: ("现场管理类", "现场管理", "现场类", "现场"),
})  # fmt: skip


def hidden_danger_category(value: CellValue) -> HiddenDangerCategory | None:
    return _lookup(_HD_CATEGORIES, value, "隐患类别")


_S = HiddenDangerStatus
_STATUSES = _table({
    _S.PENDING: ("待整改", "未整改", "未开始", "登记"),
    _S.RECTIFYING: ("整改中", "正在整改", "整改进行中", "治理中"),
    _S.AWAITING_ACCEPTANCE: ("待验收", "已整改待验收", "整改完成", "已整改"),
    _S.CLOSED: ("已销号", "销号", "已闭环", "闭环", "已验收", "验收合格", "已完成"),
    _S.VOID: ("已作废", "作废"),
})  # fmt: skip


def hidden_danger_status(value: CellValue) -> HiddenDangerStatus | None:
    """状态 as written; the "（逾期 N 天）" the ledger prints under an open status is ignored."""
    raw = re.sub(r"[(（]\s*逾期.*?[)）]", "", text(value)).strip()
    if raw.startswith("逾期"):
        raw = raw[2:].strip("，,（）() ") or "待整改"
    return _lookup(_STATUSES, raw, "状态")


_CHECK_TYPES = _table({
    **{t: (t.label, t.label.removesuffix("排查")) for t in CheckType},
    CheckType.SPECIALIST: ("专业(专项)排查", "专业排查", "专项排查", "专业", "专项", "专项检查"),
    CheckType.DAILY: ("日常排查", "日常", "日常检查", "巡回检查", "巡检", "岗位排查", "交接班检查"),
    CheckType.COMPREHENSIVE: ("综合排查", "综合", "综合检查", "全面检查"),
    CheckType.SEASONAL: ("季节性排查", "季节性", "季节性检查"),
    CheckType.HOLIDAY: ("重大活动及节假日前排查", "节假日", "节假日前排查", "节前检查", "节假日检查"),
})  # fmt: skip
_SOURCES = _table({
    HiddenDangerSource.EXTERNAL: ("外部检查", "上级检查", "政府检查", "第三方检查", "执法检查"),
    HiddenDangerSource.WORKER_REPORT: ("员工报告", "职工报告", "员工上报", "举报"),
    HiddenDangerSource.SELF_FOUND: ("自查发现", "自查"),
    HiddenDangerSource.CHECK: ("排查发现",),
})  # fmt: skip


def check_type_or_source(value: CellValue) -> tuple[CheckType | None, HiddenDangerSource]:
    """排查类型 as the ledger prints it: a check type (自查), or the source when there was no check
    (外部检查, 员工报告)."""
    raw = text(value)
    if not raw or raw in DASHES:
        return None, HiddenDangerSource.SELF_FOUND
    key = fold(raw)
    if key in _SOURCES:
        source = _SOURCES[key]
        # A record linked to a check record cannot be imported as one: no such record exists here.
        return None, HiddenDangerSource.SELF_FOUND if source is HiddenDangerSource.CHECK else source
    return _lookup(_CHECK_TYPES, raw, "排查类型"), HiddenDangerSource.SELF_FOUND
