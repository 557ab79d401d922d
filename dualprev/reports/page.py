"""Paper sizes and page geometry, in millimetres (style.md: print sizes in mm, never scaled by the
print dialog)."""

from dataclasses import dataclass
from enum import StrEnum

MM_TO_PT = 72 / 25.4


class PaperSize(StrEnum):
    """The two paper sizes the exports offer."""

    A4 = "A4"
    A3 = "A3"

    @property
    def portrait_mm(self) -> tuple[float, float]:
        return {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}[self.value]


@dataclass(frozen=True)
class PageSetup:
    """A sheet of paper, its orientation and its margins (mm)."""

    paper: PaperSize = PaperSize.A4
    landscape: bool = True
    margin_mm: float = 10.0
    header_mm: float = 8.0
    """Band at the top of each page for the running header (enterprise, title, date)."""
    footer_mm: float = 8.0
    """Band at the bottom of each page for the page number."""

    @property
    def size_mm(self) -> tuple[float, float]:
        short, long = self.paper.portrait_mm
        return (long, short) if self.landscape else (short, long)

    @property
    def size_pt(self) -> tuple[float, float]:
        width, height = self.size_mm
        return width * MM_TO_PT, height * MM_TO_PT

    @property
    def frame_mm(self) -> tuple[float, float]:
        """Width and height left for the content between margins, header and footer bands."""
        width, height = self.size_mm
        return width - 2 * self.margin_mm, height - 2 * self.margin_mm - self.header_mm - self.footer_mm
