"""Grading schemes, the tier table and regrading, on the demo factory and on a new database."""

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlmodel import col, func, select

from dualprev.domain.grading import (
    LEC_4C,
    LS_4,
    LS_SD,
    PRESET_SCHEMES,
    Band,
    Factor,
    FactorValue,
    grade,
)
from dualprev.domain.hazard_list import HazardFilter
from dualprev.domain.risk import (
    ALTERNATIVE_TIER_BY_LEVEL,
    DEFAULT_TIER_BY_LEVEL,
    ControlTier,
    EvaluationMethod,
    RiskLevel,
    RiskPointKind,
    RiskStage,
)
from dualprev.errors import ConflictError, NotFoundError, ValidationError
from dualprev.services import scheme_service as ss
from dualprev.services.risks import hazard_list, hazards, levels, risk_points
from dualprev.services.risks.evaluations import EvaluationInput
from dualprev.services.risks.hazards import HazardInfo
from dualprev.services.risks.risk_points import RiskPointInfo
from dualprev.storage.db import Database, open_database
from dualprev.storage.models import AuditLog, Evaluation, Hazard, Setting

TODAY = date(2026, 11, 20)
LEC, LS = EvaluationMethod.LEC, EvaluationMethod.LS


def _count(db: Database, model: type, *where: Any) -> int:
    with db.read_session() as s:
        return int(s.exec(select(func.count()).select_from(model).where(*where)).one())


def _settings(db: Database) -> dict[str, Any]:
    with db.read_session() as s:
        return {row.key: json.loads(row.value) for row in s.exec(select(Setting)).all()}


def _latest(db: Database) -> dict[tuple[int, RiskStage], Evaluation]:
    with db.read_session() as s:
        rows = s.exec(select(Evaluation).order_by(col(Evaluation.id))).all()
    return {(e.hazard_id, e.stage): e for e in rows}


def _regrade_audit(db: Database) -> list[AuditLog]:
    with db.read_session() as s:
        return list(s.exec(select(AuditLog).where(AuditLog.action == "regrade")).all())


# --- schemes and settings ----------------------------------------------------------------------


def test_defaults(empty_db: Database) -> None:
    assert ss.active_schemes(empty_db) == {LEC: LEC_4C, LS: LS_SD}
    assert ss.tier_table(empty_db) == DEFAULT_TIER_BY_LEVEL
    assert ss.suggested_tier(empty_db, RiskLevel.GENERAL) is ControlTier.WORKSHOP
    assert ss.list_schemes(empty_db) == list(PRESET_SCHEMES)
    assert [s.code for s in ss.list_schemes(empty_db, LS)] == ["LS-SD", "LS-4", "LS-HG"]
    assert len(ss.direct_judgement_items(empty_db)) == 5
    with pytest.raises(NotFoundError):
        ss.get_scheme(empty_db, "NOPE")


def test_copy_edit_and_delete_a_custom_scheme(empty_db: Database) -> None:
    copy = ss.copy_scheme(empty_db, "LS-SD", "LS-MY", "本企业 LS 矩阵", actor="李安全")
    assert replace(copy, code="LS-SD", name=LS_SD.name) == LS_SD
    assert [s.code for s in ss.list_schemes(empty_db, LS)] == ["LS-SD", "LS-4", "LS-HG", "LS-MY"]
    # edit the copy: 较大 from 12 instead of 15
    bands = (
        Band(1, Decimal(20), None, "重大风险", RiskLevel.MAJOR),
        Band(2, Decimal(12), Decimal(20), "较大风险", RiskLevel.SIGNIFICANT),
        Band(3, Decimal(9), Decimal(12), "一般风险", RiskLevel.GENERAL),
        Band(4, None, Decimal(9), "低风险", RiskLevel.LOW),
    )
    ss.save_custom_scheme(empty_db, replace(copy, bands=bands), actor="李安全")
    path = empty_db.path
    empty_db.close()
    db = open_database(path)
    try:
        stored = ss.get_scheme(db, "LS-MY")
        assert stored.bands == bands and stored.version == 2
        assert grade(stored, {"L": 3, "S": 4}).level is RiskLevel.SIGNIFICANT
        with db.read_session() as s:
            actions = [
                e.action for e in s.exec(select(AuditLog).where(AuditLog.entity == "grading_scheme")).all()
            ]
        assert actions == ["create", "update"]
        with pytest.raises(ConflictError, match="已有编号"):
            ss.copy_scheme(db, "LEC-4C", "LS-MY", "重复", actor="t")
        with pytest.raises(ConflictError, match="已有名为"):
            ss.copy_scheme(db, "LEC-4C", "LEC-MY", "本企业 LS 矩阵", actor="t")
        ss.delete_custom_scheme(db, "LS-MY", actor="t")
        assert [s.code for s in ss.list_schemes(db, LS)] == ["LS-SD", "LS-4", "LS-HG"]
    finally:
        db.close()


