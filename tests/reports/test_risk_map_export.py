"""Exporting the 风险四色分布图 of the demo factory as a user would check it: the PDF's text, fonts,
page size and print colours; the PNG's resolution and the colours at the zones. (PDFs are built in
reportlab's invariant mode: tests/reports/conftest.py.)"""

import colorsys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from sqlmodel import select

from dualprev.domain.risk import RiskLevel
from dualprev.domain.risk_map import ZoneShape, rect_points
from dualprev.errors import NotFoundError, StorageError, ValidationError
from dualprev.reports.risk_map_data import MajorRiskRow, MapPaper, MapZoneData, RiskMapSheet
from dualprev.reports.risk_map_layout import layout_sheet
from dualprev.reports.risk_map_pdf import write_risk_map_pdf
from dualprev.services import floor_plan_service as fps
from dualprev.services import map_zone_service, risk_map_service
from dualprev.services.map_zone_service import ZoneInfo
from dualprev.storage.db import Database
from dualprev.storage.models import RiskPoint

TODAY = date(2026, 11, 20)
ENTERPRISE = "江苏恒锐精密机械有限公司"
MM = 72 / 25.4


def _plan(db: Database) -> fps.FloorPlanInfo:
    (plan,) = fps.list_plans(db)
    return plan


def _add_low_zone(db: Database) -> int:
    """The demo has no zone at 低风险; the 空压站 corner holds only the (低风险) screw compressor."""
    with db.read_session() as s:
        compressor = s.exec(select(RiskPoint.id).where(RiskPoint.code == "FX-GY-002")).one()
    plan = _plan(db)
    return map_zone_service.save_zone(
        db,
        ZoneInfo(
            plan.id,
            "空压站",
            ZoneShape.RECT,
            rect_points(1990, 470, 2190, 620),
            risk_point_ids=(compressor,),
        ),
        actor="李安全",
    )


def _text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def _squeezed(text: str) -> str:
    return "".join(text.split())


# --- PDF ----------------------------------------------------------------------------------------


def test_pdf_has_title_legend_major_risks_and_signoff(demo_db: Database, tmp_path: Path) -> None:
    out = risk_map_service.export_map(
        demo_db,
        tmp_path / "map.pdf",
        fmt="pdf",
        plan_name=None,
        drawn_by="李安全",
        checked_by="王厂长",
        printed_on=TODAY,
    )
    assert out == tmp_path / "map.pdf"
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = _text(out)
    flat = _squeezed(text)
    assert f"{ENTERPRISE} 安全风险四色分布图" in text
    for level in RiskLevel:
        assert f"{level.label}（{level.colour.name}色）" in flat
    assert "低风险（蓝色）" in flat and "绿" not in flat
    assert "北" in text and "2026年11月20日" in flat and "李安全" in flat and "王厂长" in flat
    assert "重大、较大风险清单（重大3项，较大5项）" in flat
    for name in (
        "铝件打磨抛光除尘系统",
        "喷漆房（含水帘柜）",
        "水帘柜循环水池清理作业（有限空间）",
        "开式固定台压力机",
        "叉车运输作业",
    ):
        assert name in flat
    # Zone labels carry the level's name, so a black-and-white copy still reads.
    assert "焊接车间重大风险" in flat and "机加工车间一般风险" in flat
    assert "厂区平面布置图" in flat


def test_pdf_embeds_its_fonts_and_prints_in_cmyk(demo_db: Database, tmp_path: Path) -> None:
    _add_low_zone(demo_db)
    out = risk_map_service.export_map(
        demo_db, tmp_path / "map.pdf", fmt="pdf", plan_name="厂区平面布置图", printed_on=TODAY
    )
    page = PdfReader(out).pages[0]
    fonts = page["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = (
            font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if font["/Subtype"] == "/Type0"
            else font["/FontDescriptor"]
        )
        assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
    content = page.get_contents().get_data()
    assert b"0 1 1 0 k" in content  # 重大 red as CMYK fill
    assert b"1 .42 0 .25 k" in content  # 低风险 blue, CMYK
    assert b"/XObject" not in content and page["/Resources"]["/XObject"]  # the plan is an image underneath


