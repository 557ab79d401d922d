"""隐患排查 page: the check plans (from ``checks.plans.list_plans``; the older overview rows, which
lack the schedule, show the same columns with those left empty)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dualprev.services.checks.plans import PlanRow
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel

OVERDUE_TEXT_COLOUR = QColor(192, 0, 0)
INACTIVE_COLOUR = QColor(128, 128, 128)

Plan = PlanRow


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
    NEXT_DUE = 11, "待查任务到期"
    LAST_CHECKED = 12, "最近排查"
    HINT = 13, "提示"


def plan_hint(record: Plan) -> str:
    """Overdue tasks and items checked less often than the frequency table asks."""
    parts: list[str] = []
    overdue, gaps = record.overdue_tasks, record.frequency_gaps
    if overdue:
        parts.append(f"逾期未查 {overdue} 次")
    if gaps:
        parts.append(f"{gaps} 项频次低于频次表")
    return "；".join(parts)


class CheckPlanTableModel(RecordTableModel[Plan]):
    Column = CheckPlanColumn

    def display(self, record: Plan, column: HeadedColumn) -> str:
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
            case CheckPlanColumn.NEXT_DUE:
                return record.next_due.isoformat() if record.next_due else ""
            case CheckPlanColumn.LAST_CHECKED:
                last = record.last_checked_on
                return last.isoformat() if last else ""
            case CheckPlanColumn.HINT:
                return plan_hint(record)
        return ""

    def sort_key(self, record: Plan, column: HeadedColumn) -> str | int:
        if column == CheckPlanColumn.ITEMS:
            return record.item_count
        if column == CheckPlanColumn.RECORDS:
            return record.record_count
        return self.display(record, column)

    def foreground(self, record: Plan, column: HeadedColumn) -> QColor | None:
        if not record.is_active:
            return INACTIVE_COLOUR
        if column == CheckPlanColumn.HINT and record.overdue_tasks:
            return OVERDUE_TEXT_COLOUR
        return None

    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        if column in (CheckPlanColumn.ITEMS, CheckPlanColumn.RECORDS):
            return Qt.AlignmentFlag.AlignRight
        return None
