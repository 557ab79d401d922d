"""Dates as factories write them: date cells, Excel serial numbers and text such as 2024-3-5,
2024/03/05, 2024年3月5日, 2024.3.5, full-width digits, "3月5日" on a sheet named for its year,
and "立即" for a deadline that is the day of discovery."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dualprev.domain.importing.cells import DASHES, CellProblem, CellValue, text

_EXCEL_EPOCH = date(1899, 12, 30)
_SERIAL_RANGE = (1, 2_958_465)  # 1900-01-01 … 9999-12-31
_FULL = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?$")
_YEAR_IN_NAME = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
IMMEDIATE_WORDS = frozenset({"立即", "立即整改", "立行立改", "当场", "当场整改", "当即", "马上"})


@dataclass(frozen=True)
class DayValue:
    """A date read from a cell; ``immediate`` when the cell said 立即 (then ``day`` is None)."""

    day: date | None
    immediate: bool = False


def year_of_sheet(sheet_name: str) -> int | None:
    """The year a sheet is named for ("2024年隐患台账" → 2024), or None."""
    match = _YEAR_IN_NAME.search(unicodedata.normalize("NFKC", sheet_name))
    return int(match.group(1)) if match else None


def _make(year: int, month: int, day: int, raw: str, label: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CellProblem(f"{label}“{raw}”不是有效日期") from None


def day_value(
    value: CellValue, label: str, year: int | None = None, allow_immediate: bool = False
) -> DayValue:
    """Read a date cell. ``year`` completes "3月5日"; ``allow_immediate`` accepts 立即 (a deadline).

    Raises CellProblem for text that is no date or a date that does not exist (2024-2-30).
    """
    if value is None:
        return DayValue(None)
    if isinstance(value, datetime):
        return DayValue(value.date())
    if isinstance(value, date):
        return DayValue(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return DayValue(_serial(value, label))
    raw = text(value)
    folded = unicodedata.normalize("NFKC", raw).strip()
    if not folded or folded in DASHES:
        return DayValue(None)
    if folded in IMMEDIATE_WORDS:
        if allow_immediate:
            return DayValue(None, immediate=True)
        raise CellProblem(f"{label}应填写日期，不能填写“{raw}”")
    if match := _FULL.match(folded):
        return DayValue(_make(int(match[1]), int(match[2]), int(match[3]), raw, label))
    if match := _COMPACT.match(folded):
        return DayValue(_make(int(match[1]), int(match[2]), int(match[3]), raw, label))
    if match := _MONTH_DAY.match(folded):
        if year is None:
            raise CellProblem(f"{label}“{raw}”没有年份，工作表名称中也没有年份")
        return DayValue(_make(year, int(match[1]), int(match[2]), raw, label))
    if re.fullmatch(r"\d+(\.0+)?", folded):
        return DayValue(_serial(float(folded), label))
    raise CellProblem(f"{label}“{raw}”不是可识别的日期")


def _serial(value: float, label: str) -> date:
    serial = int(value)  # a fraction is the time of day
    if not _SERIAL_RANGE[0] <= serial <= _SERIAL_RANGE[1]:
        raise CellProblem(f"{label}“{text(value)}”不是有效日期")
    return _EXCEL_EPOCH + timedelta(days=serial)
