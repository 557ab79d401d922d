"""Ledger benchmark: the 隐患台账 page queries on a hundred thousand hidden dangers.

    python bench/bench_ledger_query.py [--rows 100000] [--repeat 7]

Each figure is a ratio to a baseline measured in the same run on the same file — a plain
``SELECT count(*) FROM hidden_danger`` through raw sqlite3 — so results compare across machines:
"first page / baseline" says what filtering, joining the names, sorting and paging cost over the
cheapest possible look at the table. One page is what the table view asks for when it opens or
scrolls; the summary and the 首页 lists run on every reload.
"""

import argparse
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlmodel import SQLModel
from timing import median_seconds

from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerSource, HiddenDangerStatus
from dualprev.domain.ledger import LedgerFilter, LedgerSort, LedgerSortKey
from dualprev.services.hidden_dangers import ledger as hd_ledger
from dualprev.storage.db import open_database

TODAY = date(2026, 11, 20)
STAMP = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
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


def _populate(path: Path, rows: int) -> None:
    db = open_database(path)
    rng = random.Random(20161104)
    tables = SQLModel.metadata.tables
    statuses = [s.value for s in HiddenDangerStatus]
    weights = [5, 8, 4, 80, 3]  # most of a long ledger is closed
    with db.engine.begin() as conn:
        conn.execute(
            tables["department"].insert(), [{"name": f"车间{i}", "kind": "workshop"} for i in range(12)]
        )
        conn.execute(
            tables["person"].insert(),
            [{"name": f"员工{i:03d}", "department_id": 1 + i % 12} for i in range(80)],
        )
        conn.execute(tables["area"].insert(), [{"name": f"区域{i}", "code": f"A{i:02d}"} for i in range(10)])
        conn.execute(
            tables["risk_point"].insert(),
            [
                {"name": f"风险点{i}", "code": f"FX-{i:03d}", "kind": "equipment", "area_id": 1 + i % 10}
                for i in range(150)
            ],
        )
        start = TODAY - timedelta(days=3 * 365)
        batch = []
        for i in range(1, rows + 1):
            found = start + timedelta(days=i * 3 * 365 // rows)
            batch.append(
                {
                    "number": f"YH-{found.year}-{i:06d}",
                    "found_on": found,
                    "description": f"{rng.choice(WORDS)}（{i}）",
                    "level": HiddenDangerLevel.MAJOR.value
                    if i % 997 == 0
                    else HiddenDangerLevel.GENERAL.value,
                    "category": "site",
                    "source": rng.choice([s.value for s in HiddenDangerSource]),
                    "area_id": 1 + i % 10,
                    "risk_point_id": 1 + i % 150,
                    "location": f"{i % 40}号工位",
                    "responsible_department_id": 1 + i % 12,
                    "rectifier_id": 1 + i % 80,
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
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        started = time.perf_counter()
        _populate(path, args.rows)
        print(f"populated {args.rows} hidden dangers in {time.perf_counter() - started:.1f} s")

        def baseline() -> None:
            with sqlite3.connect(path) as conn:
                conn.execute("SELECT count(*) FROM hidden_danger").fetchone()

        db = open_database(path)
        page = hd_ledger.DEFAULT_PAGE_SIZE
        deep = max(0, args.rows - page)
        overdue = LedgerFilter(overdue_only=True)
        cases: dict[str, Callable[[], object]] = {
            "first page, newest first": lambda: hd_ledger.query(db, today=TODAY),
            "last page, newest first": lambda: hd_ledger.query(db, today=TODAY, offset=deep),
            "first page, by rectifier": lambda: hd_ledger.query(
                db, sort=LedgerSort(LedgerSortKey.RECTIFIER, False), today=TODAY
            ),
            "first page, by status": lambda: hd_ledger.query(
                db, sort=LedgerSort(LedgerSortKey.STATUS, False), today=TODAY
            ),
            "overdue, first page": lambda: hd_ledger.query(db, overdue, today=TODAY),
            "keyword 叉车 员工007": lambda: hd_ledger.query(
                db, LedgerFilter(keyword="叉车 员工007"), today=TODAY
            ),
            "department + date range": lambda: hd_ledger.query(
                db,
                LedgerFilter(department_id=3, found_from=date(2025, 1, 1), found_to=date(2025, 12, 31)),
                today=TODAY,
            ),
            "summary (首页 and page header)": lambda: hd_ledger.summary(db, today=TODAY),
            "首页 overdue + due-soon lists": lambda: (
                hd_ledger.overdue(db, today=TODAY),
                hd_ledger.due_soon(db, today=TODAY),
            ),
            "row position (select by id)": lambda: hd_ledger.row_position(db, args.rows // 2, today=TODAY),
        }
        base = median_seconds(baseline, args.repeat)
        results = {name: median_seconds(fn, args.repeat) for name, fn in cases.items()}
        db.close()
    print(f"baseline (raw sqlite3 count(*)): {base * 1000:.1f} ms")
    for name, seconds in results.items():
        print(f"{name:34s} {seconds * 1000:8.1f} ms   ratio {seconds / base:6.1f}× baseline")


if __name__ == "__main__":
    main()
