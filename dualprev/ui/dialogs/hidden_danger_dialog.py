"""登记隐患 / 修改隐患: the registration form of one hidden danger (台账 columns of domain.md §8.2)."""

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QInputDialog, QListWidgetItem, QWidget

from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import (
    HiddenDangerCategory,
    HiddenDangerDraft,
    HiddenDangerLevel,
    HiddenDangerSource,
    OwnerTier,
    draft_problems,
    immediate_problems,
    update_problems,
)
from dualprev.services.hidden_dangers.choices import HiddenDangerChoices
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail
from dualprev.services.photo_service import PreparedPhoto
from dualprev.ui import screen_fit
from dualprev.ui.dialogs.hidden_danger_fields import (
    fill_people,
    get_date,
    get_funds,
    name_buttons,
    required,
    set_date,
    set_funds,
)
from dualprev.ui.dialogs.unsaved_changes import UnsavedChangesGuard
from dualprev.ui.forms.ui_hidden_danger_dialog import Ui_HiddenDangerDialog
from dualprev.ui.widgets import combos
from dualprev.ui.widgets.field_errors import FieldErrors
from dualprev.ui.widgets.major_basis_fields import MajorBasisFields
from dualprev.ui.widgets.step_person import StepPerson, StepPersonRow

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class HiddenDangerRegistration:
    """What 登记 hands to the service: the record, whether it was fixed on the spot, its photos."""

    draft: HiddenDangerDraft
    immediate: bool = False
    photos: tuple[PreparedPhoto, ...] = ()
    performed_by: str = ""
    """Who registered it (登记人); empty: the operator."""


def _fill_enum(
    combo: QComboBox, members: list[tuple[str, str]], current: str | None, *, none_text: str = ""
) -> None:
    """Enum members by their stored value (Qt would turn the enum itself into a plain str)."""
    combo.clear()
    if none_text:
        combo.addItem(none_text, "")
    for text, value in members:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(combo.findData(current or ""), 0))


