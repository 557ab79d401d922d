"""Post risk card rules: content assembly, overrides, signs, hash and status, QR payload."""

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dualprev.domain.post_card import (
    GENERIC_EMERGENCY,
    OVERRIDABLE_FIELDS,
    CardField,
    CardStatus,
    EnterpriseFacts,
    HazardFact,
    MeasureFact,
    PostFacts,
    PrintRecord,
    changed_fields,
    compute_card,
    content_hash,
    edition,
    no_card_reason,
    snapshot,
)
from dualprev.domain.post_card_overrides import apply_overrides, field_text, override_problem
from dualprev.domain.post_card_qr import (
    QR_MAX_BYTES,
    QR_TARGET_BYTES,
    make_sheet,
    qr_id_line,
    qr_payload,
    qr_summary,
    summary_items,
    url_template_problem,
)
from dualprev.domain.risk import ControlMeasureCategory as Cat
from dualprev.domain.risk import RiskLevel
from dualprev.domain.safety_signs import (
    MAX_SIGNS,
    SignFamily,
    SignSource,
    choose_signs,
    parse_sign_library,
)
from dualprev.domain.vocabularies import ACCIDENT_VOCABULARIES
from dualprev.paths import resource_path

NAMES = [t.name for types in ACCIDENT_VOCABULARIES.values() for t in types]
LIBRARY = parse_sign_library(resource_path("library", "safety_signs.json").read_text(encoding="utf-8"), NAMES)
ENTERPRISE = EnterpriseFacts(
    name="江苏恒锐精密机械有限公司",
    code="HRJX",
    duty_phone="0519-86512110",
    safety_manager_name="沈立明",
    safety_manager_phone="13961120357",
)
TODAY = date(2026, 11, 20)


def _post(*hazards: HazardFact, **kw: object) -> PostFacts:
    values: dict[str, object] = {
        "post_id": 6,
        "post_name": "车工",
        "department": "机加工车间",
        "workplace": "车床区",
        "work_content": "操作普通车床进行车削加工",
        "responsible_name": "吴志强",
        "responsible_phone": "15995075218",
        "risk_point_count": 2,
        "hazards": hazards,
    }
    values.update(kw)
    return PostFacts(**values)  # type: ignore[arg-type]


LATHE = HazardFact(
    "防护罩缺失，卡盘旋转卷入",
    RiskLevel.GENERAL,
    ("机械伤害",),
    (
        MeasureFact(Cat.MANAGEMENT, "严禁戴手套操作"),
        MeasureFact(Cat.ENGINEERING, "卡盘加装防护罩并与主轴联锁"),
        MeasureFact(Cat.ENGINEERING, "设置急停按钮", is_existing=False),
        MeasureFact(Cat.EMERGENCY, "发生机械伤害立即按急停按钮停机，拨打120"),
    ),
    "普通车床 卡盘防护",
)
CABLE = HazardFact(
    "电缆破损漏电",
    RiskLevel.SIGNIFICANT,
    ("触电", "火灾"),
    (
        MeasureFact(Cat.ENGINEERING, "配电箱设漏电保护器"),
        MeasureFact(Cat.MANAGEMENT, "严禁戴手套操作"),
        MeasureFact(Cat.PPE, "穿绝缘鞋"),
        MeasureFact(Cat.EMERGENCY, "发生触电立即切断电源，实施心肺复苏并拨打120"),
    ),
    "配电箱 电缆",
)
CHIPS = HazardFact("防护罩缺失，卡盘旋转卷入", RiskLevel.LOW, ("物体打击",), (), "车床 切屑")
UNRATED = HazardFact("地面油污", None, ("其他伤害",), (MeasureFact(Cat.MANAGEMENT, "及时清理油污"),))


# --- content -------------------------------------------------------------------------------------


def test_level_is_the_most_severe_hazard_and_hazards_come_most_severe_first() -> None:
    card = compute_card(_post(LATHE, CABLE, CHIPS, UNRATED), ENTERPRISE, LIBRARY)
    assert card.level is RiskLevel.SIGNIFICANT
    # Most severe first; the repeated text once; the unevaluated hazard last.
    assert card.hazards == ("电缆破损漏电", "防护罩缺失，卡盘旋转卷入", "地面油污")


