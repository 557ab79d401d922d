"""全员安全生产责任制, 履职记录 and 培训: the roles, record kinds, what falls due and the rules of
training hours. Pure rules, no storage.

The principal's statutory duties are the seven items of 安全生产法 (2021) 第二十一条; they ship in
``resources/library/duty_library.json`` with the typical duties of the other roles.
"""

import json
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

DUTY_LIBRARY_FORMAT = 1


class LeaderRole(StrEnum):
    """Whose duty list it is (a list belongs to a role or to a post)."""

    PRINCIPAL = "principal"
    DEPUTY = "deputy"
    SAFETY_MANAGER = "safety_manager"
    WORKSHOP_HEAD = "workshop_head"
    TEAM_LEADER = "team_leader"
    EMPLOYEE = "employee"

    @property
    def label(self) -> str:
        return _ROLE_LABELS[self]


_ROLE_LABELS = {
    LeaderRole.PRINCIPAL: "主要负责人",
    LeaderRole.DEPUTY: "分管负责人",
    LeaderRole.SAFETY_MANAGER: "安全管理人员",
    LeaderRole.WORKSHOP_HEAD: "车间主任",
    LeaderRole.TEAM_LEADER: "班组长",
    LeaderRole.EMPLOYEE: "岗位员工",
}


class DutyRecordKind(StrEnum):
    """履职记录 kinds."""

    CHECK = "check"
    DRILL = "drill"
    MEETING = "meeting"
    INVESTMENT = "investment"

    @property
    def label(self) -> str:
        return {
            "check": "带队检查",
            "drill": "应急演练",
            "meeting": "安全生产会议",
            "investment": "安全投入",
        }[self]


class TrainingKind(StrEnum):
    """培训课程的类别."""

    INDUCTION = "induction"
    TRANSFER = "transfer"
    ANNUAL = "annual"
    SPECIAL = "special"

    @property
    def label(self) -> str:
        return {
            "induction": "三级安全教育（新员工岗前）",
            "transfer": "转岗/复岗培训",
            "annual": "年度再培训",
            "special": "专题培训",
        }[self]


# 原安监总局令第3号: 主要负责人 and 安全生产管理人员 re-train ≥ 12 学时 a year, new workers ≥ 24 学时
# before work. The national rule names no annual figure for other 工贸 workers; 8 学时 is the usual
# local figure (verify against the province's rule).
ANNUAL_HOURS_LEADER = 12
ANNUAL_HOURS_STAFF = 8
INDUCTION_HOURS = 24
LEADER_ROLE_WORDS = ("主要负责人", "总经理", "厂长", "安全管理", "安全员", "安全环保部")


def required_annual_hours(role_text: str) -> int:
    """Annual re-training hours a person with the 职务 ``role_text`` needs."""
    return ANNUAL_HOURS_LEADER if any(word in role_text for word in LEADER_ROLE_WORDS) else ANNUAL_HOURS_STAFF


@dataclass(frozen=True)
class LibraryDuty:
    text: str
    source: str = ""


@dataclass(frozen=True)
class DutyLibrary:
    version: str
    title: str
    source: str
    roles: dict[LeaderRole, tuple[LibraryDuty, ...]]


def parse_duty_library(text: str) -> DutyLibrary:
    """The shipped duty library; ValueError naming the fault for a malformed file."""
    data: Any = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != DUTY_LIBRARY_FORMAT:
        raise ValueError(f"duty library: format must be {DUTY_LIBRARY_FORMAT}")
    roles: dict[LeaderRole, tuple[LibraryDuty, ...]] = {}
    for entry in data.get("roles", []):
        role = LeaderRole(entry["role"])
        duties = tuple(LibraryDuty(str(d["text"]).strip(), str(d.get("source", ""))) for d in entry["duties"])
        if not duties or any(not d.text for d in duties):
            raise ValueError(f"duty library: role {role.value} has an empty duty")
        roles[role] = duties
    missing = [r.value for r in LeaderRole if r not in roles]
    if missing:
        raise ValueError(f"duty library: no duties for {', '.join(missing)}")
    return DutyLibrary(
        str(data.get("version", "")), str(data.get("title", "")), str(data.get("source", "")), roles
    )


# --- what falls due ------------------------------------------------------------------------------


class DueState(StrEnum):
    DONE = "done"
    DUE = "due"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return {"done": "已完成", "due": "待完成", "overdue": "逾期"}[self]


@dataclass(frozen=True)
class DuePeriod:
    """One period in which a duty record is required (e.g. 2026年11月 带队检查)."""

    kind: DutyRecordKind
    start: date
    end: date
    label: str
    done_on: date | None

    def state(self, today: date) -> DueState:
        if self.done_on is not None:
            return DueState.DONE
        return DueState.OVERDUE if today > self.end else DueState.DUE


# Months per period for the periodic records (带队检查 monthly, 演练 half-yearly, 会议 quarterly);
# 安全投入 has no period: it is recorded when spent.
PERIOD_MONTHS = {DutyRecordKind.CHECK: 1, DutyRecordKind.DRILL: 6, DutyRecordKind.MEETING: 3}
LOOK_BACK_MONTHS = 12


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _from_index(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _period_label(kind: DutyRecordKind, start: date) -> str:
    months = PERIOD_MONTHS[kind]
    if months == 1:
        return f"{start.year}年{start.month}月"
    if months == 3:
        return f"{start.year}年第{(start.month - 1) // 3 + 1}季度"
    return f"{start.year}年{'上' if start.month <= 6 else '下'}半年"


def due_periods(
    kind: DutyRecordKind, done_dates: list[date], *, today: date, since: date | None = None
) -> list[DuePeriod]:
    """The periods of ``kind`` from a year back (not before ``since``) up to the current one,
    each with the first day a record fell in it."""
    months = PERIOD_MONTHS[kind]
    current = _month_index(today) // months * months
    first = current - (LOOK_BACK_MONTHS // months - 1) * months
    if since is not None:
        first = max(first, _month_index(since) // months * months)
    periods: list[DuePeriod] = []
    for index in range(first, current + 1, months):
        start = _from_index(index)
        end = _from_index(index + months) - timedelta(days=1)
        done = sorted(d for d in done_dates if start <= d <= end)
        periods.append(DuePeriod(kind, start, end, _period_label(kind, start), done[0] if done else None))
    return periods


def void_problem(already_void: bool, reason: str) -> str | None:
    """Why a record cannot be voided, or None."""
    if already_void:
        return "该记录已作废"
    if not reason.strip():
        return "请填写作废原因"
    return None
