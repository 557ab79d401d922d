"""What every page needs: the open database, preferences, the data_changed events, today's date."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dualprev.services import changes, organisation_service
from dualprev.services.database import Database
from dualprev.ui.events import DataEvents
from dualprev.ui.prefs import Prefs

DEFAULT_ACTOR = "安全员"


@dataclass
class AppContext:
    """Passed to the main window and its pages (no global singletons)."""

    db: Database
    prefs: Prefs
    events: DataEvents = field(default_factory=DataEvents)
    today: Callable[[], date] = date.today
    log_dir: Path | None = None

    def __post_init__(self) -> None:
        # Every committed write to this database reaches the pages, whoever made it.
        self.stop_watching = changes.watch(self.db, self.events.announce)

    def actor(self) -> str:
        """Who is recorded in the audit log: the chosen operator, else the enterprise's safety manager."""
        if self.prefs.actor:
            return self.prefs.actor
        return self.default_actor()

    def default_actor(self) -> str:
        profile = organisation_service.get_enterprise(self.db)
        return (profile.safety_manager_name if profile else "") or DEFAULT_ACTOR
