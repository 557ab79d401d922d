"""A risk level written in a tree cell on its colour (低风险 blue, never green)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidgetItem

from dualprev.domain.risk import RiskLevel


def paint_level(item: QTreeWidgetItem, column: int, level: RiskLevel | None, empty_text: str) -> None:
    """Write the level's name in ``column`` on its colour; ``empty_text`` in grey when ungraded."""
    if level is None:
        item.setText(column, empty_text)
        item.setForeground(column, QBrush(QColor(110, 110, 110)))
        return
    item.setText(column, level.label)
    item.setBackground(column, QBrush(QColor(level.colour.hex)))
    item.setForeground(column, QBrush(QColor(*level.colour.text_rgb)))
    item.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)
