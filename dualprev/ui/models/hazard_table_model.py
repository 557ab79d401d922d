"""All hazards as a table that stays fast with tens of thousands of rows: filtering, sorting and paging
happen in SQL (``hazard_list.query_hazards``); the view pulls further pages as it scrolls."""

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from typing_extensions import override

from dualprev.domain.hazard_list import HazardFilter, HazardSort
from dualprev.domain.risk import RiskLevel
from dualprev.services.risks.hazard_list import HazardPage, HazardRow
from dualprev.ui.models.record_table_model import HeadedColumn, Roles

Index = QModelIndex | QPersistentModelIndex
Query = Callable[[HazardFilter, HazardSort, bool, int, int], HazardPage]


class HazardColumn(HeadedColumn):
    AREA = 0, "区域"
    RISK_POINT = 1, "风险点"
    STEP = 2, "作业步骤/检查项目"
    DESCRIPTION = 3, "危险源或潜在事件"
    ACCIDENT_TYPES = 4, "事故类型"
    METHOD = 5, "评价方法"
    SCORE = 6, "分值"
    LEVEL = 7, "现有风险"
    INHERENT = 8, "固有风险"
    TIER = 9, "管控层级"
    DEPARTMENT = 10, "责任单位"


_SORT_OF: dict[int, HazardSort] = {
    HazardColumn.AREA: HazardSort.AREA,
    HazardColumn.RISK_POINT: HazardSort.RISK_POINT,
    HazardColumn.STEP: HazardSort.STEP,
    HazardColumn.DESCRIPTION: HazardSort.DESCRIPTION,
    HazardColumn.METHOD: HazardSort.METHOD,
    HazardColumn.SCORE: HazardSort.SCORE,
    HazardColumn.LEVEL: HazardSort.LEVEL,
    HazardColumn.TIER: HazardSort.TIER,
}


class HazardTableModel(QAbstractTableModel):
    """Rows come from ``query`` a page at a time; ``set_filter``/``sort`` re-query from the top."""

    Column = HazardColumn
    PAGE_SIZE = 500

    def __init__(self, query: Query, parent: QObject | None = None, *, show_location: bool = True) -> None:
        super().__init__(parent)
        self._query = query
        self._filter = HazardFilter()
        self._sort = HazardSort.AREA
        self._descending = False
        self._rows: list[HazardRow] = []
        self._total = 0
        self.show_location = show_location

    # --- loading ------------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        """How many hazards match the filter (not only the rows fetched so far)."""
        return self._total

    @property
    def current_filter(self) -> HazardFilter:
        return self._filter

    def set_filter(self, flt: HazardFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        page = self._query(self._filter, self._sort, self._descending, 0, self.PAGE_SIZE)
        self._rows = list(page.rows)
        self._total = page.total
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows, self._total = [], 0
        self.endResetModel()

    @override
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and len(self._rows) < self._total

    @override
    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if parent.isValid():
            return
        page = self._query(self._filter, self._sort, self._descending, len(self._rows), self.PAGE_SIZE)
        if not page.rows:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
        self._rows.extend(page.rows)
        self.endInsertRows()

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = _SORT_OF.get(column, HazardSort.AREA)
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def record(self, row: int) -> HazardRow:
        return self._rows[row]

    def row_of(self, hazard_id: int) -> int:
        for row, record in enumerate(self._rows):
            if record.id == hazard_id:
                return row
        return -1

    # --- Qt model API -------------------------------------------------------------------------------

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(HazardColumn)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HazardColumn):
            return HazardColumn(section).heading
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def display(self, row: HazardRow, column: IntEnum) -> str:
        match column:
            case HazardColumn.AREA:
                return row.area_name
            case HazardColumn.RISK_POINT:
                return " ".join(part for part in (row.risk_point_code, row.risk_point_name) if part)
            case HazardColumn.STEP:
                return row.step_or_item
            case HazardColumn.DESCRIPTION:
                return row.description
            case HazardColumn.ACCIDENT_TYPES:
                return row.accident_types
            case HazardColumn.METHOD:
                return (
                    {"LEC": "LEC", "LS": "LS", "DIRECT": "直接判定"}.get(row.method.value, "")
                    if row.method
                    else ""
                )
            case HazardColumn.SCORE:
                return row.score
            case HazardColumn.INHERENT:
                return row.inherent_level.label if row.inherent_level else ""
            case HazardColumn.LEVEL:
                return row.current_level.label if row.current_level else "未评价"
            case HazardColumn.TIER:
                return row.control_tier.label if row.control_tier else ""
            case HazardColumn.DEPARTMENT:
                return row.department_name
        return ""

    @staticmethod
    def _level_of(row: HazardRow, column: int) -> RiskLevel | None:
        if column == HazardColumn.LEVEL:
            return row.current_level
        if column == HazardColumn.INHERENT:
            return row.inherent_level
        return None

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(HazardColumn):
            return None
        row = self._rows[index.row()]
        column = HazardColumn(index.column())
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return self.display(row, column)
            case Qt.ItemDataRole.ToolTipRole:
                text = self.display(row, column)
                return text if len(text) > 16 else None
            case Qt.ItemDataRole.BackgroundRole:
                level = self._level_of(row, column)
                return QBrush(QColor(level.colour.hex)) if level is not None else None
            case Qt.ItemDataRole.ForegroundRole:
                level = self._level_of(row, column)
                if level is not None:
                    return QBrush(QColor(*level.colour.text_rgb))
                if column == HazardColumn.LEVEL:
                    return QBrush(QColor(120, 120, 120))
                return None
            case Qt.ItemDataRole.TextAlignmentRole:
                if column in (HazardColumn.SCORE,):
                    return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column in (
                    HazardColumn.LEVEL,
                    HazardColumn.INHERENT,
                    HazardColumn.METHOD,
                    HazardColumn.TIER,
                ):
                    return int(Qt.AlignmentFlag.AlignCenter)
                return None
            case Roles.ID:
                return row.id
            case Roles.RECORD:
                return row
            case Roles.SORT:
                return self.display(row, column)
        return None

    @override
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
