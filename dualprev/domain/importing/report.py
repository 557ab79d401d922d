"""What an import did or would do: counts of created records and every row it left out, with the
sheet, the 1-based Excel row number and the reason in Chinese."""

from dataclasses import dataclass, field
from typing import Any

from dualprev.domain.importing.fields import ImportKind


@dataclass(frozen=True, order=True)
class RowRef:
    """Where a row came from: sheet name and 1-based Excel row number."""

    sheet: str
    row: int


@dataclass(frozen=True)
class RowIssue:
    sheet: str
    row: int
    reason: str

    @property
    def ref(self) -> RowRef:
        return RowRef(self.sheet, self.row)


@dataclass(frozen=True)
class Created:
    risk_points: int = 0
    hazards: int = 0
    control_measures: int = 0
    hidden_dangers: int = 0
    people: int = 0
    departments: int = 0

    @property
    def total(self) -> int:
        return sum(vars(self).values())


@dataclass(frozen=True)
class ImportReport:
    kind: ImportKind
    dry_run: bool
    rows: int
    """Data rows read (blank rows, title rows, headers and footers not counted)."""
    created: Created = field(default_factory=Created)
    skipped: int = 0
    """Rows not imported: duplicates and rows with errors."""
    duplicates: tuple[RowRef, ...] = ()
    conflicts: tuple[RowIssue, ...] = ()
    """Rows whose factors and stated level disagree; imported as chosen, listed all the same."""
    errors: tuple[RowIssue, ...] = ()
    written: bool = False
    """Whether anything was written (False for a dry run and for a refused import)."""

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_json(self) -> dict[str, Any]:
        """The CLI's JSON object, with exactly the keys scripts rely on."""
        return {
            "kind": self.kind.value,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "created": dict(vars(self.created)),
            "skipped": self.skipped,
            "duplicates": [{"sheet": d.sheet, "row": d.row} for d in self.duplicates],
            "conflicts": [{"sheet": c.sheet, "row": c.row, "reason": c.reason} for c in self.conflicts],
            "errors": [{"sheet": e.sheet, "row": e.row, "reason": e.reason} for e in self.errors],
        }