def test_custom_scheme_refusals(empty_db: Database) -> None:
    with pytest.raises(ConflictError, match="内置方案"):
        ss.save_custom_scheme(empty_db, replace(LS_4, name="另一个名字"), actor="t")
    gap = replace(LS_SD, code="LS-GAP", name="有缺口", bands=LS_SD.bands[:3])
    with pytest.raises(ValidationError, match="不在任何分级区间内：1、2、3、4、5 等7个"):
        ss.save_custom_scheme(empty_db, gap, actor="t")
    no_values = replace(
        LS_SD, code="LS-X", name="空量表", factors=(LS_SD.factors[0], Factor("S", "严重性", ()))
    )
    with pytest.raises(ValidationError, match="因素 S 至少需要一个取值"):
        ss.save_custom_scheme(empty_db, no_values, actor="t")
    with pytest.raises(ConflictError, match="内置方案，不能删除"):
        ss.delete_custom_scheme(empty_db, "LEC-4C", actor="t")
    assert _count(empty_db, AuditLog) == 0


def test_a_scheme_in_use_cannot_be_edited_in_place(demo_db: Database) -> None:
    ss.copy_scheme(demo_db, "LS-4", "LS-MY", "本企业 LS", actor="t")
    ss.apply_regrade(demo_db, schemes={LS: "LS-MY"}, tiers=DEFAULT_TIER_BY_LEVEL, actor="t", today=TODAY)
    used = ss.get_scheme(demo_db, "LS-MY")
    with pytest.raises(ConflictError, match="正在用于LS评价"):
        ss.save_custom_scheme(demo_db, replace(used, bands=LS_SD.bands), actor="t")
    with pytest.raises(ConflictError, match="不能删除"):
        ss.delete_custom_scheme(demo_db, "LS-MY", actor="t")
    ss.save_custom_scheme(demo_db, replace(used, name="本企业 LS 矩阵"), actor="t")  # renaming is harmless
    assert ss.get_scheme(demo_db, "LS-MY").name == "本企业 LS 矩阵"
    assert ss.active_schemes(demo_db)[LS].code == "LS-MY"


# --- regrading ---------------------------------------------------------------------------------


