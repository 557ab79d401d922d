"""隐患排查 page: the check tasks (who checks which plan's items by when), overdue ones in red."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dualprev.domain.checks import CheckTaskStatus
from dualprev.services.checks.tasks import TaskRow
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel

OVERDUE_BACKGROUND = QColor(255, 220, 220)
TODAY_BACKGROUND = QColor(255, 240, 200)
DONE_COLOUR = QColor(46, 125, 50)
MISSED_COLOUR = QColor(128, 128, 128)


class CheckTaskColumn(HeadedColumn):
    DUE_ON = 0, "应完成日期"
    STATE = 1, "状态"
    PLAN = 2, "排查计划"
    CHECK_TYPE = 3, "排查类型"
    TIER = 4, "层级"
    PLACE = 5, "受检部门/区域"
    ASSIGNEE = 6, "负责人"
    ITEMS = 7, "排查项数"
    CHECKED_ON = 8, "排查日期"


class CheckTaskTableModel(RecordTableModel[TaskRow]):
    Column = CheckTaskColumn

    def display(self, record: TaskRow, column: HeadedColumn) -> str:
        match column:
            case CheckTaskColumn.DUE_ON:
                return record.due_on.isoformat()
            case CheckTaskColumn.STATE:
                return record.state_text
            case CheckTaskColumn.PLAN:
                return record.plan_name
            case CheckTaskColumn.CHECK_TYPE:
                return record.check_type.label
            case CheckTaskColumn.TIER:
                return record.control_tier.label if record.control_tier else ""
            case CheckTaskColumn.PLACE:
                return record.place
            case CheckTaskColumn.ASSIGNEE:
                return record.assignee_name
            case CheckTaskColumn.ITEMS:
                return str(record.item_count)
            case CheckTaskColumn.CHECKED_ON:
                return record.checked_on.isoformat() if record.checked_on else ""
        return ""

    def sort_key(self, record: TaskRow, column: HeadedColumn) -> str | int:
        if column == CheckTaskColumn.STATE:
            return record.days_left if record.status is CheckTaskStatus.DUE else 100_000
        if column == CheckTaskColumn.ITEMS:
            return record.item_count
        return self.display(record, column)

    def background(self, record: TaskRow, column: HeadedColumn) -> QColor | None:
        if record.is_overdue:
            return OVERDUE_BACKGROUND
        if record.status is CheckTaskStatus.DUE and record.days_left == 0:
            return TODAY_BACKGROUND
        return None

    def foreground(self, record: TaskRow, column: HeadedColumn) -> QColor | None:
        if column == CheckTaskColumn.STATE:
            if record.status is CheckTaskStatus.DONE:
                return DONE_COLOUR
            if record.status is CheckTaskStatus.MISSED:
                return MISSED_COLOUR
            if record.is_overdue:
                return QColor(192, 0, 0)
        return None

    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column == CheckTaskColumn.ITEMS else None
