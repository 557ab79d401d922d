"""Building blocks of the one-hidden-danger forms (整改通知单, 验收单, 重大隐患报告): a boxed grid of
"label | value" cells as on a printed form, a grid of photos with captions, and headed paragraphs.
All sizes in points; styles come from :mod:`dualprev.reports.styles`.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, Paragraph, Table, TableStyle

from dualprev.reports.fonts import register_pdf_font
from dualprev.reports.ledger_data import LedgerPhoto
from dualprev.reports.page import MM_TO_PT
from dualprev.reports.styles import (
    BLACK_PDF,
    FIELD_PAD_PT,
    FORM_LABEL_MM,
    FORM_PHOTO_MAX_MM,
    GRID_PDF,
    GRID_WIDTH_PT,
    HEADER_FILL_PDF,
    OUTER_WIDTH_PT,
    PdfStyles,
)
from dualprev.reports.tables import Align


def markup(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


@dataclass(frozen=True)
class FormField:
    """One "label | value" pair of a form row; ``value`` may be text or a ready flowable.
    ``min_height_mm`` keeps room to write by hand (验收意见 on a form printed before acceptance)."""

    label: str
    value: str | Flowable | list[Flowable] = ""
    min_height_mm: float = 0.0


def form_grid(rows: Sequence[Sequence[FormField]], width: float, styles: PdfStyles) -> Table:
    """A boxed form: each row holds one or two fields; a single field's value spans the row.
    Labels sit on a grey band so the form reads like the paper ones."""
    label_width = FORM_LABEL_MM * MM_TO_PT
    value_width = (width - 2 * label_width) / 2
    widths = [label_width, value_width, label_width, value_width]
    data: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), register_pdf_font(), styles.field.fontSize),
        ("TEXTCOLOR", (0, 0), (-1, -1), BLACK_PDF),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("INNERGRID", (0, 0), (-1, -1), GRID_WIDTH_PT, GRID_PDF),
        ("BOX", (0, 0), (-1, -1), OUTER_WIDTH_PT, GRID_PDF),
        ("TOPPADDING", (0, 0), (-1, -1), FIELD_PAD_PT),
        ("BOTTOMPADDING", (0, 0), (-1, -1), FIELD_PAD_PT),
    ]
    heights: list[float | None] = []
    for r, row in enumerate(rows):
        cells: list[Any] = []
        tallest = 0.0
        for field in row[:2]:
            cells += [Paragraph(markup(field.label), styles.header_cell), _value(field.value, styles)]
            tallest = max(tallest, field.min_height_mm)
        commands.append(("BACKGROUND", (0, r), (0, r), HEADER_FILL_PDF))
        if len(row) == 1:
            cells += ["", ""]
            commands.append(("SPAN", (1, r), (3, r)))
        else:
            commands.append(("BACKGROUND", (2, r), (2, r), HEADER_FILL_PDF))
        data.append(cells)
        heights.append(tallest * MM_TO_PT if tallest else None)
    table = Table(data, colWidths=widths, rowHeights=heights, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _value(value: str | Flowable | list[Flowable], styles: PdfStyles) -> Any:
    if isinstance(value, str):
        return Paragraph(markup(value), styles.field)
    return value


def image_size(path: Path) -> tuple[float, float] | None:
    """Pixel size of an image file, or None when it cannot be read."""
    try:
        width, height = ImageReader(str(path)).getSize()
    except (OSError, ValueError):
        return None
    return (float(width), float(height)) if width and height else None


def photo_grid(
    photos: Sequence[LedgerPhoto],
    width: float,
    styles: PdfStyles,
    *,
    per_row: int = 3,
    caption: bool = True,
    max_height_mm: float = FORM_PHOTO_MAX_MM,
) -> Table | Paragraph:
    """Photos ``per_row`` to a line, each scaled into its cell (at most ``max_height_mm`` high),
    with a caption (stage and file name); a missing file leaves its caption and says so."""
    if not photos:
        return Paragraph("（无照片）", styles.field)
    cell_width = width / per_row
    inner = cell_width - 4
    cells: list[Any] = []
    for photo in photos:
        parts: list[Any] = []
        size = image_size(photo.path)
        if size is None:
            parts.append(Paragraph("（照片文件缺失）", styles.note))
        else:
            scale = min(inner / size[0], max_height_mm * MM_TO_PT / size[1])
            parts.append(Image(str(photo.path), width=size[0] * scale, height=size[1] * scale))
        if caption:
            name = f"：{photo.original_name}" if photo.original_name else ""
            parts.append(Paragraph(markup(f"{photo.stage.label}{name}"), styles.note))
        cells.append(parts)
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    table = Table(rows, colWidths=[cell_width] * per_row, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), register_pdf_font(), styles.note.fontSize),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def heading(text: str, styles: PdfStyles) -> Paragraph:
    return Paragraph(markup(text), styles.heading)


def paragraph(text: str, styles: PdfStyles, *, align: Align = Align.LEFT) -> Paragraph:
    style = styles.field if align is Align.LEFT else styles.subtitle
    return Paragraph(markup(text), style)