def test_regrade_lec_4c_to_sd5_changes_no_level(demo_db: Database) -> None:
    evaluations = _count(demo_db, Evaluation)
    hazards_before = hazard_list.query_hazards(demo_db, HazardFilter()).rows
    preview = ss.preview_regrade(demo_db, schemes={LEC: "LEC-SD5"}, tiers=DEFAULT_TIER_BY_LEVEL)
    assert (preview.hazards_changed, preview.risk_points_changed, preview.tiers_changed) == (0, 0, 0)
    assert preview.changes == () and preview.conflicts == ()
    assert _settings(demo_db)["scheme.LEC"] == "LEC-4C"  # a preview writes nothing
    applied = ss.apply_regrade(
        demo_db, schemes={LEC: "LEC-SD5"}, tiers=DEFAULT_TIER_BY_LEVEL, actor="李安全", today=TODAY
    )
    assert applied == preview
    assert _count(demo_db, Evaluation) == evaluations
    assert hazard_list.query_hazards(demo_db, HazardFilter()).rows == hazards_before
    assert ss.active_schemes(demo_db)[LEC].code == "LEC-SD5"
    [entry] = _regrade_audit(demo_db)
    changes = json.loads(entry.changes)
    assert changes["scheme.LEC"] == ["LEC-4C", "LEC-SD5"] and changes["hazards_changed"] == 0
    # new evaluations are now graded with the five-band scheme
    hazard_id = hazard_list.list_hazards_of(
        demo_db, hazard_list.query_hazards(demo_db, HazardFilter()).rows[0].risk_point_id
    )[0].id
    info = hazards.get_hazard(demo_db, hazard_id).info
    hazards.save_hazard(demo_db, info, actor="t", evaluations=(
        EvaluationInput(RiskStage.CURRENT, LEC, (("L", "1"), ("E", "0.5"), ("C", "15")), evaluated_on=TODAY),
    ))  # fmt: skip
    current = hazards.get_hazard(demo_db, hazard_id).current
    assert current is not None and (current.scheme_code, current.band, current.band_label) == (
        "LEC-SD5", 5, "稍有危险",
    )  # fmt: skip


def _expected_ls4_changes(db: Database) -> dict[tuple[int, RiskStage], tuple[RiskLevel, RiskLevel]]:
    """Worked out independently: each latest LS evaluation graded again with LS-4."""
    expected = {}
    for key, e in _latest(db).items():
        if e.method is LS:
            new = grade(LS_4, {"L": e.l_value or "", "S": e.s_value or ""}).level
            if new != e.level:
                expected[key] = (e.level, new)
    return expected


def test_regrade_ls_sd_to_ls_4(demo_db: Database) -> None:
    expected = _expected_ls4_changes(demo_db)
    assert expected, "the demo has LS evaluations whose level differs under LS-4"
    levels_before = levels.risk_point_levels(demo_db)
    history_before = {
        h.id: hazards.get_hazard(demo_db, h.id).history
        for h in hazard_list.query_hazards(demo_db, HazardFilter()).rows
    }
    evaluations = _count(demo_db, Evaluation)

    rows = hazard_list.query_hazards(demo_db, HazardFilter()).rows
    assert all(r.control_tier is DEFAULT_TIER_BY_LEVEL[r.current_level] for r in rows if r.current_level)
    tier_moves = sum(
        DEFAULT_TIER_BY_LEVEL[old] is not DEFAULT_TIER_BY_LEVEL[new]
        for (_h, stage), (old, new) in expected.items()
        if stage is RiskStage.CURRENT
    )

    preview = ss.preview_regrade(demo_db, schemes={LS: "LS-4"}, tiers=DEFAULT_TIER_BY_LEVEL)
    assert {(c.hazard_id, c.stage): (c.old_level, c.new_level) for c in preview.changes} == expected
    assert preview.tiers_changed == tier_moves > 0
    assert preview.hazards_changed == len({h for h, _stage in expected})
    assert preview.conflicts == ()
    assert _count(demo_db, Evaluation) == evaluations and _regrade_audit(demo_db) == []

    applied = ss.apply_regrade(
        demo_db, schemes={LS: "LS-4"}, tiers=DEFAULT_TIER_BY_LEVEL, actor="李安全", today=TODAY
    )
    assert (applied.hazards_changed, applied.risk_points_changed, applied.tiers_changed) == (
        preview.hazards_changed, preview.risk_points_changed, preview.tiers_changed,
    )  # fmt: skip
    assert applied.changes == preview.changes
    assert _count(demo_db, Evaluation) == evaluations + len(expected)
    levels_after = levels.risk_point_levels(demo_db)
    assert sum(levels_before[rp] != levels_after[rp] for rp in levels_before) == applied.risk_points_changed
    assert applied.risk_points_changed > 0

    for (hazard_id, stage), (_old, new) in expected.items():
        detail = hazards.get_hazard(demo_db, hazard_id)
        latest = detail.inherent if stage is RiskStage.INHERENT else detail.current
        assert latest is not None
        assert (latest.level, latest.scheme_code, latest.note) == (new, "LS-4", "分级方案变更重新分级")
        assert (latest.assessor_name, latest.evaluated_on) == ("李安全", TODAY)
        before = history_before[hazard_id]
        regraded = sum(1 for h, _stage in expected if h == hazard_id)
        assert len(detail.history) == len(before) + regraded
        assert detail.history[regraded:] == before  # the earlier evaluations are kept as they were
        with demo_db.read_session() as s:
            row = s.get(Hazard, hazard_id)
            assert row is not None
            cached = row.inherent_level if stage is RiskStage.INHERENT else row.current_level
            assert cached is new
        if stage is RiskStage.CURRENT:  # the demo's tiers are the suggestions, so they follow
            assert detail.info.control_tier is DEFAULT_TIER_BY_LEVEL[new]
    [entry] = _regrade_audit(demo_db)
    assert entry.actor == "李安全"
    changes = json.loads(entry.changes)
    assert changes["scheme.LS"] == ["LS-SD", "LS-4"]
    assert changes["hazards_changed"] == applied.hazards_changed
    assert changes["risk_points_changed"] == applied.risk_points_changed
    assert changes["tiers_changed"] == applied.tiers_changed
    assert _settings(demo_db)["scheme.LS"] == "LS-4"


