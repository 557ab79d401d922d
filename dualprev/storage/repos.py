"""Small queries every service needs: a row that must exist, and the names of a table's rows."""

from typing import Any

from sqlmodel import Session, select

from dualprev.errors import NotFoundError
from dualprev.storage.models import Area, Department, Person


def get_or_raise(session: Session, model: Any, row_id: int, what: str) -> Any:
    """The ``model`` row with ``row_id``; NotFoundError naming ``what`` when it does not exist."""
    row = session.get(model, row_id)
    if row is None:
        raise NotFoundError(f"{what}不存在（编号 {row_id}），可能已被删除")
    return row


def names_by_id(session: Session, model: type[Department] | type[Area] | type[Person]) -> dict[int, str]:
    """``{id: name}`` of every row of a named table (one query, for lists that show many names)."""
    return {row_id: name for row_id, name in session.exec(select(model.id, model.name)).all() if row_id}
