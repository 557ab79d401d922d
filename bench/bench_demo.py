"""Demo benchmark: building the demo factory into a new database file, as ``dualprev demo`` does.

    python bench/bench_demo.py [--repeat 3]

The figure is a ratio against a baseline measured in the same run (creating and migrating an
empty database file), so it compares across machines: "demo / baseline" says what playing back
the demo's year through the services costs over setting the file up.
"""

import argparse
import itertools
import tempfile
from datetime import date
from pathlib import Path

from timing import median_seconds

from dualprev.demo.builder import build_demo
from dualprev.storage.db import open_database

TODAY = date(2026, 11, 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        names = (Path(tmp) / f"bench{i}.sqlite" for i in itertools.count())

        def baseline() -> None:
            open_database(next(names)).close()

        def demo() -> None:
            db = open_database(next(names))
            try:
                build_demo(db, today=TODAY)
            finally:
                db.close()

        base = median_seconds(baseline, args.repeat)
        seconds = median_seconds(demo, args.repeat)
    print(f"baseline (create + migrate): {base * 1000:.0f} ms")
    print(
        f"{'demo (create + migrate + build)':32s} {seconds * 1000:8.0f} ms   ratio {seconds / base:6.1f}× baseline"
    )


if __name__ == "__main__":
    main()
