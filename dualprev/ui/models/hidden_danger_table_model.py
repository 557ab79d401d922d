"""隐患台账 table: a window onto the ledger query, fetched from SQL a page at a time.

The model knows the number of matching rows (so the scroll bar is true) but holds only the pages the
view has asked for; a sort or filter change asks the database again. A search that matches more
rows than were counted ("1,000+") shows the rows counted, and more as the view scrolls to the end
(``canFetchMore``/``fetchMore``). Overdue rows are tinted red,
deadlines due within three days amber, a 重大隐患 is written in red, a voided record in grey.
"""

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from typing_extensions import override

from dualprev.domain.hidden_danger import DUE_SOON_DAYS, HiddenDangerLevel, HiddenDangerStatus
from dualprev.domain.ledger import LedgerSort, LedgerSortKey
from dualprev.errors import UserError
from dualprev.services.hidden_dangers.ledger import LedgerResult, LedgerRow, count_text
from dualprev.ui.models.record_table_model import HeadedColumn, Roles
from dualprev.ui.widgets.hidden_danger_style import (
    DUE_SOON_BACKGROUND,
    MAJOR_COLOUR,
    OVERDUE_BACKGROUND,
    OVERDUE_COLOUR,
    status_colour,
    status_text,
)

__all__ = ["OVERDUE_BACKGROUND", "HiddenDangerColumn", "HiddenDangerTableModel", "LedgerFetch"]

Index = QModelIndex | QPersistentModelIndex
LedgerFetch = Callable[[LedgerSort, int, int], LedgerResult]
"""``fetch(sort, offset, limit)``: one page of the ledger under the page's current filter."""


class HiddenDangerColumn(HeadedColumn):
    NUMBER = 0, "隐患编号"
    FOUND_ON = 1, "排查日期"
    DESCRIPTION = 2, "隐患描述"
    LEVEL = 3, "级别"
    PLACE = 4, "区域/部位"
    SOURCE = 5, "来源"
    DEPARTMENT = 6, "整改责任单位"
    RECTIFIER = 7, "整改责任人"
    DEADLINE = 8, "整改期限"
    STATUS = 9, "状态"


SORT_KEYS: dict[HiddenDangerColumn, LedgerSortKey] = {
    HiddenDangerColumn.NUMBER: LedgerSortKey.NUMBER,
    HiddenDangerColumn.FOUND_ON: LedgerSortKey.FOUND_ON,
    HiddenDangerColumn.DESCRIPTION: LedgerSortKey.DESCRIPTION,
    HiddenDangerColumn.LEVEL: LedgerSortKey.LEVEL,
    HiddenDangerColumn.PLACE: LedgerSortKey.PLACE,
    HiddenDangerColumn.SOURCE: LedgerSortKey.SOURCE,
    HiddenDangerColumn.DEPARTMENT: LedgerSortKey.DEPARTMENT,
    HiddenDangerColumn.RECTIFIER: LedgerSortKey.RECTIFIER,
    HiddenDangerColumn.DEADLINE: LedgerSortKey.DEADLINE,
    HiddenDangerColumn.STATUS: LedgerSortKey.STATUS,
}

_CENTRED = {
    HiddenDangerColumn.FOUND_ON,
    HiddenDangerColumn.LEVEL,
    HiddenDangerColumn.DEADLINE,
    HiddenDangerColumn.SOURCE,
}
_GREY = QColor(117, 117, 117)


