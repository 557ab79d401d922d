"""全员安全生产责任清单, the leaders' 履职记录, and training (courses, sessions, attendance).

Nothing here is deleted: a record entered by mistake is voided with a reason (``void_reason``
non-empty means void), so the file an inspector sees keeps every record.
"""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from dualprev.domain.duties import DutyRecordKind, LeaderRole, TrainingKind
from dualprev.storage.models.columns import enum_field, foreign_key, utcnow


class DutyList(SQLModel, table=True):
    """责任清单 of one leader role or one post."""

    __tablename__ = "duty_list"

    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=100)  # e.g. 主要负责人 / 车工岗位
    role: LeaderRole | None = enum_field(LeaderRole, nullable=True)
    post_id: int | None = foreign_key("post.id", ondelete="RESTRICT")
    sort_order: int = 0
    void_reason: str = ""
    updated_at: datetime = Field(default_factory=utcnow)


class DutyItem(SQLModel, table=True):
    """One duty of a list, with where it comes from (e.g. 安全生产法第二十一条)."""

    __tablename__ = "duty_item"

    id: int | None = Field(default=None, primary_key=True)
    duty_list_id: int = foreign_key("duty_list.id", ondelete="CASCADE", nullable=False)
    seq: int
    text: str
    source: str = Field(default="", max_length=100)


class DutyRecord(SQLModel, table=True):
    """履职记录: a check led, a drill, a safety meeting or a safety investment."""

    __tablename__ = "duty_record"

    id: int | None = Field(default=None, primary_key=True)
    kind: DutyRecordKind = enum_field(DutyRecordKind, index=True)
    held_on: date = Field(index=True)
    leader_id: int | None = foreign_key("person.id", ondelete="RESTRICT")
    title: str = Field(max_length=200)
    attendees: str = ""
    content: str = ""  # what was checked / decided / drilled
    amount_fen: int | None = None  # 安全投入 in fen
    check_record_id: int | None = foreign_key("check_record.id", ondelete="RESTRICT")
    drill_ref: str = Field(default="", max_length=200)  # the drill's date and title, until drills link
    void_reason: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class TrainingCourse(SQLModel, table=True):
    """培训课程."""

    __tablename__ = "training_course"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    kind: TrainingKind = enum_field(TrainingKind)
    hours: int = 0  # 学时 the course plans
    content: str = ""
    void_reason: str = ""


class TrainingSession(SQLModel, table=True):
    """One training held: a course on a day, with its trainer, hours and materials."""

    __tablename__ = "training_session"

    id: int | None = Field(default=None, primary_key=True)
    course_id: int = foreign_key("training_course.id", ondelete="RESTRICT", nullable=False)
    held_on: date = Field(index=True)
    hours: int
    trainer: str = Field(default="", max_length=100)
    place: str = Field(default="", max_length=200)
    content: str = ""
    materials: str = ""  # 培训资料 (file names, handouts)
    void_reason: str = ""


class TrainingAttendance(SQLModel, table=True):
    """A person at a session, with the test result."""

    __tablename__ = "training_attendance"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = foreign_key("training_session.id", ondelete="CASCADE", nullable=False)
    person_id: int = foreign_key("person.id", ondelete="RESTRICT", nullable=False)
    score: str = Field(default="", max_length=20)  # 考试成绩 (number or 合格/不合格)
    passed: bool = True
