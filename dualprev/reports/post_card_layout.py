"""The 岗位安全风险告知卡's geometry in design coordinates (an A4 portrait card, scaled to the
sheet) and its flexible middle: the post's particulars, hazards, accident types, control measures
and emergency measures as rows that measure, draw and split themselves."""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from dualprev.domain.post_card import CardContent
from dualprev.domain.risk import RiskLevel
from dualprev.reports.fonts import register_pdf_font
from dualprev.reports.post_card_styles import (
    ACCENT_MM,
    DESIGN_MM,
    HAIRLINE_COLOUR,
    HAIRLINE_PT,
    HEADING_FILL,
    HEADING_MM,
    HEADING_PT,
    INFO_LABEL_MM,
    LABEL_COL_MM,
    LABEL_FILL,
    MARGIN_MM,
    PAD_MM,
    CardText,
    mm,
)
from dualprev.reports.styles import BLACK_PDF, level_fill_pdf

CARD_TITLE = "岗位安全风险告知卡"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
CARD_W, CARD_H = mm(DESIGN_MM[0]), mm(DESIGN_MM[1])
LEFT, RIGHT = mm(MARGIN_MM), CARD_W - mm(MARGIN_MM)
CONTENT_W = RIGHT - LEFT
PAD = mm(PAD_MM)


# --- text helpers --------------------------------------------------------------------------------


def _circled(i: int) -> str:
    return _CIRCLED[i - 1] if i <= len(_CIRCLED) else f"({i})"


def _run_on(items: Sequence[str]) -> str:
    """Items as one paragraph: ①…；②…"""
    return "；".join(f"{_circled(i)}{escape(t)}" for i, t in enumerate(items, start=1))


def bold(
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


def plain(
    canvas: Canvas, x: float, y: float, text: str, size: float, colour: Color, *, align: str = "left"
) -> None:
    canvas.setFont(register_pdf_font(), size)
    canvas.setFillColor(colour)
    {"left": canvas.drawString, "centre": canvas.drawCentredString, "right": canvas.drawRightString}[align](
        x, y, text
    )


def fit_size(text: str, size: float, width: float) -> float:
    """``size``, or smaller so ``text`` fits ``width`` on one line."""
    actual = pdfmetrics.stringWidth(text, register_pdf_font(), size) if text else 0.0
    return size if actual <= width or actual == 0 else size * width / actual


# --- rows of the flexible part -------------------------------------------------------------------


@dataclass
class Row:
    """One horizontal slice of the card's text part, drawn top-down."""

    height: float
    painter: Callable[[Canvas, float, float], None]
    """Draws the row with its top at y, ``height + extra`` tall."""
    splitter: Callable[[float], "tuple[Row, Row] | None"] | None = None
    keep_with_next: bool = False
    section_end: bool = False
    extra: float = 0.0
    section: str = ""
    """Title of the section the row belongs to (repeated as "…（续）" atop a continuation page)."""

    def draw(self, canvas: Canvas, top: float) -> None:
        self.painter(canvas, top, self.height + self.extra)


def total_height(rows: list[Row]) -> float:
    return sum(r.height for r in rows)


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
    pad: float = PAD * 0.6,
) -> Row:
    """Paragraph cells side by side, optionally behind a grey label cell at the left edge."""
    label_para = Paragraph(escape(label), label_style.label) if label and label_style else None
    label_h = label_para.wrap(label_width - 2 * PAD, 10_000)[1] if label_para else 0.0
    height = max([c.wrap() for c in cells] + [label_h]) + 2 * pad

    def paint(canvas: Canvas, top: float, full: float) -> None:
        if label_width:
            canvas.setFillColor(LABEL_FILL)
            canvas.rect(LEFT, top - full, label_width, full, fill=1, stroke=0)
            canvas.setStrokeColor(HAIRLINE_COLOUR)
            canvas.setLineWidth(HAIRLINE_PT)
            canvas.line(LEFT + label_width, top, LEFT + label_width, top - full)
            if label_para is not None:
                label_para.drawOn(canvas, LEFT + PAD, top - (full + label_h) / 2)
        for c in cells:
            c.para.drawOn(canvas, c.x, top - pad - c.height)
        if rule_below:
            canvas.setStrokeColor(HAIRLINE_COLOUR)
            canvas.setLineWidth(HAIRLINE_PT)
            canvas.line(LEFT, top - full, RIGHT, top - full)

    def split(avail: float) -> tuple[Row, Row] | None:
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

    return Row(height, paint, split)


def heading_row(title: str, level: RiskLevel | None) -> Row:
    height = mm(HEADING_MM)

    def paint(canvas: Canvas, top: float, full: float) -> None:
        canvas.setFillColor(HEADING_FILL)
        canvas.rect(LEFT, top - height, CONTENT_W, height, fill=1, stroke=0)
        canvas.setFillColor(level_fill_pdf(level) if level is not None else BLACK_PDF)
        canvas.rect(LEFT, top - height, mm(ACCENT_MM), height, fill=1, stroke=0)
        canvas.setStrokeColor(HAIRLINE_COLOUR)
        canvas.setLineWidth(HAIRLINE_PT)
        canvas.line(LEFT, top - height, RIGHT, top - height)
        bold(
            canvas,
            LEFT + mm(ACCENT_MM) + mm(2.2),
            top - height / 2 - HEADING_PT * 0.36,
            title,
            HEADING_PT,
            BLACK_PDF,
        )

    return Row(height, paint, keep_with_next=True)


