"""企业信息: profile validation, departments, people, posts (with risk points) and areas."""

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dualprev.domain.organisation import DepartmentKind
from dualprev.domain.risk import RiskPointKind
from dualprev.services import organisation_service as org
from dualprev.services.changes import Entity
from dualprev.storage.db import open_database
from dualprev.storage.models import RiskPoint
from dualprev.ui.dialogs.area_dialog import AreaDialog
from dualprev.ui.dialogs.department_dialog import DepartmentDialog
from dualprev.ui.dialogs.person_dialog import PersonDialog
from dualprev.ui.dialogs.post_dialog import PostDialog
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages.enterprise_page import DEPARTMENT_ID_ROLE, EnterprisePage

from .conftest import ENTERPRISE, MessageLog


def _reopened(path: Path):  # type: ignore[no-untyped-def]
    return open_database(path)


@pytest.fixture
def page(window: MainWindow) -> EnterprisePage:
    page = window.show_page("enterprise")
    assert isinstance(page, EnterprisePage)
    return page


def _seed(db_path: Path) -> dict[str, int]:
    db = open_database(db_path)
    try:
        dept = org.save_department(
            db, org.DepartmentInfo(name="机加工车间", kind=DepartmentKind.WORKSHOP), actor="t"
        )
        team = org.save_department(db, org.DepartmentInfo(name="车工班", kind=DepartmentKind.TEAM, parent_id=dept.id),
                                   actor="t")  # fmt: skip
        post = org.save_post(db, org.PostInfo(name="车工", department_id=dept.id), actor="t")
        person = org.save_person(
            db, org.PersonInfo(name="张三", department_id=dept.id, post_id=post.id), actor="t"
        )
        area = org.save_area(db, org.AreaInfo(name="机加工区", code="A01", department_id=dept.id), actor="t")
        with db.session() as s:
            rp = RiskPoint(name="数控车床", code="SB-001", kind=RiskPointKind.EQUIPMENT, area_id=area.id)
            s.add(rp)
            s.flush()
            rp_id = rp.id
        assert dept.id and team.id and post.id and person.id and area.id and rp_id
        return {
            "dept": dept.id,
            "team": team.id,
            "post": post.id,
            "person": person.id,
            "area": area.id,
            "rp": rp_id,
        }
    finally:
        db.close()


def test_bad_uscc_is_shown_at_the_field_and_nothing_is_saved(
    page: EnterprisePage, profile_db: Path, message_log: MessageLog
) -> None:
    form = page.profile_form
    assert form.ui.name_edit.text() == ENTERPRISE
    form.ui.uscc_edit.setText("91350100M000100Y44")
    form.ui.save_btn.click()
    assert form.ui.error_label.isVisible()
    assert form.ui.error_label.text() == "统一社会信用代码校验位不正确，请核对"
    assert form.errors.is_marked("uscc")
    assert form.ui.uscc_edit.toolTip() == form.ui.error_label.text()
    assert message_log.errors == []
    db = _reopened(profile_db)
    assert org.get_enterprise(db).uscc == ""  # type: ignore[union-attr]
    db.close()
    # Corrected, it saves and the mark goes away.
    form.ui.uscc_edit.setText("91350100M000100Y43")
    form.ui.duty_phone_edit.setText("0512-12345678")
    form.ui.employee_count_spin.setValue(85)
    form.ui.save_btn.click()
    assert not form.errors.is_marked("uscc") and not form.ui.error_label.isVisible()
    db = _reopened(profile_db)
    saved = org.get_enterprise(db)
    db.close()
    assert saved is not None
    assert (saved.uscc, saved.duty_phone, saved.employee_count) == ("91350100M000100Y43", "0512-12345678", 85)


def test_bad_phone_is_shown_at_the_field(page: EnterprisePage) -> None:
    form = page.profile_form
    form.ui.principal_phone_edit.setText("abc")
    form.ui.save_btn.click()
    assert form.errors.is_marked("principal_phone")
    assert "主要负责人电话" in form.ui.error_label.text()


