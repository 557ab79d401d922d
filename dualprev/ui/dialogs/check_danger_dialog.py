"""登记隐患 from a 不合格 check item: the hidden danger pre-filled from the item (where, what, who,
by when), to be completed and confirmed. It is saved with the check record, in one go."""

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

from dualprev.domain.hidden_danger import (
    HiddenDangerCategory,
    HiddenDangerDraft,
    HiddenDangerLevel,
    OwnerTier,
    draft_problems,
    immediate_problems,
)
from dualprev.services.hidden_dangers.choices import HiddenDangerChoices
from dualprev.ui import screen_fit
from dualprev.ui.dialogs.check_item_dialog import fill_enum
from dualprev.ui.dialogs.hidden_danger_fields import fill_people, get_date, name_buttons, set_date
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.forms.ui_check_danger_dialog import Ui_CheckDangerDialog
from dualprev.ui.widgets import combos
from dualprev.ui.widgets.field_errors import FieldErrors

RECORD_NOT_SAVED_YET = 0
"""Stands in for the check record's id while checking the draft: the record is saved with it."""


@dataclass(frozen=True)
class CheckDanger:
    """The hidden danger a failed item opens, and whether it was put right on the spot."""

    draft: HiddenDangerDraft
    immediate: bool = False


class CheckDangerDialog(GuardedDialog):
    """Completes a pre-filled hidden danger; returns it, never saves it."""

    def __init__(
        self,
        danger: CheckDanger,
        choices: HiddenDangerChoices,
        today: date,
        *,
        item_text: str = "",
        risk_point_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CheckDangerDialog()
        self.ui.setupUi(self)
        # Fields scroll on a small screen; the error line and the buttons stay in view.
        screen_fit.scroll_body(self, self.ui.error_label, self.ui.button_box)
        ui = self.ui
        self._draft = danger.draft
        self._choices = choices
        self._today = today
        self._deadline_touched = False
        self._setting = False
        self.setWindowTitle(self.tr("登记隐患（排查不合格项）"))
        ui.intro_label.setText(
            self.tr("不合格项：{item}\n保存排查记录时一并登记到隐患台账，并与本次排查记录关联。").format(
                item=item_text or "—"
            )
        )
        self.errors = FieldErrors(
            ui.error_label,
            {
                "description": ui.description_edit,
                "location": ui.location_edit,
                "rectifier_id": ui.rectifier_combo,
                "deadline": ui.deadline_edit,
                "level": ui.level_combo,
                "rectification_measures": ui.measures_edit,
            },
        )
        draft = danger.draft
        ui.description_edit.setPlainText(draft.description)
        ui.location_edit.setText(draft.location)
        ui.location_edit.setCursorPosition(0)
        ui.risk_point_label.setText(risk_point_text or self.tr("（无）"))
        fill_enum(ui.level_combo, [(lv.label, lv.value) for lv in HiddenDangerLevel], draft.level.value)
        fill_enum(ui.category_combo, [(c.label, c.value) for c in HiddenDangerCategory], draft.category.value)
        fill_enum(
            ui.owner_tier_combo,
            [(t.label, t.value) for t in OwnerTier],
            draft.owner_tier.value if draft.owner_tier else None,
            combos.NONE_TEXT,
        )
        combos.fill(
            ui.department_combo,
            combos.department_choices(choices.departments),
            draft.responsible_department_id,
        )
        fill_people(ui.rectifier_combo, choices.people, choices.departments, draft.rectifier_id)
        # No minimum: Qt would silently move a typed date before discovery; draft_problems refuses it.
        # Without a deadline (a 重大隐患 has no default) the field starts at the day of discovery.
        self._set_deadline(draft.deadline or draft.found_on)
        ui.measures_edit.setPlainText(draft.rectification_measures)
        ui.basis_edit.setText(draft.basis)
        ui.basis_edit.setCursorPosition(0)
        ui.immediate_check.setChecked(danger.immediate)
        name_buttons(ui.button_box, self.tr("确定"))
        ui.level_combo.currentIndexChanged.connect(self._on_level_changed)
        ui.owner_tier_combo.currentIndexChanged.connect(self._suggest_deadline)
        ui.deadline_edit.dateChanged.connect(self._on_deadline_edited)
        ui.button_box.accepted.connect(self._on_accept)
        ui.button_box.rejected.connect(self.reject)
        self._on_level_changed()

    def level(self) -> HiddenDangerLevel:
        return HiddenDangerLevel(self.ui.level_combo.currentData())

    def value(self) -> CheckDanger:
        ui = self.ui
        tier = ui.owner_tier_combo.currentData()
        major = self.level() is HiddenDangerLevel.MAJOR
        draft = replace(
            self._draft,
            description=ui.description_edit.toPlainText().strip(),
            location=ui.location_edit.text().strip(),
            level=self.level(),
            category=HiddenDangerCategory(ui.category_combo.currentData()),
            owner_tier=OwnerTier(tier) if tier and not major else None,
            responsible_department_id=combos.chosen_id(ui.department_combo),
            rectifier_id=combos.chosen_id(ui.rectifier_combo),
            deadline=get_date(ui.deadline_edit),
            rectification_measures=ui.measures_edit.toPlainText().strip(),
            basis=ui.basis_edit.text().strip(),
        )
        return CheckDanger(draft, ui.immediate_check.isChecked() and not major)

    # --- behaviour --------------------------------------------------------------------------------

    def _set_deadline(self, value: date) -> None:
        self._setting = True
        try:
            set_date(self.ui.deadline_edit, value)
        finally:
            self._setting = False

    def _on_deadline_edited(self) -> None:
        if not self._setting:
            self._deadline_touched = True

    def _on_level_changed(self) -> None:
        major = self.level() is HiddenDangerLevel.MAJOR
        self.ui.owner_tier_combo.setEnabled(not major)
        self.ui.immediate_check.setEnabled(not major)
        if major:
            self.ui.immediate_check.setChecked(False)
        self._suggest_deadline()

    def _suggest_deadline(self) -> None:
        ui, choices = self.ui, self._choices
        tier_value = ui.owner_tier_combo.currentData()
        tier = OwnerTier(tier_value) if tier_value else None
        if self.level() is HiddenDangerLevel.MAJOR:
            ui.deadline_hint_label.setText(self.tr("重大隐患按治理方案确定期限，请先填一个预计期限"))
        else:
            ui.deadline_hint_label.setText(
                self.tr("默认 {general} 天（班组级 {team} 天）").format(
                    general=choices.deadline_days_general, team=choices.deadline_days_team
                )
            )
        suggestion = choices.suggest_deadline(self._draft.found_on, self.level(), tier)
        if suggestion is not None and not self._deadline_touched:
            self._set_deadline(suggestion)

    def _on_accept(self) -> None:
        danger = self.value()
        checked = replace(danger.draft, check_record_id=RECORD_NOT_SAVED_YET)
        problems = draft_problems(checked, self._today)
        if danger.immediate:
            problems += immediate_problems(checked)
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        danger: CheckDanger,
        choices: HiddenDangerChoices,
        today: date,
        *,
        item_text: str = "",
        risk_point_text: str = "",
    ) -> CheckDanger | None:
        """Show the pre-filled form; the completed hidden danger, or None when cancelled."""
        dialog = cls(
            danger, choices, today, item_text=item_text, risk_point_text=risk_point_text, parent=parent
        )
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
