"""GB 6441-2025 accident types beside the 1986 ones; a database that names no type yet moves to 2025

Rows are added, none changed. A database where a hazard or hidden danger already names a 1986 type
keeps 1986 (its data, and the cards already on the walls, stay as they are); the 设置 page and
``dualprev accident-types --switch`` move it later with the user's say. A database that names
none, which includes every new one, starts with GB 6441-2025.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Frozen here, as 0002 froze the 1986 rows: codes 01–27 in the order the classes are listed.
_GB6441_2025 = (
    "物体打击", "厂(场)内车辆致害", "道路(轨道)车辆致害", "机械致害", "起重致害", "触电", "淹溺", "灼烫",
    "火灾", "高处坠落", "跌落", "坍塌", "水害", "容器爆炸", "管道爆炸", "可燃气体爆炸", "可燃液体蒸汽爆炸",
    "粉尘爆炸", "民用爆炸物品爆炸", "烟花爆竹爆炸", "其他可燃固体爆炸", "高温熔融物爆炸", "中毒", "窒息",
    "滑坡", "泄漏", "其他事故",
)  # fmt: skip


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
            {
                "vocabulary": "GB6441-2025",
                "code": f"{i:02d}",
                "name": name,
                "mining_only": False,
                "sort_order": i,
            }
            for i, name in enumerate(_GB6441_2025, start=1)
        ],
    )
    conn = op.get_bind()
    named = conn.execute(
        sa.text(
            "SELECT EXISTS (SELECT 1 FROM hazard_accident_type) OR EXISTS (SELECT 1 FROM hidden_danger_accident_type)"
        )
    ).scalar()
    if not named:
        conn.execute(
            sa.text("INSERT OR REPLACE INTO setting (key, value) VALUES ('accident_vocabulary', :v)"),
            {"v": json.dumps("GB6441-2025")},
        )


def downgrade() -> None:
    # Migrations run with foreign keys off: deleting the 2025 rows under records that name them
    # would leave those links pointing nowhere. Such a file cannot go back to schema 0010.
    named = (
        op.get_bind()
        .execute(
            sa.text(
                "SELECT count(*) FROM accident_type a WHERE a.vocabulary = 'GB6441-2025' AND ("
                " EXISTS (SELECT 1 FROM hazard_accident_type l WHERE l.accident_type_id = a.id) OR"
                " EXISTS (SELECT 1 FROM hidden_danger_accident_type l WHERE l.accident_type_id = a.id))"
            )
        )
        .scalar()
    )
    if named:
        raise RuntimeError("records name GB 6441-2025 accident types: schema 0011 cannot be downgraded")
    op.execute(
        "UPDATE setting SET value = '\"GB6441-1986\"' WHERE key = 'accident_vocabulary' AND value = '\"GB6441-2025\"'"
    )
    op.execute("DELETE FROM accident_type WHERE vocabulary = 'GB6441-2025'")
