"""The pictograms of the GB 2894 safety signs, drawn as vectors in a 100 × 100 box: each takes the
canvas, the ``ink`` it draws with and the ``paper`` it cuts holes and separations with, so one
drawing serves black-on-yellow warning signs and white-on-colour prohibition, mandatory and
information signs alike."""

import math
from collections.abc import Callable

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

Pictogram = Callable[[Canvas, Color, Color], None]
"""Draws in a 100 × 100 box with ``ink`` (the pictogram) and ``paper`` (holes, separations)."""


# --- drawing helpers (100 × 100 box) -------------------------------------------------------------


def _poly(c: Canvas, points: list[tuple[float, float]], *, fill: bool = True) -> None:
    path = c.beginPath()
    path.moveTo(*points[0])
    for p in points[1:]:
        path.lineTo(*p)
    path.close()
    c.drawPath(path, fill=1 if fill else 0, stroke=0 if fill else 1)


def _stroke(c: Canvas, width: float, *segments: tuple[float, float, float, float]) -> None:
    c.setLineWidth(width)
    for x1, y1, x2, y2 in segments:
        c.line(x1, y1, x2, y2)


def _polyline(c: Canvas, width: float, points: list[tuple[float, float]]) -> None:
    c.setLineWidth(width)
    path = c.beginPath()
    path.moveTo(*points[0])
    for p in points[1:]:
        path.lineTo(*p)
    c.drawPath(path, fill=0, stroke=1)


def _flame_path(c: Canvas, dx: float = 0, dy: float = 0, k: float = 1.0) -> None:
    def p(x: float, y: float) -> tuple[float, float]:
        return dx + x * k, dy + y * k

    path = c.beginPath()
    path.moveTo(*p(52, 98))
    path.curveTo(*p(58, 78), *p(82, 66), *p(80, 40))
    path.curveTo(*p(79, 18), *p(64, 6), *p(50, 6))
    path.curveTo(*p(33, 6), *p(20, 19), *p(20, 40))
    path.curveTo(*p(20, 56), *p(30, 64), *p(34, 76))
    path.curveTo(*p(38, 66), *p(42, 62), *p(46, 60))
    path.curveTo(*p(44, 74), *p(47, 86), *p(52, 98))
    path.close()
    c.drawPath(path, fill=1, stroke=0)


def _flame_core(c: Canvas, paper: Color, dx: float = 0, dy: float = 0, k: float = 1.0) -> None:
    def p(x: float, y: float) -> tuple[float, float]:
        return dx + x * k, dy + y * k

    c.setFillColor(paper)
    path = c.beginPath()
    path.moveTo(*p(50, 16))
    path.curveTo(*p(40, 16), *p(35, 25), *p(37, 34))
    path.curveTo(*p(39, 43), *p(47, 47), *p(49, 56))
    path.curveTo(*p(54, 46), *p(63, 40), *p(63, 31))
    path.curveTo(*p(63, 22), *p(58, 16), *p(50, 16))
    path.close()
    c.drawPath(path, fill=1, stroke=0)


# --- pictograms --------------------------------------------------------------------------------


def _exclamation(c: Canvas, ink: Color, paper: Color) -> None:
    _poly(c, [(41, 92), (59, 92), (54, 34), (46, 34)])
    c.circle(50, 92, 9, fill=1, stroke=0)
    c.circle(50, 16, 8.5, fill=1, stroke=0)


def _lightning(c: Canvas, ink: Color, paper: Color) -> None:
    _poly(c, [(63, 100), (30, 50), (50, 50), (34, 4), (74, 62), (54, 62), (76, 100)])


def _gear(c: Canvas, cx: float, cy: float, radius: float, teeth: int, phase: float, paper: Color) -> None:
    c.circle(cx, cy, radius, fill=1, stroke=0)
    tooth = radius * 0.42
    for i in range(teeth):
        c.saveState()
        c.translate(cx, cy)
        c.rotate(phase + i * 360 / teeth)
        c.rect(-tooth / 2, radius * 0.8, tooth, radius * 0.45, fill=1, stroke=0)
        c.restoreState()
    c.saveState()
    c.setFillColor(paper)
    c.circle(cx, cy, radius * 0.32, fill=1, stroke=0)
    c.restoreState()


