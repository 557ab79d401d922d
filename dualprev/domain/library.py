"""The built-in identification library (风险辨识库): typical risk points of small 工贸 factories.

Each entry is a risk point ready to copy into a factory's inventory: its JHA steps or SCL items with
the hazard, GB 6441 accident types, control measures and a suggested current evaluation. The text
format is JSON (shipped in ``resources/library``); :func:`parse_library` turns it into frozen
records and refuses anything that would produce an invalid inventory, naming the entry at fault.
"""

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from dualprev.domain.accident_type_mapping import names_in_2025
from dualprev.domain.grading import (
    DEFAULT_SCHEME_CODES,
    FactorOutOfScale,
    Grade,
    GradingScheme,
    format_decimal,
    grade,
    highest_level,
    preset,
)
from dualprev.domain.risk import ControlMeasureCategory, EvaluationMethod, RiskLevel, RiskPointKind
from dualprev.domain.vocabularies import (
    ACCIDENT_VOCABULARIES,
    DEFAULT_ACCIDENT_VOCABULARY,
    GB6441_1986,
    GB6441_2025,
    HAZARD_FACTOR_CATEGORIES,
)

LIBRARY_FORMAT = 1
"""The version of the JSON layout this module reads (``format`` in the file)."""

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")

# What the inventory can hold (storage column sizes and the risk service's limits), so that every
# entry that parses can also be imported.
MAX_KEY_LENGTH = 64
MAX_NAME_LENGTH = 200
MAX_STEP_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 2000
MAX_MEASURE_LENGTH = 1000

_LIBRARY_KEYS = {"format", "version", "title", "source", "accident_vocabulary", "entries"}
_ENTRY_KEYS = {"key", "name", "kind", "group", "description", "hazards"}
_HAZARD_KEYS = {
    "step_or_item", "standard", "description", "factor_category", "consequence", "accident_types",
    "measures", "evaluation",
}  # fmt: skip
_MEASURE_KEYS = {"category", "content"}


@dataclass(frozen=True)
class LibraryMeasure:
    """One typical control measure of a hazard."""

    category: ControlMeasureCategory
    content: str


@dataclass(frozen=True)
class LibraryEvaluation:
    """The suggested current-stage evaluation: factor values on the preset ladders, as exact text."""

    method: EvaluationMethod
    factors: tuple[tuple[str, str], ...]

    @property
    def scheme_code(self) -> str:
        """The default scheme of the method, under which the library's levels are stated."""
        return DEFAULT_SCHEME_CODES[self.method]

    def graded(self, scheme: GradingScheme | None = None) -> Grade:
        """The grade under ``scheme`` (default: the method's default preset)."""
        return grade(scheme or preset(self.scheme_code), dict(self.factors))

    @property
    def level(self) -> RiskLevel:
        return self.graded().level

    @property
    def text(self) -> str:
        """E.g. ``LEC L=3 E=6 C=7`` for lists and tooltips."""
        return " ".join([self.method.value, *(f"{k}={v}" for k, v in self.factors)])


@dataclass(frozen=True)
class LibraryHazard:
    """One JHA step (activities) or SCL item (equipment, places) with its hazard."""

    step_or_item: str
    standard: str
    description: str
    factor_category: str
    consequence: str
    accident_types: tuple[str, ...]
    measures: tuple[LibraryMeasure, ...]
    evaluation: LibraryEvaluation

    def measure_categories(self) -> set[ControlMeasureCategory]:
        return {m.category for m in self.measures}


@dataclass(frozen=True)
class LibraryEntry:
    """A typical risk point, copied into the inventory as a whole."""

    key: str
    name: str
    kind: RiskPointKind
    group: str
    description: str
    hazards: tuple[LibraryHazard, ...]

    @property
    def level(self) -> RiskLevel:
        """从严从高: the highest suggested level of the entry's hazards."""
        level = highest_level(h.evaluation.level for h in self.hazards)
        assert level is not None  # parse_library refuses an entry without hazards
        return level

    @property
    def accident_types(self) -> tuple[str, ...]:
        """Every accident type of the entry's hazards, first occurrence first."""
        return tuple(dict.fromkeys(t for h in self.hazards for t in h.accident_types))

    def matches(self, keyword: str) -> bool:
        """Whether ``keyword`` appears in the entry's name, group, description or any hazard text.

        Blank keywords match everything; Latin letters compare case-insensitively.
        """
        needle = keyword.strip().casefold()
        if not needle:
            return True
        texts = [self.key, self.name, self.group, self.description, *self.accident_types]
        for h in self.hazards:
            texts.extend((h.step_or_item, h.description, h.consequence))
        return any(needle in text.casefold() for text in texts)


