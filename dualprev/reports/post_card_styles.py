"""Sizes, colours and text styles of the post risk card (岗位安全风险告知卡), in one place.

The card is laid out on an A4-sized design (210 × 297 mm) and scaled to the sheet: A3 prints the
same design 1.41 × larger, A5 0.71 ×. Font sizes here are design sizes; the minimum readable body
size is stated per sheet in real points (``CardSize.min_body_pt``) and converted.
"""

from dataclasses import dataclass
from enum import StrEnum

from reportlab.lib.colors import CMYKColor

from dualprev.reports.page import MM_TO_PT

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
    def body_pt(self) -> float:
        """Body text of every card on this sheet (real points): 10 pt on A4 and A3, read from about
        a metre; 小五 (9 pt) on A5, which hangs at a machine and is read close up.
        A card whose text does not fit at this size goes to the next larger sheet, never smaller
        type, so cards hanging side by side look alike."""
        return 9.0 if self is CardSize.A5 else 10.0

    @property
    def larger(self) -> "CardSize | None":
        """The next larger sheet, for a card that does not fit this one."""
        return {"A3": None, "A4": CardSize.A3, "A5": CardSize.A4}[self.value]

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
QR_DESIGN_MM = 64.0
"""Printed QR side on A4 (modules only, quiet zone extra). The default summary stays within a
version-11 code (61 modules): 1.05 mm a module. A phone scanning at 0.6 m through a 1080p preview
with a 65–70° field of view sees about 0.42 mm per pixel, so a module spans 2.5 pixels — what
zxing, WeChat and the iOS camera decode — and their auto-zoom adds margin. A3 prints it 90 mm."""
QR_MIN_REAL_MM = 40.0
"""The smallest printed QR side (A5: 0.74 mm modules, read at about 0.4 m beside a machine)."""
QR_QUIET_MODULES = 4
PHONE_COL_MM = 128.0

# --- type (design points) --------------------------------------------------------------------------

TITLE_PT = 25.0
ENTERPRISE_PT = 11.5
BADGE_CAPTION_PT = 9.0
BADGE_LEVEL_PT = 24.0
MIN_TEXT_PT = 7.0
"""No text of a card prints smaller (real points): sign wording, captions, the footer."""
LEADING_RATIO = 1.28
POST_NAME_EXTRA_PT = 5.0
HEADING_PT = 11.5
PHONE_NUMBER_PT = 17.0
PHONE_LABEL_PT = 8.5
PHONE_NUMBER_MIN_PT = 12.0
PHONE_ROW_MM = 12.0
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
    """The sizes of the card's flexible text at one body size (design points)."""

    body_pt: float

    @property
    def leading(self) -> float:
        return self.body_pt * LEADING_RATIO

    @property
    def post_pt(self) -> float:
        return self.body_pt + POST_NAME_EXTRA_PT


def card_text(size: "CardSize") -> CardText:
    """The one body size of every card on ``size`` (design points): the same on every card."""
    return CardText(round(size.body_pt / size.scale, 3))


def fixed_pt(design_pt: float, size: "CardSize") -> float:
    """A fixed part's type size on ``size``: its design size, never under MIN_TEXT_PT on paper."""
    return max(design_pt, MIN_TEXT_PT / size.scale)
