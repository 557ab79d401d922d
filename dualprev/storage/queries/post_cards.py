"""岗位安全风险告知卡 reads: the facts a post's card is computed from (the post, the risk points it
faces with their hazards, accident types and measures, the enterprise), the user's overrides and
the last print of each card."""

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime

from sqlmodel import Session, col, func, select

from dualprev.domain.organisation import DepartmentKind
from dualprev.domain.post_card import (
    CardField,
    EnterpriseFacts,
    HazardFact,
    MeasureFact,
    PostFacts,
    PrintRecord,
)
from dualprev.storage.models import (
    AccidentTypeRecord,
    ControlMeasure,
    Department,
    Hazard,
    HazardAccidentType,
    Person,
    Post,
    PostCardOverride,
    PostCardPrint,
    PostRiskPoint,
    RiskPoint,
)
from dualprev.storage.queries.organisation import enterprise


def enterprise_facts(*, session: Session) -> EnterpriseFacts:
    """What a card shows about the enterprise (blank before the profile exists)."""
    row = enterprise(session=session)
    if row is None:
        return EnterpriseFacts(name="")
    return EnterpriseFacts(
        name=row.name,
        code=row.code,
        duty_phone=row.duty_phone,
        safety_manager_name=row.safety_manager_name,
        safety_manager_phone=row.safety_manager_phone,
    )


def post_facts(*, session: Session, post_ids: Sequence[int] | None) -> list[PostFacts]:
    """Facts of the posts (all, or ``post_ids``) in post order, with a handful of set-wide queries."""
    post_query = select(Post).order_by(col(Post.sort_order), col(Post.id))
    links_query = select(PostRiskPoint)
    faced_points = select(PostRiskPoint.risk_point_id)
    if post_ids is not None:
        # Only what these posts face: a preview must not load the whole inventory.
        post_query = post_query.where(col(Post.id).in_(list(post_ids)))
        links_query = links_query.where(col(PostRiskPoint.post_id).in_(list(post_ids)))
        faced_points = faced_points.where(col(PostRiskPoint.post_id).in_(list(post_ids)))
    posts = session.exec(post_query).all()
    departments = {d.id: d for d in session.exec(select(Department)).all()}
    people = {p.id: p for p in session.exec(select(Person)).all()}
    faced: dict[int, list[int]] = {}
    for link in session.exec(links_query).all():
        faced.setdefault(link.post_id, []).append(link.risk_point_id)
    points = {
        rp.id: rp for rp in session.exec(select(RiskPoint).where(col(RiskPoint.id).in_(faced_points))).all()
    }
    hazards_by_point: dict[int, list[Hazard]] = {}
    hazard_query = (
        select(Hazard)
        .where(col(Hazard.risk_point_id).in_(faced_points))
        .order_by(col(Hazard.risk_point_id), col(Hazard.seq), col(Hazard.id))
    )
    for h in session.exec(hazard_query).all():
        hazards_by_point.setdefault(h.risk_point_id, []).append(h)
    faced_hazards = select(Hazard.id).where(col(Hazard.risk_point_id).in_(faced_points))
    types: dict[int, list[str]] = {}
    for hazard_id, name in session.exec(
        select(HazardAccidentType.hazard_id, AccidentTypeRecord.name)
        .join(AccidentTypeRecord, col(AccidentTypeRecord.id) == col(HazardAccidentType.accident_type_id))
        .where(col(HazardAccidentType.hazard_id).in_(faced_hazards))
        .order_by(col(AccidentTypeRecord.sort_order), col(AccidentTypeRecord.code))
    ).all():
        types.setdefault(hazard_id, []).append(name)
    measures: dict[int, list[MeasureFact]] = {}
    for m in session.exec(
        select(ControlMeasure)
        .where(col(ControlMeasure.hazard_id).in_(faced_hazards))
        .order_by(col(ControlMeasure.sort_order), col(ControlMeasure.id))
    ).all():
        measures.setdefault(m.hazard_id, []).append(MeasureFact(m.category, m.content, m.is_existing))

    def point_key(rp_id: int) -> tuple[int, str, int]:
        rp = points[rp_id]
        return rp.sort_order, rp.code, rp_id

    facts = []
    for post in posts:
        post_id = post.id or 0
        rp_ids = sorted((rp for rp in faced.get(post_id, []) if rp in points), key=point_key)
        hazards = tuple(
            HazardFact(
                description=h.description,
                level=h.current_level,
                accident_types=tuple(types.get(h.id or 0, ())),
                measures=tuple(measures.get(h.id or 0, ())),
                context=f"{points[rp].name} {h.step_or_item}",
            )
            for rp in rp_ids
            for h in hazards_by_point.get(rp, [])
        )
        person = people.get(post.responsible_person_id)
        department, team = _department_and_team(departments, post.department_id)
        facts.append(
            PostFacts(
                post_id=post_id,
                post_name=post.name,
                department=department,
                team=team,
                workplace=post.workplace,
                work_content=post.work_content,
                responsible_name=person.name if person else "",
                responsible_phone=person.phone if person else "",
                risk_point_count=len(rp_ids),
                hazards=hazards,
            )
        )
    return facts


def _department_and_team(departments: dict[int | None, Department], dept_id: int | None) -> tuple[str, str]:
    """(the department or workshop, the 班组) of a post placed in ``dept_id``: a post placed in a
    班组 belongs to the workshop above it."""
    dept = departments.get(dept_id)
    if dept is None:
        return "", ""
    if dept.kind is not DepartmentKind.TEAM:
        return dept.name, ""
    parent = departments.get(dept.parent_id)
    seen = {dept.id}
    while parent is not None and parent.kind is DepartmentKind.TEAM and parent.id not in seen:
        seen.add(parent.id)
        parent = departments.get(parent.parent_id)
    return (parent.name if parent is not None else ""), dept.name


def overrides(*, session: Session, post_ids: set[int]) -> dict[int, dict[CardField, str]]:
    """The user's text per overridden field of each of the posts."""
    known = {f.value: f for f in CardField if f.overridable}
    result: dict[int, dict[CardField, str]] = {}
    for row in session.exec(select(PostCardOverride).order_by(col(PostCardOverride.id))).all():
        if row.post_id in post_ids and row.field_key in known:
            result.setdefault(row.post_id, {})[known[row.field_key]] = row.text
    return result


def _local_date(moment: datetime) -> date:
    """A stored UTC timestamp (SQLite returns it naive) as a local calendar date."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone().date()


def last_prints(*, session: Session, post_ids: set[int]) -> dict[int, tuple[PrintRecord, date]]:
    """The last print of each of the posts' cards that has been printed, with its local date."""
    latest = select(func.max(PostCardPrint.id)).group_by(col(PostCardPrint.post_id))
    result: dict[int, tuple[PrintRecord, date]] = {}
    for row in session.exec(select(PostCardPrint).where(col(PostCardPrint.id).in_(latest))).all():
        if row.post_id not in post_ids:
            continue
        try:
            snap = json.loads(row.snapshot)
        except ValueError:
            snap = {}
        snap = snap if isinstance(snap, dict) else {}
        printed_on = _local_date(row.printed_at)
        try:
            revision_date = date.fromisoformat(str(snap.get("revision_date")))
        except ValueError:
            revision_date = printed_on
        result[row.post_id] = (PrintRecord(row.revision, revision_date, row.content_hash, snap), printed_on)
    return result


def override_rows(*, session: Session, post_id: int) -> Sequence[PostCardOverride]:
    """The stored overrides of one post's card."""
    return session.exec(select(PostCardOverride).where(PostCardOverride.post_id == post_id)).all()
