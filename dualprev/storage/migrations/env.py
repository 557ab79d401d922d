"""Alembic environment: runs on the connection handed in by dualprev.storage.migrate."""

from alembic import context
from sqlmodel import SQLModel

import dualprev.storage.models  # noqa: F401  (registers the tables on SQLModel.metadata)
from dualprev.storage.migrate import is_model_table

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("dualprev runs migrations on a connection it opens itself")
    # The caller holds one transaction around every revision, so an upgrade commits as a whole.
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        transaction_per_migration=False,
        # The ledger's search index (0004) is an FTS5 table with shadow tables: no model of its own.
        include_name=lambda name, kind, _parent: kind != "table" or is_model_table(str(name)),
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