def test_changing_the_tier_table_moves_only_suggested_tiers(demo_db: Database) -> None:
    rows = hazard_list.query_hazards(demo_db, HazardFilter()).rows
    manual = next(r for r in rows if r.current_level is RiskLevel.GENERAL)
    info = hazards.get_hazard(demo_db, manual.id).info
    hazards.save_hazard(demo_db, replace(info, control_tier=ControlTier.COMPANY), actor="t")
    rows = hazard_list.query_hazards(demo_db, HazardFilter()).rows
    following = [
        r for r in rows if r.current_level and r.control_tier is DEFAULT_TIER_BY_LEVEL[r.current_level]
    ]
    moving = [r for r in following if ALTERNATIVE_TIER_BY_LEVEL[r.current_level] is not r.control_tier]  # type: ignore[index]
    preview = ss.preview_regrade(demo_db, schemes={}, tiers=ALTERNATIVE_TIER_BY_LEVEL)
    assert preview.hazards_changed == 0 and preview.tiers_changed == len(moving) > 0
    applied = ss.apply_regrade(demo_db, schemes={}, tiers=ALTERNATIVE_TIER_BY_LEVEL, actor="t", today=TODAY)
    assert applied == preview
    assert ss.tier_table(demo_db) == ALTERNATIVE_TIER_BY_LEVEL
    assert ss.suggested_tier(demo_db, RiskLevel.LOW) is ControlTier.POST
    after = {r.id: r for r in hazard_list.query_hazards(demo_db, HazardFilter()).rows}
    for r in following:
        assert r.current_level is not None
        assert after[r.id].control_tier is ALTERNATIVE_TIER_BY_LEVEL[r.current_level]
    assert after[manual.id].control_tier is ControlTier.COMPANY  # chosen by hand, left alone
    assert json.loads(_regrade_audit(demo_db)[0].changes)["tier_by_level"][1]["4"] == "post"


def test_regrade_refused_when_current_would_exceed_inherent(empty_db: Database) -> None:
    rp_id = risk_points.save_risk_point(
        empty_db, RiskPointInfo(name="叉车作业", kind=RiskPointKind.ACTIVITY), actor="t"
    )

    def ls(stage: RiskStage, l_value: str, s_value: str) -> EvaluationInput:
        return EvaluationInput(stage, LS, (("L", l_value), ("S", s_value)), evaluated_on=TODAY)

    # Under LS-SD 9 and 10 are both 一般; under LS-4 9 stays 一般 but 10 becomes 较大.
    hazard_id = hazards.save_hazard(
        empty_db,
        HazardInfo(risk_point_id=rp_id, description="叉车倒车无人指挥"),
        actor="t",
        evaluations=(ls(RiskStage.INHERENT, "3", "3"), ls(RiskStage.CURRENT, "2", "5")),
    )
    preview = ss.preview_regrade(empty_db, schemes={LS: "LS-4"}, tiers=DEFAULT_TIER_BY_LEVEL)
    [conflict] = preview.conflicts
    assert (conflict.hazard_id, conflict.inherent_level, conflict.current_level) == (
        hazard_id, RiskLevel.GENERAL, RiskLevel.SIGNIFICANT,
    )  # fmt: skip
    evaluations = _count(empty_db, Evaluation)
    with pytest.raises(ValidationError, match="叉车倒车无人指挥"):
        ss.apply_regrade(empty_db, schemes={LS: "LS-4"}, tiers=DEFAULT_TIER_BY_LEVEL, actor="t", today=TODAY)
    assert _count(empty_db, Evaluation) == evaluations
    assert ss.active_schemes(empty_db)[LS] is LS_SD and _regrade_audit(empty_db) == []


