"""The results of one check record: each item, its result, and the hidden danger it opened."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from dualprev.domain.checks import CheckResult
from dualprev.services.checks.records import ResultRow
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel

FAILED_BACKGROUND = QColor(255, 220, 220)
LINK_COLOUR = QColor(11, 92, 173)


class CheckResultColumn(HeadedColumn):
    NUMBER = 0, "序号"
    RISK_POINT = 1, "风险点"
    CONTENT = 2, "排查内容"
    RESULT = 3, "结果"
    REMARK = 4, "问题描述/备注"
    PHOTOS = 5, "照片（双击打开）"
    DANGER = 6, "隐患（双击查看）"


class CheckResultTableModel(RecordTableModel[ResultRow]):
    Column = CheckResultColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._numbers: dict[int, int] = {}

    def set_records(self, records: list[ResultRow]) -> None:
        self._numbers = {id(r): n for n, r in enumerate(records, start=1)}
        super().set_records(records)

    def display(self, record: ResultRow, column: HeadedColumn) -> str:
        match column:
            case CheckResultColumn.NUMBER:
                return str(self._numbers.get(id(record), 0))
            case CheckResultColumn.RISK_POINT:
                return record.risk_point_text or "通用检查项"
            case CheckResultColumn.CONTENT:
                return record.item_text
            case CheckResultColumn.RESULT:
                return record.result.label
            case CheckResultColumn.REMARK:
                return record.remark
            case CheckResultColumn.PHOTOS:
                return f"{len(record.photos)} 张" if record.photos else ""
            case CheckResultColumn.DANGER:
                if not record.hidden_danger_number:
                    return ""
                status = record.hidden_danger_status.label if record.hidden_danger_status else ""
                return f"{record.hidden_danger_number}（{status}）" if status else record.hidden_danger_number
        return ""

    def sort_key(self, record: ResultRow, column: HeadedColumn) -> str | int:
        if column == CheckResultColumn.NUMBER:
            return self._numbers.get(id(record), 0)
        return self.display(record, column)

    def background(self, record: ResultRow, column: HeadedColumn) -> QColor | None:
        return FAILED_BACKGROUND if record.result is CheckResult.FAIL else None

    def foreground(self, record: ResultRow, column: HeadedColumn) -> QColor | None:
        return LINK_COLOUR if column == CheckResultColumn.DANGER and record.hidden_danger_id else None

    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        if column in (CheckResultColumn.NUMBER, CheckResultColumn.RESULT):
            return Qt.AlignmentFlag.AlignCenter
        return None
