"""GB 6441-2025 beside GB 6441-1986: the vocabulary, the mapping between them, and the words that
decide the types the new standard split."""

import pytest

from dualprev.domain.accident_type_mapping import (
    MAPPING_1986_TO_2025,
    check_choices,
    explosion_kind,
    names_in_2025,
    poison_kinds,
    targets,
)
from dualprev.domain.library import parse_library
from dualprev.domain.vocabularies import (
    ACCIDENT_TYPES_GB6441_1986,
    ACCIDENT_TYPES_GB6441_2025,
    GB6441_1986,
    GB6441_2025,
    accident_type_rank,
    accident_types,
    vocabulary_basis_note,
)
from dualprev.paths import resource_path

NAMES_2025 = {t.name for t in ACCIDENT_TYPES_GB6441_2025}


def test_gb6441_2025_has_27_types_coded_01_to_27_and_no_mining_only_ones() -> None:
    assert [t.code for t in ACCIDENT_TYPES_GB6441_2025] == [f"{i:02d}" for i in range(1, 28)]
    assert len(NAMES_2025) == 27 and len(accident_types(GB6441_2025)) == 27
    assert {"厂(场)内车辆致害", "机械致害", "起重致害", "粉尘爆炸", "中毒", "窒息", "其他事故"} <= NAMES_2025
    # 职业病危害 is a hazard category (GB/T 13861), not an accident type.
    assert not any("职业" in name for name in NAMES_2025)


def test_every_1986_type_has_a_mapping_into_2025_types() -> None:
    assert set(MAPPING_1986_TO_2025) == {t.name for t in ACCIDENT_TYPES_GB6441_1986}
    for mapping in MAPPING_1986_TO_2025.values():
        assert mapping.choices, mapping.source
        assert all(name in NAMES_2025 for choice in mapping.choices for name in choice), mapping.source
        assert not mapping.default or mapping.default in mapping.choices, mapping.source
    assert MAPPING_1986_TO_2025["机械伤害"].default == ("机械致害",)
    assert MAPPING_1986_TO_2025["中毒和窒息"].default == ("中毒", "窒息")
    assert MAPPING_1986_TO_2025["其他爆炸"].default == ()  # only the words or the user decide


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("铝粉尘与钢件打磨粉尘共用一套除尘系统", "粉尘爆炸"),
        ("烘干室点火前未吹扫，炉膛内燃气积聚爆燃", "可燃气体爆炸"),  # the substance beats the room
        ("喷漆房未设可燃气体报警装置，可燃蒸气积聚", "可燃液体蒸汽爆炸"),  # the alarm's name is no gas
        ("化粪池内硫化氢、沼气积聚", "可燃气体爆炸"),
        ("中频炉熔融金属遇水", "高温熔融物爆炸"),
        ("压缩空气管道腐蚀", "管道爆炸"),
        ("仓库门未上锁", None),
    ],
)
def test_the_words_of_a_record_name_the_kind_of_explosion(text: str, kind: str | None) -> None:
    assert explosion_kind(text) == kind


def test_poisoning_and_asphyxiation_follow_the_words_and_default_to_both() -> None:
    assert poison_kinds("焊接烟尘和锰等有害物质") == ("中毒",)
    assert poison_kinds("氮气置换后罐内缺氧") == ("窒息",)
    assert poison_kinds("进入有限空间未检测") == ("中毒", "窒息")
    assert targets("中毒和窒息", "危险废物暂存间渗漏") == ("中毒", "窒息")
    # A pick decides only the records whose words do not, as for 其他爆炸.
    assert targets("中毒和窒息", "焊接烟尘", ("窒息",)) == ("中毒",)
    assert targets("中毒和窒息", "危险废物暂存间渗漏", ("窒息",)) == ("窒息",)
    assert MAPPING_1986_TO_2025["中毒和窒息"].reads_words and not MAPPING_1986_TO_2025["车辆伤害"].reads_words


def test_other_explosions_need_words_or_a_choice() -> None:
    assert targets("其他爆炸", "车床卡盘") is None
    assert targets("其他爆炸", "车床卡盘", ("其他可燃固体爆炸",)) == ("其他可燃固体爆炸",)
    assert targets("其他爆炸", "铝粉除尘器", ("其他可燃固体爆炸",)) == ("粉尘爆炸",)  # words first
    names, undecided = names_in_2025(("火灾", "其他爆炸", "机械伤害"), "车床")
    assert names == ("火灾", "机械致害") and undecided == ("其他爆炸",)
    with pytest.raises(ValueError):
        targets("机械伤害", "", ("粉尘爆炸",))


def test_choices_are_checked_with_chinese_messages() -> None:
    assert check_choices({"车辆伤害": ("道路(轨道)车辆致害",)}) == []
    problems = check_choices({"其他爆炸": ("粉尘",), "爆炸伤害": ("粉尘爆炸",)})
    assert "“其他爆炸”不能对应为“粉尘”，可选：粉尘爆炸" in problems[0]
    assert (
        "可选：容器爆炸；管道爆炸；容器爆炸+管道爆炸" in check_choices({"容器爆炸": ("x",)})[0]
    )  # as --map writes it
    assert problems[1] == "“爆炸伤害”不是 GB 6441-1986 的事故类型"


def test_one_sort_order_keeps_the_code_order_of_both_vocabularies() -> None:
    for types in (ACCIDENT_TYPES_GB6441_1986, ACCIDENT_TYPES_GB6441_2025):
        ranks = [accident_type_rank(t.name) for t in types]
        assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    assert accident_type_rank("不存在的类型") > max(accident_type_rank(n) for n in NAMES_2025)


def test_the_basis_line_names_the_standard() -> None:
    assert vocabulary_basis_note(GB6441_1986) == "事故类型依据：GB 6441-1986《企业职工伤亡事故分类》。"
    assert vocabulary_basis_note(GB6441_2025) == "事故类型依据：GB 6441-2025《生产安全事故分类与编码》。"


def test_every_shipped_library_hazard_maps_into_2025_by_its_own_words() -> None:
    library = parse_library(resource_path("library", "risk_library.json").read_text(encoding="utf-8"))
    assert library.accident_vocabulary == GB6441_1986
    translated = library.in_vocabulary(GB6441_2025)
    assert translated.accident_vocabulary == GB6441_2025
    for entry in translated.entries:
        for hazard in entry.hazards:
            assert set(hazard.accident_types) <= NAMES_2025, (entry.key, hazard.description)
    for key in ("dust-collector", "woodworking-dust"):
        pairs = zip(library.entry(key).hazards, translated.entry(key).hazards, strict=True)
        exploding = [new for old, new in pairs if "其他爆炸" in old.accident_types]
        assert exploding and all("粉尘爆炸" in h.accident_types for h in exploding)
    assert library.in_vocabulary(GB6441_1986) is library
