"""The product side of the cold-start figure: dualprev's GUI start (application, fonts, lock, open and
check the database, main window with its first page) up to the window's first paint.

    python bench/start_app.py DB SETTINGS_DIR

Prints the time.time() of the first paint and quits (the runner subtracts the time it spawned us).
"""

import sys
import time
from pathlib import Path


def main() -> None:
    db_path, settings_dir = Path(sys.argv[1]), sys.argv[2]
    from PySide6.QtCore import QEvent, QObject, QSettings

    from dualprev.ui.gui import create_application, start_main_window
    from dualprev.ui.prefs import Prefs

    app = create_application([sys.argv[0]])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    prefs = Prefs(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "bench", "bench"))
    window = start_main_window(db_path, prefs)
    if window is None:
        raise SystemExit("the main window did not open")

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print(time.time(), flush=True)
                app.quit()
            return False

    window.installEventFilter(painted := FirstPaint())
    window.show()
    app.exec()
    window.shutdown()
    del painted


if __name__ == "__main__":
    main()
