"""岗位安全风险告知卡 as a vector PDF: one card per page (A4 portrait by default, A3 or A5 on
request, or two cards side by side on one sheet).

The card, top to bottom: a band in the level's colour with the title, the enterprise and the level
name; the post's particulars; the main hazards; the accident types; the control measures by
category; the emergency measures; the safety signs and emergency phones beside the QR code; the
card number, revision and date. The text parts shrink together until they fit, down to a readable
minimum; hazards then go from a list into a run-on paragraph. A card that still does not fit is
continued on a further page (never clipped) and reported in :class:`CardsPdfResult`.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO
from xml.sax.saxutils import escape

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from dualprev.domain.post_card import QR_ID_PREFIX, CardContent, CardSheet
from dualprev.domain.risk import RiskLevel
from dualprev.reports.fonts import register_pdf_font
from dualprev.reports.page import MM_TO_PT
from dualprev.reports.post_card_styles import (
    ACCENT_MM,
    BADGE_CAPTION_PT,
    BADGE_FILL,
    BADGE_LEVEL_PT,
    BAND_MM,
    BODY_STEP_PT,
    CUT_MARK,
    DESIGN_MM,
    ENTERPRISE_PT,
    FOOTER_MM,
    FOOTER_PT,
    FRAME_PT,
    HAIRLINE_COLOUR,
    HAIRLINE_PT,
    HEADING_FILL,
    HEADING_MM,
    HEADING_PT,
    INFO_LABEL_MM,
    LABEL_COL_MM,
    LABEL_FILL,
    MARGIN_MM,
    MAX_BODY_PT,
    MUTED_TEXT,
    PAD_MM,
    PHONE_LABEL_PT,
    PHONE_NUMBER_PT,
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
    CardText,
    card_text,
    mm,
)
from dualprev.reports.safety_signs import draw_sign, sign_height
from dualprev.reports.styles import BLACK_PDF, WHITE_PDF, level_fill_pdf, level_text_pdf

CARD_TITLE = "岗位安全风险告知卡"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_W, _H = mm(DESIGN_MM[0]), mm(DESIGN_MM[1])
_X0, _X1 = mm(MARGIN_MM), _W - mm(MARGIN_MM)
_CW = _X1 - _X0
_PAD = mm(PAD_MM)

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


@dataclass(frozen=True)
class CardFit:
    """How a card's text is set: body size in real points, hazards run on (compact) or listed."""

    fits: bool
    body_pt: float
    compact: bool


@dataclass(frozen=True)
class CardsPdfResult:
    pages: int
    overflowed: tuple[int, ...] = ()
    """Post ids of cards that did not fit one sheet at the minimum size (continued on more pages)."""
    cancelled: bool = False


# --- text helpers --------------------------------------------------------------------------------


def _circled(i: int) -> str:
    return _CIRCLED[i - 1] if i <= len(_CIRCLED) else f"({i})"


def _run_on(items: Sequence[str]) -> str:
    """Items as one paragraph: ①…；②…"""
    return "；".join(f"{_circled(i)}{escape(t)}" for i, t in enumerate(items, start=1))


def _bold(
    canvas: Canvas, x: float, y: float, text: str, size: float, colour: Color, *, align: str = "left"
) -> None:
    """The bundled font has no bold face: fill and stroke the glyphs to embolden them."""
    font = register_pdf_font()
    width = canvas.stringWidth(text, font, size)
    if align == "centre":
        x -= width / 2
    elif align == "right":
        x -= width
    canvas.saveState()
    canvas.setFillColor(colour)
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(size * 0.045)
    obj = canvas.beginText()
    obj.setFont(font, size)
    obj.setTextRenderMode(2)
    obj.setTextOrigin(x, y)
    obj.textOut(text)
    canvas.drawText(obj)
    canvas.restoreState()


def _plain(
    canvas: Canvas, x: float, y: float, text: str, size: float, colour: Color, *, align: str = "left"
) -> None:
    canvas.setFont(register_pdf_font(), size)
    canvas.setFillColor(colour)
    {"left": canvas.drawString, "centre": canvas.drawCentredString, "right": canvas.drawRightString}[align](
        x, y, text
    )


