"""The .dpbak archive: complete or absent, verified, restored byte for byte, bad ones refused."""

import hashlib
import json
import os
import shutil
import sqlite3
import zipfile
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from dualprev.errors import StorageError, UserError
from dualprev.paths import files_dir_for
from dualprev.services import archive_service
from dualprev.services.integrity_service import check_database
from dualprev.storage import archive
from dualprev.storage.db import open_database

NOW = datetime(2026, 11, 20, 9, 30, 5)


def _tree(folder: Path) -> dict[str, str]:
    if not folder.is_dir():
        return {}
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file()
    }


def _enterprise(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("SELECT name FROM enterprise").fetchone()[0])


def _change(path: Path) -> None:
    """Another state of the record: a renamed enterprise and one more photo with its file."""
    files = files_dir_for(path)
    (files / "zz").mkdir(exist_ok=True)
    (files / "zz" / "extra.jpg").write_bytes(b"\xff\xd8 extra photo")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("UPDATE enterprise SET name = '改名后的企业'")
        conn.execute(
            "INSERT INTO photo (file_name, thumb_name, width, height, original_name, stage, hidden_danger_id,"
            " created_at) SELECT 'zz/extra.jpg', '', 1, 1, 'x.jpg', stage, hidden_danger_id, created_at"
            " FROM photo LIMIT 1"
        )
        conn.commit()


def test_archive_holds_database_and_every_file_with_checksums(demo_path: Path, tmp_path: Path) -> None:
    (tmp_path / "usb").mkdir()
    db = open_database(demo_path, create=False)
    info = archive_service.create_archive(db, tmp_path / "usb", now=NOW)
    db.close()
    assert info.path == tmp_path / "usb" / "demo-20261120-093005-manual.dpbak"
    assert info.file_count == len(_tree(files_dir_for(demo_path))) > 5
    assert info.counts["hidden_dangers"] > 0 and info.enterprise
    with zipfile.ZipFile(info.path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        for name, meta in manifest["members"].items():
            assert hashlib.sha256(zf.read(name)).hexdigest() == meta["sha256"]
    assert not list((tmp_path / "usb").glob("*.part-*"))


def test_restore_round_trips_data_and_photos_byte_for_byte(demo_path: Path, tmp_path: Path) -> None:
    original_tree = _tree(files_dir_for(demo_path))
    db = open_database(demo_path, create=False)
    info = archive_service.create_archive(db, tmp_path / "a.dpbak")
    db.close()
    with zipfile.ZipFile(info.path) as zf:
        archived_db = zf.read("database.sqlite")
    _change(demo_path)
    changed_tree = _tree(files_dir_for(demo_path))

    result = archive_service.restore(demo_path, info.path)
    assert demo_path.read_bytes() == archived_db
    assert _tree(files_dir_for(demo_path)) == original_tree
    assert _enterprise(demo_path) != "改名后的企业"
    assert check_database(demo_path).ok
    # The state before the restore was archived first and can itself be restored.
    assert result.previous is not None and result.previous.parent == archive.backups_dir_for(demo_path)
    archive_service.restore(demo_path, result.previous)
    assert _enterprise(demo_path) == "改名后的企业"
    assert _tree(files_dir_for(demo_path)) == changed_tree
    open_database(demo_path, create=False).close()


def _tamper(source: Path, target: Path, edit: Any) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as dst:
        members = {i.filename: src.read(i.filename) for i in src.infolist()}
        for name, data in edit(members).items():
            dst.writestr(name, data)
    return target


def _flip_photo(members: dict[str, bytes]) -> dict[str, bytes]:
    name = next(n for n in members if n.startswith("files/"))
    return {**members, name: members[name][:-1] + b"!"}


def _zip_slip(members: dict[str, bytes]) -> dict[str, bytes]:
    manifest = json.loads(members["manifest.json"])
    evil = b"owned"
    manifest["members"]["files/../../evil.txt"] = {"sha256": hashlib.sha256(evil).hexdigest(), "size": 5}
    return {**members, "files/../../evil.txt": evil, "manifest.json": json.dumps(manifest).encode()}


def _foreign(members: dict[str, bytes]) -> dict[str, bytes]:
    manifest = json.loads(members["manifest.json"])
    manifest["format"] = "something-else"
    return {**members, "manifest.json": json.dumps(manifest).encode()}


def _no_manifest(members: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in members.items() if k != "manifest.json"}


def _corrupt_database(members: dict[str, bytes]) -> dict[str, bytes]:
    data = bytearray(members["database.sqlite"])
    data[5000:9000] = b"\x00" * 4000
    manifest = json.loads(members["manifest.json"])
    manifest["members"]["database.sqlite"]["sha256"] = hashlib.sha256(bytes(data)).hexdigest()
    return {**members, "database.sqlite": bytes(data), "manifest.json": json.dumps(manifest).encode()}


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_flip_photo, "校验值不符"),
        (_zip_slip, "不安全的文件名"),
        (_foreign, "不是 dualprev 的备份文件"),
        (_no_manifest, "缺少清单"),
        (_corrupt_database, "损坏"),
    ],
)
def test_a_bad_archive_is_refused_with_nothing_changed(
    demo_path: Path, tmp_path: Path, edit: Any, message: str
) -> None:
    db = open_database(demo_path, create=False)
    good = archive_service.create_archive(db, tmp_path / "good.dpbak").path
    db.close()
    bad = _tamper(good, tmp_path / "bad.dpbak", edit)
    before = (demo_path.read_bytes(), _tree(files_dir_for(demo_path)))
    with pytest.raises(StorageError, match=message):
        archive_service.restore(demo_path, bad)
    assert (demo_path.read_bytes(), _tree(files_dir_for(demo_path))) == before
    assert not (tmp_path.parent / "evil.txt").exists()
    assert archive_service.list_archives(demo_path) == []  # not even the "before restore" archive


