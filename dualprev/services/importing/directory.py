"""Departments, people, posts and accident types looked up by name inside one import's session,
created when missing and counted, so a file of 10,000 rows asks the database once, not per row."""

from collections import Counter

from dualprev.domain.importing.cells import fold
from dualprev.services.risks.accident_types import vocabulary_in
from dualprev.storage.db import Session
from dualprev.storage.models import Department, Person, Post
from dualprev.storage.queries import importing as queries


class Directory:
    """Name → id of the enterprise's departments, people and posts, growing as the import adds them."""

    def __init__(self, session: Session, created: Counter[str]) -> None:
        self._session = session
        self._created = created
        self._departments: dict[str, int] = {}
        for dept in queries.departments_by_id(session=session):
            self._departments.setdefault(fold(dept.name), dept.id or 0)
        self._department_names = {i: n for n, i in self._departments.items()}
        self._people: dict[str, list[tuple[int, int | None]]] = {}
        for person in queries.people_by_id(session=session):
            self._people.setdefault(fold(person.name), []).append((person.id or 0, person.department_id))
        self._posts: dict[tuple[str, int | None], int] = {
            (fold(p.name), p.department_id): p.id or 0 for p in queries.posts_by_id(session=session)
        }
        vocabulary = vocabulary_in(session)
        self.accident_types = queries.accident_type_ids(session=session, vocabulary=vocabulary)

    def department(self, name: str) -> int | None:
        """The department called ``name`` (created at the top level when there is none); None for ""."""
        key = fold(name)
        if not key:
            return None
        if key not in self._departments:
            row = Department(name=name.strip()[:100])
            self._session.add(row)
            self._session.flush()
            assert row.id is not None
            self._departments[key] = row.id
            self._created["departments"] += 1
        return self._departments[key]

    def find_person(self, name: str, department: str = "") -> int | None:
        """The person called ``name`` (in ``department`` when several share the name), or None."""
        matches = self._people.get(fold(name), [])
        if not matches:
            return None
        wanted = self._departments.get(fold(department)) if department else None
        for person_id, dept_id in matches:
            if wanted is not None and dept_id == wanted:
                return person_id
        return matches[0][0] if wanted is None or not department else None

    def person(self, name: str, department: str = "") -> int | None:
        """The person called ``name``, created (in ``department``) when missing; None for ""."""
        if not fold(name):
            return None
        found = self.find_person(name, department)
        if found is not None:
            return found
        return self.add_person(Person(name=name.strip(), department_id=self.department(department)))

    def add_person(self, row: Person) -> int:
        self._session.add(row)
        self._session.flush()
        assert row.id is not None
        self._people.setdefault(fold(row.name), []).append((row.id, row.department_id))
        self._created["people"] += 1
        return row.id

    def has_person(self, name: str, department: str) -> bool:
        """Whether ``name`` is already on the staff list in ``department`` (the people import's match)."""
        dept_id = self._departments.get(fold(department)) if fold(department) else None
        if fold(department) and dept_id is None:
            return False
        return any(d == dept_id for _id, d in self._people.get(fold(name), []))

    def post(self, name: str, department_id: int | None) -> int | None:
        key = (fold(name), department_id)
        if not key[0]:
            return None
        if key not in self._posts:
            row = Post(name=name.strip()[:100], department_id=department_id)
            self._session.add(row)
            self._session.flush()
            assert row.id is not None
            self._posts[key] = row.id
        return self._posts[key]
