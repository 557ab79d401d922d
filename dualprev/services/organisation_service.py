"""企业信息 use cases: the enterprise profile, departments, people, posts and areas.

Every write validates with domain rules, runs in one transaction, and records an audit entry.
Records cross the layer boundary as frozen dataclasses; ``id`` None means "new".
"""

from dataclasses import asdict, dataclass, fields, replace
from typing import Any, TypeVar

from dualprev.domain.organisation import ENTERPRISE_PHONES, DepartmentKind, person_problems
from dualprev.domain.organisation import enterprise_problems as domain_enterprise_problems
from dualprev.domain.validation import FieldProblem, required_problem
from dualprev.errors import ConflictError, ValidationError
from dualprev.storage import audit
from dualprev.storage.db import Database, Session
from dualprev.storage.models import (
    Area,
    Department,
    Enterprise,
    Person,
    Post,
    PostRiskPoint,
    RiskPoint,
    utcnow,
)
from dualprev.storage.queries import organisation as queries
from dualprev.storage.repos import get_or_raise


@dataclass(frozen=True)
class EnterpriseProfile:
    name: str
    uscc: str = ""
    industry: str = ""
    address: str = ""
    principal_name: str = ""
    principal_phone: str = ""
    safety_manager_name: str = ""
    safety_manager_phone: str = ""
    phone: str = ""
    duty_phone: str = ""
    employee_count: int | None = None
    code: str = ""
    id: int | None = None


@dataclass(frozen=True)
class DepartmentInfo:
    name: str
    kind: DepartmentKind = DepartmentKind.DEPARTMENT
    parent_id: int | None = None
    sort_order: int = 0
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class PersonInfo:
    name: str
    department_id: int | None = None
    post_id: int | None = None
    phone: str = ""
    role: str = ""
    is_active: bool = True
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class AreaInfo:
    name: str
    code: str = ""
    department_id: int | None = None
    description: str = ""
    sort_order: int = 0
    id: int | None = None


@dataclass(frozen=True)
class PostInfo:
    name: str
    department_id: int | None = None
    area_id: int | None = None
    work_content: str = ""
    workplace: str = ""
    headcount: int | None = None
    responsible_person_id: int | None = None
    sort_order: int = 0
    note: str = ""
    id: int | None = None
    risk_point_ids: tuple[int, ...] = ()


Info = TypeVar("Info", EnterpriseProfile, DepartmentInfo, PersonInfo, AreaInfo, PostInfo)


def _to_info(info_cls: type[Info], row: object, **extra: Any) -> Info:
    names = {f.name for f in fields(info_cls)}
    values = {name: getattr(row, name) for name in names if hasattr(row, name)}
    values.update(extra)
    return info_cls(**values)


def _strip(info: Info) -> Info:
    """The same record with surrounding whitespace removed from every text field."""
    changes: dict[str, Any] = {k: v.strip() for k, v in asdict(info).items() if isinstance(v, str)}
    return replace(info, **changes)


def _apply(row: object, info: Any, *, skip: tuple[str, ...] = ("id",)) -> dict[str, list[Any]]:
    """Copy the dataclass fields onto the table row; returns the audit diff."""
    new = {k: v for k, v in asdict(info).items() if k not in skip and hasattr(row, k)}
    old = {k: getattr(row, k) for k in new}
    for key, value in new.items():
        setattr(row, key, value)
    return audit.diff(old, new)


def _check(problem: str | None, field: str) -> None:
    if problem:
        raise ValidationError(problem, field)


def _raise_first(problems: list[FieldProblem]) -> None:
    """Raise the first of a rule's problems as a ValidationError on its field; none passes."""
    if problems:
        field, message = problems[0]
        raise ValidationError(message, field or None)


# --- enterprise --------------------------------------------------------------------------------


