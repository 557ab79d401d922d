"""Pictures for the demo factory, drawn with Pillow: the floor plan and a few site photos.

The floor plan is a 2400×1500 site plan with buildings, walls, doors, roads, one labelled room per
area and a title block; it returns the pixel rectangle of every zone it drew, so map zones match
the picture exactly. Site photos are simple drawn scenes with a caption, used as before/after
photos of hidden dangers.
"""

import io
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from dualprev.demo.content import AREAS, ENTERPRISE, FLOOR_PLAN_NAME, SceneKind
from dualprev.paths import resource_path

PLAN_WIDTH = 2400
PLAN_HEIGHT = 1500
PHOTO_WIDTH = 1200
PHOTO_HEIGHT = 900

_BLACK = (0, 0, 0)
_WHITE = (255, 255, 255)
_WALL = (40, 40, 40)
_ROOM = (250, 250, 246)
_ROAD = (214, 214, 214)
_GREY = (110, 110, 110)
_MACHINE = (225, 228, 232)
_RED = (220, 30, 30)
_GREEN = (20, 150, 60)

Font = ImageFont.FreeTypeFont


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in image pixels; ``x0 < x1`` and ``y0 < y1``."""

    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0

    @property
    def centre(self) -> tuple[int, int]:
        return (self.x0 + self.x1) // 2, (self.y0 + self.y1) // 2

    def corners(self) -> tuple[tuple[int, int], ...]:
        """The four corners clockwise from the top left."""
        return (self.x0, self.y0), (self.x1, self.y0), (self.x1, self.y1), (self.x0, self.y1)

    def box(self) -> tuple[int, int, int, int]:
        return self.x0, self.y0, self.x1, self.y1


@dataclass(frozen=True)
class DrawnZone:
    """A zone as drawn on the plan: an area's room, or the spot of one risk point."""

    name: str
    rect: Rect
    label_at: tuple[int, int]
    area_code: str = ""
    risk_point_code: str = ""


@dataclass(frozen=True)
class FloorPlanDrawing:
    png: bytes
    width: int
    height: int
    zones: tuple[DrawnZone, ...]


@dataclass(frozen=True)
class _Door:
    """A door opening centred on (x, y) in a horizontal or vertical wall.

    ``swing`` is the side the leaf opens to: -1 up/left, +1 down/right.
    """

    x: int
    y: int
    horizontal: bool
    swing: int
    size: int = 80

    @property
    def hinge(self) -> tuple[int, int]:
        half = self.size // 2
        return (self.x - half, self.y) if self.horizontal else (self.x, self.y - half)

    def swing_box(self) -> tuple[int, int, int, int]:
        hx, hy = self.hinge
        reach = self.swing * self.size
        if self.horizontal:
            return hx, min(hy, hy + reach), hx + self.size, max(hy, hy + reach)
        return min(hx, hx + reach), hy, max(hx, hx + reach), hy + self.size


