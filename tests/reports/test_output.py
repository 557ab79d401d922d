"""Exports are written atomically: complete or not at all, never a half file."""

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import pytest

from dualprev.errors import UserError
from dualprev.reports.output import write_atomically


def _write(data: bytes) -> Callable[[BinaryIO], int]:
    def write(stream: BinaryIO) -> int:
        stream.write(data)
        return len(data)

    return write


def test_writes_the_file_and_returns_the_writers_result(tmp_path: Path) -> None:
    target = tmp_path / "清单.pdf"
    assert write_atomically(target, _write(b"%PDF-1.4 ok")) == 11
    assert target.read_bytes() == b"%PDF-1.4 ok"
    assert os.listdir(tmp_path) == ["清单.pdf"]
    if sys.platform != "win32":
        assert stat.S_IMODE(target.stat().st_mode) & stat.S_IRGRP  # not the temp file's 0600


def test_a_failing_writer_leaves_no_file_and_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "清单.xlsx"

    def broken(stream: BinaryIO) -> None:
        stream.write(b"half a workbook")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        write_atomically(target, broken)
    assert os.listdir(tmp_path) == []
    target.write_bytes(b"previous export")
    with pytest.raises(RuntimeError):
        write_atomically(target, broken)
    assert target.read_bytes() == b"previous export"
    assert os.listdir(tmp_path) == ["清单.xlsx"]


def test_missing_folder_or_a_folder_as_target_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="输出文件夹不存在"):
        write_atomically(tmp_path / "nope" / "x.pdf", _write(b"x"))
    with pytest.raises(UserError, match="文件夹"):
        write_atomically(tmp_path, _write(b"x"))


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions, non-root")
def test_read_only_folder_is_a_user_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(UserError, match="无法写入文件"):
            write_atomically(folder / "x.pdf", _write(b"x"))
    finally:
        folder.chmod(0o700)
