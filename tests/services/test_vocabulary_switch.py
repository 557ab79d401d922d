"""Moving a factory that used GB 6441-1986 to GB 6441-2025: the plan it is shown, a refused switch
that changes nothing, and a switch read back from the re-opened database."""

import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import col, select

from dualprev.errors import ValidationError
from dualprev.services.info_service import file_info
from dualprev.services.risks import accident_types
from dualprev.services.risks.vocabulary_switch import switch_plan, switch_to_2025
from dualprev.storage.db import Database, open_database
from dualprev.storage.models import (
    AccidentTypeRecord,
    AuditLog,
    Hazard,
    HazardAccidentType,
    HiddenDanger,
    HiddenDangerAccidentType,
    RiskPoint,
    Setting,
)

from ..conftest import DEMO_TODAY


def _links(db: Database) -> list[tuple[str, str, str]]:
    """(record, vocabulary, type name) of every link, hazards and hidden dangers."""
    with db.read_session() as s:
        hazards = s.exec(
            select(Hazard.id, AccidentTypeRecord.vocabulary, AccidentTypeRecord.name)
            .join(HazardAccidentType, col(HazardAccidentType.hazard_id) == col(Hazard.id))
            .join(AccidentTypeRecord, col(AccidentTypeRecord.id) == col(HazardAccidentType.accident_type_id))
        ).all()
        dangers = s.exec(
            select(HiddenDanger.number, AccidentTypeRecord.vocabulary, AccidentTypeRecord.name)
            .join(
                HiddenDangerAccidentType,
                col(HiddenDangerAccidentType.hidden_danger_id) == col(HiddenDanger.id),
            )
            .join(
                AccidentTypeRecord,
                col(AccidentTypeRecord.id) == col(HiddenDangerAccidentType.accident_type_id),
            )
        ).all()
    return sorted([(f"H{h}", v, n) for h, v, n in hazards] + [(str(d), v, n) for d, v, n in dangers])


def _types_of(db: Database, description_part: str) -> set[str]:
    return {n for record, _v, n in _links(db) if record == f"H{_hazard_id(db, description_part)}"}


def _hazard_id(db: Database, description_part: str) -> int:
    with db.read_session() as s:
        hazard = s.exec(select(Hazard).where(col(Hazard.description).contains(description_part))).first()
    assert hazard is not None and hazard.id is not None
    return hazard.id


def _description(db: Database, description_part: str) -> str:
    with db.read_session() as s:
        hazard = s.exec(select(Hazard).where(col(Hazard.description).contains(description_part))).first()
    assert hazard is not None
    return hazard.description


def _name_an_undecidable_explosion(db: Database) -> str:
    """Give a lathe hazard 其他爆炸, which its words (卡盘, 衣袖) cannot place in GB 6441-2025."""
    with db.session() as s:
        found = s.exec(
            select(Hazard, RiskPoint.name).join(RiskPoint).where(col(Hazard.description).contains("卡盘"))
        ).first()
        assert found is not None
        hazard, point_name = found
        other = s.exec(
            select(AccidentTypeRecord).where(
                AccidentTypeRecord.vocabulary == "GB6441-1986", AccidentTypeRecord.name == "其他爆炸"
            )
        ).one()
        assert hazard is not None and hazard.id is not None and other.id is not None
        s.add(HazardAccidentType(hazard_id=hazard.id, accident_type_id=other.id))
        return f"{point_name}：{hazard.description}"


def test_the_plan_counts_each_1986_type_in_use_and_what_it_becomes(demo_1986_db: Database) -> None:
    plan = switch_plan(demo_1986_db)
    assert (plan.current, plan.target, plan.is_needed) == ("GB6441-1986", "GB6441-2025", True)
    by_name = {t.name: t for t in plan.types}
    assert {"机械伤害", "车辆伤害", "其他爆炸", "中毒和窒息", "其他伤害"} <= set(by_name)
    machine = by_name["机械伤害"]
    assert machine.default == ("机械致害",) and machine.is_fixed and machine.hazards > 10
    explosion = by_name["其他爆炸"]
    # Every demo hazard naming 其他爆炸 says what explodes (粉尘, 溶剂蒸气, 乙炔 …).
    assert (
        explosion.default == () and explosion.decided_by_words == explosion.hazards + explosion.hidden_dangers
    )
    assert explosion.undecided == () and plan.needs_choice == ()
    assert sum(t.hidden_dangers for t in plan.types) > 0


def test_a_record_no_words_decide_blocks_the_switch_and_nothing_changes(demo_1986_db: Database) -> None:
    label = _name_an_undecidable_explosion(demo_1986_db)
    plan = switch_plan(demo_1986_db)
    assert plan.needs_choice == ("其他爆炸",)
    assert [u for t in plan.types for u in t.undecided] == [label]
    before = _links(demo_1986_db)
    with pytest.raises(ValidationError, match="无法从文字判断是哪一类爆炸") as info:
        switch_to_2025(demo_1986_db, {}, actor="测试")
    assert label in str(info.value)
    with pytest.raises(ValidationError, match="不能对应为“粉尘”"):
        switch_to_2025(demo_1986_db, {"其他爆炸": ("粉尘",)}, actor="测试")
    assert _links(demo_1986_db) == before
    assert accident_types.vocabulary(demo_1986_db) == "GB6441-1986"


