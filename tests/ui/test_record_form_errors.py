"""记录排查, 危险源 and 风险点 on the demo factory: a date typed out of range stays as typed and is an
error at its field, and every refused field of the form is shown at once."""

from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from dualprev.domain.risk import RiskPointKind
from dualprev.services import organisation_service as org
from dualprev.services import scheme_service
from dualprev.services.checks import checklists
from dualprev.services.checks import items as check_items
from dualprev.services.hidden_dangers import choices as hd_choices
from dualprev.services.risks import accident_types as risk_accident_types
from dualprev.services.risks.risk_points import RiskPointInfo
from dualprev.ui.dialogs.check_record_dialog import CheckRecordDialog
from dualprev.ui.dialogs.hazard_dialog import HazardChoices, HazardDialog
from dualprev.ui.dialogs.risk_point_dialog import RiskPointDialog
from dualprev.ui.main_window import MainWindow

from .conftest import DEMO_TODAY, press_ok, type_date

NEXT_SPRING = date(DEMO_TODAY.year + 1, 3, 1)


@pytest.fixture
def first_page() -> str:
    return "enterprise"


def test_check_record_with_a_future_date_and_no_checker_shows_both(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    db = demo_window.ctx.db
    chosen = [row.id for row in check_items.list_items(db, include_inactive=False)[:2]]  # type: ignore[arg-type]
    checklist = checklists.checklist(db, item_ids=chosen)  # type: ignore[arg-type]
    dialog = CheckRecordDialog(checklist, hd_choices.choices(db), DEMO_TODAY, checker_names="")  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    type_date(qtbot, dialog.checked_on_edit, NEXT_SPRING)
    dialog.set_remaining_passed()
    press_ok(qtbot, dialog.button_box)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.value().checked_on == NEXT_SPRING  # not moved back into this year
    assert dialog.errors.message_at("checked_on") == f"排查日期不能晚于今天（{DEMO_TODAY.isoformat()}）"
    assert dialog.errors.message_at("checker_names") == "请填写排查人"
    assert dialog.errors.marked_fields()[:2] == ["checked_on", "checker_names"]


def test_hazard_dialog_lists_the_description_and_each_evaluation_gap(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    db = demo_window.ctx.db
    choices = HazardChoices(
        schemes=scheme_service.active_schemes(db),  # type: ignore[arg-type]
        tier_table=scheme_service.tier_table(db),  # type: ignore[arg-type]
        direct_items=scheme_service.direct_judgement_items(db),  # type: ignore[arg-type]
        accident_types=risk_accident_types.accident_type_options(db),  # type: ignore[arg-type]
        departments=org.list_departments(db),  # type: ignore[arg-type]
        people=org.list_people(db),  # type: ignore[arg-type]
        assessor="沈立明",
        today=DEMO_TODAY,
    )
    dialog = HazardDialog(1, RiskPointKind.EQUIPMENT, None, choices)
    qtbot.addWidget(dialog)
    dialog.show()
    current = dialog.current_editor
    assert current.isChecked()
    current.assessor_edit.clear()
    press_ok(qtbot, dialog.button_box)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.errors.marked_fields() == ["description", "current.level", "current.assessor"]
    assert dialog.errors.message_at("current.assessor") == "现有风险：请填写评价人。"
    assert dialog.tabs.currentIndex() == 0  # the first problem's tab


def test_risk_point_sign_off_typed_in_the_future_is_kept_and_refused(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    db = demo_window.ctx.db
    organisation = (org.list_areas(db), org.list_departments(db), org.list_people(db), org.list_posts(db))  # type: ignore[arg-type]
    point = RiskPointInfo(name="", kind=RiskPointKind.PLACE)
    dialog = RiskPointDialog(point, *organisation, today=DEMO_TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reviewed_on_check.click()
    type_date(qtbot, dialog.reviewed_on_edit, NEXT_SPRING)
    box = dialog.findChild(QDialogButtonBox, "button_box")
    assert isinstance(box, QDialogButtonBox)
    press_ok(qtbot, box)
    assert dialog.isVisible() and dialog.value().reviewed_on == NEXT_SPRING
    assert dialog.errors.marked_fields() == ["name", "reviewer_name", "reviewed_on"]
    assert dialog.errors.message_at("reviewed_on") == f"审核日期不能晚于今天（{DEMO_TODAY.isoformat()}）"
