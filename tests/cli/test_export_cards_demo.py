"""Every card of the demo factory as a user checks it after ``dualprev export cards``: the QR code,
decoded from the printed page, holds only what the card says and has modules big enough for a
phone at 0.6 m; every card is set in its sheet's one body size with nothing under 7 pt; the
department is the workshop; the command says which print revisions it recorded; the file is an
ordinary 0644 document."""

import os
import stat
from collections import Counter
from datetime import date
from io import BytesIO
from pathlib import Path

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from dualprev.app import main
from dualprev.domain.post_card_qr import summary_items
from dualprev.services.post_card_service import list_cards
from dualprev.storage.db import open_database

from ..reports.card_text_sizes import text_sizes

MM_PER_PX_300 = 25.4 / 300


def _flat(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, list, str, Path]:  # type: ignore[type-arg]
    from dualprev.demo.builder import build_demo

    folder = tmp_path_factory.mktemp("cards")
    db_path = folder / "demo.sqlite"
    db = open_database(db_path)
    build_demo(db, today=date.today())
    db.close()
    out = folder / "cards.pdf"
    saved = os.umask(0o077)  # a private umask must not make the export private
    try:
        code = main(["export", "cards", "--db", str(db_path), "--out", str(out)])
    finally:
        os.umask(saved)
    assert code == 0
    db = open_database(db_path, create=False)
    try:
        cards = [c for c in list_cards(db) if c.printable]
    finally:
        db.close()
    return out.read_bytes(), cards, str(out), db_path


def test_every_qr_item_is_on_its_card_and_modules_are_at_least_1_mm(exported, capsys) -> None:  # type: ignore[no-untyped-def]
    pdf, cards, _out, _db = exported
    reader = PdfReader(BytesIO(pdf))
    document = pypdfium2.PdfDocument(pdf)
    assert len(reader.pages) == len(cards)
    for page, card in enumerate(cards):
        text = _flat(reader.pages[page].extract_text())
        image = document[page].render(scale=300 / 72).to_pil()
        codes = [c for c in zxingcpp.read_barcodes(image) if c.format == zxingcpp.BarcodeFormat.QRCode]
        assert len(codes) == 1, card.content.post
        payload = codes[0].text
        assert payload.split("\n")[0] == f"DP1:HRJX:{card.post_id}:r{card.sheet.revision}"
        c = card.content
        level = c.level.label if c.level is not None else ""
        assert payload.split("\n")[1] in (f"{c.post}（{c.department}） {level}", f"{c.post} {level}")
        assert all(_flat(t) in text for t in (c.post, c.department, level))
        known = set(summary_items(c))
        for line in payload.split("\n")[2:]:
            label, _sep, body = line.partition("：")
            assert label in ("事故", "电话", "应急", "危险"), line
            for piece in body.split("、" if label == "事故" else "；"):
                # A whole item of the card, printed on the card.
                assert piece in known and _flat(piece) in text, (c.post, piece)
        types = next(ln for ln in payload.split("\n") if ln.startswith("事故："))
        assert types == "事故：" + "、".join(card.content.accident_types)  # all of them, as printed
        side_mm = (codes[0].position.top_right.x - codes[0].position.top_left.x) * MM_PER_PX_300
        # The smallest code holding the payload at level M (what the card prints, decoded as M).
        assert codes[0].ec_level == "M"
        symbol = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        modules = symbol.to_image(scale=1, add_quiet_zones=False).shape[0]
        assert side_mm / modules >= 1.0, (card.content.post, side_mm / modules)
    document.close()


def test_every_card_has_the_body_size_of_its_sheet_and_nothing_under_7_pt(exported) -> None:  # type: ignore[no-untyped-def]
    pdf, cards, _out, _db = exported
    reader = PdfReader(BytesIO(pdf))
    for page, card in enumerate(cards):
        sizes = text_sizes(pdf, page)
        assert min(size for _ch, size in sizes) >= 7 - 0.01, card.content.post
        body = Counter(round(size, 1) for _ch, size in sizes).most_common(1)[0][0]
        assert body == 10.0, (card.content.post, body)  # A4 and A3 alike
        hazard = card.content.hazards[0]
        hazard_sizes = {round(s, 1) for ch, s in sizes if ch in hazard}
        assert 10.0 in hazard_sizes
        width = round(float(reader.pages[page].mediabox.width))
        assert width in (595, 842)  # A4, or A3 for a card too full for A4


def test_department_is_the_workshop_and_the_team_has_its_own_field(exported) -> None:  # type: ignore[no-untyped-def]
    pdf, cards, _out, _db = exported
    reader = PdfReader(BytesIO(pdf))
    press = next(i for i, c in enumerate(cards) if c.content.post == "冲压工")
    assert cards[press].content.department == "冲压车间" and cards[press].content.team == "冲压班"
    text = _flat(reader.pages[press].extract_text())
    assert "所属部门" in text and "冲压车间" in text and "所属班组" in text and "冲压班" in text
    hazards = cards[press].content.hazards
    assert len(hazards) == len(set(hazards)) and "光电保护失效" not in hazards


def test_export_file_is_0644_and_the_output_names_the_recorded_revisions(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cards.pdf"
    saved = os.umask(0o077)
    try:
        assert main(["export", "cards", "--db", str(demo_path), "--out", str(out), "--post", "电工"]) == 0
        said = capsys.readouterr().out
        assert main(["export", "major-risks", "--db", str(demo_path), "--out", str(tmp_path / "m.pdf")]) == 0
        assert main(["export", "risk-list", "--db", str(demo_path), "--out", str(tmp_path / "r.xlsx")]) == 0
    finally:
        os.umask(saved)
    for name in ("cards.pdf", "m.pdf", "r.xlsx"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name
    db = open_database(demo_path, create=False)
    try:
        electrician = next(c for c in list_cards(db) if c.content.post == "电工")
    finally:
        db.close()
    assert f"已在数据库中记录打印版次（1 张）：电工 第 {electrician.printed_revision} 版" in said
