"""Where the risk map's zone labels go: inside their zone where they fit on a clear spot of the
plan, otherwise beside it with a leader line; never on another label or leader, and as far as
possible off the plan's own lettering and lines ("ink").

Pure geometry in one coordinate system (the sheet's points, y downwards). The caller measures the
label boxes and, optionally, tells where the plan image is dark through an :class:`InkMap`.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from dualprev.domain.risk_map import Point, bounding_box, point_in_polygon, polygon_area

Box = tuple[float, float, float, float]
"""(left, top, right, bottom)."""

CLEAR_INK = 0.003
"""A label spot with at most this share of ink is "clear": the largest label size with a clear spot
inside the zone wins over a larger one that would cover the plan's lettering."""
SEARCH_STEP = 2.0
"""How far apart candidate spots inside a zone are tried (sheet points)."""
INSIDE_MAX_INK = 0.05
"""A zone without a clear spot keeps its label inside on its least-inked spot only up to this share
of ink (a room's own name under it); more, and the label goes outside with a leader line."""


@dataclass(frozen=True)
class InkMap:
    """Where the plan is dark, as a grid of cells (1 = some ink in the cell) kept as a summed-area
    table so the share of ink under any box is read in constant time."""

    left: float
    top: float
    cell_width: float
    cell_height: float
    columns: int
    rows: int
    table: tuple[int, ...]
    """(rows + 1) × (columns + 1) running sums, row-major."""

    @classmethod
    def from_cells(
        cls, cells: Sequence[int], columns: int, rows: int, box: tuple[float, float, float, float]
    ) -> "InkMap":
        """``cells`` row-major (non-zero = ink), laid over ``box`` = (x, y, width, height)."""
        if len(cells) != columns * rows or columns <= 0 or rows <= 0:
            raise ValueError("cells do not match the grid")
        stride = columns + 1
        table = [0] * (stride * (rows + 1))
        for r in range(rows):
            running = 0
            base = r * columns
            for c in range(columns):
                running += 1 if cells[base + c] else 0
                table[(r + 1) * stride + c + 1] = table[r * stride + c + 1] + running
        x, y, width, height = box
        return cls(x, y, width / columns, height / rows, columns, rows, tuple(table))

    def share(self, box: Box) -> float:
        """The share (0–1) of ``box`` lying on ink; parts off the plan count as clear."""
        left, top, right, bottom = box
        c0 = max(0, math.floor((left - self.left) / self.cell_width))
        c1 = min(self.columns, math.ceil((right - self.left) / self.cell_width))
        r0 = max(0, math.floor((top - self.top) / self.cell_height))
        r1 = min(self.rows, math.ceil((bottom - self.top) / self.cell_height))
        area_cells = ((right - left) / self.cell_width) * ((bottom - top) / self.cell_height)
        if c1 <= c0 or r1 <= r0 or area_cells <= 0:
            return 0.0
        stride = self.columns + 1
        t = self.table
        inked = t[r1 * stride + c1] - t[r0 * stride + c1] - t[r1 * stride + c0] + t[r0 * stride + c0]
        return min(1.0, inked / max(area_cells, 1.0))


@dataclass(frozen=True)
class LabelRequest:
    """One zone's label: its outline, the point it belongs to (the zone's label point), the box
    sizes (width, height) it may take inside the zone, largest first, and its size outside."""

    outline: tuple[Point, ...]
    anchor: Point
    inside_sizes: tuple[tuple[float, float], ...]
    outside_size: tuple[float, float]
    inside_margins: tuple[float, ...] = ()
    """Per inside size, the part of the box kept clear of the zone's walls but not drawn: ink under
    it does not count (the wall itself lies just beyond)."""


@dataclass(frozen=True)
class LabelPlacement:
    box: Box
    size_index: int
    """Index into ``inside_sizes``; -1 when the label sits outside its zone."""
    leader: tuple[Point, Point] | None
    """Outside labels: a line from the box's edge to the zone's anchor."""

    @property
    def inside(self) -> bool:
        return self.size_index >= 0


def boxes_overlap(a: Box, b: Box, gap: float = 0.0) -> bool:
    """Whether ``a`` and ``b`` come closer than ``gap`` (touching with gap 0 does not count)."""
    return a[0] < b[2] + gap and b[0] < a[2] + gap and a[1] < b[3] + gap and b[1] < a[3] + gap


def _overlap_area(a: Box, b: Box) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


def segment_hits_box(a: Point, b: Point, box: Box) -> bool:
    """Whether the segment ab passes through the inside of ``box`` (Liang–Barsky clipping)."""
    (x0, y0), (x1, y1) = a, b
    dx, dy = x1 - x0, y1 - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 >= t1:
            return False
    return True


def _shrunk(box: Box, margin: float) -> Box:
    return box[0] + margin, box[1] + margin, box[2] - margin, box[3] - margin


