"""手机访问 page: the 待审核 phone reports and the paired phones."""

from datetime import datetime

from dualprev.services.phone.devices import DeviceInfo
from dualprev.services.phone.reports import ReportInfo
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel


def local_time(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


class ReportColumn(HeadedColumn):
    CREATED = 0, "上报时间"
    REPORTER = 1, "上报人"
    DESCRIPTION = 2, "隐患描述"
    PLACE = 3, "位置"
    LEVEL = 4, "上报人判断"
    PHOTOS = 5, "照片"


class PhoneReportTableModel(RecordTableModel[ReportInfo]):
    Column = ReportColumn

    def display(self, record: ReportInfo, column: HeadedColumn) -> str:
        match column:
            case ReportColumn.CREATED:
                return local_time(record.created_at)
            case ReportColumn.REPORTER:
                return f"{record.reporter_name}（{record.device_name}）"
            case ReportColumn.DESCRIPTION:
                return record.description
            case ReportColumn.PLACE:
                return record.place
            case ReportColumn.LEVEL:
                return record.level_suggestion.label
            case ReportColumn.PHOTOS:
                return f"{len(record.photos)} 张"
        return ""


class DeviceColumn(HeadedColumn):
    NAME = 0, "手机名称"
    PERSON = 1, "人员"
    ROLE = 2, "权限"
    PAIRED = 3, "配对时间"
    SEEN = 4, "最近访问"
    STATE = 5, "状态"


class PhoneDeviceTableModel(RecordTableModel[DeviceInfo]):
    Column = DeviceColumn

    def __init__(self) -> None:
        super().__init__()
        self.online: set[int] = set()

    def display(self, record: DeviceInfo, column: HeadedColumn) -> str:
        match column:
            case DeviceColumn.NAME:
                return record.name
            case DeviceColumn.PERSON:
                return record.person_name
            case DeviceColumn.ROLE:
                return record.role.label
            case DeviceColumn.PAIRED:
                return local_time(record.paired_at)
            case DeviceColumn.SEEN:
                where = f"（{record.last_address}）" if record.last_address else ""
                return local_time(record.last_seen_at) + where
            case DeviceColumn.STATE:
                if record.revoked:
                    return "已取消配对"
                return "在线" if record.id in self.online else "已配对"
        return ""
