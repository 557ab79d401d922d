"""排查任务: the due and overdue check tasks; record a check (planned or not) or print its checklist."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from dualprev.domain.checks import CheckTaskStatus
from dualprev.services.checks import checklists, printouts, recording
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.items import CheckItemRow
from dualprev.services.checks.tasks import TaskRow, TaskScope
from dualprev.services.hidden_dangers import choices as hd_choices
from dualprev.ui import messages, operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.check_item_picker import CheckItemPickerDialog
from dualprev.ui.dialogs.check_record_dialog import CheckRecordDialog
from dualprev.ui.models.check_task_table_model import CheckTaskTableModel
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.check_tab import CheckTab
from dualprev.ui.widgets.record_list_panel import make_table_view, select_record, selected_record


class CheckTasksTab(CheckTab):
    record_saved = Signal(object)
    """CheckRecordDetail: a check was recorded."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._items: list[CheckItemRow] = []
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("显示"), self))
        self.scope_combo = QComboBox(self)
        self.scope_combo.setObjectName("scope_combo")
        for scope in TaskScope:
            self.scope_combo.addItem(scope.label, scope.value)
        bar.addWidget(self.scope_combo)
        bar.addStretch(1)
        self.record_btn = self.button(bar, "record_btn", self.tr("记录排查…"), self.record_selected_task)
        self.record_btn.setStyleSheet("font-weight: bold;")
        self.print_task_btn = self.button(
            bar, "print_task_btn", self.tr("打印排查清单…"), self._on_print_task
        )
        self.unplanned_btn = self.button(bar, "unplanned_btn", self.tr("计划外排查…"), self._on_unplanned)
        layout.addLayout(bar)
        self.task_model = CheckTaskTableModel(self)
        self.tasks_table = make_table_view(self.task_model, "tasks_table", self)
        self.tasks_table.setSortingEnabled(False)
        layout.addWidget(self.tasks_table, 1)
        hint = QLabel(self.tr("双击待排查的任务开始记录；逾期未查的任务以红色底纹显示。"), self)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        self.scope_combo.currentIndexChanged.connect(self.load)
        self.tasks_table.doubleClicked.connect(lambda _index: self.record_selected_task())
        self.tasks_table.selectionModel().selectionChanged.connect(self._update_buttons)

    def set_items(self, items: list[CheckItemRow]) -> None:
        """The checklist, to pick from for a check outside the plans."""
        self._items = items

    def load(self) -> None:
        """The tasks of the chosen scope, keeping the selected one (else the most urgent)."""
        scope = TaskScope(self.scope_combo.currentData() or TaskScope.OPEN.value)
        selected = self.selected_task()
        tasks = operations.attempt(
            self, lambda: check_tasks.list_tasks(self.ctx.db, today=self.ctx.today(), scope=scope)
        )
        if tasks is FAILED:
            return
        self.task_model.set_records(tasks)
        if (selected is None or not select_record(self.tasks_table, self.task_model, selected.id)) and tasks:
            self.tasks_table.selectRow(0)  # the most urgent task, ready to record or print
        self._update_buttons()

    def show_scope(self, scope: TaskScope, select_task_id: int | None) -> None:
        """Show the tasks of ``scope`` with ``select_task_id`` selected (all tasks if it is not in it)."""
        self.scope_combo.setCurrentIndex(max(self.scope_combo.findData(scope.value), 0))
        self.load()
        if select_task_id is not None and not select_record(
            self.tasks_table, self.task_model, select_task_id
        ):
            self.scope_combo.setCurrentIndex(self.scope_combo.findData(TaskScope.ALL.value))
            select_record(self.tasks_table, self.task_model, select_task_id)

    def selected_task(self) -> TaskRow | None:
        record = selected_record(self.tasks_table)
        return record if isinstance(record, TaskRow) else None

    def _update_buttons(self, *_args: object) -> None:
        task = self.selected_task()
        self.record_btn.setEnabled(task is not None and task.status is not CheckTaskStatus.DONE)
        self.print_task_btn.setEnabled(task is not None)

    # --- recording ------------------------------------------------------------------------------------

    def record_selected_task(self) -> None:
        task = self.selected_task()
        if task is None or task.status is CheckTaskStatus.DONE:
            return
        checklist = operations.attempt(self, lambda: checklists.checklist(self.ctx.db, task_id=task.id))
        if checklist is FAILED:
            return
        if not checklist.items:
            messages.show_error(self, self.tr("该计划还没有排查项，请先在“排查计划”中编辑计划、勾选排查项。"))
            return
        self._record_check(checklist, task.assignee_name)

    def _on_unplanned(self) -> None:
        rows = [i for i in self._items if i.is_active]
        if not rows:
            messages.show_error(
                self, self.tr("排查清单是空的：请先在“排查清单”中由管控措施生成，或新增检查项。")
            )
            return
        ids = CheckItemPickerDialog.choose(self, rows)
        if not ids:
            return
        checklist = operations.attempt(self, lambda: checklists.checklist(self.ctx.db, item_ids=ids))
        if checklist is FAILED:
            return
        self._record_check(checklist, self.ctx.actor())

    def _record_check(self, checklist: checklists.Checklist, checker: str) -> None:
        choices = operations.attempt(self, lambda: hd_choices.choices(self.ctx.db))
        if choices is FAILED:
            return
        today = self.ctx.today()
        data = CheckRecordDialog.record(self, checklist, choices, today, checker_names=checker)
        if data is None:
            return
        detail = self.write(
            lambda: recording.record_check(self.ctx.db, data, actor=self.ctx.actor(), today=today)
        )
        if detail is not FAILED:
            self.record_saved.emit(detail)

    def _on_print_task(self) -> None:
        task = self.selected_task()
        if task is not None:
            db, today = self.ctx.db, self.ctx.today()
            self.print_pdf(
                lambda: printouts.render_checklist_pdf(db, task_id=task.id, today=today)[0],
                self.tr("打印排查清单"),
                f"隐患排查清单_{task.plan_name}_{task.due_on.isoformat()}.pdf",
            )
