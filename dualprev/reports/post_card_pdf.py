"""岗位安全风险告知卡 as a vector PDF: one card per page (A4 portrait by default, A3 or A5 on
request, or two cards side by side on one sheet).

The card, top to bottom: a band in the level's colour with the title, the enterprise and the level
name; the post's particulars; the main hazards; the accident types; the control measures by
category; the emergency measures; the safety signs and emergency phones beside the QR code; the
card number, revision and date. Every card on a sheet size is set in that size's one body size
(:attr:`CardSize.body_pt`); hazards go from a list into a run-on paragraph when the list does not
fit. A card that still does not fit goes onto the next larger sheet (A5 → A4 → A3) rather than
into smaller type; on A3 (or two up) it is continued on a further page, never clipped. Both are
reported in :class:`CardsPdfResult`.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from dualprev.domain.post_card import CardContent, CardSheet
from dualprev.domain.risk import RiskLevel
from dualprev.reports.fonts import register_pdf_font
from dualprev.reports.page import MM_TO_PT
from dualprev.reports.post_card_fixed import bottom_heights, draw_band, draw_bottom, draw_footer
from dualprev.reports.post_card_layout import (
    CARD_H,
    CARD_TITLE,
    CONTENT_W,
    LEFT,
    RIGHT,
    Row,
    flex_rows,
    heading_row,
    total_height,
)
from dualprev.reports.post_card_styles import (
    BAND_MM,
    CUT_MARK,
    FOOTER_MM,
    FOOTER_PT,
    FRAME_PT,
    MARGIN_MM,
    RULE_COLOUR,
    RULE_PT,
    CardSize,
    card_text,
    mm,
)
from dualprev.reports.styles import BLACK_PDF

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


@dataclass(frozen=True)
class CardFit:
    """How a card's text is set: on which sheet, its body size in real points (the sheet's one
    size), hazards run on (compact) or listed."""

    fits: bool
    body_pt: float
    compact: bool
    size: CardSize = CardSize.A4


@dataclass(frozen=True)
class CardsPdfResult:
    pages: int
    overflowed: tuple[int, ...] = ()
    """Post ids of cards that did not fit one sheet at the minimum size (continued on more pages)."""
    cancelled: bool = False
    enlarged: tuple[tuple[int, CardSize], ...] = ()
    """(post id, sheet) of cards printed on a larger sheet than asked, to keep their type size."""


# --- fitting and pages ---------------------------------------------------------------------------


def _flex_top() -> float:
    return CARD_H - mm(MARGIN_MM) - mm(BAND_MM)


def _flex_capacity(content: CardContent, size: CardSize) -> float:
    bottom_total = bottom_heights(content, size)[3]
    return _flex_top() - (mm(MARGIN_MM) + mm(FOOTER_MM) + bottom_total)


def _continuation_capacity() -> float:
    return _flex_top() - (mm(MARGIN_MM) + mm(FOOTER_MM))


def _choose(content: CardContent, size: CardSize) -> tuple[CardFit, list[Row]]:
    """The card's rows at the sheet's one body size: hazards listed, or run on when a list does
    not fit (built only then: a layout is computed once or twice, never searched)."""
    text = card_text(size)
    capacity = _flex_capacity(content, size)
    rows = flex_rows(content, text, compact=False)
    if total_height(rows) <= capacity:
        return CardFit(True, size.body_pt, False, size), rows
    rows = flex_rows(content, text, compact=True)
    return CardFit(total_height(rows) <= capacity, size.body_pt, True, size), rows


def card_fit(sheet: CardSheet, size: CardSize = CardSize.A4) -> CardFit:
    """Whether the card fits one sheet of ``size`` at that sheet's body size."""
    return _choose(sheet.content, size)[0]


def card_placement(sheet: CardSheet, size: CardSize = CardSize.A4) -> CardFit:
    """Where the card prints when ``size`` is asked for: that sheet, or the next larger one that
    holds it at its body size (A5 → A4 → A3), or A3 continued on further pages."""
    fit = card_fit(sheet, size)
    while not fit.fits and fit.size.larger is not None:
        fit = card_fit(sheet, fit.size.larger)
    return fit


def _spread(rows: list[Row], spare: float) -> None:
    """Give the room left over to the sections (below their text), so the card fills its frame."""
    ends = [r for r in rows if r.section_end]
    if spare <= 0 or not ends:
        return
    for r in ends:
        r.extra = spare / len(ends)


def _paginate(rows: list[Row], first: float, later: float, level: RiskLevel | None) -> list[list[Row]]:
    """Rows onto pages: a heading stays with the start of its section, a paragraph splits between
    lines, and a continuation page starts with its section's heading marked （续）."""
    pages: list[list[Row]] = [[]]
    room = first
    queue = list(rows)

    def place(row: Row) -> None:
        nonlocal room
        pages[-1].append(row)
        room -= row.height

    def new_page() -> None:
        nonlocal room
        pages.append([])
        room = later
        if queue and queue[0].section and not queue[0].keep_with_next:
            place(heading_row(f"{queue[0].section}（续）", level))

    while queue:
        row = queue.pop(0)
        if row.keep_with_next and queue:
            following = queue[0]
            if row.height + following.height <= room:
                place(row)
                continue
            parts = (
                following.splitter(room - row.height) if following.splitter and row.height < room else None
            )
            if parts is not None:
                parts[0].section = parts[1].section = following.section
                place(row)
                place(parts[0])
                queue[0] = parts[1]
                new_page()
                continue
        elif row.height <= room:
            place(row)
            continue
        else:
            parts = row.splitter(room) if row.splitter is not None else None
            if parts is not None:
                parts[0].section = parts[1].section = row.section
                place(parts[0])
                queue.insert(0, parts[1])
                new_page()
                continue
        if pages[-1] and any(not r.keep_with_next for r in pages[-1]):
            queue.insert(0, row)
            new_page()
            continue
        # Alone on its page and still too tall (cannot be split): place it rather than loop.
        place(row)
    return [page for page in pages if page]


