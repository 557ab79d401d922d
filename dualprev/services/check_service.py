"""隐患排查: the half of 双重预防 that verifies the other. Each existing control measure of the risk
inventory becomes a check item (排查清单); plans say who checks which items how often and produce
due tasks; a recorded check ticks every item, and a failed item opens a hidden danger in the same
transaction, linked both ways (the ledger row names its check record, the result names its hidden
danger). Also the checklist and record printouts and the figures of 首页.

How often each control tier checks a risk of each level is an editable table (setting
``check_frequency_by_level_tier``; domain defaults in :mod:`dualprev.domain.checks`).
"""

import io
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import delete as sa_delete
from sqlmodel import Session, col, func, select

from dualprev.domain.checks import (
    CheckFrequency,
    CheckItemDraft,
    CheckPlanDraft,
    CheckResult,
    CheckTaskStatus,
    CheckType,
    FrequencyTable,
    MeasureFacts,
    at_least_as_often,
    is_task_overdue,
    item_from_measure,
    item_problem,
    plan_frequency_gaps,
    plan_problem,
    record_problem,
    record_summary,
    schedule,
    superseded,
)
from dualprev.domain.hidden_danger import (
    DEFAULT_DEADLINE_DAYS_GENERAL,
    DEFAULT_DEADLINE_DAYS_TEAM,
    HiddenDangerCategory,
    HiddenDangerDraft,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    OwnerTier,
    PhotoStage,
    draft_problem,
    immediate_problem,
    suggest_deadline,
)
from dualprev.domain.risk import ControlMeasureCategory, ControlTier, RiskLevel
from dualprev.errors import ConflictError, NotFoundError, ValidationError
from dualprev.reports.check_record import (
    CheckRecordSheet,
    RecordGroup,
    RecordLine,
    period_document,
    write_period_pdf,
    write_records_pdf,
)
from dualprev.reports.checklist_pdf import (
    CHECKLIST_TITLE,
    ChecklistGroup,
    ChecklistLine,
    ChecklistSheet,
    write_checklists_pdf,
)
from dualprev.reports.output import ExportFormat, ExportResult, write_atomically
from dualprev.reports.page import PageSetup, PaperSize
from dualprev.reports.tables import HeaderField
from dualprev.reports.xlsx_table import write_table_xlsx
from dualprev.services import hidden_danger_service, photo_service, scheme_service
from dualprev.services.photo_service import PhotoInfo, PreparedPhoto
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import (
    Area,
    CheckItem,
    CheckPlan,
    CheckPlanItem,
    CheckRecord,
    CheckRecordResult,
    CheckTask,
    ControlMeasure,
    Department,
    Enterprise,
    Hazard,
    HazardAccidentType,
    HiddenDanger,
    HiddenDangerEvent,
    Person,
    Photo,
    Post,
    PostCardPrint,
    PostRiskPoint,
    RiskPoint,
)
from dualprev.storage.repos import get_or_raise, names_by_id

FREQUENCY_SETTING = "check_frequency_by_level_tier"
GENERAL_ITEMS_TEXT = "通用检查项"
RECENT_ACTIVITY_LIMIT = 12
TREND_MONTHS = 6

__all__ = [
    "ExportFormat",
    "ExportResult",
    "export_checklist",
    "export_checks",
]


# --- records crossing the layer boundary ------------------------------------------------------------


@dataclass(frozen=True)
class CheckItemRow:
    """One 排查项 with where it belongs in the risk inventory and which plans check it."""

    id: int
    content: str
    standard: str
    method: str
    check_type: CheckType | None
    control_tier: ControlTier | None
    frequency: CheckFrequency | None
    is_custom: bool
    is_active: bool
    sort_order: int
    risk_point_id: int | None = None
    risk_point_code: str = ""
    risk_point_name: str = ""
    area_id: int | None = None
    area_name: str = ""
    location: str = ""
    level: RiskLevel | None = None
    hazard_id: int | None = None
    hazard_text: str = ""
    measure_id: int | None = None
    measure_category: ControlMeasureCategory | None = None
    post_ids: tuple[int, ...] = ()
    post_names: tuple[str, ...] = ()
    plan_ids: tuple[int, ...] = ()
    plan_names: tuple[str, ...] = ()

    @property
    def risk_point_text(self) -> str:
        return f"{self.risk_point_code} {self.risk_point_name}".strip()

    @property
    def source_text(self) -> str:
        """由管控措施生成 (with the category) or 自定义."""
        if self.is_custom:
            return "自定义"
        return f"管控措施·{self.measure_category.label}" if self.measure_category else "管控措施"

    def draft(self) -> CheckItemDraft:
        return CheckItemDraft(
            content=self.content,
            standard=self.standard,
            method=self.method,
            check_type=self.check_type,
            control_tier=self.control_tier,
            frequency=self.frequency,
            risk_point_id=self.risk_point_id,
            is_active=self.is_active,
        )


@dataclass(frozen=True)
class ItemGeneration:
    """What generating the checklist from the control measures did."""

    created: int
    already_covered: int
    planned_measures: int
    """建议新增 measures, not in place yet, so there is nothing to check."""


@dataclass(frozen=True)
class PlanRow:
    """A check plan as the plan list shows it."""

    id: int
    name: str
    check_type: CheckType
    frequency: CheckFrequency
    control_tier: ControlTier | None
    department_id: int | None
    department_name: str
    area_id: int | None
    area_name: str
    assignee_id: int | None
    assignee_name: str
    start_on: date
    end_on: date | None
    is_active: bool
    note: str
    item_count: int
    record_count: int
    next_due: date | None
    overdue_tasks: int
    last_checked_on: date | None
    frequency_gaps: int
    """Items the plan checks less often than the frequency table asks at its tier."""

    @property
    def place(self) -> str:
        return self.area_name or self.department_name


class TaskScope(StrEnum):
    OPEN = "open"
    TODAY = "today"
    OVERDUE = "overdue"
    UPCOMING = "upcoming"
    DONE = "done"
    MISSED = "missed"
    ALL = "all"

    @property
    def label(self) -> str:
        return {
            "open": "待排查（全部）",
            "today": "今日到期",
            "overdue": "逾期未查",
            "upcoming": "近期待查",
            "done": "已完成",
            "missed": "已错过",
            "all": "全部任务",
        }[self.value]


@dataclass(frozen=True)
class TaskRow:
    """One due occurrence of a plan: who checks which items by when."""

    id: int
    plan_id: int
    plan_name: str
    check_type: CheckType
    control_tier: ControlTier | None
    frequency: CheckFrequency
    due_on: date
    assignee_id: int | None
    assignee_name: str
    place: str
    status: CheckTaskStatus
    record_id: int | None
    checked_on: date | None
    item_count: int
    is_overdue: bool
    days_left: int

    @property
    def state_text(self) -> str:
        """待排查 · 今天到期 / 逾期 3 天 / 还剩 5 天, or the stored status."""
        if self.status is not CheckTaskStatus.DUE:
            return self.status.label
        if self.days_left < 0:
            return f"逾期 {-self.days_left} 天"
        if self.days_left == 0:
            return "今天到期"
        return f"还剩 {self.days_left} 天"


@dataclass(frozen=True)
class TaskCounts:
    due_today: int
    overdue: int
    upcoming: int


@dataclass(frozen=True)
class TaskGeneration:
    created: int
    missed: int


@dataclass(frozen=True)
class ChecklistItem:
    """An item as a check form shows it, with what a hidden danger found there is pre-filled from."""

    item_id: int | None
    content: str
    standard: str = ""
    method: str = ""
    risk_point_id: int | None = None
    risk_point_text: str = ""
    area_id: int | None = None
    area_name: str = ""
    location: str = ""
    level: RiskLevel | None = None
    control_tier: ControlTier | None = None
    measure_category: ControlMeasureCategory | None = None
    department_id: int | None = None
    person_id: int | None = None
    accident_type_ids: tuple[int, ...] = ()

    @property
    def place(self) -> str:
        return place_text(self.area_name, self.location)


@dataclass(frozen=True)
class Checklist:
    """The items of one plan or task (or a hand-picked set), with the plan's particulars."""

    title: str
    items: tuple[ChecklistItem, ...]
    plan_id: int | None = None
    task_id: int | None = None
    check_type: CheckType | None = None
    control_tier: ControlTier | None = None
    frequency: CheckFrequency | None = None
    department_id: int | None = None
    department_name: str = ""
    area_id: int | None = None
    area_name: str = ""
    assignee_name: str = ""
    due_on: date | None = None
    deadline_days_general: int = DEFAULT_DEADLINE_DAYS_GENERAL
    deadline_days_team: int = DEFAULT_DEADLINE_DAYS_TEAM

    @property
    def place(self) -> str:
        return self.area_name or self.department_name


@dataclass(frozen=True)
class ResultInput:
    """One item's result as recorded; a 不合格 item carries the hidden danger it opens."""

    item_text: str
    result: CheckResult
    check_item_id: int | None = None
    standard_text: str = ""
    remark: str = ""
    photos: tuple[PreparedPhoto, ...] = ()
    hidden_danger: HiddenDangerDraft | None = None
    immediate: bool = False
    """立即整改: the hidden danger was put right on the spot (一般隐患 only)."""


