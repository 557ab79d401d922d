"""Schemes as data: JSON round trip, validation of custom schemes, and the pure evaluation rules."""

import json
import re
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dualprev.domain import evaluation_rules as rules
from dualprev.domain import settings as setting_specs
from dualprev.domain.grading import (
    DEFAULT_DIRECT_JUDGEMENT_ITEMS,
    FACTOR_KEYS,
    LEC_4C,
    LS_SD,
    PRESET_SCHEMES,
    Band,
    Factor,
    FactorOutOfScale,
    FactorValue,
    GradingScheme,
    InvalidScheme,
    format_decimal,
    grade,
    reachable_scores,
    scheme_from_dict,
    scheme_problems,
    scheme_to_dict,
    validate_scheme,
)
from dualprev.domain.risk import (
    ALTERNATIVE_TIER_BY_LEVEL,
    DEFAULT_TIER_BY_LEVEL,
    ControlTier,
    EvaluationMethod,
    RiskLevel,
)

D = Decimal


def _json_round_trip(scheme: GradingScheme) -> GradingScheme:
    return scheme_from_dict(json.loads(json.dumps(scheme_to_dict(scheme), ensure_ascii=False)))


@pytest.mark.parametrize("scheme", PRESET_SCHEMES, ids=lambda s: s.code)
def test_presets_are_valid_and_survive_json(scheme: GradingScheme) -> None:
    assert scheme_problems(scheme) == []
    assert _json_round_trip(scheme) == scheme


def test_json_keeps_decimals_as_exact_text() -> None:
    data = scheme_to_dict(LEC_4C)
    assert data["method"] == "LEC"
    assert [v["value"] for v in data["factors"][0]["values"]] == ["10", "6", "3", "1", "0.5", "0.2", "0.1"]
    assert data["bands"][0] == {
        "number": 1,
        "low": "320",
        "high": None,
        "label": "极其危险，不能继续作业",
        "level": 1,
    }


# --- generated schemes -------------------------------------------------------------------------

_values = st.decimals(min_value=D("0.1"), max_value=D("100"), places=1, allow_nan=False, allow_infinity=False)


@st.composite
def valid_schemes(draw: st.DrawFn) -> GradingScheme:
    method = draw(st.sampled_from([EvaluationMethod.LEC, EvaluationMethod.LS]))
    factors = tuple(
        Factor(
            key,
            draw(st.text(min_size=1, max_size=8)),
            tuple(
                FactorValue(v, draw(st.text(max_size=10)))
                for v in draw(st.lists(_values, min_size=1, max_size=5, unique=True))
            ),
        )
        for key in FACTOR_KEYS[method]
    )
    partial = GradingScheme("X", "x", method, 1, factors, ())
    scores = reachable_scores(partial)
    cuts = sorted(draw(st.sets(st.sampled_from(scores[1:]), max_size=4))) if len(scores) > 1 else []
    bounds: list[Decimal | None] = [None, *cuts, None]
    levels = sorted(
        draw(st.lists(st.sampled_from(list(RiskLevel)), min_size=len(cuts) + 1, max_size=len(cuts) + 1))
    )
    # Bands from the lowest scores up; levels get more severe (smaller) as the score rises.
    bands = tuple(
        Band(i + 1, bounds[i], bounds[i + 1], draw(st.text(min_size=1, max_size=10).filter(str.strip)), level)
        for i, level in enumerate(reversed(levels))
    )
    code = draw(st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_-]{0,20}", fullmatch=True))
    name = draw(st.text(min_size=1, max_size=30).filter(str.strip))
    return GradingScheme(code, name, method, draw(st.integers(1, 99)), factors, bands)


@settings(max_examples=150, deadline=None)
@given(scheme=valid_schemes())
def test_generated_scheme_round_trips_through_json(scheme: GradingScheme) -> None:
    assert scheme_problems(scheme) == []
    again = _json_round_trip(scheme)
    assert again == scheme
    assert scheme_to_dict(again) == scheme_to_dict(scheme)


@settings(max_examples=100, deadline=None)
@given(scheme=valid_schemes(), data=st.data())
def test_a_valid_scheme_grades_every_reachable_combination(
    scheme: GradingScheme, data: st.DataObject
) -> None:
    values = {f.key: data.draw(st.sampled_from(f.allowed())) for f in scheme.factors}
    result = grade(scheme, values)
    product = D(1)
    for v in values.values():
        product *= v
    assert result.score == product
    assert sum(b.contains(result.score) for b in scheme.bands) == 1


@settings(max_examples=100, deadline=None)
@given(scheme=valid_schemes())
def test_removing_the_bottom_band_leaves_scores_uncovered(scheme: GradingScheme) -> None:
    if len(scheme.bands) < 2:
        return
    bottom = next(b for b in scheme.bands if b.low is None)
    broken = replace(scheme, bands=tuple(b for b in scheme.bands if b is not bottom))
    problems = scheme_problems(broken)
    assert any("不在任何分级区间内" in p for p in problems), problems
    with pytest.raises(InvalidScheme):
        validate_scheme(broken)


