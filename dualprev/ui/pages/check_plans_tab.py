"""排查计划: the plans that produce check tasks — create, edit, pause, delete, print a blank checklist."""

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from dualprev.services import organisation_service as org
from dualprev.services.checks import frequency as check_frequency
from dualprev.services.checks import plans as check_plans
from dualprev.services.checks import printouts
from dualprev.services.checks.items import CheckItemRow
from dualprev.services.checks.plans import PlanRow
from dualprev.ui import messages, operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.check_plan_dialog import CheckPlanDialog
from dualprev.ui.models.check_plan_table_model import CheckPlanTableModel
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.check_tab import CheckTab
from dualprev.ui.widgets.record_list_panel import make_table_view, select_record, selected_record


class CheckPlansTab(CheckTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._items: list[CheckItemRow] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.new_plan_btn = self.button(
            bar, "new_plan_btn", self.tr("新建计划…"), lambda: self._edit_plan(None)
        )
        self.edit_plan_btn = self.button(bar, "edit_plan_btn", self.tr("编辑…"), self._on_edit_plan)
        self.toggle_plan_btn = self.button(bar, "toggle_plan_btn", self.tr("停用"), self._on_toggle_plan)
        self.delete_plan_btn = self.button(bar, "delete_plan_btn", self.tr("删除"), self._on_delete_plan)
        bar.addStretch(1)
        self.print_plan_btn = self.button(
            bar, "print_plan_btn", self.tr("打印空白清单…"), self._on_print_plan
        )
        layout.addLayout(bar)
        self.model = CheckPlanTableModel(self)
        self.plans_table = make_table_view(self.model, "check_plans_table", self)
        layout.addWidget(self.plans_table, 1)
        self.plans_table.doubleClicked.connect(lambda _index: self._on_edit_plan())
        self.plans_table.selectionModel().selectionChanged.connect(self._update_buttons)

    def set_plans(self, plans: list[PlanRow], items: list[CheckItemRow]) -> None:
        """Show ``plans`` (keeping the selected one, else the first); ``items`` is the checklist the
        plan editor offers."""
        self._items = items
        selected = self.selected_plan()
        self.model.set_records(plans)
        if (selected is None or not select_record(self.plans_table, self.model, selected.id)) and plans:
            self.plans_table.selectRow(0)
        self._update_buttons()

    def selected_plan(self) -> PlanRow | None:
        record = selected_record(self.plans_table)
        return record if isinstance(record, PlanRow) else None

    def _update_buttons(self, *_args: object) -> None:
        plan = self.selected_plan()
        for button in (self.edit_plan_btn, self.toggle_plan_btn, self.delete_plan_btn, self.print_plan_btn):
            button.setEnabled(plan is not None)
        self.toggle_plan_btn.setText(
            self.tr("启用") if plan is not None and not plan.is_active else self.tr("停用")
        )

    def _edit_plan(self, plan_id: int | None) -> None:
        db = self.ctx.db
        loaded = operations.attempt(
            self,
            lambda: (
                check_plans.get_plan(db, plan_id) if plan_id is not None else None,
                org.list_departments(db),
                org.list_people(db),
                org.list_areas(db),
                check_frequency.frequency_table(db),
            ),
        )
        if loaded is FAILED:
            return
        draft, departments, people, areas, table = loaded

        def suggest(
            tier: Any, frequency: Any, area_id: int | None, department_id: int | None
        ) -> tuple[int, ...]:
            return check_plans.suggest_plan_items(
                db,
                control_tier=tier,
                frequency=frequency,
                area_id=area_id,
                department_id=department_id,
            )

        edited = CheckPlanDialog.edit(
            self, draft, self._items, departments, people, areas, table, self.ctx.today(), suggest
        )
        if edited is None:
            return
        saved = self.write(
            lambda: check_plans.save_plan(
                db, plan_id, edited, actor=self.ctx.actor(), today=self.ctx.today()
            ),
            self.tr("已保存排查计划：{name}").format(name=edited.name),
        )
        if saved is not FAILED:
            select_record(self.plans_table, self.model, saved)

    def _on_edit_plan(self) -> None:
        plan = self.selected_plan()
        if plan is not None:
            self._edit_plan(plan.id)

    def _on_toggle_plan(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        db = self.ctx.db
        draft = operations.attempt(self, lambda: check_plans.get_plan(db, plan.id))
        if draft is FAILED:
            return
        if plan.is_active and not messages.confirm(
            self,
            self.tr("停用“{name}”后不再生成排查任务，尚未到期的任务将取消。").format(name=plan.name),
            action=self.tr("停用"),
        ):
            return
        changed = replace(draft, is_active=not plan.is_active)
        self.write(
            lambda: check_plans.save_plan(
                db, plan.id, changed, actor=self.ctx.actor(), today=self.ctx.today()
            ),
            self.tr("已{what}排查计划：{name}").format(
                what="启用" if changed.is_active else "停用", name=plan.name
            ),
        )

    def _on_delete_plan(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        if not messages.confirm(
            self, self.tr("删除排查计划“{name}”？").format(name=plan.name), action=self.tr("删除")
        ):
            return
        self.write(
            lambda: check_plans.delete_plan(self.ctx.db, plan.id, actor=self.ctx.actor()),
            self.tr("已删除排查计划：{name}").format(name=plan.name),
        )

    def _on_print_plan(self) -> None:
        plan = self.selected_plan()
        if plan is not None:
            db, today = self.ctx.db, self.ctx.today()
            self.print_pdf(
                lambda: printouts.render_checklist_pdf(db, plan_id=plan.id, today=today)[0],
                self.tr("打印空白排查清单"),
                f"隐患排查清单_{plan.name}.pdf",
            )
