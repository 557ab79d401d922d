"""Tables whose spare width goes to the column that needs it (a description or a name), not to the
last column: on a wide screen 隐患描述 grows; on a small one the table scrolls as before."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView


class ColumnFill(QObject):
    """Keeps ``column`` of ``view`` at least ``base`` wide and gives it whatever width is left."""

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
        if index != self._column and not self._filling:
            self.fill()

    def fill(self) -> None:
        header = self.header()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != self._column and not header.isSectionHidden(c)
        )
        width = max(self._base, self._view.viewport().width() - others)
        if header.sectionSize(self._column) != width:
            self._filling = True
            try:
                header.resizeSection(self._column, width)
            finally:
                self._filling = False


def fill_column(view: QAbstractItemView, column: int, base: int) -> ColumnFill:
    """Give ``column`` of ``view`` the table's spare width (at least ``base``)."""
    return ColumnFill(view, column, base)
