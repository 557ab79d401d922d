"""最近动态 on the 首页: the latest check records, hidden-danger steps and card prints."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QTreeWidgetItem, QVBoxLayout, QWidget

from dualprev.services.dashboard_service import Activity, ActivityKind
from dualprev.ui.widgets.dashboard_tree import ID_ROLE, KIND_ROLE, add_placeholder, dashboard_tree
from dualprev.ui.widgets.hidden_danger_style import local_time

ACTIVITY_COLUMNS = ("时间", "人员", "事项")


class ActivityBox(QGroupBox):
    activity_requested = Signal(object, int)
    """(ActivityKind, id of what it is about): show it on its page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("最近动态"))
        self.setObjectName("activity_box")
        layout = QVBoxLayout(self)
        self.activity_tree = dashboard_tree(self, "activity_tree", ACTIVITY_COLUMNS, 2, self.tr("单击查看"))
        self.activity_tree.itemClicked.connect(self._on_item)
        self.activity_tree.itemActivated.connect(self._on_item)
        layout.addWidget(self.activity_tree)
        layout.addStretch(1)

    def fill(self, recent: tuple[Activity, ...]) -> None:
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
            add_placeholder(tree, self.tr("还没有排查记录或隐患处理动态"), column=2, colour="#555555")

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target, kind = item.data(0, ID_ROLE), item.data(0, KIND_ROLE)
        if isinstance(target, int) and kind:
            self.activity_requested.emit(ActivityKind(kind), target)
