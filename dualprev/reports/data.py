"""Plain data the risk reports are built from (issue 3): the enterprise, and its risk points with
their hazards, each hazard's latest current evaluation and its control measures.

Frozen dataclasses, no sessions, no Qt: ``services.risk_report_service`` fills them from the
database, tests build them by hand. Values are already resolved for printing: a hazard's
responsible department/person fall back to its risk point's, its control tier to the enterprise's
tier table.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from dualprev.domain.grading import highest_level
from dualprev.domain.risk import (
    ControlMeasureCategory,
    ControlTier,
    EvaluationMethod,
    RiskLevel,
    RiskPointKind,
)


@dataclass(frozen=True)
class EnterpriseHeader:
    name: str
    principal_name: str = ""
    principal_phone: str = ""
    safety_manager_name: str = ""
    safety_manager_phone: str = ""
    duty_phone: str = ""
    accident_vocabulary: str = ""
    """The 事故类型 classification in use ("GB6441-2025"); exports print it under the table."""


@dataclass(frozen=True)
class EvaluationData:
    """One 风险评价 as recorded. Factors not used by the method are None; a 直接判定 has no score."""

    method: EvaluationMethod
    level: RiskLevel
    evaluated_on: date
    scheme_code: str = ""
    score: Decimal | None = None
    l_value: Decimal | None = None
    e_value: Decimal | None = None
    c_value: Decimal | None = None
    s_value: Decimal | None = None
    band: int | None = None
    band_label: str = ""
    assessor_name: str = ""
    direct_reasons: tuple[str, ...] = ()

    @property
    def severity_value(self) -> Decimal | None:
        """The S/C column: C for LEC, S for LS."""
        return self.c_value if self.method is EvaluationMethod.LEC else self.s_value


@dataclass(frozen=True)
class MeasureData:
    """A 管控措施: existing (现有) or planned (建议新增)."""

    category: ControlMeasureCategory
    content: str
    is_existing: bool = True


@dataclass(frozen=True)
class HazardData:
    """危险源: one JHA step or SCL item of a risk point."""

    description: str
    seq: int = 0
    step_or_item: str = ""
    standard: str = ""
    consequence: str = ""
    accident_types: tuple[str, ...] = ()
    current: EvaluationData | None = None
    measures: tuple[MeasureData, ...] = ()
    """In category order (ControlMeasureCategory), then as the user sorted them."""
    suggested_measures: str = ""
    control_tier: ControlTier | None = None
    responsible_department: str = ""
    responsible_person: str = ""
    responsible_phone: str = ""
    note: str = ""
    owner_mismatch: bool = False
    """A 重大/较大 risk at 公司级 whose 责任人 is not company-level (domain.tier_owner)."""
    id: int = 0

    @property
    def level(self) -> RiskLevel | None:
        return self.current.level if self.current else None

    def existing_measures(self, category: ControlMeasureCategory) -> tuple[str, ...]:
        return tuple(m.content for m in self.measures if m.is_existing and m.category is category)

    @property
    def planned_measures(self) -> tuple[str, ...]:
        """建议新增(改进)措施: planned measures, then the free-text suggestion if it adds anything."""
        planned = [m.content for m in self.measures if not m.is_existing]
        extra = self.suggested_measures.strip()
        if extra and extra not in planned:
            planned.append(extra)
        return tuple(planned)


@dataclass(frozen=True)
class RiskPointData:
    """风险点 with its hazards in ``seq`` order."""

    code: str
    name: str
    kind: RiskPointKind
    hazards: tuple[HazardData, ...] = ()
    area: str = ""
    location: str = ""
    department: str = ""
    """责任单位."""
    responsible_person: str = ""
    responsible_phone: str = ""
    asset_no: str = ""
    model_spec: str = ""
    activity_content: str = ""
    activity_frequency: str = ""
    posts: tuple[str, ...] = ()
    note: str = ""
    reviewer_name: str = ""
    """审核人 of its JHA/SCL record; "" when it is to be signed by hand."""
    reviewed_on: date | None = None
    approver_name: str = ""
    """审定人 of its JHA/SCL record."""
    approved_on: date | None = None
    id: int = 0

    @property
    def level(self) -> RiskLevel | None:
        """从严从高: the most severe current level of its hazards; None when none is evaluated."""
        return highest_level(h.level for h in self.hazards)

    @property
    def place(self) -> str:
        """区域位置 as printed: the recorded location, else the area's name."""
        return self.location or self.area

    @property
    def accident_types(self) -> tuple[str, ...]:
        """可能导致的事故类型 of all its hazards, each once, in first-seen order."""
        return tuple(dict.fromkeys(t for h in self.hazards for t in h.accident_types))

    @property
    def control_tier(self) -> ControlTier | None:
        """The most senior tier any of its hazards is controlled at."""
        tiers = [h.control_tier for h in self.hazards if h.control_tier is not None]
        return min(tiers, key=lambda t: t.rank) if tiers else None

    @property
    def evaluations(self) -> tuple[EvaluationData, ...]:
        return tuple(h.current for h in self.hazards if h.current is not None)


@dataclass(frozen=True)
class RiskReportData:
    """Everything the risk exports print, ordered by area, risk point code and hazard seq."""

    enterprise: EnterpriseHeader
    printed_on: date
    risk_points: tuple[RiskPointData, ...]

    @property
    def hazard_count(self) -> int:
        return sum(len(p.hazards) for p in self.risk_points)

    def of_kind(self, *kinds: RiskPointKind) -> tuple[RiskPointData, ...]:
        return tuple(p for p in self.risk_points if p.kind in kinds)
