"""The 全员安全生产责任清单, sign sheets and training records as a user reads them: text extracted
from the PDF, fonts embedded, workbooks read back."""

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from dualprev.errors import NotFoundError, ValidationError
from dualprev.reports.output import ExportFormat
from dualprev.services import organisation_service as org
from dualprev.services.duties import duty_lists, printouts
from dualprev.storage.db import Database

from ..conftest import DEMO_TODAY


def test_enterprise_duty_list_pdf(demo_db: Database, tmp_path: Path, read_pdf: Any) -> None:
    out = tmp_path / "责任清单.pdf"
    result = printouts.export_duties(demo_db, out, ExportFormat.PDF, today=DEMO_TODAY)
    pdf = read_pdf(out)
    assert result.pages == len(pdf.pages) and result.items == 18
    text = pdf.compact()
    assert "企业名称：江苏恒锐精密机械有限公司" in pdf.compact(0)
    assert "全员安全生产责任清单" in pdf.compact(0) and "一、主要负责人" in pdf.compact(0)
    assert "组织建立并落实安全风险分级管控和隐患排查治理双重预防工作机制" in text
    assert "十八、" in text  # the 18th list keeps Chinese numbering
    sheets = [i for i, _p in enumerate(pdf.pages) if "安全生产责任清单签字确认表" in pdf.compact(i)]
    assert len(sheets) == 18  # one page per list
    first = pdf.compact(sheets[0])
    assert "主要负责人：主要负责人" in first and "责任人签字" in first and "承诺严格履行" in first
    assert "履职完成情况" in text and "逾期" in text and "2026年10月" in text
    assert "主要负责人及领导履职记录" in text and "128,000.00" in text  # the explosion-proof upgrade
    assert all(embedded for _name, embedded in pdf.fonts())


def test_one_post_sign_sheet_and_workbook(demo_db: Database, tmp_path: Path, read_pdf: Any) -> None:
    lathe = next(d for d in duty_lists.list_duty_lists(demo_db) if d.title == "车工岗位")
    out = tmp_path / "车工.pdf"
    result = printouts.export_duties(
        demo_db, out, ExportFormat.PDF, today=DEMO_TODAY, list_ids=(lathe.id or 0,)
    )
    pdf = read_pdf(out)
    assert result.pages == 1
    text = pdf.compact()
    assert "岗位：车工岗位（车工班）" in text and "掌握车工岗位的安全风险和管控措施" in text
    assert "铣工" not in text
    book = tmp_path / "清单.xlsx"
    printouts.export_duties(demo_db, book, ExportFormat.XLSX, today=DEMO_TODAY)
    workbook = load_workbook(book)
    assert workbook.sheetnames[0] == "全员安全生产责任清单" and "车工岗位" in workbook.sheetnames
    values = [str(c.value) for row in workbook["车工岗位"].iter_rows() for c in row if c.value is not None]
    assert "严格遵守本单位的安全生产规章制度和操作规程，服从管理" in values


def test_training_pdf_and_person_file(demo_db: Database, tmp_path: Path, read_pdf: Any) -> None:
    out = tmp_path / "培训.pdf"
    printouts.export_training(demo_db, out, ExportFormat.PDF, today=DEMO_TODAY)
    pdf = read_pdf(out)
    text = pdf.compact()
    assert "安全教育培训记录" in pdf.compact(0) and "新员工三级安全教育" in pdf.compact(0)
    assert "培训签到及考核记录" in text and "本人签名" in text
    assert "吕芳" in text and "未完成三级安全教育，不得上岗" in text
    assert "彭涛" in text and "差8学时" in text
    assert "员工安全培训档案" in text
    peng = next(p.id for p in org.list_people(demo_db) if p.name == "彭涛")
    one = tmp_path / "彭涛.pdf"
    printouts.export_training(demo_db, one, ExportFormat.PDF, today=DEMO_TODAY, person_id=peng)
    own = read_pdf(one).compact()
    assert "彭涛（仓储部）" in own and "不合格" in own and "吕芳" not in own
    book = tmp_path / "培训.xlsx"
    printouts.export_training(demo_db, book, ExportFormat.XLSX, today=DEMO_TODAY)
    sheet = load_workbook(book)["安全教育培训记录"]
    courses = [row[2].value for row in sheet.iter_rows() if row[2].value]
    assert "有限空间作业安全专题培训" in courses


def test_refusals_write_nothing(empty_db: Database, demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(NotFoundError, match="企业档案"):
        printouts.export_duties(empty_db, out, ExportFormat.PDF, today=DEMO_TODAY)
    with pytest.raises(ValidationError, match="xlsx、pdf"):
        printouts.export_training(demo_db, tmp_path / "x.png", ExportFormat.PNG, today=DEMO_TODAY)
    with pytest.raises(NotFoundError, match="没有培训记录"):
        printouts.export_training(demo_db, out, ExportFormat.PDF, today=DEMO_TODAY,
                                  date_from=DEMO_TODAY, date_to=DEMO_TODAY)  # fmt: skip
    assert not out.exists() and not (tmp_path / "x.png").exists()
