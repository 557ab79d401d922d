"""Photos of hidden dangers: normalised, stripped of location data, stored beside the database.

A photo is first *prepared* in memory (:func:`prepare`): decoded completely (a corrupt or truncated
file is refused here, before anything is written), turned upright by its EXIF orientation, reduced
to at most :data:`MAX_SIDE` pixels, re-encoded as JPEG with only harmless EXIF tags kept (camera and
time — never GPS), and given a thumbnail. Storing (:func:`add_photos`) writes the files under their
SHA-256 names and the rows in one transaction; files written for a failed transaction are removed
again, so nothing is ever half-saved.
"""

import io
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from dualprev.domain.hidden_danger import EventAction, PhotoStage, photo_problem
from dualprev.errors import NotFoundError, ValidationError
from dualprev.storage import audit
from dualprev.storage.db import Database, Session
from dualprev.storage.files import FileStore
from dualprev.storage.models import HiddenDanger, HiddenDangerEvent, Photo, utcnow
from dualprev.storage.queries import photos as queries

MAX_SIDE = 2560
"""Stored photos are at most this many pixels on the longer side (plenty for a ledger or a print)."""

MAX_SOURCE_PIXELS = 40_000_000
"""Larger images are refused from their header, before decoding (a decompression bomb)."""

MAX_JPEG_PIXELS = 120_000_000
"""A JPEG is decoded at a reduced scale (``draft``), so its memory stays small: a 108 MP phone
photo is still accepted, while a tiny file claiming a giant size is not."""

THUMB_SIDE = 320
MAX_FILE_BYTES = 60 * 1024 * 1024
JPEG_QUALITY = 90
THUMB_QUALITY = 80

_UNSUPPORTED_SUFFIXES = {".heic", ".heif"}

# EXIF tags kept in stored photos: camera and time only. Everything else (GPS position, maker notes
# that may repeat it, owner names, serial numbers) is dropped.
_KEPT_BASE_TAGS = (0x010F, 0x0110, 0x0132)  # Make, Model, DateTime
_EXIF_IFD = 0x8769
_KEPT_EXIF_TAGS = (0x9003, 0x9011)  # DateTimeOriginal, OffsetTimeOriginal
_DATE_TIME_ORIGINAL, _OFFSET_TIME_ORIGINAL, _DATE_TIME = 0x9003, 0x9011, 0x0132


@dataclass(frozen=True)
class PreparedPhoto:
    """A photo ready to store: the normalised JPEG, its thumbnail, and what the EXIF said."""

    data: bytes
    thumbnail: bytes
    width: int
    height: int
    original_name: str
    taken_at: datetime | None = None


@dataclass(frozen=True)
class PhotoInfo:
    """A stored photo; ``path`` and ``thumb_path`` are absolute files beside the database."""

    id: int
    stage: PhotoStage
    path: Path
    thumb_path: Path
    width: int
    height: int
    original_name: str
    taken_at: datetime | None
    created_at: datetime


# --- preparing -----------------------------------------------------------------------------------


def _refused(name: str, why: str) -> ValidationError:
    return ValidationError(f"无法使用图片“{name}”：{why}。没有保存任何内容。", "photos")


