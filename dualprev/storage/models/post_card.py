"""岗位安全风险告知卡: the user's overrides and one snapshot per print."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from dualprev.storage.models.columns import foreign_key, utcnow


class PostCardOverride(SQLModel, table=True):
    """A user's text replacing one computed field of a post's card; survives regeneration."""

    __tablename__ = "post_card_override"
    __table_args__ = (UniqueConstraint("post_id", "field_key"),)

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = foreign_key("post.id", ondelete="CASCADE", nullable=False)
    field_key: str = Field(max_length=50)
    text: str = ""
    updated_at: datetime = Field(default_factory=utcnow)


class PostCardPrint(SQLModel, table=True):
    """A printed card kept as a snapshot, to tell when the wall shows an outdated card."""

    __tablename__ = "post_card_print"

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = foreign_key("post.id", ondelete="CASCADE", nullable=False)
    revision: int
    printed_at: datetime = Field(default_factory=utcnow)
    content_hash: str = Field(max_length=64)
    snapshot: str = "{}"  # JSON of the printed content
    page_size: str = Field(default="A4", max_length=8)