class HiddenDangerDialog(QDialog):
    """Registers a new hidden danger or edits one; returns the data, never saves it."""

    def __init__(
        self,
        choices: HiddenDangerChoices,
        today: date,
        detail: HiddenDangerDetail | None = None,
        template: HiddenDangerDraft | None = None,
        parent: QWidget | None = None,
        *,
        performer: StepPerson | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_HiddenDangerDialog()
        self.ui.setupUi(self)
        # Fields scroll on a small screen; the error line and the buttons stay in view.
        screen_fit.scroll_body(self, self.ui.error_label, self.ui.button_box)
        self.performer_row = (
            StepPersonRow(self.ui.found_form, self, self.tr("登记人"), performer)
            if performer is not None and detail is None
            else None
        )
        self._choices = choices
        self._today = today
        self._detail = detail
        self._deadline_touched = detail is not None
        self._setting_deadline = False
        ui = self.ui
        draft = detail.draft if detail else template or HiddenDangerDraft(found_on=today, description="")
        self.setWindowTitle(
            self.tr("修改隐患 {number}").format(number=detail.number) if detail else self.tr("登记隐患")
        )
        self.errors = FieldErrors(
            ui.error_label,
            {
                "found_on": ui.found_on_edit,
                "description": ui.description_edit,
                "location": ui.location_edit,
                "check_record_id": ui.check_record_combo,
                "source_detail": ui.source_detail_edit,
                "finder_names": ui.finder_edit,
                "rectifier_id": ui.rectifier_combo,
                "deadline": ui.deadline_edit,
                "funds_fen": ui.funds_spin,
                "level": ui.level_combo,
                "rectification_measures": ui.measures_edit,
                "area_id": ui.area_combo,
                "risk_point_id": ui.risk_point_combo,
                "responsible_department_id": ui.department_combo,
                "accident_type_ids": ui.accident_types_list,
                "photos": ui.before_photos_strip,
                "basis": ui.basis_edit,
            },
        )
        # No maximum: Qt would silently turn a typed 2027-03-01 into 2026-03-01; the rule below
        # refuses a future date at its field instead.
        set_date(ui.found_on_edit, draft.found_on)
        _fill_enum(ui.source_combo, [(s.label, s.value) for s in HiddenDangerSource], draft.source.value)
        ui.source_detail_edit.setText(draft.source_detail)
        records = [(r.text, r.id) for r in choices.check_records]
        if draft.check_record_id is not None and draft.check_record_id not in {
            r.id for r in choices.check_records
        }:
            # An older record than the picker lists: keep it rather than silently dropping the link.
            records.append((detail.check_record_text if detail else "", draft.check_record_id))
        combos.fill(ui.check_record_combo, records, draft.check_record_id)
        _fill_enum(
            ui.check_type_combo,
            [(t.label, t.value) for t in CheckType],
            draft.check_type.value if draft.check_type else None,
            none_text=combos.NONE_TEXT,
        )
        ui.finder_edit.setText(draft.finder_names)
        combos.fill(ui.area_combo, [(a.name, a.id) for a in choices.areas if a.id is not None], draft.area_id)
        self._fill_risk_points(draft.risk_point_id)
        ui.location_edit.setText(draft.location)
        ui.description_edit.setPlainText(draft.description)
        _fill_enum(ui.level_combo, [(lv.label, lv.value) for lv in HiddenDangerLevel], draft.level.value)
        _fill_enum(
            ui.category_combo, [(c.label, c.value) for c in HiddenDangerCategory], draft.category.value
        )
        _fill_enum(
            ui.owner_tier_combo,
            [(t.label, t.value) for t in OwnerTier],
            draft.owner_tier.value if draft.owner_tier else None,
            none_text=combos.NONE_TEXT,
        )
        # Wrapping is not a Designer property pyside6-uic can compile; the flow and sizes are in the form.
        ui.accident_types_list.setWrapping(True)
        for accident_type in choices.accident_types:
            item = QListWidgetItem(accident_type.name, ui.accident_types_list)
            item.setData(ID_ROLE, accident_type.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = accident_type.id in draft.accident_type_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        ui.basis_edit.setText(draft.basis)
        position: tuple[int, object] = ui.danger_form.getWidgetPosition(ui.basis_edit)  # type: ignore[assignment]
        self.major_fields = MajorBasisFields(
            ui.danger_form, position[0] + 1, choices.standard_items, draft, self
        )
        self.level_reason = ""
        ui.measures_edit.setPlainText(draft.rectification_measures)
        combos.fill(
            ui.department_combo,
            combos.department_choices(choices.departments),
            draft.responsible_department_id,
        )
        fill_people(ui.rectifier_combo, choices.people, choices.departments, draft.rectifier_id)
        # Without a deadline (a 重大隐患 has no default) the field starts at the day of discovery.
        self._set_deadline(draft.deadline or draft.found_on)
        set_funds(ui.funds_spin, draft.funds_fen)
        ui.interim_edit.setPlainText(draft.interim_measures)
        ui.note_edit.setText(draft.note)
        for edit in (ui.source_detail_edit, ui.finder_edit, ui.location_edit, ui.basis_edit, ui.note_edit):
            edit.setCursorPosition(0)  # long texts show their beginning, not their end
        ui.before_photos_strip.set_editable(detail is None)
        if detail is not None:
            ui.immediate_check.setVisible(False)
            ui.photos_group.setVisible(False)
            ui.level_combo.setToolTip(self.tr("可随时升为重大隐患；重大隐患降为一般隐患须填写理由"))
        name_buttons(ui.button_box, self.tr("保存") if detail else self.tr("登记"))

        ui.source_combo.currentIndexChanged.connect(self._on_source_changed)
        ui.area_combo.currentIndexChanged.connect(self._on_area_changed)
        ui.risk_point_combo.currentIndexChanged.connect(self._on_risk_point_changed)
        ui.level_combo.currentIndexChanged.connect(self._on_level_changed)
        ui.owner_tier_combo.currentIndexChanged.connect(self._suggest_deadline)
        ui.found_on_edit.dateChanged.connect(self._suggest_deadline)
        ui.deadline_edit.dateChanged.connect(self._on_deadline_edited)
        ui.description_edit.textChanged.connect(self._suggest_items)
        ui.location_edit.editingFinished.connect(self._suggest_items)
        ui.risk_point_combo.currentIndexChanged.connect(self._suggest_items)
        ui.button_box.accepted.connect(self._on_accept)
        ui.button_box.rejected.connect(self.reject)
        self._on_source_changed()
        self._on_level_changed()
        if draft.deadline is None:
            self._suggest_deadline()
        self._unsaved = UnsavedChangesGuard(self, self.registration, self._on_accept)

    def reject(self) -> None:
        """取消, Esc or ×: asks 保存/放弃/取消 first when something was typed."""
        if self._unsaved.may_close():
            super().reject()

    # --- reading --------------------------------------------------------------------------------------

    def level(self) -> HiddenDangerLevel:
        return HiddenDangerLevel(self.ui.level_combo.currentData())

    def source(self) -> HiddenDangerSource:
        return HiddenDangerSource(self.ui.source_combo.currentData())

    def value(self) -> HiddenDangerDraft:
        ui = self.ui
        checked = tuple(
            int(ui.accident_types_list.item(i).data(ID_ROLE))
            for i in range(ui.accident_types_list.count())
            if ui.accident_types_list.item(i).checkState() == Qt.CheckState.Checked
        )
        check_type = ui.check_type_combo.currentData()
        tier = ui.owner_tier_combo.currentData()
        return HiddenDangerDraft(
            found_on=get_date(ui.found_on_edit),
            description=ui.description_edit.toPlainText().strip(),
            level=self.level(),
            category=HiddenDangerCategory(ui.category_combo.currentData()),
            source=self.source(),
            source_detail=ui.source_detail_edit.text().strip(),
            check_record_id=combos.chosen_id(ui.check_record_combo)
            if self.source() is HiddenDangerSource.CHECK
            else None,
            check_type=CheckType(check_type) if check_type else None,
            finder_names=ui.finder_edit.text().strip(),
            area_id=combos.chosen_id(ui.area_combo),
            risk_point_id=combos.chosen_id(ui.risk_point_combo),
            location=ui.location_edit.text().strip(),
            owner_tier=OwnerTier(tier) if tier and self.level() is HiddenDangerLevel.GENERAL else None,
            basis=ui.basis_edit.text().strip(),
            accident_type_ids=checked,
            rectification_measures=ui.measures_edit.toPlainText().strip(),
            responsible_department_id=combos.chosen_id(ui.department_combo),
            rectifier_id=combos.chosen_id(ui.rectifier_combo),
            deadline=get_date(ui.deadline_edit),
            funds_fen=get_funds(ui.funds_spin),
            interim_measures=ui.interim_edit.toPlainText().strip(),
            note=ui.note_edit.text().strip(),
            standard_item=self.major_fields.standard_item(),
            cause=self.major_fields.cause(),
        )

    def registration(self) -> HiddenDangerRegistration:
        immediate = self.ui.immediate_check.isChecked() and self.ui.immediate_check.isEnabled()
        return HiddenDangerRegistration(
            self.value(),
            immediate,
            self.ui.before_photos_strip.pending(),
            self.performer_row.name() if self.performer_row is not None else "",
        )

    # --- behaviour ------------------------------------------------------------------------------------

    def _fill_risk_points(self, current: int | None) -> None:
        area = combos.chosen_id(self.ui.area_combo)
        points = [
            rp for rp in self._choices.risk_points if area is None or rp.area_id == area or rp.id == current
        ]
        combos.fill(
            self.ui.risk_point_combo, [(f"{rp.code} {rp.name}".strip(), rp.id) for rp in points], current
        )

    def _on_area_changed(self) -> None:
        self._fill_risk_points(combos.chosen_id(self.ui.risk_point_combo))

    def _on_risk_point_changed(self) -> None:
        chosen = combos.chosen_id(self.ui.risk_point_combo)
        point = next((rp for rp in self._choices.risk_points if rp.id == chosen), None)
        if point is not None and point.area_id is not None and combos.chosen_id(self.ui.area_combo) is None:
            index = self.ui.area_combo.findData(point.area_id)
            if index >= 0:
                self.ui.area_combo.blockSignals(True)
                self.ui.area_combo.setCurrentIndex(index)
                self.ui.area_combo.blockSignals(False)

    def _on_source_changed(self) -> None:
        ui, source = self.ui, self.source()
        ui.check_record_combo.setEnabled(source is HiddenDangerSource.CHECK)
        required(ui.check_record_label, self.tr("排查记录"), source is HiddenDangerSource.CHECK)
        if source is HiddenDangerSource.EXTERNAL:
            required(ui.source_detail_label, self.tr("检查单位"), True)
            ui.source_detail_edit.setPlaceholderText(self.tr("如：丰泽镇应急管理办公室执法检查"))
        else:
            required(ui.source_detail_label, self.tr("来源说明"), False)
            ui.source_detail_edit.setPlaceholderText(self.tr("可不填"))
        reporter = source is HiddenDangerSource.WORKER_REPORT
        required(ui.finder_label, self.tr("报告人") if reporter else self.tr("排查人"), reporter)

    def _on_level_changed(self) -> None:
        ui = self.ui
        major = self.level() is HiddenDangerLevel.MAJOR
        ui.owner_tier_combo.setEnabled(not major)
        ui.immediate_check.setEnabled(not major)
        if major:
            ui.immediate_check.setChecked(False)
            ui.immediate_check.setToolTip(self.tr("重大隐患须制定治理方案后组织整改，不能立即整改销号"))
        else:
            ui.immediate_check.setToolTip("")
        self._suggest_deadline()

    def _set_deadline(self, value: date) -> None:
        self._setting_deadline = True
        try:
            set_date(self.ui.deadline_edit, value)
        finally:
            self._setting_deadline = False

    def _on_deadline_edited(self) -> None:
        if not self._setting_deadline:
            self._deadline_touched = True

    def _suggest_deadline(self) -> None:
        ui, choices = self.ui, self._choices
        tier_value = ui.owner_tier_combo.currentData()
        tier = OwnerTier(tier_value) if tier_value else None
        if self.level() is HiddenDangerLevel.MAJOR:
            ui.deadline_hint_label.setText(self.tr("重大隐患按治理方案确定期限"))
        else:
            ui.deadline_hint_label.setText(
                self.tr("默认 {general} 天（班组级 {team} 天）").format(
                    general=choices.deadline_days_general, team=choices.deadline_days_team
                )
            )
        suggestion = choices.suggest_deadline(get_date(ui.found_on_edit), self.level(), tier)
        if suggestion is not None and not self._deadline_touched:
            self._set_deadline(suggestion)

    def _suggest_items(self) -> None:
        ui = self.ui
        self.major_fields.suggest(
            ui.description_edit.toPlainText(), ui.location_edit.text(), ui.risk_point_combo.currentText()
        )

    def _ask_level_reason(self, draft: HiddenDangerDraft) -> bool:
        """重大 → 一般 needs a reason (kept in the timeline and audit); False when the user cancels."""
        if self._detail is None or self._detail.level is not HiddenDangerLevel.MAJOR:
            return True
        if draft.level is not HiddenDangerLevel.GENERAL:
            return True
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("降为一般隐患"), self.tr("请填写将重大隐患降为一般隐患的理由（将记入操作日志）："),
            self.level_reason,
        )  # fmt: skip
        self.level_reason = text.strip() if ok else ""
        return ok

    def _on_accept(self) -> None:
        draft = self.value()
        if not self._ask_level_reason(draft):
            return
        problems = draft_problems(draft, self._today)
        if self._detail is not None:
            problems += update_problems(self._detail.facts(), draft, self.level_reason)
        elif self.registration().immediate:
            problems += immediate_problems(draft)
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.accept()

    # --- entry points ---------------------------------------------------------------------------------

    @classmethod
    def register(
        cls,
        parent: QWidget | None,
        choices: HiddenDangerChoices,
        today: date,
        template: HiddenDangerDraft | None = None,
        *,
        performer: StepPerson | None = None,
    ) -> HiddenDangerRegistration | None:
        """Show the empty form (or ``template``); the registration, or None when cancelled."""
        dialog = cls(choices, today, None, template, parent, performer=performer)
        try:
            return dialog.registration() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    @classmethod
    def edit_with_reason(
        cls, parent: QWidget | None, detail: HiddenDangerDetail, choices: HiddenDangerChoices, today: date
    ) -> tuple[HiddenDangerDraft, str] | None:
        """As :meth:`edit`, with the reason given for lowering a 重大隐患 to 一般 ("" otherwise)."""
        dialog = cls(choices, today, detail, None, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return (dialog.value(), dialog.level_reason) if accepted else None
        finally:
            dialog.deleteLater()

    @classmethod
    def edit(
        cls, parent: QWidget | None, detail: HiddenDangerDetail, choices: HiddenDangerChoices, today: date
    ) -> HiddenDangerDraft | None:
        """Show the form filled from ``detail``; the edited record, or None when cancelled."""
        dialog = cls(choices, today, detail, None, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