def test_editing_a_person_through_the_page_persists(
    page: EnterprisePage, profile_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _seed(profile_db)
    page.ctx.events.emit_changed(*Entity)
    page.tabs.setCurrentWidget(page.people_panel)
    panel = page.people_panel
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 1).data() == "机加工车间"
    assert panel.select_id(ids["person"])
    seen: dict[str, object] = {}

    def edit(cls: type, parent: object, person: org.PersonInfo | None, departments: list, posts: list):  # type: ignore[no-untyped-def]
        seen.update(person=person, departments=[d.name for d in departments], posts=[p.name for p in posts])
        assert person is not None
        return replace(person, name="张三丰", phone="13800001111", role="车工", department_id=ids["team"])

    monkeypatch.setattr(PersonDialog, "edit", classmethod(edit))
    panel.edit_btn.click()
    assert seen["person"].name == "张三"  # type: ignore[attr-defined]
    assert seen["departments"] == ["机加工车间", "车工班"] and seen["posts"] == ["车工"]
    # The page reloaded from the database after the write.
    assert panel.model.index(0, 0).data() == "张三丰"
    assert panel.model.index(0, 1).data() == "车工班"
    db = _reopened(profile_db)
    people = org.list_people(db)
    db.close()
    assert [(p.name, p.phone, p.role, p.department_id) for p in people] == [
        ("张三丰", "13800001111", "车工", ids["team"])
    ]


def test_cancelled_dialog_changes_nothing(
    page: EnterprisePage, profile_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PersonDialog, "edit", classmethod(lambda *_a: None))
    page.tabs.setCurrentWidget(page.people_panel)
    page.people_panel.add_btn.click()
    db = _reopened(profile_db)
    assert org.list_people(db) == []
    db.close()


