"""Risk-map geometry and colour rules: shapes, label points, snapping, and 从严从高 per zone."""

import math

import pytest

from dualprev.domain import risk_map
from dualprev.domain.risk import RiskLevel
from dualprev.domain.risk_map import SnapGuides, ZoneShape

SQUARE = ((0.0, 0.0), (100.0, 0.0), (100.0, 100.0), (0.0, 100.0))
# A "U": two legs joined at the bottom; its centroid lies in the gap between the legs.
U_SHAPE = (
    (0.0, 0.0),
    (30.0, 0.0),
    (30.0, 70.0),
    (70.0, 70.0),
    (70.0, 0.0),
    (100.0, 0.0),
    (100.0, 100.0),
    (0.0, 100.0),
)


def test_rect_points_from_any_two_opposite_corners() -> None:
    assert risk_map.rect_points(100, 80, 10, 20) == ((10, 20), (100, 20), (100, 80), (10, 80))


def test_area_and_centroid() -> None:
    assert risk_map.polygon_area(SQUARE) == 10000
    assert risk_map.polygon_centroid(SQUARE) == (50, 50)
    triangle = ((0.0, 0.0), (90.0, 0.0), (0.0, 90.0))
    assert risk_map.polygon_area(triangle) == 4050
    assert risk_map.polygon_centroid(triangle) == pytest.approx((30, 30))


def test_point_in_polygon_inside_outside_and_on_the_edge() -> None:
    assert risk_map.point_in_polygon((50, 50), SQUARE)
    assert risk_map.point_in_polygon((100, 50), SQUARE)
    assert not risk_map.point_in_polygon((101, 50), SQUARE)
    assert not risk_map.point_in_polygon((50, 50), U_SHAPE)  # in the gap of the U
    assert risk_map.point_in_polygon((15, 50), U_SHAPE)


def test_label_point_of_a_u_shaped_zone_lies_inside_it() -> None:
    centroid = risk_map.polygon_centroid(U_SHAPE)
    assert not risk_map.point_in_polygon(centroid, U_SHAPE)
    label = risk_map.label_point(U_SHAPE)
    assert risk_map.point_in_polygon(label, U_SHAPE)
    assert risk_map.label_point(SQUARE) == (50, 50)


def test_dragging_a_rect_corner_keeps_it_axis_aligned_and_each_corner_its_index() -> None:
    rect = risk_map.rect_points(10, 10, 50, 40)
    moved = risk_map.move_rect_corner(rect, 2, (80, 70))
    assert moved == ((10, 10), (80, 10), (80, 70), (10, 70))
    # Dragged past the opposite corner: corner 2 is still the dragged one, then renumbered on save.
    flipped = risk_map.move_rect_corner(rect, 2, (0, 0))
    assert flipped[2] == (0, 0) and flipped[0] == (10, 10)
    assert risk_map.normalise_points(ZoneShape.RECT, flipped) == risk_map.rect_points(0, 0, 10, 10)
    for index in range(4):
        result = risk_map.move_rect_corner(rect, index, (33, 33))
        xs = {round(p[0]) for p in result}
        ys = {round(p[1]) for p in result}
        assert result[index] == (33, 33) and len(xs) == 2 and len(ys) == 2


def test_normalise_points() -> None:
    assert risk_map.normalise_points(ZoneShape.RECT, [(5, 9), (1, 2)]) == ((1, 2), (5, 2), (5, 9), (1, 9))
    closed = [(0, 0), (10, 0), (10, 0), (10, 10), (0, 0)]
    assert risk_map.normalise_points(ZoneShape.POLYGON, closed) == ((0, 0), (10, 0), (10, 10))


@pytest.mark.parametrize(
    ("shape", "points", "expected"),
    [
        (ZoneShape.POLYGON, ((0, 0), (10, 10)), "至少需要 3 个顶点"),
        (ZoneShape.RECT, risk_map.rect_points(10, 10, 12, 50), "区块太小"),
        (ZoneShape.POLYGON, ((0, 0), (100, 100), (0, 0.1)), "几乎在一条直线上"),
        (ZoneShape.POLYGON, ((0, 0), (100, 100), (100, 0), (0, 100)), "不能相互交叉"),
        (ZoneShape.RECT, risk_map.rect_points(10, 10, 250, 50), "超出了平面图范围"),
    ],
)
def test_bad_zone_shapes_are_refused(shape: ZoneShape, points: tuple, expected: str) -> None:
    problem = risk_map.zone_shape_problem(shape, points, 200, 100)
    assert problem is not None and expected in problem


