"""Each committed ``dualprev/ui/forms/ui_*.py`` is what pyside6-uic makes of its ``forms/*.ui`` now."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("build_ui", ROOT / "tools" / "build_ui.py")
assert _spec is not None and _spec.loader is not None
build_ui = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build_ui)

FORMS = sorted((ROOT / "forms").glob("*.ui"))


def _without_version_header(text: str) -> list[str]:
    """The compiled code without the generator's header comments (they name the uic version)."""
    return [line for line in text.splitlines() if not line.startswith("##")]


def test_there_are_forms() -> None:
    assert {f.stem for f in FORMS} >= {
        "first_run_dialog", "enterprise_form", "person_dialog", "post_dialog", "area_dialog", "department_dialog",
    }  # fmt: skip


def test_every_compiled_form_has_a_source() -> None:
    compiled = {p.name for p in (ROOT / "dualprev" / "ui" / "forms").glob("ui_*.py")}
    assert compiled == {f"ui_{f.stem}.py" for f in FORMS}


@pytest.mark.parametrize("ui_file", FORMS, ids=lambda p: p.stem)
def test_compiled_form_is_fresh(ui_file: Path, tmp_path: Path) -> None:
    committed = build_ui.output_for(ui_file)
    assert committed.exists(), f"{committed.name} missing: run python tools/build_ui.py"
    fresh = tmp_path / committed.name
    build_ui.compile_form(ui_file, fresh)
    expected = _without_version_header(fresh.read_text(encoding="utf-8"))
    actual = _without_version_header(committed.read_text(encoding="utf-8"))
    assert actual == expected, f"{committed.name} is stale: run python tools/build_ui.py"
    assert "WARNING! All changes made in this file will be lost" in committed.read_text(encoding="utf-8")