def test_regrade_refuses_values_off_the_new_ladder_and_bad_tables(demo_db: Database) -> None:
    narrow = replace(
        LS_SD,
        code="LS-3",
        name="三级量表",
        factors=tuple(replace(f, values=tuple(v for v in f.values if v.value <= 3)) for f in LS_SD.factors),
        bands=(
            Band(1, Decimal(6), None, "较大", RiskLevel.SIGNIFICANT),
            Band(2, None, Decimal(6), "低", RiskLevel.LOW),
        ),
    )
    ss.save_custom_scheme(demo_db, narrow, actor="t")
    with pytest.raises(ValidationError, match="不在新分级方案的量表内"):
        ss.preview_regrade(demo_db, schemes={LS: "LS-3"}, tiers=DEFAULT_TIER_BY_LEVEL)
    with pytest.raises(ValidationError, match="不能用于LEC评价"):
        ss.preview_regrade(demo_db, schemes={LEC: "LS-4"}, tiers=DEFAULT_TIER_BY_LEVEL)
    with pytest.raises(NotFoundError):
        ss.preview_regrade(demo_db, schemes={LEC: "NOPE"}, tiers=DEFAULT_TIER_BY_LEVEL)
    upside_down = {**DEFAULT_TIER_BY_LEVEL, RiskLevel.LOW: ControlTier.COMPANY}
    with pytest.raises(ValidationError, match="低风险"):
        ss.apply_regrade(demo_db, schemes={}, tiers=upside_down, actor="t", today=TODAY)
    with pytest.raises(ValidationError, match="缺少"):
        ss.apply_regrade(
            demo_db, schemes={}, tiers={RiskLevel.MAJOR: ControlTier.COMPANY}, actor="t", today=TODAY
        )
    assert _regrade_audit(demo_db) == []


def test_custom_scheme_with_wider_ladder_grades_new_evaluations(empty_db: Database) -> None:
    wider_c = replace(LEC_4C.factors[2], values=(*LEC_4C.factors[2].values, FactorValue(Decimal(70), "特大")))
    scheme = replace(LEC_4C, code="LEC-MY", name="本企业 LEC", factors=(*LEC_4C.factors[:2], wider_c))
    ss.save_custom_scheme(empty_db, scheme, actor="t")
    ss.apply_regrade(empty_db, schemes={LEC: "LEC-MY"}, tiers=DEFAULT_TIER_BY_LEVEL, actor="t", today=TODAY)
    rp_id = risk_points.save_risk_point(
        empty_db, RiskPointInfo(name="熔炼炉", kind=RiskPointKind.EQUIPMENT), actor="t"
    )
    hazard_id = hazards.save_hazard(
        empty_db, HazardInfo(risk_point_id=rp_id, description="炉前积水"), actor="t",
        evaluations=(EvaluationInput(RiskStage.CURRENT, LEC, (("L", "1"), ("E", "6"), ("C", "70")), evaluated_on=TODAY),),
    )  # fmt: skip
    current = hazards.get_hazard(empty_db, hazard_id).current
    assert current is not None
    assert (current.scheme_code, current.score, current.level) == ("LEC-MY", "420", RiskLevel.MAJOR)
