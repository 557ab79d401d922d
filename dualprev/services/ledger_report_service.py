"""The hidden-danger exports of issue 6: the 隐患排查治理台账 of a period (full, regulator version or
a saved column profile) with its summary, the statutory 统计表, 隐患整改通知单, 隐患整改验收单 and the
重大隐患 report.

Each ``export_*`` reads what it prints in one read session (a few bulk queries, never one per row),
builds the document with :mod:`dualprev.reports`, and writes the file atomically. The GUI and
``dualprev export …`` call the same functions; each raises a UserError with one Chinese line for
what the user can fix (no enterprise profile, nothing to export, an unknown number or profile, a
file that cannot be written).

Which hidden dangers a period holds, and how each figure is counted, is defined in
:mod:`dualprev.reports.ledger_statistics`.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO

from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerStatus
from dualprev.errors import NotFoundError, ValidationError
from dualprev.reports.hidden_danger_acceptance import acceptance_story_pdf
from dualprev.reports.hidden_danger_major_report import write_major_report_pdf
from dualprev.reports.hidden_danger_notice import NoticeGroup, notice_number, write_notices_pdf
from dualprev.reports.hidden_danger_stats import statistics_document
from dualprev.reports.ledger import LEDGER_TITLE, REGULATOR_TITLE, ledger_document
from dualprev.reports.ledger_columns import ColumnChoice, Redactor, split_names
from dualprev.reports.ledger_data import (
    LedgerData,
    LedgerEnterprise,
    LedgerEntry,
    LedgerPhoto,
    MajorDutiesData,
    RemediationPlanData,
)
from dualprev.reports.ledger_period import ReportPeriod
from dualprev.reports.ledger_statistics import LedgerStatistics, compute_statistics
from dualprev.reports.ledger_workbook import write_ledger_xlsx
from dualprev.reports.output import ExportFormat, ExportResult, write_atomically
from dualprev.reports.page import PaperSize
from dualprev.reports.pdf_table import write_table_pdf
from dualprev.reports.tables import TableDocument
from dualprev.reports.xlsx_table import write_table_xlsx
from dualprev.services import export_profile_service
from dualprev.services.risks.accident_types import vocabulary_in
from dualprev.storage.db import Database, Session
from dualprev.storage.files import FileStore
from dualprev.storage.models import HiddenDanger
from dualprev.storage.queries import ledger_report as queries
from dualprev.storage.queries import notices as notice_queries
from dualprev.storage.queries.ledger_report import LedgerRows
from dualprev.storage.queries.organisation import enterprise as enterprise_row

__all__ = [
    "ExportFormat",
    "ExportResult",
    "HiddenDangerRef",
    "ReportPeriod",
    "export_acceptance_form",
    "export_ledger",
    "export_ledger_statistics",
    "export_major_report",
    "export_notices",
    "hidden_danger_refs",
    "load_ledger",
    "notice_departments",
    "period_statistics",
]

_S = HiddenDangerStatus
NOTICE_STATUSES = (_S.PENDING, _S.RECTIFYING)
"""A 整改通知单 lists what still has to be put right: 待整改 and 整改中 (待验收 is already done)."""


# --- reading -------------------------------------------------------------------------------------


def _enterprise(session: Session) -> LedgerEnterprise:
    row = enterprise_row(session=session)
    if row is None:
        raise NotFoundError("数据库中还没有企业档案，请先填写企业信息")
    return LedgerEnterprise(
        name=row.name,
        uscc=row.uscc,
        industry=row.industry,
        address=row.address,
        principal_name=row.principal_name,
        principal_phone=row.principal_phone,
        safety_manager_name=row.safety_manager_name,
        safety_manager_phone=row.safety_manager_phone,
        phone=row.phone,
        accident_vocabulary=vocabulary_in(session),
    )


def _local_day(at: datetime) -> date:
    """The local calendar day of a timestamp stored in UTC."""
    aware = at.replace(tzinfo=UTC) if at.tzinfo is None else at
    return aware.astimezone().date()


def _entries(selected: LedgerRows, files_dir: Path) -> list[LedgerEntry]:
    """The selected hidden dangers as printed, in their order."""
    store = FileStore(files_dir)
    plans = {hd_id: RemediationPlanData(**fields) for hd_id, fields in selected.plans.items()}
    changes = {
        hd_id: [(_local_day(at), status) for at, status in moments]
        for hd_id, moments in selected.status_changes.items()
    }
    pictures = {
        hd_id: [
            LedgerPhoto(
                p.stage, store.path(p.file_name), store.path(p.thumb_name or p.file_name), p.original_name
            )
            for p in photos
        ]
        for hd_id, photos in selected.photos.items()
    }
    types = selected.accident_types
    rows = selected.rows
    entries: list[LedgerEntry] = []
    for (hd_id, number, found_on, description, level, category, status, source, source_detail, check_type,
         finder_names, area, risk_point, location, owner_tier, basis, measures, department, rectifier,
         rectifier_phone, deadline, funds_fen, interim, is_immediate, completed_on, acceptor, accepted_on,
         conclusion, void_reason, reported_to, reported_on, note) in rows:  # fmt: skip
        entries.append(
            LedgerEntry(
                id=hd_id, number=number, found_on=found_on, description=description, level=level,
                category=category, status=status, source=source, source_detail=source_detail,
                check_type=check_type, finder_names=finder_names, area_name=area or "",
                risk_point_name=risk_point or "", location=location, owner_tier=owner_tier, basis=basis,
                accident_types=tuple(types.get(hd_id, ())), rectification_measures=measures,
                department_name=department or "", rectifier_name=rectifier or "",
                rectifier_phone=rectifier_phone or "", deadline=deadline, funds_fen=funds_fen,
                interim_measures=interim, is_immediate=bool(is_immediate), completed_on=completed_on,
                acceptor_name=acceptor or "", accepted_on=accepted_on, acceptance_conclusion=conclusion,
                void_reason=void_reason, reported_to=reported_to, reported_on=reported_on, note=note,
                photos=tuple(pictures.get(hd_id, ())), plan=plans.get(hd_id),
                status_changes=tuple(changes.get(hd_id, ())),
            )
        )  # fmt: skip
    return entries


def _check_counts(session: Session, start: date, end: date) -> tuple[tuple[CheckType, int], ...]:
    counts = queries.check_record_counts(session=session, start=start, end=end)
    return tuple((kind, int(counts[kind])) for kind in CheckType if counts.get(kind))


def _frame(session: Session, period: ReportPeriod, today: date, files_dir: Path) -> LedgerData:
    """What a ledger export prints besides the period's own hidden dangers: the enterprise, those
    found earlier and still open at the period's end, and the check counts."""
    as_of = period.as_of(today)
    enterprise = _enterprise(session)
    earlier = queries.found_before_and_not_accepted(session=session, start=period.start, as_of=as_of)
    return LedgerData(
        enterprise=enterprise,
        period=period,
        printed_on=today,
        entries=(),
        earlier_open=tuple(e for e in _entries(earlier, files_dir) if e.open_at(as_of)),
        check_counts=_check_counts(session, period.start, as_of),
    )


