"""The rows of an import preview: what will be created, and every problem, each with its sheet and
Excel row number."""

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from typing_extensions import override

from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel


class LineKind(StrEnum):
    CREATE = "将新增"
    ERROR = "错误"
    DUPLICATE = "重复"
    CONFLICT = "冲突"


@dataclass(frozen=True)
class ImportLine:
    sheet: str
    row: int
    kind: LineKind
    what: str
    """风险点 / 危险源 / 隐患 / 人员 for a record created; "" for a problem."""
    text: str


_ERROR_TEXT = QColor(180, 0, 0)
_QUIET_TEXT = QColor(110, 110, 110)


class ImportRowsModel(RecordTableModel[ImportLine]):
    class Column(HeadedColumn):
        SHEET = 0, "工作表"
        ROW = 1, "行号"
        KIND = 2, "类别"
        TEXT = 3, "内容 / 原因"

    @override
    def display(self, record: ImportLine, column: HeadedColumn) -> str:
        match column:
            case self.Column.SHEET:
                return record.sheet
            case self.Column.ROW:
                return str(record.row)
            case self.Column.KIND:
                return f"{record.kind.value}{record.what}"
        return record.text

    @override
    def sort_key(self, record: ImportLine, column: HeadedColumn) -> str | int:
        return record.row if column == self.Column.ROW else self.display(record, column)

    @override
    def foreground(self, record: ImportLine, column: HeadedColumn) -> QColor | None:
        if record.kind is LineKind.ERROR:
            return _ERROR_TEXT
        return _QUIET_TEXT if record.kind is LineKind.DUPLICATE else None

    @override
    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column == self.Column.ROW else None

    @override
    def record_id(self, record: ImportLine) -> int:
        return record.row
