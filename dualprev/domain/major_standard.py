"""《工贸企业重大事故隐患判定标准》(应急管理部令第10号, in force 2023-05-15) as data (domain.md §9).

The standard is shipped as a versioned JSON file in ``resources/library``: each article with the
industry scope it applies to and its items (情形) with the official wording, search keywords and a
``verified`` flag (False where the wording could not be checked against the official text, so it
can be found and corrected). :func:`parse_standard` turns it into frozen records and refuses a file
that would give an item without text or an article without a scope.

An enterprise sees 第三条 always, the industry articles of its sectors (行业) and the special
articles of its declared special conditions (粉尘涉爆, 液氨制冷, 有限空间).
"""

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

STANDARD_FORMAT = 1
STANDARD_NAME = "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）"

_NUMERALS = "〇一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 13 → 十三, 21 → 二十一 (article and item numbers up to 99)."""
    if not 0 < n < 100:
        raise ValueError(f"number out of range: {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens] + "十")
    return head + (_NUMERALS[ones] if ones else "")


class Sector(StrEnum):
    """工贸 industry sectors (行业) an enterprise may belong to."""

    METALLURGY = "metallurgy"
    NONFERROUS = "nonferrous"
    BUILDING_MATERIALS = "building_materials"
    MACHINERY = "machinery"
    LIGHT_INDUSTRY = "light_industry"
    TEXTILE = "textile"
    TOBACCO = "tobacco"
    COMMERCE = "commerce"

    @property
    def label(self) -> str:
        return _SECTOR_LABELS[self]


_SECTOR_LABELS = {
    Sector.METALLURGY: "冶金",
    Sector.NONFERROUS: "有色",
    Sector.BUILDING_MATERIALS: "建材",
    Sector.MACHINERY: "机械",
    Sector.LIGHT_INDUSTRY: "轻工",
    Sector.TEXTILE: "纺织",
    Sector.TOBACCO: "烟草",
    Sector.COMMERCE: "商贸",
}


class SpecialCondition(StrEnum):
    """Declared special conditions that bring the special articles (专项类) into play."""

    DUST = "dust"
    AMMONIA = "ammonia"
    CONFINED_SPACE = "confined_space"

    @property
    def label(self) -> str:
        return {"dust": "粉尘涉爆", "ammonia": "液氨制冷", "confined_space": "有限空间作业"}[self.value]


def parse_codes(text: str, kind: type[Sector] | type[SpecialCondition]) -> tuple[Any, ...]:
    """Comma-separated stored codes → enum members in declaration order (unknown codes dropped)."""
    wanted = {part.strip() for part in text.split(",") if part.strip()}
    return tuple(member for member in kind if member.value in wanted)


def join_codes(members: Iterable[StrEnum]) -> str:
    """Enum members → the stored comma-separated text (sorted, no duplicates)."""
    return ",".join(sorted({m.value for m in members}))


@dataclass(frozen=True)
class StandardItem:
    """One 情形 of one article: e.g. 第十一条第（二）项."""

    article: int
    item: int
    text: str
    keywords: tuple[str, ...]
    verified: bool
    verified_against: str = ""

    @property
    def key(self) -> str:
        """Stable reference stored with a hidden danger or self-check answer, e.g. ``11-2``."""
        return f"{self.article}-{self.item}"

    @property
    def label(self) -> str:
        """``第十一条第（二）项``."""
        return f"第{chinese_number(self.article)}条第（{chinese_number(self.item)}）项"

    @property
    def basis_text(self) -> str:
        """The 判定依据 as printed: the standard, article and item, and the wording."""
        return f"{STANDARD_NAME}{self.label}：{self.text.rstrip('；。')}"


@dataclass(frozen=True)
class StandardArticle:
    article: int
    title: str
    applies_to_all: bool
    sectors: tuple[Sector, ...]
    conditions: tuple[SpecialCondition, ...]
    items: tuple[StandardItem, ...]

    @property
    def label(self) -> str:
        return f"第{chinese_number(self.article)}条"

    @property
    def scope_text(self) -> str:
        """Who it applies to, in words (所有工贸企业 / 机械 / 粉尘涉爆 …)."""
        if self.applies_to_all:
            return "所有工贸企业"
        return "、".join([s.label for s in self.sectors] + [c.label for c in self.conditions])

    def applies(self, sectors: Iterable[Sector], conditions: Iterable[SpecialCondition]) -> bool:
        if self.applies_to_all:
            return True
        return bool(set(self.sectors) & set(sectors)) or bool(set(self.conditions) & set(conditions))


@dataclass(frozen=True)
class MajorStandard:
    """The whole standard, as one version of the shipped file."""

    version: str
    title: str
    source: str
    articles: tuple[StandardArticle, ...]

    def items(self) -> list[StandardItem]:
        return [item for article in self.articles for item in article.items]

    def item(self, key: str) -> StandardItem:
        for item in self.items():
            if item.key == key:
                return item
        raise KeyError(key)

    def find(self, key: str) -> StandardItem | None:
        try:
            return self.item(key)
        except KeyError:
            return None

    def article(self, number: int) -> StandardArticle:
        for article in self.articles:
            if article.article == number:
                return article
        raise KeyError(number)

    def applicable_articles(
        self, sectors: Iterable[Sector], conditions: Iterable[SpecialCondition]
    ) -> list[StandardArticle]:
        """第三条 always, then the articles of the enterprise's sectors and special conditions."""
        sectors, conditions = tuple(sectors), tuple(conditions)
        return [a for a in self.articles if a.applies(sectors, conditions)]

    def applicable_items(
        self, sectors: Iterable[Sector], conditions: Iterable[SpecialCondition]
    ) -> list[StandardItem]:
        return [i for a in self.applicable_articles(sectors, conditions) for i in a.items]

    def unverified_items(self) -> list[StandardItem]:
        return [i for i in self.items() if not i.verified]


_SPLIT = re.compile(r"[\s，。；、,.;:：（）()“”]+")


def suggest_items(items: Sequence[StandardItem], *texts: str, limit: int = 5) -> list[StandardItem]:
    """Items whose keywords occur in the given texts (description, location, risk point…), best
    first: most keywords matched, then article order. Items with no keyword found are left out."""
    haystack = " ".join(t for t in texts if t)
    if not haystack.strip():
        return []
    scored: list[tuple[int, int, StandardItem]] = []
    for position, item in enumerate(items):
        hits = sum(1 for word in item.keywords if word and word in haystack)
        if hits:
            scored.append((-hits, position, item))
    scored.sort(key=lambda t: (t[0], t[1]))
    return [item for _hits, _pos, item in scored[:limit]]


class StandardFileError(ValueError):
    """The shipped file is not a valid standard (a packaging bug, named precisely)."""


def _text(raw: Any, what: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise StandardFileError(f"{what}: text missing")
    return raw.strip()


def parse_standard(text: str) -> MajorStandard:
    """Parse the JSON file; StandardFileError names what is wrong."""
    data = json.loads(text)
    if data.get("format") != STANDARD_FORMAT:
        raise StandardFileError(f"unsupported format {data.get('format')!r}")
    articles: list[StandardArticle] = []
    seen: set[int] = set()
    for raw in data.get("articles", ()):
        number = raw.get("article")
        if not isinstance(number, int) or number in seen:
            raise StandardFileError(f"article number invalid or repeated: {number!r}")
        seen.add(number)
        scope = raw.get("scope") or {}
        sectors = tuple(Sector(code) for code in scope.get("sectors", ()))
        conditions = tuple(SpecialCondition(code) for code in scope.get("conditions", ()))
        applies_to_all = bool(scope.get("all"))
        if not (applies_to_all or sectors or conditions):
            raise StandardFileError(f"article {number}: no scope")
        items: list[StandardItem] = []
        for position, item in enumerate(raw.get("items", ()), start=1):
            if item.get("item") != position:
                raise StandardFileError(f"article {number}: items must be numbered 1, 2, … in order")
            keywords = tuple(str(k).strip() for k in item.get("keywords", ()) if str(k).strip())
            items.append(
                StandardItem(
                    article=number,
                    item=position,
                    text=_text(item.get("text"), f"article {number} item {position}"),
                    keywords=keywords,
                    verified=bool(item.get("verified", False)),
                    verified_against=str(item.get("verified_against", "")),
                )
            )
        if not items:
            raise StandardFileError(f"article {number}: no items")
        articles.append(
            StandardArticle(
                number, _text(raw.get("title"), f"article {number} title"), applies_to_all, sectors,
                conditions, tuple(items),
            )
        )  # fmt: skip
    if not articles:
        raise StandardFileError("no articles")
    return MajorStandard(
        version=_text(data.get("version"), "version"),
        title=_text(data.get("title"), "title"),
        source=str(data.get("source", "")),
        articles=tuple(sorted(articles, key=lambda a: a.article)),
    )
