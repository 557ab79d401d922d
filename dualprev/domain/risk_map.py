"""Risk-map vocabulary: zone shapes on a floor plan."""

from enum import StrEnum


class ZoneShape(StrEnum):
    RECT = "rect"
    POLYGON = "polygon"

    @property
    def label(self) -> str:
        return {"rect": "矩形", "polygon": "多边形"}[self.value]
