"""Risk-map rules: zone shapes on a floor plan, their geometry, snapping, and how a zone is coloured.

Coordinates are floor-plan image pixels, x to the right and y downwards. A zone is a rectangle
(stored as its four corners, clockwise from the top left) or a simple polygon. Its colour is the
most severe current level of the risk points it holds ("从严从高", domain.md §3.4); a zone holding
no evaluated risk point is drawn uncoloured, never as 低风险.
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from dualprev.domain.grading import highest_level
from dualprev.domain.risk import RiskLevel

Point = tuple[float, float]

ZONE_FILL_ALPHA = 0.45
"""Opacity of a zone's fill in the editor on screen, where the plan must show through while zones are
drawn. Printed maps fill with the opaque level colour and draw the plan's ink over it (reports)."""

MIN_ZONE_SIDE = 4.0
"""A zone narrower or lower than this many plan pixels is refused (a stray click, not a drawing)."""

MAX_ZONE_VERTICES = 200
ZONE_NAME_MAX = 100


class ZoneShape(StrEnum):
    RECT = "rect"
    POLYGON = "polygon"

    @property
    def label(self) -> str:
        return {"rect": "矩形", "polygon": "多边形"}[self.value]


# --- geometry -----------------------------------------------------------------------------------


def rect_points(x0: float, y0: float, x1: float, y1: float) -> tuple[Point, ...]:
    """The four corners of the rectangle spanned by two opposite corners, clockwise from top left."""
    left, right = sorted((x0, x1))
    top, bottom = sorted((y0, y1))
    return (left, top), (right, top), (right, bottom), (left, bottom)


def bounding_box(points: Sequence[Point]) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of ``points``; raises ValueError when there are none."""
    if not points:
        raise ValueError("no points")
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def signed_area(points: Sequence[Point]) -> float:
    """Shoelace area; positive when the vertices run clockwise on screen (y downwards)."""
    total = 0.0
    n = len(points)
    for i in range(n):
        x0, y0 = points[i]
        x1, y1 = points[(i + 1) % n]
        total += x0 * y1 - x1 * y0
    return total / 2


def polygon_area(points: Sequence[Point]) -> float:
    return abs(signed_area(points))


def polygon_centroid(points: Sequence[Point]) -> Point:
    """The centre of mass of the polygon's area (the mean of the vertices for a degenerate one)."""
    if not points:
        raise ValueError("no points")
    area = signed_area(points)
    if abs(area) < 1e-9:
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    cx = cy = 0.0
    n = len(points)
    for i in range(n):
        x0, y0 = points[i]
        x1, y1 = points[(i + 1) % n]
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area), cy / (6 * area)


def point_in_polygon(point: Point, points: Sequence[Point]) -> bool:
    """Whether ``point`` lies inside the polygon or on its boundary (even-odd rule)."""
    x, y = point
    n = len(points)
    if n < 3:
        return False
    for i in range(n):
        if _distance_to_segment(point, points[i], points[(i + 1) % n]) < 1e-9:
            return True
    inside = False
    for i in range(n):
        x0, y0 = points[i]
        x1, y1 = points[(i + 1) % n]
        if (y0 > y) != (y1 > y):
            cross_x = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
            if x < cross_x:
                inside = not inside
    return inside


