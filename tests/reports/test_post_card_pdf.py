"""The card PDF as a user checks it: every field in the text, fonts embedded, the QR code decodes to
its payload at 300 dpi and prints at least 30 mm, long content shrinks or is reported (never lost)."""

from datetime import date
from io import BytesIO

import pypdfium2 as pdfium
import pytest
import zxingcpp
from pypdf import PdfReader

from dualprev.domain.post_card import (
    CardSheet,
    EnterpriseFacts,
    HazardFact,
    MeasureFact,
    PostFacts,
    compute_card,
)
from dualprev.domain.post_card_qr import make_sheet
from dualprev.domain.risk import ControlMeasureCategory as Cat
from dualprev.domain.risk import RiskLevel
from dualprev.domain.safety_signs import SafetySign, SignFamily, parse_sign_library
from dualprev.domain.vocabularies import ACCIDENT_VOCABULARIES
from dualprev.paths import resource_path
from dualprev.reports.post_card_pdf import CardsPdfResult, build_cards_pdf, card_fit, card_placement
from dualprev.reports.post_card_styles import CardSize
from dualprev.reports.sign_pictograms import PICTOGRAMS

from .card_text_sizes import char_sizes_pt

LIBRARY = parse_sign_library(
    resource_path("library", "safety_signs.json").read_text(encoding="utf-8"),
    [t.name for types in ACCIDENT_VOCABULARIES.values() for t in types],
)
ENTERPRISE = EnterpriseFacts("江苏恒锐精密机械有限公司", "HRJX", "0519-86512110", "沈立明", "13961120357")
DAY = date(2026, 11, 20)
MM_PER_PX_300 = 25.4 / 300


def _hazard(text: str, level: RiskLevel, types: tuple[str, ...], *measures: MeasureFact) -> HazardFact:
    return HazardFact(text, level, types, measures, "普通车床")


def _sheet(post_id: int = 7, *hazards: HazardFact, name: str = "车工", revision: int = 2) -> CardSheet:
    hazards = hazards or (
        _hazard(
            "卡盘防护罩缺失，旋转部位卷入",
            RiskLevel.SIGNIFICANT,
            ("机械伤害",),
            MeasureFact(Cat.ENGINEERING, "卡盘加装防护罩并与主轴联锁"),
            MeasureFact(Cat.MANAGEMENT, "严禁戴手套操作车床"),
            MeasureFact(Cat.TRAINING, "岗前安全操作规程培训"),
            MeasureFact(Cat.PPE, "佩戴防护眼镜，扎紧袖口"),
            MeasureFact(Cat.EMERGENCY, "发生卷入立即按急停按钮停机，拨打120"),
        ),
        _hazard(
            "电缆破损漏电", RiskLevel.GENERAL, ("触电",), MeasureFact(Cat.ENGINEERING, "配电箱设漏电保护器")
        ),
    )
    facts = PostFacts(
        post_id, name, "机加工车间", "车床区", "操作普通车床车削轴类零件", "吴志强", "15995075218", 2, hazards
    )
    return make_sheet(compute_card(facts, ENTERPRISE, LIBRARY), revision, DAY)


def _build(sheets: list[CardSheet], **kw: object) -> tuple[bytes, CardsPdfResult]:
    stream = BytesIO()
    result = build_cards_pdf(stream, sheets, **kw)  # type: ignore[arg-type]
    return stream.getvalue(), result


def _flat(pdf: bytes, page: int = 0) -> str:
    return "".join(PdfReader(BytesIO(pdf)).pages[page].extract_text().split())


def _qr_codes(pdf: bytes, page: int = 0) -> list[zxingcpp.Barcode]:
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[page].render(scale=300 / 72).to_pil()
    finally:
        document.close()
    return [b for b in zxingcpp.read_barcodes(image) if b.format == zxingcpp.BarcodeFormat.QRCode]