@dataclass(frozen=True)
class CheckInput:
    """A check as recorded: for a due task, under a plan without one, or unplanned."""

    checked_on: date
    checker_names: str
    results: tuple[ResultInput, ...]
    check_type: CheckType | None = None
    task_id: int | None = None
    plan_id: int | None = None
    department_id: int | None = None
    area_id: int | None = None
    summary: str = ""


@dataclass(frozen=True)
class ResultRow:
    id: int
    item_text: str
    standard_text: str
    result: CheckResult
    remark: str
    check_item_id: int | None
    risk_point_id: int | None
    risk_point_text: str
    place: str
    level: RiskLevel | None
    hidden_danger_id: int | None
    hidden_danger_number: str
    hidden_danger_status: HiddenDangerStatus | None
    photos: tuple[PhotoInfo, ...]


@dataclass(frozen=True)
class CheckRecordDetail:
    """A recorded check with every result and the hidden dangers it opened."""

    id: int
    checked_on: date
    check_type: CheckType
    checker_names: str
    plan_id: int | None
    plan_name: str
    task_id: int | None
    task_due_on: date | None
    department_name: str
    area_name: str
    summary: str
    created_at: datetime
    results: tuple[ResultRow, ...]

    @property
    def place(self) -> str:
        return self.area_name or self.department_name

    def count(self, result: CheckResult) -> int:
        return sum(1 for r in self.results if r.result is result)

    @property
    def danger_numbers(self) -> tuple[str, ...]:
        return tuple(r.hidden_danger_number for r in self.results if r.hidden_danger_number)


@dataclass(frozen=True)
class CheckRecordRow:
    """A check record as the record list shows it."""

    id: int
    checked_on: date
    check_type: CheckType
    plan_id: int | None
    plan_name: str
    place: str
    checker_names: str
    item_count: int
    passed: int
    failed: int
    not_applicable: int
    danger_numbers: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class MonthFigures:
    year: int
    month: int
    found: int
    closed: int

    @property
    def label(self) -> str:
        return f"{self.month}月"


class ActivityKind(StrEnum):
    CHECK_RECORD = "check_record"
    HIDDEN_DANGER = "hidden_danger"
    POST_CARD = "post_card"


@dataclass(frozen=True)
class Activity:
    """One thing that happened recently (a check, a step of a hidden danger, a card printed)."""

    at: datetime
    actor: str
    kind: ActivityKind
    target_id: int
    text: str


@dataclass(frozen=True)
class DashboardFigures:
    """首页's figures beyond the counts: 整改率 this month, checks due, recent activity, the trend."""

    month_start: date
    month_found: int
    month_closed: int
    month_rate: Decimal | None
    """整改率 in percent (one decimal) of the hidden dangers found this month; None when none were."""
    month_checks: int
    tasks: TaskCounts
    recent: tuple[Activity, ...]
    months: tuple[MonthFigures, ...]

    @property
    def month_rate_text(self) -> str:
        return f"{self.month_rate}%" if self.month_rate is not None else "—"


# --- small helpers ---------------------------------------------------------------------------------


def _raise(problem: tuple[str, str] | str | None) -> None:
    if problem is None:
        return
    if isinstance(problem, tuple):
        field, message = problem
        raise ValidationError(message, field or None)
    raise ValidationError(problem)


def place_text(area: str, location: str) -> str:
    """Area and location as one text, without repeating the area the location already names."""
    if not location or location == area:
        return area
    if not area or area in location:
        return location
    return f"{area} {location}"


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _point_levels(session: Session) -> dict[int, RiskLevel]:
    """The level of each evaluated risk point: the most severe current level of its hazards."""
    rows = session.exec(
        select(Hazard.risk_point_id, func.min(Hazard.current_level)).group_by(col(Hazard.risk_point_id))
    ).all()
    return {rp: RiskLevel(level) for rp, level in rows if level is not None}


def _department_subtree(session: Session, root: int) -> set[int]:
    """``root`` and every department below it."""
    parents = dict(session.exec(select(Department.id, Department.parent_id)).all())
    found = {root}
    changed = True
    while changed:
        changed = False
        for dept_id, parent_id in parents.items():
            if dept_id is not None and parent_id in found and dept_id not in found:
                found.add(dept_id)
                changed = True
    return found


def _enterprise_name(session: Session) -> str:
    row = session.exec(select(Enterprise).order_by(col(Enterprise.id))).first()
    return row.name if row else ""


# --- frequency table -------------------------------------------------------------------------------


def frequency_table_in(session: Session) -> FrequencyTable:
    return FrequencyTable.from_setting(scheme_service.read_setting(session, FREQUENCY_SETTING))


def frequency_table(db: Database) -> FrequencyTable:
    """How often each tier checks a risk of each level (the setting, domain defaults elsewhere)."""
    with db.read_session() as s:
        return frequency_table_in(s)


def save_frequency_table(db: Database, table: FrequencyTable, *, actor: str) -> FrequencyTable:
    """Store the table. Existing items and plans keep their frequencies; new ones follow the table."""
    with db.session() as s:
        old = FrequencyTable.from_setting(
            scheme_service.write_setting(s, FREQUENCY_SETTING, table.to_setting())
        )
        changes = {
            f"{level.short_label}/{tier.label}": [
                old.frequency(level, tier).label,
                table.frequency(level, tier).label,
            ]
            for level in RiskLevel
            for tier in ControlTier
            if old.frequency(level, tier) is not table.frequency(level, tier)
        }
        audit.record(
            s,
            actor=actor,
            action="update",
            entity="setting",
            entity_id=None,
            summary="修改排查频次表",
            changes=changes,
        )
    return table


# --- check items -----------------------------------------------------------------------------------


def _item_rows(session: Session, items: Sequence[CheckItem]) -> list[CheckItemRow]:
    points = {p.id: p for p in session.exec(select(RiskPoint)).all()}
    areas = names_by_id(session, Area)
    point_levels = _point_levels(session)
    hazard_ids = {i.hazard_id for i in items if i.hazard_id is not None}
    hazards = {
        h.id: h for h in session.exec(select(Hazard).where(col(Hazard.id).in_(hazard_ids))).all()
    } if hazard_ids else {}  # fmt: skip
    measure_ids = {i.control_measure_id for i in items if i.control_measure_id is not None}
    categories: dict[int | None, ControlMeasureCategory] = {
        m.id: m.category
        for m in session.exec(select(ControlMeasure).where(col(ControlMeasure.id).in_(measure_ids))).all()
    } if measure_ids else {}  # fmt: skip
    posts_by_point: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for rp_id, post_id, name in session.exec(
        select(PostRiskPoint.risk_point_id, Post.id, Post.name)
        .join(Post, col(Post.id) == col(PostRiskPoint.post_id))
        .order_by(col(Post.sort_order), col(Post.id))
    ).all():
        posts_by_point[rp_id].append((post_id or 0, name))
    plans_by_item: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for item_id, plan_id, name in session.exec(
        select(CheckPlanItem.check_item_id, CheckPlan.id, CheckPlan.name)
        .join(CheckPlan, col(CheckPlan.id) == col(CheckPlanItem.plan_id))
        .where(col(CheckPlan.is_active).is_(True))
        .order_by(col(CheckPlan.id))
    ).all():
        plans_by_item[item_id].append((plan_id or 0, name))
    rows: list[CheckItemRow] = []
    for item in items:
        point = points.get(item.risk_point_id) if item.risk_point_id is not None else None
        hazard = hazards.get(item.hazard_id) if item.hazard_id is not None else None
        level = hazard.current_level if hazard is not None and hazard.current_level is not None else None
        if level is None and point is not None:
            level = point_levels.get(point.id or 0)
        hazard_text = ""
        if hazard is not None:
            hazard_text = "：".join(t for t in (hazard.step_or_item, hazard.description) if t)
        posts = posts_by_point.get(item.risk_point_id or 0, [])
        plans = plans_by_item.get(item.id or 0, [])
        rows.append(
            CheckItemRow(
                id=item.id or 0,
                content=item.content,
                standard=item.standard,
                method=item.method,
                check_type=item.check_type,
                control_tier=item.control_tier,
                frequency=item.frequency,
                is_custom=item.is_custom,
                is_active=item.is_active,
                sort_order=item.sort_order,
                risk_point_id=item.risk_point_id,
                risk_point_code=point.code if point else "",
                risk_point_name=point.name if point else "",
                area_id=point.area_id if point else None,
                area_name=areas.get(point.area_id or 0, "") if point else "",
                location=point.location if point else "",
                level=level,
                hazard_id=item.hazard_id,
                hazard_text=hazard_text,
                measure_id=item.control_measure_id,
                measure_category=categories.get(item.control_measure_id) if item.control_measure_id else None,
                post_ids=tuple(p for p, _n in posts),
                post_names=tuple(n for _p, n in posts),
                plan_ids=tuple(p for p, _n in plans),
                plan_names=tuple(n for _p, n in plans),
            )
        )
    return rows


def _item_order() -> Any:
    """Items in inventory order: by area, risk point code, then as sorted; general items last."""
    return (
        select(CheckItem)
        .join(RiskPoint, col(RiskPoint.id) == col(CheckItem.risk_point_id), isouter=True)
        .join(Area, col(Area.id) == col(RiskPoint.area_id), isouter=True)
        .order_by(
            col(CheckItem.risk_point_id).is_(None),
            func.coalesce(col(Area.sort_order), 1_000_000),
            func.coalesce(col(RiskPoint.area_id), 1_000_000),
            func.coalesce(col(RiskPoint.code), ""),
            col(RiskPoint.id),
            col(CheckItem.sort_order),
            col(CheckItem.id),
        )
    )


