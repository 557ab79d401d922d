"""Type sizes as printed: what a reader of a card PDF gets, character by character."""

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

A4_WIDTH_PT = 595.28


def text_sizes(pdf: bytes, page: int, *, card: bool = True) -> list[tuple[str, float]]:
    """(character, size on paper in points) of every visible character of the page. Cards draw an
    A4 design scaled to their sheet; the scale is the page width over the design's (or half of it,
    for two cards side by side). Other printouts are drawn at their size (``card=False``)."""
    document = pdfium.PdfDocument(pdf)
    try:
        p = document[page]
        width, height = p.get_size()
        scale = (width if width < height else width / 2) / A4_WIDTH_PT if card else 1.0
        textpage = p.get_textpage()
        out = []
        for i in range(textpage.count_chars()):
            ch = chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i))
            if ch.strip():
                out.append((ch, pdfium_c.FPDFText_GetFontSize(textpage.raw, i) * scale))
        return out
    finally:
        document.close()


def char_sizes_pt(pdf: bytes, page: int) -> dict[str, float]:
    """The smallest size each character is printed at on the page."""
    sizes: dict[str, float] = {}
    for ch, size in text_sizes(pdf, page):
        sizes[ch] = min(size, sizes.get(ch, size))
    return sizes
