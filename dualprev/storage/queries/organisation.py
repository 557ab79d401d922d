"""The enterprise profile, departments, people, areas and posts: lists, name clashes and the rows
that still refer to one of them."""

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, SQLModel, col, func, select

from dualprev.storage.models import (
    Area,
    CheckPlan,
    CheckRecord,
    ControlMeasure,
    Department,
    DutyList,
    DutyRecord,
    Enterprise,
    Hazard,
    HiddenDanger,
    MapZone,
    Person,
    Post,
    PostRiskPoint,
    RiskPoint,
    TrainingAttendance,
)


def _count(session: Session, model: type[SQLModel], *where: Any) -> int:
    return int(session.exec(select(func.count()).select_from(model).where(*where)).one())


def enterprise(*, session: Session) -> Enterprise | None:
    """The enterprise profile (the first one, should a damaged file hold more), or None."""
    return session.exec(select(Enterprise).order_by(col(Enterprise.id))).first()


def departments(*, session: Session) -> Sequence[Department]:
    return session.exec(select(Department).order_by(col(Department.sort_order), col(Department.id))).all()


def department_name_taken(*, session: Session, name: str, parent_id: int | None, own_id: int | None) -> bool:
    """Whether another department under the same parent is called ``name``."""
    same_parent = (
        Department.parent_id == parent_id if parent_id is not None else col(Department.parent_id).is_(None)
    )
    query = select(Department).where(Department.name == name, same_parent, Department.id != (own_id or -1))
    return session.exec(query).first() is not None


def department_references(*, session: Session, department_id: int) -> dict[str, int]:
    """How many rows of each table refer to the department, by table name."""
    return {
        "department": _count(session, Department, Department.parent_id == department_id),
        "person": _count(session, Person, Person.department_id == department_id),
        "post": _count(session, Post, Post.department_id == department_id),
        "area": _count(session, Area, Area.department_id == department_id),
        "risk_point": _count(session, RiskPoint, RiskPoint.department_id == department_id),
        "hazard": _count(session, Hazard, Hazard.responsible_department_id == department_id),
        "control_measure": _count(
            session, ControlMeasure, ControlMeasure.responsible_department_id == department_id
        ),
        "hidden_danger": _count(
            session, HiddenDanger, HiddenDanger.responsible_department_id == department_id
        ),
        "check_plan": _count(session, CheckPlan, CheckPlan.department_id == department_id),
        "check_record": _count(session, CheckRecord, CheckRecord.department_id == department_id),
    }


def people(*, session: Session, include_inactive: bool = True) -> Sequence[Person]:
    query = select(Person).order_by(col(Person.department_id), col(Person.id))
    if not include_inactive:
        query = query.where(col(Person.is_active).is_(True))
    return session.exec(query).all()


def person_references(*, session: Session, person_id: int) -> dict[str, int]:
    """How many rows refer to the person, by table and role."""
    return {
        "post.responsible": _count(session, Post, Post.responsible_person_id == person_id),
        "risk_point.responsible": _count(session, RiskPoint, RiskPoint.responsible_person_id == person_id),
        "hazard.responsible": _count(session, Hazard, Hazard.responsible_person_id == person_id),
        "hidden_danger.rectifier": _count(session, HiddenDanger, HiddenDanger.rectifier_id == person_id),
        "hidden_danger.acceptor": _count(session, HiddenDanger, HiddenDanger.acceptor_id == person_id),
        "check_plan.assignee": _count(session, CheckPlan, CheckPlan.assignee_id == person_id),
        "duty_record.leader": _count(session, DutyRecord, DutyRecord.leader_id == person_id),
        "training_attendance": _count(session, TrainingAttendance, TrainingAttendance.person_id == person_id),
    }


def areas(*, session: Session) -> Sequence[Area]:
    return session.exec(select(Area).order_by(col(Area.sort_order), col(Area.id))).all()


def area_name_taken(*, session: Session, name: str, own_id: int | None) -> bool:
    return session.exec(select(Area).where(Area.name == name, Area.id != (own_id or -1))).first() is not None


def area_references(*, session: Session, area_id: int) -> dict[str, int]:
    """How many rows of each table refer to the area, by table name."""
    return {
        "risk_point": _count(session, RiskPoint, RiskPoint.area_id == area_id),
        "post": _count(session, Post, Post.area_id == area_id),
        "hidden_danger": _count(session, HiddenDanger, HiddenDanger.area_id == area_id),
        "map_zone": _count(session, MapZone, MapZone.area_id == area_id),
    }


def posts(*, session: Session) -> Sequence[Post]:
    return session.exec(select(Post).order_by(col(Post.sort_order), col(Post.id))).all()


def post_names(*, session: Session) -> Sequence[tuple[int | None, str]]:
    """``(id, name)`` of every post, unordered."""
    return session.exec(select(Post.id, Post.name)).all()


def post_name_taken(*, session: Session, name: str, department_id: int | None, own_id: int | None) -> bool:
    """Whether another post of the same department is called ``name``."""
    query = select(Post).where(
        Post.name == name, Post.department_id == department_id, Post.id != (own_id or -1)
    )
    return session.exec(query).first() is not None


def post_risk_point_links(*, session: Session, post_id: int | None = None) -> Sequence[PostRiskPoint]:
    """The post ↔ risk point links (of one post, or all)."""
    query = select(PostRiskPoint)
    if post_id is not None:
        query = query.where(PostRiskPoint.post_id == post_id)
    return session.exec(query).all()


def post_references(*, session: Session, post_id: int) -> dict[str, int]:
    return {
        "person": _count(session, Person, Person.post_id == post_id),
        "duty_list": _count(session, DutyList, DutyList.post_id == post_id),
    }


def risk_points_by_code(*, session: Session) -> Sequence[RiskPoint]:
    """Every risk point by code (for pickers)."""
    return session.exec(select(RiskPoint).order_by(col(RiskPoint.code), col(RiskPoint.id))).all()


def department_subtree(*, session: Session, root: int) -> set[int]:
    """``root`` and every department below it (a 班组 under a 车间 under a 部门…)."""
    parents = {
        dept_id: parent_id
        for dept_id, parent_id in session.exec(select(Department.id, Department.parent_id)).all()
        if dept_id is not None
    }
    found = {root}
    changed = True
    while changed:
        changed = False
        for dept_id, parent_id in parents.items():
            if parent_id in found and dept_id not in found:
                found.add(dept_id)
                changed = True
    return found
