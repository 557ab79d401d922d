"""Text on the 岗位安全风险告知卡, measured and broken into lines by arithmetic.

A card is laid out once per export, hundreds of times in a batch: platypus paragraphs (markup
parser, per-paragraph width lists) cost more than the drawing. The card has one font and plain
text, so a line breaker over cached glyph widths does the same work: widths are looked up per
character once per process, lines are filled greedily, and the rules a reader expects hold —
no break inside a run of Latin letters and digits (a number, a phone, a code such as ExdⅡBT4 or
1.2m), closing punctuation never starts a line and opening punctuation never ends one (避头尾).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from dualprev.reports.fonts import register_pdf_font

CANNOT_START = "，。、；：？！）】》」』〉〕”’％·…,.;:?!)]}%"
"""Marks that stay at the end of the line before rather than start a line (避头)."""
CANNOT_END = "（【《「『〈〔“‘([{"
"""Marks that move to the next line with what they open (避尾)."""


@cache
def _unit_width(ch: str) -> float:
    """Advance of ``ch`` at 1 pt (cached per character: the font never changes)."""
    return float(pdfmetrics.stringWidth(ch, register_pdf_font(), 1.0))


def text_width(text: str, size: float) -> float:
    return sum(_unit_width(ch) for ch in text) * size


_RUN = re.compile(r"[A-Za-z0-9℃°ⅠⅡⅢⅣ][A-Za-z0-9.\-/:%+_#~×℃°ⅠⅡⅢⅣ]*|.", re.S)
"""A Latin/digit run (it may hold joiners such as . - / : inside), or any one other character."""


def _tokens(text: str) -> list[str]:
    """Unbreakable pieces: a Latin/digit run, or one character, with 避头尾 marks attached."""
    tokens: list[str] = []
    carry = ""
    for piece in _RUN.findall(text):
        if tokens and not carry and piece[0] in CANNOT_START:
            tokens[-1] += piece
        elif piece in CANNOT_END:
            carry += piece
        else:
            tokens.append(carry + piece)
            carry = ""
    if carry:
        tokens.append(carry)
    return tokens


@cache
def _token_width(token: str) -> float:
    return sum(_unit_width(ch) for ch in token)


@lru_cache(maxsize=65536)
def wrap(text: str, size: float, width: float) -> tuple[str, ...]:
    """``text`` broken into lines no wider than ``width`` at ``size`` (a token wider than a whole
    line is broken between characters, the only case a run is split). Newlines are kept.

    Cached: a batch of cards repeats its measures and emergency texts from post to post."""
    lines: list[str] = []
    limit = width / size
    for paragraph in text.split("\n"):
        line, used = "", 0.0
        for token in _tokens(paragraph):
            w = _token_width(token)
            if used + w <= limit:
                line += token
                used += w
            elif w > limit:
                for ch in token:
                    cw = _unit_width(ch)
                    if used + cw > limit and line:
                        lines.append(line)
                        line, used = "", 0.0
                    line += ch
                    used += cw
            else:
                if line:
                    lines.append(line.rstrip())
                token = token.lstrip()
                line, used = token, _token_width(token)
        lines.append(line.rstrip())
    return tuple(lines)


@dataclass(frozen=True)
class TextBlock:
    """Lines of one size, drawn top-down from a top edge."""

    lines: tuple[str, ...]
    size: float
    leading: float
    indent: float = 0.0
    """Hanging indent of every line (room for the number drawn in front of the first)."""
    number: str = ""

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading

    def head(self, count: int) -> "TextBlock":
        return TextBlock(self.lines[:count], self.size, self.leading, self.indent, self.number)

    def tail(self, count: int) -> "TextBlock":
        return TextBlock(self.lines[count:], self.size, self.leading, self.indent, "")

    def draw(self, canvas: Canvas, x: float, top: float, colour: Color, *, centre_width: float = 0.0) -> None:
        """Baselines sit where a paragraph of this leading puts them (0.8 em below the line top)."""
        if not self.lines:
            return
        font = register_pdf_font()
        canvas.setFillColor(colour)
        text = canvas.beginText()
        text.setFont(font, self.size, self.leading)
        y = top - self.size * 0.86 - (self.leading - self.size * 1.2) / 2
        canvas.setFont(font, self.size)
        if self.number:
            canvas.drawString(x, y, self.number)
        if centre_width:
            for i, line in enumerate(self.lines):
                canvas.drawString(
                    x + (centre_width - text_width(line, self.size)) / 2, y - i * self.leading, line
                )
            return
        text.setTextOrigin(x + self.indent, y)
        for line in self.lines:
            text.textLine(line)
        canvas.drawText(text)


def block(
    text: str, size: float, leading: float, width: float, *, number: str = "", indent: float = 0.0
) -> TextBlock:
    """``text`` wrapped into ``width`` (less the hanging indent when numbered)."""
    lines = wrap(text, size, width - indent) if text else ("",)
    return TextBlock(lines, size, leading, indent, number)


def widest(texts: Sequence[str], size: float) -> float:
    return max((text_width(t, size) for t in texts), default=0.0)
