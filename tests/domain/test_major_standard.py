"""The shipped 《工贸企业重大事故隐患判定标准》: its articles and items, scope filtering, suggestions,
and the rules of the 重大隐患 duties and the self-check."""

from datetime import date
from pathlib import Path

import pytest

from dualprev.domain.major_duties import (
    AnswerDraft,
    CheckAnswer,
    SupervisionDraft,
    authority_report_problems,
    congress_problems,
    self_check_problems,
    supervision_problems,
)
from dualprev.domain.major_standard import (
    Sector,
    SpecialCondition,
    StandardFileError,
    chinese_number,
    join_codes,
    parse_codes,
    parse_standard,
    suggest_items,
)

FILE = Path(__file__).parents[2] / "resources" / "library" / "major_hidden_danger_standard.json"
STANDARD = parse_standard(FILE.read_text(encoding="utf-8"))
TODAY = date(2026, 11, 20)
FOUND = date(2026, 11, 10)


def test_every_article_of_the_order_is_shipped_with_its_items() -> None:
    counts = {a.article: len(a.items) for a in STANDARD.articles}
    assert counts == {3: 3, 4: 8, 5: 10, 6: 8, 7: 7, 8: 7, 9: 2, 10: 2, 11: 10, 12: 2, 13: 2}
    assert STANDARD.version == "2023.1"
    assert all(item.text.endswith(("；", "。")) and item.keywords for item in STANDARD.items())


def test_items_are_labelled_as_the_order_numbers_them() -> None:
    item = STANDARD.item("11-2")
    assert item.label == "第十一条第（二）项"
    assert item.basis_text.startswith(
        "《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第十一条第（二）项：不同类别"
    )
    assert STANDARD.item("3-2").text.startswith("特种作业人员未按照规定经专门的安全作业培训")
    assert [chinese_number(n) for n in (1, 10, 13, 20, 21)] == ["一", "十", "十三", "二十", "二十一"]


def test_only_items_checked_against_the_official_text_are_marked_verified() -> None:
    verified = {i.key for i in STANDARD.items() if i.verified}
    assert verified == {"3-1", "3-2", "3-3", "7-1", "11-1", "11-2", "11-3", "11-4", "11-5"}
    assert all(i.verified_against for i in STANDARD.items() if i.verified)
    assert len(STANDARD.unverified_items()) == 61 - 9


def test_article_three_always_applies_and_the_rest_by_sector_and_condition() -> None:
    assert [a.article for a in STANDARD.applicable_articles((), ())] == [3]
    machining_with_dust = STANDARD.applicable_articles((Sector.MACHINERY,), (SpecialCondition.DUST,))
    assert [a.article for a in machining_with_dust] == [3, 7, 11]
    assert len(STANDARD.applicable_items((Sector.MACHINERY,), (SpecialCondition.DUST,))) == 20
    cold_store = STANDARD.applicable_articles(
        (Sector.LIGHT_INDUSTRY,), (SpecialCondition.AMMONIA, SpecialCondition.CONFINED_SPACE)
    )
    assert [a.article for a in cold_store] == [3, 8, 12, 13]
    assert STANDARD.article(11).scope_text == "粉尘涉爆" and STANDARD.article(3).scope_text == "所有工贸企业"


def test_scope_codes_round_trip_and_ignore_unknown_ones() -> None:
    assert (
        join_codes([SpecialCondition.DUST, SpecialCondition.AMMONIA, SpecialCondition.DUST]) == "ammonia,dust"
    )
    assert parse_codes("dust, nonsense,ammonia", SpecialCondition) == (
        SpecialCondition.DUST,
        SpecialCondition.AMMONIA,
    )
    assert parse_codes("", Sector) == ()


def test_suggestions_follow_the_keywords_of_the_applicable_items() -> None:
    items = STANDARD.applicable_items((Sector.MACHINERY,), (SpecialCondition.DUST,))
    shared = suggest_items(items, "铝粉打磨与钢件打磨共用一台除尘器", "抛光除尘系统")
    assert shared[0].key == "11-2"
    welder = suggest_items(items, "焊工特种作业操作证过期仍上岗作业")
    assert welder[0].key == "3-2"
    assert suggest_items(items, "车间地面油污") == []
    assert all(i.article in (3, 7, 11) for i in suggest_items(items, "液氨 速冻 除尘 喷漆"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"format": 2}', "unsupported format"),
        ('{"format": 1, "version": "x", "title": "t", "articles": []}', "no articles"),
        ('{"format": 1, "version": "x", "title": "t", "articles": [{"article": 3, "title": "a", "items": '
         '[{"item": 1, "text": "x"}]}]}', "no scope"),
        ('{"format": 1, "version": "x", "title": "t", "articles": [{"article": 3, "title": "a", '
         '"scope": {"all": true}, "items": [{"item": 2, "text": "x"}]}]}', "numbered"),
    ],
)  # fmt: skip
def test_a_broken_file_is_refused_naming_the_fault(text: str, message: str) -> None:
    with pytest.raises(StandardFileError, match=message):
        parse_standard(text)


