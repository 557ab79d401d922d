"""风险辨识评估: areas → risk points, with each risk point's level and number of hazards."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from dualprev.domain.risk import RiskLevel
from dualprev.services import organisation_service as org
from dualprev.services import overview_service
from dualprev.services.overview_service import RiskPointOverview
from dualprev.ui.context import AppContext
from dualprev.ui.pages.page import Page

NO_AREA = "未指定区域"


def paint_level(item: QTreeWidgetItem, column: int, level: RiskLevel | None, empty_text: str) -> None:
    """Write the level's name in ``column`` on its colour (低风险 blue)."""
    if level is None:
        item.setText(column, empty_text)
        item.setForeground(column, QBrush(QColor(110, 110, 110)))
        return
    item.setText(column, level.label)
    item.setBackground(column, QBrush(QColor(level.colour.hex)))
    item.setForeground(column, QBrush(QColor(*level.colour.text_rgb)))
    item.setTextAlignment(column, Qt.AlignmentFlag.AlignCenter)


class RiskPage(Page):
    key = "risk"
    title = "风险辨识评估"

    class Col:
        NAME, CODE, KIND, DEPARTMENT, HAZARDS, LEVEL = range(6)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.risk_tree = QTreeWidget(self)
        self.risk_tree.setObjectName("risk_tree")
        self.risk_tree.setHeaderLabels(
            [self.tr("区域 / 风险点"), self.tr("编号"), self.tr("类型"), self.tr("责任部门"),
             self.tr("危险源数"), self.tr("风险等级")]
        )  # fmt: skip
        for column, width in enumerate((300, 90, 90, 120, 80)):
            self.risk_tree.setColumnWidth(column, width)
        self.risk_tree.setAlternatingRowColors(True)
        layout.addWidget(self.risk_tree)

    def reload(self) -> None:
        points = overview_service.list_risk_points(self.ctx.db)
        areas = org.list_areas(self.ctx.db)
        by_area: dict[int | None, list[RiskPointOverview]] = {}
        for point in points:
            by_area.setdefault(point.area_id if point.area_id in {a.id for a in areas} else None, []).append(
                point
            )
        self.risk_tree.clear()
        groups: list[tuple[str, int | None]] = [(a.name, a.id) for a in areas]
        if by_area.get(None):
            groups.append((NO_AREA, None))
        for name, area_id in groups:
            members = by_area.get(area_id, [])
            area_item = QTreeWidgetItem(self.risk_tree, [name])
            area_item.setText(self.Col.HAZARDS, str(sum(p.hazard_count for p in members)))
            area_item.setTextAlignment(
                self.Col.HAZARDS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            font = area_item.font(0)
            font.setBold(True)
            area_item.setFont(0, font)
            levels = [p.level for p in members if p.level is not None]
            paint_level(area_item, self.Col.LEVEL, min(levels) if levels else None,
                        self.tr("无风险点") if not members else self.tr("未评价"))  # fmt: skip
            for point in members:
                item = QTreeWidgetItem(area_item, [point.name, point.code, point.kind.label, point.department_name,
                                                   str(point.hazard_count)])  # fmt: skip
                item.setTextAlignment(
                    self.Col.HAZARDS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                paint_level(item, self.Col.LEVEL, point.level,
                            self.tr("未辨识危险源") if not point.hazard_count else self.tr("未评价"))  # fmt: skip
        self.risk_tree.expandAll()
        counts = {level: sum(1 for p in points if p.level == level) for level in RiskLevel}
        parts = "，".join(f"{level.label} {counts[level]}" for level in RiskLevel)
        self.summary_label.setText(
            self.tr("共 {areas} 个区域、{points} 个风险点、{hazards} 条危险源。{parts}。").format(
                areas=len(areas), points=len(points), hazards=sum(p.hazard_count for p in points), parts=parts
            )
        )