@pytest.mark.parametrize(("paper", "size_mm"), [("A3", (420, 297)), ("a4", (297, 210)), ("A2", (594, 420))])
def test_pdf_paper_is_landscape_in_the_chosen_size(
    demo_db: Database, tmp_path: Path, paper: str, size_mm: tuple[int, int]
) -> None:
    out = risk_map_service.export_map(
        demo_db, tmp_path / "map.pdf", fmt="pdf", plan_name=None, paper=paper, printed_on=TODAY
    )
    box = PdfReader(out).pages[0].mediabox
    assert float(box.width) == pytest.approx(size_mm[0] * MM, abs=0.5)
    assert float(box.height) == pytest.approx(size_mm[1] * MM, abs=0.5)


def test_pdf_is_reproducible(demo_db: Database, tmp_path: Path) -> None:
    first = risk_map_service.export_map(
        demo_db, tmp_path / "a.pdf", fmt="pdf", plan_name=None, printed_on=TODAY
    )
    second = risk_map_service.export_map(
        demo_db, tmp_path / "b.pdf", fmt="pdf", plan_name=None, printed_on=TODAY
    )
    assert first.read_bytes() == second.read_bytes()


def _sheet(tmp_path: Path, rows: int, paper: MapPaper = MapPaper.A4) -> RiskMapSheet:
    image = tmp_path / "plan.png"
    Image.new("RGB", (800, 500), (255, 255, 255)).save(image)
    major = tuple(
        MajorRiskRow(
            RiskLevel.MAJOR if i < 3 else RiskLevel.SIGNIFICANT,
            f"FX-{i:03d}",
            f"风险点第{i}号",
            "一车间",
            "机械伤害、物体打击",
            "一车间 张三",
        )
        for i in range(rows)
    )
    zone = MapZoneData("一车间", rect_points(50, 50, 400, 300), None, (200, 150), ("一车间", "未评价"))
    return RiskMapSheet(ENTERPRISE, "一层", image, 800, 500, (zone,), major, TODAY, paper)


