"""What the hazard list (危险源清单) can be filtered and sorted by: the one spec the page, the service
and the SQL query share."""

from dataclasses import dataclass
from enum import StrEnum

from dualprev.domain.risk import EvaluationMethod, RiskLevel


@dataclass(frozen=True)
class HazardFilter:
    area_id: int | None = None
    risk_point_id: int | None = None
    level: RiskLevel | None = None
    """Matches the current level."""
    method: EvaluationMethod | None = None
    """Matches the method of the latest current evaluation."""
    accident_type_id: int | None = None
    keyword: str = ""
    """Found in description, step/item, risk point name or code, or consequence."""
    unevaluated_only: bool = False
    """Only hazards without a current evaluation."""


class HazardSort(StrEnum):
    AREA = "area"
    RISK_POINT = "risk_point"
    STEP = "step"
    DESCRIPTION = "description"
    METHOD = "method"
    SCORE = "score"
    LEVEL = "level"
    TIER = "tier"
