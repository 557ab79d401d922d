"""人员 table of the 企业信息 page."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from dualprev.services.organisation_service import DepartmentInfo, PersonInfo, PostInfo
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel


class PersonColumn(HeadedColumn):
    NAME = 0, "姓名"
    DEPARTMENT = 1, "部门"
    POST = 2, "岗位"
    PHONE = 3, "电话"
    ROLE = 4, "职务"
    ACTIVE = 5, "在职"


class PersonTableModel(RecordTableModel[PersonInfo]):
    Column = PersonColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._departments: dict[int, str] = {}
        self._posts: dict[int, str] = {}

    def set_people(
        self, people: list[PersonInfo], departments: list[DepartmentInfo], posts: list[PostInfo]
    ) -> None:
        self._departments = {d.id: d.name for d in departments if d.id is not None}
        self._posts = {p.id: p.name for p in posts if p.id is not None}
        self.set_records(people)

    def display(self, record: PersonInfo, column: HeadedColumn) -> str:
        match column:
            case PersonColumn.NAME:
                return record.name
            case PersonColumn.DEPARTMENT:
                return self._departments.get(record.department_id or 0, "")
            case PersonColumn.POST:
                return self._posts.get(record.post_id or 0, "")
            case PersonColumn.PHONE:
                return record.phone
            case PersonColumn.ROLE:
                return record.role
            case PersonColumn.ACTIVE:
                return "是" if record.is_active else "否"
        return ""

    def foreground(self, record: PersonInfo, column: HeadedColumn) -> QColor | None:
        return None if record.is_active else QColor(128, 128, 128)

    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignCenter if column == PersonColumn.ACTIVE else None