def _gears(c: Canvas, ink: Color, paper: Color) -> None:
    _gear(c, 38, 60, 26, 10, 0, paper)
    _gear(c, 73, 25, 17, 8, 22.5, paper)


def _flame(c: Canvas, ink: Color, paper: Color) -> None:
    _flame_path(c, 8, 14, 0.84)
    _flame_core(c, paper, 8, 14, 0.84)
    c.setFillColor(ink)
    c.rect(12, 0, 76, 8, fill=1, stroke=0)


def _match(c: Canvas, ink: Color, paper: Color) -> None:
    _stroke(c, 8, (18, 6, 52, 48))
    c.ellipse(46, 42, 62, 60, fill=1, stroke=0)
    _flame_path(c, 36, 50, 0.5)
    _flame_core(c, paper, 36, 50, 0.5)


def _cigarette(c: Canvas, ink: Color, paper: Color) -> None:
    c.rect(6, 30, 70, 14, fill=1, stroke=0)
    c.setFillColor(paper)
    c.rect(24, 30, 2.5, 14, fill=1, stroke=0)
    c.rect(66, 30, 2.5, 14, fill=1, stroke=0)
    c.setFillColor(ink)
    c.setLineWidth(5)
    for x in (60, 72):
        path = c.beginPath()
        path.moveTo(x, 52)
        path.curveTo(x - 8, 62, x + 8, 72, x, 82)
        path.curveTo(x - 6, 88, x + 2, 94, x, 98)
        c.drawPath(path, fill=0, stroke=1)


def _explosion(c: Canvas, ink: Color, paper: Color) -> None:
    radii = [48, 24, 40, 22, 46, 25, 36, 21, 44, 24, 38, 22, 47, 23]
    points = []
    for i, r in enumerate(radii):
        angle = math.radians(90 + i * 360 / len(radii))
        points.append((50 + r * math.cos(angle), 46 + r * math.sin(angle) * 0.95))
    _poly(c, points)
    c.setFillColor(paper)
    c.circle(50, 46, 10, fill=1, stroke=0)


def _skull(c: Canvas, ink: Color, paper: Color) -> None:
    for x1, y1, x2, y2 in ((14, 8, 86, 40), (14, 40, 86, 8)):
        _stroke(c, 8, (x1, y1, x2, y2))
        for x, y in ((x1, y1), (x2, y2)):
            dx = -4 if x < 50 else 4
            c.circle(x + dx, y + 3, 5, fill=1, stroke=0)
            c.circle(x + dx, y - 3, 5, fill=1, stroke=0)
    c.circle(50, 66, 27, fill=1, stroke=0)
    c.roundRect(36, 34, 28, 18, 4, fill=1, stroke=0)
    c.setFillColor(paper)
    c.circle(40, 66, 7.5, fill=1, stroke=0)
    c.circle(60, 66, 7.5, fill=1, stroke=0)
    _poly(c, [(50, 58), (46, 50), (54, 50)])
    for x in (43, 50, 57):
        c.rect(x - 1.2, 35, 2.4, 8, fill=1, stroke=0)


def _heat(c: Canvas, ink: Color, paper: Color) -> None:
    c.rect(8, 2, 84, 12, fill=1, stroke=0)
    c.setLineWidth(7)
    for x in (26, 50, 74):
        path = c.beginPath()
        path.moveTo(x, 24)
        path.curveTo(x - 12, 36, x + 12, 48, x, 60)
        path.curveTo(x - 12, 72, x + 12, 84, x, 96)
        c.drawPath(path, fill=0, stroke=1)


def _hook_load(c: Canvas, ink: Color, paper: Color) -> None:
    _stroke(c, 6, (50, 100, 50, 74))
    c.setLineWidth(7)
    path = c.beginPath()
    path.moveTo(50, 76)
    path.curveTo(50, 66, 62, 64, 62, 56)
    path.curveTo(62, 46, 44, 44, 42, 54)
    c.drawPath(path, fill=0, stroke=1)
    _stroke(c, 4, (50, 50, 22, 28), (50, 50, 78, 28))
    c.rect(14, 0, 72, 28, fill=1, stroke=0)