def _draw_rows(canvas: Canvas, rows: list[Row], top: float) -> float:
    y = top
    for row in rows:
        row.draw(canvas, y)
        y -= row.height + row.extra
        if row.section_end:
            canvas.setStrokeColor(RULE_COLOUR)
            canvas.setLineWidth(RULE_PT)
            canvas.line(LEFT, y, RIGHT, y)
    return y


def _draw_frame(canvas: Canvas) -> None:
    canvas.setStrokeColor(BLACK_PDF)
    canvas.setLineWidth(FRAME_PT)
    canvas.rect(LEFT, mm(MARGIN_MM), CONTENT_W, CARD_H - 2 * mm(MARGIN_MM), fill=0, stroke=1)


CardPage = Callable[[Canvas], None]
"""Draws one page of a card in design coordinates (210 × 297 mm)."""


def _card_pages(sheet: CardSheet, size: CardSize, *, grow: bool) -> tuple[list[CardPage], CardFit]:
    """The pages of one card (on a larger sheet when ``grow`` and it does not fit) and its fit."""
    fit, rows = _choose(sheet.content, size)
    while grow and not fit.fits and size.larger is not None:
        size = size.larger
        fit, rows = _choose(sheet.content, size)
    capacity = _flex_capacity(sheet.content, size)
    if fit.fits:
        _spread(rows, capacity - total_height(rows))
        chunks = [rows]
    else:
        chunks = _paginate(rows, capacity, _continuation_capacity(), sheet.content.level)
    pages: list[CardPage] = []
    total = len(chunks)
    for index, chunk in enumerate(chunks):
        note = f"第 {index + 1} 页 / 共 {total} 页" if total > 1 else f"{sheet.content.post}"

        def page(canvas: Canvas, chunk: list[Row] = chunk, index: int = index, note: str = note) -> None:
            draw_band(canvas, sheet, size, continued=index > 0)
            _draw_rows(canvas, chunk, _flex_top())
            if index == 0:
                draw_bottom(canvas, sheet, size, mm(MARGIN_MM) + mm(FOOTER_MM))
            draw_footer(canvas, sheet, note, size)
            _draw_frame(canvas)

        pages.append(page)
    return pages, fit


def build_cards_pdf(
    stream: BinaryIO,
    sheets: Sequence[CardSheet],
    *,
    size: CardSize = CardSize.A4,
    two_up: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    author: str = "",
) -> CardsPdfResult:
    """Write ``sheets`` as one PDF into ``stream``.

    ``two_up`` puts two cards of half the sheet's size side by side on each (landscape) sheet:
    A5 cards on A4, A4 cards on A3. ``progress(done, total)`` is called after each card; when
    ``cancelled()`` turns true the build stops and nothing useful is left in ``stream``.
    """
    card_size = size
    if two_up:
        half = size.half
        if half is None:
            raise ValueError(f"two cards do not fit side by side on {size}")
        card_size = half
    sheet_w, sheet_h = (size.mm[1], size.mm[0]) if two_up else size.mm
    # The initial font would otherwise be Helvetica: a standard font named in every page, never embedded.
    canvas = Canvas(
        stream,
        pagesize=(sheet_w * MM_TO_PT, sheet_h * MM_TO_PT),
        pageCompression=1,
        initialFontName=register_pdf_font(),
        initialFontSize=FOOTER_PT,
        lang="zh-CN",
    )
    canvas.setTitle(CARD_TITLE)
    canvas.setSubject(CARD_TITLE)
    canvas.setAuthor(author)
    canvas.setCreator("dualprev")
    slots: list[tuple[CardPage, CardSize]] = []
    overflowed: list[int] = []
    enlarged: list[tuple[int, CardSize]] = []
    for done, sheet in enumerate(sheets, start=1):
        if cancelled is not None and cancelled():
            return CardsPdfResult(0, tuple(overflowed), cancelled=True)
        # Two up, every slot is half a sheet: a card that does not fit is continued instead.
        pages, fit = _card_pages(sheet, card_size, grow=not two_up)
        if not fit.fits:
            overflowed.append(sheet.content.post_id)
        if fit.size is not card_size:
            enlarged.append((sheet.content.post_id, fit.size))
        slots.extend((page, fit.size) for page in pages)
        if progress is not None:
            progress(done, len(sheets))
    per_sheet = 2 if two_up else 1
    page_count = 0
    for start in range(0, len(slots), per_sheet):
        if not two_up:
            w, h = slots[start][1].mm
            canvas.setPageSize((w * MM_TO_PT, h * MM_TO_PT))
        for i, (draw, slot_size) in enumerate(slots[start : start + per_sheet]):
            canvas.saveState()
            canvas.translate(i * slot_size.mm[0] * MM_TO_PT, 0)
            canvas.scale(slot_size.scale, slot_size.scale)
            draw(canvas)
            canvas.restoreState()
        if two_up:
            canvas.setStrokeColor(CUT_MARK)
            canvas.setLineWidth(0.5)
            canvas.setDash(4, 3)
            x = card_size.mm[0] * MM_TO_PT
            canvas.line(x, 0, x, sheet_h * MM_TO_PT)
            canvas.setDash()
        canvas.showPage()
        page_count += 1
    canvas.save()
    return CardsPdfResult(page_count, tuple(overflowed), enlarged=tuple(enlarged))
