"""Risk vocabulary (domain.md §1–§3): levels and colours, risk-point kinds, control tiers,
control-measure categories, evaluation methods and stages."""

from collections.abc import Collection
from dataclasses import dataclass
from enum import IntEnum, StrEnum


@dataclass(frozen=True)
class LevelColour:
    """How a level is painted: screen RGB, print CMYK (0–100), and the text colour on it."""

    key: str
    name: str
    rgb: tuple[int, int, int]
    cmyk: tuple[int, int, int, int]
    text_rgb: tuple[int, int, int]

    @property
    def hex(self) -> str:
        return "#{:02X}{:02X}{:02X}".format(*self.rgb)


_WHITE = (255, 255, 255)
_BLACK = (0, 0, 0)


class RiskLevel(IntEnum):
    """风险等级. 1 is the most severe; a smaller number always wins ("从严从高")."""

    MAJOR = 1
    SIGNIFICANT = 2
    GENERAL = 3
    LOW = 4

    @property
    def label(self) -> str:
        """重大风险 / 较大风险 / 一般风险 / 低风险."""
        return _LEVEL_LABELS[self]

    @property
    def short_label(self) -> str:
        """重大 / 较大 / 一般 / 低."""
        return _LEVEL_LABELS[self][:-2]

    @property
    def colour(self) -> LevelColour:
        return _LEVEL_COLOURS[self]

    @classmethod
    def from_label(cls, text: str) -> "RiskLevel":
        for level in cls:
            if text in (level.label, level.short_label, level.colour.name):
                return level
        raise ValueError(f"unknown risk level: {text!r}")


_LEVEL_LABELS = {
    RiskLevel.MAJOR: "重大风险",
    RiskLevel.SIGNIFICANT: "较大风险",
    RiskLevel.GENERAL: "一般风险",
    RiskLevel.LOW: "低风险",
}

# Low risk is blue, never green (domain.md §2).
_LEVEL_COLOURS = {
    RiskLevel.MAJOR: LevelColour("red", "红", (255, 0, 0), (0, 100, 100, 0), _WHITE),
    RiskLevel.SIGNIFICANT: LevelColour("orange", "橙", (255, 128, 0), (0, 50, 100, 0), _BLACK),
    RiskLevel.GENERAL: LevelColour("yellow", "黄", (255, 255, 0), (0, 0, 100, 0), _BLACK),
    RiskLevel.LOW: LevelColour("blue", "蓝", (0, 112, 192), (100, 42, 0, 25), _WHITE),
}


class RiskPointKind(StrEnum):
    """风险点类型."""

    EQUIPMENT = "equipment"
    ACTIVITY = "activity"
    PLACE = "place"

    @property
    def label(self) -> str:
        return {"equipment": "设备设施", "activity": "作业活动", "place": "场所区域"}[self.value]

    @property
    def uses_job_steps(self) -> bool:
        """Activities are analysed by JHA job steps; equipment and places by SCL items."""
        return self is RiskPointKind.ACTIVITY


class ControlTier(StrEnum):
    """管控层级, from the top. A tier also watches everything the tiers below it watch."""

    COMPANY = "company"
    WORKSHOP = "workshop"
    TEAM = "team"
    POST = "post"

    @property
    def label(self) -> str:
        return {"company": "公司级", "workshop": "车间级", "team": "班组级", "post": "岗位级"}[self.value]

    @property
    def rank(self) -> int:
        return list(ControlTier).index(self)

    def tiers_watching(self) -> list["ControlTier"]:
        """This tier and every tier below it (a 公司级 risk is watched by 车间, 班组 and 岗位 too)."""
        return [t for t in ControlTier if t.rank >= self.rank]


DEFAULT_TIER_BY_LEVEL: dict[RiskLevel, ControlTier] = {
    RiskLevel.MAJOR: ControlTier.COMPANY,
    RiskLevel.SIGNIFICANT: ControlTier.COMPANY,
    RiskLevel.GENERAL: ControlTier.WORKSHOP,
    RiskLevel.LOW: ControlTier.TEAM,
}
"""domain.md §3.5 default; the enterprise may edit it (stored as a setting)."""

ALTERNATIVE_TIER_BY_LEVEL: dict[RiskLevel, ControlTier] = {
    RiskLevel.MAJOR: ControlTier.COMPANY,
    RiskLevel.SIGNIFICANT: ControlTier.WORKSHOP,
    RiskLevel.GENERAL: ControlTier.TEAM,
    RiskLevel.LOW: ControlTier.POST,
}


class ControlMeasureCategory(StrEnum):
    """管控措施 categories, in the order they are preferred and printed."""

    ENGINEERING = "engineering"
    MANAGEMENT = "management"
    TRAINING = "training"
    PPE = "ppe"
    EMERGENCY = "emergency"

    @property
    def label(self) -> str:
        return {
            "engineering": "工程技术措施",
            "management": "管理措施",
            "training": "培训教育措施",
            "ppe": "个体防护措施",
            "emergency": "应急处置措施",
        }[self.value]

    @property
    def order(self) -> int:
        return list(ControlMeasureCategory).index(self)


class EvaluationMethod(StrEnum):
    """风险评价方法."""

    LEC = "LEC"
    LS = "LS"
    DIRECT = "DIRECT"

    @property
    def label(self) -> str:
        return {"LEC": "作业条件危险性评价法(LEC)", "LS": "风险矩阵法(LS)", "DIRECT": "直接判定"}[self.value]


class RiskStage(StrEnum):
    """固有风险 (without measures) or 现有风险 (with the measures in place); current ≤ inherent."""

    INHERENT = "inherent"
    CURRENT = "current"

    @property
    def label(self) -> str:
        return {"inherent": "固有风险", "current": "现有风险"}[self.value]


# --- 风险点编号 ------------------------------------------------------------------------------------

RISK_POINT_CODE_HEAD = "FX"


def risk_point_code_prefix(area_code: str) -> str:
    """``FX-JJ-`` for a risk point in the area coded ``JJ``; ``FX-`` when the area has no code."""
    area_code = area_code.strip()
    return f"{RISK_POINT_CODE_HEAD}-{area_code}-" if area_code else f"{RISK_POINT_CODE_HEAD}-"


def next_risk_point_code(prefix: str, taken: Collection[str]) -> str:
    """The next free code under ``prefix``, three digits: after FX-JJ-008 comes FX-JJ-009 (gaps left
    by deleted points are not reused, so a printed code never comes to mean another point)."""
    serials = [
        int(code[len(prefix) :])
        for code in taken
        if code.startswith(prefix) and code[len(prefix) :].isdigit()
    ]
    n = max(serials, default=0) + 1
    while f"{prefix}{n:03d}" in taken:
        n += 1
    return f"{prefix}{n:03d}"
