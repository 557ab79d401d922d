"""``dualprev serve``: refuses what it cannot use in one Chinese line, prints its address and a
pairing code, and only one program uses a database at a time."""

import signal
import subprocess
import sys
from pathlib import Path

import httpx

from dualprev.services import database_lock
from tests.lan.helpers import ROOT, free_port


def _serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dualprev", "serve", *args],
        capture_output=True, text=True, timeout=60, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip


def test_bad_arguments_are_refused_in_chinese(tmp_path: Path, demo_path: Path) -> None:
    missing = _serve("--db", str(tmp_path / "none.sqlite"), "--host", "127.0.0.1")
    assert missing.returncode == 1 and "数据库文件不存在" in missing.stderr
    low_port = _serve("--db", str(demo_path), "--host", "127.0.0.1", "--port", "80")
    assert low_port.returncode == 1 and "端口应在 1024 到 65535 之间" in low_port.stderr
    nobody = _serve("--db", str(demo_path), "--host", "127.0.0.1", "--pair", "不存在的人")
    assert nobody.returncode == 1 and "没有名为“不存在的人”的人员" in nobody.stderr
    with database_lock.held(demo_path, create=False):
        busy = _serve("--db", str(demo_path), "--host", "127.0.0.1", "--port", str(free_port()))
    assert busy.returncode == 1 and "正在被另一个" in busy.stderr


def test_serve_prints_its_address_and_a_pairing_code(demo_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "dualprev", "serve", "--db", str(demo_path), "--host", "127.0.0.1",
         "--port", str(port), "--pair", "孙磊"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    try:
        assert process.stdout is not None
        started, code_line = process.stdout.readline(), process.stdout.readline()
        assert f"http://127.0.0.1:{port}/" in started
        assert "配对码" in code_line and "孙磊" in code_line
        page = httpx.get(f"http://127.0.0.1:{port}/tasks", follow_redirects=True)
        assert "手机配对" in page.text and page.headers["x-frame-options"] == "DENY"
        process.send_signal(signal.SIGINT)  # Ctrl+C: the normal way to stop it
        assert process.wait(timeout=20) == 0
        assert "已停止" in process.stdout.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
