"""The ``.dpbak`` archive: one zip file holding a database and every photo and plan beside it.

Members: ``database.sqlite`` (a copy made with SQLite's online backup API), ``files/<name>`` for
each file of the ``_files`` folder, and ``manifest.json`` with the SHA-256 and size of every other
member. An archive is written under a temporary name, fsynced, re-opened and verified (every
checksum, the database's integrity check) and only then renamed into place, so a file with the
final name is always complete. Reading refuses anything that is not exactly such an archive.
"""

import hashlib
import json
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from dualprev import __version__
from dualprev.errors import StorageError
from dualprev.paths import files_dir_for
from dualprev.storage import sqlite_errors
from dualprev.storage.fsync import fsync_dir, fsync_file

SUFFIX = ".dpbak"
FORMAT = "dualprev-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "database.sqlite"
FILES_PREFIX = "files/"
PART_MARK = ".part-"
_CHUNK = 1 << 20
_FILE_NAME = re.compile(r"^[0-9A-Za-z_.-]{1,200}(/[0-9A-Za-z_.-]{1,200}){0,3}$")
_COUNTED = {
    "risk_points": "risk_point",
    "hazards": "hazard",
    "hidden_dangers": "hidden_danger",
    "check_records": "check_record",
    "people": "person",
    "photos": "photo",
    "floor_plans": "floor_plan",
}


@dataclass(frozen=True)
class ArchiveInfo:
    """What an archive holds, for the preview before a restore."""

    path: Path
    created_at: datetime
    reason: str
    """Why it was made: ``manual``, ``daily``, ``upgrade``, ``restore``."""
    enterprise: str
    schema_revision: str
    counts: dict[str, int]
    file_count: int
    size_bytes: int
    app_version: str


