"""Column types that store enums by their *value* (stable codes), not by their Python names."""

from collections.abc import Callable
from enum import Enum, IntEnum
from typing import Any

from sqlalchemy import Integer, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class EnumValue(TypeDecorator[Any]):
    """A StrEnum kept as its value in a VARCHAR column."""

    impl = String(32)
    cache_ok = True

    def __init__(self, enum_cls: type[Enum]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return str(self.enum_cls(value).value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Enum | None:
        return None if value is None else self.enum_cls(value)

    def result_processor(self, dialect: Dialect, coltype: Any) -> Callable[[Any], Enum | None]:
        """``process_result_value`` by a dict lookup: calling the enum class costs several times more,
        and a ledger page or export reads four enums a row."""
        members: dict[Any, Enum] = {member.value: member for member in self.enum_cls}
        enum_cls = self.enum_cls

        def process(value: Any) -> Enum | None:
            if value is None:
                return None
            member = members.get(value)
            return member if member is not None else enum_cls(value)

        return process


class IntEnumValue(TypeDecorator[Any]):
    """An IntEnum (e.g. RiskLevel) kept as its integer."""

    impl = Integer
    cache_ok = True

    def __init__(self, enum_cls: type[IntEnum]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        return None if value is None else int(self.enum_cls(value))

    def process_result_value(self, value: Any, dialect: Dialect) -> IntEnum | None:
        return None if value is None else self.enum_cls(value)