def _box_at(centre: Point, size: tuple[float, float]) -> Box:
    w, h = size
    return centre[0] - w / 2, centre[1] - h / 2, centre[0] + w / 2, centre[1] + h / 2


def _box_in_polygon(box: Box, outline: Sequence[Point]) -> bool:
    """Every corner and the middle of every side inside, and no vertex of the outline poking into
    the box (a notch of an L-shaped zone)."""
    left, top, right, bottom = box
    mx, my = (left + right) / 2, (top + bottom) / 2
    probes = ((left, top), (right, top), (right, bottom), (left, bottom), (mx, top), (mx, bottom), (left, my))
    if not all(point_in_polygon(p, outline) for p in (*probes, (right, my))):
        return False
    return not any(left < x < right and top < y < bottom for x, y in outline)


def _nearest_on_box(box: Box, point: Point) -> Point:
    return min(max(point[0], box[0]), box[2]), min(max(point[1], box[1]), box[3])


class _Board:
    """What is already placed: label boxes and leader lines."""

    def __init__(self, gap: float) -> None:
        self.gap = gap
        self.boxes: list[Box] = []
        self.leaders: list[tuple[Point, Point]] = []

    def box_free(self, box: Box) -> bool:
        if any(boxes_overlap(box, other, self.gap) for other in self.boxes):
            return False
        grown = (box[0] - self.gap / 2, box[1] - self.gap / 2, box[2] + self.gap / 2, box[3] + self.gap / 2)
        return not any(segment_hits_box(a, b, grown) for a, b in self.leaders)

    def leader_free(self, a: Point, b: Point) -> bool:
        return not any(segment_hits_box(a, b, box) for box in self.boxes)

    def add(self, placement: LabelPlacement) -> None:
        self.boxes.append(placement.box)
        if placement.leader is not None:
            self.leaders.append(placement.leader)


def _inside(
    request: LabelRequest,
    board: _Board,
    ink: InkMap | None,
    above: Sequence[Box],
) -> LabelPlacement | None:
    """The best spot inside the zone: the largest size with a clear spot, else the least inked."""
    outline = request.outline
    left, top, right, bottom = bounding_box(outline)
    diagonal = math.hypot(right - left, bottom - top) or 1.0
    fallback: tuple[float, float, LabelPlacement] | None = None
    """(ink covered, share of ink, spot) of the least-inked spot found."""
    # A rectangle holds every box within its bounds: no need to probe the outline.
    rectangular = len(outline) == 4 and all(x in (left, right) and y in (top, bottom) for x, y in outline)
    for index, size in enumerate(request.inside_sizes):
        w, h = size
        margin = request.inside_margins[index] if index < len(request.inside_margins) else 0.0
        if w > right - left or h > bottom - top:
            continue
        best: tuple[float, float, LabelPlacement] | None = None
        # Fine steps (a narrow clear band between the plan's machines and its lettering must not
        # fall between two candidates), at most 48 to an axis.
        steps_x = max(1, min(48, math.ceil((right - left - w) / SEARCH_STEP)))
        steps_y = max(1, min(48, math.ceil((bottom - top - h) / SEARCH_STEP)))
        for i in range(steps_x + 1):
            cx = left + w / 2 + (right - left - w) * i / steps_x
            for j in range(steps_y + 1):
                cy = top + h / 2 + (bottom - top - h) * j / steps_y
                box = _box_at((cx, cy), size)
                if not (rectangular or _box_in_polygon(box, outline)) or not board.box_free(box):
                    continue
                if any(boxes_overlap(box, other) for other in above):
                    continue  # would hide a zone drawn on top of this one
                share = ink.share(_shrunk(box, margin)) if ink is not None else 0.0
                cost = share * 10 + math.dist((cx, cy), request.anchor) / diagonal
                if best is None or cost < best[0]:
                    best = (cost, share, LabelPlacement(box, index, None))
        if best is None:
            continue
        if best[1] <= CLEAR_INK:
            return best[2]
        # No clear spot at this size: remember the one covering the least ink in absolute terms
        # (a smaller box over the same lettering covers less of it).
        inked = best[1] * (w - 2 * margin) * (h - 2 * margin)
        if fallback is None or inked < fallback[0] - 1e-9:
            fallback = (inked, best[1], best[2])
    if fallback is None or fallback[1] > INSIDE_MAX_INK:
        return None
    return fallback[2]


def _leader_ends(request: LabelRequest, above: Sequence[Box]) -> list[Point]:
    """Where a leader may end: the anchor, and points spread over the part of the zone that no
    zone drawn on top of it hides (so the line reaches the zone's own colour by the shortest way)."""
    left, top, right, bottom = bounding_box(request.outline)
    inset = min(right - left, bottom - top) * 0.08
    ends = [request.anchor]
    steps = 8
    for i in range(steps + 1):
        for j in range(steps + 1):
            p = (
                left + inset + (right - left - 2 * inset) * i / steps,
                top + inset + (bottom - top - 2 * inset) * j / steps,
            )
            if point_in_polygon(p, request.outline) and not any(
                b[0] <= p[0] <= b[2] and b[1] <= p[1] <= b[3] for b in above
            ):
                ends.append(p)
    return ends


