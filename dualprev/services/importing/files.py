"""The files around an import: the blank template of a kind and the failed rows of a run."""

from collections import defaultdict
from pathlib import Path

from dualprev.domain.importing.fields import FIELDS, ImportKind
from dualprev.reports.import_sheets import FailedSheetRow, TemplateColumn, write_failed_rows, write_template
from dualprev.reports.output import write_atomically
from dualprev.services.importing.runner import ImportResult

_WIDE = {"description", "accident", "engineering", "management", "training", "ppe", "emergency", "measures",
         "suggested", "interim", "conclusion", "plan", "note"}  # fmt: skip
_LEFT_OUT = {"id_number"}
"""Not offered in the template: the app does not keep ID numbers."""


def write_template_file(kind: ImportKind, out: Path) -> Path:
    """Write the template of ``kind`` (headings, example row, drop-down lists) to ``out``."""
    columns = [
        TemplateColumn(f.label, f.example, f.choices, 30 if f.key in _WIDE else 14)
        for f in FIELDS[kind]
        if f.key not in _LEFT_OUT
    ]
    write_atomically(Path(out), lambda stream: write_template(kind.label, columns, stream))
    return Path(out)


def write_failed_file(result: ImportResult, out: Path) -> int:
    """Write the rows ``result`` left out with errors (原因 column) to ``out``; returns how many."""
    by_sheet: dict[str, list[FailedSheetRow]] = defaultdict(list)
    for failed in result.failed:
        by_sheet[failed.sheet].append(FailedSheetRow(failed.row, failed.cells, failed.reason))
    headings = {sheet: result.labels.get(sheet, ()) for sheet in by_sheet}
    write_atomically(Path(out), lambda stream: write_failed_rows(headings, by_sheet, stream))
    return len(result.failed)
