"""Chinese line breaking for printed table cells and form text (pure: measuring is passed in).

reportlab's ``wordWrap='CJK'`` breaks between any two characters, digits included ("逾期 1 / 4 天",
"拨打11 / 9"), knows no words (names, departments, 整改中) and lets a closing mark that cannot start a
line hang past the right edge — across a table's column rule. Here a text is cut into *tokens* that
never break inside, and lines break only between tokens:

- numbers with their unit (``14 天``, ``1.5m``, ``200.00``), codes (``ZG-20261204-01``, ``FX-JJ-001``),
  phone numbers in any usual format, dates (``2026年12月5日``) and any run of Latin letters/digits;
- ``terms``: names of people and departments, status and level names, domain words;
- every other Chinese character on its own.

避头尾: a closing mark (，。、；：！？）」 …) is glued to the token before it and an opening mark
(（「《 …) to the token after it, so no line starts with the one or ends with the other. A token wider
than the line is cut between characters only as a last resort (the caller widens the column or
shrinks the text first: :func:`fit_text`).
"""

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

CANNOT_START = "，。、；：！？）］｝」』】〕〉》”’…‥％‰℃°,.;:!?)]}%·～/／"
"""Marks that must not begin a line (行首禁则)."""
CANNOT_END = "（［｛「『【〔〈《“‘([{≥≤<>±≈＜＞"
"""Marks that must not end a line (行尾禁则): they belong to what follows."""

_UNIT = "天元人米个次项条月年日时分秒号名台套处吨级层倍周岁件只辆根块张份页家"
_PHONE = (
    r"(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}"  # mobile: 13912345678, 139-1234-5678, +86 139 …
    r"|(?:[(（]0\d{2,3}[)）]\s?|0\d{2,3}[\s-]?)\d{3,4}[\s-]?\d{4}"  # (0512)6666 8888, 0512-66668888
)
_DATE = r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}"
_LATIN = r"[A-Za-z0-9](?:[A-Za-z0-9._/:+\-#%×*~°℃Ωφ]*[A-Za-z0-9%℃°Ω])?"
_GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,800.00
_SPAN = re.compile(
    rf"(?:{_PHONE})(?!\d)|(?:逾期\s?)?\d+\s?天|{_DATE}"
    rf"|(?:{_GROUPED}|{_LATIN})(?:\s?[{_UNIT}](?![A-Za-z0-9]))?"
)

Measure = Callable[[str], float]


@dataclass(frozen=True)
class Terms:
    """Words that are never broken, looked up by their first character (longest first)."""

    by_first: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, words: Iterable[str]) -> "Terms":
        grouped: dict[str, set[str]] = {}
        for word in words:
            word = word.strip()
            if len(word) >= 2 and not any(ch.isspace() for ch in word):
                grouped.setdefault(word[0], set()).add(word)
        return cls({k: tuple(sorted(v, key=len, reverse=True)) for k, v in grouped.items()})

    def merged(self, other: "Terms") -> "Terms":
        keys = self.by_first.keys() | other.by_first.keys()
        return Terms(
            {
                k: tuple(
                    sorted({*self.by_first.get(k, ()), *other.by_first.get(k, ())}, key=len, reverse=True)
                )
                for k in keys
            }
        )

    def match(self, text: str, at: int) -> str:
        for word in self.by_first.get(text[at], ()):
            if text.startswith(word, at):
                return word
        return ""


NO_TERMS = Terms({})


def _raw_tokens(text: str, terms: Terms) -> list[str]:
    """Unbreakable pieces and single characters, spaces as their own " " tokens."""
    tokens: list[str] = []
    at = 0
    while at < len(text):
        ch = text[at]
        if ch.isspace():
            tokens.append(" ")
            at += 1
            continue
        word = terms.match(text, at)
        span = _SPAN.match(text, at)
        if span is not None and len(span.group()) >= len(word):
            word = span.group()
        if word:
            tokens.append(word)
            at += len(word)
        else:
            tokens.append(ch)
            at += 1
    return tokens


