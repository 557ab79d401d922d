"""What each kind of import reads, and how a column is recognised from its heading.

A field has a key, the Chinese label users see, the heading synonyms factories use, and whether a
file without it cannot be imported at all. Headings are compared folded: NFKC, no spaces, no
bracketed notes ("整改资金（元）" matches 整改资金), no "*" marks. A two-row header gives each
column its group heading too (风险点 over 编号/名称), tried as "风险点编号" before "编号".
"""

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class ImportKind(StrEnum):
    """What a file holds; the values are the CLI's names."""

    RISK_LIST = "risk-list"
    LEDGER = "ledger"
    PEOPLE = "people"

    @property
    def label(self) -> str:
        return {"risk-list": "风险分级管控清单", "ledger": "隐患排查治理台账", "people": "人员花名册"}[
            self.value
        ]


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    synonyms: tuple[str, ...]
    required: bool = False
    example: str = ""
    """What the template's example row shows."""
    choices: tuple[str, ...] = ()
    """Words the template offers as a drop-down list."""


_BRACKETS = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_NOISE = re.compile(r"[\s*＊:：#№]")


def heading_key(heading: str) -> str:
    """How a heading is compared: "整改资金（元）" → "整改资金", "Ｌ" → "l"."""
    folded = unicodedata.normalize("NFKC", heading)
    without = _BRACKETS.sub("", folded)
    # A heading that is only a bracketed note ("(元)") keeps it.
    return _NOISE.sub("", without or folded).lower()


def heading_candidates(group: str, heading: str) -> tuple[str, ...]:
    """Keys a column is looked up by, most specific first."""
    sub, top = heading_key(heading), heading_key(group)
    keys = [top + sub] if top and sub and top != sub else []
    keys += [k for k in (sub, top) if k]
    # "S/C" and "D/R": also each side of the slash.
    if "/" in sub:
        keys += [part for part in sub.split("/") if part]
    return tuple(dict.fromkeys(keys))


def suggest_mapping(fields: Sequence[Field], columns: Sequence[tuple[str, str]]) -> dict[str, int]:
    """Field key → column index for ``columns`` given as (group heading, heading).

    Each column serves at most one field and each field one column: the first column (from the
    left) whose most specific key is a synonym of a field still unassigned.
    """
    by_key: dict[str, str] = {}
    for field in fields:
        for synonym in field.synonyms:
            by_key.setdefault(heading_key(synonym), field.key)
    mapping: dict[str, int] = {}
    for index, (group, heading) in enumerate(columns):
        for key in heading_candidates(group, heading):
            field_key = by_key.get(key)
            if field_key is not None and field_key not in mapping:
                mapping[field_key] = index
                break
    return mapping


def missing_required(fields: Sequence[Field], mapping: Mapping[str, int]) -> list[str]:
    return [f.label for f in fields if f.required and f.key not in mapping]


_LEVEL_WORDS = ("重大风险", "较大风险", "一般风险", "低风险")
_TIER_WORDS = ("公司级", "车间级", "班组级", "岗位级")

