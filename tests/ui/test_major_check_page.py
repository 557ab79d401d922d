"""重大隐患自查 as a user drives it: the scope in 企业信息 decides the items, every item is answered,
a 不符合 becomes a 重大隐患 on saving, and the record is exported; the 重大隐患 duties' forms refuse
what the rules refuse."""

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from dualprev.domain.major_duties import CheckAnswer
from dualprev.services import major_check_service as checks
from dualprev.services.hidden_dangers import detail as hd_detail
from dualprev.ui.dialogs.major_duties_dialog import MajorDutiesDialog
from dualprev.ui.gui import create_application, start_main_window
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages import major_check_page
from dualprev.ui.pages.enterprise_page import EnterprisePage
from dualprev.ui.pages.major_check_page import MajorCheckPage
from dualprev.ui.prefs import Prefs

from ..conftest import DEMO_TODAY
from .conftest import MessageLog, drive_dialog, press_ok


@pytest.fixture
def window(qtbot: QtBot, demo_path: Path, prefs: Prefs) -> Iterator[MainWindow]:
    create_application([])
    main = start_main_window(demo_path, prefs, today=lambda: DEMO_TODAY)
    assert main is not None
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close()
    main.shutdown()


def _answer(page: MajorCheckPage, row: int, answer: CheckAnswer, note: str = "") -> None:
    combo = page.items_table.cellWidget(row, 2)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(answer.value))
    edit = page.items_table.cellWidget(row, 3)
    assert isinstance(edit, QLineEdit)
    edit.setText(note)


def test_the_self_check_lists_the_scope_and_registers_what_fails(
    window: MainWindow, message_log: MessageLog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.show_page("major_check")
    assert isinstance(page, MajorCheckPage)
    assert page.items_table.rowCount() == 20  # 机械 + 粉尘涉爆: 第三条, 第七条, 第十一条
    assert [s.label for s, c in page.scope_box.sector_checks.items() if c.isChecked()] == ["机械"]
    labels = [page.items_table.item(r, 0).text() for r in range(page.items_table.rowCount())]
    assert labels[0] == "第三条第（一）项" and labels[-1] == "第十一条第（十）项"
    page.save_btn.click()
    assert any("请填写参加自查的人员" in e or "请逐项给出结论" in e for e in message_log.errors)
    page.checkers_edit.setText("沈立明")
    for row in range(page.items_table.rowCount()):
        _answer(page, row, CheckAnswer.NOT_APPLICABLE, "无此情形")
    _answer(page, 1, CheckAnswer.NON_COMPLIANT, "叉车司机证件过期")
    place = page.items_table.cellWidget(1, 4)
    rectifier = page.items_table.cellWidget(1, 5)
    assert isinstance(place, QLineEdit) and isinstance(rectifier, QComboBox) and place.isEnabled()
    place.setText("仓库")
    rectifier.setCurrentIndex(1)
    page.save_btn.click()
    assert message_log.infos and "登记重大隐患：YH-2026-0039" in message_log.infos[-1]
    latest = checks.list_checks(window.ctx.db)[0]  # type: ignore[arg-type]
    assert latest.count(CheckAnswer.NON_COMPLIANT) == 1 and latest.checker_names == "沈立明"
    assert page.history_list.count() == 2
    out = tmp_path / "record.pdf"
    monkeypatch.setattr(major_check_page.QFileDialog, "getSaveFileName", lambda *_a: (str(out), ""))
    page.export_btn.click()
    text = "".join((p.extract_text() or "") for p in PdfReader(str(out)).pages)
    assert "重大事故隐患自查记录" in text and "YH-2026-0039" in text


def test_the_scope_is_set_in_enterprise_information(window: MainWindow) -> None:
    page = window.show_page("enterprise")
    assert isinstance(page, EnterprisePage)
    box = page.scope_box
    assert "第十一条" in box.articles_label.text()
    for check in box.condition_checks.values():
        check.setChecked(False)
    box.save_btn.click()
    assert "第十一条" not in box.articles_label.text() and "第七条" in box.articles_label.text()
    check_page = window.show_page("major_check")
    assert isinstance(check_page, MajorCheckPage) and check_page.items_table.rowCount() == 10


def test_duty_forms_refuse_what_the_rules_refuse(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    latest = checks.list_checks(window.ctx.db)[0]  # type: ignore[arg-type]
    hd = next(a.hidden_danger_id for a in latest.answers if a.hidden_danger_id)
    detail = hd_detail.get_detail(window.ctx.db, hd or 0, today=DEMO_TODAY)  # type: ignore[arg-type]
    seen: list[str] = []

    def fill(dialog: MajorDutiesDialog) -> None:
        by = dialog.findChild(QLineEdit, "supervised_by_edit")
        box = dialog.findChild(QDialogButtonBox)
        assert by is not None and box is not None
        press_ok(qtbot, box)
        seen.append(dialog.error_label.text())
        by.setText("武进区应急管理局")
        press_ok(qtbot, box)

    drive_dialog(monkeypatch, MajorDutiesDialog, fill)
    result = MajorDutiesDialog.supervision(None, detail, DEMO_TODAY)
    assert seen == ["请填写挂牌督办的单位（如：县应急管理局）"]
    assert (
        result is not None
        and result.supervised_by == "武进区应急管理局"
        and result.supervised_on == date(2026, 11, 20)
    )
