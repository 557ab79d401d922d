"""排查清单: the check items made from the control measures (and custom ones), grouped by risk point,
area or post; generate, add, edit, pause, delete, set the check frequencies, print the whole list."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.services import organisation_service as org
from dualprev.services.checks import frequency as check_frequency
from dualprev.services.checks import items as check_items
from dualprev.services.checks import printouts
from dualprev.services.checks.items import CheckItemRow
from dualprev.ui import messages, operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.check_frequency_dialog import CheckFrequencyDialog
from dualprev.ui.dialogs.check_item_dialog import CheckItemDialog
from dualprev.ui.operations import FAILED
from dualprev.ui.pages.check_tab import CheckTab

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUPINGS = (("risk_point", "按风险点"), ("area", "按区域"), ("post", "按岗位"))
ITEM_HEADINGS = (
    "排查内容",
    "风险点",
    "风险等级",
    "排查标准/依据",
    "排查方法",
    "层级",
    "频次",
    "来源",
    "纳入计划",
)


class CheckItemsTab(CheckTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.items: list[CheckItemRow] = []
        layout = QVBoxLayout(self)
        first = QHBoxLayout()
        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("group_combo")
        for key, text in GROUPINGS:
            self.group_combo.addItem(self.tr(text), key)
        first.addWidget(self.group_combo)
        self.item_filter_edit = QLineEdit(self)
        self.item_filter_edit.setObjectName("item_filter_edit")
        self.item_filter_edit.setPlaceholderText(self.tr("筛选：排查内容、风险点、岗位"))
        self.item_filter_edit.setClearButtonEnabled(True)
        first.addWidget(self.item_filter_edit, 1)
        self.inactive_check = QCheckBox(self.tr("显示已停用"), self)
        self.inactive_check.setObjectName("inactive_check")
        first.addWidget(self.inactive_check)
        self.frequency_btn = self.button(first, "frequency_btn", self.tr("排查频次设置…"), self._on_frequency)
        layout.addLayout(first)
        second = QHBoxLayout()
        self.generate_btn = self.button(
            second, "generate_btn", self.tr("由管控措施生成清单"), self._on_generate
        )
        self.generate_btn.setToolTip(
            self.tr("为每条现有管控措施生成一个排查项；已生成的不会重复，您的修改会保留")
        )
        self.add_item_btn = self.button(second, "add_item_btn", self.tr("新增检查项…"), self._on_add_item)
        self.edit_item_btn = self.button(second, "edit_item_btn", self.tr("编辑…"), self._on_edit_item)
        self.toggle_item_btn = self.button(second, "toggle_item_btn", self.tr("停用"), self._on_toggle_item)
        self.delete_item_btn = self.button(second, "delete_item_btn", self.tr("删除"), self._on_delete_item)
        second.addStretch(1)
        self.print_items_btn = self.button(
            second, "print_items_btn", self.tr("打印整个清单…"), self._on_print_items
        )
        layout.addLayout(second)
        self.items_label = QLabel(self)
        self.items_label.setObjectName("items_label")
        layout.addWidget(self.items_label)
        self.items_tree = QTreeWidget(self)
        self.items_tree.setObjectName("items_tree")
        self.items_tree.setHeaderLabels([self.tr(h) for h in ITEM_HEADINGS])
        self.items_tree.setAlternatingRowColors(True)
        self.items_tree.setUniformRowHeights(True)
        header = self.items_tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((330, 170, 70, 260, 120, 60, 60, 120, 200)):
            header.resizeSection(column, width)
        layout.addWidget(self.items_tree, 1)
        self.group_combo.currentIndexChanged.connect(self._fill_items_tree)
        self.inactive_check.toggled.connect(self._fill_items_tree)
        self.item_filter_edit.textChanged.connect(self._fill_items_tree)
        self.items_tree.currentItemChanged.connect(self._update_buttons)
        self.items_tree.itemDoubleClicked.connect(lambda *_: self._on_edit_item())

    def set_items(self, items: list[CheckItemRow]) -> None:
        self.items = items
        self._fill_items_tree()

    def selected_item(self) -> CheckItemRow | None:
        node = self.items_tree.currentItem()
        item_id = node.data(0, ITEM_ID_ROLE) if node is not None else None
        return next((i for i in self.items if i.id == item_id), None) if item_id is not None else None

    def _update_buttons(self, *_args: object) -> None:
        item = self.selected_item()
        for button in (self.edit_item_btn, self.toggle_item_btn):
            button.setEnabled(item is not None)
        self.delete_item_btn.setEnabled(item is not None and item.is_custom)
        self.toggle_item_btn.setText(
            self.tr("启用") if item is not None and not item.is_active else self.tr("停用")
        )

    def _on_print_items(self) -> None:
        ids = [i.id for i in self.items if i.is_active]
        db, today = self.ctx.db, self.ctx.today()
        self.print_pdf(
            lambda: printouts.render_checklist_pdf(db, item_ids=ids, today=today)[0],
            self.tr("打印排查清单"),
            "隐患排查清单.pdf",
        )

    def _fill_items_tree(self) -> None:
        tree = self.items_tree
        current = self.selected_item()
        grouping = self.group_combo.currentData() or "risk_point"
        show_inactive = self.inactive_check.isChecked()
        words = self.item_filter_edit.text().split()
        tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        shown = 0
        selected_node: QTreeWidgetItem | None = None
        for row in self.items:
            if not row.is_active and not show_inactive:
                continue
            haystack = " ".join(
                (row.content, row.standard, row.risk_point_text, row.area_name, *row.post_names)
            )
            if not all(w in haystack for w in words):
                continue
            shown += 1
            for group_text in self._group_texts(row, grouping):
                parent = groups.get(group_text)
                if parent is None:
                    parent = QTreeWidgetItem(tree, [group_text])
                    parent.setFirstColumnSpanned(True)
                    font = parent.font(0)
                    font.setBold(True)
                    parent.setFont(0, font)
                    groups[group_text] = parent
                node = QTreeWidgetItem(parent, self._item_texts(row))
                node.setData(0, ITEM_ID_ROLE, row.id)
                node.setToolTip(0, row.content)
                node.setToolTip(3, row.standard)
                if row.level is not None:
                    node.setBackground(2, QBrush(QColor(row.level.colour.hex)))
                    node.setForeground(2, QBrush(QColor(*row.level.colour.text_rgb)))
                if not row.is_active:
                    for column in range(len(ITEM_HEADINGS)):
                        if column != 2:
                            node.setForeground(column, QBrush(QColor(128, 128, 128)))
                if current is not None and row.id == current.id and selected_node is None:
                    selected_node = node
        for parent in groups.values():
            parent.setText(0, f"{parent.text(0)}（{parent.childCount()} 项）")
        tree.expandAll()
        if selected_node is not None:
            tree.setCurrentItem(selected_node)
        active = sum(1 for i in self.items if i.is_active)
        generated = sum(1 for i in self.items if i.is_active and not i.is_custom)
        unplanned = sum(1 for i in self.items if i.is_active and not i.plan_ids)
        self.items_label.setText(
            self.tr(
                "排查清单共 {n} 项（由管控措施生成 {g} 项，自定义 {c} 项）；当前显示 {s} 项；尚未纳入任何计划 {u} 项。"
            ).format(n=active, g=generated, c=active - generated, s=shown, u=unplanned)
        )
        self._update_buttons()

    def _group_texts(self, row: CheckItemRow, grouping: str) -> list[str]:
        general = self.tr("通用检查项")
        if grouping == "area":
            return [row.area_name or (self.tr("未指定区域") if row.risk_point_id else general)]
        if grouping == "post":
            if row.post_names:
                return list(row.post_names)
            return [self.tr("未关联岗位的风险点") if row.risk_point_id else general]
        if not row.risk_point_id:
            return [general]
        where = f"（{row.area_name}）" if row.area_name else ""
        return [f"{row.risk_point_text}{where}"]

    @staticmethod
    def _item_texts(row: CheckItemRow) -> list[str]:
        return [
            ("（已停用）" if not row.is_active else "") + row.content,
            row.risk_point_text or "通用",
            row.level.label if row.level else "",
            row.standard,
            row.method,
            row.control_tier.label if row.control_tier else "",
            row.frequency.label if row.frequency else "",
            row.source_text,
            "、".join(row.plan_names),
        ]

    def _on_generate(self) -> None:
        result = self.write(lambda: check_items.generate_items(self.ctx.db, actor=self.ctx.actor()))
        if result is FAILED:
            return
        text = self.tr("新生成排查项 {c} 项；已有排查项的管控措施 {a} 条保持不变（包括您修改过的）。").format(
            c=result.created, a=result.already_covered
        )
        if result.planned_measures:
            text += self.tr("\n另有 {p} 条建议新增的措施尚未落实，暂不生成排查项。").format(
                p=result.planned_measures
            )
        messages.show_info(self, text, title=self.tr("由管控措施生成清单"))

    def _risk_points(self) -> list[org.RiskPointRef] | None:
        result = operations.attempt(self, lambda: org.list_risk_point_refs(self.ctx.db))
        return None if result is FAILED else result

    def _on_add_item(self) -> None:
        points = self._risk_points()
        if points is None:
            return
        current = self.selected_item()
        draft = CheckItemDialog.edit(
            self, None, points, risk_point_id=current.risk_point_id if current else None
        )
        if draft is not None:
            self.write(
                lambda: check_items.save_item(self.ctx.db, None, draft, actor=self.ctx.actor()),
                self.tr("已新增排查项"),
            )

    def _on_edit_item(self) -> None:
        item = self.selected_item()
        points = self._risk_points() if item is not None else None
        if item is None or points is None:
            return
        draft = CheckItemDialog.edit(self, item, points)
        if draft is not None:
            self.write(
                lambda: check_items.save_item(self.ctx.db, item.id, draft, actor=self.ctx.actor()),
                self.tr("已保存排查项"),
            )

    def _on_toggle_item(self) -> None:
        item = self.selected_item()
        if item is not None:
            self.write(
                lambda: check_items.set_item_active(
                    self.ctx.db, item.id, not item.is_active, actor=self.ctx.actor()
                ),
                self.tr("已{what}排查项").format(what="启用" if not item.is_active else "停用"),
            )

    def _on_delete_item(self) -> None:
        item = self.selected_item()
        if item is None:
            return
        if messages.confirm(
            self, self.tr("删除排查项“{text}”？").format(text=item.content[:40]), action=self.tr("删除")
        ):
            self.write(
                lambda: check_items.delete_item(self.ctx.db, item.id, actor=self.ctx.actor()),
                self.tr("已删除排查项"),
            )

    def _on_frequency(self) -> None:
        table = operations.attempt(self, lambda: check_frequency.frequency_table(self.ctx.db))
        if table is FAILED:
            return
        edited = CheckFrequencyDialog.edit(self, table)
        if edited is not None:
            self.write(
                lambda: check_frequency.save_frequency_table(self.ctx.db, edited, actor=self.ctx.actor()),
                self.tr("已保存排查频次表"),
            )
