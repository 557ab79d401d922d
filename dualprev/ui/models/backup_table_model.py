"""数据备份 page: the archives (.dpbak) in the database's backups folder."""

from PySide6.QtCore import Qt

from dualprev.services.archive_service import ArchiveEntry, reason_label
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel


def format_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(size, 1) / 1024:.0f} KB" if size >= 1024 else f"{size} B"


class BackupColumn(HeadedColumn):
    FILE_NAME = 0, "文件名"
    REASON = 1, "说明"
    MODIFIED = 2, "备份时间"
    SIZE = 3, "大小"


class BackupTableModel(RecordTableModel[ArchiveEntry]):
    Column = BackupColumn

    def record_id(self, record: ArchiveEntry) -> int:
        return self._records.index(record) if record in self._records else -1

    def display(self, record: ArchiveEntry, column: HeadedColumn) -> str:
        match column:
            case BackupColumn.FILE_NAME:
                return record.path.name
            case BackupColumn.REASON:
                return reason_label(record.reason)
            case BackupColumn.MODIFIED:
                return record.modified_at.strftime("%Y-%m-%d %H:%M")
            case BackupColumn.SIZE:
                return format_size(record.size_bytes)
        return ""

    def sort_key(self, record: ArchiveEntry, column: HeadedColumn) -> str | int:
        if column == BackupColumn.SIZE:
            return record.size_bytes
        return self.display(record, column)

    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column == BackupColumn.SIZE else None
