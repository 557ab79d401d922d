"""The PyInstaller bundle builds and its executable runs the headless commands (slow: minutes)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_bundle_builds_and_runs_headless(tmp_path: Path) -> None:
    if shutil.which("pyinstaller") is None and not (Path(sys.executable).parent / "pyinstaller").exists():
        pytest.fail("pyinstaller is not installed (it is part of the test extras)")
    pyinstaller = shutil.which("pyinstaller") or str(Path(sys.executable).parent / "pyinstaller")
    build = subprocess.run(
        [pyinstaller, str(ROOT / "build.spec"), "--noconfirm", "--log-level", "WARN",
         "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work")],
        cwd=tmp_path, capture_output=True, text=True, timeout=1500,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-4000:]

    folder = tmp_path / "dist" / "dualprev"
    exe = folder / ("dualprev-cli.exe" if os.name == "nt" else "dualprev-cli")
    assert exe.exists()
    assert (folder / "dualprev.exe" if os.name == "nt" else folder / "dualprev").exists()
    # Qt's Chinese strings, where ui/gui.py looks for them (beside PySide6).
    assert [p for p in folder.rglob("qtbase_zh_CN.qm") if "PySide6" in p.parts]
    # Run from an unrelated folder, with no source tree in reach.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DUALPREV_DB")}
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(exe), *args], cwd=run_dir, env=env, capture_output=True, text=True, timeout=300
        )

    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("dualprev "), version.stderr

    db = run_dir / "bundle-demo.sqlite"
    demo = run("demo", "--db", str(db))
    assert demo.returncode == 0, demo.stderr

    info = run("info", "--db", str(db))
    assert info.returncode == 0, info.stderr
    data = json.loads(info.stdout)
    assert data["counts"]["areas"] == 8 and data["counts"]["hazards"] >= 100
    assert all(n > 0 for n in data["risk_levels"].values())

    refused = run("demo", "--db", str(db))
    assert refused.returncode == 1 and "--force" in refused.stderr

    # The printouts need reportlab, openpyxl, zxing-cpp, Pillow and the bundled font inside the bundle.
    risk_list = run_dir / "清单.xlsx"
    exported = run("export", "risk-list", "--db", str(db), "--out", str(risk_list))
    assert exported.returncode == 0 and risk_list.stat().st_size > 10_000, exported.stderr
    cards = run_dir / "告知卡.pdf"
    exported = run("export", "cards", "--db", str(db), "--out", str(cards))
    assert exported.returncode == 0, exported.stderr
    assert cards.read_bytes().count(b"/FontFile2") >= 1
    risk_map = run_dir / "四色图.png"
    exported = run("export", "map", "--db", str(db), "--out", str(risk_map), "--size", "A4")
    assert exported.returncode == 0 and risk_map.stat().st_size > 100_000, exported.stderr

    # The phone service: uvicorn's modules chosen by name and the pages' assets are in the bundle.
    import socket
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    served = subprocess.Popen(
        [str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        cwd=run_dir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        assert served.stdout is not None
        assert "手机访问服务已启动" in served.stdout.readline()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/jsQR.js", timeout=10) as reply:
            assert b"jsQR" in reply.read()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as reply:
            assert "手机配对" in reply.read().decode("utf-8")
    finally:
        served.terminate()
        served.wait(timeout=30)
