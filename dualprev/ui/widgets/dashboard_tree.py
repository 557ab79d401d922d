"""The short lists of the 首页 dashboard: a compact clickable tree, and the line shown when empty."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

TREE_MAX_HEIGHT = 190
"""Lists scroll inside themselves, so the whole dashboard fits a laptop screen with little scrolling."""
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
GOOD_COLOUR = "#2E7D32"


def dashboard_tree(
    parent: QWidget, name: str, headings: tuple[str, ...], stretch: int, tooltip: str
) -> QTreeWidget:
    """A flat list with ``headings``; column ``stretch`` takes the spare width."""
    tree = QTreeWidget(parent)
    tree.setObjectName(name)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setMinimumHeight(120)
    tree.setMaximumHeight(TREE_MAX_HEIGHT)
    tree.setHeaderLabels(list(headings))
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    tree.setCursor(Qt.CursorShape.PointingHandCursor)
    tree.setToolTip(tooltip)
    return tree


def add_placeholder(tree: QTreeWidget, text: str, column: int = 1, colour: str = GOOD_COLOUR) -> None:
    """A row that only says ``text`` (e.g. nothing is overdue); it cannot be selected."""
    item = QTreeWidgetItem(tree, [""] * tree.columnCount())
    item.setText(column, text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    item.setForeground(column, QBrush(QColor(colour)))
