"""Where everything goes on a 风险四色分布图 sheet, computed once in points and drawn twice: as a
vector PDF (``risk_map_pdf``) and as a 300 dpi PNG (``risk_map_png``). Both writers only walk the
display list built here, so the two outputs cannot drift apart.

The sheet (landscape): the title across the top; the floor plan with its coloured zones and their
labels on the left; on the right the legend, a north arrow, the table of 重大/较大 risks and a title
block (enterprise, plan, drawn/checked by, date). Coordinates are points from the top-left corner.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from dualprev.domain.map_labels import InkMap, LabelRequest, place_labels
from dualprev.domain.risk import RiskLevel
from dualprev.domain.risk_map import UNGRADED_LABEL, Point
from dualprev.reports.fonts import text_width_pt
from dualprev.reports.page import MM_TO_PT
from dualprev.reports.risk_map_data import MajorRiskRow, MapPaper, MapStyle, RiskMapSheet
from dualprev.reports.risk_map_ink import ink_map, load_plan_image

# --- what is drawn -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Paint:
    """A colour for both outputs: screen RGB for the PNG, CMYK (0–1) for the printed PDF."""

    rgb: tuple[int, int, int]
    cmyk: tuple[float, float, float, float]


BLACK = Paint((0, 0, 0), (0, 0, 0, 1))
WHITE = Paint((255, 255, 255), (0, 0, 0, 0))
GREY = Paint((128, 128, 128), (0, 0, 0, 0.5))
LIGHT_GREY = Paint((235, 235, 235), (0, 0, 0, 0.08))


def level_paint(level: RiskLevel) -> Paint:
    c, m, y, k = level.colour.cmyk
    return Paint(level.colour.rgb, (c / 100, m / 100, y / 100, k / 100))


def level_text_paint(level: RiskLevel) -> Paint:
    return WHITE if level.colour.text_rgb == (255, 255, 255) else BLACK


class Anchor(StrEnum):
    START = "start"
    MIDDLE = "middle"
    END = "end"


@dataclass(frozen=True)
class TextRun:
    """One line of text; ``y`` is its baseline."""

    x: float
    y: float
    text: str
    size: float
    paint: Paint = BLACK
    anchor: Anchor = Anchor.START


@dataclass(frozen=True)
class Shape:
    """A polygon (``closed``) or polyline, filled and/or stroked."""

    points: tuple[Point, ...]
    fill: Paint | None = None
    stroke: Paint | None = None
    stroke_width: float = 0.0
    dashed: bool = False
    closed: bool = True


@dataclass(frozen=True)
class PlanImage:
    x: float
    y: float
    width: float
    height: float
    sheet: RiskMapSheet


@dataclass(frozen=True)
class PlanInk:
    """Draw the plan's ink (walls, lines, lettering: see ``risk_map_ink``) in black again, inside
    ``outlines`` only: over the opaque zone fills, so the plan stays readable and the colour between
    its lines is the level's own."""

    outlines: tuple[tuple[Point, ...], ...]
    halo: float = 0.0
    """Points of white rim around every stroke (black-and-white maps: the plan over a hatch)."""


Item = TextRun | Shape | PlanImage | PlanInk


@dataclass(frozen=True)
class SheetLayout:
    width: float
    height: float
    items: tuple[Item, ...]
    title: str
    plan_box: tuple[float, float, float, float]
    """Where the plan image sits (x, y, width, height)."""


# --- sizes per paper ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sizes:
    margin_mm: float
    side_mm: float
    title: float
    subtitle: float
    heading: float
    body: float
    table: float
    table_min: float
    label: float
    """The largest a zone label's name is printed; smaller zones get smaller labels."""
    label_min: float
    """The smallest a name is printed inside its zone; a label that does not fit at it goes outside."""
    label_outside: float
    """The name's size in a label beside its zone."""
    zone_stroke: float


