"""reference data: GB 6441-1986 accident types and default settings

Vocabularies are versioned with the schema, so a later vocabulary (GB 6441-2025) arrives as a
migration too. The rows are written out here, frozen, rather than imported from the domain code.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_GB6441_1986 = [
    ("01", "物体打击", False), ("02", "车辆伤害", False), ("03", "机械伤害", False), ("04", "起重伤害", False),
    ("05", "触电", False), ("06", "淹溺", False), ("07", "灼烫", False), ("08", "火灾", False),
    ("09", "高处坠落", False), ("10", "坍塌", False), ("11", "冒顶片帮", True), ("12", "透水", True),
    ("13", "放炮", True), ("14", "火药爆炸", True), ("15", "瓦斯爆炸", True), ("16", "锅炉爆炸", False),
    ("17", "容器爆炸", False), ("18", "其他爆炸", False), ("19", "中毒和窒息", False), ("20", "其他伤害", False),
]  # fmt: skip

_SETTINGS = {
    "accident_vocabulary": "GB6441-1986",
    "scheme.LEC": "LEC-4C",
    "scheme.LS": "LS-SD",
    "tier_by_level": {"1": "company", "2": "company", "3": "workshop", "4": "team"},
    "deadline_days.general": 7,
    "deadline_days.team": 3,
    "hidden_danger_number_prefix": "YH",
}


def upgrade() -> None:
    accident_type = sa.table(
        "accident_type",
        sa.column("vocabulary", sa.String),
        sa.column("code", sa.String),
        sa.column("name", sa.String),
        sa.column("mining_only", sa.Boolean),
        sa.column("sort_order", sa.Integer),
    )
    op.bulk_insert(
        accident_type,
        [
            {"vocabulary": "GB6441-1986", "code": code, "name": name, "mining_only": mining, "sort_order": i}
            for i, (code, name, mining) in enumerate(_GB6441_1986, start=1)
        ],
    )
    setting = sa.table("setting", sa.column("key", sa.String), sa.column("value", sa.Text))
    conn = op.get_bind()
    existing = {row[0] for row in conn.execute(sa.text("SELECT key FROM setting"))}
    op.bulk_insert(
        setting,
        [
            {"key": key, "value": json.dumps(value, ensure_ascii=False)}
            for key, value in _SETTINGS.items()
            if key not in existing
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM accident_type WHERE vocabulary = 'GB6441-1986'")
    op.execute("DELETE FROM setting WHERE key IN ({})".format(", ".join(f"'{k}'" for k in _SETTINGS)))
