"""The work-safety printouts as PDF or xlsx: 持证台账, 作业许可 (list, forms, 有限空间台账), 应急演练."""

from collections.abc import Callable
from datetime import date
from pathlib import Path

from dualprev.domain.permits import PermitKind, gas_problems
from dualprev.errors import NotFoundError, ValidationError
from dualprev.reports.output import ExportFormat, ExportResult, write_atomically
from dualprev.reports.pdf_table import write_table_pdf
from dualprev.reports.tables import Cell, HeaderField, TableDocument
from dualprev.reports.work_safety import (
    CERTIFICATES_TITLE,
    DRILLS_TITLE,
    PERMITS_TITLE,
    FormPage,
    Rows,
    certificates_document,
    drills_document,
    permits_document,
)
from dualprev.reports.xlsx_table import write_table_xlsx
from dualprev.services.work_safety.certificates import CertificateRow, list_certificates
from dualprev.services.work_safety.drills import DrillRow, PlanRow, list_drills, list_plans
from dualprev.services.work_safety.permits import (
    ConfinedSpaceRow,
    PermitRow,
    list_confined_spaces,
    list_permits,
    readings,
)
from dualprev.storage.db import Database
from dualprev.storage.queries import organisation as org_queries


def day_text(day: date | None) -> str:
    return day.isoformat() if day else ""


def enterprise_name(db: Database) -> str:
    with db.read_session() as s:
        enterprise = org_queries.enterprise(session=s)
    if enterprise is None:
        raise NotFoundError("数据库中还没有企业档案，请先填写企业信息")
    return enterprise.name


def certificate_rows(rows: list[CertificateRow]) -> Rows:
    return tuple(
        (
            r.person_name,
            r.department,
            r.kind.label,
            r.kind.category,
            r.number,
            r.issuer,
            day_text(r.issued_on),
            day_text(r.expires_on),
            day_text(r.review_due_on),
            r.status.label,
            f"作废原因：{r.void_reason}" if r.is_void else r.note,
        )
        for r in rows
    )


def write_document(
    out: Path, fmt: ExportFormat, title: str, document: TableDocument, items: int
) -> ExportResult:
    """Write ``document`` to ``out`` as PDF or xlsx (atomically)."""
    if fmt is ExportFormat.PDF:
        pages = write_atomically(Path(out), lambda stream: write_table_pdf(document, stream))
        return ExportResult(Path(out), title, items, pages)
    if fmt is ExportFormat.XLSX:
        write_atomically(Path(out), lambda stream: write_table_xlsx(document, stream))
        return ExportResult(Path(out), title, items)
    raise ValidationError(f"{title}只能导出为 xlsx、pdf 格式", "format")


def export_certificates(
    db: Database, out: Path, fmt: ExportFormat, *, today: date | None = None
) -> ExportResult:
    """特种作业人员持证台账 (void certificates listed, marked 已作废)."""
    document, items = _certificates(db, today or date.today())
    return write_document(out, fmt, CERTIFICATES_TITLE, document, items)


def _certificates(db: Database, today: date) -> tuple[TableDocument, int]:
    enterprise = enterprise_name(db)
    rows = list_certificates(db, today=today)
    if not rows:
        raise NotFoundError("还没有登记特种作业人员证书，无法生成持证台账")
    return certificates_document(enterprise, today, certificate_rows(rows)), len(rows)


def certificates_pdf(db: Database, *, today: date | None = None) -> bytes:
    """特种作业人员持证台账 for the print preview."""
    return render_pdf(lambda: _certificates(db, today or date.today())[0])


def render_pdf(build: Callable[[], TableDocument]) -> bytes:
    """A document as PDF bytes (for the print preview)."""
    import io

    stream = io.BytesIO()
    write_table_pdf(build(), stream)
    return stream.getvalue()


def permit_rows(rows: list[PermitRow]) -> Rows:
    return tuple(
        (
            r.number,
            r.data.kind.label,
            day_text(r.data.work_on),
            r.data.location,
            r.data.content,
            r.worker_name,
            r.attendant_name,
            r.approver_name,
            r.status.label + (f"（{r.void_reason}）" if r.void_reason else ""),
        )
        for r in rows
    )


