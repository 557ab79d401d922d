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

from dualprev.domain.risk import RiskLevel
from dualprev.domain.risk_map import UNGRADED_LABEL, ZONE_FILL_ALPHA, Point, bounding_box
from dualprev.reports.fonts import text_width_pt
from dualprev.reports.page import MM_TO_PT
from dualprev.reports.risk_map_data import MajorRiskRow, MapPaper, MapZoneData, RiskMapSheet

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
UNGRADED_FILL = Paint((200, 200, 200), (0, 0, 0, 0.22))


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
    fill_alpha: float = 1.0
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
class PlanPatch:
    """Draw the plan image again, inside ``points`` only: under a zone that lies on another zone, so
    its fill blends with the plan and not with the zone beneath (blue over yellow must not print
    green)."""

    points: tuple[Point, ...]


Item = TextRun | Shape | PlanImage | PlanPatch


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
    zone_stroke: float


_SIZES = {
    MapPaper.A4: _Sizes(8, 82, 16, 8, 9, 7.5, 7.0, 5.0, 10.0, 4.5, 0.8),
    MapPaper.A3: _Sizes(10, 108, 22, 10.5, 12, 9.5, 9.0, 5.5, 15.0, 5.0, 1.1),
    MapPaper.A2: _Sizes(12, 150, 30, 14, 16, 13, 12.0, 7.0, 20.0, 6.5, 1.5),
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

    drawn: list[tuple[float, float, float, float]] = []
    for zone in sheet.zones:
        pts = tuple(to_page(p) for p in zone.points)
        box = bounding_box(zone.points)
        if any(_boxes_overlap(box, other) for other in drawn):
            items.append(PlanPatch(pts))
        drawn.append(box)
        if zone.level is None:
            items.append(
                Shape(
                    pts,
                    fill=UNGRADED_FILL,
                    fill_alpha=ZONE_FILL_ALPHA,
                    stroke=GREY,
                    stroke_width=sizes.zone_stroke,
                    dashed=True,
                )
            )
        else:
            paint = level_paint(zone.level)
            items.append(
                Shape(
                    pts, fill=paint, fill_alpha=ZONE_FILL_ALPHA, stroke=paint, stroke_width=sizes.zone_stroke
                )
            )
    # Labels after every fill, so no zone (a nested one) covers another's label.
    for zone in sheet.zones:
        _zone_label(items, zone, sizes, to_page, scale)
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


def _boxes_overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _label_sizes(size: float) -> tuple[float, ...]:
    """Font sizes of a label's lines: the name largest, the level and counts smaller."""
    return size, size * 0.9, size * 0.8


def _zone_label(
    items: list[Item], zone: MapZoneData, sizes: _Sizes, to_page: Callable[[Point], Point], scale: float
) -> None:
    xs = [p[0] for p in zone.points]
    ys = [p[1] for p in zone.points]
    zone_width, zone_height = (max(xs) - min(xs)) * scale, (max(ys) - min(ys)) * scale
    lines = zone.label_lines
    size = sizes.label

    def box_size(s: float) -> tuple[float, float]:
        fonts = _label_sizes(s)[: len(lines)]
        width = max(text_width_pt(t, f) for t, f in zip(lines, fonts, strict=False)) + 2 * s * 0.35
        return width, sum(f * 1.18 for f in fonts) + s * 0.35

    # As large as the zone comfortably holds, but never below what a printed sheet can be read at.
    while size > sizes.label_min and (
        box_size(size)[0] > zone_width * 0.85 or box_size(size)[1] > zone_height * 0.7
    ):
        size = max(sizes.label_min, size - 0.25)
    pad = size * 0.35
    fonts = _label_sizes(size)
    w, h = box_size(size)
    cx, cy = to_page(zone.label_at)
    # Keep the box inside the zone's bounds where it fits (a label point near an edge).
    left, top = to_page((min(xs), min(ys)))
    if w <= zone_width:
        cx = min(max(cx, left + w / 2), left + zone_width - w / 2)
    if h <= zone_height:
        cy = min(max(cy, top + h / 2), top + zone_height - h / 2)
    x, y = cx - w / 2, cy - h / 2
    if zone.level is None:
        fill, text, border = WHITE, BLACK, GREY
    else:
        fill, text, border = level_paint(zone.level), level_text_paint(zone.level), BLACK
    items.append(Shape(_rect(x, y, w, h), fill=fill, stroke=border, stroke_width=0.4))
    baseline = y + pad / 2
    for line, font in zip(lines, fonts, strict=False):
        baseline += font * 1.18
        items.append(TextRun(cx, baseline - font * 0.22, line, font, paint=text, anchor=Anchor.MIDDLE))


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
    """The four colours with their level names (and 未评价 when a zone has none); returns the y
    below it. The north arrow sits to its right."""
    y = top + sizes.heading * 1.2
    items.append(TextRun(left, y, "图　例", sizes.heading))
    swatch_w, swatch_h = sizes.body * 3.2, sizes.body * 1.6
    rows: list[tuple[str, Paint, Paint, bool]] = [
        (f"{level.label}（{level.colour.name}色）", level_paint(level), level_paint(level), False)
        for level in RiskLevel
    ]
    if any(z.level is None for z in sheet.zones):
        rows.append((f"{UNGRADED_LABEL}（无已评价风险点）", UNGRADED_FILL, GREY, True))
    y += sizes.body * 0.8
    for text, fill, stroke, dashed in rows:
        items.append(
            Shape(
                _rect(left, y, swatch_w, swatch_h),
                fill=fill,
                fill_alpha=ZONE_FILL_ALPHA,
                stroke=stroke,
                stroke_width=sizes.zone_stroke,
                dashed=dashed,
            )
        )
        items.append(
            TextRun(
                left + swatch_w + sizes.body * 0.8, y + swatch_h * 0.5 + sizes.body * 0.36, text, sizes.body
            )
        )
        y += swatch_h + sizes.body * 0.7
    legend_bottom = y
    _draw_north_arrow(items, left + width - sizes.heading * 3, top + sizes.heading * 0.4, sizes.heading * 2.4)
    return legend_bottom


def _draw_north_arrow(items: list[Item], cx: float, top: float, size: float) -> None:
    """A north arrow: "北", an arrowhead split black/white, and a circle around it."""
    label = size * 0.55
    items.append(TextRun(cx, top + label, "北", label, anchor=Anchor.MIDDLE))
    cy = top + label * 1.4 + size / 2
    r = size / 2
    circle = tuple(
        (cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a))) for a in range(0, 360, 10)
    )
    items.append(Shape(circle, stroke=BLACK, stroke_width=0.6))
    tip, base = (cx, cy - r * 0.95), cy + r * 0.55
    items.append(
        Shape((tip, (cx - r * 0.42, base), (cx, cy + r * 0.25)), fill=BLACK, stroke=BLACK, stroke_width=0.5)
    )
    items.append(
        Shape((tip, (cx + r * 0.42, base), (cx, cy + r * 0.25)), fill=WHITE, stroke=BLACK, stroke_width=0.5)
    )


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
            if col == 1 and level is not None:
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
