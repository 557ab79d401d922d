"""What the phone tests share: a running ``dualprev serve``, photos, a card's QR image."""

import io
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    url: str
    process: subprocess.Popen[str]
    output: list[str]


@contextmanager
def serving(db_path: Path) -> Iterator[Served]:
    """``dualprev serve`` on 127.0.0.1 and a free port, as a user would start it; stopped after."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dualprev",
            "serve",
            "--db",
            str(db_path),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=ROOT,
    )
    output: list[str] = []
    deadline = time.monotonic() + 60
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        output.append(line)
        if "手机访问服务已启动" in line:
            break
    else:
        process.kill()
    if not output or "手机访问服务已启动" not in output[-1]:
        process.kill()
        raise AssertionError("dualprev serve did not start: " + "".join(output))
    try:
        yield Served(f"http://127.0.0.1:{port}", process, output)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


def photo_file(
    path: Path, colour: tuple[int, int, int] = (200, 60, 40), size: tuple[int, int] = (800, 600)
) -> Path:
    image = Image.new("RGB", size, colour)
    for x in range(0, size[0], 40):
        for y in range(0, size[1], 40):
            if (x + y) // 40 % 2:
                image.putpixel((x, y), (255, 255, 255))
    image.save(path, format="JPEG", quality=90)
    return path


def jpeg_bytes(size: tuple[int, int] = (400, 300)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(buffer, format="JPEG")
    return buffer.getvalue()


def card_qr_image(pdf: bytes, out: Path) -> str:
    """The QR code of a rendered card, cut out of its first page as a phone photo of it would
    show it; returns what the QR code says."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    page = document[0].render(scale=200 / 72).to_pil().convert("RGB")
    document.close()
    (found,) = [r for r in zxingcpp.read_barcodes(page) if r.format == zxingcpp.BarcodeFormat.QRCode]
    xs = [
        p.x
        for p in (
            found.position.top_left,
            found.position.top_right,
            found.position.bottom_left,
            found.position.bottom_right,
        )
    ]
    ys = [
        p.y
        for p in (
            found.position.top_left,
            found.position.top_right,
            found.position.bottom_left,
            found.position.bottom_right,
        )
    ]
    margin = (max(xs) - min(xs)) // 2
    crop = page.crop((min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin))
    crop.save(out, format="PNG")
    return str(found.text)
