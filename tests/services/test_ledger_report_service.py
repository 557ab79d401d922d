"""The hidden-danger exports on the demo factory, read back as a user would: the workbook's sheets,
headings, rows, summary figures (against counts made straight from the database file) and print
setup; the PDFs' text and pictures; the regulator version free of every person's name and phone;
export profiles changing the columns; and the forms (通知单, 验收单, 重大隐患报告, 统计表)."""

import shutil
import sqlite3
import subprocess
from copy import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from dualprev.errors import ConflictError, NotFoundError, ValidationError
from dualprev.reports.ledger import ledger_document
from dualprev.reports.ledger_columns import BY_KEY, STANDARD_KEYS, ColumnChoice
from dualprev.reports.ledger_period import ReportPeriod
from dualprev.reports.output import ExportFormat
from dualprev.reports.xlsx_table import write_table_xlsx
from dualprev.services import export_profile_service as profiles
from dualprev.services import ledger_report_service as lrs

from ..conftest import DEMO_TODAY

SECTION_8_2 = [
    "序号", "隐患编号", "排查日期", "排查类型", "排查人", "部位/风险点", "隐患描述", "隐患类别", "隐患级别",
    "可能导致的事故类型", "整改措施", "整改责任单位", "整改责任人", "整改期限", "整改资金（元）", "临时管控措施",
    "整改完成日期", "验收人", "验收日期", "验收结论", "状态", "备注",
]  # fmt: skip
Q3 = ReportPeriod.quarter(2026, 3)


