"""The enterprise's settings as a whole: which stored values are corrupt and what the user is told.

Each service reads the settings it needs through ``storage.settings`` with their declarations in
``domain.settings``; this module is for the program's start and the settings page.
"""

from dualprev.domain.settings import SettingProblem
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database


def setting_problems(db: Database) -> list[SettingProblem]:
    """Every stored setting that cannot be used (each is read as its default until saved again)."""
    with db.read_session() as s:
        return stored_settings.problems(s)