def test_every_field_is_in_the_page_text() -> None:
    sheet = _sheet()
    pdf, result = _build([sheet])
    assert result.pages == 1 and result.overflowed == ()
    text = _flat(pdf)
    c = sheet.content
    expected = [
        "岗位安全风险告知卡", c.enterprise, "车工", "机加工车间", "车床区", "操作普通车床车削轴类零件",
        "吴志强15995075218", "较大风险", "主要危险有害因素", "卡盘防护罩缺失，旋转部位卷入", "电缆破损漏电",
        "可能导致的事故类型", "机械伤害、触电", "管控措施", "卡盘加装防护罩并与主轴联锁", "配电箱设漏电保护器",
        "严禁戴手套操作车床", "岗前安全操作规程培训", "佩戴防护眼镜，扎紧袖口", "应急处置措施",
        "发生卷入立即按急停按钮停机，拨打120", "安全警示标志", "应急电话", "119", "120", "110",
        "0519-86512110", "13961120357", "HRJX-GZK-007", "第2版", "2026年11月20日",
    ]  # fmt: skip
    for item in expected:
        assert item in text, item
    for sign in c.signs:
        assert sign.wording in text, sign.wording


def test_every_font_is_embedded() -> None:
    pdf, _ = _build([_sheet()])
    reader = PdfReader(BytesIO(pdf))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, font["/BaseFont"]
        assert "+" in font["/BaseFont"]  # a subset


def test_qr_decodes_to_the_payload_and_prints_at_least_30_mm() -> None:
    sheets = [_sheet(7), _sheet(8, name="铣工", revision=1)]
    for size in CardSize:
        pdf, result = _build(sheets, size=size)
        assert result.pages == 2
        for page, sheet in enumerate(sheets):
            codes = _qr_codes(pdf, page)
            assert [code.text for code in codes] == [sheet.qr_payload], size
            assert codes[0].ec_level == "M"
            assert sheet.qr_payload.startswith(f"DP1:HRJX:{sheet.content.post_id}:r{sheet.revision}\n")
            pos = codes[0].position
            side_mm = (pos.top_right.x - pos.top_left.x) * MM_PER_PX_300
            assert side_mm >= 30, (size, side_mm)
            _assert_quiet_zone(pdf, page, pos)


def _assert_quiet_zone(pdf: bytes, page: int, pos: zxingcpp.Position) -> None:
    """Four modules of white around the code: nothing of the card is drawn there."""
    document = pdfium.PdfDocument(pdf)
    try:
        image = document[page].render(scale=300 / 72).to_pil().convert("L")
    finally:
        document.close()
    left, top, right, bottom = pos.top_left.x, pos.top_left.y, pos.bottom_right.x, pos.bottom_right.y
    margin = int(4 * (right - left) / 81)  # four modules of the largest code a 400-byte payload needs
    band = [
        image.getpixel((x, y))
        for x in range(left - margin, right + margin)
        for y in range(top - margin, bottom + margin)
        if not (left - 2 <= x <= right + 2 and top - 2 <= y <= bottom + 2)
    ]
    assert min(band) > 200


def test_page_sizes_and_two_up() -> None:
    sheets = [_sheet(i, name=f"岗位{i}") for i in range(1, 4)]
    for size, (w, h) in ((CardSize.A4, (595, 842)), (CardSize.A3, (842, 1191)), (CardSize.A5, (420, 595))):
        pdf, _ = _build(sheets[:1], size=size)
        box = PdfReader(BytesIO(pdf)).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (w, h)
    pdf, result = _build(sheets, size=CardSize.A4, two_up=True)
    reader = PdfReader(BytesIO(pdf))
    assert result.pages == 2 == len(reader.pages)
    assert round(float(reader.pages[0].mediabox.width)) == 842  # A4 landscape, two A5 cards
    assert {c.text.splitlines()[0] for c in _qr_codes(pdf, 0)} == {"DP1:HRJX:1:r2", "DP1:HRJX:2:r2"}
    with pytest.raises(ValueError):
        _build(sheets, size=CardSize.A5, two_up=True)