_SIZES = {
    MapPaper.A4: _Sizes(8, 82, 16, 8, 9, 7.5, 7.0, 5.0, 10.0, 7.0, 8.0, 0.8),
    MapPaper.A3: _Sizes(10, 108, 22, 10.5, 12, 9.5, 9.0, 5.5, 15.0, 8.0, 9.5, 1.1),
    MapPaper.A2: _Sizes(12, 150, 30, 14, 16, 13, 12.0, 7.0, 20.0, 10.0, 12.0, 1.5),
}

LINE = 1.3
"""Line height as a multiple of the font size."""


def _mm(value: float) -> float:
    return value * MM_TO_PT


_NO_LINE_START = set("，。、；：？！）》」』”’%,.;:?!)")


def wrap(text: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (Chinese may break between any two
    characters; a Latin word is kept whole when it fits on a line of its own)."""
    lines: list[str] = []
    for paragraph in text.split("\n") or [""]:
        line = ""
        for ch in paragraph:
            # Closing punctuation never starts a line (禁则): it may stick out a little instead.
            if line and ch not in _NO_LINE_START and text_width_pt(line + ch, size) > width:
                # Move a Latin/number fragment to the next line instead of splitting it.
                cut = len(line)
                while cut > 0 and line[cut - 1].isascii() and line[cut - 1].isalnum() and ch.isascii():
                    cut -= 1
                if 0 < cut < len(line) and text_width_pt(line[cut:] + ch, size) <= width:
                    lines.append(line[:cut])
                    line = line[cut:]
                else:
                    lines.append(line)
                    line = ""
            line += ch
        lines.append(line)
    return lines


def _rect(x: float, y: float, w: float, h: float) -> tuple[Point, ...]:
    return (x, y), (x + w, y), (x + w, y + h), (x, y + h)


def plan_ink(sheet: RiskMapSheet, plan_box: tuple[float, float, float, float]) -> InkMap:
    """Where the plan image placed at ``plan_box`` (x, y, width, height) carries ink."""
    return ink_map(load_plan_image(sheet, 960, 960), plan_box)


# --- the sheet ---------------------------------------------------------------------------------


def layout_sheet(sheet: RiskMapSheet) -> SheetLayout:
    """Lay one plan out on its paper."""
    sizes = _SIZES[MapPaper(sheet.paper)]
    width, height = (_mm(v) for v in MapPaper(sheet.paper).size_mm)
    margin = _mm(sizes.margin_mm)
    pad = _mm(4)
    items: list[Item] = []
    # A drawing frame, as on any engineering sheet.
    items.append(
        Shape(_rect(margin, margin, width - 2 * margin, height - 2 * margin), stroke=BLACK, stroke_width=1.2)
    )

    inner_left, inner_right = margin + pad, width - margin - pad
    inner_top, inner_bottom = margin + pad, height - margin - pad
    title_y = inner_top + sizes.title
    items.append(TextRun(width / 2, title_y, sheet.title, sizes.title, anchor=Anchor.MIDDLE))
    subtitle_y = title_y + sizes.subtitle * 1.8
    subtitle = f"平面图：{sheet.plan_name}　　区块颜色为区块内风险点最高的现有风险等级（从严从高）"
    items.append(TextRun(width / 2, subtitle_y, subtitle, sizes.subtitle, anchor=Anchor.MIDDLE))
    content_top = subtitle_y + sizes.subtitle

    side_width = _mm(sizes.side_mm)
    side_left = inner_right - side_width
    map_box = (inner_left, content_top, side_left - pad - inner_left, inner_bottom - content_top)
    plan_box = _draw_map(items, sheet, sizes, map_box)
    _draw_side(items, sheet, sizes, side_left, content_top, side_width, inner_bottom)
    return SheetLayout(width, height, tuple(items), sheet.title, plan_box)


def _draw_map(
    items: list[Item], sheet: RiskMapSheet, sizes: _Sizes, box: tuple[float, float, float, float]
) -> tuple[float, float, float, float]:
    bx, by, bw, bh = box
    items.append(Shape(_rect(bx, by, bw, bh), stroke=BLACK, stroke_width=0.6))
    inset = _mm(2)
    avail_w, avail_h = bw - 2 * inset, bh - 2 * inset
    scale = min(avail_w / max(sheet.image_width, 1), avail_h / max(sheet.image_height, 1))
    iw, ih = sheet.image_width * scale, sheet.image_height * scale
    ix, iy = bx + (bw - iw) / 2, by + (bh - ih) / 2
    items.append(PlanImage(ix, iy, iw, ih, sheet))

    def to_page(p: Point) -> Point:
        return ix + p[0] * scale, iy + p[1] * scale

    mono = MapStyle(sheet.style) is MapStyle.MONO
    outlines = [tuple(to_page(p) for p in zone.points) for zone in sheet.zones]
    # Zones come larger first (services sort them so), so a nested zone is painted over its
    # container. Fills are opaque: the level's true colour, not a tint of it.
    for zone, pts in zip(sheet.zones, outlines, strict=True):
        if zone.level is None:
            continue
        if mono:
            items.append(Shape(pts, fill=WHITE))
            items.extend(_hatch(pts, zone.level, sizes))
        else:
            items.append(Shape(pts, fill=level_paint(zone.level)))
    if any(zone.level is not None for zone in sheet.zones):
        # The plan's walls and lettering, again, over the colour (or the hatch).
        zoned = tuple(pts for zone, pts in zip(sheet.zones, outlines, strict=True) if zone.level)
        items.append(PlanInk(zoned, halo=0.6 if mono else 0.0))
    for zone, pts in zip(sheet.zones, outlines, strict=True):
        if zone.level is None:
            items.append(Shape(pts, stroke=GREY, stroke_width=sizes.zone_stroke, dashed=True))
        else:
            items.append(Shape(pts, stroke=BLACK, stroke_width=sizes.zone_stroke * (1 if mono else 0.6)))
    _zone_labels(items, sheet, sizes, outlines, to_page, (bx, by, bx + bw, by + bh), (ix, iy, iw, ih))
    if not sheet.zones:
        items.append(
            TextRun(
                bx + bw / 2,
                by + bh - sizes.body,
                "（本平面图尚未绘制区块）",
                sizes.body,
                paint=GREY,
                anchor=Anchor.MIDDLE,
            )
        )
    return ix, iy, iw, ih


# Hatches for black-and-white printing, darker for the more severe levels: (angles, spacing in mm).
_HATCHES: dict[RiskLevel, tuple[tuple[float, ...], float]] = {
    RiskLevel.MAJOR: ((45.0, 135.0), 1.8),
    RiskLevel.SIGNIFICANT: ((45.0,), 1.8),
    RiskLevel.GENERAL: ((135.0,), 3.2),
    RiskLevel.LOW: ((0.0,), 3.2),
}


def hatch_segments(outline: Sequence[Point], angle: float, spacing: float) -> list[tuple[Point, Point]]:
    """Parallel lines ``spacing`` apart at ``angle`` degrees (0 = horizontal, counter-clockwise on
    paper), clipped to the polygon ``outline`` (even-odd)."""
    theta = math.radians(angle)
    # Direction along the lines and the normal across them (y grows downwards on the sheet).
    ux, uy = math.cos(theta), -math.sin(theta)
    nx, ny = -uy, ux
    offsets = [x * nx + y * ny for x, y in outline]
    segments: list[tuple[Point, Point]] = []
    n = len(outline)
    k = math.floor(min(offsets) / spacing) + 1
    while k * spacing < max(offsets):
        c = k * spacing
        ts: list[float] = []
        for i in range(n):
            (x0, y0), (x1, y1) = outline[i], outline[(i + 1) % n]
            d0, d1 = offsets[i] - c, offsets[(i + 1) % n] - c
            if (d0 > 0) != (d1 > 0):
                f = d0 / (d0 - d1)
                ts.append((x0 + (x1 - x0) * f) * ux + (y0 + (y1 - y0) * f) * uy)
        ts.sort()
        for t0, t1 in zip(ts[::2], ts[1::2], strict=False):
            segments.append(((c * nx + t0 * ux, c * ny + t0 * uy), (c * nx + t1 * ux, c * ny + t1 * uy)))
        k += 1
    return segments


def _hatch(outline: Sequence[Point], level: RiskLevel, sizes: _Sizes) -> list[Item]:
    angles, spacing = _HATCHES[RiskLevel(level)]
    width = sizes.zone_stroke * 0.4
    return [
        Shape((a, b), stroke=BLACK, stroke_width=width, closed=False)
        for angle in angles
        for a, b in hatch_segments(outline, angle, _mm(spacing))
    ]


def _label_sizes(size: float, lines: int) -> tuple[float, ...]:
    """Font sizes of a label's lines: the name largest, the level and counts smaller, none below
    the 7 pt a posted sheet must keep."""
    return tuple(max(LABEL_FLOOR, size * f) for f in (1.0, 0.9, 0.8)[:lines])


LABEL_INK_CLEARANCE = 1.5
"""Points around a label inside its zone that must be free of the plan's ink too."""
LABEL_FLOOR = 7.0
"""No label text is printed smaller than this (a map on the wall is read from a step away)."""


def _label_box(lines: Sequence[str], size: float) -> tuple[float, float]:
    fonts = _label_sizes(size, len(lines))
    width = max(text_width_pt(t, f) for t, f in zip(lines, fonts, strict=True)) + 2 * size * 0.35
    return width, sum(f * 1.18 for f in fonts) + size * 0.35


def _label_steps(sizes: _Sizes) -> list[float]:
    steps, size = [], sizes.label
    while size > sizes.label_min:
        steps.append(size)
        size -= 0.5
    return [*steps, sizes.label_min]


def _zone_labels(
    items: list[Item],
    sheet: RiskMapSheet,
    sizes: _Sizes,
    outlines: Sequence[tuple[Point, ...]],
    to_page: Callable[[Point], Point],
    bounds: tuple[float, float, float, float],
    plan_box: tuple[float, float, float, float],
) -> None:
    """Each zone's label where ``place_labels`` finds room: inside on a clear spot of the plan, else
    beside the zone with a leader line; labels never overlap."""
    if not sheet.zones:
        return
    steps = _label_steps(sizes)
    requests = []
    for zone, pts in zip(sheet.zones, outlines, strict=True):
        # Inside, the box keeps a margin from the zone's walls.
        margins = tuple(s * 0.5 for s in steps)
        # The plan's ink counts under the box and a little around it (labels do not touch the
        # plan's lettering), not under the rest of the margin kept from the walls.
        clear_of_ink = tuple(m - min(m, LABEL_INK_CLEARANCE) for m in margins)
        inside = tuple(
            (w + 2 * margin, h + 2 * margin)
            for s, margin in zip(steps, margins, strict=True)
            for w, h in (_label_box(zone.label_lines, s),)
        )
        outside = _label_box(zone.label_lines, sizes.label_outside)
        requests.append(LabelRequest(pts, to_page(zone.label_at), inside, outside, clear_of_ink))
    pad = _mm(1)
    area = (bounds[0] + pad, bounds[1] + pad, bounds[2] - pad, bounds[3] - pad)
    placements = place_labels(requests, area, ink=plan_ink(sheet, plan_box), gap=_mm(1))
    mono = MapStyle(sheet.style) is MapStyle.MONO
    for zone, placement in zip(sheet.zones, placements, strict=True):
        left, top, right, bottom = placement.box
        if placement.inside:
            size = steps[placement.size_index]
            margin = size * 0.5
            left, top, right, bottom = left + margin, top + margin, right - margin, bottom - margin
        else:
            size = sizes.label_outside
        if placement.leader is not None:
            (ex, ey), (ax, ay) = placement.leader
            items.append(Shape(((ex, ey), (ax, ay)), stroke=BLACK, stroke_width=0.7, closed=False))
            dot = size * 0.22
            items.append(Shape(_circle(ax, ay, dot, 12), fill=BLACK))
        if zone.level is None or mono:
            fill, text, border = WHITE, BLACK, GREY if zone.level is None else BLACK
        else:
            fill, text, border = level_paint(zone.level), level_text_paint(zone.level), BLACK
        items.append(
            Shape(_rect(left, top, right - left, bottom - top), fill=fill, stroke=border, stroke_width=0.5)
        )
        cx = (left + right) / 2
        baseline = top + size * 0.35 / 2
        for line, font in zip(zone.label_lines, _label_sizes(size, len(zone.label_lines)), strict=True):
            baseline += font * 1.18
            items.append(TextRun(cx, baseline - font * 0.22, line, font, paint=text, anchor=Anchor.MIDDLE))


def _circle(cx: float, cy: float, r: float, steps: int = 36) -> tuple[Point, ...]:
    return tuple(
        (cx + r * math.cos(2 * math.pi * i / steps), cy + r * math.sin(2 * math.pi * i / steps))
        for i in range(steps)
    )


# --- legend, north arrow, table, title block --------------------------------------------------


def _draw_side(
    items: list[Item],
    sheet: RiskMapSheet,
    sizes: _Sizes,
    left: float,
    top: float,
    width: float,
    bottom: float,
) -> None:
    y = _draw_legend(items, sheet, sizes, left, top, width)
    block_top = _draw_title_block(items, sheet, sizes, left, width, bottom)
    notes_top = _draw_notes(items, sizes, left, width, block_top - sizes.body * 0.6)
    _draw_table(items, sheet, sizes, left, y + sizes.body, width, notes_top - sizes.body)


NOTES = (
    "1. 区块颜色为区块内风险点现有风险等级中最高的一级（从严从高），图中同时标注等级名称。",
    "2. 本图由风险分级管控清单自动生成；风险等级变化后应重新打印并张贴。",
    "3. 重大风险、较大风险场所应设置岗位安全风险告知卡，落实公司级管控。",
)


def _draw_notes(items: list[Item], sizes: _Sizes, left: float, width: float, bottom: float) -> float:
    """说明 lines just above the title block; returns their top."""
    size = sizes.table
    lines = [line for note in NOTES for line in wrap(note, size, width - size)]
    top = bottom - (len(lines) + 1) * size * LINE
    y = top + size * LINE
    items.append(TextRun(left, y, "说明：", size))
    for line in lines:
        y += size * LINE
        items.append(TextRun(left + size * (0 if line[:2] in ("1.", "2.", "3.") else 1.2), y, line, size))
    return top


def _draw_legend(
    items: list[Item], sheet: RiskMapSheet, sizes: _Sizes, left: float, top: float, width: float
) -> float:
    """The four levels with their colours (or, black-and-white, their hatches) and names, and 未评价
    when a zone has none; returns the y below it. The north arrow sits to its right."""
    y = top + sizes.heading * 1.2
    items.append(TextRun(left, y, "图　例", sizes.heading))
    swatch_w, swatch_h = sizes.body * 3.2, sizes.body * 1.6
    mono = MapStyle(sheet.style) is MapStyle.MONO
    y += sizes.body * 0.8
    rows: list[tuple[str, RiskLevel | None]] = [
        (f"{level.label}（{level.colour.name}色）", level) for level in RiskLevel
    ]
    if any(z.level is None for z in sheet.zones):
        rows.append((f"{UNGRADED_LABEL}（无已评价风险点）", None))
    for text, level in rows:
        swatch = _rect(left, y, swatch_w, swatch_h)
        if level is None:
            items.append(Shape(swatch, stroke=GREY, stroke_width=sizes.zone_stroke, dashed=True))
        elif mono:
            items.append(Shape(swatch, fill=WHITE))
            items.extend(_hatch(swatch, level, sizes))
            items.append(Shape(swatch, stroke=BLACK, stroke_width=sizes.zone_stroke))
        else:
            items.append(
                Shape(swatch, fill=level_paint(level), stroke=BLACK, stroke_width=sizes.zone_stroke * 0.6)
            )
        items.append(
            TextRun(
                left + swatch_w + sizes.body * 0.8, y + swatch_h * 0.5 + sizes.body * 0.36, text, sizes.body
            )
        )
        y += swatch_h + sizes.body * 0.7
    if sheet.north_angle is not None:
        radius = sizes.heading * 2.1
        _draw_north_arrow(items, left + width - radius, top + radius, radius, sheet.north_angle)
    return y


def _draw_north_arrow(items: list[Item], cx: float, cy: float, reach: float, angle: float) -> None:
    """A north arrow turned ``angle`` degrees clockwise from the top of the sheet, within ``reach``
    of (cx, cy): a circle, an arrowhead split black/white, and "北" beyond its tip."""
    label = reach * 0.36
    r = reach - label * 1.25
    turn = math.radians(angle)

    def at(dx: float, dy: float) -> Point:
        """(dx, dy) from the centre of an arrow pointing up, turned."""
        return (
            cx + dx * math.cos(turn) - dy * math.sin(turn),
            cy + dx * math.sin(turn) + dy * math.cos(turn),
        )

    items.append(Shape(_circle(cx, cy, r), stroke=BLACK, stroke_width=0.6))
    tip, notch = at(0, -r * 0.95), at(0, r * 0.25)
    left, right = at(-r * 0.42, r * 0.55), at(r * 0.42, r * 0.55)
    items.append(Shape((tip, left, notch), fill=BLACK, stroke=BLACK, stroke_width=0.5))
    items.append(Shape((tip, right, notch), fill=WHITE, stroke=BLACK, stroke_width=0.5))
    lx, ly = at(0, -(r + label * 0.75))
    items.append(TextRun(lx, ly + label * 0.36, "北", label, anchor=Anchor.MIDDLE))


_TABLE_COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 0.075),
    ("等级", 0.1),
    ("风险点", 0.265),
    ("所在区域", 0.17),
    ("可能导致的事故类型", 0.205),
    ("责任单位/人", 0.185),
)


