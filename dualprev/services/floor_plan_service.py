"""风险四色分布图 use cases: floor plans (import, replace, rename, delete), the zones drawn on them,
each zone's colour and counts, and the export of the map as PDF or PNG.

A zone covers the risk points of its area and the risk points linked to it; its colour is the most
severe current level among them (从严从高), recomputed on every read so a regrade anywhere shows
at once. Plan images are files beside the database under content-hashed names; a write that fails
leaves no new file behind.
"""

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, func, select

from dualprev import output_guard
from dualprev.domain import risk_map
from dualprev.domain.risk import RiskLevel
from dualprev.domain.risk_map import Point, ZoneShape
from dualprev.domain.validation import required_problem
from dualprev.errors import ConflictError, NotFoundError, StorageError, ValidationError
from dualprev.reports.risk_map_data import MajorRiskRow, MapPaper, MapZoneData, RiskMapSheet
from dualprev.reports.risk_map_pdf import write_risk_map_pdf
from dualprev.reports.risk_map_png import write_risk_map_png
from dualprev.services.image_import import PlanLines, PreparedImage, detect_lines, prepare_plan_image
from dualprev.services.risk_service import risk_point_levels
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.files import FileStore
from dualprev.storage.models import (
    AccidentTypeRecord,
    Area,
    Department,
    Enterprise,
    FloorPlan,
    Hazard,
    HazardAccidentType,
    MapZone,
    MapZoneRiskPoint,
    Person,
    Photo,
    RiskPoint,
)
from dualprev.storage.repos import get_or_raise

PLAN_NAME_MAX = 100

# --- records crossing the layer boundary ------------------------------------------------------


@dataclass(frozen=True)
class FloorPlanInfo:
    id: int
    name: str
    width: int
    height: int
    image_path: Path
    """Absolute path of the image file beside the database."""
    image_exists: bool
    zone_count: int
    note: str = ""
    downsized_from: tuple[int, int] | None = None
    """Set by an import that had to reduce a very large image (its original size)."""


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


# --- helpers -----------------------------------------------------------------------------------


def _store(db: Database) -> FileStore:
    return FileStore(db.files_dir)


def _plan_info(
    db: Database, row: FloorPlan, zone_count: int, downsized: tuple[int, int] | None = None
) -> FloorPlanInfo:
    store = _store(db)
    return FloorPlanInfo(
        id=row.id or 0,
        name=row.name,
        width=row.width,
        height=row.height,
        image_path=store.path(row.file_name),
        image_exists=store.exists(row.file_name),
        zone_count=zone_count,
        note=row.note,
        downsized_from=downsized,
    )


def _zone_count(session: Session, plan_id: int) -> int:
    return int(
        session.exec(select(func.count()).select_from(MapZone).where(MapZone.floor_plan_id == plan_id)).one()
    )


def _check_plan_name(session: Session, name: str, plan_id: int | None) -> str:
    name = name.strip()
    problem = required_problem(name, "平面图名称", PLAN_NAME_MAX)
    if problem:
        raise ValidationError(problem, "name")
    clash = session.exec(
        select(FloorPlan).where(FloorPlan.name == name, FloorPlan.id != (plan_id or -1))
    ).first()
    if clash is not None:
        raise ConflictError(f"已有名为“{name}”的平面图，请换一个名称（如按楼栋、楼层命名）")
    return name


class _StagedFile:
    """A file written for one transaction; removed again if the transaction fails and it was new."""

    def __init__(self, store: FileStore, image: PreparedImage) -> None:
        name = store.name_for(image.data, image.suffix)
        self.existed = store.exists(name)
        self.name = store.put(image.data, image.suffix)
        self.path = store.path(self.name)

    def discard(self) -> None:
        if not self.existed:
            self.path.unlink(missing_ok=True)


@contextmanager
def _staged(db: Database, image: PreparedImage) -> Iterator[_StagedFile]:
    staged = _StagedFile(_store(db), image)
    try:
        yield staged
    except BaseException:
        staged.discard()
        raise