class HiddenDangerTableModel(QAbstractTableModel):
    """Rows come from ``fetch``; :meth:`set_fetch` or :meth:`refresh` start over from the database."""

    PAGE_SIZE = 200
    MAX_PAGES = 40
    fetch_failed = Signal(str)
    """A page could not be read (the message is for the user); the rows show empty meanwhile."""
    total_changed = Signal()
    """More rows were counted (:meth:`fetchMore`): the count shown needs updating."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fetch: LedgerFetch | None = None
        self._sort = LedgerSort()
        self._total = 0
        self._total_is_exact = True
        self._pages: OrderedDict[int, tuple[LedgerRow, ...]] = OrderedDict()

    # --- data source ----------------------------------------------------------------------------

    @property
    def ledger_sort(self) -> LedgerSort:
        return self._sort

    def set_fetch(self, fetch: LedgerFetch | None) -> None:
        """Show the rows ``fetch`` returns (None: an empty table)."""
        self._fetch = fetch
        self.refresh()

    def set_sort(self, sort: LedgerSort) -> None:
        self._sort = sort
        self.refresh()

    def refresh(self) -> None:
        """Read the first page (and the total) again; everything else is fetched when needed."""
        self.beginResetModel()
        self._pages.clear()
        self._total = 0
        self._total_is_exact = True
        first = self._load(0)
        if first is not None:
            self._total, self._total_is_exact = first.total, first.total_is_exact
            self._pages[0] = first.rows
        self.endResetModel()

    def total(self) -> int:
        """Rows shown; at least this many match when not :meth:`total_is_exact`."""
        return self._total

    def total_is_exact(self) -> bool:
        return self._total_is_exact

    def total_text(self) -> str:
        """The count as the page shows it ("1,000+" while more rows match than were counted)."""
        return count_text(self._total, exact=self._total_is_exact)

    def reveal(self, row: int) -> bool:
        """Count far enough to show ``row`` (a row found beyond the rows counted); False if the
        ledger has no such row."""
        while row >= self._total and not self._total_is_exact:
            before = self._total
            self.fetchMore(QModelIndex())
            if self._total == before:
                break
        return 0 <= row < self._total

    def row_record(self, row: int) -> LedgerRow | None:
        """The record shown in ``row`` (reading its page if needed)."""
        if not 0 <= row < self._total:
            return None
        page, offset = divmod(row, self.PAGE_SIZE)
        rows = self._page(page)
        return rows[offset] if offset < len(rows) else None

    def row_of_id(self, hidden_danger_id: int) -> int:
        """The row of a hidden danger among the pages read so far, or -1."""
        for page, rows in self._pages.items():
            for offset, record in enumerate(rows):
                if record.id == hidden_danger_id:
                    return page * self.PAGE_SIZE + offset
        return -1

    def _load(self, page: int) -> LedgerResult | None:
        if self._fetch is None:
            return None
        try:
            return self._fetch(self._sort, page * self.PAGE_SIZE, self.PAGE_SIZE)
        except UserError as exc:
            self.fetch_failed.emit(exc.message)
            return None

    def _page(self, page: int) -> tuple[LedgerRow, ...]:
        rows = self._pages.get(page)
        if rows is not None:
            self._pages.move_to_end(page)
            return rows
        result = self._load(page)
        rows = result.rows if result is not None else ()
        self._pages[page] = rows
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return rows

    # --- presentation -----------------------------------------------------------------------------

    @staticmethod
    def display(record: LedgerRow, column: HiddenDangerColumn) -> str:
        match column:
            case HiddenDangerColumn.NUMBER:
                return record.number
            case HiddenDangerColumn.FOUND_ON:
                return record.found_on.isoformat()
            case HiddenDangerColumn.DESCRIPTION:
                return " ".join(record.description.split())
            case HiddenDangerColumn.LEVEL:
                return record.level.label
            case HiddenDangerColumn.PLACE:
                return record.place
            case HiddenDangerColumn.SOURCE:
                return record.source.label
            case HiddenDangerColumn.DEPARTMENT:
                return record.department_name
            case HiddenDangerColumn.RECTIFIER:
                return record.rectifier_name
            case HiddenDangerColumn.DEADLINE:
                return record.deadline.isoformat() if record.deadline else ""
            case HiddenDangerColumn.STATUS:
                return status_text(record.status, record.days_left, due_days=DUE_SOON_DAYS)
        return ""

    @staticmethod
    def _due_soon(record: LedgerRow) -> bool:
        return record.days_left is not None and 0 <= record.days_left <= DUE_SOON_DAYS

    def _background(self, record: LedgerRow, column: HiddenDangerColumn) -> QColor | None:
        if record.is_overdue:
            return OVERDUE_BACKGROUND
        if self._due_soon(record) and column in (HiddenDangerColumn.DEADLINE, HiddenDangerColumn.STATUS):
            return DUE_SOON_BACKGROUND
        return None

    def _foreground(self, record: LedgerRow, column: HiddenDangerColumn) -> QColor | None:
        if record.status is HiddenDangerStatus.VOID:
            return _GREY
        if column == HiddenDangerColumn.STATUS:
            return QColor(OVERDUE_COLOUR) if record.is_overdue else status_colour(record.status)
        if column == HiddenDangerColumn.LEVEL and record.level is HiddenDangerLevel.MAJOR:
            return QColor(MAJOR_COLOUR)
        if record.is_overdue:
            return QColor(0, 0, 0)  # the red tint is light; keep the text black for contrast
        return None

    def _font(self, record: LedgerRow, column: HiddenDangerColumn) -> QFont | None:
        bold = (column == HiddenDangerColumn.STATUS and record.is_overdue) or (
            column == HiddenDangerColumn.LEVEL and record.level is HiddenDangerLevel.MAJOR
        )
        void = record.status is HiddenDangerStatus.VOID and column == HiddenDangerColumn.NUMBER
        if not (bold or void):
            return None
        font = QFont()
        font.setBold(bold)
        font.setStrikeOut(void)
        return font

    def _tooltip(self, record: LedgerRow, column: HiddenDangerColumn) -> str | None:
        if column == HiddenDangerColumn.DESCRIPTION:
            return record.description
        if column == HiddenDangerColumn.SOURCE and record.source_detail:
            return f"{record.source.label}：{record.source_detail}"
        if column == HiddenDangerColumn.PLACE:
            return record.place or None
        text = self.display(record, column)
        return text if len(text) > 16 else None

    @staticmethod
    def _sort_value(record: LedgerRow, column: HiddenDangerColumn) -> Any:
        if column == HiddenDangerColumn.FOUND_ON:
            return record.found_on.toordinal()
        if column == HiddenDangerColumn.DEADLINE:
            return record.deadline.toordinal() if record.deadline else 0
        return HiddenDangerTableModel.display(record, column)

    # --- Qt model API -----------------------------------------------------------------------------

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._total

    @override
    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._total_is_exact

    @override
    def fetchMore(self, parent: Index) -> None:
        """Read the page after the rows counted: its result counts on to the next thousand."""
        if parent.isValid() or self._total_is_exact:
            return
        page = self._total // self.PAGE_SIZE
        result = self._load(page)
        if result is None:
            self._total_is_exact = True  # stop asking; the failure has been reported
            return
        self._pages[page] = result.rows
        self._pages.move_to_end(page)
        total = max(result.total, self._total)
        self._total_is_exact = result.total_is_exact
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        self.total_changed.emit()

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(HiddenDangerColumn)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HiddenDangerColumn):
            return HiddenDangerColumn(section).heading
        if orientation == Qt.Orientation.Vertical and 0 <= section < self._total:
            return str(section + 1)
        return None

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(HiddenDangerColumn):
            return None
        record = self.row_record(index.row())
        if record is None:
            return None
        column = HiddenDangerColumn(index.column())
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return self.display(record, column)
            case Qt.ItemDataRole.ToolTipRole:
                return self._tooltip(record, column)
            case Qt.ItemDataRole.BackgroundRole:
                colour = self._background(record, column)
                return QBrush(colour) if colour is not None else None
            case Qt.ItemDataRole.ForegroundRole:
                colour = self._foreground(record, column)
                return QBrush(colour) if colour is not None else None
            case Qt.ItemDataRole.FontRole:
                return self._font(record, column)
            case Qt.ItemDataRole.TextAlignmentRole:
                if column in _CENTRED:
                    return int(Qt.AlignmentFlag.AlignCenter)
                return None
            case Roles.SORT:
                return self._sort_value(record, column)
            case Roles.ID:
                return record.id
            case Roles.RECORD:
                return record
        return None

    @override
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in SQL: remember the key and read the first page again."""
        if not 0 <= column < len(HiddenDangerColumn):
            return
        sort = LedgerSort(SORT_KEYS[HiddenDangerColumn(column)], order == Qt.SortOrder.DescendingOrder)
        if sort != self._sort:
            self.set_sort(sort)