def _row_cells(index: int, row: MajorRiskRow) -> list[str]:
    name = f"{row.code} {row.name}".strip()
    return [str(index), row.level.short_label, name, row.location, row.accident_types, row.responsible]


def _table_rows(
    sheet: RiskMapSheet, size: float, widths: Sequence[float], pad: float
) -> list[tuple[list[list[str]], float]]:
    rows = []
    for i, risk in enumerate(sheet.major_risks, start=1):
        cells = [wrap(text, size, w - 2 * pad) for text, w in zip(_row_cells(i, risk), widths, strict=True)]
        rows.append((cells, max(len(c) for c in cells) * size * LINE + pad))
    return rows


def _draw_table(
    items: list[Item],
    sheet: RiskMapSheet,
    sizes: _Sizes,
    left: float,
    top: float,
    width: float,
    bottom: float,
) -> None:
    """The 重大/较大 risks of this plan. Too many for the space: the font shrinks down to a legible
    minimum, then the last rows give way to a line saying how many more there are."""
    major = sum(1 for r in sheet.major_risks if r.level is RiskLevel.MAJOR)
    heading = f"重大、较大风险清单（重大 {major} 项，较大 {len(sheet.major_risks) - major} 项）"
    y = top + sizes.heading
    items.append(TextRun(left, y, heading, sizes.heading * 0.85))
    y += sizes.heading * 0.6
    if not sheet.major_risks:
        items.append(TextRun(left, y + sizes.body * 1.4, "本图范围内没有重大风险和较大风险。", sizes.body))
        return
    widths = [width * share for _title, share in _TABLE_COLUMNS]
    size = sizes.table
    while True:
        pad = size * 0.5
        header_h = (
            size
            * LINE
            * max(len(wrap(t, size, w - 2 * pad)) for (t, _s), w in zip(_TABLE_COLUMNS, widths, strict=True))
            + pad
        )
        rows = _table_rows(sheet, size, widths, pad)
        if header_h + sum(h for _c, h in rows) <= bottom - y or size <= sizes.table_min:
            break
        size = max(sizes.table_min, size - 0.25)
    available = bottom - y - header_h
    shown: list[tuple[list[list[str]], float]] = []
    used = 0.0
    more_line = size * LINE + pad
    for index, (cells, h) in enumerate(rows):
        rest = len(rows) - index - 1
        if used + h + (more_line if rest else 0) > available:
            break
        shown.append((cells, h))
        used += h
    hidden = len(rows) - len(shown)

    def grid_row(
        cells: list[list[str]], row_top: float, row_h: float, fill: Paint | None, level: RiskLevel | None
    ) -> None:
        x = left
        for col, (lines, w) in enumerate(zip(cells, widths, strict=True)):
            cell_fill, ink = fill, BLACK
            if col == 1 and level is not None and MapStyle(sheet.style) is MapStyle.COLOUR:
                cell_fill, ink = level_paint(level), level_text_paint(level)
            items.append(Shape(_rect(x, row_top, w, row_h), fill=cell_fill, stroke=BLACK, stroke_width=0.4))
            centred = col in (0, 1)
            ty = row_top + pad / 2
            for line in lines:
                ty += size * LINE
                items.append(
                    TextRun(
                        x + w / 2 if centred else x + pad,
                        ty - size * 0.35,
                        line,
                        size,
                        paint=ink,
                        anchor=Anchor.MIDDLE if centred else Anchor.START,
                    )
                )
            x += w

    header_cells = [wrap(t, size, w - 2 * pad) for (t, _s), w in zip(_TABLE_COLUMNS, widths, strict=True)]
    grid_row(header_cells, y, header_h, LIGHT_GREY, None)
    y += header_h
    for (cells, h), risk in zip(shown, sheet.major_risks, strict=False):
        grid_row(cells, y, h, None, risk.level)
        y += h
    if hidden:
        text = f"另有 {hidden} 项未能列出，详见风险分级管控清单。"
        items.append(TextRun(left, y + size * LINE, text, size))


