"""What the tabs of 隐患排查 share: writes that announce every kind of check change and leave a
status notice, printouts rendered off the GUI thread, and the way to a hidden danger in the ledger."""

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from dualprev.domain.ledger import LedgerFilter
from dualprev.ui import operations, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.check_print_dialog import CheckPrintDialog
from dualprev.ui.operations import FAILED, Outcome
from dualprev.ui.pages.ledger_page import LedgerFocus

T = TypeVar("T")


class CheckTab(QWidget):
    status = Signal(str)
    """A short notice for the status bar (the page shows it)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def button(self, layout: QHBoxLayout, name: str, text: str, handler: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: handler())
        layout.addWidget(button)
        return button

    def write(self, call: Callable[[], T], done: str = "") -> Outcome[T]:
        """Run a service write (``operations.write``); on success leave ``done`` in the status bar."""
        result = operations.write(self, self.ctx.events, call)
        if result is not FAILED and done:
            self.status.emit(done)
        return result

    def print_pdf(self, render: Callable[[], bytes], title: str, name: str) -> None:
        """Render a printout on the thread pool, then show it in the print preview."""
        tasks.run_in_background(
            self,
            self.tr("正在生成…"),
            render,
            lambda data: CheckPrintDialog.show_pdf(self, data, title, name, prefs=self.ctx.prefs),
        )


def open_in_ledger(widget: QWidget, hidden_danger_id: int) -> None:
    """Show a hidden danger in the ledger (unfiltered, so it is always there)."""
    window = widget.window()
    show_page = getattr(window, "show_page", None)
    if show_page is None:
        return
    page = show_page("ledger")
    apply_focus = getattr(page, "apply_focus", None)
    if apply_focus is not None:
        apply_focus(LedgerFocus(LedgerFilter(), hidden_danger_id))
