"""The database file as a whole, opened for the GUI (which may not import storage itself). Backups
are .dpbak archives (archive_service); the automatic copy made before a schema upgrade is written by
storage.migrate."""

from pathlib import Path

from dualprev.storage.db import Database, open_database


def open_database_file(path: Path) -> Database:
    """Open (creating or upgrading) the database at ``path`` for the GUI, which may not import
    storage itself. An upgrade first writes an automatic backup beside the file. Raises StorageError."""
    return open_database(path)
