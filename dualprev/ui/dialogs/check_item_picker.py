"""Choosing check items: a tree of the checklist (区域 → 风险点 → 排查项) with a box at every level,
used by the plan editor and by 计划外排查."""

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.services.checks.items import CheckItemRow
from dualprev.ui.dialogs.hidden_danger_fields import name_buttons

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NO_AREA_TEXT = "未指定区域"
GENERAL_TEXT = "通用检查项"


class CheckItemTree(QTreeWidget):
    """Checkable items under their area and risk point; ticking a group ticks its items."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("check_items_tree")
        self.setHeaderLabels([self.tr("排查项"), self.tr("层级"), self.tr("频次"), self.tr("风险等级")])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._items: dict[int, QTreeWidgetItem] = {}
        self._order: list[int] = []
        self._filling = False
        self.itemChanged.connect(self._on_item_changed)

    def set_items(self, rows: Iterable[CheckItemRow], checked: Iterable[int] = ()) -> None:
        """Show the active ``rows`` (and any inactive one already ``checked``), ticking ``checked``."""
        wanted = set(checked)
        self._filling = True
        self.clear()
        self._items.clear()
        self._order.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        points: dict[tuple[str, int | None], QTreeWidgetItem] = {}
        for row in rows:
            if not row.is_active and row.id not in wanted:
                continue
            area_text = (
                (row.area_name or self.tr(NO_AREA_TEXT)) if row.risk_point_id else self.tr(GENERAL_TEXT)
            )
            group = groups.get(area_text)
            if group is None:
                group = QTreeWidgetItem(self, [area_text])
                group.setFlags(
                    group.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
                )
                group.setCheckState(0, Qt.CheckState.Unchecked)
                groups[area_text] = group
            parent = group
            if row.risk_point_id:
                key = (area_text, row.risk_point_id)
                point = points.get(key)
                if point is None:
                    point = QTreeWidgetItem(group, [row.risk_point_text])
                    point.setFlags(
                        point.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
                    )
                    point.setCheckState(0, Qt.CheckState.Unchecked)
                    if row.level is not None:
                        point.setText(3, row.level.label)
                        point.setBackground(3, QBrush(QColor(row.level.colour.hex)))
                        point.setForeground(3, QBrush(QColor(*row.level.colour.text_rgb)))
                    points[key] = point
                parent = point
            node = QTreeWidgetItem(
                parent,
                [
                    row.content,
                    row.control_tier.label if row.control_tier else "",
                    row.frequency.label if row.frequency else "",
                    "",
                ],
            )
            node.setData(0, ITEM_ID_ROLE, row.id)
            node.setToolTip(0, "\n".join(t for t in (row.content, row.standard) if t))
            node.setFlags(node.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            node.setCheckState(0, Qt.CheckState.Checked if row.id in wanted else Qt.CheckState.Unchecked)
            if not row.is_active:
                node.setForeground(0, QBrush(QColor(128, 128, 128)))
                node.setText(0, self.tr("（已停用）") + row.content)
            self._items[row.id] = node
            self._order.append(row.id)
        self._filling = False
        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top is not None:
                top.setExpanded(True)
        self.changed.emit()

    def checked_ids(self) -> tuple[int, ...]:
        """The ticked items in checklist order."""
        return tuple(i for i in self._order if self._items[i].checkState(0) == Qt.CheckState.Checked)

    def set_checked(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        self._filling = True
        for item_id, node in self._items.items():
            node.setCheckState(0, Qt.CheckState.Checked if item_id in wanted else Qt.CheckState.Unchecked)
        self._filling = False
        self.changed.emit()

    def item_count(self) -> int:
        return len(self._items)

    def apply_filter(self, text: str) -> None:
        """Show only items (and their groups) whose content or risk point contains every word."""
        words = text.split()

        def visit(node: QTreeWidgetItem, inherited: str) -> bool:
            own = f"{inherited} {node.text(0)}"
            if node.childCount() == 0:
                shown = all(w in own for w in words)
            else:
                shown = False
                for index in range(node.childCount()):
                    child = node.child(index)
                    if child is not None:
                        shown = visit(child, own) or shown
            node.setHidden(not shown)
            return shown

        for index in range(self.topLevelItemCount()):
            top = self.topLevelItem(index)
            if top is not None:
                visit(top, "")

    def _on_item_changed(self, _item: QTreeWidgetItem, column: int) -> None:
        if column == 0 and not self._filling:
            self.changed.emit()


class CheckItemPickerDialog(QDialog):
    """Choose the items of a 计划外排查 (e.g. a 节假日前 or 事故类比 check)."""

    def __init__(self, rows: Sequence[CheckItemRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("check_item_picker_dialog")
        self.setWindowTitle(self.tr("计划外排查：选择排查项"))
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "勾选这次要检查的项目（可按区域或风险点整组勾选）。清单以外的内容可在记录时再添加临时检查项。"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        bar = QHBoxLayout()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("filter_edit")
        self.filter_edit.setPlaceholderText(self.tr("筛选：风险点、排查内容"))
        self.filter_edit.setClearButtonEnabled(True)
        bar.addWidget(self.filter_edit, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        bar.addWidget(self.count_label)
        layout.addLayout(bar)
        self.tree = CheckItemTree(self)
        layout.addWidget(self.tree, 1)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #C00000;")
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        name_buttons(self.button_box, self.tr("开始记录"))
        layout.addWidget(self.button_box)
        self.tree.changed.connect(self._update_count)
        self.filter_edit.textChanged.connect(self.tree.apply_filter)
        self.button_box.accepted.connect(self._on_accept)
        self.button_box.rejected.connect(self.reject)
        self.tree.set_items(rows)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("已选 {n} 项").format(n=len(self.tree.checked_ids())))

    def _on_accept(self) -> None:
        if not self.tree.checked_ids():
            self.error_label.setText(self.tr("请至少勾选一个排查项"))
            self.error_label.setVisible(True)
            return
        self.accept()

    @classmethod
    def choose(cls, parent: QWidget | None, rows: Sequence[CheckItemRow]) -> tuple[int, ...] | None:
        """The chosen item ids, or None when cancelled."""
        dialog = cls(rows, parent)
        try:
            return dialog.tree.checked_ids() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