def test_switch_moves_every_record_in_one_audited_transaction(demo_1986_db: Database) -> None:
    _name_an_undecidable_explosion(demo_1986_db)
    count_before = len({record for record, _v, _n in _links(demo_1986_db)})
    result = switch_to_2025(
        demo_1986_db,
        {"其他爆炸": ("其他可燃固体爆炸",), "车辆伤害": ("厂(场)内车辆致害", "道路(轨道)车辆致害")},
        actor="安全员张三",
    )
    path = demo_1986_db.path
    demo_1986_db.close()

    db = open_database(Path(path), create=False)
    try:
        links = _links(db)
        assert {v for _r, v, _n in links} == {"GB6441-2025"}
        assert len({record for record, _v, _n in links}) == count_before  # no record lost its types
        assert result.hazards + result.hidden_dangers == count_before
        assert _types_of(db, "共用一套除尘系统") == {"火灾", "粉尘爆炸"}  # decided by its words
        assert "其他可燃固体爆炸" in _types_of(db, "卡盘")  # decided by the choice
        names = {n for _r, _v, n in links}
        assert {"机械致害", "厂(场)内车辆致害", "道路(轨道)车辆致害", "中毒", "其他事故"} <= names
        assert not names & {"机械伤害", "车辆伤害", "中毒和窒息", "其他伤害"}
        assert accident_types.vocabulary(db) == "GB6441-2025"
        assert [o.name for o in accident_types.accident_type_options(db)][3] == "机械致害"
        with db.read_session() as s:
            entry = s.exec(select(AuditLog).where(AuditLog.action == "switch")).one()
        assert entry.actor == "安全员张三" and entry.entity == "accident_type"
        assert "切换为 GB 6441-2025《生产安全事故分类与编码》" in entry.summary
        changes: dict[str, Any] = json.loads(entry.changes)
        assert changes["vocabulary"] == ["GB6441-1986", "GB6441-2025"]
        assert changes["mapping"]["机械伤害"] == "机械致害"
        before = changes["before"]
        lathe = before[f"hazard:{_hazard_id(db, '卡盘')}"]
        assert "其他爆炸" in lathe["types"] and lathe["label"].endswith(_description(db, "卡盘"))
        with pytest.raises(ValidationError, match="已在使用 GB 6441-2025"):
            switch_to_2025(db, {}, actor="测试")
    finally:
        db.close()
    assert file_info(Path(path)).accident_vocabulary == "GB6441-2025"


def test_a_new_enterprise_needs_no_switch(empty_db: Database) -> None:
    plan = switch_plan(empty_db)
    assert (plan.current, plan.is_needed, plan.types) == ("GB6441-2025", False, ())


def _set_raw_vocabulary(db: Database, raw: str | None) -> None:
    with db.session() as s:
        row = s.get(Setting, "accident_vocabulary")
        assert row is not None
        if raw is None:
            s.delete(row)
        else:
            row.value = raw


@pytest.mark.parametrize("raw", [None, '""', "not json", '"GB9999"'])
def test_a_missing_or_damaged_setting_is_read_from_the_records(
    demo_1986_db: Database, demo_db: Database, raw: str | None
) -> None:
    """A damaged setting must not offer another classification's types: saving a hazard would
    drop its own. The records' types decide, as they do for ``dualprev info``."""
    _set_raw_vocabulary(demo_1986_db, raw)
    assert accident_types.vocabulary(demo_1986_db) == "GB6441-1986"
    assert file_info(Path(demo_1986_db.path)).accident_vocabulary == "GB6441-1986"
    assert switch_plan(demo_1986_db).is_needed
    _set_raw_vocabulary(demo_db, raw)
    assert accident_types.vocabulary(demo_db) == "GB6441-2025"
    assert file_info(Path(demo_db.path)).accident_vocabulary == "GB6441-2025"


def test_a_record_naming_types_of_both_classifications_switches_cleanly(demo_1986_db: Database) -> None:
    hazard_id = _hazard_id(demo_1986_db, "共用一套除尘系统")
    with demo_1986_db.session() as s:
        dust = s.exec(
            select(AccidentTypeRecord).where(
                AccidentTypeRecord.vocabulary == "GB6441-2025", AccidentTypeRecord.name == "粉尘爆炸"
            )
        ).one()
        assert dust.id is not None
        s.add(HazardAccidentType(hazard_id=hazard_id, accident_type_id=dust.id))
    switch_to_2025(demo_1986_db, {}, actor="测试")
    assert _types_of(demo_1986_db, "共用一套除尘系统") == {"火灾", "粉尘爆炸"}


def test_a_hidden_danger_cannot_name_another_classifications_type(demo_1986_db: Database) -> None:
    from dataclasses import replace

    from dualprev.services.hidden_dangers import registration
    from dualprev.services.hidden_dangers.detail import get_detail

    with demo_1986_db.read_session() as s:
        number_one = s.exec(select(HiddenDanger).order_by(col(HiddenDanger.id))).first()
        new_type = s.exec(
            select(AccidentTypeRecord).where(
                AccidentTypeRecord.vocabulary == "GB6441-2025", AccidentTypeRecord.name == "机械致害"
            )
        ).one()
    assert number_one is not None and number_one.id is not None and new_type.id is not None
    draft = get_detail(demo_1986_db, number_one.id, today=DEMO_TODAY).draft
    with pytest.raises(ValidationError, match="不属于本企业使用的事故类型分类标准"):
        registration.register(
            demo_1986_db, replace(draft, accident_type_ids=(new_type.id,)), actor="测试", today=DEMO_TODAY
        )