def prepare(path: Path) -> PreparedPhoto:
    """Read and normalise the photo at ``path``; ValidationError when it is unusable."""
    path = Path(path)
    if path.suffix.lower() in _UNSUPPORTED_SUFFIXES:
        raise _refused(
            path.name, "不支持 HEIC/HEIF 格式，请在手机相机设置中改为“兼容性最佳”（JPEG）后重新拍摄或导出"
        )
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refused(
                path.name,
                f"文件过大（{size / 1024 / 1024:.0f} MB，最大 {MAX_FILE_BYTES // 1024 // 1024} MB）",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise _refused(path.name, f"无法读取文件（{exc.strerror or exc}）") from exc
    return prepare_bytes(data, path.name)


def prepare_bytes(data: bytes, original_name: str) -> PreparedPhoto:
    """As :func:`prepare`, for photo bytes already in memory."""
    if not data:
        raise _refused(original_name, "文件是空的")
    try:
        with warnings.catch_warnings():
            # The pixel count is checked below, from the header, with our own clearer limit.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            source = Image.open(io.BytesIO(data))
        with source:
            limit = MAX_JPEG_PIXELS if source.format in ("JPEG", "MPO") else MAX_SOURCE_PIXELS
            if source.width * source.height > limit:
                raise _refused(
                    original_name,
                    f"图片像素过多（{source.width}×{source.height}，最多 {limit // 1_000_000} 百万像素），"
                    "可能不是普通照片",
                )
            source.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG: decode at a reduced scale when far larger
            exif = source.getexif()
            source.load()  # a truncated or corrupt file fails here, completely in memory
            upright = ImageOps.exif_transpose(source)
    except Image.DecompressionBombError as exc:
        raise _refused(original_name, "图片像素过多，可能不是普通照片") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _refused(original_name, "文件已损坏或不是支持的图片格式（JPEG、PNG 等）") from exc
    image = _as_rgb(upright)
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    thumb = image.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE), Image.Resampling.LANCZOS)
    return PreparedPhoto(
        data=_jpeg(image, JPEG_QUALITY, _kept_exif(exif)),
        thumbnail=_jpeg(thumb, THUMB_QUALITY, b""),
        width=image.width,
        height=image.height,
        original_name=original_name[:260],
        taken_at=_taken_at(exif),
    )