def load_ledger(
    db: Database, period: ReportPeriod, *, today: date | None = None, photos: bool = False
) -> LedgerData:
    """Every hidden danger found in ``period`` (voided ones too), those found earlier and still
    open at its end, and its check records, for printing. ``photos`` also reads the photo files'
    places (for thumbnails). NotFoundError when there is no enterprise profile yet."""
    today = today or date.today()
    with db.read_session() as session:
        frame = _frame(session, period, today, db.files_dir)
        in_period = queries.found_between(session=session, start=period.start, end=period.end, photos=photos)
        entries = _entries(in_period, db.files_dir)
    return replace(frame, entries=tuple(entries))


def period_statistics(db: Database, period: ReportPeriod, *, today: date | None = None) -> LedgerStatistics:
    """The figures of ``period`` (see :mod:`dualprev.reports.ledger_statistics` for each one)."""
    return compute_statistics(load_ledger(db, period, today=today))


def redactor(db: Database) -> Redactor:
    """Replaces every person's name the database knows (people, the enterprise's principal and safety
    manager, 排查人 and checkers typed as free text) by their 职务, and masks phone numbers. A group
    written as a checker (镇应急办检查组) is no person and stays."""
    with db.read_session() as session:
        texts = queries.name_texts(session=session)
    names = list(texts.people)
    for text in texts.lists:
        names += [n for n in split_names(text) if _personal_name(n)]
    titles: dict[str, str] = {}
    for name, title in texts.titles:
        titles[name] = titles.get(name) or title
    return Redactor(names, {**{n: "" for n in names}, **titles})


def _personal_name(text: str) -> bool:
    """A written name looks like a person's (2–4 Chinese characters), not a group's (镇应急办检查组)."""
    return 2 <= len(text) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in text)


# --- exports -------------------------------------------------------------------------------------


def _check_format(fmt: ExportFormat, allowed: tuple[ExportFormat, ...], what: str) -> None:
    if fmt not in allowed:
        names = "、".join(f.value for f in allowed)
        raise ValidationError(f"{what}只能导出为 {names} 格式", "format")


def _table_writer(document: TableDocument, fmt: ExportFormat) -> Callable[[BinaryIO], int | None]:
    if fmt is ExportFormat.PDF:
        return lambda stream: write_table_pdf(document, stream)

    def write_xlsx(stream: BinaryIO) -> None:
        write_table_xlsx(document, stream)

    return write_xlsx


