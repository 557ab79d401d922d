"""Every colour, size and text style of the printouts, in one place (builders carry none).

Level colours come from ``RiskLevel.colour``: PDFs use its CMYK values (they go to a printer),
workbooks and PNGs its screen RGB. 低风险 is blue, never green. Text is pure K black in PDFs so
small Chinese characters print crisp instead of in four-colour registration.
"""

from dataclasses import dataclass
from functools import cache

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from reportlab.lib.colors import CMYKColor, Color
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from dualprev.domain.risk import RiskLevel
from dualprev.reports.fonts import register_pdf_font
from dualprev.reports.page import PaperSize
from dualprev.reports.tables import Align

# --- colours -----------------------------------------------------------------------------------

BLACK_PDF = CMYKColor(0, 0, 0, 1)
WHITE_PDF = CMYKColor(0, 0, 0, 0)
HEADER_FILL_PDF = CMYKColor(0, 0, 0, 0.12)
FIELD_FILL_PDF = CMYKColor(0, 0, 0, 0.05)
GRID_PDF = CMYKColor(0, 0, 0, 1)
RULE_GREY_PDF = CMYKColor(0, 0, 0, 0.55)


def level_fill_pdf(level: RiskLevel) -> Color:
    c, m, y, k = level.colour.cmyk
    return CMYKColor(c / 100, m / 100, y / 100, k / 100)


def level_text_pdf(level: RiskLevel) -> Color:
    return WHITE_PDF if level.colour.text_rgb == (255, 255, 255) else BLACK_PDF


def _argb(rgb: tuple[int, int, int]) -> str:
    return "FF{:02X}{:02X}{:02X}".format(*rgb)


def level_fill_argb(level: RiskLevel) -> str:
    """openpyxl colour (``FFRRGGBB``) of the level's fill."""
    return _argb(level.colour.rgb)


def level_text_argb(level: RiskLevel) -> str:
    return _argb(level.colour.text_rgb)


# --- PDF tables --------------------------------------------------------------------------------

GRID_WIDTH_PT = 0.5
OUTER_WIDTH_PT = 1.0
CELL_PAD_PT = 2.0
FIELD_PAD_PT = 5.0
TITLE_PT = 16.0
SUBTITLE_PT = 9.0
RUNNING_PT = 8.0
LEADING_RATIO = 1.3
CELL_IMAGE_MAX_MM = 22.0
"""Tallest a picture in a table cell is printed (a photo thumbnail in a ledger row)."""
CELL_IMAGE_GAP_PT = 2.0
FORM_BODY_PT = 10.0
"""Body size of the A4 forms (整改通知单, 验收单, 重大隐患报告): read and signed on paper."""
FORM_LABEL_MM = 26.0
"""Width of the grey label cells of a form's grid."""
FORM_PHOTO_MAX_MM = 50.0
"""Tallest a photo is printed on a form."""


def table_body_pt(paper: PaperSize) -> float:
    """Body size of table cells: wide lists on A3 print larger than on A4."""
    return 8.0 if paper is PaperSize.A3 else 7.0


@dataclass(frozen=True)
class PdfStyles:
    body_pt: float
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    header_cell: ParagraphStyle
    field: ParagraphStyle
    note: ParagraphStyle
    signoff: ParagraphStyle
    running: ParagraphStyle
    closing: ParagraphStyle
    """Right-aligned, as the issuer and date under a notice (落款)."""


_ALIGNMENT = {Align.LEFT: TA_LEFT, Align.CENTER: TA_CENTER, Align.RIGHT: TA_RIGHT}


def _style(name: str, size: float, *, align: Align = Align.LEFT, **extra: object) -> ParagraphStyle:
    return ParagraphStyle(
        name,
        fontName=register_pdf_font(),
        fontSize=size,
        leading=size * LEADING_RATIO,
        alignment=_ALIGNMENT[align],
        wordWrap="CJK",  # Chinese breaks between any two characters
        **({"textColor": BLACK_PDF} | extra),
    )


