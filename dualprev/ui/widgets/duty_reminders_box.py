"""履职与培训提醒 on 首页: overdue and due duty records, people without induction or short of hours;
a click opens the matching tab of 履职与培训."""

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QGroupBox, QTreeWidgetItem, QVBoxLayout, QWidget

from dualprev.services.duties.reminders import Reminder, ReminderKind
from dualprev.ui.widgets.dashboard_tree import ID_ROLE, add_placeholder, dashboard_tree

OVERDUE_COLOUR = "#C00000"
DUE_COLOUR = "#B36B00"


class DutyRemindersBox(QGroupBox):
    open_requested = Signal(str)
    """The tab to open: ``records`` or ``training``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("履职与培训提醒"))
        self.setObjectName("duty_reminders_box")
        layout = QVBoxLayout(self)
        self.tree = dashboard_tree(self, "duty_reminders_tree", (self.tr("状态"), self.tr("对象/期间"),
                                   self.tr("事项")), 2, self.tr("单击到“履职与培训”中查看"))  # fmt: skip
        layout.addWidget(self.tree)
        self.tree.itemClicked.connect(self._on_clicked)

    def fill(self, reminders: list[Reminder]) -> None:
        self.tree.clear()
        if not reminders:
            add_placeholder(self.tree, self.tr("履职记录和培训均已按要求完成"))
            return
        for r in reminders:
            item = QTreeWidgetItem(self.tree, [r.kind.label, r.subject, r.text])
            item.setData(0, ID_ROLE, "training" if r.kind.is_training else "records")
            colour = DUE_COLOUR if r.kind is ReminderKind.DUTY_DUE else OVERDUE_COLOUR
            item.setForeground(0, QBrush(QColor(colour)))

    def texts(self) -> list[str]:
        """Every row as shown (for tests and the accessibility of the box)."""
        return [
            " ".join(item.text(c) for c in range(3))
            for item in (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
            if item is not None
        ]

    def _on_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        tab = item.data(0, ID_ROLE)
        if isinstance(tab, str):
            self.open_requested.emit(tab)
