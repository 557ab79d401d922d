"""What a user meets in the hidden-danger dialogs: a date typed out of range stays as typed and is an
error at its field, every refused field of the form is shown at once, the dialog stays open, and
nothing reaches the database."""

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot

from dualprev.domain.hidden_danger import HiddenDangerDraft, HiddenDangerLevel, HiddenDangerStatus
from dualprev.services import organisation_service as org
from dualprev.services.hidden_dangers import choices as hd_choices
from dualprev.services.hidden_dangers import detail as hd_detail
from dualprev.services.hidden_dangers import registration as hd_registration
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail
from dualprev.ui.dialogs.check_danger_dialog import CheckDanger, CheckDangerDialog
from dualprev.ui.dialogs.hidden_danger_acceptance_dialog import HiddenDangerAcceptanceDialog
from dualprev.ui.dialogs.hidden_danger_completion_dialog import HiddenDangerCompletionDialog
from dualprev.ui.dialogs.hidden_danger_dialog import HiddenDangerDialog
from dualprev.ui.dialogs.hidden_danger_step_dialog import HiddenDangerStepDialog
from dualprev.ui.dialogs.major_duties_dialog import MajorDutiesDialog
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages.ledger_page import LedgerPage

from .conftest import DEMO_TODAY, MessageLog, drive_dialog, press_ok, type_date

S = HiddenDangerStatus
NEXT_SPRING = date(DEMO_TODAY.year + 1, 3, 1)


@pytest.fixture
def first_page() -> str:
    return "ledger"


@pytest.fixture
def ledger(demo_window: MainWindow) -> LedgerPage:
    page = demo_window.show_page("ledger")
    assert isinstance(page, LedgerPage)
    return page


def select(page: LedgerPage, number: str) -> HiddenDangerDetail:
    row = next(r for r in range(page.model.rowCount()) if page.model.row_record(r).number == number)  # type: ignore[union-attr]
    page.ledger_table.selectRow(row)
    detail = page.detail_panel.detail()
    assert detail is not None and detail.number == number
    return detail


def stored(page: LedgerPage, detail: HiddenDangerDetail) -> HiddenDangerDetail:
    return hd_detail.get_detail(page.ctx.db, detail.id, today=DEMO_TODAY)  # type: ignore[arg-type]


