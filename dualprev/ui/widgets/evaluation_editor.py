"""One stage's evaluation (固有风险 or 现有风险): method picker, factor pickers that show what each value
means, direct-judgement items, and the live score with its coloured level."""

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain import grading
from dualprev.domain.grading import DirectJudgementItem, GradingScheme, format_decimal
from dualprev.domain.risk import EvaluationMethod, RiskLevel, RiskStage
from dualprev.services.risks.evaluations import EvaluationInput, EvaluationRecord
from dualprev.ui.dialogs.lec_consequence_dialog import LecConsequenceDialog

_METHODS = (EvaluationMethod.LEC, EvaluationMethod.LS, EvaluationMethod.DIRECT)


def level_style(level: RiskLevel | None) -> str:
    """Style sheet of a label painted in a level's colour (grey when there is no level)."""
    if level is None:
        return "QLabel { background: #E6E6E6; color: #555; padding: 4px 10px; border-radius: 3px; }"
    text = "#{:02X}{:02X}{:02X}".format(*level.colour.text_rgb)
    return (
        f"QLabel {{ background: {level.colour.hex}; color: {text}; font-weight: bold; "
        "padding: 4px 10px; border-radius: 3px; }"
    )


class EvaluationEditor(QGroupBox):
    """Edits one new evaluation of one stage; the group's check box says whether to record one."""

    changed = Signal()

    def __init__(
        self,
        stage: RiskStage,
        schemes: Mapping[EvaluationMethod, GradingScheme],
        direct_items: tuple[DirectJudgementItem, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.stage = stage
        self._schemes = dict(schemes)
        self._direct_items = direct_items
        self.setObjectName(f"{stage.value}_evaluation_box")
        self.setTitle(stage.label)
        self._previous: EvaluationRecord | None = None

        layout = QVBoxLayout(self)
        self.previous_label = QLabel(self)
        self.previous_label.setObjectName("previous_label")
        self.previous_label.setWordWrap(True)
        layout.addWidget(self.previous_label)
        self.evaluate_check = QCheckBox(self)
        self.evaluate_check.setObjectName("evaluate_check")
        layout.addWidget(self.evaluate_check)
        self.fields = QWidget(self)
        self.fields.setObjectName("evaluation_fields")
        layout.addWidget(self.fields)
        layout.addStretch(1)
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        self._form = form
        self.method_combo = QComboBox(self)
        self.method_combo.setObjectName("method_combo")
        for method in _METHODS:
            scheme = self._schemes.get(method)
            suffix = f"（{scheme.name}）" if scheme is not None else ""
            self.method_combo.addItem(method.label + suffix, method.value)
        form.addRow(self.tr("评价方法"), self.method_combo)

        self.factor_combos: dict[str, QComboBox] = {}
        self._factor_rows: dict[str, tuple[QLabel, QComboBox]] = {}
        for key in ("L", "E", "C", "S"):
            combo = QComboBox(self)
            combo.setObjectName(f"factor_{key.lower()}_combo")
            combo.setMinimumContentsLength(24)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            label = QLabel(key, self)
            form.addRow(label, combo)
            self.factor_combos[key] = combo
            self._factor_rows[key] = (label, combo)
            combo.currentIndexChanged.connect(self._on_input_changed)
        self.consequence_btn = QPushButton(self.tr("C 按五个维度评分取最大值…"), self)
        self.consequence_btn.setObjectName("consequence_btn")
        self.consequence_btn.clicked.connect(self._on_consequence_helper)
        form.addRow("", self.consequence_btn)

        self.direct_box = QWidget(self)
        direct_layout = QVBoxLayout(self.direct_box)
        direct_layout.setContentsMargins(0, 0, 0, 0)
        self.direct_checks: dict[str, QCheckBox] = {}
        for item in direct_items:
            check = QCheckBox(f"{item.text}（→{item.level.label}）", self.direct_box)
            check.setObjectName(f"direct_{item.key}_check")
            direct_layout.addWidget(check)
            self.direct_checks[item.key] = check
            check.toggled.connect(self._on_input_changed)
        form.addRow(self.tr("判定依据"), self.direct_box)

        self.result_label = QLabel(self)
        self.result_label.setObjectName("result_label")
        self.result_label.setWordWrap(True)
        form.addRow(self.tr("计算结果"), self.result_label)
        self.level_label = QLabel(self)
        self.level_label.setObjectName("level_label")
        form.addRow(self.tr("风险等级"), self.level_label)
        self.assessor_edit = QLineEdit(self)
        self.assessor_edit.setObjectName("assessor_edit")
        self.assessor_edit.setMaxLength(50)
        form.addRow(self.tr("评价人"), self.assessor_edit)
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("evaluated_on_edit")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("评价日期"), self.date_edit)
        self.note_edit = QLineEdit(self)
        self.note_edit.setObjectName("evaluation_note_edit")
        form.addRow(self.tr("说明"), self.note_edit)

        self.method_combo.currentIndexChanged.connect(self._on_method_changed)
        self.evaluate_check.toggled.connect(self._on_toggled)
        self._on_method_changed()
        self.set_previous(None)
        self._on_toggled(False)

    # --- filling ----------------------------------------------------------------------------------

    def set_defaults(self, assessor: str, today: date) -> None:
        self.assessor_edit.setText(assessor)
        self.date_edit.setDate(QDate(today.year, today.month, today.day))

    @property
    def previous(self) -> EvaluationRecord | None:
        """The latest evaluation of this stage before the dialog opened."""
        return self._previous

    def set_previous(self, record: EvaluationRecord | None) -> None:
        """Start from the latest evaluation of this stage: same method and factors, unticked."""
        self._previous = record
        if record is None:
            self.previous_label.setText(self.tr("尚未评价。"))
            self.evaluate_check.setText(self.tr("评价{stage}").format(stage=self.stage.label))
            return
        self.evaluate_check.setText(self.tr("重新评价（原评价保留在评价历史中）"))
        self.previous_label.setText(
            self.tr("当前：{level}，{method} {score}，{who} {when} 评价").format(
                level=record.level.label,
                method=record.method.value if record.method is not EvaluationMethod.DIRECT else "直接判定",
                score=self._factors_text(record) if record.method is not EvaluationMethod.DIRECT else "",
                who=record.assessor_name or "—",
                when=record.evaluated_on.isoformat(),
            )
        )
        self.method_combo.setCurrentIndex(max(self.method_combo.findData(record.method.value), 0))
        for key, value in record.factors:
            combo = self.factor_combos.get(key)
            if combo is not None:
                index = combo.findData(value)
                if index >= 0:
                    combo.setCurrentIndex(index)
        reasons = set(record.direct_reasons)
        for item in self._direct_items:
            self.direct_checks[item.key].setChecked(item.text in reasons or item.key in reasons)
        self._on_input_changed()

    @staticmethod
    def _factors_text(record: EvaluationRecord) -> str:
        factors = " × ".join(f"{k}={v}" for k, v in record.factors)
        return f"{factors} = {record.score}" if record.score is not None else factors

    # --- reading ----------------------------------------------------------------------------------

    def method(self) -> EvaluationMethod:
        return EvaluationMethod(self.method_combo.currentData())

    def factors(self) -> tuple[tuple[str, str], ...]:
        scheme = self._schemes.get(self.method())
        if scheme is None:
            return ()
        return tuple((f.key, str(self.factor_combos[f.key].currentData() or "")) for f in scheme.factors)

    def direct_keys(self) -> tuple[str, ...]:
        return tuple(item.key for item in self._direct_items if self.direct_checks[item.key].isChecked())

    def level(self) -> RiskLevel | None:
        """The level the current inputs grade to (None when not computable yet)."""
        method = self.method()
        if method is EvaluationMethod.DIRECT:
            ticked = [item for item in self._direct_items if self.direct_checks[item.key].isChecked()]
            return grading.direct_grade(ticked)
        scheme = self._schemes.get(method)
        if scheme is None:
            return None
        try:
            return grading.grade(scheme, dict(self.factors())).level
        except (grading.FactorOutOfScale, KeyError):
            return None

    def value(self) -> EvaluationInput | None:
        """The evaluation to record, or None when this stage is not being (re-)evaluated."""
        if not self.isChecked():
            return None
        qdate = self.date_edit.date()
        method = self.method()
        return EvaluationInput(
            stage=self.stage,
            method=method,
            factors=self.factors() if method is not EvaluationMethod.DIRECT else (),
            direct_keys=self.direct_keys() if method is EvaluationMethod.DIRECT else (),
            assessor_name=self.assessor_edit.text().strip(),
            evaluated_on=date(qdate.year(), qdate.month(), qdate.day()),
            note=self.note_edit.text().strip(),
        )

    # --- reacting ---------------------------------------------------------------------------------

    def isChecked(self) -> bool:
        """Whether a new evaluation of this stage is to be recorded."""
        return self.evaluate_check.isChecked()

    def setChecked(self, on: bool) -> None:
        self.evaluate_check.setChecked(on)

    def _on_toggled(self, on: bool) -> None:
        self.fields.setEnabled(on)
        self._on_input_changed()

    def _on_method_changed(self) -> None:
        method = self.method()
        scheme = self._schemes.get(method)
        shown = {f.key: f for f in scheme.factors} if scheme is not None else {}
        for key, (label, combo) in self._factor_rows.items():
            factor = shown.get(key)
            self._form.setRowVisible(combo, factor is not None)
            if factor is None:
                continue
            label.setText(f"{factor.key}（{factor.name}）")
            previous = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("（请选择）"), None)
            for option in factor.values:
                text = format_decimal(option.value)
                combo.addItem(f"{text} — {option.meaning}", text)
                combo.setItemData(combo.count() - 1, option.meaning, Qt.ItemDataRole.ToolTipRole)
            index = combo.findData(previous) if previous is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self._form.setRowVisible(self.direct_box, method is EvaluationMethod.DIRECT)
        self._form.setRowVisible(self.consequence_btn, method is EvaluationMethod.LEC and "C" in shown)
        self._on_input_changed()

    def _on_consequence_helper(self) -> None:
        scheme = self._schemes.get(EvaluationMethod.LEC)
        if scheme is None:
            return
        value = LecConsequenceDialog.choose(self, scheme.factor("C"))
        if value is not None:
            combo = self.factor_combos["C"]
            combo.setCurrentIndex(max(combo.findData(value), 0))

    def _on_input_changed(self) -> None:
        method = self.method()
        level = self.level()
        if method is EvaluationMethod.DIRECT:
            ticked = len(self.direct_keys())
            self.result_label.setText(
                self.tr("已勾选 {n} 项判定依据").format(n=ticked) if ticked else self.tr("请勾选判定依据")
            )
        else:
            scheme = self._schemes.get(method)
            values = self.factors()
            if scheme is None or any(not v for _, v in values):
                self.result_label.setText(self.tr("请选择各项取值"))
            else:
                result = grading.grade(scheme, dict(values))
                symbol = "D" if method is EvaluationMethod.LEC else "R"
                product = " × ".join(v for _, v in values)
                self.result_label.setText(
                    f"{symbol} = {product} = {format_decimal(result.score)}（{result.band_label}）"
                )
        self.level_label.setText(level.label if level is not None else self.tr("未定级"))
        self.level_label.setStyleSheet(level_style(level))
        self.changed.emit()
