"""One row of a 风险分级管控清单: what it says (a risk point, one hazard, its evaluation, measures and
who controls it) and how its evaluation is graded under the enterprise's schemes.

Factors are graded by the same rules as a typed evaluation (values off the method's ladder are
refused). When the factors and the level the file states disagree, the row is a conflict: it is
listed, and imported by the factors or by the stated level as the user chooses.
"""

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from dualprev.domain.evaluation_rules import EvaluationProblem, GradedEvaluation, grade_evaluation
from dualprev.domain.grading import (
    FACTOR_KEYS,
    DirectJudgementItem,
    FactorOutOfScale,
    GradingScheme,
    format_decimal,
)
from dualprev.domain.importing import cells, dates, words
from dualprev.domain.importing.cells import CellProblem, CellValue
from dualprev.domain.risk import (
    ControlMeasureCategory,
    ControlTier,
    EvaluationMethod,
    RiskLevel,
    RiskPointKind,
)

MEASURE_FIELDS: tuple[tuple[str, ControlMeasureCategory], ...] = (
    ("engineering", ControlMeasureCategory.ENGINEERING),
    ("management", ControlMeasureCategory.MANAGEMENT),
    ("training", ControlMeasureCategory.TRAINING),
    ("ppe", ControlMeasureCategory.PPE),
    ("emergency", ControlMeasureCategory.EMERGENCY),
)
DIRECT_PREFIX = "直接判定"
T = TypeVar("T")
LEVEL_ONLY_BAND = "所列等级"
"""Band label of an evaluation recorded from a stated level (no factors, or the level preferred)."""


class Prefer(StrEnum):
    """Which side wins when factors and the stated level disagree."""

    FACTORS = "factors"
    LEVEL = "level"

    @property
    def label(self) -> str:
        return {"factors": "评价因素", "level": "所列等级"}[self.value]


@dataclass(frozen=True)
class RiskRow:
    point_name: str
    point_kind: RiskPointKind
    description: str
    point_code: str = ""
    location: str = ""
    step: str = ""
    accident_types: tuple[str, ...] = ()
    consequence: str = ""
    method: EvaluationMethod | None = None
    factors: tuple[tuple[str, str], ...] = ()
    stated_level: RiskLevel | None = None
    direct_reasons: tuple[str, ...] = ()
    measures: tuple[tuple[ControlMeasureCategory, str], ...] = ()
    suggested: str = ""
    tier: ControlTier | None = None
    department: str = ""
    person: str = ""
    person_department: str = ""
    evaluated_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class RowContext:
    sheet: str
    accident_names: Collection[str]
    sheet_kind: RiskPointKind | None = None
    heading_kind: RiskPointKind | None = None
    """What the step column's heading says (作业步骤 → activity, 检查项目 → equipment)."""
    accident_with_consequence: bool = True
    """Whether the accident column is 事故类型及后果 (else only types: an unknown word is an error)."""


def _factor(value: CellValue, key: str) -> str:
    number = cells.number(value, "S/C" if key == "SC" else key)
    return "" if number is None else format_decimal(number)


def _note_and_reasons(value: CellValue) -> tuple[str, tuple[str, ...]]:
    note_lines: list[str] = []
    reasons: list[str] = []
    for line in cells.text(value).splitlines():
        stripped = line.strip()
        if stripped.startswith(DIRECT_PREFIX):
            rest = stripped[len(DIRECT_PREFIX) :].lstrip("：: ")
            reasons += [r.strip() for r in rest.replace(";", "；").split("；") if r.strip()]
        else:
            note_lines.append(line)
    return "\n".join(note_lines).strip(), tuple(reasons)


class Problems:
    """Collects the problems of one row so it is reported with all of them at once."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def read(self, fn: Callable[..., T], *args: Any) -> T | None:
        """``fn(*args)``, or None with its problem noted."""
        try:
            return fn(*args)
        except CellProblem as exc:
            self.messages.append(str(exc))
            return None

    def add(self, message: str) -> None:
        self.messages.append(message)

    def raise_any(self) -> None:
        if self.messages:
            raise CellProblem("；".join(self.messages))


def parse_row(values: Mapping[str, CellValue], ctx: RowContext) -> RiskRow:
    """Read one row (field key → cell). Raises CellProblem with every problem found, joined by "；"."""
    p = Problems()
    name = cells.text(values.get("point_name"))
    description = cells.text(values.get("description"))
    if not name:
        p.add("缺少风险点名称")
    if not description:
        p.add("缺少危险源或潜在事件")
    kind = p.read(words.risk_point_kind, values.get("point_kind")) or ctx.sheet_kind or ctx.heading_kind
    types: tuple[str, ...] = ()
    consequence = cells.text(values.get("consequence"))
    # The row's own words decide how a 1986 name splits in GB 6441-2025 (其他爆炸 → 粉尘爆炸).
    context = " ".join((name, cells.text(values.get("step")), description, consequence))
    if consequence or not ctx.accident_with_consequence:
        types = p.read(words.accident_types, values.get("accident"), ctx.accident_names, context) or ()
    else:
        types, consequence = words.split_accident_and_consequence(
            values.get("accident"), ctx.accident_names, context
        )
    method = p.read(words.evaluation_method, values.get("method"))
    factors = [(key, p.read(_factor, values.get(field), key) or "") for field, key in _FACTOR_FIELDS]
    level = p.read(words.risk_level, values.get("level"))
    tier = p.read(words.control_tier, values.get("tier"))
    person = p.read(cells.person, values.get("person"), "责任人") or ("", "")
    evaluated = p.read(dates.day_value, values.get("evaluated_on"), "评价日期")
    note, reasons = _note_and_reasons(values.get("note"))
    measures = tuple(
        (category, item) for key, category in MEASURE_FIELDS for item in cells.items(values.get(key))
    )
    suggested = cells.text(values.get("suggested"))
    if cells.fold(suggested) in cells.NO_MEASURE:
        suggested = ""
    if kind is None and not p.messages:
        p.add("无法判断风险点类型（设备设施、作业活动或场所区域）")
    p.raise_any()
    assert kind is not None
    return RiskRow(
        point_name=name,
        point_kind=kind,
        description=description,
        point_code=cells.folded_text(values.get("point_code")),
        location=cells.text(values.get("location")),
        step=cells.text(values.get("step")),
        accident_types=types,
        consequence=consequence,
        method=method,
        factors=tuple((k, v) for k, v in factors if v),
        stated_level=level,
        direct_reasons=reasons,
        measures=measures,
        suggested=suggested,
        tier=tier,
        department=cells.text(values.get("department")),
        person=person[0],
        person_department=person[1],
        evaluated_on=evaluated.day if evaluated else None,
        note=note,
    )


_FACTOR_FIELDS = (("l", "L"), ("e", "E"), ("severity", "SC"))


# --- grading -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowEvaluation:
    """How a row's evaluation is recorded: the graded evaluation, or None when the row has none."""

    graded: GradedEvaluation | None
    conflict: str = ""
    """Why the factors and the stated level disagree ("" when they agree)."""
    note: str = ""
    """Kept on the evaluation: how it was read (a stated level without factors, a level preferred)."""