# --- what a custom scheme may not do -----------------------------------------------------------


def _ls(bands: tuple[Band, ...], **changes: object) -> GradingScheme:
    fields: dict[str, object] = {"code": "MY-LS", "name": "自定义LS", "bands": bands, **changes}
    return replace(LS_SD, **fields)  # type: ignore[arg-type]


_L = RiskLevel


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        (_ls(LS_SD.bands, code=""), "方案编号不能为空"),
        (_ls(LS_SD.bands, code="我的方案"), "方案编号只能由"),
        (_ls(LS_SD.bands, name=" "), "方案名称不能为空"),
        (_ls(LS_SD.bands, method=EvaluationMethod.DIRECT), "不使用分级方案"),
        (_ls(LS_SD.bands, factors=(LS_SD.factors[0],)), "因素应为 L、S"),
        (_ls(LS_SD.bands, factors=(LS_SD.factors[0], Factor("S", "严重性", ()))), "至少需要一个取值"),
        (
            _ls(LS_SD.bands, factors=(LS_SD.factors[0], Factor("S", "严重性", (FactorValue(D(-1), ""),)))),
            "必须大于0",
        ),
        (
            _ls(LS_SD.bands, factors=(LS_SD.factors[0], Factor("S", "s", (FactorValue(D(2), ""),) * 2))),
            "取值重复：2",
        ),
        (_ls(()), "至少需要一个分级区间"),
        (
            _ls((Band(1, D(10), None, "高", _L.MAJOR), Band(2, None, D(12), "低", _L.LOW))),
            "重叠",
        ),
        (
            _ls((Band(1, D(10), None, "高", _L.MAJOR), Band(2, D(2), D(10), "低", _L.LOW))),
            "不在任何分级区间内：1",
        ),
        (
            _ls((Band(1, D(10), None, "高", _L.LOW), Band(2, None, D(10), "低", _L.MAJOR))),
            "分值越高风险等级不能越低",
        ),
        (_ls((Band(1, D(10), D(5), "x", _L.LOW), Band(2, None, D(10), "y", _L.LOW))), "下限必须小于上限"),
        (_ls((Band(1, None, None, "", _L.LOW),)), "缺少名称"),
        (_ls((Band(1, D(10), None, "高", _L.MAJOR), Band(1, None, D(10), "低", _L.LOW))), "序号"),
    ],
)
def test_invalid_schemes_are_explained(scheme: GradingScheme, expected: str) -> None:
    problems = scheme_problems(scheme)
    assert any(expected in p for p in problems), problems
    with pytest.raises(InvalidScheme) as info:
        validate_scheme(scheme)
    assert expected in str(info.value)


def test_gap_message_lists_the_first_uncovered_scores() -> None:
    scheme = _ls((Band(1, D(13), None, "高", _L.MAJOR), Band(2, None, D(9), "低", _L.LOW)))
    [problem] = scheme_problems(scheme)
    assert problem == "以下可能出现的分值不在任何分级区间内：9、10、12"


def test_a_custom_scheme_may_extend_a_ladder() -> None:
    wider_c = replace(LEC_4C.factors[2], values=(*LEC_4C.factors[2].values, FactorValue(D(70), "特大灾难")))
    scheme = replace(LEC_4C, code="LEC-MY", name="扩展C", factors=(*LEC_4C.factors[:2], wider_c))
    assert scheme_problems(scheme) == []
    assert grade(scheme, {"L": "1", "E": "1", "C": "70"}).level is RiskLevel.GENERAL


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"method": "XYZ", "code": "a", "factors": [], "bands": []},
        {"method": "LS", "code": "a", "factors": [{"key": "L", "values": [{"value": "abc"}]}], "bands": []},
        {"method": "LS", "code": "a", "factors": [{"key": "L", "values": [{"value": "NaN"}]}], "bands": []},
        {"method": "LS", "code": "a", "factors": [], "bands": [{"number": 1, "level": 7}]},
        {"method": "LS", "code": "a", "factors": [], "bands": [{"number": True, "level": 1}]},
        {"method": "LS", "code": "a", "factors": "L", "bands": []},
        {"format": 99, "method": "LS", "code": "a", "factors": [], "bands": []},
    ],
)
def test_malformed_definitions_are_refused(data: dict[str, object]) -> None:
    with pytest.raises(InvalidScheme):
        scheme_from_dict(data)


# --- evaluation rules --------------------------------------------------------------------------


def test_exact_lec_evaluation() -> None:
    g = rules.grade_evaluation(
        EvaluationMethod.LEC,
        LEC_4C,
        (("L", "0.2"), ("E", "6"), ("C", "15")),
        (),
        DEFAULT_DIRECT_JUDGEMENT_ITEMS,
    )
    assert (g.score, g.level, g.band, g.scheme_code) == ("18", RiskLevel.LOW, 4, "LEC-4C")
    assert g.factors == (("L", "0.2"), ("E", "6"), ("C", "15"))


