"""Placing the risk map's zone labels: inside where they fit on a clear spot, else outside with a
leader line; never two labels on each other, never on a leader, never off the sheet."""

import itertools

import pytest

from dualprev.domain.map_labels import (
    CLEAR_INK,
    InkMap,
    LabelPlacement,
    LabelRequest,
    boxes_overlap,
    place_labels,
    segment_hits_box,
)
from dualprev.domain.risk_map import point_in_polygon, rect_points

BOUNDS = (0.0, 0.0, 600.0, 400.0)


def _request(
    x0: float, y0: float, x1: float, y1: float, size: tuple[float, float] = (60, 30)
) -> LabelRequest:
    w, h = size
    return LabelRequest(
        rect_points(x0, y0, x1, y1),
        ((x0 + x1) / 2, (y0 + y1) / 2),
        ((w, h), (w * 0.8, h * 0.8), (w * 0.6, h * 0.6)),
        (w * 0.7, h * 0.7),
    )


def _assert_clean(placements: list[LabelPlacement], bounds: tuple[float, float, float, float]) -> None:
    for a, b in itertools.combinations(placements, 2):
        assert not boxes_overlap(a.box, b.box), (a.box, b.box)
    for p in placements:
        assert (
            bounds[0] <= p.box[0]
            and bounds[1] <= p.box[1]
            and p.box[2] <= bounds[2]
            and p.box[3] <= bounds[3]
        )
        for other in placements:
            if other is not p and other.leader is not None:
                assert not segment_hits_box(*other.leader, p.box), (other.leader, p.box)


def test_a_label_that_fits_goes_inside_at_its_largest_size() -> None:
    (placement,) = place_labels([_request(100, 100, 300, 250)], BOUNDS)
    assert placement.inside and placement.size_index == 0 and placement.leader is None
    left, top, right, bottom = placement.box
    zone = rect_points(100, 100, 300, 250)
    assert all(point_in_polygon(p, zone) for p in ((left, top), (right, bottom)))


def test_a_crowd_of_small_zones_gets_outside_labels_that_never_overlap() -> None:
    # Twelve rooms of 20×15 side by side: no label fits in any of them.
    requests = [
        _request(200 + 22 * (i % 6), 180 + 17 * (i // 6), 220 + 22 * (i % 6), 195 + 17 * (i // 6))
        for i in range(12)
    ]
    placements = place_labels(requests, BOUNDS, gap=2)
    assert all(not p.inside and p.leader is not None for p in placements)
    _assert_clean(placements, BOUNDS)
    for request, p in zip(requests, placements, strict=True):
        assert p.leader is not None
        _start, end = p.leader
        assert point_in_polygon(end, request.outline)  # the leader ends in its own zone


def test_two_zones_side_by_side_keep_their_labels_apart() -> None:
    # Each label is wider than its zone: both go outside, one each side or stacked, never overlapping.
    requests = [_request(280, 150, 300, 250, (80, 30)), _request(300, 150, 320, 250, (80, 30))]
    _assert_clean(place_labels(requests, BOUNDS), BOUNDS)


def test_a_container_label_does_not_cover_the_zone_inside_it() -> None:
    outer, inner = _request(100, 100, 400, 300), _request(150, 120, 350, 280, (50, 25))
    outer_p, inner_p = place_labels([outer, inner], BOUNDS)
    assert outer_p.inside and inner_p.inside
    assert not boxes_overlap(outer_p.box, (150, 120, 350, 280))
    _assert_clean([outer_p, inner_p], BOUNDS)


def _ink_with_lettering() -> InkMap:
    """A 60×40 grid over the bounds (10 pt cells), inked where the plan says something: a block of
    text in the middle of the zone (cells 25–34 × 17–22)."""
    cells = [1 if 25 <= c < 35 and 17 <= r < 23 else 0 for r in range(40) for c in range(60)]
    return InkMap.from_cells(cells, 60, 40, (0, 0, 600, 400))


def test_ink_map_share() -> None:
    ink = _ink_with_lettering()
    assert ink.share((250, 170, 350, 230)) == pytest.approx(1.0)
    assert ink.share((0, 0, 100, 100)) == 0
    assert ink.share((200, 170, 300, 230)) == pytest.approx(0.5)
    assert ink.share((-100, -100, -10, -10)) == 0  # off the plan


def test_the_label_avoids_the_plans_own_lettering() -> None:
    ink = _ink_with_lettering()
    request = _request(150, 100, 450, 300)  # its centre (the anchor) is on the lettering
    (without,) = place_labels([request], BOUNDS)
    (placement,) = place_labels([request], BOUNDS, ink=ink)
    assert ink.share(without.box) > 0.3  # centred, it would cover the lettering
    assert placement.inside and ink.share(placement.box) <= CLEAR_INK


def test_a_zone_full_of_lettering_sends_its_label_outside() -> None:
    cells = [1 if 10 <= c < 30 and 10 <= r < 30 else 0 for r in range(40) for c in range(60)]
    ink = InkMap.from_cells(cells, 60, 40, (0, 0, 600, 400))
    (placement,) = place_labels([_request(100, 100, 300, 300)], BOUNDS, ink=ink)
    assert not placement.inside and placement.leader is not None
    assert ink.share(placement.box) <= CLEAR_INK


def test_ink_map_refuses_a_grid_of_the_wrong_size() -> None:
    with pytest.raises(ValueError):
        InkMap.from_cells([0, 1, 0], 2, 2, (0, 0, 10, 10))
