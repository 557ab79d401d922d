"""Where things live: bundled resources, the default database, logs.

One function, :func:`resource_path`, resolves resources for a source checkout, an installed wheel
(where the build maps ``resources/`` and ``forms/`` into the package) and a PyInstaller bundle.
The per-user data folder is computed by the GUI from ``QStandardPaths`` and passed in; this module
stays free of Qt so the CLI and the tests can use it.
"""

import os
import sys
from pathlib import Path

DB_ENV_VAR = "DUALPREV_DB"
DB_FILE_NAME = "dualprev.sqlite"
_PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_roots() -> list[Path]:
    roots: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle) / "dualprev")
        roots.append(Path(bundle))
    roots.append(_PACKAGE_DIR)  # installed wheel: dualprev/resources, dualprev/forms
    roots.append(_PACKAGE_DIR.parent)  # source checkout: ./resources, ./forms
    return roots


def resource_path(*parts: str, kind: str = "resources") -> Path:
    """Absolute path of a bundled file, e.g. ``resource_path("fonts", "wqy-microhei.ttc")``.

    ``kind`` is ``"resources"`` or ``"forms"``. Raises FileNotFoundError naming every place looked
    at, so a broken install or bundle says what is missing.
    """
    tried: list[Path] = []
    for root in _resource_roots():
        candidate = root.joinpath(kind, *parts)
        if candidate.exists():
            return candidate
        tried.append(candidate)
    raise FileNotFoundError("resource not found: " + ", ".join(str(p) for p in tried))


def migrations_dir() -> Path:
    """The alembic script directory (shipped inside the package and the bundle)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidate = Path(bundle) / "dualprev" / "storage" / "migrations"
        if candidate.exists():
            return candidate
    return _PACKAGE_DIR / "storage" / "migrations"


def db_path_from(cli_value: str | None, default_dir: Path | None) -> Path:
    """The database file to use: ``--db`` wins, then ``$DUALPREV_DB``, then the per-user folder."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    if default_dir is None:
        raise ValueError("no database path given and no default data folder")
    return (default_dir / DB_FILE_NAME).resolve()


def files_dir_for(db_path: Path) -> Path:
    """Folder beside the database that holds photos and plan images under content-hashed names."""
    return db_path.with_name(db_path.stem + "_files")
