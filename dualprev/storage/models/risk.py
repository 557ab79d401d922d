"""The risk inventory: accident types, risk points, hazards, their evaluations and control measures."""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from dualprev.domain.risk import (
    ControlMeasureCategory,
    ControlTier,
    EvaluationMethod,
    RiskLevel,
    RiskPointKind,
    RiskStage,
)
from dualprev.storage.models.columns import enum_field, foreign_key, level_field, utcnow
from dualprev.storage.types import IntEnumValue


class AccidentTypeRecord(SQLModel, table=True):
    """事故类型 of a vocabulary (GB 6441-1986 by default)."""

    __tablename__ = "accident_type"
    __table_args__ = (UniqueConstraint("vocabulary", "code"),)

    id: int | None = Field(default=None, primary_key=True)
    vocabulary: str = Field(max_length=32)
    code: str = Field(max_length=16)
    name: str = Field(max_length=50)
    mining_only: bool = False
    sort_order: int = 0


class RiskPoint(SQLModel, table=True):
    """风险点: equipment, activity or place."""

    __tablename__ = "risk_point"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(default="", max_length=32, index=True)
    name: str = Field(max_length=200, index=True)
    kind: RiskPointKind = enum_field(RiskPointKind)
    area_id: int | None = foreign_key("area.id")
    location: str = Field(default="", max_length=200)  # 区域位置 as printed
    department_id: int | None = foreign_key("department.id", ondelete="RESTRICT")  # 责任单位
    responsible_person_id: int | None = foreign_key("person.id")
    asset_no: str = Field(default="", max_length=64)  # 编号/位号
    model_spec: str = Field(default="", max_length=100)  # 规格型号
    activity_content: str = ""  # 作业活动内容
    activity_frequency: str = Field(default="", max_length=50)  # 活动频率
    library_key: str = Field(default="", max_length=64)  # built-in library entry it was copied from
    sort_order: int = 0
    note: str = ""
    # The JHA/SCL record's sign-off (审核人/日期, 审定人/日期); the analyst is the evaluations' assessor.
    # Server defaults fill rows that existed before schema version 3.
    reviewer_name: str = Field(default="", max_length=50, sa_column_kwargs={"server_default": ""})
    reviewed_on: date | None = None
    approver_name: str = Field(default="", max_length=50, sa_column_kwargs={"server_default": ""})
    approved_on: date | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Hazard(SQLModel, table=True):
    """危险源: one JHA step or SCL item of a risk point with its 危险有害因素.

    ``inherent_level``/``current_level`` cache the latest evaluation of each stage so lists of tens of
    thousands of hazards filter and sort in SQL; the evaluation rows stay the record.
    """

    id: int | None = Field(default=None, primary_key=True)
    risk_point_id: int = foreign_key("risk_point.id", ondelete="CASCADE", nullable=False)
    seq: int = 0
    step_or_item: str = Field(default="", max_length=200)  # 作业步骤 / 检查项目
    standard: str = ""  # SCL 标准
    description: str  # 危险源或潜在事件 / 危险有害因素
    factor_category: str = Field(default="", max_length=8)  # GB/T 13861 code, e.g. "21"
    consequence: str = ""  # 可能后果 / 不符合标准情况及后果
    control_tier: ControlTier | None = enum_field(ControlTier, nullable=True)
    responsible_department_id: int | None = foreign_key("department.id", ondelete="RESTRICT")
    responsible_person_id: int | None = foreign_key("person.id")
    suggested_measures: str = ""  # 建议新增(改进)措施
    note: str = ""
    inherent_level: RiskLevel | None = level_field(index=True)
    current_level: RiskLevel | None = level_field(index=True)
    current_score: str = Field(default="", max_length=20)
    current_method: EvaluationMethod | None = enum_field(EvaluationMethod, nullable=True)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class HazardAccidentType(SQLModel, table=True):
    __tablename__ = "hazard_accident_type"

    hazard_id: int = Field(
        sa_column=Column(Integer, ForeignKey("hazard.id", ondelete="CASCADE"), primary_key=True)
    )
    accident_type_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("accident_type.id", ondelete="RESTRICT"), primary_key=True, index=True
        )
    )


class Evaluation(SQLModel, table=True):
    """风险评价 of one hazard at one stage; never updated, a re-evaluation adds a row (history)."""

    __table_args__ = (Index("ix_evaluation_hazard_stage", "hazard_id", "stage", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    hazard_id: int = foreign_key("hazard.id", ondelete="CASCADE", nullable=False, index=False)
    stage: RiskStage = enum_field(RiskStage, default=RiskStage.CURRENT)
    method: EvaluationMethod = enum_field(EvaluationMethod)
    scheme_code: str = Field(default="", max_length=40)
    l_value: str | None = Field(default=None, max_length=10)
    e_value: str | None = Field(default=None, max_length=10)
    c_value: str | None = Field(default=None, max_length=10)
    s_value: str | None = Field(default=None, max_length=10)
    score: str | None = Field(default=None, max_length=20)  # exact decimal text
    band: int | None = None
    band_label: str = Field(default="", max_length=50)
    level: RiskLevel = Field(sa_type=IntEnumValue(RiskLevel))
    direct_reasons: str = ""  # JSON list of ticked direct-judgement item keys and texts
    assessor_name: str = Field(default="", max_length=50)
    assessor_id: int | None = foreign_key("person.id")
    evaluated_on: date
    note: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class ControlMeasure(SQLModel, table=True):
    """管控措施 of a hazard: existing (现有) or planned (建议新增)."""

    __tablename__ = "control_measure"

    id: int | None = Field(default=None, primary_key=True)
    hazard_id: int = foreign_key("hazard.id", ondelete="CASCADE", nullable=False)
    category: ControlMeasureCategory = enum_field(ControlMeasureCategory)
    content: str
    is_existing: bool = True
    control_tier: ControlTier | None = enum_field(ControlTier, nullable=True)
    responsible_department_id: int | None = foreign_key("department.id", ondelete="RESTRICT")
    responsible_person_id: int | None = foreign_key("person.id")
    sort_order: int = 0
