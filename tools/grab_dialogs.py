"""Open every dialog over the main window on a database, offscreen, and save a PNG of each (and print
its size), to look at what users see on a small laptop screen.

python tools/grab_dialogs.py DB OUT_DIR [--screen 1366x768] [NAME ...]
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ui"))

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QDialog

from dualprev.ui import screen_fit
from dualprev.ui.gui import create_application, start_main_window
from dualprev.ui.prefs import Prefs


def main(argv: list[str]) -> int:
    db, out = Path(argv[0]), Path(argv[1])
    rest = argv[2:]
    width, height = 1366, 768
    if rest and rest[0] == "--screen":
        width, height = (int(x) for x in rest[1].split("x"))
        rest = rest[2:]
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp()) / db.name
    shutil.copy(db, work)  # the dialogs are cancelled, but never risk the user's file
    create_application([])
    screen_fit.available_geometry_override = QRect(0, 0, width, height - 40)  # minus a Windows taskbar
    settings = QSettings(str(work.parent / "prefs.ini"), QSettings.Format.IniFormat)
    window = start_main_window(work, Prefs(settings))
    if window is None:
        return 1
    window.resize(width, height - 40)
    window.show()
    import dialog_gallery

    def grab(name: str, dialog: QDialog) -> None:
        path = out / f"{name}.png"
        dialog.grab().save(str(path))
        print(
            f"{path}  {dialog.width()}x{dialog.height()}  min {dialog.minimumSizeHint().width()}x"
            f"{dialog.minimumSizeHint().height()}"
        )

    dialog_gallery.open_all(window, grab, set(rest) or None)
    window.close()
    window.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