def _contains(outer: Box, inner: Box) -> bool:
    return outer[0] <= inner[0] and outer[1] <= inner[1] and outer[2] >= inner[2] and outer[3] >= inner[3]


def _outside(
    request: LabelRequest,
    board: _Board,
    ink: InkMap | None,
    bounds: Box,
    zones: Sequence[Box],
    above: Sequence[Box],
) -> LabelPlacement:
    """The cheapest free spot around the zone, searched in widening rings up to the whole bounds.

    A spot costs the length of its leader, the other zones it covers, the plan's ink under it and
    the other zones its leader crosses (a leader through a neighbour reads as pointing at it)."""
    w, h = request.outside_size
    own = bounding_box(request.outline)
    left, top, right, bottom = own
    ends = _leader_ends(request, above)
    crossable = [z for z in zones if not _contains(z, own)]
    step = max(min(w, h) / 2, 1.0)
    reach_limit = max(bounds[2] - bounds[0], bounds[3] - bounds[1])
    best: tuple[float, LabelPlacement] | None = None
    least_bad: tuple[float, LabelPlacement] | None = None
    reach = board.gap
    while reach <= reach_limit:
        # Candidate centres on the rectangle ``reach`` away from the zone's bounding box.
        x0, y0 = left - reach - w / 2, top - reach - h / 2
        x1, y1 = right + reach + w / 2, bottom + reach + h / 2
        count_x = max(2, math.ceil((x1 - x0) / step))
        count_y = max(2, math.ceil((y1 - y0) / step))
        centres = [(x0 + (x1 - x0) * i / count_x, y) for i in range(count_x + 1) for y in (y0, y1)]
        centres += [(x, y0 + (y1 - y0) * j / count_y) for j in range(1, count_y) for x in (x0, x1)]
        for centre in centres:
            box = _box_at(centre, request.outside_size)
            if box[0] < bounds[0] or box[1] < bounds[1] or box[2] > bounds[2] or box[3] > bounds[3]:
                continue
            end = min(ends, key=lambda p: math.dist(_nearest_on_box(box, p), p))
            start = _nearest_on_box(box, end)
            crossings = sum(1 for z in crossable if segment_hits_box(start, end, z))
            covered = sum(_overlap_area(box, z) for z in zones) / (w * h)
            share = ink.share(box) if ink is not None else 0.0
            cost = math.dist(start, end) / max(w, h) + covered * 6 + share * 10 + crossings * 1.5
            placement = LabelPlacement(box, -1, (start, end))
            if board.box_free(box) and board.leader_free(start, end):
                if best is None or cost < best[0]:
                    best = (cost, placement)
            elif least_bad is None:
                least_bad = (cost, placement)
        if best is not None and reach / max(w, h) > best[0]:
            break  # farther rings cost more in distance alone than the best spot found
        reach += step
    if best is not None:
        return best[1]
    if least_bad is not None:
        return least_bad[1]
    return LabelPlacement(_box_at(request.anchor, request.outside_size), -1, None)


def place_labels(
    requests: Sequence[LabelRequest],
    bounds: Box,
    *,
    ink: InkMap | None = None,
    gap: float = 2.0,
) -> list[LabelPlacement]:
    """A placement for each request, in the same order.

    Smaller zones are placed first (they have the fewest spots). A label goes inside its zone at
    the largest size that finds a clear spot (or the least-inked one), not covering a zone drawn
    on top of it; if it fits nowhere inside, it goes outside at ``outside_size``, joined by a leader
    line, at the nearest spot inside ``bounds`` that keeps ``gap`` from every other label and
    crosses no leader, preferring spots off other zones and off the plan's ink.
    """
    board = _Board(gap)
    boxes = [bounding_box(r.outline) for r in requests]
    areas = [polygon_area(r.outline) for r in requests]
    order = sorted(range(len(requests)), key=lambda i: (areas[i], i))
    result: dict[int, LabelPlacement] = {}
    for i in order:
        request = requests[i]
        above = [
            boxes[j]
            for j in range(len(requests))
            if j != i and areas[j] < areas[i] and boxes_overlap(boxes[i], boxes[j])
        ]
        placement = _inside(request, board, ink, above)
        if placement is None:
            others = [boxes[j] for j in range(len(requests)) if j != i]
            placement = _outside(request, board, ink, bounds, others, above)
        board.add(placement)
        result[i] = placement
    return [result[i] for i in range(len(requests))]
