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
        self_check = _pdf_text(archive.read("07_判定标准自查记录.pdf"))
        duties = _pdf_text(archive.read("08_全员安全生产责任清单.pdf"))
        training = _pdf_text(archive.read("09_安全教育培训记录.pdf"))
    assert names[0] == "00_目录.pdf" and len(names) == 1 + len(inspection_pack.PARTS)
    assert "资料期间：2026-10-01至2026-11-20" in contents
    # every part is in the pack whatever was imported before: the three record kinds included
    titles = ["重大事故隐患判定标准自查记录", "全员安全生产责任清单", "安全教育培训记录"]
    assert set(titles) <= {p.title for p in inspection_pack.PARTS}
    for part in inspection_pack.PARTS:
        assert part.title in contents and f"{part.file_stem}.pdf" in names
    assert "无数据" not in contents
    assert "重大事故隐患自查记录" in self_check and "主要负责人" in duties and "培训" in training
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
        raise NotFoundError("还没有费用记录")

    # replaces the built-in self-check part (same title) and adds a later kind after the last part
    inspection_pack.register_part(PackPart(70, "重大事故隐患判定标准自查记录", "07_判定标准自查", self_check))
    inspection_pack.register_part(PackPart(130, "安全生产费用台账", "13_费用", empty))
    out = tmp_path / "pack"
    result = build_pack(
        demo_db, out, PackPeriod(date(2026, 10, 1), date(2026, 11, 20)), today=date(2026, 11, 20)
    )
    titles = [o.part.title for o in result.outcomes]
    assert titles.count("重大事故隐患判定标准自查记录") == 1
    assert titles.index("重大事故隐患判定标准自查记录") == titles.index("隐患排查记录") + 1
    assert titles[-1] == "安全生产费用台账"
    assert (out / "07_判定标准自查.txt").read_text(encoding="utf-8") == "2026-10-01 至 2026-11-20"
    contents = _pdf_text((out / "00_目录.pdf").read_bytes())
    assert "安全生产费用台账" in contents and "无数据：还没有费用记录" in contents
    with pytest.raises(ValidationError, match="不为空"):
        build_pack(demo_db, out, PackPeriod(date(2026, 10, 1), date(2026, 11, 20)))
    with pytest.raises(ValidationError, match="不能晚于"):
        build_pack(demo_db, tmp_path / "x.zip", PackPeriod(date(2026, 11, 20), date(2026, 10, 1)))


def test_an_empty_database_lists_the_self_check_as_no_data(empty_db: Any, tmp_path: Path) -> None:
    from dualprev.services import organisation_service as org

    # only the enterprise profile: the contents page needs its name, every part has nothing yet
    org.save_enterprise(empty_db, org.EnterpriseProfile(name="新建机械有限公司"), actor="测试")
    result = build_pack(
        empty_db,
        tmp_path / "empty.zip",
        PackPeriod(date(2026, 10, 1), date(2026, 12, 31)),
        today=date(2026, 12, 6),
    )
    with zipfile.ZipFile(result.path) as archive:
        names = archive.namelist()
        contents = _pdf_text(archive.read("00_目录.pdf"))
    assert "07_判定标准自查记录.pdf" not in names and "09_安全教育培训记录.pdf" not in names
    assert "重大事故隐患判定标准自查记录" in contents and "无数据：还没有判定标准自查记录" in contents
    assert "全员安全生产责任清单" in contents and "无数据：还没有责任清单" in contents
    assert "安全教育培训记录" in contents and "无数据：所选期间没有培训记录" in contents
