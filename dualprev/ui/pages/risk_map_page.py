"""四色分布图: the floor plans, and on each the zones drawn over it in the colour of their highest
current risk level. Import plans, draw and edit zones (undoable), and export the map as PDF/PNG.

The map redraws itself: every data change elsewhere (a hazard regraded, a risk point moved to
another area) reloads the zones' levels, so the colours are never out of date.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.risk import RiskLevel
from dualprev.services import floor_plan_service as fps
from dualprev.services import map_zone_service, risk_map_service
from dualprev.services import organisation_service as org
from dualprev.services.changes import Entity
from dualprev.services.floor_plan_service import FloorPlanInfo
from dualprev.services.image_import import PlanLines
from dualprev.services.map_zone_service import ZoneView
from dualprev.ui import export_files, messages, operations, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.map_export_dialog import MapExportDialog
from dualprev.ui.dialogs.north_arrow_dialog import NorthArrowDialog
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.map_zone_editor import MapZoneEditor
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.floor_plan_tree import FloorPlanTree
from dualprev.ui.widgets.map_scene import DrawMode, MapScene
from dualprev.ui.widgets.map_toolbar import MapToolbar
from dualprev.ui.widgets.map_view import MapView

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
    shows = frozenset({Entity.RISK_MAP, Entity.RISK, Entity.ORGANISATION})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._plans: dict[int, FloorPlanInfo] = {}
        self._plan_id: int | None = None
        self._shown_key: tuple[object, ...] | None = None
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
        self.plans_tree = FloorPlanTree(left)
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
        self.toolbar = MapToolbar(self, right)
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

        self.editor = MapZoneEditor(ctx, self.scene, self, lambda: self.set_mode(DrawMode.SELECT))
        undo_group = self.editor.undo_group
        bar = self.toolbar
        self.import_btn.clicked.connect(self._on_import_plan)
        self.replace_image_action.triggered.connect(self._on_replace_image)
        self.rename_plan_action.triggered.connect(self._on_rename_plan)
        self.delete_plan_action.triggered.connect(self._on_delete_plan)
        self.plans_tree.picked.connect(self._on_tree_picked)
        self.plans_tree.zone_activated.connect(self.editor.edit_zone)
        self.scene.selectionChanged.connect(self._on_scene_selection_changed)
        self.scene.shape_drawn.connect(self.editor.add_drawn)
        self.scene.geometry_edited.connect(self.editor.apply_geometry)
        self.scene.zone_activated.connect(self.editor.edit_zone)
        self.scene.context_requested.connect(self.editor.show_context_menu)
        self.scene.drawing_changed.connect(self._update_status)
        self.view.zoom_changed.connect(lambda _z: self._update_status())
        self.editor.changed.connect(self._on_map_changed)
        bar.mode_chosen.connect(self._on_mode_chosen)
        bar.props_action.triggered.connect(lambda: self.editor.edit_zone(self.editor.selected_zone_id()))
        bar.delete_zone_action.triggered.connect(self.editor.delete_selected)
        bar.undo_action.triggered.connect(undo_group.undo)
        bar.redo_action.triggered.connect(undo_group.redo)
        bar.zoom_in_action.triggered.connect(self.view.zoom_in)
        bar.zoom_out_action.triggered.connect(self.view.zoom_out)
        bar.fit_action.triggered.connect(self.view.fit_plan)
        bar.snap_action.toggled.connect(self._on_snap_toggled)
        bar.north_action.triggered.connect(self._on_north_arrow)
        bar.export_pdf_action.triggered.connect(lambda: self._on_export("pdf"))
        bar.export_png_action.triggered.connect(lambda: self._on_export("png"))
        undo_group.canUndoChanged.connect(lambda _v: self._update_actions())
        undo_group.canRedoChanged.connect(lambda _v: self._update_actions())
        undo_group.undoTextChanged.connect(lambda _t: self._update_actions())
        undo_group.redoTextChanged.connect(lambda _t: self._update_actions())
        self._update_actions()

    # --- reading ------------------------------------------------------------------------------------------

    def reload(self) -> None:
        plans = fps.list_plans(self.ctx.db)
        self._plans = {p.id: p for p in plans}
        if self._plan_id not in self._plans:
            self._plan_id = plans[0].id if plans else None
        zones = {p.id: map_zone_service.list_zones(self.ctx.db, p.id) for p in plans}
        self.plans_tree.fill(plans, zones, self._plan_id, self.scene.selected_zone_ids())
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
            self.editor.show_plan(None, [])
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
        self.scene.set_zones(views)
        self._select_pending_zone()
        self.editor.show_plan(plan.id, views)

    def _select_pending_zone(self) -> None:
        if self._select_after is not None:
            self.scene.select_zone(self._select_after)
            self._select_after = None

    # --- state for tests and actions ----------------------------------------------------------------------

    def current_plan(self) -> FloorPlanInfo | None:
        return self._plans.get(self._plan_id or -1)

    def show_plan(self, plan_id: int) -> None:
        """Switch the map to another plan."""
        if plan_id != self._plan_id and plan_id in self._plans:
            self.scene.set_mode(DrawMode.SELECT)
            self.toolbar.check_mode(DrawMode.SELECT)
            self.view.set_mode(DrawMode.SELECT)
            self._plan_id = plan_id
            self.reload()

    def set_mode(self, mode: DrawMode) -> None:
        """Choose selecting, drawing rectangles or drawing polygons (as the toolbar does)."""
        self.toolbar.choose_mode(mode)

    def _on_mode_chosen(self, mode: DrawMode) -> None:
        self.view.set_mode(mode)
        if mode is not DrawMode.SELECT:
            self.view.setFocus()
        self._update_status()

    def _on_snap_toggled(self, on: bool) -> None:
        self.scene.snap_enabled = on

    def _on_map_changed(self, select: int | None) -> None:
        # The edit's write has reloaded the page already (or will, once its batch ends).
        self._select_after = select
        self.refresh_if_stale()
        self._select_pending_zone()

    # --- tree and selection ----------------------------------------------------------------------------------

    def _on_tree_picked(self, plan_id: int, zone_id: int | None) -> None:
        if plan_id != self._plan_id:
            self._select_after = zone_id
            self.show_plan(plan_id)
            return
        self._syncing = True
        try:
            self.scene.select_zone(zone_id)
        finally:
            self._syncing = False
        self._update_actions()

    def _on_scene_selection_changed(self) -> None:
        self._update_actions()
        if not self._syncing:
            self.plans_tree.show_zone(self._plan_id, self.editor.selected_zone_id())

    def _update_actions(self) -> None:
        has_plan = self.current_plan() is not None
        self.toolbar.update_state(
            has_plan=has_plan,
            has_zone=self.editor.selected_zone_id() is not None,
            stack=self.editor.undo_stack(),
        )
        for action in (self.replace_image_action, self.rename_plan_action, self.delete_plan_action):
            action.setEnabled(has_plan)
        self.plan_menu_btn.setEnabled(has_plan)

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
        self.reload()  # the write's own reload ran before the new plan was chosen
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
        self.reload()  # the write's own reload ran before the image key was forgotten

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
        with self.ctx.events.batch():  # the page reloads once the deleted plan is forgotten
            if (
                operations.attempt(
                    self, lambda: fps.delete_plan(self.ctx.db, plan.id, actor=self.ctx.actor())
                )
                is FAILED
            ):
                return
            self.editor.forget_plan(plan.id)
            self._plan_id = None

    def _on_north_arrow(self) -> None:
        plan = self.current_plan()
        if plan is None:
            return
        choice = NorthArrowDialog.ask(self, plan.name, risk_map_service.north_angle(self.ctx.db, plan.id))
        if choice is None:
            return
        operations.write(
            self,
            self.ctx.events,
            lambda: risk_map_service.set_north_angle(
                self.ctx.db, plan.id, choice.angle, actor=self.ctx.actor()
            ),
        )

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
        suggested = export_files.suggested_path(self.ctx.prefs, f"{stem}.{fmt}")
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
                mono=options.mono,
            ),
            self._on_exported,
        )

    def _on_exported(self, out: Path) -> None:
        export_files.remember(self.ctx.prefs, out)
        messages.show_exported(self, self.tr("已导出四色分布图：\n{path}").format(path=out), out)
