"""排查清单: the check items. Each existing control measure of the risk inventory becomes one item
(generated, idempotent); free items are added by hand. Items made from a measure follow their
hazard and can only be switched off; free items can be deleted while no record uses them."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from dualprev.domain.checks import (
    CheckFrequency,
    CheckItemDraft,
    CheckType,
    MeasureFacts,
    item_from_measure,
    item_problem,
)
from dualprev.domain.risk import ControlMeasureCategory, ControlTier, RiskLevel
from dualprev.errors import ConflictError, ValidationError
from dualprev.services import scheme_service
from dualprev.services.checks.common import raise_problem
from dualprev.services.checks.frequency import frequency_table_in
from dualprev.services.risks import levels
from dualprev.storage import audit
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Area, CheckItem, RiskPoint
from dualprev.storage.queries import checks as queries
from dualprev.storage.repos import get_or_raise, names_by_id


@dataclass(frozen=True)
class CheckItemRow:
    """One 排查项 with where it belongs in the risk inventory and which plans check it."""

    id: int
    content: str
    standard: str
    method: str
    check_type: CheckType | None
    control_tier: ControlTier | None
    frequency: CheckFrequency | None
    is_custom: bool
    is_active: bool
    sort_order: int
    risk_point_id: int | None = None
    risk_point_code: str = ""
    risk_point_name: str = ""
    area_id: int | None = None
    area_name: str = ""
    location: str = ""
    level: RiskLevel | None = None
    hazard_id: int | None = None
    hazard_text: str = ""
    measure_id: int | None = None
    measure_category: ControlMeasureCategory | None = None
    post_ids: tuple[int, ...] = ()
    post_names: tuple[str, ...] = ()
    plan_ids: tuple[int, ...] = ()
    plan_names: tuple[str, ...] = ()

    @property
    def risk_point_text(self) -> str:
        return f"{self.risk_point_code} {self.risk_point_name}".strip()

    @property
    def source_text(self) -> str:
        """由管控措施生成 (with the category) or 自定义."""
        if self.is_custom:
            return "自定义"
        return f"管控措施·{self.measure_category.label}" if self.measure_category else "管控措施"

    def draft(self) -> CheckItemDraft:
        return CheckItemDraft(
            content=self.content,
            standard=self.standard,
            method=self.method,
            check_type=self.check_type,
            control_tier=self.control_tier,
            frequency=self.frequency,
            risk_point_id=self.risk_point_id,
            is_active=self.is_active,
        )


@dataclass(frozen=True)
class ItemGeneration:
    """What generating the checklist from the control measures did."""

    created: int
    already_covered: int
    planned_measures: int
    """建议新增 measures, not in place yet, so there is nothing to check."""


def item_rows(
    session: Session, items: Sequence[CheckItem], point_levels: Mapping[int, RiskLevel | None]
) -> list[CheckItemRow]:
    """The rows of ``items`` in their order. An item's level is its hazard's current level, else
    its risk point's (``point_levels``)."""
    points = queries.risk_points_by_id(session=session)
    areas = names_by_id(session, Area)
    hazards = queries.hazards_by_id(
        session=session, ids={i.hazard_id for i in items if i.hazard_id is not None}
    )
    categories = queries.measure_categories(
        session=session, ids={i.control_measure_id for i in items if i.control_measure_id is not None}
    )
    posts_by_point = queries.posts_by_risk_point(session=session)
    plans_by_item = queries.active_plans_by_item(session=session)
    rows: list[CheckItemRow] = []
    for item in items:
        point = points.get(item.risk_point_id) if item.risk_point_id is not None else None
        hazard = hazards.get(item.hazard_id) if item.hazard_id is not None else None
        level = hazard.current_level if hazard is not None and hazard.current_level is not None else None
        if level is None and point is not None:
            level = point_levels.get(point.id or 0)
        hazard_text = ""
        if hazard is not None:
            hazard_text = "：".join(t for t in (hazard.step_or_item, hazard.description) if t)
        posts = posts_by_point.get(item.risk_point_id or 0, [])
        plans = plans_by_item.get(item.id or 0, [])
        rows.append(
            CheckItemRow(
                id=item.id or 0,
                content=item.content,
                standard=item.standard,
                method=item.method,
                check_type=item.check_type,
                control_tier=item.control_tier,
                frequency=item.frequency,
                is_custom=item.is_custom,
                is_active=item.is_active,
                sort_order=item.sort_order,
                risk_point_id=item.risk_point_id,
                risk_point_code=point.code if point else "",
                risk_point_name=point.name if point else "",
                area_id=point.area_id if point else None,
                area_name=areas.get(point.area_id or 0, "") if point else "",
                location=point.location if point else "",
                level=level,
                hazard_id=item.hazard_id,
                hazard_text=hazard_text,
                measure_id=item.control_measure_id,
                measure_category=categories.get(item.control_measure_id) if item.control_measure_id else None,
                post_ids=tuple(p.id for p in posts),
                post_names=tuple(p.name for p in posts),
                plan_ids=tuple(p.id for p in plans),
                plan_names=tuple(p.name for p in plans),
            )
        )
    return rows


def list_items(db: Database, *, include_inactive: bool = True) -> list[CheckItemRow]:
    """The whole checklist in inventory order (by area and risk point; general items last)."""
    point_levels = levels.risk_point_levels(db)
    with db.read_session() as s:
        items = queries.items_in_inventory_order(session=s, active_only=not include_inactive)
        return item_rows(s, items, point_levels)