def test_measures_grouped_by_category_most_important_first_existing_only() -> None:
    card = compute_card(_post(LATHE, CABLE), ENTERPRISE, LIBRARY)
    assert [(g.label, g.items) for g in card.measures] == [
        ("工程技术措施", ("配电箱设漏电保护器", "卡盘加装防护罩并与主轴联锁")),
        ("管理措施", ("严禁戴手套操作",)),
        ("个体防护措施", ("穿绝缘鞋",)),
    ]
    assert "设置急停按钮" not in field_text(card, CardField.MEASURES)  # planned, not in place yet
    assert card.emergency == (
        "发生触电立即切断电源，实施心肺复苏并拨打120",
        "发生机械伤害立即按急停按钮停机，拨打120",
    )


def test_accident_types_follow_the_most_severe_hazard_then_vocabulary() -> None:
    card = compute_card(_post(LATHE, CABLE, CHIPS), ENTERPRISE, LIBRARY)
    assert card.accident_types == ("触电", "火灾", "机械伤害", "物体打击")


def test_particulars_phones_and_card_number() -> None:
    card = compute_card(_post(LATHE), ENTERPRISE, LIBRARY)
    assert (card.enterprise, card.post, card.department, card.workplace) == (
        "江苏恒锐精密机械有限公司", "车工", "机加工车间", "车床区",
    )  # fmt: skip
    assert card.responsible == "吴志强 15995075218"
    assert [(p.label, p.number) for p in card.phones] == [
        ("火警", "119"), ("急救", "120"), ("报警", "110"),
        ("企业值班", "0519-86512110"), ("安全管理 沈立明", "13961120357"),
    ]  # fmt: skip
    assert card.card_number == "HRJX-GZK-006"
    bare = compute_card(_post(LATHE), EnterpriseFacts(name="某厂"), LIBRARY)
    assert [p.number for p in bare.phones] == ["119", "120", "110"]
    assert bare.card_number == "GZK-006"


def test_generic_emergency_actions_when_hazards_name_none() -> None:
    card = compute_card(_post(CHIPS), ENTERPRISE, LIBRARY)
    assert card.emergency == GENERIC_EMERGENCY


def test_no_card_reasons() -> None:
    assert "尚未关联风险点" in (no_card_reason(_post(risk_point_count=0)) or "")
    assert "还没有危险源" in (no_card_reason(_post()) or "")
    assert "尚未评价" in (no_card_reason(_post(UNRATED)) or "")
    assert no_card_reason(_post(UNRATED, CHIPS)) is None


# --- signs ---------------------------------------------------------------------------------------


def test_signs_from_accident_types_and_keywords_in_family_order() -> None:
    card = compute_card(_post(LATHE, CABLE), ENTERPRISE, LIBRARY)
    words = [s.wording for s in card.signs]
    assert {"当心机械伤人", "当心触电", "禁止戴手套", "禁止烟火"} <= set(words)  # 车床 → 禁止戴手套
    families = [s.family.order for s in card.signs]
    assert families == sorted(families)  # 禁止 → 警告 → 指令 → 提示, left to right
    assert len(words) <= MAX_SIGNS


def test_forklift_replaces_the_generic_vehicle_sign() -> None:
    signs = choose_signs(LIBRARY, [SignSource(("车辆伤害",), "叉车 超速行驶")])
    words = [s.wording for s in signs]
    assert "当心叉车" in words and "当心车辆" not in words
    assert [s.wording for s in choose_signs(LIBRARY, [SignSource(("车辆伤害",), "厂内道路")])] == ["当心车辆"]


def test_gb6441_2025_types_call_the_same_signs_as_their_1986_names() -> None:
    pairs = (("机械伤害", "机械致害"), ("起重伤害", "起重致害"), ("车辆伤害", "厂(场)内车辆致害"))
    for old, new in pairs:
        assert choose_signs(LIBRARY, [SignSource((old,), "")]) == choose_signs(
            LIBRARY, [SignSource((new,), "")]
        )
    dust = [s.wording for s in choose_signs(LIBRARY, [SignSource(("粉尘爆炸",), "铝粉尘 打磨")])]
    assert {"禁止烟火", "当心爆炸", "必须戴防尘口罩"} <= set(dust)
    assert "当心中毒" in [s.wording for s in choose_signs(LIBRARY, [SignSource(("中毒",), "")])]


