"""Outputs never overwrite inputs: an export, a backup or any saved file that would land on an open
database, its journal files, its photo folder or its backups is refused.

Opening a database registers it here (:func:`protect`); every writer of an output file calls
:func:`refuse_inputs` first, so no export path can forget the check. Paths are compared after
resolving symbolic links, and by file identity, so a hard link or another spelling of the same
file is caught too.
"""

import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from dualprev.errors import UserError

_JOURNALS = ("-wal", "-shm", "-journal")
_lock = threading.Lock()
_protected: dict[Path, int] = {}


def protect(db_path: Path) -> None:
    """Register an opened database (counted: the same file may be open twice)."""
    key = Path(db_path).resolve()
    with _lock:
        _protected[key] = _protected.get(key, 0) + 1


def release(db_path: Path) -> None:
    key = Path(db_path).resolve()
    with _lock:
        left = _protected.get(key, 0) - 1
        if left > 0:
            _protected[key] = left
        else:
            _protected.pop(key, None)


def _folders_of(db_path: Path) -> list[Path]:
    return [db_path.with_name(db_path.stem + "_files"), db_path.with_name(db_path.stem + "_backups")]


def _files_of(db_path: Path) -> list[Path]:
    return [db_path, *(Path(f"{db_path}{suffix}") for suffix in _JOURNALS)]


def _walk(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        yield from (p for p in folder.rglob("*") if p.is_file())


def _same_file(a: os.stat_result, b: Path) -> bool:
    try:
        other = b.stat()
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (other.st_dev, other.st_ino)


def refuse_inputs(out: Path, db_paths: Iterable[Path] = ()) -> None:
    """Raise UserError when writing ``out`` would overwrite a database (``db_paths`` and every
    registered one), its journals, a file in its photo or backups folder, or one of its
    ``<stem>.backup-*`` copies."""
    with _lock:
        registered = list(_protected)
    databases = {Path(p).resolve() for p in (*db_paths, *registered)}
    target = Path(out).expanduser().resolve()
    try:
        target_stat: os.stat_result | None = target.stat()
    except OSError:
        target_stat = None
    for db_path in databases:
        for protected in _files_of(db_path):
            if target == protected or (target_stat is not None and _same_file(target_stat, protected)):
                raise UserError(f"不能把输出文件保存为数据库文件本身（会覆盖数据）：{out}。请换一个文件名")
        for backup in db_path.parent.glob(f"{db_path.stem}.backup-*"):
            if target == backup.resolve():
                raise UserError(f"不能把输出文件保存到备份文件上：{out}。请换一个文件名")
        for folder in _folders_of(db_path):
            resolved = folder.resolve()
            if target == resolved or resolved in target.parents:
                raise UserError(f"不能把输出文件保存到数据库的照片或备份文件夹中：{out}。请选择其他文件夹")
        # Another name for a protected file (a hard link) is found by identity: only possible
        # when the target exists and has more than one link, so this walk is rare.
        if target_stat is not None and target_stat.st_nlink > 1:
            for folder in _folders_of(db_path):
                if any(_same_file(target_stat, p) for p in _walk(folder)):
                    raise UserError(f"输出文件是数据库照片或备份的另一个名字（硬链接），会覆盖数据：{out}")