def _fit_size(text: str, size: float, width: float) -> float:
    """``size``, or smaller so ``text`` fits ``width`` on one line."""
    actual = pdfmetrics.stringWidth(text, register_pdf_font(), size) if text else 0.0
    return size if actual <= width or actual == 0 else size * width / actual


# --- rows of the flexible part -------------------------------------------------------------------


@dataclass
class _Row:
    """One horizontal slice of the card's text part, drawn top-down."""

    height: float
    painter: Callable[[Canvas, float, float], None]
    """Draws the row with its top at y, ``height + extra`` tall."""
    splitter: Callable[[float], "tuple[_Row, _Row] | None"] | None = None
    keep_with_next: bool = False
    section_end: bool = False
    extra: float = 0.0
    section: str = ""
    """Title of the section the row belongs to (repeated as "…（续）" atop a continuation page)."""

    def draw(self, canvas: Canvas, top: float) -> None:
        self.painter(canvas, top, self.height + self.extra)


@dataclass
class _Cell:
    x: float
    width: float
    para: Paragraph
    height: float = 0.0

    def wrap(self) -> float:
        self.height = self.para.wrap(self.width, 10_000)[1]
        return float(self.height)


def _text_row(
    cells: list[_Cell],
    *,
    label: str = "",
    label_width: float = 0.0,
    label_style: CardText | None = None,
    rule_below: bool = False,
    pad: float = _PAD * 0.6,
) -> _Row:
    """Paragraph cells side by side, optionally behind a grey label cell at the left edge."""
    label_para = Paragraph(escape(label), label_style.label) if label and label_style else None
    label_h = label_para.wrap(label_width - 2 * _PAD, 10_000)[1] if label_para else 0.0
    height = max([c.wrap() for c in cells] + [label_h]) + 2 * pad

    def paint(canvas: Canvas, top: float, full: float) -> None:
        if label_width:
            canvas.setFillColor(LABEL_FILL)
            canvas.rect(_X0, top - full, label_width, full, fill=1, stroke=0)
            canvas.setStrokeColor(HAIRLINE_COLOUR)
            canvas.setLineWidth(HAIRLINE_PT)
            canvas.line(_X0 + label_width, top, _X0 + label_width, top - full)
            if label_para is not None:
                label_para.drawOn(canvas, _X0 + _PAD, top - (full + label_h) / 2)
        for c in cells:
            c.para.drawOn(canvas, c.x, top - pad - c.height)
        if rule_below:
            canvas.setStrokeColor(HAIRLINE_COLOUR)
            canvas.setLineWidth(HAIRLINE_PT)
            canvas.line(_X0, top - full, _X1, top - full)

    def split(avail: float) -> tuple[_Row, _Row] | None:
        if len(cells) != 1 or avail <= 2 * pad:
            return None
        parts = cells[0].para.split(cells[0].width, avail - 2 * pad)
        if len(parts) < 2:
            return None
        first = _text_row([_Cell(cells[0].x, cells[0].width, parts[0])], label=label, label_width=label_width,
                          label_style=label_style, pad=pad)  # fmt: skip
        rest = _text_row([_Cell(cells[0].x, cells[0].width, p) for p in parts[1:2]], label=f"{label}（续）" if label else "",
                         label_width=label_width, label_style=label_style, rule_below=rule_below, pad=pad)  # fmt: skip
        return first, rest

    return _Row(height, paint, split)


def _heading_row(title: str, level: RiskLevel | None) -> _Row:
    height = mm(HEADING_MM)

    def paint(canvas: Canvas, top: float, full: float) -> None:
        canvas.setFillColor(HEADING_FILL)
        canvas.rect(_X0, top - height, _CW, height, fill=1, stroke=0)
        canvas.setFillColor(level_fill_pdf(level) if level is not None else BLACK_PDF)
        canvas.rect(_X0, top - height, mm(ACCENT_MM), height, fill=1, stroke=0)
        canvas.setStrokeColor(HAIRLINE_COLOUR)
        canvas.setLineWidth(HAIRLINE_PT)
        canvas.line(_X0, top - height, _X1, top - height)
        _bold(
            canvas,
            _X0 + mm(ACCENT_MM) + mm(2.2),
            top - height / 2 - HEADING_PT * 0.36,
            title,
            HEADING_PT,
            BLACK_PDF,
        )

    return _Row(height, paint, keep_with_next=True)


