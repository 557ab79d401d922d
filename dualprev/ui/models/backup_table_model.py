"""数据备份 page: the automatic backups beside the database."""

from PySide6.QtCore import Qt

from dualprev.services.backup_service import BackupFileInfo
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


class BackupTableModel(RecordTableModel[BackupFileInfo]):
    Column = BackupColumn

    def record_id(self, record: BackupFileInfo) -> int:
        return self._records.index(record) if record in self._records else -1

    def display(self, record: BackupFileInfo, column: HeadedColumn) -> str:
        match column:
            case BackupColumn.FILE_NAME:
                return record.path.name
            case BackupColumn.REASON:
                if record.label.startswith("v") and record.label[1:].isdigit():
                    return f"升级前自动备份（原结构版本 {record.label[1:]}）"
                return "自动备份"
            case BackupColumn.MODIFIED:
                return record.modified_at.strftime("%Y-%m-%d %H:%M")
            case BackupColumn.SIZE:
                return format_size(record.size_bytes)
        return ""

    def sort_key(self, record: BackupFileInfo, column: HeadedColumn) -> str | int:
        if column == BackupColumn.SIZE:
            return record.size_bytes
        return self.display(record, column)

    def alignment(self, column: HeadedColumn) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column == BackupColumn.SIZE else None
