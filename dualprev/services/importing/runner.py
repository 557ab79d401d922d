"""Running one import: read the workbook, map its columns, check and add every row in ONE
transaction, and report.

Nothing is kept unless the whole run says so: a dry run, a run with errors (unless partial), a
cancelled run and a run that fails all roll back, leaving the database exactly as it was.
"""

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dualprev.domain.importing.cells import fold
from dualprev.domain.importing.fields import FIELDS, ImportKind, missing_required
from dualprev.domain.importing.report import Created, ImportReport, RowRef
from dualprev.domain.importing.risk_rows import Prefer
from dualprev.errors import UserError, ValidationError
from dualprev.importers.workbook import SheetTable, read_tables
from dualprev.services.importing.directory import Directory
from dualprev.services.importing.ledger import LedgerImporter
from dualprev.services.importing.mappings import get_mapping
from dualprev.services.importing.outcome import FailedRow, Outcome, PreviewLine
from dualprev.services.importing.people import PeopleImporter
from dualprev.services.importing.risk_list import RiskListImporter
from dualprev.storage import audit
from dualprev.storage.db import Database, Session

log = logging.getLogger(__name__)
PROGRESS_EVERY = 200
"""Rows between progress reports."""

Progress = Callable[[int, int], None]
"""Called with (rows done, rows in all)."""


class ImportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("导入已取消，数据库未作任何修改")


class _Discard(Exception):
    """Ends the transaction without keeping anything (dry run, or errors without --partial)."""


@dataclass(frozen=True)
class ImportOptions:
    dry_run: bool = False
    partial: bool = False
    """Write the good rows even when some rows have errors."""
    prefer: Prefer = Prefer.FACTORS
    """Which side wins when factors and the stated level disagree."""
    mapping: Mapping[str, str] | None = None
    """Field key → column heading; None: the saved mapping ``mapping_name``, else the suggested one."""
    mapping_name: str = ""
    choices: Mapping[RowRef, Prefer] = field(default_factory=dict)
    """Per-row decisions on conflicts (the preview's), overriding ``prefer``."""
    actor: str = "导入"


@dataclass(frozen=True)
class ImportResult:
    report: ImportReport
    failed: tuple[FailedRow, ...]
    preview: tuple[PreviewLine, ...]
    """Every record the import creates (or would), in file order."""
    labels: Mapping[str, tuple[str, ...]]
    """Sheet → its column headings (to save failed rows under the same headings)."""


def read_file(path: Path, kind: ImportKind) -> list[SheetTable]:
    """The tables of ``kind`` in the workbook at ``path`` with their suggested mappings."""
    return read_tables(Path(path), FIELDS[kind])


def mapping_for(
    table: SheetTable,
    kind: ImportKind,
    headings: Mapping[str, str] | None,
    elsewhere: frozenset[str] = frozenset(),
) -> dict[str, int]:
    """Field key → column index of ``table``: by ``headings`` (field → column heading) when given,
    else as suggested. A field named by a column that only another sheet of the file has
    (``elsewhere``, folded) takes this sheet's suggested column. Raises ValidationError when a named column is in no sheet or a required field has
    no column."""
    if headings is None:
        mapping = dict(table.suggested)
    else:
        by_label = {fold(label): i for i, label in enumerate(table.labels)}
        by_label.update({fold(h): i for i, (_g, h) in enumerate(table.columns) if fold(h) not in by_label})
        mapping = {}
        for key, heading in headings.items():
            if not heading:
                continue
            index = by_label.get(fold(heading))
            if index is None and fold(heading) in elsewhere:
                # Another sheet's column: this sheet has its own layout, read by its own headings.
                index = table.suggested.get(key)
                if index is None:
                    continue
            if index is None:
                raise ValidationError(f"工作表“{table.name}”中没有“{heading}”列")
            mapping[key] = index
    missing = missing_required(FIELDS[kind], mapping)
    if missing:
        raise ValidationError(f"工作表“{table.name}”缺少必需的列：{'、'.join(missing)}")
    return mapping


