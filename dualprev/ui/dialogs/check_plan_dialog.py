"""排查计划 editor: who checks which items, how often, from when — with the items the frequency table
suggests for the plan's tier, and a warning for items the plan would check too seldom."""

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

from dualprev.domain.checks import (
    DEFAULT_CHECK_TYPE_BY_TIER,
    DEFAULT_FREQUENCY_BY_TIER,
    CheckFrequency,
    CheckPlanDraft,
    CheckType,
    FrequencyTable,
    at_least_as_often,
    plan_problems,
)
from dualprev.domain.risk import ControlTier
from dualprev.services.checks.items import CheckItemRow
from dualprev.services.organisation_service import AreaInfo, DepartmentInfo, PersonInfo
from dualprev.ui.dialogs.check_item_dialog import fill_enum
from dualprev.ui.dialogs.hidden_danger_fields import fill_people, get_date, name_buttons, set_date
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.forms.ui_check_plan_dialog import Ui_CheckPlanDialog
from dualprev.ui.widgets import combos
from dualprev.ui.widgets.field_errors import FieldErrors

SuggestFn = Callable[[ControlTier | None, CheckFrequency, int | None, int | None], Sequence[int]]


class CheckPlanDialog(GuardedDialog):
    """Edits one plan; returns the edited plan, never saves it."""

    def __init__(
        self,
        draft: CheckPlanDraft | None,
        items: Sequence[CheckItemRow],
        departments: list[DepartmentInfo],
        people: list[PersonInfo],
        areas: list[AreaInfo],
        table: FrequencyTable,
        today: date,
        suggest: SuggestFn,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CheckPlanDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._is_new = draft is None
        self._items = {row.id: row for row in items}
        self._table = table
        self._suggest = suggest
        draft = draft or CheckPlanDraft(
            name="",
            check_type=CheckType.DAILY,
            frequency=CheckFrequency.PER_SHIFT,
            start_on=today,
            control_tier=ControlTier.POST,
        )
        self.setWindowTitle(self.tr("新建排查计划") if self._is_new else self.tr("编辑排查计划"))
        self.errors = FieldErrors(
            ui.error_label,
            {
                "name": ui.name_edit,
                "end_on": ui.end_edit,
                "assignee_id": ui.assignee_combo,
                "item_ids": ui.items_tree,
            },
        )
        ui.name_edit.setText(draft.name)
        fill_enum(ui.check_type_combo, [(t.label, t.value) for t in CheckType], draft.check_type.value)
        fill_enum(
            ui.tier_combo,
            [(t.label, t.value) for t in ControlTier],
            draft.control_tier.value if draft.control_tier else None,
            combos.NONE_TEXT,
        )
        fill_enum(ui.frequency_combo, [(f.label, f.value) for f in CheckFrequency], draft.frequency.value)
        combos.fill(ui.department_combo, combos.department_choices(departments), draft.department_id)
        combos.fill(ui.area_combo, [(a.name, a.id) for a in areas if a.id is not None], draft.area_id)
        fill_people(ui.assignee_combo, people, departments, draft.assignee_id)
        set_date(ui.start_edit, draft.start_on)
        ui.end_check.setChecked(draft.end_on is not None)
        set_date(ui.end_edit, draft.end_on or draft.start_on)
        ui.end_edit.setEnabled(draft.end_on is not None)
        ui.active_check.setChecked(draft.is_active)
        ui.note_edit.setPlainText(draft.note)
        ui.items_tree.set_items(items, draft.item_ids)
        name_buttons(ui.button_box, self.tr("保存"))

        ui.items_tree.changed.connect(self._update_items_info)
        ui.frequency_combo.currentIndexChanged.connect(self._update_items_info)
        ui.tier_combo.currentIndexChanged.connect(self._on_tier_changed)
        ui.end_check.toggled.connect(ui.end_edit.setEnabled)
        ui.filter_edit.textChanged.connect(ui.items_tree.apply_filter)
        ui.suggest_btn.clicked.connect(self.apply_suggestion)
        ui.clear_btn.clicked.connect(lambda: ui.items_tree.set_checked(()))
        ui.button_box.accepted.connect(self._on_accept)
        ui.button_box.rejected.connect(self.reject)
        self._update_items_info()

    # --- reading ----------------------------------------------------------------------------------

    def tier(self) -> ControlTier | None:
        value = self.ui.tier_combo.currentData()
        return ControlTier(value) if value else None

    def frequency(self) -> CheckFrequency:
        return CheckFrequency(self.ui.frequency_combo.currentData())

    def value(self) -> CheckPlanDraft:
        ui = self.ui
        return CheckPlanDraft(
            name=ui.name_edit.text().strip(),
            check_type=CheckType(ui.check_type_combo.currentData()),
            frequency=self.frequency(),
            start_on=get_date(ui.start_edit),
            control_tier=self.tier(),
            end_on=get_date(ui.end_edit) if ui.end_check.isChecked() else None,
            department_id=combos.chosen_id(ui.department_combo),
            area_id=combos.chosen_id(ui.area_combo),
            assignee_id=combos.chosen_id(ui.assignee_combo),
            is_active=ui.active_check.isChecked(),
            note=ui.note_edit.toPlainText().strip(),
            item_ids=ui.items_tree.checked_ids(),
        )

    def frequency_gaps(self) -> list[CheckItemRow]:
        """Ticked items the frequency table wants checked more often than this plan runs."""
        tier, frequency = self.tier(), self.frequency()
        gaps: list[CheckItemRow] = []
        for item_id in self.ui.items_tree.checked_ids():
            row = self._items.get(item_id)
            if row is None:
                continue
            required = self._table.required(
                row.level, row.control_tier, tier or row.control_tier or ControlTier.TEAM
            )
            if required is not None and not at_least_as_often(frequency, required):
                gaps.append(row)
        return gaps

    # --- behaviour --------------------------------------------------------------------------------

    def apply_suggestion(self) -> None:
        """Tick what the frequency table says this tier checks at this frequency in this place."""
        ui = self.ui
        ids = self._suggest(
            self.tier(),
            self.frequency(),
            combos.chosen_id(ui.area_combo),
            combos.chosen_id(ui.department_combo),
        )
        ui.items_tree.set_checked(ids)
        if not ids:
            ui.gap_label.setText(
                self.tr(
                    "按排查频次表，该层级在所选区域没有需要按此频次检查的排查项；可以改变层级、频次或区域，或手工勾选。"
                )
            )

    def _on_tier_changed(self) -> None:
        tier = self.tier()
        if self._is_new and tier is not None:
            # A new plan follows its tier's usual check type and frequency (domain.md §4).
            fill_enum(
                self.ui.check_type_combo,
                [(t.label, t.value) for t in CheckType],
                DEFAULT_CHECK_TYPE_BY_TIER[tier].value,
            )
            self.ui.frequency_combo.setCurrentIndex(
                self.ui.frequency_combo.findData(DEFAULT_FREQUENCY_BY_TIER[tier].value)
            )
        self._update_items_info()

    def _update_items_info(self) -> None:
        ui = self.ui
        ui.items_count_label.setText(
            self.tr("已选 {n} 项（清单共 {total} 项）").format(
                n=len(ui.items_tree.checked_ids()), total=ui.items_tree.item_count()
            )
        )
        gaps = self.frequency_gaps()
        if gaps:
            wanted = {
                self._table.required(
                    r.level, r.control_tier, self.tier() or r.control_tier or ControlTier.TEAM
                )
                for r in gaps
            }
            often = "、".join(sorted({f.label for f in wanted if f is not None}))
            ui.gap_label.setText(
                self.tr(
                    "其中 {n} 项按排查频次表应{often}检查，比本计划（{plan}）更频繁：请另有计划覆盖，或提高本计划频次。"
                ).format(n=len(gaps), often=often, plan=self.frequency().label)
            )
        else:
            ui.gap_label.setText("")

    def _on_accept(self) -> None:
        problems = plan_problems(self.value())
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.accept()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        draft: CheckPlanDraft | None,
        items: Sequence[CheckItemRow],
        departments: list[DepartmentInfo],
        people: list[PersonInfo],
        areas: list[AreaInfo],
        table: FrequencyTable,
        today: date,
        suggest: SuggestFn,
    ) -> CheckPlanDraft | None:
        """Show the plan (empty for a new one); the edited plan, or None when cancelled."""
        dialog = cls(draft, items, departments, people, areas, table, today, suggest, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
