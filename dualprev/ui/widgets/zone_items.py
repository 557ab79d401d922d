"""The items a zone is drawn with on the map: the coloured shape, its label, and the handles that
edit its vertices. Coordinates are floor-plan pixels (the scene's units).

Items only show and report: a finished drag is handed to their host (``ZoneHost``, implemented by
``MapScene``), which turns it into one undoable edit; the data itself changes only through the services.
"""

from typing import Any, Protocol

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from dualprev.domain import risk_map
from dualprev.domain.risk import RiskLevel
from dualprev.domain.risk_map import ZONE_FILL_ALPHA, Point, ZoneShape
from dualprev.services.map_zone_service import ZoneView

UNGRADED_RGB = (150, 150, 150)
HANDLE_PX = 9
LABEL_NAME_PX = 13
LABEL_TEXT_PX = 12


def level_rgb(level: RiskLevel | None) -> tuple[int, int, int]:
    return level.colour.rgb if level is not None else UNGRADED_RGB


def fill_colour(level: RiskLevel | None) -> QColor:
    """The zone's semi-transparent fill (the plan stays readable beneath)."""
    colour = QColor(*level_rgb(level))
    colour.setAlphaF(ZONE_FILL_ALPHA if level is not None else 0.25)
    return colour


def _polygon(points: tuple[Point, ...]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


class ZoneHost(Protocol):
    """What zone items need of the scene that shows them: snapping, the plan beneath, and where to
    report drags, double-clicks and right-clicks."""

    def clearSelection(self) -> None: ...

    def plan_pixmap(self) -> QPixmap | None: ...

    def snap(self, point: Point, exclude: int | None = None) -> Point: ...

    def snap_offset(
        self, points: tuple[Point, ...], dx: float, dy: float, exclude: int | None = None
    ) -> Point: ...

    def report_geometry(self, item: "ZoneItem", points: tuple[Point, ...], label: Point | None) -> None: ...

    def finish_moves(self) -> None: ...

    def activate_zone(self, zone_id: int) -> None: ...

    def request_context(self, zone_id: int, scene_pos: QPointF, screen_pos: QPoint, vertex: int) -> None: ...


class ZoneLabelItem(QGraphicsItem):
    """Name, level name and (optionally) counts on the level's colour; the same size on screen at any
    zoom. Dragging it moves only the label (within its zone)."""

    def __init__(self, zone: "ZoneItem") -> None:
        super().__init__(zone)
        self._zone = zone
        self._lines: tuple[str, ...] = ()
        self._level: RiskLevel | None = None
        self._rect = QRectF()
        self._press_pos: QPointF | None = None
        self._press_scene = QPointF()
        self._moves_zone = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setCursor(Qt.CursorShape.SizeAllCursor)
        self.setZValue(5)

    @staticmethod
    def _fonts() -> tuple[QFont, QFont]:
        name = QFont()
        name.setPixelSize(LABEL_NAME_PX)
        name.setBold(True)
        text = QFont()
        text.setPixelSize(LABEL_TEXT_PX)
        return name, text

    def set_content(self, lines: tuple[str, ...], level: RiskLevel | None) -> None:
        self.prepareGeometryChange()
        self._lines, self._level = lines, level
        name_font, text_font = self._fonts()
        widths = []
        height = 0.0
        for i, line in enumerate(lines):
            metrics = QFontMetricsF(name_font if i == 0 else text_font)
            widths.append(metrics.horizontalAdvance(line))
            height += metrics.height()
        w, h = max(widths, default=0) + 10, height + 6
        self._rect = QRectF(-w / 2, -h / 2, w, h)
        self.update()

    @property
    def lines(self) -> tuple[str, ...]:
        return self._lines

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        background = QColor(*level_rgb(self._level)) if self._level is not None else QColor(255, 255, 255)
        ink = QColor(*self._level.colour.text_rgb) if self._level is not None else QColor(0, 0, 0)
        painter.setPen(QPen(QColor(0, 0, 0), 1))
        painter.setBrush(background)
        painter.drawRoundedRect(self._rect, 3, 3)
        painter.setPen(ink)
        name_font, text_font = self._fonts()
        y = self._rect.top() + 3
        for i, line in enumerate(self._lines):
            font = name_font if i == 0 else text_font
            painter.setFont(font)
            h = QFontMetricsF(font).height()
            painter.drawText(
                QRectF(self._rect.left(), y, self._rect.width(), h), Qt.AlignmentFlag.AlignCenter, line
            )
            y += h

    # Dragged by hand rather than with ItemIsMovable: Qt moves the selected parent zone instead of a
    # movable child whose ancestor is selected. The first drag on the label of an unselected zone
    # moves the whole zone (a small zone is all label); once the zone is selected, the label alone.
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self._moves_zone = not self._zone.isSelected()
        scene = self.scene()
        if scene is not None and self._moves_zone:
            scene.clearSelection()
            self._zone.setSelected(True)
        self._press_pos = self.pos()
        self._press_scene = event.scenePos()
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press_pos is None:
            return
        delta = event.scenePos() - self._press_scene
        if self._moves_zone:
            self._zone.drag_by(delta.x(), delta.y())
            return
        target = self._press_pos + delta
        if risk_map.point_in_polygon((target.x(), target.y()), self._zone.points()):
            self.setPos(target)  # the label stays inside its zone

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        start, self._press_pos = self._press_pos, None
        if start is None:
            return
        if self._moves_zone:
            host = self._zone.host()
            if host is not None:
                host.finish_moves()
        elif start != self.pos():
            self._zone.label_dragged((self.pos().x(), self.pos().y()))

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._zone.mouseDoubleClickEvent(event)


class VertexHandle(QGraphicsRectItem):
    """A square on one vertex of the selected zone; drag it to move the vertex (snapping applies)."""

    def __init__(self, zone: "ZoneItem", index: int) -> None:
        half = HANDLE_PX / 2
        super().__init__(-half, -half, HANDLE_PX, HANDLE_PX, zone)
        self._zone = zone
        self.index = index
        self._dragging = False
        self.setBrush(QBrush(QColor(255, 255, 255)))
        self.setPen(QPen(QColor(0, 0, 0), 1.5))
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setZValue(10)
        self.setToolTip("拖动以移动顶点；多边形可右键删除顶点")

    def place(self, point: Point) -> None:
        self.setPos(QPointF(*point))

    # Dragged by hand, like the label: the zone it belongs to is selected and movable.
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self._dragging = True
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._dragging:
            snapped = self._zone.drag_vertex(self.index, (event.scenePos().x(), event.scenePos().y()))
            self.place(snapped)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._dragging:
            self._dragging = False
            self._zone.finish_vertex_drag()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        host = self._zone.host()
        if host is not None:
            host.request_context(self._zone.zone_id, self.scenePos(), event.screenPos(), self.index)
        event.accept()


class ZoneItem(QGraphicsPolygonItem):
    """One zone: a semi-transparent fill in its level's colour, a solid outline, its label, and
    vertex handles while selected."""

    def __init__(self, view: ZoneView, host: ZoneHost | None = None) -> None:
        super().__init__()
        self._host = host
        self.zone_id = view.id
        self.shape_kind = ZoneShape(view.info.shape)
        self.level: RiskLevel | None = None
        self.view: ZoneView = view
        self._committed: tuple[Point, ...] = ()
        self._live: tuple[Point, ...] = ()
        self._label_at: Point | None = None
        self._handles: list[VertexHandle] = []
        self._press_pos: QPointF | None = None
        self._base_z = 1.0
        self.knockout = False
        """Set by the scene when the zone lies over an earlier zone: the plan is painted again
        beneath its fill, so it blends with the plan only (blue over yellow must not look green)."""
        self.label = ZoneLabelItem(self)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, True)
        self.update_view(view)

    def set_stacking(self, z: float) -> None:
        """The zone's place in the drawing order (a zone nested in another lies above it); the
        selected zone is lifted above all others while selected."""
        self._base_z = z
        self.setZValue(z + (10 if self.isSelected() else 0))

    # --- state from the services --------------------------------------------------------------------

    def update_view(self, view: ZoneView) -> None:
        """Show the zone as the services now see it (geometry, level, label)."""
        self.view = view
        self.shape_kind = ZoneShape(view.info.shape)
        self.level = view.level
        self._committed = view.info.points
        self._label_at = view.info.label_at
        self.setPos(0, 0)
        self._set_live(view.info.points)
        colour = QColor(*level_rgb(view.level))
        self.setBrush(QBrush(fill_colour(view.level)))
        pen = QPen(colour, 2)
        pen.setCosmetic(True)
        if view.level is None:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.label.set_content(view.label_lines, view.level)
        self.label.setPos(QPointF(*view.label_point))
        self.label.setVisible(len(view.info.points) >= 3)
        self.setToolTip(self._tooltip())

    def _tooltip(self) -> str:
        view = self.view
        parts = [f"{view.name}：{risk_map.level_text(view.level)}"]
        if view.area_name:
            parts.append(f"对应区域：{view.area_name}")
        counts = dict(view.counts)
        parts.append(f"风险点：{risk_map.counts_text(counts, view.unevaluated)}")
        parts.append("双击编辑属性；拖动移动区块；选中后拖动顶点修改形状")
        return "\n".join(parts)

    def _set_live(self, points: tuple[Point, ...]) -> None:
        self._live = tuple(points)
        self.setPolygon(_polygon(self._live))
        for handle in self._handles:
            if handle.index < len(self._live):
                handle.place(self._live[handle.index])

    def host(self) -> ZoneHost | None:
        """The scene showing this zone, while it does."""
        return self._host if self.scene() is not None else None

    def points(self) -> tuple[Point, ...]:
        """The outline as shown now (including a drag in progress), in plan pixels."""
        dx, dy = self.pos().x(), self.pos().y()
        return risk_map.translate(self._live, dx, dy) if (dx or dy) else self._live

    @property
    def committed_points(self) -> tuple[Point, ...]:
        return self._committed

    @property
    def label_at(self) -> Point | None:
        return self._label_at

    # --- selection and handles -----------------------------------------------------------------------

    def _show_handles(self, show: bool) -> None:
        for handle in self._handles:
            # Qt takes nullptr to detach; the PySide6 stubs type the parameter as not optional.
            handle.setParentItem(None)  # type: ignore[arg-type]
            if handle.scene() is not None:
                handle.scene().removeItem(handle)
        self._handles = []
        if show:
            for index, point in enumerate(self._live):
                handle = VertexHandle(self, index)
                handle.place(point)
                self._handles.append(handle)

    def handles(self) -> list[VertexHandle]:
        return list(self._handles)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._show_handles(bool(value))
            self.setZValue(self._base_z + (10 if value else 0))
        elif change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and self._press_pos is not None:
            host = self.host()
            if host is not None:
                dx, dy = host.snap_offset(self._live, value.x(), value.y(), exclude=self.zone_id)
                return QPointF(dx, dy)
        return super().itemChange(change, value)

    # --- editing ----------------------------------------------------------------------------------------

    def drag_vertex(self, index: int, target: Point) -> Point:
        """Move vertex ``index`` live while its handle is dragged; returns where it went (snapped)."""
        host = self.host()
        snapped = host.snap(target, exclude=self.zone_id) if host is not None else target
        if self.shape_kind is ZoneShape.RECT and len(self._live) == 4:
            live = risk_map.move_rect_corner(self._live, index, snapped)
        else:
            live = risk_map.move_vertex(self._live, index, snapped)
        self._live = live
        self.setPolygon(_polygon(live))
        for handle in self._handles:
            if handle.index != index:
                handle.place(live[handle.index])
        return snapped

    def drag_by(self, dx: float, dy: float) -> None:
        """Show the zone moved by (dx, dy) from where it was (snapped, kept on the plan)."""
        host = self.host()
        if host is not None:
            dx, dy = host.snap_offset(self._live, dx, dy, exclude=self.zone_id)
        self.setPos(dx, dy)

    def finish_vertex_drag(self) -> None:
        if self._live != self._committed:
            host = self.host()
            if host is not None:
                host.report_geometry(self, self._live, self._label_at)

    def label_dragged(self, point: Point) -> None:
        host = self.host()
        if host is not None:
            host.report_geometry(self, self._committed, point)

    def finish_move(self) -> tuple[Point, ...] | None:
        """After a drag of the whole zone: bake the offset into the outline and return the moved
        outline (None when it did not move). A label placed by hand moves along."""
        dx, dy = self.pos().x(), self.pos().y()
        if not (dx or dy):
            return None
        moved = risk_map.translate(self._live, dx, dy)
        label_pos = self.label.pos()
        self.setPos(0, 0)
        self._set_live(moved)
        self.label.setPos(label_pos + QPointF(dx, dy))
        return moved

    def moved_label(self, dx: float, dy: float) -> Point | None:
        """The hand-placed label position after a move by (dx, dy); None when it is automatic."""
        return None if self._label_at is None else (self._label_at[0] + dx, self._label_at[1] + dy)

    # --- mouse --------------------------------------------------------------------------------------------

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_pos = self.pos()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        self._press_pos = None
        host = self.host()
        if host is not None:
            host.finish_moves()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        host = self.host()
        if host is not None:
            host.activate_zone(self.zone_id)
        event.accept()

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        host = self.host()
        if host is not None:
            if not self.isSelected():
                host.clearSelection()
                self.setSelected(True)
            host.request_context(self.zone_id, event.scenePos(), event.screenPos(), -1)
        event.accept()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        host = self.host()
        pixmap = host.plan_pixmap() if host is not None and self.knockout else None
        if pixmap is not None:
            painter.save()
            painter.setClipPath(self.shape(), Qt.ClipOperation.IntersectClip)
            bounds = self.polygon().boundingRect()
            painter.drawPixmap(bounds, pixmap, bounds.translated(self.pos()))
            painter.restore()
        super().paint(painter, option, widget)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addPolygon(self.polygon())
        path.closeSubpath()
        return path
