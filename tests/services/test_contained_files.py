"""Stored file names stay inside the photo folder; giant images are refused from their header."""

import io
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PIL import Image

from dualprev.errors import ValidationError
from dualprev.paths import files_dir_for
from dualprev.reports.output import ExportFormat
from dualprev.services import floor_plan_service, photo_service
from dualprev.services.image_import import prepare_plan_bytes
from dualprev.services.ledger_report_service import export_ledger
from dualprev.storage.db import open_database
from dualprev.storage.files import FileStore


@pytest.mark.parametrize(
    "name", ["../outside.txt", "/etc/passwd", "ab/../../outside.txt", "..", "C:\\x.jpg", "", "ab/./x"]
)
def test_a_name_leading_outside_the_folder_maps_to_a_missing_file_inside_it(
    tmp_path: Path, name: str
) -> None:
    store = FileStore(tmp_path / "files")
    path = store.path(name)
    assert (tmp_path / "files").resolve() in path.resolve().parents
    assert not store.exists(name)


def test_a_link_inside_the_folder_to_elsewhere_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "files"
    (root / "ab").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("secret")
    (root / "ab" / "link.jpg").symlink_to(tmp_path / "secret.txt")
    store = FileStore(root)
    assert not store.exists("ab/link.jpg")


def test_a_crafted_database_neither_embeds_nor_deletes_files_outside(demo_path: Path, tmp_path: Path) -> None:
    victims = {}
    for name in ("plan-victim.png", "photo-victim.png"):
        Image.new("RGB", (50, 50), "red").save(tmp_path / name)
        victims[name] = (tmp_path / name).read_bytes()
    with closing(sqlite3.connect(demo_path)) as conn:
        conn.execute("UPDATE photo SET file_name = '../photo-victim.png', thumb_name = '../photo-victim.png'")
        conn.execute("UPDATE floor_plan SET file_name = '../plan-victim.png'")
        hidden_danger_id = conn.execute(
            "SELECT hidden_danger_id FROM photo WHERE hidden_danger_id IS NOT NULL"
        ).fetchone()[0]
        conn.commit()
    db = open_database(demo_path, create=False)
    try:
        photos = photo_service.list_photos(db, hidden_danger_id)
        assert photos
        for info in photos:
            assert files_dir_for(demo_path).resolve() in info.path.resolve().parents
            assert not info.path.exists()
        plan = floor_plan_service.list_plans(db)[0]
        assert not plan.image_exists
        new_plan = tmp_path / "new.png"
        Image.new("RGB", (400, 300), "white").save(new_plan)
        floor_plan_service.replace_plan_image(db, plan.id, new_plan, actor="t")
        export_ledger(db, tmp_path / "ledger.pdf", ExportFormat.PDF, photos=True)
    finally:
        db.close()
    for name, data in victims.items():
        assert (tmp_path / name).read_bytes() == data


def _jpeg_claiming(width: int, height: int) -> bytes:
    """A few hundred bytes of JPEG whose header claims ``width``×``height`` pixels."""
    buffer = io.BytesIO()
    Image.new("L", (16, 16)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


def test_a_tiny_file_claiming_a_giant_size_is_refused_as_plan_and_photo() -> None:
    bomb = _jpeg_claiming(13000, 13000)
    assert len(bomb) < 3000
    with pytest.raises(ValidationError, match="像素过多"):
        prepare_plan_bytes(bomb, "plan.jpg")
    with pytest.raises(ValidationError, match="像素过多"):
        photo_service.prepare_bytes(bomb, "photo.jpg")


def test_a_png_above_forty_megapixels_is_refused_before_decoding() -> None:
    buffer = io.BytesIO()
    Image.new("1", (8000, 6000)).save(buffer, "PNG")  # 48 MP, a few KB
    with pytest.raises(ValidationError, match="像素过多"):
        prepare_plan_bytes(buffer.getvalue(), "plan.png")
    with pytest.raises(ValidationError, match="像素过多"):
        photo_service.prepare_bytes(buffer.getvalue(), "photo.png")