def export_ledger(
    db: Database,
    out: Path,
    fmt: ExportFormat,
    *,
    period: ReportPeriod | None = None,
    profile: str | None = None,
    regulator: bool = False,
    photos: bool = False,
    paper: PaperSize | None = None,
    today: date | None = None,
) -> ExportResult:
    """隐患排查治理台账 of ``period`` (default: this year to date) with its summary, as xlsx or PDF
    (landscape; unless ``paper`` says otherwise A3 for the full 22 columns, A4 for a narrow one).

    ``profile`` names a saved column profile; ``regulator`` makes the desensitised 报送版 (no names,
    phones or photos, no voided records); ``photos`` adds 整改前/整改后 thumbnails to the standard
    columns. ``items`` of the result is the number of ledger rows.
    """
    title = "隐患排查治理台账"
    _check_format(fmt, (ExportFormat.XLSX, ExportFormat.PDF), title)
    today = today or date.today()
    period = period or ReportPeriod.year_to_date(today)
    choices: tuple[ColumnChoice, ...] | None = None
    if profile:
        choices = export_profile_service.get_profile(db, profile).columns
    wants_photos = photos or (not regulator and any(c.key.startswith("photos_") for c in choices or ()))
    masks = redactor(db) if regulator else None
    if fmt is ExportFormat.XLSX:
        rows = _stream_ledger_xlsx(
            db, out, period, today, choices=choices, regulator=regulator, photos=photos,
            read_photos=wants_photos, redactor=masks, paper=paper,
        )  # fmt: skip
        return ExportResult(Path(out), REGULATOR_TITLE if regulator else LEDGER_TITLE, rows, None)
    data = load_ledger(db, period, today=today, photos=wants_photos)
    document = ledger_document(
        data, choices=choices, regulator=regulator, photos=photos, redactor=masks, paper=paper
    )
    pages = write_atomically(out, _table_writer(document, fmt))
    rows = document.parts[-1].row_count
    return ExportResult(Path(out), document.parts[-1].title, rows, pages)


def _stream_ledger_xlsx(
    db: Database,
    out: Path,
    period: ReportPeriod,
    today: date,
    *,
    choices: tuple[ColumnChoice, ...] | None,
    regulator: bool,
    photos: bool,
    read_photos: bool,
    redactor: Redactor | None,
    paper: PaperSize | None,
) -> int:
    """The ledger workbook written while the period's hidden dangers are read, a batch at a time
    from one cursor (a ledger of 100 000 rows never held whole); returns its rows."""
    with db.read_session() as session:
        frame = _frame(session, period, today, db.files_dir)
        count, voided = queries.found_between_counts(session=session, start=period.start, end=period.end)
        batches = queries.stream_found_between(
            session=session, start=period.start, end=period.end, photos=read_photos
        )
        entries = (entry for batch in batches for entry in _entries(batch, db.files_dir))
        return write_atomically(
            out,
            lambda stream: write_ledger_xlsx(
                frame, entries, stream, count=count, voided=voided, choices=choices,
                regulator=regulator, photos=photos, redactor=redactor, paper=paper,
            ),
        )  # fmt: skip


def export_ledger_statistics(
    db: Database, out: Path, fmt: ExportFormat, *, period: ReportPeriod, today: date | None = None
) -> ExportResult:
    """隐患排查治理统计表 of a quarter or a year (domain.md §8.3), as PDF (A4) or xlsx."""
    title = "隐患排查治理统计表"
    _check_format(fmt, (ExportFormat.XLSX, ExportFormat.PDF), title)
    if not period.is_statutory:
        raise ValidationError("统计表按季度或年度编制，请选择季度或年度", "period")
    data = load_ledger(db, period, today=today)
    document = statistics_document(data, compute_statistics(data))
    pages = write_atomically(out, _table_writer(document, fmt))
    return ExportResult(Path(out), title, len(data.counted), pages)


@dataclass(frozen=True)
class HiddenDangerRef:
    """A hidden danger as offered for picking (验收单, 重大隐患报告)."""

    id: int
    number: str
    found_on: date
    description: str
    level: HiddenDangerLevel
    status: HiddenDangerStatus

    @property
    def text(self) -> str:
        description = self.description if len(self.description) <= 36 else self.description[:35] + "…"
        return f"{self.number}　{self.level.label}　{self.status.label}　{description}"


def hidden_danger_refs(
    db: Database, *, major_only: bool = False, include_void: bool = False
) -> list[HiddenDangerRef]:
    """Hidden dangers to pick from, newest first."""
    with db.read_session() as session:
        rows = queries.hidden_danger_refs(session=session, major_only=major_only, include_void=include_void)
    return [HiddenDangerRef(*row) for row in rows]


