"""Writing an export to its file atomically: into a temporary file beside it, then renamed over
it, so a failure (full disk, bad data, a crash) never leaves a half-written file behind and an
older export stays intact until the new one is complete. Also the vocabulary every export shares:
its file formats and what it reports back."""

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, TypeVar

from dualprev import output_guard
from dualprev.errors import UserError

T = TypeVar("T")


class ExportFormat(StrEnum):
    XLSX = "xlsx"
    PDF = "pdf"
    PNG = "png"


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote: the file, what it is, how many items (rows, bars…) and PDF pages."""

    path: Path
    title: str
    items: int
    pages: int | None = None
    note: str = ""
    """More to tell the user (e.g. that the export recorded something in the database)."""


def _cannot_write(path: Path, exc: OSError) -> UserError:
    if isinstance(exc, PermissionError):
        return UserError(f"无法写入文件：{path}（没有权限，或文件正在其他程序中打开，请关闭后重试）")
    return UserError(f"无法写入文件：{path}（{exc.strerror or exc}）")


def write_atomically(path: Path, write: Callable[[BinaryIO], T]) -> T:
    """Call ``write`` with a binary stream and put what it wrote at ``path``; returns its result.

    Raises UserError (one Chinese line) when the folder is missing or the file cannot be written;
    anything ``write`` raises propagates after the temporary file is removed.
    """
    path = Path(path)
    output_guard.refuse_inputs(path)
    if path.is_dir():
        raise UserError(f"输出路径是一个文件夹，请给出文件名：{path}")
    folder = path.parent
    if not folder.is_dir():
        raise UserError(f"输出文件夹不存在：{folder}")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            result = write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file private (0600); an export is an ordinary document.
        if path.exists():
            shutil.copymode(path, temp)
        else:
            temp.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise _cannot_write(path, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return result
