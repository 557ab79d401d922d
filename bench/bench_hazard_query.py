"""Hazard list benchmark: one page of ``query_hazards`` on a large inventory, per sort and filter.

    python bench/bench_hazard_query.py [--hazards 20000] [--repeat 7]

Figures are ratios against a baseline measured in the same run (raw sqlite3 ``SELECT count(*) FROM
hazard`` on the same file), so they compare across machines: "page / baseline" says what the joins,
the accident-type aggregation, the sort and the count cost over the cheapest possible query.
"""

import argparse
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlmodel import select
from timing import median_seconds

from dualprev.domain.hazard_list import HazardFilter, HazardSort
from dualprev.domain.risk import ControlTier, EvaluationMethod, RiskLevel, RiskPointKind
from dualprev.services.risks import hazard_list
from dualprev.services.risks import levels as risk_levels
from dualprev.storage.db import open_database
from dualprev.storage.models import (
    AccidentTypeRecord,
    Area,
    Department,
    Hazard,
    HazardAccidentType,
    Post,
    PostRiskPoint,
    RiskPoint,
)


def _populate(path: Path, hazards: int) -> None:
    db = open_database(path)
    points = max(1, hazards // 5)
    kinds = list(RiskPointKind)
    levels = list(RiskLevel)
    tiers = list(ControlTier)
    with db.session() as s:
        departments = [Department(name=f"车间{i}") for i in range(10)]
        areas = [Area(name=f"区域{i}", code=f"Q{i:02d}", sort_order=i) for i in range(40)]
        s.add_all([*departments, *areas])
        s.flush()
        accident_types = [t.id or 0 for t in s.exec(select(AccidentTypeRecord)).all()]
        rows = [
            RiskPoint(
                name=f"风险点{i}",
                kind=kinds[i % 3],
                code=f"FX-{i:05d}",
                area_id=areas[i % len(areas)].id,
                department_id=departments[i % len(departments)].id,
                sort_order=i,
            )
            for i in range(points)
        ]
        s.add_all(rows)
        posts = [Post(name=f"岗位{i}", department_id=departments[i % len(departments)].id) for i in range(60)]
        s.add_all(posts)
        s.flush()
        s.add_all(
            PostRiskPoint(post_id=posts[i % len(posts)].id or 0, risk_point_id=rp.id or 0)
            for i, rp in enumerate(rows)
        )
        hazard_rows = []
        for i in range(hazards):
            scored = i % 7 != 0
            level = levels[i % 4] if i % 11 else None
            hazard_rows.append(
                Hazard(
                    risk_point_id=rows[i % points].id or 0,
                    seq=i // points + 1,
                    step_or_item=f"步骤{i % 13}",
                    description=f"危险源{i}：设备防护缺失导致机械伤害",
                    consequence="人员受伤",
                    inherent_level=level,
                    current_level=level,
                    current_score=str((i * 7) % 400) if scored and level else "",
                    current_method=(EvaluationMethod.LEC if scored else EvaluationMethod.DIRECT)
                    if level
                    else None,
                    control_tier=tiers[i % 4],
                )
            )
        s.add_all(hazard_rows)
        s.flush()
        s.add_all(
            HazardAccidentType(hazard_id=h.id or 0, accident_type_id=t)
            for i, h in enumerate(hazard_rows)
            for t in {accident_types[i % len(accident_types)], accident_types[(i * 3) % len(accident_types)]}
        )
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--hazards", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        started = time.perf_counter()
        _populate(path, args.hazards)
        print(f"populated {args.hazards} hazards in {time.perf_counter() - started:.2f} s")

        def baseline() -> None:
            with sqlite3.connect(path) as conn:
                conn.execute("SELECT count(*) FROM hazard").fetchone()

        db = open_database(path)
        everything = HazardFilter()

        def page(sort: HazardSort, desc: bool) -> Callable[[], object]:
            return lambda: hazard_list.query_hazards(db, everything, sort=sort, descending=desc)

        cases: dict[str, Callable[[], object]] = {
            f"page, sort {sort.value}{' desc' if desc else ''}": page(sort, desc)
            for sort in HazardSort
            for desc in (False, True)
        }
        cases |= {
            "last page (offset)": lambda: hazard_list.query_hazards(
                db, everything, offset=args.hazards - 500
            ),
            "filter: keyword": lambda: hazard_list.query_hazards(db, HazardFilter(keyword="危险源1999")),
            "filter: level": lambda: hazard_list.query_hazards(db, HazardFilter(level=RiskLevel.MAJOR)),
            "filter: area + method": lambda: hazard_list.query_hazards(
                db, HazardFilter(area_id=3, method=EvaluationMethod.LEC)
            ),
            "filter: accident type": lambda: hazard_list.query_hazards(db, HazardFilter(accident_type_id=3)),
            "filter: unevaluated": lambda: hazard_list.query_hazards(db, HazardFilter(unevaluated_only=True)),
            "risk_point_levels": lambda: risk_levels.risk_point_levels(db),
            "area_levels": lambda: risk_levels.area_levels(db),
            "post_levels": lambda: risk_levels.post_levels(db),
        }
        base = median_seconds(baseline, args.repeat)
        results = {name: median_seconds(fn, args.repeat) for name, fn in cases.items()}
        db.close()
    print(f"baseline (raw sqlite3 SELECT count(*) FROM hazard): {base * 1000:.2f} ms")
    for name, seconds in results.items():
        print(f"{name:32s} {seconds * 1000:8.1f} ms   ratio {seconds / base:7.1f}× baseline")


if __name__ == "__main__":
    main()