def _forklift(c: Canvas, ink: Color, paper: Color) -> None:
    c.rect(10, 18, 56, 24, fill=1, stroke=0)
    c.rect(4, 18, 10, 32, fill=1, stroke=0)
    _polyline(c, 5, [(24, 42), (28, 78), (58, 78), (60, 42)])
    c.circle(44, 58, 7, fill=1, stroke=0)
    c.rect(68, 8, 7, 82, fill=1, stroke=0)
    c.rect(75, 8, 24, 6, fill=1, stroke=0)
    for x in (24, 54):
        c.setFillColor(ink)
        c.circle(x, 14, 11, fill=1, stroke=0)
        c.setFillColor(paper)
        c.circle(x, 14, 4, fill=1, stroke=0)


def _car(c: Canvas, ink: Color, paper: Color) -> None:
    c.roundRect(4, 22, 92, 24, 7, fill=1, stroke=0)
    _poly(c, [(22, 44), (32, 70), (70, 70), (82, 44)])
    c.setFillColor(paper)
    _poly(c, [(30, 47), (37, 64), (49, 64), (49, 47)])
    _poly(c, [(54, 47), (54, 64), (66, 64), (74, 47)])
    for x in (26, 74):
        c.setFillColor(paper)
        c.circle(x, 22, 14, fill=1, stroke=0)
        c.setFillColor(ink)
        c.circle(x, 22, 11, fill=1, stroke=0)
        c.setFillColor(paper)
        c.circle(x, 22, 4, fill=1, stroke=0)


def _limbs(c: Canvas, width: float, *chains: list[tuple[float, float]]) -> None:
    for chain in chains:
        _polyline(c, width, chain)


def _standing_person(c: Canvas, ink: Color, paper: Color) -> None:
    c.circle(50, 88, 10, fill=1, stroke=0)
    c.roundRect(38, 40, 24, 36, 8, fill=1, stroke=0)
    _limbs(c, 10, [(44, 44), (42, 4)], [(56, 44), (58, 4)])
    _limbs(c, 8, [(40, 70), (30, 44)], [(60, 70), (70, 44)])


def _walking_person(c: Canvas, ink: Color, paper: Color) -> None:
    c.circle(54, 88, 10, fill=1, stroke=0)
    _stroke(c, 14, (52, 72, 48, 44))
    _limbs(c, 10, [(48, 44), (62, 24), (60, 4)], [(48, 44), (36, 24), (24, 10)])
    _limbs(c, 8, [(52, 70), (66, 56), (72, 46)], [(52, 70), (38, 58), (32, 48)])


def _falling_person(c: Canvas, ink: Color, paper: Color) -> None:
    c.rect(0, 56, 34, 8, fill=1, stroke=0)
    c.rect(0, 0, 8, 60, fill=1, stroke=0)
    c.circle(60, 22, 9, fill=1, stroke=0)
    _stroke(c, 13, (64, 34, 72, 58))
    _limbs(c, 9, [(72, 58), (62, 76), (66, 94)], [(72, 58), (86, 72), (96, 68)])
    _limbs(c, 8, [(66, 40), (50, 50), (40, 44)], [(68, 42), (84, 34), (90, 22)])


def _falling_object(c: Canvas, ink: Color, paper: Color) -> None:
    c.circle(36, 50, 9, fill=1, stroke=0)
    _stroke(c, 13, (36, 36, 36, 12))
    _limbs(c, 9, [(36, 14), (30, 0)], [(36, 14), (42, 0)])
    _limbs(c, 7, [(36, 32), (24, 18)], [(36, 32), (48, 18)])
    c.saveState()
    c.translate(66, 78)
    c.rotate(20)
    c.rect(-12, -12, 24, 24, fill=1, stroke=0)
    c.restoreState()
    _stroke(c, 4, (60, 98, 56, 92), (74, 100, 70, 94), (84, 96, 80, 90))
    _stroke(c, 5, (60, 58, 52, 52))