def list_items(db: Database, *, include_inactive: bool = True) -> list[CheckItemRow]:
    """The whole checklist in inventory order (by area and risk point; general items last)."""
    with db.read_session() as s:
        query = _item_order()
        if not include_inactive:
            query = query.where(col(CheckItem.is_active).is_(True))
        return _item_rows(s, s.exec(query).all())


def get_item(db: Database, item_id: int) -> CheckItemRow:
    with db.read_session() as s:
        return _item_rows(s, [get_or_raise(s, CheckItem, item_id, "排查项")])[0]


def generate_items(db: Database, *, actor: str) -> ItemGeneration:
    """Make a check item of every existing control measure that has none yet.

    Idempotent: a measure already covered — even by an item the user has edited or switched off —
    gets no second item, and no existing item is touched.
    """
    with db.session() as s:
        covered = {
            m for m in s.exec(select(CheckItem.control_measure_id).where(col(CheckItem.control_measure_id).is_not(None)))
        }  # fmt: skip
        tiers = scheme_service.tier_table_in(s)
        table = frequency_table_in(s)
        query = (
            select(ControlMeasure, Hazard, RiskPoint)
            .join(Hazard, col(Hazard.id) == col(ControlMeasure.hazard_id))
            .join(RiskPoint, col(RiskPoint.id) == col(Hazard.risk_point_id))
            .order_by(
                col(RiskPoint.code),
                col(RiskPoint.id),
                col(Hazard.seq),
                col(Hazard.id),
                col(ControlMeasure.sort_order),
                col(ControlMeasure.id),
            )
        )
        order = int(s.exec(select(func.max(CheckItem.sort_order))).one() or 0)
        created = already = planned = 0
        new_rows: list[CheckItem] = []
        for measure, hazard, _point in s.exec(query).all():
            if not measure.is_existing:
                planned += 1
                continue
            if measure.id in covered:
                already += 1
                continue
            if not measure.content.strip():
                continue
            draft = item_from_measure(
                MeasureFacts(
                    content=measure.content,
                    category=measure.category,
                    measure_tier=measure.control_tier,
                    hazard_tier=hazard.control_tier,
                    level=hazard.current_level,
                    hazard_standard=hazard.standard,
                ),
                tiers,
                table,
            )
            order += 1
            new_rows.append(
                CheckItem(
                    risk_point_id=hazard.risk_point_id,
                    hazard_id=hazard.id,
                    control_measure_id=measure.id,
                    content=draft.content,
                    standard=draft.standard,
                    method=draft.method,
                    check_type=draft.check_type,
                    control_tier=draft.control_tier,
                    frequency=draft.frequency,
                    sort_order=order,
                )
            )
            created += 1
        if new_rows:
            s.add_all(new_rows)
            audit.record(
                s,
                actor=actor,
                action="generate",
                entity="check_item",
                entity_id=None,
                summary=f"由管控措施生成排查项 {created} 项",
            )
    return ItemGeneration(created=created, already_covered=already, planned_measures=planned)


def _clean_item(draft: CheckItemDraft) -> CheckItemDraft:
    return replace(
        draft, content=draft.content.strip(), standard=draft.standard.strip(), method=draft.method.strip()
    )


def save_item(db: Database, item_id: int | None, draft: CheckItemDraft, *, actor: str) -> CheckItemRow:
    """Add a free item (``item_id`` None) or change one. An item made from a measure keeps its risk
    point (it follows its hazard); everything else the user may change, and keeps."""
    draft = _clean_item(draft)
    _raise(item_problem(draft))
    with db.session() as s:
        if draft.risk_point_id is not None and s.get(RiskPoint, draft.risk_point_id) is None:
            raise ValidationError("所选风险点已不存在，请重新选择", "risk_point_id")
        values: dict[str, Any] = {
            "content": draft.content,
            "standard": draft.standard,
            "method": draft.method,
            "check_type": draft.check_type,
            "control_tier": draft.control_tier,
            "frequency": draft.frequency,
            "is_active": draft.is_active,
        }
        if item_id is None:
            order = int(s.exec(select(func.max(CheckItem.sort_order))).one() or 0) + 1
            row = CheckItem(**values, risk_point_id=draft.risk_point_id, is_custom=True, sort_order=order)
            s.add(row)
            s.flush()
            audit.record(s, actor=actor, action="create", entity="check_item", entity_id=row.id,
                         summary=f"新增排查项：{draft.content[:40]}", changes=audit.diff({}, values))  # fmt: skip
        else:
            row = get_or_raise(s, CheckItem, item_id, "排查项")
            if row.is_custom:
                values["risk_point_id"] = draft.risk_point_id
            changes = audit.diff({k: getattr(row, k) for k in values}, values)
            for key, value in values.items():
                setattr(row, key, value)
            s.add(row)
            if changes:
                audit.record(s, actor=actor, action="update", entity="check_item", entity_id=row.id,
                             summary=f"修改排查项：{row.content[:40]}", changes=changes)  # fmt: skip
        s.flush()
        new_id = row.id or 0
    return get_item(db, new_id)


def set_item_active(db: Database, item_id: int, active: bool, *, actor: str) -> CheckItemRow:
    """停用 an item (it leaves the forms but stays in past records) or 启用 it again."""
    with db.session() as s:
        row = get_or_raise(s, CheckItem, item_id, "排查项")
        if row.is_active != active:
            row.is_active = active
            s.add(row)
            audit.record(s, actor=actor, action="update", entity="check_item", entity_id=item_id,
                         summary=f"{'启用' if active else '停用'}排查项：{row.content[:40]}",
                         changes={"is_active": [not active, active]})  # fmt: skip
    return get_item(db, item_id)


def delete_item(db: Database, item_id: int, *, actor: str) -> None:
    """Delete a free item never used in a record; anything else can only be switched off (an item
    made from a measure would otherwise come back at the next generation)."""
    with db.session() as s:
        row = get_or_raise(s, CheckItem, item_id, "排查项")
        if not row.is_custom:
            raise ConflictError("由管控措施生成的排查项不能删除（重新生成时会再次出现），可以停用")
        used = int(
            s.exec(select(func.count()).select_from(CheckRecordResult).where(CheckRecordResult.check_item_id == item_id)).one()
        )  # fmt: skip
        if used:
            raise ConflictError(f"该排查项已在 {used} 次排查记录中使用，不能删除，可以停用")
        s.delete(row)
        audit.record(s, actor=actor, action="delete", entity="check_item", entity_id=item_id,
                     summary=f"删除排查项：{row.content[:40]}")  # fmt: skip


# --- plans -----------------------------------------------------------------------------------------


def _item_levels(
    session: Session, item_ids: Iterable[int]
) -> dict[int, tuple[RiskLevel | None, ControlTier | None]]:
    """(level, tier) of each item, as the frequency table reads them."""
    ids = list(item_ids)
    if not ids:
        return {}
    point_levels = _point_levels(session)
    rows = session.exec(
        select(CheckItem.id, CheckItem.risk_point_id, CheckItem.control_tier, Hazard.current_level)
        .join(Hazard, col(Hazard.id) == col(CheckItem.hazard_id), isouter=True)
        .where(col(CheckItem.id).in_(ids))
    ).all()
    return {
        item_id or 0: (
            RiskLevel(level) if level is not None else point_levels.get(rp_id or 0),
            ControlTier(tier) if tier is not None else None,
        )
        for item_id, rp_id, tier, level in rows
    }


def _required(
    table: FrequencyTable, levels: dict[int, tuple[RiskLevel | None, ControlTier | None]], item_ids: Iterable[int],
    tier: ControlTier | None,
) -> list[CheckFrequency | None]:  # fmt: skip
    result: list[CheckFrequency | None] = []
    for item_id in item_ids:
        level, item_tier = levels.get(item_id, (None, None))
        at = tier or item_tier or ControlTier.TEAM
        result.append(table.required(level, item_tier, at))
    return result


