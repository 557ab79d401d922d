"""The 导入 wizard (issue 12): choose kind and file, check the suggested columns, see every row to
be created and every problem, decide conflicts, import the good rows, save the failed ones."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlmodel import select

from dualprev.domain.importing.fields import ImportKind
from dualprev.domain.risk import RiskLevel
from dualprev.services.importing import mappings
from dualprev.storage.db import open_database
from dualprev.storage.models import Hazard
from dualprev.ui.dialogs import import_dialog
from dualprev.ui.dialogs.import_dialog import ImportDialog
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages.import_page import ImportPage

from ..services.import_files import write_messy_risk_list
from .conftest import MessageLog


def _open(window: MainWindow, qtbot: QtBot, path: Path) -> ImportDialog:
    page = window.show_page("import")
    assert isinstance(page, ImportPage)
    dialog = ImportDialog(window.ctx, ImportKind.RISK_LIST, page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.path_edit.setText(str(path))
    return dialog


def _next(dialog: ImportDialog, qtbot: QtBot, step: int) -> None:
    dialog.next_btn.click()
    qtbot.waitUntil(lambda: dialog.steps.currentIndex() == step, timeout=30_000)


def test_preview_then_import_the_good_rows(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, message_log: MessageLog, profile_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    source = tmp_path / "清单.xlsx"
    broken = write_messy_risk_list(source)
    dialog = _open(window, qtbot, source)
    _next(dialog, qtbot, 1)
    mapping = dialog.mapping()
    assert (
        mapping["point_name"] == "风险点/名称"
        and mapping["l"] == "风险评价/L"
        and mapping["e"] == "风险评价/E"
    )
    assert "设备设施类" in dialog.sheets_label.text() and "作业活动类" in dialog.sheets_label.text()
    dialog.mapping_name_edit.setText("咨询公司清单")
    dialog.save_mapping_btn.click()
    assert "咨询公司清单" in mappings.saved_mappings(window.ctx.db, ImportKind.RISK_LIST)
    _next(dialog, qtbot, 2)
    assert dialog.problems_model.rowCount() == len(broken)
    assert {(r.sheet, r.row) for r in dialog.problems_model.records()} == broken
    assert dialog.created_model.rowCount() == 7 + 4  # hazards and risk points
    assert dialog.conflicts_table.rowCount() == 1
    assert dialog.import_btn.text() == "只导入无误的行"
    dialog.grab().save(str(tmp_path / "preview.png"))
    # Nothing is written by the preview.
    with open_database(profile_db, create=False).read_session() as s:
        assert s.exec(select(Hazard)).all() == []
    failed = tmp_path / "失败.xlsx"
    monkeypatch.setattr(import_dialog, "choose_save_file", lambda *_a: failed)
    dialog.save_failed_btn.click()
    assert load_workbook(failed).active.cell(1, 22).value == "原因"
    # The conflict row is decided by the stated level.
    combo = dialog.conflicts_table.cellWidget(0, 2)
    combo.setCurrentIndex(1)
    dialog.import_btn.click()
    qtbot.waitUntil(lambda: dialog.imported is not None, timeout=30_000)
    assert message_log.confirmations and "有 5 行有错误" in message_log.confirmations[0]
    assert dialog.imported is not None and dialog.imported.report.created.hazards == 7
    assert any("导入完成" in text for text in message_log.infos)
    with open_database(profile_db, create=False).read_session() as s:
        crane = s.exec(select(Hazard).where(Hazard.step_or_item == "限位器")).one()
        assert crane.current_level is RiskLevel.GENERAL


def test_declining_imports_nothing_and_cancel_keeps_the_database(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, message_log: MessageLog, profile_db: Path
) -> None:
    source = tmp_path / "清单.xlsx"
    write_messy_risk_list(source)
    dialog = _open(window, qtbot, source)
    _next(dialog, qtbot, 1)
    _next(dialog, qtbot, 2)
    message_log.confirm_answer = False
    dialog.import_btn.click()
    assert dialog.imported is None
    with open_database(profile_db, create=False).read_session() as s:
        assert s.exec(select(Hazard)).all() == []


def test_a_file_that_is_no_table_is_a_message(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, message_log: MessageLog
) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"nope")
    dialog = _open(window, qtbot, bad)
    dialog.next_btn.click()
    qtbot.waitUntil(lambda: bool(message_log.errors), timeout=30_000)
    assert "不是 xlsx 格式" in message_log.errors[0] and dialog.steps.currentIndex() == 0


def test_the_import_page_hands_out_templates(
    window: MainWindow, tmp_path: Path, message_log: MessageLog, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "模板.xlsx"
    monkeypatch.setattr(import_dialog, "choose_save_file", lambda *_a: out)
    page = window.show_page("import")
    button = page.findChild(QPushButton, "template_ledger_btn")
    assert button is not None
    button.click()
    assert out.exists() and message_log.infos == [f"已保存导入模板：{out}"]
    assert [c.value for c in load_workbook(out).active[1]][:3] == ["序号", "隐患编号", "排查日期"]


def test_rows_model_passes_the_model_tester(qtmodeltester: object) -> None:
    from dualprev.ui.models.import_rows_model import ImportLine, ImportRowsModel, LineKind

    model = ImportRowsModel()
    model.set_records([ImportLine("台账", 5, LineKind.ERROR, "", "缺少隐患描述"),
                       ImportLine("台账", 6, LineKind.CREATE, "隐患", "YH-2024-0001")])  # fmt: skip
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.data(model.index(1, 2)) == "将新增隐患"
