"""Importing a 风险分级管控清单: risk points, their hazards with the current evaluation, control
measures and accident types.

A hazard that its risk point already has (same step/item and description after normalising spaces
and width) is a duplicate and left alone; risk points are matched on their code, or their name when
the file gives no code. Evaluations are graded by the enterprise's schemes exactly as typed ones.
"""

from collections.abc import Mapping
from datetime import date
from typing import Any

from dualprev.domain.evaluation_rules import direct_reasons_to_json
from dualprev.domain.importing import keys, risk_rows
from dualprev.domain.importing.cells import CellProblem, CellValue
from dualprev.domain.importing.report import RowIssue, RowRef
from dualprev.domain.importing.risk_rows import Prefer, RiskRow, RowContext, RowEvaluation
from dualprev.domain.importing.words import kind_of_sheet
from dualprev.domain.risk import RiskPointKind, RiskStage
from dualprev.services.importing.directory import Directory
from dualprev.services.importing.outcome import Outcome, PreviewLine
from dualprev.services.scheme_service import active_schemes_in, direct_items_in
from dualprev.storage import bulk_insert
from dualprev.storage.db import Session
from dualprev.storage.models import utcnow
from dualprev.storage.queries import importing as importing_queries
from dualprev.storage.queries import risks as risk_queries

BATCH_SIZE = 500
"""Hazards held back before they are written together."""
_POINT_DEFAULTS: dict[str, Any] = {
    "area_id": None, "asset_no": "", "model_spec": "", "activity_content": "", "activity_frequency": "",
    "library_key": "", "note": "", "reviewer_name": "", "reviewed_on": None, "approver_name": "",
    "approved_on": None,
}  # fmt: skip
MAX_CODE_LENGTH = 32
MAX_NAME_LENGTH = 200