def list_plans(db: Database, *, today: date) -> list[PlanRow]:
    """Every plan, active first, with its next due task, overdue tasks and last check."""
    with db.read_session() as s:
        departments, areas, people = names_by_id(s, Department), names_by_id(s, Area), names_by_id(s, Person)
        items: dict[int, list[int]] = defaultdict(list)
        for plan_id, item_id in s.exec(
            select(CheckPlanItem.plan_id, CheckPlanItem.check_item_id)
            .join(CheckItem, col(CheckItem.id) == col(CheckPlanItem.check_item_id))
            .where(col(CheckItem.is_active).is_(True))
        ).all():
            items[plan_id].append(item_id)
        records = dict(
            s.exec(
                select(CheckRecord.plan_id, func.count())
                .where(col(CheckRecord.plan_id).is_not(None))
                .group_by(col(CheckRecord.plan_id))
            ).all()
        )
        last_checked = dict(
            s.exec(
                select(CheckRecord.plan_id, func.max(CheckRecord.checked_on))
                .where(col(CheckRecord.plan_id).is_not(None))
                .group_by(col(CheckRecord.plan_id))
            ).all()
        )
        due = CheckTaskStatus.DUE.value
        next_due = dict(
            s.exec(
                select(CheckTask.plan_id, func.min(CheckTask.due_on))
                .where(col(CheckTask.status) == due)
                .group_by(col(CheckTask.plan_id))
            ).all()
        )
        overdue = dict(
            s.exec(
                select(CheckTask.plan_id, func.count())
                .where(col(CheckTask.status) == due, col(CheckTask.due_on) < today)
                .group_by(col(CheckTask.plan_id))
            ).all()
        )
        table = frequency_table_in(s)
        levels = _item_levels(s, {i for ids in items.values() for i in ids})
        plans = s.exec(select(CheckPlan).order_by(col(CheckPlan.is_active).desc(), col(CheckPlan.id))).all()
        return [
            PlanRow(
                id=p.id or 0,
                name=p.name,
                check_type=p.check_type,
                frequency=p.frequency,
                control_tier=p.control_tier,
                department_id=p.department_id,
                department_name=departments.get(p.department_id or 0, ""),
                area_id=p.area_id,
                area_name=areas.get(p.area_id or 0, ""),
                assignee_id=p.assignee_id,
                assignee_name=people.get(p.assignee_id or 0, ""),
                start_on=p.start_on,
                end_on=p.end_on,
                is_active=p.is_active,
                note=p.note,
                item_count=len(items.get(p.id or 0, [])),
                record_count=int(records.get(p.id or 0, 0)),
                next_due=next_due.get(p.id or 0),
                overdue_tasks=int(overdue.get(p.id or 0, 0)),
                last_checked_on=last_checked.get(p.id or 0),
                frequency_gaps=plan_frequency_gaps(
                    p.frequency, _required(table, levels, items.get(p.id or 0, []), p.control_tier)
                ),
            )
            for p in plans
        ]


def get_plan(db: Database, plan_id: int) -> CheckPlanDraft:
    """The plan as its editor shows it, with the ids of its items (active or not)."""
    with db.read_session() as s:
        plan = get_or_raise(s, CheckPlan, plan_id, "排查计划")
        item_ids = s.exec(select(CheckPlanItem.check_item_id).where(CheckPlanItem.plan_id == plan_id)).all()
        return CheckPlanDraft(
            name=plan.name,
            check_type=plan.check_type,
            frequency=plan.frequency,
            start_on=plan.start_on,
            control_tier=plan.control_tier,
            end_on=plan.end_on,
            department_id=plan.department_id,
            area_id=plan.area_id,
            assignee_id=plan.assignee_id,
            is_active=plan.is_active,
            note=plan.note,
            item_ids=tuple(sorted(item_ids)),
        )


_PLAN_FIELDS = (
    "name", "check_type", "frequency", "start_on", "control_tier", "end_on", "department_id", "area_id",
    "assignee_id", "is_active", "note",
)  # fmt: skip
_SCHEDULE_FIELDS = ("frequency", "start_on", "end_on", "is_active")


def save_plan(db: Database, plan_id: int | None, draft: CheckPlanDraft, *, actor: str, today: date) -> int:
    """Create or change a plan and its items; its tasks follow at once.

    A new plan gets its current task. When the schedule changes, the tasks not yet due are dropped
    and made again on the new schedule; a stopped plan drops them and its overdue tasks become 已错过.
    A new assignee takes over the open tasks.
    """
    draft = replace(
        draft, name=draft.name.strip(), note=draft.note.strip(), item_ids=tuple(dict.fromkeys(draft.item_ids))
    )
    _raise(plan_problem(draft))
    with db.session() as s:
        for model, row_id, label, field in (
            (Department, draft.department_id, "部门", "department_id"),
            (Area, draft.area_id, "区域", "area_id"),
            (Person, draft.assignee_id, "负责人", "assignee_id"),
        ):
            if row_id is not None and s.get(model, row_id) is None:
                raise ValidationError(f"所选{label}已不存在，请重新选择", field)
        known = set(s.exec(select(CheckItem.id).where(col(CheckItem.id).in_(draft.item_ids))).all())
        if len(known) != len(draft.item_ids):
            raise ValidationError("部分排查项已不存在，请重新选择", "item_ids")
        values = {key: getattr(draft, key) for key in _PLAN_FIELDS}
        if plan_id is None:
            plan = CheckPlan(**values)
            s.add(plan)
            s.flush()
            changes = audit.diff({}, values)
            old_values: dict[str, Any] = {}
        else:
            plan = get_or_raise(s, CheckPlan, plan_id, "排查计划")
            old_values = {key: getattr(plan, key) for key in _PLAN_FIELDS}
            changes = audit.diff(old_values, values)
            for key, value in values.items():
                setattr(plan, key, value)
            s.add(plan)
        assert plan.id is not None
        current = set(
            s.exec(select(CheckPlanItem.check_item_id).where(CheckPlanItem.plan_id == plan.id)).all()
        )
        wanted = set(draft.item_ids)
        if current != wanted:
            changes["items"] = [len(current), len(wanted)]
            s.exec(
                sa_delete(CheckPlanItem).where(
                    col(CheckPlanItem.plan_id) == plan.id, col(CheckPlanItem.check_item_id).not_in(wanted)
                )
            )
            s.add_all(CheckPlanItem(plan_id=plan.id, check_item_id=i) for i in wanted - current)
        open_tasks = s.exec(
            select(CheckTask).where(CheckTask.plan_id == plan.id, CheckTask.status == CheckTaskStatus.DUE)
        ).all()
        if old_values and any(old_values[k] != values[k] for k in _SCHEDULE_FIELDS):
            for task in open_tasks:
                if task.due_on >= today:
                    s.delete(task)
                elif not plan.is_active:
                    task.status = CheckTaskStatus.MISSED
                    s.add(task)
        elif old_values and old_values["assignee_id"] != values["assignee_id"]:
            for task in open_tasks:
                task.assignee_id = plan.assignee_id
                s.add(task)
        s.flush()
        _generate_for(s, plan, today)
        if changes or plan_id is None:
            what = "新建" if plan_id is None else "修改"
            audit.record(s, actor=actor, action="create" if plan_id is None else "update", entity="check_plan",
                         entity_id=plan.id, summary=f"{what}排查计划：{plan.name}", changes=changes)  # fmt: skip
        return plan.id


def delete_plan(db: Database, plan_id: int, *, actor: str) -> None:
    """Delete a plan never carried out (its tasks go with it); one with records can only be stopped."""
    with db.session() as s:
        plan = get_or_raise(s, CheckPlan, plan_id, "排查计划")
        used = int(
            s.exec(select(func.count()).select_from(CheckRecord).where(CheckRecord.plan_id == plan_id)).one()
        )
        if used:
            raise ConflictError(f"该计划已有 {used} 次排查记录，不能删除；不再执行时请停用")
        s.delete(plan)
        audit.record(s, actor=actor, action="delete", entity="check_plan", entity_id=plan_id,
                     summary=f"删除排查计划：{plan.name}")  # fmt: skip


def suggest_plan_items(
    db: Database,
    *,
    control_tier: ControlTier | None,
    frequency: CheckFrequency,
    area_id: int | None = None,
    department_id: int | None = None,
) -> tuple[int, ...]:
    """The active items a plan of this tier and frequency should check, by the frequency table:
    items in its area (or its department's risk points) that the tier watches and that need
    checking at least as often as the plan runs. General items are not suggested."""
    with db.read_session() as s:
        table = frequency_table_in(s)
        query = (
            select(CheckItem.id, RiskPoint.area_id, RiskPoint.department_id)
            .join(RiskPoint, col(RiskPoint.id) == col(CheckItem.risk_point_id))
            .where(col(CheckItem.is_active).is_(True))
        )
        candidates = s.exec(query).all()
        departments = _department_subtree(s, department_id) if department_id is not None else None
        ids = [
            item_id or 0
            for item_id, rp_area, rp_dept in candidates
            if (area_id is None or rp_area == area_id)
            and (area_id is not None or departments is None or rp_dept in departments)
        ]
        levels = _item_levels(s, ids)
        chosen: list[int] = []
        for item_id in ids:
            level, item_tier = levels.get(item_id, (None, None))
            required = table.required(level, item_tier, control_tier or item_tier or ControlTier.TEAM)
            if required is not None and at_least_as_often(required, frequency):
                chosen.append(item_id)
        order = {row.id: n for n, row in enumerate(s.exec(_item_order()).all())}
        return tuple(sorted(chosen, key=lambda i: order.get(i, 0)))


# --- tasks -----------------------------------------------------------------------------------------


def _generate_for(session: Session, plan: CheckPlan, today: date) -> tuple[int, int]:
    """Add the plan's missing tasks and mark the superseded ones; (created, newly missed)."""
    tasks = session.exec(select(CheckTask).where(CheckTask.plan_id == plan.id)).all()
    created = 0
    new: list[CheckTask] = []
    if plan.is_active:
        for due, status in schedule(
            plan.frequency, plan.start_on, plan.end_on, [t.due_on for t in tasks], today
        ):
            new.append(
                CheckTask(plan_id=plan.id or 0, due_on=due, assignee_id=plan.assignee_id, status=status)
            )
        session.add_all(new)
        created = len(new)
    gone = superseded([t.due_on for t in [*tasks, *new]], today)
    missed = 0
    for task in tasks:
        if task.status is CheckTaskStatus.DUE and task.due_on in gone:
            task.status = CheckTaskStatus.MISSED
            session.add(task)
            missed += 1
    return created, missed + sum(1 for t in new if t.status is CheckTaskStatus.MISSED)


