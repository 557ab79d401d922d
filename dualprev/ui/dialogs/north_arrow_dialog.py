"""The north arrow of one floor plan's risk map: which way north points on the sheet, or none
because the plan image already carries its own."""

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True)
class NorthChoice:
    angle: float | None
    """Degrees clockwise from the top of the sheet; None: the plan draws its own arrow."""


class NorthArrowDialog(QDialog):
    def __init__(self, plan_name: str, angle: float | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("north_arrow_dialog")
        self.setWindowTitle(self.tr("指北针"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "平面图“{name}”上正北的方向，导出的四色分布图（PDF 和 PNG）按此绘制唯一的指北针。"
            ).format(name=plan_name),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        layout.addLayout(form)
        self.angle_spin = QDoubleSpinBox(self)
        self.angle_spin.setObjectName("angle_spin")
        self.angle_spin.setRange(0, 359.9)
        self.angle_spin.setDecimals(1)
        self.angle_spin.setWrapping(True)
        self.angle_spin.setSuffix(" °")
        self.angle_spin.setToolTip(self.tr("从图纸正上方起顺时针量的角度：0° 为上北，90° 为右北"))
        self.angle_spin.setValue(angle or 0.0)
        form.addRow(self.tr("正北方向（顺时针）"), self.angle_spin)
        self.own_arrow_check = QCheckBox(self.tr("平面图已自带指北针，导出时不再绘制"), self)
        self.own_arrow_check.setObjectName("own_arrow_check")
        self.own_arrow_check.setChecked(angle is None)
        self.own_arrow_check.toggled.connect(lambda on: self.angle_spin.setEnabled(not on))
        self.angle_spin.setEnabled(angle is not None)
        layout.addWidget(self.own_arrow_check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("button_box")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def value(self) -> NorthChoice:
        return NorthChoice(None if self.own_arrow_check.isChecked() else self.angle_spin.value())

    @classmethod
    def ask(cls, parent: QWidget | None, plan_name: str, angle: float | None) -> NorthChoice | None:
        """Show the dialog; the choice, or None when cancelled."""
        dialog = cls(plan_name, angle, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