class RiskListImporter:
    """Adds the rows of one file to the session, one at a time."""

    def __init__(
        self,
        session: Session,
        directory: Directory,
        outcome: Outcome,
        *,
        prefer: Prefer,
        choices: Mapping[RowRef, Prefer],
        today: date,
    ) -> None:
        self._s = session
        self._dir = directory
        self._out = outcome
        self._prefer = prefer
        self._choices = choices
        self._today = today
        self._schemes = active_schemes_in(session)
        self._direct_items = direct_items_in(session)
        self._points: dict[str, int] = {}
        for point in importing_queries.risk_points_by_id(session=session):
            self._points.setdefault(keys.risk_point_key(point.code, point.name), point.id or 0)
        self._hazards: set[tuple[int, tuple[str, str]]] = {
            (point_id, keys.hazard_key(step, description))
            for point_id, step, description in importing_queries.hazard_identities(session=session)
        }
        self._seq: dict[int, int] = {}
        self._pending: list[
            tuple[dict[str, Any], dict[str, Any] | None, list[dict[str, Any]], list[int]]
        ] = []
        self._next_sort = len(self._points)

    def context(self, sheet: str, step_heading: str, accident_heading: str) -> RowContext:
        heading_kind = None
        if "作业步骤" in step_heading and "检查项目" not in step_heading:
            heading_kind = RiskPointKind.ACTIVITY
        elif "检查项目" in step_heading and "作业步骤" not in step_heading:
            heading_kind = RiskPointKind.EQUIPMENT
        return RowContext(
            sheet,
            self._dir.accident_types.keys(),
            kind_of_sheet(sheet),
            heading_kind,
            accident_with_consequence="后果" in accident_heading,
        )

    def add(
        self, ctx: RowContext, number: int, values: Mapping[str, CellValue], cells: tuple[CellValue, ...]
    ) -> None:
        ref = RowRef(ctx.sheet, number)
        try:
            row = risk_rows.parse_row(values, ctx)
            evaluation = risk_rows.evaluate(
                row, self._schemes, self._direct_items, self._choices.get(ref, self._prefer)
            )
            self._check_lengths(row)
        except CellProblem as exc:
            self._out.error(ctx.sheet, number, str(exc), cells)
            return
        point_key = keys.risk_point_key(row.point_code, row.point_name)
        point_id = self._points.get(point_key)
        hazard_key = keys.hazard_key(row.step, row.description)
        if point_id is not None and (point_id, hazard_key) in self._hazards:
            self._out.duplicate(ctx.sheet, number, "危险源已存在", cells)
            return
        if evaluation.conflict:
            self._out.conflicts.append(RowIssue(ref.sheet, ref.row, evaluation.conflict))
        if point_id is None:
            point_id = self._add_point(row)
            self._points[point_key] = point_id
            self._out.preview.append(
                PreviewLine(ctx.sheet, number, "风险点", f"{row.point_code} {row.point_name}".strip())
            )
        self._hazards.add((point_id, hazard_key))
        self._add_hazard(point_id, row, evaluation)
        self._out.preview.append(PreviewLine(ctx.sheet, number, "危险源", _hazard_text(row, evaluation)))

    @staticmethod
    def _check_lengths(row: RiskRow) -> None:
        if len(row.point_code) > MAX_CODE_LENGTH:
            raise CellProblem(f"风险点编号不能超过{MAX_CODE_LENGTH}个字符")
        if len(row.point_name) > MAX_NAME_LENGTH or len(row.step) > MAX_NAME_LENGTH:
            raise CellProblem(f"风险点名称、作业步骤/检查项目不能超过{MAX_NAME_LENGTH}个字")

    def _add_point(self, row: RiskRow) -> int:
        now = utcnow()
        self._next_sort += 1
        values = {
            "code": row.point_code,
            "name": row.point_name,
            "kind": row.point_kind,
            "location": row.location[:200],
            "department_id": self._dir.department(row.department),
            "responsible_person_id": self._dir.person(row.person, row.person_department or row.department),
            "sort_order": self._next_sort,
            **_POINT_DEFAULTS,
            "created_at": now,
            "updated_at": now,
        }
        point_id = bulk_insert.insert_risk_point(session=self._s, row=values)
        self._seq[point_id] = 0
        self._out.created["risk_points"] += 1
        return point_id

    def _add_hazard(self, point_id: int, row: RiskRow, evaluation: RowEvaluation) -> None:
        seq = self._seq.get(point_id)
        if seq is None:
            seq = risk_queries.last_hazard_seq(session=self._s, risk_point_id=point_id)
        self._seq[point_id] = seq + 1
        graded = evaluation.graded
        now = utcnow()
        hazard = {
            "risk_point_id": point_id,
            "seq": seq + 1,
            "step_or_item": row.step,
            "standard": "",
            "description": row.description,
            "factor_category": "",
            "consequence": row.consequence,
            "control_tier": row.tier,
            "responsible_department_id": self._dir.department(row.department),
            "responsible_person_id": self._dir.person(row.person, row.person_department or row.department),
            "suggested_measures": row.suggested,
            "note": row.note,
            "inherent_level": None,
            "current_level": graded.level if graded else None,
            "current_score": (graded.score or "") if graded else "",
            "current_method": graded.method if graded else None,
            "created_at": now,
            "updated_at": now,
        }
        record = None
        if graded is not None:
            factors = dict(graded.factors)
            record = {
                "stage": RiskStage.CURRENT,
                "method": graded.method,
                "scheme_code": graded.scheme_code,
                "l_value": factors.get("L"),
                "e_value": factors.get("E"),
                "c_value": factors.get("C"),
                "s_value": factors.get("S"),
                "score": graded.score,
                "band": graded.band,
                "band_label": graded.band_label,
                "level": graded.level,
                "direct_reasons": direct_reasons_to_json(graded.direct_reasons)
                if graded.direct_reasons
                else "",
                "assessor_name": "",
                "assessor_id": None,
                "evaluated_on": row.evaluated_on or self._today,
                "note": evaluation.note,
                "created_at": now,
            }
        measures = [
            {"category": category, "content": content, "is_existing": True, "control_tier": None,
             "responsible_department_id": None, "responsible_person_id": None, "sort_order": order}
            for order, (category, content) in enumerate(row.measures)
        ]  # fmt: skip
        types = [self._dir.accident_types[name] for name in row.accident_types]
        self._pending.append((hazard, record, measures, types))
        self._out.created["hazards"] += 1
        self._out.created["control_measures"] += len(measures)
        if len(self._pending) >= BATCH_SIZE:
            self.finish()

    def finish(self) -> None:
        """Write the hazards still held back (they go in batches: one statement per table)."""
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        ids = bulk_insert.insert_hazards(session=self._s, rows=[p[0] for p in pending])
        evaluations = [
            {**record, "hazard_id": i} for i, (_h, record, _m, _t) in zip(ids, pending, strict=True) if record
        ]
        measures = [
            {**m, "hazard_id": i} for i, (_h, _r, ms, _t) in zip(ids, pending, strict=True) for m in ms
        ]
        links = [
            {"hazard_id": i, "accident_type_id": t}
            for i, (_h, _r, _m, ts) in zip(ids, pending, strict=True)
            for t in ts
        ]
        bulk_insert.insert_evaluations(session=self._s, rows=evaluations)
        bulk_insert.insert_control_measures(session=self._s, rows=measures)
        bulk_insert.insert_hazard_accident_types(session=self._s, rows=links)


def _hazard_text(row: RiskRow, evaluation: RowEvaluation) -> str:
    level = evaluation.graded.level.label if evaluation.graded else "未评价"
    step = f"{row.step}：" if row.step else ""
    return f"{row.point_name} · {step}{row.description}（{level}）"
