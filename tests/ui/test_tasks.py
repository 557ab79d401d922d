"""ui.tasks: work runs on the thread pool, the caller returns at once (no nested event loop), the
result comes back on the GUI thread; refusals become messages, bugs are raised again; cancel works."""

import threading

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from dualprev.errors import StorageError
from dualprev.ui import tasks
from dualprev.ui.tasks import CancelledFn, ProgressFn

from .conftest import MessageLog, wait_for_tasks


def test_result_arrives_on_the_gui_thread_without_blocking_the_caller(qtbot: QtBot) -> None:
    release = threading.Event()
    worker_threads: list[bool] = []
    results: list[tuple[str, bool]] = []

    def work() -> str:
        worker_threads.append(threading.current_thread() is threading.main_thread())
        assert release.wait(10)
        return "done"

    task = tasks.run_in_background(
        None, "测试", work, lambda result: results.append((result, QThread.currentThread().loopLevel() > 0))
    )
    # The call returned while the work is still waiting: the GUI thread was never blocked on it.
    assert results == [] and tasks.running() == 1 and not task.is_cancelled()
    release.set()
    qtbot.waitUntil(lambda: bool(results))
    assert worker_threads == [False]
    assert results == [("done", True)]  # delivered by the event loop, on the GUI thread
    assert tasks.running() == 0


def test_a_refusal_is_shown_as_a_message(qtbot: QtBot, message_log: MessageLog) -> None:
    def work() -> str:
        raise StorageError("磁盘空间不足")

    done: list[str] = []
    tasks.run_in_background(None, "测试", work, done.append)
    wait_for_tasks(qtbot)
    assert done == [] and message_log.errors == ["磁盘空间不足"]


def test_a_refusal_can_be_handled_by_the_caller(qtbot: QtBot, message_log: MessageLog) -> None:
    def work() -> str:
        raise StorageError("磁盘空间不足")

    refused: list[str] = []
    tasks.run_in_background(
        None, "测试", work, lambda _r: None, on_refused=lambda e: refused.append(e.message)
    )
    wait_for_tasks(qtbot)
    assert refused == ["磁盘空间不足"] and message_log.errors == []


def test_a_bug_in_the_work_is_raised_again_on_the_gui_thread(qtbot: QtBot) -> None:
    def work() -> str:
        raise ZeroDivisionError("bug")

    with qtbot.captureExceptions() as raised:
        tasks.run_in_background(None, "测试", work, lambda _r: None)
        wait_for_tasks(qtbot)
    assert [type(error) for _type, error, _tb in raised] == [ZeroDivisionError]


def test_cancel_button_stops_background_work(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    seen: list[int] = []
    results: list[str] = []

    def work(progress: ProgressFn, cancelled: CancelledFn) -> str:
        for i in range(500):
            if cancelled():
                return f"stopped at {i}"
            progress(i, 500)
            seen.append(i)
            threading.Event().wait(0.01)
        return "finished"

    def press_cancel() -> None:
        dialog = parent.findChild(QProgressDialog)
        assert dialog is not None and dialog.isVisible()
        button = dialog.findChild(QPushButton)
        assert button is not None and button.text() == "取消"
        button.click()

    QTimer.singleShot(250, press_cancel)
    task = tasks.run_cancellable(parent, "测试", work, results.append, min_duration_ms=0)
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert task.is_cancelled()
    assert results[0].startswith("stopped at") and len(seen) < 500


def test_start_up_work_waits_for_its_result_outside_any_event_loop(qtbot: QtBot) -> None:
    assert tasks.run_before_event_loop(None, "测试", lambda: threading.current_thread().name) != "MainThread"
    with pytest.raises(StorageError):
        tasks.run_before_event_loop(None, "测试", lambda: (_ for _ in ()).throw(StorageError("坏了")))


def test_no_call_back_into_a_window_closed_meanwhile(qtbot: QtBot) -> None:
    parent = QWidget()
    release = threading.Event()
    done: list[str] = []
    tasks.run_in_background(parent, "测试", lambda: "done" if release.wait(10) else "timeout", done.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not Shiboken.isValid(parent))
    release.set()
    wait_for_tasks(qtbot)
    assert done == []
