"""The risk map's scene: the floor-plan image, one ``ZoneItem`` per zone, and drawing new zones
(rectangles by dragging, polygons by clicking their vertices) with snapping to the plan's border,
its walls and the other zones.

The scene never writes data. It reports what the user did — a shape drawn, zones moved or
reshaped, a zone double-clicked — through signals; the page turns them into undoable commands.
"""

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QKeyEvent, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsPixmapItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QWidget,
)

from dualprev.domain import risk_map
from dualprev.domain.risk_map import MIN_ZONE_SIDE, Point, SnapGuides, ZoneShape
from dualprev.services.image_import import PlanLines
from dualprev.services.map_zone_service import ZoneView
from dualprev.ui.widgets.zone_items import ZoneItem

SNAP_SCREEN_PX = 10
"""How close (on screen) a dragged point must come to a guide to snap to it."""


class DrawMode(Enum):
    SELECT = "select"
    RECT = "rect"
    POLYGON = "polygon"


@dataclass(frozen=True)
class GeometryEdit:
    """A zone's outline and label position before and after one drag."""

    zone_id: int
    old_points: tuple[Point, ...]
    new_points: tuple[Point, ...]
    old_label: Point | None
    new_label: Point | None


class MapScene(QGraphicsScene):
    shape_drawn = Signal(object, object)
    """(ZoneShape, tuple of points): a new outline the user finished drawing."""
    geometry_edited = Signal(object)
    """tuple[GeometryEdit, ...]: zones moved, reshaped or their labels moved, as one user action."""
    zone_activated = Signal(int)
    """A zone was double-clicked (edit its properties)."""
    context_requested = Signal(int, object, object, int)
    """(zone id, scene point, screen point, vertex index or -1): a right-click on a zone."""
    drawing_changed = Signal()
    """The drawing in progress changed (started, a vertex added, finished, cancelled)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: dict[int, ZoneItem] = {}
        self._background: QGraphicsPixmapItem | None = None
        self.plan_size: tuple[int, int] = (0, 0)
        self.lines = PlanLines((), ())
        self.snap_enabled = True
        self.mode = DrawMode.SELECT
        self._draft: list[Point] = []
        self._cursor: Point | None = None
        self._draft_item: QGraphicsPathItem | None = None
        self.setBackgroundBrush(QBrush(QColor(232, 232, 232)))

    # --- the plan ---------------------------------------------------------------------------------------

    def set_plan(
        self, image: QImage | None, width: int, height: int, lines: PlanLines, message: str = ""
    ) -> None:
        """Show a plan of ``width`` × ``height`` pixels; without an image, a placeholder saying
        ``message`` (zones can still be seen and edited)."""
        self.cancel_drawing()
        self.clear()
        self._items.clear()
        self._draft_item = None
        self.plan_size = (width, height)
        self.lines = lines
        if image is not None and not image.isNull():
            self._background = QGraphicsPixmapItem(QPixmap.fromImage(image))
            self._background.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
            self._background.setZValue(-10)
            self._background.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.addItem(self._background)
        else:
            self._background = None
            frame = QGraphicsRectItem(0, 0, width, height)
            frame.setBrush(QBrush(QColor(250, 250, 250)))
            frame.setPen(QPen(QColor(160, 160, 160), 0))
            frame.setZValue(-10)
            frame.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.addItem(frame)
            if message:
                text = QGraphicsSimpleTextItem(message)
                font = QFont()
                font.setPixelSize(max(12, min(width, height) // 25))
                text.setFont(font)
                text.setBrush(QBrush(QColor(120, 120, 120)))
                rect = text.boundingRect()
                text.setPos((width - rect.width()) / 2, (height - rect.height()) / 2)
                text.setZValue(-9)
                self.addItem(text)
        margin = max(width, height) * 0.03
        self.setSceneRect(QRectF(-margin, -margin, width + 2 * margin, height + 2 * margin))

    def plan_rect(self) -> QRectF:
        return QRectF(0, 0, *self.plan_size)

    def has_image(self) -> bool:
        return self._background is not None

    def plan_pixmap(self) -> QPixmap | None:
        return self._background.pixmap() if self._background is not None else None

    # --- zones --------------------------------------------------------------------------------------------

    def set_zones(self, views: list[ZoneView]) -> None:
        """Make the zone items match ``views``: update those that exist (keeping the selection),
        add new ones, remove deleted ones; later zones are drawn on top."""
        wanted = {v.id for v in views}
        for zone_id in list(self._items):
            if zone_id not in wanted:
                gone = self._items.pop(zone_id)
                gone.setSelected(False)
                self.removeItem(gone)
        boxes: list[tuple[float, float, float, float]] = []
        for order, view in enumerate(views):
            item = self._items.get(view.id)
            if item is None:
                item = ZoneItem(view, host=self)
                self._items[view.id] = item
                self.addItem(item)
            else:
                item.update_view(view)
            item.set_stacking(1 + order / (len(views) + 1))
            box = risk_map.bounding_box(view.info.points) if view.info.points else None
            item.knockout = box is not None and any(_overlap(box, other) for other in boxes)
            if box is not None:
                boxes.append(box)
            item.update()

    def zone_item(self, zone_id: int) -> ZoneItem | None:
        return self._items.get(zone_id)

    def zone_items(self) -> list[ZoneItem]:
        return list(self._items.values())

    def selected_zone_ids(self) -> list[int]:
        return [item.zone_id for item in self.selectedItems() if isinstance(item, ZoneItem)]

    def select_zone(self, zone_id: int | None) -> None:
        self.clearSelection()
        item = self._items.get(zone_id or -1)
        if item is not None:
            item.setSelected(True)

    # --- snapping -----------------------------------------------------------------------------------------

    def tolerance(self) -> float:
        """The snapping distance in plan pixels at the current zoom."""
        views = self.views()
        scale = views[0].transform().m11() if views else 1.0
        return SNAP_SCREEN_PX / max(scale, 1e-6)

    def guides(self, exclude: int | None = None) -> SnapGuides:
        width, height = self.plan_size
        zones = [item.committed_points for zone_id, item in self._items.items() if zone_id != exclude]
        return SnapGuides.for_plan(width, height, line_xs=self.lines.xs, line_ys=self.lines.ys, zones=zones)

    def _clamp(self, point: Point) -> Point:
        width, height = self.plan_size
        return min(max(point[0], 0.0), float(width)), min(max(point[1], 0.0), float(height))

    def snap(self, point: Point, exclude: int | None = None) -> Point:
        """``point`` kept on the plan and, with snapping on, moved onto a nearby guide."""
        point = self._clamp(point)
        if not self.snap_enabled:
            return point
        return self._clamp(risk_map.snap_point(point, self.guides(exclude), self.tolerance()))

    def snap_offset(
        self, points: tuple[Point, ...], dx: float, dy: float, exclude: int | None = None
    ) -> Point:
        """The offset for moving a whole zone: snapped to guides, and never off the plan."""
        if self.snap_enabled and points:
            dx, dy = risk_map.snap_offset(points, dx, dy, self.guides(exclude), self.tolerance())
        if points:
            left, top, right, bottom = risk_map.bounding_box(points)
            width, height = self.plan_size
            dx = min(max(dx, -left), width - right)
            dy = min(max(dy, -top), height - bottom)
        return dx, dy

    # --- edits reported by items ---------------------------------------------------------------------

    def report_geometry(self, item: ZoneItem, points: tuple[Point, ...], label: Point | None) -> None:
        self.geometry_edited.emit(
            (GeometryEdit(item.zone_id, item.committed_points, tuple(points), item.label_at, label),)
        )

    def activate_zone(self, zone_id: int) -> None:
        self.zone_activated.emit(zone_id)

    def request_context(self, zone_id: int, scene_pos: QPointF, screen_pos: QPoint, vertex: int) -> None:
        self.context_requested.emit(zone_id, scene_pos, screen_pos, vertex)

    def finish_moves(self) -> None:
        """After a drag of selected zones: one edit for all of them."""
        edits = []
        for item in self._items.values():
            dx, dy = item.pos().x(), item.pos().y()
            if not (dx or dy):
                continue
            label = item.moved_label(dx, dy)
            moved = item.finish_move()
            if moved is not None:
                edits.append(GeometryEdit(item.zone_id, item.committed_points, moved, item.label_at, label))
        if edits:
            self.geometry_edited.emit(tuple(edits))

    # --- drawing --------------------------------------------------------------------------------------

    def set_mode(self, mode: DrawMode) -> None:
        self.cancel_drawing()
        self.mode = mode
        if mode is not DrawMode.SELECT:
            self.clearSelection()
        self.drawing_changed.emit()

    def draft_points(self) -> tuple[Point, ...]:
        return tuple(self._draft)

    def is_drawing(self) -> bool:
        return bool(self._draft)

    def cancel_drawing(self) -> None:
        had = bool(self._draft)
        self._draft = []
        self._cursor = None
        self._update_draft_item()
        if had:
            self.drawing_changed.emit()

    def _update_draft_item(self) -> None:
        points = list(self._draft)
        if self.mode is DrawMode.RECT and len(points) == 1 and self._cursor is not None:
            points = list(risk_map.rect_points(*points[0], *self._cursor))
        elif self._cursor is not None and points:
            points.append(self._cursor)
        if not points:
            if self._draft_item is not None:
                self.removeItem(self._draft_item)
                self._draft_item = None
            return
        if self._draft_item is None:
            self._draft_item = QGraphicsPathItem()
            pen = QPen(QColor(20, 20, 20), 2, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            self._draft_item.setPen(pen)
            self._draft_item.setBrush(QBrush(QColor(0, 112, 192, 40)))
            self._draft_item.setZValue(20)
            self._draft_item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            self.addItem(self._draft_item)
        path = QPainterPath(QPointF(*points[0]))
        for p in points[1:]:
            path.lineTo(QPointF(*p))
        if self.mode is DrawMode.RECT:
            path.closeSubpath()
        self._draft_item.setPath(path)

    def begin_rect(self, point: Point) -> None:
        self._draft = [self.snap(point)]
        self._cursor = self._draft[0]
        self._update_draft_item()
        self.drawing_changed.emit()

    def move_cursor(self, point: Point) -> None:
        if self._draft:
            self._cursor = self.snap(point)
            self._update_draft_item()

    def end_rect(self, point: Point) -> None:
        if self.mode is not DrawMode.RECT or len(self._draft) != 1:
            return
        start, end = self._draft[0], self.snap(point)
        self.cancel_drawing()
        smallest = max(MIN_ZONE_SIDE, self.tolerance() * 3 / SNAP_SCREEN_PX)  # 3 screen pixels
        if abs(end[0] - start[0]) < smallest or abs(end[1] - start[1]) < smallest:
            return  # a click, not a drawing
        self.shape_drawn.emit(ZoneShape.RECT, risk_map.rect_points(*start, *end))

    def add_vertex(self, point: Point) -> None:
        """Add a polygon vertex; a click on the first vertex closes the polygon."""
        snapped = self.snap(point)
        if len(self._draft) >= 3 and _distance(snapped, self._draft[0]) <= self.tolerance():
            self.finish_polygon()
            return
        if self._draft and _distance(snapped, self._draft[-1]) < 1e-6:
            return
        self._draft.append(snapped)
        self._cursor = snapped
        self._update_draft_item()
        self.drawing_changed.emit()

    def remove_last_vertex(self) -> None:
        if self._draft:
            self._draft.pop()
            self._update_draft_item()
            self.drawing_changed.emit()

    def finish_polygon(self) -> None:
        points = tuple(self._draft)
        if len(points) < 3:
            return
        self.cancel_drawing()
        self.shape_drawn.emit(ZoneShape.POLYGON, points)

    # --- events ----------------------------------------------------------------------------------------

    @staticmethod
    def _point(event: QGraphicsSceneMouseEvent) -> Point:
        pos = event.scenePos()
        return pos.x(), pos.y()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.mode is DrawMode.SELECT or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        if self.mode is DrawMode.RECT:
            self.begin_rect(self._point(event))
        else:
            self.add_vertex(self._point(event))
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.mode is DrawMode.SELECT:
            super().mouseMoveEvent(event)
            return
        self.move_cursor(self._point(event))
        event.accept()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.mode is DrawMode.SELECT or event.button() != Qt.MouseButton.LeftButton:
            super().mouseReleaseEvent(event)
            return
        if self.mode is DrawMode.RECT:
            self.end_rect(self._point(event))
        event.accept()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self.mode is DrawMode.POLYGON:
            # The double-click's first click already added its vertex.
            self.finish_polygon()
            event.accept()
            return
        if self.mode is DrawMode.RECT:
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.mode is not DrawMode.SELECT:
            if key == Qt.Key.Key_Escape:
                if self._draft:
                    self.cancel_drawing()
                else:
                    self.set_mode(DrawMode.SELECT)
                event.accept()
                return
            if key == Qt.Key.Key_Backspace and self.mode is DrawMode.POLYGON:
                self.remove_last_vertex()
                event.accept()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.mode is DrawMode.POLYGON:
                self.finish_polygon()
                event.accept()
                return
        super().keyPressEvent(event)


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _distance(a: Point, b: Point) -> float:
    return float(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5)
