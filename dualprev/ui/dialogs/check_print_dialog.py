"""Preview of a checklist or check record PDF exactly as it prints, with 打印 and 保存为 PDF."""

from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from dualprev.reports.output import write_atomically
from dualprev.ui import export_files, messages, operations
from dualprev.ui.operations import FAILED
from dualprev.ui.prefs import Prefs
from dualprev.ui.widgets.pdf_preview import PdfPreview, page_sizes, print_in_background

A3_LONG_SIDE_PT = 1100.0


def ask_save_path(
    parent: QWidget | None, title: str, suggested: Path, pattern: str = "PDF 文件 (*.pdf)"
) -> Path | None:
    """Where to save an export (tests replace this); the suffix of ``suggested`` is added if missing."""
    path, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), pattern)
    if not path:
        return None
    suffix = suggested.suffix
    return Path(path) if path.lower().endswith(suffix) else Path(path + suffix)


def configure_printer(printer: QPrinter, data: bytes) -> None:
    """The PDF's own paper and orientation, whole sheet, no margins (one PDF mm is one mm on paper)."""
    sizes = page_sizes(data)
    width, height = sizes[0] if sizes else (595.0, 842.0)
    a3 = max(width, height) > A3_LONG_SIDE_PT
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A3 if a3 else QPageSize.PageSizeId.A4))
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    printer.setFullPage(True)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


class CheckPrintDialog(QDialog):
    """Shows ``data`` page by page; prints it or saves it as ``suggested_name``."""

    def __init__(
        self,
        data: bytes,
        title: str,
        suggested_name: str,
        parent: QWidget | None = None,
        *,
        prefs: Prefs | None = None,
    ) -> None:
        super().__init__(parent)
        self._prefs = prefs
        self.setObjectName("check_print_dialog")
        self.setWindowTitle(title)
        self.resize(820, 900)
        self._data = data
        self._title = title
        self._suggested = suggested_name
        self.saved_path: Path | None = None
        layout = QVBoxLayout(self)
        self.preview = PdfPreview(self)
        layout.addWidget(self.preview, 1)
        bar = QHBoxLayout()
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("pages_label")
        bar.addWidget(self.pages_label, 1)
        self.print_btn = QPushButton(self.tr("打印…"), self)
        self.print_btn.setObjectName("print_btn")
        self.print_btn.setDefault(True)
        self.save_btn = QPushButton(self.tr("保存为 PDF…"), self)
        self.save_btn.setObjectName("save_btn")
        self.close_btn = QPushButton(self.tr("关闭"), self)
        self.close_btn.setObjectName("close_btn")
        for button in (self.print_btn, self.save_btn, self.close_btn):
            bar.addWidget(button)
        layout.addLayout(bar)
        self.print_btn.clicked.connect(self._on_print)
        self.save_btn.clicked.connect(self._on_save)
        self.close_btn.clicked.connect(self.accept)
        self._shown = False
        self.pages_label.setText(self.tr("共 {n} 页，按实际尺寸打印").format(n=len(page_sizes(data))))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            # Rendered once the dialog has its size, so the pages fill the preview's width.
            self._shown = True
            self.preview.set_pdf(self._data)

    def _on_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        configure_printer(printer, self._data)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self._title)
        try:
            if dialog.exec() != QPrintDialog.DialogCode.Accepted:
                return
        finally:
            dialog.deleteLater()
        configure_printer(printer, self._data)  # the dialog must not rescale the form
        print_in_background(self, printer, self._data, lambda _pages: None)

    def save_to(self, path: Path) -> bool:
        if (
            operations.attempt(self, lambda: write_atomically(path, lambda stream: stream.write(self._data)))
            is FAILED
        ):
            return False
        self.saved_path = path
        return True

    def _on_save(self) -> None:
        suggested = export_files.suggested_path(self._prefs, self._suggested)
        path = ask_save_path(self, self.tr("保存 PDF"), suggested)
        if path is not None and self.save_to(path):
            export_files.remember(self._prefs, path)
            messages.show_exported(self, self.tr("已保存：{path}").format(path=path), path)

    @classmethod
    def show_pdf(
        cls,
        parent: QWidget | None,
        data: bytes,
        title: str,
        suggested_name: str,
        *,
        prefs: Prefs | None = None,
    ) -> None:
        dialog = cls(data, title, suggested_name, parent, prefs=prefs)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
