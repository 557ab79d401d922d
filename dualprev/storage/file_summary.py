"""What a database file holds, read with sqlite3 alone, for ``dualprev info``.

Opening a database the usual way (:func:`dualprev.storage.db.open_database`) imports SQLAlchemy,
SQLModel and alembic and checks the schema against the migrations: about 0.8 s before the first
count, where ``info`` should answer in 0.3. A file already at the newest schema needs none of
that to be summarised: it is opened read-only, checked with SQLite's quick check, and counted in
a few statements. Anything else (missing, older or newer schema, damaged, busy) is left to
``open_database``, which upgrades, refuses or explains; :func:`read_summary` then returns None.

The counts are the ones :mod:`.queries.database_summary`, :mod:`.queries.risk_levels` and
:mod:`.queries.hidden_dangers` make (a test holds them equal).
"""

import json
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dualprev.domain.vocabularies import (
    ACCIDENT_VOCABULARIES,
    DEFAULT_ACCIDENT_VOCABULARY,
    GB6441_2025,
    NEW_ENTERPRISE_VOCABULARY,
)
from dualprev.paths import migrations_dir

COUNTED_TABLES: dict[str, str] = {
    "areas": "area",
    "posts": "post",
    "risk_points": "risk_point",
    "hazards": "hazard",
    "control_measures": "control_measure",
    "hidden_dangers": "hidden_danger",
    "check_records": "check_record",
}
"""The row counts ``dualprev info`` reports: key → table, in order."""

_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")

# A risk point's level is the most severe (smallest) current level of its hazards, as in
# queries.risk_levels.risk_point_level_subquery.
_LEVELS = """
SELECT level, count(*) FROM (
    SELECT min(hazard.current_level) AS level FROM risk_point
    LEFT OUTER JOIN hazard ON hazard.risk_point_id = risk_point.id GROUP BY risk_point.id
) GROUP BY level
"""


@dataclass(frozen=True)
class FileSummary:
    revision: str
    enterprise: str
    counts: dict[str, int]
    level_counts: dict[int | None, int]
    """Risk points by level (None: no evaluated hazard)."""
    status_counts: dict[str, int]
    """Hidden dangers by status value."""
    overdue: int
    """Open hidden dangers (of ``open_statuses``) whose deadline has passed."""
    accident_vocabulary: str = DEFAULT_ACCIDENT_VOCABULARY
    major_open: int = 0
    """Open 重大隐患."""


def newest_revision() -> str:
    """The newest schema revision, from the migration files' names (``0004_….py``): the revision
    ids are their four digits, as alembic's ``head`` reads them (a test holds them equal)."""
    found = [
        m.group(1) for p in (migrations_dir() / "versions").iterdir() if (m := _REVISION_FILE.match(p.name))
    ]
    return max(found)


def read_summary(path: Path, *, today: date, open_statuses: tuple[str, ...]) -> FileSummary | None:
    """The summary of ``path``, or None when the file is not an intact database at the newest
    schema that can be read at once (open it with ``open_database`` then)."""
    if not path.is_file():
        return None
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)) as conn:
            version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if version is None or version[0] != newest_revision():
                return None
            if conn.execute("PRAGMA quick_check").fetchall() != [("ok",)]:
                return None
            row = conn.execute("SELECT name FROM enterprise ORDER BY id LIMIT 1").fetchone()
            counts = {
                key: int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
                for key, table in COUNTED_TABLES.items()
            }
            levels = {level: int(n) for level, n in conn.execute(_LEVELS)}
            statuses = {
                str(s): int(n)
                for s, n in conn.execute("SELECT status, count(*) FROM hidden_danger GROUP BY status")
            }
            marks = ", ".join("?" * len(open_statuses))
            overdue = conn.execute(
                f"SELECT count(*) FROM hidden_danger WHERE status IN ({marks}) AND deadline < ?",
                (*open_statuses, today.isoformat()),
            ).fetchone()[0]
            major_open = conn.execute(
                f"SELECT count(*) FROM hidden_danger WHERE level = 'major' AND status IN ({marks})",
                open_statuses,
            ).fetchone()[0]
            stored = conn.execute("SELECT value FROM setting WHERE key = 'accident_vocabulary'").fetchone()
            vocabulary = _vocabulary(stored[0] if stored else None) or _linked_vocabulary(conn)
    except sqlite3.Error:
        return None
    return FileSummary(
        revision=str(version[0]),
        enterprise=str(row[0]) if row else "",
        counts=counts,
        level_counts=levels,
        status_counts=statuses,
        overdue=int(overdue),
        accident_vocabulary=vocabulary,
        major_open=int(major_open),
    )


def _vocabulary(stored: str | None) -> str | None:
    """The stored JSON setting when it names a known vocabulary."""
    try:
        value = json.loads(stored) if stored else None
    except ValueError:
        value = None
    return value if value in ACCIDENT_VOCABULARIES else None


def _linked_vocabulary(conn: sqlite3.Connection) -> str:
    """As the app decides with an unusable setting: the vocabulary most type links belong to; a file
    from before GB 6441-2025 existed (no accident_type rows of it) is GB 6441-1986."""
    try:
        rows = conn.execute(
            "SELECT a.vocabulary, count(*) FROM accident_type a JOIN ("
            " SELECT accident_type_id FROM hazard_accident_type"
            " UNION ALL SELECT accident_type_id FROM hidden_danger_accident_type) l ON l.accident_type_id = a.id"
            " GROUP BY a.vocabulary ORDER BY count(*) DESC"
        ).fetchall()
        has_2025 = conn.execute("SELECT 1 FROM accident_type WHERE vocabulary = ?", (GB6441_2025,)).fetchone()
    except sqlite3.Error:
        return DEFAULT_ACCIDENT_VOCABULARY
    if rows:
        return str(rows[0][0])
    return NEW_ENTERPRISE_VOCABULARY if has_2025 else DEFAULT_ACCIDENT_VOCABULARY
