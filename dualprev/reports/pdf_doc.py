"""A paged PDF with the frame every printout shares: on each page a running header (enterprise,
the current document's title and an optional note such as the period it covers, date) and a footer
"第 x 页 / 共 y 页".

The total page count is only known at the end, so the canvas keeps each finished page's state and
draws the footers when the document is saved (the usual reportlab two-pass recipe, in one pass).
"""

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any, BinaryIO

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from dualprev.reports.fonts import register_pdf_font, text_width_pt
from dualprev.reports.page import MM_TO_PT, PageSetup
from dualprev.reports.styles import BLACK_PDF, RULE_GREY_PDF, RUNNING_PT

_TITLE_ATTR = "dualprev_part_title"
_PART_ATTR = "dualprev_part_seq"
_HEADER_GAP_PT = 12.0


def format_date(day: date) -> str:
    """2026年11月20日 — how dates are written on the forms."""
    return f"{day.year}年{day.month}月{day.day}日"


class PartMarker(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Invisible; tells the running header which document (part) the following pages belong to."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        setattr(self.canv, _TITLE_ATTR, self.title)
        setattr(self.canv, _PART_ATTR, getattr(self.canv, _PART_ATTR, 0) + 1)


def _centre_text(title: str, note: str, room: float) -> str:
    """The running header's centre: the title and the note when both fit between the enterprise
    name and the date, else the title alone (a portrait page has little room)."""
    if note:
        full = f"{title}　{note}"
        if text_width_pt(full, RUNNING_PT) <= room:
            return full
    return title


def page_numbers(parts: Sequence[int], *, per_part: bool) -> list[tuple[int, int]]:
    """(page number, page count) of each page, given the part each page belongs to: counted
    through the whole document, or from 1 within each part (separate notices in one file)."""
    if not per_part:
        return [(n, len(parts)) for n in range(1, len(parts) + 1)]
    totals = Counter(parts)
    seen: Counter[int] = Counter()
    numbers: list[tuple[int, int]] = []
    for part in parts:
        seen[part] += 1
        numbers.append((seen[part], totals[part]))
    return numbers


def _canvas_class(page: PageSetup, per_part: bool) -> type[Canvas]:
    font = register_pdf_font()
    width, _height = page.size_pt
    margin = page.margin_mm * MM_TO_PT

    class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            parts = [state.get(_PART_ATTR, 0) for state in self._pages]
            numbers = page_numbers(parts, per_part=per_part)
            for (number, total), state in zip(numbers, self._pages, strict=True):
                self.__dict__.update(state)
                self.setFont(font, RUNNING_PT)
                self.setFillColor(BLACK_PDF)
                self.drawCentredString(width / 2, margin + 1 * MM_TO_PT, f"第 {number} 页 / 共 {total} 页")
                super().showPage()
            super().save()

    return _NumberedCanvas


def build_pdf(
    stream: BinaryIO,
    story: Sequence[Flowable],
    *,
    page: PageSetup,
    enterprise: str,
    printed_on: date,
    title: str,
    note: str = "",
    number_per_part: bool = False,
) -> int:
    """Lay ``story`` out on ``page`` into ``stream``; returns the number of pages.

    Put a :class:`PartMarker` before each document in the story so continuation pages name it.
    ``note`` follows the title in every page's running header. ``number_per_part`` numbers the
    pages of each part on its own ("第 1 页 / 共 1 页" on each of several notices).
    """
    font = register_pdf_font()
    width, height = page.size_pt
    margin = page.margin_mm * MM_TO_PT
    frame_width, frame_height = (v * MM_TO_PT for v in page.frame_mm)
    frame = Frame(
        margin,
        margin + page.footer_mm * MM_TO_PT,
        frame_width,
        frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    header_y = height - margin - page.header_mm * MM_TO_PT + 2.5 * MM_TO_PT
    date_text = f"日期：{format_date(printed_on)}"
    # The centred title may use what the enterprise name (left) and the date (right) leave free.
    side = max(text_width_pt(f"企业名称：{enterprise}", RUNNING_PT), text_width_pt(date_text, RUNNING_PT))
    room = width - 2 * margin - 2 * side - 2 * _HEADER_GAP_PT

    def running_header(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font, RUNNING_PT)
        canvas.setFillColor(BLACK_PDF)
        canvas.drawString(margin, header_y, f"企业名称：{enterprise}")
        centre = getattr(canvas, _TITLE_ATTR, title)
        canvas.drawCentredString(width / 2, header_y, _centre_text(centre, note, room))
        canvas.drawRightString(width - margin, header_y, date_text)
        canvas.setStrokeColor(RULE_GREY_PDF)
        canvas.setLineWidth(0.5)
        canvas.line(margin, header_y - 1.5 * MM_TO_PT, width - margin, header_y - 1.5 * MM_TO_PT)
        canvas.restoreState()

    doc = BaseDocTemplate(
        stream,
        pagesize=(width, height),
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author=enterprise,
        creator="dualprev",
        subject=title,
        # Otherwise every page declares the canvas's default Helvetica, a font the PDF does not embed.
        initialFontName=font,
        initialFontSize=RUNNING_PT,
    )
    # Drawn after the page's flowables, so a PartMarker on this page has already set the title.
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=running_header)])
    doc.build(list(story), canvasmaker=_canvas_class(page, number_per_part))
    return int(doc.page)