def run_import(
    db: Database,
    kind: ImportKind,
    path: Path,
    options: ImportOptions = ImportOptions(),
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
    tables: list[SheetTable] | None = None,
) -> ImportResult:
    """Import the file at ``path`` (``tables``: already read from it) as ``kind``.

    Raises UserError for a file that cannot be read or mapped, ImportCancelled when ``cancelled``
    says so; either way nothing is written.
    """
    today = today or date.today()
    tables = tables if tables is not None else read_file(path, kind)
    headings = options.mapping
    if headings is None and options.mapping_name:
        headings = get_mapping(db, kind, options.mapping_name)
    everywhere = frozenset(fold(label) for t in tables for label in (*t.labels, *(h for _g, h in t.columns)))
    mappings = [mapping_for(t, kind, headings, everywhere) for t in tables]
    total = sum(len(t.rows) for t in tables)
    outcome = Outcome(rows=total)
    kept = False
    try:
        with db.session() as session:
            directory = Directory(session, outcome.created)
            add = _adder(kind, session, directory, outcome, options, today)
            done = 0
            for table, mapping in zip(tables, mappings, strict=True):
                context = None
                if isinstance(add, RiskListImporter):
                    step, accident = (
                        table.columns[mapping[k]][1] if k in mapping else "" for k in ("step", "accident")
                    )
                    context = add.context(table.name, step, accident)
                for row in table.rows:
                    if cancelled is not None and cancelled():
                        raise ImportCancelled()
                    if progress is not None and done % PROGRESS_EVERY == 0:
                        progress(done, total)
                    values = {key: row.cells[i] for key, i in mapping.items() if i < len(row.cells)}
                    if context is not None:
                        assert isinstance(add, RiskListImporter)
                        add.add(context, row.number, values, row.cells)
                    else:
                        assert not isinstance(add, RiskListImporter)
                        add.add(table.name, row.number, values, row.cells)
                    done += 1
            add.finish()
            if progress is not None:
                progress(total, total)
            if options.dry_run or (outcome.errors and not options.partial):
                raise _Discard
            audit.record(
                session,
                actor=options.actor,
                action="import",
                entity=kind.value,
                entity_id=None,
                summary=f"从 {Path(path).name} 导入{kind.label}：{_summary(outcome)}",
            )
            kept = True
    except _Discard:
        pass
    refused = bool(outcome.errors) and not options.partial
    created = Created() if refused else outcome.created_counts()
    report = ImportReport(
        kind=kind,
        dry_run=options.dry_run,
        rows=total,
        created=created,
        skipped=len(outcome.duplicates) + len(outcome.errors),
        duplicates=tuple(outcome.duplicates),
        conflicts=tuple(outcome.conflicts),
        errors=tuple(outcome.errors),
        written=kept,
    )
    log.info("import %s from %s: %s", kind.value, path, report.to_json()["created"])
    return ImportResult(
        report=report,
        failed=tuple(outcome.failed),
        preview=tuple(outcome.preview) if not refused else (),
        labels={t.name: t.labels for t in tables},
    )


def _adder(
    kind: ImportKind,
    session: object,
    directory: Directory,
    outcome: Outcome,
    options: ImportOptions,
    today: date,
) -> RiskListImporter | LedgerImporter | PeopleImporter:

    assert isinstance(session, Session)
    match kind:
        case ImportKind.RISK_LIST:
            return RiskListImporter(
                session, directory, outcome, prefer=options.prefer, choices=options.choices, today=today
            )
        case ImportKind.LEDGER:
            return LedgerImporter(session, directory, outcome, today=today, actor=options.actor)
        case ImportKind.PEOPLE:
            return PeopleImporter(directory, outcome)


def _summary(outcome: Outcome) -> str:
    labels = {
        "risk_points": "风险点",
        "hazards": "危险源",
        "control_measures": "管控措施",
        "hidden_dangers": "隐患",
        "people": "人员",
        "departments": "部门",
    }
    parts = [f"{labels[k]} {n}" for k, n in outcome.created.items() if n and k in labels]
    return "新增" + "，".join(parts) if parts else "无新增"