def generate_tasks(db: Database, *, today: date, actor: str) -> TaskGeneration:
    """Bring every plan's tasks up to ``today``: each active plan has its current task, and a task
    whose next occurrence has come is 已错过. Writes (and audits) only when something changes."""
    with db.session() as s:
        created = missed = 0
        for plan in s.exec(select(CheckPlan).order_by(col(CheckPlan.id))).all():
            c, m = _generate_for(s, plan, today)
            created, missed = created + c, missed + m
        if created or missed:
            audit.record(s, actor=actor, action="generate", entity="check_task", entity_id=None,
                         summary=f"生成排查任务 {created} 个，标记已错过 {missed} 个")  # fmt: skip
    return TaskGeneration(created, missed)


def _task_rows(session: Session, tasks: Sequence[CheckTask], today: date) -> list[TaskRow]:
    plan_ids = {t.plan_id for t in tasks}
    plans = {p.id: p for p in session.exec(select(CheckPlan).where(col(CheckPlan.id).in_(plan_ids))).all()}
    people, departments, areas = (
        names_by_id(session, Person),
        names_by_id(session, Department),
        names_by_id(session, Area),
    )
    counts = dict(
        session.exec(
            select(CheckPlanItem.plan_id, func.count())
            .join(CheckItem, col(CheckItem.id) == col(CheckPlanItem.check_item_id))
            .where(col(CheckItem.is_active).is_(True), col(CheckPlanItem.plan_id).in_(plan_ids))
            .group_by(col(CheckPlanItem.plan_id))
        ).all()
    )
    record_ids = {t.record_id for t in tasks if t.record_id is not None}
    checked: dict[int | None, date] = {
        r.id: r.checked_on for r in session.exec(select(CheckRecord).where(col(CheckRecord.id).in_(record_ids))).all()
    } if record_ids else {}  # fmt: skip
    rows: list[TaskRow] = []
    for task in tasks:
        plan = plans[task.plan_id]
        rows.append(
            TaskRow(
                id=task.id or 0,
                plan_id=task.plan_id,
                plan_name=plan.name,
                check_type=plan.check_type,
                control_tier=plan.control_tier,
                frequency=plan.frequency,
                due_on=task.due_on,
                assignee_id=task.assignee_id,
                assignee_name=people.get(task.assignee_id or 0, ""),
                place=areas.get(plan.area_id or 0, "") or departments.get(plan.department_id or 0, ""),
                status=task.status,
                record_id=task.record_id,
                checked_on=checked.get(task.record_id) if task.record_id else None,
                item_count=int(counts.get(task.plan_id, 0)),
                is_overdue=is_task_overdue(task.status, task.due_on, today),
                days_left=(task.due_on - today).days,
            )
        )
    return rows


def list_tasks(
    db: Database,
    *,
    today: date,
    scope: TaskScope = TaskScope.OPEN,
    upcoming_days: int = 31,
    limit: int = 1000,
) -> list[TaskRow]:
    """Tasks of one scope: open ones by due date (the most urgent first), done and missed ones newest
    first. 近期待查 looks ``upcoming_days`` ahead."""
    due = col(CheckTask.status) == CheckTaskStatus.DUE.value
    where: list[Any] = {
        TaskScope.OPEN: [due],
        TaskScope.TODAY: [due, col(CheckTask.due_on) == today],
        TaskScope.OVERDUE: [due, col(CheckTask.due_on) < today],
        TaskScope.UPCOMING: [due, col(CheckTask.due_on) > today, col(CheckTask.due_on) <= today + timedelta(days=upcoming_days)],
        TaskScope.DONE: [col(CheckTask.status) == CheckTaskStatus.DONE.value],
        TaskScope.MISSED: [col(CheckTask.status) == CheckTaskStatus.MISSED.value],
        TaskScope.ALL: [],
    }[scope]  # fmt: skip
    newest_first = scope in (TaskScope.DONE, TaskScope.MISSED, TaskScope.ALL)
    order = col(CheckTask.due_on).desc() if newest_first else col(CheckTask.due_on)
    with db.read_session() as s:
        tasks = s.exec(select(CheckTask).where(*where).order_by(order, col(CheckTask.id)).limit(limit)).all()
        return _task_rows(s, tasks, today)


def get_task(db: Database, task_id: int, *, today: date) -> TaskRow:
    with db.read_session() as s:
        return _task_rows(s, [get_or_raise(s, CheckTask, task_id, "排查任务")], today)[0]


def task_counts(db: Database, *, today: date, upcoming_days: int = 31) -> TaskCounts:
    """Open tasks due today, overdue, and due within ``upcoming_days``."""
    due = col(CheckTask.status) == CheckTaskStatus.DUE.value
    with db.read_session() as s:

        def count(*where: Any) -> int:
            return int(s.exec(select(func.count()).select_from(CheckTask).where(due, *where)).one())

        return TaskCounts(
            due_today=count(col(CheckTask.due_on) == today),
            overdue=count(col(CheckTask.due_on) < today),
            upcoming=count(
                col(CheckTask.due_on) > today, col(CheckTask.due_on) <= today + timedelta(days=upcoming_days)
            ),
        )


# --- checklists ------------------------------------------------------------------------------------


def _checklist_items(session: Session, item_ids: Sequence[int]) -> tuple[ChecklistItem, ...]:
    """The active items among ``item_ids`` in inventory order, with their pre-fill facts."""
    wanted = set(item_ids)
    items = [i for i in session.exec(_item_order()).all() if i.id in wanted and i.is_active]
    rows = _item_rows(session, items)
    points = {p.id: p for p in session.exec(select(RiskPoint)).all()}
    hazard_ids = {i.hazard_id for i in items if i.hazard_id is not None}
    hazards = {h.id: h for h in session.exec(select(Hazard).where(col(Hazard.id).in_(hazard_ids))).all()}
    accident_types: dict[int, list[int]] = defaultdict(list)
    for hazard_id, type_id in session.exec(
        select(HazardAccidentType.hazard_id, HazardAccidentType.accident_type_id).where(
            col(HazardAccidentType.hazard_id).in_(hazard_ids)
        )
    ).all():
        accident_types[hazard_id].append(type_id)
    result: list[ChecklistItem] = []
    for item, row in zip(items, rows, strict=True):
        point = points.get(item.risk_point_id) if item.risk_point_id is not None else None
        hazard = hazards.get(item.hazard_id) if item.hazard_id is not None else None
        result.append(
            ChecklistItem(
                item_id=item.id,
                content=item.content,
                standard=item.standard,
                method=item.method,
                risk_point_id=item.risk_point_id,
                risk_point_text=row.risk_point_text,
                area_id=row.area_id,
                area_name=row.area_name,
                location=row.location,
                level=row.level,
                control_tier=item.control_tier,
                measure_category=row.measure_category,
                department_id=(hazard.responsible_department_id if hazard else None)
                or (point.department_id if point else None),
                person_id=(hazard.responsible_person_id if hazard else None)
                or (point.responsible_person_id if point else None),
                accident_type_ids=tuple(sorted(accident_types.get(item.hazard_id or 0, []))),
            )
        )
    return tuple(result)


def checklist(
    db: Database,
    *,
    task_id: int | None = None,
    plan_id: int | None = None,
    item_ids: Sequence[int] | None = None,
) -> Checklist:
    """The checklist of a task (its plan's items and due date), of a plan, or of chosen items."""
    general, team = hidden_danger_service.deadline_days(db)
    with db.read_session() as s:
        task = get_or_raise(s, CheckTask, task_id, "排查任务") if task_id is not None else None
        if task is not None:
            plan_id = task.plan_id
        if plan_id is None:
            return Checklist(
                title=CHECKLIST_TITLE,
                items=_checklist_items(s, list(item_ids or ())),
                deadline_days_general=general,
                deadline_days_team=team,
            )
        plan = get_or_raise(s, CheckPlan, plan_id, "排查计划")
        ids = item_ids if item_ids is not None else s.exec(
            select(CheckPlanItem.check_item_id).where(CheckPlanItem.plan_id == plan_id)
        ).all()  # fmt: skip
        people, departments, areas = names_by_id(s, Person), names_by_id(s, Department), names_by_id(s, Area)
        assignee = task.assignee_id if task is not None and task.assignee_id else plan.assignee_id
        return Checklist(
            title=plan.name,
            items=_checklist_items(s, list(ids)),
            plan_id=plan_id,
            task_id=task_id,
            check_type=plan.check_type,
            control_tier=plan.control_tier,
            frequency=plan.frequency,
            department_id=plan.department_id,
            department_name=departments.get(plan.department_id or 0, ""),
            area_id=plan.area_id,
            area_name=areas.get(plan.area_id or 0, ""),
            assignee_name=people.get(assignee or 0, ""),
            due_on=task.due_on if task is not None else None,
            deadline_days_general=general,
            deadline_days_team=team,
        )


def owner_tier_for(tier: ControlTier | None) -> OwnerTier | None:
    """Who owns a hidden danger found at an item: 公司级/车间级 as the item's tier, 班组/岗位 → 班组级."""
    match tier:
        case ControlTier.COMPANY:
            return OwnerTier.COMPANY
        case ControlTier.WORKSHOP:
            return OwnerTier.WORKSHOP
        case ControlTier.TEAM | ControlTier.POST:
            return OwnerTier.TEAM
    return None


