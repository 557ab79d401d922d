"""The control measures of one hazard, edited in place: category, text, existing or planned, tier.

A hazard has a handful of measures, so an item-based table is the right size here; the grid edits
each cell directly, which is how safety managers fill these lists on paper.
"""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.risk import ControlMeasureCategory, ControlTier
from dualprev.services.risks.hazards import MeasureInfo

_EXISTING, _PLANNED = "existing", "planned"


class MeasuresEditor(QWidget):
    """Rows of measures; ``value()`` gives them back in category order, empty rows dropped."""

    CATEGORY, CONTENT, STATE, TIER = range(4)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ids: dict[int, int | None] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.measures_table = QTableWidget(0, 4, self)
        self.measures_table.setObjectName("measures_table")
        self.measures_table.setHorizontalHeaderLabels(
            [self.tr("类别"), self.tr("措施内容"), self.tr("现有/建议新增"), self.tr("管控层级")]
        )
        header = self.measures_table.horizontalHeader()
        header.setSectionResizeMode(self.CONTENT, QHeaderView.ResizeMode.Stretch)
        for column in (self.CATEGORY, self.STATE, self.TIER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.measures_table.setWordWrap(True)
        self.measures_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        layout.addWidget(self.measures_table)
        buttons = QHBoxLayout()
        self.add_btn = QPushButton(self.tr("添加措施"), self)
        self.add_btn.setObjectName("add_measure_btn")
        self.remove_btn = QPushButton(self.tr("删除所选"), self)
        self.remove_btn.setObjectName("remove_measure_btn")
        buttons.addWidget(self.add_btn)
        buttons.addWidget(self.remove_btn)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_btn.clicked.connect(self._on_add)
        self.remove_btn.clicked.connect(self._on_remove)

    def set_measures(self, measures: tuple[MeasureInfo, ...]) -> None:
        self.measures_table.setRowCount(0)
        for measure in sorted(measures, key=lambda m: m.category.order):
            self.add_row(measure)

    def add_row(self, measure: MeasureInfo | None = None) -> int:
        row = self.measures_table.rowCount()
        self.measures_table.insertRow(row)
        category = QComboBox(self.measures_table)
        for option in ControlMeasureCategory:
            category.addItem(option.label, option.value)
        state = QComboBox(self.measures_table)
        state.addItem(self.tr("现有措施"), _EXISTING)
        state.addItem(self.tr("建议新增"), _PLANNED)
        tier = QComboBox(self.measures_table)
        tier.addItem(self.tr("（同危险源）"), None)
        for tier_option in ControlTier:
            tier.addItem(tier_option.label, tier_option.value)
        if measure is not None:
            category.setCurrentIndex(category.findData(measure.category.value))
            state.setCurrentIndex(0 if measure.is_existing else 1)
            if measure.control_tier is not None:
                tier.setCurrentIndex(tier.findData(measure.control_tier.value))
        self.measures_table.setCellWidget(row, self.CATEGORY, category)
        self.measures_table.setItem(row, self.CONTENT, QTableWidgetItem(measure.content if measure else ""))
        self.measures_table.setCellWidget(row, self.STATE, state)
        self.measures_table.setCellWidget(row, self.TIER, tier)
        self._ids[row] = measure.id if measure is not None else None
        return row

    def value(self) -> tuple[MeasureInfo, ...]:
        measures: list[MeasureInfo] = []
        for row in range(self.measures_table.rowCount()):
            item = self.measures_table.item(row, self.CONTENT)
            content = item.text().strip() if item is not None else ""
            if not content:
                continue
            category = self.measures_table.cellWidget(row, self.CATEGORY)
            state = self.measures_table.cellWidget(row, self.STATE)
            tier = self.measures_table.cellWidget(row, self.TIER)
            assert isinstance(category, QComboBox) and isinstance(state, QComboBox)
            assert isinstance(tier, QComboBox)
            tier_value = tier.currentData()
            measures.append(
                MeasureInfo(
                    category=ControlMeasureCategory(category.currentData()),
                    content=content,
                    is_existing=state.currentData() == _EXISTING,
                    control_tier=ControlTier(tier_value) if tier_value else None,
                    id=self._ids.get(row),
                )
            )
        measures.sort(key=lambda m: m.category.order)
        return tuple(measures)

    def _on_add(self) -> None:
        row = self.add_row()
        self.measures_table.setCurrentCell(row, self.CONTENT)
        item = self.measures_table.item(row, self.CONTENT)
        if item is not None:
            self.measures_table.editItem(item)

    def _on_remove(self) -> None:
        rows = sorted({index.row() for index in self.measures_table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.measures_table.removeRow(row)
        remaining = [
            self._ids.get(r) for r in range(self.measures_table.rowCount() + len(rows)) if r not in rows
        ]
        self._ids = dict(enumerate(remaining))
