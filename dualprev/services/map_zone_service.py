"""风险四色分布图 zones: the shapes drawn on a floor plan, what each holds (an area and linked risk
points), its colour and counts, and what a zone can be linked to.

A zone covers the risk points of its area and the risk points linked to it; its colour is the most
severe current level among them (从严从高), recomputed on every read so a regrade anywhere shows
at once.
"""

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from dualprev.domain import risk_map
from dualprev.domain.risk import RiskLevel
from dualprev.domain.risk_map import Point, ZoneShape
from dualprev.domain.validation import required_problem
from dualprev.errors import NotFoundError, ValidationError
from dualprev.services.risks.levels import risk_point_levels
from dualprev.storage import audit
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Area, FloorPlan, MapZone, MapZoneRiskPoint
from dualprev.storage.queries import floor_plans as queries
from dualprev.storage.queries import organisation, risk_levels, risks
from dualprev.storage.repos import get_or_raise, names_by_id

# --- records crossing the layer boundary ------------------------------------------------------


@dataclass(frozen=True)
class ZoneInfo:
    """A zone as edited: geometry in plan pixels and what it holds. ``id`` None means new."""

    floor_plan_id: int
    name: str
    shape: ZoneShape
    points: tuple[Point, ...]
    area_id: int | None = None
    risk_point_ids: tuple[int, ...] = ()
    label_at: Point | None = None
    """Where the label goes; None: computed from the shape."""
    show_counts: bool = False
    sort_order: int | None = None
    """Drawing order (later on top); None on a new zone puts it on top."""
    id: int | None = None


@dataclass(frozen=True)
class ZoneView:
    """A zone with what it currently shows."""

    info: ZoneInfo
    area_name: str
    level: RiskLevel | None
    counts: tuple[tuple[RiskLevel, int], ...]
    """Risk points it holds per level, all four levels in order."""
    unevaluated: int
    label_point: Point
    label_lines: tuple[str, ...]

    @property
    def id(self) -> int:
        return self.info.id or 0

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def risk_point_count(self) -> int:
        return sum(n for _level, n in self.counts) + self.unevaluated


@dataclass(frozen=True)
class AreaChoice:
    id: int
    name: str
    code: str
    level: RiskLevel | None
    risk_point_count: int


@dataclass(frozen=True)
class RiskPointChoice:
    id: int
    code: str
    name: str
    area_id: int | None
    area_name: str
    level: RiskLevel | None


@dataclass(frozen=True)
class ZoneChoices:
    """What a zone can be linked to: the areas, and every risk point."""

    areas: tuple[AreaChoice, ...]
    risk_points: tuple[RiskPointChoice, ...]


# --- geometry as stored ------------------------------------------------------------------------


def zone_points(text: str) -> tuple[Point, ...]:
    """The points of a zone's stored JSON outline; () when it is unreadable."""
    try:
        raw = json.loads(text or "[]")
        return tuple((float(p[0]), float(p[1])) for p in raw)
    except (ValueError, TypeError, IndexError):
        return ()


def dump_zone_points(points: Iterable[Point]) -> str:
    """A zone's outline as stored."""
    # Sub-pixel precision is noise on a floor plan; a tenth keeps the JSON short.
    return json.dumps([[round(x, 1), round(y, 1)] for x, y in points])


# --- zones -------------------------------------------------------------------------------------


def _zone_info(row: MapZone, risk_point_ids: Sequence[int]) -> ZoneInfo:
    label = (row.label_x, row.label_y) if row.label_x is not None and row.label_y is not None else None
    return ZoneInfo(
        id=row.id,
        floor_plan_id=row.floor_plan_id,
        name=row.name,
        shape=ZoneShape(row.shape),
        points=zone_points(row.points),
        area_id=row.area_id,
        risk_point_ids=tuple(sorted(risk_point_ids)),
        label_at=label,
        show_counts=row.show_counts,
        sort_order=row.sort_order,
    )