def _long_measures(count: int) -> HazardFact:
    return _hazard(
        "长措施危险源",
        RiskLevel.MAJOR,
        ("机械伤害",),
        *(
            MeasureFact(Cat.MANAGEMENT, f"作业前检查{i}号设备防护装置、急停按钮和安全联锁完好有效，发现{i}号设备缺陷"
                        f"立即停机报告并挂牌上锁，确认{i}号设备正常后方可恢复作业（第{i}条）")
            for i in range(1, count + 1)
        ),
    )  # fmt: skip


def _sizes_pt(pdf: bytes, page: int = 0) -> dict[str, float]:
    """The smallest type size of each character on the page, in points on paper (pdfium reports
    the size before the card's scaling to its sheet: A3 cards are the A4 design × √2)."""
    return char_sizes_pt(pdf, page)


def test_a_card_too_long_for_a4_goes_to_a3_in_the_same_type_size() -> None:
    sheet = _sheet(7, _long_measures(14))
    assert not card_fit(sheet, CardSize.A4).fits
    placed = card_placement(sheet, CardSize.A4)
    assert placed.fits and placed.size is CardSize.A3 and placed.body_pt == 10
    pdf, result = _build([sheet, _sheet(8, name="铣工")])
    assert result.pages == 2 and result.overflowed == () and result.enlarged == ((7, CardSize.A3),)
    boxes = [PdfReader(BytesIO(pdf)).pages[i].mediabox for i in (0, 1)]
    assert [(round(float(b.width)), round(float(b.height))) for b in boxes] == [(842, 1191), (595, 842)]
    assert "（第14条）" in _flat(pdf)
    assert min(_sizes_pt(pdf, 0).values()) >= 7 and min(_sizes_pt(pdf, 1).values()) >= 7


def test_too_long_card_is_reported_and_continued_never_clipped() -> None:
    sheet = _sheet(7, _long_measures(45))
    assert not card_placement(sheet, CardSize.A4).fits
    pdf, result = _build([sheet, _sheet(8, name="铣工")])
    assert result.overflowed == (7,)
    assert result.pages >= 3
    text = "".join(_flat(pdf, p) for p in range(result.pages))
    for i in range(1, 46):
        assert f"（第{i}条）" in text
    assert "续页" in _flat(pdf, 1) and "第2页/共" in _flat(pdf, 1)


def test_progress_cancel_and_invariant_output() -> None:
    seen: list[tuple[int, int]] = []
    sheets = [_sheet(i, name=f"岗位{i}") for i in range(1, 4)]
    pdf1, _ = _build(sheets, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    pdf2, _ = _build(sheets)
    assert pdf1 == pdf2
    _pdf, result = _build(sheets, cancelled=lambda: len(seen) >= 4, progress=lambda d, t: seen.append((d, t)))
    assert result.cancelled and result.pages == 0


def test_every_sign_of_the_library_has_a_drawn_pictogram() -> None:
    assert all(s.pictogram in PICTOGRAMS for s in LIBRARY.signs)
    unknown = SafetySign("x", SignFamily.WARNING, "当心未知", "no-such-drawing")
    sheet = _sheet()
    content = sheet.content
    odd = CardSheet(type(content)(**{**content.__dict__, "signs": (unknown,)}), 1, DAY, sheet.qr_payload)
    pdf, _ = _build([odd])
    assert "当心未知" in _flat(pdf)  # shape, colour and wording when there is no pictogram


def test_markup_characters_in_user_text_print_as_typed() -> None:
    odd = _hazard(
        "油温>80℃ & 压力<0.5MPa 时未停机",
        RiskLevel.GENERAL,
        ("灼烫",),
        MeasureFact(Cat.MANAGEMENT, "<b>定期</b>巡检"),
    )
    pdf, result = _build([_sheet(7, odd)])
    text = _flat(pdf)
    assert result.pages == 1
    assert "油温>80℃&压力<0.5MPa时未停机" in text and "<b>定期</b>巡检" in text
