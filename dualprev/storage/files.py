"""Images beside the database under content-hashed names (``<files_dir>/ab/abcdef….jpg``).

Writing is atomic (temporary file, then rename), and the same content is stored once.
"""

import hashlib
import os
import tempfile
from pathlib import Path

from dualprev.errors import StorageError


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
        return self.root / name

    def read(self, name: str) -> bytes:
        try:
            return self.path(name).read_bytes()
        except OSError as exc:
            raise StorageError(f"找不到图片文件：{name}（可能已被移动或删除）") from exc

    def exists(self, name: str) -> bool:
        return bool(name) and self.path(name).is_file()
