"""排查记录: the check records of a period, each with its results and the hidden dangers its failed
items opened (a click away in the ledger); print one, or export the period."""

from datetime import timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dualprev.reports.output import ExportFormat, ExportResult
from dualprev.services.checks import printouts
from dualprev.services.checks import records as check_records
from dualprev.services.checks.records import CheckRecordDetail
from dualprev.ui import export_files, messages, operations, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.check_print_dialog import ask_save_path
from dualprev.ui.dialogs.hidden_danger_fields import from_qdate, to_qdate
from dualprev.ui.models.check_record_table_model import CheckRecordTableModel
from dualprev.ui.models.check_result_table_model import CheckResultColumn, CheckResultTableModel
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.check_tab import CheckTab, open_in_ledger
from dualprev.ui.widgets.photo_strip import open_photo
from dualprev.ui.widgets.record_list_panel import make_table_view, select_record, selected_record

RECORD_DAYS = 31


class CheckRecordsTab(CheckTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._shown_record: CheckRecordDetail | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("排查日期"), self))
        self.from_edit = QDateEdit(self)
        self.from_edit.setObjectName("from_edit")
        self.to_edit = QDateEdit(self)
        self.to_edit.setObjectName("to_edit")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        bar.addWidget(self.from_edit)
        bar.addWidget(QLabel(self.tr("至"), self))
        bar.addWidget(self.to_edit)
        bar.addStretch(1)
        self.export_xlsx_btn = self.button(
            bar, "export_xlsx_btn", self.tr("导出 Excel…"), lambda: self._on_export(ExportFormat.XLSX)
        )
        self.export_pdf_btn = self.button(
            bar, "export_pdf_btn", self.tr("导出 PDF…"), lambda: self._on_export(ExportFormat.PDF)
        )
        layout.addLayout(bar)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
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
        self.open_danger_btn = self.button(
            head, "open_danger_btn", self.tr("在隐患台账中查看"), self.open_selected_danger
        )
        self.print_record_btn = self.button(
            head, "print_record_btn", self.tr("打印排查记录…"), self._on_print_record
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
        self.from_edit.dateChanged.connect(self.load)
        self.to_edit.dateChanged.connect(self.load)
        self.records_table.selectionModel().selectionChanged.connect(self._on_record_selected)
        self.results_table.doubleClicked.connect(self._on_result_double_clicked)
        self.results_table.selectionModel().selectionChanged.connect(self._update_record_buttons)
        today = self.ctx.today()
        self.from_edit.setDate(to_qdate(today - timedelta(days=RECORD_DAYS - 1)))
        self.to_edit.setDate(to_qdate(today))

    def load(self) -> None:
        """The records of the period, keeping the shown one selected (else the newest)."""
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
        if selected is not None and select_record(self.records_table, self.record_model, selected):
            return
        if rows:
            self.records_table.selectRow(0)
        else:
            self._show_record(None)

    def show_record(self, record_id: int) -> None:
        """Select one check record (widening the period to its date if needed)."""
        if select_record(self.records_table, self.record_model, record_id):
            return
        detail = operations.attempt(self, lambda: check_records.get_record(self.ctx.db, record_id))
        if detail is FAILED:
            return
        if detail.checked_on < from_qdate(self.from_edit.date()):
            self.from_edit.setDate(to_qdate(detail.checked_on))
        if detail.checked_on > from_qdate(self.to_edit.date()):
            self.to_edit.setDate(to_qdate(detail.checked_on))
        self.load()
        select_record(self.records_table, self.record_model, record_id)

    def _on_record_selected(self, *_args: object) -> None:
        row = selected_record(self.records_table)
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
            open_in_ledger(self, result.hidden_danger_id)

    def _on_print_record(self) -> None:
        record = self._shown_record
        if record is not None:
            db, today = self.ctx.db, self.ctx.today()
            self.print_pdf(
                lambda: printouts.render_record_pdf(db, record.id, today=today),
                self.tr("打印排查记录"),
                f"隐患排查记录_{record.checked_on.isoformat()}_{record.plan_name or '计划外排查'}.pdf",
            )

    def _on_export(self, fmt: ExportFormat) -> None:
        start, end = from_qdate(self.from_edit.date()), from_qdate(self.to_edit.date())
        suffix = ".xlsx" if fmt is ExportFormat.XLSX else ".pdf"
        pattern = (
            self.tr("Excel 工作簿 (*.xlsx)") if fmt is ExportFormat.XLSX else self.tr("PDF 文件 (*.pdf)")
        )
        path = ask_save_path(
            self,
            self.tr("导出排查记录"),
            export_files.suggested_path(
                self.ctx.prefs, f"隐患排查记录_{start.isoformat()}_{end.isoformat()}{suffix}"
            ),
            pattern,
        )
        if path is None:
            return
        db, today = self.ctx.db, self.ctx.today()
        tasks.run_in_background(
            self,
            self.tr("正在导出排查记录…"),
            lambda: printouts.export_checks(db, path, fmt, date_from=start, date_to=end, today=today),
            self._on_exported,
        )

    def _on_exported(self, result: ExportResult) -> None:
        pages = self.tr("，{p} 页").format(p=result.pages) if result.pages else ""
        export_files.remember(self.ctx.prefs, result.path)
        messages.show_exported(
            self,
            self.tr("已导出排查记录 {n} 次{pages}：\n{path}").format(
                n=result.items, pages=pages, path=result.path
            ),
            result.path,
        )
