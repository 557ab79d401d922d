"""岗位告知卡 page: every post's card with its level and print status."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from dualprev.domain.post_card import CardStatus
from dualprev.services.post_card_service import PostCard
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel, level_colours

STALE_BACKGROUND = QColor("#FCE4D6")
STALE_FOREGROUND = QColor("#9C2A00")
PROBLEM_FOREGROUND = QColor(110, 110, 110)


class PostCardColumn(HeadedColumn):
    POST = 0, "岗位"
    DEPARTMENT = 1, "所属部门"
    LEVEL = 2, "风险等级"
    STATUS = 3, "告知卡状态"
    REVISION = 4, "版次"
    OVERRIDES = 5, "人工修改"


class PostCardTableModel(RecordTableModel[PostCard]):
    Column = PostCardColumn

    def record_id(self, record: PostCard) -> int:
        return record.post_id

    def display(self, record: PostCard, column: HeadedColumn) -> str:
        match column:
            case PostCardColumn.POST:
                return record.computed.post
            case PostCardColumn.DEPARTMENT:
                return record.computed.department
            case PostCardColumn.LEVEL:
                if record.content.level is not None:
                    return record.content.level.label
                return "未关联风险点" if "尚未关联风险点" in (record.problem or "") else "未评价"
            case PostCardColumn.STATUS:
                return record.status_text if record.printable or record.printed_revision else "无法生成"
            case PostCardColumn.REVISION:
                d = record.sheet.revision_date
                return (
                    f"r{record.sheet.revision}（{d.year}-{d.month:02d}-{d.day:02d}）"
                    if record.printable
                    else ""
                )
            case PostCardColumn.OVERRIDES:
                count = len(record.content.overridden)
                return f"{count} 项" if count else ""
        return ""

    def sort_key(self, record: PostCard, column: HeadedColumn) -> str | int:
        match column:
            case PostCardColumn.LEVEL:
                return int(record.content.level) if record.content.level is not None else 9
            case PostCardColumn.STATUS:
                return {CardStatus.STALE: 0, CardStatus.UNPRINTED: 1, CardStatus.PRINTED: 2}[record.status]
            case PostCardColumn.REVISION:
                return record.sheet.revision
            case PostCardColumn.OVERRIDES:
                return len(record.content.overridden)
        return self.display(record, column)

    def background(self, record: PostCard, column: HeadedColumn) -> QColor | None:
        if column == PostCardColumn.LEVEL:
            return level_colours(record.content.level)[0]
        if column == PostCardColumn.STATUS and record.status is CardStatus.STALE:
            return STALE_BACKGROUND
        return None

    def foreground(self, record: PostCard, column: HeadedColumn) -> QColor | None:
        if column == PostCardColumn.LEVEL:
            return level_colours(record.content.level)[1]
        if column == PostCardColumn.STATUS:
            if record.status is CardStatus.STALE:
                return STALE_FOREGROUND
            if not record.printable:
                return PROBLEM_FOREGROUND
        return None

    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignCenter if column == PostCardColumn.LEVEL else None
