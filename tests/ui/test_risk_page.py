"""风险辨识评估 on the demo factory: the tree, the hazard list and its filters, the hazard editor with
live grading, adding from the library, copying, and regrading from 设置."""

from datetime import date
from functools import partial

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot
from sqlmodel import SQLModel

from dualprev.domain.hazard_list import HazardFilter
from dualprev.domain.risk import (
    ControlMeasureCategory,
    EvaluationMethod,
    RiskLevel,
    RiskPointKind,
    RiskStage,
)
from dualprev.services import organisation_service as org
from dualprev.services import scheme_service
from dualprev.services.risks import accident_types as risk_accident_types
from dualprev.services.risks import hazard_list, risk_points
from dualprev.services.risks import hazards as risk_hazards
from dualprev.services.risks.evaluations import EvaluationInput
from dualprev.services.risks.hazards import HazardInfo, MeasureInfo
from dualprev.services.risks.risk_points import RiskPointInfo
from dualprev.storage.db import open_database
from dualprev.storage.models import Area, Hazard, RiskPoint
from dualprev.ui.dialogs import copy_risk_point_dialog
from dualprev.ui.dialogs.copy_risk_point_dialog import CopyTarget
from dualprev.ui.dialogs.hazard_dialog import HazardChoices, HazardDialog, HazardEdit
from dualprev.ui.dialogs.library_dialog import LibraryChoice, LibraryDialog
from dualprev.ui.dialogs.risk_point_dialog import RiskPointDialog
from dualprev.ui.main_window import MainWindow
from dualprev.ui.models.hazard_table_model import HazardColumn, HazardTableModel
from dualprev.ui.pages.risk_page import RiskPage
from dualprev.ui.pages.settings_page import SettingsPage
from dualprev.ui.widgets import check_list, combos

from ..conftest import count_rows
from .conftest import MessageLog, drive_dialog, wait_for_tasks


@pytest.fixture
def first_page() -> str:
    return "risk"


TODAY = date(2026, 11, 20)


def _risk_page(window: MainWindow) -> RiskPage:
    page = window.show_page("risk")
    assert isinstance(page, RiskPage)
    return page


def _count(window: MainWindow, model: type[SQLModel]) -> int:
    return count_rows(window.ctx.db, model)


def _first_point_with_hazards(page: RiskPage) -> int:
    tree = page.risk_tree
    for i in range(tree.topLevelItemCount()):
        area = tree.topLevelItem(i)
        for j in range(area.childCount()):
            child = area.child(j)
            if int(child.text(page.Col.HAZARDS)) >= 2:
                return int(child.data(0, Qt.ItemDataRole.UserRole + 1))
    raise AssertionError("demo has no risk point with hazards")


def test_tree_shows_areas_and_points_coloured_by_level(demo_window: MainWindow) -> None:
    page = _risk_page(demo_window)
    tree = page.risk_tree
    assert tree.topLevelItemCount() == _count(demo_window, Area)  # one branch per area
    levels_seen = set()
    for i in range(tree.topLevelItemCount()):
        area = tree.topLevelItem(i)
        for j in range(area.childCount()):
            levels_seen.add(area.child(j).text(page.Col.LEVEL))
    assert {"重大风险", "较大风险", "一般风险", "低风险"} <= levels_seen
    assert f"{_count(demo_window, RiskPoint)} 个风险点" in page.summary_label.text()


def test_selecting_a_point_lists_its_hazards(demo_window: MainWindow) -> None:
    page = _risk_page(demo_window)
    point_id = _first_point_with_hazards(page)
    assert page.select_risk_point(point_id)
    expected = len(hazard_list.list_hazards_of(demo_window.ctx.db, point_id))
    assert page.point_hazards_model.rowCount() == expected >= 2
    assert all(page.point_hazards_model.record(r).risk_point_id == point_id for r in range(expected))
    assert page.add_hazard_btn.isEnabled()


def test_hazard_list_filters_in_sql(demo_window: MainWindow) -> None:
    page = _risk_page(demo_window)
    page.tabs.setCurrentIndex(1)
    model = page.hazards_model
    every = _count(demo_window, Hazard)
    assert model.total == every
    page.level_filter.setCurrentIndex(page.level_filter.findData(int(RiskLevel.MAJOR)))
    assert 0 < model.total < every
    assert all(model.record(r).current_level is RiskLevel.MAJOR for r in range(model.rowCount()))
    index = model.index(0, HazardColumn.LEVEL)
    assert model.data(index) == "重大风险"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color().name().upper() == "#FF0000"
    page.level_filter.setCurrentIndex(0)
    page.keyword_edit.setText("叉车")
    assert 0 < model.total < every
    assert "符合条件的危险源" in page.count_label.text()


