"""The identification records an inspector asks to see (domain.md §5), as one document:
作业活动清单, 设备设施清单, JHA 评价记录 (one per activity), SCL 评价记录 (one per piece of
equipment or place) and 风险点登记台账.

A JHA/SCL record is a form of its own, filed per risk point: it starts on a new page with its header
block. Its 审核人/审定人 boxes carry the recorded sign-off; where there is none they stay blank, to be
signed by hand.
"""

from datetime import date

from dualprev.domain.risk import ControlMeasureCategory, RiskPointKind
from dualprev.reports.data import EvaluationData, HazardData, RiskPointData, RiskReportData
from dualprev.reports.page import PageSetup, PaperSize
from dualprev.reports.pdf_doc import format_date
from dualprev.reports.risk_text import (
    LEVEL_COLOUR_NOTE,
    accident_and_consequence,
    evaluation_band,
    factor_cells,
    joined,
    numbered,
    numbered_notes,
    remark,
    scheme_notes,
    vocabulary_notes,
)
from dualprev.reports.tables import Align, Cell, CellValue, Column, HeaderField, Part, Section, TableDocument

DEFAULT_PAPER = PaperSize.A4
ACTIVITY_LIST_TITLE = "作业活动清单"
EQUIPMENT_LIST_TITLE = "设备设施清单"
JHA_TITLE = "工作危害分析（JHA）评价记录"
SCL_TITLE = "安全检查表分析（SCL）评价记录"
REGISTER_TITLE = "风险点登记台账"

_C = Align.CENTER

ACTIVITY_COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C),
    Column("岗位/地点", 50),
    Column("作业活动名称", 45),
    Column("作业活动内容", 95),
    Column("活动频率", 30, _C),
    Column("备注", 40),
)

EQUIPMENT_COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C),
    Column("设备设施名称", 45),
    Column("编号/位号", 40, _C),
    Column("规格型号", 40, _C),
    Column("所属车间/使用部门", 40, _C, names=True),
    Column("岗位", 55),
    Column("备注", 40),
)

_MEASURE_COLUMNS = tuple(Column(c.label, 27, group="现有控制措施") for c in ControlMeasureCategory)
_EVALUATION_COLUMNS = (
    Column("L", 6, _C, group="风险评价"),
    Column("E", 6, _C, group="风险评价"),
    Column("S/C", 6, _C, group="风险评价"),
    Column("D/R", 8, _C, group="风险评价"),
    Column("评价级别", 10, _C, group="风险评价"),
    Column("风险分级", 14, _C, group="风险评价"),
)
_TAIL_COLUMNS = (
    Column("管控层级", 12, _C),
    Column("建议新增(改进)措施", 24),
    Column("备注", 14),
)

JHA_COLUMNS: tuple[Column, ...] = (
    Column("序号", 7, _C),
    Column("作业步骤", 17),
    Column("危险源或潜在事件", 30),
    Column("可能发生的事故类型及后果", 26),
    *_MEASURE_COLUMNS,
    *_EVALUATION_COLUMNS,
    *_TAIL_COLUMNS,
)

SCL_COLUMNS: tuple[Column, ...] = (
    Column("序号", 7, _C),
    Column("检查项目", 15),
    Column("标准", 28),
    Column("不符合标准情况及后果", 30),
    *_MEASURE_COLUMNS,
    *_EVALUATION_COLUMNS,
    *_TAIL_COLUMNS,
)

REGISTER_COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C),
    Column("风险点编号", 24, _C),
    Column("名称", 36),
    Column("类型", 18, _C),
    Column("区域位置", 36),
    Column("可能导致的事故类型", 45),
    Column("风险等级", 20, _C),
    Column("管控层级", 17, _C),
    Column("责任单位", 24, _C, names=True),
    Column("责任人", 17, _C, names=True),
    Column("备注", 30),
)


def _activity_rows(data: RiskReportData) -> tuple[tuple[CellValue, ...], ...]:
    rows: list[tuple[CellValue, ...]] = []
    for point in data.of_kind(RiskPointKind.ACTIVITY):
        where = "\n".join(t for t in (joined(point.posts), point.place) if t)
        rows.append(
            (len(rows) + 1, where, point.name, point.activity_content, point.activity_frequency, point.note)
        )
    return tuple(rows)


def _equipment_rows(data: RiskReportData) -> tuple[tuple[CellValue, ...], ...]:
    rows: list[tuple[CellValue, ...]] = []
    for point in data.of_kind(RiskPointKind.EQUIPMENT):
        rows.append(
            (
                len(rows) + 1,
                point.name,
                point.asset_no,
                point.model_spec,
                point.department,
                joined(point.posts),
                point.note,
            )
        )
    return tuple(rows)


def _measure_and_grade_cells(hazard: HazardData) -> tuple[CellValue, ...]:
    evaluation = hazard.current
    return (
        *(numbered(hazard.existing_measures(category)) for category in ControlMeasureCategory),
        *factor_cells(evaluation),
        evaluation_band(evaluation),
        Cell.for_level(hazard.level),
        hazard.control_tier.label if hazard.control_tier else "",
        numbered(hazard.planned_measures),
        remark(hazard),
    )


def _jha_row(number: int, hazard: HazardData) -> tuple[CellValue, ...]:
    return (
        number,
        hazard.step_or_item,
        hazard.description,
        accident_and_consequence(hazard),
        *_measure_and_grade_cells(hazard),
    )