def _gap_row(height: float, *, section_end: bool = True) -> _Row:
    return _Row(height, lambda _c, _t, _f: None, section_end=section_end)


def _info_rows(content: CardContent, text: CardText) -> list[_Row]:
    # Wide enough for the longest label (岗位负责人) on one line at this body size.
    label_w = max(mm(INFO_LABEL_MM), 5 * text.body_pt + 2 * _PAD + mm(1.5))
    value_w = (_CW - 2 * label_w) / 2
    pad = _PAD * 0.7
    rows: list[_Row] = []

    def cell_pair(items: list[tuple[str, Paragraph]], rule: bool) -> _Row:
        cells: list[_Cell] = []
        labels: list[tuple[float, float, Paragraph]] = []
        x = _X0
        widths = [value_w] * len(items) if len(items) == 2 else [_CW - label_w]
        for (label, para), width in zip(items, widths, strict=True):
            labels.append((x, label_w, Paragraph(escape(label), text.label)))
            cells.append(_Cell(x + label_w + _PAD, width - 2 * _PAD, para))
            x += label_w + width
        label_hs = [p.wrap(w - 2 * _PAD, 10_000)[1] for _x, w, p in labels]
        height = max([c.wrap() for c in cells] + label_hs) + 2 * pad

        def paint(canvas: Canvas, top: float, full: float) -> None:
            canvas.setStrokeColor(HAIRLINE_COLOUR)
            canvas.setLineWidth(HAIRLINE_PT)
            for (lx, lw, para), lh in zip(labels, label_hs, strict=True):
                canvas.setFillColor(LABEL_FILL)
                canvas.rect(lx, top - full, lw, full, fill=1, stroke=0)
                canvas.line(lx + lw, top, lx + lw, top - full)
                if lx > _X0:
                    canvas.line(lx, top, lx, top - full)
                para.drawOn(canvas, lx + _PAD, top - (full + lh) / 2)
            for c in cells:
                c.para.drawOn(canvas, c.x, top - (full + c.height) / 2)
            if rule:
                canvas.line(_X0, top - full, _X1, top - full)

        return _Row(height, paint)

    def value(t: str, style_name: str = "value") -> Paragraph:
        style = text.post_name if style_name == "post" else text.value
        return Paragraph(escape(t) or "—", style)

    rows.append(
        cell_pair([("岗位名称", value(content.post, "post")), ("所属部门", value(content.department))], True)
    )
    rows.append(
        cell_pair([("工作场所", value(content.workplace)), ("岗位负责人", value(content.responsible))], True)
    )
    if content.work_content:
        rows.append(cell_pair([("工作内容", value(content.work_content))], False))
    rows[-1].section_end = True
    return rows


def _list_rows(items: Sequence[str], text: CardText, *, columns: int) -> list[_Row]:
    numbered = [Paragraph(escape(t), text.item, bulletText=f"{i}.") for i, t in enumerate(items, start=1)]
    gap = mm(4)
    inner_x = _X0 + _PAD + mm(0.6)
    inner_w = _CW - 2 * _PAD - mm(0.6)
    if columns == 1:
        return [_text_row([_Cell(inner_x, inner_w, p)], pad=_PAD * 0.35) for p in numbered]
    col_w = (inner_w - gap) / 2
    per_col = math.ceil(len(numbered) / 2)
    rows = []
    for i in range(per_col):
        cells = [_Cell(inner_x, col_w, numbered[i])]
        if i + per_col < len(numbered):
            cells.append(_Cell(inner_x + col_w + gap, col_w, numbered[i + per_col]))
        rows.append(_text_row(cells, pad=_PAD * 0.35))
    return rows


def _pad_section(rows: list[_Row]) -> list[_Row]:
    """Breathing room above the first and below the last row of a section's body."""
    return [_gap_row(_PAD * 0.5, section_end=False), *rows, _gap_row(_PAD * 0.6)]


def _flex_rows(content: CardContent, text: CardText, *, compact: bool) -> list[_Row]:
    level = content.level
    rows = _info_rows(content, text)
    inner_x = _X0 + _PAD + mm(0.6)
    inner_w = _CW - 2 * _PAD - mm(0.6)

    def section(title: str, body: list[_Row]) -> None:
        for row in body:
            row.section = title
        rows.append(_heading_row(title, level))
        rows.extend(body)

    if content.hazards:
        if compact:
            body = [_text_row([_Cell(inner_x, inner_w, Paragraph(_run_on(content.hazards), text.body))])]
        else:
            one = _list_rows(content.hazards, text, columns=1)
            two = _list_rows(content.hazards, text, columns=2)
            use_two = len(content.hazards) >= 4 and _total(two) < 0.8 * _total(one)
            body = two if use_two else one
        section("主要危险有害因素", _pad_section(body))
    if content.accident_types:
        para = Paragraph(escape("、".join(content.accident_types)), text.body)
        section("可能导致的事故类型", _pad_section([_text_row([_Cell(inner_x, inner_w, para)])]))
    if content.measures:
        label_w = mm(LABEL_COL_MM)
        body = []
        for i, group in enumerate(content.measures):
            para = Paragraph(_run_on(group.items), text.body)
            label = group.label.removesuffix("措施") if len(group.label) > 4 else group.label
            body.append(
                _text_row(
                    [_Cell(_X0 + label_w + _PAD, _CW - label_w - 2 * _PAD, para)],
                    label=label,
                    label_width=label_w,
                    label_style=text,
                    rule_below=i < len(content.measures) - 1,
                    pad=_PAD * 0.7,
                )
            )
        body[-1].section_end = True
        section("管控措施", body)
    if content.emergency:
        section("应急处置措施", _pad_section(_list_rows(content.emergency, text, columns=1)))
    return rows


# --- fixed parts ---------------------------------------------------------------------------------


def _qr_side(size: CardSize) -> float:
    """The QR code's printed side in design points: never under QR_MIN_REAL_MM on paper."""
    return mm(max(QR_DESIGN_MM, QR_MIN_REAL_MM / size.scale))


def _qr_matrix(payload: str) -> list[list[bool]]:
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    return matrix


def _draw_qr(canvas: Canvas, payload: str, x: float, y: float, side: float) -> None:
    """Modules as one filled path (no hairline seams), on a white quiet zone of 4 modules."""
    matrix = _qr_matrix(payload)
    n = len(matrix)
    module = side / n
    quiet = QR_QUIET_MODULES * module
    canvas.setFillColor(WHITE_PDF)
    canvas.rect(x - quiet, y - quiet, side + 2 * quiet, side + 2 * quiet, fill=1, stroke=0)
    path = canvas.beginPath()
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect(x + start * module, y + side - (r + 1) * module, (c - start) * module, module)
            else:
                c += 1
    canvas.setFillColor(BLACK_PDF)
    canvas.drawPath(path, fill=1, stroke=0)


def _bottom_heights(content: CardContent, size: CardSize) -> tuple[float, float, float, float]:
    """(signs section, phones section, QR column width, total height) of the bottom block."""
    qr = _qr_side(size)
    quiet = qr / 20
    qr_col = qr + 2 * quiet + mm(4)
    left_w = _CW - qr_col
    signs_h = 0.0
    if content.signs:
        n = len(content.signs)
        sign_w = min(mm(SIGN_MAX_MM), (left_w - 2 * _PAD - (n - 1) * mm(SIGN_GAP_MM)) / n)
        signs_h = mm(HEADING_MM) + 2 * _PAD + sign_height(sign_w)
    rows = math.ceil(len(content.phones) / 3) if content.phones else 0
    phones_h = mm(HEADING_MM) + rows * mm(10.5) + _PAD if rows else 0.0
    qr_h = qr + 2 * quiet + mm(7)
    return signs_h, phones_h, qr_col, max(signs_h + phones_h, qr_h)


def _draw_band(canvas: Canvas, sheet: CardSheet, *, continued: bool) -> None:
    content = sheet.content
    level = content.level
    top = _H - mm(MARGIN_MM)
    height = mm(BAND_MM)
    fill = level_fill_pdf(level) if level is not None else HEADING_FILL
    ink = level_text_pdf(level) if level is not None else BLACK_PDF
    canvas.setFillColor(fill)
    canvas.rect(_X0, top - height, _CW, height, fill=1, stroke=0)
    badge_w, badge_h = mm(56), height - mm(6)
    title = CARD_TITLE + ("（续页）" if continued else "")
    title_size = _fit_size(title, TITLE_PT, _CW - badge_w - mm(14))
    _bold(canvas, _X0 + mm(6), top - mm(12), title, title_size, ink)
    enterprise = content.enterprise
    ent_size = _fit_size(enterprise, ENTERPRISE_PT, _CW - badge_w - mm(14))
    _plain(canvas, _X0 + mm(6.2), top - mm(20), enterprise, ent_size, ink)
    bx, by = _X1 - mm(3) - badge_w, top - height + mm(3)
    canvas.setFillColor(BADGE_FILL)
    canvas.setStrokeColor(BLACK_PDF)
    canvas.setLineWidth(1.2)
    canvas.roundRect(bx, by, badge_w, badge_h, mm(1.5), fill=1, stroke=1)
    _plain(
        canvas,
        bx + badge_w / 2,
        by + badge_h - mm(4.6),
        "风险等级",
        BADGE_CAPTION_PT,
        MUTED_TEXT,
        align="centre",
    )
    label = level.label if level is not None else "未评价"
    _bold(canvas, bx + badge_w / 2, by + mm(3.4), label, BADGE_LEVEL_PT, BLACK_PDF, align="centre")


def _draw_footer(canvas: Canvas, sheet: CardSheet, page_note: str) -> None:
    bottom = mm(MARGIN_MM)
    top = bottom + mm(FOOTER_MM)
    canvas.setFillColor(HEADING_FILL)
    canvas.rect(_X0, bottom, _CW, mm(FOOTER_MM), fill=1, stroke=0)
    canvas.setStrokeColor(RULE_COLOUR)
    canvas.setLineWidth(RULE_PT)
    canvas.line(_X0, top, _X1, top)
    y = bottom + mm(FOOTER_MM) / 2 - FOOTER_PT * 0.36
    content = sheet.content
    _plain(canvas, _X0 + mm(3), y, f"卡片编号：{content.card_number}", FOOTER_PT, BLACK_PDF)
    d = sheet.revision_date
    middle = f"第 {sheet.revision} 版　修订日期：{d.year}年{d.month}月{d.day}日"
    _plain(canvas, _W / 2, y, middle, FOOTER_PT, BLACK_PDF, align="centre")
    _plain(canvas, _X1 - mm(3), y, page_note, FOOTER_PT, BLACK_PDF, align="right")


