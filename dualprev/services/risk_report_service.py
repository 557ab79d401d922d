"""The risk exports of issue 3: read the risk inventory into the report data (one bulk query per
table, no per-row queries), check there is something to print, and write the file atomically.

The GUI and ``dualprev export …`` call the same ``export_*`` functions. Each raises a UserError with
one Chinese line for what the user can fix: no enterprise profile yet, nothing to export, an output
file that cannot be written.
"""

import json
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, BinaryIO

from dualprev.domain.risk import ControlMeasureCategory, ControlTier
from dualprev.domain.tier_owner import tier_owner_problem
from dualprev.errors import NotFoundError, ValidationError
from dualprev.reports.data import (
    EnterpriseHeader,
    EvaluationData,
    HazardData,
    MeasureData,
    RiskPointData,
    RiskReportData,
)
from dualprev.reports.major_risks import major_hazards, major_risks_document, write_major_risks_pdf
from dualprev.reports.output import ExportFormat, ExportResult, write_atomically
from dualprev.reports.page import PaperSize
from dualprev.reports.pdf_table import write_table_pdf
from dualprev.reports.risk_chart import comparison_chart, write_chart_pdf, write_chart_png
from dualprev.reports.risk_list import DEFAULT_PAPER as RISK_LIST_PAPER
from dualprev.reports.risk_list import risk_list_document
from dualprev.reports.risk_records import risk_records_document
from dualprev.reports.tables import TableDocument
from dualprev.reports.xlsx_table import write_table_xlsx
from dualprev.services.risks.accident_types import vocabulary_in
from dualprev.services.scheme_service import tier_table_in
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Department
from dualprev.storage.queries import organisation
from dualprev.storage.queries import risk_report as queries
from dualprev.storage.repos import names_by_id

__all__ = [
    "ExportFormat",
    "ExportResult",
    "export_major_risks",
    "export_risk_chart",
    "export_risk_list",
    "export_risk_records",
    "load_risk_report",
]


# --- reading -----------------------------------------------------------------------------------


def _decimal(text: str | None) -> Decimal | None:
    if text is None or not text.strip():
        return None
    try:
        return Decimal(text.strip())
    except InvalidOperation:
        return None


def _direct_reasons(raw: str) -> tuple[str, ...]:
    """The ticked 直接判定 items' texts from the JSON list kept on the evaluation."""
    if not raw:
        return ()
    try:
        items = json.loads(raw)
    except ValueError:
        return (raw,)
    if not isinstance(items, list):
        return ()
    texts = [str(i.get("text") or i.get("key") or "") if isinstance(i, dict) else str(i) for i in items]
    return tuple(t for t in texts if t)


_CATEGORY_ORDER = {category: index for index, category in enumerate(ControlMeasureCategory)}


def _latest_current_evaluations(session: Session) -> dict[int, EvaluationData]:
    rows = queries.latest_current_evaluations(session=session)
    return {
        hazard_id: EvaluationData(
            method=method,
            level=level,
            evaluated_on=evaluated_on,
            scheme_code=scheme_code,
            score=_decimal(score),
            l_value=_decimal(l_value),
            e_value=_decimal(e_value),
            c_value=_decimal(c_value),
            s_value=_decimal(s_value),
            band=band,
            band_label=band_label,
            assessor_name=assessor_name,
            direct_reasons=_direct_reasons(direct_reasons),
        )
        for (hazard_id, method, level, evaluated_on, scheme_code, score, l_value, e_value, c_value, s_value,
             band, band_label, assessor_name, direct_reasons) in rows
    }  # fmt: skip


def _measures(session: Session) -> dict[int, list[MeasureData]]:
    by_hazard: dict[int, list[MeasureData]] = defaultdict(list)
    for hazard_id, category, content, is_existing in queries.measures(session=session):
        if content.strip():
            by_hazard[hazard_id].append(MeasureData(category, content.strip(), bool(is_existing)))
    for measures in by_hazard.values():
        # Stable: keeps the user's order within a category.
        measures.sort(key=lambda m: _CATEGORY_ORDER[m.category])
    return by_hazard


