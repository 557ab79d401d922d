"""A horizontal bar split into the four risk colours, each segment as wide as its count."""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from dualprev.domain.risk import RiskLevel


class LevelBar(QWidget):
    """Red, orange, yellow, blue (低风险 is blue, never green), in level order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("level_bar")
        self._counts: dict[RiskLevel, int] = {}
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(30)

    def set_counts(self, counts: dict[RiskLevel, int]) -> None:
        self._counts = {level: max(0, counts.get(level, 0)) for level in RiskLevel}
        total = sum(self._counts.values())
        parts = [f"{level.label} {self._counts[level]}" for level in RiskLevel]
        self.setToolTip("，".join(parts) if total else self.tr("还没有已评价的风险点"))
        self.update()

    def counts(self) -> dict[RiskLevel, int]:
        return dict(self._counts)

    def segments(self, width: float) -> list[tuple[RiskLevel, float, float]]:
        """(level, x, width) of each non-empty segment across ``width`` pixels."""
        total = sum(self._counts.values())
        if total == 0:
            return []
        result = []
        x = 0.0
        for level in RiskLevel:
            n = self._counts.get(level, 0)
            if n:
                w = width * n / total
                result.append((level, x, w))
                x += w
        return result

    def sizeHint(self) -> QSize:
        return QSize(360, 30)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        segments = self.segments(rect.width())
        if not segments:
            painter.setPen(QPen(QColor(160, 160, 160)))
            painter.drawRect(rect)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("暂无已评价的风险点"))
            return
        metrics = painter.fontMetrics()
        for level, x, w in segments:
            segment = QRectF(rect.left() + x, rect.top(), w, rect.height())
            painter.fillRect(segment, QColor(level.colour.hex))
            text = str(self._counts[level])
            if metrics.horizontalAdvance(text) + 6 < w:
                painter.setPen(QColor(*level.colour.text_rgb))
                painter.drawText(segment, Qt.AlignmentFlag.AlignCenter, text)
        painter.setPen(QPen(QColor(90, 90, 90)))
        painter.drawRect(rect)
