"""Floor plans and map zones: importing real images as users bring them, the zones' colours
(从严从高, recomputed after a regrade), and the zone and plan writes with their refusals."""

import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from sqlmodel import col, select

from dualprev.domain.risk import EvaluationMethod, RiskLevel, RiskStage
from dualprev.domain.risk_map import ZoneShape, rect_points
from dualprev.errors import ConflictError, NotFoundError, ValidationError
from dualprev.services import floor_plan_service as fps
from dualprev.services import map_zone_service
from dualprev.services.map_zone_service import ZoneInfo
from dualprev.services.risks import hazard_list, hazards
from dualprev.services.risks.evaluations import EvaluationInput
from dualprev.storage.db import Database
from dualprev.storage.models import Area, AuditLog, FloorPlan, MapZone, RiskPoint

from ..conftest import count_rows

ACTOR = "李安全"
TODAY = date(2026, 11, 20)


def _files(db: Database) -> set[Path]:
    root = db.files_dir
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def _plan_rows(db: Database) -> int:
    with db.read_session() as s:
        return len(s.exec(select(FloorPlan)).all())


def _png(path: Path, size: tuple[int, int] = (600, 400)) -> Path:
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, size[0] - 20, size[1] - 20), outline=(0, 0, 0), width=6)
    image.save(path)
    return path


def _risk_point_id(db: Database, code: str) -> int:
    with db.read_session() as s:
        row = s.exec(select(RiskPoint).where(RiskPoint.code == code)).one()
        assert row.id is not None
        return row.id


def regrade(db: Database, code: str, level: RiskLevel) -> None:
    """Re-evaluate every hazard of risk point ``code`` (LS-SD) so it ends up at ``level``."""
    factors = {
        RiskLevel.MAJOR: (("L", "5"), ("S", "5")),
        RiskLevel.SIGNIFICANT: (("L", "3"), ("S", "5")),
        RiskLevel.GENERAL: (("L", "3"), ("S", "3")),
        RiskLevel.LOW: (("L", "1"), ("S", "2")),
    }[level]
    for row in hazard_list.list_hazards_of(db, _risk_point_id(db, code)):
        info = hazards.get_hazard(db, row.id).info
        evaluations = [
            EvaluationInput(stage=stage, method=EvaluationMethod.LS, factors=factors, evaluated_on=TODAY)
            for stage in (RiskStage.INHERENT, RiskStage.CURRENT)
        ]
        hazards.save_hazard(db, info, actor=ACTOR, evaluations=evaluations)


# --- importing images ----------------------------------------------------------------------------


def test_import_png_stores_the_file_and_records_it(empty_db: Database, tmp_path: Path) -> None:
    info = fps.import_plan(empty_db, _png(tmp_path / "plan.png"), " 一号车间一层 ", actor=ACTOR)
    assert (info.name, info.width, info.height, info.zone_count) == ("一号车间一层", 600, 400, 0)
    assert info.image_exists and info.image_path.parent.parent == empty_db.files_dir
    with Image.open(info.image_path) as stored:
        assert stored.size == (600, 400) and stored.mode == "RGB"
    assert [p.name for p in fps.list_plans(empty_db)] == ["一号车间一层"]
    with empty_db.read_session() as s:
        entry = s.exec(select(AuditLog).where(AuditLog.entity == "floor_plan")).one()
    assert entry.action == "import" and "一号车间一层" in entry.summary and entry.actor == ACTOR


def test_phone_photo_is_turned_upright_and_loses_its_gps(empty_db: Database, tmp_path: Path) -> None:
    # Taken with the phone turned: the pixels are landscape, EXIF says "rotate 90° clockwise".
    image = Image.new("RGB", (400, 200), (255, 255, 255))
    ImageDraw.Draw(image).rectangle((0, 0, 49, 49), fill=(255, 0, 0))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8825)[2] = (31.0, 17.0, 0.0)  # GPS latitude
    path = tmp_path / "IMG_0001.JPG"
    image.save(path, "JPEG", exif=exif, quality=95)

    info = fps.import_plan(empty_db, path, "纸质图纸照片", actor=ACTOR)
    assert (info.width, info.height) == (200, 400)
    with Image.open(info.image_path) as stored:
        assert stored.format == "JPEG" and stored.size == (200, 400)
        red, green, blue = stored.convert("RGB").getpixel((200 - 10, 10))
        assert red > 200 and green < 60 and blue < 60  # the mark went from top-left to top-right
        exif_out = stored.getexif()
        assert 0x8825 not in exif_out and exif_out.get(0x0112) in (None, 1)


