"""隐患排查 on paper: the blank checklist to take onto the floor, a filled record, and the records of
a period as a workbook or PDF."""

import io
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from dualprev.errors import NotFoundError, ValidationError
from dualprev.reports.check_record import (
    CheckRecordSheet,
    RecordGroup,
    RecordLine,
    period_document,
    write_period_pdf,
    write_records_pdf,
)
from dualprev.reports.checklist_pdf import (
    CHECKLIST_TITLE,
    ChecklistGroup,
    ChecklistLine,
    ChecklistSheet,
    write_checklists_pdf,
)
from dualprev.reports.output import ExportFormat, ExportResult, write_atomically
from dualprev.reports.page import PageSetup, PaperSize
from dualprev.reports.tables import HeaderField
from dualprev.reports.xlsx_table import write_table_xlsx
from dualprev.services.checks.checklists import Checklist, ChecklistItem, checklist
from dualprev.services.checks.common import shorten
from dualprev.services.checks.items import list_items
from dualprev.services.checks.records import CheckRecordDetail, ResultRow, record_details
from dualprev.storage.db import Database, Session
from dualprev.storage.models import CheckRecord, Person
from dualprev.storage.queries import checks as queries
from dualprev.storage.repos import get_or_raise, names_by_id

GENERAL_ITEMS_TEXT = "通用检查项"


def _groups(items: Sequence[ChecklistItem]) -> list[tuple[ChecklistItem, list[ChecklistItem]]]:
    """Items under their risk point, in order of first appearance; general items last."""
    grouped: dict[int | None, list[ChecklistItem]] = {}
    for item in items:
        grouped.setdefault(item.risk_point_id, []).append(item)
    ordered = [v for k, v in grouped.items() if k is not None]
    if None in grouped:
        ordered.append(grouped[None])
    return [(v[0], v) for v in ordered]


def _group_name(first: ChecklistItem) -> str:
    return first.risk_point_text if first.risk_point_id is not None else GENERAL_ITEMS_TEXT


def _checklist_sheet(data: Checklist) -> ChecklistSheet:
    fields = (
        HeaderField("排查类型", data.check_type.label if data.check_type else ""),
        HeaderField("管控层级/频次", "　".join(
            t for t in (data.control_tier.label if data.control_tier else "", data.frequency.label if data.frequency else "") if t
        )),
        HeaderField("受检部门/区域", data.place),
        HeaderField("负责人", data.assignee_name),
        HeaderField("应完成日期", data.due_on.isoformat() if data.due_on else ""),
        HeaderField("排查日期", ""),
        HeaderField("排查人", ""),
        HeaderField("陪同人员", ""),
    )  # fmt: skip
    groups = tuple(
        ChecklistGroup(
            risk_point=_group_name(first),
            place=first.place if first.risk_point_id is not None else "",
            level=first.level if first.risk_point_id is not None else None,
            lines=tuple(ChecklistLine(i.content, i.standard, i.method) for i in items),
        )
        for first, items in _groups(data.items)
    )
    return ChecklistSheet(
        title=CHECKLIST_TITLE,
        subtitle=data.title if data.title != CHECKLIST_TITLE else "",
        fields=fields,
        groups=groups,
        notes=(
            f"共 {len(data.items)} 项。逐项在“合格”“不合格”或“不适用”栏打√；不合格项写明问题，回来后在系统中登记隐患。",
        ),
    )


def _page(paper: PaperSize | None) -> PageSetup:
    return PageSetup(paper=paper or PaperSize.A4, landscape=False)


def _checklists_for(
    db: Database, plan_id: int | None, task_id: int | None, item_ids: Sequence[int] | None
) -> list[Checklist]:
    if task_id is not None or plan_id is not None or item_ids is not None:
        return [checklist(db, task_id=task_id, plan_id=plan_id, item_ids=item_ids)]
    with db.read_session() as s:
        plan_ids = queries.active_plan_ids(session=s)
    lists = [checklist(db, plan_id=p) for p in plan_ids]
    lists = [c for c in lists if c.items]
    if lists:
        return lists
    return [checklist(db, item_ids=[i.id for i in list_items(db, include_inactive=False)])]


def render_checklist_pdf(
    db: Database,
    *,
    plan_id: int | None = None,
    task_id: int | None = None,
    item_ids: Sequence[int] | None = None,
    paper: PaperSize | None = None,
    today: date | None = None,
) -> tuple[bytes, int, int]:
    """The blank checklist(s) as PDF bytes, with the number of items and pages (see export_checklist)."""
    lists = _checklists_for(db, plan_id, task_id, item_ids)
    items = sum(len(c.items) for c in lists)
    if not items:
        raise NotFoundError("没有可打印的排查项：请先由管控措施生成排查清单，或在计划中选择排查项")
    with db.read_session() as s:
        enterprise = queries.enterprise_name(session=s)
    stream = io.BytesIO()
    pages = write_checklists_pdf(
        [_checklist_sheet(c) for c in lists], stream, enterprise=enterprise, printed_on=today or date.today(),
        page=_page(paper),
    )  # fmt: skip
    return stream.getvalue(), items, pages


def export_checklist(
    db: Database,
    out: Path,
    *,
    plan_id: int | None = None,
    task_id: int | None = None,
    paper: PaperSize | None = None,
    today: date | None = None,
) -> ExportResult:
    """隐患排查清单 as a blank PDF to take onto the floor: of one task (its plan's items, its due date),
    of one plan, or — with neither — one form per active plan (the whole checklist when there is
    no plan). A4 portrait unless ``paper`` says otherwise; ``items`` counts the check items."""
    data, items, pages = render_checklist_pdf(db, plan_id=plan_id, task_id=task_id, paper=paper, today=today)
    write_atomically(out, lambda stream: stream.write(data))
    return ExportResult(Path(out), "隐患排查清单", items, pages)


