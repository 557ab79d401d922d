"""One main window at a time, and the 文件 menu's switches between database files: open another
(新建/打开/最近使用) or restore an archive into the current one.

A restore keeps the database's lock: the window closes its database, the archive replaces it, and
a new window opens on the same file with the same lock, so no other program slips in between.
"""

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool

from dualprev.errors import UserError
from dualprev.services import archive_service, database_lock
from dualprev.services.archive_service import ArchiveInfo, RestoreResult
from dualprev.services.database_lock import DatabaseLock
from dualprev.ui import messages
from dualprev.ui.crash import CrashHandler
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages.backup_page import describe_archive
from dualprev.ui.tasks import run_in_background

log = logging.getLogger(__name__)

StartWindow = Callable[[Path, DatabaseLock | None], MainWindow | None]
"""Opens a database in a new main window (taking its lock unless given); None when it cannot."""


class DatabaseWindows(QObject):
    """Owns the current main window and replaces it when the user switches or restores a file."""

    def __init__(self, start: StartWindow, crash: CrashHandler | None = None) -> None:
        super().__init__()
        self._start = start
        self._crash = crash
        self.window: MainWindow | None = None

    def adopt(self, window: MainWindow) -> None:
        """Make ``window`` the current one and show it."""
        self.window = window
        window.open_requested.connect(self._on_open_requested)
        window.restore_requested.connect(self._on_restore_requested)
        if self._crash is not None:
            self._crash.db_path = window.ctx.db.path
        window.show()
        self._daily_archive(window)

    def _daily_archive(self, window: MainWindow) -> None:
        """The automatic archive of the day (once per day, the last N kept), in the background."""
        db, keep = window.ctx.db, window.ctx.prefs.backup_keep

        def refused(exc: UserError) -> None:
            log.warning("daily archive of %s failed: %s", db.path, exc)
            messages.show_error(window, f"今天的自动备份没有完成：{exc.message}", title="自动备份")

        run_in_background(
            window,
            "正在自动备份…",
            lambda: archive_service.daily_archive(db, keep=keep),
            lambda made: log.info("daily archive: %s", made or "already made today"),
            on_refused=refused,
        )

    def shutdown(self) -> None:
        if self.window is not None:
            self.window.shutdown()
            self.window = None

    def _replace(self, new: MainWindow) -> None:
        old = self.window
        if old is not None:
            old.close()
            old.shutdown()
            old.deleteLater()
        self.adopt(new)

    def _on_open_requested(self, path: Path) -> None:
        current = self.window
        if current is not None and _same_file(current.ctx.db.path, path):
            messages.show_info(current, f"这个数据库已经打开：{path}")
            return
        new = self._start(path, None)
        if new is not None:
            self._replace(new)

    def _on_restore_requested(self, archive: Path) -> None:
        window = self.window
        if window is None:
            return
        run_in_background(
            window,
            "正在校验备份…",
            lambda: archive_service.preview(archive),
            lambda info: self._confirm_restore(window, archive, info),
        )

    def _confirm_restore(self, window: MainWindow, archive: Path, info: ArchiveInfo) -> None:
        if window is not self.window:
            return
        db_path = window.ctx.db.path
        question = (
            describe_archive(info)
            + f"\n\n恢复后，当前数据库 {db_path} 将与这份备份完全相同。"
            + "\n恢复前，当前数据会先自动备份（可在“数据备份”页再恢复回来）。"
        )
        if not messages.confirm(window, question, title="恢复备份", action="恢复"):
            return
        lock = window.take_lock()
        window.setEnabled(False)
        QThreadPool.globalInstance().waitForDone()  # nothing may still be reading the file
        window.ctx.db.close()
        keep = window.ctx.prefs.backup_keep

        def refused(exc: UserError) -> None:
            log.warning("restore of %s from %s failed: %s", db_path, archive, exc)
            messages.show_user_error(window, exc)
            self._reopen(db_path, lock, archive, None)

        run_in_background(
            window,
            "正在恢复备份…",
            lambda: archive_service.restore(db_path, archive, keep=keep),
            lambda result: self._reopen(db_path, lock, archive, result),
            on_refused=refused,
        )

    def _reopen(
        self, db_path: Path, lock: DatabaseLock | None, archive: Path, result: RestoreResult | None
    ) -> None:
        new = self._start(db_path, lock)
        if new is None:
            # The file cannot be opened after all (the user was told why): nothing is left to show.
            if self.window is not None:
                self.window.close()
            return
        self._replace(new)
        if result is not None:
            previous = f"\n恢复前的数据已备份为：{result.previous}" if result.previous else ""
            messages.show_info(new, f"已从备份恢复：{archive}{previous}", title="恢复完成")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return database_lock.identity_key(a) == database_lock.identity_key(b)
    except OSError:
        return False
