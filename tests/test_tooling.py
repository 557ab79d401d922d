"""The enforced tooling of style.md: ruff (lint + format), mypy strict, import-linter contracts."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def _tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    exe = BIN / name
    if not exe.exists():
        pytest.fail(f"{name} is not installed (it is part of the test extras)")
    return subprocess.run([str(exe), *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_lint() -> None:
    result = _tool("ruff", "check", "dualprev", "tests", "tools", "bench")
    assert result.returncode == 0, result.stdout[-5000:]


def test_ruff_format() -> None:
    result = _tool("ruff", "format", "--check", "dualprev", "tests", "tools", "bench")
    assert result.returncode == 0, result.stdout[-5000:]


def test_mypy_strict() -> None:
    """The whole package, ui included (only the generated forms are skipped)."""
    result = _tool("mypy")
    assert result.returncode == 0, result.stdout[-5000:]


def test_layer_contracts() -> None:
    result = _tool("lint-imports")
    assert result.returncode == 0, result.stdout[-5000:]
    assert "0 broken" in result.stdout


def test_only_storage_builds_sql_covers_every_top_level_module() -> None:
    """A new top-level package or module of dualprev falls under "Only storage builds SQL" too."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = (
        c for c in config["tool"]["importlinter"]["contracts"] if c["name"] == "Only storage builds SQL"
    )
    package = ROOT / "dualprev"
    top_level = {f"dualprev.{p.stem}" for p in package.glob("*.py") if p.stem != "__init__"} | {
        f"dualprev.{p.parent.name}" for p in package.glob("*/__init__.py")
    }
    assert set(contract["source_modules"]) == top_level - {"dualprev.storage"}
    assert set(contract["forbidden_modules"]) == {"sqlalchemy", "sqlmodel", "alembic"}