_MANAGEMENT_CATEGORIES = (ControlMeasureCategory.MANAGEMENT, ControlMeasureCategory.TRAINING)


def failed_item_draft(
    item: ChecklistItem,
    *,
    checked_on: date,
    check_type: CheckType | None,
    checker_names: str,
    remark: str = "",
    place: str = "",
    general_days: int = DEFAULT_DEADLINE_DAYS_GENERAL,
    team_days: int = DEFAULT_DEADLINE_DAYS_TEAM,
) -> HiddenDangerDraft:
    """The hidden danger a 不合格 item opens, pre-filled from the item: where (risk point, area,
    location), what (the remark, else the measure found not in place), the standard as basis, the
    hazard's accident types, who should rectify it, and the default deadline for its owner tier.
    The check record is linked when the check is saved."""
    owner = owner_tier_for(item.control_tier)
    description = remark.strip() or f"{item.content.strip()}——排查不符合要求"
    category = (
        HiddenDangerCategory.MANAGEMENT
        if item.measure_category in _MANAGEMENT_CATEGORIES
        else HiddenDangerCategory.SITE
    )
    return HiddenDangerDraft(
        found_on=checked_on,
        description=description,
        level=HiddenDangerLevel.GENERAL,
        category=category,
        source=HiddenDangerSource.CHECK,
        check_type=check_type,
        finder_names=checker_names.strip(),
        area_id=item.area_id,
        risk_point_id=item.risk_point_id,
        location=item.location or (item.risk_point_text if item.risk_point_id else place),
        owner_tier=owner,
        basis=item.standard,
        accident_type_ids=item.accident_type_ids,
        responsible_department_id=item.department_id,
        rectifier_id=item.person_id,
        deadline=suggest_deadline(
            checked_on, HiddenDangerLevel.GENERAL, owner, general_days=general_days, team_days=team_days
        ),
    )


# --- recording a check -----------------------------------------------------------------------------


def _short(text: str, length: int = 16) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


def _linked(
    draft: HiddenDangerDraft, record_id: int, data: CheckInput, check_type: CheckType
) -> HiddenDangerDraft:
    return replace(
        draft,
        source=HiddenDangerSource.CHECK,
        check_record_id=record_id,
        check_type=check_type,
        found_on=data.checked_on,
        finder_names=draft.finder_names.strip() or data.checker_names.strip(),
    )


def _validate(data: CheckInput, check_type: CheckType, today: date) -> None:
    _raise(
        record_problem(
            data.checked_on, data.checker_names, [(r.item_text, r.result) for r in data.results], today
        )
    )
    for number, result in enumerate(data.results, start=1):
        if result.result is not CheckResult.FAIL:
            continue
        label = f"第 {number} 项“{_short(result.item_text)}”不合格"
        if result.hidden_danger is None:
            raise ValidationError(f"{label}，请登记隐患", "results")
        draft = _linked(result.hidden_danger, 0, data, check_type)  # the record's id is not known yet
        problem = draft_problem(draft, today) or (immediate_problem(draft) if result.immediate else None)
        if problem is not None:
            raise ValidationError(f"{label}，登记隐患时：{problem[1]}", "results")


def record_check(db: Database, data: CheckInput, *, actor: str, today: date) -> CheckRecordDetail:
    """Save a check in one transaction: the record, every item's result with its photos, a hidden
    danger (with the item's photos as its 整改前 photos) for each 不合格 item linked both ways, and
    the task it completes. Nothing is saved when any part is refused."""
    with photo_service.staged_files(db) as files, db.session() as s:
        task = get_or_raise(s, CheckTask, data.task_id, "排查任务") if data.task_id is not None else None
        if task is not None and task.status is CheckTaskStatus.DONE:
            raise ConflictError("该排查任务已经完成，不能重复记录")
        plan_id = task.plan_id if task is not None else data.plan_id
        plan = get_or_raise(s, CheckPlan, plan_id, "排查计划") if plan_id is not None else None
        check_type = data.check_type or (plan.check_type if plan is not None else None)
        if check_type is None:
            raise ValidationError("请选择排查类型", "check_type")
        _validate(data, check_type, today)
        for model, row_id, label, field in (
            (Department, data.department_id, "受检部门", "department_id"),
            (Area, data.area_id, "区域", "area_id"),
        ):
            if row_id is not None and s.get(model, row_id) is None:
                raise ValidationError(f"所选{label}已不存在，请重新选择", field)
        record = CheckRecord(
            plan_id=plan_id,
            check_type=check_type,
            checked_on=data.checked_on,
            checker_names=data.checker_names.strip(),
            department_id=data.department_id if data.department_id is not None else (plan.department_id if plan else None),
            area_id=data.area_id if data.area_id is not None else (plan.area_id if plan else None),
        )  # fmt: skip
        s.add(record)
        s.flush()
        assert record.id is not None
        numbers: list[str] = []
        for result in data.results:
            row = CheckRecordResult(
                record_id=record.id,
                check_item_id=result.check_item_id,
                item_text=result.item_text.strip(),
                standard_text=result.standard_text.strip(),
                result=result.result,
                remark=result.remark.strip(),
            )
            danger: HiddenDanger | None = None
            if result.result is CheckResult.FAIL and result.hidden_danger is not None:
                danger = hidden_danger_service.register_in(
                    s,
                    _linked(result.hidden_danger, record.id, data, check_type),
                    actor=actor,
                    today=today,
                    immediate=result.immediate,
                )
                row.hidden_danger_id = danger.id
                if not row.remark:
                    row.remark = danger.description
                numbers.append(danger.number)
            s.add(row)
            s.flush()
            for photo in result.photos:
                s.add(
                    Photo(
                        file_name=files.put(photo.data, ".jpg"),
                        thumb_name=files.put(photo.thumbnail, ".jpg"),
                        width=photo.width,
                        height=photo.height,
                        original_name=photo.original_name,
                        stage=PhotoStage.BEFORE if danger is not None else PhotoStage.CHECK,
                        hidden_danger_id=danger.id if danger is not None else None,
                        check_result_id=row.id,
                        taken_at=photo.taken_at,
                    )
                )
        record.summary = data.summary.strip() or record_summary([r.result for r in data.results], numbers)
        s.add(record)
        if task is not None:
            task.status = CheckTaskStatus.DONE
            task.record_id = record.id
            s.add(task)
        where = f"（{plan.name}）" if plan is not None else ""
        audit.record(
            s,
            actor=actor,
            action="create",
            entity="check_record",
            entity_id=record.id,
            summary=f"记录{check_type.label}{where}：{record.summary[:60]}",
            changes={"checked_on": [None, data.checked_on.isoformat()], "hidden_dangers": [None, numbers]},
        )
        record_id = record.id
    return get_record(db, record_id)


def _record_details(
    db: Database, session: Session, records: Sequence[CheckRecord]
) -> list[CheckRecordDetail]:
    if not records:
        return []
    ids = [r.id for r in records]
    plans = dict(session.exec(select(CheckPlan.id, CheckPlan.name)).all())
    departments, areas = names_by_id(session, Department), names_by_id(session, Area)
    tasks = {
        t.record_id: t for t in session.exec(select(CheckTask).where(col(CheckTask.record_id).in_(ids))).all()
    }
    results = session.exec(
        select(CheckRecordResult)
        .where(col(CheckRecordResult.record_id).in_(ids))
        .order_by(col(CheckRecordResult.record_id), col(CheckRecordResult.id))
    ).all()
    item_ids = {r.check_item_id for r in results if r.check_item_id is not None}
    items = {
        row.id: row
        for row in _item_rows(session, session.exec(select(CheckItem).where(col(CheckItem.id).in_(item_ids))).all())
    } if item_ids else {}  # fmt: skip
    danger_ids = {r.hidden_danger_id for r in results if r.hidden_danger_id is not None}
    dangers = {
        h.id: h for h in session.exec(select(HiddenDanger).where(col(HiddenDanger.id).in_(danger_ids))).all()
    } if danger_ids else {}  # fmt: skip
    points = {p.id: p for p in session.exec(select(RiskPoint)).all()}
    point_levels = _point_levels(session)
    result_ids = [r.id for r in results]
    photos: dict[int, list[PhotoInfo]] = defaultdict(list)
    if result_ids:
        for photo in session.exec(
            select(Photo).where(col(Photo.check_result_id).in_(result_ids)).order_by(col(Photo.id))
        ).all():
            photos[photo.check_result_id or 0].append(photo_service.photo_info(db, photo))
    by_record: dict[int, list[ResultRow]] = defaultdict(list)
    for r in results:
        item = items.get(r.check_item_id) if r.check_item_id is not None else None
        danger = dangers.get(r.hidden_danger_id) if r.hidden_danger_id is not None else None
        rp_id = (
            item.risk_point_id if item is not None else (danger.risk_point_id if danger is not None else None)
        )
        point = points.get(rp_id) if rp_id is not None else None
        by_record[r.record_id].append(
            ResultRow(
                id=r.id or 0,
                item_text=r.item_text,
                standard_text=r.standard_text,
                result=r.result,
                remark=r.remark,
                check_item_id=r.check_item_id,
                risk_point_id=rp_id,
                risk_point_text=f"{point.code} {point.name}".strip() if point else "",
                place=place_text(item.area_name if item else "", point.location if point else ""),
                level=(item.level if item is not None else None)
                or (point_levels.get(rp_id) if rp_id else None),
                hidden_danger_id=r.hidden_danger_id,
                hidden_danger_number=danger.number if danger is not None else "",
                hidden_danger_status=danger.status if danger is not None else None,
                photos=tuple(photos.get(r.id or 0, [])),
            )
        )
    details: list[CheckRecordDetail] = []
    for record in records:
        task = tasks.get(record.id)
        details.append(
            CheckRecordDetail(
                id=record.id or 0,
                checked_on=record.checked_on,
                check_type=record.check_type,
                checker_names=record.checker_names,
                plan_id=record.plan_id,
                plan_name=plans.get(record.plan_id, "") if record.plan_id else "",
                task_id=task.id if task is not None else None,
                task_due_on=task.due_on if task is not None else None,
                department_name=departments.get(record.department_id or 0, ""),
                area_name=areas.get(record.area_id or 0, ""),
                summary=record.summary,
                created_at=_utc(record.created_at),
                results=tuple(by_record.get(record.id or 0, [])),
            )
        )
    return details


