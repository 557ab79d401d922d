"""风险辨识评估: areas → risk points with their hazards, the editors, the library, copying, and a
filterable list of every hazard."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.hazard_list import HazardFilter, HazardSort
from dualprev.domain.risk import EvaluationMethod, RiskLevel, RiskPointKind
from dualprev.services import library_service, overview_service, scheme_service
from dualprev.services import organisation_service as org
from dualprev.services.changes import Entity
from dualprev.services.overview_service import RiskPointOverview
from dualprev.services.risks import accident_types as risk_accident_types
from dualprev.services.risks import copying as risk_copying
from dualprev.services.risks import hazard_list, risk_points
from dualprev.services.risks import hazards as risk_hazards
from dualprev.services.risks.hazard_list import HazardPage
from dualprev.services.risks.hazards import HazardInfo
from dualprev.services.risks.risk_points import RiskPointInfo
from dualprev.ui import messages, operations, tasks
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.copy_risk_point_dialog import CopyRiskPointDialog
from dualprev.ui.dialogs.hazard_dialog import HazardChoices, HazardDialog
from dualprev.ui.dialogs.library_dialog import LibraryDialog
from dualprev.ui.dialogs.risk_point_dialog import RiskPointDialog
from dualprev.ui.models.hazard_table_model import HazardColumn, HazardTableModel
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.column_fill import fill_column
from dualprev.ui.widgets.risk_level_cell import paint_level

NO_AREA = "未指定区域"
RISK_POINT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
AREA_ID_ROLE = Qt.ItemDataRole.UserRole + 2


def _hazard_view(parent: QWidget, name: str, model: HazardTableModel) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(24)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in (
        (HazardColumn.AREA, 100), (HazardColumn.RISK_POINT, 170), (HazardColumn.STEP, 120),
        (HazardColumn.DESCRIPTION, 260), (HazardColumn.ACCIDENT_TYPES, 100), (HazardColumn.METHOD, 56),
        (HazardColumn.SCORE, 50), (HazardColumn.INHERENT, 72), (HazardColumn.LEVEL, 72), (HazardColumn.TIER, 60),
    ):  # fmt: skip
        view.setColumnWidth(column, width)
    fill_column(view, HazardColumn.DESCRIPTION, 260)  # spare width to the hazard text, not 管控层级
    view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    return view


class RiskPage(Page):
    key = "risk"
    title = "风险辨识评估"
    shows = frozenset({Entity.RISK, Entity.ORGANISATION, Entity.SCHEME, Entity.SETTING})

    AREAS_TAB, HAZARD_LIST_TAB = range(2)

    class Col:
        NAME, CODE, KIND, DEPARTMENT, HAZARDS, LEVEL = range(6)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._points: dict[int, RiskPointOverview] = {}
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        toolbar = QHBoxLayout()
        self.add_point_btn = self._button("add_point_btn", self.tr("新增风险点"), toolbar)
        self.library_btn = self._button("library_btn", self.tr("从辨识库添加…"), toolbar)
        self.edit_point_btn = self._button("edit_point_btn", self.tr("编辑风险点"), toolbar)
        self.copy_point_btn = self._button("copy_point_btn", self.tr("复制到…"), toolbar)
        self.delete_point_btn = self._button("delete_point_btn", self.tr("删除风险点"), toolbar)
        toolbar.addStretch(1)
        layout.addLayout(toolbar)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("risk_tabs")
        layout.addWidget(self.tabs, 1)

        # 按区域: tree on the left, the chosen risk point's hazards on the right.
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("risk_splitter")
        self.risk_tree = QTreeWidget(splitter)
        self.risk_tree.setObjectName("risk_tree")
        self.risk_tree.setHeaderLabels(
            [self.tr("区域 / 风险点"), self.tr("编号"), self.tr("类型"), self.tr("责任单位"),
             self.tr("危险源"), self.tr("风险等级")]
        )  # fmt: skip
        for column, width in enumerate((170, 80, 60, 72, 44, 70)):
            self.risk_tree.setColumnWidth(column, width)
        fill_column(self.risk_tree, 0, 170)  # spare width to the names, not to the level band
        self.risk_tree.setAlternatingRowColors(True)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(4, 0, 0, 0)
        self.point_label = QLabel(right)
        self.point_label.setObjectName("point_label")
        self.point_label.setWordWrap(True)
        self.point_label.setTextFormat(Qt.TextFormat.RichText)
        right_layout.addWidget(self.point_label)
        self.point_hazards_model = HazardTableModel(self._query, self, show_location=False)
        self.point_hazards_view = _hazard_view(right, "point_hazards_view", self.point_hazards_model)
        for column in (HazardColumn.AREA, HazardColumn.RISK_POINT, HazardColumn.DEPARTMENT):
            self.point_hazards_view.setColumnHidden(column, True)
        right_layout.addWidget(self.point_hazards_view, 1)
        hazard_buttons = QHBoxLayout()
        self.add_hazard_btn = self._button("add_hazard_btn", self.tr("新增危险源"), hazard_buttons)
        self.edit_hazard_btn = self._button("edit_hazard_btn", self.tr("编辑/评价"), hazard_buttons)
        self.delete_hazard_btn = self._button("delete_hazard_btn", self.tr("删除危险源"), hazard_buttons)
        hazard_buttons.addStretch(1)
        right_layout.addLayout(hazard_buttons)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([590, 810])
        splitter.setChildrenCollapsible(False)
        self.tabs.addTab(splitter, self.tr("按区域"))

        # 危险源清单: every hazard, filtered and sorted in SQL.
        all_tab = QWidget(self)
        all_layout = QVBoxLayout(all_tab)
        filters = QHBoxLayout()
        self.area_filter = self._combo("area_filter_combo", all_tab)
        self.level_filter = self._combo("level_filter_combo", all_tab)
        self.method_filter = self._combo("method_filter_combo", all_tab)
        self.accident_filter = self._combo("accident_filter_combo", all_tab)
        self.keyword_edit = QLineEdit(all_tab)
        self.keyword_edit.setObjectName("keyword_edit")
        self.keyword_edit.setPlaceholderText(self.tr("关键词：危险源、步骤、风险点、后果"))
        self.keyword_edit.setClearButtonEnabled(True)
        for text, widget in (
            (self.tr("区域"), self.area_filter), (self.tr("等级"), self.level_filter),
            (self.tr("方法"), self.method_filter), (self.tr("事故类型"), self.accident_filter),
        ):  # fmt: skip
            filters.addWidget(QLabel(text, all_tab))
            filters.addWidget(widget)
        filters.addWidget(self.keyword_edit, 1)
        all_layout.addLayout(filters)
        self.count_label = QLabel(all_tab)
        self.count_label.setObjectName("count_label")
        all_layout.addWidget(self.count_label)
        self.hazards_model = HazardTableModel(self._query, self)
        self.hazards_view = _hazard_view(all_tab, "hazards_view", self.hazards_model)
        all_layout.addWidget(self.hazards_view, 1)
        self.tabs.addTab(all_tab, self.tr("危险源清单"))

        self.level_filter.addItem(self.tr("全部"), None)
        for level in RiskLevel:
            self.level_filter.addItem(level.label, int(level))
        self.method_filter.addItem(self.tr("全部"), None)
        for method in EvaluationMethod:
            self.method_filter.addItem(method.label, method.value)

        self.risk_tree.currentItemChanged.connect(self._on_tree_selection_changed)
        self.risk_tree.itemDoubleClicked.connect(lambda *_: self._on_edit_point())
        self.add_point_btn.clicked.connect(self._on_add_point)
        self.library_btn.clicked.connect(self._on_library)
        self.edit_point_btn.clicked.connect(self._on_edit_point)
        self.copy_point_btn.clicked.connect(self._on_copy_point)
        self.delete_point_btn.clicked.connect(self._on_delete_point)
        self.add_hazard_btn.clicked.connect(self._on_add_hazard)
        self.edit_hazard_btn.clicked.connect(lambda: self._on_edit_hazard(self.point_hazards_view))
        self.delete_hazard_btn.clicked.connect(self._on_delete_hazard)
        self.point_hazards_view.doubleClicked.connect(
            lambda _i: self._on_edit_hazard(self.point_hazards_view)
        )
        self.hazards_view.doubleClicked.connect(lambda _i: self._on_edit_hazard(self.hazards_view))
        for combo in (self.area_filter, self.level_filter, self.method_filter, self.accident_filter):
            combo.currentIndexChanged.connect(self._apply_filter)
        self.keyword_edit.textChanged.connect(self._apply_filter)
        self.point_hazards_model.modelReset.connect(self._update_buttons)
        self.point_hazards_view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.hazards_model.modelReset.connect(self._update_count)
        self.hazards_model.rowsInserted.connect(self._update_count)
        self._update_buttons()

    # --- building blocks ----------------------------------------------------------------------------

    def _button(self, name: str, text: str, layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        layout.addWidget(button)
        return button

    @staticmethod
    def _combo(name: str, parent: QWidget) -> QComboBox:
        combo = QComboBox(parent)
        combo.setObjectName(name)
        combo.setMinimumContentsLength(6)
        return combo

    def _query(
        self, flt: HazardFilter, sort: HazardSort, descending: bool, offset: int, limit: int
    ) -> HazardPage:
        return hazard_list.query_hazards(
            self.ctx.db, flt, sort=sort, descending=descending, offset=offset, limit=limit
        )

    # --- reading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        selected = self.selected_risk_point_id()
        points = overview_service.list_risk_points(self.ctx.db)
        area_levels = overview_service.area_levels(self.ctx.db)
        areas = org.list_areas(self.ctx.db)
        self._points = {p.id: p for p in points}
        area_ids = {a.id for a in areas}
        by_area: dict[int | None, list[RiskPointOverview]] = {}
        for point in points:
            by_area.setdefault(point.area_id if point.area_id in area_ids else None, []).append(point)
        self.risk_tree.blockSignals(True)
        self.risk_tree.clear()
        groups: list[tuple[str, int | None]] = [(a.name, a.id) for a in areas]
        if by_area.get(None):
            groups.append((NO_AREA, None))
        current: QTreeWidgetItem | None = None
        for name, area_id in groups:
            members = by_area.get(area_id, [])
            area_item = QTreeWidgetItem(self.risk_tree, [name])
            area_item.setData(0, AREA_ID_ROLE, area_id)
            area_item.setText(self.Col.HAZARDS, str(sum(p.hazard_count for p in members)))
            area_item.setTextAlignment(
                self.Col.HAZARDS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            font = area_item.font(0)
            font.setBold(True)
            area_item.setFont(0, font)
            paint_level(area_item, self.Col.LEVEL, area_levels.get(area_id) if members else None,
                        self.tr("无风险点") if not members else self.tr("未评价"))  # fmt: skip
            for point in members:
                item = QTreeWidgetItem(area_item, [point.name, point.code, point.kind.label, point.department_name,
                                                   str(point.hazard_count)])  # fmt: skip
                item.setData(0, RISK_POINT_ID_ROLE, point.id)
                item.setData(0, AREA_ID_ROLE, area_id)
                item.setTextAlignment(
                    self.Col.HAZARDS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                paint_level(item, self.Col.LEVEL, point.level,
                            self.tr("未辨识危险源") if not point.hazard_count else self.tr("未评价"))  # fmt: skip
                if point.id == selected:
                    current = item
        self.risk_tree.expandAll()
        self.risk_tree.blockSignals(False)
        if current is not None:
            self.risk_tree.setCurrentItem(current)
        self._on_tree_selection_changed()
        counts = {level: sum(1 for p in points if p.level == level) for level in RiskLevel}
        parts = "，".join(f"{level.label} {counts[level]}" for level in RiskLevel)
        self.summary_label.setText(
            self.tr(
                "共 {areas} 个区域、{points} 个风险点、{hazards} 条危险源。风险点按现有风险从严从高：{parts}。"
            ).format(
                areas=len(areas), points=len(points), hazards=sum(p.hazard_count for p in points), parts=parts
            )
        )
        self._reload_filters(areas)
        self._apply_filter()

    def _reload_filters(self, areas: list[org.AreaInfo]) -> None:
        area_id = self.area_filter.currentData()
        accident_id = self.accident_filter.currentData()
        for combo in (self.area_filter, self.accident_filter):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("全部"), None)
        for area in areas:
            self.area_filter.addItem(area.name, area.id)
        for option in risk_accident_types.accident_type_options(self.ctx.db):
            self.accident_filter.addItem(option.name, option.id)
        for combo, value in ((self.area_filter, area_id), (self.accident_filter, accident_id)):
            combo.setCurrentIndex(max(combo.findData(value), 0) if value is not None else 0)
            combo.blockSignals(False)

    def current_filter(self) -> HazardFilter:
        level = self.level_filter.currentData()
        method = self.method_filter.currentData()
        return HazardFilter(
            area_id=self.area_filter.currentData(),
            level=RiskLevel(level) if level is not None else None,
            method=EvaluationMethod(method) if method else None,
            accident_type_id=self.accident_filter.currentData(),
            keyword=self.keyword_edit.text().strip(),
        )

    def _apply_filter(self) -> None:
        self.hazards_model.set_filter(self.current_filter())

    def focus_level(self, level: RiskLevel | None) -> None:
        """Show the 危险源清单 with only the hazards of ``level`` (None: all levels); the other
        filters are cleared, so the list shows exactly what the asking page counted."""
        self.refresh_if_stale()
        combos = (self.area_filter, self.level_filter, self.method_filter, self.accident_filter)
        for widget in (*combos, self.keyword_edit):
            widget.blockSignals(True)
        for combo in combos:
            combo.setCurrentIndex(0)
        if level is not None:
            self.level_filter.setCurrentIndex(max(self.level_filter.findData(int(level)), 0))
        self.keyword_edit.clear()
        for widget in (*combos, self.keyword_edit):
            widget.blockSignals(False)
        self.tabs.setCurrentIndex(self.HAZARD_LIST_TAB)
        self._apply_filter()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("符合条件的危险源 {total} 条（已载入 {loaded} 条，滚动载入更多）").format(
                total=self.hazards_model.total, loaded=self.hazards_model.rowCount()
            )
            if self.hazards_model.rowCount() < self.hazards_model.total
            else self.tr("符合条件的危险源 {total} 条").format(total=self.hazards_model.total)
        )

    def selected_risk_point_id(self) -> int | None:
        item = self.risk_tree.currentItem()
        value = item.data(0, RISK_POINT_ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def select_risk_point(self, risk_point_id: int) -> bool:
        for i in range(self.risk_tree.topLevelItemCount()):
            area_item = self.risk_tree.topLevelItem(i)
            if area_item is None:
                continue
            for j in range(area_item.childCount()):
                child = area_item.child(j)
                if child is not None and child.data(0, RISK_POINT_ID_ROLE) == risk_point_id:
                    self.risk_tree.setCurrentItem(child)
                    return True
        return False

    def _selected_area_id(self) -> int | None:
        item = self.risk_tree.currentItem()
        value = item.data(0, AREA_ID_ROLE) if item is not None else None
        return int(value) if value is not None else None

    def _on_tree_selection_changed(self, *_args: Any) -> None:
        point_id = self.selected_risk_point_id()
        point = self._points.get(point_id) if point_id is not None else None
        if point is None:
            self.point_label.setText(
                self.tr("选择左侧的风险点查看和评价其危险源；选择区域后可在该区域新增风险点或从辨识库添加。")
            )
            self.point_hazards_model.clear()
        else:
            level = point.level
            badge = (
                f"<span style='background:{level.colour.hex};color:"
                f"{'#FFFFFF' if level.colour.text_rgb == (255, 255, 255) else '#000000'};'>&nbsp;{level.label}&nbsp;</span>"
                if level is not None
                else self.tr("未评价")
            )
            method_hint = (
                self.tr("作业活动按作业步骤（JHA）辨识")
                if point.kind is RiskPointKind.ACTIVITY
                else self.tr("{kind}按检查项目（SCL）辨识").format(kind=point.kind.label)
            )
            self.point_label.setText(
                f"<b>{point.code} {point.name}</b>　{point.kind.label}　{point.area_name or NO_AREA}　"
                f"{point.department_name}　{badge}<br><span style='color:#555'>{method_hint}</span>"
            )
            self.point_hazards_model.set_filter(HazardFilter(risk_point_id=point.id))
        self._update_buttons()

    def _update_buttons(self, *_args: Any) -> None:
        has_point = self.selected_risk_point_id() is not None
        for button in (self.edit_point_btn, self.copy_point_btn, self.delete_point_btn, self.add_hazard_btn):
            button.setEnabled(has_point)
        has_hazard = bool(self.point_hazards_view.selectionModel().selectedRows())
        self.edit_hazard_btn.setEnabled(has_hazard)
        self.delete_hazard_btn.setEnabled(has_hazard)

    # --- writing ------------------------------------------------------------------------------------

    def _write(self, action: Callable[[], Any]) -> Any:
        """Run one service write; show an expected error (returns None), or announce the change."""
        result = operations.write(self, self.ctx.events, action)
        if result is FAILED:
            return None
        return result if result is not None else True

    def _organisation(
        self,
    ) -> tuple[list[org.AreaInfo], list[org.DepartmentInfo], list[org.PersonInfo], list[org.PostInfo]]:
        db = self.ctx.db
        return org.list_areas(db), org.list_departments(db), org.list_people(db), org.list_posts(db)

    def _on_add_point(self) -> None:
        areas, departments, people, posts = self._organisation()
        area_id = self._selected_area_id()
        area = next((a for a in areas if a.id == area_id), None)
        draft = RiskPointInfo(
            name="",
            kind=RiskPointKind.EQUIPMENT,
            area_id=area_id,
            department_id=area.department_id if area else None,
        )
        db = self.ctx.db
        info = RiskPointDialog.edit(
            self,
            draft,
            areas,
            departments,
            people,
            posts,
            today=self.ctx.today(),
            suggest_code=lambda area_id: risk_points.suggest_code(db, area_id),
        )
        if info is None:
            return
        new_id = self._write(
            lambda: risk_points.save_risk_point(
                self.ctx.db, info, actor=self.ctx.actor(), today=self.ctx.today()
            )
        )
        if isinstance(new_id, int):
            self.refresh_if_stale()
            self.select_risk_point(new_id)
            self.show_status(self.tr("已新增风险点“{name}”，请继续辨识其危险源").format(name=info.name))

    def _on_edit_point(self) -> None:
        point_id = self.selected_risk_point_id()
        if point_id is None:
            return
        current = operations.attempt(self, lambda: risk_points.get_risk_point(self.ctx.db, point_id))
        if current is FAILED:
            return
        areas, departments, people, posts = self._organisation()
        info = RiskPointDialog.edit(self, current, areas, departments, people, posts, today=self.ctx.today())
        if info is not None and self._write(
            lambda: risk_points.save_risk_point(
                self.ctx.db, info, actor=self.ctx.actor(), today=self.ctx.today()
            )
        ):
            self.show_status(self.tr("风险点已保存"))

    def _on_copy_point(self) -> None:
        point_id = self.selected_risk_point_id()
        point = self._points.get(point_id) if point_id is not None else None
        if point is None:
            return
        areas, _departments, _people, posts = self._organisation()
        target = CopyRiskPointDialog.choose(self, point.name, point.area_id, point.hazard_count, areas, posts)
        if target is None:
            return
        new_id = self._write(
            lambda: risk_copying.copy_risk_point(
                self.ctx.db, point.id, area_id=target.area_id, post_ids=target.post_ids, name=target.name,
                actor=self.ctx.actor(),
            )
        )  # fmt: skip
        if isinstance(new_id, int):
            self.refresh_if_stale()
            self.select_risk_point(new_id)
            self.show_status(self.tr("已复制为“{name}”，请按新位置调整").format(name=target.name))

    def _on_delete_point(self) -> None:
        point_id = self.selected_risk_point_id()
        point = self._points.get(point_id) if point_id is not None else None
        if point is None:
            return
        if not messages.confirm(
            self,
            self.tr("删除风险点“{name}”及其 {n} 条危险源、管控措施和评价记录？\n"
                    "由它生成的排查项一并删除；已登记的隐患保留，但不再关联此风险点。").format(
                name=point.name, n=point.hazard_count
            ),
            action=self.tr("删除"),
        ):  # fmt: skip
            return
        if self._write(lambda: risk_points.delete_risk_point(self.ctx.db, point.id, actor=self.ctx.actor())):
            self.show_status(self.tr("风险点已删除"))

    def _on_library(self) -> None:
        areas, _departments, _people, posts = self._organisation()
        vocabulary = risk_accident_types.vocabulary(self.ctx.db)
        choice = LibraryDialog.choose(self, areas, posts, self._selected_area_id(), vocabulary)
        if choice is None:
            return
        db, actor, today = self.ctx.db, self.ctx.actor(), self.ctx.today()
        tasks.run_in_background(
            self,
            self.tr("正在从辨识库添加…"),
            lambda: library_service.import_entries(
                db, choice.keys, area_id=choice.area_id, post_ids=choice.post_ids,
                assessor_name=actor, evaluated_on=today, actor=actor,
            ),
            self._on_library_added,
        )  # fmt: skip

    def _on_library_added(self, ids: list[int]) -> None:
        if ids:
            self.refresh_if_stale()
            self.select_risk_point(ids[0])
            self.show_status(self.tr("已从辨识库添加 {n} 个风险点，请结合现场复核评价").format(n=len(ids)))

    def _hazard_choices(self) -> HazardChoices:
        db = self.ctx.db
        return HazardChoices(
            schemes=scheme_service.active_schemes(db),
            tier_table=scheme_service.tier_table(db),
            direct_items=scheme_service.direct_judgement_items(db),
            accident_types=risk_accident_types.accident_type_options(db),
            departments=org.list_departments(db),
            people=org.list_people(db),
            assessor=self.ctx.actor(),
            today=self.ctx.today(),
        )

    def _on_add_hazard(self) -> None:
        point_id = self.selected_risk_point_id()
        point = self._points.get(point_id) if point_id is not None else None
        if point is None:
            return
        # A new hazard's 责任单位/责任人 start as its risk point's.
        owner = operations.attempt(self, lambda: risk_points.get_risk_point(self.ctx.db, point.id))
        if owner is FAILED:
            return
        defaults = HazardInfo(
            risk_point_id=point.id,
            description="",
            responsible_department_id=owner.department_id,
            responsible_person_id=owner.responsible_person_id,
        )
        edit = HazardDialog.edit(self, point.id, point.kind, None, self._hazard_choices(), defaults=defaults)
        if edit is None:
            return
        if self._write(
            lambda: risk_hazards.save_hazard(
                self.ctx.db, edit.info, actor=self.ctx.actor(), evaluations=edit.evaluations
            )
        ):
            self.show_status(self.tr("危险源已保存"))

    def _selected_hazard(self, view: QTableView) -> tuple[int, int] | None:
        rows = view.selectionModel().selectedRows()
        index: QModelIndex = rows[0] if rows else view.currentIndex()
        if not index.isValid():
            return None
        model = view.model()
        assert isinstance(model, HazardTableModel)
        record = model.record(index.row())
        return record.id, record.risk_point_id

    def _on_edit_hazard(self, view: QTableView) -> None:
        chosen = self._selected_hazard(view)
        if chosen is None:
            return
        hazard_id, point_id = chosen
        db = self.ctx.db
        loaded = operations.attempt(
            self, lambda: (risk_hazards.get_hazard(db, hazard_id), risk_points.get_risk_point(db, point_id))
        )
        if loaded is FAILED:
            return
        detail, point = loaded
        edit = HazardDialog.edit(self, point_id, point.kind, detail, self._hazard_choices())
        if edit is None:
            return
        if self._write(
            lambda: risk_hazards.save_hazard(
                self.ctx.db, edit.info, actor=self.ctx.actor(), evaluations=edit.evaluations
            )
        ):
            self.show_status(self.tr("危险源已保存"))

    def _on_delete_hazard(self) -> None:
        chosen = self._selected_hazard(self.point_hazards_view)
        if chosen is None:
            return
        hazard_id, _point_id = chosen
        row = self.point_hazards_model.record(self.point_hazards_model.row_of(hazard_id))
        if not messages.confirm(
            self,
            self.tr("删除危险源“{text}”及其管控措施和评价记录？").format(text=row.description[:40]),
            action=self.tr("删除"),
        ):
            return
        if self._write(lambda: risk_hazards.delete_hazard(self.ctx.db, hazard_id, actor=self.ctx.actor())):
            self.show_status(self.tr("危险源已删除"))
