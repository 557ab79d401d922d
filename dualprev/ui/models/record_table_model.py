"""Base of the read-only table models: one record (frozen dataclass) per row, columns from an enum.

Subclasses name their ``Column`` enum (an IntEnum whose members carry a ``heading``) and say how a
record shows in each column. Custom roles give the sort key, the record id and the record itself.
"""

from enum import IntEnum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from typing_extensions import override

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


class Roles(IntEnum):
    """Custom item data roles shared by every table model."""

    SORT = Qt.ItemDataRole.UserRole + 1
    ID = Qt.ItemDataRole.UserRole + 2
    RECORD = Qt.ItemDataRole.UserRole + 3


class HeadedColumn(IntEnum):
    """Base of the column enums: each member is ``NAME = index, "表头"``."""

    heading: str

    def __new__(cls, value: int, heading: str = "") -> "HeadedColumn":
        member = int.__new__(cls, value)
        member._value_ = value
        member.heading = heading
        return member


class RecordTableModel(QAbstractTableModel, Generic[R]):
    """Rows of frozen records. ``set_records`` replaces all of them (a reset)."""

    Column: ClassVar[type[HeadedColumn]]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._records: list[R] = []

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Qt's metaclass rules out ABCMeta; an incomplete model is refused when it is defined instead.
        if cls.display is RecordTableModel.display or not hasattr(cls, "Column"):
            raise TypeError(f"table model {cls.__name__} must define Column and display()")

    # --- subclass hooks ---------------------------------------------------------------------------

    def display(self, record: R, column: HeadedColumn) -> str:
        """How ``record`` shows in ``column`` (every model defines it)."""
        return ""

    def sort_key(self, record: R, column: HeadedColumn) -> str | int:
        return self.display(record, column)

    def background(self, record: R, column: HeadedColumn) -> QColor | None:
        return None

    def foreground(self, record: R, column: HeadedColumn) -> QColor | None:
        return None

    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        return None

    def record_id(self, record: R) -> int:
        return int(getattr(record, "id", 0) or 0)

    # --- records ----------------------------------------------------------------------------------

    def set_records(self, records: list[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def records(self) -> list[R]:
        return list(self._records)

    def record(self, row: int) -> R:
        return self._records[row]

    def row_of(self, record_id: int) -> int:
        """Row of the record with ``record_id``, or -1."""
        for row, record in enumerate(self._records):
            if self.record_id(record) == record_id:
                return row
        return -1

    # --- Qt model API -----------------------------------------------------------------------------

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.Column)

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.Column):
            return self.Column(section).heading
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._records):
            return str(section + 1)
        return None

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        if not 0 <= index.column() < len(self.Column):
            return None
        record = self._records[index.row()]
        column = self.Column(index.column())
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return self.display(record, column)
            case Qt.ItemDataRole.ToolTipRole:
                text = self.display(record, column)
                return text if len(text) > 20 else None
            case Qt.ItemDataRole.BackgroundRole:
                colour = self.background(record, column)
                return QBrush(colour) if colour is not None else None
            case Qt.ItemDataRole.ForegroundRole:
                colour = self.foreground(record, column)
                return QBrush(colour) if colour is not None else None
            case Qt.ItemDataRole.TextAlignmentRole:
                align = self.alignment(column)
                return int(align | Qt.AlignmentFlag.AlignVCenter) if align is not None else None
            case Roles.SORT:
                return self.sort_key(record, column)
            case Roles.ID:
                return self.record_id(record)
            case Roles.RECORD:
                return record
        return None

    @override
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def level_colours(level: Any) -> tuple[QColor | None, QColor | None]:
    """Background and text colour of a RiskLevel cell (None, None for an ungraded one)."""
    if level is None:
        return None, None
    return QColor(level.colour.hex), QColor(*level.colour.text_rgb)
