"""The enterprise profile, departments, people, areas and posts of the demo factory.

They are set up before anything else happens, so they are written without a date of their own.
"""

from dataclasses import asdict, replace

from dualprev.demo import content
from dualprev.demo.context import DemoContext
from dualprev.services import organisation_service as org
from dualprev.services.risks import accident_types


def set_up(ctx: DemoContext) -> None:
    """Write the enterprise and its organisation, and load the accident types the content names."""
    org.save_enterprise(ctx.db, org.EnterpriseProfile(**asdict(content.ENTERPRISE)), actor=ctx.actor)
    ctx.accident_types = {t.name: t.id for t in accident_types.accident_type_options(ctx.db)}
    if not ctx.accident_types:
        raise ValueError("the accident types are missing (migration 0002 not applied?)")
    for order, spec in enumerate(content.DEPARTMENTS):
        saved = org.save_department(
            ctx.db,
            org.DepartmentInfo(
                name=spec.name,
                kind=spec.kind,
                parent_id=ctx.department(spec.parent) if spec.parent else None,
                sort_order=order,
                note=spec.note,
            ),
            actor=ctx.actor,
        )
        ctx.departments[spec.name] = _id(saved.id)
    ctx.tally["departments"] += len(content.DEPARTMENTS)

    people: list[org.PersonInfo] = []
    for person in content.PEOPLE:
        saved_person = org.save_person(
            ctx.db,
            org.PersonInfo(
                name=person.name,
                department_id=ctx.department(person.department),
                phone=person.phone,
                role=person.role,
            ),
            actor=ctx.actor,
        )
        ctx.people[person.name] = _id(saved_person.id)
        people.append(saved_person)
    ctx.tally["people"] += len(people)

    for order, area in enumerate(content.AREAS):
        saved_area = org.save_area(
            ctx.db,
            org.AreaInfo(
                name=area.name,
                code=area.code,
                department_id=ctx.department(area.department),
                description=area.description,
                sort_order=order,
            ),
            actor=ctx.actor,
        )
        ctx.areas[area.code] = _id(saved_area.id)
    ctx.tally["areas"] += len(content.AREAS)

    # The risk points each post faces are linked when the risk points are written.
    for order, post in enumerate(content.POSTS):
        saved_post = org.save_post(
            ctx.db,
            org.PostInfo(
                name=post.name,
                department_id=ctx.department(post.department),
                area_id=ctx.area(post.area),
                work_content=post.work_content,
                workplace=post.workplace,
                headcount=post.headcount,
                responsible_person_id=ctx.person(post.responsible),
                sort_order=order,
            ),
            actor=ctx.actor,
        )
        ctx.posts[post.name] = _id(saved_post.id)
    ctx.tally["posts"] += len(content.POSTS)

    for saved_person, person in zip(people, content.PEOPLE, strict=True):
        if person.post:
            org.save_person(ctx.db, replace(saved_person, post_id=ctx.post(person.post)), actor=ctx.actor)


def _id(value: int | None) -> int:
    if value is None:
        raise AssertionError("a saved record has no id")
    return value
