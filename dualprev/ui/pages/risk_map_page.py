"""四色分布图: the floor plans, and on each the zones drawn over it in the colour of their highest
current risk level. Import plans, draw and edit zones (undoable), and export the map as PDF/PNG.

The map redraws itself: every data change elsewhere (a hazard regraded, a risk point moved to
another area) reloads the zones' levels, so the colours are never out of date.
"""

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QActionGroup, QImage, QKeySequence, QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain import risk_map
from dualprev.domain.risk import RiskLevel
from dualprev.domain.risk_map import Point, ZoneShape
from dualprev.errors import UserError
from dualprev.services import floor_plan_service as fps
from dualprev.services import map_zone_service, risk_map_service
from dualprev.services import organisation_service as org
from dualprev.services.floor_plan_service import FloorPlanInfo
from dualprev.services.image_import import PlanLines
from dualprev.services.map_zone_service import ZoneInfo, ZoneView
from dualprev.ui import messages, operations, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.map_export_dialog import MapExportDialog
from dualprev.ui.dialogs.zone_dialog import ZoneDialog, ZoneDraft
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.page import Page
from dualprev.ui.pages.risk_page import paint_level
from dualprev.ui.widgets.map_commands import (
    AddZoneCommand,
    DeleteZoneCommand,
    EditZoneCommand,
    MoveZonesCommand,
    ZoneMove,
    ZoneRef,
)
from dualprev.ui.widgets.map_scene import DrawMode, GeometryEdit, MapScene
from dualprev.ui.widgets.map_view import MapView

PLAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ZONE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
IMAGE_FILTER = "平面图图片 (*.png *.jpg *.jpeg *.bmp *.tif *.tiff);;所有文件 (*)"
NO_PLAN_SIZE = (1600, 1000)


# --- asking the user (module functions, so tests can answer them) ----------------------------------


def choose_plan_file(parent: QWidget) -> Path | None:
    """A floor-plan image to import, or None."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, parent.tr("选择平面图图片"), "", parent.tr(IMAGE_FILTER)
    )
    return Path(path) if path else None


def ask_text(parent: QWidget, title: str, label: str, text: str) -> str | None:
    """A line of text, or None when cancelled."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value.strip() if ok else None


def choose_export_file(parent: QWidget, fmt: str, suggested: Path) -> Path | None:
    """Where to save the exported map, or None."""
    pattern = "PDF 文件 (*.pdf)" if fmt == "pdf" else "PNG 图片 (*.png)"
    path, _filter = QFileDialog.getSaveFileName(
        parent, parent.tr("导出四色分布图"), str(suggested), parent.tr(pattern)
    )
    if not path:
        return None
    result = Path(path)
    return result if result.suffix.lower() == f".{fmt}" else result.with_name(result.name + f".{fmt}")


def legend_html() -> str:
    chips = [
        f"<span style='background:{lv.colour.hex}; color:{'#FFFFFF' if lv.colour.text_rgb == (255, 255, 255) else '#000000'};'>"
        f"&nbsp;{lv.label}&nbsp;</span>"
        for lv in RiskLevel
    ]
    chips.append("<span style='background:#C8C8C8;'>&nbsp;未评价&nbsp;</span>")
    return "&nbsp;".join(chips)


