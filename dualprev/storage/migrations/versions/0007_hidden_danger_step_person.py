"""hidden-danger steps record who did them: ``hidden_danger_event.performed_by``

Each step of a hidden danger (登记, 开始整改, 整改完成, 验收, 退回, 作废, 治理方案, 上报, 评估) is done by a
person chosen in its dialog, who need not be the operator at the keyboard (``actor``, kept for the
audit log). Existing events get the operator's name: until now the operator stood for both.

Only a column is added to hidden_danger_event, a table the search triggers of 0004 do not name.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("hidden_danger_event", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("performed_by", sa.String(length=50), nullable=False, server_default="")
        )
    op.execute("UPDATE hidden_danger_event SET performed_by = actor")


def downgrade() -> None:
    with op.batch_alter_table("hidden_danger_event", schema=None) as batch_op:
        batch_op.drop_column("performed_by")
