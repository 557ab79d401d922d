from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from dualprev.domain.checks import CheckFrequency, CheckType
from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerStatus
from dualprev.domain.risk import RiskLevel, RiskPointKind
from dualprev.services import organisation_service as org
from dualprev.services import overview_service as ov
from dualprev.storage.db import Database, open_database
from dualprev.storage.models import (
    CheckItem,
    CheckPlan,
    CheckPlanItem,
    CheckRecord,
    FloorPlan,
    Hazard,
    HiddenDanger,
    MapZone,
    MapZoneRiskPoint,
    RiskPoint,
)

TODAY = date(2026, 6, 15)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "ov.sqlite")
    yield database
    database.close()


@pytest.fixture
def seeded(db: Database) -> dict[str, int]:
    org.save_enterprise(db, org.EnterpriseProfile(name="恒锐机械", uscc="91350100M000100Y43"), actor="t")
    dept = org.save_department(db, org.DepartmentInfo(name="机加工车间"), actor="t")
    area = org.save_area(db, org.AreaInfo(name="机加工区", department_id=dept.id), actor="t")
    store = org.save_area(db, org.AreaInfo(name="仓库"), actor="t")
    person = org.save_person(db, org.PersonInfo(name="张三", department_id=dept.id), actor="t")
    with db.session() as s:
        lathe = RiskPoint(name="数控车床", code="SB-01", kind=RiskPointKind.EQUIPMENT, area_id=area.id,
                          department_id=dept.id)  # fmt: skip
        lifting = RiskPoint(name="吊装作业", code="ZY-01", kind=RiskPointKind.ACTIVITY, area_id=area.id)
        shelf = RiskPoint(name="货架", code="CS-01", kind=RiskPointKind.PLACE, area_id=store.id)
        loose = RiskPoint(name="临时作业", code="ZY-02", kind=RiskPointKind.ACTIVITY)
        s.add_all([lathe, lifting, shelf, loose])
        s.flush()
        s.add_all([
            Hazard(risk_point_id=lathe.id, description="卷入", current_level=RiskLevel.GENERAL),
            Hazard(risk_point_id=lathe.id, description="飞屑", current_level=RiskLevel.LOW),
            Hazard(risk_point_id=lifting.id, description="坠物", current_level=RiskLevel.SIGNIFICANT),
            Hazard(risk_point_id=shelf.id, description="倒塌", current_level=None),
        ])  # fmt: skip
        plan_img = FloorPlan(name="一层平面图", file_name="a.png", width=800, height=600)
        s.add(plan_img)
        s.flush()
        zone_area = MapZone(floor_plan_id=plan_img.id, name="机加工区块", area_id=area.id)
        zone_linked = MapZone(floor_plan_id=plan_img.id, name="仓库区块")
        s.add_all([zone_area, zone_linked])
        s.flush()
        s.add(MapZoneRiskPoint(zone_id=zone_linked.id, risk_point_id=shelf.id))
        check_plan = CheckPlan(name="月度综合排查", check_type=CheckType.COMPREHENSIVE, frequency=CheckFrequency.MONTHLY,
                               department_id=dept.id, assignee_id=person.id, start_on=date(2026, 1, 1))  # fmt: skip
        s.add(check_plan)
        s.flush()
        item = CheckItem(content="防护罩完好", risk_point_id=lathe.id)
        s.add(item)
        s.flush()
        s.add(CheckPlanItem(plan_id=check_plan.id, check_item_id=item.id))
        s.add(
            CheckRecord(
                plan_id=check_plan.id, check_type=CheckType.COMPREHENSIVE, checked_on=date(2026, 2, 1)
            )
        )
        s.add(CheckRecord(check_type=CheckType.DAILY, checked_on=date(2025, 12, 30)))
        s.add_all([
            HiddenDanger(number="YH-2026-0001", found_on=date(2026, 6, 1), description="防护罩缺失", area_id=area.id,
                         deadline=date(2026, 6, 8), status=HiddenDangerStatus.RECTIFYING, rectifier_id=person.id),
            HiddenDanger(number="YH-2026-0002", found_on=date(2026, 6, 10), description="通道堵塞",
                         deadline=date(2026, 6, 20), level=HiddenDangerLevel.MAJOR),
            HiddenDanger(number="YH-2026-0003", found_on=date(2026, 3, 1), description="灭火器过期",
                         deadline=date(2026, 3, 5), status=HiddenDangerStatus.CLOSED),
            HiddenDanger(number="YH-2025-0009", found_on=date(2025, 11, 1), description="线路老化",
                         deadline=date(2025, 11, 5), status=HiddenDangerStatus.PENDING),
        ])  # fmt: skip
        ids = {"lathe": lathe.id, "lifting": lifting.id, "shelf": shelf.id, "loose": loose.id}
    post = org.save_post(db, org.PostInfo(name="车工", department_id=dept.id,
                                          risk_point_ids=(ids["lathe"], ids["lifting"])), actor="t")  # fmt: skip
    org.save_post(db, org.PostInfo(name="仓管员", risk_point_ids=(ids["shelf"],)), actor="t")
    org.save_post(db, org.PostInfo(name="门卫"), actor="t")
    return {**{k: v or 0 for k, v in ids.items()}, "post": post.id or 0}


def test_risk_points_take_the_most_severe_current_level(db: Database, seeded: dict[str, int]) -> None:
    points = {p.name: p for p in ov.list_risk_points(db)}
    assert points["数控车床"].level is RiskLevel.GENERAL and points["数控车床"].hazard_count == 2
    assert points["数控车床"].area_name == "机加工区" and points["数控车床"].department_name == "机加工车间"
    assert points["吊装作业"].level is RiskLevel.SIGNIFICANT
    assert points["货架"].level is None and points["货架"].hazard_count == 1
    assert points["临时作业"].level is None and points["临时作业"].hazard_count == 0
    assert points["临时作业"].area_id is None and points["临时作业"].area_name == ""


def test_empty_database(db: Database) -> None:
    assert ov.list_risk_points(db) == []
