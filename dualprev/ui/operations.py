"""Running a service call from the UI: a refusal (``UserError``) is shown as a message, a write's
changes reach the pages as one ``data_changed``, and anything else is a bug that goes on to the
crash handler.

Modelled on Anki's ``aqt.operations``: pages hand the call to one helper instead of repeating
``try/except UserError`` around every service call.

    detail = operations.attempt(self, lambda: hs.get_detail(db, hidden_danger_id, today=today))
    if detail is FAILED:
        return
"""

import logging
from collections.abc import Callable
from enum import Enum
from typing import Literal, TypeAlias, TypeVar

from PySide6.QtWidgets import QWidget

from dualprev.errors import UserError
from dualprev.ui import messages
from dualprev.ui.events import DataEvents

log = logging.getLogger(__name__)

T = TypeVar("T")


class Failed(Enum):
    """What a helper returns instead of a result when the call was refused (the user was told)."""

    FAILED = "failed"


FAILED = Failed.FAILED
Outcome: TypeAlias = T | Literal[Failed.FAILED]


def attempt(parent: QWidget | None, call: Callable[[], T]) -> Outcome[T]:
    """``call()``'s result, or FAILED after showing its UserError to the user.

    Any other exception is a bug: it is not caught here, so it reaches the crash handler and the log.
    """
    try:
        return call()
    except UserError as exc:
        log.info("refused: %s", exc.message)
        messages.show_user_error(parent, exc)
        return FAILED


def write(parent: QWidget | None, events: DataEvents, call: Callable[[], T]) -> Outcome[T]:
    """Run the write ``call`` like ``attempt``. What it committed (the database reports every
    committed unit of work) reaches the pages as one ``data_changed`` when it returns, so a page
    reloads once per user action; a refused write committed nothing and announces nothing."""
    with events.batch():
        return attempt(parent, call)
