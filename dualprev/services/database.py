"""The open database as the services take it: the UI holds one and hands it back to every call.

The UI may not import storage, yet it has to name the type it passes around; this is that name.
"""

from dualprev.storage.db import Database as Database

__all__ = ["Database"]