def test_completion_before_discovery_without_measures_shows_both_and_saves_nothing(
    qtbot: QtBot, ledger: LedgerPage, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    detail = select(ledger, "YH-2026-0021")
    assert detail.status is S.RECTIFYING
    too_early = detail.draft.found_on - timedelta(days=1)

    def user(dialog: HiddenDangerCompletionDialog) -> None:
        type_date(qtbot, dialog.ui.completed_on_edit, too_early)
        dialog.ui.measures_edit.clear()
        press_ok(qtbot, dialog.ui.button_box)
        assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
        assert dialog.value().completed_on == too_early  # kept as typed, not moved to today
        message = f"整改完成日期不能早于排查日期（{detail.draft.found_on.isoformat()}）"
        assert dialog.errors.messages == ["请填写采取的整改措施", message]
        assert dialog.errors.message_at("completed_on") == message
        assert dialog.errors.marked_fields() == ["completed_on", "rectification_measures"]
        assert message in dialog.ui.error_label.text() and dialog.ui.error_label.isVisible()

    driven = drive_dialog(monkeypatch, HiddenDangerCompletionDialog, user)
    ledger.detail_panel.action_buttons["submit"].click()
    assert len(driven) == 1 and message_log.errors == []
    after = stored(ledger, detail)
    assert after.status is S.RECTIFYING and after.completed_on is None and after.events == detail.events


def test_acceptance_by_the_rectifier_on_a_future_day_shows_both(
    qtbot: QtBot, ledger: LedgerPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    detail = select(ledger, "YH-2026-0035")
    assert detail.status is S.AWAITING_ACCEPTANCE

    def user(dialog: HiddenDangerAcceptanceDialog) -> None:
        combo = dialog.ui.acceptor_combo
        combo.setCurrentIndex(combo.findData(detail.draft.rectifier_id))
        type_date(qtbot, dialog.ui.accepted_on_edit, NEXT_SPRING)
        press_ok(qtbot, dialog.ui.button_box)
        assert dialog.isVisible() and dialog.value().accepted_on == NEXT_SPRING
        assert dialog.errors.marked_fields() == ["acceptor_id", "accepted_on"]
        assert dialog.errors.message_at("accepted_on") == f"验收日期不能晚于今天（{DEMO_TODAY.isoformat()}）"
        assert "验收人不能是整改责任人本人" in dialog.errors.message_at("acceptor_id")
        assert dialog.errors.message.startswith("有 2 处需要修改：")

    driven = drive_dialog(monkeypatch, HiddenDangerAcceptanceDialog, user)
    ledger.detail_panel.action_buttons["accept"].click()
    assert len(driven) == 1
    assert stored(ledger, detail).status is S.AWAITING_ACCEPTANCE


def test_report_on_a_future_day_without_authority_shows_both(
    qtbot: QtBot, demo_window: MainWindow, ledger: LedgerPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = demo_window.ctx.db
    rectifier = next(p.id for p in org.list_people(db) if p.is_active)  # type: ignore[arg-type]
    draft = HiddenDangerDraft(found_on=DEMO_TODAY, description="抛丸机除尘器未设置泄爆装置",
                              level=HiddenDangerLevel.MAJOR, location="抛丸间", rectifier_id=rectifier,
                              deadline=DEMO_TODAY + timedelta(days=45), standard_item="11-3")  # fmt: skip
    major = hd_registration.register(db, draft, actor="测试", today=DEMO_TODAY)  # type: ignore[arg-type]
    demo_window.ctx.events.emit_changed("hidden_danger")
    assert ledger.select_hidden_danger(major.id)

    def user(dialog: MajorDutiesDialog) -> None:
        on_edit = dialog.findChild(QDateEdit, "reported_on_edit")
        to_edit = dialog.findChild(QLineEdit, "reported_to_edit")
        box = dialog.findChild(QDialogButtonBox)
        assert on_edit is not None and to_edit is not None and box is not None
        type_date(qtbot, on_edit, NEXT_SPRING)
        to_edit.clear()
        press_ok(qtbot, box)
        assert dialog.isVisible()
        assert dialog.error_label.text().split("\n") == [
            "请填写报告的部门（如：丰泽镇应急管理办公室）",
            f"报告日期不能晚于今天（{DEMO_TODAY.isoformat()}）",
        ]

    driven = drive_dialog(monkeypatch, MajorDutiesDialog, user)
    ledger.detail_panel.action_buttons["report"].click()
    assert len(driven) == 1
    after = stored(ledger, major)
    assert after.reported_to == "" and after.reported_on is None


def test_rejection_with_a_new_deadline_before_discovery_and_no_reason_shows_both(
    qtbot: QtBot, ledger: LedgerPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    detail = select(ledger, "YH-2026-0035")
    too_early = detail.draft.found_on - timedelta(days=3)

    def user(dialog: HiddenDangerStepDialog) -> None:
        assert dialog.date_check is not None and dialog.optional_date() is None  # 不调整 until ticked
        dialog.date_check.click()
        type_date(qtbot, dialog.ui.date_edit, too_early)
        press_ok(qtbot, dialog.ui.button_box)
        assert dialog.isVisible() and dialog.optional_date() == too_early
        assert dialog.errors.messages == [
            "请填写验收不通过的原因和需要继续整改的内容",
            f"新的整改期限不能早于排查日期（{detail.draft.found_on.isoformat()}）",
        ]
        assert dialog.errors.marked_fields() == ["date", "text"]

    driven = drive_dialog(monkeypatch, HiddenDangerStepDialog, user)
    ledger.detail_panel.action_buttons["reject"].click()
    assert len(driven) == 1
    after = stored(ledger, detail)
    assert after.status is S.AWAITING_ACCEPTANCE and after.draft.deadline == detail.draft.deadline


def test_registering_a_future_found_on_without_description_shows_both_and_adds_no_row(
    qtbot: QtBot, ledger: LedgerPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = ledger.model.rowCount()

    def user(dialog: HiddenDangerDialog) -> None:
        type_date(qtbot, dialog.ui.found_on_edit, NEXT_SPRING)
        dialog.ui.location_edit.setText("仓库")
        dialog.ui.rectifier_combo.setCurrentIndex(1)
        press_ok(qtbot, dialog.ui.button_box)
        assert dialog.isVisible() and dialog.value().found_on == NEXT_SPRING
        assert dialog.errors.marked_fields() == ["found_on", "description"]
        assert dialog.errors.message_at("found_on") == f"排查日期不能晚于今天（{DEMO_TODAY.isoformat()}）"
        assert dialog.errors.message_at("description") == "请填写隐患描述"

    driven = drive_dialog(monkeypatch, HiddenDangerDialog, user)
    ledger.filter_bar.register_btn.click()
    assert len(driven) == 1 and ledger.model.rowCount() == rows


def test_check_danger_deadline_before_discovery_is_kept_and_refused(qtbot: QtBot, ledger: LedgerPage) -> None:
    choices = hd_choices.choices(ledger.ctx.db)  # type: ignore[arg-type]
    found = DEMO_TODAY - timedelta(days=2)
    draft = HiddenDangerDraft(found_on=found, description="灭火器压力不足", location="仓库",
                              rectifier_id=next(p.id for p in choices.people if p.is_active))  # fmt: skip
    dialog = CheckDangerDialog(CheckDanger(draft), choices, DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    too_early = found - timedelta(days=5)
    type_date(qtbot, dialog.ui.deadline_edit, too_early)
    dialog.ui.description_edit.clear()
    press_ok(qtbot, dialog.ui.button_box)
    assert dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert dialog.value().draft.deadline == too_early  # not moved up to the day of discovery
    assert dialog.errors.marked_fields() == ["description", "deadline"]
    assert dialog.errors.message_at("deadline") == f"整改期限不能早于排查日期（{found.isoformat()}）"
    # Put right, it is accepted and the marks go.
    dialog.ui.description_edit.setPlainText("灭火器压力不足")
    type_date(qtbot, dialog.ui.deadline_edit, found + timedelta(days=3))
    press_ok(qtbot, dialog.ui.button_box)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.errors.marked_fields() == []
