"""The Shandong way of scoring LEC's C (domain.md §3.1): score the consequence on five dimensions on
the same ladder and take the most severe. A helper only: the result is put into the C picker."""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.grading import Factor, format_decimal

DIMENSIONS = ("法律法规", "人员伤亡", "直接经济损失", "环境破坏", "企业形象")


class LecConsequenceDialog(QDialog):
    def __init__(self, factor: Factor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lec_consequence_dialog")
        self.setWindowTitle(self.tr("后果 C：按五个维度评分"))
        self._factor = factor
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "分别按法律法规、人员伤亡、直接经济损失、环境破坏、企业形象五个维度评分，取其中最大值作为 C。"
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.dimension_combos: dict[str, QComboBox] = {}
        for dimension in DIMENSIONS:
            combo = QComboBox(self)
            combo.setObjectName(f"dimension_{DIMENSIONS.index(dimension)}_combo")
            combo.addItem(self.tr("（不涉及）"), None)
            for option in factor.values:
                text = format_decimal(option.value)
                meaning = f" — {option.meaning}" if dimension == "人员伤亡" else ""
                combo.addItem(f"{text}{meaning}", text)
            combo.currentIndexChanged.connect(self._update)
            form.addRow(dimension, combo)
            self.dimension_combos[dimension] = combo
        self.result_label = QLabel(self)
        self.result_label.setObjectName("result_label")
        layout.addWidget(self.result_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("采用"))
        self.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        self._update()

    def value(self) -> str | None:
        """The most severe of the chosen values (as the ladder writes it), or None if none chosen."""
        chosen = [str(c.currentData()) for c in self.dimension_combos.values() if c.currentData() is not None]
        if not chosen:
            return None
        best = max(
            chosen,
            key=lambda text: next(v.value for v in self._factor.values if format_decimal(v.value) == text),
        )
        return best

    def _update(self) -> None:
        value = self.value()
        self.result_label.setText(
            self.tr("取最大值：C = {c}").format(c=value)
            if value is not None
            else self.tr("请至少为一个维度评分。")
        )
        self.button_box.button(QDialogButtonBox.StandardButton.Ok).setEnabled(value is not None)

    @classmethod
    def choose(cls, parent: QWidget | None, factor: Factor) -> str | None:
        dialog = cls(factor, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