# The plan's geometry. Area rooms first (keyed by area code), then the other buildings.
_BOUNDARY = Rect(50, 50, 2350, 1330)
_ROAD_H = Rect(50, 660, 2350, 740)
_ROAD_V = Rect(1540, 50, 1620, 1330)
_AREA_ROOMS: tuple[tuple[str, Rect], ...] = (
    ("JJ", Rect(110, 110, 690, 600)),
    ("CY", Rect(690, 110, 1080, 600)),
    ("HJ", Rect(1080, 110, 1480, 600)),
    ("PT", Rect(1680, 110, 2080, 430)),
    ("ZP", Rect(110, 800, 700, 1270)),
    ("CK", Rect(700, 800, 1260, 1270)),
    ("WH", Rect(2140, 110, 2300, 430)),
    ("GY", Rect(1680, 470, 2300, 620)),
)
_OTHER_BUILDINGS: tuple[tuple[str, Rect], ...] = (
    ("办公楼", Rect(1680, 800, 2300, 1040)),
    ("食堂", Rect(1800, 1090, 2300, 1270)),
    ("门卫", Rect(1660, 1190, 1760, 1290)),
)
_PARKING = Rect(1300, 800, 1480, 1270)
_SPOTS: tuple[tuple[str, str, Rect], ...] = (
    ("喷漆房", "FX-PT-001", Rect(1760, 140, 1900, 300)),
    ("储气罐", "FX-GY-003", Rect(2200, 500, 2280, 600)),
)
_SUB_ROOMS: tuple[tuple[str, Rect, tuple[int, int]], ...] = (
    ("调漆间", Rect(1920, 140, 2060, 240), (1990, 190)),
    ("烘干房", Rect(1920, 270, 2060, 410), (1990, 384)),
    ("危废暂存间", Rect(2140, 340, 2300, 430), (2236, 385)),
    ("配电房", Rect(1680, 470, 1990, 620), (1835, 596)),
    ("空压站", Rect(1990, 470, 2300, 620), (2145, 596)),
    ("打磨抛光间", Rect(1330, 110, 1480, 260), (1405, 234)),
)
# Rooms inside an area that get a zone of their own, linked to the risk point they house; it is
# 低风险, so the demo map shows all four colours.
_SUB_ROOM_ZONES: dict[str, str] = {"烘干房": "FX-PT-003"}
_DOORS: tuple[_Door, ...] = (
    _Door(440, 600, True, -1), _Door(885, 600, True, -1), _Door(1225, 600, True, -1),
    _Door(530, 800, True, 1), _Door(1100, 800, True, 1, 110), _Door(1680, 200, False, 1),
    _Door(2140, 150, False, 1, 50), _Door(2140, 385, False, 1, 40), _Door(1680, 590, False, 1, 50),
    _Door(2050, 620, True, -1, 50), _Door(1680, 920, False, 1), _Door(1990, 1090, True, 1, 70),
    _Door(690, 360, False, 1), _Door(1080, 360, False, 1), _Door(700, 1030, False, 1),
)  # fmt: skip
_HYDRANTS: tuple[tuple[int, int], ...] = (
    (400, 700),
    (1000, 700),
    (1460, 700),
    (1580, 300),
    (1580, 1000),
    (2200, 700),
)
_GATE = (1540, 1620)


@lru_cache(maxsize=32)
def _font(size: int) -> Font:
    return ImageFont.truetype(str(resource_path("fonts", "wqy-microhei.ttc")), size, index=0)


def _fitting_font(text: str, max_width: int, size: int) -> Font:
    while size > 14 and _font(size).getlength(text) > max_width:
        size -= 2
    return _font(size)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=False, compress_level=6)
    return buffer.getvalue()


def _jpeg(image: Image.Image, quality: int = 85) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality)
    return buffer.getvalue()


# --- floor plan --------------------------------------------------------------------------------


def draw_floor_plan() -> FloorPlanDrawing:
    """The demo factory's site plan and the zones drawn on it (one per area, plus two risk points)."""
    image = Image.new("RGB", (PLAN_WIDTH, PLAN_HEIGHT), _WHITE)
    draw = ImageDraw.Draw(image)
    _draw_site(draw)
    names = {a.code: a.name for a in AREAS}
    zones: list[DrawnZone] = []
    for code, rect in _AREA_ROOMS:
        _draw_room(draw, rect, wall=10)
        _draw_machines(draw, code, rect)
    for _name, rect, _at in _SUB_ROOMS:
        draw.rectangle(rect.box(), outline=_WALL, width=5)
    for _name, _code, rect in _SPOTS:
        draw.rectangle(rect.box(), fill=(236, 240, 246), outline=_WALL, width=5)
    for _name, rect in _OTHER_BUILDINGS:
        _draw_room(draw, rect, wall=10, fill=(238, 238, 238))
    for door in _DOORS:
        _draw_door(draw, door)
    for code, rect in _AREA_ROOMS:
        label = _area_label_position(code, rect)
        _draw_area_label(draw, names[code], code, rect, label)
        zones.append(DrawnZone(names[code], rect, label, area_code=code))
    for name, rect, at in _SUB_ROOMS:
        draw.text(at, name, font=_fitting_font(name, min(rect.width - 16, 110), 24), fill=_GREY, anchor="mm")
        if name in _SUB_ROOM_ZONES:
            zones.append(DrawnZone(name, rect, rect.centre, risk_point_code=_SUB_ROOM_ZONES[name]))
    for name, code, rect in _SPOTS:
        draw.text(rect.centre, name, font=_fitting_font(name, rect.width - 12, 26), fill=_BLACK, anchor="mm")
        zones.append(DrawnZone(name, rect, rect.centre, risk_point_code=code))
    for name, rect in _OTHER_BUILDINGS:
        draw.text(rect.centre, name, font=_fitting_font(name, rect.width - 16, 40), fill=_GREY, anchor="mm")
    _draw_title_block(draw)
    _draw_legend(draw)
    return FloorPlanDrawing(_png(image), PLAN_WIDTH, PLAN_HEIGHT, tuple(zones))


