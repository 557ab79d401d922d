"""Forms that keep a readable width: on a 1920 px screen a form does not stretch its fields to
1700 px but stays at most ``FORM_MAX_WIDTH`` wide, centred."""

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

FORM_MAX_WIDTH = 1000
WIDE_MAX_WIDTH = 1280


def centred(content: QWidget, max_width: int = FORM_MAX_WIDTH, parent: QWidget | None = None) -> QWidget:
    """``content`` at most ``max_width`` wide, centred in a holder that takes any width."""
    holder = QWidget(parent)
    holder.setObjectName(f"{content.objectName() or 'content'}_holder")
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    content.setMaximumWidth(max_width)
    row.addStretch(1)
    row.addWidget(content, 100)
    row.addStretch(1)
    return holder


def readable_layout(page: QWidget, max_width: int = FORM_MAX_WIDTH) -> QVBoxLayout:
    """Give ``page`` a centred column at most ``max_width`` wide; returns the column's layout."""
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    content = QWidget(page)
    content.setObjectName(f"{page.objectName()}_content")
    outer.addWidget(centred(content, max_width, page))
    return QVBoxLayout(content)
