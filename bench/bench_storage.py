"""Storage benchmark: opening a database and computing ``dualprev info`` on a large inventory.

    python bench/bench_storage.py [--hazards 20000]

Figures are ratios against a baseline measured in the same run (raw sqlite3 on the same file), so
they compare across machines: "info / baseline" says how much the ORM, the level aggregation and
the status grouping cost over the cheapest possible counting.
"""

import argparse
import sqlite3
import tempfile
import time
from datetime import date
from pathlib import Path

from timing import median_seconds

from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.domain.risk import RiskLevel, RiskPointKind
from dualprev.services.info_service import database_info
from dualprev.storage.db import open_database
from dualprev.storage.models import Hazard, HiddenDanger, RiskPoint


def _populate(path: Path, hazards: int) -> None:
    db = open_database(path)
    points = max(1, hazards // 5)
    with db.session() as s:
        rows = [
            RiskPoint(name=f"风险点{i}", kind=RiskPointKind.EQUIPMENT, code=f"FX-{i:05d}")
            for i in range(points)
        ]
        s.add_all(rows)
        s.flush()
        levels = list(RiskLevel)
        s.add_all(
            Hazard(
                risk_point_id=rows[i % points].id or 0, description=f"危险源{i}", current_level=levels[i % 4]
            )
            for i in range(hazards)
        )
        statuses = list(HiddenDangerStatus)
        s.add_all(
            HiddenDanger(
                number=f"YH-2026-{i:05d}",
                found_on=date(2026, 1, 1),
                description=f"隐患{i}",
                status=statuses[i % len(statuses)],
                deadline=date(2026, 6, 1),
            )
            for i in range(hazards // 2)
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
                for table in ("risk_point", "hazard", "hidden_danger"):
                    conn.execute(f"SELECT count(*) FROM {table}").fetchone()

        def open_close() -> None:
            open_database(path).close()

        db = open_database(path)

        def info() -> None:
            database_info(db)

        base = median_seconds(baseline, args.repeat)
        results = {
            "open (version check + engine)": median_seconds(open_close, args.repeat),
            "info": median_seconds(info, args.repeat),
        }
        db.close()
    print(f"baseline (raw sqlite3 counts): {base * 1000:.1f} ms")
    for name, seconds in results.items():
        print(f"{name:32s} {seconds * 1000:8.1f} ms   ratio {seconds / base:6.1f}× baseline")


if __name__ == "__main__":
    main()
