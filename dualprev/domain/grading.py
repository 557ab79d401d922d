"""Grading engine (domain.md §3): schemes are data, scores are exact.

A scheme is a named, versioned table of factor ladders and lower-inclusive bands
(``low ≤ score < high``, the top band open-ended). Scores are computed with Decimal so that
``0.2 × 6 × 15`` is exactly 18.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from dualprev.domain.risk import EvaluationMethod, RiskLevel

D = Decimal


@dataclass(frozen=True)
class FactorValue:
    value: Decimal
    meaning: str


@dataclass(frozen=True)
class Factor:
    """One factor of a method (L, E, C or S) with the values its scale allows."""

    key: str
    name: str
    values: tuple[FactorValue, ...]

    def allowed(self) -> list[Decimal]:
        return [v.value for v in self.values]

    def meaning(self, value: Decimal) -> str:
        for v in self.values:
            if v.value == value:
                return v.meaning
        raise KeyError(value)


@dataclass(frozen=True)
class Band:
    """A score band: ``low ≤ score < high``; ``high`` None is open-ended, ``low`` None has no floor."""

    number: int
    low: Decimal | None
    high: Decimal | None
    label: str
    level: RiskLevel

    def contains(self, score: Decimal) -> bool:
        return (self.low is None or score >= self.low) and (self.high is None or score < self.high)


@dataclass(frozen=True)
class GradingScheme:
    code: str
    name: str
    method: EvaluationMethod
    version: int
    factors: tuple[Factor, ...]
    bands: tuple[Band, ...]

    def factor(self, key: str) -> Factor:
        for f in self.factors:
            if f.key == key:
                return f
        raise KeyError(key)

    def band_for(self, score: Decimal) -> Band:
        matches = [b for b in self.bands if b.contains(score)]
        if len(matches) != 1:
            raise ValueError(f"scheme {self.code} has {len(matches)} bands for score {score}")
        return matches[0]


@dataclass(frozen=True)
class Grade:
    """The outcome of grading one set of factor values."""

    method: EvaluationMethod
    scheme: str
    score: Decimal
    band: int
    band_label: str
    level: RiskLevel


class FactorOutOfScale(ValueError):
    """A factor value the scheme's ladder does not allow; the message names the allowed values."""

    def __init__(self, factor: Factor, value: Decimal | str) -> None:
        allowed = "、".join(format_decimal(v) for v in factor.allowed())
        super().__init__(f"{factor.key}（{factor.name}）的取值 {value} 不在量表内，允许的取值：{allowed}")
        self.factor = factor
        self.value = value


def format_decimal(value: Decimal) -> str:
    """Exact, shortest text: 18 not 18.0, 0.5 not 0.50."""
    text = format(value.normalize(), "f")
    return text


def grade(scheme: GradingScheme, values: Mapping[str, Decimal | int | str]) -> Grade:
    """Grade the product of ``values`` (keyed by factor key) under ``scheme``.

    Raises FactorOutOfScale for a value off a factor's ladder, KeyError for a missing factor.
    """
    score = D(1)
    for factor in scheme.factors:
        raw = values[factor.key]
        try:
            value = D(str(raw))
        except ArithmeticError:
            raise FactorOutOfScale(factor, str(raw)) from None
        if value not in factor.allowed():
            raise FactorOutOfScale(factor, str(raw))
        score *= value
    band = scheme.band_for(score)
    return Grade(scheme.method, scheme.code, score.normalize(), band.number, band.label, band.level)


def highest_level(levels: Iterable[RiskLevel | None]) -> RiskLevel | None:
    """从严从高: the most severe of ``levels`` (None entries are unevaluated), or None if none."""
    known = [lv for lv in levels if lv is not None]
    return min(known) if known else None


# --- presets -----------------------------------------------------------------------------------

LEC_L = Factor("L", "事故发生的可能性", (
    FactorValue(D("10"), "完全可以预料"),
    FactorValue(D("6"), "相当可能"),
    FactorValue(D("3"), "可能，但不经常"),
    FactorValue(D("1"), "可能性小，完全意外"),
    FactorValue(D("0.5"), "很不可能，可以设想"),
    FactorValue(D("0.2"), "极不可能"),
    FactorValue(D("0.1"), "实际不可能"),
))  # fmt: skip
LEC_E = Factor("E", "暴露于危险环境的频繁程度", (
    FactorValue(D("10"), "连续暴露"),
    FactorValue(D("6"), "每天工作时间内暴露"),
    FactorValue(D("3"), "每周一次或偶然暴露"),
    FactorValue(D("2"), "每月一次暴露"),
    FactorValue(D("1"), "每年几次暴露"),
    FactorValue(D("0.5"), "非常罕见地暴露"),
))  # fmt: skip
LEC_C = Factor("C", "发生事故产生的后果", (
    FactorValue(D("100"), "大灾难，许多人死亡（≥10人死亡）"),
    FactorValue(D("40"), "灾难，数人死亡（3～9人）"),
    FactorValue(D("15"), "非常严重，一人死亡（1～2人）"),
    FactorValue(D("7"), "严重，重伤"),
    FactorValue(D("3"), "重大，致残"),
    FactorValue(D("1"), "引人注目，需要救护"),
))  # fmt: skip

