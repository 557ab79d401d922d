"""Background work that reports progress and can be cancelled: a determinate progress dialog with a
取消 button over a function running on the global QThreadPool.

The function receives ``progress(done, total)`` and ``cancelled()``; it decides how to stop (e.g. the
card export stops between cards and writes nothing). Its result, or its exception, comes back to
the calling (UI) thread.
"""

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


def tr(text: str) -> str:
    return QCoreApplication.translate("cancellable_task", text)


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object, object)  # result, exception


class _Job(QRunnable):
    def __init__(self, fn: Callable[[ProgressFn, CancelledFn], Any], cancel: threading.Event) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = cancel
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self._fn(self.signals.progress.emit, self._cancel.is_set)
        except BaseException as exc:  # handed to the UI thread, which re-raises it
            self.signals.finished.emit(None, exc)
        else:
            self.signals.finished.emit(result, None)


def run_cancellable(
    parent: QWidget | None,
    label: str,
    fn: Callable[[ProgressFn, CancelledFn], T],
    *,
    min_duration_ms: int = 300,
) -> T:
    """Run ``fn(progress, cancelled)`` off the UI thread behind a progress dialog with 取消; return
    its result (re-raise its error). Pressing 取消 makes ``cancelled()`` true; ``fn`` still returns."""
    cancel = threading.Event()
    job = _Job(fn, cancel)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}
    dialog = QProgressDialog(label, tr("取消"), 0, 0, parent)
    dialog.setObjectName("cancellable_progress_dialog")
    dialog.setWindowTitle(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(min_duration_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def _on_progress(done: int, total: int) -> None:
        if dialog.wasCanceled() and not cancel.is_set():
            _on_cancel()  # closed without the button (Esc, window close)
            return
        if cancel.is_set():
            return
        if dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(f"{label}（{done}/{total}）")

    def _on_cancel() -> None:
        cancel.set()
        dialog.setLabelText(tr("正在取消…"))

    def _on_finished(result: object, error: object) -> None:
        outcome["result"], outcome["error"] = result, error
        loop.quit()

    dialog.canceled.connect(_on_cancel)
    job.signals.progress.connect(_on_progress, Qt.ConnectionType.QueuedConnection)
    job.signals.finished.connect(_on_finished, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(job)
    if "error" not in outcome:
        loop.exec()
    dialog.canceled.disconnect(_on_cancel)
    dialog.reset()
    dialog.deleteLater()
    error = outcome.get("error")
    if isinstance(error, BaseException):
        raise error
    return outcome["result"]  # type: ignore[no-any-return]
