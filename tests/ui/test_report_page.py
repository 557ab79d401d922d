"""报表导出 as a user drives it: pick a period and see its figures, press an export button, say where
to save (the file dialog is answered by the test), and get the file with 打开文件/打开所在文件夹;
pick a hidden danger or a department where an export needs one; edit and use column profiles."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from dualprev.reports.ledger_columns import ColumnChoice
from dualprev.reports.ledger_period import PeriodKind, ReportPeriod
from dualprev.reports.output import ExportFormat
from dualprev.services import export_profile_service as profiles
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.export_profile_dialog import ExportProfileDialog, ProfileAction
from dualprev.ui.gui import create_application, start_main_window
from dualprev.ui.pages import report_page
from dualprev.ui.pages.report_exports import EXPORTS
from dualprev.ui.pages.report_page import ReportPage
from dualprev.ui.prefs import Prefs

from ..conftest import DEMO_TODAY
from .conftest import MessageLog, wait_for_tasks


@pytest.fixture
def page(qtbot: QtBot, demo_path: Path, prefs: Prefs) -> Iterator[ReportPage]:
    create_application([])
    main = start_main_window(demo_path, prefs, today=lambda: DEMO_TODAY)
    assert main is not None
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    shown = main.show_page("reports")
    assert isinstance(shown, ReportPage)
    yield shown
    main.close()
    main.shutdown()


class SaveAs:
    """Answers the file dialog: the file the user would type, and what the page suggested."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.asked: list[tuple[str, Path, tuple[ExportFormat, ...]]] = []
        self.name = ""

    def __call__(
        self, _parent: Any, title: str, suggested: Path, formats: tuple[ExportFormat, ...]
    ) -> tuple[Path, ExportFormat] | None:
        self.asked.append((title, suggested, formats))
        if not self.name:
            return None
        path = self.folder / self.name
        return path, ExportFormat(path.suffix.lstrip("."))


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> SaveAs:
    answer = SaveAs(tmp_path)
    monkeypatch.setattr(report_page, "choose_output_file", answer)
    return answer


def _pdf_text(path: Path) -> str:
    return "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


def test_period_picker_drives_the_figures(page: ReportPage) -> None:
    assert page.value_labels["period"].text() == "2026年度（2026-01-01 至 2026-12-31）"
    assert page.value_labels["as_of"].text() == "2026-11-20"
    year_found = int(page.value_labels["found"].text().split()[0])
    page.period_box.kind_combo.setCurrentIndex(page.period_box.kind_combo.findData(PeriodKind.QUARTER.value))
    page.period_box.part_combo.setCurrentIndex(2)
    assert page.period() == ReportPeriod.quarter(2026, 3)
    assert page.value_labels["as_of"].text() == "2026-09-30"
    quarter_found = int(page.value_labels["found"].text().split()[0])
    assert 0 < quarter_found < year_found
    assert page.value_labels["rate"].text().endswith("%")
    page.period_box.kind_combo.setCurrentIndex(page.period_box.kind_combo.findData(PeriodKind.CUSTOM.value))
    assert page.period_box.from_edit.isVisible() and not page.period_box.part_combo.isVisible()
    page.period_box.from_edit.setDate(QDate(2026, 8, 1))
    page.period_box.to_edit.setDate(QDate(2026, 8, 31))
    assert page.period() == ReportPeriod.custom(date(2026, 8, 1), date(2026, 8, 31))
    assert "2026-08-01 至 2026-08-31" in page.value_labels["period"].text()


def test_every_export_has_a_button(page: ReportPage) -> None:
    assert set(page.export_buttons) == {spec.key for spec in EXPORTS}
    for key in (
        "risk_list",
        "ledger",
        "regulator_ledger",
        "ledger_stats",
        "notices",
        "acceptance",
        "major_report",
    ):
        assert page.export_buttons[key].isEnabled()