def tokens(text: str, terms: Terms = NO_TERMS) -> list[str]:
    """``text`` (one line, no "\\n") as tokens that lines may break between; " " is a space.

    Closing marks are glued to the token before them, opening marks to the token after them."""
    glued: list[str] = []
    pending_open = ""
    for token in _raw_tokens(text, terms):
        if token == " ":
            if pending_open:
                pending_open += " "
            else:
                glued.append(token)
            continue
        if all(ch in CANNOT_END for ch in token):
            pending_open += token
            continue
        token = pending_open + token
        pending_open = ""
        if glued and all(ch in CANNOT_START for ch in token):
            if glued[-1] == " " and len(glued) > 1:
                glued.pop()  # "text ，": the mark still belongs to the text
            glued[-1] += token
        else:
            glued.append(token)
    if pending_open:
        if glued and glued[-1] != " ":
            glued[-1] += pending_open
        else:
            glued.append(pending_open.rstrip())
    return glued


def widest_token(text: str, measure: Measure, terms: Terms = NO_TERMS) -> float:
    """Width of the widest unbreakable token of ``text`` (all its lines)."""
    widest = 0.0
    for line in text.split("\n"):
        for token in tokens(line, terms):
            if token != " ":
                widest = max(widest, measure(token))
    return widest


def _cut(token: str, width: float, measure: Measure) -> list[str]:
    """A token wider than the line cut between characters (last resort), so that no piece starts
    with a closing mark when its predecessor can give one character."""
    pieces: list[str] = []
    current = ""
    for ch in token:
        if current and measure(current + ch) > width:
            keep = len(current)
            if ch in CANNOT_START:  # carry the closing marks before it, and one character more
                while keep > 1 and current[keep - 1] in CANNOT_START:
                    keep -= 1
                keep -= 1
            if keep > 0:
                pieces.append(current[:keep])
                current = current[keep:]
            else:
                pieces.append(current)
                current = ""
        current += ch
    pieces.append(current)
    return [p.strip() for p in pieces if p.strip()] or [token]


def break_lines(text: str, width: float, measure: Measure, terms: Terms = NO_TERMS) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (as ``measure`` says), keeping tokens
    whole; "\\n" forces a break. Spaces at a line's ends are dropped."""
    lines: list[str] = []
    space = measure(" ")
    for paragraph in text.split("\n"):
        line, used, gap = "", 0.0, False
        for token in tokens(paragraph, terms):
            if token == " ":
                gap = bool(line)
                continue
            w = measure(token)
            extra = space if gap else 0.0
            if line and used + extra + w <= width + 1e-6:
                line, used = line + (" " if gap else "") + token, used + extra + w
            else:
                if line:
                    lines.append(line)
                if w <= width + 1e-6:
                    line, used = token, w
                else:
                    *full, line = _cut(token, width, measure)
                    lines.extend(full)
                    used = measure(line)
            gap = False
        lines.append(line)
    return lines


@dataclass(frozen=True)
class FittedText:
    """A text laid out for a width: its font size (the body size, or smaller) and its lines."""

    size: float
    lines: tuple[str, ...]


def fit_text(
    text: str,
    width: float,
    measure_at: Callable[[str, float], float],
    *,
    size: float,
    min_size: float,
    terms: Terms = NO_TERMS,
    step: float = 0.25,
) -> FittedText:
    """``text`` at ``size``, or — when its widest token is wider than ``width`` — at the largest
    size (in ``step``s, not below ``min_size``) at which that token fits; then broken into lines.
    Below ``min_size`` a token is cut between characters rather than shrunk further."""
    widest = widest_token(text, lambda s: measure_at(s, size), terms)
    chosen = size
    if widest > width > 0:
        chosen = max(min_size, int(size * width / widest / step) * step)
    lines = break_lines(text, width, lambda s: measure_at(s, chosen), terms)
    return FittedText(chosen, tuple(lines))


def split_items(text: str) -> Sequence[str]:
    """The items of a list cell ("严志明、沈立明 陆婷", "物体打击、机械伤害")."""
    return [item for item in re.split(r"[、，,；;/\s（）()]+", text) if item]