def _reading(text: str, unit: str) -> str:
    return f"{text} {unit}" if text else "未检测"


def permit_form(r: PermitRow) -> FormPage:
    """One permit as printed and signed on site."""
    d = r.data
    fields = (
        HeaderField("许可证编号", r.number),
        HeaderField("作业类别", d.kind.label),
        HeaderField("状态", r.status.label),
        HeaderField("作业日期", day_text(d.work_on)),
        HeaderField("作业时段", d.hours),
        HeaderField("开票人", d.issuer_name),
    )
    rows: list[tuple[str, str]] = [
        ("作业地点", d.location),
        ("作业内容", d.content),
        ("作业人", r.worker_name),
        ("监护人", r.attendant_name or "—"),
        ("安全措施", d.measures),
    ]
    if d.kind is PermitKind.CONFINED_SPACE:
        verdict = "合格" if not gas_problems(readings(d)) else "不合格或未检测，不得作业"
        rows += [
            ("有限空间", r.space_name),
            ("先通风", "已通风" if d.ventilated else "未通风"),
            ("再检测：氧气（19.5%～23.5%）", _reading(d.o2_percent, "%")),
            ("可燃气体（<10%LEL）", _reading(d.lel_percent, "%LEL")),
            ("硫化氢（≤10 mg/m³）", _reading(d.h2s_mg_m3, "mg/m³")),
            ("一氧化碳（≤30 mg/m³）", _reading(d.co_mg_m3, "mg/m³")),
            ("检测人 / 检测结论", f"{d.tester_name or '—'} / {verdict}"),
        ]
    rows += [
        ("审批", f"{r.approver_name} {day_text(r.approved_on)}".strip() or "待审批"),
        ("关闭（作业完毕，现场确认）", f"{day_text(r.closed_on)} {r.close_note}".strip()),
    ]
    if r.void_reason:
        rows.append(("作废原因", r.void_reason))
    return FormPage(f"{d.kind.label}许可证 {r.number}", fields, tuple(rows))


def space_rows(rows: list[ConfinedSpaceRow]) -> Rows:
    return tuple(
        (
            r.data.name,
            r.data.location,
            r.data.hazards,
            "已设置" if r.data.sign_posted else "未设置",
            r.data.note,
            f"已作废（{r.void_reason}）" if r.is_void else "在用",
        )
        for r in rows
    )


def permits_pdf(db: Database, permit_id: int, *, today: date | None = None) -> bytes:
    """One permit's form, for the print preview."""
    enterprise = enterprise_name(db)
    chosen = [p for p in list_permits(db) if p.id == permit_id]
    if not chosen:
        raise NotFoundError("作业许可不存在，请刷新后重试")
    return render_pdf(
        lambda: permits_document(
            enterprise, today or date.today(), (), (permit_form(chosen[0]),), (), with_list=False
        )
    )


