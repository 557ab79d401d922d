"""The 四色分布图 toolbar: drawing modes, zone properties and delete, undo/redo, zoom, snapping and
export. It only holds the actions; the page connects them."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QToolBar, QWidget

from dualprev.ui.widgets.map_scene import DrawMode


class MapToolbar(QToolBar):
    """Actions are also added to ``shortcut_host`` so their shortcuts work wherever the focus is
    within it (the page), not only on the toolbar."""

    mode_chosen = Signal(object)
    """DrawMode: the user picked a drawing mode."""

    def __init__(self, shortcut_host: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = shortcut_host
        self.setObjectName("map_toolbar")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
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
        self._modes = {
            DrawMode.SELECT: self.select_action,
            DrawMode.RECT: self.rect_action,
            DrawMode.POLYGON: self.polygon_action,
        }
        for mode, action in self._modes.items():
            action.setCheckable(True)
            action.setData(mode.value)
            self.mode_group.addAction(action)
            self.addAction(action)
        self.select_action.setChecked(True)
        self.addSeparator()
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
            self.addAction(action)
        self.addSeparator()
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
        self.addSeparator()
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
            self.addAction(action)
        self.addSeparator()
        self.export_pdf_action = self._action(
            "export_pdf_action", tr("导出PDF…"), tr("导出可打印的四色分布图（PDF）")
        )
        self.export_png_action = self._action(
            "export_png_action", tr("导出PNG…"), tr("导出 300 dpi 的四色分布图图片（PNG）")
        )
        self.north_action = self._action(
            "north_action", tr("指北针…"), tr("设置平面图上正北的方向（导出的 PDF 和 PNG 都按它绘制指北针）")
        )
        self.addAction(self.north_action)
        self.addAction(self.export_pdf_action)
        self.addAction(self.export_png_action)
        self.mode_group.triggered.connect(lambda action: self.mode_chosen.emit(DrawMode(action.data())))

    def _action(
        self,
        name: str,
        text: str,
        tip: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self._host)
        action.setObjectName(name)
        action.setToolTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._host.addAction(action)
        return action

    def choose_mode(self, mode: DrawMode) -> None:
        """Check ``mode``'s action and announce it, as a click on it would."""
        self._modes[mode].setChecked(True)
        self.mode_chosen.emit(mode)

    def check_mode(self, mode: DrawMode) -> None:
        """Check ``mode``'s action without announcing it."""
        self._modes[mode].setChecked(True)

    def update_state(self, *, has_plan: bool, has_zone: bool, stack: QUndoStack | None) -> None:
        """Enable what makes sense for the shown plan and the selected zone; undo/redo name their edit."""
        for action in (
            self.rect_action,
            self.polygon_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.north_action,
            self.export_pdf_action,
            self.export_png_action,
        ):
            action.setEnabled(has_plan)
        self.props_action.setEnabled(has_zone)
        self.delete_zone_action.setEnabled(has_zone)
        can_undo = stack is not None and stack.canUndo()
        can_redo = stack is not None and stack.canRedo()
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setToolTip(
            self.tr("撤销：{t}").format(t=stack.undoText()) if stack and can_undo else self.tr("撤销")
        )
        self.redo_action.setToolTip(
            self.tr("重做：{t}").format(t=stack.redoText()) if stack and can_redo else self.tr("重做")
        )
