"""隐患整改通知单 numbers from a persistent sequence

Until now a notice's number (ZG-20261204-01) was its place in the export it came from, so two
exports on one day both began at -01. ``rectification_notice`` keeps every number issued (the
day's serial continues from the last one), and ``rectification_notice_item`` which hidden dangers
each notice lists, so a notice reprinted for the same hidden dangers keeps its number.

Only new tables: existing data is untouched (no notice was recorded before).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rectification_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("department_name", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
    )
    with op.batch_alter_table("rectification_notice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rectification_notice_issued_on"), ["issued_on"], unique=False)
    op.create_table(
        "rectification_notice_item",
        sa.Column("hidden_danger_id", sa.Integer(), nullable=False),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["hidden_danger_id"], ["hidden_danger.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["notice_id"], ["rectification_notice.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("hidden_danger_id"),
    )
    with op.batch_alter_table("rectification_notice_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_rectification_notice_item_notice_id"), ["notice_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("rectification_notice_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rectification_notice_item_notice_id"))
    op.drop_table("rectification_notice_item")
    with op.batch_alter_table("rectification_notice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rectification_notice_issued_on"))
    op.drop_table("rectification_notice")