def test_export_the_ledger_and_open_it(
    qtbot: QtBot, page: ReportPage, save_as: SaveAs, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(report_page, "open_file", lambda path: opened.append(path) or True)
    monkeypatch.setattr(report_page.desktop, "open_folder", lambda path: opened.append(path) or True)
    page.set_period(ReportPeriod.quarter(2026, 3))
    page.export_buttons["ledger"].click()  # cancelled in the file dialog: nothing happens
    wait_for_tasks(qtbot)
    assert not page.result_frame.isVisible() and message_log.errors == []
    title, suggested, formats = save_as.asked[0]
    assert title == "导出隐患排查治理台账" and formats == (ExportFormat.XLSX, ExportFormat.PDF)
    assert suggested.name == "江苏恒锐精密机械有限公司-隐患排查治理台账-2026Q3.xlsx"
    save_as.name = "台账.xlsx"
    page.export_buttons["ledger"].click()
    wait_for_tasks(qtbot)
    out = save_as.folder / "台账.xlsx"
    assert load_workbook(out).sheetnames == ["汇总", "台账"]
    assert page.result_frame.isVisible() and str(out) in page.result_label.text()
    page.open_file_btn.click()
    page.open_folder_btn.click()
    assert opened == [out, out.parent]
    assert message_log.errors == []
    # The next save dialog starts in the folder the ledger went to, also after a restart (QSettings).
    assert page.ctx.prefs.export_dir == save_as.folder
    save_as.name = ""
    page.export_buttons["risk_list"].click()
    assert save_as.asked[-1][1].parent == save_as.folder


def test_regulator_ledger_and_statistics_need_a_quarter_or_year(
    qtbot: QtBot, page: ReportPage, save_as: SaveAs, message_log: MessageLog
) -> None:
    page.set_period(ReportPeriod.month(2026, 9))
    save_as.name = "统计表.pdf"
    page.export_buttons["ledger_stats"].click()
    wait_for_tasks(qtbot)
    assert message_log.errors and "季度或年度" in message_log.errors[0]
    assert save_as.asked == []  # refused before asking for a file
    page.set_period(ReportPeriod.year(2026))
    page.export_buttons["ledger_stats"].click()
    wait_for_tasks(qtbot)
    assert "报送期限：2027年1月31日前" in _pdf_text(save_as.folder / "统计表.pdf")
    save_as.name = "报送.pdf"
    page.export_buttons["regulator_ledger"].click()
    wait_for_tasks(qtbot)
    text = _pdf_text(save_as.folder / "报送.pdf")
    assert "报送版" in text and "杨帆" not in text


def test_acceptance_asks_which_hidden_danger(
    qtbot: QtBot, page: ReportPage, save_as: SaveAs, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[list[str]] = []

    def choose(_parent: Any, _title: str, _label: str, items: list[str]) -> int | None:
        offered.append(items)
        return next((i for i, text in enumerate(items) if text.startswith("YH-2026-0001")), 0)

    monkeypatch.setattr(report_page, "choose_item", choose)
    save_as.name = "验收单.pdf"
    page.export_buttons["acceptance"].click()
    wait_for_tasks(qtbot)
    assert save_as.asked[0][1].name.endswith("隐患整改验收单-YH-2026-0001.pdf")
    out = save_as.folder / "验收单.pdf"
    assert "YH-2026-0001" in _pdf_text(out) and PdfReader(str(out)).pages[0].images
    assert not any("YH-2026-0014" in item for item in offered[0])  # voided ones are not offered
    offered.clear()
    save_as.name = "重大.pdf"
    page.export_buttons["major_report"].click()
    wait_for_tasks(qtbot)
    assert offered[0] and all("重大隐患" in item for item in offered[0])
    assert "重大事故隐患报告" in _pdf_text(save_as.folder / "重大.pdf")


def test_notices_for_one_department_or_all(
    qtbot: QtBot, page: ReportPage, save_as: SaveAs, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter([0, 1])
    items_seen: list[list[str]] = []

    def choose(_parent: Any, _title: str, _label: str, items: list[str]) -> int | None:
        items_seen.append(items)
        return next(answers)

    monkeypatch.setattr(report_page, "choose_item", choose)
    save_as.name = "全部.pdf"
    page.export_buttons["notices"].click()
    wait_for_tasks(qtbot)
    all_pages = len(PdfReader(str(save_as.folder / "全部.pdf")).pages)
    assert items_seen[0][0].startswith("（全部") and all_pages == len(items_seen[0]) - 1
    save_as.name = "一个.pdf"
    page.export_buttons["notices"].click()
    wait_for_tasks(qtbot)
    assert len(PdfReader(str(save_as.folder / "一个.pdf")).pages) == 1
    assert f"{items_seen[1][1]}：" in _pdf_text(save_as.folder / "一个.pdf")


def test_profile_editor_saves_a_profile_the_ledger_then_uses(
    page: ReportPage, save_as: SaveAs, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    def edit(parent: Any, options: Any, existing: Any, current: Any) -> Any:
        dialog = ExportProfileDialog(options, existing, current, parent)
        qtbot.addWidget(dialog)
        dialog.name_edit.setText("镇应急办")
        table = dialog.columns_table
        for row in range(table.rowCount()):
            key = table.item(row, 0).data(Qt.ItemDataRole.UserRole + 1)
            keep = key in ("number", "description", "deadline")
            table.item(row, 0).setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
            if key == "deadline":
                table.item(row, 2).setText("限期")
        # Move 整改期限 (row 13 of the standard order) up to the top.
        table.setCurrentCell(13, 2)
        for _ in range(13):
            dialog.up_btn.click()
        assert dialog.save_btn.isEnabled()
        dialog.save_btn.click()
        return dialog.value()

    monkeypatch.setattr(ExportProfileDialog, "edit", edit)
    page.edit_profiles_btn.click()
    assert [p.name for p in profiles.list_profiles(page.ctx.db)] == ["镇应急办"]  # type: ignore[arg-type]
    assert page.profile_combo.currentText() == "镇应急办"
    page.set_period(ReportPeriod.quarter(2026, 3))
    save_as.name = "镇.xlsx"
    page.export_buttons["ledger"].click()
    wait_for_tasks(qtbot)
    sheet = load_workbook(save_as.folder / "镇.xlsx")["台账"]
    head = next(r for r in range(1, 10) if sheet.cell(row=r, column=1).value == "限期")
    assert [c.value for c in sheet[head]] == ["限期", "隐患编号", "隐患描述"]


def test_profile_dialog_validates_and_deletes(qtbot: QtBot) -> None:
    saved = profiles.ExportProfileInfo(7, "区局", "hidden_danger_ledger", (ColumnChoice("level", "级别"),))
    dialog = ExportProfileDialog(profiles.column_options(), [saved], 7)
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "区局"
    assert dialog.choices() == (ColumnChoice("level", "级别"),)
    dialog.name_edit.setText("")
    assert not dialog.save_btn.isEnabled() and "名称" in dialog.error_label.text()
    dialog.delete_btn.click()
    edit = dialog.value()
    assert edit.action is ProfileAction.DELETE and edit.draft.id == 7
    dialog.profile_combo.setCurrentIndex(0)  # （新建配置）: the standard columns, nothing to delete
    assert not dialog.delete_btn.isEnabled() and len(dialog.choices()) == 22


def test_export_errors_are_shown_not_raised(
    qtbot: QtBot, page: ReportPage, save_as: SaveAs, message_log: MessageLog
) -> None:
    save_as.name = "台账.xlsx"
    (save_as.folder / "台账.xlsx").mkdir()  # a folder where the file should go
    page.export_buttons["ledger"].click()
    wait_for_tasks(qtbot)
    assert message_log.errors and "文件夹" in message_log.errors[0]
    assert not page.result_frame.isVisible()


def test_a_database_without_enterprise_profile_shows_no_figures(
    qtbot: QtBot, empty_db: Any, prefs: Prefs
) -> None:
    create_application([])
    page = ReportPage(AppContext(db=empty_db, prefs=prefs, today=lambda: DEMO_TODAY))
    qtbot.addWidget(page)
    page.reload()
    assert page.value_labels["enterprise"].text() == "（未填写）"
    assert page.value_labels["found"].text() == "—"


def test_check_records_and_blank_checklist_from_the_hub(
    qtbot: QtBot, page: ReportPage, save_as: SaveAs, message_log: MessageLog
) -> None:
    page.set_period(ReportPeriod.quarter(2026, 4))
    save_as.name = "排查记录.xlsx"
    page.export_buttons["checks"].click()
    wait_for_tasks(qtbot)
    workbook = load_workbook(save_as.folder / "排查记录.xlsx")
    assert workbook.sheetnames == ["汇总", "明细"]
    save_as.name = "清单.pdf"
    page.export_buttons["checklist"].click()
    wait_for_tasks(qtbot)
    text = _pdf_text(save_as.folder / "清单.pdf")
    assert "隐患排查清单" in text and "公司季度综合检查" in text
    assert message_log.errors == []