def load_risk_report(db: Database, *, today: date | None = None) -> RiskReportData:
    """The whole risk inventory for printing, ordered by area, risk point code and hazard seq.

    Raises NotFoundError when the database has no enterprise profile yet.
    """
    with db.read_session() as session:
        enterprise = organisation.enterprise(session=session)
        if enterprise is None:
            raise NotFoundError("数据库中还没有企业档案，请先填写企业信息")
        header = EnterpriseHeader(
            name=enterprise.name,
            principal_name=enterprise.principal_name,
            principal_phone=enterprise.principal_phone,
            safety_manager_name=enterprise.safety_manager_name,
            safety_manager_phone=enterprise.safety_manager_phone,
            duty_phone=enterprise.duty_phone,
            accident_vocabulary=vocabulary_in(session),
        )
        departments = names_by_id(session, Department)
        people = queries.people(session=session)
        owner_kinds = queries.department_kinds_of_people(session=session)
        areas = queries.areas(session=session)
        tiers = tier_table_in(session)
        evaluations = _latest_current_evaluations(session)
        measures = _measures(session)
        accident_types = queries.accident_type_names(session=session)
        posts = queries.post_names(session=session)
        hazards_by_point: dict[int, list[Any]] = defaultdict(list)
        for row in queries.hazards(session=session):
            hazards_by_point[row[1]].append(row)
        points = queries.risk_points(session=session)

    def person(person_id: int | None) -> tuple[str, str]:
        return people.get(person_id, ("", "")) if person_id is not None else ("", "")

    result: list[tuple[tuple[Any, ...], RiskPointData]] = []
    for point in points:
        assert point.id is not None
        point_department = departments.get(point.department_id, "") if point.department_id else ""
        point_person, point_phone = person(point.responsible_person_id)
        hazards: list[HazardData] = []
        for (hazard_id, _rp, seq, step, standard, description, consequence, tier, dept_id, person_id,
             suggested, note) in hazards_by_point.get(point.id, []):  # fmt: skip
            current = evaluations.get(hazard_id)
            if tier is None and current is not None:
                tier = tiers.get(current.level)
            name, phone = person(person_id) if person_id is not None else (point_person, point_phone)
            owner = person_id if person_id is not None else point.responsible_person_id
            mismatch = tier_owner_problem(
                current.level if current is not None else None,
                ControlTier(tier) if tier is not None else None,
                owner_kinds.get(owner) if owner is not None else None,
                owner is not None,
            )
            hazards.append(
                HazardData(
                    id=hazard_id,
                    seq=seq,
                    step_or_item=step,
                    standard=standard,
                    description=description,
                    consequence=consequence,
                    accident_types=tuple(accident_types.get(hazard_id, ())),
                    current=current,
                    measures=tuple(measures.get(hazard_id, ())),
                    suggested_measures=suggested,
                    control_tier=ControlTier(tier) if tier is not None else None,
                    responsible_department=departments.get(dept_id, "") if dept_id else point_department,
                    responsible_person=name,
                    responsible_phone=phone,
                    note=note,
                    owner_mismatch=mismatch is not None,
                )
            )
        area_name, area_order = areas.get(point.area_id, ("", 0)) if point.area_id else ("", 0)
        data = RiskPointData(
            id=point.id,
            code=point.code,
            name=point.name,
            kind=point.kind,
            hazards=tuple(hazards),
            area=area_name,
            location=point.location,
            department=point_department,
            responsible_person=point_person,
            responsible_phone=point_phone,
            asset_no=point.asset_no,
            model_spec=point.model_spec,
            activity_content=point.activity_content,
            activity_frequency=point.activity_frequency,
            posts=tuple(posts.get(point.id, ())),
            note=point.note,
            reviewer_name=point.reviewer_name,
            reviewed_on=point.reviewed_on,
            approver_name=point.approver_name,
            approved_on=point.approved_on,
        )
        # Points without an area go last; within an area by code (uncoded last), then as sorted.
        key = (point.area_id is None, area_order, point.area_id or 0, not point.code, point.code,
               point.sort_order, point.id)  # fmt: skip
        result.append((key, data))
    result.sort(key=lambda pair: pair[0])
    return RiskReportData(
        enterprise=header, printed_on=today or date.today(), risk_points=tuple(p for _, p in result)
    )


