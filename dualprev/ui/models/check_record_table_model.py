"""隐患排查 page: the check records of a period, newest first."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dualprev.services.checks.records import CheckRecordRow
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel

FAILED_COLOUR = QColor(192, 0, 0)


class CheckRecordColumn(HeadedColumn):
    CHECKED_ON = 0, "排查日期"
    CHECK_TYPE = 1, "排查类型"
    PLAN = 2, "排查计划"
    PLACE = 3, "受检部门/区域"
    CHECKERS = 4, "排查人"
    ITEMS = 5, "检查项数"
    FAILED = 6, "不合格"
    DANGERS = 7, "发现隐患"


class CheckRecordTableModel(RecordTableModel[CheckRecordRow]):
    Column = CheckRecordColumn

    def display(self, record: CheckRecordRow, column: HeadedColumn) -> str:
        match column:
            case CheckRecordColumn.CHECKED_ON:
                return record.checked_on.isoformat()
            case CheckRecordColumn.CHECK_TYPE:
                return record.check_type.label
            case CheckRecordColumn.PLAN:
                return record.plan_name or "计划外排查"
            case CheckRecordColumn.PLACE:
                return record.place
            case CheckRecordColumn.CHECKERS:
                return record.checker_names
            case CheckRecordColumn.ITEMS:
                return str(record.item_count)
            case CheckRecordColumn.FAILED:
                return str(record.failed)
            case CheckRecordColumn.DANGERS:
                return "、".join(record.danger_numbers)
        return ""

    def sort_key(self, record: CheckRecordRow, column: HeadedColumn) -> str | int:
        if column == CheckRecordColumn.ITEMS:
            return record.item_count
        if column == CheckRecordColumn.FAILED:
            return record.failed
        return self.display(record, column)

    def foreground(self, record: CheckRecordRow, column: HeadedColumn) -> QColor | None:
        if column in (CheckRecordColumn.FAILED, CheckRecordColumn.DANGERS) and record.failed:
            return FAILED_COLOUR
        return None

    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        if column in (CheckRecordColumn.ITEMS, CheckRecordColumn.FAILED):
            return Qt.AlignmentFlag.AlignRight
        return None