def _collapse(c: Canvas, ink: Color, paper: Color) -> None:
    c.rect(0, 0, 100, 7, fill=1, stroke=0)
    c.rect(4, 7, 34, 14, fill=1, stroke=0)
    c.rect(4, 23, 34, 14, fill=1, stroke=0)
    for cx, cy, angle in ((32, 48, -16), (56, 66, -38), (78, 40, -62)):
        c.saveState()
        c.translate(cx, cy)
        c.rotate(angle)
        c.rect(-17, -7, 34, 14, fill=1, stroke=0)
        c.restoreState()
    for x, y in ((84, 80), (70, 90), (92, 18)):
        c.circle(x, y, 4, fill=1, stroke=0)


def _drowning(c: Canvas, ink: Color, paper: Color) -> None:
    c.circle(46, 62, 10, fill=1, stroke=0)
    _limbs(c, 8, [(54, 56), (66, 74), (70, 94)], [(38, 56), (28, 74), (24, 92)])
    c.setLineWidth(7)
    for y in (38, 16):
        path = c.beginPath()
        path.moveTo(4, y)
        for i in range(4):
            x = 4 + i * 23
            path.curveTo(x + 6, y + 8, x + 17, y + 8, x + 23, y)
        c.drawPath(path, fill=0, stroke=1)


def _arc(c: Canvas, ink: Color, paper: Color) -> None:
    c.rect(4, 4, 92, 12, fill=1, stroke=0)
    _stroke(c, 9, (14, 94, 46, 40))
    for i in range(9):
        angle = math.radians(10 + i * 20)
        x0, y0 = 52 + 9 * math.cos(angle), 30 + 9 * math.sin(angle)
        x1, y1 = 52 + 28 * math.cos(angle), 30 + 28 * math.sin(angle)
        _stroke(c, 4, (x0, y0, x1, y1))


def _glove(c: Canvas, ink: Color, paper: Color) -> None:
    c.roundRect(30, 16, 40, 42, 9, fill=1, stroke=0)
    for x, top in ((30.5, 84), (40.5, 92), (50.5, 90), (60.5, 80)):
        c.roundRect(x, 46, 9, top - 46, 4.5, fill=1, stroke=0)
    c.saveState()
    c.translate(34, 36)
    c.rotate(40)
    c.roundRect(-5, 0, 10, 34, 5, fill=1, stroke=0)
    c.restoreState()
    c.rect(30, 0, 40, 13, fill=1, stroke=0)


def _knife_switch(c: Canvas, ink: Color, paper: Color) -> None:
    c.rect(6, 4, 88, 12, fill=1, stroke=0)
    c.rect(18, 16, 10, 22, fill=1, stroke=0)
    c.rect(72, 16, 10, 26, fill=1, stroke=0)
    _stroke(c, 8, (77, 40, 38, 80))
    c.circle(36, 84, 8, fill=1, stroke=0)
    c.setFillColor(paper)
    c.circle(77, 38, 3, fill=1, stroke=0)


def _shirt(c: Canvas, ink: Color, paper: Color) -> None:
    _poly(
        c,
        [(38, 92), (30, 90), (4, 72), (16, 56), (26, 64), (26, 4), (74, 4), (74, 64), (84, 56),
         (96, 72), (70, 90), (62, 92), (56, 84), (44, 84)],
    )  # fmt: skip


def _helmet(c: Canvas, ink: Color, paper: Color) -> None:
    c.circle(50, 32, 22, fill=1, stroke=0)
    c.setFillColor(paper)
    c.rect(14, 46, 72, 10, fill=1, stroke=0)
    c.setFillColor(ink)
    path = c.beginPath()
    path.moveTo(22, 58)
    path.curveTo(22, 96, 78, 96, 78, 58)
    path.close()
    c.drawPath(path, fill=1, stroke=0)
    c.roundRect(10, 52, 80, 8, 3, fill=1, stroke=0)
    c.setFillColor(paper)
    c.rect(47, 64, 6, 24, fill=1, stroke=0)


