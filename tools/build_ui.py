"""Recompile every Designer form ``forms/*.ui`` into ``dualprev/ui/forms/ui_*.py`` with pyside6-uic.

Run after editing a .ui file:  python tools/build_ui.py
The compiled modules are committed; tests/ui/test_forms_fresh.py fails when one is stale.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS_DIR = ROOT / "forms"
OUTPUT_DIR = ROOT / "dualprev" / "ui" / "forms"


def uic_command() -> list[str]:
    """pyside6-uic from the running interpreter's environment, or from PATH."""
    beside = Path(sys.executable).with_name("pyside6-uic")
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which("pyside6-uic")
    if found:
        return [found]
    raise SystemExit("pyside6-uic not found: install PySide6 in this environment")


def output_for(ui_file: Path, output_dir: Path = OUTPUT_DIR) -> Path:
    return output_dir / f"ui_{ui_file.stem}.py"


def compile_form(ui_file: Path, target: Path) -> None:
    subprocess.run([*uic_command(), str(ui_file), "-o", str(target)], check=True)


def main() -> int:
    forms = sorted(FORMS_DIR.glob("*.ui"))
    for ui_file in forms:
        target = output_for(ui_file)
        compile_form(ui_file, target)
        print(f"{ui_file.relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
