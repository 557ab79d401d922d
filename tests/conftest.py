"""Test isolation: no screen, and never the real user's settings, data folder or fonts cache."""

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_SANDBOX = Path(tempfile.mkdtemp(prefix="dualprev-test-home-"))
for _var in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "APPDATA", "LOCALAPPDATA"):
    os.environ[_var] = str(_SANDBOX / _var.lower())
    Path(os.environ[_var]).mkdir(parents=True, exist_ok=True)
_runtime = _SANDBOX / "runtime"
_runtime.mkdir(mode=0o700, exist_ok=True)
os.environ["XDG_RUNTIME_DIR"] = str(_runtime)
os.environ.pop("DUALPREV_DB", None)


# --- shared database fixtures (dualprev imported lazily, after the environment above is set) -----

DEMO_TODAY = date(2026, 11, 20)
"""The 'today' the shared demo database is built for; tests that depend on dates use it too."""


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo factory built once per test run; copy it, never open it for writing."""
    from dualprev.services.demo_service import build_demo
    from dualprev.storage.db import open_database

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    db = open_database(path)
    build_demo(db, today=DEMO_TODAY)
    db.close()
    return path


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database (with its image folder) that a test may change."""
    from dualprev.paths import files_dir_for

    target = tmp_path / "demo.sqlite"
    shutil.copy2(demo_template, target)
    if files_dir_for(demo_template).is_dir():
        shutil.copytree(files_dir_for(demo_template), files_dir_for(target))
    return target


@pytest.fixture
def demo_db(demo_path: Path) -> Iterator[Any]:
    """The private demo copy, opened (``dualprev.storage.db.Database``)."""
    from dualprev.storage.db import open_database

    db = open_database(demo_path, create=False)
    yield db
    db.close()


@pytest.fixture
def empty_db(tmp_path: Path) -> Iterator[Any]:
    """A new, migrated database with no enterprise data."""
    from dualprev.storage.db import open_database

    db = open_database(tmp_path / "empty.sqlite")
    yield db
    db.close()


# --- fault injection: a real process killed with SIGKILL at a chosen point ------------------------


class KilledChild:
    """Runs a function in a forked child that SIGKILLs itself at its Nth fault point.

    A fault point is every SQL statement executed through SQLAlchemy (after it ran) and every
    commit (before it happens), plus whatever a test adds by calling :meth:`point` from a patch.
    """

    def __init__(self) -> None:
        self.count = 0
        self.kill_at: int | None = None

    def point(self, *_args: object, **_kwargs: object) -> None:
        self.count += 1
        if self.count == self.kill_at:
            os.kill(os.getpid(), 9)

    def run(self, fn: Any, kill_at: int | None) -> int | None:
        """``fn()`` in a child; returns the number of fault points it passed, None when killed."""
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os.close(read_fd)
            code = 0
            try:
                from sqlalchemy import event
                from sqlalchemy.engine import Engine

                self.count, self.kill_at = 0, kill_at
                event.listen(Engine, "after_cursor_execute", self.point)
                event.listen(Engine, "commit", self.point)
                fn()
                os.write(write_fd, str(self.count).encode())
            except BaseException:
                import traceback

                traceback.print_exc()
                code = 3
            finally:
                os._exit(code)
        os.close(write_fd)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read_fd) as pipe:
            out = pipe.read()
        if os.WIFSIGNALED(status):
            assert os.WTERMSIG(status) == 9
            return None
        assert os.WEXITSTATUS(status) == 0, "the child failed (see its traceback above)"
        return int(out)


@pytest.fixture
def killed_child() -> KilledChild:
    return KilledChild()
