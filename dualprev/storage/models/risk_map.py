"""风险四色分布图: floor plans and the zones drawn on them."""

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from dualprev.domain.risk_map import ZoneShape
from dualprev.storage.models.columns import enum_field, foreign_key, utcnow


class FloorPlan(SQLModel, table=True):
    """A floor-plan image (file beside the database); several per enterprise."""

    __tablename__ = "floor_plan"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100)
    file_name: str = Field(max_length=100)
    width: int
    height: int
    sort_order: int = 0
    note: str = ""
    created_at: datetime = Field(default_factory=utcnow)


class MapZone(SQLModel, table=True):
    """A zone drawn on a floor plan: an area, or linked to risk points. Points in plan pixels (JSON)."""

    __tablename__ = "map_zone"

    id: int | None = Field(default=None, primary_key=True)
    floor_plan_id: int = foreign_key("floor_plan.id", ondelete="CASCADE", nullable=False)
    name: str = Field(max_length=100)
    area_id: int | None = foreign_key("area.id")
    shape: ZoneShape = enum_field(ZoneShape, default=ZoneShape.RECT)
    points: str = "[]"  # JSON [[x, y], ...]
    label_x: float | None = None
    label_y: float | None = None
    show_counts: bool = False
    sort_order: int = 0


class MapZoneRiskPoint(SQLModel, table=True):
    __tablename__ = "map_zone_risk_point"

    zone_id: int = Field(
        sa_column=Column(Integer, ForeignKey("map_zone.id", ondelete="CASCADE"), primary_key=True)
    )
    risk_point_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("risk_point.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )
