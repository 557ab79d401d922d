"""The 开始使用 guide of a new enterprise: departments → people → posts → areas → risk points from the
library → post cards, each step done or not according to what the database holds."""

from dataclasses import dataclass

from dualprev.storage.db import Database
from dualprev.storage.queries import database_summary


@dataclass(frozen=True)
class SetupStep:
    """One step: what to do, where (a page key and, for 企业信息, its tab), and whether it is done."""

    key: str
    title: str
    hint: str
    page: str
    tab: int | None
    done: bool
    count: int


_STEPS: tuple[tuple[str, str, str, str, int | None], ...] = (
    ("departments", "部门/车间", "录入部门、车间和班组", "enterprise", 1),
    ("people", "人员", "录入人员及其部门、岗位、电话（可从 Excel 导入）", "enterprise", 2),
    ("posts", "岗位", "录入岗位及其所属部门、作业场所", "enterprise", 3),
    ("areas", "区域", "录入区域（风险点按区域编号）", "enterprise", 4),
    ("risk_points", "风险点", "从辨识库添加风险点，结合现场复核评价", "risk", None),
    ("card_prints", "告知卡", "生成并打印岗位安全风险告知卡", "post_cards", None),
)


def setup_progress(db: Database) -> tuple[SetupStep, ...]:
    """The guide's steps in order, each done once its records exist."""
    with db.read_session() as s:
        counts = database_summary.setup_counts(session=s)
    return tuple(
        SetupStep(key, title, hint, page, tab, counts.get(key, 0) > 0, counts.get(key, 0))
        for key, title, hint, page, tab in _STEPS
    )
