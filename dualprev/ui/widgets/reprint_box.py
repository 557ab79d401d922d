"""需重新打印的岗位告知卡 on the 首页: posted cards whose risks or measures changed since printing."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QTreeWidgetItem, QVBoxLayout, QWidget

from dualprev.services.post_card_service import ReprintNeed
from dualprev.ui.widgets.dashboard_tree import GOOD_COLOUR, ID_ROLE, add_placeholder, dashboard_tree
from dualprev.ui.widgets.hidden_danger_style import DUE_SOON_COLOUR

REPRINT_COLUMNS = ("岗位", "部门", "上次打印", "变化的内容")


def reprint_item_texts(need: ReprintNeed) -> list[str]:
    return [
        need.post_name,
        need.department,
        f"第 {need.printed_revision} 版 {need.printed_on.isoformat()}",
        "、".join(need.changed),
    ]


class ReprintBox(QGroupBox):
    post_requested = Signal(int)
    """Show this post's card on 岗位告知卡."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("需重新打印的岗位告知卡"))
        self.setObjectName("reprint_box")
        layout = QVBoxLayout(self)
        self.reprint_label = QLabel(self)
        self.reprint_label.setObjectName("reprint_label")
        self.reprint_label.setWordWrap(True)
        layout.addWidget(self.reprint_label)
        self.reprint_tree = dashboard_tree(
            self, "reprint_tree", REPRINT_COLUMNS, 3, self.tr("单击到“岗位告知卡”重新打印")
        )
        self.reprint_tree.itemClicked.connect(self._on_item)
        self.reprint_tree.itemActivated.connect(self._on_item)
        layout.addWidget(self.reprint_tree)

    def fill(self, needs: list[ReprintNeed]) -> None:
        tree = self.reprint_tree
        tree.clear()
        for need in needs:
            item = QTreeWidgetItem(tree, reprint_item_texts(need))
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
            add_placeholder(tree, self.tr("没有需要重新打印的告知卡"), column=3)

    def _on_item(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        post_id = item.data(0, ID_ROLE)
        if isinstance(post_id, int):
            self.post_requested.emit(post_id)
