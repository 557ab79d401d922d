"""Saved export column profiles and the audit log."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from dualprev.storage.models.columns import utcnow


class ExportProfile(SQLModel, table=True):
    """A saved column choice for an export (e.g. what one township wants in its ledger)."""

    __tablename__ = "export_profile"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    report: str = Field(max_length=50)
    columns: str = "[]"  # JSON [{"key": ..., "heading": ...}, ...] in order
    created_at: datetime = Field(default_factory=utcnow)


class AuditLog(SQLModel, table=True):
    """Who changed what, when."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(default="", max_length=50)
    action: str = Field(max_length=30)  # create / update / delete / void / regrade / import …
    entity: str = Field(max_length=50)
    entity_id: int | None = None
    summary: str = ""
    changes: str = ""  # JSON {field: [old, new]}