def test_good_zone_shapes_pass() -> None:
    assert risk_map.zone_shape_problem(ZoneShape.RECT, risk_map.rect_points(0, 0, 200, 100), 200, 100) is None
    assert risk_map.zone_shape_problem(ZoneShape.POLYGON, U_SHAPE, 200, 100) is None


def test_snapping_prefers_vertices_then_lines_then_edges() -> None:
    guides = SnapGuides.for_plan(1000, 800, line_xs=[300], line_ys=[200], zones=[SQUARE])
    # Near a zone corner: lands exactly on it.
    assert risk_map.snap_point((103, 97), guides, 8) == (100, 100)
    # Near a wall line in x and the plan border in y: both snap (a corner where two lines meet).
    assert risk_map.snap_point((296, 795), guides, 8) == (300, 800)
    # Only x is near a line: y stays.
    assert risk_map.snap_point((305, 500), guides, 8) == (300, 500)
    # Near a zone edge but no line: slides onto the edge.
    assert risk_map.snap_point((50, 104), guides, 8) == (50, 100)
    # Too far from everything, or snapping off: unchanged.
    assert risk_map.snap_point((500, 500), guides, 8) == (500, 500)
    assert risk_map.snap_point((103, 97), guides, 0) == (103, 97)


def test_plan_border_is_always_a_guide() -> None:
    guides = SnapGuides.for_plan(640, 480)
    assert guides.xs == (0, 640) and guides.ys == (0, 480)
    assert risk_map.snap_point((3, 477), guides, 5) == (0, 480)


def test_moving_a_zone_snaps_its_nearest_vertex_to_a_guide() -> None:
    guides = SnapGuides.for_plan(1000, 800, line_xs=[400], line_ys=[300])
    zone = risk_map.rect_points(100, 100, 200, 180)
    dx, dy = risk_map.snap_offset(zone, 196, 117, guides, 8)
    assert (dx, dy) == (200, 120)  # right edge on x=400, bottom on y=300
    assert risk_map.snap_offset(zone, 50, 50, guides, 8) == (50, 50)


def test_adding_and_removing_polygon_vertices() -> None:
    with_vertex = risk_map.insert_vertex(SQUARE, (50, -1))
    assert with_vertex == ((0, 0), (50, -1), (100, 0), (100, 100), (0, 100))
    assert risk_map.remove_vertex(with_vertex, 1) == SQUARE
    triangle = SQUARE[:3]
    assert risk_map.remove_vertex(triangle, 0) == triangle


def test_zone_colour_is_the_most_severe_level_and_unevaluated_is_no_colour() -> None:
    assert risk_map.zone_level([RiskLevel.LOW, RiskLevel.MAJOR, None, RiskLevel.GENERAL]) is RiskLevel.MAJOR
    assert risk_map.zone_level([RiskLevel.LOW, None]) is RiskLevel.LOW
    assert risk_map.zone_level([None, None]) is None
    assert risk_map.zone_level([]) is None


def test_counts_and_label_lines_name_the_level_in_words() -> None:
    levels = [RiskLevel.MAJOR, RiskLevel.GENERAL, RiskLevel.GENERAL, RiskLevel.LOW, None]
    counts, unevaluated = risk_map.counts_by_level(levels)
    assert counts == {RiskLevel.MAJOR: 1, RiskLevel.SIGNIFICANT: 0, RiskLevel.GENERAL: 2, RiskLevel.LOW: 1}
    assert unevaluated == 1
    assert risk_map.counts_text(counts, unevaluated) == "重大1 一般2 低1 未评价1"
    assert risk_map.zone_label_lines("焊接车间", RiskLevel.MAJOR) == ("焊接车间", "重大风险")
    assert risk_map.zone_label_lines("仓库", None, counts, 0) == ("仓库", "未评价", "重大1 一般2 低1")
    assert risk_map.counts_text(dict.fromkeys(RiskLevel, 0)) == "无风险点"


def test_fill_is_semi_transparent() -> None:
    assert 0.2 <= risk_map.ZONE_FILL_ALPHA <= 0.6
    assert math.isclose(risk_map.polygon_area(risk_map.translate(SQUARE, 5, 7)), 10000)


def test_smaller_zones_are_drawn_on_top_of_larger_ones() -> None:
    workshop = risk_map.rect_points(0, 0, 400, 300)
    booth = risk_map.rect_points(10, 10, 50, 50)
    other = risk_map.rect_points(500, 0, 900, 300)  # as large as the workshop
    # The booth was drawn first (sort order 0), yet comes last; equal sizes keep their order.
    assert risk_map.drawing_order([(booth, 0), (other, 2), (workshop, 1)]) == [2, 1, 0]
