"""Copying built-in library entries into the demo factory's inventory, checked by reading the
inventory back through the risk service (and the re-opened database)."""

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, func, select

from dualprev.domain.grading import GradingScheme, format_decimal
from dualprev.domain.library import LibraryEntry
from dualprev.domain.risk import EvaluationMethod, RiskLevel, RiskPointKind, RiskStage
from dualprev.errors import NotFoundError, StorageError, ValidationError
from dualprev.services import library_service as lib
from dualprev.services import organisation_service as org
from dualprev.services import scheme_service
from dualprev.services.risks import accident_types, hazard_list, risk_points
from dualprev.services.risks import hazards as risk_hazards
from dualprev.services.risks import levels as risk_levels
from dualprev.services.risks.accident_types import AccidentTypeOption
from dualprev.services.risks.risk_points import RiskPointInfo
from dualprev.storage.db import Database, open_database
from dualprev.storage.models import AuditLog, ControlMeasure, Evaluation, Hazard, RiskPoint

from ..conftest import DEMO_TODAY

KEYS = ("lathe", "confined-space-entry", "spray-booth")


def _counts(db: Database) -> dict[str, int]:
    with db.read_session() as s:
        return {
            model.__name__: int(s.exec(select(func.count()).select_from(model)).one())
            for model in (RiskPoint, Hazard, Evaluation, ControlMeasure, AuditLog)
        }


def _import(db: Database, keys: tuple[str, ...] = KEYS, **kw: Any) -> list[int]:
    area = org.list_areas(db)[0]
    args: dict[str, Any] = {
        "area_id": area.id,
        "assessor_name": "李安全",
        "evaluated_on": DEMO_TODAY,
        "actor": "李安全",
    }
    args.update(kw)
    return lib.import_entries(db, keys, **args)


# --- browsing ----------------------------------------------------------------------------------


def test_the_library_loads_once_and_filters() -> None:
    assert lib.load_library() is lib.load_library()
    assert len(lib.load_library().entries) >= 45
    groups = lib.groups()
    assert "有限空间" in groups and "基础管理" in groups
    dust = lib.list_entries("粉尘防爆")
    assert dust and all(e.group == "粉尘防爆" for e in dust)
    assert [e.key for e in lib.list_entries("高处作业", "采光带")] == ["roof-work"]
    assert len(lib.list_entries()) == len(lib.load_library().entries)


# --- importing ---------------------------------------------------------------------------------


def test_import_creates_risk_points_hazards_measures_and_current_evaluations(
    demo_db: Database, demo_path: Path
) -> None:
    area = org.list_areas(demo_db)[0]
    post = org.list_posts(demo_db)[0]
    department = org.list_departments(demo_db)[0]
    before = _counts(demo_db)
    ids = _import(demo_db, department_id=department.id, post_ids=(post.id,))

    # The demo uses GB 6441-2025: the 1986 library arrives through the mapping.
    entries = [lib.load_library(accident_types.vocabulary(demo_db)).entry(k) for k in KEYS]
    assert len(ids) == 3
    schemes = scheme_service.active_schemes(demo_db)
    for point_id, entry, code in zip(ids, entries, ("KU-001", "KU-002", "KU-003"), strict=True):
        point = risk_points.get_risk_point(demo_db, point_id)
        assert (point.name, point.kind, point.code) == (entry.name, entry.kind, code)
        assert (point.area_id, point.location) == (area.id, area.name)
        assert point.department_id == department.id
        assert point.post_ids == (post.id,)
        rows = hazard_list.list_hazards_of(demo_db, point_id)
        assert [r.step_or_item for r in rows] == [h.step_or_item for h in entry.hazards]
        for row, hazard in zip(rows, entry.hazards, strict=True):
            expected = hazard.evaluation.graded(schemes[hazard.evaluation.method])
            assert row.current_level is expected.level
            assert row.score == format_decimal(expected.score)
            assert row.inherent_level is None
            assert set(row.accident_types.split("、")) == set(hazard.accident_types)
            detail = risk_hazards.get_hazard(demo_db, row.id)
            assert detail.info.description == hazard.description
            assert detail.info.standard == hazard.standard
            assert detail.info.factor_category == hazard.factor_category
            assert detail.info.consequence == hazard.consequence
            assert [(m.category, m.content, m.is_existing) for m in detail.info.measures] == [
                (m.category, m.content, True) for m in hazard.measures
            ]
            assert detail.current is not None and detail.inherent is None
            assert detail.current.stage is RiskStage.CURRENT
            assert detail.current.factors == hazard.evaluation.factors
            assert detail.current.note == "引自辨识库，请结合现场复核"
            assert (detail.current.assessor_name, detail.current.evaluated_on) == ("李安全", DEMO_TODAY)
            assert detail.info.control_tier is not None  # from the enterprise's tier table

    hazards = sum(len(e.hazards) for e in entries)
    measures = sum(len(h.measures) for e in entries for h in e.hazards)
    after = _counts(demo_db)
    assert after["RiskPoint"] - before["RiskPoint"] == 3
    assert after["Hazard"] - before["Hazard"] == hazards
    assert after["Evaluation"] - before["Evaluation"] == hazards
    assert after["ControlMeasure"] - before["ControlMeasure"] == measures
    assert risk_levels.risk_point_levels(demo_db)[ids[1]] is RiskLevel.MAJOR  # 有限空间作业: 从严从高

    reopened = open_database(demo_path, create=False)
    try:
        with reopened.read_session() as s:
            keys = s.exec(select(RiskPoint.library_key).where(col(RiskPoint.id).in_(ids))
                          .order_by(col(RiskPoint.id))).all()  # fmt: skip
            imports = s.exec(
                select(AuditLog).where(AuditLog.action == "import", AuditLog.entity == "risk_point")
            ).all()
        assert list(keys) == list(KEYS)
        (record,) = imports
        assert record.actor == "李安全" and "普通车床" in record.summary
        assert json.loads(record.changes)["keys"] == list(KEYS)
        assert json.loads(record.changes)["risk_point_ids"] == ids
    finally:
        reopened.close()


