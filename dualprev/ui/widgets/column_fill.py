"""Tables whose spare width goes to the column that needs it (a description or a name), not to the
last column: on a wide screen 隐患描述 grows; on a small one the table scrolls as before."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView


class ColumnFill(QObject):
    """Keeps ``column`` of ``view`` at least ``base`` wide and gives it whatever width is left.

    ``column`` -1: the column with the widest contents (a generic list), at least as wide as they are
    (up to ``base``)."""

    def __init__(self, view: QAbstractItemView, column: int, base: int) -> None:
        super().__init__(view)
        self._view = view
        self._column = column
        self._base = base
        self._filling = False
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)
        header.sectionResized.connect(self._on_section_resized)

    def header(self) -> QHeaderView:
        if isinstance(self._view, QTreeView):
            return self._view.header()
        assert isinstance(self._view, QTableView)
        return self._view.horizontalHeader()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fill()
        return False

    def _on_section_resized(self, index: int, _old: int, _new: int) -> None:
        if not self._filling and (self._column < 0 or index != self._column):
            self.fill()

    def _target(self) -> tuple[int, int]:
        """The column to widen and its least width."""
        if self._column >= 0:
            return self._column, self._base
        header = self.header()
        shown = [c for c in range(header.count()) if not header.isSectionHidden(c)]
        if not shown:
            return -1, 0
        wants = {c: min(self._view.sizeHintForColumn(c), self._base) for c in shown}
        widest = max(shown, key=lambda c: wants[c])
        return widest, wants[widest]

    def fill(self) -> None:
        header = self.header()
        column, base = self._target()
        if column < 0:
            return
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != column and not header.isSectionHidden(c)
        )
        width = max(base, self._view.viewport().width() - others)
        if header.sectionSize(column) != width:
            self._filling = True
            try:
                header.resizeSection(column, width)
            finally:
                self._filling = False


def fill_column(view: QAbstractItemView, column: int, base: int) -> ColumnFill:
    """Give ``column`` of ``view`` the table's spare width (at least ``base``)."""
    return ColumnFill(view, column, base)
