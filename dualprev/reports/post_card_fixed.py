"""The fixed parts of a 岗位安全风险告知卡: the band in the level's colour at the top, the safety
signs, emergency phones and QR code at the bottom of the first page, and the footer of every page."""

import math
from dataclasses import dataclass
from functools import lru_cache

import zxingcpp
from reportlab.pdfgen.canvas import Canvas

from dualprev.domain.post_card import CardContent, CardSheet
from dualprev.domain.post_card_qr import QR_ID_PREFIX
from dualprev.domain.risk import RiskLevel
from dualprev.reports.fonts import register_pdf_font
from dualprev.reports.page import MM_TO_PT
from dualprev.reports.post_card_layout import (
    CARD_H,
    CARD_TITLE,
    CARD_W,
    CONTENT_W,
    LEFT,
    PAD,
    RIGHT,
    bold,
    fit_size,
    plain,
)
from dualprev.reports.post_card_styles import (
    ACCENT_MM,
    BADGE_CAPTION_PT,
    BADGE_FILL,
    BADGE_LEVEL_PT,
    BAND_MM,
    ENTERPRISE_PT,
    FOOTER_MM,
    FOOTER_PT,
    HAIRLINE_COLOUR,
    HAIRLINE_PT,
    HEADING_FILL,
    HEADING_MM,
    HEADING_PT,
    MARGIN_MM,
    MIN_TEXT_PT,
    MUTED_TEXT,
    PHONE_LABEL_PT,
    PHONE_NUMBER_MIN_PT,
    PHONE_NUMBER_PT,
    PHONE_ROW_MM,
    QR_CAPTION_PT,
    QR_DESIGN_MM,
    QR_MIN_REAL_MM,
    QR_QUIET_MODULES,
    RULE_COLOUR,
    RULE_PT,
    SIGN_GAP_MM,
    SIGN_MAX_MM,
    TITLE_PT,
    CardSize,
    fixed_pt,
    mm,
)
from dualprev.reports.post_card_text import text_width
from dualprev.reports.safety_signs import draw_sign_once, label_ratio, sign_height
from dualprev.reports.styles import BLACK_PDF, WHITE_PDF, level_fill_pdf, level_text_pdf

# --- fixed parts ---------------------------------------------------------------------------------


def _qr_side(size: CardSize) -> float:
    """The QR code's side in design points: QR_DESIGN_MM on paper on A4 and larger sheets (a
    larger sheet holds more text, not a larger code), scaled down on A5 but never under
    QR_MIN_REAL_MM."""
    return mm(max(min(QR_DESIGN_MM, QR_DESIGN_MM / size.scale), QR_MIN_REAL_MM / size.scale))


def _qr_quiet(side: float) -> float:
    """Room kept white around the code: four modules of a version-5 code (37 modules), the
    smallest a payload with its id line, post and phones needs."""
    return side * QR_QUIET_MODULES / 37


def qr_module_mm(payload: str, size: CardSize) -> float:
    """The printed side of one module of ``payload``'s code on ``size`` (real millimetres)."""
    return _qr_side(size) / MM_TO_PT * size.scale / _qr_runs(payload)[0]


@dataclass(frozen=True)
class SignGrid:
    per_row: int
    rows: int
    width: float
    """Each sign's width (design points)."""


