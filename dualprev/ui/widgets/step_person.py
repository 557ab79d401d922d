"""Who did a step of a hidden danger (登记人, 整改人, 经办人 …): a row in the step's dialog, proposing
the person last named for that step or the operator, editable for someone not on the people list."""

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget


@dataclass(frozen=True)
class StepPerson:
    """The names to offer and the one proposed."""

    names: tuple[str, ...]
    default: str


class StepPersonRow:
    """A 经办人 combo added at the end of ``form``."""

    def __init__(self, form: QFormLayout, parent: QWidget, label: str, choice: StepPerson) -> None:
        self.combo = QComboBox(parent)
        self.combo.setObjectName("performer_combo")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        names = list(dict.fromkeys(n for n in (*choice.names, choice.default) if n))
        self.combo.addItems(names)
        self.combo.setCurrentText(choice.default)
        self.combo.setToolTip(parent.tr("完成这一步的人；不在人员名单中的，可直接输入姓名"))
        self.label = QLabel(label, parent)
        self.label.setObjectName("performer_label")
        form.addRow(self.label, self.combo)

    def name(self) -> str:
        return self.combo.currentText().strip()[:50]
