"""四色分布图: the floor plans and the zones drawn on them, each with the colour it is painted in."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from dualprev.services import overview_service
from dualprev.ui.context import AppContext
from dualprev.ui.pages.page import Page
from dualprev.ui.pages.risk_page import paint_level


class RiskMapPage(Page):
    key = "risk_map"
    title = "四色分布图"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.plans_tree = QTreeWidget(self)
        self.plans_tree.setObjectName("plans_tree")
        self.plans_tree.setHeaderLabels(
            [self.tr("平面图 / 区块"), self.tr("对应区域"), self.tr("风险点数"), self.tr("区块颜色")]
        )
        for column, width in enumerate((300, 160, 80)):
            self.plans_tree.setColumnWidth(column, width)
        layout.addWidget(self.plans_tree)
        hint = QLabel(
            self.tr(
                "区块按其区域及关联风险点中最高的风险等级着色：红（重大）、橙（较大）、黄（一般）、蓝（低）。"
            ),
            self,
        )
        hint.setObjectName("hint_label")
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def reload(self) -> None:
        plans = overview_service.list_floor_plans(self.ctx.db)
        self.plans_tree.clear()
        for plan in plans:
            plan_item = QTreeWidgetItem(
                self.plans_tree, [plan.name, self.tr("{w} × {h} 像素").format(w=plan.width, h=plan.height)]
            )
            font = plan_item.font(0)
            font.setBold(True)
            plan_item.setFont(0, font)
            levels = [z.level for z in plan.zones if z.level is not None]
            paint_level(plan_item, 3, min(levels) if levels else None, self.tr("无已评价区块"))
            for zone in plan.zones:
                item = QTreeWidgetItem(plan_item, [zone.name, zone.area_name, str(zone.risk_point_count)])
                item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                paint_level(item, 3, zone.level, self.tr("未着色（无已评价风险点）"))
        self.plans_tree.expandAll()
        zones = sum(len(p.zones) for p in plans)
        if plans:
            self.summary_label.setText(self.tr("共 {p} 张平面图，{z} 个区块。").format(p=len(plans), z=zones))
        else:
            self.summary_label.setText(self.tr("本企业还没有平面图，因此没有可着色的区块。"))