def test_focus_level_shows_the_hazard_list_of_that_level_only(demo_window: MainWindow) -> None:
    page = _risk_page(demo_window)
    page.tabs.setCurrentIndex(page.AREAS_TAB)
    page.keyword_edit.setText("叉车")
    page.method_filter.setCurrentIndex(page.method_filter.findData(EvaluationMethod.LS.value))
    page.area_filter.setCurrentIndex(1)
    model = page.hazards_model
    majors = hazard_list.query_hazards(demo_window.ctx.db, HazardFilter(level=RiskLevel.MAJOR)).total  # type: ignore[arg-type]

    page.focus_level(RiskLevel.MAJOR)
    assert page.tabs.currentIndex() == page.HAZARD_LIST_TAB
    assert page.level_filter.currentText() == "重大风险"
    assert page.keyword_edit.text() == "" and page.method_filter.currentIndex() == 0
    assert page.area_filter.currentIndex() == 0 and page.accident_filter.currentIndex() == 0
    assert model.total == majors > 0
    assert {model.record(r).current_level for r in range(model.rowCount())} == {RiskLevel.MAJOR}
    assert page.count_label.text() == f"符合条件的危险源 {majors} 条"

    page.focus_level(None)
    assert page.level_filter.currentData() is None and model.total == _count(demo_window, Hazard)


