"""风险分级管控清单 (domain.md §5): one row per hazard, ordered as the data comes (area, risk point
code, hazard seq), with its evaluation, level colour, the five kinds of existing control measures,
the planned ones, control tier and who is responsible."""

from dualprev.domain.risk import ControlMeasureCategory
from dualprev.domain.tier_owner import MISMATCH_MARK, MISMATCH_NOTE
from dualprev.reports.data import HazardData, RiskPointData, RiskReportData
from dualprev.reports.page import PageSetup, PaperSize
from dualprev.reports.risk_text import (
    LEVEL_COLOUR_NOTE,
    accident_and_consequence,
    factor_cells,
    level_counts,
    method_short,
    numbered,
    numbered_notes,
    remark,
    scheme_notes,
    vocabulary_notes,
)
from dualprev.reports.tables import Align, Cell, CellValue, Column, Part, Section, TableDocument

TITLE = "风险分级管控清单"
DEFAULT_PAPER = PaperSize.A3

_C = Align.CENTER
COLUMNS: tuple[Column, ...] = (
    Column("序号", 8, _C),
    Column("编号", 17, _C, group="风险点"),
    Column("名称", 20, group="风险点"),
    Column("类型", 15, _C, group="风险点"),
    Column("区域位置", 19, group="风险点"),
    Column("作业步骤/检查项目", 19),
    Column("危险源或潜在事件", 32),
    Column("事故类型及后果", 29),
    Column("评价方法", 10, _C, group="风险评价"),
    Column("L", 7, _C, group="风险评价"),
    Column("E", 7, _C, group="风险评价"),
    Column("S/C", 7, _C, group="风险评价"),
    Column("D/R", 8, _C, group="风险评价"),
    Column("风险等级", 15, _C),
    *(Column(category.label, 29, group="管控措施") for category in ControlMeasureCategory),
    Column("建议新增措施", 22),
    Column("管控层级", 14, _C),
    Column("责任单位", 19, _C, names=True),
    Column("责任人", 12, _C, names=True),
    Column("备注", 15),
)


def hazard_row(number: int, point: RiskPointData, hazard: HazardData) -> tuple[CellValue, ...]:
    evaluation = hazard.current
    return (
        number,
        point.code,
        point.name,
        point.kind.label,
        point.place,
        hazard.step_or_item,
        hazard.description,
        accident_and_consequence(hazard),
        method_short(evaluation),
        *factor_cells(evaluation),
        Cell.for_level(hazard.level),
        *(numbered(hazard.existing_measures(category)) for category in ControlMeasureCategory),
        numbered(hazard.planned_measures),
        hazard.control_tier.label if hazard.control_tier else "",
        hazard.responsible_department,
        hazard.responsible_person + (MISMATCH_MARK if hazard.owner_mismatch else ""),
        remark(hazard),
    )


def risk_list_document(data: RiskReportData, paper: PaperSize = DEFAULT_PAPER) -> TableDocument:
    """The control list as a table document (write it with ``pdf_table`` or ``xlsx_table``)."""
    rows: list[tuple[CellValue, ...]] = []
    for point in data.risk_points:
        for hazard in point.hazards:
            rows.append(hazard_row(len(rows) + 1, point, hazard))
    points = [p for p in data.risk_points if p.hazards]
    summary = (
        f"共 {len(points)} 个风险点、{len(rows)} 个危险源。按危险源现有风险：{level_counts(h.level for p in points for h in p.hazards)}；"
        f"按风险点（从严从高）：{level_counts(p.level for p in points)}。"
    )
    mismatched = [MISMATCH_NOTE] if any(h.owner_mismatch for p in points for h in p.hazards) else []
    notes = numbered_notes(
        [summary, *scheme_notes(points), LEVEL_COLOUR_NOTE, *mismatched, *vocabulary_notes(data.enterprise)]
    )
    places = {p.place for p in points} | {h.responsible_department for p in points for h in p.hazards}
    terms = tuple(sorted(n for n in places if n))
    part = Part(title=TITLE, columns=COLUMNS, sections=(Section(tuple(rows)),), notes=notes, terms=terms)
    return TableDocument(
        enterprise=data.enterprise.name,
        printed_on=data.printed_on,
        parts=(part,),
        page=PageSetup(paper=paper, landscape=True),
    )
