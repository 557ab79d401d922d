"""What the steps of the demo share: the database, the build day, the clock, and the ids of what
has been written so far, looked up by the names and codes the content uses."""

import random
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from dualprev.demo.timeline import Timeline
from dualprev.domain import accident_type_mapping
from dualprev.storage.db import Database

DEMO_SEED = 20160411
"""Fixed seed: the same ``today`` always gives the same demo."""

IDENTIFICATION_DAYS_AGO = 200
"""The annual risk identification and evaluation took place this many days before ``today``."""


def lookup(mapping: Mapping[str, int], key: str, what: str) -> int:
    try:
        return mapping[key]
    except KeyError:
        raise ValueError(f"demo content refers to an unknown {what}: {key!r}") from None


@dataclass
class DemoContext:
    db: Database
    today: date
    actor: str
    """Who sets the enterprise up (organisation, inventory, plans); people named in the content
    record their own checks and hidden-danger steps."""
    timeline: Timeline
    rng: random.Random = field(default_factory=lambda: random.Random(DEMO_SEED))
    departments: dict[str, int] = field(default_factory=dict)
    people: dict[str, int] = field(default_factory=dict)
    areas: dict[str, int] = field(default_factory=dict)
    posts: dict[str, int] = field(default_factory=dict)
    risk_points: dict[str, int] = field(default_factory=dict)
    accident_types: dict[str, int] = field(default_factory=dict)
    hazards: dict[tuple[str, int], int] = field(default_factory=dict)
    """Hazard ids by (risk point code, seq)."""
    tally: Counter[str] = field(default_factory=Counter)
    """How many rows of each kind the demo asked the services to write."""

    @property
    def ident_on(self) -> date:
        """The day of this year's risk identification and evaluation."""
        return self.today - timedelta(days=IDENTIFICATION_DAYS_AGO)

    @property
    def first_ident_on(self) -> date:
        """The day of the first identification, a year earlier."""
        return self.ident_on - timedelta(days=365)

    def department(self, name: str) -> int:
        return lookup(self.departments, name, "department")

    def person(self, name: str) -> int:
        return lookup(self.people, name, "person")

    def area(self, code: str) -> int:
        return lookup(self.areas, code, "area")

    def optional_area(self, code: str) -> int | None:
        return self.area(code) if code else None

    def risk_point(self, code: str) -> int:
        return lookup(self.risk_points, code, "risk point")

    def optional_risk_point(self, code: str) -> int | None:
        return self.risk_point(code) if code else None

    def post(self, name: str) -> int:
        return lookup(self.posts, name, "post")

    def accident_type_ids(self, names: Iterable[str], text: str) -> tuple[int, ...]:
        """Ids of the content's GB 6441-1986 ``names`` in the database's vocabulary: a new database
        uses GB 6441-2025, so they go through the mapping, ``text`` deciding 其他爆炸."""
        names = tuple(names)
        if not all(name in self.accident_types for name in names):
            names, undecided = accident_type_mapping.names_in_2025(names, text)
            if undecided:
                raise ValueError(f"demo text does not decide {undecided} in GB 6441-2025: {text}")
        return tuple(lookup(self.accident_types, name, "accident type") for name in names)