def _draw_bottom(canvas: Canvas, sheet: CardSheet, size: CardSize, bottom: float) -> None:
    content = sheet.content
    _signs_h, phones_h, qr_col, total = _bottom_heights(content, size)
    top = bottom + total
    left_w = _CW - qr_col
    canvas.setStrokeColor(RULE_COLOUR)
    canvas.setLineWidth(RULE_PT)
    canvas.line(_X0, top, _X1, top)
    canvas.line(_X0 + left_w, top, _X0 + left_w, bottom)
    y = top
    font = register_pdf_font()
    if content.signs:
        _heading_at(canvas, "安全警示标志", content.level, _X0, y, left_w)
        n = len(content.signs)
        gap = mm(SIGN_GAP_MM)
        sign_w = min(mm(SIGN_MAX_MM), (left_w - 2 * _PAD - (n - 1) * gap) / n)
        row_w = n * sign_w + (n - 1) * gap
        # Extra height of the block (the QR column may be taller) goes around the signs.
        room = total - phones_h - mm(HEADING_MM)
        sy = y - mm(HEADING_MM) - (room - sign_height(sign_w)) / 2 - sign_height(sign_w)
        x = _X0 + (left_w - row_w) / 2
        for sign in content.signs:
            draw_sign(canvas, sign, x, sy, sign_w, font)
            x += sign_w + gap
        y -= total - phones_h
        if content.phones:
            canvas.setStrokeColor(RULE_COLOUR)
            canvas.setLineWidth(RULE_PT)
            canvas.line(_X0, y, _X0 + left_w, y)
    if content.phones:
        _heading_at(canvas, "应急电话", content.level, _X0, y, left_w)
        _draw_phones(canvas, content, _X0, y - mm(HEADING_MM), left_w, bottom)
    qr = _qr_side(size)
    quiet = qr / 20
    qx = _X0 + left_w + (qr_col - qr) / 2
    qy = bottom + mm(7) + quiet + (total - (qr + 2 * quiet + mm(7))) / 2
    _draw_qr(canvas, sheet.qr_payload, qx, qy, qr)
    caption = (
        "手机扫码查看本卡摘要" if sheet.qr_payload.startswith(QR_ID_PREFIX) else "手机扫码打开本岗位页面"
    )
    _plain(canvas, qx + qr / 2, qy - quiet - mm(3.4), caption, QR_CAPTION_PT, BLACK_PDF, align="centre")
    if sheet.qr_payload.startswith(QR_ID_PREFIX):
        _plain(
            canvas,
            qx + qr / 2,
            qy - quiet - mm(6.4),
            "（无需联网）",
            QR_CAPTION_PT - 1,
            MUTED_TEXT,
            align="centre",
        )


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
    _bold(
        canvas,
        x + mm(ACCENT_MM) + mm(2.2),
        top - height / 2 - HEADING_PT * 0.36,
        title,
        HEADING_PT,
        BLACK_PDF,
    )


def _draw_phones(
    canvas: Canvas, content: CardContent, x: float, top: float, width: float, bottom: float
) -> None:
    phones = content.phones
    rows = [phones[i : i + 3] for i in range(0, len(phones), 3)]
    row_h = (top - bottom - _PAD) / len(rows)
    for r, row in enumerate(rows):
        cell_w = width / len(row)
        base = top - _PAD / 2 - (r + 1) * row_h
        for i, phone in enumerate(row):
            cx = x + i * cell_w
            label_size = _fit_size(phone.label, PHONE_LABEL_PT, cell_w * 0.36)
            number_size = _fit_size(phone.number, PHONE_NUMBER_PT, cell_w - mm(6) - canvas.stringWidth(
                phone.label, register_pdf_font(), label_size) - mm(2))  # fmt: skip
            y = base + (row_h - number_size * 0.72) / 2
            _plain(canvas, cx + mm(3), y + mm(0.4), phone.label, label_size, MUTED_TEXT)
            label_w = canvas.stringWidth(phone.label, register_pdf_font(), label_size)
            _bold(canvas, cx + mm(3) + label_w + mm(2), y, phone.number, number_size, BLACK_PDF)
            if i:
                canvas.setStrokeColor(HAIRLINE_COLOUR)
                canvas.setLineWidth(HAIRLINE_PT)
                canvas.line(cx, base + mm(1.5), cx, base + row_h - mm(1.5))


# --- fitting and pages ---------------------------------------------------------------------------


def _flex_top() -> float:
    return _H - mm(MARGIN_MM) - mm(BAND_MM)


def _flex_capacity(content: CardContent, size: CardSize) -> float:
    bottom_total = _bottom_heights(content, size)[3]
    return _flex_top() - (mm(MARGIN_MM) + mm(FOOTER_MM) + bottom_total)


def _continuation_capacity() -> float:
    return _flex_top() - (mm(MARGIN_MM) + mm(FOOTER_MM))