def _remove_unreferenced(db: Database, file_name: str) -> None:
    """Delete an image file nothing refers to any more (identical images share one file)."""
    with db.read_session() as s:
        in_plans = s.exec(
            select(func.count()).select_from(FloorPlan).where(FloorPlan.file_name == file_name)
        ).one()
        in_photos = s.exec(
            select(func.count())
            .select_from(Photo)
            .where((col(Photo.file_name) == file_name) | (col(Photo.thumb_name) == file_name))
        ).one()
    if not in_plans and not in_photos:
        _store(db).path(file_name).unlink(missing_ok=True)


# --- floor plans -------------------------------------------------------------------------------


def list_plans(db: Database) -> list[FloorPlanInfo]:
    """Every floor plan in its order, with its zone count and whether its image file is there."""
    with db.read_session() as s:
        counts = dict(
            s.exec(select(MapZone.floor_plan_id, func.count()).group_by(col(MapZone.floor_plan_id))).all()
        )
        rows = s.exec(select(FloorPlan).order_by(col(FloorPlan.sort_order), col(FloorPlan.id))).all()
        return [_plan_info(db, r, int(counts.get(r.id or 0, 0))) for r in rows]


def get_plan(db: Database, plan_id: int) -> FloorPlanInfo:
    with db.read_session() as s:
        row: FloorPlan = get_or_raise(s, FloorPlan, plan_id, "平面图")
        return _plan_info(db, row, _zone_count(s, plan_id))


def import_plan(db: Database, path: Path, name: str, *, actor: str) -> FloorPlanInfo:
    """Import the image at ``path`` as a new floor plan called ``name``.

    The image is made upright (EXIF), turned into plain RGB (palette, CMYK, transparency, 16-bit)
    and reduced to at most 8000 pixels on its longer side. A corrupt, truncated or non-image file,
    an empty or duplicate name are refused with a ValidationError/ConflictError and nothing is
    stored — neither a row nor a file.
    """
    with db.read_session() as s:
        _check_plan_name(s, name, None)
    image = prepare_plan_image(Path(path))
    with _staged(db, image) as staged, db.session() as s:
        clean = _check_plan_name(s, name, None)
        order = int(s.exec(select(func.coalesce(func.max(FloorPlan.sort_order), -1))).one()) + 1
        row = FloorPlan(
            name=clean, file_name=staged.name, width=image.width, height=image.height, sort_order=order
        )
        s.add(row)
        s.flush()
        note = (
            f"，原图 {image.downsized_from[0]}×{image.downsized_from[1]} 已缩小"
            if image.downsized_from
            else ""
        )
        audit.record(
            s,
            actor=actor,
            action="import",
            entity="floor_plan",
            entity_id=row.id,
            summary=f"导入平面图：{clean}（{image.width}×{image.height} 像素{note}）",
            changes={"file": [None, Path(path).name]},
        )
        return _plan_info(db, row, 0, image.downsized_from)


def replace_plan_image(db: Database, plan_id: int, path: Path, *, actor: str) -> FloorPlanInfo:
    """Put a new image under an existing plan (the building was changed, a better scan came).

    Zones are scaled with the image size, so zones drawn on the old image land on the same part of
    a new image of the same drawing at another resolution.
    """
    image = prepare_plan_image(Path(path))
    with _staged(db, image) as staged, db.session() as s:
        row: FloorPlan = get_or_raise(s, FloorPlan, plan_id, "平面图")
        old_file, old_size = row.file_name, (row.width, row.height)
        sx, sy = image.width / max(row.width, 1), image.height / max(row.height, 1)
        if (sx, sy) != (1.0, 1.0):
            for zone in s.exec(select(MapZone).where(MapZone.floor_plan_id == plan_id)).all():
                pts = [(x * sx, y * sy) for x, y in _points(zone.points)]
                zone.points = _dump_points(risk_map.clamp_points(pts, image.width, image.height))
                if zone.label_x is not None and zone.label_y is not None:
                    zone.label_x, zone.label_y = zone.label_x * sx, zone.label_y * sy
                s.add(zone)
        row.file_name, row.width, row.height = staged.name, image.width, image.height
        s.add(row)
        audit.record(
            s,
            actor=actor,
            action="update",
            entity="floor_plan",
            entity_id=plan_id,
            summary=f"更换平面图图片：{row.name}（{image.width}×{image.height} 像素）",
            changes={
                "file_name": [old_file, staged.name],
                "size": [list(old_size), [image.width, image.height]],
            },
        )
        info = _plan_info(db, row, _zone_count(s, plan_id), image.downsized_from)
    if old_file != staged.name:
        _remove_unreferenced(db, old_file)
    return info


