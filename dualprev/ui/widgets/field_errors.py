"""Showing what is wrong with a form, all of it at once: every offending field gets a red frame and
its messages as tooltip (and the dynamic property ``invalid``), the first one gets the focus, and the
form's error label lists every message."""

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QLabel, QWidget

INVALID_PROPERTY = "invalid"
"""Dynamic property that is true while a field is marked."""
_INVALID_STYLE = f'*[{INVALID_PROPERTY}="true"] {{ border: 1px solid #C00000; border-radius: 2px; }}'
"""Only the marked widget itself: a rule without selector would also frame every child (the cells of
a table, the line edit inside a date edit)."""

FieldProblem = tuple[str | None, str]
"""``(field, message)``; the field is None or "" when the problem is the form's as a whole."""


def summary(messages: Sequence[str]) -> str:
    """One message as it is; several as a numbered list under a heading that counts them."""
    if len(messages) == 1:
        return messages[0]
    lines = [f"{number}. {message}" for number, message in enumerate(messages, start=1)]
    return "\n".join([f"有 {len(messages)} 处需要修改：", *lines])


class FieldErrors:
    """Maps service/domain field names (``"uscc"``) to the widgets that edit them."""

    def __init__(self, error_label: QLabel, fields: dict[str, QWidget]) -> None:
        self._label = error_label
        self._fields = fields
        self._marked: dict[QWidget, tuple[str, str]] = {}
        """Each marked widget with the style sheet and tooltip it had before."""
        self._messages: list[str] = []
        self._label.setWordWrap(True)
        self._label.setVisible(False)

    def show(self, message: str, field: str | None = None) -> None:
        """Display one ``message``; highlight and focus the widget of ``field`` when known."""
        self.show_all([(field, message)])

    def show_all(self, problems: Iterable[FieldProblem]) -> None:
        """Display every problem at its field and all of them in the error label; nothing shown
        (and everything cleared) when there are none."""
        self.clear()
        found = [(field or "", message) for field, message in problems]
        if not found:
            return
        self._messages = list(dict.fromkeys(message for _field, message in found))
        self._label.setText(summary(self._messages))
        self._label.setVisible(True)
        per_widget: dict[QWidget, list[str]] = {}
        for field, message in found:
            widget = self._fields.get(field)
            if widget is not None and message not in per_widget.setdefault(widget, []):
                per_widget[widget].append(message)
        for widget, messages in per_widget.items():
            self._marked[widget] = (widget.styleSheet(), widget.toolTip())
            text = "\n".join(messages)
            widget.setProperty(INVALID_PROPERTY, True)
            widget.setStyleSheet(_INVALID_STYLE)
            widget.setToolTip(text)
        if per_widget:
            next(iter(per_widget)).setFocus()

    def clear(self) -> None:
        for widget, (style, tooltip) in self._marked.items():
            widget.setStyleSheet(style)
            widget.setToolTip(tooltip)
            widget.setProperty(INVALID_PROPERTY, False)
        self._marked.clear()
        self._messages = []
        self._label.clear()
        self._label.setVisible(False)

    @property
    def message(self) -> str:
        """What the error label says (every message, numbered, when there are several)."""
        return self._label.text()

    @property
    def messages(self) -> list[str]:
        """Every message shown, in the order of the form's rules."""
        return list(self._messages)

    def widget_for(self, field: str) -> QWidget | None:
        return self._fields.get(field)

    def is_marked(self, field: str) -> bool:
        widget = self._fields.get(field)
        return widget is not None and widget in self._marked

    def message_at(self, field: str) -> str:
        """The messages shown at ``field``'s widget (its tooltip while marked), or ""."""
        widget = self._fields.get(field)
        return widget.toolTip() if widget is not None and widget in self._marked else ""

    def marked_fields(self) -> list[str]:
        """The names of the fields marked now, in the order they were given to the constructor."""
        return [name for name, widget in self._fields.items() if widget in self._marked]