@cache
def pdf_styles(body_pt: float) -> PdfStyles:
    return PdfStyles(
        body_pt=body_pt,
        title=_style("title", TITLE_PT, align=Align.CENTER, spaceAfter=2 * 2.835),
        subtitle=_style("subtitle", SUBTITLE_PT, align=Align.CENTER, spaceAfter=2 * 2.835),
        heading=_style("heading", body_pt + 2, spaceBefore=4, spaceAfter=3),
        header_cell=_style("header_cell", body_pt, align=Align.CENTER),
        field=_style("field", body_pt + 0.5),
        note=_style("note", body_pt, spaceBefore=2),
        signoff=_style("signoff", body_pt + 2, spaceBefore=8 * 2.835),
        running=_style("running", RUNNING_PT),
        closing=_style("closing", body_pt + 1, align=Align.RIGHT, spaceBefore=6),
    )


@cache
def pdf_cell_style(body_pt: float, align: Align, level: RiskLevel | None = None) -> ParagraphStyle:
    """A table cell paragraph; on a level's colour the text takes the level's text colour."""
    colour = BLACK_PDF if level is None else level_text_pdf(level)
    return _style(f"cell-{align}-{level}", body_pt, align=align, textColor=colour)


# --- workbooks ---------------------------------------------------------------------------------

XLSX_FONT = "宋体"
XLSX_BODY_PT = 10
XLSX_LINE_HEIGHT_PT = 13.5
XLSX_MM_PER_WIDTH_UNIT = 1.6
"""Column width of the reference layout (mm) → Excel width units (about one Latin character)."""
XLSX_CJK_UNITS = 1.9
"""Excel width units a Chinese character takes at the body size."""
XLSX_IMAGE_HEIGHT_PX = 72
"""Height of a picture (photo thumbnail) floated in a workbook cell."""
XLSX_IMAGE_GAP_PX = 3

_THIN = Side(style="thin", color="FF000000")
XLSX_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
XLSX_TITLE_FONT = Font(name=XLSX_FONT, size=16, bold=True)
XLSX_SUBTITLE_FONT = Font(name=XLSX_FONT, size=10)
XLSX_HEADING_FONT = Font(name=XLSX_FONT, size=11, bold=True)
XLSX_HEADER_FONT = Font(name=XLSX_FONT, size=XLSX_BODY_PT, bold=True)
XLSX_BODY_FONT = Font(name=XLSX_FONT, size=XLSX_BODY_PT)
XLSX_NOTE_FONT = Font(name=XLSX_FONT, size=9)
XLSX_SIGNOFF_FONT = Font(name=XLSX_FONT, size=11)
XLSX_HEADER_FILL = PatternFill("solid", fgColor="FFD9D9D9")
XLSX_FIELD_FILL = PatternFill("solid", fgColor="FFF2F2F2")
XLSX_TITLE_ALIGN = Alignment(horizontal="center", vertical="center")
XLSX_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
XLSX_FIELD_ALIGN = Alignment(horizontal="left", vertical="center", wrap_text=True)
XLSX_DATE_ALIGN = Alignment(horizontal="right", vertical="center")
XLSX_NOTE_ALIGN = Alignment(horizontal="left", vertical="top", wrap_text=True)


@cache
def xlsx_cell_alignment(align: Align, vertical: str = "center") -> Alignment:
    return Alignment(horizontal=align.value, vertical=vertical, wrap_text=True)


@cache
def xlsx_level_fill(level: RiskLevel) -> PatternFill:
    return PatternFill("solid", fgColor=level_fill_argb(level))


@cache
def xlsx_level_font(level: RiskLevel) -> Font:
    return Font(name=XLSX_FONT, size=XLSX_BODY_PT, bold=True, color=level_text_argb(level))


# --- charts ------------------------------------------------------------------------------------

FIGURE_DEFAULT_PT = 9.0
CHART_PNG_DPI = 200
CHART_TITLE_PT = 16.0
CHART_HEADING_PT = 11.0
CHART_LABEL_PT = 9.0
CHART_SMALL_PT = 7.5
CHART_PITCH_MM = 8.0
"""Distance between bars (bar + gap); a PDF page tightens it down to the minimum to fit more."""
CHART_MIN_PITCH_MM = 6.0
CHART_BAR_SHARE = 0.7
CHART_AXIS_RGB = (0, 0, 0)
CHART_GRID_RGB = (200, 200, 200)
CHART_THRESHOLD_RGB = (90, 90, 90)
CHART_TEXT_RGB = (0, 0, 0)