def _validated(info: ZoneInfo, plan: FloorPlan) -> ZoneInfo:
    name = info.name.strip()
    problem = required_problem(name, "区块名称", risk_map.ZONE_NAME_MAX)
    if problem:
        raise ValidationError(problem, "name")
    try:
        shape = ZoneShape(info.shape)
    except ValueError:
        raise ValidationError(f"未知的区块形状：{info.shape}", "shape") from None
    points = risk_map.normalise_points(shape, info.points)
    problem = risk_map.zone_shape_problem(shape, points, plan.width, plan.height)
    if problem:
        raise ValidationError(problem, "points")
    points = risk_map.clamp_points(points, plan.width, plan.height)
    if info.area_id is None and not info.risk_point_ids:
        raise ValidationError("请为区块选择对应的区域，或关联至少一个风险点", "area_id")
    label = info.label_at
    if label is not None and not risk_map.point_in_polygon(label, points):
        label = None  # a label left outside its zone (after a vertex edit) goes back to the middle
    return replace(
        info,
        name=name,
        shape=shape,
        points=points,
        label_at=label,
        risk_point_ids=tuple(dict.fromkeys(info.risk_point_ids)),
    )


def _set_links(session: Session, zone_id: int, risk_point_ids: Sequence[int]) -> tuple[list[int], list[int]]:
    wanted = set(risk_point_ids)
    if wanted:
        found = queries.existing_risk_point_ids(session=session, ids=wanted)
        missing = sorted(wanted - found)
        if missing:
            raise NotFoundError(f"风险点不存在（编号 {'、'.join(map(str, missing))}），可能已被删除")
    existing = {link.risk_point_id: link for link in queries.zone_links(session=session, zone_id=zone_id)}
    for rp_id, link in existing.items():
        if rp_id not in wanted:
            session.delete(link)
    for rp_id in wanted - existing.keys():
        session.add(MapZoneRiskPoint(zone_id=zone_id, risk_point_id=rp_id))
    return sorted(existing), sorted(wanted)


def save_zone(db: Database, info: ZoneInfo, *, actor: str) -> int:
    """Create or update a zone with its linked risk points; returns its id.

    Refuses an empty name, a shape that is too small, self-crossing or off the plan, a zone with
    neither an area nor a linked risk point, and references to records that do not exist.
    """
    with db.session() as s:
        plan: FloorPlan = get_or_raise(s, FloorPlan, info.floor_plan_id, "平面图")
        clean = _validated(info, plan)
        if clean.area_id is not None:
            get_or_raise(s, Area, clean.area_id, "区域")
        created = clean.id is None
        if clean.id is None:
            row = MapZone(floor_plan_id=plan.id or 0, name=clean.name)
        else:
            row = get_or_raise(s, MapZone, clean.id, "区块")
            if row.floor_plan_id != clean.floor_plan_id:
                raise ValidationError("区块不属于该平面图，请重新打开后再保存", "floor_plan_id")
        if clean.sort_order is not None:
            sort_order = clean.sort_order
        elif created:
            sort_order = queries.next_zone_sort_order(session=s, plan_id=plan.id)
        else:
            sort_order = row.sort_order
        values: dict[str, Any] = {
            "name": clean.name,
            "shape": clean.shape,
            "points": dump_zone_points(clean.points),
            "area_id": clean.area_id,
            "label_x": None if clean.label_at is None else round(clean.label_at[0], 1),
            "label_y": None if clean.label_at is None else round(clean.label_at[1], 1),
            "show_counts": clean.show_counts,
            "sort_order": sort_order,
        }
        changes = audit.diff({k: getattr(row, k) for k in values}, values)
        for key, value in values.items():
            setattr(row, key, value)
        s.add(row)
        s.flush()
        zone_id = row.id
        assert zone_id is not None
        before, after = _set_links(s, zone_id, clean.risk_point_ids)
        if before != after:
            changes["risk_point_ids"] = [before, after]
        audit.record(
            s,
            actor=actor,
            action="create" if created else "update",
            entity="map_zone",
            entity_id=zone_id,
            summary=f"{'新增' if created else '修改'}分布图区块：{plan.name} / {row.name}",
            changes=changes,
        )
        return zone_id


def move_zone(
    db: Database, zone_id: int, points: Sequence[Point], label_at: Point | None, *, actor: str
) -> None:
    """Change only a zone's outline and label position (a drag on the map)."""
    with db.session() as s:
        row: MapZone = get_or_raise(s, MapZone, zone_id, "区块")
        plan: FloorPlan = get_or_raise(s, FloorPlan, row.floor_plan_id, "平面图")
        shape = ZoneShape(row.shape)
        pts = risk_map.normalise_points(shape, points)
        problem = risk_map.zone_shape_problem(shape, pts, plan.width, plan.height)
        if problem:
            raise ValidationError(problem, "points")
        pts = risk_map.clamp_points(pts, plan.width, plan.height)
        if label_at is not None and not risk_map.point_in_polygon(label_at, pts):
            label_at = None
        old = {"points": row.points, "label_x": row.label_x, "label_y": row.label_y}
        row.points = dump_zone_points(pts)
        row.label_x = None if label_at is None else round(label_at[0], 1)
        row.label_y = None if label_at is None else round(label_at[1], 1)
        s.add(row)
        audit.record(
            s,
            actor=actor,
            action="update",
            entity="map_zone",
            entity_id=zone_id,
            summary=f"调整分布图区块位置：{plan.name} / {row.name}",
            changes=audit.diff(old, {"points": row.points, "label_x": row.label_x, "label_y": row.label_y}),
        )