class RiskMapPage(Page):
    key = "risk_map"
    title = "四色分布图"

    class Col:
        NAME, AREA, POINTS, LEVEL = range(4)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._plans: dict[int, FloorPlanInfo] = {}
        self._plan_id: int | None = None
        self._shown_key: tuple[object, ...] | None = None
        self._views: dict[int, ZoneView] = {}
        self._refs: dict[int, ZoneRef] = {}
        self._stacks: dict[int, QUndoStack] = {}
        self._select_after: int | None = None
        self._syncing = False

        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("map_splitter")
        layout.addWidget(splitter, 1)

        # Left: the plans and their zones.
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 4, 0)
        plan_buttons = QHBoxLayout()
        self.import_btn = QPushButton(self.tr("导入平面图…"), left)
        self.import_btn.setObjectName("import_btn")
        plan_buttons.addWidget(self.import_btn)
        self.plan_menu_btn = QToolButton(left)
        self.plan_menu_btn.setObjectName("plan_menu_btn")
        self.plan_menu_btn.setText(self.tr("平面图"))
        self.plan_menu_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        plan_menu = QMenu(self.plan_menu_btn)
        self.replace_image_action = plan_menu.addAction(self.tr("更换图片…"))
        self.rename_plan_action = plan_menu.addAction(self.tr("重命名…"))
        plan_menu.addSeparator()
        self.delete_plan_action = plan_menu.addAction(self.tr("删除平面图…"))
        self.plan_menu_btn.setMenu(plan_menu)
        plan_buttons.addWidget(self.plan_menu_btn)
        plan_buttons.addStretch(1)
        left_layout.addLayout(plan_buttons)
        self.plans_tree = QTreeWidget(left)
        self.plans_tree.setObjectName("plans_tree")
        self.plans_tree.setHeaderLabels(
            [self.tr("平面图 / 区块"), self.tr("对应区域"), self.tr("风险点"), self.tr("区块颜色")]
        )
        for column, width in enumerate((120, 76, 40)):
            self.plans_tree.setColumnWidth(column, width)
        left_layout.addWidget(self.plans_tree, 1)
        self.legend_label = QLabel(legend_html(), left)
        self.legend_label.setObjectName("legend_label")
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.setWordWrap(True)
        left_layout.addWidget(self.legend_label)
        hint = QLabel(
            self.tr("区块按其区域及关联风险点中最高的现有风险等级着色（从严从高），风险等级变化后自动更新。"),
            left,
        )
        hint.setObjectName("hint_label")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        left_layout.addWidget(hint)

        # Right: the tools and the map.
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        self.toolbar = QToolBar(right)
        self.toolbar.setObjectName("map_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        right_layout.addWidget(self.toolbar)
        self.scene = MapScene(self)
        self.view = MapView(self.scene, right)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        right_layout.addWidget(self.view, 1)
        self.status_label = QLabel(right)
        self.status_label.setObjectName("status_label")
        self.status_label.setStyleSheet("color: #444;")
        self.status_label.setWordWrap(True)
        right_layout.addWidget(self.status_label)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 1000])

        self.undo_group = QUndoGroup(self)
        self._build_actions()

        self.import_btn.clicked.connect(self._on_import_plan)
        self.replace_image_action.triggered.connect(self._on_replace_image)
        self.rename_plan_action.triggered.connect(self._on_rename_plan)
        self.delete_plan_action.triggered.connect(self._on_delete_plan)
        self.plans_tree.currentItemChanged.connect(self._on_tree_current_changed)
        self.plans_tree.itemDoubleClicked.connect(self._on_tree_double_clicked)
        self.scene.selectionChanged.connect(self._on_scene_selection_changed)
        self.scene.shape_drawn.connect(self._on_shape_drawn)
        self.scene.geometry_edited.connect(self._on_geometry_edited)
        self.scene.zone_activated.connect(self._on_edit_zone)
        self.scene.context_requested.connect(self._on_context_requested)
        self.scene.drawing_changed.connect(self._update_status)
        self.view.zoom_changed.connect(lambda _z: self._update_status())
        self.undo_group.canUndoChanged.connect(lambda _v: self._update_actions())
        self.undo_group.canRedoChanged.connect(lambda _v: self._update_actions())
        self.undo_group.undoTextChanged.connect(lambda _t: self._update_actions())
        self.undo_group.redoTextChanged.connect(lambda _t: self._update_actions())
        self._update_actions()

    # --- building ---------------------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        tip: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        tr = self.tr
        self.select_action = self._action(
            "select_action", tr("选择"), tr("选择、移动区块，拖动顶点或标签（Esc）")
        )
        self.rect_action = self._action("rect_action", tr("画矩形"), tr("按住鼠标拖出一个矩形区块"))
        self.polygon_action = self._action(
            "polygon_action",
            tr("画多边形"),
            tr("逐点单击画出多边形，双击、回车或单击起点结束；退格删除上一点"),
        )
        self.mode_group = QActionGroup(self)
        for action, mode in (
            (self.select_action, DrawMode.SELECT),
            (self.rect_action, DrawMode.RECT),
            (self.polygon_action, DrawMode.POLYGON),
        ):
            action.setCheckable(True)
            action.setData(mode.value)
            self.mode_group.addAction(action)
            self.toolbar.addAction(action)
        self.select_action.setChecked(True)
        self.mode_group.triggered.connect(self._on_mode_action)
        self.toolbar.addSeparator()
        self.props_action = self._action(
            "props_action", tr("属性…"), tr("编辑选中区块的名称、区域和关联风险点")
        )
        self.delete_zone_action = self._action(
            "delete_zone_action",
            tr("删除区块"),
            tr("删除选中的区块（可撤销）"),
            QKeySequence.StandardKey.Delete,
        )
        self.undo_action = self._action("undo_action", tr("撤销"), tr("撤销"), QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("redo_action", tr("重做"), tr("重做"), QKeySequence.StandardKey.Redo)
        for action in (self.props_action, self.delete_zone_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (self.undo_action, self.redo_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.zoom_in_action = self._action(
            "zoom_in_action", tr("放大"), tr("放大（也可用鼠标滚轮）"), "Ctrl++"
        )
        self.zoom_out_action = self._action(
            "zoom_out_action", tr("缩小"), tr("缩小（也可用鼠标滚轮）"), "Ctrl+-"
        )
        self.fit_action = self._action("fit_action", tr("全图"), tr("显示整张平面图"), "Ctrl+0")
        self.snap_action = self._action(
            "snap_action", tr("吸附"), tr("绘制和拖动时吸附到平面图边框、墙线和其他区块")
        )
        self.snap_action.setCheckable(True)
        self.snap_action.setChecked(True)
        for action in (self.zoom_in_action, self.zoom_out_action, self.fit_action, self.snap_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.export_pdf_action = self._action(
            "export_pdf_action", tr("导出PDF…"), tr("导出可打印的四色分布图（PDF）")
        )
        self.export_png_action = self._action(
            "export_png_action", tr("导出PNG…"), tr("导出 300 dpi 的四色分布图图片（PNG）")
        )
        self.toolbar.addAction(self.export_pdf_action)
        self.toolbar.addAction(self.export_png_action)

        self.props_action.triggered.connect(lambda: self._on_edit_zone(self.selected_zone_id()))
        self.delete_zone_action.triggered.connect(self._on_delete_zone)
        self.undo_action.triggered.connect(self.undo_group.undo)
        self.redo_action.triggered.connect(self.undo_group.redo)
        self.zoom_in_action.triggered.connect(self.view.zoom_in)
        self.zoom_out_action.triggered.connect(self.view.zoom_out)
        self.fit_action.triggered.connect(self.view.fit_plan)
        self.snap_action.toggled.connect(self._on_snap_toggled)
        self.export_pdf_action.triggered.connect(lambda: self._on_export("pdf"))
        self.export_png_action.triggered.connect(lambda: self._on_export("png"))

    # --- reading ------------------------------------------------------------------------------------------

    def reload(self) -> None:
        plans = fps.list_plans(self.ctx.db)
        self._plans = {p.id: p for p in plans}
        if self._plan_id not in self._plans:
            self._plan_id = plans[0].id if plans else None
        zones = {p.id: map_zone_service.list_zones(self.ctx.db, p.id) for p in plans}
        self._fill_tree(plans, zones)
        self._show_plan(zones.get(self._plan_id or -1, []))
        total = sum(len(v) for v in zones.values())
        if plans:
            self.summary_label.setText(
                self.tr(
                    "共 {p} 张平面图，{z} 个区块。在右侧平面图上画出区块并关联区域或风险点，颜色随风险等级自动更新。"
                ).format(p=len(plans), z=total)
            )
        else:
            self.summary_label.setText(
                self.tr("本企业还没有平面图。请点击“导入平面图…”，选择厂区或车间平面图的图片。")
            )
        self._update_actions()
        self._update_status()

    def _fill_tree(self, plans: list[FloorPlanInfo], zones: dict[int, list[ZoneView]]) -> None:
        self._syncing = True
        try:
            self.plans_tree.clear()
            current: QTreeWidgetItem | None = None
            selected = set(self.scene.selected_zone_ids())
            for plan in plans:
                plan_item = QTreeWidgetItem(
                    self.plans_tree, [plan.name, self.tr("{w}×{h}").format(w=plan.width, h=plan.height)]
                )
                plan_item.setData(0, PLAN_ID_ROLE, plan.id)
                font = plan_item.font(0)
                font.setBold(True)
                plan_item.setFont(0, font)
                plan_item.setToolTip(
                    0, plan.name if plan.image_exists else self.tr("图片文件缺失，请“更换图片”")
                )
                views = zones.get(plan.id, [])
                level = risk_map.zone_level(v.level for v in views)
                paint_level(plan_item, self.Col.LEVEL, level, self.tr("无已评价区块"))
                if plan.id == self._plan_id:
                    current = plan_item
                for view in views:
                    item = QTreeWidgetItem(plan_item, [view.name, view.area_name, str(view.risk_point_count)])
                    item.setData(0, PLAN_ID_ROLE, plan.id)
                    item.setData(0, ZONE_ID_ROLE, view.id)
                    item.setTextAlignment(
                        self.Col.POINTS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                    item.setToolTip(0, risk_map.counts_text(dict(view.counts), view.unevaluated))
                    paint_level(item, self.Col.LEVEL, view.level, self.tr("未着色（无已评价风险点）"))
                    if plan.id == self._plan_id and view.id in selected:
                        current = item
            self.plans_tree.expandAll()
            if current is not None:
                self.plans_tree.setCurrentItem(current)
        finally:
            self._syncing = False

    def _load_image(self, plan: FloorPlanInfo) -> QImage | None:
        if not plan.image_exists:
            return None
        image = QImage(str(plan.image_path))
        return None if image.isNull() else image

    def _show_plan(self, views: list[ZoneView]) -> None:
        plan = self._plans.get(self._plan_id or -1)
        if plan is None:
            key: tuple[object, ...] = ("none",)
            if key != self._shown_key:
                self.scene.set_plan(
                    None,
                    *NO_PLAN_SIZE,
                    PlanLines((), ()),
                    self.tr("还没有平面图：请点击左上方的“导入平面图…”"),
                )
                self._shown_key = key
                self.view.fit_plan()
            self._views = {}
            # Qt takes nullptr for "no active stack"; the PySide6 stubs type the parameter as not optional.
            self.undo_group.setActiveStack(None)  # type: ignore[arg-type]
            return
        mtime = plan.image_path.stat().st_mtime_ns if plan.image_exists else 0
        key = (plan.id, str(plan.image_path), plan.width, plan.height, mtime)
        if key != self._shown_key:
            image = self._load_image(plan)
            lines = fps.plan_lines(self.ctx.db, plan.id) if image is not None else PlanLines((), ())
            message = (
                ""
                if image is not None
                else self.tr("平面图图片文件缺失或无法读取，请在“平面图”菜单中“更换图片…”")
            )
            self.scene.set_plan(image, plan.width, plan.height, lines, message)
            self._shown_key = key
            self.view.fit_plan()
        self._views = {v.id: v for v in views}
        self.scene.set_zones(views)
        if self._select_after is not None:
            self.scene.select_zone(self._select_after)
            self._select_after = None
        stack = self._stacks.get(plan.id)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._stacks[plan.id] = stack
        self.undo_group.setActiveStack(stack)

    # --- state for tests and actions ----------------------------------------------------------------------

    def current_plan(self) -> FloorPlanInfo | None:
        return self._plans.get(self._plan_id or -1)

    def undo_stack(self) -> QUndoStack | None:
        return self.undo_group.activeStack()

    def selected_zone_id(self) -> int | None:
        ids = self.scene.selected_zone_ids()
        return ids[0] if ids else None

    def zone_view(self, zone_id: int) -> ZoneView | None:
        return self._views.get(zone_id)

    def show_plan(self, plan_id: int) -> None:
        """Switch the map to another plan."""
        if plan_id != self._plan_id and plan_id in self._plans:
            self.scene.set_mode(DrawMode.SELECT)
            self.select_action.setChecked(True)
            self.view.set_mode(DrawMode.SELECT)
            self._plan_id = plan_id
            self.reload()

    def _ref(self, zone_id: int) -> ZoneRef:
        ref = self._refs.get(zone_id)
        if ref is None:
            ref = self._refs[zone_id] = ZoneRef(zone_id)
        return ref

    # --- MapEditor: what the undo commands call -------------------------------------------------------------

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
        self._select_after = select
        self.ctx.events.emit_changed("map_zone")
        self.refresh_if_stale()

    def report_error(self, error: UserError) -> None:
        messages.show_user_error(self, error)

    # --- drawing and editing zones ---------------------------------------------------------------------------

    def _on_mode_action(self, action: QAction) -> None:
        mode = DrawMode(action.data())
        self.view.set_mode(mode)
        if mode is not DrawMode.SELECT:
            self.view.setFocus()
        self._update_status()

    def set_mode(self, mode: DrawMode) -> None:
        """Choose selecting, drawing rectangles or drawing polygons (as the toolbar does)."""
        action = {
            DrawMode.SELECT: self.select_action,
            DrawMode.RECT: self.rect_action,
            DrawMode.POLYGON: self.polygon_action,
        }[mode]
        action.setChecked(True)
        self._on_mode_action(action)

    def _on_snap_toggled(self, on: bool) -> None:
        self.scene.snap_enabled = on

    def _ask_zone(self, draft: ZoneDraft, *, new: bool) -> ZoneDraft | None:
        choices = operations.attempt(self, lambda: map_zone_service.zone_choices(self.ctx.db))
        if choices is FAILED:
            return None
        return ZoneDialog.edit(self, draft, choices, new=new)

    def _on_shape_drawn(self, shape: ZoneShape, points: tuple[Point, ...]) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        draft = self._ask_zone(ZoneDraft(show_counts=True), new=True)
        if draft is None:
            return
        info = ZoneInfo(
            floor_plan_id=plan.id,
            name=draft.name,
            shape=shape,
            points=tuple(points),
            area_id=draft.area_id,
            risk_point_ids=draft.risk_point_ids,
            show_counts=draft.show_counts,
        )
        self._push(AddZoneCommand(self, info))
        self.set_mode(DrawMode.SELECT)

    def _push(self, command: QUndoCommand) -> None:
        stack = self.undo_stack()
        if stack is not None:
            stack.push(command)

    def _on_geometry_edited(self, edits: tuple[GeometryEdit, ...]) -> None:
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

    def _on_edit_zone(self, zone_id: int | None) -> None:
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

    def _on_delete_zone(self) -> None:
        zone_id = self.selected_zone_id()
        view = self._views.get(zone_id or -1)
        if view is None:
            return
        question = self.tr("删除区块“{name}”？\n区域和风险点不会被删除；删除后可以用“撤销”恢复。").format(
            name=view.name
        )
        if messages.confirm(self, question, action=self.tr("删除")):
            self._push(DeleteZoneCommand(self, self._ref(view.id), view.name))

    def context_menu(self, zone_id: int, scene_point: Point, vertex: int) -> QMenu:
        """The right-click menu of a zone (or of one of its vertices)."""
        menu = QMenu(self)
        view = self._views.get(zone_id)
        if view is None:
            return menu
        info = view.info
        menu.addAction(self.tr("属性…"), lambda: self._on_edit_zone(zone_id))
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
        menu.addAction(self.tr("删除区块"), self._on_delete_zone)
        return menu

    def _on_context_requested(
        self, zone_id: int, scene_pos: QPointF, screen_pos: QPoint, vertex: int
    ) -> None:
        menu = self.context_menu(zone_id, (scene_pos.x(), scene_pos.y()), vertex)
        menu.exec(screen_pos)
        menu.deleteLater()

    def _edit_points(self, zone_id: int, points: tuple[Point, ...]) -> None:
        view = self._views.get(zone_id)
        if view is not None:
            edit = GeometryEdit(zone_id, view.info.points, points, view.info.label_at, view.info.label_at)
            self._on_geometry_edited((edit,))

    def _reset_label(self, zone_id: int) -> None:
        view = self._views.get(zone_id)
        if view is not None:
            edit = GeometryEdit(zone_id, view.info.points, view.info.points, view.info.label_at, None)
            self._on_geometry_edited((edit,))

    def _to_polygon(self, zone_id: int) -> None:
        view = self._views.get(zone_id)
        if view is not None:
            self._push(
                EditZoneCommand(
                    self, self._ref(zone_id), view.info, replace(view.info, shape=ZoneShape.POLYGON)
                )
            )

    # --- tree and selection ----------------------------------------------------------------------------------

    def _on_tree_current_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        if self._syncing or current is None:
            return
        plan_id = current.data(0, PLAN_ID_ROLE)
        zone_id = current.data(0, ZONE_ID_ROLE)
        if plan_id is not None and int(plan_id) != self._plan_id:
            self._select_after = int(zone_id) if zone_id is not None else None
            self.show_plan(int(plan_id))
            return
        self._syncing = True
        try:
            self.scene.select_zone(int(zone_id) if zone_id is not None else None)
        finally:
            self._syncing = False
        self._update_actions()

    def _on_tree_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        zone_id = item.data(0, ZONE_ID_ROLE)
        if zone_id is not None:
            self._on_edit_zone(int(zone_id))

    def _on_scene_selection_changed(self) -> None:
        self._update_actions()
        if self._syncing:
            return
        zone_id = self.selected_zone_id()
        root = self.plans_tree.invisibleRootItem()
        for i in range(root.childCount()):
            plan_item = root.child(i)
            if plan_item is None or plan_item.data(0, PLAN_ID_ROLE) != self._plan_id:
                continue
            target = plan_item
            for j in range(plan_item.childCount()):
                zone_item = plan_item.child(j)
                if zone_item is not None and zone_item.data(0, ZONE_ID_ROLE) == zone_id:
                    target = zone_item
            self._syncing = True
            try:
                self.plans_tree.setCurrentItem(target)
            finally:
                self._syncing = False

    def _update_actions(self) -> None:
        has_plan = self.current_plan() is not None
        has_zone = self.selected_zone_id() is not None
        for action in (
            self.rect_action,
            self.polygon_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.export_pdf_action,
            self.export_png_action,
            self.replace_image_action,
            self.rename_plan_action,
            self.delete_plan_action,
        ):
            action.setEnabled(has_plan)
        self.props_action.setEnabled(has_zone)
        self.delete_zone_action.setEnabled(has_zone)
        self.plan_menu_btn.setEnabled(has_plan)
        stack = self.undo_group.activeStack()
        self.undo_action.setEnabled(stack is not None and stack.canUndo())
        self.redo_action.setEnabled(stack is not None and stack.canRedo())
        self.undo_action.setToolTip(
            self.tr("撤销：{t}").format(t=stack.undoText()) if stack and stack.canUndo() else self.tr("撤销")
        )
        self.redo_action.setToolTip(
            self.tr("重做：{t}").format(t=stack.redoText()) if stack and stack.canRedo() else self.tr("重做")
        )

    def _update_status(self) -> None:
        zoom = self.tr("缩放 {z:.0f}%").format(z=self.view.zoom() * 100)
        mode = self.scene.mode
        if self.current_plan() is None:
            text = self.tr("导入平面图后即可画区块。")
        elif mode is DrawMode.RECT:
            text = self.tr("画矩形：按住左键拖动；Esc 返回选择。")
        elif mode is DrawMode.POLYGON:
            n = len(self.scene.draft_points())
            text = self.tr(
                "画多边形：已定 {n} 个点。单击加点，双击/回车/单击起点结束，退格撤回一点，Esc 取消。"
            ).format(n=n)
        else:
            text = self.tr(
                "拖动空白处平移、滚轮缩放；拖动区块移动，双击编辑属性；选中后可拖动顶点或单独拖动标签；右键更多操作。"
            )
        self.status_label.setText(f"{text}　{zoom}")

    # --- plans -----------------------------------------------------------------------------------------------

    def _unique_name(self, base: str) -> str:
        taken = {p.name for p in self._plans.values()}
        name, n = base.strip() or self.tr("平面图"), 2
        candidate = name
        while candidate in taken:
            candidate, n = f"{name}（{n}）", n + 1
        return candidate

    def _on_import_plan(self) -> None:
        path = choose_plan_file(self)
        if path is None:
            return
        name = ask_text(
            self,
            self.tr("导入平面图"),
            self.tr("平面图名称（如：厂区总平面图、一号车间一层）："),
            self._unique_name(path.stem),
        )
        if name is None:
            return
        db, actor = self.ctx.db, self.ctx.actor()
        tasks.run_in_background(
            self,
            self.tr("正在导入平面图…"),
            lambda: fps.import_plan(db, path, name, actor=actor),
            self._on_plan_imported,
        )

    def _on_plan_imported(self, info: FloorPlanInfo) -> None:
        self._plan_id = info.id
        self.ctx.events.emit_changed("floor_plan")
        self.refresh_if_stale()
        if info.downsized_from:
            w, h = info.downsized_from
            messages.show_info(
                self,
                self.tr("原图 {w}×{h} 像素过大，已缩小为 {nw}×{nh} 像素保存。").format(
                    w=w, h=h, nw=info.width, nh=info.height
                ),
            )

    def _on_replace_image(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        path = choose_plan_file(self)
        if path is None:
            return
        db, actor = self.ctx.db, self.ctx.actor()
        tasks.run_in_background(
            self,
            self.tr("正在更换平面图图片…"),
            lambda: fps.replace_plan_image(db, plan.id, path, actor=actor),
            lambda _info: self._on_image_replaced(),
        )

    def _on_image_replaced(self) -> None:
        self._shown_key = None
        self.ctx.events.emit_changed("floor_plan", "map_zone")
        self.refresh_if_stale()

    def _on_rename_plan(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        name = ask_text(self, self.tr("重命名平面图"), self.tr("平面图名称："), plan.name)
        if name is None or name == plan.name:
            return
        if (
            operations.write(
                self,
                self.ctx.events,
                ["floor_plan"],
                lambda: fps.rename_plan(self.ctx.db, plan.id, name, actor=self.ctx.actor()),
            )
            is FAILED
        ):
            return
        self.refresh_if_stale()

    def _on_delete_plan(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        question = self.tr(
            "删除平面图“{name}”及其上的 {n} 个区块？\n区域和风险点不会被删除。此操作不能撤销。"
        ).format(name=plan.name, n=plan.zone_count)
        if not messages.confirm(self, question, action=self.tr("删除")):
            return
        if (
            operations.attempt(self, lambda: fps.delete_plan(self.ctx.db, plan.id, actor=self.ctx.actor()))
            is FAILED
        ):
            return
        stack = self._stacks.pop(plan.id, None)
        if stack is not None:
            self.undo_group.removeStack(stack)
            stack.deleteLater()
        self._plan_id = None
        self.ctx.events.emit_changed("floor_plan", "map_zone")
        self.refresh_if_stale()

    # --- export ----------------------------------------------------------------------------------------------

    def _on_export(self, fmt: str) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        options = MapExportDialog.ask(self, fmt, self.ctx.actor(), len(self._plans))
        if options is None:
            return
        profile = org.get_enterprise(self.ctx.db)
        enterprise = profile.name if profile else ""
        stem = "-".join(
            x for x in (enterprise, plan.name if not options.all_plans else "", "安全风险四色分布图") if x
        )
        suggested = Path.home() / f"{stem}.{fmt}"
        target = choose_export_file(self, fmt, suggested)
        if target is None:
            return
        db, today = self.ctx.db, self.ctx.today()
        plan_name = None if options.all_plans else plan.name
        tasks.run_in_background(
            self,
            self.tr("正在导出四色分布图…"),
            lambda: risk_map_service.export_map(
                db,
                target,
                fmt=fmt,
                plan_name=plan_name,
                paper=options.paper,
                drawn_by=options.drawn_by,
                checked_by=options.checked_by,
                printed_on=today,
            ),
            lambda out: messages.show_info(
                self, self.tr("已导出四色分布图：\n{path}").format(path=out), title=self.tr("导出完成")
            ),
        )
