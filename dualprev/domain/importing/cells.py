"""Cell values as they come out of a spreadsheet, made comparable: text, numbers, lists of items.

Text that is kept (descriptions, measures) is only trimmed; text that is interpreted (numbers,
dates, level words, headings) is folded with NFKC first, which turns full-width digits, letters
and spaces into their ASCII forms and Ⅳ into IV.
"""

import re
import unicodedata
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

CellValue = str | int | float | Decimal | bool | date | datetime | time | None
"""What a spreadsheet cell can hold once read."""


class CellProblem(ValueError):
    """A cell that cannot be read as what its column means; the message (Chinese) says why."""


_SPACES = " \t\r\n\u3000\u00a0"
_INNER_SPACE = re.compile(r"\s+")


def text(value: CellValue) -> str:
    """The cell as text, trimmed (full-width spaces too); whole floats lose their ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f") if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value).strip(_SPACES)


def fold(value: CellValue) -> str:
    """A key for comparing text: NFKC, no whitespace at all, lower case."""
    return _INNER_SPACE.sub("", unicodedata.normalize("NFKC", text(value))).lower()


def folded_text(value: CellValue) -> str:
    """The cell's text in NFKC with inner runs of spaces kept as one space."""
    return _INNER_SPACE.sub(" ", unicodedata.normalize("NFKC", text(value))).strip()


_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_UNITS = ("分", "元", "万元", "点")
DASHES = frozenset({"-", "—", "–", "/", "－", "――", "——"})


def number(value: CellValue, label: str) -> Decimal | None:
    """A number from a number cell or from text such as "15", "１５", "15分", "1,800.00";
    None for an empty cell or a dash. Raises CellProblem for anything else."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    raw = folded_text(value).replace(",", "").replace(" ", "")
    if not raw or raw in DASHES:
        return None
    for unit in _UNITS:
        if raw.endswith(unit) and _NUMBER.match(raw[: -len(unit)]):
            raw = raw[: -len(unit)]
            break
    if not _NUMBER.match(raw):
        raise CellProblem(f"{label}“{text(value)}”不是数字")
    try:
        return Decimal(raw)
    except InvalidOperation:
        raise CellProblem(f"{label}“{text(value)}”不是数字") from None


NO_MEASURE = frozenset({"/", "无", "暂无", "—", "-", "－", "——", "n/a", "na", "／", "\\"})
"""Cell texts that mean "no measure of this kind"."""

_ITEM_MARK = re.compile(r"^\s*(?:\d{1,2}\s*[.、．)）]|[(（]\d{1,2}[)）]|[①-⑳])\s*")


def items(value: CellValue) -> tuple[str, ...]:
    """The entries of a list cell: numbered lines ("1. …", "1、…", "(1)…", "①…") become one item
    each, anything else is one item; "/", "无" and the like mean none."""
    raw = text(value)
    if fold(raw) in NO_MEASURE or not raw:
        return ()
    lines = [line.strip(_SPACES) for line in raw.splitlines() if line.strip(_SPACES)]
    if not all(_ITEM_MARK.match(line) for line in lines):
        if len(lines) > 1 and _ITEM_MARK.match(lines[0]):
            # Numbered items that wrap onto unnumbered lines: the wrapped lines belong to the item above.
            return _wrapped(lines)
        return (raw,)
    return tuple(_ITEM_MARK.sub("", line, count=1) for line in lines)


def _wrapped(lines: list[str]) -> tuple[str, ...]:
    result: list[str] = []
    for line in lines:
        if _ITEM_MARK.match(line) or not result:
            result.append(_ITEM_MARK.sub("", line, count=1))
        else:
            result[-1] += "\n" + line
    return tuple(result)


_NAME_LIST = re.compile(r"[、，,；;/\s]+")


def names(value: CellValue) -> list[str]:
    """The names in a cell listing several ("张伟、李强", "张伟 李强")."""
    return [n for n in _NAME_LIST.split(text(value)) if n]


_PERSON = re.compile(r"^(?P<name>[^()（）]+?)\s*[(（](?P<unit>[^()（）]+)[)）]$")


def person(value: CellValue, label: str) -> tuple[str, str]:
    """One person written as "张伟" or "张伟（机加车间）": (name, department or ""). Raises
    CellProblem when the cell names several people."""
    raw = folded_text(value).replace("(", "（").replace(")", "）")
    if not raw:
        return "", ""
    match = _PERSON.match(raw.replace("（", "(").replace("）", ")"))
    name, unit = (match["name"].strip(), match["unit"].strip()) if match else (raw, "")
    if len(names(name)) > 1:
        raise CellProblem(f"{label}只能填写一人（“{text(value)}”）")
    return name, unit
