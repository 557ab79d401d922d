"""首页's figures on the demo factory, before and after a check, and on an empty database."""

from datetime import date

from sqlmodel import col, select

from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.services import dashboard_service
from dualprev.services.checks import items as check_items
from dualprev.services.checks import recording
from dualprev.storage.db import Database
from dualprev.storage.models import HiddenDanger

from .checks.conftest import ACTOR, TODAY, check_with_one_failure, todays_task


def test_dashboard_figures(demo_db: Database) -> None:
    figures = dashboard_service.dashboard(demo_db, today=TODAY)
    assert figures.month_start == date(2026, 11, 1)
    with demo_db.read_session() as s:
        found = s.exec(select(HiddenDanger).where(col(HiddenDanger.found_on) >= date(2026, 11, 1))).all()
    real = [h for h in found if h.status is not HiddenDangerStatus.VOID]
    closed = [h for h in real if h.status is HiddenDangerStatus.CLOSED]
    assert (figures.month_found, figures.month_closed) == (len(real), len(closed))
    assert figures.month_rate_text == f"{round(100 * len(closed) / len(real), 1)}%"
    assert (figures.tasks.due_today, figures.tasks.overdue) == (2, 1)
    assert [m.label for m in figures.months] == ["6月", "7月", "8月", "9月", "10月", "11月"]
    assert figures.months[-1].found == len(real)
    assert figures.recent and figures.recent == tuple(
        sorted(figures.recent, key=lambda a: a.at, reverse=True)
    )
    task = todays_task(demo_db)
    detail = recording.record_check(demo_db, check_with_one_failure(demo_db, task), actor=ACTOR, today=TODAY)
    after = dashboard_service.dashboard(demo_db, today=TODAY)
    assert after.month_found == figures.month_found + 1 and after.tasks.due_today == 1
    assert {(a.kind, a.target_id) for a in after.recent[:3]} >= {
        (dashboard_service.ActivityKind.CHECK_RECORD, detail.id)
    }


def test_no_hidden_danger_this_month_has_no_rate(empty_db: Database) -> None:
    figures = dashboard_service.dashboard(empty_db, today=TODAY)
    assert figures.month_rate is None and figures.month_rate_text == "—" and figures.recent == ()
    assert (
        check_items.list_items(empty_db) == []
        and check_items.generate_items(empty_db, actor=ACTOR).created == 0
    )
