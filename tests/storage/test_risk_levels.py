"""THE rule "从严从高" as storage computes it: a risk point takes the most severe current level of its
hazards; posts and areas the most severe of their risk points. Inherent levels never count, and
whatever has nothing evaluated has no level."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from dualprev.domain.risk import RiskLevel, RiskPointKind
from dualprev.storage.db import Database, open_database
from dualprev.storage.models import Area, Hazard, Post, PostRiskPoint, RiskPoint
from dualprev.storage.queries import risk_levels

MAJOR, SIGNIFICANT, GENERAL, LOW = RiskLevel.MAJOR, RiskLevel.SIGNIFICANT, RiskLevel.GENERAL, RiskLevel.LOW


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "levels.sqlite")
    yield database
    database.close()


@pytest.fixture
def ids(db: Database) -> dict[str, int]:
    """Three areas, five risk points, three posts; see each test for who holds what."""
    with db.session() as s:
        areas = {name: Area(name=name) for name in ("a", "b", "c")}
        s.add_all(areas.values())
        s.flush()
        where = {"empty": "a", "mixed": "a", "inherent": "a", "unevaluated": "b", "no_area": None}
        points = {
            name: RiskPoint(name=name, kind=RiskPointKind.EQUIPMENT, area_id=areas[a].id if a else None)
            for name, a in where.items()
        }
        s.add_all(points.values())
        s.flush()
        hazards = {
            "mixed": [(None, LOW), (None, None), (MAJOR, SIGNIFICANT), (None, GENERAL)],
            "inherent": [(MAJOR, LOW)],  # only the current level counts
            "unevaluated": [(MAJOR, None), (None, None)],
            "no_area": [(GENERAL, GENERAL)],
        }
        for name, levels in hazards.items():
            for inherent, current in levels:
                s.add(Hazard(risk_point_id=points[name].id or 0, description=name,
                             inherent_level=inherent, current_level=current))  # fmt: skip
        posts = {name: Post(name=name) for name in ("p1", "p2", "p3")}
        s.add_all(posts.values())
        s.flush()
        faces = {"p1": ("inherent", "unevaluated"), "p3": ("mixed", "no_area")}
        for post, names in faces.items():
            for name in names:
                s.add(PostRiskPoint(post_id=posts[post].id or 0, risk_point_id=points[name].id or 0))
        rows = {**areas, **points, **posts}
        return {name: row.id or 0 for name, row in rows.items()}


def test_a_risk_point_takes_the_most_severe_current_level_of_its_hazards(
    db: Database, ids: dict[str, int]
) -> None:
    with db.read_session() as s:
        levels = risk_levels.risk_point_levels(session=s)
        with_counts = risk_levels.risk_point_levels_with_counts(session=s)
    assert levels == {
        ids["empty"]: None,  # no hazards at all
        ids["mixed"]: SIGNIFICANT,  # unevaluated hazards are skipped, 较大 beats 一般 and 低
        ids["inherent"]: LOW,  # its inherent 重大 does not count
        ids["unevaluated"]: None,  # hazards, but none with a current evaluation
        ids["no_area"]: GENERAL,
    }
    assert all(level is None or type(level) is RiskLevel for level in levels.values())
    assert with_counts == {
        ids["empty"]: (None, 0),
        ids["mixed"]: (SIGNIFICANT, 4),
        ids["inherent"]: (LOW, 1),
        ids["unevaluated"]: (None, 2),
        ids["no_area"]: (GENERAL, 1),
    }


def test_posts_and_areas_take_the_most_severe_level_of_their_risk_points(
    db: Database, ids: dict[str, int]
) -> None:
    with db.read_session() as s:
        posts = risk_levels.post_levels(session=s)
        areas = risk_levels.area_levels(session=s)
        by_area = risk_levels.levels_by_area(session=s)
    assert posts == {ids["p1"]: LOW, ids["p2"]: None, ids["p3"]: SIGNIFICANT}
    assert areas == {ids["a"]: SIGNIFICANT, ids["b"]: None, ids["c"]: None}
    # Only areas holding risk points, and None for the risk points in no area.
    assert by_area == {ids["a"]: SIGNIFICANT, ids["b"]: None, None: GENERAL}


def test_risk_points_are_counted_by_level_with_the_unevaluated_under_none(
    db: Database, ids: dict[str, int]
) -> None:
    with db.read_session() as s:
        counts = risk_levels.level_counts(session=s)
    assert counts == {None: 2, SIGNIFICANT: 1, GENERAL: 1, LOW: 1}


def test_a_new_evaluation_changes_the_level_at_once(db: Database, ids: dict[str, int]) -> None:
    with db.session() as s:
        s.add(Hazard(risk_point_id=ids["unevaluated"], description="new", current_level=MAJOR))
    with db.read_session() as s:
        assert risk_levels.risk_point_levels(session=s)[ids["unevaluated"]] is MAJOR
        assert risk_levels.post_levels(session=s)[ids["p1"]] is MAJOR
        assert risk_levels.area_levels(session=s)[ids["b"]] is MAJOR


def test_an_empty_database_has_no_levels(db: Database) -> None:
    with db.read_session() as s:
        assert risk_levels.risk_point_levels(session=s) == {}
        assert risk_levels.level_counts(session=s) == {}
        assert risk_levels.levels_by_area(session=s) == {}
