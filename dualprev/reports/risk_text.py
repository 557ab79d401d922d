"""How risk data reads on paper, shared by the risk exports: measures, evaluation cells, grading
notes and counts — so the control list, the records and the notice word things the same way."""

from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal

from dualprev.domain import grading
from dualprev.domain.risk import EvaluationMethod, RiskLevel
from dualprev.domain.vocabularies import vocabulary_basis_note
from dualprev.reports.data import EnterpriseHeader, EvaluationData, HazardData, RiskPointData
from dualprev.reports.tables import CellValue

DASH = "—"
_METHOD_SHORT = {EvaluationMethod.LEC: "LEC", EvaluationMethod.LS: "LS", EvaluationMethod.DIRECT: "直接判定"}
_SCORE_SYMBOL = {EvaluationMethod.LEC: "D", EvaluationMethod.LS: "R"}
LEVEL_COLOUR_NOTE = "风险等级颜色：重大风险—红色，较大风险—橙色，一般风险—黄色，低风险—蓝色。"


def numbered(items: Sequence[str]) -> str:
    """One item as is; several as "1. …" lines."""
    if len(items) <= 1:
        return items[0] if items else ""
    return "\n".join(f"{i}. {text}" for i, text in enumerate(items, start=1))


def numbered_notes(lines: Sequence[str]) -> tuple[str, ...]:
    """The notes under a table: "说明：" then "1. …" lines."""
    if not lines:
        return ()
    return ("说明：", *(f"{i}. {line}" for i, line in enumerate(lines, start=1)))


def joined(items: Iterable[str]) -> str:
    return "、".join(i for i in items if i)


def accident_and_consequence(hazard: HazardData) -> str:
    """事故类型及后果: "机械伤害：衣袖被卷入造成绞伤"."""
    types = joined(hazard.accident_types)
    if types and hazard.consequence:
        return f"{types}：{hazard.consequence}"
    return types or hazard.consequence


def method_short(evaluation: EvaluationData | None) -> str:
    return _METHOD_SHORT[evaluation.method] if evaluation else ""


def factor_cells(evaluation: EvaluationData | None) -> tuple[CellValue, CellValue, CellValue, CellValue]:
    """The L, E, S/C and D/R cells (E only for LEC; a 直接判定 has no factors)."""
    if evaluation is None:
        return "", "", "", ""
    if evaluation.method is EvaluationMethod.DIRECT:
        return DASH, DASH, DASH, DASH

    def value(v: Decimal | None) -> CellValue:
        return "" if v is None else v

    e_cell = value(evaluation.e_value) if evaluation.method is EvaluationMethod.LEC else DASH
    return value(evaluation.l_value), e_cell, value(evaluation.severity_value), value(evaluation.score)


def evaluation_band(evaluation: EvaluationData | None) -> CellValue:
    """评价级别: the scheme's band number (LEC-SD5 has five), else the level number."""
    if evaluation is None:
        return ""
    return evaluation.band if evaluation.band is not None else int(evaluation.level)


def remark(hazard: HazardData) -> str:
    """备注: the user's note, and the reasons of a 直接判定."""
    parts = [hazard.note.strip()] if hazard.note.strip() else []
    if hazard.current and hazard.current.method is EvaluationMethod.DIRECT:
        reasons = "；".join(hazard.current.direct_reasons)
        parts.append(f"直接判定：{reasons}" if reasons else "直接判定")
    return "\n".join(parts)


def scheme_rule(code: str) -> str:
    """ "LEC-4C（LEC 四级（默认））：D≥320 重大风险；…" for a preset scheme; the bare code otherwise.

    Bands of one level are merged (LEC-SD5's bands 4 and 5 are both 低风险).
    """
    try:
        scheme = grading.preset(code)
    except KeyError:
        return code
    symbol = _SCORE_SYMBOL.get(scheme.method, "分值")
    ranges: list[str] = []
    for level in RiskLevel:
        bands = [b for b in scheme.bands if b.level is level]
        if not bands:
            continue
        lows = [b.low for b in bands]
        highs = [b.high for b in bands]
        low = None if None in lows else min(v for v in lows if v is not None)
        high = None if None in highs else max(v for v in highs if v is not None)
        if low is None and high is not None:
            text = f"{symbol}<{grading.format_decimal(high)}"
        elif high is None and low is not None:
            text = f"{symbol}≥{grading.format_decimal(low)}"
        elif low is not None and high is not None:
            text = f"{grading.format_decimal(low)}≤{symbol}<{grading.format_decimal(high)}"
        else:
            continue
        ranges.append(f"{text} {level.label}")
    return f"{scheme.code}（{scheme.name}）：" + "；".join(ranges)


def vocabulary_notes(enterprise: EnterpriseHeader) -> list[str]:
    """The 事故类型依据 line, when the data says which classification is in use."""
    return [vocabulary_basis_note(enterprise.accident_vocabulary)] if enterprise.accident_vocabulary else []


def scheme_notes(points: Iterable[RiskPointData]) -> list[str]:
    """One grading-rule line per scheme the printed evaluations used, in first-seen order."""
    codes: dict[str, EvaluationMethod] = {}
    direct = False
    for point in points:
        for evaluation in point.evaluations:
            if evaluation.method is EvaluationMethod.DIRECT:
                direct = True
            elif evaluation.scheme_code:
                codes.setdefault(evaluation.scheme_code, evaluation.method)
    lines = [f"{method.label}，分级标准 {scheme_rule(code)}。" for code, method in codes.items()]
    if direct:
        lines.append("直接判定：符合直接判定条件的危险源，不经计算直接判定风险等级（备注栏写明依据）。")
    return lines


def level_counts(levels: Iterable[RiskLevel | None]) -> str:
    """ "重大风险 3 个，较大风险 7 个，一般风险 38 个，低风险 93 个" (and 未评价 when any)."""
    counts = Counter(levels)
    text = "，".join(f"{level.label} {counts.get(level, 0)} 个" for level in RiskLevel)
    if counts.get(None):
        text += f"，未评价 {counts[None]} 个"
    return text
