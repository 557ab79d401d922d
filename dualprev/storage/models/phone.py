"""手机端: paired phones, their pairing codes, the 随手拍 reports waiting for review with their
photos, and the request ids that make every phone write happen once."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from dualprev.domain.phone import LevelSuggestion, PhoneRole, ReportStatus
from dualprev.storage.models.columns import enum_field, foreign_key, utcnow


class PhoneDevice(SQLModel, table=True):
    """A paired phone, bound to a person; only the hash of its secret is kept."""

    __tablename__ = "phone_device"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = foreign_key("person.id", ondelete="CASCADE", nullable=False)
    name: str = Field(max_length=40)
    role: PhoneRole = enum_field(PhoneRole, default=PhoneRole.WORKER)
    token_hash: str = Field(max_length=64, unique=True)
    paired_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime | None = None
    last_address: str = Field(default="", max_length=64)
    revoked_at: datetime | None = None


class PhonePairing(SQLModel, table=True):
    """A short-lived pairing code shown on the PC, for one phone of one person."""

    __tablename__ = "phone_pairing"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=12, index=True)
    person_id: int = foreign_key("person.id", ondelete="CASCADE", nullable=False)
    role: PhoneRole = enum_field(PhoneRole, default=PhoneRole.WORKER)
    created_at: datetime = Field(default_factory=utcnow)
    used_at: datetime | None = None
    device_id: int | None = foreign_key("phone_device.id")


class PhoneReport(SQLModel, table=True):
    """随手拍: a hidden danger reported from a phone, 待审核 until accepted into the ledger or rejected."""

    __tablename__ = "phone_report"

    id: int | None = Field(default=None, primary_key=True)
    device_id: int | None = foreign_key("phone_device.id")
    person_id: int | None = foreign_key("person.id")
    reporter_name: str = Field(default="", max_length=50)
    device_name: str = Field(default="", max_length=40)
    description: str
    location: str = Field(default="", max_length=200)
    post_id: int | None = foreign_key("post.id")
    area_id: int | None = foreign_key("area.id")
    level_suggestion: LevelSuggestion = enum_field(LevelSuggestion, default=LevelSuggestion.UNSURE)
    status: ReportStatus = enum_field(ReportStatus, default=ReportStatus.PENDING, index=True)
    created_at: datetime = Field(default_factory=utcnow)
    reviewed_at: datetime | None = None
    reviewer: str = Field(default="", max_length=50)
    reject_reason: str = Field(default="", max_length=200)
    hidden_danger_id: int | None = foreign_key("hidden_danger.id")


class PhoneReportPhoto(SQLModel, table=True):
    """A photo sent with a report; the file lives beside the database like every photo."""

    __tablename__ = "phone_report_photo"

    id: int | None = Field(default=None, primary_key=True)
    report_id: int = foreign_key("phone_report.id", ondelete="CASCADE", nullable=False)
    file_name: str = Field(max_length=80)
    thumb_name: str = Field(default="", max_length=80)
    width: int = 0
    height: int = 0
    original_name: str = Field(default="", max_length=260)
    taken_at: datetime | None = None


class PhoneRequest(SQLModel, table=True):
    """A write a phone made, by its client-generated id: a repeat (resend, replay) changes nothing."""

    __tablename__ = "phone_request"

    id: int | None = Field(default=None, primary_key=True)
    client_id: str = Field(max_length=64, unique=True)
    device_id: int | None = foreign_key("phone_device.id")
    kind: str = Field(max_length=30)
    created_at: datetime = Field(default_factory=utcnow)
    result: str = ""
