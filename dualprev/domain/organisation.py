"""Organisation vocabulary: departments, workshops and teams; the rules of the enterprise profile and
of a person."""

from collections.abc import Mapping
from enum import StrEnum

from dualprev.domain.validation import FieldProblem, phone_problem, required_problem, uscc_problem


class DepartmentKind(StrEnum):
    """部门 / 车间 / 班组 (a team is an optional level under a department or workshop)."""

    DEPARTMENT = "department"
    WORKSHOP = "workshop"
    TEAM = "team"

    @property
    def label(self) -> str:
        return {"department": "部门", "workshop": "车间", "team": "班组"}[self.value]


ENTERPRISE_PHONES: tuple[tuple[str, str], ...] = (
    ("principal_phone", "主要负责人电话"),
    ("safety_manager_phone", "安全管理人员电话"),
    ("phone", "联系电话"),
    ("duty_phone", "应急值班电话"),
)
"""The phone fields of the enterprise profile with their labels."""


def enterprise_problems(
    name: str, uscc: str, phones: Mapping[str, str], employee_count: int | None, code: str
) -> list[FieldProblem]:
    """Every field of the enterprise profile (企业档案) that breaks a rule, as ``(field, message)``;
    ``phones`` maps the fields of :data:`ENTERPRISE_PHONES` to their numbers."""
    problems: list[FieldProblem] = []
    for field, problem in (("name", required_problem(name, "企业名称")), ("uscc", uscc_problem(uscc))):
        if problem:
            problems.append((field, problem))
    for field, label in ENTERPRISE_PHONES:
        problem = phone_problem(phones.get(field, ""))
        if problem:
            problems.append((field, f"{label}：{problem}"))
    if employee_count is not None and not 0 < employee_count < 100000:
        problems.append(("employee_count", "职工人数应为 1 到 99999 之间的整数"))
    if code and not code.replace("-", "").isalnum():
        problems.append(("code", "企业简码只能包含字母、数字和短横线"))
    return problems


def person_problems(name: str, phone: str) -> list[FieldProblem]:
    """Every field of a person (人员) that breaks a rule, as ``(field, message)``."""
    found = (("name", required_problem(name, "姓名", 50)), ("phone", phone_problem(phone)))
    return [(field, problem) for field, problem in found if problem]
