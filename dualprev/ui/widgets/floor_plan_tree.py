"""The floor plans and, under each, its zones with their area, risk point count and colour."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from dualprev.domain import risk_map
from dualprev.services.floor_plan_service import FloorPlanInfo
from dualprev.services.map_zone_service import ZoneView
from dualprev.ui.widgets.risk_level_cell import paint_level

PLAN_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ZONE_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class FloorPlanTree(QTreeWidget):
    """Reports the user's choice (``picked``, ``zone_activated``); the page's own changes to the
    current item (``fill``, ``show_zone``) are not reported back."""

    class Col:
        NAME, AREA, POINTS, LEVEL = range(4)

    picked = Signal(int, object)
    """(plan id, zone id or None): the user made a plan or one of its zones current."""
    zone_activated = Signal(int)
    """A zone was double-clicked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._syncing = False
        self.setObjectName("plans_tree")
        self.setHeaderLabels(
            [self.tr("平面图 / 区块"), self.tr("对应区域"), self.tr("风险点"), self.tr("区块颜色")]
        )
        for column, width in enumerate((120, 76, 40)):
            self.setColumnWidth(column, width)
        self.currentItemChanged.connect(self._on_current_changed)
        self.itemDoubleClicked.connect(self._on_double_clicked)

    def fill(
        self,
        plans: list[FloorPlanInfo],
        zones: dict[int, list[ZoneView]],
        current_plan_id: int | None,
        selected_zone_ids: list[int],
    ) -> None:
        """Show ``plans`` and their ``zones``; the current plan (or its selected zone) is current."""
        self._syncing = True
        try:
            self.clear()
            current: QTreeWidgetItem | None = None
            selected = set(selected_zone_ids)
            for plan in plans:
                plan_item = QTreeWidgetItem(
                    self, [plan.name, self.tr("{w}×{h}").format(w=plan.width, h=plan.height)]
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
                if plan.id == current_plan_id:
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
                    if plan.id == current_plan_id and view.id in selected:
                        current = item
            self.expandAll()
            if current is not None:
                self.setCurrentItem(current)
        finally:
            self._syncing = False

    def show_zone(self, plan_id: int | None, zone_id: int | None) -> None:
        """Make the zone current (the plan itself when ``zone_id`` is not under it)."""
        root = self.invisibleRootItem()
        for i in range(root.childCount()):
            plan_item = root.child(i)
            if plan_item is None or plan_item.data(0, PLAN_ID_ROLE) != plan_id:
                continue
            target = plan_item
            for j in range(plan_item.childCount()):
                zone_item = plan_item.child(j)
                if zone_item is not None and zone_item.data(0, ZONE_ID_ROLE) == zone_id:
                    target = zone_item
            self._syncing = True
            try:
                self.setCurrentItem(target)
            finally:
                self._syncing = False

    def _on_current_changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if self._syncing or current is None:
            return
        plan_id = current.data(0, PLAN_ID_ROLE)
        zone_id = current.data(0, ZONE_ID_ROLE)
        if plan_id is not None:
            self.picked.emit(int(plan_id), int(zone_id) if zone_id is not None else None)

    def _on_double_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        zone_id = item.data(0, ZONE_ID_ROLE)
        if zone_id is not None:
            self.zone_activated.emit(int(zone_id))
