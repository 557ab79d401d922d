"""Photos of hidden dangers."""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from dualprev.storage.models import Photo


def hidden_danger_photos(*, session: Session, hidden_danger_id: int) -> Sequence[Photo]:
    """The photos of a hidden danger in the order they were added."""
    query = select(Photo).where(Photo.hidden_danger_id == hidden_danger_id).order_by(col(Photo.id))
    return session.exec(query).all()