def get_item(db: Database, item_id: int) -> CheckItemRow:
    point_levels = levels.risk_point_levels(db)
    with db.read_session() as s:
        return item_rows(s, [get_or_raise(s, CheckItem, item_id, "排查项")], point_levels)[0]


def generate_items(db: Database, *, actor: str) -> ItemGeneration:
    """Make a check item of every existing control measure that has none yet.

    Idempotent: a measure already covered — even by an item the user has edited or switched off —
    gets no second item, and no existing item is touched.
    """
    with db.session() as s:
        covered = queries.covered_measure_ids(session=s)
        tiers = scheme_service.tier_table_in(s)
        table = frequency_table_in(s)
        order = queries.max_item_sort_order(session=s)
        created = already = planned = 0
        new_rows: list[CheckItem] = []
        for measure, hazard in queries.measures_with_hazards(session=s):
            if not measure.is_existing:
                planned += 1
                continue
            if measure.id in covered:
                already += 1
                continue
            if not measure.content.strip():
                continue
            draft = item_from_measure(
                MeasureFacts(
                    content=measure.content,
                    category=measure.category,
                    measure_tier=measure.control_tier,
                    hazard_tier=hazard.control_tier,
                    level=hazard.current_level,
                    hazard_standard=hazard.standard,
                ),
                tiers,
                table,
            )
            order += 1
            new_rows.append(
                CheckItem(
                    risk_point_id=hazard.risk_point_id,
                    hazard_id=hazard.id,
                    control_measure_id=measure.id,
                    content=draft.content,
                    standard=draft.standard,
                    method=draft.method,
                    check_type=draft.check_type,
                    control_tier=draft.control_tier,
                    frequency=draft.frequency,
                    sort_order=order,
                )
            )
            created += 1
        if new_rows:
            s.add_all(new_rows)
            audit.record(
                s,
                actor=actor,
                action="generate",
                entity="check_item",
                entity_id=None,
                summary=f"由管控措施生成排查项 {created} 项",
            )
    return ItemGeneration(created=created, already_covered=already, planned_measures=planned)


def _clean_item(draft: CheckItemDraft) -> CheckItemDraft:
    return replace(
        draft, content=draft.content.strip(), standard=draft.standard.strip(), method=draft.method.strip()
    )


def save_item(db: Database, item_id: int | None, draft: CheckItemDraft, *, actor: str) -> CheckItemRow:
    """Add a free item (``item_id`` None) or change one. An item made from a measure keeps its risk
    point (it follows its hazard); everything else the user may change, and keeps."""
    draft = _clean_item(draft)
    raise_problem(item_problem(draft))
    with db.session() as s:
        if draft.risk_point_id is not None and s.get(RiskPoint, draft.risk_point_id) is None:
            raise ValidationError("所选风险点已不存在，请重新选择", "risk_point_id")
        values: dict[str, Any] = {
            "content": draft.content,
            "standard": draft.standard,
            "method": draft.method,
            "check_type": draft.check_type,
            "control_tier": draft.control_tier,
            "frequency": draft.frequency,
            "is_active": draft.is_active,
        }
        if item_id is None:
            order = queries.max_item_sort_order(session=s) + 1
            row = CheckItem(**values, risk_point_id=draft.risk_point_id, is_custom=True, sort_order=order)
            s.add(row)
            s.flush()
            audit.record(s, actor=actor, action="create", entity="check_item", entity_id=row.id,
                         summary=f"新增排查项：{draft.content[:40]}", changes=audit.diff({}, values))  # fmt: skip
        else:
            row = get_or_raise(s, CheckItem, item_id, "排查项")
            if row.is_custom:
                values["risk_point_id"] = draft.risk_point_id
            changes = audit.diff({k: getattr(row, k) for k in values}, values)
            for key, value in values.items():
                setattr(row, key, value)
            s.add(row)
            if changes:
                audit.record(s, actor=actor, action="update", entity="check_item", entity_id=row.id,
                             summary=f"修改排查项：{row.content[:40]}", changes=changes)  # fmt: skip
        s.flush()
        new_id = row.id or 0
    return get_item(db, new_id)


def set_item_active(db: Database, item_id: int, active: bool, *, actor: str) -> CheckItemRow:
    """停用 an item (it leaves the forms but stays in past records) or 启用 it again."""
    with db.session() as s:
        row = get_or_raise(s, CheckItem, item_id, "排查项")
        if row.is_active != active:
            row.is_active = active
            s.add(row)
            audit.record(s, actor=actor, action="update", entity="check_item", entity_id=item_id,
                         summary=f"{'启用' if active else '停用'}排查项：{row.content[:40]}",
                         changes={"is_active": [not active, active]})  # fmt: skip
    return get_item(db, item_id)


def delete_item(db: Database, item_id: int, *, actor: str) -> None:
    """Delete a free item never used in a record; anything else can only be switched off (an item
    made from a measure would otherwise come back at the next generation)."""
    with db.session() as s:
        row = get_or_raise(s, CheckItem, item_id, "排查项")
        if not row.is_custom:
            raise ConflictError("由管控措施生成的排查项不能删除（重新生成时会再次出现），可以停用")
        used = queries.item_result_count(session=s, item_id=item_id)
        if used:
            raise ConflictError(f"该排查项已在 {used} 次排查记录中使用，不能删除，可以停用")
        s.delete(row)
        audit.record(s, actor=actor, action="delete", entity="check_item", entity_id=item_id,
                     summary=f"删除排查项：{row.content[:40]}")  # fmt: skip
