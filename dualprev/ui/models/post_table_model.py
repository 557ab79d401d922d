"""岗位 table of the 企业信息 page."""

from PySide6.QtCore import QObject, Qt

from dualprev.services.organisation_service import AreaInfo, DepartmentInfo, PersonInfo, PostInfo
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel


class PostColumn(HeadedColumn):
    NAME = 0, "岗位名称"
    DEPARTMENT = 1, "所属部门"
    AREA = 2, "工作区域"
    HEADCOUNT = 3, "人数"
    RESPONSIBLE = 4, "岗位负责人"
    RISK_POINTS = 5, "风险点数"


class PostTableModel(RecordTableModel[PostInfo]):
    Column = PostColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._departments: dict[int, str] = {}
        self._areas: dict[int, str] = {}
        self._people: dict[int, str] = {}

    def set_posts(
        self,
        posts: list[PostInfo],
        departments: list[DepartmentInfo],
        areas: list[AreaInfo],
        people: list[PersonInfo],
    ) -> None:
        self._departments = {d.id: d.name for d in departments if d.id is not None}
        self._areas = {a.id: a.name for a in areas if a.id is not None}
        self._people = {p.id: p.name for p in people if p.id is not None}
        self.set_records(posts)

    def display(self, record: PostInfo, column: HeadedColumn) -> str:
        match column:
            case PostColumn.NAME:
                return record.name
            case PostColumn.DEPARTMENT:
                return self._departments.get(record.department_id or 0, "")
            case PostColumn.AREA:
                return self._areas.get(record.area_id or 0, "")
            case PostColumn.HEADCOUNT:
                return str(record.headcount) if record.headcount is not None else ""
            case PostColumn.RESPONSIBLE:
                return self._people.get(record.responsible_person_id or 0, "")
            case PostColumn.RISK_POINTS:
                return str(len(record.risk_point_ids))
        return ""

    def sort_key(self, record: PostInfo, column: HeadedColumn) -> str | int:
        if column == PostColumn.HEADCOUNT:
            return record.headcount if record.headcount is not None else -1
        if column == PostColumn.RISK_POINTS:
            return len(record.risk_point_ids)
        return self.display(record, column)

    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        if column in (PostColumn.HEADCOUNT, PostColumn.RISK_POINTS):
            return Qt.AlignmentFlag.AlignRight
        return None
