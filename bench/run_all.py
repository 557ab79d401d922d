"""The performance figures of dualprev, each side by side with a baseline measured in the same run:

    python bench/run_all.py [--quick]

Every figure is printed as product / baseline / ratio / goal. The product side is dualprev's own
code (``product.py``, ``start_app.py``, the ``dualprev`` command); the baseline does the same work
with the raw libraries (``baselines.py``). Both sides run in fresh processes on the same database,
one after the other, so the ratio holds on a loaded or slower machine where the seconds do not.
``--quick`` uses a twentieth of the data (under a minute on an idle 2-core machine); the goals are meant for the full sizes.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import fixture

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass(frozen=True)
class Figure:
    name: str
    key: str  # function name in product.py and baselines.py
    repeat: int  # calls per process (the median counts)
    goal_ratio: float | None = None
    goal_seconds: float | None = None
    goal_peak_mb: float | None = None


FIGURES = (
    Figure("ledger keyword search", "ledger_keyword", 7, goal_seconds=0.050),
    Figure("ledger first page", "ledger_first_page", 7, goal_ratio=2.0),
    Figure("ledger xlsx export", "ledger_xlsx", 1, goal_ratio=1.3, goal_peak_mb=300),
    Figure("ledger PDF (a tenth of the ledger)", "ledger_pdf", 1, goal_ratio=1.5),
    Figure("risk list PDF", "risk_list_pdf", 1, goal_ratio=1.5),
    Figure("risk list xlsx", "risk_list_xlsx", 1, goal_ratio=1.5),
    Figure("post cards PDF", "post_cards", 1, goal_ratio=1.5),
)


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


def _env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(HERE), str(ROOT), env.get("PYTHONPATH", "")])
    return env


def _spawn(argv: Sequence[str]) -> tuple[str, float, float]:
    """Run a process to its end: (stdout, wall seconds, peak resident MB)."""
    started = time.time()
    with tempfile.TemporaryFile() as errors:
        # Qt's offscreen platform chatters on stderr: shown only when the process fails.
        proc = subprocess.Popen(list(argv), stdout=subprocess.PIPE, stderr=errors, env=_env(), cwd=HERE)
        assert proc.stdout is not None
        out = proc.stdout.read().decode()
        _pid, status, usage = os.wait4(proc.pid, 0)
        if code := os.waitstatus_to_exitcode(status):
            errors.seek(0)
            sys.stderr.write(errors.read().decode(errors="replace"))
            raise SystemExit(f"{' '.join(argv)} failed with {code}")
    return out, started, usage.ru_maxrss / 1024


def _probe(db: Path, side: str, figure: Figure) -> Run:
    out, _started, peak = _spawn(
        [sys.executable, str(HERE / "probe.py"), str(db), side, figure.key, str(figure.repeat)]
    )
    return Run(float(out.split()[-1]), peak)


def _until_paint(argv: Sequence[str], repeat: int) -> Run:
    runs = []
    for _ in range(repeat):
        out, started, peak = _spawn(argv)
        runs.append(Run(float(out.split()[-1]) - started, peak))
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs))


def _whole(argv: Sequence[str], repeat: int) -> Run:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        _out, _s, peak = _spawn(argv)
        runs.append(Run(time.perf_counter() - started, peak))
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs))


def _row(name: str, product: Run, base: Run, goal: str, held: bool, memory: bool = False) -> str:
    ratio = product.seconds / base.seconds
    mem = f"  peak {product.peak_mb:5.0f} / {base.peak_mb:5.0f} MB" if memory else ""
    mark = "ok " if held else "MISS"
    return f"{mark} {name:38s} {product.seconds:8.3f} s / {base.seconds:8.3f} s  {ratio:6.2f}×   goal {goal}{mem}"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="a twentieth of the data, fewer repeats")
    args = parser.parse_args()
    sizes = fixture.QUICK if args.quick else fixture.FULL
    starts = 2 if args.quick else 5
    print(f"{'quick' if args.quick else 'full'} run: {sizes.hidden_dangers} hidden dangers, {sizes.hazards} "
          f"extra hazards, {sizes.posts} posts; {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")  # fmt: skip
    print("     figure                                 product      / baseline      ratio    goal")
    missed = 0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite"
        fixture.build(db, sizes)
        python = sys.executable
        bare = _until_paint([python, "-c", "import baselines; baselines.bare_window()"], starts)
        app = _until_paint([python, str(HERE / "start_app.py"), str(db), str(Path(tmp) / "settings")], starts)
        held = app.seconds <= 3 * bare.seconds
        missed += not held
        print(_row("cold start to painted main window", app, bare, "≤ 3×", held), flush=True)
        sqlite = _whole([python, "-c", "import sqlite3"], starts)
        for label, argv, goal in (
            ("dualprev --version", [python, "-m", "dualprev", "--version"], 0.15),
            ("dualprev info", [python, "-m", "dualprev", "--db", str(db), "info"], 0.30),
        ):
            run = _whole(argv, starts)
            held = run.seconds <= goal
            missed += not held
            print(_row(label, run, sqlite, f"≤ {goal:.2f} s", held), flush=True)
        for figure in FIGURES:
            product = _probe(db, "product", figure)
            base = _probe(db, "baselines", figure)
            held = True
            goals = []
            if figure.goal_ratio is not None:
                held &= product.seconds <= figure.goal_ratio * base.seconds
                goals.append(f"≤ {figure.goal_ratio:g}×")
            if figure.goal_seconds is not None:
                held &= product.seconds <= figure.goal_seconds
                goals.append(f"≤ {figure.goal_seconds * 1000:.0f} ms")
            if figure.goal_peak_mb is not None:
                held &= product.peak_mb <= figure.goal_peak_mb
                goals.append(f"peak ≤ {figure.goal_peak_mb:.0f} MB")
            missed += not held
            print(
                _row(figure.name, product, base, ", ".join(goals), held, figure.goal_peak_mb is not None),
                flush=True,
            )
    print(f"{missed} goal(s) missed" if missed else "every goal held")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
