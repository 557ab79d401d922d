"""Error kinds: a UserError is expected (bad input, missing record, storage trouble) and carries a
one-line Chinese message for the user; anything else that escapes is a bug."""

from pathlib import Path


class DualprevError(Exception):
    """Base of every error dualprev raises on purpose."""


class UserError(DualprevError):
    """An expected failure whose message (Simplified Chinese) is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(UserError):
    """Input that breaks a domain rule; ``field`` names the offending field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFoundError(UserError):
    """A record that should exist does not."""


class ConflictError(UserError):
    """The action clashes with existing data (duplicate name, record in use, non-empty database)."""


class StorageError(UserError):
    """The database or file store cannot do what was asked (disk full, locked, corrupt, too new)."""


class DamagedDatabaseError(StorageError):
    """The file is a dualprev database that cannot be used as it is: an upgrade or creation was cut
    off by an older version, or the integrity check failed. ``backup`` is the newest backup that can
    replace it (None when there is none); repairing needs the user's consent."""

    def __init__(self, message: str, *, path: Path, backup: Path | None, recreate: bool = False) -> None:
        super().__init__(message)
        self.path = path
        self.backup = backup
        self.recreate = recreate
        """No backup is needed: the file holds no data yet and can simply be created again."""