def _one(db: Database, number: str, *, photos: bool) -> tuple[LedgerEnterprise, LedgerEntry]:
    number = number.strip()
    with db.read_session() as session:
        enterprise = _enterprise(session)
        found = _entries(queries.numbered(session=session, number=number, photos=photos), db.files_dir)
    if not found:
        raise NotFoundError(f"没有编号为 {number} 的隐患")
    return enterprise, found[0]


def export_acceptance_form(
    db: Database, out: Path, number: str, *, today: date | None = None
) -> ExportResult:
    """隐患整改验收单 of one hidden danger (PDF, A4) with its photos. A hidden danger not yet closed
    gets the form with the acceptance part blank, to be filled in by hand."""
    title = "隐患整改验收单"
    enterprise, entry = _one(db, number, photos=True)
    if entry.is_void:
        raise ValidationError(f"隐患 {entry.number} 已作废，不能出具验收单", "number")
    printed_on = today or date.today()
    pages = write_atomically(out, lambda stream: acceptance_story_pdf(enterprise, entry, printed_on, stream))
    return ExportResult(Path(out), title, 1, pages)


def export_major_report(db: Database, out: Path, number: str, *, today: date | None = None) -> ExportResult:
    """重大事故隐患报告 of one 重大隐患 (PDF, A4): current state and cause, harm and difficulty, the
    remediation plan, interim measures and progress, for the authority."""
    title = "重大事故隐患报告"
    enterprise, entry = _one(db, number, photos=True)
    if not entry.is_major:
        raise ValidationError(f"隐患 {entry.number} 是一般隐患；重大隐患报告只针对重大隐患", "number")
    if entry.is_void:
        raise ValidationError(f"隐患 {entry.number} 已作废，不能出具重大隐患报告", "number")
    with db.read_session() as session:
        row = session.get(HiddenDanger, entry.id)
        if row is not None:
            entry = replace(
                entry,
                duties=MajorDutiesData(**{f.name: getattr(row, f.name) for f in fields(MajorDutiesData)}),
            )
    printed_on = today or date.today()
    pages = write_atomically(
        out, lambda stream: write_major_report_pdf(enterprise, entry, printed_on, stream)
    )
    return ExportResult(Path(out), title, 1, pages)


def notice_departments(db: Database) -> list[str]:
    """Departments responsible for hidden dangers still to be rectified (a notice each), by name;
    "" stands for those without a responsible department."""
    with db.read_session() as session:
        names = queries.responsible_department_names(session=session, statuses=NOTICE_STATUSES)
    return sorted(names, key=lambda n: (n == "", n))


def export_notices(
    db: Database, out: Path, *, department: str | None = None, today: date | None = None
) -> ExportResult:
    """隐患整改通知单 (PDF, A4): one notice per responsible department listing its hidden dangers
    still to be rectified (待整改, 整改中); only ``department``'s when given. ``items`` is the
    number of notices."""
    title = "隐患整改通知单"
    printed_on = today or date.today()
    with db.read_session() as session:
        enterprise = _enterprise(session)
        entries = _entries(queries.in_statuses(session=session, statuses=NOTICE_STATUSES), db.files_dir)
    groups: dict[str, list[LedgerEntry]] = defaultdict(list)
    for entry in entries:
        groups[entry.department_name].append(entry)
    if department is not None:
        wanted = department.strip()
        if wanted not in groups:
            raise NotFoundError(f"“{wanted}”目前没有待整改的隐患，无需下发整改通知单")
        groups = {wanted: groups[wanted]}
    if not groups:
        raise NotFoundError("目前没有待整改或整改中的隐患，无需下发整改通知单")
    ordered = sorted(groups.items(), key=lambda item: (item[0] == "", item[0]))
    by_id = {entry.id: entry for entry in entries}
    with db.session() as session:
        # The numbers are taken and the file written in one transaction: a file that cannot be
        # written leaves no number used up.
        issued = notice_queries.issue_notices(
            session=session,
            issued_on=printed_on,
            groups=[(name, [e.id for e in items]) for name, items in ordered],
            number_of=notice_number,
        )
        notices = tuple(
            NoticeGroup(
                number=n.number,
                issued_on=n.issued_on,
                department=n.department,
                entries=tuple(by_id[i] for i in n.hidden_danger_ids),
            )
            for n in issued
        )
        pages = write_atomically(
            out, lambda stream: write_notices_pdf(enterprise, notices, printed_on, stream)
        )
    new_numbers = [n.number for n in issued if n.is_new]
    reprinted = [n.number for n in issued if not n.is_new]
    lines = []
    if new_numbers:
        lines.append(f"新下发 {len(new_numbers)} 份，编号已登记到数据库：{'、'.join(new_numbers)}")
    if reprinted:
        lines.append(f"重印已下发的 {len(reprinted)} 份（沿用原编号）：{'、'.join(reprinted)}")
    note = "\n".join(lines)
    return ExportResult(Path(out), title, len(notices), pages, note)
