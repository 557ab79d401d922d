"""Shared by the report tests: reportlab's invariant mode (no dates or random ids in the PDFs, so a
build is reproducible) and readers that look at a PDF the way a user would."""

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab import rl_config


@pytest.fixture(autouse=True)
def invariant_pdfs() -> Iterator[None]:
    saved = rl_config.invariant
    rl_config.invariant = 1
    yield
    rl_config.invariant = saved


class PdfView:
    """Text per page, page sizes and fonts of a written PDF."""

    def __init__(self, path: Path) -> None:
        self.reader = PdfReader(str(path))

    @cached_property
    def pages(self) -> list[str]:
        return [page.extract_text() or "" for page in self.reader.pages]

    def compact(self, page: int | None = None) -> str:
        """The text with all whitespace removed (cells wrap, so words may break across lines)."""
        texts = self.pages if page is None else [self.pages[page]]
        return "".join("".join(t.split()) for t in texts)

    def page_size(self, page: int = 0) -> tuple[float, float]:
        box = self.reader.pages[page].mediabox
        return float(box.width), float(box.height)

    def fonts(self) -> list[tuple[str, bool]]:
        """(font name, embedded as TrueType program) for every font any page uses."""
        found: dict[str, bool] = {}
        for page in self.reader.pages:
            resources: Any = page.get("/Resources") or {}
            fonts: Any = resources.get("/Font") or {}
            for ref in fonts.values():
                font = ref.get_object()
                descriptor = font.get("/FontDescriptor")
                if descriptor is None and "/DescendantFonts" in font:
                    descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
                embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
                found[str(font.get("/BaseFont"))] = embedded
        return sorted(found.items())


@pytest.fixture
def read_pdf() -> Any:
    return PdfView
