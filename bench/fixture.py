"""The benchmark database: the demo factory, plus a long ledger, a large hazard inventory and many posts.

Built once per run into a temporary folder; product and baseline then read the same file.
"""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select as sa_select
from sqlmodel import SQLModel

from dualprev.demo.builder import build_demo
from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerSource, HiddenDangerStatus
from dualprev.domain.risk import ControlTier, EvaluationMethod, RiskLevel, RiskPointKind
from dualprev.storage.db import open_database

TODAY = date(2026, 11, 20)
STAMP = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
LEDGER_START = TODAY - timedelta(days=3 * 365)
WORDS = (
    "防护罩缺失",
    "灭火器过期",
    "配电箱门未关",
    "通道堆放物料",
    "叉车报警器损坏",
    "安全阀超期未校验",
    "喷漆房静电接地断开",
    "行车限位失灵",
    "护栏松动",
    "警示标志缺失",
)


@dataclass(frozen=True)
class Sizes:
    hidden_dangers: int
    hazards: int
    posts: int


FULL = Sizes(hidden_dangers=100_000, hazards=20_000, posts=500)
QUICK = Sizes(hidden_dangers=5_000, hazards=1_000, posts=25)


def build(path: Path, sizes: Sizes) -> None:
    db = open_database(path)
    build_demo(db, today=TODAY)
    tables = SQLModel.metadata.tables
    rng = random.Random(20161104)
    with db.engine.begin() as conn:
        departments = [r[0] for r in conn.execute(sa_select(tables["department"].c.id))]
        people = [r[0] for r in conn.execute(sa_select(tables["person"].c.id))]
        areas = [r[0] for r in conn.execute(sa_select(tables["area"].c.id))]
        _hazards(conn, tables, sizes.hazards, areas, departments)
        points = [r[0] for r in conn.execute(sa_select(tables["risk_point"].c.id))]
        _hidden_dangers(conn, tables, sizes.hidden_dangers, rng, areas, points, departments, people)
        _posts(conn, tables, sizes.posts, departments)
    db.close()


def _hazards(conn, tables, count: int, areas: list[int], departments: list[int]) -> None:  # type: ignore[no-untyped-def]
    """``count`` graded hazards on count/5 new risk points (the demo's own stay as they are)."""
    kinds = list(RiskPointKind)
    levels = list(RiskLevel)
    tiers = list(ControlTier)
    points = max(1, count // 5)
    first = conn.execute(
        sa_select(tables["risk_point"].c.id).order_by(tables["risk_point"].c.id.desc())
    ).first()
    base = (first[0] if first else 0) + 1
    conn.execute(
        tables["risk_point"].insert(),
        [
            {
                "id": base + i,
                "name": f"风险点{i}",
                "kind": kinds[i % 3].value,
                "code": f"BX-{i:05d}",
                "area_id": areas[i % len(areas)],
                "department_id": departments[i % len(departments)],
                "sort_order": 1000 + i,
                "created_at": STAMP,
                "updated_at": STAMP,
            }
            for i in range(points)
        ],
    )
    rows = []
    for i in range(count):
        level = levels[i % 4]
        rows.append(
            {
                "risk_point_id": base + i % points,
                "seq": i // points + 1,
                "step_or_item": f"步骤{i % 13}",
                "description": f"危险源{i}：设备防护缺失导致机械伤害",
                "consequence": "人员受伤",
                "inherent_level": level.value,
                "current_level": level.value,
                "current_score": str((i * 7) % 400),
                "current_method": EvaluationMethod.LEC.value,
                "control_tier": tiers[i % 4].value,
                "created_at": STAMP,
                "updated_at": STAMP,
            }
        )
    conn.execute(tables["hazard"].insert(), rows)


def _hidden_dangers(conn, tables, count, rng, areas, points, departments, people) -> None:  # type: ignore[no-untyped-def]
    statuses = [s.value for s in HiddenDangerStatus]
    weights = [5, 8, 4, 80, 3]  # most of a long ledger is closed
    batch = []
    for i in range(1, count + 1):
        found = LEDGER_START + timedelta(days=i * 3 * 365 // count)
        batch.append(
            {
                "number": f"BH-{found.year}-{i:06d}",
                "found_on": found,
                "description": f"{rng.choice(WORDS)}（{i}）",
                "level": HiddenDangerLevel.MAJOR.value if i % 997 == 0 else HiddenDangerLevel.GENERAL.value,
                "category": "site",
                "source": rng.choice([s.value for s in HiddenDangerSource]),
                "area_id": areas[i % len(areas)],
                "risk_point_id": points[i % len(points)],
                "location": f"{i % 40}号工位",
                "responsible_department_id": departments[i % len(departments)],
                "rectifier_id": people[i % len(people)],
                "deadline": found + timedelta(days=7),
                "status": rng.choices(statuses, weights)[0],
                "finder_names": "",
                "source_detail": "",
                "basis": "",
                "rectification_measures": "",
                "interim_measures": "",
                "acceptance_conclusion": "",
                "void_reason": "",
                "reported_to": "",
                "note": "",
                "is_immediate": False,
                "created_at": STAMP,
                "updated_at": STAMP,
            }
        )
        if len(batch) == 10_000:
            conn.execute(tables["hidden_danger"].insert(), batch)
            batch.clear()
    if batch:
        conn.execute(tables["hidden_danger"].insert(), batch)


def _posts(conn, tables, count: int, departments: list[int]) -> None:  # type: ignore[no-untyped-def]
    """Posts up to ``count``, each new one linked to the risk points of a demo post (so it has a card)."""
    links = tables["post_risk_point"]
    existing = conn.execute(sa_select(links.c.post_id, links.c.risk_point_id)).all()
    by_post: dict[int, list[int]] = {}
    for post_id, point_id in existing:
        by_post.setdefault(post_id, []).append(point_id)
    have = len(conn.execute(sa_select(tables["post"].c.id)).all())
    templates = list(by_post.values())
    for i in range(max(0, count - have)):
        post_id = conn.execute(
            tables["post"]
            .insert()
            .values(name=f"岗位{i:03d}", department_id=departments[i % len(departments)])
        ).inserted_primary_key[0]
        conn.execute(
            links.insert(), [{"post_id": post_id, "risk_point_id": p} for p in templates[i % len(templates)]]
        )