def rename_plan(db: Database, plan_id: int, name: str, *, actor: str) -> FloorPlanInfo:
    with db.session() as s:
        row: FloorPlan = get_or_raise(s, FloorPlan, plan_id, "平面图")
        clean = _check_plan_name(s, name, plan_id)
        old = row.name
        row.name = clean
        s.add(row)
        audit.record(
            s,
            actor=actor,
            action="update",
            entity="floor_plan",
            entity_id=plan_id,
            summary=f"平面图改名：{old} → {clean}",
            changes={"name": [old, clean]},
        )
        return _plan_info(db, row, _zone_count(s, plan_id))


def delete_plan(db: Database, plan_id: int, *, actor: str) -> None:
    """Delete a plan with its zones (the areas and risk points stay); its image file goes too
    unless another record uses the same picture."""
    with db.session() as s:
        row: FloorPlan = get_or_raise(s, FloorPlan, plan_id, "平面图")
        zones = _zone_count(s, plan_id)
        file_name = row.file_name
        s.delete(row)
        audit.record(
            s,
            actor=actor,
            action="delete",
            entity="floor_plan",
            entity_id=plan_id,
            summary=f"删除平面图：{row.name}（含区块 {zones} 个）",
            changes={"zones": zones},
        )
    _remove_unreferenced(db, file_name)


def plan_lines(db: Database, plan_id: int) -> PlanLines:
    """The walls and other long straight lines of a plan's image, for snapping."""
    return detect_lines(get_plan(db, plan_id).image_path)


# --- zones -------------------------------------------------------------------------------------


def _points(text: str) -> tuple[Point, ...]:
    try:
        raw = json.loads(text or "[]")
        return tuple((float(p[0]), float(p[1])) for p in raw)
    except (ValueError, TypeError, IndexError):
        return ()


def _dump_points(points: Iterable[Point]) -> str:
    # Sub-pixel precision is noise on a floor plan; a tenth keeps the JSON short.
    return json.dumps([[round(x, 1), round(y, 1)] for x, y in points])