def test_hazard_model_passes_modeltester(qtmodeltester, demo_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    model = HazardTableModel(
        lambda f, s, d, o, n: hazard_list.query_hazards(
            demo_window.ctx.db, f, sort=s, descending=d, offset=o, limit=n
        )
    )
    model.PAGE_SIZE = 40
    model.reload()
    assert model.canFetchMore()
    qtmodeltester.check(model)


def _choices(window: MainWindow) -> HazardChoices:
    db = window.ctx.db
    return HazardChoices(
        schemes=scheme_service.active_schemes(db),
        tier_table=scheme_service.tier_table(db),
        direct_items=scheme_service.direct_judgement_items(db),
        accident_types=risk_accident_types.accident_type_options(db),
        departments=org.list_departments(db),
        people=org.list_people(db),
        assessor="沈立明",
        today=TODAY,
    )


def test_hazard_dialog_grades_live_and_refuses_current_above_inherent(
    qtbot: QtBot, demo_window: MainWindow
) -> None:
    page = _risk_page(demo_window)
    point_id = _first_point_with_hazards(page)
    dialog = HazardDialog(point_id, RiskPointKind.EQUIPMENT, None, _choices(demo_window))
    qtbot.addWidget(dialog)
    current = dialog.current_editor
    assert current.isChecked()
    current.method_combo.setCurrentIndex(current.method_combo.findData("LEC"))
    for key, value in (("L", "3"), ("E", "6"), ("C", "7")):
        combo = current.factor_combos[key]
        combo.setCurrentIndex(combo.findData(value))
    assert "126" in current.result_label.text()
    assert current.level_label.text() == "一般风险"
    # An inherent risk lower than the current one is refused before anything is saved.
    inherent = dialog.inherent_editor
    inherent.setChecked(True)
    inherent.method_combo.setCurrentIndex(inherent.method_combo.findData("LEC"))
    for key, value in (("L", "1"), ("E", "1"), ("C", "1")):
        inherent.factor_combos[key].setCurrentIndex(inherent.factor_combos[key].findData(value))
    assert inherent.level_label.text() == "低风险"
    dialog.description_edit.setPlainText("主轴旋转部位无防护罩")
    dialog._on_accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "不能高于固有风险" in dialog.error_label.text()
    # Raising the inherent factors makes it acceptable.
    inherent.factor_combos["C"].setCurrentIndex(inherent.factor_combos["C"].findData("40"))
    inherent.factor_combos["L"].setCurrentIndex(inherent.factor_combos["L"].findData("6"))
    inherent.factor_combos["E"].setCurrentIndex(inherent.factor_combos["E"].findData("6"))
    edit = dialog.value()
    assert [e.stage for e in edit.evaluations] == [RiskStage.INHERENT, RiskStage.CURRENT]
    assert edit.evaluations[1].factors == (("L", "3"), ("E", "6"), ("C", "7"))
    dialog._on_accept()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_adding_a_hazard_from_the_page_saves_and_shows_it(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _risk_page(demo_window)
    point_id = _first_point_with_hazards(page)
    page.select_risk_point(point_id)
    before = page.point_hazards_model.rowCount()
    info = HazardInfo(
        risk_point_id=point_id,
        description="夹具松动，工件飞出",
        step_or_item="装夹",
        measures=(MeasureInfo(ControlMeasureCategory.PPE, "佩戴防护眼镜"),),
    )
    evaluation = EvaluationInput(
        stage=RiskStage.CURRENT, method=EvaluationMethod.LS, factors=(("L", "4"), ("S", "4")),
        assessor_name="沈立明", evaluated_on=TODAY,
    )  # fmt: skip
    monkeypatch.setattr(HazardDialog, "edit", classmethod(lambda *a, **k: HazardEdit(info, (evaluation,))))
    page._on_add_hazard()
    assert page.point_hazards_model.rowCount() == before + 1
    rows = [page.point_hazards_model.record(r) for r in range(before + 1)]
    added = next(r for r in rows if r.description == "夹具松动，工件飞出")
    assert added.current_level is RiskLevel.SIGNIFICANT  # R = 16 under LS-SD
    db = open_database(demo_window.ctx.db.path, create=False)
    try:
        detail = risk_hazards.get_hazard(db, added.id)
    finally:
        db.close()
    assert detail.current is not None and detail.current.score == "16"
    assert detail.info.measures[0].content == "佩戴防护眼镜"


def test_library_dialog_lists_entries_and_imports_into_an_area(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = demo_window.ctx.db
    areas, posts = org.list_areas(db), org.list_posts(db)
    dialog = LibraryDialog(areas, posts, areas[0].id)
    qtbot.addWidget(dialog)
    assert dialog.entries_list.count() >= 40
    first_key = str(check_list.key_of(dialog.entries_list.item(0)))
    dialog.set_checked(first_key, True)
    assert dialog.value().keys == (first_key,)
    assert dialog.preview.toPlainText()
    page = _risk_page(demo_window)
    before = len(hazard_list.query_hazards(db, HazardFilter(area_id=areas[0].id), limit=10_000).rows)
    monkeypatch.setattr(
        LibraryDialog, "choose", classmethod(lambda *a, **k: LibraryChoice((first_key,), areas[0].id, ()))
    )
    page._on_library()
    wait_for_tasks(qtbot)
    after = hazard_list.query_hazards(db, HazardFilter(area_id=areas[0].id), limit=10_000).total
    assert after > before
    assert page.selected_risk_point_id() is not None


def test_copy_risk_point_to_another_area(demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    page = _risk_page(demo_window)
    db = demo_window.ctx.db
    point_id = _first_point_with_hazards(page)
    page.select_risk_point(point_id)
    source = risk_points.get_risk_point(db, point_id)
    target_area = next(a for a in org.list_areas(db) if a.id != source.area_id)
    monkeypatch.setattr(
        copy_risk_point_dialog.CopyRiskPointDialog,
        "choose",
        classmethod(lambda *a, **k: CopyTarget(target_area.id, (), source.name + "（二号）")),
    )
    page._on_copy_point()
    new_id = page.selected_risk_point_id()
    assert new_id is not None and new_id != point_id
    copy = risk_points.get_risk_point(db, new_id)
    assert copy.area_id == target_area.id and copy.name.endswith("（二号）")
    assert len(hazard_list.list_hazards_of(db, new_id)) == len(hazard_list.list_hazards_of(db, point_id))


def _sign_off(info: RiskPointInfo) -> tuple[str, date | None, str, date | None]:
    return info.reviewer_name, info.reviewed_on, info.approver_name, info.approved_on


def test_risk_point_dialog_edits_the_record_sign_off_and_the_page_saves_it(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _risk_page(demo_window)
    db = demo_window.ctx.db
    point_id = _first_point_with_hazards(page)
    point = risk_points.get_risk_point(db, point_id)
    assert point.reviewer_name == "周海涛" and point.approver_name == "顾建华"
    assert point.reviewed_on is not None and point.approved_on is not None
    organisation = (org.list_areas(db), org.list_departments(db), org.list_people(db), org.list_posts(db))

    # A new risk point: both dates 未填, and they stay None until ticked.
    blank = RiskPointDialog(RiskPointInfo(name="", kind=RiskPointKind.PLACE), *organisation, today=TODAY)
    qtbot.addWidget(blank)
    assert blank.sign_off_group.title() == "审核与审定"
    for check, edit in ((blank.reviewed_on_check, blank.reviewed_on_edit),
                        (blank.approved_on_check, blank.approved_on_edit)):  # fmt: skip
        assert not check.isChecked() and not edit.isEnabled() and edit.text() == "未填"
    blank.name_edit.setText("成品堆放区")
    assert _sign_off(blank.value()) == ("", None, "", None)

    dialog = RiskPointDialog(point, *organisation, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.reviewer_edit.text() == "周海涛" and dialog.approver_edit.text() == "顾建华"
    assert dialog.reviewed_on_check.isChecked()
    assert dialog.reviewed_on_edit.text() == point.reviewed_on.isoformat()
    # Un-ticking a date empties it; ticking one starts at today; a later one is kept as typed.
    dialog.approved_on_check.setChecked(False)
    assert dialog.approved_on_edit.text() == "未填" and dialog.value().approved_on is None
    dialog.approved_on_check.setChecked(True)
    assert dialog.value().approved_on == TODAY
    dialog.approved_on_edit.setDate(QDate(2027, 3, 1))
    assert dialog.value().approved_on == date(2027, 3, 1)
    # A date without its name and a future date are refused together, each at its field.
    dialog.reviewer_edit.clear()
    dialog._on_accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "请同时填写审核人" in dialog.error_label.text() and dialog.errors.is_marked("reviewer_name")
    assert dialog.errors.message_at("approved_on") == "审定日期不能晚于今天（2026-11-20）"
    dialog.reviewer_edit.setText("沈立明")
    dialog.approved_on_edit.setDate(QDate(2026, 11, 18))
    dialog.approver_edit.setText("严志明")
    dialog._on_accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    edited = dialog.value()
    assert _sign_off(edited) == ("沈立明", point.reviewed_on, "严志明", date(2026, 11, 18))

    monkeypatch.setattr(RiskPointDialog, "edit", classmethod(lambda *a, **k: edited))
    page.select_risk_point(point_id)
    page._on_edit_point()
    reopened = open_database(db.path, create=False)
    try:
        saved = risk_points.get_risk_point(reopened, point_id)
    finally:
        reopened.close()
    assert _sign_off(saved) == _sign_off(edited)


def test_regrade_from_settings_asks_with_counts_then_applies(
    qtbot: QtBot, demo_window: MainWindow, message_log: MessageLog
) -> None:
    page = demo_window.show_page("settings")
    assert isinstance(page, SettingsPage)
    box = page.scheme_settings
    ls = box.scheme_combos[EvaluationMethod.LS]
    ls.setCurrentIndex(ls.findData("LS-4"))
    message_log.confirm_answer = False
    box._on_apply()
    wait_for_tasks(qtbot)
    assert message_log.confirmations and "条危险源的风险等级将改变" in message_log.confirmations[-1]
    assert scheme_service.active_schemes(demo_window.ctx.db)[EvaluationMethod.LS].code == "LS-SD"
    message_log.confirm_answer = True
    box._on_apply()
    wait_for_tasks(qtbot)
    assert scheme_service.active_schemes(demo_window.ctx.db)[EvaluationMethod.LS].code == "LS-4"
    assert any("重新分级" in text for text in message_log.infos)


def test_scheme_dialog_refuses_a_gap_between_bands(qtbot: QtBot, demo_window: MainWindow) -> None:
    from dualprev.ui.dialogs.scheme_dialog import SchemeDialog

    copied = scheme_service.copy_scheme(demo_window.ctx.db, "LS-SD", "LS-QY", "LS 企业", actor="测试")
    dialog = SchemeDialog(copied)
    qtbot.addWidget(dialog)
    # 较大 band 15–20 → 16–20 leaves R = 15 in no band.
    dialog.bands_table.item(1, SchemeDialog.LOW).setText("16")
    dialog._on_accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "15" in dialog.error_label.text()
    dialog.bands_table.item(2, SchemeDialog.HIGH).setText("16")
    dialog._on_accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    scheme_service.save_custom_scheme(demo_window.ctx.db, dialog.value(), actor="测试")
    saved = scheme_service.get_scheme(demo_window.ctx.db, "LS-QY")
    assert [str(b.low) for b in saved.bands][:3] == ["20", "16", "9"]


def test_lec_consequence_helper_takes_the_most_severe_dimension(
    qtbot: QtBot, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dualprev.ui.dialogs.lec_consequence_dialog import LecConsequenceDialog

    scheme = scheme_service.active_schemes(demo_window.ctx.db)[EvaluationMethod.LEC]
    dialog = LecConsequenceDialog(scheme.factor("C"))
    qtbot.addWidget(dialog)
    assert dialog.value() is None
    combos = list(dialog.dimension_combos.values())
    combos[0].setCurrentIndex(combos[0].findData("7"))
    combos[2].setCurrentIndex(combos[2].findData("15"))
    combos[4].setCurrentIndex(combos[4].findData("3"))
    assert dialog.value() == "15" and "C = 15" in dialog.result_label.text()
    # The editor puts the helper's result into its C picker.
    page = _risk_page(demo_window)
    editor = HazardDialog(
        _first_point_with_hazards(page), RiskPointKind.ACTIVITY, None, _choices(demo_window)
    )
    qtbot.addWidget(editor)
    current = editor.current_editor
    current.method_combo.setCurrentIndex(current.method_combo.findData("LEC"))
    assert not current.consequence_btn.isHidden()
    monkeypatch.setattr(LecConsequenceDialog, "choose", classmethod(lambda *a, **k: "40"))
    current.consequence_btn.click()
    assert current.factor_combos["C"].currentData() == "40"
    current.method_combo.setCurrentIndex(current.method_combo.findData("LS"))
    assert current.consequence_btn.isHidden()


def test_closing_the_hazard_dialog_with_changes_asks_first(
    qtbot: QtBot, demo_window: MainWindow, message_log: MessageLog
) -> None:
    from dualprev.ui import messages

    page = _risk_page(demo_window)
    dialog = HazardDialog(
        _first_point_with_hazards(page), RiskPointKind.EQUIPMENT, None, _choices(demo_window)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.description_edit.setPlainText("卡盘无防护罩")
    message_log.unsaved_answer = messages.UnsavedAnswer.CANCEL
    dialog.reject()
    assert dialog.isVisible() and message_log.unsaved_questions == 1
    message_log.unsaved_answer = messages.UnsavedAnswer.DISCARD
    dialog.reject()
    assert not dialog.isVisible() and dialog.result() == 0


def test_a_new_hazard_starts_with_its_risk_points_owner(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    page = _risk_page(demo_window)
    point_id = _first_point_with_hazards(page)
    page.select_risk_point(point_id)
    point = risk_points.get_risk_point(demo_window.ctx.db, point_id)  # type: ignore[arg-type]
    assert point.department_id is not None and point.responsible_person_id is not None
    shown: list[tuple[int | None, int | None]] = []

    def look(dialog: HazardDialog) -> None:
        shown.append((combos.chosen_id(dialog.department_combo), combos.chosen_id(dialog.person_combo)))

    drive_dialog(monkeypatch, HazardDialog, look)
    page._on_add_hazard()
    assert shown == [(point.department_id, point.responsible_person_id)]


def test_a_new_risk_point_proposes_the_next_code_of_its_area(demo_window: MainWindow, qtbot: QtBot) -> None:
    db = demo_window.ctx.db
    areas = {a.name: a for a in org.list_areas(db)}  # type: ignore[arg-type]
    suggest = partial(risk_points.suggest_code, db)
    dialog = RiskPointDialog(
        RiskPointInfo(name="", kind=RiskPointKind.EQUIPMENT, area_id=areas["机加工车间"].id),
        list(areas.values()), [], [], [], suggest_code=suggest,
    )  # fmt: skip
    qtbot.addWidget(dialog)
    assert dialog.code_edit.text() == "FX-JJ-009"  # the demo's machining area has FX-JJ-001 … 008
    dialog.area_combo.setCurrentIndex(dialog.area_combo.findData(areas["喷涂车间"].id))
    assert dialog.code_edit.text() == "FX-PT-006"
    dialog.code_edit.clear()
    qtbot.keyClicks(dialog.code_edit, "PT-X-01")
    dialog.area_combo.setCurrentIndex(dialog.area_combo.findData(areas["机加工车间"].id))
    assert dialog.code_edit.text() == "PT-X-01"  # a typed code is kept
