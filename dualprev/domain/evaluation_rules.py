"""Rules of risk evaluation (domain.md §3): grading one evaluation, inherent vs current risk, the
level → control-tier table, and codes for copied risk points. Pure: no SQL, no I/O."""

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from dualprev.domain.grading import (
    FACTOR_KEYS,
    DirectJudgementItem,
    GradingScheme,
    direct_grade,
    format_decimal,
    grade,
)
from dualprev.domain.risk import ControlTier, EvaluationMethod, RiskLevel

DIRECT_BAND_LABEL = "直接判定"


class EvaluationProblem(ValueError):
    """An evaluation that cannot be graded; the message (Chinese) says why."""


@dataclass(frozen=True)
class GradedEvaluation:
    """One evaluation as it is recorded: exact factor and score text, the band and the level."""

    method: EvaluationMethod
    scheme_code: str
    factors: tuple[tuple[str, str], ...]
    score: str | None
    band: int | None
    band_label: str
    level: RiskLevel
    direct_reasons: tuple[DirectJudgementItem, ...] = ()


def grade_evaluation(
    method: EvaluationMethod,
    scheme: GradingScheme | None,
    factors: Sequence[tuple[str, str]],
    direct_keys: Sequence[str],
    direct_items: Sequence[DirectJudgementItem],
) -> GradedEvaluation:
    """Grade one evaluation: LEC/LS by ``scheme``'s bands, 直接判定 by the ticked ``direct_keys``.

    Raises EvaluationProblem for missing, unknown or duplicated factors and for a direct judgement
    without a ticked item, and ``grading.FactorOutOfScale`` (whose message lists the allowed values)
    for a value off the scheme's ladder.
    """
    if method is EvaluationMethod.DIRECT:
        return _grade_direct(factors, direct_keys, direct_items)
    if scheme is None or scheme.method is not method:
        raise EvaluationProblem(f"没有可用于{method.label}的分级方案")
    if direct_keys:
        raise EvaluationProblem(f"{method.label}不使用直接判定项")
    expected = FACTOR_KEYS[method]
    given: dict[str, str] = {}
    for raw_key, value in factors:
        key = raw_key.strip().upper()
        if key not in expected:
            raise EvaluationProblem(f"{method.value} 评价没有因素“{key}”，应填写 {'、'.join(expected)}")
        if key in given:
            raise EvaluationProblem(f"因素 {key} 填写了多次")
        given[key] = value.strip()
    missing = [key for key in expected if not given.get(key)]
    if missing:
        raise EvaluationProblem(f"{method.value} 评价缺少因素 {'、'.join(missing)} 的取值")
    result = grade(scheme, given)
    exact = tuple((key, format_decimal(Decimal(given[key]))) for key in expected)
    return GradedEvaluation(
        method=method,
        scheme_code=scheme.code,
        factors=exact,
        score=format_decimal(result.score),
        band=result.band,
        band_label=result.band_label,
        level=result.level,
    )


def _grade_direct(
    factors: Sequence[tuple[str, str]],
    direct_keys: Sequence[str],
    direct_items: Sequence[DirectJudgementItem],
) -> GradedEvaluation:
    if factors:
        raise EvaluationProblem("直接判定不填写评价因素")
    by_key = {item.key: item for item in direct_items}
    unknown = [key for key in direct_keys if key not in by_key]
    if unknown:
        raise EvaluationProblem(f"未知的直接判定项：{'、'.join(unknown)}")
    ticked = tuple(by_key[key] for key in dict.fromkeys(direct_keys))
    level = direct_grade(ticked)
    if level is None:
        raise EvaluationProblem("直接判定至少需要勾选一项判定依据")
    return GradedEvaluation(
        method=EvaluationMethod.DIRECT,
        scheme_code="",
        factors=(),
        score=None,
        band=None,
        band_label=DIRECT_BAND_LABEL,
        level=level,
        direct_reasons=ticked,
    )


def regrade(scheme: GradingScheme, factors: Sequence[tuple[str, str]]) -> GradedEvaluation:
    """The same recorded factor values graded under another scheme of their method."""
    return grade_evaluation(scheme.method, scheme, factors, (), ())


def direct_reasons_to_json(items: Iterable[DirectJudgementItem]) -> str:
    """How ticked direct-judgement items are kept on an evaluation: key and text as they were ticked."""
    return json.dumps([{"key": i.key, "text": i.text} for i in items], ensure_ascii=False)


def direct_reasons_from_json(text: str) -> tuple[str, ...]:
    """The texts of the ticked items recorded by :func:`direct_reasons_to_json` (empty when none)."""
    if not text.strip():
        return ()
    try:
        data = json.loads(text)
    except ValueError:
        return (text,)
    if not isinstance(data, list):
        return (str(data),)
    return tuple(str(entry.get("text", "")) if isinstance(entry, dict) else str(entry) for entry in data)


# --- inherent vs current ---------------------------------------------------------------------


def current_exceeds_inherent(inherent: RiskLevel | None, current: RiskLevel | None) -> bool:
    """Whether the current risk is more severe than the inherent one (never allowed).

    A stage that has not been evaluated cannot be compared, so it never conflicts.
    """
    return inherent is not None and current is not None and current < inherent


def stage_conflict_message(inherent: RiskLevel, current: RiskLevel) -> str:
    return (
        f"现有风险等级（{current.label}）不能高于固有风险等级（{inherent.label}）："
        "管控措施到位后的风险不会比没有措施时更大，请核对两次评价的取值"
    )


# --- level → control tier --------------------------------------------------------------------


def suggested_tier(level: RiskLevel, table: Mapping[RiskLevel, ControlTier]) -> ControlTier:
    """The control tier the enterprise's table assigns to ``level``."""
    return table[level]


def tier_table_problems(table: Mapping[RiskLevel, ControlTier]) -> list[str]:
    """Why ``table`` cannot be the level → control-tier table (empty: it can).

    Every level needs a tier, and a more severe level may not be controlled at a lower tier than a
    milder one (a 公司级 risk is watched by every tier below, so severity and tier rise together).
    """
    missing = [level.label for level in RiskLevel if level not in table]
    if missing:
        return [f"管控层级表缺少：{'、'.join(missing)}"]
    problems = []
    for level in RiskLevel:
        milder = [m for m in RiskLevel if m > level and table[m].rank < table[level].rank]
        if milder:
            problems.append(
                f"{level.label}的管控层级（{table[level].label}）不能低于{milder[0].label}的"
                f"（{table[milder[0]].label}）"
            )
    return problems


def tier_table_to_setting(table: Mapping[RiskLevel, ControlTier]) -> dict[str, str]:
    """The JSON form kept in the ``tier_by_level`` setting: ``{"1": "company", …}``."""
    return {str(int(level)): table[level].value for level in RiskLevel if level in table}


# --- copies ----------------------------------------------------------------------------------


def unique_copy_code(code: str, taken: Collection[str], max_length: int = 32) -> str:
    """A code for a copy of the risk point ``code`` that is not in ``taken``: ``FX-001-2``, ``-3``…

    An empty code stays empty (nothing to clash with).
    """
    code = code.strip()
    if not code:
        return ""
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = code[: max_length - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        n += 1
