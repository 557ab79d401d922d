"""Checks the risk-point and hazard writes share: problems raised as ValidationError, text trimmed,
references that must exist."""

from dataclasses import asdict, replace
from typing import Any, Protocol

from dualprev.errors import ValidationError
from dualprev.storage.db import Session
from dualprev.storage.models import Area, Department, Person
from dualprev.storage.repos import get_or_raise


def check(problem: str | None, field: str) -> None:
    """Raise ``problem`` (if any) as a ValidationError on ``field``."""
    if problem:
        raise ValidationError(problem, field)


def max_length(value: str, label: str, limit: int, field: str) -> None:
    if len(value) > limit:
        raise ValidationError(f"{label}不能超过{limit}个字符", field)


def check_refs(
    session: Session,
    *,
    department_id: int | None = None,
    person_id: int | None = None,
    area_id: int | None = None,
) -> None:
    """NotFoundError for a given department, person or area that does not exist."""
    if department_id is not None:
        get_or_raise(session, Department, department_id, "责任单位")
    if person_id is not None:
        get_or_raise(session, Person, person_id, "责任人")
    if area_id is not None:
        get_or_raise(session, Area, area_id, "区域")


class _HasId(Protocol):
    id: int | None


def flushed_id(row: _HasId) -> int:
    """The id of a flushed row."""
    if row.id is None:
        raise AssertionError(f"{type(row).__name__} has not been flushed")
    return row.id


def stripped(info: Any) -> Any:
    """A copy of the dataclass ``info`` with every str field trimmed."""
    return replace(info, **{k: v.strip() for k, v in asdict(info).items() if isinstance(v, str)})
