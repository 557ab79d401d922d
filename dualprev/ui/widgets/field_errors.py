"""Showing a validation message for the offending field: the field gets a red frame and the
message as tooltip and focus; the form's error label repeats the message in words."""

from PySide6.QtWidgets import QLabel, QWidget

_INVALID_STYLE = "border: 1px solid #C00000; border-radius: 2px;"


class FieldErrors:
    """Maps service/domain field names (``"uscc"``) to the widgets that edit them."""

    def __init__(self, error_label: QLabel, fields: dict[str, QWidget]) -> None:
        self._label = error_label
        self._fields = fields
        self._marked: list[QWidget] = []
        self._label.setVisible(False)

    def show(self, message: str, field: str | None = None) -> None:
        """Display ``message``; highlight and focus the widget of ``field`` when known."""
        self.clear()
        self._label.setText(message)
        self._label.setVisible(True)
        widget = self._fields.get(field or "")
        if widget is not None:
            widget.setStyleSheet(_INVALID_STYLE)
            widget.setToolTip(message)
            widget.setFocus()
            self._marked.append(widget)

    def clear(self) -> None:
        for widget in self._marked:
            widget.setStyleSheet("")
            widget.setToolTip("")
        self._marked.clear()
        self._label.clear()
        self._label.setVisible(False)

    @property
    def message(self) -> str:
        return self._label.text()

    def widget_for(self, field: str) -> QWidget | None:
        return self._fields.get(field)

    def is_marked(self, field: str) -> bool:
        widget = self._fields.get(field)
        return widget is not None and widget in self._marked
