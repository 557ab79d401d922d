"""风险四色分布图 floor plans: import, replace, rename and delete the plan images the zones are
drawn on.

Plan images are files beside the database under content-hashed names; a write that fails leaves no
new file behind.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from dualprev.domain import risk_map
from dualprev.domain.validation import required_problem
from dualprev.errors import ConflictError, ValidationError
from dualprev.services.image_import import PlanLines, PreparedImage, detect_lines, prepare_plan_image
from dualprev.services.map_zone_service import dump_zone_points, zone_points
from dualprev.storage import audit
from dualprev.storage.db import Database, Session
from dualprev.storage.files import FileStore
from dualprev.storage.models import FloorPlan
from dualprev.storage.queries import floor_plans as queries
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


def _check_plan_name(session: Session, name: str, plan_id: int | None) -> str:
    name = name.strip()
    problem = required_problem(name, "平面图名称", PLAN_NAME_MAX)
    if problem:
        raise ValidationError(problem, "name")
    if queries.plan_name_taken(session=session, name=name, own_id=plan_id):
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
        in_use = queries.file_in_use(session=s, file_name=file_name)
    if not in_use:
        _store(db).path(file_name).unlink(missing_ok=True)


# --- floor plans -------------------------------------------------------------------------------


def list_plans(db: Database) -> list[FloorPlanInfo]:
    """Every floor plan in its order, with its zone count and whether its image file is there."""
    with db.read_session() as s:
        counts = queries.zone_counts(session=s)
        return [_plan_info(db, r, counts.get(r.id or 0, 0)) for r in queries.plans(session=s)]


def get_plan(db: Database, plan_id: int) -> FloorPlanInfo:
    with db.read_session() as s:
        row: FloorPlan = get_or_raise(s, FloorPlan, plan_id, "平面图")
        return _plan_info(db, row, queries.zone_count(session=s, plan_id=plan_id))


def import_plan(db: Database, path: Path, name: str, *, actor: str, note: str = "") -> FloorPlanInfo:
    """Import the image at ``path`` as a new floor plan called ``name``.

    The image is made upright (EXIF), turned into plain RGB (palette, CMYK, transparency, 16-bit)
    and reduced to at most 8000 pixels on its longer side. A corrupt, truncated or non-image file,
    an empty or duplicate name are refused with a ValidationError/ConflictError and nothing is
    stored — neither a row nor a file.
    """
    with db.read_session() as s:
        _check_plan_name(s, name, None)
    return add_plan(db, prepare_plan_image(Path(path)), name, actor=actor, note=note)


def add_plan(db: Database, image: PreparedImage, name: str, *, actor: str, note: str = "") -> FloorPlanInfo:
    """As :func:`import_plan`, for an image already prepared (e.g. by ``prepare_plan_bytes``)."""
    with _staged(db, image) as staged, db.session() as s:
        clean = _check_plan_name(s, name, None)
        order = queries.next_plan_sort_order(session=s)
        row = FloorPlan(
            name=clean,
            file_name=staged.name,
            width=image.width,
            height=image.height,
            sort_order=order,
            note=note.strip(),
        )
        s.add(row)
        s.flush()
        downsized = (
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
            summary=f"导入平面图：{clean}（{image.width}×{image.height} 像素{downsized}）",
            changes={"file": [None, image.original_name]},
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
            for zone in queries.zones(session=s, plan_id=plan_id):
                pts = [(x * sx, y * sy) for x, y in zone_points(zone.points)]
                zone.points = dump_zone_points(risk_map.clamp_points(pts, image.width, image.height))
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
        info = _plan_info(db, row, queries.zone_count(session=s, plan_id=plan_id), image.downsized_from)
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
        return _plan_info(db, row, queries.zone_count(session=s, plan_id=plan_id))


def delete_plan(db: Database, plan_id: int, *, actor: str) -> None:
    """Delete a plan with its zones (the areas and risk points stay); its image file goes too
    unless another record uses the same picture."""
    with db.session() as s:
        row: FloorPlan = get_or_raise(s, FloorPlan, plan_id, "平面图")
        zones = queries.zone_count(session=s, plan_id=plan_id)
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
