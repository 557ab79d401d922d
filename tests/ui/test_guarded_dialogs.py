"""Every data-entry dialog asks 保存/放弃/取消 when 取消, Esc or × would throw away what was typed."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from dualprev.services.organisation_service import (
    AreaInfo,
    DepartmentInfo,
    PersonInfo,
    PostInfo,
    RiskPointRef,
)
from dualprev.ui import messages
from dualprev.ui.dialogs.area_dialog import AreaDialog
from dualprev.ui.dialogs.person_dialog import PersonDialog
from dualprev.ui.dialogs.post_dialog import PostDialog

from .conftest import MessageLog


def _person_dialog(qtbot: QtBot) -> PersonDialog:
    dialog = PersonDialog(PersonInfo(name="张伟", id=1), [DepartmentInfo(name="机加车间", id=1)], [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_an_untouched_dialog_closes_without_asking(qtbot: QtBot, message_log: MessageLog) -> None:
    dialog = _person_dialog(qtbot)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert message_log.unsaved_questions == 0
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_esc_after_typing_asks_and_cancel_keeps_the_text(qtbot: QtBot, message_log: MessageLog) -> None:
    dialog = _person_dialog(qtbot)
    dialog.ui.phone_edit.setText("13912345678")
    message_log.unsaved_answer = messages.UnsavedAnswer.CANCEL
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert message_log.unsaved_questions == 1
    assert dialog.isVisible() and dialog.ui.phone_edit.text() == "13912345678"

    message_log.unsaved_answer = messages.UnsavedAnswer.SAVE
    dialog.reject()
    assert message_log.unsaved_questions == 2
    assert dialog.result() == QDialog.DialogCode.Accepted  # 保存 saved through the dialog's own 保存
    assert dialog.value().phone == "13912345678"


def test_a_ticked_box_or_a_picked_item_counts_as_a_change(qtbot: QtBot, message_log: MessageLog) -> None:
    dialog = _person_dialog(qtbot)
    dialog.ui.active_check.setChecked(not dialog.ui.active_check.isChecked())
    dialog.reject()
    assert message_log.unsaved_questions == 1  # answered 放弃 (the default)
    assert not dialog.isVisible()


def test_save_with_a_refused_field_keeps_the_dialog_open(qtbot: QtBot, message_log: MessageLog) -> None:
    dialog = AreaDialog(AreaInfo(name="机加工区", id=1), [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.ui.name_edit.setText("")
    message_log.unsaved_answer = messages.UnsavedAnswer.SAVE
    dialog.reject()
    assert message_log.unsaved_questions == 1
    assert dialog.isVisible()  # the empty name is refused at its field; nothing typed is lost


def test_a_post_dialog_with_risk_points_opens_and_a_ticked_point_counts(
    qtbot: QtBot, message_log: MessageLog
) -> None:
    # A QListWidget's model (a QAbstractListModel) once crashed the dialog as it was shown.
    dialog = PostDialog(
        PostInfo(name="冲压工", id=1), [], [], [], [RiskPointRef(1, "FX-001", "冲压机", None)]
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.ui.risk_points_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.reject()
    assert message_log.unsaved_questions == 1