def _draw_title_block(
    items: list[Item], sheet: RiskMapSheet, sizes: _Sizes, left: float, width: float, bottom: float
) -> float:
    """The drawing's title block at the bottom of the side panel; returns its top."""
    size = sizes.body
    row_h = size * 2.2
    key_w = width * 0.2
    date = f"{sheet.printed_on.year}年{sheet.printed_on.month}月{sheet.printed_on.day}日"
    rows: list[list[tuple[str, float]]] = [
        [("企业名称", key_w), (sheet.enterprise, width - key_w)],
        [("图　　名", key_w), (f"安全风险四色分布图（{sheet.plan_name}）", width - key_w)],
        [
            ("制　　图", key_w),
            (sheet.drawn_by, width / 2 - key_w),
            ("审　　核", key_w),
            (sheet.checked_by, width / 2 - key_w),
        ],
        [("日　　期", key_w), (date, width - key_w)],
    ]
    top = bottom - row_h * len(rows)
    y = top
    for row in rows:
        x = left
        for col, (text, w) in enumerate(row):
            is_key = col % 2 == 0
            items.append(
                Shape(
                    _rect(x, y, w, row_h), fill=LIGHT_GREY if is_key else None, stroke=BLACK, stroke_width=0.4
                )
            )
            fit = size
            while fit > sizes.table_min and text_width_pt(text, fit) > w - size:
                fit -= 0.25
            if is_key:
                items.append(TextRun(x + w / 2, y + row_h / 2 + fit * 0.36, text, fit, anchor=Anchor.MIDDLE))
            else:
                items.append(TextRun(x + size * 0.5, y + row_h / 2 + fit * 0.36, text, fit))
            x += w
        y += row_h
    items.append(Shape(_rect(left, top, width, row_h * len(rows)), stroke=BLACK, stroke_width=1.0))
    return top
