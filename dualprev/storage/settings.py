"""Reading and writing the enterprise's settings (the ``setting`` table) through their declarations
in ``domain.settings``: the only code that touches that table's rows."""

import copy
import logging
from typing import TypeVar

from sqlmodel import Session, col, select

from dualprev.domain.settings import (
    ALL_SETTINGS,
    InvalidSetting,
    SettingProblem,
    SettingSpec,
    decode,
    encode,
    problem_with,
)
from dualprev.storage.models import Setting

log = logging.getLogger(__name__)

T = TypeVar("T")


def read(session: Session, spec: SettingSpec[T]) -> T:
    """The setting's value; its default when it was never stored.

    A corrupt stored value also gives the default, so work goes on, but it is logged here and
    listed by :func:`problems` for the user; it stays in the file until the setting is saved again.
    """
    row = session.get(Setting, spec.key)
    if row is None:
        return copy.deepcopy(spec.default)  # a caller may change what it gets; the declaration stays
    try:
        return decode(spec, row.value)
    except InvalidSetting as exc:
        log.warning("setting %s holds an unusable value %r (%s); using its default", spec.key, row.value, exc)
        return copy.deepcopy(spec.default)


def stored(session: Session, spec: SettingSpec[T]) -> T | None:
    """The setting's stored value, or None when it was never stored or cannot be used (for a
    setting whose right fallback depends on the data rather than on a fixed default)."""
    row = session.get(Setting, spec.key)
    if row is None:
        return None
    try:
        return decode(spec, row.value)
    except InvalidSetting:
        return None


def write(session: Session, spec: SettingSpec[T], value: T) -> T:
    """Store ``value``; returns the value it replaces (for the audit diff)."""
    old = read(session, spec)
    row = session.get(Setting, spec.key) or Setting(key=spec.key)
    row.value = encode(spec, value)
    session.add(row)
    return old


def problems(session: Session) -> list[SettingProblem]:
    """Every stored setting whose value cannot be used, in declaration order."""
    keys = [spec.key for spec in ALL_SETTINGS]
    stored = {row.key: row.value for row in session.exec(select(Setting).where(col(Setting.key).in_(keys)))}
    found = []
    for spec in ALL_SETTINGS:
        if spec.key in stored:
            problem = problem_with(spec, stored[spec.key])
            if problem is not None:
                found.append(problem)
    return found
