"""Chinese text set with :mod:`dualprev.reports.line_break` in PDFs: the words every printout keeps
whole, measuring in the bundled font, and a flowable that draws a broken text (used for text that is
not a plain table cell: form values, text under pictures).

Sizes: a table cell's text may shrink from its body size down to :data:`MIN_CELL_PT` so that its
widest unbreakable token fits the column; below that the token is cut between characters.
"""

from collections.abc import Iterable
from functools import cache, lru_cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from dualprev.domain.checks import CheckResult, CheckType
from dualprev.domain.hidden_danger import (
    HiddenDangerCategory,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    OwnerTier,
)
from dualprev.domain.risk import ControlMeasureCategory, ControlTier, RiskLevel, RiskPointKind
from dualprev.domain.vocabularies import ACCIDENT_VOCABULARIES
from dualprev.reports.fonts import text_width_pt
from dualprev.reports.line_break import Terms, fit_text

MIN_CELL_PT = 6.0
"""The smallest size a table cell's text shrinks to (from 7 pt on A4, 8 pt on A3, 8.5 pt forms)."""

_DOMAIN_WORDS = (
    "逾期", "整改", "验收", "销号", "作废", "隐患", "风险点", "危险源", "责任单位", "责任人", "排查人",
    "整改期限", "完成日期", "验收日期", "验收人", "验收结论", "管控措施", "管控层级", "临时管控措施",
    "作业活动", "设备设施", "检查项目", "作业步骤", "事故类型", "治理方案", "重大隐患", "一般隐患",
    "报送版", "职务", "主要负责人", "安全管理", "应急处置", "个体防护", "工程技术", "培训教育", "操作规程",
)  # fmt: skip


@cache
def vocabulary() -> Terms:
    """Status, level, category, tier and accident-type names and common domain words."""
    words: list[str] = list(_DOMAIN_WORDS)
    for enum in (
        HiddenDangerStatus, HiddenDangerLevel, HiddenDangerCategory, HiddenDangerSource, OwnerTier,
        RiskLevel, RiskPointKind, ControlTier, ControlMeasureCategory, CheckType, CheckResult,
    ):  # fmt: skip
        words += [member.label for member in enum]
    for types in ACCIDENT_VOCABULARIES.values():
        words += [t.name for t in types]
    return Terms.of(words)


def terms_with(words: Iterable[str]) -> Terms:
    """The vocabulary plus ``words`` (names of people and departments of one document)."""
    own = Terms.of(words)
    return vocabulary().merged(own) if own.by_first else vocabulary()


@lru_cache(maxsize=65536)
def measure(text: str, size: float) -> float:
    """Width in points of ``text`` at ``size`` in the printouts' font (cached: tokens repeat)."""
    return text_width_pt(text, size)


class ChineseText(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """Plain text (``\\n`` breaks) in a paragraph style, broken by the Chinese rules for the width it
    is given; shrinks towards ``min_size`` only when a token is wider than that width."""

    def __init__(self, text: str, style: ParagraphStyle, terms: Terms | None = None, min_size: float = 0):
        super().__init__()
        self.text = text
        self.style = style
        self.terms = terms or vocabulary()
        self.min_size = min_size or style.fontSize
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self._laid: tuple[float, float, tuple[str, ...]] | None = None

    def _layout(self, width: float) -> tuple[float, tuple[str, ...]]:
        if self._laid is None or abs(self._laid[0] - width) > 1e-6:
            fitted = fit_text(
                self.text, width, measure, size=self.style.fontSize, min_size=self.min_size, terms=self.terms
            )
            self._laid = (width, fitted.size, fitted.lines)
        return self._laid[1], self._laid[2]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        size, lines = self._layout(availWidth)
        self.width = availWidth
        self.height = len(lines) * size * self.style.leading / self.style.fontSize
        return self.width, self.height

    def lines(self, width: float) -> tuple[str, ...]:
        """The lines this text is printed in at ``width``."""
        return self._layout(width)[1]

    def draw(self) -> None:
        size, lines = self._layout(self.width)
        leading = size * self.style.leading / self.style.fontSize
        canvas = self.canv
        canvas.setFont(self.style.fontName, size, leading)
        canvas.setFillColor(self.style.textColor)
        for index, line in enumerate(lines):
            y = self.height - size - index * leading + 0.2 * size
            if self.style.alignment == TA_CENTER:
                canvas.drawCentredString(self.width / 2, y, line)
            elif self.style.alignment == TA_RIGHT:
                canvas.drawRightString(self.width, y, line)
            else:
                canvas.drawString(0, y, line)
