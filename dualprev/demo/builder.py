"""The demo factory: fills an empty database with a realistic small machining plant.

:func:`build_demo` sets up the enterprise and its organisation, then plays back a year of its
safety work through the services, each step on the day (and hour) it happened: the risk
identification and evaluations with their sign-off, the post risk cards printed a month ago (two
of them since outdated by a re-evaluation and a new measure), check items, plans, tasks and the
checks carried out, a ledger of hidden dangers with their timelines and photos, and a floor plan
with map zones. Everything is dated relative to ``today``, so the demo looks current whenever it
is built, and written in one transaction. The content is in :mod:`dualprev.demo.content`, the
pictures in :mod:`dualprev.demo.pictures`.
"""

from dataclasses import dataclass, fields
from datetime import date

from dualprev.demo import cards_and_map, checks, major_check, organisation, risks, work_safety
from dualprev.demo import duties as duty_content
from dualprev.demo.context import DemoContext
from dualprev.demo.hidden_dangers import Ledger, count_events
from dualprev.demo.timeline import Timeline
from dualprev.errors import ConflictError
from dualprev.services import floor_plan_service
from dualprev.services import organisation_service as org
from dualprev.services.hidden_dangers import ledger
from dualprev.storage.db import Database


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo wrote."""

    departments: int
    people: int
    areas: int
    posts: int
    risk_points: int
    hazards: int
    evaluations: int
    control_measures: int
    check_items: int
    check_plans: int
    check_tasks: int
    check_records: int
    check_results: int
    hidden_dangers: int
    hidden_danger_events: int
    photos: int
    floor_plans: int
    map_zones: int
    card_prints: int


def build_demo(db: Database, *, today: date, actor: str = "系统") -> DemoSummary:
    """Write the demo factory into ``db``, which must hold no enterprise data yet.

    Everything is written in one transaction: a failure leaves the database as it was (image files
    already stored beside it are content-addressed and harmless). Raises ConflictError for a
    database that already has data.
    """
    _refuse_if_not_empty(db, today)
    with db.one_transaction() as tx:
        ctx = DemoContext(tx, today, actor, Timeline(today))
        organisation.set_up(ctx)
        risks.schedule(ctx)
        cards_and_map.schedule_card_print(ctx)
        planned = checks.planned_tasks(ctx)
        ledger = Ledger(ctx, planned)
        checks.schedule(ctx, planned, ledger.findings, ledger.registered_at)
        ledger.schedule()
        ctx.timeline.run()
        found_in_self_check = major_check.record(ctx)
        cards_and_map.draw_map(ctx)
        duty_content.schedule(ctx)
        work_safety.write(ctx)
        ctx.tally["check_tasks"] = checks.count_tasks(ctx)
        ctx.tally["hidden_danger_events"] = count_events(ctx, [*ledger.registered, *found_in_self_check])
        return DemoSummary(**{f.name: ctx.tally[f.name] for f in fields(DemoSummary)})


def _refuse_if_not_empty(db: Database, today: date) -> None:
    if (
        org.get_enterprise(db) is not None
        or org.list_departments(db)
        or org.list_people(db)
        or org.list_areas(db)
        or org.list_risk_point_refs(db)
        or ledger.query(db, today=today, limit=1).total
        or floor_plan_service.list_plans(db)
    ):
        raise ConflictError("当前数据库已有企业数据，演示企业只能生成到空数据库中。请新建一个数据库后再试。")
