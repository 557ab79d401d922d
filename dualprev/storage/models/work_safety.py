"""证书, 作业许可, 有限空间台账, 应急预案 and 应急演练 (issue 14). Nothing here is ever deleted: a
record entered by mistake is voided with a reason (``void_reason`` non-empty means void)."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from dualprev.domain.certificates import CertificateKind
from dualprev.domain.drills import DrillForm, EmergencyPlanKind
from dualprev.domain.permits import PermitKind, PermitStatus
from dualprev.storage.models.columns import enum_field, foreign_key, utcnow


class Certificate(SQLModel, table=True):
    """特种作业 / 特种设备作业人员证书 of one person."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = foreign_key("person.id", ondelete="RESTRICT", nullable=False)
    kind: CertificateKind = enum_field(CertificateKind)
    number: str = Field(max_length=64)  # 证书编号
    issuer: str = Field(default="", max_length=100)  # 发证机关
    issued_on: date  # 发证日期 / 初领日期
    expires_on: date = Field(index=True)  # 有效期至
    review_due_on: date | None = Field(default=None, index=True)  # 应复审日期
    note: str = ""
    is_void: bool = False
    void_reason: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class ConfinedSpace(SQLModel, table=True):
    """有限空间台账: one space, where it is, what it holds and whether its warning sign is up."""

    __tablename__ = "confined_space"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    location: str = Field(default="", max_length=200)
    area_id: int | None = foreign_key("area.id")
    hazards: str = ""  # 主要危险有害因素: 缺氧、硫化氢中毒、可燃气体爆炸…
    sign_posted: bool = False  # 警示标识 设置 / 未设置
    note: str = ""
    is_void: bool = False
    void_reason: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class WorkPermit(SQLModel, table=True):
    """作业许可 (动火 / 有限空间): 开具 → 批准 → 关闭, or 作废."""

    __tablename__ = "work_permit"

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=32, unique=True)  # DH-2026-001 / YX-2026-001
    kind: PermitKind = enum_field(PermitKind)
    status: PermitStatus = enum_field(PermitStatus, index=True)
    location: str = Field(default="", max_length=200)
    content: str = ""  # 作业内容
    confined_space_id: int | None = foreign_key("confined_space.id", ondelete="RESTRICT")
    worker_id: int | None = foreign_key("person.id", ondelete="RESTRICT")
    attendant_id: int | None = foreign_key("person.id", ondelete="RESTRICT")
    work_on: date = Field(index=True)  # 作业日期
    hours: str = Field(default="", max_length=50)  # 作业时段, e.g. 08:30–11:30
    measures: str = ""  # 安全措施
    issuer_name: str = Field(default="", max_length=50)  # 开票人
    ventilated: bool = False
    o2_percent: str = Field(default="", max_length=10)  # decimals as text; "" = not measured
    lel_percent: str = Field(default="", max_length=10)
    h2s_mg_m3: str = Field(default="", max_length=10)
    co_mg_m3: str = Field(default="", max_length=10)
    tester_name: str = Field(default="", max_length=50)  # 检测人
    approver_name: str = Field(default="", max_length=50)
    approved_on: date | None = None
    closed_on: date | None = None
    close_note: str = ""
    void_reason: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class EmergencyPlan(SQLModel, table=True):
    """应急预案 (综合 / 专项 / 现场处置方案)."""

    __tablename__ = "emergency_plan"

    id: int | None = Field(default=None, primary_key=True)
    kind: EmergencyPlanKind = enum_field(EmergencyPlanKind)
    name: str = Field(max_length=100)
    issued_on: date | None = None  # 发布日期
    note: str = ""
    is_void: bool = False
    void_reason: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class Drill(SQLModel, table=True):
    """应急演练 record: when, which plan, the scenario, who took part, the evaluation and the
    improvements; an improvement may have been registered as a hidden danger."""

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int | None = foreign_key("emergency_plan.id", ondelete="RESTRICT")
    held_on: date = Field(index=True)
    form: DrillForm = enum_field(DrillForm, default=DrillForm.LIVE)
    scenario: str = ""
    location: str = Field(default="", max_length=200)
    organiser: str = Field(default="", max_length=50)  # 组织人 / 总指挥
    participants: str = ""  # 参演人员
    participant_count: int = 0
    evaluation: str = ""  # 演练评估
    improvements: str = ""  # 改进措施
    hidden_danger_id: int | None = foreign_key("hidden_danger.id", ondelete="SET NULL")
    void_reason: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class DrillPhoto(SQLModel, table=True):
    """A photo of a drill (a content-hashed file beside the database, as hidden-danger photos)."""

    __tablename__ = "drill_photo"

    id: int | None = Field(default=None, primary_key=True)
    drill_id: int = foreign_key("drill.id", ondelete="CASCADE", nullable=False)
    file_name: str = Field(max_length=100)
    thumb_name: str = Field(default="", max_length=100)
    width: int = 0
    height: int = 0
    original_name: str = Field(default="", max_length=260)
    created_at: datetime = Field(default_factory=utcnow)
