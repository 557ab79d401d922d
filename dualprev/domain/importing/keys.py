"""Duplicate-detection keys: what makes two rows "the same" after normalising spaces and width."""

from datetime import date

from dualprev.domain.importing.cells import fold


def hazard_key(step_or_item: str, description: str) -> tuple[str, str]:
    """A hazard under one risk point: its step/item and its description."""
    return fold(step_or_item), fold(description)


def risk_point_key(code: str, name: str) -> str:
    """A risk point: its code when it has one, else its name."""
    return "code:" + fold(code) if fold(code) else "name:" + fold(name)


def ledger_key(found_on: date, description: str) -> tuple[date, str]:
    """A hidden danger: the day it was found and its description."""
    return found_on, fold(description)


def person_key(name: str, department: str) -> tuple[str, str]:
    """A person: name and department."""
    return fold(name), fold(department)
