"""风险分级管控清单 from the demo factory, read back as the inspector would see it."""

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import text

from dualprev.domain.risk import RiskLevel
from dualprev.reports.page import PaperSize
from dualprev.services.risk_report_service import ExportFormat, export_risk_list

TODAY = date(2026, 11, 20)
CATEGORIES = ["工程技术措施", "管理措施", "培训教育措施", "个体防护措施", "应急处置措施"]
# domain.md §5: 序号, 风险点 (编号, 名称, 类型, 区域位置), 作业步骤/检查项目, 危险源或潜在事件, 事故类型及后果,
# evaluation factors and score, 风险等级 + colour, 管控措施 (five categories), 管控层级, 责任单位, 责任人, 备注.
TOP_HEADER = [
    "序号", "风险点", None, None, None, "作业步骤/检查项目", "危险源或潜在事件", "事故类型及后果",
    "风险评价", None, None, None, None, "风险等级", "管控措施", None, None, None, None,
    "建议新增措施", "管控层级", "责任单位", "责任人", "备注",
]  # fmt: skip
SECOND_HEADER = [
    None, "编号", "名称", "类型", "区域位置", None, None, None,
    "评价方法", "L", "E", "S/C", "D/R", None, *CATEGORIES, None, None, None, None, None,
]  # fmt: skip


def _sql(db: Any, query: str) -> list[Any]:
    with db.engine.connect() as conn:
        return list(conn.execute(text(query)).all())


def _expected_rows(db: Any) -> list[Any]:
    return _sql(
        db,
        """SELECT rp.code, h.description, h.current_level, h.id FROM hazard h
           JOIN risk_point rp ON rp.id = h.risk_point_id LEFT JOIN area a ON a.id = rp.area_id
           ORDER BY a.id IS NULL, a.sort_order, a.id, rp.code = '', rp.code, rp.sort_order, rp.id, h.seq, h.id""",
    )


def test_xlsx_has_the_domain_columns_and_one_row_per_hazard(demo_db: Any, tmp_path: Path) -> None:
    out = tmp_path / "清单.xlsx"
    result = export_risk_list(demo_db, out, ExportFormat.XLSX, today=TODAY)
    sheet = load_workbook(out).active
    assert sheet.title == "风险分级管控清单" and sheet["A1"].value == "风险分级管控清单"
    assert "江苏恒锐精密机械有限公司" in sheet["A2"].value
    assert [c.value for c in sheet[3]] == TOP_HEADER
    assert [c.value for c in sheet[4]] == SECOND_HEADER
    expected = _expected_rows(demo_db)
    assert result.items == len(expected) > 100
    data = [row for row in sheet.iter_rows(min_row=5, values_only=True) if isinstance(row[0], int)]
    assert len(data) == len(expected)
    for number, (row, (code, description, level, _id)) in enumerate(
        zip(data, expected, strict=True), start=1
    ):
        assert row[0] == number and row[1] == code and row[6] == description
        assert row[13] == RiskLevel(level).label
    assert sheet.freeze_panes == "A5" and sheet.print_title_rows == "$3:$4"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A3)


def test_xlsx_level_cells_are_coloured_and_low_is_blue(demo_db: Any, tmp_path: Path) -> None:
    out = tmp_path / "清单.xlsx"
    export_risk_list(demo_db, out, ExportFormat.XLSX, today=TODAY)
    sheet = load_workbook(out).active
    fills: dict[str, set[str]] = {}
    for row in sheet.iter_rows(min_row=5):
        if isinstance(row[0].value, int):
            fills.setdefault(row[13].value, set()).add(row[13].fill.fgColor.rgb)
    assert fills == {
        "重大风险": {"FFFF0000"},
        "较大风险": {"FFFF8000"},
        "一般风险": {"FFFFFF00"},
        "低风险": {"FF0070C0"},
    }


def test_xlsx_measures_by_category_and_planned_measures(demo_db: Any, tmp_path: Path) -> None:
    hazard_id, planned = _sql(
        demo_db, "SELECT hazard_id, content FROM control_measure WHERE is_existing = 0"
    )[0]
    engineering = _sql(
        demo_db,
        f"SELECT content FROM control_measure WHERE hazard_id = {hazard_id} AND category = 'engineering' "
        "AND is_existing = 1",
    )
    description = _sql(demo_db, f"SELECT description FROM hazard WHERE id = {hazard_id}")[0][0]
    out = tmp_path / "清单.xlsx"
    export_risk_list(demo_db, out, ExportFormat.XLSX, today=TODAY)
    sheet = load_workbook(out).active
    row = next(r for r in sheet.iter_rows(min_row=5, values_only=True) if r[6] == description)
    assert planned in (row[19] or "")
    for (content,) in engineering:
        assert content in (row[14] or "")
    assert all(planned not in (row[i] or "") for i in range(14, 19))


def test_pdf_reads_right(demo_db: Any, tmp_path: Path, read_pdf: Any) -> None:
    out = tmp_path / "清单.pdf"
    result = export_risk_list(demo_db, out, ExportFormat.PDF, today=TODAY)
    pdf = read_pdf(out)
    assert result.pages == len(pdf.pages) > 1
    width, height = pdf.page_size()
    assert (round(width), round(height)) == (1191, 842)  # A3 landscape by default
    first = pdf.compact(0)
    assert "风险分级管控清单" in first and "江苏恒锐精密机械有限公司" in first and "2026年11月20日" in first
    for heading in (
        "序号",
        "危险源或潜在事件",
        "事故类型及后果",
        "风险等级",
        *CATEGORIES,
        "管控层级",
        "责任人",
    ):
        assert heading in first, heading
    assert "第1页/共" in first
    second = pdf.compact(1)
    assert "危险源或潜在事件" in second and "第2页/共" in second  # the header repeats
    short = [d for (d,) in _sql(demo_db, "SELECT description FROM hazard WHERE length(description) <= 9")]
    assert short
    everything = pdf.compact()
    assert all(d in everything for d in short)
    assert "重大风险" in everything and "低风险" in everything
    assert all(embedded for _name, embedded in pdf.fonts())
    last = pdf.compact(-1)
    assert "编制：" in last and "批准：" in last and "LEC-4C" in everything


def test_pdf_on_a4_when_asked(demo_db: Any, tmp_path: Path, read_pdf: Any) -> None:
    out = tmp_path / "清单.pdf"
    export_risk_list(demo_db, out, ExportFormat.PDF, paper=PaperSize.A4, today=TODAY)
    width, height = read_pdf(out).page_size()
    assert (round(width), round(height)) == (842, 595)
