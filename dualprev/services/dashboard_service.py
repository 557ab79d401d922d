"""首页's figures beyond the counts: this month's 整改率 and checks, the checks due, the last six
months' hidden dangers found and closed, and what happened recently."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from dualprev.services.checks.common import as_utc, shorten
from dualprev.services.checks.tasks import TaskCounts, task_counts
from dualprev.services.work_safety import certificates as certificate_service
from dualprev.services.work_safety.certificates import CertificateReminders
from dualprev.storage.db import Database, Session
from dualprev.storage.queries import checks as check_queries
from dualprev.storage.queries import dashboard as queries

RECENT_ACTIVITY_LIMIT = 12
TREND_MONTHS = 6


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
    certificates: CertificateReminders
    """Special-operation certificates expired, or running out within 30 and within 60 days."""

    @property
    def month_rate_text(self) -> str:
        return f"{self.month_rate}%" if self.month_rate is not None else "—"


def _month_start(day: date, back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def dashboard(db: Database, *, today: date) -> DashboardFigures:
    """整改率 this month, checks due, the last six months' found/closed counts and recent activity."""
    start = _month_start(today)
    with db.read_session() as s:
        found_now = queries.count_dangers_found(session=s, date_from=start, date_to=today)
        closed_now = queries.count_dangers_found(session=s, date_from=start, date_to=today, closed_only=True)
        checks = queries.count_checks(session=s, date_from=start, date_to=today)
        first = _month_start(today, TREND_MONTHS - 1)
        found_by: dict[tuple[int, int], int] = defaultdict(int)
        for day in queries.found_dates_since(session=s, first=first):
            found_by[(day.year, day.month)] += 1
        closed_by: dict[tuple[int, int], int] = defaultdict(int)
        for closed_day in queries.closed_dates_since(session=s, first=first):
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
        certificates=certificate_service.reminders(db, today=today),
    )


def _recent(session: Session) -> tuple[Activity, ...]:
    """The latest checks recorded, hidden-danger steps and cards printed, newest first."""
    found: list[Activity] = []
    plans = check_queries.plan_names(session=session)
    for record in queries.latest_check_records(session=session, limit=RECENT_ACTIVITY_LIMIT):
        what = plans.get(record.plan_id, "") if record.plan_id else "计划外排查"
        found.append(
            Activity(
                as_utc(record.created_at),
                record.checker_names,
                ActivityKind.CHECK_RECORD,
                record.id or 0,
                f"{record.check_type.label}（{what}）：{record.summary}",
            )
        )
    for step in queries.latest_danger_events(session=session, limit=RECENT_ACTIVITY_LIMIT):
        event = step.event
        action = event.action + (f"→{event.to_status.label}" if event.to_status is not None else "")
        found.append(
            Activity(
                as_utc(event.at),
                event.performed_by or event.actor,
                ActivityKind.HIDDEN_DANGER,
                event.hidden_danger_id,
                f"隐患 {step.number} {action}：{shorten(step.description, 30)}",
            )
        )
    for card in queries.latest_card_prints(session=session, limit=RECENT_ACTIVITY_LIMIT):
        found.append(
            Activity(
                as_utc(card.printed.printed_at),
                "",
                ActivityKind.POST_CARD,
                card.printed.post_id,
                f"打印岗位告知卡：{card.post_name}（第 {card.printed.revision} 版）",
            )
        )
    found.sort(key=lambda a: a.at, reverse=True)
    return tuple(found[:RECENT_ACTIVITY_LIMIT])