def test_codes_continue_after_the_highest_library_code_in_use(demo_db: Database) -> None:
    risk_points.save_risk_point(
        demo_db, RiskPointInfo(name="自建", kind=RiskPointKind.PLACE, code="KU-007"), actor="t"
    )
    first = _import(demo_db, ("forklift",))
    second = _import(demo_db, ("forklift", "ladders"))
    codes = [risk_points.get_risk_point(demo_db, i).code for i in first + second]
    assert codes == ["KU-008", "KU-009", "KU-010"]
    assert (
        risk_points.get_risk_point(demo_db, second[0]).name
        == risk_points.get_risk_point(demo_db, first[0]).name
        == "叉车"
    )


def test_import_without_area_leaves_location_empty(demo_db: Database) -> None:
    (point_id,) = _import(demo_db, ("hidden-danger-management",), area_id=None)
    point = risk_points.get_risk_point(demo_db, point_id)
    assert point.area_id is None and point.location == "" and point.kind is RiskPointKind.ACTIVITY


@pytest.mark.parametrize(
    ("keys", "kw", "error", "text"),
    [
        (KEYS, {"area_id": 999_999}, NotFoundError, "区域不存在"),
        (KEYS, {"post_ids": (999_999,)}, NotFoundError, "岗位不存在"),
        (KEYS, {"department_id": 999_999}, NotFoundError, "责任单位不存在"),
        (("lathe", "no-such-entry"), {}, NotFoundError, "辨识库中没有条目“no-such-entry”"),
        ((), {}, ValidationError, "请至少选择"),
        (KEYS, {"assessor_name": "李" * 51}, ValidationError, "评价人"),
    ],
)
def test_a_refused_import_changes_nothing(
    demo_db: Database, keys: tuple[str, ...], kw: dict[str, Any], error: type[Exception], text: str
) -> None:
    before = _counts(demo_db)
    with pytest.raises(error) as info:
        _import(demo_db, keys, **kw)
    assert text in str(info.value)
    assert _counts(demo_db) == before


def test_entries_the_enterprise_vocabulary_cannot_take_are_refused_before_writing(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = [o for o in accident_types.accident_type_options(demo_db) if o.name != "窒息"]

    def without_poisoning(_db: Database) -> list[AccidentTypeOption]:
        return options

    monkeypatch.setattr(accident_types, "accident_type_options", without_poisoning)
    before = _counts(demo_db)
    with pytest.raises(ValidationError) as info:
        _import(demo_db)
    assert "有限空间作业" in str(info.value) and "窒息" in str(info.value)
    assert _counts(demo_db) == before


def test_a_failure_midway_removes_what_the_import_created(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_save_hazard = risk_hazards.save_hazard
    calls = 0

    def failing_save_hazard(*args: Any, **kwargs: Any) -> int:
        nonlocal calls
        calls += 1
        if calls == 6:  # inside the second entry, after the first is complete
            raise StorageError("磁盘空间不足或无法写入，本次修改未保存。")
        return real_save_hazard(*args, **kwargs)

    monkeypatch.setattr(risk_hazards, "save_hazard", failing_save_hazard)
    before = _counts(demo_db)
    with pytest.raises(StorageError):
        _import(demo_db)
    after = _counts(demo_db)
    for model in ("RiskPoint", "Hazard", "Evaluation", "ControlMeasure"):
        assert after[model] == before[model], model
    with demo_db.read_session() as s:
        assert not s.exec(select(RiskPoint).where(col(RiskPoint.code).startswith("KU-"))).all()
        undo = s.exec(select(AuditLog).order_by(col(AuditLog.id).desc())).first()
        assert not s.exec(
            select(AuditLog).where(AuditLog.action == "import", AuditLog.entity == "risk_point")
        ).all()
    assert undo is not None and "已撤销" in undo.summary


def test_a_custom_scheme_without_a_suggested_value_is_refused(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = scheme_service.active_schemes

    def narrowed(db: Database) -> dict[EvaluationMethod, GradingScheme]:
        schemes = dict(real(db))
        lec = schemes[EvaluationMethod.LEC]
        factors = tuple(
            replace(f, values=tuple(v for v in f.values if v.value != 40)) if f.key == "C" else f
            for f in lec.factors
        )
        schemes[EvaluationMethod.LEC] = replace(lec, factors=factors)
        return schemes

    monkeypatch.setattr(scheme_service, "active_schemes", narrowed)
    before = _counts(demo_db)
    with pytest.raises(ValidationError) as info:
        _import(demo_db, ("lathe", "confined-space-entry"))
    assert "有限空间作业" in str(info.value) and "分级方案" in str(info.value)
    assert _counts(demo_db) == before


def test_every_shipped_entry_imports_into_a_new_database(empty_db: Database) -> None:
    keys = tuple(e.key for e in lib.load_library().entries)
    ids = lib.import_entries(empty_db, keys, area_id=None, assessor_name="", evaluated_on=date(2026, 1, 5),
                             actor="t")  # fmt: skip
    assert len(ids) == len(keys)
    levels = risk_levels.risk_point_levels(empty_db)
    library_levels: dict[int, RiskLevel] = {
        i: entry.level for i, entry in zip(ids, _entries(keys), strict=True)
    }
    assert {i: levels[i] for i in ids} == library_levels


def _entries(keys: tuple[str, ...]) -> list[LibraryEntry]:
    return [lib.load_library().entry(k) for k in keys]
