"""Table models of the 履职与培训 page: duty lists, duty records and training sessions. A voided
record stays in the list, greyed, with its reason."""

from PySide6.QtGui import QColor

from dualprev.reports.ledger_statistics import format_yuan
from dualprev.services.duties.duty_lists import DutyListInfo
from dualprev.services.duties.duty_records import DutyRecordInfo
from dualprev.services.duties.training import SessionInfo
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel

VOID_COLOUR = QColor("#999999")


def state_text(void_reason: str) -> str:
    return f"已作废：{void_reason}" if void_reason else "有效"


class DutyListTableModel(RecordTableModel[DutyListInfo]):
    class Column(HeadedColumn):
        TITLE = 0, "清单名称"
        SUBJECT = 1, "类别"
        DEPARTMENT = 2, "部门"
        COUNT = 3, "职责条数"
        STATE = 4, "状态"

    def display(self, record: DutyListInfo, column: HeadedColumn) -> str:
        C = self.Column
        return {
            C.TITLE: record.title,
            C.SUBJECT: record.subject_text,
            C.DEPARTMENT: record.department_name,
            C.COUNT: str(len(record.items)),
            C.STATE: state_text(record.void_reason),
        }[C(column)]

    def foreground(self, record: DutyListInfo, column: HeadedColumn) -> QColor | None:
        return VOID_COLOUR if record.is_void else None


class DutyRecordTableModel(RecordTableModel[DutyRecordInfo]):
    class Column(HeadedColumn):
        DATE = 0, "日期"
        KIND = 1, "类别"
        TITLE = 2, "主题"
        LEADER = 3, "带队/主持人"
        AMOUNT = 4, "金额（元）"
        LINKED = 5, "关联记录"
        STATE = 6, "状态"

    def display(self, record: DutyRecordInfo, column: HeadedColumn) -> str:
        C = self.Column
        return {
            C.DATE: record.held_on.isoformat(),
            C.KIND: record.kind.label,
            C.TITLE: record.title,
            C.LEADER: record.leader_name,
            C.AMOUNT: format_yuan(record.amount_fen) if record.amount_fen is not None else "",
            C.LINKED: record.check_record_text or record.drill_ref,
            C.STATE: state_text(record.void_reason),
        }[C(column)]

    def foreground(self, record: DutyRecordInfo, column: HeadedColumn) -> QColor | None:
        return VOID_COLOUR if record.is_void else None


class TrainingSessionTableModel(RecordTableModel[SessionInfo]):
    class Column(HeadedColumn):
        DATE = 0, "培训日期"
        COURSE = 1, "课程"
        KIND = 2, "类别"
        HOURS = 3, "学时"
        TRAINER = 4, "授课人"
        ATTENDEES = 5, "参训人数"
        PASSED = 6, "合格人数"
        STATE = 7, "状态"

    def display(self, record: SessionInfo, column: HeadedColumn) -> str:
        C = self.Column
        return {
            C.DATE: record.held_on.isoformat(),
            C.COURSE: record.course_name,
            C.KIND: record.course_kind.label if record.course_kind else "",
            C.HOURS: str(record.hours),
            C.TRAINER: record.trainer,
            C.ATTENDEES: str(len(record.attendees)),
            C.PASSED: str(record.passed_count),
            C.STATE: state_text(record.void_reason),
        }[C(column)]

    def sort_key(self, record: SessionInfo, column: HeadedColumn) -> str | int:
        if column in (self.Column.HOURS, self.Column.ATTENDEES, self.Column.PASSED):
            return int(self.display(record, column))
        return self.display(record, column)

    def foreground(self, record: SessionInfo, column: HeadedColumn) -> QColor | None:
        return VOID_COLOUR if record.is_void else None