def _scanline_midpoint(points: Sequence[Point], y: float) -> tuple[float, float] | None:
    """Midpoint and length of the widest inside stretch of the horizontal line at ``y``."""
    xs: list[float] = []
    n = len(points)
    for i in range(n):
        x0, y0 = points[i]
        x1, y1 = points[(i + 1) % n]
        if (y0 > y) != (y1 > y):
            xs.append(x0 + (y - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    best: tuple[float, float] | None = None
    for left, right in zip(xs[::2], xs[1::2], strict=False):
        if best is None or right - left > best[1]:
            best = ((left + right) / 2, right - left)
    return best


def label_point(points: Sequence[Point]) -> Point:
    """Where a zone's label goes: the centroid when it lies inside, else the middle of the widest
    horizontal stretch inside the polygon near its vertical middle (an L- or U-shaped zone's
    centroid can fall outside it)."""
    centre = polygon_centroid(points)
    if len(points) < 3 or point_in_polygon(centre, points):
        return centre
    _left, top, _right, bottom = bounding_box(points)
    best: tuple[float, Point] | None = None
    steps = 24
    for i in range(1, steps):
        y = top + (bottom - top) * i / steps
        found = _scanline_midpoint(points, y)
        if found is None:
            continue
        x, width = found
        # Prefer wide stretches close to the vertical centre.
        score = width - abs(y - centre[1]) * 0.5
        if best is None or score > best[0]:
            best = (score, (x, y))
    return best[1] if best else centre


def translate(points: Sequence[Point], dx: float, dy: float) -> tuple[Point, ...]:
    return tuple((x + dx, y + dy) for x, y in points)


def clamp_points(points: Sequence[Point], width: float, height: float) -> tuple[Point, ...]:
    """``points`` kept inside the plan image (0…width, 0…height)."""
    return tuple((min(max(x, 0.0), width), min(max(y, 0.0), height)) for x, y in points)


def move_rect_corner(points: Sequence[Point], index: int, target: Point) -> tuple[Point, ...]:
    """The rectangle after dragging corner ``index`` to ``target``: the opposite corner stays put,
    the two others follow so the rectangle stays axis-aligned, and every corner keeps its index
    (so the handle being dragged stays the same corner even when the drag turns the rectangle
    inside out; :func:`normalise_points` renumbers them when the zone is saved).

    ``points`` are the corners in the order :func:`rect_points` gives them: corners 0–1 and 2–3
    share a y, corners 1–2 and 3–0 share an x.
    """
    if len(points) != 4:
        raise ValueError("a rectangle has four corners")
    ox, oy = points[(index + 2) % 4]
    tx, ty = target
    result = [(0.0, 0.0)] * 4
    result[index] = (tx, ty)
    result[(index + 2) % 4] = (ox, oy)
    shares_y = (index + 1) % 4 if index % 2 == 0 else (index + 3) % 4
    shares_x = (index + 3) % 4 if index % 2 == 0 else (index + 1) % 4
    result[shares_y] = (ox, ty)
    result[shares_x] = (tx, oy)
    return tuple(result)


def move_vertex(points: Sequence[Point], index: int, target: Point) -> tuple[Point, ...]:
    return tuple(target if i == index else p for i, p in enumerate(points))


def insert_vertex(points: Sequence[Point], at: Point) -> tuple[Point, ...]:
    """``at`` added to the polygon, on the edge it lies closest to."""
    best, best_distance = 0, math.inf
    for i in range(len(points)):
        d = _distance_to_segment(at, points[i], points[(i + 1) % len(points)])
        if d < best_distance:
            best, best_distance = i, d
    return (*points[: best + 1], at, *points[best + 1 :])


def remove_vertex(points: Sequence[Point], index: int) -> tuple[Point, ...]:
    """The polygon without vertex ``index``; a triangle keeps its three vertices."""
    if len(points) <= 3:
        return tuple(points)
    return tuple(p for i, p in enumerate(points) if i != index)


def normalise_points(shape: ZoneShape, points: Sequence[Point]) -> tuple[Point, ...]:
    """Canonical vertices: a rectangle becomes the four corners of its bounding box; a polygon loses
    repeated consecutive vertices (and a closing vertex equal to the first)."""
    pts = tuple((float(x), float(y)) for x, y in points)
    if ZoneShape(shape) is ZoneShape.RECT:
        if not pts:
            return ()
        return rect_points(*bounding_box(pts))
    cleaned: list[Point] = []
    for p in pts:
        if not cleaned or math.dist(p, cleaned[-1]) > 1e-6:
            cleaned.append(p)
    if len(cleaned) > 1 and math.dist(cleaned[0], cleaned[-1]) <= 1e-6:
        cleaned.pop()
    return tuple(cleaned)


def _segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Whether segments ab and cd properly cross (touching at an end does not count)."""

    def orient(p: Point, q: Point, r: Point) -> float:
        return (q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0])

    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    return o1 * o2 < 0 and o3 * o4 < 0


def is_self_intersecting(points: Sequence[Point]) -> bool:
    n = len(points)
    for i in range(n):
        a, b = points[i], points[(i + 1) % n]
        for j in range(i + 2, n):
            if i == 0 and j == n - 1:
                continue  # neighbours through the closing edge
            c, d = points[j], points[(j + 1) % n]
            if _segments_cross(a, b, c, d):
                return True
    return False


def zone_shape_problem(
    shape: ZoneShape, points: Sequence[Point], plan_width: float, plan_height: float
) -> str | None:
    """Why these (normalised) vertices cannot be a zone on a plan of this size, or None."""
    if ZoneShape(shape) is ZoneShape.RECT and len(points) != 4:
        return "矩形区块需要两个对角点"
    if len(points) < 3:
        return "多边形区块至少需要 3 个顶点"
    if len(points) > MAX_ZONE_VERTICES:
        return f"区块顶点不能超过 {MAX_ZONE_VERTICES} 个"
    if any(not (math.isfinite(x) and math.isfinite(y)) for x, y in points):
        return "区块坐标无效"
    slack = 0.5
    if any(x < -slack or y < -slack or x > plan_width + slack or y > plan_height + slack for x, y in points):
        return "区块超出了平面图范围"
    left, top, right, bottom = bounding_box(points)
    if right - left < MIN_ZONE_SIDE or bottom - top < MIN_ZONE_SIDE:
        return "区块太小，请画得大一些"
    if is_self_intersecting(points):
        return "多边形的边不能相互交叉"
    if polygon_area(points) < MIN_ZONE_SIDE * MIN_ZONE_SIDE:
        return "区块的顶点几乎在一条直线上，请重新绘制"
    return None


def drawing_order(zones: Sequence[tuple[Sequence[Point], int]]) -> list[int]:
    """Indices of ``zones`` (outline, sort order) in the order to draw them: larger zones first, so
    a zone lying inside another (a paint booth in its workshop) is always on top and visible,
    whichever was drawn first; equal sizes keep their sort order."""
    return sorted(range(len(zones)), key=lambda i: (-round(polygon_area(zones[i][0]), 1), zones[i][1], i))


# --- snapping -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SnapGuides:
    """What a dragged point may snap to: vertical lines (x), horizontal lines (y) — the plan's
    border and the walls found in the image — and other zones' vertices and edges."""

    xs: tuple[float, ...] = ()
    ys: tuple[float, ...] = ()
    vertices: tuple[Point, ...] = ()
    segments: tuple[tuple[Point, Point], ...] = ()

    @classmethod
    def for_plan(
        cls,
        width: float,
        height: float,
        *,
        line_xs: Iterable[float] = (),
        line_ys: Iterable[float] = (),
        zones: Iterable[Sequence[Point]] = (),
    ) -> "SnapGuides":
        """Guides of a plan: its border, the detected lines, and the edges of ``zones``."""
        vertices: list[Point] = []
        segments: list[tuple[Point, Point]] = []
        for pts in zones:
            vertices.extend(pts)
            segments.extend((pts[i], pts[(i + 1) % len(pts)]) for i in range(len(pts)) if len(pts) > 1)
        return cls(
            xs=tuple(sorted({0.0, float(width), *map(float, line_xs)})),
            ys=tuple(sorted({0.0, float(height), *map(float, line_ys)})),
            vertices=tuple(vertices),
            segments=tuple(segments),
        )


def _closest_point_on_segment(p: Point, a: Point, b: Point) -> Point:
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return a
    t = max(0.0, min(1.0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / length2))
    return ax + t * dx, ay + t * dy


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    return math.dist(p, _closest_point_on_segment(p, a, b))


def _nearest(value: float, candidates: Sequence[float], tolerance: float) -> float | None:
    best: float | None = None
    for c in candidates:
        if abs(c - value) <= tolerance and (best is None or abs(c - value) < abs(best - value)):
            best = c
    return best


def snap_point(point: Point, guides: SnapGuides, tolerance: float) -> Point:
    """``point`` moved onto the nearest guide within ``tolerance`` plan pixels.

    A zone vertex wins; otherwise x and y snap independently to vertical and horizontal lines (so a
    corner can land where two walls meet); otherwise the point slides onto the nearest zone edge.
    """
    if tolerance <= 0:
        return point
    best_vertex = min(guides.vertices, key=lambda v: math.dist(v, point), default=None)
    if best_vertex is not None and math.dist(best_vertex, point) <= tolerance:
        return best_vertex
    sx = _nearest(point[0], guides.xs, tolerance)
    sy = _nearest(point[1], guides.ys, tolerance)
    if sx is not None or sy is not None:
        return (point[0] if sx is None else sx, point[1] if sy is None else sy)
    best_edge: Point | None = None
    for a, b in guides.segments:
        candidate = _closest_point_on_segment(point, a, b)
        if math.dist(candidate, point) <= tolerance and (
            best_edge is None or math.dist(candidate, point) < math.dist(best_edge, point)
        ):
            best_edge = candidate
    return best_edge if best_edge is not None else point


def snap_offset(points: Sequence[Point], dx: float, dy: float, guides: SnapGuides, tolerance: float) -> Point:
    """The offset to move a whole zone by: (dx, dy) corrected so that the vertex closest to a guide
    lands on it (x and y corrected separately, each by the smallest correction found)."""
    best_x: float | None = None
    best_y: float | None = None

    def consider(cx: float | None, cy: float | None) -> None:
        nonlocal best_x, best_y
        if cx is not None and (best_x is None or abs(cx) < abs(best_x)):
            best_x = cx
        if cy is not None and (best_y is None or abs(cy) < abs(best_y)):
            best_y = cy

    if tolerance <= 0:
        return dx, dy
    for x, y in points:
        mx, my = x + dx, y + dy
        for vx, vy in guides.vertices:
            if math.dist((vx, vy), (mx, my)) <= tolerance:
                consider(vx - mx, vy - my)
        nx = _nearest(mx, guides.xs, tolerance)
        ny = _nearest(my, guides.ys, tolerance)
        consider(None if nx is None else nx - mx, None if ny is None else ny - my)
    return dx + (best_x or 0.0), dy + (best_y or 0.0)


# --- colour and label ---------------------------------------------------------------------------


def zone_level(levels: Iterable[RiskLevel | None]) -> RiskLevel | None:
    """从严从高: the most severe level of the risk points a zone holds; None when none is evaluated."""
    level = highest_level(levels)
    return None if level is None else RiskLevel(level)


def counts_by_level(levels: Iterable[RiskLevel | None]) -> tuple[dict[RiskLevel, int], int]:
    """How many risk points of each level (all four keys present), and how many are unevaluated."""
    counts = dict.fromkeys(RiskLevel, 0)
    unevaluated = 0
    for level in levels:
        if level is None:
            unevaluated += 1
        else:
            counts[RiskLevel(level)] += 1
    return counts, unevaluated


UNGRADED_LABEL = "未评价"


def level_text(level: RiskLevel | None) -> str:
    """The level's name as printed on a zone (so a black-and-white copy stays readable)."""
    return level.label if level is not None else UNGRADED_LABEL


def counts_text(counts: Mapping[RiskLevel, int], unevaluated: int = 0) -> str:
    """E.g. "重大1 一般3 低2"; levels without risk points are left out."""
    parts = [f"{level.short_label}{counts.get(level, 0)}" for level in RiskLevel if counts.get(level, 0)]
    if unevaluated:
        parts.append(f"{UNGRADED_LABEL}{unevaluated}")
    return " ".join(parts) if parts else "无风险点"


def zone_label_lines(
    name: str,
    level: RiskLevel | None,
    counts: Mapping[RiskLevel, int] | None = None,
    unevaluated: int = 0,
) -> tuple[str, ...]:
    """The lines of a zone's label: its name, its level's name, and (optionally) the counts."""
    lines = [name, level_text(level)]
    if counts is not None:
        lines.append(counts_text(counts, unevaluated))
    return tuple(lines)
