"""重大风险公告: every hazard whose current risk is 重大, with its control measures, emergency
measures and the people responsible, for posting at the gate (公告栏) and filing."""

from typing import BinaryIO

from dualprev.domain.risk import ControlMeasureCategory, RiskLevel
from dualprev.domain.tier_owner import MISMATCH_MARK, MISMATCH_NOTE
from dualprev.reports.data import HazardData, RiskPointData, RiskReportData
from dualprev.reports.page import MM_TO_PT, PageSetup, PaperSize
from dualprev.reports.pdf_doc import build_pdf
from dualprev.reports.pdf_table import part_story
from dualprev.reports.risk_text import (
    accident_and_consequence,
    joined,
    numbered,
    numbered_notes,
    vocabulary_notes,
)
from dualprev.reports.styles import pdf_styles
from dualprev.reports.tables import Align, Cell, CellValue, Column, Part, Section, TableDocument

TITLE = "重大风险公告"
DEFAULT_PAPER = PaperSize.A4


def notice_body_pt(paper: PaperSize) -> float:
    """The notice is posted, not filed: its text keeps the posted minimum of the post cards
    (10 pt on A4; larger on A3, which is read from further away), not the 7 pt of the lists."""
    return 12.0 if paper is PaperSize.A3 else 10.0


_C = Align.CENTER
COLUMNS: tuple[Column, ...] = (
    Column("序号", 8, _C),
    Column("风险点", 22),
    Column("区域位置", 20),
    Column("危险源或潜在事件", 36),
    Column("可能导致的事故类型及后果", 28),
    Column("风险等级", 13, _C),
    Column("主要管控措施", 62),
    Column("应急处置措施", 36),
    Column("管控层级", 10, _C),
    Column("责任单位", 15, _C),
    Column("责任人", 12, _C),
    Column("联系电话", 19, _C),
)


def major_hazards(data: RiskReportData) -> list[tuple[RiskPointData, HazardData]]:
    """The hazards whose current level is 重大风险, in list order."""
    return [(p, h) for p in data.risk_points for h in p.hazards if h.level is RiskLevel.MAJOR]


def _control_text(hazard: HazardData) -> str:
    lines: list[str] = []
    for category in ControlMeasureCategory:
        if category is ControlMeasureCategory.EMERGENCY:
            continue
        measures = hazard.existing_measures(category)
        if measures:
            lines.append(f"{category.label}：" + "；".join(measures))
    return "\n".join(lines)


def _row(number: int, point: RiskPointData, hazard: HazardData) -> tuple[CellValue, ...]:
    return (
        number,
        f"{point.code}\n{point.name}".strip(),
        point.place,
        hazard.description,
        accident_and_consequence(hazard),
        Cell.for_level(hazard.level),
        _control_text(hazard),
        numbered(hazard.existing_measures(ControlMeasureCategory.EMERGENCY)),
        hazard.control_tier.label if hazard.control_tier else "",
        hazard.responsible_department,
        hazard.responsible_person + (MISMATCH_MARK if hazard.owner_mismatch else ""),
        hazard.responsible_phone,
    )


def _contacts(data: RiskReportData) -> str:
    e = data.enterprise
    people = [
        ("主要负责人", e.principal_name, e.principal_phone),
        ("安全管理人员", e.safety_manager_name, e.safety_manager_phone),
    ]
    parts = [f"{role}：{name}" + (f"（{phone}）" if phone else "") for role, name, phone in people if name]
    if e.duty_phone:
        parts.append(f"应急值班电话：{e.duty_phone}")
    parts.append("火警 119，急救 120，报警 110")
    return "；".join(parts) + "。"


def major_risks_document(data: RiskReportData, paper: PaperSize = DEFAULT_PAPER) -> TableDocument:
    """The notice as a table document; empty (no rows) when there is no major risk."""
    rows = tuple(_row(i, p, h) for i, (p, h) in enumerate(major_hazards(data), start=1))
    points = joined(dict.fromkeys(p.name for p, _ in major_hazards(data)))
    notes = numbered_notes(
        [
            f"本企业经风险辨识评价，现有重大风险 {len(rows)} 项（涉及风险点：{points}）。"
            "责任单位和责任人须落实上述管控措施；发现管控措施失效或出现事故征兆时，立即停止作业、撤离人员并报告。",
            _contacts(data),
            *([MISMATCH_NOTE] if any(h.owner_mismatch for _p, h in major_hazards(data)) else []),
            *vocabulary_notes(data.enterprise),
        ]
    )
    part = Part(title=TITLE, columns=COLUMNS, sections=(Section(rows),), notes=notes)
    return TableDocument(
        enterprise=data.enterprise.name,
        printed_on=data.printed_on,
        parts=(part,),
        page=PageSetup(paper=paper, landscape=True),
    )


def write_major_risks_pdf(document: TableDocument, stream: BinaryIO) -> int:
    """The notice as PDF at its posted type size (:func:`notice_body_pt`); returns the pages."""
    styles = pdf_styles(notice_body_pt(document.page.paper))
    width, height = (v * MM_TO_PT for v in document.page.frame_mm)
    story = [flowable for part in document.parts for flowable in part_story(part, styles, width, height)]
    return build_pdf(stream, story, page=document.page, enterprise=document.enterprise,
                     printed_on=document.printed_on, title=document.title, note=document.running_note)  # fmt: skip
