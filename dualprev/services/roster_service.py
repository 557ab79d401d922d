"""The 人员花名册 export: every person with department, post, 职务 and phone, as xlsx or PDF.
It is also what ``dualprev import people`` reads back."""

from datetime import date
from pathlib import Path

from dualprev.errors import NotFoundError, ValidationError
from dualprev.reports.output import ExportFormat, ExportResult, write_atomically
from dualprev.reports.pdf_table import write_table_pdf
from dualprev.reports.people_roster import TITLE, RosterEntry, roster_document
from dualprev.reports.xlsx_table import write_table_xlsx
from dualprev.storage.db import Database
from dualprev.storage.queries import organisation as queries


def load_roster(db: Database) -> tuple[str, tuple[RosterEntry, ...]]:
    """The enterprise's name and its people by department order and name."""
    with db.read_session() as s:
        enterprise = queries.enterprise(session=s)
        departments = {d.id: d for d in queries.departments(session=s)}
        posts = dict(queries.post_names(session=s))
        people = queries.people(session=s)
    entries = [
        RosterEntry(
            name=p.name,
            department=departments[p.department_id].name if p.department_id in departments else "",
            post=posts.get(p.post_id, "") if p.post_id else "",
            role=p.role,
            phone=p.phone,
            is_active=p.is_active,
            note=p.note,
        )
        for p in people
    ]
    order = {d_id: (d.sort_order, d_id or 0) for d_id, d in departments.items()}
    entries_with_keys = sorted(
        zip(people, entries, strict=True),
        key=lambda pair: (
            pair[0].department_id is None,
            order.get(pair[0].department_id, (0, 0)),
            pair[0].id or 0,
        ),
    )
    return (enterprise.name if enterprise else ""), tuple(e for _p, e in entries_with_keys)


def export_roster(db: Database, out: Path, fmt: ExportFormat, *, today: date | None = None) -> ExportResult:
    """人员花名册 as xlsx or PDF (A4 landscape)."""
    if fmt not in (ExportFormat.XLSX, ExportFormat.PDF):
        raise ValidationError(f"{TITLE}只能导出为 xlsx、pdf 格式", "format")
    enterprise, people = load_roster(db)
    if not enterprise:
        raise NotFoundError("数据库中还没有企业档案，请先填写企业信息")
    if not people:
        raise NotFoundError("还没有人员，无法生成人员花名册")
    document = roster_document(enterprise, today or date.today(), people)
    if fmt is ExportFormat.PDF:
        pages = write_atomically(Path(out), lambda stream: write_table_pdf(document, stream))
        return ExportResult(Path(out), TITLE, len(people), pages)
    write_atomically(Path(out), lambda stream: write_table_xlsx(document, stream))
    return ExportResult(Path(out), TITLE, len(people))
