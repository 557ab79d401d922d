"""Organisation vocabulary: departments, workshops and teams."""

from enum import StrEnum


class DepartmentKind(StrEnum):
    """部门 / 车间 / 班组 (a team is an optional level under a department or workshop)."""

    DEPARTMENT = "department"
    WORKSHOP = "workshop"
    TEAM = "team"

    @property
    def label(self) -> str:
        return {"department": "部门", "workshop": "车间", "team": "班组"}[self.value]