def _gap_row(height: float, *, section_end: bool = True) -> Row:
    return Row(height, lambda _c, _t, _f: None, section_end=section_end)


def _info_rows(content: CardContent, text: CardText) -> list[Row]:
    # Wide enough for the longest label (岗位负责人) on one line at this body size.
    label_w = max(mm(INFO_LABEL_MM), 5 * text.body_pt + 2 * PAD + mm(1.5))
    value_w = (CONTENT_W - 2 * label_w) / 2
    pad = PAD * 0.7
    rows: list[Row] = []

    def cell_pair(items: list[tuple[str, Paragraph]], rule: bool) -> Row:
        cells: list[_Cell] = []
        labels: list[tuple[float, float, Paragraph]] = []
        x = LEFT
        widths = [value_w] * len(items) if len(items) == 2 else [CONTENT_W - label_w]
        for (label, para), width in zip(items, widths, strict=True):
            labels.append((x, label_w, Paragraph(escape(label), text.label)))
            cells.append(_Cell(x + label_w + PAD, width - 2 * PAD, para))
            x += label_w + width
        label_hs = [p.wrap(w - 2 * PAD, 10_000)[1] for _x, w, p in labels]
        height = max([c.wrap() for c in cells] + label_hs) + 2 * pad

        def paint(canvas: Canvas, top: float, full: float) -> None:
            canvas.setStrokeColor(HAIRLINE_COLOUR)
            canvas.setLineWidth(HAIRLINE_PT)
            for (lx, lw, para), lh in zip(labels, label_hs, strict=True):
                canvas.setFillColor(LABEL_FILL)
                canvas.rect(lx, top - full, lw, full, fill=1, stroke=0)
                canvas.line(lx + lw, top, lx + lw, top - full)
                if lx > LEFT:
                    canvas.line(lx, top, lx, top - full)
                para.drawOn(canvas, lx + PAD, top - (full + lh) / 2)
            for c in cells:
                c.para.drawOn(canvas, c.x, top - (full + c.height) / 2)
            if rule:
                canvas.line(LEFT, top - full, RIGHT, top - full)

        return Row(height, paint)

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


def _list_rows(items: Sequence[str], text: CardText, *, columns: int) -> list[Row]:
    numbered = [Paragraph(escape(t), text.item, bulletText=f"{i}.") for i, t in enumerate(items, start=1)]
    gap = mm(4)
    inner_x = LEFT + PAD + mm(0.6)
    inner_w = CONTENT_W - 2 * PAD - mm(0.6)
    if columns == 1:
        return [_text_row([_Cell(inner_x, inner_w, p)], pad=PAD * 0.35) for p in numbered]
    col_w = (inner_w - gap) / 2
    per_col = math.ceil(len(numbered) / 2)
    rows = []
    for i in range(per_col):
        cells = [_Cell(inner_x, col_w, numbered[i])]
        if i + per_col < len(numbered):
            cells.append(_Cell(inner_x + col_w + gap, col_w, numbered[i + per_col]))
        rows.append(_text_row(cells, pad=PAD * 0.35))
    return rows


def _pad_section(rows: list[Row]) -> list[Row]:
    """Breathing room above the first and below the last row of a section's body."""
    return [_gap_row(PAD * 0.5, section_end=False), *rows, _gap_row(PAD * 0.6)]


def flex_rows(content: CardContent, text: CardText, *, compact: bool) -> list[Row]:
    level = content.level
    rows = _info_rows(content, text)
    inner_x = LEFT + PAD + mm(0.6)
    inner_w = CONTENT_W - 2 * PAD - mm(0.6)

    def section(title: str, body: list[Row]) -> None:
        for row in body:
            row.section = title
        rows.append(heading_row(title, level))
        rows.extend(body)

    if content.hazards:
        if compact:
            body = [_text_row([_Cell(inner_x, inner_w, Paragraph(_run_on(content.hazards), text.body))])]
        else:
            one = _list_rows(content.hazards, text, columns=1)
            two = _list_rows(content.hazards, text, columns=2)
            use_two = len(content.hazards) >= 4 and total_height(two) < 0.8 * total_height(one)
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
                    [_Cell(LEFT + label_w + PAD, CONTENT_W - label_w - 2 * PAD, para)],
                    label=label,
                    label_width=label_w,
                    label_style=text,
                    rule_below=i < len(content.measures) - 1,
                    pad=PAD * 0.7,
                )
            )
        body[-1].section_end = True
        section("管控措施", body)
    if content.emergency:
        section("应急处置措施", _pad_section(_list_rows(content.emergency, text, columns=1)))
    return rows
