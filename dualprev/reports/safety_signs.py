"""GB 2894 safety signs drawn as vectors on a reportlab canvas.

Each sign is the symbol (禁止: red ring and bar over a black pictogram; 警告: yellow triangle with a
black border and pictogram; 指令: blue disc with a white pictogram; 提示: green square with a white
pictogram) above its wording panel (禁止/指令/提示: white text on the sign colour; 警告: black text
on white). Pictograms (:mod:`sign_pictograms`) are drawn in a 100 × 100 box; a sign whose pictogram
is unknown shows the shape, colour and wording only.
"""

import hashlib
import math
from collections.abc import Callable

from reportlab.lib.colors import CMYKColor, Color
from reportlab.pdfgen.canvas import Canvas

from dualprev.domain.safety_signs import SafetySign, SignFamily
from dualprev.reports.sign_pictograms import PICTOGRAMS, Pictogram

SIGN_RED = CMYKColor(0, 1, 1, 0)
SIGN_YELLOW = CMYKColor(0, 0.12, 1, 0)
SIGN_BLUE = CMYKColor(1, 0.55, 0, 0.1)
SIGN_GREEN = CMYKColor(0.9, 0, 0.85, 0.2)
SIGN_BLACK = CMYKColor(0, 0, 0, 1)
SIGN_WHITE = CMYKColor(0, 0, 0, 0)
OUTLINE_GREY = CMYKColor(0, 0, 0, 0.35)

PANEL_RATIO = 0.34
"""Height of the wording panel relative to the sign's width."""


def sign_height(width: float) -> float:
    """Total height of a sign (symbol + wording panel) drawn ``width`` wide."""
    return width * (1 + PANEL_RATIO)


def label_lines(words: str) -> list[str]:
    """The wording on one line, or split in two halves when longer than seven characters."""
    if len(words) <= 7:
        return [words]
    half = (len(words) + 1) // 2
    return [words[:half], words[half:]]


def label_ratio(words: str) -> float:
    """Type size of the wording over the sign's width (the wording fills its panel's width or
    height, whichever it reaches first): a layout sizes signs so the wording stays legible."""
    lines = label_lines(words)
    inset = 0.04
    room_w = 1 - 4 * inset
    room_h = PANEL_RATIO - 2.5 * inset
    return min(room_w / max(len(line) for line in lines), room_h / (len(lines) * 1.18))


def has_pictogram(sign: SafetySign) -> bool:
    return sign.pictogram in PICTOGRAMS


def draw_sign(canvas: Canvas, sign: SafetySign, x: float, y: float, width: float, font: str) -> None:
    """Draw ``sign`` with its bottom-left corner at (x, y), ``width`` wide, ``sign_height`` tall."""
    canvas.saveState()
    canvas.translate(x, y)
    panel = width * PANEL_RATIO
    canvas.setFillColor(SIGN_WHITE)
    canvas.setStrokeColor(OUTLINE_GREY)
    canvas.setLineWidth(max(width * 0.008, 0.3))
    canvas.rect(0, 0, width, width + panel, fill=1, stroke=1)
    canvas.saveState()
    canvas.translate(0, panel)
    _SYMBOLS[sign.family](canvas, width, PICTOGRAMS.get(sign.pictogram))
    canvas.restoreState()
    _draw_panel(canvas, sign, width, panel, font)
    canvas.restoreState()


def draw_sign_once(canvas: Canvas, sign: SafetySign, x: float, y: float, width: float, font: str) -> None:
    """:func:`draw_sign`, drawn once per document as a form and placed again wherever the same sign
    of the same width recurs: a batch of cards repeats a handful of signs hundreds of times."""
    key = f"{sign.family.value}|{sign.wording}|{sign.pictogram}|{width:.3f}"
    name = "sign" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    made: set[str] = canvas.__dict__.setdefault("_dualprev_sign_forms", set())
    if name not in made:
        canvas.beginForm(name, 0, 0, width, sign_height(width))
        draw_sign(canvas, sign, 0, 0, width, font)
        canvas.endForm()
        made.add(name)
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


def _draw_panel(canvas: Canvas, sign: SafetySign, width: float, panel: float, font: str) -> None:
    inset = width * 0.04
    if sign.family is SignFamily.WARNING:
        fill, text, stroke = SIGN_WHITE, SIGN_BLACK, SIGN_BLACK
    else:
        fill, text, stroke = _FAMILY_COLOUR[sign.family], SIGN_WHITE, None
    canvas.setFillColor(fill)
    if stroke is not None:
        canvas.setStrokeColor(stroke)
        canvas.setLineWidth(width * 0.015)
    canvas.rect(inset, inset, width - 2 * inset, panel - 1.5 * inset, fill=1, stroke=1 if stroke else 0)
    lines = label_lines(sign.wording)
    size = label_ratio(sign.wording) * width
    canvas.setFont(font, size)
    total = len(lines) * size * 1.18
    top = inset + (panel - 1.5 * inset + total) / 2 - size * 0.95
    for i, line in enumerate(lines):
        _bold_centred(canvas, width / 2, top - i * size * 1.18, line, font, size, text)


