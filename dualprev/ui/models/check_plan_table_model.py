"""隐患排查 page: the check plans."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dualprev.services.overview_service import CheckPlanOverview
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel


class CheckPlanColumn(HeadedColumn):
    NAME = 0, "计划名称"
    CHECK_TYPE = 1, "排查类型"
    FREQUENCY = 2, "频次"
    TIER = 3, "层级"
    DEPARTMENT = 4, "部门"
    AREA = 5, "区域"
    ASSIGNEE = 6, "负责人"
    PERIOD = 7, "起止日期"
    ITEMS = 8, "排查项数"
    RECORDS = 9, "已排查次数"
    ACTIVE = 10, "状态"


class CheckPlanTableModel(RecordTableModel[CheckPlanOverview]):
    Column = CheckPlanColumn

    def display(self, record: CheckPlanOverview, column: HeadedColumn) -> str:
        match column:
            case CheckPlanColumn.NAME:
                return record.name
            case CheckPlanColumn.CHECK_TYPE:
                return record.check_type.label
            case CheckPlanColumn.FREQUENCY:
                return record.frequency.label
            case CheckPlanColumn.TIER:
                return record.control_tier.label if record.control_tier else ""
            case CheckPlanColumn.DEPARTMENT:
                return record.department_name
            case CheckPlanColumn.AREA:
                return record.area_name
            case CheckPlanColumn.ASSIGNEE:
                return record.assignee_name
            case CheckPlanColumn.PERIOD:
                end = record.end_on.isoformat() if record.end_on else "长期"
                return f"{record.start_on.isoformat()} 至 {end}"
            case CheckPlanColumn.ITEMS:
                return str(record.item_count)
            case CheckPlanColumn.RECORDS:
                return str(record.record_count)
            case CheckPlanColumn.ACTIVE:
                return "执行中" if record.is_active else "已停用"
        return ""

    def sort_key(self, record: CheckPlanOverview, column: HeadedColumn) -> str | int:
        if column == CheckPlanColumn.ITEMS:
            return record.item_count
        if column == CheckPlanColumn.RECORDS:
            return record.record_count
        return self.display(record, column)

    def foreground(self, record: CheckPlanOverview, column: HeadedColumn) -> QColor | None:
        return None if record.is_active else QColor(128, 128, 128)

    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        if column in (CheckPlanColumn.ITEMS, CheckPlanColumn.RECORDS):
            return Qt.AlignmentFlag.AlignRight
        return None
