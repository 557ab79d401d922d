"""A printable table document described once and written by both writers (``pdf_table`` and
``xlsx_table``): the risk control list, the identification records, the major-risk notice, and
the hidden-danger ledger and its statistics all are one or more *parts*, each a titled table with
optional per-section header blocks, notes under it and a sign-off line.

A section may bring its own columns (a summary page: a table of figures, then a list under it);
a cell may carry pictures (photo thumbnails) besides or instead of text.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from dualprev.domain.grading import format_decimal
from dualprev.domain.risk import RiskLevel
from dualprev.reports.page import PageSetup

DEFAULT_SIGNOFF: tuple[str, ...] = ("编制", "审核", "批准", "日期")
UNEVALUATED_TEXT = "未评价"


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Column:
    """One column: its heading, its width in mm at the reference layout (scaled to fit the page,
    so only the proportions matter), how its cells align, and the group heading above it (columns
    that share a group get one merged cell in a second header row).

    ``names``: the column holds names (people, departments, statuses…): a PDF never breaks one of
    them inside, here or wherever else it occurs in the document."""

    heading: str
    width: float
    align: Align = Align.LEFT
    group: str = ""
    names: bool = False


CellText = str | int | Decimal


@dataclass(frozen=True)
class Cell:
    """A cell that is more than text: painted in a risk level's colour (the level name is its text,
    so a black-and-white copy still reads), aligned differently from its column, or showing
    pictures (image files, e.g. photo thumbnails) above its text. A picture file that cannot be
    read is left out; the text stays."""

    value: CellText
    level: RiskLevel | None = None
    align: Align | None = None
    images: tuple[Path, ...] = ()

    @classmethod
    def for_level(cls, level: RiskLevel | None) -> "Cell":
        """The level's name on its colour, or 未评价 without colour."""
        if level is None:
            return cls(UNEVALUATED_TEXT, align=Align.CENTER)
        return cls(level.label, level=level, align=Align.CENTER)


CellValue = CellText | Cell


def cell_text(value: CellValue) -> str:
    """The text a cell shows (exact decimals: 0.5, 18 — never 18.0)."""
    raw = value.value if isinstance(value, Cell) else value
    if isinstance(raw, Decimal):
        return format_decimal(raw)
    return str(raw)


@dataclass(frozen=True)
class HeaderField:
    """One "label：value" box of a section's header block (e.g. 分析人/日期 on a JHA record)."""

    label: str
    value: str = ""


def group_spans(columns: Sequence[Column]) -> Iterator[tuple[str, int, int]]:
    """(group, first column, last column) for each run of adjacent columns sharing a group;
    a column without a group is its own run with an empty name."""
    start = 0
    for index in range(1, len(columns) + 1):
        if (
            index == len(columns)
            or columns[index].group != columns[start].group
            or (not columns[start].group)
        ):
            yield columns[start].group, start, index - 1
            start = index


def header_row_count(columns: Sequence[Column]) -> int:
    """Two header rows when any column has a group heading above it, else one."""
    return 2 if any(c.group for c in columns) else 1


@dataclass(frozen=True)
class Section:
    """Rows under one optional heading and header block; a part has one or many sections.

    ``columns`` gives the section a table of its own shape (empty: the part's columns).
    """

    rows: tuple[tuple[CellValue, ...], ...]
    heading: str = ""
    fields: tuple[HeaderField, ...] = ()
    columns: tuple[Column, ...] = ()


@dataclass(frozen=True)
class Part:
    """One printed document: a title, a table in one or more sections, notes and a sign-off line.

    ``section_per_page`` starts each section on a new page (records filed one per risk point).
    ``fields_per_row`` is how many header-block boxes share a line.
    """

    title: str
    columns: tuple[Column, ...]
    sections: tuple[Section, ...]
    subtitle: str = ""
    notes: tuple[str, ...] = ()
    signoff: tuple[str, ...] = DEFAULT_SIGNOFF
    sheet_name: str = ""
    section_per_page: bool = False
    fields_per_row: int = 3
    terms: tuple[str, ...] = ()
    """Names a PDF never breaks wherever they occur in the part (areas, departments, people)."""

    def __post_init__(self) -> None:
        for section in self.sections:
            columns = self.columns_of(section)
            for row in section.rows:
                if len(row) != len(columns):
                    raise ValueError(f"{self.title}: a row has {len(row)} cells for {len(columns)} columns")

    def columns_of(self, section: Section) -> tuple[Column, ...]:
        """The columns ``section``'s table has: its own, else the part's."""
        return section.columns or self.columns

    @property
    def has_groups(self) -> bool:
        return any(c.group for c in self.columns)

    @property
    def header_row_count(self) -> int:
        return header_row_count(self.columns)

    @property
    def row_count(self) -> int:
        return sum(len(s.rows) for s in self.sections)

    def group_spans(self) -> Iterator[tuple[str, int, int]]:
        """:func:`group_spans` of the part's columns."""
        return group_spans(self.columns)


@dataclass(frozen=True)
class TableDocument:
    """Everything one PDF or one workbook holds: the enterprise and date printed on every page, the
    page setup, and the parts (one sheet each in a workbook)."""

    enterprise: str
    printed_on: date
    parts: tuple[Part, ...]
    page: PageSetup = field(default_factory=PageSetup)
    running_note: str = ""
    """Printed beside the title in every page's running header (e.g. the period a ledger covers)."""

    @property
    def title(self) -> str:
        return self.parts[0].title if self.parts else ""
