"""Grading engine (domain.md §3): schemes are data, scores are exact.

A scheme is a named, versioned table of factor ladders and lower-inclusive bands
(``low ≤ score < high``, the top band open-ended). Scores are computed with Decimal so that
``0.2 × 6 × 15`` is exactly 18.
"""

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

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
        # NaN and sNaN cannot even be compared (sNaN raises), and no ladder holds an infinity.
        if not value.is_finite() or value not in factor.allowed():
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


# --- schemes as data: JSON form and validation of a custom scheme --------------------------------

SCHEME_FORMAT = 1
"""Version of the JSON layout written by :func:`scheme_to_dict`."""

FACTOR_KEYS: dict[EvaluationMethod, tuple[str, ...]] = {
    EvaluationMethod.LEC: ("L", "E", "C"),
    EvaluationMethod.LS: ("L", "S"),
}
"""The factors each scored method multiplies, in display order (the evaluation table has a column each)."""

MAX_CODE_LENGTH = 40
MAX_NAME_LENGTH = 100
MAX_LABEL_LENGTH = 50
MAX_VALUE_TEXT_LENGTH = 10
MAX_LADDER_LENGTH = 20
MAX_BANDS = 10
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


class InvalidScheme(ValueError):
    """A scheme definition that cannot be used; the message (Chinese) says what to fix."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("；".join(problems))
        self.problems = tuple(problems)


def scheme_to_dict(scheme: GradingScheme) -> dict[str, Any]:
    """A JSON-able description of ``scheme``; decimals as exact text so nothing is lost."""
    return {
        "format": SCHEME_FORMAT,
        "code": scheme.code,
        "name": scheme.name,
        "method": scheme.method.value,
        "version": scheme.version,
        "factors": [
            {
                "key": f.key,
                "name": f.name,
                "values": [{"value": format_decimal(v.value), "meaning": v.meaning} for v in f.values],
            }
            for f in scheme.factors
        ],
        "bands": [
            {
                "number": b.number,
                "low": None if b.low is None else format_decimal(b.low),
                "high": None if b.high is None else format_decimal(b.high),
                "label": b.label,
                "level": int(b.level),
            }
            for b in scheme.bands
        ],
    }


def _decimal(raw: object, what: str) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise InvalidScheme([f"{what}应为数字文本，实际为 {raw!r}"])
    try:
        value = D(str(raw).strip())
    except ArithmeticError:
        raise InvalidScheme([f"{what}不是数字：{raw}"]) from None
    if not value.is_finite():
        raise InvalidScheme([f"{what}不是有限的数：{raw}"])
    return value


def _field(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...], what: str) -> Any:
    if key not in data:
        raise InvalidScheme([f"{what}缺少“{key}”"])
    value = data[key]
    if (isinstance(value, bool) and kind is int) or not isinstance(value, kind):
        raise InvalidScheme([f"{what}的“{key}”格式不正确：{value!r}"])
    return value


def scheme_from_dict(data: Mapping[str, Any]) -> GradingScheme:
    """The scheme :func:`scheme_to_dict` described. Raises InvalidScheme for a malformed description.

    Only the structure is checked here; :func:`validate_scheme` checks that the scheme makes sense.
    """
    if not isinstance(data, Mapping):
        raise InvalidScheme([f"分级方案定义应为对象，实际为 {type(data).__name__}"])
    fmt = data.get("format", SCHEME_FORMAT)
    if fmt != SCHEME_FORMAT:
        raise InvalidScheme([f"不支持的分级方案格式版本：{fmt}"])
    method_text = _field(data, "method", str, "分级方案")
    try:
        method = EvaluationMethod(method_text)
    except ValueError:
        raise InvalidScheme([f"未知的评价方法：{method_text}"]) from None
    factors = []
    for i, raw_factor in enumerate(_field(data, "factors", list, "分级方案"), start=1):
        if not isinstance(raw_factor, Mapping):
            raise InvalidScheme([f"第{i}个因素格式不正确"])
        key = _field(raw_factor, "key", str, f"第{i}个因素")
        values = []
        for raw_value in _field(raw_factor, "values", list, f"因素 {key}"):
            if not isinstance(raw_value, Mapping):
                raise InvalidScheme([f"因素 {key} 的取值格式不正确：{raw_value!r}"])
            value = _decimal(raw_value.get("value"), f"因素 {key} 的取值")
            values.append(FactorValue(value, str(raw_value.get("meaning", ""))))
        factors.append(Factor(key, str(raw_factor.get("name", "")), tuple(values)))
    bands = []
    for i, raw_band in enumerate(_field(data, "bands", list, "分级方案"), start=1):
        if not isinstance(raw_band, Mapping):
            raise InvalidScheme([f"第{i}个分级区间格式不正确"])
        number = _field(raw_band, "number", int, f"第{i}个分级区间")
        low, high = raw_band.get("low"), raw_band.get("high")
        level_value = _field(raw_band, "level", int, f"第{i}个分级区间")
        try:
            level = RiskLevel(level_value)
        except ValueError:
            raise InvalidScheme([f"第{i}个分级区间的风险等级应为 1～4，实际为 {level_value}"]) from None
        bands.append(
            Band(
                number,
                None if low is None else _decimal(low, f"第{i}个分级区间的下限"),
                None if high is None else _decimal(high, f"第{i}个分级区间的上限"),
                str(raw_band.get("label", "")),
                level,
            )
        )
    version = _field(data, "version", int, "分级方案") if "version" in data else 1
    return GradingScheme(
        code=str(_field(data, "code", str, "分级方案")),
        name=str(data.get("name", "")),
        method=method,
        version=version,
        factors=tuple(factors),
        bands=tuple(bands),
    )


def reachable_scores(scheme: GradingScheme) -> list[Decimal]:
    """Every distinct score the factor ladders can produce, ascending."""
    scores = {D(1)}
    for factor in scheme.factors:
        scores = {s * v for s in scores for v in factor.allowed()}
    return sorted(s.normalize() for s in scores)


def _bound_text(value: Decimal | None) -> str:
    return "—" if value is None else format_decimal(value)


def _band_text(band: Band) -> str:
    return f"区间{band.number}（{_bound_text(band.low)}～{_bound_text(band.high)}）"


def scheme_problems(scheme: GradingScheme) -> list[str]:
    """Everything that keeps ``scheme`` from grading correctly, as Chinese messages (empty: usable).

    A usable scheme has a code and a name; the factors of its method (LEC: L, E, C; LS: L, S), each
    with a non-empty ladder of distinct positive values; non-overlapping bands with labels; every
    reachable score in exactly one band; and a level that never gets milder as the score rises.
    """
    problems: list[str] = []
    code = scheme.code.strip()
    if not code:
        problems.append("方案编号不能为空")
    elif len(code) > MAX_CODE_LENGTH or not set(code) <= _CODE_CHARS:
        problems.append(f"方案编号只能由字母、数字、短横线和下划线组成，且不超过{MAX_CODE_LENGTH}个字符")
    if not scheme.name.strip():
        problems.append("方案名称不能为空")
    elif len(scheme.name) > MAX_NAME_LENGTH:
        problems.append(f"方案名称不能超过{MAX_NAME_LENGTH}个字符")
    expected = FACTOR_KEYS.get(scheme.method)
    if expected is None:
        problems.append(f"{scheme.method.label}不使用分级方案")
        return problems
    keys = tuple(f.key for f in scheme.factors)
    if keys != expected:
        problems.append(
            f"{scheme.method.value} 方案的因素应为 {'、'.join(expected)}，实际为 {'、'.join(keys) or '无'}"
        )
        return problems
    for factor in scheme.factors:
        problems.extend(_ladder_problems(factor))
    problems.extend(_band_problems(scheme))
    if problems:
        return problems
    return _coverage_problems(scheme)


def _ladder_problems(factor: Factor) -> list[str]:
    problems = []
    values = factor.allowed()
    if not values:
        problems.append(f"因素 {factor.key} 至少需要一个取值")
    elif len(values) > MAX_LADDER_LENGTH:
        problems.append(f"因素 {factor.key} 的取值不能超过{MAX_LADDER_LENGTH}个")
    bad = [v for v in values if not v.is_finite() or v <= 0]
    if bad:
        problems.append(f"因素 {factor.key} 的取值必须大于0：{'、'.join(str(v) for v in bad)}")
    long = [v for v in values if v.is_finite() and len(format_decimal(v)) > MAX_VALUE_TEXT_LENGTH]
    if long:
        problems.append(f"因素 {factor.key} 的取值位数过多：{'、'.join(str(v) for v in long)}")
    seen: set[Decimal] = set()
    duplicates = []
    for v in values:
        if v in seen:
            duplicates.append(format_decimal(v))
        seen.add(v)
    if duplicates:
        problems.append(f"因素 {factor.key} 的取值重复：{'、'.join(duplicates)}")
    return problems


def _band_problems(scheme: GradingScheme) -> list[str]:
    problems = []
    if not scheme.bands:
        return ["至少需要一个分级区间"]
    if len(scheme.bands) > MAX_BANDS:
        problems.append(f"分级区间不能超过{MAX_BANDS}个")
    numbers = [b.number for b in scheme.bands]
    if len(set(numbers)) != len(numbers) or any(n < 1 for n in numbers):
        problems.append("分级区间的序号必须是不重复的正整数")
    for band in scheme.bands:
        if not band.label.strip():
            problems.append(f"{_band_text(band)}缺少名称")
        elif len(band.label) > MAX_LABEL_LENGTH:
            problems.append(f"{_band_text(band)}的名称不能超过{MAX_LABEL_LENGTH}个字符")
        if band.low is not None and band.high is not None and band.low >= band.high:
            problems.append(f"{_band_text(band)}的下限必须小于上限")
    if problems:
        return problems
    ordered = sorted(scheme.bands, key=lambda b: (b.low is not None, b.low or D(0)))
    for lower, upper in itertools.pairwise(ordered):
        if lower.high is None or (upper.low is not None and lower.high > upper.low) or upper.low is None:
            problems.append(f"{_band_text(lower)}与{_band_text(upper)}重叠")
    return problems


def _coverage_problems(scheme: GradingScheme, shown: int = 5) -> list[str]:
    problems = []
    uncovered: list[str] = []
    levels: list[tuple[Decimal, RiskLevel]] = []
    for score in reachable_scores(scheme):
        matches = [b for b in scheme.bands if b.contains(score)]
        if not matches:
            uncovered.append(format_decimal(score))
        else:
            levels.append((score, matches[0].level))
    if uncovered:
        more = f" 等{len(uncovered)}个" if len(uncovered) > shown else ""
        problems.append(f"以下可能出现的分值不在任何分级区间内：{'、'.join(uncovered[:shown])}{more}")
    for (low_score, low_level), (high_score, high_level) in itertools.pairwise(levels):
        if high_level > low_level:
            problems.append(
                f"分值越高风险等级不能越低：{format_decimal(low_score)} 为{low_level.label}，"
                f"而 {format_decimal(high_score)} 为{high_level.label}"
            )
            break
    return problems


def validate_scheme(scheme: GradingScheme) -> None:
    """Raise InvalidScheme listing every problem :func:`scheme_problems` finds."""
    problems = scheme_problems(scheme)
    if problems:
        raise InvalidScheme(problems)
