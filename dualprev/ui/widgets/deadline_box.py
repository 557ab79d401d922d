"""整改期限提醒: hidden dangers overdue and due soon, side by side, each row a click away in the ledger."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.hidden_danger import DUE_SOON_DAYS, HiddenDangerLevel
from dualprev.domain.ledger import LedgerFilter
from dualprev.services.hidden_dangers.ledger import LedgerResult, LedgerRow
from dualprev.ui.widgets.dashboard_tree import ID_ROLE, add_placeholder, dashboard_tree
from dualprev.ui.widgets.hidden_danger_style import DUE_SOON_COLOUR, OVERDUE_COLOUR, deadline_text

DEADLINE_COLUMNS = ("隐患编号", "隐患描述", "整改期限", "逾期/剩余", "整改责任人")


def deadline_item_texts(row: LedgerRow) -> list[str]:
    """编号, 描述 (重大隐患 marked), 整改期限, 逾期/剩余, 整改责任人 — one list row."""
    description = " ".join(row.description.split())
    level = "【重大】" if row.level is HiddenDangerLevel.MAJOR else ""
    deadline = row.deadline.isoformat() if row.deadline else ""
    return [row.number, level + description, deadline, deadline_text(row.days_left), row.rectifier_name]


class DeadlineBox(QGroupBox):
    open_requested = Signal(object, object)
    """(LedgerFilter, hidden danger id or None): show these in the ledger."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("整改期限提醒"))
        self.setObjectName("deadlines_box")
        row = QHBoxLayout(self)
        self.overdue_tree, self.overdue_title_label, self.all_overdue_btn = self._column(
            row, "overdue", self.tr("查看全部逾期")
        )
        self.due_soon_tree, self.due_soon_title_label, self.all_due_soon_btn = self._column(
            row, "due_soon", self.tr("查看全部临期")
        )
        overdue, due_soon = LedgerFilter(overdue_only=True), LedgerFilter(due_within_days=DUE_SOON_DAYS)
        self.all_overdue_btn.clicked.connect(lambda: self.open_requested.emit(overdue, None))
        self.all_due_soon_btn.clicked.connect(lambda: self.open_requested.emit(due_soon, None))
        for tree, flt in ((self.overdue_tree, overdue), (self.due_soon_tree, due_soon)):
            tree.itemActivated.connect(lambda item, _column, f=flt: self._open_item(item, f))
            tree.itemClicked.connect(lambda item, _column, f=flt: self._open_item(item, f))

    def _column(
        self, row: QHBoxLayout, key: str, button_text: str
    ) -> tuple[QTreeWidget, QLabel, QPushButton]:
        column = QVBoxLayout()
        head = QHBoxLayout()
        title = QLabel(self)
        title.setObjectName(f"{key}_title_label")
        title.setStyleSheet("font-weight: bold;")
        head.addWidget(title)
        head.addStretch(1)
        button = QPushButton(button_text, self)
        button.setObjectName(f"all_{key}_btn")
        head.addWidget(button)
        column.addLayout(head)
        tree = dashboard_tree(
            self,
            f"{key}_tree",
            tuple(self.tr(t) for t in DEADLINE_COLUMNS),
            1,
            self.tr("单击在隐患台账中查看"),
        )
        column.addWidget(tree)
        row.addLayout(column, 1)
        return tree, title, button

    def fill(self, overdue: LedgerResult, due: LedgerResult) -> None:
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
            item = QTreeWidgetItem(tree, deadline_item_texts(row))
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
            add_placeholder(tree, empty)

    def _open_item(self, item: QTreeWidgetItem, flt: LedgerFilter) -> None:
        hidden_danger_id = item.data(0, ID_ROLE)
        if isinstance(hidden_danger_id, int):
            self.open_requested.emit(flt, hidden_danger_id)