def test_palette_png_with_transparency_becomes_rgb_on_white(empty_db: Database, tmp_path: Path) -> None:
    image = Image.new("P", (300, 200), 0)
    image.putpalette([0, 0, 0, 0, 112, 192] + [0] * (256 * 3 - 6))
    ImageDraw.Draw(image).rectangle((100, 50, 200, 150), fill=1)
    path = tmp_path / "palette.png"
    image.save(path, transparency=0)

    info = fps.import_plan(empty_db, path, "调色板图", actor=ACTOR)
    with Image.open(info.image_path) as stored:
        rgb = stored.convert("RGB")
        assert stored.mode == "RGB"
        assert rgb.getpixel((10, 10)) == (255, 255, 255)  # transparent → white, not black
        assert rgb.getpixel((150, 100)) == (0, 112, 192)


def test_cmyk_tiff_is_converted(empty_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "scan.tif"
    Image.new("CMYK", (300, 200), (0, 255, 255, 0)).save(path)
    info = fps.import_plan(empty_db, path, "扫描件", actor=ACTOR)
    with Image.open(info.image_path) as stored:
        assert stored.mode == "RGB"
        red, green, blue = stored.getpixel((150, 100))
        assert red > 230 and green < 30 and blue < 30


def test_huge_image_is_reduced_to_8000_pixels(empty_db: Database, tmp_path: Path) -> None:
    path = _png(tmp_path / "cad-export.png", (9000, 3000))
    info = fps.import_plan(empty_db, path, "CAD 导出", actor=ACTOR)
    assert (info.width, info.height) == (8000, 2667)
    assert info.downsized_from == (9000, 3000)
    with Image.open(info.image_path) as stored:
        assert stored.size == (8000, 2667)


@pytest.mark.parametrize(
    ("file_name", "content", "message"),
    [
        ("truncated.png", "truncated", "文件已损坏或不是图片"),
        ("notes.png", "text", "文件已损坏或不是图片"),
        ("empty.png", "empty", "文件是空的"),
        ("plan.pdf", "pdf", "PDF"),
        ("layout.dwg", "text", "CAD"),
    ],
)
def test_unusable_files_are_refused_and_nothing_is_stored(
    empty_db: Database, tmp_path: Path, file_name: str, content: str, message: str
) -> None:
    path = tmp_path / file_name
    if content == "truncated":
        buffer = io.BytesIO()
        Image.effect_noise((400, 300), 60).convert("RGB").save(buffer, "PNG")
        path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    elif content == "text":
        path.write_text("这不是图片，是一份说明。", encoding="utf-8")
    elif content == "pdf":
        path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    else:
        path.write_bytes(b"")
    before = _files(empty_db)
    with pytest.raises(ValidationError) as refused:
        fps.import_plan(empty_db, path, "平面图", actor=ACTOR)
    assert message in refused.value.message and "没有保存任何内容" in refused.value.message
    assert _plan_rows(empty_db) == 0
    assert _files(empty_db) == before


def test_plan_names_must_be_given_and_unique(empty_db: Database, tmp_path: Path) -> None:
    path = _png(tmp_path / "a.png")
    fps.import_plan(empty_db, path, "厂区总平面图", actor=ACTOR)
    with pytest.raises(ConflictError, match="已有名为“厂区总平面图”的平面图"):
        fps.import_plan(empty_db, _png(tmp_path / "b.png", (500, 300)), "厂区总平面图", actor=ACTOR)
    with pytest.raises(ValidationError, match="平面图名称不能为空"):
        fps.import_plan(empty_db, path, "  ", actor=ACTOR)
    assert _plan_rows(empty_db) == 1
    assert len(_files(empty_db)) == 1  # the refused second image left no file behind


def test_rename_and_delete_plan(empty_db: Database, tmp_path: Path) -> None:
    first = fps.import_plan(empty_db, _png(tmp_path / "a.png"), "一层", actor=ACTOR)
    second = fps.import_plan(empty_db, _png(tmp_path / "b.png", (700, 500)), "二层", actor=ACTOR)
    assert fps.rename_plan(empty_db, first.id, "一层平面图", actor=ACTOR).name == "一层平面图"
    with pytest.raises(ConflictError):
        fps.rename_plan(empty_db, first.id, "二层", actor=ACTOR)
    fps.delete_plan(empty_db, second.id, actor=ACTOR)
    assert not second.image_path.exists()
    assert [p.name for p in fps.list_plans(empty_db)] == ["一层平面图"]
    with pytest.raises(NotFoundError):
        fps.delete_plan(empty_db, second.id, actor=ACTOR)


def test_deleting_a_plan_keeps_a_picture_another_plan_uses(empty_db: Database, tmp_path: Path) -> None:
    path = _png(tmp_path / "same.png")
    first = fps.import_plan(empty_db, path, "A 栋", actor=ACTOR)
    second = fps.import_plan(empty_db, path, "B 栋", actor=ACTOR)
    assert first.image_path == second.image_path
    fps.delete_plan(empty_db, first.id, actor=ACTOR)
    assert second.image_path.exists()


# --- zones on the demo factory ---------------------------------------------------------------------


def _demo_plan(db: Database) -> fps.FloorPlanInfo:
    (plan,) = fps.list_plans(db)
    return plan


def test_demo_zones_have_the_levels_of_what_they_hold(demo_db: Database) -> None:
    plan = _demo_plan(demo_db)
    assert plan.image_exists and plan.zone_count == count_rows(
        demo_db, MapZone, col(MapZone.floor_plan_id) == plan.id
    )
    levels = {z.name: z.level for z in map_zone_service.list_zones(demo_db, plan.id)}
    assert levels["焊接车间"] is RiskLevel.MAJOR
    assert levels["喷漆房"] is RiskLevel.MAJOR
    assert levels["冲压车间"] is RiskLevel.SIGNIFICANT
    assert levels["机加工车间"] is RiskLevel.GENERAL
    assert levels["储气罐"] is RiskLevel.GENERAL
    assert levels["烘干房"] is RiskLevel.LOW
    machining = next(z for z in map_zone_service.list_zones(demo_db, plan.id) if z.name == "机加工车间")
    assert dict(machining.counts) == {
        RiskLevel.MAJOR: 0,
        RiskLevel.SIGNIFICANT: 0,
        RiskLevel.GENERAL: 4,
        RiskLevel.LOW: 4,
    }
    assert machining.label_lines == ("机加工车间", "一般风险", "一般4 低4")
    assert machining.risk_point_count == sum(n for _level, n in machining.counts)


def test_a_regrade_recolours_the_zone(demo_db: Database) -> None:
    plan = _demo_plan(demo_db)
    regrade(demo_db, "FX-JJ-005", RiskLevel.MAJOR)
    machining = next(z for z in map_zone_service.list_zones(demo_db, plan.id) if z.name == "机加工车间")
    assert machining.level is RiskLevel.MAJOR
    assert machining.label_lines[1] == "重大风险"


def test_a_zone_linked_to_a_low_risk_point_is_blue(demo_db: Database) -> None:
    plan = _demo_plan(demo_db)
    compressor = _risk_point_id(demo_db, "FX-GY-002")  # 螺杆空压机, 低风险
    top = max(z.info.sort_order for z in map_zone_service.list_zones(demo_db, plan.id))
    zone_id = map_zone_service.save_zone(
        demo_db,
        ZoneInfo(
            plan.id, "空压站", ZoneShape.RECT, rect_points(1990, 470, 2190, 620), risk_point_ids=(compressor,)
        ),
        actor=ACTOR,
    )
    view = next(z for z in map_zone_service.list_zones(demo_db, plan.id) if z.id == zone_id)
    assert view.level is RiskLevel.LOW and view.area_name == ""
    assert view.info.sort_order == top + 1  # on top of the zones already drawn


def test_save_zone_normalises_and_round_trips(demo_db: Database) -> None:
    plan = _demo_plan(demo_db)
    points = ((300.4, 900.0), (100.0, 1000.26))  # two opposite corners, any order
    choices = map_zone_service.zone_choices(demo_db)
    area = next(a for a in choices.areas if a.name == "装配车间")
    zone_id = map_zone_service.save_zone(
        demo_db,
        ZoneInfo(plan.id, " 总装线 ", ZoneShape.RECT, points, area_id=area.id, show_counts=True),
        actor=ACTOR,
    )
    info = map_zone_service.get_zone(demo_db, zone_id)
    assert info.name == "总装线"
    assert info.points == ((100.0, 900.0), (300.4, 900.0), (300.4, 1000.3), (100.0, 1000.3))
    with demo_db.read_session() as s:
        stored = s.exec(select(MapZone).where(MapZone.id == zone_id)).one()
    assert json.loads(stored.points)[0] == [100.0, 900.0]
    # Update: link a risk point as well, move the label inside.
    press = _risk_point_id(demo_db, "FX-CY-001")
    map_zone_service.save_zone(
        demo_db, replace(info, risk_point_ids=(press,), label_at=(200.0, 950.0)), actor=ACTOR
    )
    again = map_zone_service.get_zone(demo_db, zone_id)
    assert again.risk_point_ids == (press,) and again.label_at == (200.0, 950.0)
    view = next(z for z in map_zone_service.list_zones(demo_db, plan.id) if z.id == zone_id)
    assert view.level is RiskLevel.SIGNIFICANT  # 装配车间's 较大 + the press's 较大


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": " "}, "区块名称不能为空"),
        ({"area_id": None, "risk_point_ids": ()}, "请为区块选择对应的区域"),
        ({"points": rect_points(10, 10, 12, 12)}, "区块太小"),
        ({"points": rect_points(2300, 1400, 2500, 1600)}, "超出了平面图范围"),
        (
            {"shape": ZoneShape.POLYGON, "points": ((10, 10), (200, 200), (200, 10), (10, 200))},
            "不能相互交叉",
        ),
        ({"area_id": 999}, "区域不存在"),
        ({"risk_point_ids": (99999,)}, "风险点不存在"),
    ],
)
def test_bad_zones_are_refused_and_nothing_is_written(demo_db: Database, change: dict, message: str) -> None:
    plan = _demo_plan(demo_db)
    zones = map_zone_service.list_zones(demo_db, plan.id)
    base = {
        "floor_plan_id": plan.id,
        "name": "新区块",
        "shape": ZoneShape.RECT,
        "points": rect_points(100, 100, 300, 300),
        "area_id": map_zone_service.zone_choices(demo_db).areas[0].id,
    }
    with pytest.raises((ValidationError, NotFoundError), match=message):
        map_zone_service.save_zone(demo_db, ZoneInfo(**(base | change)), actor=ACTOR)
    assert map_zone_service.list_zones(demo_db, plan.id) == zones


