"""Background work: the one helper that runs a function on the global QThreadPool and calls back on
the GUI thread with its result. No nested event loop: the caller returns at once, the window keeps
painting, and a window-modal progress dialog keeps the user from starting a second action meanwhile.

    tasks.run_in_background(self, self.tr("正在备份…"), lambda: create_archive(db, folder), self._on_backed_up)

Work that can stop early takes ``progress(done, total)`` and ``cancelled()`` and runs through
``run_cancellable``: its dialog shows 取消, which makes ``cancelled()`` true; the work decides how to
stop and still returns a result. A UserError raised by the work is shown as a message (or handed to
``on_refused``); any other exception is a bug and is raised again on the GUI thread, where the crash
handler reports it.
"""

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThread, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import Shiboken

from dualprev.errors import UserError
from dualprev.ui import messages

log = logging.getLogger(__name__)

T = TypeVar("T")
ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]

_running: set["BackgroundTask[Any]"] = set()
"""Tasks whose work has not called back yet: kept alive here, since the caller does not hold them."""


def tr(text: str) -> str:
    return QCoreApplication.translate("tasks", text)


def running() -> int:
    """How many background tasks have not delivered their result yet."""
    return len(_running)


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, work: Callable[[ProgressFn, CancelledFn], Any], cancel: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit, self._cancel.is_set)
        except BaseException as exc:  # handed to the GUI thread, which reports it
            self.signals.finished.emit(None, exc)
        else:
            self.signals.finished.emit(result, None)


class BackgroundTask(Generic[T]):
    """One piece of work on the thread pool behind its progress dialog; see ``run_in_background``."""

    def __init__(
        self,
        parent: QWidget | None,
        label: str,
        work: Callable[[ProgressFn, CancelledFn], T],
        on_done: Callable[[T], None],
        *,
        on_refused: Callable[[UserError], None] | None,
        cancellable: bool,
        min_duration_ms: int,
        on_bug: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._parent = parent
        self._on_bug = on_bug
        self._label = label
        self._on_done = on_done
        self._on_refused = on_refused
        self._cancel = threading.Event()
        self._finished = False
        self._job = _Job(work, self._cancel)
        self.dialog = QProgressDialog(label, tr("取消") if cancellable else "", 0, 0, parent)
        self.dialog.setObjectName("cancellable_progress_dialog" if cancellable else "task_progress_dialog")
        self.dialog.setWindowTitle(label)
        modality = Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal
        self.dialog.setWindowModality(modality)
        self.dialog.setMinimumDuration(min_duration_ms)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if cancellable:
            self.dialog.canceled.connect(self.cancel)
        else:
            self.dialog.setCancelButton(None)
        self._job.signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._job.signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        _running.add(self)
        QThreadPool.globalInstance().start(self._job)

    def cancel(self) -> None:
        """Ask the work to stop (it sees ``cancelled()`` become true)."""
        if not self._finished and not self._cancel.is_set():
            self._cancel.set()
            self.dialog.setLabelText(tr("正在取消…"))

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _on_progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            return
        if self.dialog.wasCanceled():  # closed without the button (Esc, window close)
            self.cancel()
            return
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        self.dialog.setLabelText(f"{self._label}（{done}/{total}）")

    def _on_finished(self, result: Any, error: object) -> None:
        _running.discard(self)
        self._finished = True
        if self._parent is not None and not Shiboken.isValid(self._parent):
            # The window that asked is gone (closed while the work ran): nobody is left to tell,
            # but a bug is still a bug.
            if isinstance(error, BaseException) and not isinstance(error, UserError):
                raise error
            log.info("background task finished after its window closed: %s", error or "done")
            return
        self.dialog.reset()
        self.dialog.deleteLater()
        if isinstance(error, UserError):
            log.info("background task refused: %s", error.message)
            if self._on_refused is not None:
                self._on_refused(error)
            else:
                messages.show_user_error(self._parent, error)
            return
        if isinstance(error, BaseException):
            if self._on_bug is None:
                raise error
            self._on_bug(error)
            return
        self._on_done(result)


def run_in_background(
    parent: QWidget | None,
    label: str,
    work: Callable[[], T],
    on_done: Callable[[T], None],
    *,
    on_refused: Callable[[UserError], None] | None = None,
    min_duration_ms: int = 300,
) -> BackgroundTask[T]:
    """Start ``work()`` on the thread pool behind a busy dialog without 取消 (for work that is one
    transaction: it completes or leaves nothing behind); ``on_done(result)`` runs on the GUI thread."""
    task = BackgroundTask(
        parent,
        label,
        lambda _progress, _cancelled: work(),
        on_done,
        on_refused=on_refused,
        cancellable=False,
        min_duration_ms=min_duration_ms,
    )
    task.start()
    return task


def run_cancellable(
    parent: QWidget | None,
    label: str,
    work: Callable[[ProgressFn, CancelledFn], T],
    on_done: Callable[[T], None],
    *,
    on_refused: Callable[[UserError], None] | None = None,
    min_duration_ms: int = 300,
) -> BackgroundTask[T]:
    """Start ``work(progress, cancelled)`` behind a determinate progress dialog with 取消;
    ``on_done(result)`` runs on the GUI thread (also after a cancel: the work decides what it returns)."""
    task = BackgroundTask(
        parent,
        label,
        work,
        on_done,
        on_refused=on_refused,
        cancellable=True,
        min_duration_ms=min_duration_ms,
    )
    task.start()
    return task


def run_before_event_loop(parent: QWidget | None, label: str, work: Callable[[], T]) -> T:
    """``work()``'s result (or its exception) for start-up code that runs before the application's
    event loop, such as the first-run screen: waits behind the progress dialog in a local loop,
    which is the only one running. Refuses to run inside a running event loop (no nesting)."""
    if QThread.currentThread().loopLevel() > 0:
        raise RuntimeError("run_before_event_loop inside a running event loop; use run_in_background")
    loop = QEventLoop()
    outcome: list[T] = []
    failure: list[BaseException] = []

    def done(result: T) -> None:
        outcome.append(result)
        loop.quit()

    def failed(error: BaseException) -> None:
        failure.append(error)
        loop.quit()

    task = BackgroundTask(
        parent,
        label,
        lambda _progress, _cancelled: work(),
        done,
        on_refused=failed,
        cancellable=False,
        min_duration_ms=300,
        on_bug=failed,
    )
    task.start()
    loop.exec()
    if failure:
        raise failure[0]
    return outcome[0]