def test_service_errors_go_to_messages(
    page: EnterprisePage, profile_db: Path, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    _seed(profile_db)
    page.ctx.events.emit_changed(*Entity)
    monkeypatch.setattr(AreaDialog, "edit", classmethod(lambda *_a: org.AreaInfo(name="机加工区")))
    page.tabs.setCurrentWidget(page.areas_panel)
    page.areas_panel.add_btn.click()
    assert message_log.errors == ["已有名为“机加工区”的区域"]


def test_department_tree_add_child_and_delete_with_confirmation(
    page: EnterprisePage, profile_db: Path, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    ids = _seed(profile_db)
    page.ctx.events.emit_changed(*Entity)
    tree = page.departments_tree
    assert tree.topLevelItemCount() == 1
    top = tree.topLevelItem(0)
    assert (top.text(0), top.text(1), top.child(0).text(0), top.child(0).text(1)) == (
        "机加工车间",
        "车间",
        "车工班",
        "班组",
    )
    proposed: list[org.DepartmentInfo | None] = []

    def edit(cls: type, parent: object, department: org.DepartmentInfo | None, departments: list):  # type: ignore[no-untyped-def]
        proposed.append(department)
        return replace(department, name="铣工班") if department else None

    monkeypatch.setattr(DepartmentDialog, "edit", classmethod(edit))
    tree.setCurrentItem(top)
    page.add_child_department_btn.click()
    assert (
        proposed[0] is not None
        and proposed[0].parent_id == ids["dept"]
        and proposed[0].kind is DepartmentKind.TEAM
    )
    names = sorted(tree.topLevelItem(0).child(i).text(0) for i in range(tree.topLevelItem(0).childCount()))
    assert names == ["车工班", "铣工班"]

    # A department still in use is refused with the service's message.
    tree.setCurrentItem(tree.topLevelItem(0))
    page.delete_department_btn.click()
    assert message_log.confirmations and "机加工车间" in message_log.confirmations[-1]
    assert "仍被使用" in message_log.errors[-1]

    # Declining the confirmation deletes nothing; accepting deletes.
    milling = next(
        tree.topLevelItem(0).child(i) for i in range(2) if tree.topLevelItem(0).child(i).text(0) == "铣工班"
    )
    tree.setCurrentItem(milling)
    message_log.confirm_answer = False
    page.delete_department_btn.click()
    db = _reopened(profile_db)
    assert "铣工班" in [d.name for d in org.list_departments(db)]
    db.close()
    milling_id = milling.data(0, DEPARTMENT_ID_ROLE)
    message_log.confirm_answer = True
    page.delete_department_btn.click()
    db = _reopened(profile_db)
    assert [d.id for d in org.list_departments(db) if d.id == milling_id] == []
    db.close()


def test_post_dialog_picks_the_risk_points_the_post_faces(qtbot: QtBot, profile_db: Path) -> None:
    ids = _seed(profile_db)
    db = open_database(profile_db)
    try:
        post = next(p for p in org.list_posts(db) if p.id == ids["post"])
        dialog = PostDialog(post, org.list_departments(db), org.list_areas(db), org.list_people(db),
                            org.list_risk_point_refs(db))  # fmt: skip
    finally:
        db.close()
    qtbot.addWidget(dialog)
    assert dialog.ui.risk_points_list.count() == 1
    assert dialog.ui.risk_points_list.item(0).text() == "SB-001 数控车床（机加工区）"
    assert dialog.chosen_risk_point_ids() == ()
    dialog.set_risk_point_checked(ids["rp"], True)
    assert "已选 1 个" in dialog.ui.risk_count_label.text()
    dialog.ui.headcount_spin.setValue(4)
    value = dialog.value()
    assert value.risk_point_ids == (ids["rp"],) and value.headcount == 4 and value.id == ids["post"]
    dialog.ui.risk_filter_edit.setText("叉车")
    assert dialog.ui.risk_points_list.item(0).isHidden()


def test_saving_a_post_with_risk_points_through_the_page(
    page: EnterprisePage, profile_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _seed(profile_db)
    page.ctx.events.emit_changed(*Entity)
    offered: list[list[int]] = []

    def edit(cls: type, parent: object, post: org.PostInfo | None, departments, areas, people, risk_points):  # type: ignore[no-untyped-def]
        offered.append([r.id for r in risk_points])
        return org.PostInfo(name="数控操作工", department_id=ids["dept"], area_id=ids["area"],
                            risk_point_ids=(ids["rp"],))  # fmt: skip

    monkeypatch.setattr(PostDialog, "edit", classmethod(edit))
    page.tabs.setCurrentWidget(page.posts_panel)
    page.posts_panel.add_btn.click()
    assert offered == [[ids["rp"]]]
    assert page.posts_model.rowCount() == 2
    db = _reopened(profile_db)
    saved = next(p for p in org.list_posts(db) if p.name == "数控操作工")
    db.close()
    assert saved.risk_point_ids == (ids["rp"],)


def test_person_dialog_validates_before_accepting(qtbot: QtBot) -> None:
    dialog = PersonDialog(None, [], [])
    qtbot.addWidget(dialog)
    dialog.ui.name_edit.setText("  ")
    dialog.ui.button_box.accepted.emit()
    assert dialog.errors.message == "姓名不能为空" and dialog.errors.is_marked("name")
    dialog.ui.name_edit.setText("李四")
    dialog.ui.phone_edit.setText("电话")
    dialog.ui.button_box.accepted.emit()
    assert dialog.errors.is_marked("phone")
    assert dialog.result() == 0


def test_department_dialog_excludes_itself_and_children_as_parent(qtbot: QtBot) -> None:
    departments = [
        org.DepartmentInfo(name="生产部", id=1),
        org.DepartmentInfo(name="机加工车间", kind=DepartmentKind.WORKSHOP, parent_id=1, id=2),
        org.DepartmentInfo(name="车工班", kind=DepartmentKind.TEAM, parent_id=2, id=3),
        org.DepartmentInfo(name="安全环保部", id=4),
    ]
    dialog = DepartmentDialog(departments[1], departments)
    qtbot.addWidget(dialog)
    choices = [dialog.ui.parent_combo.itemData(i) for i in range(dialog.ui.parent_combo.count())]
    assert choices == [None, 1, 4]
    assert dialog.value().parent_id == 1 and dialog.value().kind is DepartmentKind.WORKSHOP