RISK_LIST_FIELDS: tuple[Field, ...] = (
    Field("seq", "序号", ("序号", "编号序号", "No")),
    Field("point_code", "风险点编号", ("风险点编号", "风险点编码", "风险点代码"), example="FX-001"),
    Field("point_name", "风险点名称", ("风险点名称", "风险点", "风险点名称/作业活动", "设备设施名称",
          "作业活动名称", "设备名称", "作业活动", "设备设施", "风险点名"), required=True, example="普通车床"),
    Field("point_kind", "风险点类型", ("风险点类型", "类型", "风险点类别", "类别"), example="设备设施",
          choices=("设备设施", "作业活动", "场所区域")),
    Field("location", "区域位置", ("区域位置", "风险点区域位置", "区域", "位置", "所在区域", "所属区域",
          "所在位置", "场所位置", "部位"), example="机加工车间"),
    Field("step", "作业步骤/检查项目", ("作业步骤/检查项目", "作业步骤", "检查项目", "工作步骤",
          "作业步骤或检查项目", "步骤", "作业内容", "检查项目/作业步骤"), example="防护装置"),
    Field("description", "危险源或潜在事件", ("危险源或潜在事件", "危险源", "潜在事件", "危险源/潜在事件",
          "危险有害因素", "危险源辨识", "主要危险有害因素", "危害因素", "不符合标准情况", "危险源描述"),
          required=True, example="卡盘防护罩缺失，人员接触旋转部位"),
    Field("accident", "事故类型及后果", ("事故类型及后果", "可能发生的事故类型及后果", "事故类型",
          "可能导致的事故类型", "可能导致的事故", "可能发生的事故类型", "事故类别"),
          example="机械致害：手部卷入造成绞伤"),
    Field("consequence", "可能后果", ("可能后果", "事故后果", "后果描述", "可能造成的后果")),
    Field("method", "评价方法", ("评价方法", "风险评价方法", "方法"), example="LEC",
          choices=("LEC", "LS", "直接判定")),
    Field("l", "L", ("风险评价L", "L", "可能性", "可能性L")),
    Field("e", "E", ("风险评价E", "E", "暴露频率", "暴露频繁程度", "频繁程度")),
    Field("severity", "S/C", ("风险评价S/C", "S/C", "C/S", "C", "S", "后果严重性", "严重性", "严重程度",
          "后果严重程度")),
    Field("score", "D/R", ("风险评价D/R", "D/R", "R/D", "D", "R", "风险值", "风险度", "分值", "风险分值")),
    Field("level", "风险等级", ("风险等级", "风险级别", "风险分级", "等级", "级别", "评价级别", "风险评价等级",
          "风险程度"), example="低风险", choices=_LEVEL_WORDS),
    Field("engineering", "工程技术措施", ("管控措施工程技术措施", "工程技术措施", "工程技术", "工程控制措施",
          "技术措施", "工程措施")),
    # A file with one column of measures gets them as 管理措施.
    Field("management", "管理措施", ("管控措施管理措施", "管理措施", "管理", "管控措施", "现有控制措施",
          "现有管控措施", "控制措施", "主要管控措施")),
    Field("training", "培训教育措施", ("管控措施培训教育措施", "培训教育措施", "培训教育", "教育培训措施",
          "培训措施")),
    Field("ppe", "个体防护措施", ("管控措施个体防护措施", "个体防护措施", "个体防护", "个人防护措施",
          "个人防护", "防护措施")),
    Field("emergency", "应急处置措施", ("管控措施应急处置措施", "应急处置措施", "应急处置", "应急措施")),
    Field("suggested", "建议新增措施", ("建议新增措施", "建议新增(改进)措施", "建议措施", "改进措施",
          "建议改进措施", "新增措施")),
    Field("tier", "管控层级", ("管控层级", "管控级别", "管控层次", "管控层级/责任单位"), example="班组级",
          choices=_TIER_WORDS),
    Field("department", "责任单位", ("责任单位", "责任部门", "管控责任单位", "管控单位"), example="机加工车间"),
    Field("person", "责任人", ("责任人", "管控责任人", "负责人"), example="张伟"),
    Field("evaluated_on", "评价日期", ("评价日期", "辨识日期", "评价时间", "辨识评价日期"),
          example="2024-03-05"),
    Field("note", "备注", ("备注", "说明")),
)  # fmt: skip

