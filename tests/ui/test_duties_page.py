"""履职与培训 page on the demo factory: lists load, editors save through the services, void asks
for a reason, printing previews the PDF; 首页 shows the reminders."""

import io
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from dualprev.domain.duties import DutyRecordKind
from dualprev.services.duties import duty_records, training
from dualprev.ui.dialogs.duty_list_dialog import DutyListDialog
from dualprev.ui.dialogs.duty_record_dialog import DutyRecordDialog
from dualprev.ui.dialogs.training_dialogs import SessionDialog
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages import duty_tab
from dualprev.ui.pages.duties_page import DutiesPage
from dualprev.ui.pages.home_page import HomePage

from .conftest import drive_dialog, press_ok


@pytest.fixture
def first_page() -> str:
    return "duties"


def _page(window: MainWindow) -> DutiesPage:
    page = window.show_page("duties")
    assert isinstance(page, DutiesPage)
    return page


def _pdf_text(data: bytes) -> str:
    return "".join("".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_page_loads_the_demo(demo_window: MainWindow) -> None:
    page = _page(demo_window)
    assert page.lists_tab.model.rowCount() == 18
    assert "共 18 份有效责任清单" in page.lists_tab.notice_label.text()
    page.lists_tab.table.selectRow(0)
    assert page.lists_tab.detail_edit.toPlainText().startswith("1. 建立健全并落实本单位全员安全生产责任制")
    assert "逾期未完成：2026年10月带队检查" in page.records_tab.notice_label.text()
    notice = page.training_tab.notice_label.text()
    assert "吕芳" in notice and "彭涛（0/8）" in notice


def test_new_meeting_record_is_saved_and_voided(
    demo_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(demo_window)
    tab = page.records_tab
    before = tab.model.rowCount()

    def fill(dialog: DutyRecordDialog) -> None:
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(DutyRecordKind.MEETING.value))
        assert not dialog.amount_spin.isEnabled() and not dialog.check_combo.isEnabled()
        press_ok(qtbot, dialog.button_box)  # no title: refused, stays open
        assert "主题不能为空" in dialog.error_label.text() and not dialog.result()
        dialog.title_edit.setText("安全生产专题会议")
        dialog.leader_combo.setCurrentIndex(dialog.leader_combo.findText("顾建华"))
        dialog.content_edit.setPlainText("决定：冲压车间加装光电保护")
        press_ok(qtbot, dialog.button_box)

    driven = drive_dialog(monkeypatch, DutyRecordDialog, fill)
    qtbot.mouseClick(tab.buttons["add_btn"], Qt.MouseButton.LeftButton)
    assert len(driven) == 1
    assert tab.model.rowCount() == before + 1
    saved = next(
        r for r in duty_records.list_duty_records(demo_window.ctx.db) if r.title == "安全生产专题会议"
    )
    assert saved.leader_name == "顾建华" and saved.content == "决定：冲压车间加装光电保护"

    row = tab.model.row_of(saved.id or 0)
    tab.table.selectRow(tab.table.model().mapFromSource(tab.model.index(row, 0)).row())  # type: ignore[attr-defined]
    monkeypatch.setattr(duty_tab, "ask_void_reason", lambda _parent, _what: "重复录入")
    qtbot.mouseClick(tab.buttons["void_btn"], Qt.MouseButton.LeftButton)
    voided = next(r for r in tab.model.records() if r.id == saved.id)
    assert voided.void_reason == "重复录入"


def test_session_dialog_saves_the_ticked_people(
    demo_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(demo_window)
    page.show_tab("training")

    def fill(dialog: SessionDialog) -> None:
        table = dialog.attendee_table
        for row in range(table.rowCount()):
            name = table.item(row, 0)
            assert name is not None
            if name.text() in ("吕芳", "邓刚"):
                name.setCheckState(Qt.CheckState.Checked)
                score = table.item(row, 2)
                assert score is not None
                score.setText("90")
        dialog.hours_spin.setValue(24)
        press_ok(qtbot, dialog.button_box)

    drive_dialog(monkeypatch, SessionDialog, fill)
    qtbot.mouseClick(page.training_tab.buttons["add_btn"], Qt.MouseButton.LeftButton)
    newest = training.list_sessions(demo_window.ctx.db)[0]
    assert sorted(a.person_name for a in newest.attendees) == ["吕芳", "邓刚"] and newest.hours == 24


def test_sign_sheet_print_preview_holds_the_post(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(demo_window)
    shown: list[tuple[bytes, str]] = []
    monkeypatch.setattr(duty_tab, "show_pdf", lambda _p, data, _title, name: shown.append((data, name)))
    tab = page.lists_tab
    row = next(i for i, d in enumerate(tab.model.records()) if d.title == "电焊工岗位")
    tab.table.selectRow(tab.table.model().mapFromSource(tab.model.index(row, 0)).row())  # type: ignore[attr-defined]
    tab.buttons["sheet_btn"].click()
    data, name = shown[0]
    assert name == "责任清单签字确认表_电焊工岗位.pdf"
    text = _pdf_text(data)
    assert "安全生产责任清单签字确认表" in text and "电焊工岗位（焊接班）" in text


def test_duty_list_dialog_fills_from_the_library(qtbot: QtBot) -> None:
    dialog = DutyListDialog(None, [])
    qtbot.addWidget(dialog)
    dialog.subject_combo.setCurrentIndex(dialog.subject_combo.findText("安全管理人员"))
    dialog.library_btn.click()
    value = dialog.value()
    assert value.title == "安全管理人员" and len(value.items) == 7
    assert value.items[0].source == "安全生产法第二十五条第（一）项"


def test_home_lists_duty_and_training_reminders(demo_window: MainWindow) -> None:
    home: Any = demo_window.show_page("home")
    assert isinstance(home, HomePage)
    texts = home.duty_reminders_box.texts()
    assert "逾期 2026年10月 顾建华带队检查（截止 2026-10-31）" in texts
    assert any(t.startswith("未岗前培训 吕芳（仓储部）") for t in texts)
    item = home.duty_reminders_box.tree.topLevelItem(len(texts) - 1)
    assert item is not None
    home.duty_reminders_box.tree.itemClicked.emit(item, 0)
    page = _page(demo_window)
    assert page.tabs.currentWidget() is page.training_tab
