"""What the duty and training services share: stripping input, raising the first problem,
voiding a record with its reason and an audit entry."""

from dualprev.domain.duties import void_problem
from dualprev.errors import ValidationError
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import DutyList, DutyRecord, TrainingCourse, TrainingSession
from dualprev.storage.repos import get_or_raise

Voidable = type[DutyList] | type[DutyRecord] | type[TrainingCourse] | type[TrainingSession]


def check(problem: str | None, field: str | None = None) -> None:
    if problem:
        raise ValidationError(problem, field)


def void(
    db: Database, model: Voidable, row_id: int, reason: str, *, what: str, entity: str, actor: str
) -> None:
    """Mark the record void with ``reason`` (never delete it) and audit it."""
    with db.session() as s:
        row = get_or_raise(s, model, row_id, what)
        check(void_problem(bool(row.void_reason), reason), "void_reason")
        row.void_reason = reason.strip()
        s.add(row)
        name = getattr(row, "title", "") or getattr(row, "name", "") or str(row_id)
        audit.record(s, actor=actor, action="void", entity=entity, entity_id=row_id,
                     summary=f"作废{what}：{name}（{row.void_reason}）",
                     changes={"void_reason": ["", row.void_reason]})  # fmt: skip
