"""SQLModel tables: the whole product's data model (issue 2), so later work adds behaviour, not churn.

Conventions: singular snake_case table names; enums stored by value (``EnumValue``); timestamps in
UTC; calendar dates as ``date``; money as integer fen; exact decimals (factor values, scores) as
text. Images are files beside the database (``FileStore``); tables keep only their hashed names.
No ``from __future__ import annotations`` here: SQLModel needs real annotations.
"""

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from dualprev.domain.checks import CheckFrequency, CheckResult, CheckTaskStatus, CheckType
from dualprev.domain.hidden_danger import (
    HiddenDangerCategory,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    OwnerTier,
    PhotoStage,
)
from dualprev.domain.organisation import DepartmentKind
from dualprev.domain.risk import (
    ControlMeasureCategory,
    ControlTier,
    EvaluationMethod,
    RiskLevel,
    RiskPointKind,
    RiskStage,
)
from dualprev.domain.risk_map import ZoneShape
from dualprev.storage.types import EnumValue, IntEnumValue


def utcnow() -> datetime:
    return datetime.now(UTC)


def _enum(enum_cls: Any, *, nullable: bool = False, default: Any = ..., index: bool = False) -> Any:
    if default is ...:
        default = None if nullable else ...
    return Field(default=default, sa_type=EnumValue(enum_cls), nullable=nullable, index=index)


def _level(*, nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_type=IntEnumValue(RiskLevel), nullable=nullable, index=index)


def _fk(
    target: str,
    *,
    ondelete: str = "SET NULL",
    nullable: bool = True,
    index: bool = True,
    cycle_name: str = "",
) -> Any:
    """A foreign key column; SET NULL for optional references, CASCADE for owned children.

    ``cycle_name`` names a key that closes a reference cycle (post ↔ person) so the metadata can
    still be sorted.
    """
    key = ForeignKey(target, ondelete=ondelete, use_alter=bool(cycle_name), name=cycle_name or None)
    return Field(default=None, sa_column=Column(Integer, key, nullable=nullable, index=index))


# --- enterprise and settings -------------------------------------------------------------------


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
    method: EvaluationMethod = _enum(EvaluationMethod)
    version: int = 1
    is_builtin: bool = False
    definition: str = Field(default="{}")  # JSON: factors and bands
    created_at: datetime = Field(default_factory=utcnow)


# --- organisation ------------------------------------------------------------------------------


class Department(SQLModel, table=True):
    """部门、车间 (a tree); a 班组 is a department of kind TEAM under another."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    kind: DepartmentKind = _enum(DepartmentKind, default=DepartmentKind.DEPARTMENT)
    parent_id: int | None = _fk("department.id", ondelete="RESTRICT")
    sort_order: int = 0
    note: str = ""


class Person(SQLModel, table=True):
    """人员."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=50, index=True)
    department_id: int | None = _fk("department.id", ondelete="RESTRICT")
    post_id: int | None = _fk("post.id")
    phone: str = Field(default="", max_length=30)
    role: str = Field(default="", max_length=50)  # 职务, e.g. 安全员、车间主任
    is_active: bool = True
    note: str = ""


class Area(SQLModel, table=True):
    """区域: a place on the floor plan."""

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(default="", max_length=32)
    name: str = Field(max_length=100)
    department_id: int | None = _fk("department.id", ondelete="RESTRICT")
    description: str = ""
    sort_order: int = 0


