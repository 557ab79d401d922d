from dualprev.domain.risk import (
    DEFAULT_TIER_BY_LEVEL,
    ControlMeasureCategory,
    ControlTier,
    RiskLevel,
    RiskPointKind,
)


def test_levels_names_and_colours_follow_domain_table() -> None:
    assert [lv.label for lv in RiskLevel] == ["重大风险", "较大风险", "一般风险", "低风险"]
    assert [lv.colour.name for lv in RiskLevel] == ["红", "橙", "黄", "蓝"]
    assert RiskLevel.MAJOR.colour.rgb == (255, 0, 0)
    assert RiskLevel.SIGNIFICANT.colour.rgb == (255, 128, 0)
    assert RiskLevel.GENERAL.colour.rgb == (255, 255, 0)
    assert RiskLevel.LOW.colour.cmyk == (100, 42, 0, 25)


def test_low_risk_is_blue_never_green() -> None:
    low = RiskLevel.LOW.colour
    assert low.key == "blue"
    assert low.hex == "#0070C0"
    red, green, blue = low.rgb
    assert blue > green > red


def test_text_on_level_colour_is_readable() -> None:
    assert RiskLevel.MAJOR.colour.text_rgb == (255, 255, 255)
    assert RiskLevel.GENERAL.colour.text_rgb == (0, 0, 0)
    assert RiskLevel.LOW.colour.text_rgb == (255, 255, 255)


def test_level_from_label_accepts_name_short_name_and_colour() -> None:
    assert RiskLevel.from_label("较大风险") is RiskLevel.SIGNIFICANT
    assert RiskLevel.from_label("一般") is RiskLevel.GENERAL
    assert RiskLevel.from_label("蓝") is RiskLevel.LOW


def test_default_tier_table() -> None:
    assert DEFAULT_TIER_BY_LEVEL[RiskLevel.MAJOR] is ControlTier.COMPANY
    assert DEFAULT_TIER_BY_LEVEL[RiskLevel.SIGNIFICANT] is ControlTier.COMPANY
    assert DEFAULT_TIER_BY_LEVEL[RiskLevel.GENERAL] is ControlTier.WORKSHOP
    assert DEFAULT_TIER_BY_LEVEL[RiskLevel.LOW] is ControlTier.TEAM


def test_company_tier_is_watched_by_every_lower_tier() -> None:
    assert ControlTier.COMPANY.tiers_watching() == list(ControlTier)
    assert ControlTier.TEAM.tiers_watching() == [ControlTier.TEAM, ControlTier.POST]


def test_measure_categories_in_preferred_order() -> None:
    assert [c.label for c in ControlMeasureCategory] == [
        "工程技术措施", "管理措施", "培训教育措施", "个体防护措施", "应急处置措施",
    ]  # fmt: skip


def test_risk_point_kinds() -> None:
    assert {k.label for k in RiskPointKind} == {"设备设施", "作业活动", "场所区域"}
    assert RiskPointKind.ACTIVITY.uses_job_steps
    assert not RiskPointKind.EQUIPMENT.uses_job_steps


def test_risk_point_codes_follow_their_area_and_never_reuse_a_number() -> None:
    from dualprev.domain.risk import next_risk_point_code, risk_point_code_prefix

    assert risk_point_code_prefix("JJ") == "FX-JJ-" and risk_point_code_prefix(" ") == "FX-"
    taken = {"FX-JJ-001", "FX-JJ-003", "FX-JJ-003-2", "FX-PT-009", "KU-004", "FX-JJ-X"}
    assert next_risk_point_code("FX-JJ-", taken) == "FX-JJ-004"  # after the highest; the gap stays
    assert next_risk_point_code("FX-CY-", taken) == "FX-CY-001"
    assert next_risk_point_code("FX-", {"FX-1000"}) == "FX-1001"
