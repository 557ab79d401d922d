"""One row of a 人员花名册: name, department, post, 职务, phone.

ID numbers are personal data: a column of them is recognised (so it is not mistaken for anything
else) and never kept.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from dualprev.domain.importing import cells
from dualprev.domain.importing.cells import CellProblem, CellValue
from dualprev.domain.importing.risk_rows import Problems
from dualprev.domain.validation import phone_problem

_ACTIVE = {"在职": True, "在岗": True, "是": True, "离职": False, "调离": False, "退休": False, "否": False}
MAX_NAME_LENGTH = 50


@dataclass(frozen=True)
class PersonRow:
    name: str
    department: str = ""
    post: str = ""
    role: str = ""
    phone: str = ""
    is_active: bool = True
    note: str = ""


def _active(value: CellValue) -> bool:
    raw = cells.text(value)
    if not raw:
        return True
    try:
        return _ACTIVE[cells.fold(raw)]
    except KeyError:
        raise CellProblem(f"状态“{raw}”无法识别（在职或离职）") from None


def _phone(value: CellValue) -> str:
    phone = cells.folded_text(value)
    problem = phone_problem(phone) if phone else None
    if problem:
        raise CellProblem(problem)
    return phone


def parse_row(values: Mapping[str, CellValue]) -> PersonRow:
    """Read one row (field key → cell). Raises CellProblem with every problem found, joined by "；"."""
    p = Problems()
    name = cells.folded_text(values.get("name"))
    if not name:
        p.add("缺少姓名")
    elif len(name) > MAX_NAME_LENGTH:
        p.add(f"姓名不能超过{MAX_NAME_LENGTH}个字")
    phone = p.read(_phone, values.get("phone"))
    active = p.read(_active, values.get("status"))
    p.raise_any()
    return PersonRow(
        name=name,
        department=cells.text(values.get("department")),
        post=cells.text(values.get("post")),
        role=cells.text(values.get("role")),
        phone=phone or "",
        is_active=active is not False,
        note=cells.text(values.get("note")),
    )
