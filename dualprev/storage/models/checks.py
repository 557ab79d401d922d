"""隐患排查: check items, plans, tasks, records and their results."""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from dualprev.domain.checks import CheckFrequency, CheckResult, CheckTaskStatus, CheckType
from dualprev.domain.risk import (
    ControlTier,
)
from dualprev.storage.models.columns import enum_field, foreign_key, utcnow


class CheckItem(SQLModel, table=True):
    """排查项: usually generated from a control measure, or a free item."""

    __tablename__ = "check_item"

    id: int | None = Field(default=None, primary_key=True)
    risk_point_id: int | None = foreign_key("risk_point.id", ondelete="CASCADE")
    hazard_id: int | None = foreign_key("hazard.id", ondelete="CASCADE")
    control_measure_id: int | None = foreign_key("control_measure.id")
    content: str  # 排查内容
    standard: str = ""  # 排查标准/依据
    method: str = Field(default="", max_length=100)  # 排查方法
    check_type: CheckType | None = enum_field(CheckType, nullable=True)
    control_tier: ControlTier | None = enum_field(ControlTier, nullable=True)
    frequency: CheckFrequency | None = enum_field(CheckFrequency, nullable=True)
    is_custom: bool = False
    is_active: bool = True
    sort_order: int = 0


class CheckPlan(SQLModel, table=True):
    """排查计划: who checks which items, how often."""

    __tablename__ = "check_plan"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    check_type: CheckType = enum_field(CheckType)
    control_tier: ControlTier | None = enum_field(ControlTier, nullable=True)
    frequency: CheckFrequency = enum_field(CheckFrequency)
    department_id: int | None = foreign_key("department.id", ondelete="RESTRICT")
    area_id: int | None = foreign_key("area.id")
    assignee_id: int | None = foreign_key("person.id")
    start_on: date
    end_on: date | None = None
    is_active: bool = True
    note: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class CheckPlanItem(SQLModel, table=True):
    __tablename__ = "check_plan_item"

    plan_id: int = Field(
        sa_column=Column(Integer, ForeignKey("check_plan.id", ondelete="CASCADE"), primary_key=True)
    )
    check_item_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("check_item.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )


class CheckRecord(SQLModel, table=True):
    """排查记录: one check carried out (planned or not)."""

    __tablename__ = "check_record"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int | None = foreign_key("check_plan.id")
    check_type: CheckType = enum_field(CheckType)
    checked_on: date = Field(index=True)
    checker_names: str = Field(default="", max_length=200)
    department_id: int | None = foreign_key("department.id", ondelete="RESTRICT")
    area_id: int | None = foreign_key("area.id")
    summary: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class CheckTask(SQLModel, table=True):
    """排查任务: one due occurrence of a plan."""

    __tablename__ = "check_task"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = foreign_key("check_plan.id", ondelete="CASCADE", nullable=False)
    due_on: date = Field(index=True)
    assignee_id: int | None = foreign_key("person.id")
    status: CheckTaskStatus = enum_field(CheckTaskStatus, default=CheckTaskStatus.DUE)
    record_id: int | None = foreign_key("check_record.id")


class CheckRecordResult(SQLModel, table=True):
    """One item's result in a check record; the item's text is kept as it was checked."""

    __tablename__ = "check_record_result"

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = foreign_key("check_record.id", ondelete="CASCADE", nullable=False)
    check_item_id: int | None = foreign_key("check_item.id")
    item_text: str
    standard_text: str = ""
    result: CheckResult = enum_field(CheckResult)
    remark: str = ""
    hidden_danger_id: int | None = foreign_key("hidden_danger.id")
