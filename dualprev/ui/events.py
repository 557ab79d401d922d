"""What changed: one ``data_changed`` signal after each write, so pages decide whether to reload."""

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class ChangeSet:
    """The kinds of records a write touched, e.g. ``{"person"}`` or ``{"enterprise"}``."""

    entities: frozenset[str]

    @classmethod
    def of(cls, *entities: str) -> "ChangeSet":
        return cls(frozenset(entities))

    def touches(self, *entities: str) -> bool:
        return not self.entities.isdisjoint(entities) or "*" in self.entities


class DataEvents(QObject):
    """Carrier of the application's data_changed signal (one instance per open database)."""

    data_changed = Signal(object)

    def emit_changed(self, *entities: str) -> None:
        self.data_changed.emit(ChangeSet.of(*entities))
