"""The enterprise's settings, each declared once: key, type, default, Chinese label and the rule its
stored value must satisfy.

A setting is kept as JSON in the ``setting`` table (``storage.settings`` reads and writes it through
these declarations). A stored value that breaks its rule is *corrupt*: readers fall back to the
default so the program keeps working, and the problem is reported (:class:`SettingProblem`), never
silently swallowed.
"""

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from dualprev.domain.checks import DEFAULT_FREQUENCY_TABLE, CheckFrequency, FrequencyTable
from dualprev.domain.evaluation_rules import tier_table_to_setting
from dualprev.domain.grading import DEFAULT_DIRECT_JUDGEMENT_ITEMS, DEFAULT_SCHEME_CODES, DirectJudgementItem
from dualprev.domain.hidden_danger import DEFAULT_DEADLINE_DAYS_GENERAL, DEFAULT_DEADLINE_DAYS_TEAM
from dualprev.domain.post_card_qr import url_template_problem
from dualprev.domain.risk import DEFAULT_TIER_BY_LEVEL, ControlTier, EvaluationMethod, RiskLevel
from dualprev.domain.vocabularies import NEW_ENTERPRISE_VOCABULARY

T = TypeVar("T")

DEFAULT_HIDDEN_DANGER_PREFIX = "YH"


class InvalidSetting(ValueError):
    """A stored value that breaks its setting's rule; the message says why, in Chinese."""


@dataclass(frozen=True, eq=False)
class SettingSpec(Generic[T]):
    """One setting: ``parse`` turns the stored JSON value into a ``T`` (raising InvalidSetting when
    it cannot), ``to_json`` turns a ``T`` back into what is stored. Specs compare by identity."""

    key: str
    label: str
    default: T
    parse: Callable[[object], T]
    to_json: Callable[[T], object]


@dataclass(frozen=True)
class SettingProblem:
    """A corrupt stored setting, as the user is told about it."""

    key: str
    label: str
    stored: str
    reason: str

    @property
    def message(self) -> str:
        return (
            f"设置“{self.label}”的保存值无法使用（{self.reason}），已暂时按默认值处理。"
            "请到“设置”页重新设置并保存。"
        )


# --- rules for stored values --------------------------------------------------------------------


def _same(value: T) -> T:
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidSetting(f"应为文字，实为 {value!r}")
    return value


def _code(value: object) -> str:
    code = _text(value).strip()
    if not code:
        raise InvalidSetting("不能为空")
    return code