def _zone_info(row: MapZone, risk_point_ids: Sequence[int]) -> ZoneInfo:
    label = (row.label_x, row.label_y) if row.label_x is not None and row.label_y is not None else None
    return ZoneInfo(
        id=row.id,
        floor_plan_id=row.floor_plan_id,
        name=row.name,
        shape=ZoneShape(row.shape),
        points=_points(row.points),
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
        found = set(session.exec(select(RiskPoint.id).where(col(RiskPoint.id).in_(wanted))).all())
        missing = sorted(wanted - found)
        if missing:
            raise NotFoundError(f"风险点不存在（编号 {'、'.join(map(str, missing))}），可能已被删除")
    existing = {
        link.risk_point_id: link
        for link in session.exec(select(MapZoneRiskPoint).where(MapZoneRiskPoint.zone_id == zone_id)).all()
    }
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
            top = s.exec(select(func.max(MapZone.sort_order)).where(MapZone.floor_plan_id == plan.id)).one()
            sort_order = int(top if top is not None else -1) + 1
        else:
            sort_order = row.sort_order
        values: dict[str, Any] = {
            "name": clean.name,
            "shape": clean.shape,
            "points": _dump_points(clean.points),
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
        row.points = _dump_points(pts)
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
        links = s.exec(
            select(MapZoneRiskPoint.risk_point_id).where(MapZoneRiskPoint.zone_id == zone_id)
        ).all()
        return _zone_info(row, links)


def delete_zone(db: Database, zone_id: int, *, actor: str) -> ZoneInfo:
    """Delete a zone (its area and risk points stay); returns it as it was, so it can be restored
    with :func:`save_zone` (with ``id`` None)."""
    with db.session() as s:
        row: MapZone = get_or_raise(s, MapZone, zone_id, "区块")
        links = s.exec(
            select(MapZoneRiskPoint.risk_point_id).where(MapZoneRiskPoint.zone_id == zone_id)
        ).all()
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


def _covered(session: Session) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """Risk points per area, and risk points linked per zone."""
    by_area: dict[int, set[int]] = {}
    for rp_id, area_id in session.exec(select(RiskPoint.id, RiskPoint.area_id)).all():
        if rp_id is not None and area_id is not None:
            by_area.setdefault(area_id, set()).add(rp_id)
    linked: dict[int, set[int]] = {}
    for link in session.exec(select(MapZoneRiskPoint)).all():
        linked.setdefault(link.zone_id, set()).add(link.risk_point_id)
    return by_area, linked


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
        by_area, linked = _covered(s)
        areas = {a.id: a.name for a in s.exec(select(Area)).all()}
        rows = s.exec(
            select(MapZone)
            .where(MapZone.floor_plan_id == plan_id)
            .order_by(col(MapZone.sort_order), col(MapZone.id))
        ).all()
        views = []
        for row in rows:
            own = linked.get(row.id or 0, set())
            covered = own | by_area.get(row.area_id or -1, set())
            views.append(_zone_view(row, covered, own, levels, areas.get(row.area_id, "")))
        order = risk_map.drawing_order([(v.info.points, v.info.sort_order or 0) for v in views])
        return [views[i] for i in order]


def zone_choices(db: Database) -> ZoneChoices:
    """The areas (with their level) and risk points (with area and level) a zone can hold."""
    levels = risk_point_levels(db)
    with db.read_session() as s:
        areas = s.exec(select(Area).order_by(col(Area.sort_order), col(Area.id))).all()
        points = s.exec(
            select(RiskPoint).order_by(col(RiskPoint.sort_order), col(RiskPoint.code), col(RiskPoint.id))
        ).all()
        area_names = {a.id: a.name for a in areas}
        per_area: dict[int, list[RiskLevel | None]] = {}
        for p in points:
            if p.area_id is not None:
                per_area.setdefault(p.area_id, []).append(levels.get(p.id or 0))
        return ZoneChoices(
            areas=tuple(
                AreaChoice(
                    a.id or 0,
                    a.name,
                    a.code,
                    risk_map.zone_level(per_area.get(a.id or 0, [])),
                    len(per_area.get(a.id or 0, [])),
                )
                for a in areas
            ),
            risk_points=tuple(
                RiskPointChoice(
                    p.id or 0, p.code, p.name, p.area_id, area_names.get(p.area_id, ""), levels.get(p.id or 0)
                )
                for p in points
            ),
        )


# --- export ------------------------------------------------------------------------------------

EXPORT_FORMATS = ("pdf", "png")


def _major_rows(
    session: Session, views: Sequence[ZoneView], levels: dict[int, RiskLevel | None]
) -> tuple[MajorRiskRow, ...]:
    by_area, _linked = _covered(session)
    zones_of: dict[int, list[str]] = {}
    for view in views:
        covered = set(view.info.risk_point_ids) | by_area.get(view.info.area_id or -1, set())
        for rp in covered:
            zones_of.setdefault(rp, []).append(view.name)
    wanted = [rp for rp in zones_of if levels.get(rp) in (RiskLevel.MAJOR, RiskLevel.SIGNIFICANT)]
    if not wanted:
        return ()
    points = {p.id: p for p in session.exec(select(RiskPoint).where(col(RiskPoint.id).in_(wanted))).all()}
    departments = {d.id: d.name for d in session.exec(select(Department)).all()}
    people = {p.id: p.name for p in session.exec(select(Person)).all()}
    areas = {a.id: a.name for a in session.exec(select(Area)).all()}
    accident: dict[int, list[str]] = {}
    query = (
        select(Hazard.risk_point_id, Hazard.current_level, AccidentTypeRecord.name)
        .join(HazardAccidentType, col(HazardAccidentType.hazard_id) == col(Hazard.id))
        .join(AccidentTypeRecord, col(AccidentTypeRecord.id) == col(HazardAccidentType.accident_type_id))
        .where(col(Hazard.risk_point_id).in_(wanted))
        .order_by(col(AccidentTypeRecord.sort_order), col(AccidentTypeRecord.code))
    )
    for rp_id, level, type_name in session.exec(query).all():
        # The accident types of the hazards that make the point this severe.
        if level is not None and RiskLevel(level) == levels.get(rp_id):
            names = accident.setdefault(rp_id, [])
            if type_name not in names:
                names.append(type_name)
    rows = []
    for rp_id in wanted:
        p = points.get(rp_id)
        level = levels.get(rp_id)
        if p is None or level is None:
            continue
        zone_names = list(dict.fromkeys(zones_of[rp_id]))
        location = "、".join(zone_names) or areas.get(p.area_id, "")
        responsible = " ".join(
            x for x in (departments.get(p.department_id, ""), people.get(p.responsible_person_id, "")) if x
        )
        rows.append(
            MajorRiskRow(
                level=level,
                code=p.code,
                name=p.name,
                location=location,
                accident_types="、".join(accident.get(rp_id, [])),
                responsible=responsible,
            )
        )
    rows.sort(key=lambda r: (r.level, r.code, r.name))
    return tuple(rows)


def _paper(paper: str) -> MapPaper:
    try:
        return MapPaper(paper.strip().upper())
    except ValueError:
        raise ValidationError(f"不支持的纸张：{paper}（可选 A4、A3、A2）", "paper") from None


def map_sheets(
    db: Database,
    *,
    plan_name: str | None = None,
    paper: str = "A3",
    drawn_by: str = "",
    checked_by: str = "",
    printed_on: date | None = None,
) -> list[RiskMapSheet]:
    """The sheets to print: the plan called ``plan_name``, or every plan when it is None."""
    size = _paper(paper)
    plans = list_plans(db)
    if not plans:
        raise NotFoundError("还没有平面图：请先在“四色分布图”页面导入平面图并绘制区块")
    if plan_name is not None:
        chosen = [p for p in plans if p.name == plan_name.strip()]
        if not chosen:
            names = "、".join(p.name for p in plans)
            raise NotFoundError(f"没有名为“{plan_name}”的平面图（现有：{names}）")
        plans = chosen
    missing = [p.name for p in plans if not p.image_exists]
    if missing:
        raise StorageError(
            f"平面图“{'、'.join(missing)}”的图片文件找不到了，请在“四色分布图”页面重新导入图片"
        )
    levels = risk_point_levels(db)
    with db.read_session() as s:
        enterprise = s.exec(select(Enterprise).order_by(col(Enterprise.id))).first()
        sheets = []
        for plan in plans:
            views = list_zones(db, plan.id)
            sheets.append(
                RiskMapSheet(
                    enterprise=enterprise.name if enterprise else "",
                    plan_name=plan.name,
                    image_path=plan.image_path,
                    image_width=plan.width,
                    image_height=plan.height,
                    zones=tuple(
                        MapZoneData(v.name, v.info.points, v.level, v.label_point, v.label_lines)
                        for v in views
                    ),
                    major_risks=_major_rows(s, views, levels),
                    printed_on=printed_on or date.today(),
                    paper=size,
                    drawn_by=drawn_by.strip(),
                    checked_by=checked_by.strip(),
                )
            )
        return sheets


def export_map(
    db: Database,
    out_path: Path,
    *,
    fmt: str,
    plan_name: str | None,
    paper: str = "A3",
    drawn_by: str = "",
    checked_by: str = "",
    printed_on: date | None = None,
) -> Path:
    """Write the risk map to ``out_path`` and return it.

    ``fmt`` "pdf": one A3 (or A4/A2) landscape page per plan — every plan when ``plan_name`` is
    None. ``fmt`` "png": one plan at 300 dpi on that paper size; ``plan_name`` may be None only
    when there is exactly one plan. The file is written whole or not at all.
    """
    kind = fmt.strip().lower()
    if kind not in EXPORT_FORMATS:
        raise ValidationError(f"不支持的导出格式：{fmt}（可选 pdf、png）", "fmt")
    sheets = map_sheets(
        db, plan_name=plan_name, paper=paper, drawn_by=drawn_by, checked_by=checked_by, printed_on=printed_on
    )
    if kind == "png" and len(sheets) > 1:
        names = "、".join(s.plan_name for s in sheets)
        raise ValidationError(f"有 {len(sheets)} 张平面图（{names}），导出 PNG 时请指定其中一张", "plan_name")
    out = Path(out_path)
    output_guard.refuse_inputs(out)
    tmp = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as stream:
            if kind == "pdf":
                write_risk_map_pdf(sheets, stream)
            else:
                write_risk_map_png(sheets[0], stream)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            f"无法写入文件 {out}：{exc.strerror or exc}（文件被其他程序打开、磁盘已满或无写入权限？）"
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out