def sign_grid(content: CardContent, size: CardSize, room: float) -> SignGrid:
    """Signs in as few rows as keep each sign's wording at MIN_TEXT_PT or more on paper."""
    n = len(content.signs)
    if not n:
        return SignGrid(0, 0, 0.0)
    gap = mm(SIGN_GAP_MM)
    ratio = min(label_ratio(s.wording) for s in content.signs)
    least = MIN_TEXT_PT / size.scale / ratio
    per_row = max(1, min(n, int((room + gap) // (least + gap))))
    rows = math.ceil(n / per_row)
    per_row = math.ceil(n / rows)
    largest = mm(min(SIGN_MAX_MM, SIGN_MAX_MM / size.scale))  # A3: as large on paper as on A4
    return SignGrid(per_row, rows, min(largest, (room - (per_row - 1) * gap) / per_row))


@lru_cache(maxsize=2048)
def _qr_runs(payload: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """(modules per side, dark runs as (row, first column, length)) of ``payload``'s QR code at
    error correction M. zxing-cpp's compiled encoder, cached: a reprint draws the same payloads."""
    symbol = zxingcpp.create_barcode(payload, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = symbol.to_image(scale=1, add_quiet_zones=False)
    side = int(image.shape[0])
    # One byte per module, 0 for dark (zxing-cpp's stubs do not declare Image's buffer protocol).
    dark = memoryview(image).tobytes()  # type: ignore[arg-type]
    runs: list[tuple[int, int, int]] = []
    for r in range(side):
        row = dark[r * side : (r + 1) * side]
        c = 0
        while c < side:
            if row[c] == 0:
                start = c
                while c < side and row[c] == 0:
                    c += 1
                runs.append((r, start, c - start))
            else:
                c += 1
    return side, tuple(runs)


def _draw_qr(canvas: Canvas, payload: str, x: float, y: float, side: float) -> None:
    """Modules as one filled path (no hairline seams), on a white quiet zone of 4 modules."""
    n, runs = _qr_runs(payload)
    module = side / n
    quiet = QR_QUIET_MODULES * module
    canvas.setFillColor(WHITE_PDF)
    canvas.rect(x - quiet, y - quiet, side + 2 * quiet, side + 2 * quiet, fill=1, stroke=0)
    path = canvas.beginPath()
    for r, start, length in runs:
        path.rect(x + start * module, y + side - (r + 1) * module, length * module, module)
    canvas.setFillColor(BLACK_PDF)
    canvas.drawPath(path, fill=1, stroke=0)


def bottom_heights(content: CardContent, size: CardSize) -> tuple[float, float, float, float]:
    """(signs section, phones section, QR column width, total height) of the bottom block."""
    qr = _qr_side(size)
    quiet = _qr_quiet(qr)
    qr_col = qr + 2 * quiet + mm(4)
    left_w = CONTENT_W - qr_col
    signs_h = 0.0
    if content.signs:
        grid = sign_grid(content, size, left_w - 2 * PAD)
        signs_h = mm(HEADING_MM) + 2 * PAD + grid.rows * sign_height(grid.width) + (grid.rows - 1) * PAD
    rows = math.ceil(len(content.phones) / 3) if content.phones else 0
    phones_h = mm(HEADING_MM) + rows * mm(PHONE_ROW_MM) + PAD if rows else 0.0
    qr_h = qr + 2 * quiet + 2.6 * fixed_pt(QR_CAPTION_PT, size)
    return signs_h, phones_h, qr_col, max(signs_h + phones_h, qr_h)


def draw_band(canvas: Canvas, sheet: CardSheet, size: CardSize, *, continued: bool) -> None:
    content = sheet.content
    level = content.level
    top = CARD_H - mm(MARGIN_MM)
    height = mm(BAND_MM)
    fill = level_fill_pdf(level) if level is not None else HEADING_FILL
    ink = level_text_pdf(level) if level is not None else BLACK_PDF
    canvas.setFillColor(fill)
    canvas.rect(LEFT, top - height, CONTENT_W, height, fill=1, stroke=0)
    badge_w, badge_h = mm(56), height - mm(6)
    title = CARD_TITLE + ("（续页）" if continued else "")
    title_size = fit_size(title, TITLE_PT, CONTENT_W - badge_w - mm(14))
    bold(canvas, LEFT + mm(6), top - mm(12), title, title_size, ink)
    enterprise = content.enterprise
    ent_size = max(fit_size(enterprise, ENTERPRISE_PT, CONTENT_W - badge_w - mm(14)), fixed_pt(0, size))
    plain(canvas, LEFT + mm(6.2), top - mm(20), enterprise, ent_size, ink)
    bx, by = RIGHT - mm(3) - badge_w, top - height + mm(3)
    canvas.setFillColor(BADGE_FILL)
    canvas.setStrokeColor(BLACK_PDF)
    canvas.setLineWidth(1.2)
    canvas.roundRect(bx, by, badge_w, badge_h, mm(1.5), fill=1, stroke=1)
    plain(
        canvas,
        bx + badge_w / 2,
        by + badge_h - mm(4.6),
        "风险等级",
        fixed_pt(BADGE_CAPTION_PT, size),
        MUTED_TEXT,
        align="centre",
    )
    label = level.label if level is not None else "未评价"
    bold(canvas, bx + badge_w / 2, by + mm(3.4), label, BADGE_LEVEL_PT, BLACK_PDF, align="centre")


def draw_footer(canvas: Canvas, sheet: CardSheet, page_note: str, size: CardSize) -> None:
    bottom = mm(MARGIN_MM)
    top = bottom + mm(FOOTER_MM)
    canvas.setFillColor(HEADING_FILL)
    canvas.rect(LEFT, bottom, CONTENT_W, mm(FOOTER_MM), fill=1, stroke=0)
    canvas.setStrokeColor(RULE_COLOUR)
    canvas.setLineWidth(RULE_PT)
    canvas.line(LEFT, top, RIGHT, top)
    pt = fixed_pt(FOOTER_PT, size)
    y = bottom + mm(FOOTER_MM) / 2 - pt * 0.36
    content = sheet.content
    plain(canvas, LEFT + mm(3), y, f"卡片编号：{content.card_number}", pt, BLACK_PDF)
    d = sheet.revision_date
    middle = f"第 {sheet.revision} 版　修订日期：{d.year}年{d.month}月{d.day}日"
    plain(canvas, CARD_W / 2, y, middle, pt, BLACK_PDF, align="centre")
    plain(canvas, RIGHT - mm(3), y, page_note, fit_size(page_note, pt, mm(40)), BLACK_PDF, align="right")


def draw_bottom(canvas: Canvas, sheet: CardSheet, size: CardSize, bottom: float) -> None:
    content = sheet.content
    _signs_h, phones_h, qr_col, total = bottom_heights(content, size)
    top = bottom + total
    left_w = CONTENT_W - qr_col
    canvas.setStrokeColor(RULE_COLOUR)
    canvas.setLineWidth(RULE_PT)
    canvas.line(LEFT, top, RIGHT, top)
    canvas.line(LEFT + left_w, top, LEFT + left_w, bottom)
    y = top
    font = register_pdf_font()
    if content.signs:
        _heading_at(canvas, "安全警示标志", content.level, LEFT, y, left_w)
        grid = sign_grid(content, size, left_w - 2 * PAD)
        gap = mm(SIGN_GAP_MM)
        sign_h = sign_height(grid.width)
        block_h = grid.rows * sign_h + (grid.rows - 1) * PAD
        # Extra height of the block (the QR column may be taller) goes around the signs.
        room = total - phones_h - mm(HEADING_MM)
        row_top = y - mm(HEADING_MM) - (room - block_h) / 2
        for r in range(grid.rows):
            row = content.signs[r * grid.per_row : (r + 1) * grid.per_row]
            row_w = len(row) * grid.width + (len(row) - 1) * gap
            x = LEFT + (left_w - row_w) / 2
            for sign in row:
                draw_sign_once(canvas, sign, x, row_top - sign_h, grid.width, font)
                x += grid.width + gap
            row_top -= sign_h + PAD
        y -= total - phones_h
        if content.phones:
            canvas.setStrokeColor(RULE_COLOUR)
            canvas.setLineWidth(RULE_PT)
            canvas.line(LEFT, y, LEFT + left_w, y)
    if content.phones:
        _heading_at(canvas, "应急电话", content.level, LEFT, y, left_w)
        _draw_phones(canvas, content, LEFT, y - mm(HEADING_MM), left_w, bottom, size)
    qr = _qr_side(size)
    quiet = _qr_quiet(qr)
    qx = LEFT + left_w + (qr_col - qr) / 2
    caption_h = 2.6 * fixed_pt(QR_CAPTION_PT, size)
    qy = bottom + caption_h + quiet + (total - (qr + 2 * quiet + caption_h)) / 2
    _draw_qr(canvas, sheet.qr_payload, qx, qy, qr)
    caption = (
        "手机扫码查看本卡摘要" if sheet.qr_payload.startswith(QR_ID_PREFIX) else "手机扫码打开本岗位页面"
    )
    caption_pt = fixed_pt(QR_CAPTION_PT, size)
    plain(canvas, qx + qr / 2, qy - quiet - caption_pt * 1.2, caption, caption_pt, BLACK_PDF, align="centre")
    if sheet.qr_payload.startswith(QR_ID_PREFIX):
        plain(canvas, qx + qr / 2, qy - quiet - caption_pt * 2.4, "（无需联网）", caption_pt, MUTED_TEXT,
              align="centre")  # fmt: skip


def _heading_at(
    canvas: Canvas, title: str, level: RiskLevel | None, x: float, top: float, width: float
) -> None:
    height = mm(HEADING_MM)
    canvas.setFillColor(HEADING_FILL)
    canvas.rect(x, top - height, width, height, fill=1, stroke=0)
    canvas.setFillColor(level_fill_pdf(level) if level is not None else BLACK_PDF)
    canvas.rect(x, top - height, mm(ACCENT_MM), height, fill=1, stroke=0)
    canvas.setStrokeColor(HAIRLINE_COLOUR)
    canvas.setLineWidth(HAIRLINE_PT)
    canvas.line(x, top - height, x + width, top - height)
    bold(
        canvas,
        x + mm(ACCENT_MM) + mm(2.2),
        top - height / 2 - HEADING_PT * 0.36,
        title,
        HEADING_PT,
        BLACK_PDF,
    )


def _draw_phones(
    canvas: Canvas, content: CardContent, x: float, top: float, width: float, bottom: float, size: CardSize
) -> None:
    """Three phones a row; a long label (企业值班, 安全管理 沈立明) goes above its number rather than
    shrinking either below the card's minimum."""
    phones = content.phones
    rows = [phones[i : i + 3] for i in range(0, len(phones), 3)]
    row_h = (top - bottom - PAD) / len(rows)
    label_size = fixed_pt(PHONE_LABEL_PT, size)
    least = fixed_pt(PHONE_NUMBER_MIN_PT, size)
    for r, row in enumerate(rows):
        cell_w = width / len(row)
        base = top - PAD / 2 - (r + 1) * row_h
        for i, phone in enumerate(row):
            cx = x + i * cell_w
            label_w = text_width(phone.label, label_size)
            inline = fit_size(phone.number, PHONE_NUMBER_PT, cell_w - mm(7) - label_w)
            if inline >= least:
                y = base + (row_h - inline * 0.72) / 2
                plain(canvas, cx + mm(3), y + mm(0.4), phone.label, label_size, MUTED_TEXT)
                bold(canvas, cx + mm(3) + label_w + mm(2), y, phone.number, inline, BLACK_PDF)
            else:
                number = max(fit_size(phone.number, PHONE_NUMBER_PT, cell_w - mm(5)), least)
                y = base + (row_h - number * 0.72 - label_size * 1.15) / 2
                plain(
                    canvas,
                    cx + mm(3),
                    y + number * 0.72 + label_size * 0.3,
                    phone.label,
                    label_size,
                    MUTED_TEXT,
                )
                bold(canvas, cx + mm(3), y, phone.number, number, BLACK_PDF)
            if i:
                canvas.setStrokeColor(HAIRLINE_COLOUR)
                canvas.setLineWidth(HAIRLINE_PT)
                canvas.line(cx, base + mm(1.5), cx, base + row_h - mm(1.5))