def _draw_site(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle(_ROAD_H.box(), fill=_ROAD)
    draw.rectangle(_ROAD_V.box(), fill=_ROAD)
    for x in range(_ROAD_H.x0 + 20, _ROAD_H.x1 - 20, 70):
        if not (_ROAD_V.x0 - 30 < x < _ROAD_V.x1 or 590 < x < 810):
            draw.line((x, 700, x + 35, 700), fill=_WHITE, width=4)
    for y in range(_ROAD_V.y0 + 20, _ROAD_V.y1 - 20, 70):
        if not _ROAD_H.y0 - 30 < y < _ROAD_H.y1:
            draw.line((1580, y, 1580, y + 35), fill=_WHITE, width=4)
    draw.text((700, 700), "厂区主干道", font=_font(28), fill=_GREY, anchor="mm")
    draw.rectangle(_PARKING.box(), outline=_GREY, width=3)
    for y in range(_PARKING.y0 + 60, _PARKING.y1, 60):
        draw.line((_PARKING.x0, y, _PARKING.x0 + 70, y), fill=_GREY, width=2)
    draw.text(_PARKING.centre, "停车场", font=_font(34), fill=_GREY, anchor="mm")
    # Boundary wall (围墙) with the main gate on the south side.
    b, gate = _BOUNDARY, _GATE
    for segment in ((b.x0, b.y0, b.x1, b.y0), (b.x1, b.y0, b.x1, b.y1), (b.x0, b.y0, b.x0, b.y1),
                    (b.x0, b.y1, gate[0], b.y1), (gate[1], b.y1, b.x1, b.y1)):  # fmt: skip
        draw.line(segment, fill=_WALL, width=8)
    draw.text(((gate[0] + gate[1]) // 2, b.y1 + 30), "大门", font=_font(30), fill=_BLACK, anchor="mm")
    for x, y in _HYDRANTS:
        draw.ellipse((x - 14, y - 14, x + 14, y + 14), fill=_RED, outline=_WALL, width=2)


def _draw_room(
    draw: ImageDraw.ImageDraw, rect: Rect, *, wall: int, fill: tuple[int, int, int] = _ROOM
) -> None:
    draw.rectangle(rect.box(), fill=fill)
    draw.rectangle((rect.x0 - wall // 2, rect.y0 - wall // 2, rect.x1 + wall // 2, rect.y1 + wall // 2),
                   outline=_WALL, width=wall)  # fmt: skip


def _draw_door(draw: ImageDraw.ImageDraw, door: _Door) -> None:
    """An opening in the wall, the door leaf and its swing arc (a quarter circle about the hinge)."""
    half, size = door.size // 2, door.size
    hx, hy = door.hinge
    arc_box = (hx - size, hy - size, hx + size, hy + size)
    if door.horizontal:
        draw.rectangle((door.x - half, door.y - 7, door.x + half, door.y + 7), fill=_ROOM)
        draw.line((hx, hy, hx, hy + door.swing * size), fill=_WALL, width=3)
        start, end = (270, 360) if door.swing < 0 else (0, 90)
    else:
        draw.rectangle((door.x - 7, door.y - half, door.x + 7, door.y + half), fill=_ROOM)
        draw.line((hx, hy, hx + door.swing * size, hy), fill=_WALL, width=3)
        start, end = (0, 90) if door.swing > 0 else (90, 180)
    draw.arc(arc_box, start, end, fill=_WALL, width=2)


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int], margin: int = 8) -> bool:
    return a[0] < b[2] + margin and b[0] < a[2] + margin and a[1] < b[3] + margin and b[1] < a[3] + margin


def _draw_machines(draw: ImageDraw.ImageDraw, code: str, rect: Rect) -> None:
    """Equipment footprints in the lower part of a room, leaving the middle free for the label."""
    footprint = {"JJ": (70, 44), "CY": (64, 64), "HJ": (50, 50), "ZP": (120, 50), "CK": (220, 36)}.get(code)
    if footprint is None:
        return
    w, h = footprint
    for row_y in (rect.y1 - h - 40, rect.y0 + 40):
        # The grinding room takes the north-east corner of the welding shop.
        right = 1330 if code == "HJ" and row_y < 270 else rect.x1
        x = rect.x0 + 40
        while x + w <= right - 40:
            box = (x, row_y, x + w, row_y + h)
            if not any(_overlaps(box, door.swing_box()) for door in _DOORS):
                draw.rectangle(box, fill=_MACHINE, outline=_GREY, width=2)
            x += w + 30


def _area_label_position(code: str, rect: Rect) -> tuple[int, int]:
    if code == "PT":
        return rect.x0 + 120, rect.y1 - 70
    if code == "WH":
        return rect.centre[0], rect.y0 + 120
    if code == "GY":
        return rect.x0 + 150, rect.y0 + 45
    return rect.centre


def _draw_area_label(
    draw: ImageDraw.ImageDraw, name: str, code: str, rect: Rect, at: tuple[int, int]
) -> None:
    font = _fitting_font(name, rect.width - 30, 46)
    draw.text(at, name, font=font, fill=_BLACK, anchor="mm")
    draw.text((at[0], at[1] + font.size // 2 + 22), f"区域 {code}", font=_font(22), fill=_GREY, anchor="mm")


def _draw_title_block(draw: ImageDraw.ImageDraw) -> None:
    x0, y0, x1, y1, split = 1700, 1350, 2350, 1485, 2040
    draw.rectangle((x0, y0, x1, y1), outline=_WALL, width=4)
    draw.line((x0, y0 + 55, x1, y0 + 55), fill=_WALL, width=2)
    draw.line((x0, y0 + 95, x1, y0 + 95), fill=_WALL, width=2)
    draw.line((split, y0 + 55, split, y1), fill=_WALL, width=2)
    font = _font(24)
    draw.text(((x0 + x1) // 2, y0 + 28), ENTERPRISE.name, font=_font(34), fill=_BLACK, anchor="mm")
    draw.text((x0 + 16, y0 + 75), f"图名：{FLOOR_PLAN_NAME}", font=font, fill=_BLACK, anchor="lm")
    draw.text((split + 16, y0 + 75), "比例：1:500", font=font, fill=_BLACK, anchor="lm")
    draw.text((x0 + 16, y0 + 115), "制图：安全环保部", font=font, fill=_BLACK, anchor="lm")
    draw.text((split + 16, y0 + 115), f"图号：{ENTERPRISE.code}-ZP-01", font=font, fill=_BLACK, anchor="lm")


def _draw_legend(draw: ImageDraw.ImageDraw) -> None:
    # No north arrow: the risk map sheet draws the one north arrow, turned as set for the plan.
    x, y = 200, 1370
    font = _font(24)
    draw.text((x, y), "图例：", font=font, fill=_BLACK, anchor="lm")
    x += 90
    draw.line((x, y, x + 60, y), fill=_WALL, width=8)
    draw.text((x + 75, y), "围墙/外墙", font=font, fill=_BLACK, anchor="lm")
    x += 230
    draw.rectangle((x, y - 14, x + 60, y + 14), fill=_ROAD)
    draw.text((x + 75, y), "道路", font=font, fill=_BLACK, anchor="lm")
    x += 180
    draw.arc((x, y - 30, x + 60, y + 30), 270, 360, fill=_WALL, width=2)
    draw.line((x + 30, y - 30, x + 30, y + 5), fill=_WALL, width=3)
    draw.text((x + 75, y), "门", font=font, fill=_BLACK, anchor="lm")
    x += 140
    draw.ellipse((x + 16, y - 14, x + 44, y + 14), fill=_RED, outline=_WALL, width=2)
    draw.text((x + 75, y), "室外消火栓", font=font, fill=_BLACK, anchor="lm")
    draw.text((200, 1430), "注：各区域按“区域编号”对应风险点编号 FX-区域编号-序号；本图为示意，不作施工依据。",
              font=_font(22), fill=_GREY, anchor="lm")  # fmt: skip


# --- site photos -------------------------------------------------------------------------------


def draw_site_photo(scene: SceneKind, caption: str, *, fixed: bool, taken_at: datetime) -> bytes:
    """A 1200×900 JPEG of ``scene``: the defect circled in red (before) or put right (after).

    ``taken_at`` is printed in the corner as the camera would, so pass the plant's local time.
    """
    image = Image.new("RGB", (PHOTO_WIDTH, PHOTO_HEIGHT), (196, 200, 204))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 540, PHOTO_WIDTH, PHOTO_HEIGHT), fill=(150, 156, 150))
    draw.line((0, 540, PHOTO_WIDTH, 540), fill=(120, 120, 120), width=4)
    defect = _SCENES[scene](draw, fixed)
    if fixed:
        draw.line(((1040, 120), (1080, 165), (1150, 70)), fill=_GREEN, width=18, joint="curve")
    else:
        x0, y0, x1, y1 = defect
        draw.ellipse((x0 - 30, y0 - 30, x1 + 30, y1 + 30), outline=_RED, width=10)
    draw.rectangle((0, PHOTO_HEIGHT - 90, PHOTO_WIDTH, PHOTO_HEIGHT), fill=(20, 20, 20))
    stage = "整改后" if fixed else "整改前"
    text = f"{stage}：{caption}"
    draw.text((24, PHOTO_HEIGHT - 45), text, font=_fitting_font(text, 860, 34), fill=_WHITE, anchor="lm")
    stamp = taken_at.strftime("%Y-%m-%d %H:%M")
    draw.text((PHOTO_WIDTH - 24, PHOTO_HEIGHT - 45), stamp, font=_font(28), fill=(255, 200, 0), anchor="rm")
    return _jpeg(image)


Box = tuple[int, int, int, int]


def _machine_guard(draw: ImageDraw.ImageDraw, fixed: bool) -> Box:
    draw.rectangle((180, 300, 760, 640), fill=(96, 140, 120), outline=_BLACK, width=4)
    draw.rectangle((220, 340, 420, 460), fill=(70, 110, 95))
    draw.rectangle((760, 420, 1000, 470), fill=(130, 130, 130), outline=_BLACK, width=3)
    draw.ellipse((800, 250, 1000, 450), fill=(170, 170, 170), outline=_BLACK, width=4)
    draw.ellipse((880, 330, 920, 370), fill=(90, 90, 90))
    draw.rectangle((250, 560, 330, 610), fill=_RED, outline=_BLACK, width=3)
    if fixed:
        draw.pieslice((780, 230, 1020, 470), 180, 360, fill=(255, 150, 0), outline=_BLACK, width=4)
    return 780, 230, 1020, 470


def _gas_cylinders(draw: ImageDraw.ImageDraw, fixed: bool) -> Box:
    draw.rectangle((100, 120, 1100, 540), fill=(210, 206, 196))
    spacing = 520 if fixed else 150
    draw.rounded_rectangle((300, 220, 390, 640), radius=40, fill=(40, 110, 200), outline=_BLACK, width=3)
    draw.text((345, 420), "氧", font=_font(40), fill=_WHITE, anchor="mm")
    left = 300 + spacing
    if fixed:
        draw.rounded_rectangle(
            (left, 220, left + 90, 640), radius=40, fill=(245, 245, 245), outline=_BLACK, width=3
        )
        for x in (300, left):
            draw.line((x - 20, 360, x + 110, 360), fill=(60, 60, 60), width=8)
    else:
        draw.polygon(((left + 40, 230), (left + 130, 250), (left + 70, 660), (left - 20, 640)),
                     fill=(245, 245, 245), outline=_BLACK)  # fmt: skip
    draw.text((left + 50, 440), "乙炔", font=_font(34), fill=_RED, anchor="mm")
    return 280, 200, left + 140, 670


def _electric_box(draw: ImageDraw.ImageDraw, fixed: bool) -> Box:
    draw.rectangle((0, 0, PHOTO_WIDTH, 540), fill=(205, 198, 180))
    if fixed:
        draw.rounded_rectangle((460, 160, 740, 420), radius=20, fill=(60, 60, 60), outline=_BLACK, width=6)
        draw.text((600, 290), "Ex", font=_font(90), fill=(255, 210, 0), anchor="mm")
    else:
        draw.rectangle((500, 200, 700, 380), fill=(240, 240, 240), outline=_BLACK, width=3)
        draw.rectangle((570, 250, 630, 330), fill=(255, 255, 255), outline=_BLACK, width=3)
    draw.ellipse((520, 40, 680, 120), fill=(255, 250, 200), outline=_BLACK, width=3)
    for x in range(120, 420, 120):
        draw.rectangle((x, 380, x + 90, 640), fill=(200, 60, 40), outline=_BLACK, width=2)
    return 460, 30, 740, 420


def _rack(draw: ImageDraw.ImageDraw, fixed: bool) -> Box:
    for x in (200, 600, 1000):
        if fixed or x != 600:
            draw.rectangle((x, 80, x + 30, 700), fill=(40, 90, 170))
        else:
            draw.line(((615, 80), (615, 520), (650, 600), (615, 700)), fill=(40, 90, 170), width=30)
        if fixed:
            draw.rectangle((x - 10, 620, x + 40, 700), fill=(255, 210, 0), outline=_BLACK, width=2)
    for y in (200, 360, 520):
        draw.rectangle((200, y, 1030, y + 20), fill=(255, 120, 0))
        for x in (260, 450, 660, 850):
            draw.rectangle((x, y - 90, x + 130, y), fill=(190, 150, 100), outline=_BLACK, width=2)
    return 570, 480, 690, 700


def _crane_hook(draw: ImageDraw.ImageDraw, fixed: bool) -> Box:
    draw.rectangle((0, 0, PHOTO_WIDTH, 80), fill=(250, 200, 0))
    draw.line((560, 80, 560, 260), fill=(70, 70, 70), width=10)
    draw.line((640, 80, 640, 260), fill=(70, 70, 70), width=10)
    draw.rectangle((520, 250, 680, 340), fill=(250, 200, 0), outline=_BLACK, width=4)
    draw.line((600, 340, 600, 420), fill=(80, 80, 80), width=24)
    draw.arc((480, 380, 720, 620), 0, 200, fill=(80, 80, 80), width=30)
    if fixed:
        draw.line((610, 420, 712, 500), fill=_RED, width=10)
    else:
        draw.line((690, 470, 712, 520), fill=(160, 160, 160), width=6)
    return 540, 380, 740, 620


def _aisle(draw: ImageDraw.ImageDraw, fixed: bool) -> Box:
    draw.polygon(((420, 540), (780, 540), (1000, 810), (200, 810)), fill=(130, 150, 130))
    draw.line(((420, 540), (200, 810)), fill=(255, 210, 0), width=12)
    draw.line(((780, 540), (1000, 810)), fill=(255, 210, 0), width=12)
    for x in (60, 1000):
        draw.rectangle((x, 300, x + 140, 600), fill=(96, 140, 120), outline=_BLACK, width=3)
    if fixed:
        for x in (30, 1030):
            draw.rectangle((x, 640, x + 150, 740), fill=(60, 100, 180), outline=_BLACK, width=3)
    else:
        for x, y in ((420, 600), (560, 640), (480, 700)):
            draw.rectangle((x, y, x + 150, y + 100), fill=(60, 100, 180), outline=_BLACK, width=3)
    return 400, 580, 730, 810


def _spray_booth(draw: ImageDraw.ImageDraw, fixed: bool) -> Box:
    draw.rectangle((120, 60, 1080, 700), fill=(228, 232, 236), outline=_BLACK, width=6)
    for x in range(140, 1080, 60):
        draw.line((x, 70, x, 250), fill=(200, 205, 210), width=2)
    draw.rectangle((300, 300, 900, 560), fill=(160, 170, 180), outline=_BLACK, width=3)
    draw.text((600, 430), "水帘柜", font=_font(48), fill=_WHITE, anchor="mm")
    if fixed:
        draw.rectangle((940, 120, 1040, 240), fill=(250, 250, 250), outline=_BLACK, width=4)
        draw.ellipse((975, 150, 1005, 180), fill=_GREEN)
    return 920, 100, 1060, 260


_SCENES = {
    SceneKind.MACHINE_GUARD: _machine_guard,
    SceneKind.GAS_CYLINDERS: _gas_cylinders,
    SceneKind.ELECTRIC_BOX: _electric_box,
    SceneKind.RACK: _rack,
    SceneKind.CRANE_HOOK: _crane_hook,
    SceneKind.AISLE: _aisle,
    SceneKind.SPRAY_BOOTH: _spray_booth,
}