def get_zone(db: Database, zone_id: int) -> ZoneInfo:
    with db.read_session() as s:
        row: MapZone = get_or_raise(s, MapZone, zone_id, "区块")
        links = [link.risk_point_id for link in queries.zone_links(session=s, zone_id=zone_id)]
        return _zone_info(row, links)


def delete_zone(db: Database, zone_id: int, *, actor: str) -> ZoneInfo:
    """Delete a zone (its area and risk points stay); returns it as it was, so it can be restored
    with :func:`save_zone` (with ``id`` None)."""
    with db.session() as s:
        row: MapZone = get_or_raise(s, MapZone, zone_id, "区块")
        links = [link.risk_point_id for link in queries.zone_links(session=s, zone_id=zone_id)]
        info = _zone_info(row, links)
        plan = s.get(FloorPlan, row.floor_plan_id)
        s.delete(row)
        audit.record(
            s,
            actor=actor,
            action="delete",
            entity="map_zone",
            entity_id=zone_id,
            summary=f"删除分布图区块：{plan.name if plan else ''} / {row.name}",
        )
        return info


def _zone_view(
    row: MapZone, covered: set[int], linked: set[int], levels: dict[int, RiskLevel | None], area_name: str
) -> ZoneView:
    info = _zone_info(row, sorted(linked))
    point_levels = [levels.get(rp) for rp in covered]
    counts, unevaluated = risk_map.counts_by_level(point_levels)
    level = risk_map.zone_level(point_levels)
    pts = info.points
    label = info.label_at or (risk_map.label_point(pts) if len(pts) >= 3 else (0.0, 0.0))
    lines = risk_map.zone_label_lines(info.name, level, counts if info.show_counts else None, unevaluated)
    return ZoneView(
        info=info,
        area_name=area_name,
        level=level,
        counts=tuple((lv, counts[lv]) for lv in RiskLevel),
        unevaluated=unevaluated,
        label_point=label,
        label_lines=lines,
    )


def list_zones(db: Database, plan_id: int) -> list[ZoneView]:
    """The zones of a plan in drawing order (larger first, so nested zones are never hidden), each
    with its current level (从严从高 over the risk points of its area and those linked to it), its
    counts by level and its label."""
    levels = risk_point_levels(db)
    with db.read_session() as s:
        get_or_raise(s, FloorPlan, plan_id, "平面图")
        by_area = queries.risk_points_by_area(session=s)
        linked = queries.linked_risk_points(session=s)
        areas = names_by_id(s, Area)
        views = []
        for row in queries.zones(session=s, plan_id=plan_id):
            own = linked.get(row.id or 0, set())
            covered = own | by_area.get(row.area_id or -1, set())
            views.append(_zone_view(row, covered, own, levels, areas.get(row.area_id or 0, "")))
        order = risk_map.drawing_order([(v.info.points, v.info.sort_order or 0) for v in views])
        return [views[i] for i in order]


def zone_choices(db: Database) -> ZoneChoices:
    """The areas (with their level) and risk points (with area and level) a zone can hold."""
    with db.read_session() as s:
        levels = risk_levels.risk_point_levels(session=s)
        area_levels = risk_levels.area_levels(session=s)
        areas = organisation.areas(session=s)
        points = risks.risk_points_in_order(session=s)
        area_names = {a.id: a.name for a in areas}
        point_counts = Counter(p.area_id for p in points if p.area_id is not None)
        return ZoneChoices(
            areas=tuple(
                AreaChoice(a.id or 0, a.name, a.code, area_levels.get(a.id or 0), point_counts[a.id or 0])
                for a in areas
            ),
            risk_points=tuple(
                RiskPointChoice(
                    p.id or 0, p.code, p.name, p.area_id, area_names.get(p.area_id, ""), levels.get(p.id or 0)
                )
                for p in points
            ),
        )
