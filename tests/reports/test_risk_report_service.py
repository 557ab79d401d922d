"""Reading the risk inventory for the exports: order, levels (从严从高), latest evaluations, measures
split into existing and planned, fallbacks — and a bounded number of queries however big it is."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text
from sqlmodel import select

from dualprev.domain.risk import (
    ControlMeasureCategory,
    ControlTier,
    EvaluationMethod,
    RiskLevel,
    RiskPointKind,
)
from dualprev.errors import NotFoundError
from dualprev.services.risk_report_service import export_major_risks, load_risk_report
from dualprev.storage.models import Hazard, RiskPoint

TODAY = date(2026, 11, 20)


def _sql(db: Any, query: str) -> list[Any]:
    with db.engine.connect() as conn:
        return list(conn.execute(text(query)).all())


def test_rows_are_ordered_by_area_then_code_then_seq(demo_db: Any) -> None:
    data = load_risk_report(demo_db, today=TODAY)
    expected = _sql(
        demo_db,
        """SELECT rp.code, h.description FROM hazard h JOIN risk_point rp ON rp.id = h.risk_point_id
           LEFT JOIN area a ON a.id = rp.area_id
           ORDER BY a.id IS NULL, a.sort_order, a.id, rp.code = '', rp.code, rp.sort_order, rp.id, h.seq, h.id""",
    )
    got = [(p.code, h.description) for p in data.risk_points for h in p.hazards]
    assert got == [tuple(row) for row in expected]
    assert data.enterprise.name == _sql(demo_db, "SELECT name FROM enterprise")[0][0]
    assert data.printed_on == TODAY
    assert len(data.risk_points) == _sql(demo_db, "SELECT count(*) FROM risk_point")[0][0]


def test_risk_point_level_is_its_most_severe_current_hazard_level(demo_db: Any) -> None:
    data = load_risk_report(demo_db, today=TODAY)
    expected = dict(
        _sql(demo_db, "SELECT risk_point_id, min(current_level) FROM hazard GROUP BY risk_point_id")
    )
    for point in data.risk_points:
        assert point.level == (RiskLevel(expected[point.id]) if point.id in expected else None), point.code
    assert {p.level for p in data.risk_points} >= set(RiskLevel)


def test_current_evaluation_is_the_latest_one(demo_db: Any) -> None:
    hazard_id, score = _sql(
        demo_db,
        """SELECT hazard_id, score FROM evaluation WHERE id IN (
               SELECT max(id) FROM evaluation WHERE stage = 'current' GROUP BY hazard_id
               HAVING count(*) > 1) AND method = 'LEC' LIMIT 1""",
    )[0]
    older = _sql(demo_db, f"SELECT score FROM evaluation WHERE hazard_id = {hazard_id} AND stage = 'current'")
    assert len(older) > 1
    data = load_risk_report(demo_db, today=TODAY)
    hazard = next(h for p in data.risk_points for h in p.hazards if h.id == hazard_id)
    assert hazard.current is not None and str(hazard.current.score) == score
    assert hazard.current.method is EvaluationMethod.LEC and hazard.current.l_value is not None


def test_measures_split_into_existing_by_category_and_planned(demo_db: Any) -> None:
    hazard_id, planned = _sql(
        demo_db, "SELECT hazard_id, content FROM control_measure WHERE is_existing = 0 LIMIT 1"
    )[0]
    existing = _sql(
        demo_db,
        f"SELECT category, content FROM control_measure WHERE hazard_id = {hazard_id} AND is_existing = 1",
    )
    data = load_risk_report(demo_db, today=TODAY)
    hazard = next(h for p in data.risk_points for h in p.hazards if h.id == hazard_id)
    assert planned in hazard.planned_measures
    for category, content in existing:
        assert content in hazard.existing_measures(ControlMeasureCategory(category))
    assert all(planned not in hazard.existing_measures(c) for c in ControlMeasureCategory)
    orders = [m.category.order for m in hazard.measures]
    assert orders == sorted(orders)


def test_fallbacks_for_tier_and_responsibility(demo_db: Any) -> None:
    with demo_db.session() as s:
        point = s.exec(select(RiskPoint).where(RiskPoint.code == "FX-JJ-001")).one()
        hazard = Hazard(risk_point_id=point.id, seq=99, description="新增未定层级的危险源",
                        current_level=RiskLevel.GENERAL)  # fmt: skip
        s.add(hazard)
        s.flush()
        hazard_id = hazard.id
        s.exec(text(  # type: ignore[call-overload]
            "INSERT INTO evaluation (hazard_id, stage, method, scheme_code, score, level, evaluated_on, "
            "direct_reasons, assessor_name, band_label, note, created_at) VALUES "
            f"({hazard_id}, 'current', 'LS', 'LS-SD', '12', 3, '2026-05-01', '', '张三', '', '', '2026-05-01')"
        ))  # fmt: skip
    data = load_risk_report(demo_db, today=TODAY)
    point_data = next(p for p in data.risk_points if p.code == "FX-JJ-001")
    hazard_data = next(h for h in point_data.hazards if h.id == hazard_id)
    assert hazard_data.control_tier is ControlTier.WORKSHOP  # 一般 → 车间级 by the tier table
    assert hazard_data.responsible_person == point_data.responsible_person != ""
    assert hazard_data.responsible_department == point_data.department != ""
    assert point_data.hazards[-1].id == hazard_id  # seq 99 sorts last


def test_no_enterprise_is_a_user_error(empty_db: Any) -> None:
    with pytest.raises(NotFoundError, match="企业"):
        load_risk_report(empty_db)


def test_a_bounded_number_of_queries(demo_db: Any) -> None:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(demo_db.engine, "before_cursor_execute", count)
    try:
        data = load_risk_report(demo_db, today=TODAY)
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", count)
    assert data.hazard_count > 100
    # 13th: the owners' department kinds (tier vs owner); 14th: the accident-type classification.
    assert len(statements) <= 14, statements


def test_kinds_present_in_the_demo(demo_db: Any) -> None:
    data = load_risk_report(demo_db, today=TODAY)
    assert {p.kind for p in data.risk_points} == set(RiskPointKind)
    activity = data.of_kind(RiskPointKind.ACTIVITY)[0]
    assert activity.activity_content and activity.posts


def test_major_risk_notice_needs_a_major_risk(demo_db: Any, tmp_path: Path) -> None:
    with demo_db.session() as s:
        s.exec(text("UPDATE hazard SET current_level = 4"))  # type: ignore[call-overload]
        s.exec(text("UPDATE evaluation SET level = 4"))  # type: ignore[call-overload]
    with pytest.raises(NotFoundError, match="重大风险"):
        export_major_risks(demo_db, tmp_path / "m.pdf", today=TODAY)
    assert not (tmp_path / "m.pdf").exists()
