"""`dualprev grade` against domain.md §3 on every allowed combination of every preset, with the
thresholds written out here from the tables (not taken from the grading module)."""

import itertools
import json
from decimal import Decimal

import pytest

from dualprev.app import main

LEC_L = ("10", "6", "3", "1", "0.5", "0.2", "0.1")
LEC_E = ("10", "6", "3", "2", "1", "0.5")
LEC_C = ("100", "40", "15", "7", "3", "1")
LS = ("1", "2", "3", "4", "5")
COLOURS = {1: "red", 2: "orange", 3: "yellow", 4: "blue"}
NAMES = {1: "重大风险", 2: "较大风险", 3: "一般风险", 4: "低风险"}


def _lec_band(d: Decimal) -> int:
    """LEC-SD5 bands; LEC-4C uses the same numbers with bands 4 and 5 merged."""
    for band, low in enumerate((320, 160, 70, 20), start=1):
        if d >= low:
            return band
    return 5


LS_TABLES = {  # level → lowest score of the level, per domain.md §3.2
    "LS-SD": (20, 15, 9),
    "LS-4": (20, 10, 4),
    "LS-HG": (15, 8, 4),
}


def _grade(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["grade", *args]) == 0
    result: dict[str, object] = json.loads(capsys.readouterr().out)
    return result


@pytest.mark.parametrize("scheme", ["LEC-4C", "LEC-SD5"])
def test_every_lec_combination(scheme: str, capsys: pytest.CaptureFixture[str]) -> None:
    for l_value, e_value, c_value in itertools.product(LEC_L, LEC_E, LEC_C):
        d = Decimal(l_value) * Decimal(e_value) * Decimal(c_value)
        band = _lec_band(d)
        level = min(band, 4)
        data = _grade(capsys, "lec", l_value, e_value, c_value, "--scheme", scheme)
        assert Decimal(repr(data["score"])) == d, (l_value, e_value, c_value)
        assert (
            data["level"] == level and data["colour"] == COLOURS[level] and data["level_name"] == NAMES[level]
        )
        assert data["band"] == (band if scheme == "LEC-SD5" else level)


@pytest.mark.parametrize("scheme", sorted(LS_TABLES))
def test_every_ls_combination(scheme: str, capsys: pytest.CaptureFixture[str]) -> None:
    major, significant, general = LS_TABLES[scheme]
    for l_value, s_value in itertools.product(LS, LS):
        r = int(l_value) * int(s_value)
        level = 1 if r >= major else 2 if r >= significant else 3 if r >= general else 4
        data = _grade(capsys, "ls", l_value, s_value, "--scheme", scheme)
        assert (data["score"], data["level"], data["colour"]) == (r, level, COLOURS[level]), (
            l_value,
            s_value,
        )
