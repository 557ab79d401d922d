"""安全警示标志 (GB 2894-2008) on post risk cards: the four sign families, the signs the app can
draw, and the rules that choose them from a post's hazards.

The rules are data (``resources/library/safety_signs.json``): which signs an accident type calls
for, and which signs words in a hazard's text call for (e.g. 车床 → 禁止戴手套). :func:`parse_sign_library`
validates that text; :func:`choose_signs` applies it.
"""

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

SIGN_LIBRARY_FORMAT = 1
MAX_SIGNS = 8
"""At most this many signs on a card: one row that stays legible from a metre away."""


class SignFamily(StrEnum):
    """GB 2894 families, in the order they stand on a card (left to right)."""

    PROHIBITION = "prohibition"
    WARNING = "warning"
    MANDATORY = "mandatory"
    INFORMATION = "information"

    @property
    def label(self) -> str:
        """禁止 / 警告 / 指令 / 提示."""
        return {"prohibition": "禁止", "warning": "警告", "mandatory": "指令", "information": "提示"}[
            self.value
        ]

    @property
    def order(self) -> int:
        return list(SignFamily).index(self)


@dataclass(frozen=True)
class SafetySign:
    """One sign: its family (shape and colour), its standard wording, and the pictogram drawn in it
    (empty: shape, colour and wording only)."""

    key: str
    family: SignFamily
    wording: str
    pictogram: str = ""


@dataclass(frozen=True)
class KeywordRule:
    """Signs called for by words in a hazard's text; ``instead_of`` signs are then not needed
    (叉车 → 当心叉车 instead of the generic 当心车辆)."""

    keywords: tuple[str, ...]
    signs: tuple[str, ...]
    instead_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class SignLibrary:
    version: str
    signs: tuple[SafetySign, ...]
    by_accident_type: Mapping[str, tuple[str, ...]]
    keyword_rules: tuple[KeywordRule, ...]
    fallback: tuple[str, ...]
    """Signs of a card whose hazards call for none (注意安全)."""

    def sign(self, key: str) -> SafetySign:
        for s in self.signs:
            if s.key == key:
                return s
        raise KeyError(key)

    def by_wording(self, wording: str) -> SafetySign | None:
        for s in self.signs:
            if s.wording == wording:
                return s
        return None


@dataclass(frozen=True)
class SignSource:
    """What one hazard tells about signs: its accident types and its words (description, step,
    risk point name)."""

    accident_types: tuple[str, ...]
    text: str


def choose_signs(
    library: SignLibrary, sources: Sequence[SignSource], extra_text: str = "", limit: int = MAX_SIGNS
) -> tuple[SafetySign, ...]:
    """The signs of a card, ordered 禁止 → 警告 → 指令 → 提示 (domain.md §6).

    ``sources`` come most severe hazard first. Each rule's first sign is its main one: every main
    sign of every hazard is taken before any secondary sign, so a card shows one sign for each
    danger before it shows a second for any. ``extra_text`` (the post's own work content) is
    searched for keywords after the hazards. At most ``limit`` signs; none called for → the fallback.
    """
    candidates: list[tuple[int, int, str]] = []
    superseded: set[str] = set()
    order = 0

    def add(keys: Sequence[str]) -> None:
        nonlocal order
        for rank, key in enumerate(keys):
            candidates.append((rank, order, key))
            order += 1

    def keyword_signs(text: str) -> None:
        for rule in library.keyword_rules:
            if any(word in text for word in rule.keywords):
                add(rule.signs)
                superseded.update(rule.instead_of)

    for source in sources:
        keyword_signs(source.text)
        for accident_type in source.accident_types:
            add(library.by_accident_type.get(accident_type, ()))
    if extra_text:
        keyword_signs(extra_text)
    # The fallback (注意安全) says nothing a specific sign does not: it comes after all of them.
    fallback = set(library.fallback)
    candidates = [(99 if key in fallback else rank, order, key) for rank, order, key in candidates]
    chosen: list[str] = []
    for _rank, _order, key in sorted(candidates):
        if key not in chosen and key not in superseded:
            chosen.append(key)
    if not chosen:
        chosen = list(library.fallback)
    picked = [library.sign(k) for k in chosen[:limit]]
    # Stable sort: within a family the more important sign stays on the left.
    return tuple(sorted(picked, key=lambda s: s.family.order))


