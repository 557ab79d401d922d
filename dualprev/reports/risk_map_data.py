"""Plain data a 风险四色分布图 sheet is drawn from: one floor plan with its coloured zones, the
重大/较大 risks it covers, and the sheet's sign-off. Filled by ``services.risk_map_service``;
tests build them by hand. No sessions, no Qt.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from dualprev.domain.risk import RiskLevel
from dualprev.domain.risk_map import Point


class MapPaper(StrEnum):
    """Paper the map is printed on, always landscape. A3 is the default (a notice board)."""

    A4 = "A4"
    A3 = "A3"
    A2 = "A2"

    @property
    def size_mm(self) -> tuple[float, float]:
        """(width, height) in landscape."""
        return {"A4": (297.0, 210.0), "A3": (420.0, 297.0), "A2": (594.0, 420.0)}[self.value]


class MapStyle(StrEnum):
    """How levels are told apart: by their true colours (domain.md §2), or — for a black-and-white
    printer — by an outline and a hatch per level on white."""

    COLOUR = "colour"
    MONO = "mono"


@dataclass(frozen=True)
class MapZoneData:
    """A zone as printed: vertices in plan pixels, its level (None: nothing evaluated in it), and
    where and what its label says."""

    name: str
    points: tuple[Point, ...]
    level: RiskLevel | None
    label_at: Point
    label_lines: tuple[str, ...]


@dataclass(frozen=True)
class MajorRiskRow:
    """One 重大 or 较大 risk point in the table beside the map."""

    level: RiskLevel
    code: str
    name: str
    location: str
    """The zones (else the area) it lies in."""
    accident_types: str
    responsible: str
    """责任单位 and 责任人."""


@dataclass(frozen=True)
class RiskMapSheet:
    enterprise: str
    plan_name: str
    image_path: Path
    image_width: int
    image_height: int
    zones: tuple[MapZoneData, ...]
    major_risks: tuple[MajorRiskRow, ...]
    printed_on: date
    paper: MapPaper = MapPaper.A3
    drawn_by: str = ""
    checked_by: str = ""
    style: MapStyle = MapStyle.COLOUR
    north_angle: float | None = 0.0
    """Where north points on the plan, in degrees clockwise from the top of the sheet; None when
    the plan image carries its own north arrow (the sheet then draws none)."""

    @property
    def title(self) -> str:
        return f"{self.enterprise} 安全风险四色分布图".strip()
