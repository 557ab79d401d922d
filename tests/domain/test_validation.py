import pytest

from dualprev.domain.validation import phone_problem, required_problem, uscc_check_char, uscc_problem


def test_known_valid_uscc() -> None:
    # A real, published code (the check character is what GB 32100 computes).
    assert uscc_check_char("91350100M000100Y4") == "3"
    assert uscc_problem("91350100M000100Y43") is None
    assert uscc_problem("") is None


@pytest.mark.parametrize(
    ("code", "fragment"),
    [
        ("91350100M000100Y4", "18位"),
        ("91350100M000100Y44", "校验位"),
        ("91350100M000100YI3", "不允许的字符"),
    ],
)
def test_invalid_uscc(code: str, fragment: str) -> None:
    problem = uscc_problem(code)
    assert problem is not None and fragment in problem


def test_phone() -> None:
    assert phone_problem("0512-65432100") is None
    assert phone_problem("13800138000") is None
    assert phone_problem("") is None
    assert phone_problem("abc") is not None


def test_required() -> None:
    assert required_problem("  ", "企业名称") == "企业名称不能为空"
    assert required_problem("x" * 201, "企业名称") is not None
    assert required_problem("恒锐", "企业名称") is None
