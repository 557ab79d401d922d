"""``dualprev export cards`` and ``dualprev export map`` on the demo factory: one card page per post
with a QR code that decodes, the four-colour map as PDF and 300-dpi PNG, and clear refusals."""

from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from PIL import Image
from pypdf import PdfReader

from dualprev.app import main
from dualprev.services import organisation_service as org
from dualprev.storage.db import open_database


def _export(*args: str) -> int:
    return main(["export", *args])


def test_cards_one_page_per_post_with_a_readable_qr(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "告知卡.pdf"
    assert _export("cards", "--db", str(demo_path), "--out", str(out)) == 0
    said = capsys.readouterr().out
    reader = PdfReader(str(out))
    db = open_database(demo_path, create=False)
    try:
        posts = [p.name for p in org.list_posts(db)]
        enterprise = org.get_enterprise(db)
    finally:
        db.close()
    assert enterprise is not None
    assert len(reader.pages) == len(posts) > 1 and f"{len(posts)} 张" in said  # one page per post
    first_text = reader.pages[0].extract_text()
    assert "岗位安全风险告知卡" in first_text and enterprise.name in first_text
    texts = [page.extract_text() for page in reader.pages]
    assert {p for p in posts if any(p in text for text in texts)} == set(posts)
    bitmap = pypdfium2.PdfDocument(str(out))[0].render(scale=300 / 72).to_pil()
    codes = zxingcpp.read_barcodes(bitmap)
    assert codes and codes[0].text.startswith(f"DP1:{enterprise.code}:")


def test_cards_for_one_post_on_a3(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "电焊工.pdf"
    assert (
        _export("cards", "--db", str(demo_path), "--out", str(out), "--post", "电焊工", "--size", "A3") == 0
    )
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1 and "电焊工" in reader.pages[0].extract_text()
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 1191)


def test_cards_for_an_unknown_post_fail_with_one_chinese_line(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    assert _export("cards", "--db", str(demo_path), "--out", str(out), "--post", "不存在的岗位") == 1
    err = capsys.readouterr().err
    assert "不存在的岗位" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_map_pdf_and_png(demo_path: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "四色图.pdf"
    assert _export("map", "--db", str(demo_path), "--out", str(pdf)) == 0
    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert "安全风险四色分布图" in text and "重大风险" in text and "低风险" in text
    png = tmp_path / "四色图.png"
    assert _export("map", "--db", str(demo_path), "--out", str(png), "--plan", "厂区平面布置图") == 0
    with Image.open(png) as image:
        assert tuple(round(v) for v in image.info["dpi"]) == (300, 300)


def test_map_with_an_unknown_plan_or_format(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _export("map", "--db", str(demo_path), "--out", str(tmp_path / "m.pdf"), "--plan", "二号楼") == 1
    assert "厂区平面布置图" in capsys.readouterr().err  # the message lists the plans there are
    assert _export("map", "--db", str(demo_path), "--out", str(tmp_path / "m.svg")) == 2


def test_map_north_arrow_and_black_and_white_options(demo_path: Path, tmp_path: Path) -> None:
    def north_runs(pdf: Path) -> int:
        text = PdfReader(str(pdf)).pages[0].extract_text()
        return sum(1 for line in text.splitlines() if line.strip() == "北")

    plain, none, mono = tmp_path / "a.pdf", tmp_path / "b.pdf", tmp_path / "c.png"
    assert _export("map", "--db", str(demo_path), "--out", str(plain), "--north-angle", "30") == 0
    assert _export("map", "--db", str(demo_path), "--out", str(none), "--no-north") == 0
    assert north_runs(plain) == 1 and north_runs(none) == 0
    assert _export("map", "--db", str(demo_path), "--out", str(mono), "--mono") == 0
    with Image.open(mono) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 22) or []
    assert (255, 0, 0) not in {c for _n, c in colours}  # no 重大 red in the black-and-white map
    assert _export("map", "--db", str(demo_path), "--out", str(plain), "--north-angle", "400") == 1
