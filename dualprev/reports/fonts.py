"""The one font of every printout: WenQuanYi Micro Hei, bundled in ``resources/fonts``.

PDFs embed a subset of it (so any viewer and any printer shows the same glyphs); PNGs are drawn
with the same file, so text measured here for a layout fits in both. System fonts are never used:
a township office PC may have none with Chinese glyphs that reportlab can read.
"""

import threading
from functools import cache
from pathlib import Path

from PIL import ImageFont
from reportlab.lib import textsplit
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import paragraph

from dualprev.paths import resource_path

FONT_NAME = "WQYMicroHei"
_FONT_FILE = ("fonts", "wqy-microhei.ttc")
_SUBFONT_INDEX = 0  # the proportional face; index 1 is the monospaced one
_lock = threading.Lock()

# Chinese punctuation that must not begin a line. reportlab's CJK line breakers know the Japanese
# set but not the full-width comma, colon, semicolon and friends, so "，开门状态下加工" could start a
# line. Both breakers read a module global ALL_CANNOT_START (textsplit.py for single-style
# paragraphs, paragraph.py for mixed ones), so the missing marks are added to both; see
# https://github.com/MrBitBucket/reportlab-mirror/blob/master/src/reportlab/lib/textsplit.py
_CANNOT_START_LINE = "，；：！？．）》〉」』】〕”’…"


def font_path() -> Path:
    """The bundled TrueType collection (raises FileNotFoundError naming where it looked)."""
    return resource_path(*_FONT_FILE)


def register_pdf_font() -> str:
    """Register the font with reportlab once (thread-safe) and return its name.

    The font has no bold or italic face, so every variant maps to the regular face: a stray
    ``<b>`` in a paragraph must not fall back to a Latin-only standard font.
    """
    with _lock:
        if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_path()), subfontIndex=_SUBFONT_INDEX))
            for bold in (0, 1):
                for italic in (0, 1):
                    addMapping(FONT_NAME, bold, italic, FONT_NAME)
            for module in (textsplit, paragraph):
                module.ALL_CANNOT_START += "".join(
                    c for c in _CANNOT_START_LINE if c not in module.ALL_CANNOT_START
                )
    return FONT_NAME


def text_width_pt(text: str, size_pt: float) -> float:
    """Advance width of ``text`` in points at ``size_pt``; the same figure Pillow gives in pixels."""
    return float(pdfmetrics.stringWidth(text, register_pdf_font(), size_pt))


@cache
def pil_font(size_px: int) -> ImageFont.FreeTypeFont:
    """The font for Pillow drawing at a pixel size (cached per size)."""
    return ImageFont.truetype(str(font_path()), size_px, index=_SUBFONT_INDEX)
