"""Save a PNG of every main-window page on a database, offscreen, to look at what users see.

python tools/grab_pages.py DB OUT_DIR [--size 1366x768] [PAGE_KEY ...]
"""

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from dualprev.ui.gui import create_application, start_main_window
from dualprev.ui.prefs import Prefs


def main(argv: list[str]) -> int:
    db, out = Path(argv[0]), Path(argv[1])
    rest = argv[2:]
    width, height = 1440, 900
    if rest and rest[0] == "--size":
        width, height = (int(x) for x in rest[1].split("x"))
        rest = rest[2:]
    wanted = set(rest)
    out.mkdir(parents=True, exist_ok=True)
    create_application([])
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "prefs.ini"), QSettings.Format.IniFormat)
    window = start_main_window(db, Prefs(settings))
    if window is None:
        return 1
    window.resize(width, height)
    window.show()
    for page in window.pages():
        if wanted and page.key not in wanted:
            continue
        window.show_page(page.key)
        for _ in range(5):
            QApplication.processEvents()
        window.grab().save(str(out / f"{page.key}.png"))
        print(out / f"{page.key}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