def _scl_row(number: int, hazard: HazardData) -> tuple[CellValue, ...]:
    deviation = "\n".join(t for t in (hazard.description, accident_and_consequence(hazard)) if t)
    return (number, hazard.step_or_item, hazard.standard, deviation, *_measure_and_grade_cells(hazard))


def _methods(evaluations: tuple[EvaluationData, ...]) -> str:
    seen = dict.fromkeys(
        f"{e.method.label}（{e.scheme_code}）" if e.scheme_code else e.method.label for e in evaluations
    )
    return "、".join(seen)


def _analysed_by(evaluations: tuple[EvaluationData, ...]) -> str:
    if not evaluations:
        return ""
    names = joined(dict.fromkeys(e.assessor_name for e in evaluations))
    latest = max(e.evaluated_on for e in evaluations)
    return f"{names}　{format_date(latest)}".strip()


def _signed_by(name: str, on: date | None) -> str:
    return f"{name}　{format_date(on)}" if on is not None else name


def _record_fields(
    point: RiskPointData, subject_label: str, subject: str, enterprise: str
) -> tuple[HeaderField, ...]:
    evaluations = point.evaluations
    return (
        HeaderField("单位", point.department or enterprise),
        HeaderField("风险点", f"{point.code} {point.name}".strip()),
        HeaderField("岗位", joined(point.posts)),
        HeaderField(subject_label, subject),
        HeaderField("区域位置", point.place),
        HeaderField("评价方法", _methods(evaluations)),
        HeaderField("分析人/日期", _analysed_by(evaluations)),
        HeaderField("审核人/日期", _signed_by(point.reviewer_name, point.reviewed_on)),
        HeaderField("审定人/日期", _signed_by(point.approver_name, point.approved_on)),
    )


def _jha_sections(data: RiskReportData) -> tuple[Section, ...]:
    sections: list[Section] = []
    for point in data.of_kind(RiskPointKind.ACTIVITY):
        if not point.hazards:
            continue
        activity = point.activity_content or point.name
        if point.activity_frequency:
            activity += f"（{point.activity_frequency}）"
        fields = _record_fields(point, "作业活动", activity, data.enterprise.name)
        rows = tuple(_jha_row(i, h) for i, h in enumerate(point.hazards, start=1))
        sections.append(Section(rows, fields=fields))
    return tuple(sections)


def _scl_sections(data: RiskReportData) -> tuple[Section, ...]:
    sections: list[Section] = []
    for point in data.of_kind(RiskPointKind.EQUIPMENT, RiskPointKind.PLACE):
        if not point.hazards:
            continue
        subject = point.name
        details = "，".join(t for t in (point.model_spec, point.asset_no) if t)
        if details:
            subject += f"（{details}）"
        label = "设备设施" if point.kind is RiskPointKind.EQUIPMENT else "场所区域"
        fields = _record_fields(point, label, subject, data.enterprise.name)
        rows = tuple(_scl_row(i, h) for i, h in enumerate(point.hazards, start=1))
        sections.append(Section(rows, fields=fields))
    return tuple(sections)


def _register_rows(data: RiskReportData) -> tuple[tuple[CellValue, ...], ...]:
    rows: list[tuple[CellValue, ...]] = []
    for point in data.risk_points:
        tier = point.control_tier
        rows.append(
            (
                len(rows) + 1,
                point.code,
                point.name,
                point.kind.label,
                point.place,
                joined(point.accident_types),
                Cell.for_level(point.level),
                tier.label if tier else "",
                point.department,
                point.responsible_person,
                point.note,
            )
        )
    return tuple(rows)


def risk_records_document(data: RiskReportData, paper: PaperSize = DEFAULT_PAPER) -> TableDocument:
    """All identification records; JHA/SCL parts are left out when there is nothing to record."""
    parts: list[Part] = [
        Part(ACTIVITY_LIST_TITLE, ACTIVITY_COLUMNS, (Section(_activity_rows(data)),)),
        Part(EQUIPMENT_LIST_TITLE, EQUIPMENT_COLUMNS, (Section(_equipment_rows(data)),)),
    ]
    record_notes = numbered_notes(
        [*scheme_notes(data.risk_points), LEVEL_COLOUR_NOTE, *vocabulary_notes(data.enterprise)]
    )
    jha = _jha_sections(data)
    if jha:
        parts.append(
            Part(JHA_TITLE, JHA_COLUMNS, jha, notes=record_notes, signoff=(), sheet_name="JHA评价记录",
                 section_per_page=True)
        )  # fmt: skip
    scl = _scl_sections(data)
    if scl:
        parts.append(
            Part(SCL_TITLE, SCL_COLUMNS, scl, notes=record_notes, signoff=(), sheet_name="SCL评价记录",
                 section_per_page=True)
        )  # fmt: skip
    parts.append(
        Part(
            REGISTER_TITLE,
            REGISTER_COLUMNS,
            (Section(_register_rows(data)),),
            notes=numbered_notes(
                [
                    "风险点的风险等级取其各危险源现有风险等级中的最高级（从严从高）。",
                    LEVEL_COLOUR_NOTE,
                    *vocabulary_notes(data.enterprise),
                ]
            ),
        )
    )
    return TableDocument(
        enterprise=data.enterprise.name,
        printed_on=data.printed_on,
        parts=tuple(parts),
        page=PageSetup(paper=paper, landscape=True),
    )
