"""首页: the state of the two mechanisms at a glance — risk points by level, hidden dangers by status,
整改率 this month, checks due today and overdue, hidden dangers overdue or due within three days,
post risk cards to reprint, the last six months and what happened lately. Every figure and line
is a click away in the filtered list it counts (the target page's own focus method does the
filtering, so this page only knows page keys and what to ask for)."""

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.hidden_danger import DUE_SOON_DAYS, HiddenDangerLevel, HiddenDangerStatus
from dualprev.domain.risk import RiskLevel
from dualprev.services import dashboard_service, post_card_service
from dualprev.services import hidden_danger_service as hs
from dualprev.services.checks import tasks as check_tasks
from dualprev.services.checks.tasks import TaskRow, TaskScope
from dualprev.services.dashboard_service import Activity, ActivityKind, DashboardFigures
from dualprev.services.hidden_danger_service import LedgerFilter, LedgerResult, LedgerRow
from dualprev.services.info_service import database_info
from dualprev.services.post_card_service import ReprintNeed
from dualprev.ui import operations
from dualprev.ui.context import AppContext
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.ledger_page import LedgerFocus
from dualprev.ui.pages.page import Page
from dualprev.ui.widgets.dashboard_chart import MonthBar, MonthlyChart
from dualprev.ui.widgets.dashboard_tile import DashboardLink, DashboardTile
from dualprev.ui.widgets.hidden_danger_style import (
    DUE_SOON_COLOUR,
    OVERDUE_COLOUR,
    STATUS_COLOURS,
    deadline_text,
    local_time,
)
from dualprev.ui.widgets.level_bar import LevelBar

DEADLINE_LIST_LIMIT = 50
TASK_LIST_LIMIT = 30
DEADLINE_COLUMNS = ("隐患编号", "隐患描述", "整改期限", "逾期/剩余", "整改责任人")
TASK_COLUMNS = ("应完成日期", "状态", "排查计划", "负责人")
ACTIVITY_COLUMNS = ("时间", "人员", "事项")
REPRINT_COLUMNS = ("岗位", "部门", "上次打印", "变化的内容")
TREE_MAX_HEIGHT = 190
"""Lists scroll inside themselves, so the whole dashboard fits a laptop screen with little scrolling."""
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2
GOOD_COLOUR = "#2E7D32"

COUNT_LABELS = (
    ("areas", "区域"),
    ("posts", "岗位"),
    ("risk_points", "风险点"),
    ("hazards", "危险源"),
    ("control_measures", "管控措施"),
    ("hidden_dangers", "隐患"),
    ("check_records", "排查记录"),
)
COUNT_TARGETS = {
    "areas": "enterprise",
    "posts": "post_cards",
    "risk_points": "risk",
    "hazards": "risk",
    "control_measures": "risk",
    "hidden_dangers": "ledger",
    "check_records": "checks",
}


def _swatch(level: RiskLevel) -> QLabel:
    label = QLabel()
    label.setFixedSize(14, 14)
    label.setStyleSheet(f"background: {level.colour.hex}; border: 1px solid #555;")
    return label


def _tree(parent: QWidget, name: str, headings: tuple[str, ...], stretch: int, tooltip: str) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setObjectName(name)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setMinimumHeight(120)
    tree.setMaximumHeight(TREE_MAX_HEIGHT)
    tree.setHeaderLabels(list(headings))
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    tree.setCursor(Qt.CursorShape.PointingHandCursor)
    tree.setToolTip(tooltip)
    return tree


