"""One line per thing said on a 岗位安全风险告知卡.

A post faces several risk points, and their hazards and measures were written one risk point at a
time, so the same thing comes back in other words: "光电保护失效" beside "光电保护装置失效或被屏蔽",
"穿防砸劳保鞋" in two PPE lines. The card says each once:

* an item whose text is covered by another item (its characters in order inside the other, and
  most of its character pairs too) gives way to the fuller item, which takes the earlier place;
* in measure lists, a clause (between ，；。) already said by an earlier item of the same list is not
  said again; an item left with nothing to say goes.
"""

import re
from collections.abc import Sequence

_CLAUSE = re.compile(r"[，；。,;]")
_NUMBER = re.compile(r"[A-Za-z0-9.]+")
_NOISE = re.compile(r"[\s，；。、,;：:“”\"'（）()]")
COVERED_SHARE = 0.75
"""Share of an item's character pairs found in the fuller item for it to count as said there."""
MIN_COVERED_CHARS = 4
"""Shorter items (触电, 噪声) are never merged into longer ones: too little to judge by."""


def _norm(text: str) -> str:
    return _NOISE.sub("", text)


def _pairs(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _in_order(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)


def covered_by(item: str, other: str) -> bool:
    """Whether ``other`` already says what ``item`` says (see the module doc)."""
    return _Said(item).within(_Said(other))


class _Said:
    """An item's normalised text and character pairs, computed once per list."""

    __slots__ = ("norm", "numbers", "pairs", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = _norm(text)
        self.pairs = _pairs(self.norm)
        self.numbers = set(_NUMBER.findall(text))

    def within(self, other: "_Said") -> bool:
        a, b = self.norm, other.norm
        if len(a) < MIN_COVERED_CHARS or len(a) >= len(b) or not _in_order(a, b):
            return False
        if not self.numbers <= other.numbers:  # 1号机 is not said by 11号机, nor 10m by 1.0m
            return False
        return len(self.pairs & other.pairs) >= COVERED_SHARE * len(self.pairs)


def distinct_items(items: Sequence[str]) -> tuple[str, ...]:
    """``items`` in order, each said once: exact repeats and covered items removed, the fuller
    text standing at the place of the first of them."""
    result = [_Said(t) for t in dict.fromkeys(t.strip() for t in items if t.strip())]
    i = 0
    while i < len(result):
        fuller = next((j for j, other in enumerate(result) if j != i and result[i].within(other)), None)
        if fuller is None:
            i += 1
            continue
        if fuller > i:
            result[i] = result[fuller]
            del result[fuller]
        else:
            del result[i]
    return tuple(s.text for s in result)


def distinct_measures(items: Sequence[str]) -> tuple[str, ...]:
    """Measures said once: :func:`distinct_items`, then clauses already said left out."""
    said: set[str] = set()
    kept: list[str] = []
    for item in distinct_items(items):
        clauses = [c.strip() for c in _CLAUSE.split(item) if c.strip()]
        fresh = [c for c in clauses if _norm(c) not in said]
        said.update(_norm(c) for c in clauses)
        if len(fresh) == len(clauses):
            kept.append(item)
        elif fresh:
            kept.append("，".join(fresh))
    return tuple(kept)
