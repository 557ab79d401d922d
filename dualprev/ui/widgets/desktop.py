"""Handing files and folders to the operating system (Explorer on Windows)."""

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices


def open_folder(folder: Path) -> bool:
    """Open ``folder`` in the system file manager; False when that failed."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def open_file(path: Path) -> bool:
    """Open ``path`` with the program the system associates with it; False when that failed."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
