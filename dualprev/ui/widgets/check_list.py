"""Check-box lists of records (posts, accident types, library entries…) in a QListWidget: filling
them, reading back which are ticked, and ticking one by its key."""

from collections.abc import Collection, Hashable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def fill(
    list_widget: QListWidget, choices: Iterable[tuple[str, Hashable]], checked: Collection[Any] = ()
) -> None:
    """Replace the items with ``(text, key)`` choices, ticking those whose key is in ``checked``."""
    list_widget.clear()
    for text, key in choices:
        item = QListWidgetItem(text, list_widget)
        item.setData(KEY_ROLE, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)


def items(list_widget: QListWidget) -> list[QListWidgetItem]:
    return [list_widget.item(i) for i in range(list_widget.count())]


def key_of(item: QListWidgetItem) -> Any:
    return item.data(KEY_ROLE)


def checked_keys(list_widget: QListWidget) -> tuple[Any, ...]:
    """Keys of the ticked items, in list order."""
    return tuple(key_of(i) for i in items(list_widget) if i.checkState() == Qt.CheckState.Checked)


def checked_ids(list_widget: QListWidget) -> tuple[int, ...]:
    """Integer keys of the ticked items, in list order."""
    return tuple(int(key) for key in checked_keys(list_widget))


def set_checked(list_widget: QListWidget, key: Any, checked: bool) -> None:
    for item in items(list_widget):
        if key_of(item) == key:
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
