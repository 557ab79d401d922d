"""首页's trend: hidden dangers found and closed per month, as pairs of bars drawn with QPainter.

Found bars are solid, closed bars hatched, and each bar carries its number, so the chart reads
without colour too. A click on a month asks for that month's hidden dangers.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

FOUND_COLOUR = QColor(192, 0, 0)
CLOSED_COLOUR = QColor(46, 125, 50)
AXIS_COLOUR = QColor(90, 90, 90)
GRID_COLOUR = QColor(220, 220, 220)
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 34, 12, 26, 24


@dataclass(frozen=True)
class MonthBar:
    label: str
    found: int
    closed: int


class MonthlyChart(QWidget):
    """Found/closed bars per month; ``month_clicked`` carries the month's index."""

    month_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monthly_chart")
        self._bars: list[MonthBar] = []
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_bars(self, bars: Sequence[MonthBar]) -> None:
        self._bars = list(bars)
        self.setToolTip(
            "\n".join(f"{b.label}：发现 {b.found} 条，销号 {b.closed} 条" for b in self._bars)
            + "\n单击某月在隐患台账中查看当月发现的隐患"
        )
        self.update()

    def bars(self) -> list[MonthBar]:
        return list(self._bars)

    def sizeHint(self) -> QSize:
        return QSize(420, 190)

    def _plot(self) -> QRectF:
        return QRectF(self.rect()).adjusted(MARGIN_LEFT, MARGIN_TOP, -MARGIN_RIGHT, -MARGIN_BOTTOM)

    def month_at(self, x: float) -> int | None:
        """The index of the month whose slot contains ``x`` (widget pixels)."""
        plot = self._plot()
        if not self._bars or not plot.left() <= x <= plot.right():
            return None
        slot = plot.width() / len(self._bars)
        return min(int((x - plot.left()) // slot), len(self._bars) - 1)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.month_at(event.position().x())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            self.month_clicked.emit(index)
        super().mouseReleaseEvent(event)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        plot = self._plot()
        metrics = painter.fontMetrics()
        top = max([1, *(max(b.found, b.closed) for b in self._bars)])
        step = max(1, -(-top // 4))
        scale_top = step * 4
        painter.setPen(QPen(GRID_COLOUR))
        for tick in range(0, scale_top + 1, step):
            y = plot.bottom() - plot.height() * tick / scale_top
            painter.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            painter.setPen(QPen(AXIS_COLOUR))
            painter.drawText(
                QRectF(0, y - 8, MARGIN_LEFT - 4, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(tick),
            )
            painter.setPen(QPen(GRID_COLOUR))
        # Legend at the top.
        x = plot.left()
        for colour, pattern, text in (
            (FOUND_COLOUR, Qt.BrushStyle.SolidPattern, "发现"),
            (CLOSED_COLOUR, Qt.BrushStyle.BDiagPattern, "销号"),
        ):
            painter.fillRect(QRectF(x, 6, 12, 12), QBrush(colour, pattern))
            painter.setPen(QPen(colour))
            painter.drawRect(QRectF(x, 6, 12, 12))
            painter.setPen(QPen(AXIS_COLOUR))
            painter.drawText(QRectF(x + 16, 2, 40, 20), int(Qt.AlignmentFlag.AlignVCenter), text)
            x += 22 + metrics.horizontalAdvance(text) + 10
        if not self._bars:
            return
        slot = plot.width() / len(self._bars)
        bar_width = min(slot * 0.32, 28.0)
        for index, bar in enumerate(self._bars):
            centre = plot.left() + slot * (index + 0.5)
            for offset, value, colour, pattern in (
                (-bar_width - 1, bar.found, FOUND_COLOUR, Qt.BrushStyle.SolidPattern),
                (1, bar.closed, CLOSED_COLOUR, Qt.BrushStyle.BDiagPattern),
            ):
                height = plot.height() * value / scale_top
                rect = QRectF(centre + offset, plot.bottom() - height, bar_width, height)
                if value:
                    painter.fillRect(rect, QBrush(Qt.GlobalColor.white))
                    painter.fillRect(rect, QBrush(colour, pattern))
                    painter.setPen(QPen(colour, 1))
                    painter.drawRect(rect)
                painter.setPen(QPen(AXIS_COLOUR))
                painter.drawText(
                    QRectF(rect.left() - 6, rect.top() - 16, bar_width + 12, 14),
                    int(Qt.AlignmentFlag.AlignCenter),
                    str(value),
                )
            painter.setPen(QPen(AXIS_COLOUR))
            painter.drawText(
                QRectF(centre - slot / 2, plot.bottom() + 4, slot, MARGIN_BOTTOM - 4),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                bar.label,
            )
        painter.setPen(QPen(AXIS_COLOUR))
        painter.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()), int(plot.bottom()))
