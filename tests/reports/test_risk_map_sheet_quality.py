"""The demo's 风险四色分布图 as an inspector reads it: every label readable and apart from the
others, one north arrow turned as set for the plan, zones in the exact colours of domain.md §2,
and a black-and-white version told apart by hatches."""

import itertools
from datetime import date
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_raw
import pytest
from PIL import Image

from dualprev.demo.pictures import draw_floor_plan
from dualprev.domain.risk import RiskLevel
from dualprev.domain.risk_map import rect_points
from dualprev.errors import ValidationError
from dualprev.reports.risk_map_layout import PlanInk, Shape, hatch_segments, layout_sheet
from dualprev.services import floor_plan_service as fps
from dualprev.services import risk_map_service
from dualprev.storage.db import Database

TODAY = date(2026, 11, 20)
MM = 72 / 25.4
SIDE_LEFT_A3 = (420 - 10 - 4 - 108) * MM
"""Where the side panel (legend, table, title block) starts on an A3 sheet: the map lies left of it."""

Rect = tuple[float, float, float, float]


def _runs(pdf: Path) -> list[tuple[str, Rect, float]]:
    """Every text run on the first page: its text, its box (left, bottom, right, top) and font size."""
    page = pypdfium2.PdfDocument(str(pdf))[0]
    text = page.get_textpage()
    runs = []
    for i in range(text.count_rects()):
        box = text.get_rect(i)
        content = text.get_text_bounded(*box).strip()
        first = text.get_index(box[0] + 0.5, (box[1] + box[3]) / 2, 2, 2)
        size = pdfium_raw.FPDFText_GetFontSize(text, first) if first is not None and first >= 0 else 0.0
        runs.append((content, box, size))
    return runs


def _map_runs(pdf: Path) -> list[tuple[str, Rect, float]]:
    runs = _runs(pdf)
    title_and_subtitle = {runs[0][0], runs[1][0]}
    return [r for r in runs if r[1][2] <= SIDE_LEFT_A3 and r[0] not in title_and_subtitle]


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _export(db: Database, out: Path, **options: object) -> Path:
    return risk_map_service.export_map(
        db, out, fmt=out.suffix[1:], plan_name=None, printed_on=TODAY, **options
    )  # type: ignore[arg-type]


def test_labels_are_apart_readable_and_name_every_zone(demo_db: Database, tmp_path: Path) -> None:
    pdf = _export(demo_db, tmp_path / "map.pdf")
    runs = _map_runs(pdf)
    sheet = risk_map_service.map_sheets(demo_db, printed_on=TODAY)[0]
    texts = [t for t, _b, _s in runs]
    for zone in sheet.zones:
        assert zone.name in texts, zone.name  # each zone's label, as its own line
    for (ta, a, _), (tb, b, _) in itertools.combinations(runs, 2):
        assert not _overlap(a, b), (ta, tb)
    assert all(size >= 7.0 for _t, _b, size in runs), [(t, s) for t, _b, s in runs if s < 7]


def test_exactly_one_north_arrow_turned_as_set(demo_db: Database, tmp_path: Path) -> None:
    def north(pdf: Path) -> list[Rect]:
        return [box for text, box, _s in _runs(pdf) if text == "北"]

    # The demo plan image no longer carries an arrow of its own (its corner is blank) ...
    plan = fps.list_plans(demo_db)[0]
    with Image.open(plan.image_path) as image:
        corner = image.convert("L").crop((60, 1340, 190, 1490))
        assert min(corner.tobytes()) > 200
    assert draw_floor_plan().png  # (the drawing the demo imports)
    # ... so the sheet's is the only one.
    (up,) = north(_export(demo_db, tmp_path / "up.pdf"))
    risk_map_service.set_north_angle(demo_db, plan.id, 90, actor="李安全")
    assert risk_map_service.north_angle(demo_db, plan.id) == 90
    (right,) = north(_export(demo_db, tmp_path / "right.pdf"))
    assert right[0] > up[2] and right[3] < up[1]  # "北" moved from above the arrow to its right
    risk_map_service.set_north_angle(demo_db, plan.id, None, actor="李安全")
    assert north(_export(demo_db, tmp_path / "none.pdf")) == []
    # An explicit angle (the CLI's --north-angle) wins over the setting.
    assert len(north(_export(demo_db, tmp_path / "forced.pdf", north=45))) == 1


def test_the_png_draws_the_same_north_arrow(demo_db: Database, tmp_path: Path) -> None:
    plan = fps.list_plans(demo_db)[0]

    def corner(png: Path) -> Image.Image:
        """The top of the side panel (legend and north arrow) at 300 dpi."""
        with Image.open(png) as image:
            scale = 300 / 72
            return image.convert("L").crop(
                (round(SIDE_LEFT_A3 * scale), 0, image.width, round(60 * MM * scale))
            )

    up = corner(_export(demo_db, tmp_path / "up.png"))
    risk_map_service.set_north_angle(demo_db, plan.id, 90, actor="李安全")
    turned = corner(_export(demo_db, tmp_path / "turned.png"))
    risk_map_service.set_north_angle(demo_db, plan.id, None, actor="李安全")
    none = corner(_export(demo_db, tmp_path / "none.png"))
    assert up.tobytes() != turned.tobytes()
    dark = [sum(1 for v in img.tobytes() if v < 128) for img in (up, turned, none)]
    assert dark[2] < dark[0] and dark[2] < dark[1]  # no arrow: less ink in that corner


