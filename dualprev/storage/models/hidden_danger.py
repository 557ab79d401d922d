"""Hidden dangers (隐患) with their accident types, remediation plans, events and photos."""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import (
    HiddenDangerCategory,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    OwnerTier,
    PhotoStage,
)
from dualprev.storage.models.columns import enum_field, foreign_key, utcnow


class HiddenDanger(SQLModel, table=True):
    """隐患: one row of the 隐患排查治理台账. Never deleted; a mistaken record is voided."""

    __tablename__ = "hidden_danger"

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=32, unique=True)  # 隐患编号 YH-2026-0001
    found_on: date = Field(index=True)  # 排查日期
    check_type: CheckType | None = enum_field(CheckType, nullable=True)
    finder_names: str = Field(default="", max_length=200)  # 排查人
    source: HiddenDangerSource = enum_field(HiddenDangerSource, default=HiddenDangerSource.SELF_FOUND)
    source_detail: str = Field(default="", max_length=200)  # e.g. which township inspection
    check_record_id: int | None = foreign_key("check_record.id")
    area_id: int | None = foreign_key("area.id")
    risk_point_id: int | None = foreign_key("risk_point.id")
    location: str = Field(default="", max_length=200)  # 部位
    description: str  # 隐患描述
    category: HiddenDangerCategory = enum_field(HiddenDangerCategory, default=HiddenDangerCategory.SITE)
    level: HiddenDangerLevel = enum_field(HiddenDangerLevel, default=HiddenDangerLevel.GENERAL, index=True)
    owner_tier: OwnerTier | None = enum_field(OwnerTier, nullable=True)
    basis: str = ""  # 判定依据
    rectification_measures: str = ""  # 整改措施
    responsible_department_id: int | None = foreign_key("department.id", ondelete="RESTRICT")
    rectifier_id: int | None = foreign_key("person.id")  # 整改责任人
    deadline: date | None = Field(default=None, index=True)  # 整改期限
    funds_fen: int | None = None  # 整改资金, integer fen
    interim_measures: str = ""  # 临时管控措施
    is_immediate: bool = False  # 立即整改
    completed_on: date | None = None  # 整改完成日期
    acceptor_id: int | None = foreign_key("person.id")  # 验收人, never the rectifier
    accepted_on: date | None = None
    acceptance_conclusion: str = ""
    status: HiddenDangerStatus = enum_field(
        HiddenDangerStatus, default=HiddenDangerStatus.PENDING, index=True
    )
    void_reason: str = ""
    reported_to: str = Field(default="", max_length=200)  # 重大隐患: authority reported to
    reported_on: date | None = None
    note: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    # 重大隐患 (schema 5): 判定标准 item, 产生原因, how the report went, 挂牌督办, 职代会
    standard_item: str = Field(default="", max_length=16)  # e.g. "11-2", see domain.major_standard
    cause: str = ""  # 产生原因
    report_method: str = Field(default="", max_length=50)  # 报告方式
    report_document_number: str = Field(default="", max_length=100)  # 报告文号
    supervised_by: str = Field(default="", max_length=200)  # 挂牌督办单位
    supervised_on: date | None = None
    supervision_number: str = Field(default="", max_length=100)  # 督办编号
    closure_applied_on: date | None = None  # 销号申请
    closure_approved_on: date | None = None  # 批准销号
    congress_reported_on: date | None = None  # 向职工代表大会/职工大会报告


class HiddenDangerAccidentType(SQLModel, table=True):
    __tablename__ = "hidden_danger_accident_type"

    hidden_danger_id: int = Field(
        sa_column=Column(Integer, ForeignKey("hidden_danger.id", ondelete="CASCADE"), primary_key=True)
    )
    accident_type_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("accident_type.id", ondelete="RESTRICT"), primary_key=True, index=True
        )
    )


class RemediationPlan(SQLModel, table=True):
    """治理方案 of a 重大隐患 (五到位), with the evaluation after rectification (治理后评估)."""

    __tablename__ = "remediation_plan"

    id: int | None = Field(default=None, primary_key=True)
    hidden_danger_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("hidden_danger.id", ondelete="CASCADE"), nullable=False, unique=True
        )
    )
    goal_and_tasks: str = ""
    methods_and_measures: str = ""
    funds_and_materials: str = ""
    organisation_and_people: str = ""
    timeline_and_requirements: str = ""
    safety_and_emergency: str = ""
    post_evaluation: str = ""
    post_evaluated_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class HiddenDangerEvent(SQLModel, table=True):
    """One step in a hidden danger's timeline (who, when, from, to, remark)."""

    __tablename__ = "hidden_danger_event"

    id: int | None = Field(default=None, primary_key=True)
    hidden_danger_id: int = foreign_key("hidden_danger.id", ondelete="CASCADE", nullable=False)
    at: datetime = Field(default_factory=utcnow)
    actor: str = Field(default="", max_length=50)  # the operator who entered it (audit)
    # The person who did the step (经办人), chosen in its dialog; the operator unless someone else.
    performed_by: str = Field(default="", max_length=50, sa_column_kwargs={"server_default": ""})
    action: str = Field(max_length=50)
    from_status: HiddenDangerStatus | None = enum_field(HiddenDangerStatus, nullable=True)
    to_status: HiddenDangerStatus | None = enum_field(HiddenDangerStatus, nullable=True)
    remark: str = ""


class Photo(SQLModel, table=True):
    """A photo file beside the database (content-hashed name) attached to a hidden danger or check."""

    id: int | None = Field(default=None, primary_key=True)
    file_name: str = Field(max_length=100)
    thumb_name: str = Field(default="", max_length=100)
    width: int = 0
    height: int = 0
    original_name: str = Field(default="", max_length=260)
    stage: PhotoStage = enum_field(PhotoStage)
    hidden_danger_id: int | None = foreign_key("hidden_danger.id", ondelete="CASCADE")
    check_result_id: int | None = foreign_key("check_record_result.id", ondelete="CASCADE")
    taken_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)
