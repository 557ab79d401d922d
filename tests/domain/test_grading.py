from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dualprev.domain import grading
from dualprev.domain.grading import (
    LEC_4C,
    LEC_SD5,
    LS_4,
    LS_HG,
    LS_SD,
    FactorOutOfScale,
    grade,
    highest_level,
)
from dualprev.domain.risk import RiskLevel

D = Decimal


def test_lec_score_is_exact() -> None:
    result = grade(LEC_4C, {"L": "0.2", "E": "6", "C": "15"})
    assert result.score == D(18)
    assert grading.format_decimal(result.score) == "18"


@pytest.mark.parametrize(
    ("values", "level", "band"),
    [
        ({"L": "1", "E": "0.5", "C": "40"}, RiskLevel.LOW, 5),  # D = 20: lower edge of band 4 in SD5
        ({"L": "1", "E": "10", "C": "7"}, RiskLevel.GENERAL, 3),  # D = 70: lower edge of 一般
        ({"L": "3", "E": "6", "C": "15"}, RiskLevel.SIGNIFICANT, 2),  # 270
        ({"L": "6", "E": "6", "C": "15"}, RiskLevel.MAJOR, 1),  # 540
    ],
)
def test_lec_4c_levels(values: dict[str, str], level: RiskLevel, band: int) -> None:
    result = grade(LEC_4C, values)
    assert result.level is level


def test_lec_sd5_reachable_edges() -> None:
    assert grade(LEC_SD5, {"L": "1", "E": "0.5", "C": "40"}).band == 4  # D = 20
    assert grade(LEC_SD5, {"L": "1", "E": "0.5", "C": "15"}).band == 5  # D = 7.5
    assert grade(LEC_SD5, {"L": "1", "E": "10", "C": "7"}).band == 3  # D = 70
    assert grade(LEC_SD5, {"L": "3", "E": "3", "C": "7"}).band == 4  # D = 63
    assert grade(LEC_SD5, {"L": "1", "E": "0.5", "C": "15"}).band_label == "稍有危险"


@pytest.mark.parametrize(
    ("scheme", "score_to_level"),
    [
        (LS_SD, {25: 1, 20: 1, 16: 2, 15: 2, 12: 3, 9: 3, 8: 4, 1: 4}),
        (LS_4, {20: 1, 16: 2, 10: 2, 9: 3, 4: 3, 3: 4}),
        (LS_HG, {15: 1, 12: 2, 8: 2, 6: 3, 4: 3, 3: 4}),
    ],
)
def test_ls_presets(scheme: grading.GradingScheme, score_to_level: dict[int, int]) -> None:
    pairs = {(lv, s): lv * s for lv in range(1, 6) for s in range(1, 6)}
    for score, level in score_to_level.items():
        l_value, s_value = next(k for k, v in pairs.items() if v == score)
        assert grade(scheme, {"L": l_value, "S": s_value}).level == level, (scheme.code, score)


def test_value_off_the_scale_names_allowed_values() -> None:
    with pytest.raises(FactorOutOfScale) as info:
        grade(LEC_4C, {"L": "0.3", "E": "6", "C": "15"})
    assert "0.5" in str(info.value) and "10" in str(info.value)
    with pytest.raises(FactorOutOfScale):
        grade(LS_SD, {"L": "6", "S": "1"})
    with pytest.raises(FactorOutOfScale):
        grade(LS_SD, {"L": "abc", "S": "1"})


def test_highest_level_is_most_severe() -> None:
    assert highest_level([RiskLevel.LOW, None, RiskLevel.SIGNIFICANT]) is RiskLevel.SIGNIFICANT
    assert highest_level([None]) is None
    assert highest_level([]) is None


def _lec_values() -> st.SearchStrategy[dict[str, Decimal]]:
    return st.fixed_dictionaries({f.key: st.sampled_from(f.allowed()) for f in LEC_4C.factors})


@given(values=_lec_values(), scheme=st.sampled_from([LEC_4C, LEC_SD5]))
def test_every_lec_combination_lands_in_exactly_one_band(
    values: dict[str, Decimal], scheme: grading.GradingScheme
) -> None:
    result = grade(scheme, values)
    assert sum(b.contains(result.score) for b in scheme.bands) == 1
    assert result.score == values["L"] * values["E"] * values["C"]


@given(values=_lec_values(), key=st.sampled_from(["L", "E", "C"]), data=st.data())
def test_lec_is_monotonic_in_every_factor(values: dict[str, Decimal], key: str, data: st.DataObject) -> None:
    higher = data.draw(st.sampled_from([v for v in LEC_4C.factor(key).allowed() if v >= values[key]]))
    before = grade(LEC_4C, values)
    after = grade(LEC_4C, {**values, key: higher})
    assert after.score >= before.score
    assert after.level <= before.level  # a smaller level number is more severe


@given(
    l_value=st.integers(1, 5), s_value=st.integers(1, 5), scheme=st.sampled_from([LS_SD, LS_4, LS_HG]),
    bump=st.sampled_from(["L", "S"]),
)  # fmt: skip
def test_ls_is_monotonic(l_value: int, s_value: int, scheme: grading.GradingScheme, bump: str) -> None:
    before = grade(scheme, {"L": l_value, "S": s_value})
    bumped = {"L": min(l_value + (bump == "L"), 5), "S": min(s_value + (bump == "S"), 5)}
    assert grade(scheme, bumped).level <= before.level


def test_direct_judgement_grades_major() -> None:
    items = grading.DEFAULT_DIRECT_JUDGEMENT_ITEMS
    assert len(items) == 5
    assert grading.direct_grade([items[2]]) is RiskLevel.MAJOR
    assert grading.direct_grade([]) is None
