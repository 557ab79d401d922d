"""危险源 editor: identification (JHA step or SCL item, 危险有害因素, category, consequences, accident
types), evaluation of 固有风险 and 现有风险 with live grading, control measures, tier and
responsibility, and the evaluation history. Returns what was edited; the caller saves it."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.grading import DirectJudgementItem, GradingScheme
from dualprev.domain.risk import ControlTier, EvaluationMethod, RiskLevel, RiskPointKind, RiskStage
from dualprev.domain.tier_owner import tier_owner_problem
from dualprev.domain.vocabularies import HAZARD_FACTOR_CATEGORIES
from dualprev.services.organisation_service import DepartmentInfo, PersonInfo
from dualprev.services.risks.accident_types import AccidentTypeOption
from dualprev.services.risks.evaluations import EvaluationInput
from dualprev.services.risks.hazards import HazardDetail, HazardInfo
from dualprev.ui.dialogs.unsaved_changes import UnsavedChangesGuard
from dualprev.ui.widgets import check_list, combos
from dualprev.ui.widgets.evaluation_editor import EvaluationEditor
from dualprev.ui.widgets.field_errors import FieldErrors
from dualprev.ui.widgets.measures_editor import MeasuresEditor


@dataclass(frozen=True)
class HazardChoices:
    """What the dialog offers to pick from."""

    schemes: Mapping[EvaluationMethod, GradingScheme]
    tier_table: Mapping[RiskLevel, ControlTier]
    direct_items: tuple[DirectJudgementItem, ...]
    accident_types: list[AccidentTypeOption]
    departments: list[DepartmentInfo]
    people: list[PersonInfo]
    assessor: str
    today: date


@dataclass(frozen=True)
class HazardEdit:
    info: HazardInfo
    evaluations: tuple[EvaluationInput, ...]


class HazardDialog(QDialog):
    def __init__(
        self,
        risk_point_id: int,
        kind: RiskPointKind,
        detail: HazardDetail | None,
        choices: HazardChoices,
        parent: QWidget | None = None,
        *,
        defaults: HazardInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hazard_dialog")
        self.setWindowTitle(self.tr("新增危险源") if detail is None else self.tr("编辑危险源"))
        self.resize(980, 640)
        self._choices = choices
        self._kind = kind
        self._info = (
            detail.info
            if detail is not None
            else defaults or HazardInfo(risk_point_id=risk_point_id, description="")
        )
        info = self._info
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("hazard_tabs")
        layout.addWidget(self.tabs)

        # --- 辨识 ---------------------------------------------------------------------------------
        ident = QWidget(self)
        ident_layout = QVBoxLayout(ident)
        form = QFormLayout()
        ident_layout.addLayout(form)
        ident_layout.addStretch(1)
        self.step_edit = QLineEdit(info.step_or_item, ident)
        self.step_edit.setObjectName("step_edit")
        self.step_edit.setMaxLength(200)
        form.addRow(self.tr("作业步骤") if kind.uses_job_steps else self.tr("检查项目"), self.step_edit)
        self.standard_edit = QPlainTextEdit(info.standard, ident)
        self.standard_edit.setObjectName("standard_edit")
        self.standard_edit.setMaximumHeight(60)
        if not kind.uses_job_steps:
            form.addRow(self.tr("标准"), self.standard_edit)
        else:
            self.standard_edit.setVisible(False)
        self.description_edit = QPlainTextEdit(info.description, ident)
        self.description_edit.setObjectName("description_edit")
        self.description_edit.setMaximumHeight(70)
        form.addRow(self.tr("危险源或潜在事件 *"), self.description_edit)
        self.category_combo = QComboBox(ident)
        self.category_combo.setObjectName("factor_category_combo")
        self.category_combo.addItem(self.tr("（未分类）"), "")
        for category in HAZARD_FACTOR_CATEGORIES:
            indent = "　" if category.level == 2 else ""
            self.category_combo.addItem(f"{indent}{category.code} {category.name}", category.code)
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(info.factor_category), 0))
        form.addRow(self.tr("危险有害因素类别（GB/T 13861）"), self.category_combo)
        self.consequence_edit = QPlainTextEdit(info.consequence, ident)
        self.consequence_edit.setObjectName("consequence_edit")
        self.consequence_edit.setMaximumHeight(60)
        form.addRow(
            self.tr("可能后果") if kind.uses_job_steps else self.tr("不符合标准情况及后果"),
            self.consequence_edit,
        )
        self.accident_types_list = QListWidget(ident)
        self.accident_types_list.setObjectName("accident_types_list")
        self.accident_types_list.setFlow(QListWidget.Flow.LeftToRight)
        self.accident_types_list.setWrapping(True)
        self.accident_types_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.accident_types_list.setMaximumHeight(110)
        check_list.fill(
            self.accident_types_list,
            [(o.name, o.id) for o in choices.accident_types],
            set(info.accident_type_ids),
        )
        form.addRow(self.tr("可能导致的事故类型"), self.accident_types_list)
        self.note_edit = QLineEdit(info.note, ident)
        self.note_edit.setObjectName("hazard_note_edit")
        form.addRow(self.tr("备注"), self.note_edit)
        self.tabs.addTab(ident, self.tr("辨识"))

        # --- 评价 ---------------------------------------------------------------------------------
        evaluation = QWidget(self)
        eval_layout = QVBoxLayout(evaluation)
        hint = QLabel(
            self.tr(
                "固有风险：不考虑现有管控措施时的风险；现有风险：现有措施落实后的风险，不得高于固有风险。"
                "岗位告知卡、四色图和排查均按现有风险。"
            ),
            evaluation,
        )
        hint.setWordWrap(True)
        eval_layout.addWidget(hint)
        row = QHBoxLayout()
        self.inherent_editor = EvaluationEditor(
            RiskStage.INHERENT, choices.schemes, choices.direct_items, evaluation
        )
        self.current_editor = EvaluationEditor(
            RiskStage.CURRENT, choices.schemes, choices.direct_items, evaluation
        )
        for editor, previous in (
            (self.inherent_editor, detail.inherent if detail else None),
            (self.current_editor, detail.current if detail else None),
        ):
            editor.set_defaults(choices.assessor, choices.today)
            editor.set_previous(previous)
            row.addWidget(editor, 1)
        if detail is None or detail.current is None:
            self.current_editor.setChecked(True)
        eval_layout.addLayout(row, 1)
        self.tabs.addTab(evaluation, self.tr("风险评价"))

        # --- 管控措施 -------------------------------------------------------------------------------
        measures = QWidget(self)
        measures_layout = QVBoxLayout(measures)
        self.measures_editor = MeasuresEditor(measures)
        self.measures_editor.set_measures(info.measures)
        measures_layout.addWidget(self.measures_editor, 1)
        measures_layout.addWidget(QLabel(self.tr("建议新增（改进）措施（说明）"), measures))
        self.suggested_edit = QPlainTextEdit(info.suggested_measures, measures)
        self.suggested_edit.setObjectName("suggested_measures_edit")
        self.suggested_edit.setMaximumHeight(70)
        measures_layout.addWidget(self.suggested_edit)
        self.tabs.addTab(measures, self.tr("管控措施"))

        # --- 管控层级与责任 ---------------------------------------------------------------------------
        duty = QWidget(self)
        duty_form = QFormLayout(duty)
        self.tier_combo = QComboBox(duty)
        self.tier_combo.setObjectName("tier_combo")
        self.tier_combo.addItem(self.tr("（按风险等级建议）"), None)
        for tier in ControlTier:
            self.tier_combo.addItem(tier.label, tier.value)
        if info.control_tier is not None:
            self.tier_combo.setCurrentIndex(self.tier_combo.findData(info.control_tier.value))
        duty_form.addRow(self.tr("管控层级"), self.tier_combo)
        self.tier_hint_label = QLabel(duty)
        self.tier_hint_label.setObjectName("tier_hint_label")
        duty_form.addRow("", self.tier_hint_label)
        self.department_combo = QComboBox(duty)
        self.department_combo.setObjectName("responsible_department_combo")
        combos.fill(
            self.department_combo,
            combos.department_choices(choices.departments),
            info.responsible_department_id,
        )
        duty_form.addRow(self.tr("责任单位"), self.department_combo)
        self.person_combo = QComboBox(duty)
        self.person_combo.setObjectName("responsible_person_combo")
        combos.fill(
            self.person_combo,
            [
                (p.name, p.id)
                for p in choices.people
                if p.id is not None and (p.is_active or p.id == info.responsible_person_id)
            ],
            info.responsible_person_id,
        )
        duty_form.addRow(self.tr("责任人"), self.person_combo)
        self.owner_warning_label = QLabel(duty)
        self.owner_warning_label.setObjectName("owner_warning_label")
        self.owner_warning_label.setWordWrap(True)
        self.owner_warning_label.setStyleSheet("color: #C62828;")
        duty_form.addRow("", self.owner_warning_label)
        self.tier_combo.currentIndexChanged.connect(self._update_owner_warning)
        self.person_combo.currentIndexChanged.connect(self._update_owner_warning)
        self.tabs.addTab(duty, self.tr("管控层级与责任"))

        # --- 评价历史 -------------------------------------------------------------------------------
        history = detail.history if detail is not None else ()
        self.history_table = QTableWidget(len(history), 7, self)
        self.history_table.setObjectName("history_table")
        self.history_table.setHorizontalHeaderLabels(
            [self.tr("评价日期"), self.tr("阶段"), self.tr("方法"), self.tr("取值"), self.tr("分值"),
             self.tr("风险等级"), self.tr("评价人")]
        )  # fmt: skip
        self.history_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history_table.horizontalHeader().setStretchLastSection(True)
        for r, record in enumerate(history):
            factors = "，".join(f"{k}={v}" for k, v in record.factors) or "；".join(record.direct_reasons)
            cells = [record.evaluated_on.isoformat(), record.stage.label, record.method.label, factors,
                     record.score or "", record.level.label, record.assessor_name]  # fmt: skip
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if c == 5:
                    cell.setBackground(QBrush(QColor(record.level.colour.hex)))
                    cell.setForeground(QBrush(QColor(*record.level.colour.text_rgb)))
                self.history_table.setItem(r, c, cell)
        self.tabs.addTab(self.history_table, self.tr("评价历史（{n}）").format(n=len(history)))

        # --- buttons ------------------------------------------------------------------------------
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setStyleSheet("color: #C00000;")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        fields: dict[str, QWidget] = {"description": self.description_edit}
        for editor in (self.inherent_editor, self.current_editor):
            fields[f"{editor.stage.value}.level"] = editor.result_label
            fields[f"{editor.stage.value}.assessor"] = editor.assessor_edit
        self.errors = FieldErrors(self.error_label, fields)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.setObjectName("button_box")
        self.button_box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.button_box.accepted.connect(self._on_accept)
        self.button_box.rejected.connect(self.reject)
        layout.addWidget(self.button_box)
        self._last_stage_problem = ""
        self.inherent_editor.changed.connect(self._on_evaluation_changed)
        self.current_editor.changed.connect(self._on_evaluation_changed)
        self._on_evaluation_changed()
        self._unsaved = UnsavedChangesGuard(self, self.value, self._on_accept)

    def reject(self) -> None:
        """取消, Esc or ×: asks 保存/放弃/取消 first when something was changed."""
        if self._unsaved.may_close():
            super().reject()

    # --- values -----------------------------------------------------------------------------------

    def chosen_accident_type_ids(self) -> tuple[int, ...]:
        return check_list.checked_ids(self.accident_types_list)

    def value(self) -> HazardEdit:
        tier = self.tier_combo.currentData()
        info = HazardInfo(
            risk_point_id=self._info.risk_point_id,
            description=self.description_edit.toPlainText().strip(),
            step_or_item=self.step_edit.text().strip(),
            standard=self.standard_edit.toPlainText().strip() if not self._kind.uses_job_steps else "",
            factor_category=str(self.category_combo.currentData() or ""),
            consequence=self.consequence_edit.toPlainText().strip(),
            accident_type_ids=self.chosen_accident_type_ids(),
            control_tier=ControlTier(tier) if tier else self._suggested_tier(),
            responsible_department_id=combos.chosen_id(self.department_combo),
            responsible_person_id=combos.chosen_id(self.person_combo),
            suggested_measures=self.suggested_edit.toPlainText().strip(),
            note=self.note_edit.text().strip(),
            measures=self.measures_editor.value(),
            seq=self._info.seq,
            id=self._info.id,
        )
        evaluations = tuple(
            e for e in (self.inherent_editor.value(), self.current_editor.value()) if e is not None
        )
        return HazardEdit(info, evaluations)

    def _effective_level(
        self, editor: EvaluationEditor, previous_level: RiskLevel | None
    ) -> RiskLevel | None:
        return editor.level() if editor.isChecked() else previous_level

    def _suggested_tier(self) -> ControlTier | None:
        level = self._effective_level(self.current_editor, self._previous_level(self.current_editor))
        return self._choices.tier_table.get(level) if level is not None else None

    @staticmethod
    def _previous_level(editor: EvaluationEditor) -> RiskLevel | None:
        return editor.previous.level if editor.previous is not None else None

    def _update_owner_warning(self) -> None:
        """Warns (without refusing) when a 重大/较大 risk at 公司级 has no company-level owner."""
        if not hasattr(self, "owner_warning_label"):
            return
        chosen = self.tier_combo.currentData()
        tier = ControlTier(chosen) if chosen else self._suggested_tier()
        level = self._effective_level(self.current_editor, self._previous_level(self.current_editor))
        person_id = combos.chosen_id(self.person_combo)
        person = next((p for p in self._choices.people if p.id == person_id), None)
        department = next(
            (d for d in self._choices.departments if person is not None and d.id == person.department_id),
            None,
        )
        problem = tier_owner_problem(level, tier, department.kind if department else None, person is not None)
        self.owner_warning_label.setText(self.tr(problem) if problem else "")
        self.owner_warning_label.setVisible(bool(problem))

    def _on_evaluation_changed(self) -> None:
        self._update_owner_warning()
        suggestion = self._suggested_tier()
        if suggestion is None:
            self.tier_hint_label.setText(self.tr("评价后按风险等级给出建议层级。"))
        else:
            self.tier_hint_label.setText(self.tr("按现有风险等级建议：{tier}").format(tier=suggestion.label))
        problem = self._stage_problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.setVisible(True)
        elif self.error_label.text() == self._last_stage_problem:
            self.error_label.setVisible(False)
        self._last_stage_problem = problem

    def _stage_problem(self) -> str:
        inherent = self._effective_level(self.inherent_editor, self._previous_level(self.inherent_editor))
        current = self._effective_level(self.current_editor, self._previous_level(self.current_editor))
        if inherent is not None and current is not None and current < inherent:
            return self.tr("现有风险（{cur}）不能高于固有风险（{inh}）。").format(
                cur=current.label, inh=inherent.label
            )
        return ""

    def problems(self) -> list[tuple[str, str]]:
        """Every refusal of the form as (field, message): the description and each evaluation."""
        problems: list[tuple[str, str]] = []
        if not self.value().info.description:
            problems.append(("description", self.tr("请填写危险源或潜在事件。")))
        for editor in (self.inherent_editor, self.current_editor):
            if not editor.isChecked():
                continue
            stage = editor.stage
            if editor.level() is None:
                what = (
                    self.tr("请勾选至少一项直接判定依据")
                    if editor.method() is EvaluationMethod.DIRECT
                    else self.tr("请选择各项取值")
                )
                problems.append((f"{stage.value}.level", f"{stage.label}：{what}。"))
            if not editor.assessor_edit.text().strip():
                problems.append(
                    (f"{stage.value}.assessor", self.tr("{stage}：请填写评价人。").format(stage=stage.label))
                )
        stage_problem = self._stage_problem()
        if stage_problem:
            problems.append((f"{self.current_editor.stage.value}.level", stage_problem))
        return problems

    def _on_accept(self) -> None:
        problems = self.problems()
        if problems:
            self.tabs.setCurrentIndex(0 if problems[0][0] == "description" else 1)
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.accept()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        risk_point_id: int,
        kind: RiskPointKind,
        detail: HazardDetail | None,
        choices: HazardChoices,
        *,
        defaults: HazardInfo | None = None,
    ) -> HazardEdit | None:
        """Show the dialog; what was edited, or None when cancelled. A new hazard starts from
        ``defaults`` (its risk point's 责任单位/责任人)."""
        dialog = cls(risk_point_id, kind, detail, choices, parent, defaults=defaults)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
