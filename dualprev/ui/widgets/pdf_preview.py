"""Shows the pages of a PDF exactly as they print (rendered by PDFium), and prints them.

PySide6-Essentials has no QtPdf, so pages are rasterised with pypdfium2: for the screen at the
widget's width, for a printer at the printer's resolution on the whole sheet (the PDF is already
the right paper size; nothing is scaled to the printer's margins).
"""

from collections.abc import Callable, Sequence

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QRectF, Qt, QTimer
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from dualprev.errors import UserError
from dualprev.ui import tasks

MAX_PRINT_DPI = 600
"""Rendering above this only costs memory: printers do not resolve finer text on a wall card."""
PAGE_GAP_PX = 14
PAGE_MARGIN_PX = 16


def tr(text: str) -> str:
    return QCoreApplication.translate("pdf_preview", text)


def render_page(document: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    """Page ``index`` as an RGB image, ``scale`` pixels per PDF point."""
    page = document[index]
    try:
        bitmap = page.render(scale=scale)
        image = bitmap.to_pil().convert("RGB")
    finally:
        page.close()
    data = image.tobytes()
    return QImage(data, image.width, image.height, 3 * image.width, QImage.Format.Format_RGB888).copy()


def page_sizes(data: bytes) -> list[tuple[float, float]]:
    """(width, height) in points of each page."""
    document = pdfium.PdfDocument(data)
    try:
        return [document.get_page_size(i) for i in range(len(document))]
    finally:
        document.close()


def print_pdf(printer: QPrinter, data: bytes) -> int:
    """Print every page of ``data`` on ``printer`` at full sheet size; returns the page count.

    The caller sets the printer's paper size and orientation to the PDF's and full-page mode, so
    one PDF millimetre is one millimetre on paper.
    """
    document = pdfium.PdfDocument(data)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise OSError("打印机无法开始打印")
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        target = printer.paperRect(QPrinter.Unit.DevicePixel)
        for index in range(len(document)):
            if index:
                printer.newPage()
            image = render_page(document, index, dpi / 72)
            painter.drawImage(QRectF(0, 0, target.width(), target.height()), image)
        return len(document)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def print_in_background(
    parent: QWidget, printer: QPrinter, data: bytes, on_done: Callable[[int], None]
) -> None:
    """Print ``data`` on the thread pool (``print_pdf``); ``on_done(pages)`` runs on the GUI thread,
    a printer failure is shown as a message."""

    def work() -> int:
        try:
            return print_pdf(printer, data)
        except OSError as error:
            raise UserError(tr("打印失败：{error}").format(error=error)) from error

    tasks.run_in_background(parent, tr("正在打印…"), work, on_done)


class PdfPreview(QScrollArea):
    """The pages one under the other on a grey desk, each as wide as the view allows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_preview")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._data: bytes | None = None
        self._images: list[QImage] = []
        body = QWidget(self)
        body.setObjectName("pdf_preview_body")
        body.setStyleSheet("#pdf_preview_body { background: #8A8F98; }")
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(PAGE_MARGIN_PX, PAGE_MARGIN_PX, PAGE_MARGIN_PX, PAGE_MARGIN_PX)
        self._layout.setSpacing(PAGE_GAP_PX)
        self.message_label = QLabel(body)
        self.message_label.setObjectName("preview_message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setStyleSheet(
            "background: white; color: #333; padding: 28px; font-size: 15px; border: 1px solid #666;"
        )
        self.message_label.hide()
        self._layout.addWidget(self.message_label)
        self._page_labels: list[QLabel] = []
        self._layout.addStretch(1)
        self.setWidget(body)
        self._resize_timer = QTimer(self)
        self._resize_timer.setSingleShot(True)
        self._resize_timer.setInterval(120)
        self._resize_timer.timeout.connect(self._render)

    # --- content ----------------------------------------------------------------------------------

    def set_pdf(self, data: bytes) -> None:
        """Show ``data``'s pages."""
        self._data = data
        self.message_label.hide()
        self._render()

    def show_message(self, text: str) -> None:
        """Show a message instead of pages (e.g. why a card cannot be made)."""
        self._data = None
        self._images = []
        self._set_pages([])
        self.message_label.setText(text)
        self.message_label.show()

    def page_count(self) -> int:
        return len(self._images)

    def page_images(self) -> list[QImage]:
        """The images on screen, in page order."""
        return list(self._images)

    # --- rendering --------------------------------------------------------------------------------

    def _available_width(self) -> int:
        # Leave room for the vertical scroll bar, which appears once the pages are taller than the view.
        scroll_bar = (
            self.verticalScrollBar().sizeHint().width() if not self.verticalScrollBar().isVisible() else 0
        )
        return max(self.viewport().width() - scroll_bar - 2 * PAGE_MARGIN_PX, 200)

    def _render(self) -> None:
        if self._data is None:
            return
        document = pdfium.PdfDocument(self._data)
        try:
            ratio = self.devicePixelRatioF()
            images = []
            for index in range(len(document)):
                width_pt, _height_pt = document.get_page_size(index)
                scale = self._available_width() * ratio / width_pt
                image = render_page(document, index, scale)
                image.setDevicePixelRatio(ratio)
                images.append(image)
        finally:
            document.close()
        self._images = images
        self._set_pages(images)

    def _set_pages(self, images: Sequence[QImage]) -> None:
        while len(self._page_labels) > len(images):
            self._page_labels.pop().deleteLater()
        while len(self._page_labels) < len(images):
            label = QLabel(self.widget())
            label.setObjectName(f"preview_page_{len(self._page_labels) + 1}_label")
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            self._layout.insertWidget(self._layout.count() - 1, label)
            self._page_labels.append(label)
        for label, image in zip(self._page_labels, images, strict=True):
            label.setPixmap(QPixmap.fromImage(image))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._data is not None and event.size().width() != event.oldSize().width():
            self._resize_timer.start()
