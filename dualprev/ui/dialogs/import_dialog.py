"""导入 Excel: the wizard that brings in a risk list, ledger or staff list.

Three steps: choose the kind and the file; check which column holds which field (suggested from
the headings, or a mapping saved by name for files of the same layout); then a preview made by a
dry run — every record to be created and every problem with its sheet, Excel row and reason, the
conflicts between factors and a stated level with a choice per row. The user imports the good
rows or nothing, and may save the failed rows (with a 原因 column) to fix and import again.

Unlike the other dialogs this one calls services itself: the preview must be the very run the
user then confirms, with the same file, mapping and choices. Reading, checking and importing run
off the UI thread with a progress bar and 取消 (``ui.tasks``); a cancelled or failed import leaves the database
exactly as it was (the service's one transaction).
"""

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.importing.fields import FIELDS, ImportKind
from dualprev.domain.importing.report import ImportReport, RowRef
from dualprev.domain.importing.risk_rows import Prefer
from dualprev.errors import UserError
from dualprev.importers.workbook import SheetTable
from dualprev.services.importing import files, mappings
from dualprev.services.importing.runner import (
    ImportCancelled,
    ImportOptions,
    ImportResult,
    read_file,
    run_import,
)
from dualprev.ui import export_files, messages, operations, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.models.import_rows_model import ImportLine, ImportRowsModel, LineKind
from dualprev.ui.prefs import Prefs
from dualprev.ui.tasks import CancelledFn, ProgressFn
from dualprev.ui.widgets.record_list_panel import make_table_view

NOT_IMPORTED = "（不导入）"
_COUNT_LABELS = (
    ("risk_points", "风险点"),
    ("hazards", "危险源"),
    ("control_measures", "管控措施"),
    ("hidden_dangers", "隐患"),
    ("people", "人员"),
    ("departments", "部门"),
)


def choose_source_file(parent: QWidget) -> Path | None:
    """Ask for the workbook to import (tests replace this function)."""
    path, _chosen = QFileDialog.getOpenFileName(
        parent, parent.tr("选择要导入的 Excel 文件"), "", "Excel (*.xlsx)"
    )
    return Path(path) if path else None


def choose_save_file(parent: QWidget, title: str, suggested: str) -> Path | None:
    """Ask where to save an xlsx file (tests replace this function)."""
    path, _chosen = QFileDialog.getSaveFileName(parent, title, suggested, "Excel (*.xlsx)")
    if not path:
        return None
    result = Path(path)
    return result if result.suffix.lower() == ".xlsx" else result.with_suffix(".xlsx")


def save_template(parent: QWidget, kind: ImportKind, prefs: Prefs | None) -> None:
    """Ask where, write the blank import template of ``kind`` there, and offer to open it."""
    suggested = export_files.suggested_path(prefs, f"{kind.label}导入模板.xlsx")
    out = choose_save_file(parent, parent.tr("保存导入模板"), str(suggested))
    if (
        out is None
        or operations.attempt(parent, lambda: files.write_template_file(kind, out)) is operations.FAILED
    ):
        return
    export_files.remember(prefs, out)
    messages.show_exported(parent, parent.tr("已保存导入模板：{0}").format(out), out)


def created_text(report: ImportReport) -> str:
    counts = vars(report.created)
    parts = [f"{label} {counts[key]}" for key, label in _COUNT_LABELS if counts[key]]
    return "，".join(parts) if parts else "无"


