"""Sizes, colours and text styles of the post risk card (岗位安全风险告知卡), in one place.

The card is laid out on an A4-sized design (210 × 297 mm) and scaled to the sheet: A3 prints the
same design 1.41 × larger, A5 0.71 ×. Font sizes here are design sizes; the minimum readable body
size is stated per sheet in real points (``CardSize.min_body_pt``) and converted.
"""

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from reportlab.lib.colors import CMYKColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph as rl_paragraph

from dualprev.reports.fonts import register_pdf_font
from dualprev.reports.page import MM_TO_PT
from dualprev.reports.styles import BLACK_PDF

DESIGN_MM = (210.0, 297.0)


class CardSize(StrEnum):
    """Sheet size of one card."""

    A3 = "A3"
    A4 = "A4"
    A5 = "A5"

    @property
    def mm(self) -> tuple[float, float]:
        """Portrait width and height in millimetres."""
        return {"A3": (297.0, 420.0), "A4": (210.0, 297.0), "A5": (148.0, 210.0)}[self.value]

    @property
    def scale(self) -> float:
        """Real size over design size."""
        return self.mm[0] / DESIGN_MM[0]

    @property
    def min_body_pt(self) -> float:
        """The smallest body text still readable where the card hangs (real points).

        9 pt on A4 and A3 (read from about a metre); an A5 card is read closer.
        """
        return 7.0 if self is CardSize.A5 else 9.0

    @property
    def half(self) -> "CardSize | None":
        """The card size two of which fit on this sheet side by side (2-up), if any."""
        return {"A3": CardSize.A4, "A4": CardSize.A5, "A5": None}[self.value]


# --- geometry (design millimetres) ---------------------------------------------------------------

MARGIN_MM = 8.0
FRAME_PT = 1.6
RULE_PT = 0.8
HAIRLINE_PT = 0.4
BAND_MM = 25.0
FOOTER_MM = 7.0
PAD_MM = 1.8
SECTION_GAP_MM = 1.2
HEADING_MM = 6.4
ACCENT_MM = 2.2
LABEL_COL_MM = 19.0
INFO_LABEL_MM = 21.0
SIGN_MAX_MM = 22.0
SIGN_GAP_MM = 3.0
QR_DESIGN_MM = 38.0
QR_MIN_REAL_MM = 32.0
"""Printed QR side (modules only, quiet zone extra): a phone reads it from 50 cm."""
QR_QUIET_MODULES = 4
PHONE_COL_MM = 128.0

# --- type (design points) --------------------------------------------------------------------------

TITLE_PT = 25.0
ENTERPRISE_PT = 11.5
BADGE_CAPTION_PT = 9.0
BADGE_LEVEL_PT = 24.0
MAX_BODY_PT = 12.5
BODY_STEP_PT = 0.25
LEADING_RATIO = 1.28
POST_NAME_EXTRA_PT = 5.0
HEADING_PT = 11.5
PHONE_NUMBER_PT = 17.0
PHONE_LABEL_PT = 8.5
FOOTER_PT = 8.5
QR_CAPTION_PT = 8.0

# --- colours ---------------------------------------------------------------------------------------

HEADING_FILL = CMYKColor(0, 0, 0, 0.10)
LABEL_FILL = CMYKColor(0, 0, 0, 0.07)
RULE_COLOUR = CMYKColor(0, 0, 0, 0.8)
HAIRLINE_COLOUR = CMYKColor(0, 0, 0, 0.35)
BADGE_FILL = CMYKColor(0, 0, 0, 0)
MUTED_TEXT = CMYKColor(0, 0, 0, 0.7)
CUT_MARK = CMYKColor(0, 0, 0, 0.4)


def mm(value: float) -> float:
    """Design millimetres → design points."""
    return value * MM_TO_PT


@dataclass(frozen=True)
class CardText:
    """Paragraph styles of one body size."""

    body_pt: float
    body: ParagraphStyle
    item: ParagraphStyle
    """A numbered list item (hanging indent for the number)."""
    value: ParagraphStyle
    post_name: ParagraphStyle
    label: ParagraphStyle


# reportlab's CJK wrap keeps a character that may not start a line on the line before, but its
# list lacks the full-width marks: without these a line could begin with "；" or "”".
_CANNOT_START_LINE = "，。、；：？！）】》」』”’％·…"


def _no_line_start_punctuation() -> None:
    if not set(_CANNOT_START_LINE) <= set(rl_paragraph.ALL_CANNOT_START):
        rl_paragraph.ALL_CANNOT_START = rl_paragraph.ALL_CANNOT_START + _CANNOT_START_LINE


@cache
def card_text(body_pt: float) -> CardText:
    font = register_pdf_font()
    _no_line_start_punctuation()

    def style(name: str, size: float, **extra: object) -> ParagraphStyle:
        return ParagraphStyle(
            f"card-{name}-{size}",
            fontName=font,
            fontSize=size,
            leading=size * LEADING_RATIO,
            textColor=BLACK_PDF,
            wordWrap="CJK",
            **extra,
        )

    number_w = body_pt * 1.9  # room for "10." without pushing the text
    return CardText(
        body_pt=body_pt,
        body=style("body", body_pt),
        item=style(
            "item",
            body_pt,
            leftIndent=number_w,
            bulletIndent=0,
            bulletFontName=font,
            bulletFontSize=body_pt,
        ),
        value=style("value", body_pt),
        post_name=style("post", body_pt + POST_NAME_EXTRA_PT),
        label=style("label", body_pt, alignment=1),
    )
