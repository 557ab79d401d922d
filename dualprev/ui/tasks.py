"""Background work: one helper that runs a function on the global QThreadPool while the UI stays
responsive behind a progress dialog, and hands back its result (or re-raises its error)."""

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


class _Signals(QObject):
    finished = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._fn = fn
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # handed to the UI thread, which re-raises it
            self.signals.finished.emit(None, exc)
        else:
            self.signals.finished.emit(result, None)


def run_task(parent: QWidget | None, label: str, fn: Callable[[], T], *, min_duration_ms: int = 300) -> T:
    """Run ``fn`` on the thread pool, show a busy progress dialog, return its result.

    Events keep being processed meanwhile (so the window repaints); the dialog has no cancel button
    because the work runs as one transaction that either completes or leaves nothing behind.
    Exceptions raised by ``fn`` are re-raised here, in the calling (UI) thread.
    """
    job = _Job(fn)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def _on_finished(result: object, error: object) -> None:
        outcome["result"], outcome["error"] = result, error
        loop.quit()

    job.signals.finished.connect(_on_finished, Qt.ConnectionType.QueuedConnection)
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setObjectName("task_progress_dialog")
    dialog.setCancelButton(None)
    dialog.setWindowTitle(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(min_duration_ms)
    QThreadPool.globalInstance().start(job)
    if "error" not in outcome:
        loop.exec()
    dialog.reset()
    dialog.deleteLater()
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    return outcome["result"]  # type: ignore[no-any-return]
