"""企业信息: the enterprise profile, departments (a tree), people, posts and areas."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.organisation import DepartmentKind
from dualprev.errors import ValidationError
from dualprev.services import organisation_service as org
from dualprev.services.changes import Entity
from dualprev.services.organisation_service import (
    AreaInfo,
    DepartmentInfo,
    EnterpriseProfile,
    PersonInfo,
    PostInfo,
)
from dualprev.ui import messages, operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.area_dialog import AreaDialog
from dualprev.ui.dialogs.department_dialog import DepartmentDialog
from dualprev.ui.dialogs.person_dialog import PersonDialog
from dualprev.ui.dialogs.post_dialog import PostDialog
from dualprev.ui.models.area_table_model import AreaTableModel
from dualprev.ui.models.person_table_model import PersonTableModel
from dualprev.ui.models.post_table_model import PostTableModel
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.enterprise_form import EnterpriseForm
from dualprev.ui.widgets.readable_width import centred
from dualprev.ui.widgets.record_list_panel import RecordListPanel
from dualprev.ui.widgets.standard_scope_box import StandardScopeBox

DEPARTMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class EnterprisePage(Page):
    key = "enterprise"
    title = "企业信息"
    shows = frozenset({Entity.ENTERPRISE, Entity.ORGANISATION})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._departments: list[DepartmentInfo] = []
        self._people: list[PersonInfo] = []
        self._posts: list[PostInfo] = []
        self._areas: list[AreaInfo] = []
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("enterprise_tabs")
        layout.addWidget(self.tabs)

        self.profile_form = EnterpriseForm()
        scroll = QScrollArea(self)
        scroll.setObjectName("profile_scroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(centred(self.profile_form))
        self.tabs.addTab(scroll, self.tr("企业档案"))
        self.tabs.addTab(self._build_departments_tab(), self.tr("部门/车间/班组"))
        self.people_model = PersonTableModel(self)
        self.people_panel = RecordListPanel(self.people_model, "people", self.tr("人员"), self)
        self.tabs.addTab(self.people_panel, self.tr("人员"))
        self.posts_model = PostTableModel(self)
        self.posts_panel = RecordListPanel(self.posts_model, "posts", self.tr("岗位"), self)
        self.tabs.addTab(self.posts_panel, self.tr("岗位"))
        self.areas_model = AreaTableModel(self)
        self.areas_panel = RecordListPanel(self.areas_model, "areas", self.tr("区域"), self)
        self.tabs.addTab(self.areas_panel, self.tr("区域"))
        self.scope_box = StandardScopeBox(ctx, self)
        self.tabs.addTab(self.scope_box, self.tr("判定标准适用范围"))

        self.profile_form.save_requested.connect(self._on_profile_save_requested)
        self.people_panel.add_requested.connect(self._on_add_person)
        self.people_panel.edit_requested.connect(self._on_edit_person)
        self.people_panel.delete_requested.connect(self._on_delete_person)
        self.posts_panel.add_requested.connect(self._on_add_post)
        self.posts_panel.edit_requested.connect(self._on_edit_post)
        self.posts_panel.delete_requested.connect(self._on_delete_post)
        self.areas_panel.add_requested.connect(self._on_add_area)
        self.areas_panel.edit_requested.connect(self._on_edit_area)
        self.areas_panel.delete_requested.connect(self._on_delete_area)

    def _build_departments_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.add_department_btn = QPushButton(self.tr("新增部门"), tab)
        self.add_department_btn.setObjectName("add_department_btn")
        self.add_child_department_btn = QPushButton(self.tr("新增下级"), tab)
        self.add_child_department_btn.setObjectName("add_child_department_btn")
        self.edit_department_btn = QPushButton(self.tr("编辑"), tab)
        self.edit_department_btn.setObjectName("edit_department_btn")
        self.delete_department_btn = QPushButton(self.tr("删除"), tab)
        self.delete_department_btn.setObjectName("delete_department_btn")
        bar.addStretch(1)
        for button in (
            self.add_department_btn,
            self.add_child_department_btn,
            self.edit_department_btn,
            self.delete_department_btn,
        ):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.departments_tree = QTreeWidget(tab)
        self.departments_tree.setObjectName("departments_tree")
        self.departments_tree.setHeaderLabels([self.tr("名称"), self.tr("类型"), self.tr("备注")])
        self.departments_tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.departments_tree.setColumnWidth(0, 260)
        self.departments_tree.setColumnWidth(1, 80)
        layout.addWidget(self.departments_tree)
        self.add_department_btn.clicked.connect(self._on_add_department)
        self.add_child_department_btn.clicked.connect(self._on_add_child_department)
        self.edit_department_btn.clicked.connect(self._on_edit_department)
        self.delete_department_btn.clicked.connect(self._on_delete_department)
        self.departments_tree.itemDoubleClicked.connect(self._on_department_double_clicked)
        self.departments_tree.itemSelectionChanged.connect(self._on_department_selection_changed)
        self._on_department_selection_changed()
        return tab

    # --- loading ----------------------------------------------------------------------------------

    def show_tab(self, index: int) -> None:
        """Open tab ``index`` (0 企业档案, 1 部门, 2 人员, 3 岗位, 4 区域)."""
        self.tabs.setCurrentIndex(index)

    def reload(self) -> None:
        db = self.ctx.db
        profile = org.get_enterprise(db)
        if profile is not None:
            self.profile_form.offer_profile(profile)  # unsaved edits are kept, never overwritten
        self._departments = org.list_departments(db)
        self._people = org.list_people(db)
        self._posts = org.list_posts(db)
        self._areas = org.list_areas(db)
        self._fill_departments_tree()
        self.people_model.set_people(self._people, self._departments, self._posts)
        self.posts_model.set_posts(self._posts, self._departments, self._areas, self._people)
        self.areas_model.set_areas(self._areas, self._departments)
        self.scope_box.reload()

    def _fill_departments_tree(self) -> None:
        selected = self._selected_department()
        self.departments_tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        known = {d.id for d in self._departments}
        pending = list(self._departments)
        while pending:
            progressed = False
            for dept in list(pending):
                parent_id = dept.parent_id if dept.parent_id in known else None
                if parent_id is not None and parent_id not in items:
                    continue
                parent = (
                    items[parent_id] if parent_id is not None else self.departments_tree.invisibleRootItem()
                )
                item = QTreeWidgetItem(parent, [dept.name, dept.kind.label, dept.note.replace("\n", " ")])
                item.setData(0, DEPARTMENT_ID_ROLE, dept.id)
                items[dept.id or 0] = item
                pending.remove(dept)
                progressed = True
            if not progressed:  # a cycle cannot be stored, but never loop forever on bad data
                break
        self.departments_tree.expandAll()
        if selected is not None and selected.id in items:
            self.departments_tree.setCurrentItem(items[selected.id])
        self._on_department_selection_changed()

    # --- writing ----------------------------------------------------------------------------------

    def may_leave(self) -> bool:
        stored = org.get_enterprise(self.ctx.db)
        edited = self.profile_form.profile()
        if stored is None or edited == stored:
            return True
        answer = messages.ask_unsaved(self, self.tr("企业档案的修改还没有保存。要保存吗？"))
        if answer is messages.UnsavedAnswer.SAVE:
            self._on_profile_save_requested(edited)
            return org.get_enterprise(self.ctx.db) == edited
        if answer is messages.UnsavedAnswer.DISCARD:
            self.profile_form.set_profile(stored)
            return True
        return False

    def _write(self, action: Callable[[], Any]) -> bool:
        """Run one service write; show an expected error (the change announces itself)."""
        return operations.write(self, self.ctx.events, action) is not FAILED

    def _on_profile_save_requested(self, profile: EnterpriseProfile) -> None:
        def save() -> bool:
            """False when a field is refused: that is shown beside the form, not in a message box."""
            try:
                org.save_enterprise(self.ctx.db, profile, actor=self.ctx.actor())
            except ValidationError as exc:
                self.profile_form.errors.show(exc.message, exc.field)
                return False
            return True

        if operations.attempt(self, save) is True:
            self.show_status(self.tr("企业档案已保存"))

    # departments

    def _selected_department(self) -> DepartmentInfo | None:
        item = self.departments_tree.currentItem()
        if item is None or not item.isSelected():
            return None
        dept_id = item.data(0, DEPARTMENT_ID_ROLE)
        return next((d for d in self._departments if d.id == dept_id), None)

    def _on_department_selection_changed(self) -> None:
        has = self._selected_department() is not None
        for button in (self.add_child_department_btn, self.edit_department_btn, self.delete_department_btn):
            button.setEnabled(has)

    def _edit_department(self, department: DepartmentInfo | None) -> None:
        result = DepartmentDialog.edit(self, department, self._departments)
        if result is not None:
            self._write(lambda: org.save_department(self.ctx.db, result, actor=self.ctx.actor()))

    def _on_add_department(self) -> None:
        self._edit_department(None)

    def _on_add_child_department(self) -> None:
        parent = self._selected_department()
        if parent is None:
            return
        kind = (
            DepartmentKind.TEAM if parent.kind is not DepartmentKind.DEPARTMENT else DepartmentKind.WORKSHOP
        )
        self._edit_department(DepartmentInfo(name="", parent_id=parent.id, kind=kind))

    def _on_edit_department(self) -> None:
        department = self._selected_department()
        if department is not None:
            self._edit_department(department)

    def _on_department_double_clicked(self, _item: QTreeWidgetItem, _column: int) -> None:
        self._on_edit_department()

    def _on_delete_department(self) -> None:
        department = self._selected_department()
        if department is None or department.id is None:
            return
        question = self.tr("确定删除{kind}“{name}”吗？此操作不能撤销。").format(
            kind=department.kind.label, name=department.name
        )
        if messages.confirm(self, question, action=self.tr("删除")):
            dept_id = department.id
            self._write(lambda: org.delete_department(self.ctx.db, dept_id, actor=self.ctx.actor()))

    # people

    def _edit_person(self, person: PersonInfo | None) -> None:
        result = PersonDialog.edit(self, person, self._departments, self._posts)
        if result is not None:
            self._write(lambda: org.save_person(self.ctx.db, result, actor=self.ctx.actor()))

    def _on_add_person(self) -> None:
        self._edit_person(None)

    def _on_edit_person(self, person: PersonInfo) -> None:
        self._edit_person(person)

    def _on_delete_person(self, person: PersonInfo) -> None:
        question = self.tr(
            "确定删除人员“{name}”吗？此操作不能撤销。\n已离职的人员也可以只取消“在职”。"
        ).format(name=person.name)
        if person.id is not None and messages.confirm(self, question, action=self.tr("删除")):
            person_id = person.id
            self._write(lambda: org.delete_person(self.ctx.db, person_id, actor=self.ctx.actor()))

    # posts

    def _edit_post(self, post: PostInfo | None) -> None:
        risk_points = operations.attempt(self, lambda: org.list_risk_point_refs(self.ctx.db))
        if risk_points is FAILED:
            return
        result = PostDialog.edit(self, post, self._departments, self._areas, self._people, risk_points)
        if result is not None:
            self._write(lambda: org.save_post(self.ctx.db, result, actor=self.ctx.actor()))

    def _on_add_post(self) -> None:
        self._edit_post(None)

    def _on_edit_post(self, post: PostInfo) -> None:
        self._edit_post(post)

    def _on_delete_post(self, post: PostInfo) -> None:
        question = self.tr("确定删除岗位“{name}”吗？此操作不能撤销。").format(name=post.name)
        if post.id is not None and messages.confirm(self, question, action=self.tr("删除")):
            post_id = post.id
            self._write(lambda: org.delete_post(self.ctx.db, post_id, actor=self.ctx.actor()))

    # areas

    def _edit_area(self, area: AreaInfo | None) -> None:
        result = AreaDialog.edit(self, area, self._departments)
        if result is not None:
            self._write(lambda: org.save_area(self.ctx.db, result, actor=self.ctx.actor()))

    def _on_add_area(self) -> None:
        self._edit_area(None)

    def _on_edit_area(self, area: AreaInfo) -> None:
        self._edit_area(area)

    def _on_delete_area(self, area: AreaInfo) -> None:
        question = self.tr("确定删除区域“{name}”吗？此操作不能撤销。").format(name=area.name)
        if area.id is not None and messages.confirm(self, question, action=self.tr("删除")):
            area_id = area.id
            self._write(lambda: org.delete_area(self.ctx.db, area_id, actor=self.ctx.actor()))
