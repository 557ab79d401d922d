"""The 岗位安全风险告知卡's geometry in design coordinates (an A4 portrait card, scaled to the
sheet) and its flexible middle: the post's particulars, hazards, accident types, control measures
and emergency measures as rows that measure, draw and split themselves."""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

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
    LEADING_RATIO,
    MARGIN_MM,
    PAD_MM,
    CardText,
    mm,
)
from dualprev.reports.post_card_text import TextBlock, block, text_width
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
    return "；".join(f"{_circled(i)}{t}" for i, t in enumerate(items, start=1))


def bold(
    canvas: Canvas, x: float, y: float, text: str, size: float, colour: Color, *, align: str = "left"
) -> None:
    """The bundled font has no bold face: fill and stroke the glyphs to embolden them."""
    font = register_pdf_font()
    width = text_width(text, size)
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
    actual = text_width(text, size) if text else 0.0
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


@dataclass(frozen=True)
class _Cell:
    x: float
    width: float
    text: TextBlock


def _text_row(
    cells: list[_Cell],
    *,
    label: str = "",
    label_width: float = 0.0,
    label_text: TextBlock | None = None,
    rule_below: bool = False,
    pad: float = PAD * 0.6,
) -> Row:
    """Text cells side by side, optionally behind a grey label cell at the left edge."""
    label_h = label_text.height if label_text is not None else 0.0
    height = max([c.text.height for c in cells] + [label_h]) + 2 * pad

    def paint(canvas: Canvas, top: float, full: float) -> None:
        if label_width:
            canvas.setFillColor(LABEL_FILL)
            canvas.rect(LEFT, top - full, label_width, full, fill=1, stroke=0)
            canvas.setStrokeColor(HAIRLINE_COLOUR)
            canvas.setLineWidth(HAIRLINE_PT)
            canvas.line(LEFT + label_width, top, LEFT + label_width, top - full)
            if label_text is not None:
                label_text.draw(canvas, LEFT + PAD, top - (full - label_h) / 2, BLACK_PDF,
                                centre_width=label_width - 2 * PAD)  # fmt: skip
        for c in cells:
            c.text.draw(canvas, c.x, top - pad, BLACK_PDF)
        if rule_below:
            canvas.setStrokeColor(HAIRLINE_COLOUR)
            canvas.setLineWidth(HAIRLINE_PT)
            canvas.line(LEFT, top - full, RIGHT, top - full)

    def split(avail: float) -> tuple[Row, Row] | None:
        if len(cells) != 1:
            return None
        cell = cells[0]
        fit = int((avail - 2 * pad) // cell.text.leading)
        if fit < 1 or fit >= len(cell.text.lines):
            return None
        more = label_text
        if label:
            more = (
                block(f"{label}（续）", label_text.size, label_text.leading, label_width - 2 * PAD)
                if label_text
                else None
            )
        first = _text_row([_Cell(cell.x, cell.width, cell.text.head(fit))], label=label, label_width=label_width,
                          label_text=label_text, pad=pad)  # fmt: skip
        rest = _text_row([_Cell(cell.x, cell.width, cell.text.tail(fit))], label=f"{label}（续）" if label else "",
                         label_width=label_width, label_text=more, rule_below=rule_below, pad=pad)  # fmt: skip
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
    body, leading = text.body_pt, text.leading
    # Wide enough for the longest label (岗位负责人) on one line at this body size.
    label_w = max(mm(INFO_LABEL_MM), 5 * body + 2 * PAD + mm(1.5))
    value_w = (CONTENT_W - 2 * label_w) / 2
    pad = PAD * 0.7
    rows: list[Row] = []

    def cell_pair(items: list[tuple[str, str, float]], rule: bool) -> Row:
        cells: list[_Cell] = []
        labels: list[tuple[float, float, TextBlock]] = []
        x = LEFT
        widths = [value_w] * len(items) if len(items) == 2 else [CONTENT_W - label_w]
        for (label, value, size), width in zip(items, widths, strict=True):
            labels.append((x, label_w, block(label, body, leading, label_w - 2 * PAD)))
            cells.append(_Cell(x + label_w + PAD, width - 2 * PAD,
                               block(value or "—", size, size * LEADING_RATIO, width - 2 * PAD)))  # fmt: skip
            x += label_w + width
        height = max([c.text.height for c in cells] + [t.height for _x, _w, t in labels]) + 2 * pad

        def paint(canvas: Canvas, top: float, full: float) -> None:
            canvas.setStrokeColor(HAIRLINE_COLOUR)
            canvas.setLineWidth(HAIRLINE_PT)
            for lx, lw, label_text in labels:
                canvas.setFillColor(LABEL_FILL)
                canvas.rect(lx, top - full, lw, full, fill=1, stroke=0)
                canvas.line(lx + lw, top, lx + lw, top - full)
                if lx > LEFT:
                    canvas.line(lx, top, lx, top - full)
                label_text.draw(canvas, lx + PAD, top - (full - label_text.height) / 2, BLACK_PDF,
                                centre_width=lw - 2 * PAD)  # fmt: skip
            for c in cells:
                c.text.draw(canvas, c.x, top - (full - c.text.height) / 2, BLACK_PDF)
            if rule:
                canvas.line(LEFT, top - full, RIGHT, top - full)

        return Row(height, paint)

    rows.append(
        cell_pair([("岗位名称", content.post, text.post_pt), ("所属部门", content.department, body)], True)
    )
    if content.team:
        rows.append(
            cell_pair([("所属班组", content.team, body), ("岗位负责人", content.responsible, body)], True)
        )
        rows.append(cell_pair([("工作场所", content.workplace, body)], bool(content.work_content)))
    else:
        rows.append(
            cell_pair(
                [("工作场所", content.workplace, body), ("岗位负责人", content.responsible, body)], True
            )
        )
    if content.work_content:
        rows.append(cell_pair([("工作内容", content.work_content, body)], False))
    rows[-1].section_end = True
    return rows


_ITEM_GAP = mm(4)
_INNER_X = LEFT + PAD + mm(0.6)
_INNER_W = CONTENT_W - 2 * PAD - mm(0.6)


def _numbered(items: Sequence[str], text: CardText, width: float) -> list[TextBlock]:
    indent = text.body_pt * 1.9  # room for "10." without pushing the text
    return [
        block(t, text.body_pt, text.leading, width, number=f"{i}.", indent=indent)
        for i, t in enumerate(items, start=1)
    ]


def _list_rows(items: Sequence[str], text: CardText, *, columns: int) -> list[Row]:
    if columns == 1:
        return [
            _text_row([_Cell(_INNER_X, _INNER_W, b)], pad=PAD * 0.35)
            for b in _numbered(items, text, _INNER_W)
        ]
    col_w = (_INNER_W - _ITEM_GAP) / 2
    numbered = _numbered(items, text, col_w)
    per_col = math.ceil(len(numbered) / 2)
    rows = []
    for i in range(per_col):
        cells = [_Cell(_INNER_X, col_w, numbered[i])]
        if i + per_col < len(numbered):
            cells.append(_Cell(_INNER_X + col_w + _ITEM_GAP, col_w, numbered[i + per_col]))
        rows.append(_text_row(cells, pad=PAD * 0.35))
    return rows


def _pad_section(rows: list[Row]) -> list[Row]:
    """Breathing room above the first and below the last row of a section's body."""
    return [_gap_row(PAD * 0.5, section_end=False), *rows, _gap_row(PAD * 0.6)]


def flex_rows(content: CardContent, text: CardText, *, compact: bool) -> list[Row]:
    """The card's flexible rows at ``text``'s body size: hazards listed (one or two columns), or
    run on in one paragraph when ``compact``."""
    level = content.level
    rows = _info_rows(content, text)
    body, leading = text.body_pt, text.leading

    def section(title: str, body_rows: list[Row]) -> None:
        for row in body_rows:
            row.section = title
        rows.append(heading_row(title, level))
        rows.extend(body_rows)

    if content.hazards:
        if compact:
            run_on = block(_run_on(content.hazards), body, leading, _INNER_W)
            hazard_rows = [_text_row([_Cell(_INNER_X, _INNER_W, run_on)])]
        else:
            one = _list_rows(content.hazards, text, columns=1)
            two = _list_rows(content.hazards, text, columns=2) if len(content.hazards) >= 4 else one
            hazard_rows = two if total_height(two) < 0.8 * total_height(one) else one
        section("主要危险有害因素", _pad_section(hazard_rows))
    if content.accident_types:
        types = block("、".join(content.accident_types), body, leading, _INNER_W)
        section("可能导致的事故类型", _pad_section([_text_row([_Cell(_INNER_X, _INNER_W, types)])]))
    if content.measures:
        label_w = mm(LABEL_COL_MM)
        measure_rows = []
        for i, group in enumerate(content.measures):
            label = group.label.removesuffix("措施") if len(group.label) > 4 else group.label
            width = CONTENT_W - label_w - 2 * PAD
            measure_rows.append(
                _text_row(
                    [_Cell(LEFT + label_w + PAD, width, block(_run_on(group.items), body, leading, width))],
                    label=label,
                    label_width=label_w,
                    label_text=block(label, body, leading, label_w - 2 * PAD),
                    rule_below=i < len(content.measures) - 1,
                    pad=PAD * 0.7,
                )
            )
        measure_rows[-1].section_end = True
        section("管控措施", measure_rows)
    if content.emergency:
        section("应急处置措施", _pad_section(_list_rows(content.emergency, text, columns=1)))
    return rows