def test_factor_text_is_normalised_and_order_free() -> None:
    g = rules.grade_evaluation(EvaluationMethod.LS, LS_SD, (("s", "4.0"), ("L", " 5 ")), (), ())
    assert g.factors == (("L", "5"), ("S", "4")) and g.score == "20" and g.level is RiskLevel.MAJOR


@pytest.mark.parametrize(
    ("factors", "message"),
    [
        ((("L", "3"), ("E", "6")), "缺少因素 C"),
        ((("L", "3"), ("E", "6"), ("C", "7"), ("S", "1")), "没有因素“S”"),
        ((("L", "3"), ("L", "6"), ("E", "6"), ("C", "7")), "填写了多次"),
    ],
)
def test_incomplete_factors_are_refused(factors: tuple[tuple[str, str], ...], message: str) -> None:
    with pytest.raises(rules.EvaluationProblem, match=message):
        rules.grade_evaluation(EvaluationMethod.LEC, LEC_4C, factors, (), ())


def test_off_scale_value_names_the_allowed_values() -> None:
    with pytest.raises(FactorOutOfScale, match=re.escape("允许的取值：10、6、3、1、0.5、0.2、0.1")):
        rules.grade_evaluation(EvaluationMethod.LEC, LEC_4C, (("L", "4"), ("E", "6"), ("C", "7")), (), ())


def test_direct_judgement_records_the_ticked_items() -> None:
    items = DEFAULT_DIRECT_JUDGEMENT_ITEMS
    g = rules.grade_evaluation(EvaluationMethod.DIRECT, None, (), ("law", "law", "accident"), items)
    assert g.level is RiskLevel.MAJOR and g.score is None and g.band_label == "直接判定"
    stored = rules.direct_reasons_to_json(g.direct_reasons)
    assert rules.direct_reasons_from_json(stored) == (items[0].text, items[1].text)
    with pytest.raises(rules.EvaluationProblem, match="至少需要勾选一项"):
        rules.grade_evaluation(EvaluationMethod.DIRECT, None, (), (), items)
    with pytest.raises(rules.EvaluationProblem, match="未知的直接判定项"):
        rules.grade_evaluation(EvaluationMethod.DIRECT, None, (), ("nope",), items)


def test_current_may_not_exceed_inherent() -> None:
    assert rules.current_exceeds_inherent(RiskLevel.GENERAL, RiskLevel.SIGNIFICANT)
    assert not rules.current_exceeds_inherent(RiskLevel.GENERAL, RiskLevel.GENERAL)
    assert not rules.current_exceeds_inherent(RiskLevel.MAJOR, RiskLevel.LOW)
    assert not rules.current_exceeds_inherent(None, RiskLevel.MAJOR)
    assert not rules.current_exceeds_inherent(RiskLevel.LOW, None)
    message = rules.stage_conflict_message(RiskLevel.GENERAL, RiskLevel.MAJOR)
    assert "现有风险等级（重大风险）不能高于固有风险等级（一般风险）" in message


def test_tier_tables() -> None:
    assert rules.tier_table_problems(DEFAULT_TIER_BY_LEVEL) == []
    assert rules.tier_table_problems(ALTERNATIVE_TIER_BY_LEVEL) == []
    assert rules.suggested_tier(RiskLevel.GENERAL, ALTERNATIVE_TIER_BY_LEVEL) is ControlTier.TEAM
    upside_down = {**DEFAULT_TIER_BY_LEVEL, RiskLevel.MAJOR: ControlTier.POST}
    assert rules.tier_table_problems(upside_down)[0].startswith("重大风险的管控层级（岗位级）不能低于")
    partial = {RiskLevel.MAJOR: ControlTier.COMPANY}
    assert "缺少" in rules.tier_table_problems(partial)[0]
    setting = rules.tier_table_to_setting(ALTERNATIVE_TIER_BY_LEVEL)
    assert setting == {"1": "company", "2": "workshop", "3": "team", "4": "post"}
    stored = setting_specs.encode(setting_specs.TIER_BY_LEVEL, dict(ALTERNATIVE_TIER_BY_LEVEL))
    assert json.loads(stored) == setting
    assert setting_specs.decode(setting_specs.TIER_BY_LEVEL, stored) == ALTERNATIVE_TIER_BY_LEVEL
    for damaged in ('{"1": "nowhere"}', '{"x": "team"}', '"team"'):
        with pytest.raises(setting_specs.InvalidSetting):
            setting_specs.decode(setting_specs.TIER_BY_LEVEL, damaged)


def test_copy_codes_are_unique() -> None:
    assert rules.unique_copy_code("FX-001", {"FX-001"}) == "FX-001-2"
    assert rules.unique_copy_code("FX-001", {"FX-001", "FX-001-2", "FX-001-3"}) == "FX-001-4"
    assert rules.unique_copy_code("", {""}) == ""
    long = "A" * 32
    copy = rules.unique_copy_code(long, {long})
    assert len(copy) == 32 and copy.endswith("-2")


def test_format_of_scores_stays_exact() -> None:
    assert format_decimal(D("0.1") * D("0.5") * D("1")) == "0.05"
    assert format_decimal(D("10") * D("10") * D("100")) == "10000"
