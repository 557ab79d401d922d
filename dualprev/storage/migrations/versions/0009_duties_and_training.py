"""duties and training: 责任清单, 履职记录, training courses, sessions and attendance

Adds tables only; existing data is untouched. Records are voided (``void_reason``), never deleted.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "training_course",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "training_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("course_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Integer(), nullable=False),
        sa.Column("trainer", sa.String(length=100), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("materials", sa.Text(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["course_id"], ["training_course.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("training_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_session_course_id"), ["course_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_training_session_held_on"), ["held_on"], unique=False)

    op.create_table(
        "duty_list",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=True),
        sa.Column("post_id", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["post_id"], ["post.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("duty_list", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duty_list_post_id"), ["post_id"], unique=False)

    op.create_table(
        "duty_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("duty_list_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["duty_list_id"], ["duty_list.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("duty_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duty_item_duty_list_id"), ["duty_list_id"], unique=False)

    op.create_table(
        "training_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.String(length=20), nullable=False),
        sa.Column("passed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["session_id"], ["training_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("training_attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_attendance_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_training_attendance_session_id"), ["session_id"], unique=False)

    op.create_table(
        "duty_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("leader_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("attendees", sa.Text(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=True),
        sa.Column("check_record_id", sa.Integer(), nullable=True),
        sa.Column("drill_ref", sa.String(length=200), nullable=False),
        sa.Column("void_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["check_record_id"], ["check_record.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["leader_id"], ["person.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("duty_record", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duty_record_check_record_id"), ["check_record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_duty_record_held_on"), ["held_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_duty_record_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_duty_record_leader_id"), ["leader_id"], unique=False)


def downgrade() -> None:
    op.drop_table("duty_record")
    op.drop_table("training_attendance")
    op.drop_table("duty_item")
    op.drop_table("duty_list")
    op.drop_table("training_session")
    op.drop_table("training_course")