def test_a_long_table_says_how_many_rows_did_not_fit(tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    with out.open("wb") as stream:
        assert write_risk_map_pdf([_sheet(tmp_path, 80)], stream) == 1
    flat = _squeezed(_text(out))
    assert "风险点第0号" in flat and "风险点第79号" not in flat
    assert "另有" in flat and "项未能列出，详见风险分级管控清单" in flat
    assert "未评价（无已评价风险点）" in flat  # the legend explains the uncoloured zone


def test_a_plan_without_major_risks_says_so(tmp_path: Path) -> None:
    out = tmp_path / "none.pdf"
    with out.open("wb") as stream:
        write_risk_map_pdf([_sheet(tmp_path, 0)], stream)
    assert "本图范围内没有重大风险和较大风险" in _squeezed(_text(out))


# --- PNG ----------------------------------------------------------------------------------------

_HUES = {RiskLevel.MAJOR: 0, RiskLevel.SIGNIFICANT: 30, RiskLevel.GENERAL: 60, RiskLevel.LOW: 205}


GREEN = "green"


def _hue_class(rgb: tuple[int, int, int]) -> RiskLevel | str | None:
    """Which level's colour a pixel shows (after blending over the plan), GREEN for any green (a
    blue zone blended over a yellow one), or None for grey, white and black."""
    h, s, v = colorsys.rgb_to_hsv(*(c / 255 for c in rgb))
    if s < 0.2 or v < 0.35:
        return None
    degrees = h * 360
    if 80 <= degrees <= 170:
        return GREEN
    for level, hue in _HUES.items():
        if min(abs(degrees - hue), 360 - abs(degrees - hue)) <= 12:
            return level
    return None


def test_png_is_300_dpi_and_zones_show_their_level_colours(demo_db: Database, tmp_path: Path) -> None:
    _add_low_zone(demo_db)
    out = risk_map_service.export_map(
        demo_db, tmp_path / "map.png", fmt="png", plan_name=None, printed_on=TODAY
    )
    sheet = risk_map_service.map_sheets(demo_db, printed_on=TODAY)[0]
    x0, y0, width, _height = layout_sheet(sheet).plan_box
    scale = 300 / 72
    with Image.open(out) as image:
        assert image.size == (4961, 3508)  # A3 landscape at 300 dpi
        assert tuple(round(v) for v in image.info["dpi"]) == (300, 300)
        rgb = image.convert("RGB")
        seen = set()
        for zone in sheet.zones:
            left, top = min(p[0] for p in zone.points), min(p[1] for p in zone.points)
            right, bottom = max(p[0] for p in zone.points), max(p[1] for p in zone.points)
            votes: Counter[RiskLevel | str | None] = Counter()
            # A grid of points inside the zone; the label in the middle and the plan's lines give a
            # few stray votes, the zone's fill the clear majority. Nothing may look green.
            for fx in (0.12, 0.25, 0.75, 0.88):
                for fy in (0.12, 0.25, 0.75, 0.88):
                    px = left + (right - left) * fx
                    py = top + (bottom - top) * fy
                    page_x = (x0 + px * width / sheet.image_width) * scale
                    page_y = (y0 + py * width / sheet.image_width) * scale
                    votes[_hue_class(rgb.getpixel((round(page_x), round(page_y))))] += 1
            assert votes[GREEN] == 0, (zone.name, votes)
            assert votes[zone.level] >= 8 and all(
                votes[zone.level] > n for k, n in votes.items() if k not in (zone.level, None)
            ), (zone.name, votes)
            seen.add(zone.level)
        assert seen == set(RiskLevel)


def test_png_on_a4(demo_db: Database, tmp_path: Path) -> None:
    out = risk_map_service.export_map(
        demo_db, tmp_path / "map.png", fmt="png", plan_name="厂区平面布置图", paper="A4", printed_on=TODAY
    )
    with Image.open(out) as image:
        assert image.size == (3508, 2480)


# --- refusals -----------------------------------------------------------------------------------


def test_export_refusals(demo_db: Database, tmp_path: Path) -> None:
    out = tmp_path / "map.pdf"
    with pytest.raises(ValidationError, match="不支持的导出格式：svg"):
        risk_map_service.export_map(demo_db, out, fmt="svg", plan_name=None)
    with pytest.raises(ValidationError, match="不支持的纸张：B5"):
        risk_map_service.export_map(demo_db, out, fmt="pdf", plan_name=None, paper="B5")
    with pytest.raises(NotFoundError, match="没有名为“二号楼”的平面图（现有：厂区平面布置图）"):
        risk_map_service.export_map(demo_db, out, fmt="pdf", plan_name="二号楼")
    assert not out.exists()


def test_png_of_several_plans_needs_a_name(demo_db: Database, tmp_path: Path) -> None:
    image = tmp_path / "floor2.png"
    Image.new("RGB", (640, 480), (255, 255, 255)).save(image)
    fps.import_plan(demo_db, image, "办公楼二层", actor="李安全")
    with pytest.raises(ValidationError, match="有 2 张平面图"):
        risk_map_service.export_map(demo_db, tmp_path / "map.png", fmt="png", plan_name=None)
    pdf = risk_map_service.export_map(
        demo_db, tmp_path / "all.pdf", fmt="pdf", plan_name=None, printed_on=TODAY
    )
    assert len(PdfReader(pdf).pages) == 2
    assert "本平面图尚未绘制区块" in _squeezed(_text(pdf))


def test_missing_image_file_is_reported_and_no_file_written(demo_db: Database, tmp_path: Path) -> None:
    _plan(demo_db).image_path.unlink()
    out = tmp_path / "map.pdf"
    with pytest.raises(StorageError, match="图片文件找不到了"):
        risk_map_service.export_map(demo_db, out, fmt="pdf", plan_name=None)
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_no_plans_yet(empty_db: Database, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="还没有平面图"):
        risk_map_service.export_map(empty_db, tmp_path / "map.pdf", fmt="pdf", plan_name=None)
