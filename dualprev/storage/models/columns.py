"""Column helpers shared by the table modules: enums by value, risk levels, foreign keys, UTC now."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field

from dualprev.domain.risk import RiskLevel
from dualprev.storage.types import EnumValue, IntEnumValue


def utcnow() -> datetime:
    return datetime.now(UTC)


def enum_field(enum_cls: Any, *, nullable: bool = False, default: Any = ..., index: bool = False) -> Any:
    if default is ...:
        default = None if nullable else ...
    return Field(default=default, sa_type=EnumValue(enum_cls), nullable=nullable, index=index)


def level_field(*, nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_type=IntEnumValue(RiskLevel), nullable=nullable, index=index)


def foreign_key(
    target: str,
    *,
    ondelete: str = "SET NULL",
    nullable: bool = True,
    index: bool = True,
    cycle_name: str = "",
) -> Any:
    """A foreign key column; SET NULL for optional references, CASCADE for owned children.

    ``cycle_name`` names a key that closes a reference cycle (post ↔ person) so the metadata can
    still be sorted.
    """
    key = ForeignKey(target, ondelete=ondelete, use_alter=bool(cycle_name), name=cycle_name or None)
    return Field(default=None, sa_column=Column(Integer, key, nullable=nullable, index=index))
