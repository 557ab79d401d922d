"""Every CLI failure is one Chinese line with exit 1 or 2, never a traceback: the inputs the issue
found, then the argument parser fuzzed with hypothesis."""

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dualprev.app import main
from dualprev.storage.db import open_database

_COMMANDS = ["grade", "export", "info", "check", "backup", "restore"]
_WORDS = [
    "lec", "ls", "ledger", "ledger-stats", "cards", "map", "risk-list", "risk-chart", "notices",
    "acceptance", "checks", "--db", "--out", "--from", "--to", "--period", "--format", "--yes",
    "--size", "--scheme", "--plan", "--number", "--photos", "--help", "-h", "--version", "--",
]  # fmt: skip
_VALUES = [
    "sNaN", "NaN", "-Infinity", "-1", "0", "1e999", "0.5", "10", "2026Q4", "0000", "9999Q4", "2026-02-30",
    "0001-01-01", "9999-12-31", "x.xlsx", "x.pdf", "x.png", "x.dpbak", "plant.sqlite", "plant.sqlite-wal",
    "plant_files/a.pdf", "/proc/x", "/", "", "..", "-", "A3", "xlsx", "YH-2026-0001", "void.sqlite",
]  # fmt: skip


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    open_database(tmp_path / "plant.sqlite").close()
    shutil.copy(tmp_path / "plant.sqlite", tmp_path / "empty-version.sqlite")
    with closing(sqlite3.connect(tmp_path / "empty-version.sqlite")) as conn:
        conn.execute("DELETE FROM alembic_version")
        conn.commit()
    (tmp_path / "void.sqlite").write_bytes(b"not a database at all" * 100)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _assert_clean(code: int, err: str, command: str) -> None:
    assert code in (0, 1, 2)
    assert "Traceback" not in err and "程序内部错误" not in err, err
    if code == 1 and command != "check":  # check reports its problems as JSON on stdout
        assert err.startswith("错误：") and err.count("\n") == 1, err


@pytest.mark.parametrize(
    "argv",
    [
        ["grade", "lec", "sNaN", "6", "7"],
        ["export", "ledger-stats", "--db", "plant.sqlite", "--out", "s.xlsx", "--period", "0000"],
        ["export", "ledger-stats", "--db", "plant.sqlite", "--out", "s.xlsx", "--period", "9999Q4"],
        ["demo", "--db", "/proc/x"],
        ["info", "--db", "empty-version.sqlite"],
        ["info", "--db", "void.sqlite"],
        ["info", "--db", "."],
        ["check", "--db", "void.sqlite"],
        ["backup", "--db", "void.sqlite", "--out", "a.dpbak"],
        ["restore", "--db", "plant.sqlite", "--from", "void.sqlite", "--yes"],
        ["restore", "--db", "plant.sqlite", "--from", "missing.dpbak", "--yes"],
        ["export", "ledger", "--db", "plant.sqlite", "--out", "/proc/x.xlsx"],
    ],
)
def test_inputs_that_gave_tracebacks_now_give_one_line(
    workdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code = main(argv)
    err = capsys.readouterr().err
    _assert_clean(code, err, argv[0])
    assert code in (1, 2)


_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    command=st.sampled_from(_COMMANDS),
    rest=st.lists(st.sampled_from(_WORDS) | st.sampled_from(_VALUES) | _text, max_size=7),
)
def test_fuzzed_arguments_never_give_a_traceback(
    workdir: Path, capsys: pytest.CaptureFixture[str], command: str, rest: list[str]
) -> None:
    try:
        code = main([command, *rest])
    except SystemExit as exit_:  # argparse: usage errors, --help, --version
        code = int(exit_.code or 0)
    _assert_clean(code, capsys.readouterr().err, command)
