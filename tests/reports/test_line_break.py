"""The Chinese line-breaking rule (pure): tokens, 避头尾, last-resort cutting and shrinking."""

import pytest

from dualprev.reports.line_break import (
    CANNOT_END,
    CANNOT_START,
    Terms,
    break_lines,
    fit_text,
    tokens,
    widest_token,
)


def em(text: str) -> float:
    """A monospace measure: every character one unit (a space half)."""
    return sum(0.5 if ch == " " else 1.0 for ch in text)


def em_at(text: str, size: float) -> float:
    return em(text) * size / 10


@pytest.mark.parametrize(
    "text, whole",
    [
        ("状态：整改中（逾期 14 天）", "逾期 14 天"),
        ("发生火灾立即拨打119报警", "119"),
        ("通知单 ZG-20261204-01 已下发", "ZG-20261204-01"),
        ("隐患 YH-2026-0001 已销号", "YH-2026-0001"),
        ("电话13912345678", "13912345678"),
        ("电话 139-1234-5678 值班", "139-1234-5678"),
        ("电话 139 1234 5678 值班", "139 1234 5678"),
        ("电话+86 139 1234 5678", "+86 139 1234 5678"),
        ("总机(0512)6666 8888转", "(0512)6666 8888"),
        ("总机0512-66668888转", "0512-66668888"),
        ("资金1,800.00元", "1,800.00"),
        ("高度2.2m，超过", "2.2m"),
        ("日期2026年12月5日前", "2026年12月5日"),
        ("设备（CY-YL-03）停用", "CY-YL-03"),
    ],
)
def test_numbers_codes_phones_and_dates_are_single_tokens(text: str, whole: str) -> None:
    assert any(whole in token for token in tokens(text))
    # and nothing of it leaks into a neighbouring token
    assert sum(whole in t for t in tokens(text)) == 1


def test_terms_are_kept_whole_longest_first() -> None:
    terms = Terms.of(["钱国平", "工程技术部", "工程", "整改中"])
    assert "工程技术部" in tokens("由工程技术部负责", terms)
    assert "钱国平" in tokens("责任人钱国平", terms)
    assert "整改中" in tokens("状态整改中", terms)
    assert "钱" in tokens("钱国", terms)  # not a known name: single characters


def test_closing_marks_join_the_token_before_and_opening_marks_the_token_after() -> None:
    result = tokens("加工，（约80°）完成。")
    assert "工，" in result
    assert "（约" in result
    assert "80°）" in result
    assert "成。" in result
    for token in result:
        assert token[0] not in CANNOT_START
        assert token[-1] not in CANNOT_END


@pytest.mark.parametrize("width", [9, 10, 11, 12, 14, 16, 20])
def test_lines_never_split_a_token_nor_start_or_end_with_forbidden_marks(width: int) -> None:
    terms = Terms.of(["钱国平", "整改中", "工程技术部"])
    text = "整改中（逾期 14 天），由钱国平（工程技术部）负责，电话139-1234-5678；编号ZG-20261204-01。"
    lines = break_lines(text, width, em, terms)
    joined = "".join(lines)
    assert joined.replace(" ", "") == text.replace(" ", "")
    for whole in ("逾期 14 天", "钱国平", "整改中", "工程技术部", "139-1234-5678"):
        if em(whole) <= width:
            assert any(whole in line for line in lines), (whole, lines)
    for line in lines:
        assert line[0] not in CANNOT_START, lines
        assert line[-1] not in CANNOT_END, lines


@pytest.mark.parametrize("width", [3, 4, 5, 6, 7, 8])
def test_narrow_lines_still_keep_the_punctuation_rules(width: int) -> None:
    text = "整改中（逾期 14 天），由钱国平负责。"
    lines = break_lines(text, width, em)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert em(line) <= width, lines
        assert line[0] not in CANNOT_START, lines


def test_a_token_wider_than_the_line_is_cut_between_characters_as_a_last_resort() -> None:
    lines = break_lines("ZG-20261204-01", 5, em)
    assert lines == ["ZG-20", "26120", "4-01"]
    assert all(em(line) <= 5 for line in lines)


def test_the_cut_does_not_start_a_line_with_a_closing_mark() -> None:
    lines = break_lines("ABCD）", 4, em)
    assert all(line[0] not in CANNOT_START for line in lines), lines


def test_newlines_force_breaks_and_spaces_at_line_ends_are_dropped() -> None:
    assert break_lines("已销号\n（逾期 3 天）", 20, em) == ["已销号", "（逾期 3 天）"]
    assert break_lines("甲乙 丙丁", 2, em) == ["甲乙", "丙丁"]


def test_fit_text_shrinks_only_as_far_as_the_widest_token_needs_and_not_below_the_minimum() -> None:
    # "YH-2026-0001" is 12 units at size 10; a width of 9 needs size 7.5.
    fitted = fit_text("隐患YH-2026-0001", 9, em_at, size=10, min_size=6)
    assert fitted.size == 7.5
    assert "YH-2026-0001" in fitted.lines
    narrow = fit_text("YH-2026-0001", 6, em_at, size=10, min_size=6)
    assert narrow.size == 6  # 7.2 units wide at 6: still too wide, so cut
    assert len(narrow.lines) == 2
    roomy = fit_text("整改中", 30, em_at, size=10, min_size=6)
    assert roomy.size == 10 and roomy.lines == ("整改中",)


def test_widest_token() -> None:
    assert widest_token("状态整改中（逾期 14 天）", em) == em("（逾期 14 天）")
