"""排查频次表: how often each control tier checks the controls of a risk of each level."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.checks import CheckFrequency, FrequencyTable
from dualprev.domain.risk import ControlTier, RiskLevel
from dualprev.ui.dialogs.hidden_danger_fields import name_buttons


class CheckFrequencyDialog(QDialog):
    """A grid of levels × tiers; returns the edited table, never saves it."""

    def __init__(self, table: FrequencyTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("check_frequency_dialog")
        self.setWindowTitle(self.tr("排查频次设置"))
        self.setMinimumWidth(600)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "按风险等级和管控层级设定排查频次。由管控措施生成排查项、制定计划时按此表推荐；"
                "已有的排查项和计划不会自动改变。\n"
                "上级层级也管控下级层级的风险：公司级风险由公司、车间、班组、岗位各级检查，"
                "班组级风险由班组和岗位检查。"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        for column, tier in enumerate(ControlTier, start=1):
            heading = QLabel(tier.label, self)
            heading.setStyleSheet("font-weight: bold;")
            grid.addWidget(heading, 0, column)
        self.combos: dict[tuple[RiskLevel, ControlTier], QComboBox] = {}
        for row, level in enumerate(RiskLevel, start=1):
            name = QLabel(level.label, self)
            name.setStyleSheet(
                f"background: {level.colour.hex}; color: rgb{level.colour.text_rgb}; padding: 3px 8px; font-weight: bold;"
            )
            grid.addWidget(name, row, 0)
            for column, tier in enumerate(ControlTier, start=1):
                combo = QComboBox(self)
                combo.setObjectName(f"frequency_{int(level)}_{tier.value}_combo")
                for frequency in CheckFrequency:
                    if frequency is not CheckFrequency.ONCE:
                        combo.addItem(frequency.label, frequency.value)
                grid.addWidget(combo, row, column)
                self.combos[(level, tier)] = combo
        layout.addLayout(grid)
        self.defaults_btn = QPushButton(self.tr("恢复默认"), self)
        self.defaults_btn.setObjectName("defaults_btn")
        layout.addWidget(self.defaults_btn)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        name_buttons(self.button_box, self.tr("保存"))
        layout.addWidget(self.button_box)
        self.set_table(table)
        self.defaults_btn.clicked.connect(lambda: self.set_table(FrequencyTable()))
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

    def set_table(self, table: FrequencyTable) -> None:
        for (level, tier), combo in self.combos.items():
            combo.setCurrentIndex(max(combo.findData(table.frequency(level, tier).value), 0))

    def value(self) -> FrequencyTable:
        return FrequencyTable(
            {key: CheckFrequency(combo.currentData()) for key, combo in self.combos.items()}
        )

    @classmethod
    def edit(cls, parent: QWidget | None, table: FrequencyTable) -> FrequencyTable | None:
        dialog = cls(table, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
