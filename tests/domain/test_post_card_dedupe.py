"""A card says each thing once: the 冲压工 of the demo listed "光电保护失效" beside "光电保护装置失效或被
屏蔽" and "穿防砸劳保鞋" in two PPE lines."""

from dualprev.domain.post_card import EnterpriseFacts, HazardFact, MeasureFact, PostFacts, compute_card
from dualprev.domain.post_card_dedupe import covered_by, distinct_items, distinct_measures
from dualprev.domain.risk import ControlMeasureCategory as Cat
from dualprev.domain.risk import RiskLevel
from dualprev.domain.safety_signs import parse_sign_library
from dualprev.domain.vocabularies import ACCIDENT_VOCABULARIES
from dualprev.paths import resource_path

LIBRARY = parse_sign_library(
    resource_path("library", "safety_signs.json").read_text(encoding="utf-8"),
    [t.name for types in ACCIDENT_VOCABULARIES.values() for t in types],
)


def test_a_hazard_said_more_fully_elsewhere_is_said_once_at_the_earlier_place() -> None:
    items = ["光电保护失效", "用手直接伸入模区送料、取件", "光电保护装置失效或被屏蔽", "冲压噪声超标"]
    assert distinct_items(items) == ("光电保护装置失效或被屏蔽", "用手直接伸入模区送料、取件", "冲压噪声超标")


def test_different_things_in_similar_words_both_stay() -> None:
    assert not covered_by(
        "安装光电保护并与液压控制回路联锁", "每台压力机安装光电安全保护装置，与离合器控制回路联锁"
    )
    assert not covered_by("触电", "焊机外壳漏电导致触电")  # too short to judge
    assert not covered_by("1号冲床防护罩缺失", "11号冲床防护罩缺失")
    items = ["防护罩缺失或松动", "护栅缺失，手伸入刀口", "抛光轮无防护罩"]
    assert distinct_items(items) == tuple(items)


def test_a_ppe_clause_already_said_is_not_repeated() -> None:
    items = ["穿防砸劳保鞋，搬运时戴防割手套", "佩戴安全帽，穿防砸劳保鞋", "穿防砸劳保鞋"]
    assert distinct_measures(items) == ("穿防砸劳保鞋，搬运时戴防割手套", "佩戴安全帽")


def test_the_card_of_a_post_facing_two_presses_lists_each_line_once() -> None:
    def hazard(text: str, *ppe: str) -> HazardFact:
        return HazardFact(
            text, RiskLevel.SIGNIFICANT, ("机械伤害",), tuple(MeasureFact(Cat.PPE, m) for m in ppe)
        )

    post = PostFacts(
        4, "冲压工", "冲压车间", hazards=(
            hazard("光电保护装置失效或被屏蔽", "穿防砸劳保鞋，搬运时戴防割手套"),
            hazard("光电保护失效", "佩戴安全帽，穿防砸劳保鞋"),
            hazard("光电保护装置失效或被屏蔽", "穿防砸劳保鞋，搬运时戴防割手套"),
        ), risk_point_count=2,
    )  # fmt: skip
    card = compute_card(post, EnterpriseFacts("厂"), LIBRARY)
    assert card.hazards == ("光电保护装置失效或被屏蔽",)
    assert [g.items for g in card.measures] == [("穿防砸劳保鞋，搬运时戴防割手套", "佩戴安全帽")]
