"""How each GB 6441-1986 accident type becomes GB 6441-2025 types (pure; the switch service applies it).

A 1986 type maps to one 2025 type where the new standard kept or renamed it (机械伤害 → 机械致害), and
to a default the user may change where the new standard split it (车辆伤害 is almost always a
forklift in a 工贸 plant: 厂(场)内车辆致害). Two splits read the record's own words first: 中毒和窒息
becomes 中毒, 窒息 or both as the words say (both when they say nothing), and 其他爆炸, which has no
default, becomes the explosion its words name (粉尘 → 粉尘爆炸, 天然气 → 可燃气体爆炸 …); where
they name none, the user must choose.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TypeMapping:
    """Where one 1986 type goes: ``default`` (empty when the case decides) and the allowed targets."""

    source: str
    default: tuple[str, ...]
    choices: tuple[tuple[str, ...], ...]

    @property
    def needs_text_or_choice(self) -> bool:
        return not self.default

    @property
    def is_fixed(self) -> bool:
        return len(self.choices) == 1

    @property
    def reads_words(self) -> bool:
        """Whether a record's own words decide it before any choice (其他爆炸, 中毒和窒息)."""
        return self.needs_text_or_choice or self.source == _POISONING


_POISONING = "中毒和窒息"
_EXPLOSIONS = (
    "粉尘爆炸",
    "可燃气体爆炸",
    "可燃液体蒸汽爆炸",
    "其他可燃固体爆炸",
    "高温熔融物爆炸",
    "管道爆炸",
)


def _one(*names: str) -> tuple[tuple[str, ...], ...]:
    return tuple((n,) for n in names)


MAPPING_1986_TO_2025: dict[str, TypeMapping] = {
    m.source: m
    for m in (
        TypeMapping("物体打击", ("物体打击",), _one("物体打击")),
        TypeMapping(
            "车辆伤害",
            ("厂(场)内车辆致害",),
            (("厂(场)内车辆致害",), ("道路(轨道)车辆致害",), ("厂(场)内车辆致害", "道路(轨道)车辆致害")),
        ),
        TypeMapping("机械伤害", ("机械致害",), _one("机械致害")),
        TypeMapping("起重伤害", ("起重致害",), _one("起重致害")),
        TypeMapping("触电", ("触电",), _one("触电")),
        TypeMapping("淹溺", ("淹溺",), _one("淹溺")),
        TypeMapping("灼烫", ("灼烫",), _one("灼烫")),
        TypeMapping("火灾", ("火灾",), _one("火灾")),
        TypeMapping("高处坠落", ("高处坠落",), (("高处坠落",), ("跌落",), ("高处坠落", "跌落"))),
        TypeMapping("坍塌", ("坍塌",), (("坍塌",), ("滑坡",))),
        TypeMapping("冒顶片帮", ("坍塌",), _one("坍塌")),
        TypeMapping("透水", ("水害",), _one("水害")),
        TypeMapping("放炮", ("民用爆炸物品爆炸",), _one("民用爆炸物品爆炸")),
        TypeMapping("火药爆炸", ("民用爆炸物品爆炸",), _one("民用爆炸物品爆炸", "烟花爆竹爆炸")),
        TypeMapping("瓦斯爆炸", ("可燃气体爆炸",), _one("可燃气体爆炸")),
        TypeMapping("锅炉爆炸", ("容器爆炸",), _one("容器爆炸")),
        TypeMapping("容器爆炸", ("容器爆炸",), (("容器爆炸",), ("管道爆炸",), ("容器爆炸", "管道爆炸"))),
        TypeMapping("其他爆炸", (), _one(*_EXPLOSIONS)),
        TypeMapping("中毒和窒息", ("中毒", "窒息"), (("中毒", "窒息"), ("中毒",), ("窒息",))),
        TypeMapping("其他伤害", ("其他事故",), (("其他事故",), ("泄漏",), ("跌落",))),
    )
}

