"""What one import run collects as it goes: created counts, duplicates, conflicts, errors, the rows
that failed (to be saved for fixing) and a line per record it creates (the preview)."""

from collections import Counter
from dataclasses import dataclass, field

from dualprev.domain.importing.cells import CellValue
from dualprev.domain.importing.report import Created, RowIssue, RowRef


@dataclass(frozen=True)
class FailedRow:
    """A row left out, with its cells as read (merged ranges filled) and why."""

    sheet: str
    row: int
    reason: str
    cells: tuple[CellValue, ...]


@dataclass(frozen=True)
class PreviewLine:
    """One record the import creates, as the preview lists it."""

    sheet: str
    row: int
    what: str
    """E.g. "危险源" or "隐患"."""
    text: str


@dataclass
class Outcome:
    rows: int = 0
    created: Counter[str] = field(default_factory=Counter)
    duplicates: list[RowRef] = field(default_factory=list)
    conflicts: list[RowIssue] = field(default_factory=list)
    errors: list[RowIssue] = field(default_factory=list)
    failed: list[FailedRow] = field(default_factory=list)
    preview: list[PreviewLine] = field(default_factory=list)

    def error(self, sheet: str, row: int, reason: str, cells: tuple[CellValue, ...]) -> None:
        self.errors.append(RowIssue(sheet, row, reason))
        self.failed.append(FailedRow(sheet, row, reason, cells))

    def duplicate(self, sheet: str, row: int, reason: str, cells: tuple[CellValue, ...]) -> None:
        del reason, cells  # a duplicate is already in the database: nothing to fix
        self.duplicates.append(RowRef(sheet, row))

    def created_counts(self) -> Created:
        return Created(**{k: self.created.get(k, 0) for k in vars(Created())})