def _bold_centred(
    canvas: Canvas, cx: float, y: float, text: str, font: str, size: float, colour: Color
) -> None:
    """The font has no bold face: fill and stroke the glyphs to embolden them."""
    obj = canvas.beginText()
    obj.setFont(font, size)
    obj.setTextRenderMode(2)
    canvas.setFillColor(colour)
    canvas.setStrokeColor(colour)
    canvas.setLineWidth(size * 0.035)
    obj.setTextOrigin(cx - canvas.stringWidth(text, font, size) / 2, y)
    obj.textOut(text)
    canvas.drawText(obj)


# --- the four symbol shapes --------------------------------------------------------------------


def _in_box(
    canvas: Canvas, pictogram: Pictogram, cx: float, cy: float, side: float, ink: Color, paper: Color
) -> None:
    canvas.saveState()
    canvas.translate(cx - side / 2, cy - side / 2)
    canvas.scale(side / 100, side / 100)
    canvas.setFillColor(ink)
    canvas.setStrokeColor(ink)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    pictogram(canvas, ink, paper)
    canvas.restoreState()


def _prohibition(canvas: Canvas, w: float, pictogram: Pictogram | None) -> None:
    cx = cy = w / 2
    outer = w * 0.44
    inner = outer * 0.8
    if pictogram is not None:
        _in_box(canvas, pictogram, cx, cy, inner * 1.45, SIGN_BLACK, SIGN_WHITE)
    canvas.setStrokeColor(SIGN_RED)
    canvas.setLineWidth(outer - inner)
    canvas.circle(cx, cy, (outer + inner) / 2, fill=0, stroke=1)
    canvas.saveState()
    canvas.translate(cx, cy)
    canvas.rotate(-45)
    bar = 2 * outer * 0.08
    canvas.setFillColor(SIGN_RED)
    canvas.rect(-inner, -bar / 2, 2 * inner, bar, fill=1, stroke=0)
    canvas.restoreState()


def _triangle(canvas: Canvas, cx: float, base: float, side: float, radius: float) -> None:
    height = side * math.sqrt(3) / 2
    points = [(cx - side / 2, base), (cx + side / 2, base), (cx, base + height)]
    path = canvas.beginPath()
    # Rounded corners: start mid-edge and turn each corner with a quadratic-like curve.
    for i in range(3):
        p0, p1, p2 = points[i - 1], points[i], points[(i + 1) % 3]
        a = _towards(p1, p0, radius)
        b = _towards(p1, p2, radius)
        if i == 0:
            path.moveTo(*a)
        else:
            path.lineTo(*a)
        path.curveTo(*p1, *p1, *b)
    path.close()
    canvas.drawPath(path, fill=1, stroke=0)


def _towards(p: tuple[float, float], q: tuple[float, float], dist: float) -> tuple[float, float]:
    dx, dy = q[0] - p[0], q[1] - p[1]
    length = math.hypot(dx, dy)
    return p[0] + dx / length * dist, p[1] + dy / length * dist


def _warning(canvas: Canvas, w: float, pictogram: Pictogram | None) -> None:
    outer = w * 0.94
    inner = outer * 0.74
    base = w * 0.1
    outer_h = outer * math.sqrt(3) / 2
    inner_h = inner * math.sqrt(3) / 2
    canvas.setFillColor(SIGN_BLACK)
    _triangle(canvas, w / 2, base, outer, outer * 0.06)
    # The inner triangle shares the outer one's centroid.
    inner_base = base + outer_h / 3 - inner_h / 3
    canvas.setFillColor(SIGN_YELLOW)
    _triangle(canvas, w / 2, inner_base, inner, inner * 0.04)
    if pictogram is not None:
        side = inner * 0.6
        _in_box(canvas, pictogram, w / 2, inner_base + inner_h * 0.37, side, SIGN_BLACK, SIGN_YELLOW)


def _mandatory(canvas: Canvas, w: float, pictogram: Pictogram | None) -> None:
    radius = w * 0.44
    canvas.setFillColor(SIGN_BLUE)
    canvas.circle(w / 2, w / 2, radius, fill=1, stroke=0)
    if pictogram is not None:
        _in_box(canvas, pictogram, w / 2, w / 2, radius * 1.3, SIGN_WHITE, SIGN_BLUE)


def _information(canvas: Canvas, w: float, pictogram: Pictogram | None) -> None:
    side = w * 0.86
    canvas.setFillColor(SIGN_GREEN)
    canvas.rect((w - side) / 2, (w - side) / 2, side, side, fill=1, stroke=0)
    if pictogram is not None:
        _in_box(canvas, pictogram, w / 2, w / 2, side * 0.8, SIGN_WHITE, SIGN_GREEN)


_SYMBOLS: dict[SignFamily, Callable[[Canvas, float, Pictogram | None], None]] = {
    SignFamily.PROHIBITION: _prohibition,
    SignFamily.WARNING: _warning,
    SignFamily.MANDATORY: _mandatory,
    SignFamily.INFORMATION: _information,
}
_FAMILY_COLOUR = {
    SignFamily.PROHIBITION: SIGN_RED,
    SignFamily.WARNING: SIGN_YELLOW,
    SignFamily.MANDATORY: SIGN_BLUE,
    SignFamily.INFORMATION: SIGN_GREEN,
}
