"""切换到 GB 6441-2025: what each GB 6441-1986 type the records name becomes, with a choice where the
new standard split it, before the switch service moves every record in one transaction."""

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.accident_type_mapping import choice_label
from dualprev.domain.vocabularies import GB6441_2025, GB6441_2025_VERIFIED, vocabulary_title
from dualprev.services.risks.vocabulary_switch import SwitchPlan, TypeInUse

BY_WORDS = ""
"""Combo data of "按文字判定": no choice sent, so the record's words (or the default) decide."""

COLUMNS = ("原事故类型（GB 6441-1986）", "危险源", "隐患", "改为（GB 6441-2025）", "说明")


class VocabularySwitchDialog(QDialog):
    def __init__(self, plan: SwitchPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vocabulary_switch_dialog")
        self.setWindowTitle(self.tr("切换事故类型分类标准"))
        self.resize(900, 520)
        self._plan = plan
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "切换后，全部危险源和隐患（含已销号、已作废的）的事故类型按下表改为 {new}，"
                "新登记的危险源和隐患只能选新分类。切换记入操作日志，不能撤销；已打印的告知卡将标为“需重新打印”。"
            ).format(new=vocabulary_title(GB6441_2025)),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if not GB6441_2025_VERIFIED:
            caution = QLabel(
                self.tr("※ 新分类的类别名称和代码按公开资料整理，尚未与标准正式文本核对。"), self
            )
            caution.setObjectName("unverified_label")
            caution.setStyleSheet("color: #9a5b00;")
            caution.setWordWrap(True)
            layout.addWidget(caution)
        self.table = QTableWidget(len(plan.types), len(COLUMNS), self)
        self.table.setObjectName("mapping_table")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.combos: dict[str, QComboBox] = {}
        for row, use in enumerate(plan.types):
            self.table.setItem(row, 0, QTableWidgetItem(use.name))
            self.table.setItem(row, 1, QTableWidgetItem(str(use.hazards)))
            self.table.setItem(row, 2, QTableWidgetItem(str(use.hidden_dangers)))
            self.table.setCellWidget(row, 3, self._combo(use))
            explanation = QTableWidgetItem(self._explain(use))
            explanation.setToolTip("\n".join((explanation.text(), *use.undecided)))  # the cell elides
            self.table.setItem(row, 4, explanation)
        layout.addWidget(self.table, 1)
        if not plan.types:
            empty = QLabel(self.tr("目前没有记录使用事故类型，切换只改变今后可选的分类。"), self)
            empty.setWordWrap(True)
            layout.addWidget(empty)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("problem_label")
        self.problem_label.setStyleSheet("color: #b00020;")
        self.problem_label.setWordWrap(True)
        layout.addWidget(self.problem_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("切换"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_problem()

    def _combo(self, use: TypeInUse) -> QComboBox:
        combo = QComboBox(self.table)
        combo.setObjectName(f"map_{use.name}")
        if use.is_fixed:
            combo.addItem(choice_label(use.choices[0]), list(use.choices[0]))
            combo.setEnabled(False)
        elif use.reads_words:
            # The words decide first; what is picked here only decides the records they do not.
            if use.undecided:
                combo.addItem(self.tr("请选择…"), BY_WORDS)
            elif use.default:
                combo.addItem(self.tr("按文字判定，其余为 {d}").format(d=choice_label(use.default)), BY_WORDS)
            else:
                combo.addItem(self.tr("按文字判定"), BY_WORDS)
            for choice in use.choices:
                if choice != use.default:
                    combo.addItem(
                        self.tr("按文字判定，其余为 {d}").format(d=choice_label(choice)), list(choice)
                    )
        else:
            for choice in use.choices:
                combo.addItem(choice_label(choice), list(choice))
            combo.setCurrentIndex(max(0, combo.findData(list(use.default))))
        combo.currentIndexChanged.connect(self._update_problem)
        self.combos[use.name] = combo
        return combo

    def _explain(self, use: TypeInUse) -> str:
        parts = []
        if use.decided_by_words:
            parts.append(self.tr("{n} 条按记录中的文字判定").format(n=use.decided_by_words))
        if use.undecided:
            parts.append(
                self.tr("{n} 条无法从文字判断（如：{first}），按所选类别").format(
                    n=len(use.undecided), first=use.undecided[0]
                )
            )
        return "；".join(parts)

    def choices(self) -> dict[str, tuple[str, ...]]:
        """The user's picks, by 1986 type; types left to their words or default are absent."""
        picked: dict[str, tuple[str, ...]] = {}
        for use in self._plan.types:
            data = self.combos[use.name].currentData()
            if data and not use.is_fixed:
                picked[use.name] = tuple(data)
        return picked

    def missing(self) -> Sequence[str]:
        chosen = self.choices()
        return [name for name in self._plan.needs_choice if name not in chosen]

    def _update_problem(self) -> None:
        missing = self.missing()
        self.problem_label.setText(
            self.tr("请为“{names}”选择对应的类别。").format(names="、".join(missing)) if missing else ""
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)

    @classmethod
    def choose(cls, parent: QWidget | None, plan: SwitchPlan) -> dict[str, tuple[str, ...]] | None:
        dialog = cls(plan, parent)
        try:
            return dialog.choices() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