def _record_sheet(
    detail: CheckRecordDetail, dangers: dict[int, tuple[str, str, date | None]]
) -> CheckRecordSheet:
    groups: dict[int | None, list[ResultRow]] = {}
    for r in detail.results:
        groups.setdefault(r.risk_point_id, []).append(r)
    ordered = [(k, v) for k, v in groups.items() if k is not None] + (
        [(None, groups[None])] if None in groups else []
    )
    plan = detail.plan_name or "计划外排查"
    fields = (
        HeaderField("排查类型", detail.check_type.label),
        HeaderField("排查日期", detail.checked_on.isoformat()),
        HeaderField("排查计划", plan),
        HeaderField("受检部门/区域", detail.place),
        HeaderField("排查人", detail.checker_names),
        HeaderField("应完成日期", detail.task_due_on.isoformat() if detail.task_due_on else "—"),
    )
    danger_lines = []
    for r in detail.results:
        if r.hidden_danger_id is None or r.hidden_danger_id not in dangers:
            continue
        rectifier, description, deadline = dangers[r.hidden_danger_id]
        when = f"，整改期限 {deadline.isoformat()}" if deadline else ""
        who = f"，整改责任人 {rectifier}" if rectifier else ""
        danger_lines.append(f"{r.hidden_danger_number} {description}{who}{when}")
    return CheckRecordSheet(
        checked_on=detail.checked_on,
        check_type=detail.check_type.label,
        plan=plan,
        place=detail.place,
        checker_names=detail.checker_names,
        fields=fields,
        groups=tuple(
            RecordGroup(
                risk_point=(rows[0].risk_point_text if key is not None else GENERAL_ITEMS_TEXT),
                place=rows[0].place if key is not None else "",
                level=rows[0].level if key is not None else None,
                lines=tuple(
                    RecordLine(r.item_text, r.result, r.standard_text, r.remark, r.hidden_danger_number)
                    for r in rows
                ),
            )
            for key, rows in ordered
        ),
        conclusion=detail.summary,
        dangers=tuple(danger_lines),
    )


def _danger_facts(
    session: Session, details: Sequence[CheckRecordDetail]
) -> dict[int, tuple[str, str, date | None]]:
    """(rectifier, short description, deadline) of each hidden danger the records opened."""
    ids = {r.hidden_danger_id for d in details for r in d.results if r.hidden_danger_id is not None}
    if not ids:
        return {}
    people = names_by_id(session, Person)
    return {
        danger_id: (people.get(h.rectifier_id or 0, ""), shorten(h.description, 40), h.deadline)
        for danger_id, h in queries.hidden_dangers_by_id(session=session, ids=ids).items()
    }


def _sheets(
    db: Database, date_from: date | None, date_to: date | None, record_ids: Sequence[int] | None = None
) -> tuple[str, list[CheckRecordSheet]]:
    with db.read_session() as s:
        if record_ids is not None:
            records = [get_or_raise(s, CheckRecord, i, "排查记录") for i in record_ids]
        else:
            records = queries.find_records(session=s, date_from=date_from, date_to=date_to)
        details = record_details(db, s, records)
        dangers = _danger_facts(s, details)
        return queries.enterprise_name(session=s), [_record_sheet(d, dangers) for d in details]


def render_record_pdf(
    db: Database, record_id: int, *, today: date | None = None, paper: PaperSize | None = None
) -> bytes:
    """One filled check record as PDF bytes (for the preview and the printer)."""
    enterprise, sheets = _sheets(db, None, None, [record_id])
    stream = io.BytesIO()
    write_records_pdf(
        sheets, stream, enterprise=enterprise, printed_on=today or date.today(), page=_page(paper)
    )
    return stream.getvalue()


def export_checks(
    db: Database,
    out: Path,
    fmt: ExportFormat,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    paper: PaperSize | None = None,
    today: date | None = None,
) -> ExportResult:
    """排查记录 of a period (both ends included; no start means from the first record, no end means
    today): a workbook with the summary and every item result, or a PDF with the summary followed by
    every record as filed, with its signature lines. ``items`` counts the records."""
    title = "隐患排查记录"
    if fmt not in (ExportFormat.XLSX, ExportFormat.PDF):
        raise ValidationError(f"{title}只能导出为 xlsx、pdf 格式", "format")
    today = today or date.today()
    date_to = date_to or today
    if date_from is not None and date_from > date_to:
        raise ValidationError("开始日期不能晚于结束日期", "date_from")
    enterprise, sheets = _sheets(db, date_from, date_to)
    if not sheets:
        raise NotFoundError("所选期间没有排查记录")
    page = _page(paper)
    if fmt is ExportFormat.PDF:

        def write_pdf(stream: BinaryIO) -> int:
            return write_period_pdf(
                sheets,
                stream,
                enterprise=enterprise,
                printed_on=today,
                date_from=date_from,
                date_to=date_to,
                page=page,
            )

        pages: int | None = write_atomically(out, write_pdf)
    else:
        document = period_document(
            sheets, enterprise=enterprise, printed_on=today, date_from=date_from, date_to=date_to, page=page
        )
        write_atomically(out, lambda stream: write_table_xlsx(document, stream))
        pages = None
    return ExportResult(Path(out), title, len(sheets), pages)
