"""work safety records: 证书, 有限空间台账, 作业许可, 应急预案, 应急演练 and drill photos (issue 14)

New tables only; nothing existing changes, so earlier data is untouched.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "emergency_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("is_void", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "confined_space",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("area_id", sa.Integer(), nullable=True),
        sa.Column("hazards", sa.Text(), nullable=False),
        sa.Column("sign_posted", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("is_void", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["area_id"], ["area.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("confined_space", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_confined_space_area_id"), ["area_id"], unique=False)

    op.create_table(
        "certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("number", sa.String(length=64), nullable=False),
        sa.Column("issuer", sa.String(length=100), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=False),
        sa.Column("review_due_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("is_void", sa.Boolean(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_certificate_expires_on"), ["expires_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_certificate_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_certificate_review_due_on"), ["review_due_on"], unique=False)

    op.create_table(
        "work_permit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("confined_space_id", sa.Integer(), nullable=True),
        sa.Column("worker_id", sa.Integer(), nullable=True),
        sa.Column("attendant_id", sa.Integer(), nullable=True),
        sa.Column("work_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.String(length=50), nullable=False),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("issuer_name", sa.String(length=50), nullable=False),
        sa.Column("ventilated", sa.Boolean(), nullable=False),
        sa.Column("o2_percent", sa.String(length=10), nullable=False),
        sa.Column("lel_percent", sa.String(length=10), nullable=False),
        sa.Column("h2s_mg_m3", sa.String(length=10), nullable=False),
        sa.Column("co_mg_m3", sa.String(length=10), nullable=False),
        sa.Column("tester_name", sa.String(length=50), nullable=False),
        sa.Column("approver_name", sa.String(length=50), nullable=False),
        sa.Column("approved_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("close_note", sa.Text(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["attendant_id"], ["person.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["confined_space_id"], ["confined_space.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["worker_id"], ["person.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    with op.batch_alter_table("work_permit", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_work_permit_attendant_id"), ["attendant_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_work_permit_confined_space_id"), ["confined_space_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_work_permit_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_work_permit_work_on"), ["work_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_work_permit_worker_id"), ["worker_id"], unique=False)

    op.create_table(
        "drill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("form", sa.String(length=32), nullable=False),
        sa.Column("scenario", sa.Text(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("organiser", sa.String(length=50), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("participant_count", sa.Integer(), nullable=False),
        sa.Column("evaluation", sa.Text(), nullable=False),
        sa.Column("improvements", sa.Text(), nullable=False),
        sa.Column("hidden_danger_id", sa.Integer(), nullable=True),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["hidden_danger_id"], ["hidden_danger.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["plan_id"], ["emergency_plan.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("drill", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_drill_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_drill_hidden_danger_id"), ["hidden_danger_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_drill_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "drill_photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("drill_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=100), nullable=False),
        sa.Column("thumb_name", sa.String(length=100), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["drill_id"], ["drill.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("drill_photo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_drill_photo_drill_id"), ["drill_id"], unique=False)


def downgrade() -> None:
    op.drop_table("drill_photo")
    op.drop_table("drill")
    op.drop_table("work_permit")
    op.drop_table("certificate")
    op.drop_table("confined_space")
    op.drop_table("emergency_plan")
