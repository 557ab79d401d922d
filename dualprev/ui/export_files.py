"""Where exports are saved: every save dialog starts in one remembered export folder (设置 shows and
changes it), and each export that succeeds moves it to where the user saved."""

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from dualprev.ui.prefs import Prefs


def default_folder() -> Path:
    """The user's 文档 folder (home when the system names none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def export_folder(prefs: Prefs | None) -> Path:
    """The remembered export folder while it still exists, else the 文档 folder."""
    folder = prefs.export_dir if prefs is not None else None
    return folder if folder is not None and folder.is_dir() else default_folder()


def suggested_path(prefs: Prefs | None, name: str) -> Path:
    """``name`` in the export folder: what a save dialog proposes."""
    return export_folder(prefs) / name


def remember(prefs: Prefs | None, saved: Path) -> None:
    """The next save dialog starts where ``saved`` went."""
    if prefs is not None:
        prefs.export_dir = saved.parent
        prefs.sync()
