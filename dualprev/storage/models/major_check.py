"""The 判定标准 self-check (重大事故隐患自查): one record per check, one answer per applicable item."""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from dualprev.domain.major_duties import CheckAnswer, MajorCheckKind
from dualprev.storage.models.columns import enum_field, foreign_key, utcnow


class MajorCheck(SQLModel, table=True):
    """One 年度/专项 self-check against 《工贸企业重大事故隐患判定标准》, as recorded (never edited)."""

    __tablename__ = "major_check"

    id: int | None = Field(default=None, primary_key=True)
    kind: MajorCheckKind = enum_field(MajorCheckKind, default=MajorCheckKind.ANNUAL)
    checked_on: date = Field(index=True)
    checker_names: str = Field(default="", max_length=200)
    standard_version: str = Field(default="", max_length=20)
    sectors: str = Field(default="", max_length=200)  # the scope the items were chosen by
    special_conditions: str = Field(default="", max_length=200)
    note: str = ""
    actor: str = Field(default="", max_length=50)
    created_at: datetime = Field(default_factory=utcnow)


class MajorCheckAnswer(SQLModel, table=True):
    """符合/不符合/不适用 for one item; a 不符合 links to the 重大隐患 it created."""

    __tablename__ = "major_check_answer"

    id: int | None = Field(default=None, primary_key=True)
    major_check_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("major_check.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    item_key: str = Field(max_length=16)
    item_text: str = ""  # the wording as checked (the library may be corrected later)
    answer: CheckAnswer = enum_field(CheckAnswer)
    note: str = ""
    photo_file: str = Field(default="", max_length=100)
    photo_thumb: str = Field(default="", max_length=100)
    hidden_danger_id: int | None = foreign_key("hidden_danger.id")