def _days(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidSetting(f"应为天数（整数），实为 {value!r}")
    if value < 0:
        raise InvalidSetting(f"天数不能为负数：{value}")
    return value


def _number_prefix(value: object) -> str:
    return _text(value).strip() or DEFAULT_HIDDEN_DANGER_PREFIX


def _qr_url_template(value: object) -> str:
    template = _text(value).strip()
    problem = url_template_problem(template)
    if problem:
        raise InvalidSetting(problem)
    return template


def _level(key: object) -> RiskLevel:
    try:
        return RiskLevel(int(str(key)))
    except ValueError:
        raise InvalidSetting(f"无法识别的风险等级 {key!r}") from None


def _tier(value: object) -> ControlTier:
    try:
        return ControlTier(str(value))
    except ValueError:
        raise InvalidSetting(f"无法识别的管控层级 {value!r}") from None


def _frequency(value: object) -> CheckFrequency:
    try:
        return CheckFrequency(str(value))
    except ValueError:
        raise InvalidSetting(f"无法识别的排查频次 {value!r}") from None


def _mapping(value: object) -> Mapping[object, object]:
    if not isinstance(value, Mapping):
        raise InvalidSetting(f"应为对照表，实为 {value!r}")
    return value


def _tier_table(value: object) -> dict[RiskLevel, ControlTier]:
    """Levels left out keep their default tier (older files stored only some of them)."""
    table = dict(DEFAULT_TIER_BY_LEVEL)
    for key, tier in _mapping(value).items():
        table[_level(key)] = _tier(tier)
    return table


def _frequency_table(value: object) -> FrequencyTable:
    entries = dict(DEFAULT_FREQUENCY_TABLE)
    for level_key, row in _mapping(value).items():
        level = _level(level_key)
        for tier_key, frequency in _mapping(row).items():
            entries[(level, _tier(tier_key))] = _frequency(frequency)
    return FrequencyTable(entries)


def _direct_items(value: object) -> tuple[DirectJudgementItem, ...]:
    """An empty list means the shipped items."""
    if not isinstance(value, list):
        raise InvalidSetting(f"应为项目列表，实为 {value!r}")
    if not value:
        return DEFAULT_DIRECT_JUDGEMENT_ITEMS
    items = []
    for entry in value:
        try:
            items.append(
                DirectJudgementItem(str(entry["key"]), str(entry["text"]), RiskLevel(entry["level"]))
            )
        except (KeyError, TypeError, ValueError):
            raise InvalidSetting(f"无法识别的直接判定项目 {entry!r}") from None
    return tuple(items)


ImportMappings = dict[str, dict[str, dict[str, str]]]
"""Import kind → mapping name → {field key: column heading}."""


def _import_mappings(value: object) -> ImportMappings:
    result: ImportMappings = {}
    for kind, named in _mapping(value).items():
        result[str(kind)] = {}
        for name, mapping in _mapping(named).items():
            columns = _mapping(mapping)
            if not all(isinstance(k, str) and isinstance(v, str) for k, v in columns.items()):
                raise InvalidSetting(f"列对应方案“{name}”应为“字段：列名”对照表")
            result[str(kind)][str(name)] = {str(k): str(v) for k, v in columns.items()}
    return result


def _north_arrows(value: object) -> dict[int, float | None]:
    """Floor plan id → the direction north points on it, in degrees clockwise from the top of the
    sheet (0–360), or None when the plan image carries its own north arrow."""
    result: dict[int, float | None] = {}
    for key, angle in _mapping(value).items():
        try:
            plan_id = int(str(key))
        except ValueError:
            raise InvalidSetting(f"无法识别的平面图编号 {key!r}") from None
        if angle is None:
            result[plan_id] = None
        elif isinstance(angle, bool) or not isinstance(angle, int | float) or not math.isfinite(angle):
            raise InvalidSetting(f"指北针角度应为 0–360 的度数，实为 {angle!r}")
        else:
            result[plan_id] = float(angle) % 360
    return result


def _north_arrows_json(value: dict[int, float | None]) -> object:
    return {str(plan_id): angle for plan_id, angle in sorted(value.items())}


def _direct_items_json(items: tuple[DirectJudgementItem, ...]) -> object:
    return [{"key": i.key, "text": i.text, "level": int(i.level)} for i in items]


# --- the settings -------------------------------------------------------------------------------

SCHEME_LEC: SettingSpec[str] = SettingSpec(
    "scheme.LEC", "LEC 法分级方案", DEFAULT_SCHEME_CODES[EvaluationMethod.LEC], _code, _same
)
SCHEME_LS: SettingSpec[str] = SettingSpec(
    "scheme.LS", "LS 法分级方案", DEFAULT_SCHEME_CODES[EvaluationMethod.LS], _code, _same
)
SCHEME_BY_METHOD: dict[EvaluationMethod, SettingSpec[str]] = {
    EvaluationMethod.LEC: SCHEME_LEC,
    EvaluationMethod.LS: SCHEME_LS,
}
TIER_BY_LEVEL: SettingSpec[dict[RiskLevel, ControlTier]] = SettingSpec(
    "tier_by_level", "各风险等级的管控层级", dict(DEFAULT_TIER_BY_LEVEL), _tier_table, tier_table_to_setting
)
DIRECT_JUDGEMENT_ITEMS: SettingSpec[tuple[DirectJudgementItem, ...]] = SettingSpec(
    "direct_judgement_items",
    "直接判定项目",
    DEFAULT_DIRECT_JUDGEMENT_ITEMS,
    _direct_items,
    _direct_items_json,
)
ACCIDENT_VOCABULARY: SettingSpec[str] = SettingSpec(
    "accident_vocabulary", "事故类型分类标准", NEW_ENTERPRISE_VOCABULARY, _code, _same
)
CHECK_FREQUENCY: SettingSpec[FrequencyTable] = SettingSpec(
    "check_frequency_by_level_tier",
    "排查频次表",
    FrequencyTable(),
    _frequency_table,
    FrequencyTable.to_setting,
)
DEADLINE_DAYS_GENERAL: SettingSpec[int] = SettingSpec(
    "deadline_days.general", "一般隐患整改期限（天）", DEFAULT_DEADLINE_DAYS_GENERAL, _days, _same
)
DEADLINE_DAYS_TEAM: SettingSpec[int] = SettingSpec(
    "deadline_days.team", "班组级隐患整改期限（天）", DEFAULT_DEADLINE_DAYS_TEAM, _days, _same
)
HIDDEN_DANGER_NUMBER_PREFIX: SettingSpec[str] = SettingSpec(
    "hidden_danger_number_prefix", "隐患编号前缀", DEFAULT_HIDDEN_DANGER_PREFIX, _number_prefix, _same
)
QR_URL_TEMPLATE: SettingSpec[str] = SettingSpec(
    "card.qr_url_template", "告知卡二维码网址", "", _qr_url_template, _same
)
IMPORT_MAPPINGS: SettingSpec[ImportMappings] = SettingSpec(
    "import_mappings", "Excel 导入的列对应方案", {}, _import_mappings, _same
)

MAP_NORTH_ARROWS: SettingSpec[dict[int, float | None]] = SettingSpec(
    "map.north_arrows",
    "四色分布图指北针方向（四色分布图页 › 指北针…）",
    {},
    _north_arrows,
    _north_arrows_json,
)
"""A plan missing from the table has north at the top of the sheet (0°)."""

ALL_SETTINGS: tuple[SettingSpec[Any], ...] = (
    SCHEME_LEC,
    SCHEME_LS,
    TIER_BY_LEVEL,
    DIRECT_JUDGEMENT_ITEMS,
    ACCIDENT_VOCABULARY,
    CHECK_FREQUENCY,
    DEADLINE_DAYS_GENERAL,
    DEADLINE_DAYS_TEAM,
    HIDDEN_DANGER_NUMBER_PREFIX,
    QR_URL_TEMPLATE,
    IMPORT_MAPPINGS,
    MAP_NORTH_ARROWS,
)
"""Every setting, in the order problem reports list them."""


def decode(spec: SettingSpec[T], stored: str) -> T:
    """The value ``stored`` (the JSON text kept for ``spec``) holds; InvalidSetting when corrupt."""
    try:
        value = json.loads(stored)
    except ValueError:
        raise InvalidSetting(f"保存的内容已损坏：{stored[:40]!r}") from None
    return spec.parse(value)


def encode(spec: SettingSpec[T], value: T) -> str:
    """The JSON text kept for ``value``."""
    return json.dumps(spec.to_json(value), ensure_ascii=False)


def problem_with(spec: SettingSpec[T], stored: str) -> SettingProblem | None:
    """What is wrong with ``stored`` for ``spec``, or None when it is usable."""
    try:
        decode(spec, stored)
    except InvalidSetting as exc:
        return SettingProblem(spec.key, spec.label, stored, str(exc))
    return None
