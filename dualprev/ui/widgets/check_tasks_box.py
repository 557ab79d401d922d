"""隐患排查任务 on the 首页: due today, overdue, upcoming and this month's checks, and the tasks to
do now (overdue first)."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QTreeWidgetItem, QVBoxLayout, QWidget

from dualprev.services.checks.tasks import TaskCounts, TaskRow, TaskScope
from dualprev.ui.widgets.dashboard_tile import DashboardTile
from dualprev.ui.widgets.dashboard_tree import GOOD_COLOUR, ID_ROLE, add_placeholder, dashboard_tree
from dualprev.ui.widgets.hidden_danger_style import DUE_SOON_COLOUR, OVERDUE_COLOUR

TASK_COLUMNS = ("应完成日期", "状态", "排查计划", "负责人")


def task_item_texts(task: TaskRow) -> list[str]:
    return [task.due_on.isoformat(), task.state_text, task.plan_name, task.assignee_name]


class CheckTasksBox(QGroupBox):
    tasks_requested = Signal(object, object)
    """(TaskScope, task id or None): show these tasks on 隐患排查."""
    records_requested = Signal()
    """Show the check records on 隐患排查."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("隐患排查任务"))
        self.setObjectName("checks_box")
        layout = QVBoxLayout(self)
        tiles = QHBoxLayout()
        self.due_today_tile = DashboardTile("due_today", self.tr("今日到期"), self, size=18)
        self.overdue_checks_tile = DashboardTile("overdue_checks", self.tr("逾期未查"), self, size=18)
        self.upcoming_tile = DashboardTile("upcoming_checks", self.tr("近期待查"), self, size=18)
        self.month_checks_tile = DashboardTile("month_checks", self.tr("本月已排查"), self, size=18)
        for tile, scope in (
            (self.due_today_tile, TaskScope.TODAY),
            (self.overdue_checks_tile, TaskScope.OVERDUE),
            (self.upcoming_tile, TaskScope.UPCOMING),
        ):
            tile.set_clickable(True, self.tr("单击查看排查任务"))
            tile.clicked.connect(lambda sc=scope: self.tasks_requested.emit(sc, None))
            tiles.addWidget(tile)
        self.month_checks_tile.set_clickable(True, self.tr("单击查看排查记录"))
        self.month_checks_tile.clicked.connect(self.records_requested)
        tiles.addWidget(self.month_checks_tile)
        layout.addLayout(tiles)
        self.tasks_tree = dashboard_tree(
            self, "tasks_tree", TASK_COLUMNS, 2, self.tr("单击到“隐患排查”记录或打印清单")
        )
        self.tasks_tree.itemClicked.connect(self._on_task_item)
        self.tasks_tree.itemActivated.connect(self._on_task_item)
        layout.addWidget(self.tasks_tree)
        layout.addStretch(1)

    def set_counts(self, counts: TaskCounts, month_checks: int) -> None:
        self.due_today_tile.set_number(
            str(counts.due_today), DUE_SOON_COLOUR if counts.due_today else "#222222"
        )
        self.overdue_checks_tile.set_number(
            str(counts.overdue), OVERDUE_COLOUR if counts.overdue else GOOD_COLOUR
        )
        self.upcoming_tile.set_number(str(counts.upcoming))
        self.month_checks_tile.set_number(str(month_checks))

    def set_tasks(self, overdue: list[TaskRow], due: list[TaskRow]) -> None:
        tree = self.tasks_tree
        tree.clear()
        for task in [*overdue, *due]:
            item = QTreeWidgetItem(tree, task_item_texts(task))
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
            add_placeholder(tree, self.tr("今天没有到期的排查任务"), column=2)

    def _on_task_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        task_id = item.data(0, ID_ROLE)
        if isinstance(task_id, int):
            self.tasks_requested.emit(TaskScope.OPEN, task_id)
