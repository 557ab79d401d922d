"""Fixed vocabularies (domain.md §4): GB 6441 accident types and GB/T 13861 hazard-factor categories.

Accident types are (vocabulary, code, name) so a later vocabulary (GB 6441-2025) can live beside
the 1986 one; hazards and hidden dangers refer to them by that triple.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class AccidentType:
    """One 事故类型 of one vocabulary."""

    vocabulary: str
    code: str
    name: str
    mining_only: bool = False


GB6441_1986 = "GB6441-1986"
GB6441_2025 = "GB6441-2025"
DEFAULT_ACCIDENT_VOCABULARY = GB6441_1986
"""The vocabulary of a database whose setting is missing: every database made before GB 6441-2025."""
NEW_ENTERPRISE_VOCABULARY = GB6441_2025
"""The vocabulary a new database starts with (migration 0011 sets it where no data names a type)."""

VOCABULARY_TITLES: dict[str, str] = {
    GB6441_1986: "GB 6441-1986《企业职工伤亡事故分类》",
    GB6441_2025: "GB 6441-2025《生产安全事故分类与编码》",
}

_GB6441_1986_NAMES = (
    "物体打击", "车辆伤害", "机械伤害", "起重伤害", "触电", "淹溺", "灼烫", "火灾", "高处坠落", "坍塌",
    "冒顶片帮", "透水", "放炮", "火药爆炸", "瓦斯爆炸", "锅炉爆炸", "容器爆炸", "其他爆炸", "中毒和窒息",
    "其他伤害",
)  # fmt: skip
_MINING_ONLY = {"冒顶片帮", "透水", "放炮", "火药爆炸", "瓦斯爆炸"}

ACCIDENT_TYPES_GB6441_1986: tuple[AccidentType, ...] = tuple(
    AccidentType(GB6441_1986, f"{i:02d}", name, name in _MINING_ONLY)
    for i, name in enumerate(_GB6441_1986_NAMES, start=1)
)

# From secondary sources (no official text could be read here): the 27 classes in the order they
# are usually listed, codes 01–27 assumed from that order. GB6441_2025_VERIFIED says so wherever the
# vocabulary is shown, until someone checks it against the standard and flips it.
_GB6441_2025_NAMES = (
    "物体打击", "厂(场)内车辆致害", "道路(轨道)车辆致害", "机械致害", "起重致害", "触电", "淹溺", "灼烫",
    "火灾", "高处坠落", "跌落", "坍塌", "水害", "容器爆炸", "管道爆炸", "可燃气体爆炸", "可燃液体蒸汽爆炸",
    "粉尘爆炸", "民用爆炸物品爆炸", "烟花爆竹爆炸", "其他可燃固体爆炸", "高温熔融物爆炸", "中毒", "窒息",
    "滑坡", "泄漏", "其他事故",
)  # fmt: skip
GB6441_2025_VERIFIED = False
"""Whether the 2025 names and codes were checked against the official text (they were not)."""

ACCIDENT_TYPES_GB6441_2025: tuple[AccidentType, ...] = tuple(
    AccidentType(GB6441_2025, f"{i:02d}", name) for i, name in enumerate(_GB6441_2025_NAMES, start=1)
)

ACCIDENT_VOCABULARIES: dict[str, tuple[AccidentType, ...]] = {
    GB6441_1986: ACCIDENT_TYPES_GB6441_1986,
    GB6441_2025: ACCIDENT_TYPES_GB6441_2025,
}


def vocabulary_title(vocabulary: str) -> str:
    """The standard's number and title as printed ("GB 6441-2025《生产安全事故分类与编码》")."""
    return VOCABULARY_TITLES.get(vocabulary, vocabulary)


def vocabulary_basis_note(vocabulary: str) -> str:
    """The line exports print so a reader knows which classification the 事故类型 follow. Exports
    print names, not codes, so the caution about the assumed 2025 codes stays on screen."""
    return f"事故类型依据：{vocabulary_title(vocabulary)}。"


