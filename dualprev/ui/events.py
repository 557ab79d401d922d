"""What changed: one ``data_changed`` signal after each write, so pages decide whether to reload.

The database announces every committed write (``services.changes.watch``); this carrier brings the
announcement to the GUI thread and, while an operation runs (``batch``), gathers its writes into
one signal so a page reloads once per user action, not once per transaction.
"""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt, Signal

from dualprev.services.changes import Entity, OpChanges


class DataEvents(QObject):
    """Carrier of the application's data_changed signal (one instance per open database)."""

    data_changed = Signal(object)  # OpChanges
    _from_other_thread = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._gui_thread = threading.get_ident()
        self._batch_depth = 0
        self._pending = OpChanges()
        self._from_other_thread.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def announce(self, changes: OpChanges) -> None:
        """Called from any thread with what a write changed."""
        if not changes:
            return
        if threading.get_ident() != self._gui_thread:
            self._from_other_thread.emit(changes)
        else:
            self._deliver(changes)

    def emit_changed(self, *entities: Entity) -> None:
        """Announce a change the database cannot see (another file was opened or restored)."""
        self.announce(OpChanges.of(*entities))

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Hold announcements until the block ends, then send them as one."""
        self._batch_depth += 1
        try:
            yield
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._pending:
                pending, self._pending = self._pending, OpChanges()
                self.data_changed.emit(pending)

    def _deliver(self, changes: OpChanges) -> None:
        if self._batch_depth:
            self._pending = self._pending | changes
        else:
            self.data_changed.emit(changes)