class ImportDialog(QDialog):
    """The import wizard. ``imported`` holds the import once it is done."""

    def __init__(
        self, ctx: AppContext, kind: ImportKind = ImportKind.RISK_LIST, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("从 Excel 导入"))
        self.resize(980, 640)
        self._ctx = ctx
        self._tables: list[SheetTable] = []
        self._preview: ImportResult | None = None
        self.imported: ImportResult | None = None
        layout = QVBoxLayout(self)
        self.step_label = QLabel(self)
        self.step_label.setObjectName("step_label")
        layout.addWidget(self.step_label)
        self.steps = QStackedWidget(self)
        self.steps.addWidget(self._file_step())
        self.steps.addWidget(self._mapping_step())
        self.steps.addWidget(self._preview_step())
        layout.addWidget(self.steps, 1)
        buttons = QHBoxLayout()
        self.back_btn = QPushButton(self.tr("上一步"), self)
        self.back_btn.setObjectName("back_btn")
        self.next_btn = QPushButton(self.tr("下一步"), self)
        self.next_btn.setObjectName("next_btn")
        self.import_btn = QPushButton(self.tr("导入"), self)
        self.import_btn.setObjectName("import_btn")
        self.cancel_btn = QPushButton(self.tr("取消"), self)
        self.cancel_btn.setObjectName("cancel_btn")
        buttons.addWidget(self.back_btn)
        buttons.addStretch(1)
        for button in (self.next_btn, self.import_btn, self.cancel_btn):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.back_btn.clicked.connect(self._on_back_clicked)
        self.next_btn.clicked.connect(self._on_next_clicked)
        self.import_btn.clicked.connect(self._on_import_clicked)
        self.cancel_btn.clicked.connect(self.reject)
        self.kind_combo.setCurrentIndex(list(ImportKind).index(kind))
        self._show_step(0)

    # --- step 1: kind and file ----------------------------------------------------------------------

    def _file_step(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.kind_combo = QComboBox(page)
        self.kind_combo.setObjectName("kind_combo")
        for kind in ImportKind:
            self.kind_combo.addItem(kind.label, kind.value)
        form.addRow(self.tr("导入内容"), self.kind_combo)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(page)
        self.path_edit.setObjectName("path_edit")
        self.path_edit.setPlaceholderText(self.tr("选择 .xlsx 文件"))
        self.browse_btn = QPushButton(self.tr("浏览…"), page)
        self.browse_btn.setObjectName("browse_btn")
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_btn)
        form.addRow(self.tr("Excel 文件"), row)
        self.template_btn = QPushButton(self.tr("下载导入模板…"), page)
        self.template_btn.setObjectName("template_btn")
        form.addRow("", self.template_btn)
        hint = QLabel(
            self.tr(
                "可以直接导入咨询机构做的清单、手工台账和花名册：表头不必在第一行，可以有两行表头和合并单元格。"
                "下一步会按表头自动对应各列，请核对。导入前会先检查每一行并列出所有问题，确认后才写入；"
                "同一文件重复导入不会产生重复记录。"
            ),
            page,
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.browse_btn.clicked.connect(self._on_browse_clicked)
        self.template_btn.clicked.connect(self._on_template_clicked)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        return page

    def kind(self) -> ImportKind:
        return ImportKind(self.kind_combo.currentData())

    def _on_browse_clicked(self) -> None:
        chosen = choose_source_file(self)
        if chosen is not None:
            self.path_edit.setText(str(chosen))

    def _on_template_clicked(self) -> None:
        save_template(self, self.kind(), self._ctx.prefs)

    def _on_kind_changed(self, _index: int) -> None:
        self._tables = []
        self._preview = None

    # --- step 2: columns --------------------------------------------------------------------------

    def _mapping_step(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.sheets_label = QLabel(page)
        self.sheets_label.setObjectName("sheets_label")
        self.sheets_label.setWordWrap(True)
        layout.addWidget(self.sheets_label)
        saved_row = QHBoxLayout()
        saved_row.addWidget(QLabel(self.tr("已保存的列对应方案"), page))
        self.saved_combo = QComboBox(page)
        self.saved_combo.setObjectName("saved_combo")
        self.saved_combo.setMinimumWidth(180)
        saved_row.addWidget(self.saved_combo)
        self.apply_saved_btn = QPushButton(self.tr("套用"), page)
        self.apply_saved_btn.setObjectName("apply_saved_btn")
        saved_row.addWidget(self.apply_saved_btn)
        saved_row.addStretch(1)
        self.mapping_name_edit = QLineEdit(page)
        self.mapping_name_edit.setObjectName("mapping_name_edit")
        self.mapping_name_edit.setPlaceholderText(self.tr("方案名称，如：咨询公司清单"))
        self.mapping_name_edit.setMinimumWidth(200)
        saved_row.addWidget(self.mapping_name_edit)
        self.save_mapping_btn = QPushButton(self.tr("保存当前对应"), page)
        self.save_mapping_btn.setObjectName("save_mapping_btn")
        saved_row.addWidget(self.save_mapping_btn)
        layout.addLayout(saved_row)
        self.mapping_table = QTableWidget(0, 3, page)
        self.mapping_table.setObjectName("mapping_table")
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("字段"), self.tr("文件中的列"), self.tr("常见的表头写法")]
        )
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.mapping_table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.mapping_table, 1)
        self.apply_saved_btn.clicked.connect(self._on_apply_saved_clicked)
        self.save_mapping_btn.clicked.connect(self._on_save_mapping_clicked)
        return page

    def _read_file(self) -> None:
        path = Path(self.path_edit.text().strip())
        if not self.path_edit.text().strip():
            messages.show_error(self, self.tr("请先选择要导入的 Excel 文件"))
            return
        kind = self.kind()
        tasks.run_in_background(
            self, self.tr("正在读取 Excel 文件…"), lambda: read_file(path, kind), self._on_read
        )

    def _on_read(self, tables: list[SheetTable]) -> None:
        self._tables = tables
        self._fill_mapping()
        self._show_step(1)

    def _labels(self) -> list[str]:
        return list(dict.fromkeys(label for table in self._tables for label in table.labels if label))

    def _fill_mapping(self) -> None:
        kind = self.kind()
        sheets = "；".join(self.tr("“{0}”第 {1} 行表头，{2} 行数据").format(
            t.name, "–".join(map(str, t.header_rows)), len(t.rows)) for t in self._tables)  # fmt: skip
        self.sheets_label.setText(
            self.tr("找到的表格：{0}。请核对每个字段对应的列（带 * 的必须有）。").format(sheets)
        )
        labels = self._labels()
        fields = FIELDS[kind]
        self.mapping_table.setRowCount(len(fields))
        for row, field in enumerate(fields):
            name = QTableWidgetItem(field.label + (" *" if field.required else ""))
            name.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping_table.setItem(row, 0, name)
            combo = QComboBox(self.mapping_table)
            combo.setObjectName(f"{field.key}_column_combo")
            combo.addItem(NOT_IMPORTED, "")
            for label in labels:
                combo.addItem(label, label)
            # The first sheet that has a column for the field suggests it (sheets may differ).
            found = next(
                (t.labels[t.suggested[field.key]] for t in self._tables if field.key in t.suggested), ""
            )
            combo.setCurrentIndex(max(0, combo.findData(found)))
            self.mapping_table.setCellWidget(row, 1, combo)
            note = QTableWidgetItem("、".join(field.synonyms[:4]))
            note.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.mapping_table.setItem(row, 2, note)
        self.saved_combo.clear()
        for saved_name in mappings.saved_mappings(self._ctx.db, kind):
            self.saved_combo.addItem(saved_name, saved_name)
        self.apply_saved_btn.setEnabled(self.saved_combo.count() > 0)

    def _combo(self, row: int) -> QComboBox:
        widget = self.mapping_table.cellWidget(row, 1)
        assert isinstance(widget, QComboBox)
        return widget

    def mapping(self) -> dict[str, str]:
        """Field key → column heading as the table shows it ("" for a field left out)."""
        return {
            field.key: str(self._combo(row).currentData() or "")
            for row, field in enumerate(FIELDS[self.kind()])
        }

    def set_column(self, field_key: str, label: str) -> None:
        """Point ``field_key`` at the column ``label`` ("" leaves the field out)."""
        row = [f.key for f in FIELDS[self.kind()]].index(field_key)
        combo = self._combo(row)
        combo.setCurrentIndex(max(0, combo.findData(label)))

    def _on_apply_saved_clicked(self) -> None:
        name = self.saved_combo.currentData()
        if not isinstance(name, str):
            return
        saved = mappings.saved_mappings(self._ctx.db, self.kind()).get(name, {})
        missing = [label for label in saved.values() if self._combo(0).findData(label) < 0]
        for field in FIELDS[self.kind()]:
            self.set_column(field.key, saved.get(field.key, ""))
        self.mapping_name_edit.setText(name)
        if missing:
            messages.show_error(
                self, self.tr("方案中的以下列在本文件中没有，已设为不导入：{0}").format("、".join(missing))
            )

    def _on_save_mapping_clicked(self) -> None:
        db, kind, typed, mapping, actor = (
            self._ctx.db, self.kind(), self.mapping_name_edit.text(), self.mapping(), self._ctx.actor()
        )  # fmt: skip
        saved = operations.write(
            self,
            self._ctx.events,
            lambda: mappings.save_mapping(db, kind, typed, mapping, actor=actor),
        )
        if saved is operations.FAILED:
            return
        name = self.mapping_name_edit.text().strip()
        if self.saved_combo.findData(name) < 0:
            self.saved_combo.addItem(name, name)
        self.saved_combo.setCurrentIndex(self.saved_combo.findData(name))
        self.apply_saved_btn.setEnabled(True)

    # --- step 3: preview ----------------------------------------------------------------------------

    def _preview_step(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        self.summary_label = QLabel(page)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.tabs = QTabWidget(page)
        self.tabs.setObjectName("preview_tabs")
        self.created_model = ImportRowsModel(self)
        self.problems_model = ImportRowsModel(self)
        self.created_table = make_table_view(self.created_model, "created_table", self.tabs)
        self.problems_table = make_table_view(self.problems_model, "problems_table", self.tabs)
        self.conflicts_table = QTableWidget(0, 4, self.tabs)
        self.conflicts_table.setObjectName("conflicts_table")
        self.conflicts_table.setHorizontalHeaderLabels(
            [self.tr("工作表"), self.tr("行号"), self.tr("以谁为准"), self.tr("评价因素与所列等级不一致")]
        )
        self.conflicts_table.verticalHeader().setVisible(False)
        self.conflicts_table.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.problems_table, "")
        self.tabs.addTab(self.conflicts_table, "")
        self.tabs.addTab(self.created_table, "")
        layout.addWidget(self.tabs, 1)
        row = QHBoxLayout()
        self.save_failed_btn = QPushButton(self.tr("保存出错的行…"), page)
        self.save_failed_btn.setObjectName("save_failed_btn")
        row.addWidget(self.save_failed_btn)
        row.addStretch(1)
        layout.addLayout(row)
        self.save_failed_btn.clicked.connect(self._on_save_failed_clicked)
        return page

    def _options(self, *, dry_run: bool) -> ImportOptions:
        return ImportOptions(dry_run=dry_run, partial=True, mapping=self.mapping(), actor=self._ctx.actor())

    def _run(self, label: str, options: ImportOptions, on_done: Callable[[ImportResult], None]) -> None:
        kind, path, tables, db, today = (
            self.kind(),
            Path(self.path_edit.text().strip()),
            self._tables,
            self._ctx.db,
            self._ctx.today(),
        )

        def work(progress: ProgressFn, cancelled: CancelledFn) -> ImportResult:
            return run_import(
                db, kind, path, options, progress=progress, cancelled=cancelled, today=today, tables=tables
            )

        tasks.run_cancellable(self, label, work, on_done, on_refused=self._on_refused)

    def _on_refused(self, error: UserError) -> None:
        if isinstance(error, ImportCancelled):
            messages.show_info(self, error.message)
        else:
            messages.show_user_error(self, error)

    def _check(self) -> None:
        self._run(self.tr("正在检查每一行…"), self._options(dry_run=True), self._on_checked)

    def _on_checked(self, preview: ImportResult) -> None:
        self._preview = preview
        self._fill_preview(preview)
        self._show_step(2)

    def _fill_preview(self, preview: ImportResult) -> None:
        report = preview.report
        self.summary_label.setText(
            self.tr("共读到 {0} 行数据。可导入并将新增：{1}。有错误的 {2} 行、重复的 {3} 行不会导入；"
                    "评价因素与所列等级不一致的 {4} 行会导入，请在“冲突”中选择以谁为准。").format(
                report.rows, created_text(report), len(report.errors), len(report.duplicates), len(report.conflicts))
        )  # fmt: skip
        created = [ImportLine(p.sheet, p.row, LineKind.CREATE, p.what, p.text) for p in preview.preview]
        problems = [ImportLine(e.sheet, e.row, LineKind.ERROR, "", e.reason) for e in report.errors]
        problems += [
            ImportLine(d.sheet, d.row, LineKind.DUPLICATE, "", self.tr("已存在，跳过"))
            for d in report.duplicates
        ]
        problems.sort(key=lambda line: (line.sheet, line.row))
        self.created_model.set_records(created)
        self.problems_model.set_records(problems)
        self.conflicts_table.setRowCount(len(report.conflicts))
        for row, conflict in enumerate(report.conflicts):
            for col, text in (
                (0, conflict.sheet),
                (1, str(conflict.row)),
                (3, conflict.reason.split("；")[0]),
            ):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.conflicts_table.setItem(row, col, item)
            combo = QComboBox(self.conflicts_table)
            combo.setObjectName(f"conflict_combo_{row}")
            for prefer in Prefer:
                combo.addItem(self.tr("按{0}").format(prefer.label), prefer.value)
            self.conflicts_table.setCellWidget(row, 2, combo)
        self.conflicts_table.resizeColumnsToContents()
        self.tabs.setTabText(0, self.tr("问题（{0}）").format(len(problems)))
        self.tabs.setTabText(1, self.tr("冲突（{0}）").format(len(report.conflicts)))
        self.tabs.setTabText(2, self.tr("将导入（{0}）").format(len(created)))
        self.tabs.setCurrentIndex(0 if problems else (1 if report.conflicts else 2))
        self.save_failed_btn.setEnabled(bool(preview.failed))
        self.import_btn.setEnabled(report.created.total > 0)
        self.import_btn.setText(self.tr("只导入无误的行") if report.errors else self.tr("导入"))

    def choices(self) -> dict[RowRef, Prefer]:
        """The preview's decision for each conflict row."""
        result: dict[RowRef, Prefer] = {}
        assert self._preview is not None
        for row, conflict in enumerate(self._preview.report.conflicts):
            combo = self.conflicts_table.cellWidget(row, 2)
            assert isinstance(combo, QComboBox)
            result[conflict.ref] = Prefer(combo.currentData())
        return result

    def _on_save_failed_clicked(self) -> None:
        if self._preview is None:
            return
        out = choose_save_file(
            self,
            self.tr("保存出错的行"),
            str(export_files.suggested_path(self._ctx.prefs, "导入出错的行.xlsx")),
        )
        if out is None:
            return
        preview = self._preview
        count = operations.attempt(self, lambda: files.write_failed_file(preview, out))
        if count is operations.FAILED:
            return
        export_files.remember(self._ctx.prefs, out)
        messages.show_exported(
            self, self.tr("已保存 {0} 行（含“原因”列）：{1}。改正后可以再次导入。").format(count, out), out
        )

    def _on_import_clicked(self) -> None:
        if self._preview is None:
            return
        report = self._preview.report
        if report.errors and not messages.confirm(
            self,
            self.tr("有 {0} 行有错误，只导入无误的行（{1}）。出错的行可以保存下来改正后再导入。").format(
                len(report.errors), created_text(report)),
            action=self.tr("只导入无误的行"),
        ):  # fmt: skip
            return
        options = replace(self._options(dry_run=False), choices=self.choices())
        self._run(self.tr("正在导入…"), options, self._on_imported)

    def _on_imported(self, result: ImportResult) -> None:
        self.imported = result
        messages.show_info(self, self.tr("导入完成，新增：{0}。").format(created_text(result.report)))
        self.accept()

    # --- navigation -------------------------------------------------------------------------------

    def _show_step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        titles = (self.tr("第 1 步，共 3 步：选择要导入的内容和文件"), self.tr("第 2 步，共 3 步：核对列对应"),
                  self.tr("第 3 步，共 3 步：检查结果，确认导入"))  # fmt: skip
        self.step_label.setText(titles[step])
        self.back_btn.setEnabled(step > 0)
        self.next_btn.setVisible(step < 2)
        self.import_btn.setVisible(step == 2)

    def _on_next_clicked(self) -> None:
        step = self.steps.currentIndex()
        if step == 0:
            self._read_file()
        elif step == 1:
            self._check()

    def _on_back_clicked(self) -> None:
        self._show_step(max(0, self.steps.currentIndex() - 1))

    @classmethod
    def run(
        cls, ctx: AppContext, parent: QWidget | None, kind: ImportKind = ImportKind.RISK_LIST
    ) -> ImportResult | None:
        """Show the wizard; the import's result, or None when nothing was imported."""
        dialog = cls(ctx, kind, parent)
        dialog.exec()
        return dialog.imported
