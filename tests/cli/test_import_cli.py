"""``dualprev import …`` (issue 12): the JSON contract scripts rely on, exit codes, dry runs,
partial imports, templates and the 人员花名册 export."""

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from dualprev.app import main

from ..services.import_files import write_messy_ledger, write_messy_people, write_messy_risk_list

KEYS = {"kind", "dry_run", "rows", "created", "skipped", "duplicates", "conflicts", "errors"}
CREATED = {"risk_points", "hazards", "control_measures", "hidden_dangers", "people", "departments"}


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any]]:
    code = main(["import", *args])
    out = capsys.readouterr().out.strip().splitlines()
    return code, json.loads(out[-1])


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def test_json_contract_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, db = tmp_path / "清单.xlsx", tmp_path / "new.sqlite"
    broken = write_messy_risk_list(source)
    code, report = _run(capsys, "risk-list", str(source), "--db", str(db))
    assert code == 1 and set(report) == KEYS and set(report["created"]) == CREATED
    assert report["kind"] == "risk-list" and report["dry_run"] is False and report["rows"] == 12
    assert {(e["sheet"], e["row"]) for e in report["errors"]} == broken
    assert all(set(e) == {"sheet", "row", "reason"} for e in report["errors"] + report["conflicts"])
    assert report["created"]["hazards"] == 0
    before = _dump(db)
    code, dry = _run(capsys, "risk-list", str(source), "--db", str(db), "--dry-run", "--partial")
    assert code == 0 and dry["dry_run"] is True and dry["created"]["hazards"] == 7 and _dump(db) == before
    code, done = _run(capsys, "risk-list", str(source), "--db", str(db), "--partial", "--prefer", "level")
    assert code == 0 and done["created"] == dry["created"]
    assert [(c["sheet"], c["row"]) for c in done["conflicts"]] == [("设备设施类", 12)]
    assert "已按所列等级记录" in done["conflicts"][0]["reason"]
    code, again = _run(capsys, "risk-list", str(source), "--db", str(db), "--partial")
    assert code == 0 and sum(again["created"].values()) == 0 and len(again["duplicates"]) == 7
    assert all(set(d) == {"sheet", "row"} for d in again["duplicates"])


def test_ledger_and_people_with_failed_rows_saved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "db.sqlite"
    ledger, people, failed = tmp_path / "台账.xlsx", tmp_path / "人员.xlsx", tmp_path / "失败.xlsx"
    _broken, duplicates = write_messy_ledger(ledger)
    write_messy_people(people)
    code, report = _run(
        capsys, "ledger", str(ledger), "--db", str(db), "--partial", "--failed-out", str(failed)
    )
    assert code == 0 and report["created"]["hidden_dangers"] == 3 and failed.exists()
    assert {(d["sheet"], d["row"]) for d in report["duplicates"]} == duplicates
    code, report = _run(capsys, "people", str(people), "--db", str(db))
    assert code == 1 and report["kind"] == "people" and len(report["errors"]) == 2


def test_template_and_people_export(
    tmp_path: Path, demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "模板.xlsx"
    assert main(["import", "template", "ledger", "--out", str(template)]) == 0 and template.exists()
    roster = tmp_path / "花名册.xlsx"
    assert main(["export", "people", "--db", str(demo_path), "--out", str(roster)]) == 0
    capsys.readouterr()
    code, report = _run(capsys, "people", str(roster), "--db", str(demo_path))
    assert code == 0 and report["rows"] > 10 and len(report["duplicates"]) == report["rows"]


def test_an_unreadable_file_is_one_chinese_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"nope")
    assert main(["import", "ledger", str(bad), "--db", str(tmp_path / "db.sqlite")]) == 1
    assert capsys.readouterr().err.strip() == "错误：无法读取文件：bad.xlsx（不是 xlsx 格式的 Excel 文件）"
    with pytest.raises(SystemExit) as exit_info:
        main(["import", "ledger", str(bad), "--db", "x", "--prefer", "nothing"])
    assert exit_info.value.code == 2


def test_import_waits_for_no_one_holding_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dualprev.services import database_lock

    source, db = tmp_path / "人员.xlsx", tmp_path / "db.sqlite"
    write_messy_people(source)
    with database_lock.held(db, create=True):
        assert main(["import", "people", str(source), "--db", str(db), "--partial"]) == 1
    assert "正在被另一个" in capsys.readouterr().err
    code, report = _run(capsys, "people", str(source), "--db", str(db), "--partial")
    assert code == 0 and report["created"]["people"] == 3
