"""The 风险四色分布图 as a PDF: one landscape page per floor plan, the plan image underneath and the
zones, labels, legend, north arrow and tables drawn as vectors and real (searchable) text in the
embedded bundled font. Colours are CMYK: the sheet goes to a printer.
"""

from collections.abc import Sequence
from typing import BinaryIO

from PIL import Image
from reportlab.lib.colors import CMYKColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from dualprev.domain.risk_map import Point, signed_area
from dualprev.reports.fonts import register_pdf_font
from dualprev.reports.risk_map_data import RiskMapSheet
from dualprev.reports.risk_map_ink import ink_layer, load_plan_image
from dualprev.reports.risk_map_layout import (
    Anchor,
    Paint,
    PlanImage,
    PlanInk,
    Shape,
    SheetLayout,
    TextRun,
    layout_sheet,
)

PRINT_DPI = 300
"""The plan image is embedded at no more than this resolution at its printed size."""

_DASH = (3, 2)


def _colour(paint: Paint) -> CMYKColor:
    c, m, y, k = paint.cmyk
    return CMYKColor(c, m, y, k)


def _path(canvas: Canvas, points: Sequence[tuple[float, float]], height: float, closed: bool) -> object:
    path = canvas.beginPath()
    (x0, y0), *rest = points
    path.moveTo(x0, height - y0)
    for x, y in rest:
        path.lineTo(x, height - y)
    if closed:
        path.close()
    return path


def _zones_path(canvas: Canvas, outlines: Sequence[tuple[Point, ...]], height: float) -> object:
    """One path of every outline, all turned the same way round, so that (non-zero winding) it
    clips to their union, nested zones included."""
    path = canvas.beginPath()
    for outline in outlines:
        pts = outline if signed_area(outline) >= 0 else tuple(reversed(outline))
        (x0, y0), *rest = pts
        path.moveTo(x0, height - y0)
        for x, y in rest:
            path.lineTo(x, height - y)
        path.close()
    return path


def _draw(canvas: Canvas, layout: SheetLayout, font: str) -> None:
    height = layout.height
    plan: tuple[Image.Image, PlanImage] | None = None
    for item in layout.items:
        if isinstance(item, PlanImage):
            px_w = max(1, round(item.width / 72 * PRINT_DPI))
            px_h = max(1, round(item.height / 72 * PRINT_DPI))
            plan = (load_plan_image(item.sheet, px_w, px_h), item)
            canvas.drawImage(
                ImageReader(plan[0]), item.x, height - item.y - item.height, item.width, item.height
            )
        elif isinstance(item, PlanInk):
            if plan is not None:
                image, box = plan
                canvas.saveState()
                canvas.clipPath(_zones_path(canvas, item.outlines, height), stroke=0, fill=0, fillMode=0)
                canvas.drawImage(
                    ImageReader(ink_layer(image, halo=round(item.halo * image.width / box.width))),
                    box.x,
                    height - box.y - box.height,
                    box.width,
                    box.height,
                    mask="auto",
                )
                canvas.restoreState()
        elif isinstance(item, Shape):
            path = _path(canvas, item.points, height, item.closed)
            canvas.saveState()
            if item.fill is not None:
                canvas.setFillColor(_colour(item.fill))
            if item.stroke is not None:
                canvas.setStrokeColor(_colour(item.stroke))
                canvas.setLineWidth(item.stroke_width)
                canvas.setLineJoin(1)
                if item.dashed:
                    canvas.setDash(*_DASH)
            canvas.drawPath(path, stroke=int(item.stroke is not None), fill=int(item.fill is not None))
            canvas.restoreState()
        elif isinstance(item, TextRun):
            canvas.setFont(font, item.size)
            canvas.setFillColor(_colour(item.paint))
            y = height - item.y
            if item.anchor is Anchor.MIDDLE:
                canvas.drawCentredString(item.x, y, item.text)
            elif item.anchor is Anchor.END:
                canvas.drawRightString(item.x, y, item.text)
            else:
                canvas.drawString(item.x, y, item.text)


def write_risk_map_pdf(sheets: Sequence[RiskMapSheet], stream: BinaryIO) -> int:
    """Write one page per sheet to ``stream``; returns the number of pages."""
    if not sheets:
        raise ValueError("no sheets")
    font = register_pdf_font()
    layouts = [layout_sheet(sheet) for sheet in sheets]
    first = sheets[0]
    # The initial font would otherwise be Helvetica, referenced (unembedded) on every page.
    canvas = Canvas(
        stream, pagesize=(layouts[0].width, layouts[0].height), pageCompression=1, initialFontName=font
    )
    canvas.setTitle(first.title)
    canvas.setAuthor(first.enterprise)
    canvas.setSubject("安全风险四色分布图")
    canvas.setCreator("dualprev")
    for layout in layouts:
        canvas.setPageSize((layout.width, layout.height))
        _draw(canvas, layout, font)
        canvas.showPage()
    canvas.save()
    return len(layouts)