def accident_type_rank(name: str) -> int:
    """Sort key of a type name that keeps the code order of each vocabulary; unknown names last."""
    return _RANK.get(name, len(_RANK))


def _merged_order(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    # The names both vocabularies share come in the same relative order in each, so one order
    # can keep both: the first vocabulary's own names go in just before the next shared name.
    merged: list[str] = []
    rest = list(first)
    for name in second:
        if name in rest:
            while rest[0] != name:
                merged.append(rest.pop(0))
            rest.pop(0)
        merged.append(name)
    return (*merged, *rest)


_RANK: dict[str, int] = {
    name: i for i, name in enumerate(_merged_order(_GB6441_1986_NAMES, _GB6441_2025_NAMES))
}


def accident_types(
    vocabulary: str = DEFAULT_ACCIDENT_VOCABULARY, *, include_mining: bool = False
) -> list[AccidentType]:
    """The accident types of a vocabulary in code order; 工贸 forms leave out the mining-only ones."""
    try:
        types = ACCIDENT_VOCABULARIES[vocabulary]
    except KeyError:
        raise ValueError(f"unknown accident-type vocabulary: {vocabulary!r}") from None
    return [t for t in types if include_mining or not t.mining_only]


def accident_type_by_name(name: str, vocabulary: str = DEFAULT_ACCIDENT_VOCABULARY) -> AccidentType:
    for t in ACCIDENT_VOCABULARIES[vocabulary]:
        if t.name == name:
            return t
    raise ValueError(f"{name!r} is not an accident type of {vocabulary}")


@dataclass(frozen=True)
class HazardFactorCategory:
    """A GB/T 13861-2022 危险和有害因素 category; level 1 codes are one digit, level 2 two digits."""

    code: str
    name: str

    @property
    def level(self) -> int:
        return len(self.code)

    @property
    def parent_code(self) -> str | None:
        return self.code[:-1] if len(self.code) > 1 else None


HAZARD_FACTOR_CATEGORIES: tuple[HazardFactorCategory, ...] = (
    HazardFactorCategory("1", "人的因素"),
    HazardFactorCategory("11", "心理、生理性危险和有害因素"),
    HazardFactorCategory("12", "行为性危险和有害因素"),
    HazardFactorCategory("2", "物的因素"),
    HazardFactorCategory("21", "物理性危险和有害因素"),
    HazardFactorCategory("22", "化学性危险和有害因素"),
    HazardFactorCategory("23", "生物性危险和有害因素"),
    HazardFactorCategory("3", "环境因素"),
    HazardFactorCategory("31", "室内作业场所环境不良"),
    HazardFactorCategory("32", "室外作业场地环境不良"),
    HazardFactorCategory("33", "地下(含水下)作业环境不良"),
    HazardFactorCategory("39", "其他作业环境不良"),
    HazardFactorCategory("4", "管理因素"),
    HazardFactorCategory("41", "职业安全卫生管理机构设置和人员配备不健全"),
    HazardFactorCategory("42", "职业安全卫生责任制不完善或未落实"),
    HazardFactorCategory("43", "职业安全卫生管理制度不完善或未落实"),
    HazardFactorCategory("44", "职业安全卫生投入不足"),
    HazardFactorCategory("45", "应急管理缺陷"),
    HazardFactorCategory("49", "其他管理因素缺陷"),
)
_FACTOR_BY_CODE = {c.code: c for c in HAZARD_FACTOR_CATEGORIES}


def hazard_factor_category(code: str) -> HazardFactorCategory:
    try:
        return _FACTOR_BY_CODE[code]
    except KeyError:
        raise ValueError(f"unknown GB/T 13861 category code: {code!r}") from None


def hazard_factor_label(code: str) -> str:
    """ "21 物理性危险和有害因素" style label, with the top level in front for level-2 codes."""
    cat = hazard_factor_category(code)
    if cat.parent_code is None:
        return f"{cat.code} {cat.name}"
    return f"{cat.code} {_FACTOR_BY_CODE[cat.parent_code].name}·{cat.name}"
