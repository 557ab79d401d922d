"""隐患排查: the due and overdue check tasks (record a check, print its checklist), the plans that
produce them, the checklist made from the control measures, and the check records with the hidden
dangers their failed items opened — each a click away in the ledger. One tab each."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from dualprev.services.changes import Entity
from dualprev.services.checks import items as check_items
from dualprev.services.checks import plans as check_plans
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.records import CheckRecordDetail
from dualprev.services.checks.tasks import TaskScope
from dualprev.ui import messages, operations
from dualprev.ui.context import AppContext
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.check_items_tab import CheckItemsTab
from dualprev.ui.pages.check_plans_tab import CheckPlansTab
from dualprev.ui.pages.check_records_tab import CheckRecordsTab
from dualprev.ui.pages.check_tab import open_in_ledger
from dualprev.ui.pages.check_tasks_tab import CheckTasksTab
from dualprev.ui.pages.page import Page


class CheckPage(Page):
    key = "checks"
    title = "隐患排查"
    shows = frozenset({Entity.CHECK, Entity.RISK, Entity.ORGANISATION, Entity.HIDDEN_DANGER, Entity.SETTING})
    status_timeout_ms = 6000

    TASKS_TAB, PLANS_TAB, ITEMS_TAB, RECORDS_TAB = range(4)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary_label)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("check_tabs")
        layout.addWidget(self.tabs, 1)
        self.tasks_tab = CheckTasksTab(ctx, self)
        self.plans_tab = CheckPlansTab(ctx, self)
        self.items_tab = CheckItemsTab(ctx, self)
        self.records_tab = CheckRecordsTab(ctx, self)
        self.tabs.addTab(self.tasks_tab, self.tr("排查任务"))
        self.tabs.addTab(self.plans_tab, self.tr("排查计划"))
        self.tabs.addTab(self.items_tab, self.tr("排查清单"))
        self.tabs.addTab(self.records_tab, self.tr("排查记录"))
        for tab in (self.tasks_tab, self.plans_tab, self.items_tab, self.records_tab):
            tab.status.connect(self.show_status)
        self.tasks_tab.record_saved.connect(self._on_record_saved)

    def reload(self) -> None:
        today = self.ctx.today()
        db, actor = self.ctx.db, self.ctx.actor()
        loaded = operations.attempt(
            self,
            lambda: (
                check_tasks.generate_tasks(db, today=today, actor=actor),
                check_tasks.task_counts(db, today=today),
                check_plans.list_plans(db, today=today),
                check_items.list_items(db),
            ),
        )
        if loaded is FAILED:
            return
        _generated, counts, plans, items = loaded
        self.tasks_tab.set_items(items)
        self.tasks_tab.load()
        self.plans_tab.set_plans(plans, items)
        self.items_tab.set_items(items)
        self.records_tab.load()
        active = sum(1 for p in plans if p.is_active)
        text = self.tr("今日到期 <b>{t}</b> 次，").format(t=counts.due_today)
        if counts.overdue:
            text += self.tr("<b style='color:#C00000'>逾期未查 {o} 次</b>，").format(o=counts.overdue)
        else:
            text += self.tr("没有逾期未查，")
        text += self.tr("近期待查 {u} 次。执行中的排查计划 {a} 个，排查清单共 {n} 项。").format(
            u=counts.upcoming, a=active, n=sum(1 for i in items if i.is_active)
        )
        self.summary_label.setText(text)

    # --- focus (other pages, 首页) -------------------------------------------------------------------

    def show_tasks(self, scope: TaskScope = TaskScope.OPEN, select_task_id: int | None = None) -> None:
        """Show the tasks of ``scope`` (e.g. 首页's 逾期未查), with ``select_task_id`` selected."""
        self.refresh_if_stale()
        self.tabs.setCurrentIndex(self.TASKS_TAB)
        self.tasks_tab.show_scope(scope, select_task_id)

    def show_records(self) -> None:
        """Show the records tab (the last month's records, the newest selected)."""
        self.refresh_if_stale()
        self.tabs.setCurrentIndex(self.RECORDS_TAB)

    def show_record(self, record_id: int) -> None:
        """Show one check record with its results (widening the period to its date if needed)."""
        self.refresh_if_stale()
        self.tabs.setCurrentIndex(self.RECORDS_TAB)
        self.records_tab.show_record(record_id)

    def _on_record_saved(self, detail: CheckRecordDetail) -> None:
        numbers = detail.danger_numbers
        self.show_status(self.tr("已保存排查记录：{summary}").format(summary=detail.summary))
        self.show_record(detail.id)
        if numbers:
            ask = self.tr(
                "已保存排查记录，并登记隐患 {numbers}（已与本次排查记录关联）。\n\n是否现在到隐患台账查看？"
            ).format(numbers="、".join(numbers))
            failed = next(r for r in detail.results if r.hidden_danger_id is not None)
            if messages.confirm(self, ask, title=self.tr("已登记隐患"), action=self.tr("查看隐患台账")):
                open_in_ledger(self, failed.hidden_danger_id or 0)