def test_general_caution_only_when_nothing_specific() -> None:
    assert [s.wording for s in choose_signs(LIBRARY, [SignSource((), "")])] == ["注意安全"]
    many = [
        SignSource((name,), "") for name in ("其他伤害", "触电", "机械伤害", "火灾", "中毒和窒息", "高处坠落")
    ]
    assert "注意安全" not in [s.wording for s in choose_signs(LIBRARY, many)]


def test_main_sign_of_each_danger_before_any_second_sign() -> None:
    sources = [
        SignSource((name,), "")
        for name in ("火灾", "起重伤害", "中毒和窒息", "灼烫", "触电", "机械伤害", "高处坠落", "坍塌")
    ]
    words = {s.wording for s in choose_signs(LIBRARY, sources)}
    assert {
        "禁止烟火",
        "当心吊物",
        "当心中毒",
        "当心烫伤",
        "当心触电",
        "当心机械伤人",
        "当心坠落",
        "当心塌方",
    } == words


def test_bundled_sign_library_covers_every_accident_type_and_draws_known_pictograms() -> None:
    from dualprev.domain.vocabularies import accident_types

    assert {t.name for t in accident_types()} <= set(LIBRARY.by_accident_type)
    assert {t.name for t in accident_types("GB6441-2025")} <= set(LIBRARY.by_accident_type)
    assert {s.family for s in LIBRARY.signs} == set(SignFamily)
    assert LIBRARY.by_wording("当心触电") is not None and LIBRARY.by_wording("当心机械伤人") is not None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["signs"].append({"key": "x", "family": "round", "wording": "某标志"}), "类别未知"),
        (lambda d: d["by_accident_type"].update({"触电": ["nope"]}), "不存在的标志"),
        (lambda d: d["by_accident_type"].update({"雷击": ["warn_general"]}), "未知的事故类型"),
        (lambda d: d["signs"].append(dict(d["signs"][0], key="dup")), "标志文字重复"),
    ],
)
def test_sign_library_refuses_bad_data(change: object, message: str) -> None:
    data = json.loads(resource_path("library", "safety_signs.json").read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    with pytest.raises(ValueError, match=message):
        parse_sign_library(json.dumps(data, ensure_ascii=False), NAMES)


# --- overrides -----------------------------------------------------------------------------------


def test_every_field_round_trips_through_its_text() -> None:
    card = compute_card(_post(LATHE, CABLE), ENTERPRISE, LIBRARY)
    texts = {f: field_text(card, f) for f in OVERRIDABLE_FIELDS}
    again = apply_overrides(card, texts, LIBRARY)
    assert again.overridden == frozenset(OVERRIDABLE_FIELDS)
    for f in OVERRIDABLE_FIELDS:
        assert field_text(again, f) == texts[f], f


def test_overrides_replace_computed_text_and_are_marked() -> None:
    card = compute_card(_post(LATHE, CABLE), ENTERPRISE, LIBRARY)
    edited = apply_overrides(
        card,
        {
            CardField.HAZARDS: "1. 卡盘卷入\n2、漏电\n\n",
            CardField.MEASURES: "工程技术措施：\n防护罩联锁\n\n管理措施：\n① 不戴手套\n",
            CardField.SIGNS: "当心触电、禁止戴手套",
            CardField.PHONES: "火警 119\n车间主任：138 0000 1111",
            CardField.POST: "  车工（普车）\n",
        },
        LIBRARY,
    )
    assert edited.hazards == ("卡盘卷入", "漏电")
    assert [(g.label, g.items) for g in edited.measures] == [
        ("工程技术措施", ("防护罩联锁",)),
        ("管理措施", ("不戴手套",)),
    ]
    assert [s.wording for s in edited.signs] == ["禁止戴手套", "当心触电"]  # family order kept
    assert [(p.label, p.number) for p in edited.phones] == [("火警", "119"), ("车间主任", "138 0000 1111")]
    assert edited.post == "车工（普车）"
    assert edited.overridden == {
        CardField.HAZARDS,
        CardField.MEASURES,
        CardField.SIGNS,
        CardField.PHONES,
        CardField.POST,
    }
    assert edited.level is card.level and edited.emergency == card.emergency


def test_override_problems() -> None:
    assert override_problem(CardField.LEVEL, "低风险", LIBRARY) is not None
    assert "当心外星人" in (override_problem(CardField.SIGNS, "当心触电、当心外星人", LIBRARY) or "")
    assert "第 2 行" in (override_problem(CardField.PHONES, "火警 119\n值班电话", LIBRARY) or "")
    assert override_problem(CardField.HAZARDS, "x" * 5000, LIBRARY) is not None
    assert override_problem(CardField.SIGNS, "当心触电", LIBRARY) is None


# --- hash, revision and status ---------------------------------------------------------------------


def test_hash_follows_content_not_revision() -> None:
    card = compute_card(_post(LATHE, CABLE), ENTERPRISE, LIBRARY)
    base = content_hash(card, card)
    assert base == content_hash(compute_card(_post(LATHE, CABLE), ENTERPRISE, LIBRARY), card)
    changed = compute_card(_post(LATHE, CABLE, CHIPS), ENTERPRISE, LIBRARY)
    assert content_hash(changed, changed) != base
    assert content_hash(card, card, "http://oa/{post_id}") != base


def test_a_change_behind_an_override_still_changes_the_hash() -> None:
    before = compute_card(_post(LATHE, CABLE), ENTERPRISE, LIBRARY)
    after = compute_card(_post(LATHE), ENTERPRISE, LIBRARY)  # the cable hazard is gone
    measures = {CardField.MEASURES: "管理措施：\n严禁戴手套"}
    printed = apply_overrides(before, measures, LIBRARY)
    now = apply_overrides(after, measures, LIBRARY)
    assert content_hash(printed, before) != content_hash(now, after)
    snap = snapshot(make_sheet(printed, 1, TODAY), before)
    changed = changed_fields(snap, now, after)
    assert CardField.MEASURES in changed and CardField.LEVEL in changed and CardField.HAZARDS in changed


def test_edition_numbers_revisions_and_tells_the_status() -> None:
    assert edition(None, "h1", TODAY) == (1, TODAY, CardStatus.UNPRINTED)
    last = PrintRecord(3, date(2026, 5, 1), "h1", {})
    assert edition(last, "h1", TODAY) == (3, date(2026, 5, 1), CardStatus.PRINTED)
    assert edition(last, "h2", TODAY) == (4, TODAY, CardStatus.STALE)


def test_changed_fields_name_what_differs_from_the_print() -> None:
    card = compute_card(_post(LATHE), ENTERPRISE, LIBRARY)
    snap = json.loads(json.dumps(snapshot(make_sheet(card, 1, TODAY), card)))
    assert changed_fields(snap, card, card) == ()
    now = compute_card(_post(LATHE, CABLE), ENTERPRISE, LIBRARY)
    changed = changed_fields(snap, now, now)
    assert changed[0] is CardField.LEVEL and CardField.MEASURES in changed and CardField.POST not in changed


# --- QR payload ------------------------------------------------------------------------------------


def _payload_items(text: str) -> list[str]:
    """The items of a summary: each line after the id, without its label, split at its separators."""
    items: list[str] = []
    for line in text.splitlines()[1:]:
        _label, sep, rest = line.partition("：")
        body = rest if sep else line
        for part in body.replace("、", "；").split("；"):
            items.append(part)
    return items


def test_qr_summary_of_a_small_card_is_complete() -> None:
    small = HazardFact(
        "卡盘卷入，绞伤手臂", RiskLevel.LOW, ("机械伤害",), (MeasureFact(Cat.EMERGENCY, "按急停，拨打120"),)
    )
    card = compute_card(_post(small), EnterpriseFacts("江苏恒锐", "HRJX", "0519-86512110"), LIBRARY)
    text = qr_summary(card, 2, TODAY)
    assert text.splitlines() == [
        "DP1:HRJX:6:r2",
        "车工（机加工车间） 低风险",
        "事故：机械伤害",
        "电话：企业值班 0519-86512110；火警 119；急救 120；报警 110",
        "应急：按急停，拨打120",
        "危险：卡盘卷入，绞伤手臂",
    ]
    assert len(text.encode("utf-8")) <= QR_TARGET_BYTES


def test_qr_summary_holds_whole_items_every_accident_type_and_stays_small() -> None:
    many = tuple(
        HazardFact(f"第{i}号危险源描述文字很长很长，带有第二个分句说明后果", RiskLevel.MAJOR,
                   (NAMES[i % 5],), (MeasureFact(Cat.EMERGENCY, f"第{i}种应急处置：立即停止作业，撤离人员，拨打119"),))
        for i in range(30)
    )  # fmt: skip
    many = (*many, HazardFact("地面油污", RiskLevel.LOW, ("其他伤害",)))
    card = compute_card(_post(*many), ENTERPRISE, LIBRARY)
    text = qr_summary(card, 1, TODAY)
    lines = text.splitlines()
    assert lines[0] == "DP1:HRJX:6:r1"
    assert len(text.encode("utf-8")) <= QR_TARGET_BYTES
    assert lines[2] == "事故：" + "、".join(card.accident_types) and len(card.accident_types) == 6
    assert "重大风险" in lines[1] and "0519-86512110" in text and "13961120357" in text
    # The long hazards do not fit whole: they are left out, and a short one after them gets in.
    assert lines[-1] == "危险：地面油污"
    allowed = {card.post, f"{card.post}（{card.department}） 重大风险", *card.accident_types, *card.emergency,
               *card.hazards, *(f"{p.label} {p.number}" for p in card.phones)}  # fmt: skip
    for item in _payload_items(text):
        assert item in allowed, item


def test_each_summary_item_is_a_text_of_the_card() -> None:
    card = compute_card(_post(LATHE, CABLE, CHIPS), ENTERPRISE, LIBRARY)
    items = set(summary_items(card))
    text = qr_summary(card, 3, TODAY)
    for item in _payload_items(text)[2:]:  # after the post line and its level
        assert item in items, item


@settings(max_examples=60, deadline=None)
@given(
    post=st.text(min_size=1, max_size=100),
    hazards=st.lists(st.text(min_size=1, max_size=200), min_size=1, max_size=20),
    code=st.text(max_size=32),
)
def test_qr_summary_never_exceeds_400_bytes(post: str, hazards: list[str], code: str) -> None:
    facts = _post(*(HazardFact(h, RiskLevel.GENERAL, ("火灾",)) for h in hazards), post_name=post)
    card = compute_card(facts, EnterpriseFacts(name="厂" * 200, code=code, duty_phone="0" * 30), LIBRARY)
    text = qr_summary(card, 12, TODAY)
    assert len(text.encode("utf-8")) <= QR_MAX_BYTES
    assert text.splitlines()[0] == qr_id_line(card.enterprise_code, 6, 12)
    hazard_line = next((ln for ln in text.split("\n") if ln.startswith("危险：")), "危险：")
    rest = hazard_line.removeprefix("危险：")
    for h in (" ".join(t.split()) for t in card.hazards):  # whole hazards of the card, in its order
        if rest == h or rest.startswith(h + "；"):
            rest = rest[len(h) + 1 :]
    assert rest == ""


def test_url_template_replaces_the_summary() -> None:
    card = compute_card(_post(LATHE), ENTERPRISE, LIBRARY)
    assert (
        qr_payload(card, 3, TODAY, "http://oa.hr/cards/{code}/{post_id}?r={revision}")
        == "http://oa.hr/cards/HRJX/6?r=3"
    )
    assert qr_payload(card, 3, TODAY, "").startswith("DP1:HRJX:6:r3\n")
    assert "{name}" in (url_template_problem("http://x/{name}") or "")
    assert url_template_problem("http://x/{post_id") is not None
    assert url_template_problem("http://x/{card_number}") is None
