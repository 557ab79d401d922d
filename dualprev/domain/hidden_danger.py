"""Hidden-danger vocabulary and lifecycle (domain.md §8).

The transition table is the single source of the closed loop 登记 → 整改 → 验收 → 销号; ``逾期`` is
derived from the deadline, never stored.
"""

from datetime import date
from enum import StrEnum


class HiddenDangerLevel(StrEnum):
    """隐患级别."""

    GENERAL = "general"
    MAJOR = "major"

    @property
    def label(self) -> str:
        return {"general": "一般隐患", "major": "重大隐患"}[self.value]


class HiddenDangerCategory(StrEnum):
    """隐患类别."""

    MANAGEMENT = "management"
    SITE = "site"

    @property
    def label(self) -> str:
        return {"management": "基础管理类", "site": "现场管理类"}[self.value]


class HiddenDangerSource(StrEnum):
    """隐患来源."""

    CHECK = "check"
    WORKER_REPORT = "worker_report"
    EXTERNAL = "external"
    SELF_FOUND = "self_found"

    @property
    def label(self) -> str:
        return {
            "check": "排查发现",
            "worker_report": "员工报告",
            "external": "外部检查",
            "self_found": "自查发现",
        }[self.value]


class HiddenDangerStatus(StrEnum):
    """隐患状态 as stored. 逾期 is not one of them: see :func:`is_overdue`."""

    PENDING = "pending"
    RECTIFYING = "rectifying"
    AWAITING_ACCEPTANCE = "awaiting_acceptance"
    CLOSED = "closed"
    VOID = "void"

    @property
    def label(self) -> str:
        return {
            "pending": "待整改",
            "rectifying": "整改中",
            "awaiting_acceptance": "待验收",
            "closed": "已销号",
            "void": "已作废",
        }[self.value]

    @property
    def is_open(self) -> bool:
        return self not in (HiddenDangerStatus.CLOSED, HiddenDangerStatus.VOID)


OVERDUE_LABEL = "逾期"

_S = HiddenDangerStatus
TRANSITIONS: dict[HiddenDangerStatus, frozenset[HiddenDangerStatus]] = {
    _S.PENDING: frozenset({_S.RECTIFYING, _S.AWAITING_ACCEPTANCE, _S.VOID}),
    _S.RECTIFYING: frozenset({_S.AWAITING_ACCEPTANCE, _S.VOID}),
    # 验收不通过 goes back to 整改中.
    _S.AWAITING_ACCEPTANCE: frozenset({_S.CLOSED, _S.RECTIFYING, _S.VOID}),
    _S.CLOSED: frozenset(),
    _S.VOID: frozenset(),
}
"""Allowed moves. PENDING → AWAITING_ACCEPTANCE is the 立即整改 path (一般隐患 only)."""


def can_transition(current: HiddenDangerStatus, target: HiddenDangerStatus, level: HiddenDangerLevel) -> bool:
    """Whether the lifecycle allows ``current → target`` for a hidden danger of ``level``."""
    if target not in TRANSITIONS[current]:
        return False
    is_shortcut = current is _S.PENDING and target is _S.AWAITING_ACCEPTANCE
    return not (is_shortcut and level is HiddenDangerLevel.MAJOR)


def is_overdue(status: HiddenDangerStatus, deadline: date | None, today: date) -> bool:
    """逾期: the deadline has passed and the hidden danger is still open."""
    return status.is_open and deadline is not None and today > deadline


DEFAULT_DEADLINE_DAYS_GENERAL = 7
DEFAULT_DEADLINE_DAYS_TEAM = 3
"""domain.md §8.1: 一般隐患 7 days, 班组级 3 days; 重大隐患 per its remediation plan."""

REMEDIATION_PLAN_ITEMS: tuple[tuple[str, str], ...] = (
    ("goal_and_tasks", "目标和任务"),
    ("methods_and_measures", "方法和措施"),
    ("funds_and_materials", "经费和物资"),
    ("organisation_and_people", "负责机构和人员"),
    ("timeline_and_requirements", "时限和要求"),
    ("safety_and_emergency", "安全措施和应急预案"),
)
"""The items a 重大隐患 治理方案 must have before rectification starts (五到位)."""


def missing_plan_items(plan: dict[str, str]) -> list[str]:
    """Labels of the remediation-plan items that are empty in ``plan`` (field name → text)."""
    return [label for key, label in REMEDIATION_PLAN_ITEMS if not (plan.get(key) or "").strip()]


def format_number(year: int, serial: int, prefix: str = "YH") -> str:
    """隐患编号 such as ``YH-2026-0001``."""
    if serial < 1:
        raise ValueError("serial starts at 1")
    return f"{prefix}-{year}-{serial:04d}"


class PhotoStage(StrEnum):
    """When a photo was taken in the loop."""

    BEFORE = "before"
    AFTER = "after"
    ACCEPTANCE = "acceptance"
    CHECK = "check"

    @property
    def label(self) -> str:
        return {"before": "整改前", "after": "整改后", "acceptance": "验收", "check": "排查"}[self.value]


class OwnerTier(StrEnum):
    """Internal owner tier of a 一般隐患 (公司级 / 车间级 / 班组级)."""

    COMPANY = "company"
    WORKSHOP = "workshop"
    TEAM = "team"

    @property
    def label(self) -> str:
        return {"company": "公司级", "workshop": "车间级", "team": "班组级"}[self.value]
