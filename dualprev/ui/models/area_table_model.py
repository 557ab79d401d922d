"""区域 table of the 企业信息 page."""

from PySide6.QtCore import QObject

from dualprev.services.organisation_service import AreaInfo, DepartmentInfo
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel


class AreaColumn(HeadedColumn):
    CODE = 0, "编号"
    NAME = 1, "区域名称"
    DEPARTMENT = 2, "责任部门"
    DESCRIPTION = 3, "说明"


class AreaTableModel(RecordTableModel[AreaInfo]):
    Column = AreaColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._departments: dict[int, str] = {}

    def set_areas(self, areas: list[AreaInfo], departments: list[DepartmentInfo]) -> None:
        self._departments = {d.id: d.name for d in departments if d.id is not None}
        self.set_records(areas)

    def display(self, record: AreaInfo, column: HeadedColumn) -> str:
        match column:
            case AreaColumn.CODE:
                return record.code
            case AreaColumn.NAME:
                return record.name
            case AreaColumn.DEPARTMENT:
                return self._departments.get(record.department_id or 0, "")
            case AreaColumn.DESCRIPTION:
                return record.description.replace("\n", " ")
        return ""