# --- exports -----------------------------------------------------------------------------------


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


def export_risk_list(
    db: Database, out: Path, fmt: ExportFormat, *, paper: PaperSize | None = None, today: date | None = None
) -> ExportResult:
    """风险分级管控清单 as xlsx or PDF (A3 landscape unless ``paper`` says otherwise)."""
    title = "风险分级管控清单"
    _check_format(fmt, (ExportFormat.XLSX, ExportFormat.PDF), title)
    data = load_risk_report(db, today=today)
    if data.hazard_count == 0:
        raise NotFoundError("还没有辨识任何危险源，无法生成风险分级管控清单")
    document = risk_list_document(data, paper or RISK_LIST_PAPER)
    pages = write_atomically(out, _table_writer(document, fmt))
    return ExportResult(Path(out), title, data.hazard_count, pages)


def export_risk_chart(
    db: Database, out: Path, fmt: ExportFormat, *, paper: PaperSize | None = None, today: date | None = None
) -> ExportResult:
    """作业安全风险比较图 as PDF (A4 landscape unless ``paper`` says otherwise) or PNG."""
    title = "作业安全风险比较图"
    _check_format(fmt, (ExportFormat.PDF, ExportFormat.PNG), title)
    chart = comparison_chart(load_risk_report(db, today=today))
    if not chart.series:
        raise NotFoundError("没有用 LEC 或 LS 法评价过的作业活动，无法生成作业安全风险比较图")
    bars = sum(len(s.bars) for s in chart.series)
    if fmt is ExportFormat.PNG:
        write_atomically(out, lambda stream: write_chart_png(chart, stream))
        return ExportResult(Path(out), title, bars)
    pages = write_atomically(out, lambda stream: write_chart_pdf(chart, stream, paper=paper or PaperSize.A4))
    return ExportResult(Path(out), title, bars, pages)


def export_risk_records(
    db: Database, out: Path, fmt: ExportFormat, *, paper: PaperSize | None = None, today: date | None = None
) -> ExportResult:
    """The identification records (activity and equipment lists, JHA and SCL records, the risk
    point register) in one workbook or one PDF (A4 landscape unless ``paper`` says otherwise)."""
    title = "风险辨识评价记录"
    _check_format(fmt, (ExportFormat.XLSX, ExportFormat.PDF), title)
    data = load_risk_report(db, today=today)
    if not data.risk_points:
        raise NotFoundError("还没有风险点，无法生成风险辨识评价记录")
    document = risk_records_document(data, paper or PaperSize.A4)
    pages = write_atomically(out, _table_writer(document, fmt))
    return ExportResult(Path(out), title, len(data.risk_points), pages)


def export_major_risks(
    db: Database, out: Path, *, paper: PaperSize | None = None, today: date | None = None
) -> ExportResult:
    """重大风险公告 as PDF (A4 landscape unless ``paper`` says otherwise)."""
    title = "重大风险公告"
    data = load_risk_report(db, today=today)
    count = len(major_hazards(data))
    if count == 0:
        raise NotFoundError("目前没有现有风险为重大风险的危险源，无需生成重大风险公告")
    document = major_risks_document(data, paper or PaperSize.A4)
    pages = write_atomically(out, lambda stream: write_major_risks_pdf(document, stream))
    return ExportResult(Path(out), title, count, pages)
