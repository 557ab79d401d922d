"""Base of the 履职与培训 tabs: a button bar, a notice line, a table of records and the selected
record's details; voiding asks for the reason; printing previews the PDF the service writes."""

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dualprev.reports.output import ExportFormat, ExportResult
from dualprev.ui import operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.check_print_dialog import CheckPrintDialog
from dualprev.ui.models.record_table_model import RecordTableModel
from dualprev.ui.operations import FAILED
from dualprev.ui.widgets.record_list_panel import make_table_view, selected_record

ExportCall = Callable[[Path, ExportFormat], ExportResult]


def ask_void_reason(parent: QWidget, what: str) -> str | None:
    """The reason for voiding ``what``, or None when cancelled (tests replace this)."""
    text, ok = QInputDialog.getText(
        parent, parent.tr("作废"), parent.tr("作废“{what}”的原因（记录不会删除）：").format(what=what)
    )
    return text.strip() if ok else None


def show_pdf(parent: QWidget, data: bytes, title: str, suggested: str) -> None:
    """Preview with 打印 / 保存为 PDF (tests replace this)."""
    CheckPrintDialog.show_pdf(parent, data, title, suggested)


class DutyTab(QWidget):
    """``buttons`` are ``(object name, text)``; the tab connects them to its own slots."""

    def __init__(
        self, ctx: AppContext, model: RecordTableModel[Any], prefix: str, buttons: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.ctx = ctx
        self.model = model
        self.setObjectName(f"{prefix}_tab")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text in buttons:
            button = QPushButton(self.tr(text), self)
            button.setObjectName(name)
            bar.addWidget(button)
            self.buttons[name] = button
        bar.addStretch(1)
        layout.addLayout(bar)
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName(f"{prefix}_notice_label")
        self.notice_label.setWordWrap(True)
        layout.addWidget(self.notice_label)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table = make_table_view(model, f"{prefix}_table", splitter)
        self.detail_edit = QPlainTextEdit(splitter)
        self.detail_edit.setObjectName(f"{prefix}_detail_edit")
        self.detail_edit.setReadOnly(True)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail_edit)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        model.modelReset.connect(self._on_selection)

    def selected(self) -> Any:
        return selected_record(self.table)

    def _on_selection(self, *_args: object) -> None:
        record = self.selected()
        self.detail_edit.setPlainText(self.detail(record) if record is not None else "")
        for name in self.needs_selection():
            self.buttons[name].setEnabled(record is not None and not getattr(record, "is_void", False))

    def needs_selection(self) -> tuple[str, ...]:
        """Buttons that act on the selected (valid) record."""
        return ()

    def detail(self, record: Any) -> str:
        return ""

    def edit_selected(self) -> None:
        """Open the selected record's editor (double-click)."""

    def reload(self) -> None:
        """Read the tab's records again."""

    def write(self, call: Callable[[], Any]) -> bool:
        return operations.write(self, self.ctx.events, call) is not FAILED

    def print_pdf(self, export: ExportCall, title: str, suggested: str) -> None:
        """Write the printout to a temporary PDF and preview it for printing or saving."""

        def build() -> bytes:
            with tempfile.TemporaryDirectory(prefix="dualprev-print-") as folder:
                path = Path(folder) / "print.pdf"
                export(path, ExportFormat.PDF)
                return path.read_bytes()

        data = operations.attempt(self, build)
        if data is not FAILED:
            show_pdf(self, data, title, suggested)
