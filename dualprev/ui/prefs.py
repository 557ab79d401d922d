"""The user's GUI preferences (window geometry, last page, current operator) in a QSettings.

Tests pass a QSettings backed by an ini file under tmp, so they never touch the real settings.
"""

from PySide6.QtCore import QByteArray, QSettings


class Prefs:
    """Typed access to the GUI's QSettings keys."""

    GEOMETRY = "main_window/geometry"
    LAST_PAGE = "main_window/last_page"
    ACTOR = "user/actor"

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @property
    def settings(self) -> QSettings:
        return self._settings

    @property
    def geometry(self) -> QByteArray | None:
        value = self._settings.value(self.GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue(self.GEOMETRY, value)

    @property
    def last_page(self) -> str:
        value = self._settings.value(self.LAST_PAGE, "")
        return value if isinstance(value, str) else ""

    @last_page.setter
    def last_page(self, key: str) -> None:
        self._settings.setValue(self.LAST_PAGE, key)

    @property
    def actor(self) -> str:
        """The operator name recorded in the audit log; empty when the user never set one."""
        value = self._settings.value(self.ACTOR, "")
        return value.strip() if isinstance(value, str) else ""

    @actor.setter
    def actor(self, name: str) -> None:
        self._settings.setValue(self.ACTOR, name.strip())

    def sync(self) -> None:
        self._settings.sync()