def _placeholder(tree: QTreeWidget, text: str, column: int = 1, colour: str = GOOD_COLOUR) -> None:
    item = QTreeWidgetItem(tree, [""] * tree.columnCount())
    item.setText(column, text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    item.setForeground(column, QBrush(QColor(colour)))


class HomePage(Page):
    key = "home"
    title = "首页"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._figures: DashboardFigures | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setObjectName("home_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        body.setObjectName("home_body")
        scroll.setWidget(body)
        layout = QVBoxLayout(body)

        head = QHBoxLayout()
        self.enterprise_label = QLabel(body)
        self.enterprise_label.setObjectName("enterprise_label")
        self.enterprise_label.setStyleSheet("font-size: 20px; font-weight: bold;")
        head.addWidget(self.enterprise_label)
        head.addStretch(1)
        self.date_label = QLabel(body)
        self.date_label.setObjectName("date_label")
        head.addWidget(self.date_label)
        layout.addLayout(head)

        layout.addWidget(self._build_counts_box(body))
        first = QHBoxLayout()
        first.addWidget(self._build_risk_box(body), 1)
        first.addWidget(self._build_danger_box(body), 1)
        layout.addLayout(first)
        second = QHBoxLayout()
        second.addWidget(self._build_checks_box(body), 1)
        second.addWidget(self._build_activity_box(body), 1)
        layout.addLayout(second)
        layout.addWidget(self._build_deadlines_box(body))
        third = QHBoxLayout()
        third.addWidget(self._build_trend_box(body), 1)
        third.addWidget(self._build_reprint_box(body), 1)
        layout.addLayout(third)
        layout.addStretch(1)

    # --- building -----------------------------------------------------------------------------------

    def _build_counts_box(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("基础数据"), body)
        box.setObjectName("counts_box")
        row = QHBoxLayout(box)
        self.count_tiles: dict[str, DashboardTile] = {}
        self.count_labels: dict[str, QLabel] = {}
        for key, text in COUNT_LABELS:
            tile = DashboardTile(f"{key}_count", self.tr(text), box)
            tile.set_clickable(True, self.tr("单击查看"))
            tile.clicked.connect(lambda k=key: self._open_count(k))
            row.addWidget(tile)
            self.count_tiles[key] = tile
            self.count_labels[key] = tile.number_label
        return box

    def _build_risk_box(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("风险点分级（按危险源现有风险从严从高）"), body)
        box.setObjectName("risk_box")
        layout = QVBoxLayout(box)
        self.level_bar = LevelBar(box)
        layout.addWidget(self.level_bar)
        legend = QHBoxLayout()
        self.level_labels: dict[RiskLevel, DashboardLink] = {}
        for level in RiskLevel:
            legend.addWidget(_swatch(level))
            text = DashboardLink(parent=box)
            text.setObjectName(f"level_{level.colour.key}_label")
            text.setToolTip(self.tr("单击查看{level}的危险源").format(level=level.label))
            text.clicked.connect(lambda lv=level: self.open_risk_level(lv))
            legend.addWidget(text)
            legend.addSpacing(12)
            self.level_labels[level] = text
        self.unevaluated_label = QLabel(box)
        self.unevaluated_label.setObjectName("unevaluated_label")
        legend.addWidget(self.unevaluated_label)
        legend.addStretch(1)
        layout.addLayout(legend)
        layout.addStretch(1)
        return box

    def _build_danger_box(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("隐患排查治理"), body)
        box.setObjectName("danger_box")
        layout = QVBoxLayout(box)
        grid = QGridLayout()
        self.status_tiles: dict[HiddenDangerStatus, DashboardTile] = {}
        self.status_labels: dict[HiddenDangerStatus, QLabel] = {}
        for column, status in enumerate(HiddenDangerStatus):
            tile = DashboardTile(f"status_{status.value}", status.label, box, size=18)
            tile.set_clickable(True, self.tr("单击在隐患台账中查看“{s}”的隐患").format(s=status.label))
            tile.clicked.connect(lambda st=status: self.open_ledger(LedgerFilter(statuses=(st,))))
            grid.addWidget(tile, 0, column)
            self.status_tiles[status] = tile
            self.status_labels[status] = tile.number_label
        self.rate_tile = DashboardTile("rate", self.tr("本月整改率"), box, size=18)
        self.rate_tile.set_clickable(True, self.tr("单击在隐患台账中查看本月发现的隐患"))
        self.rate_tile.clicked.connect(self._open_this_month)
        grid.addWidget(self.rate_tile, 0, len(HiddenDangerStatus))
        layout.addLayout(grid)
        self.rate_label = QLabel(box)
        self.rate_label.setObjectName("rate_label")
        self.rate_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.rate_label)
        self.overdue_label = DashboardLink(parent=box)
        self.overdue_label.setObjectName("overdue_label")
        self.overdue_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.overdue_label.clicked.connect(lambda: self.open_ledger(LedgerFilter(overdue_only=True)))
        layout.addWidget(self.overdue_label)
        return box

    def _build_checks_box(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("隐患排查任务"), body)
        box.setObjectName("checks_box")
        layout = QVBoxLayout(box)
        tiles = QHBoxLayout()
        self.due_today_tile = DashboardTile("due_today", self.tr("今日到期"), box, size=18)
        self.overdue_checks_tile = DashboardTile("overdue_checks", self.tr("逾期未查"), box, size=18)
        self.upcoming_tile = DashboardTile("upcoming_checks", self.tr("近期待查"), box, size=18)
        self.month_checks_tile = DashboardTile("month_checks", self.tr("本月已排查"), box, size=18)
        for tile, scope in (
            (self.due_today_tile, TaskScope.TODAY),
            (self.overdue_checks_tile, TaskScope.OVERDUE),
            (self.upcoming_tile, TaskScope.UPCOMING),
        ):
            tile.set_clickable(True, self.tr("单击查看排查任务"))
            tile.clicked.connect(lambda sc=scope: self.open_checks(sc))
            tiles.addWidget(tile)
        self.month_checks_tile.set_clickable(True, self.tr("单击查看排查记录"))
        self.month_checks_tile.clicked.connect(lambda: self._go("checks", "show_records"))
        tiles.addWidget(self.month_checks_tile)
        layout.addLayout(tiles)
        self.tasks_tree = _tree(box, "tasks_tree", TASK_COLUMNS, 2, self.tr("单击到“隐患排查”记录或打印清单"))
        self.tasks_tree.itemClicked.connect(self._on_task_item)
        self.tasks_tree.itemActivated.connect(self._on_task_item)
        layout.addWidget(self.tasks_tree)
        layout.addStretch(1)
        return box

    def _build_activity_box(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("最近动态"), body)
        box.setObjectName("activity_box")
        layout = QVBoxLayout(box)
        self.activity_tree = _tree(box, "activity_tree", ACTIVITY_COLUMNS, 2, self.tr("单击查看"))
        self.activity_tree.itemClicked.connect(self._on_activity_item)
        self.activity_tree.itemActivated.connect(self._on_activity_item)
        layout.addWidget(self.activity_tree)
        layout.addStretch(1)
        return box

    def _build_deadlines_box(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("整改期限提醒"), body)
        box.setObjectName("deadlines_box")
        row = QHBoxLayout(box)
        self.overdue_tree, self.overdue_title_label, self.all_overdue_btn = self._deadline_column(
            box, row, "overdue", self.tr("查看全部逾期")
        )
        self.due_soon_tree, self.due_soon_title_label, self.all_due_soon_btn = self._deadline_column(
            box, row, "due_soon", self.tr("查看全部临期")
        )
        self.all_overdue_btn.clicked.connect(lambda: self.open_ledger(LedgerFilter(overdue_only=True)))
        self.all_due_soon_btn.clicked.connect(
            lambda: self.open_ledger(LedgerFilter(due_within_days=DUE_SOON_DAYS))
        )
        self.overdue_tree.itemActivated.connect(self._on_overdue_item)
        self.overdue_tree.itemClicked.connect(self._on_overdue_item)
        self.due_soon_tree.itemActivated.connect(self._on_due_soon_item)
        self.due_soon_tree.itemClicked.connect(self._on_due_soon_item)
        return box

    def _deadline_column(
        self, box: QGroupBox, row: QHBoxLayout, key: str, button_text: str
    ) -> tuple[QTreeWidget, QLabel, QPushButton]:
        column = QVBoxLayout()
        head = QHBoxLayout()
        title = QLabel(box)
        title.setObjectName(f"{key}_title_label")
        title.setStyleSheet("font-weight: bold;")
        head.addWidget(title)
        head.addStretch(1)
        button = QPushButton(button_text, box)
        button.setObjectName(f"all_{key}_btn")
        head.addWidget(button)
        column.addLayout(head)
        tree = _tree(
            box,
            f"{key}_tree",
            tuple(self.tr(t) for t in DEADLINE_COLUMNS),
            1,
            self.tr("单击在隐患台账中查看"),
        )
        column.addWidget(tree)
        row.addLayout(column, 1)
        return tree, title, button

    def _build_trend_box(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("近6个月隐患发现与销号"), body)
        box.setObjectName("trend_box")
        layout = QVBoxLayout(box)
        self.trend_chart = MonthlyChart(box)
        self.trend_chart.month_clicked.connect(self._on_month_clicked)
        layout.addWidget(self.trend_chart)
        return box

    def _build_reprint_box(self, body: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("需重新打印的岗位告知卡"), body)
        box.setObjectName("reprint_box")
        layout = QVBoxLayout(box)
        self.reprint_label = QLabel(box)
        self.reprint_label.setObjectName("reprint_label")
        self.reprint_label.setWordWrap(True)
        layout.addWidget(self.reprint_label)
        self.reprint_tree = _tree(
            box, "reprint_tree", REPRINT_COLUMNS, 3, self.tr("单击到“岗位告知卡”重新打印")
        )
        self.reprint_tree.itemClicked.connect(self._on_reprint_item)
        self.reprint_tree.itemActivated.connect(self._on_reprint_item)
        layout.addWidget(self.reprint_tree)
        return box

    # --- loading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        today = self.ctx.today()
        db = self.ctx.db
        actor = self.ctx.actor()
        loaded = operations.attempt(
            self,
            lambda: (
                check_tasks.generate_tasks(db, today=today, actor=actor),
                database_info(db, today=today),
                dashboard_service.dashboard(db, today=today),
            ),
        )
        if loaded is FAILED:
            return
        _generated, info, figures = loaded
        self._figures = figures
        self.enterprise_label.setText(info.enterprise)
        self.date_label.setText(
            self.tr("今天是 {date}").format(date=f"{today.year}年{today.month}月{today.day}日")
        )
        for key, tile in self.count_tiles.items():
            tile.set_number(str(info.counts.get(key, 0)))
        self.level_bar.set_counts(info.risk_levels)
        for level, label in self.level_labels.items():
            label.setText(f"{level.label} {info.risk_levels.get(level, 0)}")
        self.unevaluated_label.setText(self.tr("未评价 {n}").format(n=info.unevaluated_risk_points))
        self.unevaluated_label.setVisible(info.unevaluated_risk_points > 0)
        for status, tile in self.status_tiles.items():
            n = info.hidden_danger_status.get(status, 0)
            tile.set_number(str(n), STATUS_COLOURS[status] if n else "#222222")
        self._fill_rate(figures)
        overdue = info.overdue_hidden_dangers
        if overdue:
            self.overdue_label.setText(
                self.tr("逾期未整改的隐患：{n} 条，请到“隐患台账”督促整改").format(n=overdue)
            )
            self.overdue_label.setStyleSheet(f"color: {OVERDUE_COLOUR}; font-weight: bold;")
        else:
            self.overdue_label.setText(self.tr("没有逾期未整改的隐患"))
            self.overdue_label.setStyleSheet(f"color: {GOOD_COLOUR};")
        self._fill_checks(figures, today)
        self._fill_activity(figures.recent)
        self._fill_deadlines()
        self.trend_chart.set_bars([MonthBar(m.label, m.found, m.closed) for m in figures.months])
        self._fill_reprints()

    def _fill_rate(self, figures: DashboardFigures) -> None:
        rate = figures.month_rate
        colour = "#222222" if rate is None else (GOOD_COLOUR if rate >= 80 else DUE_SOON_COLOUR)
        self.rate_tile.set_number(figures.month_rate_text, colour)
        if figures.month_found:
            self.rate_label.setText(
                self.tr("本月（{m}月）发现隐患 {f} 条，已整改销号 {c} 条").format(
                    m=figures.month_start.month, f=figures.month_found, c=figures.month_closed
                )
            )
        else:
            self.rate_label.setText(self.tr("本月（{m}月）尚未发现隐患").format(m=figures.month_start.month))

    def _fill_checks(self, figures: DashboardFigures, today: date) -> None:
        counts = figures.tasks
        self.due_today_tile.set_number(
            str(counts.due_today), DUE_SOON_COLOUR if counts.due_today else "#222222"
        )
        self.overdue_checks_tile.set_number(
            str(counts.overdue), OVERDUE_COLOUR if counts.overdue else GOOD_COLOUR
        )
        self.upcoming_tile.set_number(str(counts.upcoming))
        self.month_checks_tile.set_number(str(figures.month_checks))
        db = self.ctx.db
        lists = operations.attempt(
            self,
            lambda: (
                check_tasks.list_tasks(db, today=today, scope=TaskScope.OVERDUE, limit=TASK_LIST_LIMIT),
                check_tasks.list_tasks(db, today=today, scope=TaskScope.TODAY, limit=TASK_LIST_LIMIT),
            ),
        )
        if lists is FAILED:
            return
        overdue, due = lists
        tree = self.tasks_tree
        tree.clear()
        for task in [*overdue, *due]:
            item = QTreeWidgetItem(tree, self.task_item_texts(task))
            item.setData(0, ID_ROLE, task.id)
            colour = OVERDUE_COLOUR if task.is_overdue else DUE_SOON_COLOUR
            item.setForeground(1, QBrush(QColor(colour)))
            item.setToolTip(
                2,
                self.tr("{plan}，{n} 项，{place}").format(
                    plan=task.plan_name, n=task.item_count, place=task.place or "—"
                ),
            )
        if not overdue and not due:
            _placeholder(tree, self.tr("今天没有到期的排查任务"), column=2)

    @staticmethod
    def task_item_texts(task: TaskRow) -> list[str]:
        return [task.due_on.isoformat(), task.state_text, task.plan_name, task.assignee_name]

    def _fill_activity(self, recent: tuple[Activity, ...]) -> None:
        tree = self.activity_tree
        tree.clear()
        for activity in recent:
            item = QTreeWidgetItem(
                tree, [local_time(activity.at), activity.actor, " ".join(activity.text.split())]
            )
            item.setData(0, ID_ROLE, activity.target_id)
            item.setData(0, KIND_ROLE, activity.kind.value)
            item.setToolTip(2, activity.text)
        if not recent:
            _placeholder(tree, self.tr("还没有排查记录或隐患处理动态"), column=2, colour="#555555")

    def _fill_reprints(self) -> None:
        needs = operations.attempt(self, lambda: post_card_service.cards_needing_reprint(self.ctx.db))
        if needs is FAILED:
            return
        tree = self.reprint_tree
        tree.clear()
        for need in needs:
            item = QTreeWidgetItem(tree, self.reprint_item_texts(need))
            item.setData(0, ID_ROLE, need.post_id)
            item.setToolTip(3, "、".join(need.changed))
        if needs:
            self.reprint_label.setText(
                self.tr("{n} 张已张贴的告知卡打印后风险或措施有变化，墙上的卡片已过时：").format(n=len(needs))
            )
            self.reprint_label.setStyleSheet(f"color: {DUE_SOON_COLOUR};")
        else:
            self.reprint_label.setText(self.tr("已打印的告知卡都与当前风险一致。"))
            self.reprint_label.setStyleSheet(f"color: {GOOD_COLOUR};")
            _placeholder(tree, self.tr("没有需要重新打印的告知卡"), column=3)

    @staticmethod
    def reprint_item_texts(need: ReprintNeed) -> list[str]:
        return [
            need.post_name,
            need.department,
            f"第 {need.printed_revision} 版 {need.printed_on.isoformat()}",
            "、".join(need.changed),
        ]

    # --- deadlines ----------------------------------------------------------------------------------

    def _fill_deadlines(self) -> None:
        today = self.ctx.today()
        db = self.ctx.db
        lists = operations.attempt(
            self,
            lambda: (
                hs.overdue(db, today=today, limit=DEADLINE_LIST_LIMIT),
                hs.due_soon(db, today=today, limit=DEADLINE_LIST_LIMIT),
            ),
        )
        if lists is FAILED:
            return
        overdue, due = lists
        self.overdue_title_label.setText(self.tr("已逾期未整改：{n} 条").format(n=overdue.total))
        self.overdue_title_label.setStyleSheet(
            f"font-weight: bold; color: {OVERDUE_COLOUR};" if overdue.total else "font-weight: bold;"
        )
        self.due_soon_title_label.setText(
            self.tr("{days}日内到期：{n} 条").format(days=DUE_SOON_DAYS, n=due.total)
        )
        self._fill_list(self.overdue_tree, overdue, self.tr("没有逾期未整改的隐患"), OVERDUE_COLOUR)
        self._fill_list(
            self.due_soon_tree,
            due,
            self.tr("近{days}日没有到期的隐患").format(days=DUE_SOON_DAYS),
            DUE_SOON_COLOUR,
        )
        self.all_overdue_btn.setEnabled(overdue.total > 0)
        self.all_due_soon_btn.setEnabled(due.total > 0)

    def _fill_list(self, tree: QTreeWidget, result: LedgerResult, empty: str, colour: str) -> None:
        tree.clear()
        for row in result.rows:
            item = QTreeWidgetItem(tree, self.deadline_item_texts(row))
            item.setData(0, ID_ROLE, row.id)
            item.setToolTip(1, row.description)
            item.setForeground(3, QBrush(QColor(colour)))
            if row.level is HiddenDangerLevel.MAJOR:
                item.setForeground(1, QBrush(QColor(OVERDUE_COLOUR)))
        if result.total > len(result.rows):
            more = QTreeWidgetItem(
                tree, ["", self.tr("……另有 {n} 条，请点“查看全部”").format(n=result.total - len(result.rows))]
            )
            more.setFlags(Qt.ItemFlag.NoItemFlags)
        if not result.rows:
            _placeholder(tree, empty)

    @staticmethod
    def deadline_item_texts(row: LedgerRow) -> list[str]:
        """编号, 描述 (重大隐患 marked), 整改期限, 逾期/剩余, 整改责任人 — one list row."""
        description = " ".join(row.description.split())
        level = "【重大】" if row.level is HiddenDangerLevel.MAJOR else ""
        deadline = row.deadline.isoformat() if row.deadline else ""
        return [row.number, level + description, deadline, deadline_text(row.days_left), row.rectifier_name]

    # --- clicks -------------------------------------------------------------------------------------

    def _on_overdue_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self._open_item(item, LedgerFilter(overdue_only=True))

    def _on_due_soon_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self._open_item(item, LedgerFilter(due_within_days=DUE_SOON_DAYS))

    def _open_item(self, item: QTreeWidgetItem, flt: LedgerFilter) -> None:
        hidden_danger_id = item.data(0, ID_ROLE)
        if isinstance(hidden_danger_id, int):
            self.open_ledger(flt, hidden_danger_id)

    def _on_task_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        task_id = item.data(0, ID_ROLE)
        if isinstance(task_id, int):
            self.open_checks(TaskScope.OPEN, task_id)

    def _on_reprint_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        post_id = item.data(0, ID_ROLE)
        if isinstance(post_id, int):
            self._go("post_cards", "select_post", post_id)

    def _on_activity_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target, kind = item.data(0, ID_ROLE), item.data(0, KIND_ROLE)
        if not isinstance(target, int) or not kind:
            return
        match ActivityKind(kind):
            case ActivityKind.CHECK_RECORD:
                self._go("checks", "show_record", target)
            case ActivityKind.HIDDEN_DANGER:
                self.open_ledger(LedgerFilter(), target)
            case ActivityKind.POST_CARD:
                self._go("post_cards", "select_post", target)

    def _on_month_clicked(self, index: int) -> None:
        if self._figures is None or not 0 <= index < len(self._figures.months):
            return
        month = self._figures.months[index]
        start = date(month.year, month.month, 1)
        end = (date(month.year + month.month // 12, month.month % 12 + 1, 1)) - timedelta(days=1)
        self.open_ledger(LedgerFilter(found_from=start, found_to=end))

    def _open_this_month(self) -> None:
        if self._figures is not None:
            self.open_ledger(LedgerFilter(found_from=self._figures.month_start, found_to=self.ctx.today()))

    def _open_count(self, key: str) -> None:
        target = COUNT_TARGETS[key]
        if target == "ledger":
            self.open_ledger(LedgerFilter())
        elif target == "checks":
            self._go("checks", "show_records")
        else:
            self._go(target)

    # --- going to other pages -----------------------------------------------------------------------

    def _go(self, key: str, focus: str = "", *args: Any) -> Any:
        """Switch to page ``key`` and, when it has one, call its focus method ``focus(*args)``."""
        window = self.window()
        show_page: Callable[[str], Any] | None = getattr(window, "show_page", None)
        if show_page is None:
            return None
        page = show_page(key)
        method = getattr(page, focus, None) if focus else None
        if method is not None:
            method(*args)
        return page

    def open_ledger(self, flt: LedgerFilter, select_id: int | None = None) -> None:
        """Switch to the ledger, filtered by ``flt``, with ``select_id`` selected.

        The main window's ``show_page`` switches pages; the ledger page's ``apply_focus`` takes the
        request, so this page only knows the ledger's key and the focus it hands over.
        """
        self._go("ledger", "apply_focus", LedgerFocus(flt, select_id))

    def open_checks(self, scope: TaskScope, task_id: int | None = None) -> None:
        """Switch to 隐患排查, showing the tasks of ``scope`` (``task_id`` selected)."""
        self._go("checks", "show_tasks", scope, task_id)

    def open_risk_level(self, level: RiskLevel) -> None:
        """Switch to 风险辨识评估 showing the hazards of ``level``."""
        self._go("risk", "focus_level", level)
