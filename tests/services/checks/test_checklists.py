"""The hidden danger a failed item opens is pre-filled from the checklist item."""

from datetime import timedelta

from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import HiddenDangerCategory, HiddenDangerSource, OwnerTier
from dualprev.domain.risk import ControlMeasureCategory, ControlTier
from dualprev.services.checks import checklists
from dualprev.storage.db import Database

from .conftest import TODAY, todays_task


def test_failed_item_draft_prefills_where_what_and_when(demo_db: Database) -> None:
    checklist = checklists.checklist(demo_db, task_id=todays_task(demo_db).id)
    item = checklist.items[0]
    draft = checklists.failed_item_draft(
        item, checked_on=TODAY, check_type=CheckType.DAILY, checker_names=" 吴志强 "
    )
    assert draft.description == f"{item.content}——排查不符合要求"
    assert (draft.risk_point_id, draft.area_id, draft.location) == (
        item.risk_point_id,
        item.area_id,
        item.location,
    )
    assert draft.basis == item.standard and draft.finder_names == "吴志强"
    assert draft.category is HiddenDangerCategory.SITE and draft.source is HiddenDangerSource.CHECK
    company = checklists.ChecklistItem(item_id=None, content="安全生产责任制考核记录齐全", control_tier=ControlTier.COMPANY,
                               measure_category=ControlMeasureCategory.MANAGEMENT)  # fmt: skip
    other = checklists.failed_item_draft(
        company, checked_on=TODAY, check_type=None, checker_names="x", place="安全环保部"
    )
    assert other.owner_tier is OwnerTier.COMPANY and other.deadline == TODAY + timedelta(days=7)
    assert other.category is HiddenDangerCategory.MANAGEMENT and other.location == "安全环保部"
