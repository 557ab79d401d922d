"""The enterprise profile (一企一档), enterprise-wide settings and grading schemes."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from dualprev.domain.risk import (
    EvaluationMethod,
)
from dualprev.storage.models.columns import enum_field, utcnow


class Enterprise(SQLModel, table=True):
    """企业档案 (一企一档). One row per database."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    uscc: str = Field(default="", max_length=18)  # 统一社会信用代码
    industry: str = Field(default="", max_length=100)
    address: str = Field(default="", max_length=300)
    principal_name: str = Field(default="", max_length=50)  # 主要负责人
    principal_phone: str = Field(default="", max_length=30)
    safety_manager_name: str = Field(default="", max_length=50)  # 安全管理人员
    safety_manager_phone: str = Field(default="", max_length=30)
    phone: str = Field(default="", max_length=30)
    duty_phone: str = Field(default="", max_length=30)  # 应急值班电话
    employee_count: int | None = None
    code: str = Field(default="", max_length=32)  # short code used in card numbers and QR ids
    # 判定标准 scope (schema 5): comma-separated domain.major_standard Sector / SpecialCondition codes
    sectors: str = Field(default="", max_length=200)
    special_conditions: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class Setting(SQLModel, table=True):
    """Enterprise-wide settings as JSON values (chosen schemes, tier table, deadlines, QR template…)."""

    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(default="null")  # JSON


class GradingSchemeRecord(SQLModel, table=True):
    """A grading scheme (built-in preset or the enterprise's copy) as JSON; see domain.grading."""

    __tablename__ = "grading_scheme"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=100)
    method: EvaluationMethod = enum_field(EvaluationMethod)
    version: int = 1
    is_builtin: bool = False
    definition: str = Field(default="{}")  # JSON: factors and bands
    created_at: datetime = Field(default_factory=utcnow)
