"""``dualprev info`` reads a file at the newest schema with sqlite3 alone, and says what opening it
the usual way says: the same counts, levels and statuses; anything else goes through
``open_database``."""

import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from dualprev.errors import DamagedDatabaseError
from dualprev.services.info_service import database_info, file_info
from dualprev.storage import file_summary, migrate
from dualprev.storage.db import open_database

from ..conftest import DEMO_TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_the_newest_revision_is_alembic_head() -> None:
    assert file_summary.newest_revision() == migrate.head_revision()


def test_a_current_file_reads_as_when_opened(demo_path: Path) -> None:
    db = open_database(demo_path, create=False)
    opened = database_info(db, today=DEMO_TODAY)
    db.close()
    read = file_info(demo_path, today=DEMO_TODAY)
    assert read == opened
    assert read.overdue_hidden_dangers > 0 and read.risk_levels and read.hidden_danger_status


def test_a_current_file_is_read_without_sqlalchemy(demo_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from dualprev.services.info_service import file_info; "
        f"info = file_info(Path({str(demo_path)!r})); "
        "assert info.counts['hidden_dangers'] > 0; "
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy imported'"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_an_older_file_is_upgraded_first(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0003.sqlite", path)
    info = file_info(path)
    assert info.schema_version == migrate.head_version() and info.enterprise == "旧版测试机械厂"
    assert migrate.read_revision(path) == migrate.head_revision()


@pytest.mark.real_migrations
def test_a_damaged_file_is_reported_as_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "plant.sqlite"
    open_database(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'hidden_danger'").fetchone()[0]
    with path.open("r+b") as raw:  # scribble over the head of the hidden_danger table's first page
        raw.seek((root - 1) * page)
        raw.write(b"\xff" * 64)
    assert file_summary.read_summary(path, today=DEMO_TODAY, open_statuses=("pending",)) is None
    with pytest.raises(DamagedDatabaseError):
        file_info(path)