def enterprise_problems(profile: EnterpriseProfile) -> list[FieldProblem]:
    """Every field of ``profile`` that breaks a rule, as ``(field, message)`` (empty when it is fine)."""
    phones = {field: getattr(profile, field) for field, _label in ENTERPRISE_PHONES}
    return domain_enterprise_problems(
        profile.name, profile.uscc, phones, profile.employee_count, profile.code
    )


def validate_enterprise(profile: EnterpriseProfile) -> None:
    """Raise ValidationError for the first field that breaks a rule."""
    _raise_first(enterprise_problems(profile))


def get_enterprise(db: Database) -> EnterpriseProfile | None:
    """The enterprise profile, or None before the first-run screen has created one."""
    with db.read_session() as s:
        row = queries.enterprise(session=s)
        return _to_info(EnterpriseProfile, row) if row else None


def save_enterprise(db: Database, profile: EnterpriseProfile, *, actor: str) -> EnterpriseProfile:
    """Create the profile (first run) or update the existing one."""
    profile = _strip(replace(profile, uscc=profile.uscc.strip().upper()))
    validate_enterprise(profile)
    with db.session() as s:
        row = queries.enterprise(session=s)
        created = row is None
        if row is None:
            row = Enterprise(name=profile.name)
        changes = _apply(row, profile)
        row.updated_at = utcnow()
        s.add(row)
        s.flush()
        audit.record(
            s,
            actor=actor,
            action="create" if created else "update",
            entity="enterprise",
            entity_id=row.id,
            summary=f"{'新建' if created else '修改'}企业档案：{row.name}",
            changes=changes,
        )
        return _to_info(EnterpriseProfile, row)


# --- departments -------------------------------------------------------------------------------


def list_departments(db: Database) -> list[DepartmentInfo]:
    with db.read_session() as s:
        return [_to_info(DepartmentInfo, r) for r in queries.departments(session=s)]


def save_department(db: Database, dept: DepartmentInfo, *, actor: str) -> DepartmentInfo:
    dept = _strip(dept)
    _check(required_problem(dept.name, "部门名称", 100), "name")
    with db.session() as s:
        if dept.parent_id is not None:
            get_or_raise(s, Department, dept.parent_id, "上级部门")
            if dept.id is not None and _is_descendant(s, dept.parent_id, dept.id):
                raise ValidationError("上级部门不能是本部门或其下级部门", "parent_id")
        if queries.department_name_taken(session=s, name=dept.name, parent_id=dept.parent_id, own_id=dept.id):
            raise ConflictError(f"同一上级下已有名为“{dept.name}”的部门")
        row = Department(name=dept.name) if dept.id is None else get_or_raise(s, Department, dept.id, "部门")
        changes = _apply(row, dept)
        s.add(row)
        s.flush()
        audit.record(s, actor=actor, action="create" if dept.id is None else "update", entity="department",
                     entity_id=row.id, summary=f"保存部门：{row.name}", changes=changes)  # fmt: skip
        return _to_info(DepartmentInfo, row)


def _is_descendant(session: Session, candidate_id: int, ancestor_id: int) -> bool:
    current: int | None = candidate_id
    seen: set[int] = set()
    while current is not None and current not in seen:
        if current == ancestor_id:
            return True
        seen.add(current)
        parent = session.get(Department, current)
        current = parent.parent_id if parent else None
    return False


def delete_department(db: Database, dept_id: int, *, actor: str) -> None:
    """Delete a department nobody refers to; otherwise say what still uses it."""
    with db.session() as s:
        row = get_or_raise(s, Department, dept_id, "部门")
        uses = queries.department_references(session=s, department_id=dept_id)
        _refuse_if_used(f"部门“{row.name}”", uses, _DEPARTMENT_USES)
        s.delete(row)
        audit.record(s, actor=actor, action="delete", entity="department", entity_id=dept_id,
                     summary=f"删除部门：{row.name}")  # fmt: skip