def export_permits(
    db: Database,
    out: Path,
    fmt: ExportFormat,
    *,
    today: date | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> ExportResult:
    """作业许可台账, every permit's form (one page each) and the 有限空间台账; with dates, only the
    permits whose work day lies between them (both included)."""
    document, items = _permits(db, today or date.today(), with_forms=True, period=(date_from, date_to))
    return write_document(out, fmt, PERMITS_TITLE, document, items)


def _within(day: date, period: tuple[date | None, date | None]) -> bool:
    start, end = period
    return (start is None or day >= start) and (end is None or day <= end)


def _permits(
    db: Database, today: date, *, with_forms: bool, period: tuple[date | None, date | None] = (None, None)
) -> tuple[TableDocument, int]:
    enterprise = enterprise_name(db)
    permits = [p for p in list_permits(db) if _within(p.data.work_on, period)]
    spaces = list_confined_spaces(db)
    if not permits and not spaces:
        raise NotFoundError("还没有作业许可和有限空间台账，无法导出")
    forms = tuple(permit_form(p) for p in permits) if with_forms else ()
    return permits_document(enterprise, today, permit_rows(permits), forms, space_rows(spaces)), len(permits)


def permit_list_pdf(db: Database, *, today: date | None = None) -> bytes:
    """作业许可台账 and 有限空间台账 (without the forms) for the print preview."""
    return render_pdf(lambda: _permits(db, today or date.today(), with_forms=False)[0])


def plan_rows(rows: list[PlanRow]) -> Rows:
    return tuple(
        (
            r.data.kind.label,
            r.data.name,
            day_text(r.data.issued_on),
            r.data.note,
            f"已作废（{r.void_reason}）" if r.is_void else "有效",
        )
        for r in rows
    )


def drill_rows(rows: list[DrillRow]) -> Rows:
    return tuple(
        (
            day_text(r.data.held_on),
            r.plan_name,
            r.data.form.label,
            r.data.scenario,
            r.data.organiser,
            r.data.participant_count or "",
            r.data.improvements
            + (f"（已登记隐患 {r.hidden_danger_number}）" if r.hidden_danger_number else ""),
            "已作废" if r.is_void else "",
        )
        for r in rows
    )


def drill_form(r: DrillRow, photo_dir: Path | None) -> FormPage:
    d = r.data
    fields = (
        HeaderField("演练日期", day_text(d.held_on)),
        HeaderField("演练形式", d.form.label),
        HeaderField("演练预案", r.plan_name),
        HeaderField("组织人", d.organiser),
    )
    photos = tuple(photo_dir / name for name in r.photo_files) if photo_dir else ()
    rows: list[tuple[str, str | Cell]] = [
        ("演练地点", d.location),
        ("演练情景", d.scenario),
        ("参演人员", d.participants + (f"（共 {d.participant_count} 人）" if d.participant_count else "")),
        ("演练评估", d.evaluation),
        ("存在问题及改进措施", d.improvements),
        ("登记隐患", r.hidden_danger_number or "—"),
    ]
    if photos:
        rows.append(("现场照片", Cell(f"{len(photos)} 张", images=photos)))
    if r.void_reason:
        rows.append(("作废原因", r.void_reason))
    return FormPage(f"应急演练记录 {day_text(d.held_on)}", fields, tuple(rows))


def drill_pdf(db: Database, drill_id: int, *, today: date | None = None) -> bytes:
    enterprise = enterprise_name(db)
    chosen = [d for d in list_drills(db) if d.id == drill_id]
    if not chosen:
        raise NotFoundError("应急演练记录不存在，请刷新后重试")
    form = drill_form(chosen[0], db.files_dir)
    return render_pdf(lambda: drills_document(enterprise, today or date.today(), (), (), (form,)))


def export_drills(
    db: Database,
    out: Path,
    fmt: ExportFormat,
    *,
    today: date | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> ExportResult:
    """应急预案目录, 应急演练记录 list and each drill's record (with its photos in the PDF); with
    dates, only the drills held between them (both included)."""
    photo_dir = db.files_dir if fmt is ExportFormat.PDF else None
    document, items = _drills(
        db, today or date.today(), photo_dir, with_forms=True, period=(date_from, date_to)
    )
    return write_document(out, fmt, DRILLS_TITLE, document, items)


def _drills(
    db: Database,
    today: date,
    photo_dir: Path | None,
    *,
    with_forms: bool,
    period: tuple[date | None, date | None] = (None, None),
) -> tuple[TableDocument, int]:
    enterprise = enterprise_name(db)
    plans = list_plans(db)
    drills = [d for d in list_drills(db) if _within(d.data.held_on, period)]
    if not plans and not drills:
        raise NotFoundError("还没有应急预案和应急演练记录，无法导出")
    forms = tuple(drill_form(d, photo_dir) for d in drills) if with_forms else ()
    return drills_document(enterprise, today, plan_rows(plans), drill_rows(drills), forms), len(drills)


def drill_list_pdf(db: Database, *, today: date | None = None) -> bytes:
    """应急预案目录 and 应急演练记录 (the list) for the print preview."""
    return render_pdf(lambda: _drills(db, today or date.today(), None, with_forms=False)[0])