@dataclass(frozen=True)
class RiskLibrary:
    version: str
    title: str
    source: str
    accident_vocabulary: str
    entries: tuple[LibraryEntry, ...]

    def entry(self, key: str) -> LibraryEntry:
        """The entry with ``key``; KeyError if there is none."""
        for e in self.entries:
            if e.key == key:
                return e
        raise KeyError(key)

    def groups(self) -> list[str]:
        """Group names in the order the library first uses them."""
        return list(dict.fromkeys(e.group for e in self.entries))

    def select(self, group: str | None = None, keyword: str = "") -> list[LibraryEntry]:
        """Entries of ``group`` (None: all groups) that match ``keyword``, in library order."""
        return [e for e in self.entries if (group is None or e.group == group) and e.matches(keyword)]

    def in_vocabulary(self, vocabulary: str) -> "RiskLibrary":
        """The library with its accident types in ``vocabulary``: a GB 6441-1986 library goes
        through the 1986 → 2025 mapping, each hazard's words deciding the split types.

        ValueError when there is no way there, or a hazard's words decide nothing (a library bug).
        """
        if vocabulary == self.accident_vocabulary:
            return self
        if (self.accident_vocabulary, vocabulary) != (GB6441_1986, GB6441_2025):
            raise ValueError(f"no mapping from {self.accident_vocabulary} to {vocabulary}")
        entries = []
        for entry in self.entries:
            hazards = []
            for hazard in entry.hazards:
                text = f"{entry.name} {hazard.step_or_item} {hazard.description} {hazard.consequence}"
                names, undecided = names_in_2025(hazard.accident_types, text)
                if undecided:
                    raise ValueError(
                        f"{entry.key}: the words of {hazard.description!r} decide no {undecided}"
                    )
                hazards.append(replace(hazard, accident_types=names))
            entries.append(replace(entry, hazards=tuple(hazards)))
        return replace(self, accident_vocabulary=vocabulary, entries=tuple(entries))


# --- parsing -----------------------------------------------------------------------------------


class _Problem(Exception):
    """A defect found while parsing; the caller adds where it was found."""


def parse_library(text: str) -> RiskLibrary:
    """Parse and fully validate a library text.

    Raises ValueError with a one-line Chinese message naming the entry key (and the hazard) at fault
    for: bad JSON, unknown or missing fields, an unknown kind, GB/T 13861 code, accident type or
    measure category, a factor value off its preset ladder, or a duplicate key.
    """
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ValueError(f"辨识库不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}") from None
    try:
        root = _mapping(data, _LIBRARY_KEYS, "辨识库")
        if root.get("format") != LIBRARY_FORMAT:
            raise _Problem(f"格式版本应为 {LIBRARY_FORMAT}，实际为 {root.get('format')!r}")
        version = _text(root, "version", "辨识库版本")
        title = _text(root, "title", "辨识库名称")
        source = _text(root, "source", "辨识库来源说明")
        vocabulary = str(root.get("accident_vocabulary", DEFAULT_ACCIDENT_VOCABULARY))
        if vocabulary not in ACCIDENT_VOCABULARIES:
            raise _Problem(f"未知的事故类型分类标准：{vocabulary}")
        raw_entries = root.get("entries")
        if not isinstance(raw_entries, list) or not raw_entries:
            raise _Problem("entries 应为非空列表")
    except _Problem as problem:
        raise ValueError(f"辨识库格式错误：{problem}") from None

    # 工贸 forms offer the non-mining types only (domain.md §4).
    accident_names = {t.name for t in ACCIDENT_VOCABULARIES[vocabulary] if not t.mining_only}
    entries: list[LibraryEntry] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_entries, start=1):
        key = raw.get("key") if isinstance(raw, dict) else None
        where = f"辨识库条目“{key}”" if isinstance(key, str) and key else f"辨识库第 {index} 个条目"
        try:
            entry = _entry(raw, accident_names)
        except _Problem as problem:
            raise ValueError(f"{where}：{problem}") from None
        if entry.key in seen:
            raise ValueError(f"{where}：条目键重复，每个条目的 key 必须唯一")
        seen.add(entry.key)
        entries.append(entry)
    return RiskLibrary(version, title, source, vocabulary, tuple(entries))


def _entry(raw: Any, accident_names: set[str]) -> LibraryEntry:
    data = _mapping(raw, _ENTRY_KEYS, "条目")
    key = _text(data, "key", "条目键", limit=MAX_KEY_LENGTH)
    if not KEY_PATTERN.match(key):
        raise _Problem("key 只能由小写字母、数字和单个短横线或下划线组成")
    kind_text = _text(data, "kind", "风险点类型")
    try:
        kind = RiskPointKind(kind_text)
    except ValueError:
        allowed = "、".join(k.value for k in RiskPointKind)
        raise _Problem(f"风险点类型“{kind_text}”无效，应为 {allowed} 之一") from None
    raw_hazards = data.get("hazards")
    if not isinstance(raw_hazards, list) or not raw_hazards:
        raise _Problem("至少应有一个危险源（hazards）")
    hazards = []
    for number, raw_hazard in enumerate(raw_hazards, start=1):
        try:
            hazards.append(_hazard(raw_hazard, kind, accident_names))
        except _Problem as problem:
            step = raw_hazard.get("step_or_item") if isinstance(raw_hazard, dict) else None
            label = f"（{step}）" if isinstance(step, str) and step else ""
            raise _Problem(f"第 {number} 个危险源{label}：{problem}") from None
    return LibraryEntry(
        key=key,
        name=_text(data, "name", "名称", limit=MAX_NAME_LENGTH),
        kind=kind,
        group=_text(data, "group", "分组"),
        description=_text(data, "description", "说明", required=False),
        hazards=tuple(hazards),
    )