def _goggles(c: Canvas, ink: Color, paper: Color, *, shaded: bool = False) -> None:
    _stroke(c, 5, (2, 56, 14, 56), (86, 56, 98, 56))
    c.roundRect(10, 38, 36, 32, 10, fill=1, stroke=0)
    c.roundRect(54, 38, 36, 32, 10, fill=1, stroke=0)
    c.rect(44, 52, 12, 8, fill=1, stroke=0)
    c.setFillColor(paper)
    inset = 5 if shaded else 8
    c.roundRect(10 + inset, 38 + inset, 36 - 2 * inset, 32 - 2 * inset, 6, fill=1, stroke=0)
    c.roundRect(54 + inset, 38 + inset, 36 - 2 * inset, 32 - 2 * inset, 6, fill=1, stroke=0)
    if shaded:
        c.setFillColor(ink)
        _stroke(c, 3, (20, 48, 34, 62), (64, 48, 78, 62))


def _shade_goggles(c: Canvas, ink: Color, paper: Color) -> None:
    _goggles(c, ink, paper, shaded=True)


def _ear_muffs(c: Canvas, ink: Color, paper: Color) -> None:
    c.circle(50, 44, 26, fill=1, stroke=0)
    c.setStrokeColor(ink)
    c.setLineWidth(7)
    path = c.beginPath()
    path.moveTo(16, 50)
    path.curveTo(14, 100, 86, 100, 84, 50)
    c.drawPath(path, fill=0, stroke=1)
    for x in (8, 78):
        c.setFillColor(paper)
        c.roundRect(x - 3, 25, 20, 42, 9, fill=1, stroke=0)
        c.setFillColor(ink)
        c.roundRect(x, 28, 14, 36, 7, fill=1, stroke=0)
    c.setFillColor(paper)
    c.circle(41, 50, 3.5, fill=1, stroke=0)
    c.circle(59, 50, 3.5, fill=1, stroke=0)


def _gas_mask(c: Canvas, ink: Color, paper: Color) -> None:
    c.roundRect(22, 30, 56, 64, 26, fill=1, stroke=0)
    c.setFillColor(paper)
    c.roundRect(30, 62, 40, 18, 8, fill=1, stroke=0)
    c.circle(50, 26, 19, fill=1, stroke=0)
    c.setFillColor(ink)
    c.circle(50, 26, 15, fill=1, stroke=0)
    c.setFillColor(paper)
    for r in (9, 4):
        c.setLineWidth(2.5)
        c.setStrokeColor(paper)
        c.circle(50, 26, r, fill=0, stroke=1)


def _dust_mask(c: Canvas, ink: Color, paper: Color) -> None:
    c.setLineWidth(6)
    for x0, x1 in ((20, 6), (80, 94)):
        path = c.beginPath()
        path.moveTo(x0, 64)
        path.curveTo(x1, 70, x1, 30, x0, 36)
        c.drawPath(path, fill=0, stroke=1)
    path = c.beginPath()
    path.moveTo(18, 70)
    path.curveTo(36, 80, 64, 80, 82, 70)
    path.lineTo(82, 34)
    path.curveTo(64, 14, 36, 14, 18, 34)
    path.close()
    c.drawPath(path, fill=1, stroke=0)
    c.setStrokeColor(paper)
    c.setLineWidth(3.5)
    for y in (60, 48, 36):
        c.line(24, y, 76, y)


def _harness(c: Canvas, ink: Color, paper: Color) -> None:
    c.circle(40, 86, 9, fill=1, stroke=0)
    c.roundRect(29, 42, 22, 34, 7, fill=1, stroke=0)
    _limbs(c, 9, [(35, 46), (32, 4)], [(45, 46), (50, 4)])
    _limbs(c, 7, [(31, 70), (20, 48)], [(49, 70), (58, 50)])
    c.setFillColor(paper)
    c.rect(27, 46, 26, 5, fill=1, stroke=0)
    _stroke(c, 3, (34, 74, 46, 50))
    c.setStrokeColor(ink)
    c.setFillColor(ink)
    _stroke(c, 4, (47, 64, 86, 96))
    c.setStrokeColor(ink)
    c.setLineWidth(4)
    c.circle(88, 96, 4, fill=0, stroke=1)


