"""重大事故隐患判定标准: enterprise sectors and special conditions, the 判定标准 self-check, and the
重大隐患 duties (判定标准 item, 产生原因, report method and number, 挂牌督办, 职代会)

Columns are added with plain ALTER TABLE ADD COLUMN (no batch rebuild), so the keyword-search
triggers of 0004 stay as they are. An existing enterprise gets its sectors guessed from its
free-text 所属行业 (机械, 冶金 …; nothing when no sector name occurs in it) and keeps GB 6441-1986
accident types: the setting is written so that only new databases default to GB 6441-2025.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXT_COLUMNS = (  # (name, length or None for TEXT)
    ("standard_item", 16),
    ("cause", None),
    ("report_method", 50),
    ("report_document_number", 100),
    ("supervised_by", 200),
    ("supervision_number", 100),
)
_DATE_COLUMNS = ("supervised_on", "closure_applied_on", "closure_approved_on", "congress_reported_on")
_SECTOR_WORDS = (  # a word in 所属行业 → sector code (domain.major_standard.Sector)
    ("冶金", "metallurgy"), ("钢", "metallurgy"), ("有色", "nonferrous"), ("铝", "nonferrous"),
    ("建材", "building_materials"), ("水泥", "building_materials"), ("机械", "machinery"),
    ("金属制品", "machinery"), ("设备制造", "machinery"), ("轻工", "light_industry"),
    ("食品", "light_industry"), ("纺织", "textile"), ("烟草", "tobacco"), ("商贸", "commerce"),
)  # fmt: skip


def upgrade() -> None:
    for name, length in _TEXT_COLUMNS:
        kind = sa.String(length=length) if length else sa.String()
        op.add_column("hidden_danger", sa.Column(name, kind, nullable=False, server_default=""))
    for name in _DATE_COLUMNS:
        op.add_column("hidden_danger", sa.Column(name, sa.Date(), nullable=True))
    for name in ("sectors", "special_conditions"):
        op.add_column("enterprise", sa.Column(name, sa.String(length=200), nullable=False, server_default=""))
    op.create_table(
        "major_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("checker_names", sa.String(length=200), nullable=False),
        sa.Column("standard_version", sa.String(length=20), nullable=False),
        sa.Column("sectors", sa.String(length=200), nullable=False),
        sa.Column("special_conditions", sa.String(length=200), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_major_check_checked_on", "major_check", ["checked_on"])
    op.create_table(
        "major_check_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("major_check_id", sa.Integer(), nullable=False),
        sa.Column("item_key", sa.String(length=16), nullable=False),
        sa.Column("item_text", sa.String(), nullable=False),
        sa.Column("answer", sa.String(length=32), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("photo_file", sa.String(length=100), nullable=False),
        sa.Column("photo_thumb", sa.String(length=100), nullable=False),
        sa.Column("hidden_danger_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["major_check_id"], ["major_check.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["hidden_danger_id"], ["hidden_danger.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_major_check_answer_major_check_id", "major_check_answer", ["major_check_id"])
    op.create_index("ix_major_check_answer_hidden_danger_id", "major_check_answer", ["hidden_danger_id"])
    bind = op.get_bind()
    for enterprise_id, industry in bind.execute(sa.text("SELECT id, industry FROM enterprise")).fetchall():
        codes = sorted({code for word, code in _SECTOR_WORDS if word in (industry or "")})
        bind.execute(
            sa.text("UPDATE enterprise SET sectors = :s WHERE id = :i"),
            {"s": ",".join(codes), "i": enterprise_id},
        )
    has_enterprise = bind.execute(sa.text("SELECT count(*) FROM enterprise")).scalar()
    if has_enterprise:
        bind.execute(
            sa.text("INSERT OR IGNORE INTO setting (key, value) VALUES ('accident_vocabulary', :v)"),
            {"v": '"GB6441-1986"'},
        )


def downgrade() -> None:
    op.drop_table("major_check_answer")
    op.drop_table("major_check")
    with op.batch_alter_table("enterprise") as batch_op:
        batch_op.drop_column("special_conditions")
        batch_op.drop_column("sectors")
    for name in reversed(_DATE_COLUMNS):
        op.drop_column("hidden_danger", name)
    for name, _length in reversed(_TEXT_COLUMNS):
        op.drop_column("hidden_danger", name)
