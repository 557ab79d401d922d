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
DEFAULT_ACCIDENT_VOCABULARY = GB6441_1986

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

ACCIDENT_VOCABULARIES: dict[str, tuple[AccidentType, ...]] = {GB6441_1986: ACCIDENT_TYPES_GB6441_1986}


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
