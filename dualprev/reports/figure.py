"""A tiny vector figure (rectangles, lines, text; millimetres, origin top-left, y down) drawn two
ways from one layout: into a reportlab Drawing for PDFs and onto a Pillow image for PNGs. Both use
the bundled font, whose advance widths are the same in both, so what fits in one fits in the other.

A risk level as a paint means "that level's colour": CMYK in the PDF, screen RGB in the PNG.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from PIL import Image, ImageDraw
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.colors import CMYKColor, Color

from dualprev.domain.risk import RiskLevel
from dualprev.reports.fonts import pil_font, register_pdf_font, text_width_pt
from dualprev.reports.page import MM_TO_PT
from dualprev.reports.styles import FIGURE_DEFAULT_PT, level_fill_pdf

Rgb = tuple[int, int, int]
Paint = RiskLevel | Rgb
Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float
    fill: Paint | None = None
    stroke: Rgb | None = None
    stroke_mm: float = 0.2


@dataclass(frozen=True)
class Stroke:
    x1: float
    y1: float
    x2: float
    y2: float
    colour: Rgb = (0, 0, 0)
    width_mm: float = 0.2
    dash_mm: float = 0.0
    """Dash and gap length; 0 draws a solid line."""


@dataclass(frozen=True)
class Label:
    """Text whose baseline starts (or centres, or ends) at x, y."""

    x: float
    y: float
    text: str
    size_pt: float
    anchor: Anchor = "start"
    colour: Rgb = (0, 0, 0)


Item = Box | Stroke | Label


@dataclass(frozen=True)
class Figure:
    width: float
    height: float
    items: tuple[Item, ...]

    def shifted(self, dy: float) -> tuple[Item, ...]:
        return tuple(replace(item, y=item.y + dy) if not isinstance(item, Stroke) else
                     replace(item, y1=item.y1 + dy, y2=item.y2 + dy) for item in self.items)  # fmt: skip


def stack(figures: Sequence[Figure], *, gap: float = 0.0) -> Figure:
    """The figures one below the other, as wide as the widest."""
    items: list[Item] = []
    y = 0.0
    for index, figure in enumerate(figures):
        if index:
            y += gap
        items.extend(figure.shifted(y))
        y += figure.height
    return Figure(max((f.width for f in figures), default=0.0), y, tuple(items))


def text_width_mm(text: str, size_pt: float) -> float:
    return text_width_pt(text, size_pt) / MM_TO_PT


def fit_text(text: str, size_pt: float, width_mm: float) -> str:
    """``text``, cut with "…" if it is wider than ``width_mm``."""
    if text_width_mm(text, size_pt) <= width_mm:
        return text
    while text and text_width_mm(text + "…", size_pt) > width_mm:
        text = text[:-1]
    return text + "…"


def wrap_text(text: str, size_pt: float, width_mm: float) -> list[str]:
    """Greedy line breaking at any character (Chinese has no spaces to break at)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for ch in paragraph:
            if line and text_width_mm(line + ch, size_pt) > width_mm:
                lines.append(line)
                line = ""
            line += ch
        lines.append(line)
    return lines


# --- PDF ---------------------------------------------------------------------------------------


def _pdf_colour(paint: Paint) -> Color:
    if isinstance(paint, RiskLevel):
        return level_fill_pdf(paint)
    r, g, b = paint
    if r == g == b:  # neutral greys print on the black plate only
        return CMYKColor(0, 0, 0, 1 - r / 255)
    return Color(r / 255, g / 255, b / 255)


def to_drawing(figure: Figure) -> Drawing:
    """The figure as a reportlab Drawing (a flowable, ``figure.width`` mm wide)."""
    font = register_pdf_font()
    height_pt = figure.height * MM_TO_PT
    # The drawing's own font, or the renderer starts from Helvetica, a font the PDF would not embed.
    drawing = Drawing(
        figure.width * MM_TO_PT, height_pt, initialFontName=font, initialFontSize=FIGURE_DEFAULT_PT
    )

    def y_pt(y_mm: float) -> float:
        return height_pt - y_mm * MM_TO_PT

    for item in figure.items:
        if isinstance(item, Box):
            drawing.add(
                Rect(
                    item.x * MM_TO_PT,
                    y_pt(item.y + item.height),
                    item.width * MM_TO_PT,
                    item.height * MM_TO_PT,
                    fillColor=_pdf_colour(item.fill) if item.fill is not None else None,
                    strokeColor=_pdf_colour(item.stroke) if item.stroke is not None else None,
                    strokeWidth=item.stroke_mm * MM_TO_PT,
                )
            )
        elif isinstance(item, Stroke):
            dash = [item.dash_mm * MM_TO_PT] * 2 if item.dash_mm else None
            drawing.add(
                Line(
                    item.x1 * MM_TO_PT,
                    y_pt(item.y1),
                    item.x2 * MM_TO_PT,
                    y_pt(item.y2),
                    strokeColor=_pdf_colour(item.colour),
                    strokeWidth=item.width_mm * MM_TO_PT,
                    strokeDashArray=dash,
                )
            )
        else:
            drawing.add(
                String(
                    item.x * MM_TO_PT,
                    y_pt(item.y),
                    item.text,
                    fontName=font,
                    fontSize=item.size_pt,
                    fillColor=_pdf_colour(item.colour),
                    textAnchor=item.anchor,
                )
            )
    return drawing


# --- PNG ---------------------------------------------------------------------------------------

_PIL_ANCHOR = {"start": "ls", "middle": "ms", "end": "rs"}


def to_image(figure: Figure, dpi: int) -> Image.Image:
    """The figure on a white RGB image at ``dpi``."""
    scale = dpi / 25.4

    def px(mm: float) -> int:
        return round(mm * scale)

    image = Image.new("RGB", (px(figure.width), px(figure.height)), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for item in figure.items:
        if isinstance(item, Box):
            fill = item.fill.colour.rgb if isinstance(item.fill, RiskLevel) else item.fill
            x0, y0 = px(item.x), px(item.y)
            x1, y1 = px(item.x + item.width) - 1, px(item.y + item.height) - 1
            outline_width = max(1, px(item.stroke_mm)) if item.stroke is not None else 0
            draw.rectangle((x0, y0, x1, y1), fill=fill, outline=item.stroke, width=outline_width)
        elif isinstance(item, Stroke):
            width = max(1, px(item.width_mm))
            for (ax, ay), (bx, by) in _segments(item):
                draw.line((px(ax), px(ay), px(bx), px(by)), fill=item.colour, width=width)
        else:
            font = pil_font(max(1, round(item.size_pt / 72 * dpi)))
            draw.text((px(item.x), px(item.y)), item.text, font=font, fill=item.colour,
                      anchor=_PIL_ANCHOR[item.anchor])  # fmt: skip
    return image


def _segments(stroke: Stroke) -> Iterable[tuple[tuple[float, float], tuple[float, float]]]:
    """Pillow draws no dashes: cut a dashed line into its dashes."""
    if not stroke.dash_mm:
        yield (stroke.x1, stroke.y1), (stroke.x2, stroke.y2)
        return
    dx, dy = stroke.x2 - stroke.x1, stroke.y2 - stroke.y1
    length = (dx * dx + dy * dy) ** 0.5
    if length == 0:
        return
    step = stroke.dash_mm / length
    t = 0.0
    while t < 1.0:
        end = min(t + step, 1.0)
        yield (stroke.x1 + dx * t, stroke.y1 + dy * t), (stroke.x1 + dx * end, stroke.y1 + dy * end)
        t += 2 * step
