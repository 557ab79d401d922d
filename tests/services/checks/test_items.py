"""The checklist made from control measures: generated once per measure, edits kept, free items
added, edited and deleted only while unused."""

import pytest
from sqlmodel import col, delete, select

from dualprev.domain.checks import CheckFrequency, CheckItemDraft, CheckType
from dualprev.domain.risk import ControlMeasureCategory, ControlTier, RiskLevel
from dualprev.errors import ConflictError, NotFoundError, ValidationError
from dualprev.services.checks import items as check_items
from dualprev.storage.db import Database
from dualprev.storage.models import AuditLog, CheckItem, ControlMeasure, Hazard

from .conftest import ACTOR, count


def test_generation_covers_every_existing_measure_once_and_keeps_edits(demo_db: Database) -> None:
    db = demo_db
    # Measures in place get an item; planned ones (not yet in place) are counted, not made items.
    in_place = count(db, ControlMeasure, col(ControlMeasure.is_existing).is_(True))
    planned = count(db, ControlMeasure, col(ControlMeasure.is_existing).is_(False))
    assert in_place > 0 and planned > 0
    first = check_items.generate_items(db, actor=ACTOR)
    assert first.created == 0 and first.already_covered == in_place and first.planned_measures == planned
    with db.session() as s:
        s.exec(delete(CheckItem).where(col(CheckItem.is_custom).is_(False)))  # type: ignore[call-overload]
    again = check_items.generate_items(db, actor=ACTOR)
    assert again.created == in_place and again.already_covered == 0
    items = [i for i in check_items.list_items(db) if not i.is_custom]
    assert len({i.measure_id for i in items}) == in_place
    edited, switched_off = items[0], items[1]
    check_items.save_item(db, edited.id, CheckItemDraft(content="卡盘防护罩在位、联锁有效（班前试验）", standard="打开防护罩主轴不能启动",
                                                method="试验", frequency=CheckFrequency.DAILY), actor=ACTOR)  # fmt: skip
    check_items.set_item_active(db, switched_off.id, False, actor=ACTOR)
    assert check_items.generate_items(db, actor=ACTOR).created == 0
    kept = check_items.get_item(db, edited.id)
    assert (kept.content, kept.method, kept.frequency) == (
        "卡盘防护罩在位、联锁有效（班前试验）",
        "试验",
        CheckFrequency.DAILY,
    )
    assert kept.risk_point_id == edited.risk_point_id  # a generated item follows its hazard
    assert not check_items.get_item(db, switched_off.id).is_active
    assert count(db, CheckItem, col(CheckItem.is_custom).is_(False)) == in_place
    with db.read_session() as s:
        summaries = s.exec(select(AuditLog.summary).where(AuditLog.entity == "check_item")).all()
    assert f"由管控措施生成排查项 {in_place} 项" in summaries


def test_a_new_measure_becomes_an_item_with_the_table_frequency(demo_db: Database) -> None:
    db = demo_db
    with db.session() as s:
        hazard = s.exec(select(Hazard).where(Hazard.current_level == RiskLevel.MAJOR)).first()
        assert hazard is not None
        s.add(ControlMeasure(hazard_id=hazard.id, category=ControlMeasureCategory.MANAGEMENT,
                             content="喷漆作业前检测可燃气体浓度并记录", control_tier=ControlTier.COMPANY))  # fmt: skip
        s.add(ControlMeasure(hazard_id=hazard.id, category=ControlMeasureCategory.ENGINEERING,
                             content="加装自动灭火装置", is_existing=False))  # fmt: skip
        hazard_id, point_id = hazard.id, hazard.risk_point_id
    result = check_items.generate_items(db, actor=ACTOR)
    assert result.created == 1 and result.planned_measures == 10
    [item] = [i for i in check_items.list_items(db) if i.content == "喷漆作业前检测可燃气体浓度并记录"]
    assert (item.hazard_id, item.risk_point_id, item.level) == (hazard_id, point_id, RiskLevel.MAJOR)
    assert item.control_tier is ControlTier.COMPANY and item.frequency is CheckFrequency.MONTHLY
    assert item.check_type is CheckType.COMPREHENSIVE and item.method == "查阅记录、现场核实"
    assert item.source_text == "管控措施·管理措施"


def test_free_items_are_added_edited_and_deleted_only_while_unused(demo_db: Database) -> None:
    db = demo_db
    with pytest.raises(ValidationError, match="请填写排查内容"):
        check_items.save_item(db, None, CheckItemDraft(content=" "), actor=ACTOR)
    row = check_items.save_item(db, None, CheckItemDraft(content=" 消防通道畅通 ", standard="宽度不小于1.4m", method="现场查看",
                                                check_type=CheckType.DAILY), actor=ACTOR)  # fmt: skip
    assert row.is_custom and row.content == "消防通道畅通" and row.risk_point_id is None
    check_items.delete_item(db, row.id, actor=ACTOR)
    with pytest.raises(NotFoundError):
        check_items.get_item(db, row.id)
    generated = next(i for i in check_items.list_items(db) if not i.is_custom)
    with pytest.raises(ConflictError, match="可以停用"):
        check_items.delete_item(db, generated.id, actor=ACTOR)
    used = next(
        i for i in check_items.list_items(db) if i.content == "全员安全生产责任制建立、逐级签订并公示"
    )
    with pytest.raises(ConflictError, match="已在 2 次排查记录中使用"):
        check_items.delete_item(db, used.id, actor=ACTOR)
    off = check_items.set_item_active(db, used.id, False, actor=ACTOR)
    assert not off.is_active and used.id not in {
        i.id for i in check_items.list_items(db, include_inactive=False)
    }
