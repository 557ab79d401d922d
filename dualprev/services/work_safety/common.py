"""What every work-safety write shares: refusing bad input, voiding with a reason, the audit trail."""

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any, TypeVar

from dualprev.errors import NotFoundError, ValidationError
from dualprev.storage import audit
from dualprev.storage.db import Session

T = TypeVar("T")


def raise_problems(problems: Mapping[str, str]) -> None:
    """Raise the first problem as a ValidationError naming its field; nothing when there is none."""
    for field, message in problems.items():
        raise ValidationError(message, field)


def void_reason(reason: str) -> str:
    """The reason, stripped; refused when empty (a record is never voided silently)."""
    text = reason.strip()
    if not text:
        raise ValidationError("请填写作废原因", "reason")
    return text


def get_row(session: Session, model: type[T], row_id: int, what: str) -> T:
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(f"{what}不存在（可能已被其他窗口修改），请刷新后重试")
    return row


def write_audit(
    session: Session,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    summary: str,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
) -> None:
    """An audit entry with the fields that changed between ``before`` and ``after``."""
    changes = audit.diff(before or {}, after or {}) if after is not None else None
    audit.record(
        session,
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary,
        changes=changes,
    )


def void_row(
    session: Session,
    model: type[Any],
    row_id: int,
    reason: str,
    *,
    what: str,
    already: str,
    entity: str,
    actor: str,
) -> None:
    """Mark a plain record (no state machine) void with its reason and audit it; ``already`` refuses a second time."""
    text = void_reason(reason)
    row = get_row(session, model, row_id, what)
    if row.is_void:
        raise ValidationError(already)
    row.is_void, row.void_reason = True, text
    session.add(row)
    write_audit(
        session, actor=actor, action="void", entity=entity, entity_id=row.id,
        summary=f"作废{what} {row.name}：{text}",
    )  # fmt: skip


def fields_of(row: Any, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}


def stripped(data: Any) -> dict[str, Any]:
    """The text fields of a dataclass, stripped (enums, though str, are left alone)."""
    return {k: v.strip() for k, v in asdict(data).items() if type(v) is str}


def save_plain_row(
    session: Session, model: type[Any], row_id: int | None, data: Any, *, what: str, entity: str, summary: str,
    actor: str,
) -> int:  # fmt: skip
    """Create (``row_id`` None) or update a plain record (no state machine) from the dataclass
    ``data``, whose fields are the row's, with an audit entry of what changed; the row's id."""
    names = tuple(asdict(data))
    if row_id is None:
        row, before = model(**asdict(data)), {}
    else:
        row = get_row(session, model, row_id, what)
        before = fields_of(row, names)
        for name, value in asdict(data).items():
            setattr(row, name, value)
    session.add(row)
    session.flush()
    write_audit(
        session, actor=actor, action="create" if row_id is None else "update", entity=entity,
        entity_id=row.id, summary=summary, before=before, after=fields_of(row, names),
    )  # fmt: skip
    return int(row.id or 0)
