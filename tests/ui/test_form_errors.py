"""企业信息 as a user meets it: every bad field of the 企业档案 and 人员 forms at once, and unsaved
企业档案 edits that a reload (data changed elsewhere) never overwrites."""

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dualprev.services import organisation_service as org
from dualprev.storage.db import open_database
from dualprev.ui import messages
from dualprev.ui.dialogs.person_dialog import PersonDialog
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages.enterprise_page import EnterprisePage

from .conftest import ENTERPRISE, MessageLog, press_ok


@pytest.fixture
def page(window: MainWindow) -> EnterprisePage:
    page = window.show_page("enterprise")
    assert isinstance(page, EnterprisePage)
    return page


def stored_profile(path: Path) -> org.EnterpriseProfile:
    db = open_database(path)
    try:
        profile = org.get_enterprise(db)
    finally:
        db.close()
    assert profile is not None
    return profile


def test_every_bad_profile_field_is_shown_at_once_and_nothing_is_saved(
    qtbot: QtBot, page: EnterprisePage, profile_db: Path, message_log: MessageLog
) -> None:
    form = page.profile_form
    form.ui.name_edit.clear()
    qtbot.keyClicks(form.ui.uscc_edit, "91350100M000100Y44")
    form.ui.duty_phone_edit.insert("值班室")  # Chinese comes through the input method, not keys
    form.ui.save_btn.click()
    assert form.errors.marked_fields() == ["name", "uscc", "duty_phone"]
    assert form.errors.messages == [
        "企业名称不能为空",
        "统一社会信用代码校验位不正确，请核对",
        "应急值班电话：电话号码格式不正确：值班室",
    ]
    assert form.errors.message_at("uscc") == "统一社会信用代码校验位不正确，请核对"
    assert form.ui.error_label.isVisible() and form.ui.error_label.text().startswith("有 3 处需要修改：")
    assert message_log.errors == []
    assert stored_profile(profile_db).name == ENTERPRISE and stored_profile(profile_db).uscc == ""


def test_person_dialog_shows_name_and_phone_together(qtbot: QtBot) -> None:
    dialog = PersonDialog(None, [], [])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.phone_edit.insert("电话")
    press_ok(qtbot, dialog.ui.button_box)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.errors.marked_fields() == ["name", "phone"]
    assert dialog.errors.messages == ["姓名不能为空", "电话号码格式不正确：电话"]


def test_a_reload_keeps_unsaved_profile_edits(
    qtbot: QtBot,
    page: EnterprisePage,
    profile_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_log: MessageLog,
) -> None:
    form = page.profile_form
    form.ui.duty_phone_edit.clear()
    qtbot.keyClicks(form.ui.duty_phone_edit, "0595-22223333")
    # Adding a person on the 人员 tab changes data, and the page reloads itself.
    monkeypatch.setattr(PersonDialog, "edit", classmethod(lambda *_a: org.PersonInfo(name="张三")))
    page.tabs.setCurrentWidget(page.people_panel)
    page.people_panel.add_btn.click()
    assert page.people_model.rowCount() == 1  # the reload happened
    assert form.ui.duty_phone_edit.text() == "0595-22223333"  # the typing did not go
    assert not form.changed_label.isVisible() and form.has_unsaved_edits()
    assert stored_profile(profile_db).duty_phone == ""
    page.tabs.setCurrentIndex(0)
    assert not form.changed_label.isVisible()

    # Someone else saves the profile meanwhile: the edits still stay, and the form says so.
    db = page.ctx.db
    before = org.get_enterprise(db)  # type: ignore[arg-type]
    assert before is not None
    newer = org.save_enterprise(db, replace(before, address="丰泽区东海大街8号"), actor="他人")  # type: ignore[arg-type]
    page.ctx.events.emit_changed("enterprise")
    assert form.ui.duty_phone_edit.text() == "0595-22223333" and form.ui.address_edit.text() == ""
    assert form.changed_label.isVisible() and "已在别处被修改" in form.changed_label.text()
    assert form.newer_profile == newer
    # Leaving the page still asks 保存/放弃/取消; 取消 stays with the edits.
    message_log.unsaved_answer = messages.UnsavedAnswer.CANCEL
    assert not page.may_leave() and message_log.unsaved_questions == 1
    assert form.ui.duty_phone_edit.text() == "0595-22223333"
    # 撤销修改 gives up the edits for the newer record.
    form.ui.revert_btn.click()
    assert form.ui.address_edit.text() == "丰泽区东海大街8号" and form.ui.duty_phone_edit.text() == ""
    assert not form.changed_label.isVisible() and not form.has_unsaved_edits()


def test_saving_edits_kept_over_a_reload_writes_them_without_a_false_notice(
    qtbot: QtBot, page: EnterprisePage, profile_db: Path
) -> None:
    form = page.profile_form
    form.ui.industry_edit.insert("通用设备制造业")
    page.ctx.events.emit_changed("*")
    assert form.ui.industry_edit.text() == "通用设备制造业"
    form.ui.save_btn.click()
    assert stored_profile(profile_db).industry == "通用设备制造业"
    assert not form.changed_label.isVisible() and not form.has_unsaved_edits()