def safe_member_name(relative: str) -> bool:
    """Whether a stored file name stays inside its folder: relative, no ``..``, plain characters."""
    if not _FILE_NAME.match(relative):
        return False
    return all(part not in ("", ".", "..") for part in relative.split("/"))


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _check_database(path: Path) -> tuple[str, str, dict[str, int]]:
    """Integrity-check a database copy; returns its revision, enterprise name and row counts."""
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchall()
            if result != [("ok",)]:
                raise StorageError("数据库完整性检查未通过（文件已损坏），请先从备份恢复或修复后再备份。")
            tables = {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables:
                raise StorageError("备份中的数据库不是 dualprev 的数据库。")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            enterprise = ""
            if "enterprise" in tables:
                found = conn.execute("SELECT name FROM enterprise ORDER BY id LIMIT 1").fetchone()
                enterprise = str(found[0]) if found else ""
            counts = {
                key: int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
                for key, table in _COUNTED.items()
                if table in tables
            }
    except sqlite3.DatabaseError as exc:
        if sqlite_errors.is_damage(exc):
            raise StorageError("数据库完整性检查未通过（文件已损坏），未生成或使用这份备份。") from exc
        raise StorageError(f"数据库无法读取：{sqlite_errors.message_for(exc)}") from exc
    if not row or not row[0]:
        raise StorageError("备份中的数据库没有结构版本，不是完整的 dualprev 数据库。")
    return str(row[0]), enterprise, counts


def _source_files(files_dir: Path) -> list[tuple[str, Path]]:
    if not files_dir.is_dir():
        return []
    found: list[tuple[str, Path]] = []
    for path in sorted(files_dir.rglob("*")):
        if not path.is_file() or path.is_symlink() or path.name.endswith(".part"):
            continue
        relative = path.relative_to(files_dir).as_posix()
        if safe_member_name(relative):
            found.append((relative, path))
    return found


def write_archive(db_path: Path, target: Path, *, reason: str, now: datetime | None = None) -> ArchiveInfo:
    """Archive the database at ``db_path`` and its files folder into ``target`` (complete or absent).

    Raises StorageError (Chinese message) when the database is damaged, the folder cannot be
    written, or the written archive does not verify; nothing is left under ``target`` then.
    """
    created = now or datetime.now()
    part = target.with_name(f"{target.name}{PART_MARK}{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="dualprev-archive-") as scratch:
            copy = Path(scratch) / DATABASE
            with (
                closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as src,
                closing(sqlite3.connect(copy)) as dst,
            ):
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            revision, enterprise, counts = _check_database(copy)
            members: dict[str, dict[str, object]] = {}
            with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
                zf.write(copy, DATABASE)
                members[DATABASE] = {"sha256": _sha256_file(copy), "size": copy.stat().st_size}
                files = _source_files(files_dir_for(db_path))
                for relative, path in files:
                    name = FILES_PREFIX + relative
                    # Photos are compressed already; storing them keeps archiving fast.
                    zf.write(path, name, compress_type=zipfile.ZIP_STORED)
                    members[name] = {"sha256": _sha256_file(path), "size": path.stat().st_size}
                manifest = {
                    "format": FORMAT,
                    "format_version": FORMAT_VERSION,
                    "created_at": created.isoformat(timespec="seconds"),
                    "reason": reason,
                    "app_version": __version__,
                    "schema_revision": revision,
                    "enterprise": enterprise,
                    "counts": counts,
                    "members": members,
                }
                zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
        fsync_file(part)
        info = read_archive(part)
        os.replace(part, target)
        fsync_dir(target.parent)
    except (OSError, sqlite3.Error, zipfile.BadZipFile) as exc:
        raise StorageError(f"备份失败，未生成备份文件：{_reason(exc)}") from exc
    finally:
        with suppress(OSError):
            part.unlink(missing_ok=True)
    return ArchiveInfo(**{**info.__dict__, "path": target})


def _reason(exc: BaseException) -> str:
    if isinstance(exc, sqlite3.Error):
        return sqlite_errors.message_for(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}（{exc.filename or ''}）"
    return str(exc)


def _load_manifest(zf: zipfile.ZipFile, path: Path) -> dict[str, object]:
    try:
        raw = zf.read(MANIFEST)
        manifest = json.loads(raw)
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise StorageError(f"不是 dualprev 的备份文件（缺少清单）：{path}") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise StorageError(f"不是 dualprev 的备份文件：{path}")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise StorageError(f"备份文件格式版本不受支持（可能由更新版本的程序生成）：{path}")
    return manifest


def _verified_members(zf: zipfile.ZipFile, manifest: dict[str, object], path: Path) -> dict[str, str]:
    members = manifest.get("members")
    if not isinstance(members, dict) or DATABASE not in members:
        raise StorageError(f"备份文件清单不完整：{path}")
    listed = [info.filename for info in zf.infolist()]
    if len(listed) != len(set(listed)) or set(listed) != set(members) | {MANIFEST}:
        raise StorageError(f"备份文件的内容与清单不一致（多出或缺少文件）：{path}")
    checksums: dict[str, str] = {}
    for name, meta in members.items():
        if name != DATABASE and not (
            name.startswith(FILES_PREFIX) and safe_member_name(name[len(FILES_PREFIX) :])
        ):
            raise StorageError(f"备份文件含有不安全的文件名，已拒绝：{name}")
        if not isinstance(meta, dict) or not isinstance(meta.get("sha256"), str):
            raise StorageError(f"备份文件清单不完整：{path}")
        digest = hashlib.sha256()
        with zf.open(name) as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != meta["sha256"]:
            raise StorageError(f"备份文件已损坏（校验值不符：{name}）：{path}")
        checksums[name] = str(meta["sha256"])
    return checksums


def read_archive(path: Path) -> ArchiveInfo:
    """Verify the archive at ``path`` completely and describe it.

    Raises StorageError for a damaged, foreign or unsafe archive: a zip that is not ours, a member
    whose checksum differs, a file name that would land outside its folder, a database that fails
    its integrity check.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = _load_manifest(zf, path)
            _verified_members(zf, manifest, path)
            with tempfile.TemporaryDirectory(prefix="dualprev-verify-") as scratch:
                copy = Path(scratch) / DATABASE
                with zf.open(DATABASE) as src, open(copy, "wb") as dst:
                    shutil.copyfileobj(src, dst, _CHUNK)
                revision, enterprise, counts = _check_database(copy)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise StorageError(f"备份文件已损坏或不完整：{path}") from exc
    except OSError as exc:
        raise StorageError(f"无法读取备份文件：{_reason(exc)}") from exc
    if revision != manifest.get("schema_revision"):
        raise StorageError(f"备份文件的清单与其中的数据库不一致：{path}")
    files = [name for name in _members(manifest) if name.startswith(FILES_PREFIX)]
    try:
        created = datetime.fromisoformat(str(manifest.get("created_at")))
    except ValueError:
        raise StorageError(f"备份文件清单不完整：{path}") from None
    return ArchiveInfo(
        path=path,
        created_at=created,
        reason=str(manifest.get("reason", "")),
        enterprise=enterprise,
        schema_revision=revision,
        counts=counts,
        file_count=len(files),
        size_bytes=path.stat().st_size,
        app_version=str(manifest.get("app_version", "")),
    )


def _members(manifest: dict[str, object]) -> list[str]:
    members = manifest.get("members")
    return list(members) if isinstance(members, dict) else []


@contextmanager
def opened_archive(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        with zipfile.ZipFile(path) as zf:
            yield zf
    except zipfile.BadZipFile as exc:
        raise StorageError(f"备份文件已损坏或不完整：{path}") from exc


def extract_database(path: Path, target: Path) -> None:
    """Write the archive's database to ``target`` (a new file), byte for byte."""
    with opened_archive(path) as zf, zf.open(DATABASE) as src, open(target, "wb") as dst:
        shutil.copyfileobj(src, dst, _CHUNK)
        dst.flush()
        os.fsync(dst.fileno())


def extract_files(path: Path, files_dir: Path) -> set[str]:
    """Add the archive's files to ``files_dir`` (each atomically); returns their relative names.

    Names are content hashes, so a file already present with the same name and size is the same.
    """
    names: set[str] = set()
    with opened_archive(path) as zf:
        manifest = _load_manifest(zf, path)
        for name in _members(manifest):
            if not name.startswith(FILES_PREFIX):
                continue
            relative = name[len(FILES_PREFIX) :]
            if not safe_member_name(relative):
                raise StorageError(f"备份文件含有不安全的文件名，已拒绝：{name}")
            names.add(relative)
            target = files_dir / relative
            size = zf.getinfo(name).file_size
            if target.is_file() and target.stat().st_size == size:
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            part = target.with_name(f"{target.name}.part")
            with zf.open(name) as src, open(part, "wb") as dst:
                shutil.copyfileobj(src, dst, _CHUNK)
                dst.flush()
                os.fsync(dst.fileno())
            os.replace(part, target)
    return names


def archive_name(db_path: Path, reason: str, when: datetime) -> str:
    return f"{db_path.stem}-{when.strftime('%Y%m%d-%H%M%S')}-{reason}{SUFFIX}"


def backups_dir_for(db_path: Path) -> Path:
    """Folder beside the database holding its automatic archives."""
    return db_path.with_name(db_path.stem + "_backups")


def automatic_archives(db_path: Path) -> list[Path]:
    """The archives in ``db_path``'s backups folder, newest first."""
    folder = backups_dir_for(db_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"*{SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def archive_before(db_path: Path, reason: str, now: datetime | None = None) -> Path:
    """Archive ``db_path`` into its backups folder before an upgrade or a restore."""
    when = now or datetime.now()
    target = backups_dir_for(db_path) / archive_name(db_path, reason, when)
    n = 1
    while target.exists():  # two in one second: never replace the earlier one
        n += 1
        target = target.with_name(f"{Path(archive_name(db_path, reason, when)).stem}-{n}{SUFFIX}")
    return write_archive(db_path, target, reason=reason, now=when).path
