"""``dualprev accident-types``: the JSON contract, the switch with --map, and refused input that
changes nothing."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from dualprev.services.risks import accident_types
from dualprev.storage.db import open_database

KEYS = {"accident_vocabulary", "title", "verified", "types", "types_in_use_1986", "needs_choice"}


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dualprev", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300, encoding="utf-8",
    )  # fmt: skip


def _vocabulary(path: Path) -> str:
    db = open_database(path, create=False)
    try:
        return accident_types.vocabulary(db)
    finally:
        db.close()


def test_status_switch_and_refusals_of_a_1986_factory(demo_1986_template: Path, tmp_path: Path) -> None:
    path = tmp_path / "factory.sqlite"
    shutil.copy2(demo_1986_template, path)

    shown = _run("accident-types", "--db", str(path), cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    status = json.loads(shown.stdout)
    assert set(status) == KEYS
    assert (status["accident_vocabulary"], status["verified"]) == ("GB6441-1986", True)
    assert status["title"] == "GB 6441-1986《企业职工伤亡事故分类》"
    assert len(status["types"]) == 15 and status["types"][2] == {"code": "03", "name": "机械伤害"}
    in_use = {t["name"]: t for t in status["types_in_use_1986"]}
    assert in_use["机械伤害"]["becomes"] == "机械致害"
    assert in_use["其他爆炸"]["becomes"] == "按文字判定" and in_use["其他爆炸"]["undecided"] == []
    assert status["needs_choice"] == []

    bad_map = _run(
        "accident-types", "--db", str(path), "--switch", "GB6441-2025", "--map", "其他爆炸", cwd=tmp_path
    )
    assert bad_map.returncode == 2 and "--map 应写成 旧类型=新类型" in bad_map.stderr
    not_offered = _run(
        "accident-types",
        "--db",
        str(path),
        "--switch",
        "GB6441-2025",
        "--map",
        "车辆伤害=机械致害",
        cwd=tmp_path,
    )
    assert not_offered.returncode == 1 and "“车辆伤害”不能对应为“机械致害”" in not_offered.stderr
    assert _vocabulary(path) == "GB6441-1986"

    switched = _run(
        "accident-types", "--db", str(path), "--switch", "GB6441-2025", "--map", "车辆伤害=道路(轨道)车辆致害",
        "--actor", "安全员", cwd=tmp_path,
    )  # fmt: skip
    assert switched.returncode == 0, switched.stderr
    after = json.loads(switched.stdout)
    assert set(after) == KEYS | {"switched"}
    assert (after["accident_vocabulary"], after["verified"]) == ("GB6441-2025", False)
    assert len(after["types"]) == 27 and after["types_in_use_1986"] == []
    assert after["switched"]["hazards"] > 100 and after["switched"]["hidden_dangers"] > 0
    assert after["switched"]["mapping"]["车辆伤害"] == "道路(轨道)车辆致害"
    assert _vocabulary(path) == "GB6441-2025"

    again = _run("accident-types", "--db", str(path), "--switch", "GB6441-2025", cwd=tmp_path)
    assert again.returncode == 1 and "已在使用 GB 6441-2025" in again.stderr