def _design_sizes(size: CardSize) -> list[float]:
    """Candidate body sizes (design points), largest first, down to the sheet's readable minimum."""
    smallest = size.min_body_pt / size.scale
    top = max(MAX_BODY_PT, smallest)
    sizes = []
    value = top
    while value >= smallest - 1e-9:
        sizes.append(round(value, 3))
        value -= BODY_STEP_PT
    return sizes or [smallest]


def _total(rows: list[_Row]) -> float:
    return sum(r.height for r in rows)


def _choose(content: CardContent, size: CardSize) -> tuple[CardFit, list[_Row]]:
    """The largest body size (list layout first, then run-on hazards) at which the text fits."""
    capacity = _flex_capacity(content, size)
    sizes = _design_sizes(size)
    for compact in (False, True):
        if not _total(_flex_rows(content, card_text(sizes[-1]), compact=compact)) <= capacity:
            continue
        lo, hi = 0, len(sizes) - 1  # sizes[hi] fits; find the first (largest) that does
        while lo < hi:
            mid = (lo + hi) // 2
            if _total(_flex_rows(content, card_text(sizes[mid]), compact=compact)) <= capacity:
                hi = mid
            else:
                lo = mid + 1
        rows = _flex_rows(content, card_text(sizes[hi]), compact=compact)
        return CardFit(True, round(sizes[hi] * size.scale, 2), compact), rows
    rows = _flex_rows(content, card_text(sizes[-1]), compact=True)
    return CardFit(False, round(sizes[-1] * size.scale, 2), True), rows


def card_fit(sheet: CardSheet, size: CardSize = CardSize.A4) -> CardFit:
    """Whether the card fits one sheet of ``size``, and at which body size."""
    return _choose(sheet.content, size)[0]


def _spread(rows: list[_Row], spare: float) -> None:
    """Give the room left over to the sections (below their text), so the card fills its frame."""
    ends = [r for r in rows if r.section_end]
    if spare <= 0 or not ends:
        return
    for r in ends:
        r.extra = spare / len(ends)


def _paginate(rows: list[_Row], first: float, later: float, level: RiskLevel | None) -> list[list[_Row]]:
    """Rows onto pages: a heading stays with the start of its section, a paragraph splits between
    lines, and a continuation page starts with its section's heading marked （续）."""
    pages: list[list[_Row]] = [[]]
    room = first
    queue = list(rows)

    def place(row: _Row) -> None:
        nonlocal room
        pages[-1].append(row)
        room -= row.height

    def new_page() -> None:
        nonlocal room
        pages.append([])
        room = later
        if queue and queue[0].section and not queue[0].keep_with_next:
            place(_heading_row(f"{queue[0].section}（续）", level))

    while queue:
        row = queue.pop(0)
        if row.keep_with_next and queue:
            following = queue[0]
            if row.height + following.height <= room:
                place(row)
                continue
            parts = (
                following.splitter(room - row.height) if following.splitter and row.height < room else None
            )
            if parts is not None:
                parts[0].section = parts[1].section = following.section
                place(row)
                place(parts[0])
                queue[0] = parts[1]
                new_page()
                continue
        elif row.height <= room:
            place(row)
            continue
        else:
            parts = row.splitter(room) if row.splitter is not None else None
            if parts is not None:
                parts[0].section = parts[1].section = row.section
                place(parts[0])
                queue.insert(0, parts[1])
                new_page()
                continue
        if pages[-1] and any(not r.keep_with_next for r in pages[-1]):
            queue.insert(0, row)
            new_page()
            continue
        # Alone on its page and still too tall (cannot be split): place it rather than loop.
        place(row)
    return [page for page in pages if page]


def _draw_rows(canvas: Canvas, rows: list[_Row], top: float) -> float:
    y = top
    for row in rows:
        row.draw(canvas, y)
        y -= row.height + row.extra
        if row.section_end:
            canvas.setStrokeColor(RULE_COLOUR)
            canvas.setLineWidth(RULE_PT)
            canvas.line(_X0, y, _X1, y)
    return y


def _draw_frame(canvas: Canvas) -> None:
    canvas.setStrokeColor(BLACK_PDF)
    canvas.setLineWidth(FRAME_PT)
    canvas.rect(_X0, mm(MARGIN_MM), _CW, _H - 2 * mm(MARGIN_MM), fill=0, stroke=1)


