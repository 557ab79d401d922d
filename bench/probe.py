"""One side of one figure in a fresh process: ``python bench/probe.py DB SIDE FIGURE REPEAT``.

Prints the median seconds of REPEAT calls (the runner reads the peak memory from the process).
"""

import importlib
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    db, side, figure, repeat = Path(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
    work = getattr(importlib.import_module(side), figure)(db)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        samples.append(time.perf_counter() - start)
    print(statistics.median(samples))


if __name__ == "__main__":
    main()
