"""Floor-plan images: reading what users bring (a CAD export, a scan, a phone photo of a paper
plan) into a clean, upright RGB image, and finding the straight walls a zone can snap to.

Everything happens in memory before anything is stored: a corrupt, truncated or non-image file is
refused here with a message that says what to do instead.
"""

import io
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from dualprev.errors import ValidationError

MAX_SIDE = 8000
"""Plans are stored at most this many pixels on the longer side: sharper than an A2 print needs."""

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_SOURCE_PIXELS = 40_000_000
"""Larger images (40 MP; a 3 KB file may claim 13000×13000 pixels) are refused from their header,
before decoding, rather than exhausting the memory of an office PC."""

JPEG_QUALITY = 92
_ACCEPTED_FORMATS = {"PNG", "JPEG", "MPO", "BMP", "TIFF", "DIB"}
_PHOTO_FORMATS = {"JPEG", "MPO"}
_SUPPORTED_TEXT = "PNG、JPEG、BMP、TIFF"


@dataclass(frozen=True)
class PreparedImage:
    """A plan image ready to store: encoded bytes, their file suffix, and the pixel size."""

    data: bytes
    suffix: str
    width: int
    height: int
    original_name: str
    downsized_from: tuple[int, int] | None = None
    """The original pixel size when the image had to be reduced."""


def _refused(name: str, why: str) -> ValidationError:
    return ValidationError(f"无法导入平面图“{name}”：{why}。没有保存任何内容。", "image")


def _hint_for_suffix(suffix: str) -> str | None:
    return {
        ".pdf": "这是 PDF 文件，请先用看图软件或 CAD 将平面图导出为 PNG 或 JPEG 图片",
        ".dwg": "这是 CAD 图纸，请在 CAD 中将平面图打印/导出为 PNG 或 JPEG 图片",
        ".dxf": "这是 CAD 图纸，请在 CAD 中将平面图打印/导出为 PNG 或 JPEG 图片",
        ".heic": "不支持 HEIC/HEIF 格式，请在手机相机设置中改为“兼容性最佳”（JPEG）后重新拍摄",
        ".heif": "不支持 HEIC/HEIF 格式，请在手机相机设置中改为“兼容性最佳”（JPEG）后重新拍摄",
    }.get(suffix.lower())


def prepare_plan_image(path: Path) -> PreparedImage:
    """Read and normalise the plan image at ``path``; ValidationError when it cannot be used."""
    path = Path(path)
    hint = _hint_for_suffix(path.suffix)
    if hint:
        raise _refused(path.name, hint)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _refused(
                path.name,
                f"文件过大（{size / 1024 / 1024:.0f} MB，最大 {MAX_FILE_BYTES // 1024 // 1024} MB）",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise _refused(path.name, f"无法读取文件（{exc.strerror or exc}）") from exc
    return prepare_plan_bytes(data, path.name)


def _as_rgb(image: Image.Image) -> Image.Image:
    """Plain RGB: palette and grey images expanded, CMYK converted, 16-bit scaled down, and
    transparent parts (a drawing exported with no background) made white rather than black."""
    if image.mode == "RGB":
        return image
    if image.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N"):
        # 16-bit greyscale scans: scale to 8 bits instead of clipping everything above 255 to white.
        return image.convert("I").point(lambda v: v / 256).convert("L").convert("RGB")
    if image.mode == "F":
        return image.convert("L").convert("RGB")
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode in ("P", "L", "RGB") and "transparency" in image.info
    ):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def prepare_plan_bytes(data: bytes, original_name: str) -> PreparedImage:
    """As :func:`prepare_plan_image`, for image bytes already in memory."""
    if not data:
        raise _refused(original_name, "文件是空的")
    if data[:5] == b"%PDF-":
        raise _refused(original_name, "这是 PDF 文件，请先将平面图导出为 PNG 或 JPEG 图片")
    try:
        with warnings.catch_warnings():
            # The pixel count is checked below with our own, clearer limit.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as source:
                fmt = source.format or ""
                if fmt not in _ACCEPTED_FORMATS:
                    raise _refused(original_name, f"不支持 {fmt or '该'} 格式，请使用 {_SUPPORTED_TEXT} 图片")
                original_size = source.size
                if original_size[0] * original_size[1] > MAX_SOURCE_PIXELS:
                    raise _refused(
                        original_name,
                        f"图片像素过多（{original_size[0]}×{original_size[1]}，最多 {MAX_SOURCE_PIXELS // 1_000_000} 百万像素），"
                        f"请导出为不超过 {MAX_SIDE} 像素宽的图片",
                    )
                if fmt in _PHOTO_FORMATS:
                    # Decode a huge photo at a reduced scale directly (much less memory).
                    source.draft("RGB", (MAX_SIDE, MAX_SIDE))
                source.load()  # a truncated or corrupt file fails here, completely in memory
                upright = ImageOps.exif_transpose(source)
                image = _as_rgb(upright)
    except Image.DecompressionBombError as exc:
        raise _refused(original_name, "图片像素过多，请导出为较小的图片") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _refused(original_name, f"文件已损坏或不是图片（支持 {_SUPPORTED_TEXT}）") from exc
    downsized: tuple[int, int] | None = None
    if max(image.size) > MAX_SIDE:
        downsized = _upright_size(original_size, image.size)
        image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    if image.width < 2 or image.height < 2:
        raise _refused(original_name, "图片太小，看不清平面图")
    out = io.BytesIO()
    if fmt in _PHOTO_FORMATS:
        # A photo stays JPEG (as PNG it would be several times larger); EXIF is dropped, with any
        # GPS position in it, since the pixels are already upright.
        image.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
        suffix = ".jpg"
    else:
        # Drawings and scans stay lossless: thin lines and small text survive.
        image.save(out, "PNG", optimize=False, compress_level=6)
        suffix = ".png"
    return PreparedImage(
        data=out.getvalue(),
        suffix=suffix,
        width=image.width,
        height=image.height,
        original_name=original_name[:260],
        downsized_from=downsized,
    )


