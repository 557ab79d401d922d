"""特种作业与应急 page: table models of certificates, permits, confined spaces, plans and drills."""

from PySide6.QtGui import QColor

from dualprev.domain.certificates import CertificateStatus
from dualprev.domain.permits import PermitStatus
from dualprev.services.work_safety.certificates import CertificateRow
from dualprev.services.work_safety.drills import DrillRow, PlanRow
from dualprev.services.work_safety.permits import ConfinedSpaceRow, PermitRow
from dualprev.ui.models.record_table_model import HeadedColumn, RecordTableModel

VOID_COLOUR = QColor(128, 128, 128)
EXPIRED_COLOUR = QColor(192, 0, 0)
SOON_COLOUR = QColor(196, 89, 17)


def _day(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


class CertificateColumn(HeadedColumn):
    PERSON = 0, "姓名"
    DEPARTMENT = 1, "部门"
    KIND = 2, "作业类别"
    NUMBER = 3, "证书编号"
    ISSUER = 4, "发证机关"
    ISSUED = 5, "发证日期"
    EXPIRES = 6, "有效期至"
    REVIEW = 7, "应复审日期"
    STATUS = 8, "状态"
    NOTE = 9, "备注"


class CertificateTableModel(RecordTableModel[CertificateRow]):
    Column = CertificateColumn

    def display(self, record: CertificateRow, column: HeadedColumn) -> str:
        r = record
        values = {
            CertificateColumn.PERSON: r.person_name,
            CertificateColumn.DEPARTMENT: r.department,
            CertificateColumn.KIND: r.kind.label,
            CertificateColumn.NUMBER: r.number,
            CertificateColumn.ISSUER: r.issuer,
            CertificateColumn.ISSUED: _day(r.issued_on),
            CertificateColumn.EXPIRES: _day(r.expires_on),
            CertificateColumn.REVIEW: _day(r.review_due_on),
            CertificateColumn.STATUS: r.status.label,
            CertificateColumn.NOTE: f"作废原因：{r.void_reason}" if r.is_void else r.note,
        }
        return values.get(CertificateColumn(column), "")

    def foreground(self, record: CertificateRow, column: HeadedColumn) -> QColor | None:
        return {
            CertificateStatus.VOID: VOID_COLOUR,
            CertificateStatus.EXPIRED: EXPIRED_COLOUR,
            CertificateStatus.EXPIRING_SOON: SOON_COLOUR,
        }.get(record.status)


class PermitColumn(HeadedColumn):
    NUMBER = 0, "许可证编号"
    KIND = 1, "作业类别"
    DAY = 2, "作业日期"
    LOCATION = 3, "作业地点"
    CONTENT = 4, "作业内容"
    WORKER = 5, "作业人"
    ATTENDANT = 6, "监护人"
    APPROVER = 7, "批准人"
    STATUS = 8, "状态"


class PermitTableModel(RecordTableModel[PermitRow]):
    Column = PermitColumn

    def display(self, record: PermitRow, column: HeadedColumn) -> str:
        r = record
        values = {
            PermitColumn.NUMBER: r.number,
            PermitColumn.KIND: r.data.kind.label,
            PermitColumn.DAY: _day(r.data.work_on),
            PermitColumn.LOCATION: r.data.location,
            PermitColumn.CONTENT: r.data.content,
            PermitColumn.WORKER: r.worker_name,
            PermitColumn.ATTENDANT: r.attendant_name,
            PermitColumn.APPROVER: r.approver_name,
            PermitColumn.STATUS: r.status.label,
        }
        return values.get(PermitColumn(column), "")

    def foreground(self, record: PermitRow, column: HeadedColumn) -> QColor | None:
        return VOID_COLOUR if record.status in (PermitStatus.VOID, PermitStatus.CLOSED) else None


class SpaceColumn(HeadedColumn):
    NAME = 0, "有限空间名称"
    LOCATION = 1, "所在位置"
    HAZARDS = 2, "主要危险有害因素"
    SIGN = 3, "警示标识"
    NOTE = 4, "备注"


class ConfinedSpaceTableModel(RecordTableModel[ConfinedSpaceRow]):
    Column = SpaceColumn

    def display(self, record: ConfinedSpaceRow, column: HeadedColumn) -> str:
        d = record.data
        values = {
            SpaceColumn.NAME: d.name + ("（已作废）" if record.is_void else ""),
            SpaceColumn.LOCATION: d.location,
            SpaceColumn.HAZARDS: d.hazards,
            SpaceColumn.SIGN: "已设置" if d.sign_posted else "未设置",
            SpaceColumn.NOTE: f"作废原因：{record.void_reason}" if record.is_void else d.note,
        }
        return values.get(SpaceColumn(column), "")

    def foreground(self, record: ConfinedSpaceRow, column: HeadedColumn) -> QColor | None:
        if record.is_void:
            return VOID_COLOUR
        return EXPIRED_COLOUR if column == SpaceColumn.SIGN and not record.data.sign_posted else None


class PlanColumn(HeadedColumn):
    KIND = 0, "预案类别"
    NAME = 1, "预案名称"
    ISSUED = 2, "发布日期"
    NOTE = 3, "备注"


class PlanTableModel(RecordTableModel[PlanRow]):
    Column = PlanColumn

    def display(self, record: PlanRow, column: HeadedColumn) -> str:
        d = record.data
        values = {
            PlanColumn.KIND: d.kind.label,
            PlanColumn.NAME: d.name + ("（已作废）" if record.is_void else ""),
            PlanColumn.ISSUED: _day(d.issued_on),
            PlanColumn.NOTE: f"作废原因：{record.void_reason}" if record.is_void else d.note,
        }
        return values.get(PlanColumn(column), "")

    def foreground(self, record: PlanRow, column: HeadedColumn) -> QColor | None:
        return VOID_COLOUR if record.is_void else None


class DrillColumn(HeadedColumn):
    DAY = 0, "演练日期"
    PLAN = 1, "演练预案"
    FORM = 2, "形式"
    SCENARIO = 3, "演练情景"
    COUNT = 4, "参演人数"
    PHOTOS = 5, "照片"
    IMPROVEMENTS = 6, "改进措施"
    DANGER = 7, "登记隐患"


class DrillTableModel(RecordTableModel[DrillRow]):
    Column = DrillColumn

    def display(self, record: DrillRow, column: HeadedColumn) -> str:
        d = record.data
        values = {
            DrillColumn.DAY: _day(d.held_on) + ("（已作废）" if record.is_void else ""),
            DrillColumn.PLAN: record.plan_name,
            DrillColumn.FORM: d.form.label,
            DrillColumn.SCENARIO: d.scenario,
            DrillColumn.COUNT: str(d.participant_count or ""),
            DrillColumn.PHOTOS: str(len(record.photo_files) or ""),
            DrillColumn.IMPROVEMENTS: d.improvements,
            DrillColumn.DANGER: record.hidden_danger_number,
        }
        return values.get(DrillColumn(column), "")

    def foreground(self, record: DrillRow, column: HeadedColumn) -> QColor | None:
        return VOID_COLOUR if record.is_void else None
