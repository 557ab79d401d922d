"""Images beside the database under content-hashed names (``<files_dir>/ab/abcdef….jpg``).

Writing is atomic (temporary file, then rename), and the same content is stored once.
"""

import hashlib
import logging
import os
import re
import tempfile
from pathlib import Path

from dualprev.errors import StorageError

log = logging.getLogger(__name__)


REFUSED_DIR = ".refused"
_SAFE_NAME = re.compile(r"^[0-9A-Za-z_.-]{1,200}(/[0-9A-Za-z_.-]{1,200}){0,3}$")


def contained(root: Path, name: str) -> Path | None:
    """``root / name`` when ``name`` is a plain relative name that stays inside ``root`` even
    after resolving links; None otherwise."""
    if not _SAFE_NAME.match(name) or any(part in (".", "..") for part in name.split("/")):
        return None
    candidate = root / name
    try:
        resolved = candidate.resolve()
        base = root.resolve()
    except (OSError, RuntimeError):
        return None
    if base not in resolved.parents:
        log.warning("refused the stored file name %r: it leads outside %s", name, root)
        return None
    return candidate


class FileStore:
    """Content-addressed store in one folder. Names returned are relative (``ab/abcd….png``)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @staticmethod
    def name_for(data: bytes, suffix: str) -> str:
        digest = hashlib.sha256(data).hexdigest()
        return f"{digest[:2]}/{digest}{suffix.lower()}"

    def put(self, data: bytes, suffix: str) -> str:
        """Store ``data``; returns its relative name. Raises StorageError (disk full, no permission)."""
        name = self.name_for(data, suffix)
        target = self.root / name
        if target.exists() and target.stat().st_size == len(data):
            return name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".part")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise StorageError(
                f"无法保存文件到 {self.root}：{exc.strerror or exc}（磁盘已满或无写入权限？）"
            ) from exc
        return name

    def path(self, name: str) -> Path:
        """Where ``name`` lives, always inside the folder.

        Names come from the database, which may have been crafted: one that is absolute, climbs
        out with ``..`` or leads through a link to elsewhere is refused and mapped to a path that
        does not exist, so it reads as a missing file and nothing outside the folder is read,
        embedded or deleted.
        """
        return (
            contained(self.root, name) or self.root / REFUSED_DIR / hashlib.sha256(name.encode()).hexdigest()
        )

    def read(self, name: str) -> bytes:
        try:
            return self.path(name).read_bytes()
        except OSError as exc:
            raise StorageError(f"找不到图片文件：{name}（可能已被移动或删除）") from exc

    def exists(self, name: str) -> bool:
        return bool(name) and self.path(name).is_file()
