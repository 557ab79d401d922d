"""隐患台账 page: one row per hidden danger; open ones past their deadline are highlighted."""

from PySide6.QtGui import QColor

from dualprev.domain.hidden_danger import OVERDUE_LABEL, HiddenDangerLevel
from dualprev.services.overview_service import HiddenDangerOverview
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel

OVERDUE_BACKGROUND = QColor(255, 220, 220)
MAJOR_TEXT = QColor(192, 0, 0)


class HiddenDangerColumn(HeadedColumn):
    NUMBER = 0, "隐患编号"
    FOUND_ON = 1, "排查日期"
    DESCRIPTION = 2, "隐患描述"
    LEVEL = 3, "级别"
    PLACE = 4, "区域/部位"
    DEPARTMENT = 5, "责任部门"
    RECTIFIER = 6, "整改责任人"
    DEADLINE = 7, "整改期限"
    STATUS = 8, "状态"


class HiddenDangerTableModel(RecordTableModel[HiddenDangerOverview]):
    Column = HiddenDangerColumn

    def display(self, record: HiddenDangerOverview, column: HeadedColumn) -> str:
        match column:
            case HiddenDangerColumn.NUMBER:
                return record.number
            case HiddenDangerColumn.FOUND_ON:
                return record.found_on.isoformat()
            case HiddenDangerColumn.DESCRIPTION:
                return record.description.replace("\n", " ")
            case HiddenDangerColumn.LEVEL:
                return record.level.label
            case HiddenDangerColumn.PLACE:
                return " ".join(part for part in (record.area_name, record.location) if part)
            case HiddenDangerColumn.DEPARTMENT:
                return record.department_name
            case HiddenDangerColumn.RECTIFIER:
                return record.rectifier_name
            case HiddenDangerColumn.DEADLINE:
                return record.deadline.isoformat() if record.deadline else ""
            case HiddenDangerColumn.STATUS:
                return (
                    f"{record.status.label}（{OVERDUE_LABEL}）" if record.is_overdue else record.status.label
                )
        return ""

    def background(self, record: HiddenDangerOverview, column: HeadedColumn) -> QColor | None:
        return OVERDUE_BACKGROUND if record.is_overdue else None

    def foreground(self, record: HiddenDangerOverview, column: HeadedColumn) -> QColor | None:
        if column == HiddenDangerColumn.LEVEL and record.level is HiddenDangerLevel.MAJOR:
            return MAJOR_TEXT
        return QColor(0, 0, 0) if record.is_overdue else None
