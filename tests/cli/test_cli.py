import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dualprev import __version__
from dualprev.app import main
from dualprev.storage import migrate
from dualprev.storage.db import open_database
from dualprev.storage.models import Area, CheckRecord, ControlMeasure, Hazard, HiddenDanger, Post, RiskPoint

from ..conftest import count_rows

COUNTED = {
    "areas": Area, "posts": Post, "risk_points": RiskPoint, "hazards": Hazard,
    "control_measures": ControlMeasure, "hidden_dangers": HiddenDanger, "check_records": CheckRecord,
}  # fmt: skip


def _run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dualprev", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300, env=env, encoding="utf-8",
    )  # fmt: skip


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"dualprev {__version__}"


def test_demo_then_info_from_another_folder(tmp_path: Path) -> None:
    db = tmp_path / "data" / "demo.sqlite"
    created = _run("demo", "--db", str(db), cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    info = _run("info", "--db", str(db), cwd=tmp_path)
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert set(data) == {
        "schema_version", "enterprise", "counts", "risk_levels", "hidden_danger_status", "accident_vocabulary",
        "major_hidden_dangers_open",
    }  # fmt: skip
    # The demo is a new enterprise on GB 6441-2025; the spray booth and the two its 判定标准
    # self-check found are open.
    assert (data["accident_vocabulary"], data["major_hidden_dangers_open"]) == ("GB6441-2025", 3)
    assert data["schema_version"] == migrate.head_version() >= 3
    assert data["enterprise"]
    counts = data["counts"]
    assert set(counts) == {
        "areas", "posts", "risk_points", "hazards", "control_measures", "hidden_dangers", "check_records",
    }  # fmt: skip
    opened = open_database(db, create=False)
    try:
        in_file = {key: count_rows(opened, model) for key, model in COUNTED.items()}
    finally:
        opened.close()
    assert counts == in_file
    assert counts["risk_points"] >= 40 and counts["hazards"] >= 100 and counts["hidden_dangers"] >= 30
    assert counts["control_measures"] > counts["hazards"] and counts["check_records"] > 0
    assert list(data["risk_levels"]) == ["重大风险", "较大风险", "一般风险", "低风险"]
    assert all(n > 0 for n in data["risk_levels"].values())
    assert sum(data["risk_levels"].values()) == counts["risk_points"]
    assert {"待整改", "整改中", "待验收", "已销号", "已作废"} == set(data["hidden_danger_status"])
    assert all(n > 0 for n in data["hidden_danger_status"].values())
    assert sum(data["hidden_danger_status"].values()) == counts["hidden_dangers"]


def test_demo_refuses_a_non_empty_file_unless_forced(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = demo_path
    size = db.stat().st_size
    assert main(["demo", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "--force" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert db.stat().st_size == size
    assert main(["demo", "--db", str(db), "--force"]) == 0


def test_db_from_environment_variable(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    db = tmp_path / "env.sqlite"
    monkeypatch.setenv("DUALPREV_DB", str(db))
    assert main(["info"]) == 1  # the variable names a file that is not there yet
    assert str(db) in capsys.readouterr().err
    assert main(["demo"]) == 0
    capsys.readouterr()
    assert main(["info"]) == 0
    opened = open_database(db, create=False)
    try:
        assert json.loads(capsys.readouterr().out)["counts"]["areas"] == count_rows(opened, Area) > 0
    finally:
        opened.close()


def test_info_on_missing_file_fails_with_one_chinese_line(tmp_path: Path) -> None:
    result = _run("info", "--db", str(tmp_path / "nope.sqlite"), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"错误：数据库文件不存在：{tmp_path / 'nope.sqlite'}"]
    assert not (tmp_path / "nope.sqlite").exists()


def test_info_on_a_corrupt_file_fails_cleanly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all" * 100)
    result = _run("info", "--db", str(bad), cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "不是有效的" in result.stderr


def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    assert _run("frobnicate", cwd=tmp_path).returncode == 2
    assert _run("info", "--db", "x.sqlite", "--what", cwd=tmp_path).returncode == 2


def test_missing_db_without_env_says_how(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DUALPREV_DB"}
    result = _run("info", cwd=tmp_path, env=env)
    assert result.returncode == 1 and "--db" in result.stderr


def test_grade_lec_prints_exact_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grade", "lec", "0.2", "6", "15"]) == 0
    out = capsys.readouterr().out
    assert '"score": 18,' in out
    data = json.loads(out)
    assert data == {
        "method": "LEC", "scheme": "LEC-4C", "score": 18, "band": 4, "band_label": data["band_label"],
        "level": 4, "level_name": "低风险", "colour": "blue",
    }  # fmt: skip


def test_grade_sd5_band_5_label(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grade", "lec", "1", "0.5", "15", "--scheme", "LEC-SD5"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["score"], data["band"], data["band_label"]) == (7.5, 5, "稍有危险")


def test_grade_ls(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grade", "ls", "4", "5"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["method"], data["scheme"], data["score"], data["level"], data["colour"]) == (
        "LS", "LS-SD", 20, 1, "red",
    )  # fmt: skip


def test_grade_off_scale_exits_2_naming_allowed_values(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["grade", "lec", "0.3", "6", "15"]) == 2
    err = capsys.readouterr().err
    assert "0.3" in err and "10、6、3、1、0.5、0.2、0.1" in err


def test_a_closed_pipe_is_not_a_crash(demo_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "dualprev", "info", "--db", str(demo_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -0`: nobody reads what info prints
    stderr = process.stderr.read().decode("utf-8")
    assert process.wait(timeout=120) == 0
    assert "Traceback" not in stderr


HEAVY_LIBRARIES = ("PySide6", "alembic", "openpyxl", "reportlab", "sqlalchemy", "sqlmodel")


def test_parsing_the_command_line_imports_no_heavy_library() -> None:
    """``dualprev --version`` (and every command before it runs) pays only for the parser: the
    database and report libraries are imported by the command that needs them."""
    probe = (
        "import sys\n"
        "from dualprev import cli\n"
        "cli.parse_args(['export', 'ledger', '--out', 'x.xlsx'])\n"
        f"print(','.join(m for m in {HEAVY_LIBRARIES!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""