LEDGER_FIELDS: tuple[Field, ...] = (
    Field("seq", "序号", ("序号",)),
    Field("number", "隐患编号", ("隐患编号", "编号", "隐患编码", "台账编号")),
    Field("found_on", "排查日期", ("排查日期", "发现日期", "检查日期", "排查时间", "发现时间", "日期"),
          required=True, example="2024-03-05"),
    Field("check_type", "排查类型", ("排查类型", "检查类型", "排查类别", "隐患来源", "来源"), example="日常排查",
          choices=("日常排查", "综合排查", "专业(专项)排查", "季节性排查", "重大活动及节假日前排查",
                   "事故类比排查", "外部检查", "员工报告")),
    Field("finders", "排查人", ("排查人", "检查人", "发现人", "排查人员", "检查人员"), example="李强"),
    Field("place", "部位/风险点", ("部位/风险点", "隐患部位", "部位", "隐患位置", "位置", "风险点",
          "所在部位", "区域/部位", "地点"), example="机加工车间砂轮机"),
    Field("description", "隐患描述", ("隐患描述", "隐患内容", "隐患情况", "存在问题", "隐患名称", "问题描述",
          "隐患"), required=True, example="砂轮机防护罩开口角度过大"),
    Field("category", "隐患类别", ("隐患类别", "隐患分类", "类别"), example="现场管理类",
          choices=("基础管理类", "现场管理类")),
    Field("level", "隐患级别", ("隐患级别", "隐患等级", "级别", "等级"), example="一般隐患",
          choices=("一般隐患", "重大隐患")),
    Field("accident_types", "可能导致的事故类型", ("可能导致的事故类型", "事故类型", "可能导致的事故")),
    Field("measures", "整改措施", ("整改措施", "治理措施", "整改要求", "整改方案"), example="调整防护罩开口"),
    Field("department", "整改责任单位", ("整改责任单位", "责任单位", "整改单位", "责任部门")),
    Field("rectifier", "整改责任人", ("整改责任人", "整改负责人", "责任人", "整改人"), example="王海"),
    Field("deadline", "整改期限", ("整改期限", "整改时限", "完成期限", "要求完成时间", "期限"),
          example="2024-03-10"),
    Field("funds", "整改资金（元）", ("整改资金", "整改资金(元)", "资金", "整改费用", "投入资金")),
    Field("interim", "临时管控措施", ("临时管控措施", "临时措施", "防范措施")),
    Field("completed_on", "整改完成日期", ("整改完成日期", "完成日期", "整改完成时间", "实际完成时间")),
    Field("acceptor", "验收人", ("验收人", "复查人", "验收人员")),
    Field("accepted_on", "验收日期", ("验收日期", "复查日期", "验收时间")),
    Field("conclusion", "验收结论", ("验收结论", "验收意见", "复查意见", "验收情况")),
    Field("status", "状态", ("状态", "整改状态", "隐患状态", "整改情况", "是否销号"), example="待整改",
          choices=("待整改", "整改中", "待验收", "已销号", "已作废")),
    Field("note", "备注", ("备注", "说明")),
    Field("plan", "治理方案", ("治理方案", "重大隐患治理方案")),
)  # fmt: skip

PEOPLE_FIELDS: tuple[Field, ...] = (
    Field("seq", "序号", ("序号",)),
    Field("name", "姓名", ("姓名", "名字", "员工姓名", "人员姓名"), required=True, example="张伟"),
    Field("department", "部门", ("部门", "所在部门", "部门/车间", "车间", "单位", "所属部门", "部门车间"),
          example="机加工车间"),
    Field("post", "岗位", ("岗位", "工种", "岗位名称", "所在岗位"), example="车工"),
    Field("role", "职务", ("职务", "职位", "职称")),
    Field("phone", "电话", ("电话", "联系电话", "手机", "手机号", "手机号码", "联系方式"), example="13800000000"),
    Field("id_number", "身份证号", ("身份证号", "身份证号码", "身份证", "证件号码")),
    Field("status", "状态", ("状态", "在职状态", "是否在职"), choices=("在职", "离职")),
    Field("note", "备注", ("备注",)),
)  # fmt: skip

FIELDS: dict[ImportKind, tuple[Field, ...]] = {
    ImportKind.RISK_LIST: RISK_LIST_FIELDS,
    ImportKind.LEDGER: LEDGER_FIELDS,
    ImportKind.PEOPLE: PEOPLE_FIELDS,
}
