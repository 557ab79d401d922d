"""hidden-danger keyword search: an FTS5 trigram index of the ledger's texts, kept by triggers

The ledger's 关键词 search looked for every word in eleven columns of every row (LIKE '%…%' cannot
use an index), about 90 ms on a ledger of 100 000 hidden dangers. ``hidden_danger_search`` holds
one document per hidden danger (rowid = hidden_danger.id): its number, description, location,
finders, source detail, measures and note, and the names of its area, risk point, responsible
department and rectifier, separated by U+001F (which no search word can contain). The trigram
tokenizer indexes every run of three characters, so a Chinese substring of three or more
characters is found through the index; shorter words are matched with LIKE on the document.

Triggers keep it in step with every write, whoever makes it: a hidden danger inserted, edited or
deleted, and a renamed area, risk point, department or person. Existing rows are indexed here.

A later migration that rebuilds (batch mode) one of hidden_danger, area, risk_point, department
or person must drop these triggers first and create them again afterwards: while a trigger names
a table, SQLite refuses to drop it ("error in trigger …: no such table").

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TEXTS = ("number", "description", "location", "finder_names", "source_detail", "rectification_measures",
          "note")  # fmt: skip
_NAMES = (  # (table, hidden_danger column naming it)
    ("area", "area_id"),
    ("risk_point", "risk_point_id"),
    ("department", "responsible_department_id"),
    ("person", "rectifier_id"),
)


def _document(row: str) -> str:
    """The indexed text of the hidden danger ``row`` (a table alias, or ``new`` in a trigger)."""
    parts = [f"coalesce({row}.{column}, '')" for column in _TEXTS]
    parts += [
        f"coalesce((SELECT name FROM {table} WHERE {table}.id = {row}.{column}), '')"
        for table, column in _NAMES
    ]
    return " || char(31) || ".join(parts)


def _statements() -> list[str]:
    watched = ", ".join((*_TEXTS, *(column for _table, column in _NAMES)))
    statements = [
        "CREATE VIRTUAL TABLE hidden_danger_search USING fts5(doc, tokenize = 'trigram')",
        f"""CREATE TRIGGER hidden_danger_search_insert AFTER INSERT ON hidden_danger BEGIN
            INSERT INTO hidden_danger_search (rowid, doc) VALUES (new.id, {_document("new")});
        END""",
        f"""CREATE TRIGGER hidden_danger_search_update AFTER UPDATE OF {watched} ON hidden_danger BEGIN
            DELETE FROM hidden_danger_search WHERE rowid = old.id;
            INSERT INTO hidden_danger_search (rowid, doc) VALUES (new.id, {_document("new")});
        END""",
        """CREATE TRIGGER hidden_danger_search_delete AFTER DELETE ON hidden_danger BEGIN
            DELETE FROM hidden_danger_search WHERE rowid = old.id;
        END""",
    ]
    for table, column in _NAMES:
        statements.append(
            f"""CREATE TRIGGER {table}_name_search AFTER UPDATE OF name ON {table}
            WHEN old.name IS NOT new.name BEGIN
                DELETE FROM hidden_danger_search
                WHERE rowid IN (SELECT id FROM hidden_danger WHERE {column} = new.id);
                INSERT INTO hidden_danger_search (rowid, doc)
                SELECT hd.id, {_document("hd")} FROM hidden_danger AS hd WHERE hd.{column} = new.id;
            END"""
        )
    statements.append(
        f"INSERT INTO hidden_danger_search (rowid, doc) SELECT hd.id, {_document('hd')} FROM hidden_danger AS hd"
    )
    return statements


def upgrade() -> None:
    for statement in _statements():
        op.execute(statement)


def downgrade() -> None:
    for table, _column in _NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_name_search")
    for event in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER IF EXISTS hidden_danger_search_{event}")
    op.execute("DROP TABLE IF EXISTS hidden_danger_search")
