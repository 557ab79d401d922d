"""Editing the zones of the shown floor plan as undoable commands: drawing a new zone, moving and
reshaping, properties, deleting, and the right-click menu. One undo stack per plan.

The editor is the ``MapEditor`` the commands call: it hands their service calls on and reports
``changed`` after each, so the page reloads the map.
"""

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, QPoint, QPointF, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from dualprev.domain import risk_map
from dualprev.domain.risk_map import Point, ZoneShape
from dualprev.errors import UserError
from dualprev.services import map_zone_service
from dualprev.services.map_zone_service import ZoneInfo, ZoneView
from dualprev.ui import messages, operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.zone_dialog import ZoneDialog, ZoneDraft
from dualprev.ui.operations import FAILED
from dualprev.ui.widgets.map_commands import (
    AddZoneCommand,
    DeleteZoneCommand,
    EditZoneCommand,
    MoveZonesCommand,
    ZoneMove,
    ZoneRef,
)
from dualprev.ui.widgets.map_scene import GeometryEdit, MapScene


class MapZoneEditor(QObject):
    changed = Signal(object)
    """The map changed through an edit (done, undone or refused); the zone id to select, or None."""

    def __init__(
        self, ctx: AppContext, scene: MapScene, widget: QWidget, drawing_done: Callable[[], None]
    ) -> None:
        super().__init__(widget)
        self.ctx = ctx
        self.scene = scene
        self._widget = widget
        """The parent of the editor's dialogs, menus and messages."""
        self._drawing_done = drawing_done
        self.undo_group = QUndoGroup(self)
        self._plan_id: int | None = None
        self._views: dict[int, ZoneView] = {}
        self._refs: dict[int, ZoneRef] = {}
        self._stacks: dict[int, QUndoStack] = {}

    # --- the shown plan -----------------------------------------------------------------------------

    def show_plan(self, plan_id: int | None, views: list[ZoneView]) -> None:
        """Edit the zones ``views`` of plan ``plan_id`` (None: no plan, nothing to edit)."""
        self._plan_id = plan_id
        self._views = {v.id: v for v in views}
        if plan_id is None:
            # Qt takes nullptr for "no active stack"; the PySide6 stubs type the parameter as not optional.
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]
            return
        stack = self._stacks.get(plan_id)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._stacks[plan_id] = stack
        self.undo_group.setActiveStack(stack)

    def forget_plan(self, plan_id: int) -> None:
        """Drop the undo history of a deleted plan."""
        stack = self._stacks.pop(plan_id, None)
        if stack is not None:
            self.undo_group.removeStack(stack)
            stack.deleteLater()

    def undo_stack(self) -> QUndoStack | None:
        return self.undo_group.activeStack()

    def zone_view(self, zone_id: int) -> ZoneView | None:
        return self._views.get(zone_id)

    def selected_zone_id(self) -> int | None:
        ids = self.scene.selected_zone_ids()
        return ids[0] if ids else None

    def _ref(self, zone_id: int) -> ZoneRef:
        ref = self._refs.get(zone_id)
        if ref is None:
            ref = self._refs[zone_id] = ZoneRef(zone_id)
        return ref

    def _push(self, command: QUndoCommand) -> None:
        stack = self.undo_stack()
        if stack is not None:
            stack.push(command)

    # --- MapEditor: what the undo commands call -----------------------------------------------------

    def create_zone(self, info: ZoneInfo) -> int:
        return map_zone_service.save_zone(self.ctx.db, info, actor=self.ctx.actor())

    def update_zone(self, info: ZoneInfo) -> None:
        map_zone_service.save_zone(self.ctx.db, info, actor=self.ctx.actor())

    def move_zone(self, zone_id: int, points: tuple[Point, ...], label: Point | None) -> None:
        map_zone_service.move_zone(self.ctx.db, zone_id, points, label, actor=self.ctx.actor())

    def delete_zone(self, zone_id: int) -> ZoneInfo:
        return map_zone_service.delete_zone(self.ctx.db, zone_id, actor=self.ctx.actor())

    def zone_recreated(self, ref: ZoneRef) -> None:
        self._refs[ref.id] = ref

    def map_changed(self, select: int | None) -> None:
        self.changed.emit(select)

    def report_error(self, error: UserError) -> None:
        messages.show_user_error(self._widget, error)

    # --- edits ----------------------------------------------------------------------------------------

    def _ask_zone(self, draft: ZoneDraft, *, new: bool) -> ZoneDraft | None:
        choices = operations.attempt(self._widget, lambda: map_zone_service.zone_choices(self.ctx.db))
        if choices is FAILED:
            return None
        return ZoneDialog.edit(self._widget, draft, choices, new=new)

    def add_drawn(self, shape: ZoneShape, points: tuple[Point, ...]) -> None:
        """A shape the user finished drawing becomes a zone once its properties are given."""
        if self._plan_id is None:
            return
        draft = self._ask_zone(ZoneDraft(show_counts=True), new=True)
        if draft is None:
            return
        info = ZoneInfo(
            floor_plan_id=self._plan_id,
            name=draft.name,
            shape=shape,
            points=tuple(points),
            area_id=draft.area_id,
            risk_point_ids=draft.risk_point_ids,
            show_counts=draft.show_counts,
        )
        self._push(AddZoneCommand(self, info))
        self._drawing_done()

    def apply_geometry(self, edits: tuple[GeometryEdit, ...]) -> None:
        """Zones moved, reshaped or their labels moved, as one undoable edit."""
        moves = [
            ZoneMove(self._ref(e.zone_id), e.old_points, e.new_points, e.old_label, e.new_label)
            for e in edits
        ]
        if not moves:
            return
        names = [self._views[e.zone_id].name for e in edits if e.zone_id in self._views]
        reshaped = any(e.old_points != e.new_points for e in edits)
        if len(edits) > 1:
            text = self.tr("移动 {n} 个区块").format(n=len(edits))
        elif not reshaped:
            text = self.tr("移动标签“{name}”").format(name=names[0] if names else "")
        else:
            text = self.tr("调整区块“{name}”").format(name=names[0] if names else "")
        self._push(MoveZonesCommand(self, moves, text))

    def edit_zone(self, zone_id: int | None) -> None:
        """Ask for the zone's properties and apply what changed."""
        view = self._views.get(zone_id or -1)
        if view is None:
            return
        old = view.info
        draft = self._ask_zone(
            ZoneDraft(old.name, old.area_id, old.risk_point_ids, old.show_counts), new=False
        )
        if draft is None:
            return
        new = replace(
            old,
            name=draft.name,
            area_id=draft.area_id,
            risk_point_ids=draft.risk_point_ids,
            show_counts=draft.show_counts,
        )
        if new != old:
            self._push(EditZoneCommand(self, self._ref(view.id), old, new))

    def delete_selected(self) -> None:
        view = self._views.get(self.selected_zone_id() or -1)
        if view is None:
            return
        question = self.tr("删除区块“{name}”？\n区域和风险点不会被删除；删除后可以用“撤销”恢复。").format(
            name=view.name
        )
        if messages.confirm(self._widget, question, action=self.tr("删除")):
            self._push(DeleteZoneCommand(self, self._ref(view.id), view.name))

    def context_menu(self, zone_id: int, scene_point: Point, vertex: int) -> QMenu:
        """The right-click menu of a zone (or of one of its vertices)."""
        menu = QMenu(self._widget)
        view = self._views.get(zone_id)
        if view is None:
            return menu
        info = view.info
        menu.addAction(self.tr("属性…"), lambda: self.edit_zone(zone_id))
        if info.shape is ZoneShape.POLYGON:
            if vertex >= 0 and len(info.points) > 3:
                menu.addAction(
                    self.tr("删除此顶点"),
                    lambda: self._edit_points(zone_id, risk_map.remove_vertex(info.points, vertex)),
                )
            elif vertex < 0:
                menu.addAction(
                    self.tr("在此处添加顶点"),
                    lambda: self._edit_points(zone_id, risk_map.insert_vertex(info.points, scene_point)),
                )
        else:
            menu.addAction(self.tr("转换为多边形（可增减顶点）"), lambda: self._to_polygon(zone_id))
        if info.label_at is not None:
            menu.addAction(self.tr("标签回到区块中央"), lambda: self._reset_label(zone_id))
        menu.addSeparator()
        menu.addAction(self.tr("删除区块"), self.delete_selected)
        return menu

    def show_context_menu(self, zone_id: int, scene_pos: QPointF, screen_pos: QPoint, vertex: int) -> None:
        menu = self.context_menu(zone_id, (scene_pos.x(), scene_pos.y()), vertex)
        menu.exec(screen_pos)
        menu.deleteLater()

    def _edit_points(self, zone_id: int, points: tuple[Point, ...]) -> None:
        view = self._views.get(zone_id)
        if view is not None:
            edit = GeometryEdit(zone_id, view.info.points, points, view.info.label_at, view.info.label_at)
            self.apply_geometry((edit,))

    def _reset_label(self, zone_id: int) -> None:
        view = self._views.get(zone_id)
        if view is not None:
            edit = GeometryEdit(zone_id, view.info.points, view.info.points, view.info.label_at, None)
            self.apply_geometry((edit,))

    def _to_polygon(self, zone_id: int) -> None:
        view = self._views.get(zone_id)
        if view is not None:
            self._push(
                EditZoneCommand(
                    self, self._ref(zone_id), view.info, replace(view.info, shape=ZoneShape.POLYGON)
                )
            )