def test_move_zone_changes_only_the_outline_and_label(demo_db: Database) -> None:
    plan = _demo_plan(demo_db)
    zone = next(z for z in map_zone_service.list_zones(demo_db, plan.id) if z.name == "冲压车间")
    moved = rect_points(700, 120, 1070, 590)
    map_zone_service.move_zone(demo_db, zone.id, moved, (880.0, 300.0), actor=ACTOR)
    info = map_zone_service.get_zone(demo_db, zone.id)
    assert info.points == moved and info.label_at == (880.0, 300.0)
    assert (info.name, info.area_id) == (zone.info.name, zone.info.area_id)
    # A label left outside the new outline goes back to the middle.
    map_zone_service.move_zone(demo_db, zone.id, rect_points(700, 120, 800, 200), (880.0, 300.0), actor=ACTOR)
    assert map_zone_service.get_zone(demo_db, zone.id).label_at is None
    with pytest.raises(ValidationError):
        map_zone_service.move_zone(demo_db, zone.id, rect_points(700, 120, 701, 121), None, actor=ACTOR)


def test_delete_zone_returns_it_for_restoring(demo_db: Database) -> None:
    plan = _demo_plan(demo_db)
    spot = next(z for z in map_zone_service.list_zones(demo_db, plan.id) if z.name == "喷漆房")
    deleted = map_zone_service.delete_zone(demo_db, spot.id, actor=ACTOR)
    assert deleted.risk_point_ids == spot.info.risk_point_ids and len(deleted.risk_point_ids) == 1
    assert "喷漆房" not in {z.name for z in map_zone_service.list_zones(demo_db, plan.id)}
    with demo_db.read_session() as s:
        assert s.exec(select(RiskPoint).where(col(RiskPoint.id).in_(deleted.risk_point_ids))).all()
    restored = map_zone_service.save_zone(demo_db, replace(deleted, id=None), actor=ACTOR)
    view = next(z for z in map_zone_service.list_zones(demo_db, plan.id) if z.id == restored)
    assert view.name == "喷漆房" and view.level is RiskLevel.MAJOR and view.info.points == spot.info.points