def test_truncated_and_random_files_are_refused(demo_path: Path, tmp_path: Path) -> None:
    db = open_database(demo_path, create=False)
    good = archive_service.create_archive(db, tmp_path / "good.dpbak").path
    db.close()
    truncated = tmp_path / "cut.dpbak"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    noise = tmp_path / "noise.dpbak"
    noise.write_bytes(os.urandom(5000))
    empty_zip = tmp_path / "empty.dpbak"
    with zipfile.ZipFile(empty_zip, "w"):
        pass
    for bad in (truncated, noise, empty_zip, demo_path):
        with pytest.raises(StorageError):
            archive_service.preview(bad)


def test_backup_of_a_corrupt_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plant.sqlite"
    open_database(path).close()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("CREATE TABLE filler (x)")
        conn.executemany("INSERT INTO filler VALUES (?)", [("x" * 500,)] * 400)
        conn.commit()
    data = bytearray(path.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 8192] = os.urandom(8192)
    path.write_bytes(bytes(data))
    # Where the damage lands decides which check sees it first (the schema pages or the integrity check).
    with pytest.raises(StorageError, match=r"完整性检查未通过|数据库文件已损坏"):
        archive.write_archive(path, tmp_path / "x.dpbak", reason="manual")
    assert not list(tmp_path.glob("x.dpbak*"))


def test_daily_archive_once_a_day_keeping_the_last_n(demo_path: Path) -> None:
    db = open_database(demo_path, create=False)
    made = [archive_service.daily_archive(db, keep=3, now=datetime(2026, 11, d, 8)) for d in range(1, 6)]
    again = archive_service.daily_archive(db, keep=3, now=datetime(2026, 11, 5, 17))
    db.close()
    assert all(made) and again is None
    kept = [e.path for e in archive_service.list_archives(demo_path)]
    assert kept == sorted(kept, reverse=True) and len(kept) == 3
    assert {p.name for p in kept} == {p.name for p in made[2:] if p}


def test_manual_archive_onto_an_input_is_refused(demo_path: Path) -> None:
    db = open_database(demo_path, create=False)
    try:
        for target in (demo_path, Path(f"{demo_path}-wal"), files_dir_for(demo_path) / "a.dpbak"):
            with pytest.raises(UserError, match="不能"):
                archive_service.create_archive(db, target)
    finally:
        db.close()


# --- real processes killed while archiving and while restoring ------------------------------------


def _wrap_points(killed_child: Any, targets: list[tuple[Any, str]]) -> None:
    for owner, name in targets:
        original = getattr(owner, name)

        def wrapper(*args: Any, __original: Any = original, **kwargs: Any) -> Any:
            killed_child.point()
            result = __original(*args, **kwargs)
            killed_child.point()
            return result

        setattr(owner, name, wrapper)


_IO_POINTS = [
    (os, "replace"),
    (os, "fsync"),
    (os, "rmdir"),
    (shutil, "copyfileobj"),
    (shutil, "copyfile"),
    (shutil, "copy2"),
    (Path, "unlink"),
    (zipfile.ZipFile, "write"),
    (zipfile.ZipFile, "writestr"),
]


def _sampled(total: int, runs: int = 45) -> list[int]:
    step = max(1, total // runs)
    return sorted({*range(1, total + 1, step), total})


def test_backup_killed_anywhere_leaves_no_archive_or_a_verified_one(
    demo_path: Path, tmp_path: Path, killed_child: Any
) -> None:
    def job(target: Path) -> None:
        _wrap_points(killed_child, _IO_POINTS)
        db = open_database(demo_path, create=False)
        archive_service.create_archive(db, target)
        db.close()

    total = killed_child.run(lambda: job(tmp_path / "count.dpbak"), None)
    assert total is not None and total > 50
    for n in _sampled(total):
        target = tmp_path / f"k{n}.dpbak"
        assert killed_child.run(lambda target=target: job(target), n) is None
        if target.exists():
            archive_service.preview(target)  # complete and verified
    assert check_database(demo_path).ok


def test_restore_killed_anywhere_leaves_the_old_or_the_new_record(
    demo_path: Path, tmp_path: Path, killed_child: Any
) -> None:
    db = open_database(demo_path, create=False)
    source = archive_service.create_archive(db, tmp_path / "a.dpbak").path
    db.close()
    original_name = _enterprise(demo_path)
    _change(demo_path)
    template = tmp_path / "template"
    template.mkdir()
    shutil.copy2(demo_path, template / "plant.sqlite")
    shutil.copytree(files_dir_for(demo_path), files_dir_for(template / "plant.sqlite"))

    def fresh(n: int) -> Path:
        work = tmp_path / f"k{n}"
        shutil.copytree(template, work)
        return work / "plant.sqlite"

    def job(path: Path) -> None:
        _wrap_points(killed_child, _IO_POINTS)
        archive_service.restore(path, source)

    count_path = fresh(0)
    total = killed_child.run(lambda: job(count_path), None)
    assert total is not None and total > 50
    outcomes = {"old": 0, "new": 0}
    for n in _sampled(total):
        path = fresh(n)
        assert killed_child.run(lambda path=path: job(path), n) is None
        name = _enterprise(path)
        assert name in ("改名后的企业", original_name)
        outcomes["old" if name == "改名后的企业" else "new"] += 1
        problems = check_database(path).problems
        assert [p for p in problems if not p.startswith("多余文件")] == []  # nothing missing, intact
        open_database(path, create=False).close()
    assert outcomes["old"] and outcomes["new"]
