"""The post risk cards put up a month ago, and the floor plan with the risk map's zones."""

from datetime import datetime, timedelta

from dualprev.demo import content
from dualprev.demo.context import DemoContext
from dualprev.demo.pictures import draw_floor_plan
from dualprev.demo.timeline import at, local_day
from dualprev.domain.risk_map import ZoneShape
from dualprev.services import floor_plan_service, map_zone_service, post_card_service
from dualprev.services.image_import import prepare_plan_bytes
from dualprev.services.map_zone_service import ZoneInfo


def schedule_card_print(ctx: DemoContext) -> None:
    """The cards of the posts facing the larger risks, printed and put up a month ago."""
    printed_on = ctx.today - timedelta(days=content.CARDS_PRINTED_DAYS_AGO)

    def step(now: datetime) -> None:
        cards = [
            post_card_service.get_card(ctx.db, ctx.post(name), today=local_day(now))
            for name in content.PRINTED_CARD_POSTS
        ]
        post_card_service.record_print(ctx.db, cards, page_size="A4", actor=ctx.actor, printed_at=now)
        ctx.tally["card_prints"] += len(cards)

    ctx.timeline.schedule(at(printed_on, 16), step)


def draw_map(ctx: DemoContext) -> None:
    """Import the drawn site plan and outline a zone on it for every area and a few risk points."""
    drawing = draw_floor_plan()
    plan = floor_plan_service.add_plan(
        ctx.db,
        prepare_plan_bytes(drawing.png, f"{content.FLOOR_PLAN_NAME}.png"),
        content.FLOOR_PLAN_NAME,
        actor=ctx.actor,
        note="演示数据：厂区总平面示意图（1:500）",
    )
    ctx.tally["floor_plans"] += 1
    for order, zone in enumerate(drawing.zones):
        map_zone_service.save_zone(
            ctx.db,
            ZoneInfo(
                floor_plan_id=plan.id or 0,
                name=zone.name,
                shape=ZoneShape.RECT,
                points=tuple((float(x), float(y)) for x, y in zone.rect.corners()),
                area_id=ctx.optional_area(zone.area_code),
                risk_point_ids=(ctx.risk_point(zone.risk_point_code),) if zone.risk_point_code else (),
                label_at=(float(zone.label_at[0]), float(zone.label_at[1])),
                show_counts=bool(zone.area_code),
                sort_order=order,
            ),
            actor=ctx.actor,
        )
    ctx.tally["map_zones"] += len(drawing.zones)
