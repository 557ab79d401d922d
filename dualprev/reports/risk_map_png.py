"""The 风险四色分布图 as a PNG for the notice board: the same sheet as the PDF (same layout), drawn
with Pillow at 300 dpi on the chosen paper size, in screen RGB. Needs no Qt.
"""

import itertools
import math
from typing import BinaryIO

from PIL import Image, ImageChops, ImageDraw, ImageFilter

from dualprev.reports.fonts import pil_font
from dualprev.reports.risk_map_data import RiskMapSheet
from dualprev.reports.risk_map_ink import ink_alpha, load_plan_image
from dualprev.reports.risk_map_layout import Anchor, PlanImage, PlanInk, Shape, TextRun, layout_sheet

PNG_DPI = 300
_ANCHORS = {Anchor.START: "ls", Anchor.MIDDLE: "ms", Anchor.END: "rs"}
_DASH_PT = (3.0, 2.0)


def _dashes(
    points: list[tuple[float, float]], closed: bool, on: float, off: float
) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The "on" pieces of a dashed outline through ``points``."""
    pts = [*points, points[0]] if closed else points
    pieces = []
    phase = 0.0  # distance into the current on+off period
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        length = math.dist((x0, y0), (x1, y1))
        pos = 0.0
        while pos < length:
            period_pos = phase % (on + off)
            if period_pos < on:
                step = min(on - period_pos, length - pos)
                a, b = pos / length, (pos + step) / length
                pieces.append(
                    ((x0 + (x1 - x0) * a, y0 + (y1 - y0) * a), (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b))
                )
            else:
                step = min(on + off - period_pos, length - pos)
            pos += step
            phase += step
    return pieces


def render_risk_map(sheet: RiskMapSheet, dpi: int = PNG_DPI) -> Image.Image:
    """The sheet as an RGB image of the paper's size at ``dpi``."""
    layout = layout_sheet(sheet)
    scale = dpi / 72
    page = Image.new("RGB", (round(layout.width * scale), round(layout.height * scale)), (255, 255, 255))
    draw = ImageDraw.Draw(page)
    plan: tuple[Image.Image, tuple[int, int]] | None = None
    for item in layout.items:
        if isinstance(item, PlanImage):
            box = (round(item.x * scale), round(item.y * scale))
            size = (max(1, round(item.width * scale)), max(1, round(item.height * scale)))
            image = load_plan_image(item.sheet, size[0], size[1])
            if image.size != size:
                image = image.resize(size, Image.Resampling.LANCZOS)
            page.paste(image, box)
            plan = (image, box)
        elif isinstance(item, PlanInk):
            if plan is not None:
                outlines = [[(x * scale, y * scale) for x, y in pts] for pts in item.outlines]
                _draw_ink(page, plan[0], plan[1], outlines, round(item.halo * scale))
        elif isinstance(item, Shape):
            pts = [(x * scale, y * scale) for x, y in item.points]
            if item.fill is not None:
                draw.polygon(pts, fill=item.fill.rgb)
            if item.stroke is not None and item.stroke_width > 0:
                width = max(1, round(item.stroke_width * scale))
                colour = item.stroke.rgb
                if item.dashed:
                    on, off = (v * scale for v in _DASH_PT)
                    for a, b in _dashes(pts, item.closed, on, off):
                        draw.line([a, b], fill=colour, width=width)
                else:
                    line = [*pts, pts[0], pts[1]] if item.closed else pts
                    draw.line(line, fill=colour, width=width, joint="curve")
        elif isinstance(item, TextRun):
            font = pil_font(max(1, round(item.size * scale)))
            draw.text(
                (item.x * scale, item.y * scale),
                item.text,
                font=font,
                fill=item.paint.rgb,
                anchor=_ANCHORS[item.anchor],
            )
    return page


def _draw_ink(
    page: Image.Image,
    plan: Image.Image,
    origin: tuple[int, int],
    outlines: list[list[tuple[float, float]]],
    halo: int,
) -> None:
    """The plan's ink in black over the page, inside the zones only, with a white rim of ``halo``
    pixels (see ``PlanInk``)."""
    zones = Image.new("L", plan.size, 0)
    draw = ImageDraw.Draw(zones)
    for pts in outlines:
        draw.polygon([(x - origin[0], y - origin[1]) for x, y in pts], fill=255)
    alpha = ink_alpha(plan)
    box = (*origin, origin[0] + plan.width, origin[1] + plan.height)
    if halo > 0:
        rim = alpha.filter(ImageFilter.MaxFilter(2 * halo + 1))
        page.paste((255, 255, 255), box, ImageChops.multiply(rim, zones))
    page.paste((0, 0, 0), box, ImageChops.multiply(alpha, zones))


def write_risk_map_png(sheet: RiskMapSheet, stream: BinaryIO, dpi: int = PNG_DPI) -> tuple[int, int]:
    """Write the sheet as a PNG (with its dpi recorded) to ``stream``; returns its pixel size."""
    image = render_risk_map(sheet, dpi)
    image.save(stream, "PNG", dpi=(dpi, dpi), optimize=False, compress_level=6)
    return image.size