def _boot(c: Canvas, ink: Color, paper: Color) -> None:
    path = c.beginPath()
    path.moveTo(24, 96)
    path.lineTo(56, 96)
    path.lineTo(58, 50)
    path.curveTo(72, 46, 90, 42, 92, 28)
    path.lineTo(92, 10)
    path.lineTo(20, 10)
    path.lineTo(22, 60)
    path.close()
    c.drawPath(path, fill=1, stroke=0)
    c.setFillColor(paper)
    c.rect(18, 17, 78, 4, fill=1, stroke=0)
    c.rect(20, 84, 40, 3, fill=1, stroke=0)


def _earth(c: Canvas, ink: Color, paper: Color) -> None:
    _stroke(c, 8, (50, 96, 50, 54), (18, 54, 82, 54), (28, 38, 72, 38), (38, 22, 62, 22), (46, 8, 54, 8))


def _padlock(c: Canvas, ink: Color, paper: Color) -> None:
    c.setLineWidth(9)
    path = c.beginPath()
    path.moveTo(32, 50)
    path.lineTo(32, 68)
    path.curveTo(32, 94, 68, 94, 68, 68)
    path.lineTo(68, 50)
    c.drawPath(path, fill=0, stroke=1)
    c.roundRect(20, 4, 60, 50, 6, fill=1, stroke=0)
    c.setFillColor(paper)
    c.circle(50, 34, 7, fill=1, stroke=0)
    _poly(c, [(46, 34), (54, 34), (56, 16), (44, 16)])


def _exit(c: Canvas, ink: Color, paper: Color) -> None:
    c.setLineWidth(5)
    c.rect(68, 4, 28, 88, fill=0, stroke=1)
    _poly(c, [(84, 48), (74, 40), (74, 44), (62, 44), (62, 52), (74, 52), (74, 56)])
    c.circle(36, 86, 9, fill=1, stroke=0)
    _stroke(c, 13, (36, 70, 28, 44))
    _limbs(c, 9, [(28, 44), (44, 30), (42, 6)], [(28, 44), (16, 26), (2, 22)])
    _limbs(c, 8, [(34, 68), (50, 60), (56, 70)], [(34, 68), (20, 58), (10, 64)])


def _first_aid(c: Canvas, ink: Color, paper: Color) -> None:
    c.rect(37, 8, 26, 84, fill=1, stroke=0)
    c.rect(8, 37, 84, 26, fill=1, stroke=0)


def _phone(c: Canvas, ink: Color, paper: Color) -> None:
    _poly(c, [(14, 6), (86, 6), (74, 52), (26, 52)])
    c.roundRect(6, 68, 88, 14, 7, fill=1, stroke=0)
    c.roundRect(6, 56, 22, 28, 6, fill=1, stroke=0)
    c.roundRect(72, 56, 22, 28, 6, fill=1, stroke=0)
    _stroke(c, 7, (40, 52, 40, 66), (60, 52, 60, 66))
    c.setFillColor(paper)
    c.circle(50, 28, 13, fill=1, stroke=0)
    c.setFillColor(ink)
    c.circle(50, 28, 5, fill=1, stroke=0)


PICTOGRAMS: dict[str, Pictogram] = {
    "exclamation": _exclamation,
    "lightning": _lightning,
    "gears": _gears,
    "flame": _flame,
    "match": _match,
    "cigarette": _cigarette,
    "explosion": _explosion,
    "skull": _skull,
    "heat": _heat,
    "hook_load": _hook_load,
    "forklift": _forklift,
    "car": _car,
    "standing_person": _standing_person,
    "walking_person": _walking_person,
    "falling_person": _falling_person,
    "falling_object": _falling_object,
    "collapse": _collapse,
    "drowning": _drowning,
    "arc": _arc,
    "glove": _glove,
    "knife_switch": _knife_switch,
    "shirt": _shirt,
    "helmet": _helmet,
    "goggles": _goggles,
    "shade_goggles": _shade_goggles,
    "ear_muffs": _ear_muffs,
    "gas_mask": _gas_mask,
    "dust_mask": _dust_mask,
    "harness": _harness,
    "boot": _boot,
    "earth": _earth,
    "padlock": _padlock,
    "exit": _exit,
    "first_aid": _first_aid,
    "phone": _phone,
}
