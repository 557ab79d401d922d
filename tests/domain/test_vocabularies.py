import pytest

from dualprev.domain.vocabularies import (
    ACCIDENT_TYPES_GB6441_1986,
    accident_type_by_name,
    accident_types,
    hazard_factor_category,
    hazard_factor_label,
)


def test_gb6441_has_twenty_types_coded_in_order() -> None:
    assert len(ACCIDENT_TYPES_GB6441_1986) == 20
    assert ACCIDENT_TYPES_GB6441_1986[0].code == "01"
    assert ACCIDENT_TYPES_GB6441_1986[0].name == "物体打击"
    assert ACCIDENT_TYPES_GB6441_1986[18].name == "中毒和窒息"
    assert ACCIDENT_TYPES_GB6441_1986[19].code == "20"


def test_industrial_forms_offer_the_fifteen_non_mining_types() -> None:
    names = [t.name for t in accident_types()]
    assert len(names) == 15
    assert "瓦斯爆炸" not in names and "冒顶片帮" not in names
    assert "机械伤害" in names and "容器爆炸" in names
    assert len(accident_types(include_mining=True)) == 20


def test_lookup_by_name_and_unknown_vocabulary() -> None:
    assert accident_type_by_name("触电").code == "05"
    with pytest.raises(ValueError):
        accident_types("GB0000")


def test_gbt13861_levels() -> None:
    assert hazard_factor_category("2").name == "物的因素"
    assert hazard_factor_category("21").parent_code == "2"
    assert hazard_factor_label("22") == "22 物的因素·化学性危险和有害因素"
    with pytest.raises(ValueError):
        hazard_factor_category("5")