def get_record(db: Database, record_id: int) -> CheckRecordDetail:
    """A check record with its results, photos and the hidden dangers it opened."""
    with db.read_session() as s:
        return _record_details(db, s, [get_or_raise(s, CheckRecord, record_id, "排查记录")])[0]


def _records_in(session: Session, date_from: date | None, date_to: date | None, plan_id: int | None) -> Any:
    query = select(CheckRecord)
    if date_from is not None:
        query = query.where(col(CheckRecord.checked_on) >= date_from)
    if date_to is not None:
        query = query.where(col(CheckRecord.checked_on) <= date_to)
    if plan_id is not None:
        query = query.where(CheckRecord.plan_id == plan_id)
    return query


def query_records(
    db: Database,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    plan_id: int | None = None,
    limit: int | None = None,
) -> list[CheckRecordRow]:
    """Check records of a period (both ends included), newest first, with their counts."""
    with db.read_session() as s:
        query = _records_in(s, date_from, date_to, plan_id).order_by(
            col(CheckRecord.checked_on).desc(), col(CheckRecord.id).desc()
        )
        if limit is not None:
            query = query.limit(limit)
        records = s.exec(query).all()
        if not records:
            return []
        ids = [r.id for r in records]
        counts: dict[int, dict[CheckResult, int]] = defaultdict(dict)
        for record_id, result, n in s.exec(
            select(CheckRecordResult.record_id, CheckRecordResult.result, func.count())
            .where(col(CheckRecordResult.record_id).in_(ids))
            .group_by(col(CheckRecordResult.record_id), col(CheckRecordResult.result))
        ).all():
            counts[record_id][CheckResult(result)] = int(n)
        numbers: dict[int, list[str]] = defaultdict(list)
        for record_id, number in s.exec(
            select(CheckRecordResult.record_id, HiddenDanger.number)
            .join(HiddenDanger, col(HiddenDanger.id) == col(CheckRecordResult.hidden_danger_id))
            .where(col(CheckRecordResult.record_id).in_(ids))
            .order_by(col(CheckRecordResult.id))
        ).all():
            numbers[record_id].append(number)
        plans = dict(s.exec(select(CheckPlan.id, CheckPlan.name)).all())
        departments, areas = names_by_id(s, Department), names_by_id(s, Area)
        return [
            CheckRecordRow(
                id=r.id or 0,
                checked_on=r.checked_on,
                check_type=r.check_type,
                plan_id=r.plan_id,
                plan_name=plans.get(r.plan_id, "") if r.plan_id else "",
                place=areas.get(r.area_id or 0, "") or departments.get(r.department_id or 0, ""),
                checker_names=r.checker_names,
                item_count=sum(counts[r.id or 0].values()),
                passed=counts[r.id or 0].get(CheckResult.PASS, 0),
                failed=counts[r.id or 0].get(CheckResult.FAIL, 0),
                not_applicable=counts[r.id or 0].get(CheckResult.NOT_APPLICABLE, 0),
                danger_numbers=tuple(numbers.get(r.id or 0, [])),
                summary=r.summary,
            )
            for r in records
        ]


# --- 首页 -------------------------------------------------------------------------------------------