def _text(path: Path) -> list[str]:
    """Each page's text with all whitespace removed (cells wrap, so words may break over lines)."""
    return ["".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def _sql(demo_path: Path, query: str, *params: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(demo_path) as conn:
        return conn.execute(query, params).fetchall()


def _count(demo_path: Path, query: str, *params: object) -> int:
    return int(_sql(demo_path, query, *params)[0][0])


def _header_row(sheet: Any) -> int:
    return next(r for r in range(1, 10) if sheet.cell(row=r, column=1).value == "序号")


# --- the ledger workbook -----------------------------------------------------------------------


def test_ledger_xlsx_has_the_section_8_2_columns_one_row_per_hidden_danger_and_prints_landscape(
    demo_db: Any, demo_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "台账.xlsx"
    result = lrs.export_ledger(demo_db, out, ExportFormat.XLSX, period=Q3, today=DEMO_TODAY)
    workbook = load_workbook(out)
    assert workbook.sheetnames == ["汇总", "台账"]
    sheet = workbook["台账"]
    head = _header_row(sheet)
    assert [c.value for c in sheet[head]] == SECTION_8_2
    numbers = [sheet.cell(row=r, column=2).value for r in range(head + 1, sheet.max_row + 1)]
    numbers = [n for n in numbers if n and str(n).startswith("YH-")]
    expected = [n for (n,) in _sql(demo_path, "SELECT number FROM hidden_danger WHERE found_on BETWEEN ? AND ? "
                                              "ORDER BY found_on, number", "2026-07-01", "2026-09-30")]  # fmt: skip
    assert numbers == expected and result.items == len(expected) > 10
    statuses = {
        sheet.cell(row=r, column=2).value: sheet.cell(row=r, column=21).value
        for r in range(head + 1, head + 1 + len(numbers))
    }
    assert statuses["YH-2026-0014"] == "已作废"  # voided records stay, marked
    # Opens on the header and prints like the paper form.
    assert sheet.freeze_panes == f"A{head + 1}"
    assert sheet.print_title_rows == f"${head}:${head}"
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.fitToWidth) == 1 and int(sheet.page_setup.fitToHeight) == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    signoff = " ".join(
        str(c.value) for row in sheet.iter_rows(min_row=sheet.max_row - 2) for c in row if c.value
    )
    assert all(label in signoff for label in ("填表人", "审核人", "主要负责人"))


def test_summary_sheet_figures_equal_an_independent_count(
    demo_db: Any, demo_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "台账.xlsx"
    lrs.export_ledger(demo_db, out, ExportFormat.XLSX, period=Q3, today=DEMO_TODAY)
    summary = load_workbook(out)["汇总"]
    figures = {row[1]: row for row in summary.iter_rows(values_only=True) if row[0] and row[1]}
    period = ("2026-07-01", "2026-09-30")
    found = _count(
        demo_path,
        "SELECT count(*) FROM hidden_danger WHERE found_on BETWEEN ? AND ? AND status != 'void'",
        *period,
    )
    major = _count(demo_path, "SELECT count(*) FROM hidden_danger WHERE found_on BETWEEN ? AND ? AND status != 'void' "
                              "AND level = 'major'", *period)  # fmt: skip
    closed = _count(demo_path, "SELECT count(*) FROM hidden_danger WHERE found_on BETWEEN ? AND ? AND status = 'closed' "
                               "AND accepted_on <= ?", *period, period[1])  # fmt: skip
    due = _count(demo_path, "SELECT count(*) FROM hidden_danger WHERE deadline BETWEEN ? AND ? AND status != 'void'",
                 *period)  # fmt: skip
    on_time = _count(demo_path, "SELECT count(*) FROM hidden_danger WHERE deadline BETWEEN ? AND ? AND status = 'closed' "
                                "AND accepted_on <= ? AND completed_on <= deadline", *period, period[1])  # fmt: skip
    open_end = _count(demo_path, "SELECT count(*) FROM hidden_danger WHERE found_on <= ? AND status != 'void' "
                                 "AND NOT (status = 'closed' AND accepted_on <= ?)", period[1], period[1])  # fmt: skip
    checks = _count(demo_path, "SELECT count(*) FROM check_record WHERE checked_on BETWEEN ? AND ?", *period)
    assert [v for v in figures["本期发现隐患"] if isinstance(v, int)] == [found - major, major, found]
    assert [v for v in figures["已整改销号"] if isinstance(v, int)][-1] == closed
    assert [v for v in figures["按期整改"] if isinstance(v, int)][-1] == on_time
    assert [v for v in figures["期末未销号"] if isinstance(v, int)][-1] == open_end
    # Rates are typed cells: a fraction shown as 0.0%.
    assert round(closed / found, 3) in figures["整改率"]
    assert [v for v in figures["到期应整改"] if isinstance(v, int)][-1] == due
    assert round(on_time / due, 3) in figures["按期整改率"]
    cells = [str(c) for row in summary.iter_rows(values_only=True) for c in row if c]
    assert any(c.startswith(f"排查次数：{checks} 次") for c in cells)


def test_thumbnails_are_optional_in_the_workbook(demo_db: Any, tmp_path: Path) -> None:
    plain, pictured = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    lrs.export_ledger(demo_db, plain, ExportFormat.XLSX, period=Q3, today=DEMO_TODAY)
    lrs.export_ledger(demo_db, pictured, ExportFormat.XLSX, period=Q3, today=DEMO_TODAY, photos=True)
    assert load_workbook(plain)["台账"]._images == []
    sheet = load_workbook(pictured)["台账"]
    head = _header_row(sheet)
    assert [c.value for c in sheet[head]][-2:] == ["整改前照片", "整改后照片"]
    assert len(sheet._images) >= 10


# --- the ledger PDF --------------------------------------------------------------------------------


def _cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every cell of every sheet: value, font, fill, border, alignment; row heights, merged cells."""
    sheets: dict[str, list[tuple[Any, ...]]] = {}
    for sheet in load_workbook(path).worksheets:
        rows: list[tuple[Any, ...]] = []
        for row in sheet.iter_rows():
            for c in row:
                rows.append(
                    (c.coordinate, c.value, copy(c.font), copy(c.fill), copy(c.border), copy(c.alignment))
                )
        rows += [(r, sheet.row_dimensions[r].height) for r in range(1, sheet.max_row + 1)]
        rows.append(tuple(sorted(str(m) for m in sheet.merged_cells.ranges)))
        rows.append((sheet.freeze_panes, sheet.print_title_rows, len(sheet._images)))
        sheets[sheet.title] = rows
    return sheets


@pytest.mark.parametrize(
    "options", [{}, {"regulator": True}, {"photos": True}], ids=["full", "regulator", "photos"]
)
def test_the_streamed_workbook_is_the_document_written_whole(
    demo_db: Any, tmp_path: Path, options: dict[str, bool], monkeypatch: pytest.MonkeyPatch
) -> None:
    """export_ledger writes the ledger as it reads it, a batch at a time; what it writes is the
    ledger document of the period written in one go."""
    period = ReportPeriod.year_to_date(DEMO_TODAY)
    streamed = tmp_path / "streamed.xlsx"
    monkeypatch.setattr(lrs.queries, "STREAM_BATCH", 7)
    lrs.export_ledger(demo_db, streamed, ExportFormat.XLSX, period=period, today=DEMO_TODAY, **options)
    data = lrs.load_ledger(demo_db, period, today=DEMO_TODAY, photos=options.get("photos", False))
    document = ledger_document(data, redactor=lrs.redactor(demo_db), **options)
    whole = tmp_path / "whole.xlsx"
    with whole.open("wb") as stream:
        write_table_xlsx(document, stream)
    assert _cells(streamed) == _cells(whole)
    assert len(data.entries) > 3 * 7  # the demo's ledger came in several batches


def test_ledger_pdf_reads_as_a_signed_document(demo_db: Any, tmp_path: Path) -> None:
    out = tmp_path / "台账.pdf"
    result = lrs.export_ledger(demo_db, out, ExportFormat.PDF, period=Q3, today=DEMO_TODAY)
    pages = _text(out)
    reader = PdfReader(str(out))
    assert result.pages == len(pages) >= 2
    width, height = (float(v) for v in reader.pages[1].mediabox[2:])
    assert width > height  # landscape
    for number, text in enumerate(pages, start=1):
        assert "江苏恒锐精密机械有限公司" in text
        assert "2026年第三季度" in text  # the period in every page's header
        assert f"第{number}页/共{len(pages)}页" in text
    assert "隐患排查治理情况汇总" in pages[0] and "整改率" in pages[0] and "按期整改率" in pages[0]
    body = "".join(pages)
    assert "YH-2026-0002" in body and "3号压力机光电保护装置遮光后滑块仍能下行" in body
    assert all(f"{label}：" in pages[-1] for label in ("填表人", "审核人", "主要负责人"))


def test_regulator_version_contains_no_name_phone_or_photo(
    demo_db: Any, demo_path: Path, tmp_path: Path
) -> None:
    people = _sql(demo_path, "SELECT name, phone, role FROM person")
    principal = _sql(demo_path, "SELECT principal_name, principal_phone, safety_manager_name, safety_manager_phone "
                                "FROM enterprise")[0]  # fmt: skip
    names = {n for n, _p, _r in people} | {principal[0], principal[2]}
    phones = {p for _n, p, _r in people if p} | {principal[1], principal[3]}
    assert len(names) > 20 and "杨帆" in names
    pdf, xlsx = tmp_path / "报送.pdf", tmp_path / "报送.xlsx"
    period = ReportPeriod.year_to_date(DEMO_TODAY)
    lrs.export_ledger(demo_db, pdf, ExportFormat.PDF, period=period, regulator=True, today=DEMO_TODAY)
    lrs.export_ledger(demo_db, xlsx, ExportFormat.XLSX, period=period, regulator=True, today=DEMO_TODAY)
    text = "".join(_text(pdf))
    workbook = load_workbook(xlsx)
    cells = " ".join(
        str(c) for sheet in workbook for row in sheet.iter_rows(values_only=True) for c in row if c
    )
    for name in names:
        assert name not in text, name
        assert name not in cells, name
    for phone in phones:
        assert phone not in text and phone not in cells, phone
    # A name inside a description becomes the person's 职务 (杨帆 is an 电焊工), the rest is kept.
    assert "电焊工电焊工特种作业操作证" in cells
    assert all(not page.images for page in PdfReader(str(pdf)).pages)
    assert all(not sheet._images for sheet in workbook)
    sheet = workbook["台账"]
    head = _header_row(sheet)
    headings = [c.value for c in sheet[head]]
    # Everything but personal data is kept: funds, interim measures and the acceptance fields.
    for kept in ("整改资金（元）", "临时管控措施", "整改完成日期", "验收日期", "验收结论", "判定依据"):
        assert kept in headings, kept
    assert "整改责任人（职务）" in headings and "验收人（职务）" in headings
    assert "责任人电话" not in headings and "整改前照片" not in headings
    rectifier = headings.index("整改责任人（职务）")
    roles = {r for _n, _p, r in people if r}
    shown = {sheet.cell(row=r, column=rectifier + 1).value for r in range(head + 1, sheet.max_row + 1)}
    assert shown - {None} and shown - {None} <= roles | {"相关人员"}
    funds = headings.index("整改资金（元）") + 1
    assert any(
        isinstance(sheet.cell(row=r, column=funds).value, (int, float)) for r in range(head + 1, head + 30)
    )
    assert "YH-2026-0014" not in cells  # voided records are not reported
    assert "报送版" in text


def test_regulator_version_adds_photos_only_when_asked(demo_db: Any, tmp_path: Path) -> None:
    pdf = tmp_path / "报送照片.pdf"
    period = ReportPeriod.year_to_date(DEMO_TODAY)
    lrs.export_ledger(
        demo_db, pdf, ExportFormat.PDF, period=period, regulator=True, photos=True, today=DEMO_TODAY
    )
    assert any(page.images for page in PdfReader(str(pdf)).pages)
    assert "不附照片" not in "".join(_text(pdf))


# --- profiles ------------------------------------------------------------------------------------


def test_a_saved_profile_changes_columns_order_and_headings(demo_db: Any, tmp_path: Path) -> None:
    draft = profiles.ExportProfileDraft(
        "丰泽镇格式",
        (ColumnChoice("number", "编号"), ColumnChoice("level"), ColumnChoice("place", "隐患地点"),
         ColumnChoice("description"), ColumnChoice("progress", "整改情况")),
    )  # fmt: skip
    saved = profiles.save_profile(demo_db, draft, actor="测试")
    assert [p.name for p in profiles.list_profiles(demo_db)] == ["丰泽镇格式"]
    out = tmp_path / "乡镇.xlsx"
    lrs.export_ledger(demo_db, out, ExportFormat.XLSX, period=Q3, profile="丰泽镇格式", today=DEMO_TODAY)
    sheet = load_workbook(out)["台账"]
    head = next(r for r in range(1, 10) if sheet.cell(row=r, column=1).value == "编号")
    assert [c.value for c in sheet[head]] == ["编号", "隐患级别", "隐患地点", "隐患描述", "整改情况"]
    assert sheet.cell(row=head + 1, column=1).value == "YH-2026-0001"
    # Renamed and reordered; the old name is free again, a taken one is refused.
    profiles.save_profile(demo_db, profiles.ExportProfileDraft("丰泽镇格式（新）", (ColumnChoice("description"),
                                                                              ColumnChoice("number")), id=saved.id),
                          actor="测试")  # fmt: skip
    assert profiles.get_profile(demo_db, "丰泽镇格式（新）").columns[0].key == "description"
    other = profiles.save_profile(
        demo_db, profiles.ExportProfileDraft("区局", (ColumnChoice("number"),)), actor="测试"
    )
    with pytest.raises(ConflictError):
        profiles.save_profile(
            demo_db, profiles.ExportProfileDraft("区局", (ColumnChoice("level"),)), actor="测试"
        )
    with pytest.raises(ValidationError):
        profiles.save_profile(demo_db, profiles.ExportProfileDraft("空", ()), actor="测试")
    with pytest.raises(ValidationError):
        profiles.save_profile(
            demo_db, profiles.ExportProfileDraft("错", (ColumnChoice("nope"),)), actor="测试"
        )
    profiles.delete_profile(demo_db, other.id, actor="测试")
    with pytest.raises(NotFoundError, match="丰泽镇格式（新）"):
        lrs.export_ledger(demo_db, tmp_path / "x.xlsx", ExportFormat.XLSX, profile="区局", today=DEMO_TODAY)
    assert not (tmp_path / "x.xlsx").exists()


def test_the_standard_columns_are_section_8_2() -> None:
    assert [BY_KEY[k].heading for k in STANDARD_KEYS] == SECTION_8_2


# --- statistics form -------------------------------------------------------------------------------


def test_quarterly_statistics_form_has_due_date_and_principal_signature(demo_db: Any, tmp_path: Path) -> None:
    out = tmp_path / "统计表.pdf"
    lrs.export_ledger_statistics(demo_db, out, ExportFormat.PDF, period=Q3, today=DEMO_TODAY)
    (page,) = _text(out)
    assert "隐患排查治理情况统计表" in page and "2026年第三季度" in page
    assert "报送期限：2026年10月15日前" in page
    assert "主要负责人（签字）：" in page and "顾建华" in page
    yearly = tmp_path / "年度.xlsx"
    lrs.export_ledger_statistics(
        demo_db, yearly, ExportFormat.XLSX, period=ReportPeriod.year(2026), today=DEMO_TODAY
    )
    cells = [str(c) for row in load_workbook(yearly).active.iter_rows(values_only=True) for c in row if c]
    assert "报送期限：2027年1月31日前" in cells
    assert "YH-2026-0021" in cells  # the year's 重大隐患 listed
    with pytest.raises(ValidationError, match="季度或年度"):
        lrs.export_ledger_statistics(
            demo_db, tmp_path / "m.pdf", ExportFormat.PDF, period=ReportPeriod.month(2026, 9)
        )


# --- forms -----------------------------------------------------------------------------------------


def test_acceptance_form_includes_its_photos(demo_db: Any, demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "验收单.pdf"
    lrs.export_acceptance_form(demo_db, out, "YH-2026-0001", today=DEMO_TODAY)
    reader = PdfReader(str(out))
    (page,) = _text(out)
    photos = _count(demo_path, "SELECT count(*) FROM photo p JOIN hidden_danger h ON h.id = p.hidden_danger_id "
                               "WHERE h.number = 'YH-2026-0001'")  # fmt: skip
    assert photos == 2 and len(reader.pages[0].images) == photos
    assert "隐患整改验收单" in page and "YH-2026-0001" in page
    assert "砂轮机防护罩上部开口角度过大" in page and "钱国平" in page  # the acceptor
    assert "整改责任人（签字）：" in page and "验收人（签字）：" in page
    with pytest.raises(NotFoundError):
        lrs.export_acceptance_form(demo_db, tmp_path / "x.pdf", "YH-2026-9999")
    with pytest.raises(ValidationError, match="作废"):
        lrs.export_acceptance_form(demo_db, tmp_path / "x.pdf", "YH-2026-0014")


def test_open_hidden_danger_gets_a_blank_acceptance_part(demo_db: Any, tmp_path: Path) -> None:
    out = tmp_path / "验收单.pdf"
    lrs.export_acceptance_form(demo_db, out, "YH-2026-0033", today=DEMO_TODAY)
    (page,) = _text(out)
    assert "□验收通过，同意销号" in page and "□验收不通过，继续整改" in page


def test_major_report_has_state_harm_and_plan(demo_db: Any, tmp_path: Path) -> None:
    out = tmp_path / "重大隐患报告.pdf"
    lrs.export_major_report(demo_db, out, "YH-2026-0021", today=DEMO_TODAY)
    text = "".join(_text(out))
    for heading in ("隐患的现状及其产生原因", "隐患的危害程度和整改难易程度分析", "隐患的治理方案"):
        assert heading in text
    assert "目标和任务" in text and "安全措施和应急预案" in text and "应急管理部令第10号" in text
    assert "主要负责人（签字）：" in text and "报告单位（盖章）：" in text
    assert any(page.images for page in PdfReader(str(out)).pages)
    with pytest.raises(ValidationError, match="一般隐患"):
        lrs.export_major_report(demo_db, tmp_path / "x.pdf", "YH-2026-0001")


def test_one_notice_per_department_for_what_is_still_to_be_rectified(
    demo_db: Any, demo_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "通知单.pdf"
    result = lrs.export_notices(demo_db, out, today=DEMO_TODAY)
    departments = _sql(demo_path, "SELECT DISTINCT d.name FROM hidden_danger h JOIN department d "
                                  "ON d.id = h.responsible_department_id WHERE h.status IN ('pending', 'rectifying')")  # fmt: skip
    pages = _text(out)
    assert result.items == len(departments) == len(pages)
    assert sorted(lrs.notice_departments(demo_db)) == sorted(d for (d,) in departments)
    for (name,) in departments:
        assert any(f"{name}：" in page for page in pages)
    text = "".join(pages)
    assert "YH-2026-0029" in text and "YH-2026-0032" not in text  # 待验收 needs no notice
    assert "编号：ZG-20261120-01" in text and "接收单位负责人（签字）：" in text
    one = tmp_path / "一个.pdf"
    name = departments[0][0]
    assert lrs.export_notices(demo_db, one, department=name, today=DEMO_TODAY).items == 1
    with pytest.raises(NotFoundError):
        lrs.export_notices(demo_db, tmp_path / "x.pdf", department="不存在的部门")


def test_an_empty_database_is_told_to_fill_in_the_enterprise(empty_db: Any, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="企业档案"):
        lrs.export_ledger(empty_db, tmp_path / "x.xlsx", ExportFormat.XLSX, today=date(2026, 1, 5))
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_workbook_opens_and_prints_landscape_in_libreoffice(demo_db: Any, tmp_path: Path) -> None:
    out = tmp_path / "台账.xlsx"
    lrs.export_ledger(demo_db, out, ExportFormat.XLSX, period=Q3, today=DEMO_TODAY, photos=True)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
         str(tmp_path / "printed"), str(out)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    printed = PdfReader(str(tmp_path / "printed" / "台账.pdf"))
    assert len(printed.pages) >= 2
    assert all(float(p.mediabox.width) > float(p.mediabox.height) for p in printed.pages)  # landscape
    texts = ["".join((p.extract_text() or "").split()) for p in printed.pages]
    assert "隐患排查治理情况汇总" in texts[0]
    ledger_pages = [t for t in texts if "YH-2026-" in t and "隐患排查治理台账" in t]
    assert ledger_pages and all(
        "隐患编号" in t and "整改期限" in t for t in ledger_pages
    )  # header on each page
    assert "主要负责人" in texts[-1]
