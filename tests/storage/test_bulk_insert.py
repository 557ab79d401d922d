"""The batched Core inserts of the risk-list import: ids come back in the order of the rows, every
table is written, and an empty batch writes nothing."""

from datetime import date
from typing import Any

from sqlmodel import col, func, select

from dualprev.domain.risk import ControlMeasureCategory, EvaluationMethod, RiskLevel, RiskPointKind, RiskStage
from dualprev.storage import bulk_insert
from dualprev.storage.db import Database
from dualprev.storage.models import (
    AccidentTypeRecord,
    ControlMeasure,
    Evaluation,
    Hazard,
    HazardAccidentType,
    RiskPoint,
    utcnow,
)


def _point(code: str) -> dict[str, Any]:
    now = utcnow()
    return {
        "code": code, "name": f"设备{code}", "kind": RiskPointKind.EQUIPMENT, "location": "",
        "department_id": None, "responsible_person_id": None, "sort_order": 1, "area_id": None,
        "asset_no": "", "model_spec": "", "activity_content": "", "activity_frequency": "", "library_key": "",
        "note": "", "reviewer_name": "", "reviewed_on": None, "approver_name": "", "approved_on": None,
        "created_at": now, "updated_at": now,
    }  # fmt: skip


def _hazard(point_id: int, seq: int) -> dict[str, Any]:
    now = utcnow()
    return {
        "risk_point_id": point_id, "seq": seq, "step_or_item": "点检", "standard": "",
        "description": f"危险源{seq}", "factor_category": "", "consequence": "", "control_tier": None,
        "responsible_department_id": None, "responsible_person_id": None, "suggested_measures": "",
        "note": "", "inherent_level": None, "current_level": RiskLevel.LOW, "current_score": "",
        "current_method": None, "created_at": now, "updated_at": now,
    }  # fmt: skip


def test_hazards_get_their_ids_in_row_order_and_their_rows_follow(empty_db: Database) -> None:
    with empty_db.session() as s:
        point_id = bulk_insert.insert_risk_point(session=s, row=_point("FX-1"))
        # Interleave with another point so that ids and seqs do not line up by accident.
        other_id = bulk_insert.insert_risk_point(session=s, row=_point("FX-2"))
        rows = [_hazard(point_id if n % 2 else other_id, n) for n in range(1, 8)]
        ids = bulk_insert.insert_hazards(session=s, rows=rows)
        bulk_insert.insert_evaluations(
            session=s,
            rows=[
                {"hazard_id": ids[0], "stage": RiskStage.CURRENT, "method": EvaluationMethod.LEC,
                 "scheme_code": "", "l_value": "1", "e_value": "6", "c_value": "7", "s_value": None,
                 "score": "42", "band": 1, "band_label": "", "level": RiskLevel.LOW, "direct_reasons": "",
                 "assessor_name": "", "assessor_id": None, "evaluated_on": date(2026, 3, 1), "note": "",
                 "created_at": utcnow()}
            ],
        )  # fmt: skip
        bulk_insert.insert_control_measures(
            session=s,
            rows=[
                {"hazard_id": i, "category": ControlMeasureCategory.MANAGEMENT, "content": "每周检查",
                 "is_existing": True, "control_tier": None, "responsible_department_id": None,
                 "responsible_person_id": None, "sort_order": 0}
                for i in ids[:3]
            ],
        )  # fmt: skip
        type_id = s.exec(select(AccidentTypeRecord.id)).first()
        bulk_insert.insert_hazard_accident_types(
            session=s, rows=[{"hazard_id": i, "accident_type_id": type_id} for i in ids[-2:]]
        )
    assert len(ids) == len(set(ids)) == 7
    with empty_db.read_session() as s:
        stored = {h.id: h for h in s.exec(select(Hazard)).all()}
        assert [(stored[i].seq, stored[i].description) for i in ids] == [
            (n, f"危险源{n}") for n in range(1, 8)
        ]
        assert {stored[i].risk_point_id for i in ids[::2]} == {point_id}
        assert s.get(RiskPoint, point_id) is not None
        assert s.exec(select(Evaluation.hazard_id)).all() == [ids[0]]
        assert sorted(s.exec(select(ControlMeasure.hazard_id)).all()) == sorted(ids[:3])
        links = s.exec(select(HazardAccidentType.hazard_id).order_by(col(HazardAccidentType.hazard_id))).all()
        assert list(links) == sorted(ids[-2:])


def test_an_empty_batch_writes_nothing(empty_db: Database) -> None:
    with empty_db.session() as s:
        assert bulk_insert.insert_hazards(session=s, rows=[]) == []
        bulk_insert.insert_evaluations(session=s, rows=[])
        bulk_insert.insert_control_measures(session=s, rows=[])
        bulk_insert.insert_hazard_accident_types(session=s, rows=[])
    with empty_db.read_session() as s:
        for model in (Hazard, Evaluation, ControlMeasure, HazardAccidentType):
            assert s.exec(select(func.count()).select_from(model)).one() == 0, model
