"""隐患整改通知单 as issued: each notice's number from a persistent sequence, and which hidden dangers
it was issued for, so a reprint shows the same number and a new notice never repeats one."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from dualprev.storage.models.columns import foreign_key, utcnow


class RectificationNotice(SQLModel, table=True):
    """One issued notice: ZG-20261204-01 is the first notice issued on 2026-12-04."""

    __tablename__ = "rectification_notice"

    id: int | None = Field(default=None, primary_key=True)
    number: str = Field(max_length=32, unique=True)
    issued_on: date = Field(index=True)
    serial: int  # its place among the notices issued that day (the number's last part)
    department_name: str = Field(default="", max_length=100)  # the receiving unit as printed
    created_at: datetime = Field(default_factory=utcnow)


class RectificationNoticeItem(SQLModel, table=True):
    """A hidden danger listed on a notice; a hidden danger is on one notice at a time."""

    __tablename__ = "rectification_notice_item"

    hidden_danger_id: int = Field(foreign_key="hidden_danger.id", primary_key=True, ondelete="CASCADE")
    notice_id: int = foreign_key("rectification_notice.id", ondelete="CASCADE", nullable=False)