def _month_start(day: date, back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def dashboard(db: Database, *, today: date) -> DashboardFigures:
    """整改率 this month, checks due, the last six months' found/closed counts and recent activity."""
    start = _month_start(today)
    void = HiddenDangerStatus.VOID.value
    closed = HiddenDangerStatus.CLOSED.value
    with db.read_session() as s:
        found_now = int(
            s.exec(
                select(func.count()).select_from(HiddenDanger).where(
                    col(HiddenDanger.found_on) >= start, col(HiddenDanger.found_on) <= today, col(HiddenDanger.status) != void
                )
            ).one()
        )  # fmt: skip
        closed_now = int(
            s.exec(
                select(func.count()).select_from(HiddenDanger).where(
                    col(HiddenDanger.found_on) >= start, col(HiddenDanger.found_on) <= today, col(HiddenDanger.status) == closed
                )
            ).one()
        )  # fmt: skip
        checks = int(
            s.exec(
                select(func.count()).select_from(CheckRecord).where(
                    col(CheckRecord.checked_on) >= start, col(CheckRecord.checked_on) <= today
                )
            ).one()
        )  # fmt: skip
        first = _month_start(today, TREND_MONTHS - 1)
        found_by: dict[tuple[int, int], int] = defaultdict(int)
        for day in s.exec(
            select(col(HiddenDanger.found_on)).where(
                col(HiddenDanger.found_on) >= first, col(HiddenDanger.status) != void
            )
        ).all():
            found_by[(day.year, day.month)] += 1
        closed_by: dict[tuple[int, int], int] = defaultdict(int)
        for closed_day in s.exec(
            select(col(HiddenDanger.accepted_on)).where(
                col(HiddenDanger.accepted_on) >= first, col(HiddenDanger.status) == closed
            )
        ).all():
            if closed_day is not None:
                closed_by[(closed_day.year, closed_day.month)] += 1
        recent = _recent(s)
    months = tuple(
        MonthFigures(m.year, m.month, found_by[(m.year, m.month)], closed_by[(m.year, m.month)])
        for m in (_month_start(today, back) for back in range(TREND_MONTHS - 1, -1, -1))
    )
    rate = (
        (Decimal(closed_now) * 100 / Decimal(found_now)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        if found_now
        else None
    )
    return DashboardFigures(
        month_start=start,
        month_found=found_now,
        month_closed=closed_now,
        month_rate=rate,
        month_checks=checks,
        tasks=task_counts(db, today=today),
        recent=recent,
        months=months,
    )


def _recent(session: Session) -> tuple[Activity, ...]:
    """The latest checks recorded, hidden-danger steps and cards printed, newest first."""
    found: list[Activity] = []
    plans = dict(session.exec(select(CheckPlan.id, CheckPlan.name)).all())
    for record in session.exec(
        select(CheckRecord).order_by(col(CheckRecord.created_at).desc(), col(CheckRecord.id).desc()).limit(RECENT_ACTIVITY_LIMIT)
    ).all():  # fmt: skip
        what = plans.get(record.plan_id, "") if record.plan_id else "计划外排查"
        found.append(
            Activity(
                _utc(record.created_at),
                record.checker_names,
                ActivityKind.CHECK_RECORD,
                record.id or 0,
                f"{record.check_type.label}（{what}）：{record.summary}",
            )
        )
    for event, number, description in session.exec(
        select(HiddenDangerEvent, HiddenDanger.number, HiddenDanger.description)
        .join(HiddenDanger, col(HiddenDanger.id) == col(HiddenDangerEvent.hidden_danger_id))
        .order_by(col(HiddenDangerEvent.at).desc(), col(HiddenDangerEvent.id).desc())
        .limit(RECENT_ACTIVITY_LIMIT)
    ).all():
        step = event.action + (f"→{event.to_status.label}" if event.to_status is not None else "")
        found.append(
            Activity(
                _utc(event.at),
                event.actor,
                ActivityKind.HIDDEN_DANGER,
                event.hidden_danger_id,
                f"隐患 {number} {step}：{_short(description, 30)}",
            )
        )
    for printed, name in session.exec(
        select(PostCardPrint, Post.name)
        .join(Post, col(Post.id) == col(PostCardPrint.post_id))
        .order_by(col(PostCardPrint.printed_at).desc())
        .limit(RECENT_ACTIVITY_LIMIT)
    ).all():
        found.append(
            Activity(
                _utc(printed.printed_at),
                "",
                ActivityKind.POST_CARD,
                printed.post_id,
                f"打印岗位告知卡：{name}（第 {printed.revision} 版）",
            )
        )
    found.sort(key=lambda a: a.at, reverse=True)
    return tuple(found[:RECENT_ACTIVITY_LIMIT])


# --- printouts and exports -------------------------------------------------------------------------


def _groups(items: Sequence[ChecklistItem]) -> list[tuple[ChecklistItem, list[ChecklistItem]]]:
    """Items under their risk point, in order of first appearance; general items last."""
    grouped: dict[int | None, list[ChecklistItem]] = {}
    for item in items:
        grouped.setdefault(item.risk_point_id, []).append(item)
    ordered = [v for k, v in grouped.items() if k is not None]
    if None in grouped:
        ordered.append(grouped[None])
    return [(v[0], v) for v in ordered]


def _group_name(first: ChecklistItem) -> str:
    return first.risk_point_text if first.risk_point_id is not None else GENERAL_ITEMS_TEXT


def _checklist_sheet(data: Checklist) -> ChecklistSheet:
    fields = (
        HeaderField("排查类型", data.check_type.label if data.check_type else ""),
        HeaderField("管控层级/频次", "　".join(
            t for t in (data.control_tier.label if data.control_tier else "", data.frequency.label if data.frequency else "") if t
        )),
        HeaderField("受检部门/区域", data.place),
        HeaderField("负责人", data.assignee_name),
        HeaderField("应完成日期", data.due_on.isoformat() if data.due_on else ""),
        HeaderField("排查日期", ""),
        HeaderField("排查人", ""),
        HeaderField("陪同人员", ""),
    )  # fmt: skip
    groups = tuple(
        ChecklistGroup(
            risk_point=_group_name(first),
            place=first.place if first.risk_point_id is not None else "",
            level=first.level if first.risk_point_id is not None else None,
            lines=tuple(ChecklistLine(i.content, i.standard, i.method) for i in items),
        )
        for first, items in _groups(data.items)
    )
    return ChecklistSheet(
        title=CHECKLIST_TITLE,
        subtitle=data.title if data.title != CHECKLIST_TITLE else "",
        fields=fields,
        groups=groups,
        notes=(
            f"共 {len(data.items)} 项。逐项在“合格”“不合格”或“不适用”栏打√；不合格项写明问题，回来后在系统中登记隐患。",
        ),
    )


def _page(paper: PaperSize | None) -> PageSetup:
    return PageSetup(paper=paper or PaperSize.A4, landscape=False)


def _checklists_for(
    db: Database, plan_id: int | None, task_id: int | None, item_ids: Sequence[int] | None
) -> list[Checklist]:
    if task_id is not None or plan_id is not None or item_ids is not None:
        return [checklist(db, task_id=task_id, plan_id=plan_id, item_ids=item_ids)]
    with db.read_session() as s:
        plan_ids = s.exec(
            select(CheckPlan.id).where(col(CheckPlan.is_active).is_(True)).order_by(col(CheckPlan.id))
        ).all()
    lists = [checklist(db, plan_id=p) for p in plan_ids if p is not None]
    lists = [c for c in lists if c.items]
    if lists:
        return lists
    return [checklist(db, item_ids=[i.id for i in list_items(db, include_inactive=False)])]


def render_checklist_pdf(
    db: Database,
    *,
    plan_id: int | None = None,
    task_id: int | None = None,
    item_ids: Sequence[int] | None = None,
    paper: PaperSize | None = None,
    today: date | None = None,
) -> tuple[bytes, int, int]:
    """The blank checklist(s) as PDF bytes, with the number of items and pages (see export_checklist)."""
    lists = _checklists_for(db, plan_id, task_id, item_ids)
    items = sum(len(c.items) for c in lists)
    if not items:
        raise NotFoundError("没有可打印的排查项：请先由管控措施生成排查清单，或在计划中选择排查项")
    with db.read_session() as s:
        enterprise = _enterprise_name(s)
    stream = io.BytesIO()
    pages = write_checklists_pdf(
        [_checklist_sheet(c) for c in lists], stream, enterprise=enterprise, printed_on=today or date.today(),
        page=_page(paper),
    )  # fmt: skip
    return stream.getvalue(), items, pages


def export_checklist(
    db: Database,
    out: Path,
    *,
    plan_id: int | None = None,
    task_id: int | None = None,
    paper: PaperSize | None = None,
    today: date | None = None,
) -> ExportResult:
    """隐患排查清单 as a blank PDF to take onto the floor: of one task (its plan's items, its due date),
    of one plan, or — with neither — one form per active plan (the whole checklist when there is
    no plan). A4 portrait unless ``paper`` says otherwise; ``items`` counts the check items."""
    data, items, pages = render_checklist_pdf(db, plan_id=plan_id, task_id=task_id, paper=paper, today=today)
    write_atomically(out, lambda stream: stream.write(data))
    return ExportResult(Path(out), "隐患排查清单", items, pages)


def _record_sheet(
    detail: CheckRecordDetail, dangers: dict[int, tuple[str, str, date | None]]
) -> CheckRecordSheet:
    groups: dict[int | None, list[ResultRow]] = {}
    for r in detail.results:
        groups.setdefault(r.risk_point_id, []).append(r)
    ordered = [(k, v) for k, v in groups.items() if k is not None] + (
        [(None, groups[None])] if None in groups else []
    )
    plan = detail.plan_name or "计划外排查"
    fields = (
        HeaderField("排查类型", detail.check_type.label),
        HeaderField("排查日期", detail.checked_on.isoformat()),
        HeaderField("排查计划", plan),
        HeaderField("受检部门/区域", detail.place),
        HeaderField("排查人", detail.checker_names),
        HeaderField("应完成日期", detail.task_due_on.isoformat() if detail.task_due_on else "—"),
    )
    danger_lines = []
    for r in detail.results:
        if r.hidden_danger_id is None or r.hidden_danger_id not in dangers:
            continue
        rectifier, description, deadline = dangers[r.hidden_danger_id]
        when = f"，整改期限 {deadline.isoformat()}" if deadline else ""
        who = f"，整改责任人 {rectifier}" if rectifier else ""
        danger_lines.append(f"{r.hidden_danger_number} {description}{who}{when}")
    return CheckRecordSheet(
        checked_on=detail.checked_on,
        check_type=detail.check_type.label,
        plan=plan,
        place=detail.place,
        checker_names=detail.checker_names,
        fields=fields,
        groups=tuple(
            RecordGroup(
                risk_point=(rows[0].risk_point_text if key is not None else GENERAL_ITEMS_TEXT),
                place=rows[0].place if key is not None else "",
                level=rows[0].level if key is not None else None,
                lines=tuple(
                    RecordLine(r.item_text, r.result, r.standard_text, r.remark, r.hidden_danger_number)
                    for r in rows
                ),
            )
            for key, rows in ordered
        ),
        conclusion=detail.summary,
        dangers=tuple(danger_lines),
    )


def _danger_facts(
    session: Session, details: Sequence[CheckRecordDetail]
) -> dict[int, tuple[str, str, date | None]]:
    ids = {r.hidden_danger_id for d in details for r in d.results if r.hidden_danger_id is not None}
    if not ids:
        return {}
    people = names_by_id(session, Person)
    return {
        h.id or 0: (people.get(h.rectifier_id or 0, ""), _short(h.description, 40), h.deadline)
        for h in session.exec(select(HiddenDanger).where(col(HiddenDanger.id).in_(ids))).all()
    }


def _sheets(
    db: Database, date_from: date | None, date_to: date | None, record_ids: Sequence[int] | None = None
) -> tuple[str, list[CheckRecordSheet]]:
    with db.read_session() as s:
        if record_ids is not None:
            records = [get_or_raise(s, CheckRecord, i, "排查记录") for i in record_ids]
        else:
            records = list(
                s.exec(
                    _records_in(s, date_from, date_to, None).order_by(
                        col(CheckRecord.checked_on), col(CheckRecord.id)
                    )
                ).all()
            )
        details = _record_details(db, s, records)
        dangers = _danger_facts(s, details)
        return _enterprise_name(s), [_record_sheet(d, dangers) for d in details]


def render_record_pdf(
    db: Database, record_id: int, *, today: date | None = None, paper: PaperSize | None = None
) -> bytes:
    """One filled check record as PDF bytes (for the preview and the printer)."""
    enterprise, sheets = _sheets(db, None, None, [record_id])
    stream = io.BytesIO()
    write_records_pdf(
        sheets, stream, enterprise=enterprise, printed_on=today or date.today(), page=_page(paper)
    )
    return stream.getvalue()


def export_checks(
    db: Database,
    out: Path,
    fmt: ExportFormat,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    paper: PaperSize | None = None,
    today: date | None = None,
) -> ExportResult:
    """排查记录 of a period (both ends included; no start means from the first record, no end means
    today): a workbook with the summary and every item result, or a PDF with the summary followed by
    every record as filed, with its signature lines. ``items`` counts the records."""
    title = "隐患排查记录"
    if fmt not in (ExportFormat.XLSX, ExportFormat.PDF):
        raise ValidationError(f"{title}只能导出为 xlsx、pdf 格式", "format")
    today = today or date.today()
    date_to = date_to or today
    if date_from is not None and date_from > date_to:
        raise ValidationError("开始日期不能晚于结束日期", "date_from")
    enterprise, sheets = _sheets(db, date_from, date_to)
    if not sheets:
        raise NotFoundError("所选期间没有排查记录")
    page = _page(paper)
    if fmt is ExportFormat.PDF:

        def write_pdf(stream: BinaryIO) -> int:
            return write_period_pdf(
                sheets,
                stream,
                enterprise=enterprise,
                printed_on=today,
                date_from=date_from,
                date_to=date_to,
                page=page,
            )

        pages: int | None = write_atomically(out, write_pdf)
    else:
        document = period_document(
            sheets, enterprise=enterprise, printed_on=today, date_from=date_from, date_to=date_to, page=page
        )
        write_atomically(out, lambda stream: write_table_xlsx(document, stream))
        pages = None
    return ExportResult(Path(out), title, len(sheets), pages)