def test_zone_fills_are_the_exact_level_colours(demo_db: Database, tmp_path: Path) -> None:
    png = _export(demo_db, tmp_path / "map.png")
    sheet = risk_map_service.map_sheets(demo_db, printed_on=TODAY)[0]
    x0, y0, width, _height = layout_sheet(sheet).plan_box
    factor = width / sheet.image_width
    scale = 300 / 72
    seen = set()
    with Image.open(png) as image:
        rgb = image.convert("RGB")
        for zone in sheet.zones:
            assert zone.level is not None
            left, top = min(p[0] for p in zone.points), min(p[1] for p in zone.points)
            right, bottom = max(p[0] for p in zone.points), max(p[1] for p in zone.points)
            samples = [
                rgb.getpixel((round((x0 + (left + (right - left) * fx) * factor) * scale),
                              round((y0 + (top + (bottom - top) * fy) * factor) * scale)))
                for fx in (0.1, 0.3, 0.5, 0.7, 0.9) for fy in (0.1, 0.3, 0.5, 0.7, 0.9)
            ]  # fmt: skip
            exact = sum(1 for s in samples if s == zone.level.colour.rgb)
            # Labels, the plan's lines and nested zones take a few samples; the fill the most.
            assert exact >= 8, (zone.name, exact, samples)
            seen.add(zone.level)
    assert {RiskLevel.MAJOR, RiskLevel.GENERAL, RiskLevel.LOW, RiskLevel.SIGNIFICANT} == seen


def test_the_plans_walls_and_lettering_are_drawn_over_the_colour(demo_db: Database) -> None:
    sheet = risk_map_service.map_sheets(demo_db, printed_on=TODAY)[0]
    items = layout_sheet(sheet).items
    fills = [i for i, item in enumerate(items) if isinstance(item, Shape) and item.fill is not None]
    (ink,) = [i for i, item in enumerate(items) if isinstance(item, PlanInk)]
    zone_fills = [i for i in fills if i < ink]
    assert len(zone_fills) >= len(sheet.zones)  # every zone fill lies under the plan's ink


def test_black_and_white_uses_a_distinct_hatch_per_level(demo_db: Database, tmp_path: Path) -> None:
    sheet = risk_map_service.map_sheets(demo_db, printed_on=TODAY, mono=True)[0]
    items = layout_sheet(sheet).items
    coloured = {item.fill.rgb for item in items if isinstance(item, Shape) and item.fill is not None}
    assert not coloured & {level.colour.rgb for level in RiskLevel}  # no colour anywhere, legend included
    # White under the hatch, and the plan's walls and lettering drawn again over it.
    (ink,) = [i for i, item in enumerate(items) if isinstance(item, PlanInk)]
    hatch_lines = [
        i
        for i, item in enumerate(items)
        if isinstance(item, Shape) and not item.closed and item.stroke_width < 0.6
    ]
    assert hatch_lines and min(hatch_lines) < ink  # (the legend's swatches come later)
    png = _export(demo_db, tmp_path / "mono.png", mono=True)
    with Image.open(png) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    assert colours is not None
    assert not any(c in {level.colour.rgb for level in RiskLevel} for _n, c in colours)


def test_hatches_stay_inside_their_zone_and_differ_by_level() -> None:
    square = rect_points(0, 0, 100, 100)
    lines = hatch_segments(square, 45, 10)
    assert len(lines) == 14  # the diagonal is 141 long
    for (ax, ay), (bx, by) in lines:
        for x, y in ((ax, ay), (bx, by)):
            assert -1e-6 <= x <= 100 + 1e-6 and -1e-6 <= y <= 100 + 1e-6
    l_shape = ((0.0, 0.0), (100.0, 0.0), (100.0, 40.0), (40.0, 40.0), (40.0, 100.0), (0.0, 100.0))
    for (ax, ay), (bx, by) in hatch_segments(l_shape, 0, 7):
        mid = ((ax + bx) / 2, (ay + by) / 2)
        assert not (mid[0] > 40 and mid[1] > 40)  # nothing in the notch


def test_an_angle_out_of_range_is_refused(demo_db: Database) -> None:
    plan = fps.list_plans(demo_db)[0]
    with pytest.raises(ValidationError, match="0–360"):
        risk_map_service.set_north_angle(demo_db, plan.id, 400, actor="李安全")
    assert risk_map_service.north_angle(demo_db, plan.id) == 0.0
