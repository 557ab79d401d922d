"""隐患排查: the due and overdue check tasks (record a check, print its checklist), the plans that
produce them, the checklist made from the control measures, and the check records with the hidden
dangers their failed items opened — each a click away in the ledger."""

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.checks import CheckTaskStatus
from dualprev.reports.output import ExportFormat
from dualprev.services import hidden_danger_service as hs
from dualprev.services import organisation_service as org
from dualprev.services.checks import checklists, printouts, recording
from dualprev.services.checks import frequency as check_frequency
from dualprev.services.checks import items as check_items
from dualprev.services.checks import plans as check_plans
from dualprev.services.checks import records as check_records
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.items import CheckItemRow
from dualprev.services.checks.plans import PlanRow
from dualprev.services.checks.records import CheckRecordDetail
from dualprev.services.checks.tasks import TaskRow, TaskScope
from dualprev.ui import messages, operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.check_frequency_dialog import CheckFrequencyDialog
from dualprev.ui.dialogs.check_item_dialog import CheckItemDialog
from dualprev.ui.dialogs.check_item_picker import CheckItemPickerDialog
from dualprev.ui.dialogs.check_plan_dialog import CheckPlanDialog
from dualprev.ui.dialogs.check_print_dialog import CheckPrintDialog, ask_save_path
from dualprev.ui.dialogs.check_record_dialog import CheckRecordDialog
from dualprev.ui.dialogs.hidden_danger_fields import from_qdate, to_qdate
from dualprev.ui.models.check_plan_table_model import CheckPlanTableModel
from dualprev.ui.models.check_record_table_model import CheckRecordTableModel
from dualprev.ui.models.check_result_table_model import CheckResultColumn, CheckResultTableModel
from dualprev.ui.models.check_task_table_model import CheckTaskTableModel
from dualprev.ui.models.record_table_model import Roles
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.ledger_page import LedgerFocus
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.photo_strip import open_photo
from dualprev.ui.widgets.record_list_panel import make_table_view

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RECORD_DAYS = 31
CHANGED = ("check_item", "check_plan", "check_task", "check_record", "hidden_danger")

GROUPINGS = (("risk_point", "按风险点"), ("area", "按区域"), ("post", "按岗位"))
ITEM_HEADINGS = (
    "排查内容",
    "风险点",
    "风险等级",
    "排查标准/依据",
    "排查方法",
    "层级",
    "频次",
    "来源",
    "纳入计划",
)


