"""Test isolation: no screen, and never the real user's settings, data folder or fonts cache."""

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
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


# --- slow tests only when asked ---------------------------------------------------------------

SLOW_TESTS_VAR = "DUALPREV_SLOW_TESTS"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        help=f"also run the tests marked slow (the PyInstaller bundle); same as {SLOW_TESTS_VAR}=1",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow") or os.environ.get(SLOW_TESTS_VAR) == "1":
        return
    skip = pytest.mark.skip(reason=f"slow: run with --run-slow or {SLOW_TESTS_VAR}=1 (.ci/run does)")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)


# --- shared database fixtures (dualprev imported lazily, after the environment above is set) -----

DEMO_TODAY = date(2026, 11, 20)
"""The 'today' the shared demo database is built for; tests that depend on dates use it too."""


@dataclass(frozen=True)
class SchemaTemplate:
    path: Path
    alembic_create: Callable[[Path, str], None]


@pytest.fixture(scope="session", autouse=True)
def schema_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SchemaTemplate]:
    """A new database migrated by alembic once per run; every new database a test opens is a copy.

    Migrating from nothing costs a test more than the rest of it; the copy is the same file byte for
    byte. Tests marked ``real_migrations`` run alembic for each new file, and upgrades of existing
    files always do.
    """
    from dualprev.storage import migrate

    path = tmp_path_factory.mktemp("schema-template") / "schema.sqlite"
    migrate.bring_up_to_date(path)
    head = migrate.head_revision()
    alembic_create = migrate._create

    def create(target_path: Path, target: str) -> None:
        if target != head:
            alembic_create(target_path, target)
            return
        # Into place the way a new file goes (hard link, or over an empty placeholder).
        tmp = target_path.with_name(f".{target_path.name}.from-template")
        shutil.copyfile(path, tmp)
        try:
            migrate._move_into_place(tmp, target_path)
        finally:
            tmp.unlink(missing_ok=True)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrate, "_create", create)
        yield SchemaTemplate(path, alembic_create)


@pytest.fixture(autouse=True)
def _real_migrations(
    request: pytest.FixtureRequest, schema_template: SchemaTemplate, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alembic itself, from nothing, for tests marked ``real_migrations``."""
    if request.node.get_closest_marker("real_migrations") is not None:
        from dualprev.storage import migrate

        monkeypatch.setattr(migrate, "_create", schema_template.alembic_create)


@pytest.fixture(scope="session")
def _demo_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any]:
    from dualprev.demo.builder import build_demo
    from dualprev.storage.db import open_database

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    db = open_database(path)
    summary = build_demo(db, today=DEMO_TODAY)
    db.close()
    return path, summary


@pytest.fixture(scope="session")
def demo_template(_demo_build: tuple[Path, Any]) -> Path:
    """The demo factory built once per test run (per worker); copy it, never open it for writing."""
    return _demo_build[0]


@pytest.fixture(scope="session")
def demo_template_summary(_demo_build: tuple[Path, Any]) -> Any:
    """What ``build_demo`` reported when it built ``demo_template``."""
    return _demo_build[1]


@pytest.fixture
def demo_path(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database (with its image folder) that a test may change."""
    from dualprev.paths import files_dir_for

    target = tmp_path / "demo.sqlite"
    shutil.copy2(demo_template, target)
    if files_dir_for(demo_template).is_dir():
        shutil.copytree(files_dir_for(demo_template), files_dir_for(target))
    return target


@pytest.fixture(scope="session")
def demo_1986_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo factory on a database still on GB 6441-1986 (its content's own names), as an
    enterprise that used the app before GB 6441-2025 has it; copy it, never open it for writing."""
    from dualprev.demo.builder import build_demo
    from dualprev.domain import settings
    from dualprev.storage import settings as stored_settings
    from dualprev.storage.db import open_database

    path = tmp_path_factory.mktemp("demo-1986") / "demo1986.sqlite"
    db = open_database(path)
    with db.session() as s:
        stored_settings.write(s, settings.ACCIDENT_VOCABULARY, "GB6441-1986")
    build_demo(db, today=DEMO_TODAY)
    db.close()
    return path


@pytest.fixture
def demo_1986_db(demo_1986_template: Path, tmp_path: Path) -> Iterator[Any]:
    """A private, opened copy of ``demo_1986_template`` (without its images)."""
    from dualprev.storage.db import open_database

    target = tmp_path / "demo1986.sqlite"
    shutil.copy2(demo_1986_template, target)
    db = open_database(target, create=False)
    yield db
    db.close()


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


@pytest.fixture
def db_1986(empty_db: Any) -> Any:
    """A new database still on GB 6441-1986, as every enterprise was before GB 6441-2025."""
    from dualprev.domain import settings
    from dualprev.storage import settings as stored_settings

    with empty_db.session() as s:
        stored_settings.write(s, settings.ACCIDENT_VOCABULARY, "GB6441-1986")
    return empty_db


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


def count_rows(db: Any, model: type[Any], *where: Any) -> int:
    """Rows of ``model`` in ``db`` (a ``Database``) matching ``where``, counted in SQL.

    Tests compare a list or a total with this rather than with the demo's size, so they keep
    testing the rule when the demo grows.
    """
    from sqlmodel import func, select

    with db.read_session() as s:
        return int(s.exec(select(func.count()).select_from(model).where(*where)).one())
