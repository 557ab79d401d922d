"""The identification records (domain.md §5) in one workbook and one PDF."""

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from dualprev.domain.risk import RiskPointKind
from dualprev.services.risk_report_service import ExportFormat, export_risk_records, load_risk_report
from dualprev.services.risks import risk_points

TODAY = date(2026, 11, 20)
MEASURES = ["工程技术措施", "管理措施", "培训教育措施", "个体防护措施", "应急处置措施"]
EVALUATION = ["L", "E", "S/C", "D/R", "评价级别", "风险分级"]


def _header(sheet: Any, row: int) -> list[Any]:
    return [c.value for c in sheet[row]]


def _chinese(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def test_workbook_has_one_sheet_per_record_with_the_domain_columns(demo_db: Any, tmp_path: Path) -> None:
    out = tmp_path / "记录.xlsx"
    result = export_risk_records(demo_db, out, ExportFormat.XLSX, today=TODAY)
    data = load_risk_report(demo_db, today=TODAY)
    assert result.items == len(data.risk_points)
    book = load_workbook(out)
    assert book.sheetnames == ["作业活动清单", "设备设施清单", "JHA评价记录", "SCL评价记录", "风险点登记台账"]

    activities = book["作业活动清单"]
    assert _header(activities, 3) == ["序号", "岗位/地点", "作业活动名称", "作业活动内容", "活动频率", "备注"]
    names = [r[2] for r in activities.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    assert names == [p.name for p in data.of_kind(RiskPointKind.ACTIVITY)]

    equipment = book["设备设施清单"]
    assert _header(equipment, 3) == [
        "序号",
        "设备设施名称",
        "编号/位号",
        "规格型号",
        "所属车间/使用部门",
        "岗位",
        "备注",
    ]
    rows = [r for r in equipment.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    assert [r[1] for r in rows] == [p.name for p in data.of_kind(RiskPointKind.EQUIPMENT)]
    assert rows[0][3]  # 规格型号 filled from the risk point

    register = book["风险点登记台账"]
    assert _header(register, 3) == [
        "序号", "风险点编号", "名称", "类型", "区域位置", "可能导致的事故类型", "风险等级", "管控层级",
        "责任单位", "责任人", "备注",
    ]  # fmt: skip
    entries = [r for r in register.iter_rows(min_row=4) if isinstance(r[0].value, int)]
    assert len(entries) == len(data.risk_points)
    for cells, point in zip(entries, data.risk_points, strict=True):
        assert cells[1].value == point.code
        assert cells[6].value == (point.level.label if point.level else "未评价")
        if point.level:
            assert cells[6].fill.fgColor.rgb == "FF" + point.level.colour.hex[1:]


def test_jha_and_scl_sheets_hold_a_header_block_per_risk_point(demo_db: Any, tmp_path: Path) -> None:
    out = tmp_path / "记录.xlsx"
    export_risk_records(demo_db, out, ExportFormat.XLSX, today=TODAY)
    data = load_risk_report(demo_db, today=TODAY)
    book = load_workbook(out)
    jha = book["JHA评价记录"]
    values = [v for row in jha.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    activities = [p for p in data.of_kind(RiskPointKind.ACTIVITY) if p.hazards]
    for point in activities:
        assert f"风险点：{point.code} {point.name}" in values
    for point in activities:
        assert point.reviewed_on is not None and point.approved_on is not None
        assert f"审核人/日期：{point.reviewer_name}　{_chinese(point.reviewed_on)}" in values
        assert f"审定人/日期：{point.approver_name}　{_chinese(point.approved_on)}" in values
    assert sum(1 for v in values if v.startswith("审核人/日期：")) == len(activities)
    assert sum(1 for v in values if v.startswith("审定人/日期：")) == len(activities)
    assert sum(1 for v in values if v.startswith("分析人/日期：") and len(v) > 7) == len(activities)
    header_rows = [i for i, row in enumerate(jha.iter_rows(values_only=True), 1) if row[1] == "作业步骤"]
    assert len(header_rows) == len(activities) and len(jha.row_breaks.brk) == len(activities) - 1
    first = header_rows[0]
    assert _header(jha, first)[:4] == ["序号", "作业步骤", "危险源或潜在事件", "可能发生的事故类型及后果"]
    assert _header(jha, first)[4] == "现有控制措施" and _header(jha, first + 1)[4:15] == MEASURES + EVALUATION
    assert _header(jha, first)[-3:] == ["管控层级", "建议新增(改进)措施", "备注"]
    steps = [r[1] for r in jha.iter_rows(min_row=first + 2, values_only=True)][: len(activities[0].hazards)]
    assert steps == [h.step_or_item for h in activities[0].hazards]

    scl = book["SCL评价记录"]
    scl_points = [p for p in data.of_kind(RiskPointKind.EQUIPMENT, RiskPointKind.PLACE) if p.hazards]
    header_rows = [i for i, row in enumerate(scl.iter_rows(values_only=True), 1) if row[1] == "检查项目"]
    assert len(header_rows) == len(scl_points)
    assert _header(scl, header_rows[0])[:4] == ["序号", "检查项目", "标准", "不符合标准情况及后果"]
    scl_values = [v for row in scl.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert any(v.startswith("设备设施：") for v in scl_values) and any(
        v.startswith("场所区域：") for v in scl_values
    )


def test_pdf_holds_every_record(demo_db: Any, tmp_path: Path, read_pdf: Any) -> None:
    out = tmp_path / "记录.pdf"
    result = export_risk_records(demo_db, out, ExportFormat.PDF, today=TODAY)
    pdf = read_pdf(out)
    data = load_risk_report(demo_db, today=TODAY)
    records = sum(1 for p in data.risk_points if p.hazards)
    assert result.pages == len(pdf.pages) >= records + 3  # a page per JHA/SCL record, plus the lists
    assert (round(pdf.page_size()[0]), round(pdf.page_size()[1])) == (842, 595)  # A4 landscape
    everything = pdf.compact()
    for title in (
        "作业活动清单",
        "设备设施清单",
        "工作危害分析(JHA)评价记录",
        "安全检查表分析(SCL)评价记录",
        "风险点登记台账",
    ):
        assert title.replace("(", "（").replace(")", "）") in everything or title in everything, title
    assert everything.count("审定人/日期：") == records
    assert all(embedded for _name, embedded in pdf.fonts())


def _record_page(pdf: Any, code: str) -> str:
    """The compacted text of the page on which the JHA/SCL record of risk point ``code`` begins."""
    pages: list[str] = [pdf.compact(i) for i in range(len(pdf.pages))]
    return next(p for p in pages if f"风险点：{code}" in p and "审定人/日期：" in p)


def test_pdf_record_headers_print_the_recorded_sign_off(demo_db: Any, tmp_path: Path, read_pdf: Any) -> None:
    """What is recorded in the risk point is printed; an unsigned record keeps blank boxes for a pen."""
    signed, unsigned = "FX-JJ-006", "FX-CY-004"
    ids = {p.code: p.id for p in load_risk_report(demo_db, today=TODAY).risk_points}
    point = risk_points.get_risk_point(demo_db, ids[signed])
    risk_points.save_risk_point(
        demo_db,
        replace(point, reviewer_name="沈立明", reviewed_on=date(2026, 6, 2), approver_name="严志明",
                approved_on=date(2026, 6, 15)),
        actor="t", today=TODAY,
    )  # fmt: skip
    other = risk_points.get_risk_point(demo_db, ids[unsigned])
    risk_points.save_risk_point(
        demo_db,
        replace(other, reviewer_name="", reviewed_on=None, approver_name="", approved_on=None),
        actor="t",
    )
    out = tmp_path / "记录.pdf"
    export_risk_records(demo_db, out, ExportFormat.PDF, today=TODAY)
    pdf = read_pdf(out)

    page = _record_page(pdf, signed)
    assert "审核人/日期：沈立明2026年6月2日" in page and "审定人/日期：严志明2026年6月15日" in page
    assert "周海涛" not in page and "顾建华" not in page
    blank = _record_page(pdf, unsigned)
    assert "审核人/日期：审定人/日期：" in blank  # nothing between the two labels
    assert blank.index("审定人/日期：") + len("审定人/日期：") == blank.index("序号")
