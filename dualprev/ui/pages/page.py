"""Base of the main window's pages: reload when a write changed what they show, lazily when hidden."""

from typing import Any, ClassVar

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from dualprev.services.changes import Entity, OpChanges
from dualprev.ui.context import AppContext


class Page(QWidget):
    """A page knows its navigation key and title, and how to reload itself from the services."""

    key: ClassVar[str]
    title: ClassVar[str]
    #: The kinds of records the page shows: a write that changed none of them leaves it alone.
    shows: ClassVar[frozenset[Entity]]
    status_timeout_ms: ClassVar[int] = 5000

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"{self.key}_page")
        self._stale = True
        ctx.events.data_changed.connect(self._on_data_changed)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # Qt's metaclass rules out ABCMeta; refuse an incomplete page when it is defined instead.
        missing = [name for name in ("key", "title", "shows") if not hasattr(cls, name)]
        if cls.reload is Page.reload:
            missing.append("reload()")
        if missing:
            raise TypeError(f"page {cls.__name__} must define {', '.join(missing)}")

    def reload(self) -> None:
        """Read everything the page shows from the services again (every page defines it)."""

    def may_leave(self) -> bool:
        """Whether the user may switch away (or close the window) now; a page holding unsaved
        edits asks 保存/放弃/取消 and answers False for 取消."""
        return True

    def show_status(self, text: str) -> None:
        """A short notice in the main window's status bar (nothing when the page stands alone)."""
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, self.status_timeout_ms)

    def refresh_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.reload()

    def _on_data_changed(self, changes: OpChanges) -> None:
        if not changes.touches(self.shows):
            return
        self._stale = True
        if self.isVisible():
            self.refresh_if_stale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh_if_stale()
