"""Field validation shared by forms, imports and the CLI. Each check returns a Chinese message or None."""

import re
from collections.abc import Sequence

FieldProblem = tuple[str, str]
"""A refused input as ``(field, message)``; the field is "" when the record as a whole is refused."""

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_PHONE_RE = re.compile(r"^[0-9+\-()（） ]{3,20}$")


def uscc_check_char(first17: str) -> str:
    """GB 32100-2015 check character for the first 17 characters of a 统一社会信用代码."""
    total = sum(_USCC_CHARS.index(ch) * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


def uscc_problem(code: str) -> str | None:
    """Why ``code`` is not a valid 统一社会信用代码, or None when it is valid (empty is allowed)."""
    code = code.strip().upper()
    if not code:
        return None
    if len(code) != 18:
        return f"统一社会信用代码应为18位，当前为{len(code)}位"
    bad = [ch for ch in code if ch not in _USCC_CHARS]
    if bad:
        return f"统一社会信用代码含有不允许的字符：{''.join(dict.fromkeys(bad))}（不使用 I、O、Z、S、V）"
    if uscc_check_char(code[:17]) != code[17]:
        return "统一社会信用代码校验位不正确，请核对"
    return None


def phone_problem(phone: str) -> str | None:
    """Why ``phone`` is not a plausible phone number, or None (empty is allowed)."""
    phone = phone.strip()
    if not phone:
        return None
    if not _PHONE_RE.match(phone) or sum(ch.isdigit() for ch in phone) < 3:
        return f"电话号码格式不正确：{phone}"
    return None


def required_problem(value: str | None, label: str, max_length: int = 200) -> str | None:
    """Message for an empty or too long required text field."""
    text = (value or "").strip()
    if not text:
        return f"{label}不能为空"
    if len(text) > max_length:
        return f"{label}不能超过{max_length}个字符"
    return None


def first_problem(problems: Sequence[FieldProblem]) -> FieldProblem | None:
    """The first of ``problems`` (a rule's list of every refused field), or None when there is none."""
    return problems[0] if problems else None


def first_message(problems: Sequence[FieldProblem]) -> str | None:
    """The message of the first of ``problems``, or None."""
    return problems[0][1] if problems else None
