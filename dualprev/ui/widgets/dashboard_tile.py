"""A 首页 figure: a big number over its caption, clickable into the list it counts."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

NUMBER_STYLE = "font-size: {size}px; font-weight: bold; color: {colour};"
HOVER_STYLE = "QFrame#{name}:hover {{ background: #E8F0FA; }}"


class DashboardTile(QFrame):
    """``number_label`` shows the figure, ``caption_label`` what it is; ``clicked`` when pressed."""

    clicked = Signal()

    def __init__(self, name: str, caption: str, parent: QWidget | None = None, *, size: int = 22) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}_tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._size = size
        self._clickable = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(0)
        self.number_label = QLabel("0", self)
        self.number_label.setObjectName(f"{name}_label")
        self.number_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label = QLabel(caption, self)
        self.caption_label.setObjectName(f"{name}_caption_label")
        self.caption_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.number_label)
        layout.addWidget(self.caption_label)
        self.set_number("0")

    def set_number(self, text: str, colour: str = "#222222") -> None:
        self.number_label.setText(text)
        self.number_label.setStyleSheet(NUMBER_STYLE.format(size=self._size, colour=colour))

    def set_clickable(self, clickable: bool, tooltip: str = "") -> None:
        self._clickable = clickable
        self.setCursor(Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor)
        self.setToolTip(tooltip if clickable else "")
        self.setStyleSheet(HOVER_STYLE.format(name=self.objectName()) if clickable else "")

    def click(self) -> None:
        """As a mouse click would (tests use it too)."""
        if self._clickable:
            self.clicked.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.click()
        super().mouseReleaseEvent(event)


class DashboardLink(QLabel):
    """A plain-text label that acts as a link (its text stays exactly what it shows)."""

    clicked = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def click(self) -> None:
        self.clicked.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.click()
        super().mouseReleaseEvent(event)
