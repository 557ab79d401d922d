"""Closing a form that holds changes (取消, Esc, the window's ×) asks 保存/放弃/取消 instead of
silently throwing away what was typed."""

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from dualprev.ui import messages


class UnsavedChangesGuard:
    """Remembers what a form showed when it opened; :meth:`may_close` asks when it differs."""

    def __init__(self, form: QWidget, snapshot: Callable[[], object], save: Callable[[], None]) -> None:
        self._form = form
        self._snapshot = snapshot
        self._save = save
        self._initial = snapshot()

    def has_changes(self) -> bool:
        return bool(self._snapshot() != self._initial)

    def may_close(self) -> bool:
        """True when the form may close without saving: nothing changed, or the user chose 放弃.

        保存 runs the form's own save (which closes it when the input is valid, or shows what is
        wrong and stays open); 取消 keeps the form open.
        """
        if not self.has_changes():
            return True
        answer = messages.ask_unsaved(self._form)
        if answer is messages.UnsavedAnswer.SAVE:
            self._save()
            return False
        return answer is messages.UnsavedAnswer.DISCARD