# --- duties ------------------------------------------------------------------------------------------


def test_the_report_to_the_authority_needs_whom_how_and_when() -> None:
    assert authority_report_problems("镇应急办", date(2026, 11, 11), "书面报告", FOUND, TODAY) == []
    fields = [f for f, _m in authority_report_problems(" ", None, "", FOUND, TODAY)]
    assert fields == ["reported_to", "report_method", "reported_on"]
    early = authority_report_problems("镇应急办", date(2026, 11, 1), "书面报告", FOUND, TODAY)
    assert early == [("reported_on", "报告日期不能早于排查日期（2026-11-10）")]


def test_supervision_dates_follow_each_other() -> None:
    ok = SupervisionDraft(
        "县应急管理局", date(2026, 11, 12), "督〔2026〕3号", date(2026, 11, 18), date(2026, 11, 19)
    )
    assert supervision_problems(ok, FOUND, TODAY) == []
    assert [f for f, _m in supervision_problems(SupervisionDraft("", None), FOUND, TODAY)] == [
        "supervised_by",
        "supervised_on",
    ]
    approved_first = SupervisionDraft(
        "县应急管理局", date(2026, 11, 12), closure_approved_on=date(2026, 11, 19)
    )
    assert supervision_problems(approved_first, FOUND, TODAY) == [
        ("closure_approved_on", "请先填写销号申请日期，再填写批准销号日期")
    ]
    backwards = SupervisionDraft(
        "县应急管理局",
        date(2026, 11, 12),
        closure_applied_on=date(2026, 11, 18),
        closure_approved_on=date(2026, 11, 17),
    )
    assert (
        supervision_problems(backwards, FOUND, TODAY)[0][1]
        == "批准销号日期不能早于销号申请日期（2026-11-18）"
    )


def test_the_congress_report_is_dated_after_discovery() -> None:
    assert congress_problems(date(2026, 11, 15), FOUND, TODAY) == []
    assert congress_problems(date(2026, 12, 1), FOUND, TODAY)[0][1].startswith("向职工代表大会")


def test_a_self_check_answers_every_applicable_item() -> None:
    keys = ["3-1", "3-2", "11-2"]
    answers = [
        AnswerDraft("3-1", CheckAnswer.COMPLIANT),
        AnswerDraft("3-2", CheckAnswer.NON_COMPLIANT, "焊工操作证过期", "焊接区", 5, date(2026, 11, 30)),
        AnswerDraft("11-2", CheckAnswer.NOT_APPLICABLE, "无除尘系统"),
    ]
    assert self_check_problems(keys, answers, TODAY, "沈立明", TODAY) == []
    missing = self_check_problems(keys, answers[:2], TODAY, "沈立明", TODAY)
    assert missing == [("item:11-2", "请逐项给出结论（符合、不符合或不适用）")]
    bare = [AnswerDraft("3-1", CheckAnswer.NON_COMPLIANT), AnswerDraft("3-2", CheckAnswer.NOT_APPLICABLE)]
    messages = [m for _f, m in self_check_problems(keys[:2], bare, None, "", TODAY)]
    assert messages[:2] == ["请填写自查日期", "请填写参加自查的人员"]
    assert "结论为“不符合”时请写明现场情况，它将作为重大隐患的描述" in messages
    assert "结论为“不符合”时请指定整改责任人" in messages
    assert "结论为“不适用”时请说明理由（如：无熔融金属作业）" in messages
    stray = self_check_problems(
        ["3-1"],
        [AnswerDraft("3-1", CheckAnswer.COMPLIANT), AnswerDraft("12-1", CheckAnswer.COMPLIANT)],
        TODAY,
        "x",
        TODAY,
    )
    assert stray == [("", "以下条款不适用于本企业的行业和特殊情形：12-1")]
