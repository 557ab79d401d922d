from pathlib import Path

import pytest

import dualprev
from dualprev import paths


def test_bundled_font_and_licence_are_found_from_the_imported_package() -> None:
    font = paths.resource_path("fonts", "wqy-microhei.ttc")
    assert font.stat().st_size > 1_000_000
    assert (
        paths.resource_path("fonts", "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8").count("Apache")
    )
    package_dir = Path(dualprev.__file__).resolve().parent
    # Installed wheel: inside the package; source checkout: beside it.
    assert package_dir in font.parents or package_dir.parent in font.parents


def test_migrations_are_found() -> None:
    versions = paths.migrations_dir() / "versions"
    assert (paths.migrations_dir() / "env.py").exists()
    assert sorted(p.name[:4] for p in versions.glob("0*.py"))[:2] == ["0001", "0002"]


def test_missing_resource_names_where_it_looked() -> None:
    with pytest.raises(FileNotFoundError, match="no-such-file"):
        paths.resource_path("no-such-file.png")


def test_db_path_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DB_ENV_VAR, raising=False)
    assert paths.db_path_from(None, tmp_path) == tmp_path / "dualprev.sqlite"
    monkeypatch.setenv(paths.DB_ENV_VAR, str(tmp_path / "env.sqlite"))
    assert paths.db_path_from(None, tmp_path) == tmp_path / "env.sqlite"
    assert paths.db_path_from(str(tmp_path / "cli.sqlite"), tmp_path) == tmp_path / "cli.sqlite"
    assert paths.files_dir_for(tmp_path / "a.sqlite") == tmp_path / "a_files"
