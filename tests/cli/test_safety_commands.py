"""``dualprev backup / restore / check``, outputs refused on inputs, the lock shared with the GUI."""

import json
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from dualprev.app import main
from dualprev.paths import files_dir_for
from dualprev.services import database_lock
from dualprev.storage import migrate

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _digest_tree(path: Path) -> dict[str, bytes]:
    files = files_dir_for(path)
    return {p.relative_to(files).as_posix(): p.read_bytes() for p in files.rglob("*") if p.is_file()}


def test_backup_restore_check_round_trip(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "usb" / "plant.dpbak"
    out.parent.mkdir()
    assert main(["backup", "--db", str(demo_path), "--out", str(out)]) == 0
    assert "已校验" in capsys.readouterr().out
    photos = _digest_tree(demo_path)
    with closing(sqlite3.connect(demo_path)) as conn:
        conn.execute("DELETE FROM hidden_danger_event")
        conn.commit()
    assert main(["restore", "--db", str(demo_path), "--from", str(out), "--yes"]) == 0
    shown = capsys.readouterr().out
    assert "企业：" in shown and "隐患" in shown and "恢复前的数据已保存为" in shown
    with closing(sqlite3.connect(demo_path)) as conn:
        assert conn.execute("SELECT count(*) FROM hidden_danger_event").fetchone()[0] > 0
    assert _digest_tree(demo_path) == photos
    assert main(["check", "--db", str(demo_path)]) == 0
    assert json.loads(capsys.readouterr().out) == {"ok": True, "problems": []}


def test_restore_without_yes_changes_nothing(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "a.dpbak"
    assert main(["backup", "--db", str(demo_path), "--out", str(out)]) == 0
    before = demo_path.read_bytes()
    assert main(["restore", "--db", str(demo_path), "--from", str(out)]) == 1
    assert "--yes" in capsys.readouterr().err
    assert demo_path.read_bytes() == before


def test_check_reports_missing_and_orphan_files_and_broken_references(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = files_dir_for(demo_path)
    victim = next(p for p in files.rglob("*.jpg"))
    victim.unlink()
    (files / "stray.bin").write_bytes(b"x")
    with closing(sqlite3.connect(demo_path)) as conn:
        conn.execute("UPDATE photo SET file_name = '../../etc/passwd' WHERE id = (SELECT max(id) FROM photo)")
        conn.execute("UPDATE hazard SET risk_point_id = 99999 WHERE id = (SELECT min(id) FROM hazard)")
        conn.commit()
    assert main(["check", "--db", str(demo_path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False
    text = "\n".join(report["problems"])
    assert f"缺少文件：{victim.relative_to(files).as_posix()}" in text
    assert "多余文件（没有记录引用）：stray.bin" in text
    assert "不安全的文件名" in text and "外键：hazard" in text


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_export_onto_the_database_or_its_journals_is_refused(
    demo_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    before = demo_path.read_bytes()
    out = f"{demo_path}{suffix}"
    code = main(["export", "ledger", "--db", str(demo_path), "--out", out, "--format", "xlsx"])
    assert code == 1
    assert "不能把输出文件保存为数据库文件本身" in capsys.readouterr().err
    assert demo_path.read_bytes() == before


def test_exports_into_the_photo_folder_through_a_hard_link_or_onto_a_backup_are_refused(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "innocent.xlsx"
    os.link(demo_path, link)
    photo = next(files_dir_for(demo_path).rglob("*.jpg"))
    photo_link = tmp_path / "photo-link.pdf"
    os.link(photo, photo_link)
    legacy_backup = demo_path.with_name("demo.backup-v2-20260101-000000.sqlite")
    shutil.copy(demo_path, legacy_backup)
    before = (demo_path.read_bytes(), photo.read_bytes())
    for command in (
        ["export", "ledger", "--out", str(link), "--format", "xlsx"],
        ["export", "ledger", "--out", str(files_dir_for(demo_path) / "x.xlsx")],
        ["export", "cards", "--out", str(photo_link)],
        ["export", "map", "--out", str(demo_path), "--format", "pdf"],
        ["export", "risk-list", "--out", str(legacy_backup)],
        ["backup", "--out", str(demo_path)],
    ):
        assert main([*command, "--db", str(demo_path)]) == 1, command
        err = capsys.readouterr().err
        assert err.startswith("错误：不能") or "硬链接" in err, (command, err)
    assert (demo_path.read_bytes(), photo.read_bytes()) == before


def test_writing_commands_take_the_guis_lock_by_file_identity(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = tmp_path / "a.dpbak"
    assert main(["backup", "--db", str(demo_path), "--out", str(archive)]) == 0
    alias = tmp_path / "alias.sqlite"
    os.link(demo_path, alias)
    held = database_lock.try_lock(alias)  # the GUI holds the file under another name
    assert held is not None
    try:
        assert database_lock.try_lock(demo_path) is None
        assert main(["restore", "--db", str(demo_path), "--from", str(archive), "--yes"]) == 1
        assert "正在被另一个" in capsys.readouterr().err
        assert main(["demo", "--db", str(demo_path), "--force"]) == 1
    finally:
        held.unlock()
    again = database_lock.try_lock(demo_path)
    assert again is not None
    again.unlock()


def test_half_upgraded_file_names_its_backup_and_restore_repairs_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plant.sqlite"
    shutil.copy(FIXTURES / "schema_0002.sqlite", path)
    backup = migrate.backup_file(path, "v2")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE _alembic_tmp_risk_point (id INTEGER NOT NULL PRIMARY KEY)")
        conn.commit()
    assert main(["info", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(backup) in err and "dualprev restore" in err
    assert main(["restore", "--db", str(path), "--from", str(backup), "--yes"]) == 0
    assert "恢复前的数据已保存为" in capsys.readouterr().out
    assert main(["info", "--db", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["enterprise"] == "旧版测试机械厂"
