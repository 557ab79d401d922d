"""管控层级 vs 责任人: a 重大/较大 risk at 公司级 needs a company-level owner."""

import pytest

from dualprev.domain.organisation import DepartmentKind
from dualprev.domain.risk import ControlTier, RiskLevel
from dualprev.domain.tier_owner import is_company_level, tier_owner_problem

_D, _W, _T = DepartmentKind.DEPARTMENT, DepartmentKind.WORKSHOP, DepartmentKind.TEAM


@pytest.mark.parametrize("level", [RiskLevel.MAJOR, RiskLevel.SIGNIFICANT])
def test_company_tier_major_and_significant_need_a_company_owner(level: RiskLevel) -> None:
    assert tier_owner_problem(level, ControlTier.COMPANY, _D, True) is None
    for kind in (_W, _T, None):
        problem = tier_owner_problem(level, ControlTier.COMPANY, kind, True)
        assert problem is not None and "公司职能部门" in problem
    missing = tier_owner_problem(level, ControlTier.COMPANY, None, False)
    assert missing is not None and missing.startswith(f"{level.label}由公司级管控，请指定公司级责任人")


def test_other_levels_and_tiers_are_left_alone() -> None:
    assert tier_owner_problem(RiskLevel.GENERAL, ControlTier.COMPANY, _T, True) is None
    assert tier_owner_problem(RiskLevel.MAJOR, ControlTier.WORKSHOP, _T, True) is None
    assert tier_owner_problem(None, ControlTier.COMPANY, _T, True) is None
    assert is_company_level(_D) and not is_company_level(_W) and not is_company_level(None)
