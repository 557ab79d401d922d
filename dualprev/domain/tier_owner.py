"""管控层级 vs 责任人 (domain.md §3.5): a 重大 or 较大 risk controlled at 公司级 must have a company-level
owner — a person of a company department (公司领导、职能部门), not of a workshop or team. The risk
editor warns, and the risk list and 重大风险公告 flag a hazard that breaks it."""

from dualprev.domain.organisation import DepartmentKind
from dualprev.domain.risk import ControlTier, RiskLevel

MISMATCH_MARK = "（应为公司级责任人）"
MISMATCH_NOTE = (
    "责任人后注“应为公司级责任人”的：该重大/较大风险由公司级管控，但责任人不属于公司领导或公司职能部门，"
    "请改为公司级责任人。"
)


def is_company_level(department_kind: DepartmentKind | None) -> bool:
    """A person of a company department (部门) is company-level; one of a 车间 or 班组, or without a
    department, is not."""
    return department_kind is DepartmentKind.DEPARTMENT


def tier_owner_problem(
    level: RiskLevel | None, tier: ControlTier | None, owner_kind: DepartmentKind | None, has_owner: bool
) -> str | None:
    """Why the owner does not fit the tier, or None."""
    if level not in (RiskLevel.MAJOR, RiskLevel.SIGNIFICANT) or tier is not ControlTier.COMPANY:
        return None
    if not has_owner:
        return f"{level.label}由公司级管控，请指定公司级责任人（公司领导或公司职能部门人员）"
    if not is_company_level(owner_kind):
        return f"{level.label}由公司级管控，责任人应为公司领导或公司职能部门人员，而不是车间、班组人员"
    return None
