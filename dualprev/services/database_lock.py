"""One program at a time per database file: the GUI holds this lock while a database is open, and
the CLI's writing commands take the same one.

The lock is keyed on the file's identity (device and inode), not on its path, so a hard link,
a symbolic link or another spelling of the path finds the same lock. It is an OS file lock
(``flock``/``msvcrt.locking``) on a file in the temporary folder, released by the system when the
holder exits or crashes, so a stale lock never needs cleaning up.
"""

import hashlib
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from dualprev.errors import StorageError

if sys.platform == "win32":  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fh: IO[bytes]) -> bool:
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fh: IO[bytes]) -> None:
        with suppress(OSError):
            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fh: IO[bytes]) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fh: IO[bytes]) -> None:
        with suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


IN_USE_MESSAGE = (
    "这个数据库正在被另一个“双重预防”窗口或命令使用：{path}\n"
    "请先关闭它再试。同一个数据库不能同时由两个程序修改，以免数据互相覆盖。"
)


def lock_dir() -> Path:
    return Path(tempfile.gettempdir()) / "dualprev-locks"


def identity_key(db_path: Path) -> str:
    """``<device>-<inode>`` of the file, or of its folder plus the name when it does not exist yet."""
    path = Path(db_path).expanduser()
    try:
        st = path.resolve().stat()
        return f"{st.st_dev}-{st.st_ino}"
    except FileNotFoundError:
        folder = path.resolve().parent.stat()
        name = hashlib.sha256(path.name.encode()).hexdigest()[:16]
        return f"{folder.st_dev}-{folder.st_ino}-{name}"


class DatabaseLock:
    """A held lock; :meth:`unlock` releases it (also when the process ends)."""

    def __init__(self, handle: IO[bytes], lock_file: Path) -> None:
        self._handle: IO[bytes] | None = handle
        self.lock_file = lock_file

    def unlock(self) -> None:
        if self._handle is not None:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


def try_lock(db_path: Path) -> DatabaseLock | None:
    """Take the lock of ``db_path``; None when another program (or window) holds it.

    Raises StorageError when the lock file cannot be created.
    """
    folder = lock_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        key = identity_key(db_path)
        lock_file = folder / f"{key}.lock"
        handle = open(lock_file, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
    except OSError as exc:
        raise StorageError(f"无法创建数据库锁定文件：{folder}（{exc.strerror or exc}）") from exc
    if not _try_lock(handle):
        handle.close()
        return None
    return DatabaseLock(handle, lock_file)


@contextmanager
def held(db_path: Path, *, create: bool) -> Iterator[DatabaseLock]:
    """The lock for a command's duration; raises StorageError when the database is in use.

    ``create``: the file may not exist yet (its folder is created for the key).
    """
    path = Path(db_path)
    if create:
        with suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
    elif not path.exists():
        raise StorageError(f"数据库文件不存在：{path}")
    if not path.parent.is_dir():
        raise StorageError(f"数据库所在的文件夹不存在：{path.parent}")
    lock = try_lock(path)
    if lock is None:
        raise StorageError(IN_USE_MESSAGE.format(path=path))
    try:
        yield lock
    finally:
        lock.unlock()