def _upright_size(original: tuple[int, int], now: tuple[int, int]) -> tuple[int, int]:
    """The original size in the upright orientation (an EXIF rotation swaps width and height)."""
    if (original[0] >= original[1]) == (now[0] >= now[1]):
        return original
    return original[1], original[0]


# --- walls to snap to ---------------------------------------------------------------------------

_DARK_BELOW = 100
"""Grey value under which a pixel counts as ink (walls are drawn dark, fills and text pale or thin)."""
_STRIP_PX = 300
_LINE_FILL = 0.5
"""A row (column) is part of a wall when at least half of one strip of it is ink."""
_MAX_LINE_THICKNESS = 40


@dataclass(frozen=True)
class PlanLines:
    """Positions of long straight horizontal (``ys``) and vertical (``xs``) lines in a plan image."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]


def _runs(flags: list[bool]) -> list[float]:
    """Centres of the runs of consecutive True values that are thin enough to be a drawn line."""
    centres: list[float] = []
    start: int | None = None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            if i - start <= _MAX_LINE_THICKNESS:
                centres.append((start + i - 1) / 2)
            start = None
    return centres


def _line_positions(ink: Image.Image, along_x: bool) -> list[float]:
    """Rows (``along_x``) or columns that are mostly ink over at least one strip of the image."""
    width, height = ink.size
    if along_x:
        strips = max(1, width // _STRIP_PX)
        profile = ink.resize((strips, height), Image.Resampling.BOX)
        length = height
    else:
        strips = max(1, height // _STRIP_PX)
        profile = ink.resize((width, strips), Image.Resampling.BOX)
        length = width
    data = profile.tobytes()
    threshold = int(255 * _LINE_FILL)
    flags: list[bool] = []
    for i in range(length):
        row = data[i * strips : (i + 1) * strips] if along_x else data[i::width]
        flags.append(max(row) >= threshold)
    return _runs(flags)


@lru_cache(maxsize=8)
def _detect_lines(path: str, mtime_ns: int) -> PlanLines:
    with Image.open(path) as image:
        grey = image.convert("L")
    ink = grey.point(lambda v: 255 if v < _DARK_BELOW else 0)
    return PlanLines(xs=tuple(_line_positions(ink, False)), ys=tuple(_line_positions(ink, True)))


def detect_lines(path: Path) -> PlanLines:
    """The long horizontal and vertical lines (walls, the site boundary) of the plan at ``path``.

    A phone photo of a paper plan is rarely square to the camera, so it may yield none; snapping
    then uses the plan border and the other zones only. An unreadable file yields none as well.
    """
    try:
        return _detect_lines(str(path), Path(path).stat().st_mtime_ns)
    except (OSError, UnidentifiedImageError, ValueError):
        return PlanLines((), ())
