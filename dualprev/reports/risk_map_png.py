"""The 风险四色分布图 as a PNG for the notice board: the same sheet as the PDF (same layout), drawn
with Pillow at 300 dpi on the chosen paper size, in screen RGB. Needs no Qt.
"""

import itertools
import math
from typing import BinaryIO

from PIL import Image, ImageDraw

from dualprev.reports.fonts import pil_font
from dualprev.reports.risk_map_data import RiskMapSheet
from dualprev.reports.risk_map_layout import Anchor, PlanImage, PlanPatch, Shape, TextRun, layout_sheet
from dualprev.reports.risk_map_pdf import load_plan_image

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
        elif isinstance(item, PlanPatch):
            if plan is not None:
                _restore_plan(page, plan[0], plan[1], [(x * scale, y * scale) for x, y in item.points])
        elif isinstance(item, Shape):
            pts = [(x * scale, y * scale) for x, y in item.points]
            if item.fill is not None:
                _fill(page, pts, item.fill.rgb, item.fill_alpha)
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


def _fill(page: Image.Image, pts: list[tuple[float, float]], rgb: tuple[int, int, int], alpha: float) -> None:
    """Fill a polygon, blended over what is already there when ``alpha`` < 1 (only its bounding box
    is composited: a full-page layer per zone would be slow at 300 dpi)."""
    if alpha >= 1:
        ImageDraw.Draw(page).polygon(pts, fill=rgb)
        return
    left = max(0, math.floor(min(p[0] for p in pts)))
    top = max(0, math.floor(min(p[1] for p in pts)))
    right = min(page.width, math.ceil(max(p[0] for p in pts)) + 1)
    bottom = min(page.height, math.ceil(max(p[1] for p in pts)) + 1)
    if right <= left or bottom <= top:
        return
    region = page.crop((left, top, right, bottom)).convert("RGBA")
    overlay = Image.new("RGBA", region.size, (0, 0, 0, 0))
    ImageDraw.Draw(overlay).polygon([(x - left, y - top) for x, y in pts], fill=(*rgb, round(255 * alpha)))
    page.paste(Image.alpha_composite(region, overlay).convert("RGB"), (left, top))


def _restore_plan(
    page: Image.Image, plan: Image.Image, origin: tuple[int, int], pts: list[tuple[float, float]]
) -> None:
    """Paste the plan back inside the polygon (see ``PlanPatch``)."""
    mask = Image.new("L", plan.size, 0)
    ImageDraw.Draw(mask).polygon([(x - origin[0], y - origin[1]) for x, y in pts], fill=255)
    box = mask.getbbox()
    if box is None:
        return
    page.paste(plan.crop(box), (origin[0] + box[0], origin[1] + box[1]), mask.crop(box))


def write_risk_map_png(sheet: RiskMapSheet, stream: BinaryIO, dpi: int = PNG_DPI) -> tuple[int, int]:
    """Write the sheet as a PNG (with its dpi recorded) to ``stream``; returns its pixel size."""
    image = render_risk_map(sheet, dpi)
    image.save(stream, "PNG", dpi=(dpi, dpi), optimize=False, compress_level=6)
    return image.size
