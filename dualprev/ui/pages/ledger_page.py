"""隐患台账: every hidden danger, filtered and sorted in the database, with the selected one's
details, photos and timeline below, and a button for each step of the closed loop.

Every step goes through :mod:`dualprev.services.hidden_dangers`, which refuses what the
rules forbid; the page checks the same rules first so the user learns why before filling a form.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.hidden_danger import (
    DUE_SOON_DAYS,
    HiddenDangerLevel,
    HiddenDangerStatus,
    PhotoStage,
    acceptance_precondition_problem,
    start_precondition_problem,
)
from dualprev.domain.ledger import LedgerFilter, LedgerSort
from dualprev.errors import UserError
from dualprev.services import photo_service
from dualprev.services.changes import Entity
from dualprev.services.hidden_dangers import choices as hd_choices
from dualprev.services.hidden_dangers import detail as hd_detail
from dualprev.services.hidden_dangers import duties, lifecycle, registration
from dualprev.services.hidden_dangers import ledger as hd_ledger
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail
from dualprev.services.hidden_dangers.ledger import LedgerResult
from dualprev.services.photo_service import PreparedPhoto
from dualprev.ui import messages, operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.hidden_danger_acceptance_dialog import HiddenDangerAcceptanceDialog
from dualprev.ui.dialogs.hidden_danger_completion_dialog import HiddenDangerCompletionDialog
from dualprev.ui.dialogs.hidden_danger_dialog import HiddenDangerDialog
from dualprev.ui.dialogs.hidden_danger_plan_dialog import HiddenDangerPlanDialog
from dualprev.ui.dialogs.hidden_danger_step_dialog import HiddenDangerStepDialog
from dualprev.ui.dialogs.major_duties_dialog import MajorDutiesDialog
from dualprev.ui.models.hidden_danger_table_model import HiddenDangerColumn, HiddenDangerTableModel
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.column_fill import fill_column
from dualprev.ui.widgets.hidden_danger_detail_panel import HiddenDangerDetailPanel
from dualprev.ui.widgets.ledger_filter_bar import LedgerFilterBar
from dualprev.ui.widgets.photo_strip import choose_photo_files, prepare_photos
from dualprev.ui.widgets.step_person import StepPerson

S = HiddenDangerStatus

_COLUMN_WIDTHS = {
    HiddenDangerColumn.NUMBER: 110,
    HiddenDangerColumn.FOUND_ON: 92,
    HiddenDangerColumn.DESCRIPTION: 270,
    HiddenDangerColumn.LEVEL: 76,
    HiddenDangerColumn.PLACE: 170,
    HiddenDangerColumn.SOURCE: 76,
    HiddenDangerColumn.DEPARTMENT: 100,
    HiddenDangerColumn.RECTIFIER: 82,
    HiddenDangerColumn.DEADLINE: 92,
    HiddenDangerColumn.STATUS: 128,  # 待整改 · 逾期12天
}


@dataclass(frozen=True)
class LedgerFocus:
    """What another page asks the ledger to show: a filter, and a hidden danger to select."""

    filter: LedgerFilter
    select_id: int | None = None


class LedgerPage(Page):
    key = "ledger"
    title = "隐患台账"
    shows = frozenset(
        {Entity.HIDDEN_DANGER, Entity.PHOTO, Entity.ORGANISATION, Entity.RISK, Entity.SCHEME, Entity.CHECK}
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._filter = LedgerFilter()
        self._selected_id: int | None = None
        self._choices: hd_choices.HiddenDangerChoices | None = None
        self._totals_text = ""
        layout = QVBoxLayout(self)
        self.filter_bar = LedgerFilterBar(ctx.today, self)
        layout.addWidget(self.filter_bar)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary_label)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("ledger_splitter")
        self.model = HiddenDangerTableModel(self)
        self.ledger_table = QTableView(self.splitter)
        self.ledger_table.setObjectName("ledger_table")
        self.ledger_table.setModel(self.model)
        self.ledger_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ledger_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ledger_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ledger_table.setWordWrap(False)
        self.ledger_table.verticalHeader().setDefaultSectionSize(26)
        self.ledger_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.ledger_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in _COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        # Spare width goes to 隐患描述, not to the last column.
        fill_column(
            self.ledger_table, HiddenDangerColumn.DESCRIPTION, _COLUMN_WIDTHS[HiddenDangerColumn.DESCRIPTION]
        )
        header.setSortIndicator(HiddenDangerColumn.FOUND_ON, Qt.SortOrder.DescendingOrder)
        self.ledger_table.setSortingEnabled(True)
        self.detail_panel = HiddenDangerDetailPanel(self.splitter)
        self.splitter.addWidget(self.ledger_table)
        self.splitter.addWidget(self.detail_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 480])  # the detail panel needs room for its fields and timeline
        layout.addWidget(self.splitter, 1)

        self.model.fetch_failed.connect(self._on_fetch_failed, Qt.ConnectionType.QueuedConnection)
        self.model.total_changed.connect(self._show_filtered_count)
        self.ledger_table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.ledger_table.doubleClicked.connect(self._on_double_clicked)
        self.detail_panel.action_requested.connect(self._on_action)
        self.filter_bar.changed.connect(self._on_filter_changed)
        self.filter_bar.clear_filters_btn.clicked.connect(self.clear_filters)
        self.filter_bar.register_btn.clicked.connect(self._on_register)

    # --- building ---------------------------------------------------------------------------------

    # --- loading ----------------------------------------------------------------------------------

    def reload(self) -> None:
        _choices = operations.attempt(self, lambda: hd_choices.choices(self.ctx.db))
        if _choices is FAILED:
            return
        self._choices = _choices
        self.filter_bar.fill_choices(_choices)
        self._refresh(self._selected_id)

    def _fetch(self, sort: LedgerSort, offset: int, limit: int) -> LedgerResult:
        return hd_ledger.query(
            self.ctx.db, self._filter, sort, today=self.ctx.today(), offset=offset, limit=limit
        )

    def _refresh(self, select_id: int | None = None) -> None:
        """Read the ledger again under the current filter; keep ``select_id`` selected if it is shown."""
        self._filter = self.filter_bar.current_filter()
        self.model.set_fetch(self._fetch)
        self._update_summary()
        if select_id is not None and self.select_hidden_danger(select_id):
            return
        if self.model.total():
            self.ledger_table.selectRow(0)  # the detail panel is never empty while there are rows
        else:
            self._show_detail(None)

    def _update_summary(self) -> None:
        try:
            totals = hd_ledger.summary(self.ctx.db, today=self.ctx.today())
        except UserError as exc:
            self._totals_text = ""
            self.summary_label.setText(exc.message)
            return
        text = self.tr("共 {n} 条隐患，未销号 {o} 条").format(n=totals.total, o=totals.open)
        if totals.overdue:
            text += self.tr("，其中<b style='color:#C00000'>逾期 {d} 条</b>（红色底纹）").format(
                d=totals.overdue
            )
        if totals.due_soon:
            text += self.tr("，{days}日内到期 {s} 条").format(days=DUE_SOON_DAYS, s=totals.due_soon)
        text += "。"
        self._totals_text = text
        self._show_filtered_count()

    def _show_filtered_count(self) -> None:
        """The summary line, with the filter's count ("1,000+" until more rows are counted)."""
        text = self._totals_text
        if not text:
            return  # the totals could not be read: the label says why
        if not self._filter.is_empty:
            text += (
                self.tr(" 当前筛选：{m} 条。").format(m=self.model.total_text())
                if self.model.total()
                else self.tr(" 没有符合筛选条件的隐患。")
            )
        self.summary_label.setText(text)

    # --- selection ----------------------------------------------------------------------------------

    def select_hidden_danger(self, hidden_danger_id: int) -> bool:
        """Select (and scroll to) a hidden danger; False when the current filter does not show it."""
        row = self.model.row_of_id(hidden_danger_id)
        if row < 0:
            position = operations.attempt(
                self,
                lambda: hd_ledger.row_position(
                    self.ctx.db,
                    hidden_danger_id,
                    self._filter,
                    self.model.ledger_sort,
                    today=self.ctx.today(),
                ),
            )
            if position is FAILED or position is None or not self.model.reveal(position):
                return False
            row = position
        index = self.model.index(row, 0)
        self.ledger_table.selectRow(row)
        self.ledger_table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def selected_id(self) -> int | None:
        return self._selected_id

    def _on_selection_changed(self, *_args: object) -> None:
        rows = self.ledger_table.selectionModel().selectedRows()
        record = self.model.row_record(rows[0].row()) if rows else None
        self._show_detail(record.id if record else None)

    def _show_detail(self, hidden_danger_id: int | None) -> None:
        self._selected_id = hidden_danger_id
        detail = None
        if hidden_danger_id is not None:
            found = operations.attempt(
                self, lambda: hd_detail.get_detail(self.ctx.db, hidden_danger_id, today=self.ctx.today())
            )
            detail = None if found is FAILED else found
        self.detail_panel.set_detail(detail)

    # --- filters ------------------------------------------------------------------------------------

    def _on_filter_changed(self, *_args: object) -> None:
        self._refresh(self._selected_id)

    def clear_filters(self) -> None:
        self.filter_bar.clear()
        self._refresh(self._selected_id)

    def apply_focus(self, focus: LedgerFocus) -> None:
        """Show what another page asked for (e.g. 首页's overdue list): the filter, then the row."""
        self.refresh_if_stale()
        self.clear_filters()
        self.filter_bar.show_filter(focus.filter)
        self._refresh(focus.select_id)

    def _on_fetch_failed(self, message: str) -> None:
        messages.show_error(self, message)

    # --- actions ----------------------------------------------------------------------------------

    def _write(self, action: Callable[[], HiddenDangerDetail], done: str) -> HiddenDangerDetail | None:
        """Run one service write; show a refusal, or announce the change and keep the row selected."""
        with self.ctx.events.batch():  # the page reloads after the row to keep is chosen
            detail = operations.attempt(self, action)
            if detail is FAILED:
                return None
            self._selected_id = detail.id
        self.show_status(done.format(number=detail.number))
        return detail

    def _apply_step(
        self,
        detail: HiddenDangerDetail,
        data: object | None,
        step: Callable[..., HiddenDangerDetail],
        done: str,
    ) -> None:
        """Hand what a step's dialog returned (None: cancelled) to its service function."""
        if data is not None and self._write(
            lambda: step(self.ctx.db, detail.id, data, actor=self.ctx.actor(), today=self.ctx.today()),
            done,
        ):
            self._remember_person(step.__name__, getattr(data, "performed_by", ""))

    def _performer(self, step: str) -> StepPerson:
        """Who did ``step``: the person last named for it, else the operator; any active person may
        be chosen instead."""
        names = tuple(p.name for p in (self._choices.people if self._choices else []) if p.is_active)
        return StepPerson(names, self.ctx.prefs.step_person(step) or self.ctx.actor())

    def _remember_person(self, step: str, name: str) -> None:
        if name:
            self.ctx.prefs.set_step_person(step, name)

    def _load_choices(self) -> hd_choices.HiddenDangerChoices | None:
        _choices = operations.attempt(self, lambda: hd_choices.choices(self.ctx.db))
        if _choices is FAILED:
            return None
        self._choices = _choices
        return self._choices

    def _on_register(self) -> None:
        choices = self._load_choices()
        if choices is None:
            return
        today = self.ctx.today()
        result = HiddenDangerDialog.register(self, choices, today, performer=self._performer("register"))
        if result is None:
            return
        detail = self._write(
            lambda: registration.register(
                self.ctx.db,
                result.draft,
                actor=self.ctx.actor(),
                immediate=result.immediate,
                photos=result.photos,
                today=today,
                performed_by=result.performed_by,
            ),
            self.tr("已登记隐患 {number}"),
        )
        if detail is None:
            return
        self._remember_person("register", result.performed_by)
        if not self.select_hidden_danger(detail.id):
            self.clear_filters()
            self.select_hidden_danger(detail.id)
        if detail.level is HiddenDangerLevel.MAJOR:
            messages.show_info(
                self,
                self.tr(
                    "已登记重大隐患 {number}。\n\n请尽快：\n1. 制定治理方案（五到位：措施、责任、资金、时限、预案），"
                    "方案齐全后才能开始整改；\n2. 向属地负有安全生产监督管理职责的部门报告，并点“记录上报”记下报告部门和日期；\n"
                    "3. 落实临时管控措施。"
                ).format(number=detail.number),
                title=self.tr("重大隐患"),
            )

    def _on_double_clicked(self, index: QModelIndex) -> None:
        detail = self.detail_panel.detail()
        if detail is not None and detail.status.is_open and index.isValid():
            self._on_action("edit")

    def _on_action(self, key: str) -> None:
        detail = self.detail_panel.detail()
        if detail is None:
            return
        handler = {
            "edit": self._edit,
            "start": self._start,
            "submit": self._submit,
            "accept": self._accept,
            "reject": self._reject,
            "plan": self._plan,
            "report": self._report,
            "evaluate": self._evaluate,
            "supervise": self._supervise,
            "congress": self._congress,
            "photos": self._add_photos,
            "void": self._void,
        }.get(key)
        if handler is not None:
            handler(detail)

    def _edit(self, detail: HiddenDangerDetail) -> None:
        choices = self._load_choices()
        if choices is None:
            return
        edited = HiddenDangerDialog.edit_with_reason(self, detail, choices, self.ctx.today())
        if edited is not None:
            draft, reason = edited
            self._write(
                lambda: registration.update(
                    self.ctx.db,
                    detail.id,
                    draft,
                    actor=self.ctx.actor(),
                    level_reason=reason,
                    today=self.ctx.today(),
                ),
                self.tr("已保存 {number}"),
            )

    def _start(self, detail: HiddenDangerDetail) -> None:
        problem = start_precondition_problem(detail.facts())
        if problem:
            messages.show_error(self, problem, title=self.tr("不能开始整改"))
            return
        self._load_choices()
        data = HiddenDangerStepDialog.start(self, detail, performer=self._performer("start_rectification"))
        self._apply_step(detail, data, lifecycle.start_rectification, self.tr("{number} 已开始整改"))

    def _submit(self, detail: HiddenDangerDetail) -> None:
        self._load_choices()
        data = HiddenDangerCompletionDialog.ask(
            self, detail, self.ctx.today(), performer=self._performer("submit_for_acceptance")
        )
        self._apply_step(detail, data, lifecycle.submit_for_acceptance, self.tr("{number} 已报请验收"))

    def _accept(self, detail: HiddenDangerDetail) -> None:
        problem = acceptance_precondition_problem(detail.facts())
        if problem:
            messages.show_error(self, problem, title=self.tr("不能验收销号"))
            return
        choices = self._load_choices()
        if choices is None:
            return
        data = HiddenDangerAcceptanceDialog.ask(self, detail, choices, self.ctx.today())
        self._apply_step(detail, data, lifecycle.accept, self.tr("{number} 已验收销号"))

    def _reject(self, detail: HiddenDangerDetail) -> None:
        self._load_choices()
        data = HiddenDangerStepDialog.reject_acceptance(self, detail, performer=self._performer("reject"))
        self._apply_step(detail, data, lifecycle.reject, self.tr("{number} 验收不通过，已退回整改"))

    def _plan(self, detail: HiddenDangerDetail) -> None:
        self._load_choices()
        data = HiddenDangerPlanDialog.edit(self, detail, performer=self._performer("save_remediation_plan"))
        self._apply_step(detail, data, lifecycle.save_remediation_plan, self.tr("{number} 治理方案已保存"))

    def _supervise(self, detail: HiddenDangerDetail) -> None:
        data = MajorDutiesDialog.supervision(self, detail, self.ctx.today())
        self._apply_step(detail, data, duties.record_supervision, self.tr("{number} 挂牌督办情况已保存"))

    def _congress(self, detail: HiddenDangerDetail) -> None:
        data = MajorDutiesDialog.congress(self, detail, self.ctx.today())
        self._apply_step(detail, data, duties.record_congress_report, self.tr("{number} 已记录向职代会报告"))

    def _report(self, detail: HiddenDangerDetail) -> None:
        data = MajorDutiesDialog.report(self, detail, self.ctx.today())
        self._apply_step(detail, data, lifecycle.record_report_to_authority, self.tr("{number} 已记录上报"))

    def _evaluate(self, detail: HiddenDangerDetail) -> None:
        self._load_choices()
        data = HiddenDangerStepDialog.post_evaluation(
            self, detail, self.ctx.today(), performer=self._performer("record_post_evaluation")
        )
        self._apply_step(detail, data, lifecycle.record_post_evaluation, self.tr("{number} 治理后评估已保存"))

    def _add_photos(self, detail: HiddenDangerDetail) -> None:
        stage = PhotoStage.BEFORE if detail.status is S.PENDING else PhotoStage.AFTER
        paths = choose_photo_files(self)
        if not paths:
            return
        prepare_photos(self, paths, lambda prepared: self._store_photos(detail, stage, prepared))

    def _store_photos(
        self, detail: HiddenDangerDetail, stage: PhotoStage, prepared: list[PreparedPhoto]
    ) -> None:
        if not prepared:
            return

        def add() -> HiddenDangerDetail:
            photo_service.add_photos(self.ctx.db, detail.id, stage, prepared, actor=self.ctx.actor())
            return hd_detail.get_detail(self.ctx.db, detail.id, today=self.ctx.today())

        if self._write(add, self.tr("{number} 已添加照片")) is not None:
            self.detail_panel.tabs.setCurrentIndex(1)

    def _void(self, detail: HiddenDangerDetail) -> None:
        self._load_choices()
        data = HiddenDangerStepDialog.void(self, detail, performer=self._performer("void"))
        if data is not None and self._write(
            lambda: lifecycle.void(
                self.ctx.db,
                detail.id,
                data.reason,
                actor=self.ctx.actor(),
                today=self.ctx.today(),
                performed_by=data.performed_by,
            ),
            self.tr("{number} 已作废"),
        ):
            self._remember_person("void", data.performed_by)
