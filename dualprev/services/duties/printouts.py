"""Printouts of duties and training: the 全员安全生产责任清单 with every list's 签字确认 sheet and the
duty records, one list's sign sheet, and the training records with every person's file."""

from datetime import date
from pathlib import Path

from dualprev.domain.duties import DueState
from dualprev.errors import NotFoundError, ValidationError
from dualprev.reports import duty_lists as duty_report
from dualprev.reports import training_records as training_report
from dualprev.reports.ledger_statistics import format_yuan
from dualprev.reports.output import ExportFormat, ExportResult, write_atomically
from dualprev.reports.pdf_table import write_table_pdf
from dualprev.reports.tables import TableDocument
from dualprev.reports.xlsx_table import write_table_xlsx
from dualprev.services import organisation_service as org
from dualprev.services.duties import duty_lists, duty_records, training
from dualprev.services.duties.duty_lists import DutyListInfo
from dualprev.services.duties.duty_records import DutyRecordInfo
from dualprev.storage.db import Database

_REQUIREMENTS = {
    "check": "主要负责人每月带队检查",
    "drill": "每半年应急演练",
    "meeting": "每季度安全生产会议",
}


def _enterprise(db: Database) -> str:
    profile = org.get_enterprise(db)
    if profile is None:
        raise NotFoundError("数据库中还没有企业档案，请先填写企业信息")
    return profile.name


def _write(document: TableDocument, out: Path, fmt: ExportFormat, title: str, items: int) -> ExportResult:
    if fmt not in (ExportFormat.XLSX, ExportFormat.PDF):
        raise ValidationError(f"{title}只能导出为 xlsx、pdf 格式", "format")
    if fmt is ExportFormat.PDF:
        pages = write_atomically(Path(out), lambda stream: write_table_pdf(document, stream))
        return ExportResult(Path(out), title, items, pages)
    write_atomically(Path(out), lambda stream: write_table_xlsx(document, stream))
    return ExportResult(Path(out), title, items)


def _list_entry(d: DutyListInfo) -> duty_report.DutyListEntry:
    return duty_report.DutyListEntry(
        d.title, d.subject_text, d.department_name, tuple((i.text, i.source) for i in d.items)
    )


def record_entry(r: DutyRecordInfo) -> duty_report.DutyRecordEntry:
    return duty_report.DutyRecordEntry(
        held_on=r.held_on, kind=r.kind.label, title=r.title, leader=r.leader_name, attendees=r.attendees,
        content=r.content, amount=format_yuan(r.amount_fen) if r.amount_fen is not None else "",
        linked=r.check_record_text or r.drill_ref, state=f"已作废：{r.void_reason}" if r.void_reason else "有效",
    )  # fmt: skip


def export_duties(
    db: Database, out: Path, fmt: ExportFormat, *, today: date, list_ids: tuple[int, ...] = ()
) -> ExportResult:
    """The 全员安全生产责任清单 with every sign sheet, completion and duty records; with ``list_ids``
    only those lists' 签字确认 sheets."""
    enterprise = _enterprise(db)
    lists = duty_lists.list_duty_lists(db, include_void=False)
    if list_ids:
        chosen = tuple(_list_entry(d) for d in lists if d.id in list_ids)
        if len(chosen) != len(set(list_ids)):
            raise NotFoundError("所选责任清单不存在或已作废")
        document = duty_report.sign_sheets_document(enterprise, today, chosen)
        return _write(document, out, fmt, duty_report.SHEET_TITLE, len(chosen))
    if not lists:
        raise NotFoundError("还没有责任清单，请先在“履职与培训”中从职责库生成")
    status = duty_records.duty_status(db, today=today)
    document = duty_report.duties_document(
        enterprise, today, tuple(_list_entry(d) for d in lists),
        tuple(record_entry(r) for r in duty_records.list_duty_records(db)),
        tuple(duty_report.StatusEntry(_REQUIREMENTS[p.kind.value], p.label, p.state(today).label, p.done_on)
              for p in status.periods),
    )  # fmt: skip
    return _write(document, out, fmt, duty_report.TITLE, len(lists))


def export_duty_records(db: Database, out: Path, fmt: ExportFormat, *, today: date) -> ExportResult:
    """The duty records alone."""
    records = tuple(record_entry(r) for r in duty_records.list_duty_records(db))
    if not records:
        raise NotFoundError("还没有履职记录")
    document = duty_report.records_document(_enterprise(db), today, records)
    return _write(document, out, fmt, duty_report.RECORDS_TITLE, len(records))


def _person_file(f: training.TrainingFile) -> training_report.PersonFile:
    return training_report.PersonFile(
        f.name, f.department, f.role, f.year, f.year_hours, f.required_hours, f.has_induction,
        tuple(training_report.FileLine(e.held_on, e.course_name, e.kind.label, e.hours, e.trainer, e.score, e.passed)
              for e in f.entries),
    )  # fmt: skip


def gap_entries(gaps: training.TrainingGaps) -> tuple[training_report.GapEntry, ...]:
    return tuple(
        training_report.GapEntry(f.name, f.department, f.role, "未完成三级安全教育，不得上岗") for f in gaps.no_induction
    ) + tuple(
        training_report.GapEntry(f.name, f.department, f.role,
                                 f"{f.year}年再培训 {f.year_hours} 学时，应达 {f.required_hours} 学时，差 {f.missing_hours} 学时")
        for f in gaps.short_hours
    )  # fmt: skip


def export_training(
    db: Database, out: Path, fmt: ExportFormat, *, today: date, date_from: date | None = None,
    date_to: date | None = None, person_id: int | None = None,
) -> ExportResult:  # fmt: skip
    """Training records of a period with attendance sheets, gaps and every active person's file;
    with ``person_id`` just that person's file."""
    enterprise = _enterprise(db)
    if person_id is not None:
        document = training_report.person_file_document(
            enterprise, today, _person_file(training.training_file(db, person_id, today=today))
        )
        return _write(document, out, fmt, training_report.FILES_TITLE, 1)
    if date_from and date_to and date_from > date_to:
        raise ValidationError("开始日期不能晚于结束日期", "date_from")
    sessions = training.list_sessions(db, date_from=date_from, date_to=date_to)
    if not sessions:
        raise NotFoundError("所选期间没有培训记录")
    period = f"{(date_from or sessions[-1].held_on).isoformat()} 至 {(date_to or today).isoformat()}"
    departments = {p.id: p.department_id for p in org.list_people(db)}
    names = {d.id: d.name for d in org.list_departments(db)}
    entries = tuple(
        training_report.SessionEntry(
            s.held_on, s.course_name, s.course_kind.label if s.course_kind else "", s.hours, s.trainer, s.place,
            s.materials,
            tuple(training_report.AttendeeEntry(a.person_name, names.get(departments.get(a.person_id), ""), a.score,
                                                a.passed) for a in s.attendees),
            s.void_reason,
        )
        for s in sorted(sessions, key=lambda x: (x.held_on, x.id or 0))
    )  # fmt: skip
    files = tuple(_person_file(f) for f in training.training_files(db, today=today))
    document = training_report.training_document(
        enterprise, today, period, entries, files, gap_entries(training.training_gaps(db, today=today))
    )
    return _write(document, out, fmt, training_report.TITLE, len(entries))


def overdue_count(db: Database, *, today: date) -> int:
    """Required duty records overdue today (for 首页)."""
    return len(duty_records.duty_status(db, today=today).of_state(DueState.OVERDUE))
