"""Settings declared once: unique keys, Chinese labels, defaults that survive their own storage, and
stored values that break a rule refused with a reason."""

import pytest

from dualprev.domain import settings
from dualprev.domain.grading import DEFAULT_DIRECT_JUDGEMENT_ITEMS, DirectJudgementItem
from dualprev.domain.risk import RiskLevel


def test_every_setting_has_one_key_and_a_chinese_label() -> None:
    keys = [spec.key for spec in settings.ALL_SETTINGS]
    assert len(keys) == len(set(keys))
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in spec.label) for spec in settings.ALL_SETTINGS)
    assert set(settings.SCHEME_BY_METHOD.values()) <= set(settings.ALL_SETTINGS)


@pytest.mark.parametrize("spec", settings.ALL_SETTINGS, ids=lambda spec: spec.key)
def test_defaults_round_trip_through_storage(spec: settings.SettingSpec[object]) -> None:
    assert settings.decode(spec, settings.encode(spec, spec.default)) == spec.default
    assert settings.problem_with(spec, settings.encode(spec, spec.default)) is None


@pytest.mark.parametrize(
    ("spec", "stored", "reason"),
    [
        (settings.DEADLINE_DAYS_GENERAL, '"seven"', "应为天数"),
        (settings.DEADLINE_DAYS_GENERAL, "true", "应为天数"),
        (settings.DEADLINE_DAYS_TEAM, "-2", "不能为负数"),
        (settings.SCHEME_LEC, '""', "不能为空"),
        (settings.SCHEME_LS, "42", "应为文字"),
        (settings.ACCIDENT_VOCABULARY, "null", "应为文字"),
        (settings.QR_URL_TEMPLATE, '"http://oa.cn/{nope}"', "未知占位符"),
        (settings.DIRECT_JUDGEMENT_ITEMS, '[{"key": "x"}]', "无法识别的直接判定项目"),
        (settings.DIRECT_JUDGEMENT_ITEMS, '{"key": "x"}', "应为项目列表"),
        (settings.HIDDEN_DANGER_NUMBER_PREFIX, "7", "应为文字"),
        (settings.TIER_BY_LEVEL, "{not json", "已损坏"),
        (settings.IMPORT_MAPPINGS, "[]", "应为对照表"),
        (settings.IMPORT_MAPPINGS, '{"ledger": {"镇里": {"found_on": 3}}}', "应为“字段：列名”对照表"),
    ],
)
def test_a_value_breaking_its_rule_is_refused_with_a_reason(
    spec: settings.SettingSpec[object], stored: str, reason: str
) -> None:
    with pytest.raises(settings.InvalidSetting, match=reason):
        settings.decode(spec, stored)
    problem = settings.problem_with(spec, stored)
    assert problem is not None and problem.key == spec.key and problem.stored == stored
    assert f"设置“{spec.label}”" in problem.message and "默认值" in problem.message


def test_values_are_normalised_where_the_rule_says_so() -> None:
    assert settings.decode(settings.HIDDEN_DANGER_NUMBER_PREFIX, '"  ZG "') == "ZG"
    assert settings.decode(settings.HIDDEN_DANGER_NUMBER_PREFIX, '"  "') == "YH"  # blank: the default
    assert settings.decode(settings.QR_URL_TEMPLATE, '" http://oa.cn/{post_id} "') == "http://oa.cn/{post_id}"
    assert settings.decode(settings.DIRECT_JUDGEMENT_ITEMS, "[]") == DEFAULT_DIRECT_JUDGEMENT_ITEMS
    mine = (DirectJudgementItem("fire", "动火作业无票", RiskLevel.MAJOR),)
    assert (
        settings.decode(
            settings.DIRECT_JUDGEMENT_ITEMS, settings.encode(settings.DIRECT_JUDGEMENT_ITEMS, mine)
        )
        == mine
    )


def test_map_north_arrows_setting() -> None:
    from dualprev.domain import settings as s

    spec = s.MAP_NORTH_ARROWS
    assert s.decode(spec, '{"3": 90, "4": null, "5": 370}') == {3: 90.0, 4: None, 5: 10.0}
    assert s.decode(spec, s.encode(spec, {2: 45.0, 1: None})) == {1: None, 2: 45.0}
    for bad in ('{"x": 1}', '{"1": "north"}', '{"1": true}', "[1]"):
        assert s.problem_with(spec, bad) is not None, bad
