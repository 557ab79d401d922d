"""risk point sign-off: 审核人/日期 and 审定人/日期 of the JHA/SCL record

Existing risk points get empty names and no dates: their records print blank boxes to be signed by
hand, as they did before.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("risk_point", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("reviewer_name", sa.String(length=50), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("reviewed_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("approver_name", sa.String(length=50), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("approved_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("risk_point", schema=None) as batch_op:
        batch_op.drop_column("approved_on")
        batch_op.drop_column("approver_name")
        batch_op.drop_column("reviewed_on")
        batch_op.drop_column("reviewer_name")