_DEPARTMENT_USES = {
    "department": "下级部门",
    "person": "人员",
    "post": "岗位",
    "area": "区域",
    "risk_point": "风险点",
    "hazard": "危险源",
    "control_measure": "管控措施",
    "hidden_danger": "隐患",
    "check_plan": "排查计划",
    "check_record": "排查记录",
}
_PERSON_USES = {
    "post.responsible": "岗位负责人",
    "risk_point.responsible": "风险点责任人",
    "hazard.responsible": "危险源责任人",
    "hidden_danger.rectifier": "隐患整改责任人",
    "hidden_danger.acceptor": "隐患验收人",
    "check_plan.assignee": "排查计划",
    "duty_record.leader": "履职记录",
    "training_attendance": "培训记录",
}
_AREA_USES = {"risk_point": "风险点", "post": "岗位", "hidden_danger": "隐患", "map_zone": "分布图区块"}
_POST_USES = {"person": "人员", "duty_list": "岗位安全生产责任清单"}


def _refuse_if_used(what: str, uses: dict[str, int], labels: dict[str, str]) -> None:
    """ConflictError listing the ``uses`` (counts by key) under their ``labels`` when any is non-zero."""
    used = [f"{labels[key]} {n} 条" for key, n in uses.items() if n]
    if used:
        raise ConflictError(f"{what}仍被使用（{'，'.join(used)}），不能删除。请先调整这些记录。")


# --- people ------------------------------------------------------------------------------------


def list_people(db: Database, *, include_inactive: bool = True) -> list[PersonInfo]:
    with db.read_session() as s:
        rows = queries.people(session=s, include_inactive=include_inactive)
        return [_to_info(PersonInfo, r) for r in rows]


def save_person(db: Database, person: PersonInfo, *, actor: str) -> PersonInfo:
    person = _strip(person)
    _raise_first(person_problems(person.name, person.phone))
    with db.session() as s:
        if person.department_id is not None:
            get_or_raise(s, Department, person.department_id, "所属部门")
        if person.post_id is not None:
            get_or_raise(s, Post, person.post_id, "岗位")
        row = Person(name=person.name) if person.id is None else get_or_raise(s, Person, person.id, "人员")
        changes = _apply(row, person)
        s.add(row)
        s.flush()
        audit.record(s, actor=actor, action="create" if person.id is None else "update", entity="person",
                     entity_id=row.id, summary=f"保存人员：{row.name}", changes=changes)  # fmt: skip
        return _to_info(PersonInfo, row)


def delete_person(db: Database, person_id: int, *, actor: str) -> None:
    """Delete a person no record refers to; someone who appears in records is set inactive instead."""
    with db.session() as s:
        row = get_or_raise(s, Person, person_id, "人员")
        uses = queries.person_references(session=s, person_id=person_id)
        _refuse_if_used(f"人员“{row.name}”", uses, _PERSON_USES)
        s.delete(row)
        audit.record(s, actor=actor, action="delete", entity="person", entity_id=person_id,
                     summary=f"删除人员：{row.name}")  # fmt: skip


# --- areas -------------------------------------------------------------------------------------


def list_areas(db: Database) -> list[AreaInfo]:
    with db.read_session() as s:
        return [_to_info(AreaInfo, r) for r in queries.areas(session=s)]


def save_area(db: Database, area: AreaInfo, *, actor: str) -> AreaInfo:
    area = _strip(area)
    _check(required_problem(area.name, "区域名称", 100), "name")
    with db.session() as s:
        if area.department_id is not None:
            get_or_raise(s, Department, area.department_id, "责任部门")
        if queries.area_name_taken(session=s, name=area.name, own_id=area.id):
            raise ConflictError(f"已有名为“{area.name}”的区域")
        row = Area(name=area.name) if area.id is None else get_or_raise(s, Area, area.id, "区域")
        changes = _apply(row, area)
        s.add(row)
        s.flush()
        audit.record(s, actor=actor, action="create" if area.id is None else "update", entity="area",
                     entity_id=row.id, summary=f"保存区域：{row.name}", changes=changes)  # fmt: skip
        return _to_info(AreaInfo, row)