# Words in a record's text that tell which kind of explosion 其他爆炸 meant. Substances are tried
# before settings (燃气 in a 烘干室 is a gas explosion), and within each tier the first kind with a
# word in the text wins (铝粉 before 燃气 in "铝粉除尘器旁燃气管"). 可燃气 is a setting word: the
# 可燃气体报警 of a paint room watches solvent vapour, so that phrase is read as no word at all.
_EXPLOSION_WORDS: tuple[tuple[tuple[str, tuple[str, ...]], ...], ...] = (
    (
        ("粉尘爆炸", ("粉尘", "铝粉", "镁粉", "木粉", "面粉", "淀粉", "煤粉", "金属粉", "积尘")),
        ("高温熔融物爆炸", ("熔融", "钢水", "铁水", "铝水", "铝液", "熔炉", "熔化炉", "浇注", "熔炼")),
        ("可燃气体爆炸", ("天然气", "燃气", "液化气", "液化石油气", "煤气", "沼气", "甲烷", "乙炔", "氢气", "丙烷", "气瓶")),
        ("可燃液体蒸汽爆炸", ("油漆", "溶剂", "稀释剂", "天那水", "汽油", "柴油", "酒精", "乙醇", "甲醇", "丙酮", "蒸气", "润滑油", "易燃液体")),
    ),
    (
        ("粉尘爆炸", ("除尘", "抛光", "打磨", "粉末")),
        ("可燃液体蒸汽爆炸", ("喷漆", "涂装", "调漆", "烘干", "固化炉", "积碳", "危化品")),
        ("可燃气体爆炸", ("可燃气",)),
        ("管道爆炸", ("管道", "管线")),
    ),
)  # fmt: skip


# 中毒和窒息 splits by the same kind of words, but a record may have both (有限空间 has both).
_POISON_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("中毒", ("中毒", "有毒", "毒物", "防毒", "苯", "锰", "铅", "硫化氢", "一氧化碳", "氨", "氯", "溶剂", "挥发", "烟尘", "有害物质", "漆", "有限空间", "受限空间")),
    ("窒息", ("窒息", "缺氧", "氧含量", "氮气", "氩气", "二氧化碳", "惰性", "密闭", "有限空间", "受限空间")),
)  # fmt: skip


def explosion_kind(text: str) -> str | None:
    """The 2025 explosion type a hazard's words point to, or None when they point to none."""
    text = text.replace("可燃气体报警", "报警")
    for tier in _EXPLOSION_WORDS:
        for kind, words in tier:
            if any(word in text for word in words):
                return kind
    return None


def poison_kinds(text: str) -> tuple[str, ...]:
    """Which of 中毒 and 窒息 a record's words point to (both, one or none)."""
    return tuple(kind for kind, words in _POISON_WORDS if any(word in text for word in words))


def targets(source: str, text: str, choice: Sequence[str] | None = None) -> tuple[str, ...] | None:
    """The 2025 types a link to 1986 type ``source`` becomes, or None when nothing decides it.

    ``choice`` is the user's pick for ``source`` (one of its choices). For the types the words decide
    (其他爆炸, 中毒和窒息) it decides only the records whose words do not.
    """
    mapping = MAPPING_1986_TO_2025[source]
    if choice and tuple(choice) not in mapping.choices:
        raise ValueError(f"{'、'.join(choice)} is not a choice for {source}")
    if mapping.needs_text_or_choice and (kind := explosion_kind(text)) is not None:
        return (kind,)
    if source == _POISONING and (kinds := poison_kinds(text)):
        return kinds
    return tuple(choice) if choice else (mapping.default or None)


def check_choices(choices: Mapping[str, Sequence[str]]) -> list[str]:
    """Chinese problems with a user's choices: unknown 1986 types, or targets not offered for them."""
    problems = []
    for source, picked in choices.items():
        mapping = MAPPING_1986_TO_2025.get(source)
        if mapping is None:
            problems.append(f"“{source}”不是 GB 6441-1986 的事故类型")
        elif tuple(picked) not in mapping.choices:
            offered = "；".join("+".join(c) for c in mapping.choices)
            problems.append(f"“{source}”不能对应为“{'+'.join(picked)}”，可选：{offered}")
    return problems


def choice_label(choice: Sequence[str]) -> str:
    return " + ".join(choice)


def names_in_2025(
    names: Iterable[str], text: str, choices: Mapping[str, Sequence[str]] | None = None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The 2025 types a record naming 1986 ``names`` gets, each once, and the 1986 names nothing decides.

    ``text`` is the record's own words (hazard, consequence, risk point); ``choices`` the user's picks.
    """
    found: list[str] = []
    undecided: list[str] = []
    for name in names:
        picked = targets(name, text, (choices or {}).get(name))
        if picked is None:
            undecided.append(name)
        else:
            found.extend(picked)
    return tuple(dict.fromkeys(found)), tuple(undecided)