LS_L = Factor("L", "可能性", (
    FactorValue(D("5"), "现场没有预防、检测、保护措施，或偏差不能被发现，或正常情况下经常发生"),
    FactorValue(D("4"), "危害的发生不容易被发现，从未检测，或有控制措施但未有效执行或不适当，或预期情况下经常发生"),
    FactorValue(D("3"), "没有保护措施或未严格按操作程序执行，或可被发现/曾经监测，或曾经发生类似事件或异常情况下发生"),
    FactorValue(D("2"), "偏差能及时发现并定期监测，或有效控制措施且执行，或过去偶尔发生"),
    FactorValue(D("1"), "有充分有效的预防、监测、保护措施，员工安全意识高并严格执行，极不可能发生"),
))  # fmt: skip
LS_S = Factor("S", "严重性", (
    FactorValue(D("5"), "违反法律法规和标准；死亡；直接经济损失>50万元；部分装置或设备停工；重大国际、国内影响"),
    FactorValue(D("4"), "潜在违反法规和标准；丧失劳动能力；>25万元；2套装置或设备停工；行业内、省内影响"),
    FactorValue(D("3"), "不符合上级或行业安全方针、制度；截肢、骨折、听力丧失、慢性病；>10万元；1套装置或设备停工；地区影响"),
    FactorValue(D("2"), "不符合企业安全操作程序、规定；轻微受伤、间歇不舒服；<10万元；几乎不停工；公司及周边范围"),
    FactorValue(D("1"), "完全符合；无伤亡；无损失；没有停工；形象没有受损"),
))  # fmt: skip

_L = RiskLevel
LEC_4C = GradingScheme("LEC-4C", "LEC 四级（默认）", EvaluationMethod.LEC, 1, (LEC_L, LEC_E, LEC_C), (
    Band(1, D(320), None, "极其危险，不能继续作业", _L.MAJOR),
    Band(2, D(160), D(320), "高度危险，要立即整改", _L.SIGNIFICANT),
    Band(3, D(70), D(160), "显著危险，需要整改", _L.GENERAL),
    Band(4, None, D(70), "一般或稍有危险，需要注意", _L.LOW),
))  # fmt: skip
LEC_SD5 = GradingScheme("LEC-SD5", "LEC 五级（山东）", EvaluationMethod.LEC, 1, (LEC_L, LEC_E, LEC_C), (
    Band(1, D(320), None, "极其危险", _L.MAJOR),
    Band(2, D(160), D(320), "高度危险", _L.SIGNIFICANT),
    Band(3, D(70), D(160), "显著危险", _L.GENERAL),
    Band(4, D(20), D(70), "一般危险", _L.LOW),
    Band(5, None, D(20), "稍有危险", _L.LOW),
))  # fmt: skip


def _ls(code: str, name: str, major: int, significant: int, general: int) -> GradingScheme:
    return GradingScheme(code, name, EvaluationMethod.LS, 1, (LS_L, LS_S), (
        Band(1, D(major), None, "重大风险", _L.MAJOR),
        Band(2, D(significant), D(major), "较大风险", _L.SIGNIFICANT),
        Band(3, D(general), D(significant), "一般风险", _L.GENERAL),
        Band(4, None, D(general), "低风险", _L.LOW),
    ))  # fmt: skip


LS_SD = _ls("LS-SD", "LS 矩阵（山东，默认）", 20, 15, 9)
LS_4 = _ls("LS-4", "LS 矩阵（四级）", 20, 10, 4)
LS_HG = _ls("LS-HG", "LS 矩阵（化工 JHA）", 15, 8, 4)

PRESET_SCHEMES: tuple[GradingScheme, ...] = (LEC_4C, LEC_SD5, LS_SD, LS_4, LS_HG)
DEFAULT_SCHEME_CODES: dict[EvaluationMethod, str] = {
    EvaluationMethod.LEC: LEC_4C.code,
    EvaluationMethod.LS: LS_SD.code,
}


def preset(code: str) -> GradingScheme:
    for scheme in PRESET_SCHEMES:
        if scheme.code == code:
            return scheme
    raise KeyError(code)


@dataclass(frozen=True)
class DirectJudgementItem:
    """One 直接判定 criterion; ticking it grades the hazard at ``level``."""

    key: str
    text: str
    level: RiskLevel = RiskLevel.MAJOR


DEFAULT_DIRECT_JUDGEMENT_ITEMS: tuple[DirectJudgementItem, ...] = (
    DirectJudgementItem("law", "违反法律、法规及国家标准、行业标准中强制性条款的"),
    DirectJudgementItem("accident", "发生过死亡、重伤、职业病、重大财产损失事故，或三次及以上轻伤、一般财产损失事故，且现在发生事故的条件依然存在的"),
    DirectJudgementItem("major_hazard_source", "涉及重大危险源（GB 18218）的"),
    DirectJudgementItem("crowded_place", "具有中毒、爆炸、火灾等危险的场所，作业人员在10人及以上的"),
    DirectJudgementItem("major_hidden_danger", "符合《工贸企业重大事故隐患判定标准》（应急管理部令第10号）所列情形的"),
)  # fmt: skip


def direct_grade(items: Sequence[DirectJudgementItem]) -> RiskLevel | None:
    """The level set by the ticked direct-judgement items (the most severe), or None if none ticked."""
    return highest_level(item.level for item in items)
