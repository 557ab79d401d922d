"""隐患排查: the check plans (who checks what, how often) and how often they were carried out."""

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from dualprev.services import overview_service
from dualprev.ui.context import AppContext
from dualprev.ui.models.check_plan_table_model import CheckPlanTableModel
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.record_list_panel import make_table_view


class CheckPage(Page):
    key = "checks"
    title = "隐患排查"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.model = CheckPlanTableModel(self)
        self.plans_table = make_table_view(self.model, "check_plans_table", self)
        layout.addWidget(self.plans_table)

    def reload(self) -> None:
        plans = overview_service.list_check_plans(self.ctx.db)
        self.model.set_records(plans)
        active = sum(1 for p in plans if p.is_active)
        records = sum(p.record_count for p in plans)
        self.summary_label.setText(
            self.tr("共 {n} 个排查计划，其中执行中 {a} 个；按计划已完成排查 {r} 次。").format(
                n=len(plans), a=active, r=records
            )
        )
