"""迎检资料包: the zip (or folder) for the demo's current quarter opens with every part listed on its
contents page; a part from another module plugs in through the registry; bad periods are refused."""

import io
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from dualprev.app import main
from dualprev.errors import NotFoundError, ValidationError
from dualprev.services import inspection_pack
from dualprev.services.inspection_pack import PackPart, PackPeriod, build_pack


def _pdf_text(data: bytes) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_zip_for_the_demo_quarter_lists_every_part(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "迎检.zip"
    args = ["export", "inspection-pack", "--db", str(demo_path), "--from", "2026-10-01", "--to", "2026-11-20"]
    assert main([*args, "--out", str(out)]) == 0
    assert "已导出迎检资料包" in capsys.readouterr().out
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        contents = _pdf_text(archive.read("00_目录.pdf"))
        permits = _pdf_text(archive.read("12_作业许可及有限空间台账.pdf"))
    assert names[0] == "00_目录.pdf" and len(names) == 1 + len(inspection_pack.PARTS)
    assert "资料期间：2026-10-01至2026-11-20" in contents
    for part in inspection_pack.PARTS:
        assert part.title in contents and f"{part.file_stem}.pdf" in names
    # only the permits of the period: the one dated after the demo day is left out
    assert "DH-2026-001" in permits and "DH-2026-002" not in permits


def test_folder_output_and_a_registered_part(
    demo_db: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inspection_pack, "PARTS", list(inspection_pack.PARTS))

    def self_check(_db: Any, stem: Path, period: PackPeriod) -> str:
        stem.with_suffix(".txt").write_text(period.text, encoding="utf-8")
        return "1 项"

    def empty(_db: Any, _stem: Path, _period: PackPeriod) -> str:
        raise NotFoundError("还没有培训记录")

    inspection_pack.register_part(PackPart(70, "重大事故隐患判定标准自查", "07_判定标准自查", self_check))
    inspection_pack.register_part(PackPart(90, "安全培训记录", "09_培训", empty))
    out = tmp_path / "pack"
    result = build_pack(
        demo_db, out, PackPeriod(date(2026, 10, 1), date(2026, 11, 20)), today=date(2026, 11, 20)
    )
    titles = [o.part.title for o in result.outcomes]
    assert titles.index("重大事故隐患判定标准自查") == titles.index("隐患排查记录") + 1
    assert (out / "07_判定标准自查.txt").read_text(encoding="utf-8") == "2026-10-01 至 2026-11-20"
    contents = _pdf_text((out / "00_目录.pdf").read_bytes())
    assert "安全培训记录" in contents and "无数据：还没有培训记录" in contents
    with pytest.raises(ValidationError, match="不为空"):
        build_pack(demo_db, out, PackPeriod(date(2026, 10, 1), date(2026, 11, 20)))
    with pytest.raises(ValidationError, match="不能晚于"):
        build_pack(demo_db, tmp_path / "x.zip", PackPeriod(date(2026, 11, 20), date(2026, 10, 1)))