class Post(SQLModel, table=True):
    """岗位; post risk cards are per post."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    department_id: int | None = _fk("department.id", ondelete="RESTRICT")
    area_id: int | None = _fk("area.id")
    work_content: str = ""  # 工作内容
    workplace: str = Field(default="", max_length=200)  # 工作场所
    headcount: int | None = None
    responsible_person_id: int | None = _fk("person.id", cycle_name="fk_post_responsible_person_id")
    sort_order: int = 0
    note: str = ""


class PostRiskPoint(SQLModel, table=True):
    """Which risk points a post faces."""

    __tablename__ = "post_risk_point"

    post_id: int = Field(
        sa_column=Column(Integer, ForeignKey("post.id", ondelete="CASCADE"), primary_key=True)
    )
    risk_point_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("risk_point.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )


# --- risk inventory ----------------------------------------------------------------------------


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
    kind: RiskPointKind = _enum(RiskPointKind)
    area_id: int | None = _fk("area.id")
    location: str = Field(default="", max_length=200)  # 区域位置 as printed
    department_id: int | None = _fk("department.id", ondelete="RESTRICT")  # 责任单位
    responsible_person_id: int | None = _fk("person.id")
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
    risk_point_id: int = _fk("risk_point.id", ondelete="CASCADE", nullable=False)
    seq: int = 0
    step_or_item: str = Field(default="", max_length=200)  # 作业步骤 / 检查项目
    standard: str = ""  # SCL 标准
    description: str  # 危险源或潜在事件 / 危险有害因素
    factor_category: str = Field(default="", max_length=8)  # GB/T 13861 code, e.g. "21"
    consequence: str = ""  # 可能后果 / 不符合标准情况及后果
    control_tier: ControlTier | None = _enum(ControlTier, nullable=True)
    responsible_department_id: int | None = _fk("department.id", ondelete="RESTRICT")
    responsible_person_id: int | None = _fk("person.id")
    suggested_measures: str = ""  # 建议新增(改进)措施
    note: str = ""
    inherent_level: RiskLevel | None = _level(index=True)
    current_level: RiskLevel | None = _level(index=True)
    current_score: str = Field(default="", max_length=20)
    current_method: EvaluationMethod | None = _enum(EvaluationMethod, nullable=True)
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
    hazard_id: int = _fk("hazard.id", ondelete="CASCADE", nullable=False, index=False)
    stage: RiskStage = _enum(RiskStage, default=RiskStage.CURRENT)
    method: EvaluationMethod = _enum(EvaluationMethod)
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
    assessor_id: int | None = _fk("person.id")
    evaluated_on: date
    note: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class ControlMeasure(SQLModel, table=True):
    """管控措施 of a hazard: existing (现有) or planned (建议新增)."""

    __tablename__ = "control_measure"

    id: int | None = Field(default=None, primary_key=True)
    hazard_id: int = _fk("hazard.id", ondelete="CASCADE", nullable=False)
    category: ControlMeasureCategory = _enum(ControlMeasureCategory)
    content: str
    is_existing: bool = True
    control_tier: ControlTier | None = _enum(ControlTier, nullable=True)
    responsible_department_id: int | None = _fk("department.id", ondelete="RESTRICT")
    responsible_person_id: int | None = _fk("person.id")
    sort_order: int = 0


# --- hidden-danger checks ----------------------------------------------------------------------


class CheckItem(SQLModel, table=True):
    """排查项: usually generated from a control measure, or a free item."""

    __tablename__ = "check_item"

    id: int | None = Field(default=None, primary_key=True)
    risk_point_id: int | None = _fk("risk_point.id", ondelete="CASCADE")
    hazard_id: int | None = _fk("hazard.id", ondelete="CASCADE")
    control_measure_id: int | None = _fk("control_measure.id")
    content: str  # 排查内容
    standard: str = ""  # 排查标准/依据
    method: str = Field(default="", max_length=100)  # 排查方法
    check_type: CheckType | None = _enum(CheckType, nullable=True)
    control_tier: ControlTier | None = _enum(ControlTier, nullable=True)
    frequency: CheckFrequency | None = _enum(CheckFrequency, nullable=True)
    is_custom: bool = False
    is_active: bool = True
    sort_order: int = 0


class CheckPlan(SQLModel, table=True):
    """排查计划: who checks which items, how often."""

    __tablename__ = "check_plan"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    check_type: CheckType = _enum(CheckType)
    control_tier: ControlTier | None = _enum(ControlTier, nullable=True)
    frequency: CheckFrequency = _enum(CheckFrequency)
    department_id: int | None = _fk("department.id", ondelete="RESTRICT")
    area_id: int | None = _fk("area.id")
    assignee_id: int | None = _fk("person.id")
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
    plan_id: int | None = _fk("check_plan.id")
    check_type: CheckType = _enum(CheckType)
    checked_on: date = Field(index=True)
    checker_names: str = Field(default="", max_length=200)
    department_id: int | None = _fk("department.id", ondelete="RESTRICT")
    area_id: int | None = _fk("area.id")
    summary: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class CheckTask(SQLModel, table=True):
    """排查任务: one due occurrence of a plan."""

    __tablename__ = "check_task"

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = _fk("check_plan.id", ondelete="CASCADE", nullable=False)
    due_on: date = Field(index=True)
    assignee_id: int | None = _fk("person.id")
    status: CheckTaskStatus = _enum(CheckTaskStatus, default=CheckTaskStatus.DUE)
    record_id: int | None = _fk("check_record.id")


class CheckRecordResult(SQLModel, table=True):
    """One item's result in a check record; the item's text is kept as it was checked."""

    __tablename__ = "check_record_result"

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = _fk("check_record.id", ondelete="CASCADE", nullable=False)
    check_item_id: int | None = _fk("check_item.id")
    item_text: str
    standard_text: str = ""
    result: CheckResult = _enum(CheckResult)
    remark: str = ""
    hidden_danger_id: int | None = _fk("hidden_danger.id")


# --- hidden dangers ----------------------------------------------------------------------------


class HiddenDanger(SQLModel, table=True):
    """隐患: one row of the 隐患排查治理台账. Never deleted; a mistaken record is voided."""

    __tablename__ = "hidden_danger"

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=32, unique=True)  # 隐患编号 YH-2026-0001
    found_on: date = Field(index=True)  # 排查日期
    check_type: CheckType | None = _enum(CheckType, nullable=True)
    finder_names: str = Field(default="", max_length=200)  # 排查人
    source: HiddenDangerSource = _enum(HiddenDangerSource, default=HiddenDangerSource.SELF_FOUND)
    source_detail: str = Field(default="", max_length=200)  # e.g. which township inspection
    check_record_id: int | None = _fk("check_record.id")
    area_id: int | None = _fk("area.id")
    risk_point_id: int | None = _fk("risk_point.id")
    location: str = Field(default="", max_length=200)  # 部位
    description: str  # 隐患描述
    category: HiddenDangerCategory = _enum(HiddenDangerCategory, default=HiddenDangerCategory.SITE)
    level: HiddenDangerLevel = _enum(HiddenDangerLevel, default=HiddenDangerLevel.GENERAL, index=True)
    owner_tier: OwnerTier | None = _enum(OwnerTier, nullable=True)
    basis: str = ""  # 判定依据
    rectification_measures: str = ""  # 整改措施
    responsible_department_id: int | None = _fk("department.id", ondelete="RESTRICT")
    rectifier_id: int | None = _fk("person.id")  # 整改责任人
    deadline: date | None = Field(default=None, index=True)  # 整改期限
    funds_fen: int | None = None  # 整改资金, integer fen
    interim_measures: str = ""  # 临时管控措施
    is_immediate: bool = False  # 立即整改
    completed_on: date | None = None  # 整改完成日期
    acceptor_id: int | None = _fk("person.id")  # 验收人, never the rectifier
    accepted_on: date | None = None
    acceptance_conclusion: str = ""
    status: HiddenDangerStatus = _enum(HiddenDangerStatus, default=HiddenDangerStatus.PENDING, index=True)
    void_reason: str = ""
    reported_to: str = Field(default="", max_length=200)  # 重大隐患: authority reported to
    reported_on: date | None = None
    note: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


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
    hidden_danger_id: int = _fk("hidden_danger.id", ondelete="CASCADE", nullable=False)
    at: datetime = Field(default_factory=utcnow)
    actor: str = Field(default="", max_length=50)
    action: str = Field(max_length=50)
    from_status: HiddenDangerStatus | None = _enum(HiddenDangerStatus, nullable=True)
    to_status: HiddenDangerStatus | None = _enum(HiddenDangerStatus, nullable=True)
    remark: str = ""


class Photo(SQLModel, table=True):
    """A photo file beside the database (content-hashed name) attached to a hidden danger or check."""

    id: int | None = Field(default=None, primary_key=True)
    file_name: str = Field(max_length=100)
    thumb_name: str = Field(default="", max_length=100)
    width: int = 0
    height: int = 0
    original_name: str = Field(default="", max_length=260)
    stage: PhotoStage = _enum(PhotoStage)
    hidden_danger_id: int | None = _fk("hidden_danger.id", ondelete="CASCADE")
    check_result_id: int | None = _fk("check_record_result.id", ondelete="CASCADE")
    taken_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


# --- risk map ----------------------------------------------------------------------------------


class FloorPlan(SQLModel, table=True):
    """A floor-plan image (file beside the database); several per enterprise."""

    __tablename__ = "floor_plan"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    file_name: str = Field(max_length=100)
    width: int
    height: int
    sort_order: int = 0
    note: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class MapZone(SQLModel, table=True):
    """A zone drawn on a floor plan: an area, or linked to risk points. Points in plan pixels (JSON)."""

    __tablename__ = "map_zone"

    id: int | None = Field(default=None, primary_key=True)
    floor_plan_id: int = _fk("floor_plan.id", ondelete="CASCADE", nullable=False)
    name: str = Field(max_length=100)
    area_id: int | None = _fk("area.id")
    shape: ZoneShape = _enum(ZoneShape, default=ZoneShape.RECT)
    points: str = "[]"  # JSON [[x, y], ...]
    label_x: float | None = None
    label_y: float | None = None
    show_counts: bool = False
    sort_order: int = 0


class MapZoneRiskPoint(SQLModel, table=True):
    __tablename__ = "map_zone_risk_point"

    zone_id: int = Field(
        sa_column=Column(Integer, ForeignKey("map_zone.id", ondelete="CASCADE"), primary_key=True)
    )
    risk_point_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("risk_point.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )


# --- post risk cards ---------------------------------------------------------------------------


class PostCardOverride(SQLModel, table=True):
    """A user's text replacing one computed field of a post's card; survives regeneration."""

    __tablename__ = "post_card_override"
    __table_args__ = (UniqueConstraint("post_id", "field_key"),)

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = _fk("post.id", ondelete="CASCADE", nullable=False)
    field_key: str = Field(max_length=50)
    text: str = ""
    updated_at: datetime = Field(default_factory=utcnow)


class PostCardPrint(SQLModel, table=True):
    """A printed card kept as a snapshot, to tell when the wall shows an outdated card."""

    __tablename__ = "post_card_print"

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = _fk("post.id", ondelete="CASCADE", nullable=False)
    revision: int
    printed_at: datetime = Field(default_factory=utcnow)
    content_hash: str = Field(max_length=64)
    snapshot: str = "{}"  # JSON of the printed content
    page_size: str = Field(default="A4", max_length=8)


# --- exports and audit -------------------------------------------------------------------------


class ExportProfile(SQLModel, table=True):
    """A saved column choice for an export (e.g. what one township wants in its ledger)."""

    __tablename__ = "export_profile"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    report: str = Field(max_length=50)
    columns: str = "[]"  # JSON [{"key": ..., "heading": ...}, ...] in order
    created_at: datetime = Field(default_factory=utcnow)


class AuditLog(SQLModel, table=True):
    """Who changed what, when."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(default="", max_length=50)
    action: str = Field(max_length=30)  # create / update / delete / void / regrade / import …
    entity: str = Field(max_length=50)
    entity_id: int | None = None
    summary: str = ""
    changes: str = ""  # JSON {field: [old, new]}
