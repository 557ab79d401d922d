"""The user's GUI preferences (window geometry, last page, current operator, post-card paper) in a
QSettings: every key is declared here and nowhere else. The enterprise's settings, kept in its
database, are declared in ``dualprev.domain.settings``.

Tests pass a QSettings backed by an ini file under tmp, so they never touch the real settings.
"""

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class Prefs:
    """Typed access to the GUI's QSettings keys."""

    GEOMETRY = "main_window/geometry"
    LAST_PAGE = "main_window/last_page"
    ACTOR = "user/actor"
    CARD_PAPER_SIZE = "post_cards/size"
    CARD_TWO_UP = "post_cards/two_up"
    RECENT_FILES = "files/recent"
    BACKUP_KEEP = "backup/keep"
    EXPORT_DIR = "files/export_dir"
    STEP_PERSON = "hidden_danger_steps"
    MAX_RECENT = 8

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

    @property
    def card_paper_size(self) -> str:
        """The paper the post-card page last printed on (``A4`` until chosen)."""
        value = self._settings.value(self.CARD_PAPER_SIZE, "A4")
        return value if isinstance(value, str) and value else "A4"

    @card_paper_size.setter
    def card_paper_size(self, size: str) -> None:
        self._settings.setValue(self.CARD_PAPER_SIZE, size)

    @property
    def card_two_up(self) -> bool:
        """Whether post cards print two to a sheet."""
        return str(self._settings.value(self.CARD_TWO_UP, "false")).lower() == "true"

    @card_two_up.setter
    def card_two_up(self, two_up: bool) -> None:
        self._settings.setValue(self.CARD_TWO_UP, "true" if two_up else "false")

    @property
    def recent_files(self) -> list[Path]:
        """Databases opened lately, most recent first."""
        value = self._settings.value(self.RECENT_FILES, [])
        if isinstance(value, str):
            value = [value]
        return [Path(v) for v in value if isinstance(v, str) and v] if isinstance(value, list) else []

    def add_recent_file(self, path: Path) -> None:
        entries = [p for p in self.recent_files if p != path]
        self._settings.setValue(self.RECENT_FILES, [str(p) for p in [path, *entries][: self.MAX_RECENT]])

    @property
    def backup_keep(self) -> int:
        """How many automatic archives to keep (数据备份 → 保留份数)."""
        value = self._settings.value(self.BACKUP_KEEP, 10)
        try:
            return max(1, min(365, int(str(value))))
        except ValueError:
            return 10

    @backup_keep.setter
    def backup_keep(self, count: int) -> None:
        self._settings.setValue(self.BACKUP_KEEP, max(1, min(365, count)))

    @property
    def export_dir(self) -> Path | None:
        """The folder the last export was saved in (save dialogs start there); None until one was."""
        value = self._settings.value(self.EXPORT_DIR, "")
        return Path(value) if isinstance(value, str) and value else None

    @export_dir.setter
    def export_dir(self, folder: Path) -> None:
        self._settings.setValue(self.EXPORT_DIR, str(folder))

    def step_person(self, step: str) -> str:
        """Who was last named as having done ``step`` of a hidden danger (登记, 整改完成 …)."""
        value = self._settings.value(f"{self.STEP_PERSON}/{step}", "")
        return value.strip() if isinstance(value, str) else ""

    def set_step_person(self, step: str, name: str) -> None:
        self._settings.setValue(f"{self.STEP_PERSON}/{step}", name.strip())

    def sync(self) -> None:
        self._settings.sync()
