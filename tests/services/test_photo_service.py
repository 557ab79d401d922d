"""Photos: upright, without location, downsized, content-hashed; a broken file saves nothing."""

import hashlib
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image

from dualprev.domain.hidden_danger import HiddenDangerStatus, PhotoStage
from dualprev.domain.ledger import LedgerFilter
from dualprev.errors import ValidationError
from dualprev.services import photo_service
from dualprev.services.hidden_dangers import detail as hd_detail
from dualprev.services.hidden_dangers import ledger
from dualprev.storage.db import Database

from ..conftest import DEMO_TODAY

GPS_IFD, EXIF_IFD, ORIENTATION = 0x8825, 0x8769, 0x0112
RED, WHITE = (220, 0, 0), (255, 255, 255)


def camera_jpeg(
    upright_size: tuple[int, int] = (600, 400), *, orientation: int = 6, gps: bool = True, quality: int = 92
) -> bytes:
    """A JPEG as a phone held upright writes it: pixels stored sideways plus an orientation tag.

    The upright scene is white with a red block in its top-left corner.
    """
    scene = Image.new("RGB", upright_size, WHITE)
    scene.paste(RED, (0, 0, upright_size[0] // 4, upright_size[1] // 4))
    stored = scene.rotate(90, expand=True) if orientation == 6 else scene  # 6: display needs 90° clockwise
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "HUAWEI"
    exif[0x0110] = "Mate 60"
    exif[0x013B] = "王海"  # Artist: a name that must not travel with the photo
    exif[EXIF_IFD] = {0x9003: "2026:11:18 09:12:30", 0x9011: "+08:00"}
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (31.0, 45.0, 10.5), 3: "E", 4: (119.0, 58.0, 1.25)}
    buffer = io.BytesIO()
    stored.save(buffer, "JPEG", quality=quality, exif=exif.tobytes())
    return buffer.getvalue()


def reopen(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_orientation_is_applied_and_location_removed(tmp_path: Path) -> None:
    source = tmp_path / "IMG_20261118_091230.jpg"
    source.write_bytes(camera_jpeg())
    with Image.open(source) as raw:
        assert raw.size == (400, 600) and raw.getexif().get_ifd(GPS_IFD)  # the input really has both
    prepared = photo_service.prepare(source)
    assert (prepared.width, prepared.height) == (600, 400)
    image = reopen(prepared.data)
    assert image.size == (600, 400) and image.format == "JPEG"
    r, g, b = image.getpixel((10, 10))  # type: ignore[misc]
    assert r > 180 and g < 60 and b < 60  # the red block is top-left again: upright
    assert image.getpixel((590, 390)) == pytest.approx(WHITE, abs=8)
    exif = image.getexif()
    assert GPS_IFD not in exif and exif.get_ifd(GPS_IFD) == {}
    assert exif.get(ORIENTATION, 1) == 1 and 0x013B not in exif
    assert exif.get(0x010F) == "HUAWEI" and exif.get_ifd(EXIF_IFD).get(0x9003) == "2026:11:18 09:12:30"
    assert b"HUAWEI" in prepared.data and "王海".encode() not in prepared.data
    assert prepared.taken_at == datetime(2026, 11, 18, 1, 12, 30, tzinfo=UTC)
    assert prepared.original_name == "IMG_20261118_091230.jpg"


def test_large_photos_are_downsized_and_get_a_thumbnail() -> None:
    prepared = photo_service.prepare_bytes(camera_jpeg((4000, 3000), orientation=1, quality=70), "big.jpg")
    assert (prepared.width, prepared.height) == (2560, 1920)
    assert reopen(prepared.data).size == (2560, 1920)
    thumb = reopen(prepared.thumbnail)
    assert max(thumb.size) == photo_service.THUMB_SIDE and thumb.size[0] > thumb.size[1]


def test_transparent_png_becomes_a_jpeg_on_white() -> None:
    buffer = io.BytesIO()
    image = Image.new("RGBA", (200, 100), (0, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 50, 50))
    image.save(buffer, "PNG")
    prepared = photo_service.prepare_bytes(buffer.getvalue(), "截图.png")
    stored = reopen(prepared.data)
    assert stored.format == "JPEG" and stored.mode == "RGB"
    assert stored.getpixel((150, 80)) == pytest.approx(WHITE, abs=6)
    assert prepared.taken_at is None


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("truncated.jpg", camera_jpeg((1600, 1200))[:6000], "文件已损坏"),
        ("notes.jpg", "这不是图片".encode(), "文件已损坏"),
        ("empty.jpg", b"", "文件是空的"),
        ("IMG_0001.HEIC", b"\x00\x00\x00\x18ftypheic", "HEIC"),
    ],
)
def test_unusable_files_are_refused_with_a_message(
    tmp_path: Path, name: str, content: bytes, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        photo_service.prepare(path)
    assert words in info.value.message and name in info.value.message
    assert info.value.message.endswith("没有保存任何内容。")


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="无法读取文件"):
        photo_service.prepare(tmp_path / "gone.jpg")


def _open_danger(db: Database) -> int:
    rows = ledger.query(db, LedgerFilter(statuses=(HiddenDangerStatus.RECTIFYING,)), today=DEMO_TODAY).rows
    return rows[0].id


def test_stored_files_are_content_hashed_beside_the_database(demo_db: Database) -> None:
    hd = _open_danger(demo_db)
    prepared = photo_service.prepare_bytes(camera_jpeg(), "IMG_1.jpg")
    infos = photo_service.add_photos(demo_db, hd, PhotoStage.AFTER, [prepared], actor="王海")
    assert len(infos) == 1
    info = infos[0]
    assert info.path.parent.parent == demo_db.files_dir
    data = info.path.read_bytes()
    assert info.path.stem == hashlib.sha256(data).hexdigest() and info.path.suffix == ".jpg"
    assert data == prepared.data and info.thumb_path.read_bytes() == prepared.thumbnail
    assert (info.width, info.height) == (600, 400)
    assert GPS_IFD not in reopen(data).getexif()
    detail = hd_detail.get_detail(demo_db, hd, today=DEMO_TODAY)
    assert detail.events[-1].action == "添加照片" and detail.events[-1].remark == "整改后照片 1 张"
    assert info in photo_service.list_photos(demo_db, hd)


def test_photos_cannot_be_added_to_a_closed_record(demo_db: Database) -> None:
    closed = (
        ledger.query(demo_db, LedgerFilter(statuses=(HiddenDangerStatus.CLOSED,)), today=DEMO_TODAY)
        .rows[0]
        .id
    )
    before = {p for p in demo_db.files_dir.rglob("*") if p.is_file()}
    prepared = photo_service.prepare_bytes(camera_jpeg(), "IMG_2.jpg")
    with pytest.raises(ValidationError, match="隐患已销号，不能再添加照片"):
        photo_service.add_photos(demo_db, closed, PhotoStage.BEFORE, [prepared], actor="王海")
    assert {p for p in demo_db.files_dir.rglob("*") if p.is_file()} == before
    assert len(photo_service.list_photos(demo_db, closed)) == len(
        hd_detail.get_detail(demo_db, closed, today=DEMO_TODAY).photos
    )