def _as_rgb(image: Image.Image) -> Image.Image:
    """RGB for JPEG; transparent parts (PNG screenshots) become white rather than black."""
    if image.mode == "RGB":
        return image
    if image.mode in ("RGBA", "LA", "P", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _kept_exif(exif: Image.Exif) -> bytes:
    kept = Image.Exif()
    for tag in _KEPT_BASE_TAGS:
        if tag in exif:
            kept[tag] = exif[tag]
    sub = exif.get_ifd(_EXIF_IFD)
    kept_sub = {tag: sub[tag] for tag in _KEPT_EXIF_TAGS if tag in sub}
    if kept_sub:
        kept[_EXIF_IFD] = kept_sub
    return kept.tobytes() if len(kept) else b""


def _taken_at(exif: Image.Exif) -> datetime | None:
    """When the camera says the photo was taken, in UTC (the camera's clock is local time)."""
    sub = exif.get_ifd(_EXIF_IFD)
    text = sub.get(_DATE_TIME_ORIGINAL) or exif.get(_DATE_TIME)
    if not isinstance(text, str):
        return None
    try:
        local = datetime.strptime(text.strip("\x00 ").strip(), "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    offset = sub.get(_OFFSET_TIME_ORIGINAL)
    zone = _parse_offset(offset) if isinstance(offset, str) else None
    aware = local.replace(tzinfo=zone) if zone else local.astimezone()  # no offset: this computer's zone
    return aware.astimezone(UTC)


def _parse_offset(text: str) -> timezone | None:
    text = text.strip("\x00 ").strip()
    if len(text) != 6 or text[0] not in "+-" or text[3] != ":":
        return None
    try:
        hours, minutes = int(text[1:3]), int(text[4:6])
    except ValueError:
        return None
    sign = 1 if text[0] == "+" else -1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _jpeg(image: Image.Image, quality: int, exif: bytes) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=True, exif=exif)
    return buffer.getvalue()


# --- storing -------------------------------------------------------------------------------------


class StagedFiles:
    """Files written for one transaction; :meth:`discard` removes those this batch created."""

    def __init__(self, store: FileStore) -> None:
        self.store = store
        self._created: list[Path] = []

    def put(self, data: bytes, suffix: str) -> str:
        name = self.store.name_for(data, suffix)
        existed = self.store.exists(name)
        name = self.store.put(data, suffix)
        if not existed:
            self._created.append(self.store.path(name))
        return name

    def discard(self) -> None:
        for path in self._created:
            path.unlink(missing_ok=True)
        self._created.clear()


@contextmanager
def staged_files(db: Database) -> Iterator[StagedFiles]:
    """Files for a write whose database part runs inside this block; removed again if it fails."""
    staged = StagedFiles(FileStore(db.files_dir))
    try:
        yield staged
    except BaseException:
        staged.discard()
        raise


def attach(
    session: Session,
    files: StagedFiles,
    hidden_danger_id: int,
    stage: PhotoStage,
    photos: Sequence[PreparedPhoto],
    *,
    now: datetime | None = None,
) -> list[Photo]:
    """Write the files and add the rows in ``session`` (the caller's transaction); ``now`` (aware)
    dates the rows, default: the current time."""
    added = now or utcnow()
    rows = [
        Photo(
            file_name=files.put(photo.data, ".jpg"),
            thumb_name=files.put(photo.thumbnail, ".jpg"),
            width=photo.width,
            height=photo.height,
            original_name=photo.original_name,
            stage=stage,
            hidden_danger_id=hidden_danger_id,
            taken_at=photo.taken_at,
            created_at=added,
        )
        for photo in photos
    ]
    session.add_all(rows)
    session.flush()
    return rows


def add_photos(
    db: Database,
    hidden_danger_id: int,
    stage: PhotoStage,
    photos: Sequence[PreparedPhoto],
    *,
    actor: str,
    now: datetime | None = None,
) -> list[PhotoInfo]:
    """Attach prepared photos to a hidden danger: files, rows, a timeline event and an audit entry.
    ``now`` (aware) dates them; default: the current time."""
    now = now or utcnow()
    if not photos:
        raise ValidationError("请先选择照片", "photos")
    with staged_files(db) as files, db.session() as s:
        danger = s.get(HiddenDanger, hidden_danger_id)
        if danger is None:
            raise NotFoundError(f"隐患不存在（编号 {hidden_danger_id}），可能已被删除")
        problem = photo_problem(danger.status, stage)
        if problem:
            raise ValidationError(problem, "photos")
        rows = attach(s, files, hidden_danger_id, stage, photos, now=now)
        remark = f"{stage.label}照片 {len(rows)} 张"
        s.add(
            HiddenDangerEvent(
                hidden_danger_id=hidden_danger_id,
                at=now,
                actor=actor,
                action=EventAction.PHOTOS,
                remark=remark,
            )
        )
        danger.updated_at = now
        s.add(danger)
        audit.record(
            s,
            actor=actor,
            action="photo",
            entity="hidden_danger",
            entity_id=hidden_danger_id,
            summary=f"{danger.number} 添加{remark}",
            changes={"photos": [None, [r.file_name for r in rows]]},
        )
        infos = [photo_info(db, r) for r in rows]
    return infos


def list_photos(db: Database, hidden_danger_id: int) -> list[PhotoInfo]:
    """The photos of a hidden danger in the order they were added."""
    with db.read_session() as s:
        rows = queries.hidden_danger_photos(session=s, hidden_danger_id=hidden_danger_id)
        return [photo_info(db, r) for r in rows]


def photo_info(db: Database, row: Photo) -> PhotoInfo:
    store = FileStore(db.files_dir)
    return PhotoInfo(
        id=row.id or 0,
        stage=row.stage,
        path=store.path(row.file_name),
        thumb_path=store.path(row.thumb_name or row.file_name),
        width=row.width,
        height=row.height,
        original_name=row.original_name,
        taken_at=_as_utc(row.taken_at),
        created_at=_as_utc(row.created_at) or utcnow(),
    )


def _as_utc(value: datetime | None) -> datetime | None:
    """SQLite hands timestamps back without a zone; they were stored in UTC."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