def _hazard(raw: Any, kind: RiskPointKind, accident_names: set[str]) -> LibraryHazard:
    data = _mapping(raw, _HAZARD_KEYS, "危险源")
    step_label = "作业步骤" if kind.uses_job_steps else "检查项目"
    factor_category = _text(data, "factor_category", "危险有害因素类别")
    if factor_category not in {c.code for c in HAZARD_FACTOR_CATEGORIES}:
        raise _Problem(f"危险有害因素类别“{factor_category}”不是 GB/T 13861 的类别代码")
    types = data.get("accident_types")
    if not isinstance(types, list) or not types:
        raise _Problem("至少应有一个事故类型（accident_types）")
    for name in types:
        if not isinstance(name, str) or name not in accident_names:
            raise _Problem(
                f"事故类型“{name}”不是辨识库所用分类标准（accident_vocabulary）中工贸适用的事故类型"
            )
    if len(set(types)) != len(types):
        raise _Problem("事故类型重复")
    raw_measures = data.get("measures")
    if not isinstance(raw_measures, list) or not raw_measures:
        raise _Problem("至少应有一条管控措施（measures）")
    return LibraryHazard(
        step_or_item=_text(data, "step_or_item", step_label, limit=MAX_STEP_LENGTH),
        standard=_text(data, "standard", "标准", required=False),
        description=_text(data, "description", "危险源或潜在事件", limit=MAX_DESCRIPTION_LENGTH),
        factor_category=factor_category,
        consequence=_text(data, "consequence", "可能后果"),
        accident_types=tuple(types),
        measures=tuple(_measure(m, n) for n, m in enumerate(raw_measures, start=1)),
        evaluation=_evaluation(data.get("evaluation")),
    )


def _measure(raw: Any, number: int) -> LibraryMeasure:
    data = _mapping(raw, _MEASURE_KEYS, f"第 {number} 条管控措施")
    category_text = _text(data, "category", f"第 {number} 条管控措施的类别")
    try:
        category = ControlMeasureCategory(category_text)
    except ValueError:
        allowed = "、".join(c.value for c in ControlMeasureCategory)
        raise _Problem(f"第 {number} 条管控措施的类别“{category_text}”无效，应为 {allowed} 之一") from None
    return LibraryMeasure(
        category, _text(data, "content", f"第 {number} 条管控措施的内容", limit=MAX_MEASURE_LENGTH)
    )


def _evaluation(raw: Any) -> LibraryEvaluation:
    if not isinstance(raw, dict):
        raise _Problem("缺少建议的现有风险评价（evaluation）")
    method_text = raw.get("method")
    methods = {m.value: m for m in DEFAULT_SCHEME_CODES}
    if not isinstance(method_text, str) or method_text not in methods:
        raise _Problem(f"评价方法“{method_text}”无效，辨识库只用 {'、'.join(methods)}")
    method = methods[method_text]
    scheme = preset(DEFAULT_SCHEME_CODES[method])
    keys = tuple(f.key for f in scheme.factors)
    extra = set(raw) - {"method", *keys}
    if extra:
        raise _Problem(f"{method.value} 评价不应有因子 {'、'.join(sorted(extra))}")
    factors: list[tuple[str, str]] = []
    for key in keys:
        if key not in raw:
            raise _Problem(f"{method.value} 评价缺少因子 {key}")
        value = raw[key]
        if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
            raise _off_scale(scheme, key, value)
        try:
            number = Decimal(str(value))
        except ArithmeticError:
            raise _off_scale(scheme, key, value) from None
        if number not in scheme.factor(key).allowed():
            raise _off_scale(scheme, key, value)
        factors.append((key, format_decimal(number)))
    return LibraryEvaluation(method, tuple(factors))


def _off_scale(scheme: GradingScheme, key: str, value: object) -> _Problem:
    """A _Problem in the grading engine's own wording of an off-ladder value."""
    return _Problem(str(FactorOutOfScale(scheme.factor(key), str(value))))


def _mapping(raw: Any, allowed: Iterable[str], what: str) -> Mapping[str, Any]:
    if not isinstance(raw, dict):
        raise _Problem(f"{what}应为 JSON 对象")
    unknown = set(raw) - set(allowed)
    if unknown:
        raise _Problem(f"{what}含有未知字段 {'、'.join(sorted(unknown))}")
    return raw


def _text(
    data: Mapping[str, Any], field: str, label: str, *, required: bool = True, limit: int | None = None
) -> str:
    value = data.get(field, "" if not required else None)
    if not isinstance(value, str):
        raise _Problem(f"缺少{label}" if value is None else f"{label}应为文字")
    value = value.strip()
    if required and not value:
        raise _Problem(f"{label}不能为空")
    if limit is not None and len(value) > limit:
        raise _Problem(f"{label}不能超过{limit}个字符")
    return value
