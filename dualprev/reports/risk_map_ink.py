"""The floor plan's "ink": its walls, lines and lettering, told apart from its paper and light
tints by brightness.

Zones are filled with the true level colours (opaque), and the plan's ink is drawn again on top of
the fills, in black, so the walls and the plan's own names stay readable through the colour and
the colour itself stays exact everywhere else. The same ink, on a coarse grid, tells the label
placement where the plan is already lettered.
"""

from PIL import Image, ImageFilter

from dualprev.domain.map_labels import InkMap
from dualprev.errors import StorageError
from dualprev.reports.risk_map_data import RiskMapSheet

INK_FULL = 120
"""Pixels this dark or darker are solid ink."""
INK_NONE = 200
"""Pixels this light or lighter (paper, room tints, road grey) are no ink at all; between the two,
ink fades in, which keeps anti-aliased edges smooth."""

_GRID_COLUMNS = 480


def load_plan_image(sheet: RiskMapSheet, max_width_px: int, max_height_px: int) -> Image.Image:
    """The plan image as RGB, reduced to at most the given size; StorageError when it is missing."""
    try:
        with Image.open(sheet.image_path) as source:
            source.draft("RGB", (max_width_px, max_height_px))
            image = source.convert("RGB")
    except OSError as exc:
        raise StorageError(
            f"找不到或无法读取平面图“{sheet.plan_name}”的图片文件（{sheet.image_path.name}），请重新导入平面图"
        ) from exc
    if image.width > max_width_px or image.height > max_height_px:
        image.thumbnail((max_width_px, max_height_px), Image.Resampling.LANCZOS)
    return image


def ink_alpha(plan: Image.Image) -> Image.Image:
    """An "L" mask as large as ``plan``: 255 where it is ink, 0 where it is paper."""
    grey = plan.convert("L")
    span = INK_NONE - INK_FULL
    lut = [
        255 if v <= INK_FULL else 0 if v >= INK_NONE else round(255 * (INK_NONE - v) / span)
        for v in range(256)
    ]
    return grey.point(lut)


def ink_layer(plan: Image.Image, *, halo: int = 0) -> Image.Image:
    """The plan's ink as black on transparent (RGBA), for drawing over the zone fills; with
    ``halo`` (pixels), a white rim around every stroke, so lettering stays readable on a hatch."""
    alpha = ink_alpha(plan)
    if halo <= 0:
        layer = Image.new("RGBA", plan.size, (0, 0, 0, 0))
        layer.putalpha(alpha)
        return layer
    rim = alpha.filter(ImageFilter.MaxFilter(2 * halo + 1))
    layer = Image.new("RGBA", plan.size, (255, 255, 255, 0))
    layer.putalpha(rim)
    black = Image.new("RGBA", plan.size, (0, 0, 0, 0))
    black.putalpha(alpha)
    return Image.alpha_composite(layer, black)


def ink_map(plan: Image.Image, box: tuple[float, float, float, float]) -> InkMap:
    """Where ``plan`` (placed at ``box`` = x, y, width, height on the sheet) carries ink, on a grid
    about 480 cells wide; a cell touched by any ink counts as inked."""
    columns = min(_GRID_COLUMNS, plan.width)
    rows = max(1, round(plan.height * columns / plan.width))
    # MaxFilter-like reduction: the brightest "ink" pixel of each cell decides (a thin line counts).
    mask = ink_alpha(plan).point(lambda v: 255 if v >= 128 else 0)
    cells = mask.resize((columns, rows), Image.Resampling.BOX)
    data = [1 if v > 0 else 0 for v in cells.tobytes()]
    return InkMap.from_cells(data, columns, rows, box)
