"""应急预案 and 应急演练: the three kinds of plan (GB/T 29639) and the forms a drill takes."""

from enum import StrEnum


class EmergencyPlanKind(StrEnum):
    COMPREHENSIVE = "comprehensive"
    SPECIAL = "special"
    ON_SITE = "on_site"

    @property
    def label(self) -> str:
        return {
            EmergencyPlanKind.COMPREHENSIVE: "综合应急预案",
            EmergencyPlanKind.SPECIAL: "专项应急预案",
            EmergencyPlanKind.ON_SITE: "现场处置方案",
        }[self]


class DrillForm(StrEnum):
    TABLETOP = "tabletop"
    LIVE = "live"

    @property
    def label(self) -> str:
        return "桌面演练" if self is DrillForm.TABLETOP else "实战演练"


def drill_problems(scenario: str, participants: str) -> dict[str, str]:
    """What a drill record must say: the scenario drilled and who took part."""
    problems: dict[str, str] = {}
    if not scenario.strip():
        problems["scenario"] = "请填写演练情景（如：焊接车间气瓶泄漏着火）"
    if not participants.strip():
        problems["participants"] = "请填写参演人员"
    return problems
