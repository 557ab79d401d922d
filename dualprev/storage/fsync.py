"""Flushing files and folders to the disk before a rename makes them visible."""

import os
from contextlib import suppress
from pathlib import Path


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())


def fsync_dir(path: Path) -> None:
    """Persist a rename in ``path``; Windows cannot open folders, where renames are durable anyway."""
    if os.name == "nt":
        return
    with suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