CardPage = Callable[[Canvas], None]
"""Draws one page of a card in design coordinates (210 × 297 mm)."""


def _card_pages(sheet: CardSheet, size: CardSize) -> tuple[list[CardPage], bool]:
    """The pages of one card and whether it fitted one page."""
    fit, rows = _choose(sheet.content, size)
    capacity = _flex_capacity(sheet.content, size)
    if fit.fits:
        _spread(rows, capacity - _total(rows))
        chunks = [rows]
    else:
        chunks = _paginate(rows, capacity, _continuation_capacity(), sheet.content.level)
    pages: list[CardPage] = []
    total = len(chunks)
    for index, chunk in enumerate(chunks):
        note = f"第 {index + 1} 页 / 共 {total} 页" if total > 1 else f"{sheet.content.post}"

        def page(canvas: Canvas, chunk: list[_Row] = chunk, index: int = index, note: str = note) -> None:
            _draw_band(canvas, sheet, continued=index > 0)
            _draw_rows(canvas, chunk, _flex_top())
            if index == 0:
                _draw_bottom(canvas, sheet, size, mm(MARGIN_MM) + mm(FOOTER_MM))
            _draw_footer(canvas, sheet, note)
            _draw_frame(canvas)

        pages.append(page)
    return pages, fit.fits


def build_cards_pdf(
    stream: BinaryIO,
    sheets: Sequence[CardSheet],
    *,
    size: CardSize = CardSize.A4,
    two_up: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    author: str = "",
) -> CardsPdfResult:
    """Write ``sheets`` as one PDF into ``stream``.

    ``two_up`` puts two cards of half the sheet's size side by side on each (landscape) sheet:
    A5 cards on A4, A4 cards on A3. ``progress(done, total)`` is called after each card; when
    ``cancelled()`` turns true the build stops and nothing useful is left in ``stream``.
    """
    card_size = size
    if two_up:
        half = size.half
        if half is None:
            raise ValueError(f"two cards do not fit side by side on {size}")
        card_size = half
    sheet_w, sheet_h = (size.mm[1], size.mm[0]) if two_up else size.mm
    # The initial font would otherwise be Helvetica: a standard font named in every page, never embedded.
    canvas = Canvas(
        stream,
        pagesize=(sheet_w * MM_TO_PT, sheet_h * MM_TO_PT),
        pageCompression=1,
        initialFontName=register_pdf_font(),
        initialFontSize=FOOTER_PT,
        lang="zh-CN",
    )
    canvas.setTitle(CARD_TITLE)
    canvas.setSubject(CARD_TITLE)
    canvas.setAuthor(author)
    canvas.setCreator("dualprev")
    slots: list[CardPage] = []
    overflowed: list[int] = []
    for done, sheet in enumerate(sheets, start=1):
        if cancelled is not None and cancelled():
            return CardsPdfResult(0, tuple(overflowed), cancelled=True)
        pages, fits = _card_pages(sheet, card_size)
        if not fits:
            overflowed.append(sheet.content.post_id)
        slots.extend(pages)
        if progress is not None:
            progress(done, len(sheets))
    per_sheet = 2 if two_up else 1
    page_count = 0
    for start in range(0, len(slots), per_sheet):
        for i, draw in enumerate(slots[start : start + per_sheet]):
            canvas.saveState()
            canvas.translate(i * card_size.mm[0] * MM_TO_PT, 0)
            canvas.scale(card_size.scale, card_size.scale)
            draw(canvas)
            canvas.restoreState()
        if two_up:
            canvas.setStrokeColor(CUT_MARK)
            canvas.setLineWidth(0.5)
            canvas.setDash(4, 3)
            x = card_size.mm[0] * MM_TO_PT
            canvas.line(x, 0, x, sheet_h * MM_TO_PT)
            canvas.setDash()
        canvas.showPage()
        page_count += 1
    canvas.save()
    return CardsPdfResult(page_count, tuple(overflowed))