def delete_area(db: Database, area_id: int, *, actor: str) -> None:
    with db.session() as s:
        row = get_or_raise(s, Area, area_id, "区域")
        uses = queries.area_references(session=s, area_id=area_id)
        _refuse_if_used(f"区域“{row.name}”", uses, _AREA_USES)
        s.delete(row)
        audit.record(s, actor=actor, action="delete", entity="area", entity_id=area_id,
                     summary=f"删除区域：{row.name}")  # fmt: skip


# --- posts -------------------------------------------------------------------------------------


def list_posts(db: Database) -> list[PostInfo]:
    with db.read_session() as s:
        links: dict[int, list[int]] = {}
        for link in queries.post_risk_point_links(session=s):
            links.setdefault(link.post_id, []).append(link.risk_point_id)
        rows = queries.posts(session=s)
        return [_to_info(PostInfo, r, risk_point_ids=tuple(sorted(links.get(r.id or 0, [])))) for r in rows]


def save_post(db: Database, post: PostInfo, *, actor: str) -> PostInfo:
    """Create or update a post, and set the risk points it faces to ``post.risk_point_ids``."""
    post = _strip(post)
    _check(required_problem(post.name, "岗位名称", 100), "name")
    if post.headcount is not None and not 0 <= post.headcount < 10000:
        raise ValidationError("岗位人数应为 0 到 9999 之间的整数", "headcount")
    with db.session() as s:
        if post.department_id is not None:
            get_or_raise(s, Department, post.department_id, "所属部门")
        if post.area_id is not None:
            get_or_raise(s, Area, post.area_id, "工作区域")
        if post.responsible_person_id is not None:
            get_or_raise(s, Person, post.responsible_person_id, "责任人")
        if queries.post_name_taken(
            session=s, name=post.name, department_id=post.department_id, own_id=post.id
        ):
            raise ConflictError(f"同一部门下已有名为“{post.name}”的岗位")
        row = Post(name=post.name) if post.id is None else get_or_raise(s, Post, post.id, "岗位")
        changes = _apply(row, post, skip=("id", "risk_point_ids"))
        s.add(row)
        s.flush()
        assert row.id is not None
        wanted = set(post.risk_point_ids)
        for rp_id in wanted:
            get_or_raise(s, RiskPoint, rp_id, "风险点")
        existing = {
            link.risk_point_id: link for link in queries.post_risk_point_links(session=s, post_id=row.id)
        }
        for rp_id, link in existing.items():
            if rp_id not in wanted:
                s.delete(link)
        for rp_id in wanted - existing.keys():
            s.add(PostRiskPoint(post_id=row.id, risk_point_id=rp_id))
        if wanted != set(existing):
            changes["risk_point_ids"] = [sorted(existing), sorted(wanted)]
        audit.record(s, actor=actor, action="create" if post.id is None else "update", entity="post",
                     entity_id=row.id, summary=f"保存岗位：{row.name}", changes=changes)  # fmt: skip
        return _to_info(PostInfo, row, risk_point_ids=tuple(sorted(wanted)))


def delete_post(db: Database, post_id: int, *, actor: str) -> None:
    with db.session() as s:
        row = get_or_raise(s, Post, post_id, "岗位")
        uses = queries.post_references(session=s, post_id=post_id)
        _refuse_if_used(f"岗位“{row.name}”", uses, _POST_USES)
        s.delete(row)
        audit.record(s, actor=actor, action="delete", entity="post", entity_id=post_id,
                     summary=f"删除岗位：{row.name}")  # fmt: skip


@dataclass(frozen=True)
class RiskPointRef:
    """A risk point as offered in pickers (e.g. which risk points a post faces)."""

    id: int
    code: str
    name: str
    area_id: int | None


def list_risk_point_refs(db: Database) -> list[RiskPointRef]:
    with db.read_session() as s:
        rows = queries.risk_points_by_code(session=s)
        return [RiskPointRef(r.id or 0, r.code, r.name, r.area_id) for r in rows]
