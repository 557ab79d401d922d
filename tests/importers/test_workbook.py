"""Finding the table in a real-world sheet (issue 12): the header is found, merged ranges fill the
cells they cover, an empty cell outside a merged range stays empty, and blank rows, repeated
headers and footers are not data."""

from pathlib import Path

import pytest
from openpyxl import Workbook

from dualprev.domain.importing.fields import LEDGER_FIELDS, PEOPLE_FIELDS, RISK_LIST_FIELDS
from dualprev.importers.workbook import UnreadableFile, read_tables


def _save(wb: Workbook, tmp_path: Path) -> Path:
    path = tmp_path / "t.xlsx"
    wb.save(path)
    return path


def test_a_two_row_header_below_a_title(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["清单"])
    ws.merge_cells("A1:F1")
    ws.append(["风险点", None, "危险源", "风险评价", None, "备注"])
    ws.append(["编号", "名称", None, "L", "E", None])
    ws.merge_cells("A2:B2")
    ws.merge_cells("D2:E2")
    for col in "CF":
        ws.merge_cells(f"{col}2:{col}3")
    ws.append(["A-1", "冲床", "夹手", 1, 6, None])
    table = read_tables(_save(wb, tmp_path), RISK_LIST_FIELDS)[0]
    assert table.header_rows == (2, 3)
    assert table.labels == ("风险点/编号", "风险点/名称", "危险源", "风险评价/L", "风险评价/E", "备注")
    assert table.suggested == {"point_code": 0, "point_name": 1, "description": 2, "l": 3, "e": 4, "note": 5}
    assert [r.number for r in table.rows] == [4]


def test_merged_ranges_fill_their_rows_and_nothing_else_inherits(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "风险点名称", "检查项目", "危险源", "责任人"])
    ws.append([1, "冲床", "防护", "夹手", "张伟"])
    ws.append([2, None, "电气", "触电", None])
    ws.append([3, None, "模具", "飞出", None])
    ws.merge_cells("B2:B3")  # the name covers rows 2–3 only; row 4 is empty on its own
    ws.merge_cells("E2:E4")
    table = read_tables(_save(wb, tmp_path), RISK_LIST_FIELDS)[0]
    assert [(r.number, r.cells[1], r.cells[4]) for r in table.rows] == [
        (2, "冲床", "张伟"), (3, "冲床", "张伟"), (4, None, "张伟"),
    ]  # fmt: skip


def test_blank_rows_repeated_headers_examples_and_footers_are_not_data(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["员工花名册"])
    ws.append(["序号", "姓名", "部门", "电话"])
    ws.append(["示例", "张三", "某车间", "138"])
    ws.append([1, "张伟", "冲压车间", None])
    ws.append([None, None, "\u3000", None])
    ws.append(["序号", "姓名", "部门", "电话"])  # the header again, as on a printed second page
    ws.append([2, "李强", "设备部", None])
    ws.append(["说明：本表每年更新。"])
    ws.merge_cells("A8:D8")
    ws.append(["编制：赵六", None, "审核：钱七"])
    ws.append(["填表人：赵六"])
    table = read_tables(_save(wb, tmp_path), PEOPLE_FIELDS)[0]
    assert [r.number for r in table.rows] == [4, 7]


def test_sheets_without_the_table_are_left_out(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.title = "说明"
    wb.active.append(["本台账由安全部维护"])
    summary = wb.create_sheet("汇总")
    summary.append(["隐患编号", "排查日期", "隐患描述"])
    ledger = wb.create_sheet("台账")
    ledger.append(
        [
            "序号",
            "隐患编号",
            "排查日期",
            "排查人",
            "部位",
            "隐患描述",
            "隐患级别",
            "整改措施",
            "整改责任人",
            "整改期限",
        ]
    )
    tables = read_tables(_save(wb, tmp_path), LEDGER_FIELDS)
    assert [t.name for t in tables] == ["台账"]


def test_no_table_or_no_workbook_is_one_chinese_line(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["姓名"])
    with pytest.raises(UnreadableFile, match="找不到表头（至少需要：姓名"):
        read_tables(_save(wb, tmp_path), PEOPLE_FIELDS)
    with pytest.raises(UnreadableFile, match="文件不存在"):
        read_tables(tmp_path / "none.xlsx", PEOPLE_FIELDS)
