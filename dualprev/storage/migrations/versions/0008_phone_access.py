"""手机端 on the factory LAN: paired phones, pairing codes, 随手拍 reports awaiting review with their
photos, and the ids of phone requests already carried out (so a resent request changes nothing)

New tables only; existing data is untouched.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UTC = sa.DateTime(timezone=True)


def _index(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "phone_device",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("paired_at", _UTC, nullable=False),
        sa.Column("last_seen_at", _UTC, nullable=True),
        sa.Column("last_address", sa.String(length=64), nullable=False),
        sa.Column("revoked_at", _UTC, nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    _index("phone_device", "person_id")
    op.create_table(
        "phone_pairing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("used_at", _UTC, nullable=True),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["device_id"], ["phone_device.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("phone_pairing", "code", "device_id", "person_id")
    op.create_table(
        "phone_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.String(length=64), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("result", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["device_id"], ["phone_device.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("client_id"),
    )
    _index("phone_request", "device_id")
    op.create_table(
        "phone_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.Integer(), nullable=True),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("reporter_name", sa.String(length=50), nullable=False),
        sa.Column("device_name", sa.String(length=40), nullable=False),
        sa.Column("description", sa.String(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("level_suggestion", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("reviewed_at", _UTC, nullable=True),
        sa.Column("reviewer", sa.String(length=50), nullable=False),
        sa.Column("reject_reason", sa.String(length=200), nullable=False),
        sa.Column("hidden_danger_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["device_id"], ["phone_device.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["hidden_danger_id"], ["hidden_danger.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("phone_report", "area_id", "device_id", "hidden_danger_id", "person_id", "post_id", "status")
    op.create_table(
        "phone_report_photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=80), nullable=False),
        sa.Column("thumb_name", sa.String(length=80), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("taken_at", _UTC, nullable=True),
        sa.ForeignKeyConstraint(["report_id"], ["phone_report.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    _index("phone_report_photo", "report_id")


def downgrade() -> None:
    for table in ("phone_report_photo", "phone_report", "phone_request", "phone_pairing", "phone_device"):
        op.drop_table(table)
