"""The view on the risk map: fits the plan to the window until the user zooms, zooms with the
wheel around the mouse, pans by dragging the background (or with the middle button)."""

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QWidget

from dualprev.ui.widgets.map_scene import DrawMode, MapScene

ZOOM_STEP = 1.25
MAX_ZOOM = 16.0


class MapView(QGraphicsView):
    zoom_changed = Signal(float)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setObjectName("map_view")
        self.map_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setMouseTracking(True)
        self._auto_fit = True
        self._pan_from: QPoint | None = None
        self.set_mode(DrawMode.SELECT)

    def set_mode(self, mode: DrawMode) -> None:
        self.map_scene.set_mode(mode)
        if mode is DrawMode.SELECT:
            self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
            self.viewport().unsetCursor()
        else:
            self.setDragMode(QGraphicsView.DragMode.NoDrag)
            self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    # --- zoom ----------------------------------------------------------------------------------------

    def zoom(self) -> float:
        """Screen pixels per plan pixel."""
        return self.transform().m11()

    def _fit_scale(self) -> float:
        rect = self.map_scene.plan_rect()
        if rect.isEmpty():
            return 1.0
        viewport = self.viewport().rect()
        return min(viewport.width() / rect.width(), viewport.height() / rect.height())

    def zoom_by(self, factor: float) -> None:
        current = self.zoom()
        target = min(max(current * factor, self._fit_scale() * 0.5), MAX_ZOOM)
        if abs(target - current) < 1e-9:
            return
        self._auto_fit = False
        self.scale(target / current, target / current)
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(ZOOM_STEP)
        self.setTransformationAnchor(anchor)

    def zoom_out(self) -> None:
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.zoom_by(1 / ZOOM_STEP)
        self.setTransformationAnchor(anchor)

    def fit_plan(self) -> None:
        """Show the whole plan, and keep it fitted when the window is resized."""
        rect = self.map_scene.plan_rect()
        if rect.isEmpty():
            return
        self._auto_fit = True
        # The scene's margin around the plan, so no scroll bar appears while the plan is fitted.
        self.fitInView(self.map_scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        self.zoom_changed.emit(self.zoom())

    def is_fitted(self) -> bool:
        return self._auto_fit

    # --- events --------------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP**steps)
        event.accept()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit_plan()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            now = event.position().toPoint()
            delta = now - self._pan_from
            self._pan_from = now
            self._auto_fit = False
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton and self._pan_from is not None:
            self._pan_from = None
            if self.map_scene.mode is DrawMode.SELECT:
                self.viewport().unsetCursor()
            else:
                self.viewport().setCursor(Qt.CursorShape.CrossCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)
