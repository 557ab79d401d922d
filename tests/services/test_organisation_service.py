import json
from pathlib import Path

import pytest
from sqlmodel import select

from dualprev.domain.organisation import DepartmentKind
from dualprev.domain.risk import RiskPointKind
from dualprev.errors import ConflictError, NotFoundError, ValidationError
from dualprev.services import organisation_service as org
from dualprev.storage.db import Database, open_database
from dualprev.storage.models import AuditLog, RiskPoint


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "org.sqlite")
    yield database  # type: ignore[misc]
    database.close()


def test_enterprise_profile_round_trip_and_audit(db: Database, tmp_path: Path) -> None:
    assert org.get_enterprise(db) is None
    saved = org.save_enterprise(
        db, org.EnterpriseProfile(name=" 恒锐机械 ", uscc="91350100m000100y43", duty_phone="0512-1234567"),
        actor="李安全",
    )  # fmt: skip
    assert saved.name == "恒锐机械" and saved.uscc == "91350100M000100Y43"
    org.save_enterprise(db, org.EnterpriseProfile(name="恒锐精密机械", uscc=saved.uscc), actor="李安全")
    db.close()
    reopened = open_database(tmp_path / "org.sqlite")
    profile = org.get_enterprise(reopened)
    assert profile is not None and profile.name == "恒锐精密机械"
    with reopened.read_session() as s:
        entries = s.exec(select(AuditLog).where(AuditLog.entity == "enterprise")).all()
    assert [e.action for e in entries] == ["create", "update"]
    assert json.loads(entries[1].changes)["name"] == ["恒锐机械", "恒锐精密机械"]
    assert entries[1].actor == "李安全"
    reopened.close()


@pytest.mark.parametrize(
    ("profile", "field"),
    [
        (org.EnterpriseProfile(name=""), "name"),
        (org.EnterpriseProfile(name="x", uscc="123"), "uscc"),
        (org.EnterpriseProfile(name="x", duty_phone="电话"), "duty_phone"),
        (org.EnterpriseProfile(name="x", employee_count=0), "employee_count"),
    ],
)
def test_enterprise_validation_names_the_field(
    db: Database, profile: org.EnterpriseProfile, field: str
) -> None:
    with pytest.raises(ValidationError) as info:
        org.save_enterprise(db, profile, actor="t")
    assert info.value.field == field
    assert org.get_enterprise(db) is None


def test_department_tree_rules(db: Database) -> None:
    production = org.save_department(db, org.DepartmentInfo(name="生产部"), actor="t")
    workshop = org.save_department(
        db,
        org.DepartmentInfo(name="机加工车间", kind=DepartmentKind.WORKSHOP, parent_id=production.id),
        actor="t",
    )
    with pytest.raises(ConflictError):
        org.save_department(db, org.DepartmentInfo(name="机加工车间", parent_id=production.id), actor="t")
    with pytest.raises(ValidationError):
        org.save_department(
            db, org.DepartmentInfo(name="生产部", parent_id=workshop.id, id=production.id), actor="t"
        )
    with pytest.raises(ConflictError, match="下级部门"):
        org.delete_department(db, production.id or 0, actor="t")
    assert production.id is not None and workshop.id is not None
    org.delete_department(db, workshop.id, actor="t")
    org.delete_department(db, production.id, actor="t")
    assert org.list_departments(db) == []
    with pytest.raises(NotFoundError):
        org.delete_department(db, production.id, actor="t")


def test_people_posts_areas(db: Database) -> None:
    dept = org.save_department(
        db, org.DepartmentInfo(name="冲压车间", kind=DepartmentKind.WORKSHOP), actor="t"
    )
    area = org.save_area(db, org.AreaInfo(name="冲压车间", code="A02", department_id=dept.id), actor="t")
    with pytest.raises(ConflictError):
        org.save_area(db, org.AreaInfo(name="冲压车间"), actor="t")
    with db.session() as s:
        rp = RiskPoint(name="开式压力机", kind=RiskPointKind.EQUIPMENT, area_id=area.id)
        s.add(rp)
        s.flush()
        rp_id = rp.id
    assert rp_id is not None
    post = org.save_post(
        db,
        org.PostInfo(name="冲压工", department_id=dept.id, area_id=area.id, risk_point_ids=(rp_id,)),
        actor="t",
    )
    assert org.list_posts(db)[0].risk_point_ids == (rp_id,)
    person = org.save_person(
        db,
        org.PersonInfo(name="赵冲", department_id=dept.id, post_id=post.id, phone="13800000000"),
        actor="t",
    )
    with pytest.raises(ValidationError):
        org.save_person(db, org.PersonInfo(name="赵冲", phone="abc"), actor="t")
    with pytest.raises(ConflictError, match="人员"):
        org.delete_post(db, post.id or 0, actor="t")
    with pytest.raises(ConflictError, match="风险点"):
        org.delete_area(db, area.id or 0, actor="t")
    updated = org.save_post(db, org.PostInfo(**{**post.__dict__, "risk_point_ids": ()}), actor="t")
    assert updated.risk_point_ids == ()
    org.delete_person(db, person.id or 0, actor="t")
    assert org.list_people(db) == []
    assert [r.name for r in org.list_risk_point_refs(db)] == ["开式压力机"]