def parse_sign_words(text: str, library: SignLibrary) -> tuple[tuple[SafetySign, ...], tuple[str, ...]]:
    """Signs named in ``text`` (wordings separated by 、，, or new lines), and the unknown names."""
    signs: list[SafetySign] = []
    unknown: list[str] = []
    for word in split_words(text):
        sign = library.by_wording(word)
        if sign is None:
            unknown.append(word)
        elif sign not in signs:
            signs.append(sign)
    return tuple(signs), tuple(unknown)


def split_words(text: str) -> list[str]:
    """Items of a list typed on one or several lines, separated by 、，,；; or new lines."""
    for sep in "，,；;\n":
        text = text.replace(sep, "、")
    return [w.strip() for w in text.split("、") if w.strip()]


# --- parsing -----------------------------------------------------------------------------------


class _Problem(Exception):
    pass


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Problem(f"{what}应为非空文字的列表")
    return tuple(v.strip() for v in value)


def parse_sign_library(text: str, accident_type_names: Iterable[str]) -> SignLibrary:
    """Parse and validate the sign library.

    Raises ValueError (one-line Chinese message) for bad JSON, an unknown family, a duplicate key
    or wording, a rule naming an unknown sign, or a mapping for an accident type that
    ``accident_type_names`` does not know.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"安全标志库不是有效的 JSON：第 {exc.lineno} 行：{exc.msg}") from None
    try:
        if not isinstance(data, dict) or data.get("format") != SIGN_LIBRARY_FORMAT:
            raise _Problem(f"格式版本应为 {SIGN_LIBRARY_FORMAT}")
        signs = tuple(_parse_sign(raw) for raw in _list(data.get("signs"), "signs"))
        keys = [s.key for s in signs]
        wordings = [s.wording for s in signs]
        for values, what in ((keys, "标志代码"), (wordings, "标志文字")):
            duplicates = sorted({v for v in values if values.count(v) > 1})
            if duplicates:
                raise _Problem(f"{what}重复：{'、'.join(duplicates)}")
        known = set(keys)

        def check(refs: tuple[str, ...], where: str) -> tuple[str, ...]:
            missing = [r for r in refs if r not in known]
            if missing:
                raise _Problem(f"{where}引用了不存在的标志：{'、'.join(missing)}")
            return refs

        names = set(accident_type_names)
        by_type_raw = data.get("by_accident_type")
        if not isinstance(by_type_raw, dict):
            raise _Problem("by_accident_type 应为对象")
        by_type: dict[str, tuple[str, ...]] = {}
        for name, refs in by_type_raw.items():
            if name not in names:
                raise _Problem(f"未知的事故类型：{name}")
            by_type[name] = check(_strings(refs, f"事故类型“{name}”的标志"), f"事故类型“{name}”")
        rules = []
        for i, raw in enumerate(_list(data.get("by_keyword"), "by_keyword"), start=1):
            if not isinstance(raw, dict) or not {"keywords", "signs"} <= raw.keys():
                raise _Problem(f"第 {i} 条关键词规则应有 keywords 和 signs")
            rules.append(
                KeywordRule(
                    keywords=_strings(raw["keywords"], f"第 {i} 条规则的关键词"),
                    signs=check(_strings(raw["signs"], f"第 {i} 条规则的标志"), f"第 {i} 条规则"),
                    instead_of=check(tuple(raw.get("instead_of", ())), f"第 {i} 条规则"),
                )
            )
        fallback = check(_strings(data.get("fallback"), "fallback"), "fallback")
        version = str(data.get("version", ""))
    except _Problem as problem:
        raise ValueError(f"安全标志库格式错误：{problem}") from None
    return SignLibrary(version, signs, by_type, tuple(rules), fallback)


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise _Problem(f"{what} 应为非空列表")
    return value


def _parse_sign(raw: Any) -> SafetySign:
    if not isinstance(raw, dict):
        raise _Problem("标志应为对象")
    key, wording = raw.get("key"), raw.get("wording")
    if not isinstance(key, str) or not key or not isinstance(wording, str) or not wording.strip():
        raise _Problem("标志须有 key 和 wording")
    try:
        family = SignFamily(str(raw.get("family")))
    except ValueError:
        raise _Problem(f"标志“{wording}”的类别未知：{raw.get('family')}") from None
    pictogram = raw.get("pictogram", "")
    if not isinstance(pictogram, str):
        raise _Problem(f"标志“{wording}”的图形应为文字")
    return SafetySign(key, family, wording.strip(), pictogram)
