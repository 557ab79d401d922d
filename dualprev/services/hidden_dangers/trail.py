"""How every hidden-danger write leaves its trace: a timeline event (and a status change) and an
audit entry; and how a problem the domain finds is raised."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from dualprev.domain.hidden_danger import EventAction, HiddenDangerStatus
from dualprev.errors import ValidationError
from dualprev.storage import audit
from dualprev.storage.db import Session
from dualprev.storage.models import HiddenDanger, HiddenDangerEvent, utcnow


def raise_problem(problem: tuple[str, str] | str | None) -> None:
    """Raise a domain problem ((field, message) or message) as a ValidationError; None passes."""
    if problem is None:
        return
    if isinstance(problem, tuple):
        field, message = problem
        raise ValidationError(message, field or None)
    raise ValidationError(problem)


def add_event(
    session: Session,
    row: HiddenDanger,
    action: EventAction,
    actor: str,
    *,
    to: HiddenDangerStatus | None = None,
    remark: str = "",
    now: datetime | None = None,
    performed_by: str = "",
) -> None:
    """Add a timeline event at ``now`` (default: the current time); with ``to`` the row moves to
    that status. ``performed_by``: who did the step (default: the operator ``actor``)."""
    now = now or utcnow()
    from_status = row.status if to is not None else None
    if to is not None:
        row.status = to
    row.updated_at = now
    session.add(row)
    session.add(
        HiddenDangerEvent(
            hidden_danger_id=row.id or 0,
            at=now,
            actor=actor,
            performed_by=performed_by.strip()[:50] or actor,
            action=action.value,
            from_status=from_status,
            to_status=to,
            remark=remark,
        )
    )


def record_audit(
    session: Session,
    row: HiddenDanger,
    actor: str,
    action: str,
    what: str,
    changes: Mapping[str, Any] | None = None,
) -> None:
    audit.record(
        session,
        actor=actor,
        action=action,
        entity="hidden_danger",
        entity_id=row.id,
        summary=f"{row.number} {what}",
        changes=changes,
    )