def _method_of(row: RiskRow) -> EvaluationMethod | None:
    if row.method is not None:
        return row.method
    given = dict(row.factors)
    if "E" in given:
        return EvaluationMethod.LEC
    if "L" in given and "SC" in given:
        return EvaluationMethod.LS
    if row.direct_reasons:
        return EvaluationMethod.DIRECT
    return None


def _factors_for(method: EvaluationMethod, row: RiskRow) -> list[tuple[str, str]]:
    severity = "C" if method is EvaluationMethod.LEC else "S"
    return [
        (severity if k == "SC" else k, v) for k, v in row.factors if k in FACTOR_KEYS[method] or k == "SC"
    ]


def _direct_keys(reasons: Sequence[str], items: Iterable[DirectJudgementItem]) -> list[str]:
    by_text = {cells.fold(i.text): i.key for i in items}
    keys: list[str] = []
    for reason in reasons:
        folded = cells.fold(reason)
        key = by_text.get(folded) or next((k for t, k in by_text.items() if folded and folded in t), None)
        if key is None:
            raise CellProblem(f"直接判定依据“{reason}”不是本企业的直接判定项")
        keys.append(key)
    return keys


def _score_text(graded: GradedEvaluation) -> str:
    symbol = {EvaluationMethod.LEC: "D", EvaluationMethod.LS: "R"}.get(graded.method, "")
    return f"（{symbol}={graded.score}）" if graded.score else ""


def evaluate(
    row: RiskRow,
    schemes: Mapping[EvaluationMethod, GradingScheme],
    direct_items: Sequence[DirectJudgementItem],
    prefer: Prefer,
) -> RowEvaluation:
    """Grade the row's evaluation. Raises CellProblem for factors that cannot be graded."""
    method = _method_of(row)
    if method is None or (method is not EvaluationMethod.DIRECT and not row.factors):
        if row.stated_level is None:
            return RowEvaluation(None)
        return RowEvaluation(
            _stated(method or EvaluationMethod.LEC, row.stated_level), note="导入时只有风险等级，没有评价因素"
        )
    try:
        if method is EvaluationMethod.DIRECT:
            if not row.direct_reasons:
                raise CellProblem("直接判定未写明依据（备注栏“直接判定：……”）")
            keys = _direct_keys(row.direct_reasons, direct_items)
            graded = grade_evaluation(method, None, (), keys, direct_items)
        else:
            graded = grade_evaluation(method, schemes.get(method), _factors_for(method, row), (), ())
    except (FactorOutOfScale, EvaluationProblem) as exc:
        raise CellProblem(str(exc)) from None
    stated = row.stated_level
    if stated is None or stated is graded.level:
        return RowEvaluation(graded)
    conflict = (
        f"按评价因素计算为{graded.level.label}{_score_text(graded)}，清单所列为{stated.label}；"
        f"已按{prefer.label}记录"
    )
    if prefer is Prefer.FACTORS:
        return RowEvaluation(graded, conflict=conflict)
    kept = GradedEvaluation(
        method=graded.method,
        scheme_code=graded.scheme_code,
        factors=graded.factors,
        score=graded.score,
        band=None,
        band_label=LEVEL_ONLY_BAND,
        level=stated,
        direct_reasons=graded.direct_reasons,
    )
    note = f"导入时按清单所列等级记录；按评价因素计算为{graded.level.label}"
    return RowEvaluation(kept, conflict=conflict, note=note)


def _stated(method: EvaluationMethod, level: RiskLevel) -> GradedEvaluation:
    return GradedEvaluation(
        method=method,
        scheme_code="",
        factors=(),
        score=None,
        band=None,
        band_label=LEVEL_ONLY_BAND,
        level=level,
    )