def test_replacing_the_image_scales_the_zones(demo_db: Database, tmp_path: Path) -> None:
    plan = _demo_plan(demo_db)
    old_path = plan.image_path
    with Image.open(old_path) as old:
        old.resize((1200, 750)).save(tmp_path / "smaller.png")
    info = fps.replace_plan_image(demo_db, plan.id, tmp_path / "smaller.png", actor=ACTOR)
    assert (info.width, info.height) == (1200, 750)
    zone = next(z for z in map_zone_service.list_zones(demo_db, plan.id) if z.name == "机加工车间")
    assert zone.info.points[0] == (55.0, 55.0) and zone.info.label_at == (200.0, 177.5)
    assert not old_path.exists()


def test_zone_choices_list_areas_and_risk_points_with_levels(demo_db: Database) -> None:
    choices = map_zone_service.zone_choices(demo_db)
    assert len(choices.areas) == count_rows(demo_db, Area)
    assert len(choices.risk_points) == count_rows(demo_db, RiskPoint)
    welding = next(a for a in choices.areas if a.name == "焊接车间")
    assert welding.level is RiskLevel.MAJOR
    assert (
        welding.risk_point_count == count_rows(demo_db, RiskPoint, col(RiskPoint.area_id) == welding.id) > 0
    )
    lathe = next(p for p in choices.risk_points if p.code == "FX-JJ-001")
    assert (lathe.area_name, lathe.level) == ("机加工车间", RiskLevel.LOW)


def test_plan_lines_find_the_walls(demo_db: Database) -> None:
    lines = fps.plan_lines(demo_db, _demo_plan(demo_db).id)
    # The machining workshop's walls (drawn at x = 110 and 690) are found within a pixel or two.
    assert any(abs(x - 110) <= 2 for x in lines.xs) and any(abs(x - 690) <= 5 for x in lines.xs)
    assert any(abs(y - 600) <= 2 for y in lines.ys)


def test_a_large_zone_drawn_later_does_not_hide_a_small_one(demo_db: Database) -> None:
    plan = _demo_plan(demo_db)
    compressor = _risk_point_id(demo_db, "FX-GY-002")
    # Covers the 储气罐 spot (2200–2280 × 500–600) completely.
    map_zone_service.save_zone(
        demo_db,
        ZoneInfo(
            plan.id, "空压站", ZoneShape.RECT, rect_points(1990, 470, 2300, 620), risk_point_ids=(compressor,)
        ),
        actor=ACTOR,
    )
    names = [z.name for z in map_zone_service.list_zones(demo_db, plan.id)]
    assert names.index("储气罐") > names.index("空压站") > names.index("公用工程区")
