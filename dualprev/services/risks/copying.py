"""Copying a risk point (复制风险点) with everything identified and evaluated under it."""

from collections.abc import Iterable
from typing import Any

from dualprev.domain.evaluation_rules import unique_copy_code
from dualprev.domain.risk import RiskStage
from dualprev.domain.validation import required_problem
from dualprev.services.risks.evaluations import latest_by_stage
from dualprev.services.risks.risk_points import set_posts
from dualprev.services.risks.validation import check, check_refs, flushed_id
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import ControlMeasure, Evaluation, Hazard, HazardAccidentType, RiskPoint
from dualprev.storage.queries import risks as queries
from dualprev.storage.repos import get_or_raise

# The sign-off (reviewer_name … approved_on) is deliberately not copied: nobody has reviewed the copy.
_COPIED_POINT_FIELDS = (
    "name", "kind", "location", "department_id", "responsible_person_id", "asset_no", "model_spec",
    "activity_content", "activity_frequency", "library_key", "sort_order", "note",
)  # fmt: skip
_COPIED_HAZARD_FIELDS = (
    "seq", "step_or_item", "standard", "description", "factor_category", "consequence", "control_tier",
    "responsible_department_id", "responsible_person_id", "suggested_measures", "note", "inherent_level",
    "current_level", "current_score", "current_method",
)  # fmt: skip
_COPIED_MEASURE_FIELDS = (
    "category", "content", "is_existing", "control_tier", "responsible_department_id",
    "responsible_person_id", "sort_order",
)  # fmt: skip
_COPIED_EVALUATION_FIELDS = (
    "stage", "method", "scheme_code", "l_value", "e_value", "c_value", "s_value", "score", "band",
    "band_label", "level", "direct_reasons", "assessor_name", "assessor_id", "evaluated_on",
)  # fmt: skip


def _copy_fields(row: object, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}


def copy_risk_point(
    db: Database,
    risk_point_id: int,
    *,
    area_id: int | None,
    post_ids: tuple[int, ...] = (),
    name: str | None = None,
    actor: str,
) -> int:
    """Copy a risk point into ``area_id`` (faced by ``post_ids``) with all its hazards, accident types,
    measures and the latest evaluation of each stage; returns the new risk point's id.

    The copied evaluations are new rows noted “复制自 <原风险点>”; the copy gets an unused code
    (``FX-001`` → ``FX-001-2``) and ``name`` if given. Its record has no 审核/审定 sign-off yet.
    """
    new_name = (name or "").strip()
    if name is not None:
        check(required_problem(new_name, "风险点名称", 200), "name")
    with db.session() as s:
        source: RiskPoint = get_or_raise(s, RiskPoint, risk_point_id, "风险点")
        check_refs(s, area_id=area_id)
        copy = RiskPoint(**_copy_fields(source, _COPIED_POINT_FIELDS))
        copy.code = unique_copy_code(source.code, queries.risk_point_codes(session=s))
        copy.area_id = area_id
        if new_name:
            copy.name = new_name
        s.add(copy)
        s.flush()
        copy_id = copy.id
        assert copy_id is not None
        set_posts(s, copy_id, post_ids)

        hazards = queries.hazards_of(session=s, risk_point_id=risk_point_id)
        pairs = [
            (h, Hazard(risk_point_id=copy_id, **_copy_fields(h, _COPIED_HAZARD_FIELDS))) for h in hazards
        ]
        s.add_all(new for _old, new in pairs)
        s.flush()
        new_ids = {flushed_id(old): flushed_id(new) for old, new in pairs}
        old_ids = list(new_ids)
        links = queries.accident_type_links(session=s, hazard_ids=old_ids)
        s.add_all(HazardAccidentType(hazard_id=new_ids[ln.hazard_id], accident_type_id=ln.accident_type_id)
                  for ln in links)  # fmt: skip
        measures = queries.measures_of(session=s, hazard_ids=old_ids)
        s.add_all(ControlMeasure(hazard_id=new_ids[m.hazard_id], **_copy_fields(m, _COPIED_MEASURE_FIELDS))
                  for m in measures)  # fmt: skip
        note = f"复制自 {source.code} {source.name}" if source.code else f"复制自 {source.name}"
        for old, new in pairs:
            latest = latest_by_stage(s, old.id or 0)
            for stage in RiskStage:
                if stage in latest:
                    s.add(Evaluation(hazard_id=new.id or 0, note=note,
                                     **_copy_fields(latest[stage], _COPIED_EVALUATION_FIELDS)))  # fmt: skip
        audit.record(s, actor=actor, action="copy", entity="risk_point", entity_id=copy_id,
                     summary=f"复制风险点：{source.code} {source.name} → {copy.code} {copy.name}"
                             f"（危险源 {len(pairs)} 条）",
                     changes={"source_id": risk_point_id, "area_id": area_id, "post_ids": sorted(post_ids)})  # fmt: skip
        return copy_id