class CheckPage(Page):
    key = "checks"
    title = "隐患排查"
    status_timeout_ms = 6000

    TASKS_TAB, PLANS_TAB, ITEMS_TAB, RECORDS_TAB = range(4)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._items: list[CheckItemRow] = []
        self._shown_record: CheckRecordDetail | None = None
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary_label)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("check_tabs")
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_tasks_tab(), self.tr("排查任务"))
        self.tabs.addTab(self._build_plans_tab(), self.tr("排查计划"))
        self.tabs.addTab(self._build_items_tab(), self.tr("排查清单"))
        self.tabs.addTab(self._build_records_tab(), self.tr("排查记录"))

    # --- building -----------------------------------------------------------------------------------

    def _button(
        self, parent: QWidget, layout: QHBoxLayout, name: str, text: str, handler: Callable[[], Any]
    ) -> QPushButton:
        button = QPushButton(text, parent)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: handler())
        layout.addWidget(button)
        return button

    def _build_tasks_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("显示"), tab))
        self.scope_combo = QComboBox(tab)
        self.scope_combo.setObjectName("scope_combo")
        for scope in TaskScope:
            self.scope_combo.addItem(scope.label, scope.value)
        bar.addWidget(self.scope_combo)
        bar.addStretch(1)
        self.record_btn = self._button(
            tab, bar, "record_btn", self.tr("记录排查…"), self.record_selected_task
        )
        self.record_btn.setStyleSheet("font-weight: bold;")
        self.print_task_btn = self._button(
            tab, bar, "print_task_btn", self.tr("打印排查清单…"), self._on_print_task
        )
        self.unplanned_btn = self._button(
            tab, bar, "unplanned_btn", self.tr("计划外排查…"), self._on_unplanned
        )
        layout.addLayout(bar)
        self.task_model = CheckTaskTableModel(self)
        self.tasks_table = make_table_view(self.task_model, "tasks_table", tab)
        self.tasks_table.setSortingEnabled(False)
        layout.addWidget(self.tasks_table, 1)
        hint = QLabel(self.tr("双击待排查的任务开始记录；逾期未查的任务以红色底纹显示。"), tab)
        hint.setStyleSheet("color: #555;")
        layout.addWidget(hint)
        self.scope_combo.currentIndexChanged.connect(self._load_tasks)
        self.tasks_table.doubleClicked.connect(lambda _index: self.record_selected_task())
        self.tasks_table.selectionModel().selectionChanged.connect(self._update_task_buttons)
        return tab

    def _build_plans_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.new_plan_btn = self._button(tab, bar, "new_plan_btn", self.tr("新建计划…"), self._on_new_plan)
        self.edit_plan_btn = self._button(tab, bar, "edit_plan_btn", self.tr("编辑…"), self._on_edit_plan)
        self.toggle_plan_btn = self._button(
            tab, bar, "toggle_plan_btn", self.tr("停用"), self._on_toggle_plan
        )
        self.delete_plan_btn = self._button(
            tab, bar, "delete_plan_btn", self.tr("删除"), self._on_delete_plan
        )
        bar.addStretch(1)
        self.print_plan_btn = self._button(
            tab, bar, "print_plan_btn", self.tr("打印空白清单…"), self._on_print_plan
        )
        layout.addLayout(bar)
        self.model = CheckPlanTableModel(self)
        self.plans_table = make_table_view(self.model, "check_plans_table", tab)
        layout.addWidget(self.plans_table, 1)
        self.plans_table.doubleClicked.connect(lambda _index: self._on_edit_plan())
        self.plans_table.selectionModel().selectionChanged.connect(self._update_plan_buttons)
        return tab

    def _build_items_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        first = QHBoxLayout()
        self.group_combo = QComboBox(tab)
        self.group_combo.setObjectName("group_combo")
        for key, text in GROUPINGS:
            self.group_combo.addItem(self.tr(text), key)
        first.addWidget(self.group_combo)
        self.item_filter_edit = QLineEdit(tab)
        self.item_filter_edit.setObjectName("item_filter_edit")
        self.item_filter_edit.setPlaceholderText(self.tr("筛选：排查内容、风险点、岗位"))
        self.item_filter_edit.setClearButtonEnabled(True)
        first.addWidget(self.item_filter_edit, 1)
        self.inactive_check = QCheckBox(self.tr("显示已停用"), tab)
        self.inactive_check.setObjectName("inactive_check")
        first.addWidget(self.inactive_check)
        self.frequency_btn = self._button(
            tab, first, "frequency_btn", self.tr("排查频次设置…"), self._on_frequency
        )
        layout.addLayout(first)
        second = QHBoxLayout()
        self.generate_btn = self._button(
            tab, second, "generate_btn", self.tr("由管控措施生成清单"), self._on_generate
        )
        self.generate_btn.setToolTip(
            self.tr("为每条现有管控措施生成一个排查项；已生成的不会重复，您的修改会保留")
        )
        self.add_item_btn = self._button(
            tab, second, "add_item_btn", self.tr("新增检查项…"), self._on_add_item
        )
        self.edit_item_btn = self._button(tab, second, "edit_item_btn", self.tr("编辑…"), self._on_edit_item)
        self.toggle_item_btn = self._button(
            tab, second, "toggle_item_btn", self.tr("停用"), self._on_toggle_item
        )
        self.delete_item_btn = self._button(
            tab, second, "delete_item_btn", self.tr("删除"), self._on_delete_item
        )
        second.addStretch(1)
        self.print_items_btn = self._button(
            tab, second, "print_items_btn", self.tr("打印整个清单…"), self._on_print_items
        )
        layout.addLayout(second)
        self.items_label = QLabel(tab)
        self.items_label.setObjectName("items_label")
        layout.addWidget(self.items_label)
        self.items_tree = QTreeWidget(tab)
        self.items_tree.setObjectName("items_tree")
        self.items_tree.setHeaderLabels([self.tr(h) for h in ITEM_HEADINGS])
        self.items_tree.setAlternatingRowColors(True)
        self.items_tree.setUniformRowHeights(True)
        header = self.items_tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((330, 170, 70, 260, 120, 60, 60, 120, 200)):
            header.resizeSection(column, width)
        layout.addWidget(self.items_tree, 1)
        self.group_combo.currentIndexChanged.connect(self._fill_items_tree)
        self.inactive_check.toggled.connect(self._fill_items_tree)
        self.item_filter_edit.textChanged.connect(self._fill_items_tree)
        self.items_tree.currentItemChanged.connect(self._update_item_buttons)
        self.items_tree.itemDoubleClicked.connect(lambda *_: self._on_edit_item())
        return tab

    def _build_records_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("排查日期"), tab))
        self.from_edit = QDateEdit(tab)
        self.from_edit.setObjectName("from_edit")
        self.to_edit = QDateEdit(tab)
        self.to_edit.setObjectName("to_edit")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel(self.tr("至"), tab))
        bar.addWidget(self.to_edit)
        bar.addStretch(1)
        self.export_xlsx_btn = self._button(
            tab, bar, "export_xlsx_btn", self.tr("导出 Excel…"), lambda: self._on_export(ExportFormat.XLSX)
        )
        self.export_pdf_btn = self._button(
            tab, bar, "export_pdf_btn", self.tr("导出 PDF…"), lambda: self._on_export(ExportFormat.PDF)
        )
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Vertical, tab)
        splitter.setObjectName("records_splitter")
        self.record_model = CheckRecordTableModel(self)
        self.records_table = make_table_view(self.record_model, "records_table", splitter)
        detail = QWidget(splitter)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 4, 0, 0)
        head = QHBoxLayout()
        self.record_label = QLabel(detail)
        self.record_label.setObjectName("record_label")
        self.record_label.setWordWrap(True)
        self.record_label.setTextFormat(Qt.TextFormat.RichText)
        head.addWidget(self.record_label, 1)
        self.open_danger_btn = self._button(
            detail, head, "open_danger_btn", self.tr("在隐患台账中查看"), self.open_selected_danger
        )
        self.print_record_btn = self._button(
            detail, head, "print_record_btn", self.tr("打印排查记录…"), self._on_print_record
        )
        detail_layout.addLayout(head)
        self.result_model = CheckResultTableModel(self)
        self.results_table = QTableView(detail)
        self.results_table.setObjectName("results_table")
        self.results_table.setModel(self.result_model)
        self.results_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.results_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.results_table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.results_table.verticalHeader().setVisible(False)
        result_header = self.results_table.horizontalHeader()
        result_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        result_header.setStretchLastSection(True)
        for column, width in (
            (CheckResultColumn.NUMBER, 44),
            (CheckResultColumn.RISK_POINT, 170),
            (CheckResultColumn.CONTENT, 380),
            (CheckResultColumn.RESULT, 64),
            (CheckResultColumn.REMARK, 240),
            (CheckResultColumn.PHOTOS, 50),
        ):
            result_header.resizeSection(column, width)
        detail_layout.addWidget(self.results_table, 1)
        splitter.addWidget(self.records_table)
        splitter.addWidget(detail)
        splitter.setSizes([300, 420])
        layout.addWidget(splitter, 1)
        self.from_edit.dateChanged.connect(self._load_records)
        self.to_edit.dateChanged.connect(self._load_records)
        self.records_table.selectionModel().selectionChanged.connect(self._on_record_selected)
        self.results_table.doubleClicked.connect(self._on_result_double_clicked)
        self.results_table.selectionModel().selectionChanged.connect(self._update_record_buttons)
        today = self.ctx.today()
        self.from_edit.setDate(to_qdate(today - timedelta(days=RECORD_DAYS - 1)))
        self.to_edit.setDate(to_qdate(today))
        return tab

    # --- loading ------------------------------------------------------------------------------------

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
        _generated, counts, plans, self._items = loaded
        self._load_tasks()
        selected = self._selected_plan()
        self.model.set_records(plans)
        if (selected is None or not self._select_row(self.plans_table, self.model, selected.id)) and plans:
            self.plans_table.selectRow(0)
        self._fill_items_tree()
        self._load_records()
        active = sum(1 for p in plans if p.is_active)
        text = self.tr("今日到期 <b>{t}</b> 次，").format(t=counts.due_today)
        if counts.overdue:
            text += self.tr("<b style='color:#C00000'>逾期未查 {o} 次</b>，").format(o=counts.overdue)
        else:
            text += self.tr("没有逾期未查，")
        text += self.tr("近期待查 {u} 次。执行中的排查计划 {a} 个，排查清单共 {n} 项。").format(
            u=counts.upcoming, a=active, n=sum(1 for i in self._items if i.is_active)
        )
        self.summary_label.setText(text)
        self._update_task_buttons()
        self._update_plan_buttons()
        self._update_item_buttons()

    def _load_tasks(self) -> None:
        scope = TaskScope(self.scope_combo.currentData() or TaskScope.OPEN.value)
        selected = self.selected_task()
        tasks = operations.attempt(
            self, lambda: check_tasks.list_tasks(self.ctx.db, today=self.ctx.today(), scope=scope)
        )
        if tasks is FAILED:
            return
        self.task_model.set_records(tasks)
        if (
            selected is None or not self._select_row(self.tasks_table, self.task_model, selected.id)
        ) and tasks:
            self.tasks_table.selectRow(0)  # the most urgent task, ready to record or print
        self._update_task_buttons()

    def _load_records(self) -> None:
        selected = self._shown_record.id if self._shown_record else None
        rows = operations.attempt(
            self,
            lambda: check_records.query_records(
                self.ctx.db,
                date_from=from_qdate(self.from_edit.date()),
                date_to=from_qdate(self.to_edit.date()),
            ),
        )
        if rows is FAILED:
            return
        self.record_model.set_records(rows)
        if selected is not None and self._select_row(self.records_table, self.record_model, selected):
            return
        if rows:
            self.records_table.selectRow(0)
        else:
            self._show_record(None)

    # --- selection helpers --------------------------------------------------------------------------

    @staticmethod
    def _selected(view: QTableView) -> Any:
        rows = view.selectionModel().selectedRows()
        return view.model().data(rows[0], Roles.RECORD) if rows else None

    @staticmethod
    def _select_row(view: QTableView, model: Any, record_id: int) -> bool:
        source_row = model.row_of(record_id)
        if source_row < 0:
            return False
        proxy = view.model()
        index = (
            proxy.mapFromSource(model.index(source_row, 0))
            if isinstance(proxy, QSortFilterProxyModel)
            else model.index(source_row, 0)
        )
        view.selectRow(index.row())
        view.scrollTo(index)
        return True

    def selected_task(self) -> TaskRow | None:
        record = self._selected(self.tasks_table)
        return record if isinstance(record, TaskRow) else None

    def _selected_plan(self) -> PlanRow | None:
        record = self._selected(self.plans_table)
        return record if isinstance(record, PlanRow) else None

    def selected_item(self) -> CheckItemRow | None:
        node = self.items_tree.currentItem()
        item_id = node.data(0, ITEM_ID_ROLE) if node is not None else None
        return next((i for i in self._items if i.id == item_id), None) if item_id is not None else None

    def _update_task_buttons(self, *_args: object) -> None:
        task = self.selected_task()
        self.record_btn.setEnabled(task is not None and task.status is not CheckTaskStatus.DONE)
        self.print_task_btn.setEnabled(task is not None)

    def _update_plan_buttons(self, *_args: object) -> None:
        plan = self._selected_plan()
        for button in (self.edit_plan_btn, self.toggle_plan_btn, self.delete_plan_btn, self.print_plan_btn):
            button.setEnabled(plan is not None)
        self.toggle_plan_btn.setText(
            self.tr("启用") if plan is not None and not plan.is_active else self.tr("停用")
        )

    def _update_item_buttons(self, *_args: object) -> None:
        item = self.selected_item()
        for button in (self.edit_item_btn, self.toggle_item_btn):
            button.setEnabled(item is not None)
        self.delete_item_btn.setEnabled(item is not None and item.is_custom)
        self.toggle_item_btn.setText(
            self.tr("启用") if item is not None and not item.is_active else self.tr("停用")
        )

    # --- focus (other pages, 首页) -------------------------------------------------------------------

    def show_tasks(self, scope: TaskScope = TaskScope.OPEN, select_task_id: int | None = None) -> None:
        """Show the tasks of ``scope`` (e.g. 首页's 逾期未查), with ``select_task_id`` selected."""
        self.refresh_if_stale()
        self.tabs.setCurrentIndex(self.TASKS_TAB)
        self.scope_combo.setCurrentIndex(max(self.scope_combo.findData(scope.value), 0))
        self._load_tasks()
        if select_task_id is not None and not self._select_row(
            self.tasks_table, self.task_model, select_task_id
        ):
            self.scope_combo.setCurrentIndex(self.scope_combo.findData(TaskScope.ALL.value))
            self._select_row(self.tasks_table, self.task_model, select_task_id)

    def show_records(self) -> None:
        """Show the records tab (the last month's records, the newest selected)."""
        self.refresh_if_stale()
        self.tabs.setCurrentIndex(self.RECORDS_TAB)

    def show_record(self, record_id: int) -> None:
        """Show one check record with its results (widening the period to its date if needed)."""
        self.refresh_if_stale()
        self.tabs.setCurrentIndex(self.RECORDS_TAB)
        if not self._select_row(self.records_table, self.record_model, record_id):
            detail = operations.attempt(self, lambda: check_records.get_record(self.ctx.db, record_id))
            if detail is FAILED:
                return
            if detail.checked_on < from_qdate(self.from_edit.date()):
                self.from_edit.setDate(to_qdate(detail.checked_on))
            if detail.checked_on > from_qdate(self.to_edit.date()):
                self.to_edit.setDate(to_qdate(detail.checked_on))
            self._load_records()
            self._select_row(self.records_table, self.record_model, record_id)

    # --- writes -------------------------------------------------------------------------------------

    def _write(self, action: Callable[[], Any], done: str = "") -> Any:
        result = operations.write(self, self.ctx.events, [*CHANGED], lambda: action())
        if result is FAILED:
            return None
        if done:
            self.show_status(done)
        return result

    # --- tasks and records --------------------------------------------------------------------------

    def _choices(self) -> hs.HiddenDangerChoices | None:
        result = operations.attempt(self, lambda: hs.choices(self.ctx.db))
        return None if result is FAILED else result

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
        choices = self._choices()
        if choices is None:
            return
        today = self.ctx.today()
        data = CheckRecordDialog.record(self, checklist, choices, today, checker_names=checker)
        if data is None:
            return
        detail: CheckRecordDetail | None = self._write(
            lambda: recording.record_check(self.ctx.db, data, actor=self.ctx.actor(), today=today)
        )
        if detail is None:
            return
        numbers = detail.danger_numbers
        self.show_status(self.tr("已保存排查记录：{summary}").format(summary=detail.summary))
        self.show_record(detail.id)
        if numbers:
            ask = self.tr(
                "已保存排查记录，并登记隐患 {numbers}（已与本次排查记录关联）。\n\n是否现在到隐患台账查看？"
            ).format(numbers="、".join(numbers))
            failed = next(r for r in detail.results if r.hidden_danger_id is not None)
            if messages.confirm(self, ask, title=self.tr("已登记隐患"), action=self.tr("查看隐患台账")):
                self.open_danger(failed.hidden_danger_id or 0)

    def _print(self, render: Callable[[], bytes], title: str, name: str) -> None:
        data = operations.attempt(self, lambda: render())
        if data is FAILED:
            return
        CheckPrintDialog.show_pdf(self, data, title, name)

    def _on_print_task(self) -> None:
        task = self.selected_task()
        if task is not None:
            self._print(
                lambda: printouts.render_checklist_pdf(self.ctx.db, task_id=task.id, today=self.ctx.today())[
                    0
                ],
                self.tr("打印排查清单"),
                f"隐患排查清单_{task.plan_name}_{task.due_on.isoformat()}.pdf",
            )

    def _on_print_plan(self) -> None:
        plan = self._selected_plan()
        if plan is not None:
            self._print(
                lambda: printouts.render_checklist_pdf(self.ctx.db, plan_id=plan.id, today=self.ctx.today())[
                    0
                ],
                self.tr("打印空白排查清单"),
                f"隐患排查清单_{plan.name}.pdf",
            )

    def _on_print_items(self) -> None:
        ids = [i.id for i in self._items if i.is_active]
        self._print(
            lambda: printouts.render_checklist_pdf(self.ctx.db, item_ids=ids, today=self.ctx.today())[0],
            self.tr("打印排查清单"),
            "隐患排查清单.pdf",
        )

    def _on_print_record(self) -> None:
        record = self._shown_record
        if record is not None:
            self._print(
                lambda: printouts.render_record_pdf(self.ctx.db, record.id, today=self.ctx.today()),
                self.tr("打印排查记录"),
                f"隐患排查记录_{record.checked_on.isoformat()}_{record.plan_name or '计划外排查'}.pdf",
            )

    # --- plans --------------------------------------------------------------------------------------

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
        saved = self._write(
            lambda: check_plans.save_plan(
                db, plan_id, edited, actor=self.ctx.actor(), today=self.ctx.today()
            ),
            self.tr("已保存排查计划：{name}").format(name=edited.name),
        )
        if saved is not None:
            self._select_row(self.plans_table, self.model, saved)

    def _on_new_plan(self) -> None:
        self._edit_plan(None)

    def _on_edit_plan(self) -> None:
        plan = self._selected_plan()
        if plan is not None:
            self._edit_plan(plan.id)

    def _on_toggle_plan(self) -> None:
        plan = self._selected_plan()
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
        self._write(
            lambda: check_plans.save_plan(
                db, plan.id, changed, actor=self.ctx.actor(), today=self.ctx.today()
            ),
            self.tr("已{what}排查计划：{name}").format(
                what="启用" if changed.is_active else "停用", name=plan.name
            ),
        )

    def _on_delete_plan(self) -> None:
        plan = self._selected_plan()
        if plan is None:
            return
        if not messages.confirm(
            self, self.tr("删除排查计划“{name}”？").format(name=plan.name), action=self.tr("删除")
        ):
            return
        self._write(
            lambda: check_plans.delete_plan(self.ctx.db, plan.id, actor=self.ctx.actor()),
            self.tr("已删除排查计划：{name}").format(name=plan.name),
        )

    # --- the checklist ------------------------------------------------------------------------------

    def _fill_items_tree(self) -> None:
        tree = self.items_tree
        current = self.selected_item()
        grouping = self.group_combo.currentData() or "risk_point"
        show_inactive = self.inactive_check.isChecked()
        words = self.item_filter_edit.text().split()
        tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        shown = 0
        selected_node: QTreeWidgetItem | None = None
        for row in self._items:
            if not row.is_active and not show_inactive:
                continue
            haystack = " ".join(
                (row.content, row.standard, row.risk_point_text, row.area_name, *row.post_names)
            )
            if not all(w in haystack for w in words):
                continue
            shown += 1
            for group_text in self._group_texts(row, grouping):
                parent = groups.get(group_text)
                if parent is None:
                    parent = QTreeWidgetItem(tree, [group_text])
                    parent.setFirstColumnSpanned(True)
                    font = parent.font(0)
                    font.setBold(True)
                    parent.setFont(0, font)
                    groups[group_text] = parent
                node = QTreeWidgetItem(parent, self._item_texts(row))
                node.setData(0, ITEM_ID_ROLE, row.id)
                node.setToolTip(0, row.content)
                node.setToolTip(3, row.standard)
                if row.level is not None:
                    node.setBackground(2, QBrush(QColor(row.level.colour.hex)))
                    node.setForeground(2, QBrush(QColor(*row.level.colour.text_rgb)))
                if not row.is_active:
                    for column in range(len(ITEM_HEADINGS)):
                        if column != 2:
                            node.setForeground(column, QBrush(QColor(128, 128, 128)))
                if current is not None and row.id == current.id and selected_node is None:
                    selected_node = node
        for parent in groups.values():
            parent.setText(0, f"{parent.text(0)}（{parent.childCount()} 项）")
        tree.expandAll()
        if selected_node is not None:
            tree.setCurrentItem(selected_node)
        active = sum(1 for i in self._items if i.is_active)
        generated = sum(1 for i in self._items if i.is_active and not i.is_custom)
        unplanned = sum(1 for i in self._items if i.is_active and not i.plan_ids)
        self.items_label.setText(
            self.tr(
                "排查清单共 {n} 项（由管控措施生成 {g} 项，自定义 {c} 项）；当前显示 {s} 项；尚未纳入任何计划 {u} 项。"
            ).format(n=active, g=generated, c=active - generated, s=shown, u=unplanned)
        )
        self._update_item_buttons()

    def _group_texts(self, row: CheckItemRow, grouping: str) -> list[str]:
        general = self.tr("通用检查项")
        if grouping == "area":
            return [row.area_name or (self.tr("未指定区域") if row.risk_point_id else general)]
        if grouping == "post":
            if row.post_names:
                return list(row.post_names)
            return [self.tr("未关联岗位的风险点") if row.risk_point_id else general]
        if not row.risk_point_id:
            return [general]
        where = f"（{row.area_name}）" if row.area_name else ""
        return [f"{row.risk_point_text}{where}"]

    @staticmethod
    def _item_texts(row: CheckItemRow) -> list[str]:
        return [
            ("（已停用）" if not row.is_active else "") + row.content,
            row.risk_point_text or "通用",
            row.level.label if row.level else "",
            row.standard,
            row.method,
            row.control_tier.label if row.control_tier else "",
            row.frequency.label if row.frequency else "",
            row.source_text,
            "、".join(row.plan_names),
        ]

    def _on_generate(self) -> None:
        result = self._write(lambda: check_items.generate_items(self.ctx.db, actor=self.ctx.actor()))
        if result is None:
            return
        text = self.tr("新生成排查项 {c} 项；已有排查项的管控措施 {a} 条保持不变（包括您修改过的）。").format(
            c=result.created, a=result.already_covered
        )
        if result.planned_measures:
            text += self.tr("\n另有 {p} 条建议新增的措施尚未落实，暂不生成排查项。").format(
                p=result.planned_measures
            )
        messages.show_info(self, text, title=self.tr("由管控措施生成清单"))

    def _risk_points(self) -> list[org.RiskPointRef] | None:
        result = operations.attempt(self, lambda: org.list_risk_point_refs(self.ctx.db))
        return None if result is FAILED else result

    def _on_add_item(self) -> None:
        points = self._risk_points()
        if points is None:
            return
        current = self.selected_item()
        draft = CheckItemDialog.edit(
            self, None, points, risk_point_id=current.risk_point_id if current else None
        )
        if draft is not None:
            self._write(
                lambda: check_items.save_item(self.ctx.db, None, draft, actor=self.ctx.actor()),
                self.tr("已新增排查项"),
            )

    def _on_edit_item(self) -> None:
        item = self.selected_item()
        points = self._risk_points() if item is not None else None
        if item is None or points is None:
            return
        draft = CheckItemDialog.edit(self, item, points)
        if draft is not None:
            self._write(
                lambda: check_items.save_item(self.ctx.db, item.id, draft, actor=self.ctx.actor()),
                self.tr("已保存排查项"),
            )

    def _on_toggle_item(self) -> None:
        item = self.selected_item()
        if item is not None:
            self._write(
                lambda: check_items.set_item_active(
                    self.ctx.db, item.id, not item.is_active, actor=self.ctx.actor()
                ),
                self.tr("已{what}排查项").format(what="启用" if not item.is_active else "停用"),
            )

    def _on_delete_item(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        if messages.confirm(
            self, self.tr("删除排查项“{text}”？").format(text=item.content[:40]), action=self.tr("删除")
        ):
            self._write(
                lambda: check_items.delete_item(self.ctx.db, item.id, actor=self.ctx.actor()),
                self.tr("已删除排查项"),
            )

    def _on_frequency(self) -> None:
        table = operations.attempt(self, lambda: check_frequency.frequency_table(self.ctx.db))
        if table is FAILED:
            return
        edited = CheckFrequencyDialog.edit(self, table)
        if edited is not None:
            self._write(
                lambda: check_frequency.save_frequency_table(self.ctx.db, edited, actor=self.ctx.actor()),
                self.tr("已保存排查频次表"),
            )

    # --- records ------------------------------------------------------------------------------------

    def _on_record_selected(self, *_args: object) -> None:
        row = self._selected(self.records_table)
        self._show_record(row.id if row is not None else None)

    def _show_record(self, record_id: int | None) -> None:
        detail = None
        if record_id is not None:
            found = operations.attempt(self, lambda: check_records.get_record(self.ctx.db, record_id))
            detail = None if found is FAILED else found
        self._shown_record = detail
        if detail is None:
            self.result_model.set_records([])
            self.record_label.setText(self.tr("选择一条排查记录查看各项结果。"))
        else:
            self.result_model.set_records(list(detail.results))
            plan = detail.plan_name or self.tr("计划外排查")
            due = (
                self.tr("（应完成 {d}）").format(d=detail.task_due_on.isoformat())
                if detail.task_due_on
                else ""
            )
            self.record_label.setText(
                self.tr(
                    "<b>{date} {type}</b>　{plan}{due}　受检：{place}　排查人：{who}<br/>{summary}"
                ).format(
                    date=detail.checked_on.isoformat(),
                    type=detail.check_type.label,
                    plan=plan,
                    due=due,
                    place=detail.place or "—",
                    who=detail.checker_names,
                    summary=detail.summary,
                )
            )
            failed = next((r for r in detail.results if r.hidden_danger_id is not None), None)
            if failed is not None:
                self.results_table.selectRow(detail.results.index(failed))
        self.print_record_btn.setEnabled(detail is not None)
        self._update_record_buttons()

    def _selected_result(self) -> check_records.ResultRow | None:
        rows = self.results_table.selectionModel().selectedRows()
        return self.result_model.record(rows[0].row()) if rows else None

    def _update_record_buttons(self, *_args: object) -> None:
        result = self._selected_result()
        self.open_danger_btn.setEnabled(result is not None and result.hidden_danger_id is not None)

    def _on_result_double_clicked(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        result = self.result_model.record(index.row())
        if index.column() == CheckResultColumn.PHOTOS and result.photos:
            for photo in result.photos:
                open_photo(photo.path)
            return
        self.open_selected_danger()

    def open_selected_danger(self) -> None:
        result = self._selected_result()
        if result is not None and result.hidden_danger_id is not None:
            self.open_danger(result.hidden_danger_id)

    def open_danger(self, hidden_danger_id: int) -> None:
        """Show a hidden danger in the ledger (unfiltered, so it is always there)."""
        window = self.window()
        show_page = getattr(window, "show_page", None)
        if show_page is None:
            return
        page = show_page("ledger")
        apply_focus = getattr(page, "apply_focus", None)
        if apply_focus is not None:
            apply_focus(LedgerFocus(hs.LedgerFilter(), hidden_danger_id))

    def _on_export(self, fmt: ExportFormat) -> None:
        start, end = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
        suffix = ".xlsx" if fmt is ExportFormat.XLSX else ".pdf"
        pattern = (
            self.tr("Excel 工作簿 (*.xlsx)") if fmt is ExportFormat.XLSX else self.tr("PDF 文件 (*.pdf)")
        )
        path = ask_save_path(
            self,
            self.tr("导出排查记录"),
            f"隐患排查记录_{start.isoformat()}_{end.isoformat()}{suffix}",
            pattern,
        )
        if path is None:
            return
        result = operations.attempt(
            self,
            lambda: printouts.export_checks(
                self.ctx.db, path, fmt, date_from=start, date_to=end, today=self.ctx.today()
            ),
        )
        if result is FAILED:
            return
        pages = self.tr("，{p} 页").format(p=result.pages) if result.pages else ""
        messages.show_info(
            self,
            self.tr("已导出排查记录 {n} 次{pages}：\n{path}").format(
                n=result.items, pages=pages, path=result.path
            ),
            title=self.tr("导出完成"),
        )
