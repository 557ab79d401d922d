"""岗位告知卡 page: posts with the risk level of their card."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dualprev.services.overview_service import PostOverview
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel, level_colours


class PostOverviewColumn(HeadedColumn):
    NAME = 0, "岗位"
    DEPARTMENT = 1, "所属部门"
    AREA = 2, "工作区域"
    HEADCOUNT = 3, "人数"
    RISK_POINTS = 4, "风险点数"
    LEVEL = 5, "岗位风险等级"


class PostOverviewTableModel(RecordTableModel[PostOverview]):
    Column = PostOverviewColumn

    def display(self, record: PostOverview, column: HeadedColumn) -> str:
        match column:
            case PostOverviewColumn.NAME:
                return record.name
            case PostOverviewColumn.DEPARTMENT:
                return record.department_name
            case PostOverviewColumn.AREA:
                return record.area_name
            case PostOverviewColumn.HEADCOUNT:
                return str(record.headcount) if record.headcount is not None else ""
            case PostOverviewColumn.RISK_POINTS:
                return str(record.risk_point_count)
            case PostOverviewColumn.LEVEL:
                if record.level is not None:
                    return record.level.label
                return "未评价" if record.risk_point_count else "未关联风险点"
        return ""

    def sort_key(self, record: PostOverview, column: HeadedColumn) -> str | int:
        match column:
            case PostOverviewColumn.LEVEL:
                return int(record.level) if record.level is not None else 9
            case PostOverviewColumn.HEADCOUNT:
                return record.headcount if record.headcount is not None else -1
            case PostOverviewColumn.RISK_POINTS:
                return record.risk_point_count
        return self.display(record, column)

    def background(self, record: PostOverview, column: HeadedColumn) -> QColor | None:
        return level_colours(record.level)[0] if column == PostOverviewColumn.LEVEL else None

    def foreground(self, record: PostOverview, column: HeadedColumn) -> QColor | None:
        return level_colours(record.level)[1] if column == PostOverviewColumn.LEVEL else None

    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        if column in (PostOverviewColumn.HEADCOUNT, PostOverviewColumn.RISK_POINTS):
            return Qt.AlignmentFlag.AlignRight
        return Qt.AlignmentFlag.AlignCenter if column == PostOverviewColumn.LEVEL else None
