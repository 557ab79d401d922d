"""Closing a form that holds changes (取消, Esc, the window's ×) asks 保存/放弃/取消 instead of
silently throwing away what was typed."""

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

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


def form_state(root: QWidget) -> tuple[object, ...]:
    """Everything a user can type, pick or tick in ``root``: equal states mean nothing changed."""
    state: list[object] = []
    for widget in root.findChildren(QWidget):
        if _part_of_a_combo(widget) or widget.isWindow():
            continue  # popups (a combo's list, a completer's) are not part of what was typed
        if isinstance(widget, QLineEdit):
            if not isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
                state.append(widget.text())
        elif isinstance(widget, (QPlainTextEdit, QTextEdit)):
            state.append(widget.toPlainText())
        elif isinstance(widget, QAbstractSpinBox):
            state.append(widget.text())
        elif isinstance(widget, QComboBox):
            state.append((widget.currentIndex(), widget.currentText()))
        elif isinstance(widget, QAbstractButton) and widget.isCheckable():
            state.append(widget.isChecked())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            state.append(_model_state(widget.model()))
    return tuple(state)


def _part_of_a_combo(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def _model_state(model: QAbstractItemModel) -> tuple[object, ...]:
    # A QListWidget's model is a QAbstractListModel, whose columnCount PySide cannot call (private):
    # the exception, raised inside showEvent, crashed the application.
    rows = model.rowCount()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount()
    if rows * columns > _MAX_CELLS:  # a picker over a long list: its size stands for it
        return (rows, columns)
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.CheckStateRole)
    return tuple(
        str(model.index(row, column).data(role))
        for row in range(rows)
        for column in range(columns)
        for role in roles
    )


_MAX_CELLS = 5000


class GuardedDialog(QDialog):
    """A data-entry dialog whose 取消, Esc and × ask 保存/放弃/取消 once something was changed.

    What the form shows when it first appears is remembered (``form_state``); 保存 runs the
    dialog's ``_on_accept``, which closes it only when the input is valid.
    """

    _unsaved: UnsavedChangesGuard | None = None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._unsaved is None:
            self._unsaved = UnsavedChangesGuard(self, lambda: form_state(self), self._save_from_guard)

    def _save_from_guard(self) -> None:
        save = getattr(self, "_on_accept", None)
        if callable(save):
            save()

    def reject(self) -> None:
        if self._unsaved is None or self._unsaved.may_close():
            super().reject()
