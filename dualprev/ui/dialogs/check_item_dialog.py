"""排查项 editor: what to check, by which standard, how, and how often at which tier."""

from PySide6.QtWidgets import QComboBox, QDialog, QWidget

from dualprev.domain.checks import CheckFrequency, CheckItemDraft, CheckType, item_problems
from dualprev.domain.risk import ControlTier
from dualprev.services.checks.items import CheckItemRow
from dualprev.services.organisation_service import RiskPointRef
from dualprev.ui.dialogs.hidden_danger_fields import name_buttons
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.forms.ui_check_item_dialog import Ui_CheckItemDialog
from dualprev.ui.widgets import combos
from dualprev.ui.widgets.field_errors import FieldErrors


def fill_enum(
    combo: QComboBox, members: list[tuple[str, str]], current: str | None, none_text: str = ""
) -> None:
    """Enum members by stored value (Qt would turn the enum itself into a plain str)."""
    combo.clear()
    if none_text:
        combo.addItem(none_text, "")
    for text, value in members:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(combo.findData(current or ""), 0))


class CheckItemDialog(GuardedDialog):
    """Edits one check item (a free one, or one made from a control measure); never saves."""

    def __init__(
        self,
        item: CheckItemRow | None,
        risk_points: list[RiskPointRef],
        parent: QWidget | None = None,
        *,
        risk_point_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CheckItemDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self._item = item
        draft = item.draft() if item is not None else CheckItemDraft(content="", risk_point_id=risk_point_id)
        self.setWindowTitle(self.tr("新增排查项") if item is None else self.tr("编辑排查项"))
        self.errors = FieldErrors(
            ui.error_label,
            {"content": ui.content_edit, "method": ui.method_edit, "risk_point_id": ui.risk_point_combo},
        )
        combos.fill(
            ui.risk_point_combo,
            [(f"{p.code} {p.name}".strip(), p.id) for p in risk_points],
            draft.risk_point_id,
        )
        ui.risk_point_combo.setItemText(0, self.tr("（通用检查项，不属于某个风险点）"))
        if item is None:
            ui.source_label.setText(
                self.tr("自定义排查项：补充管控措施以外需要检查的内容（如管理制度、消防通道、季节性项目）。")
            )
        elif item.is_custom:
            ui.source_label.setText(self.tr("自定义排查项。"))
        else:
            ui.source_label.setText(
                self.tr(
                    "由管控措施生成（{source}），所属危险源：{hazard}。\n修改后重新生成清单时会保留您的修改。"
                ).format(
                    source=item.measure_category.label if item.measure_category else "—",
                    hazard=item.hazard_text or "—",
                )
            )
            ui.risk_point_combo.setEnabled(False)
            ui.risk_point_combo.setToolTip(self.tr("由管控措施生成的排查项随其危险源所属的风险点"))
        ui.content_edit.setPlainText(draft.content)
        ui.standard_edit.setPlainText(draft.standard)
        ui.method_edit.setText(draft.method)
        ui.method_edit.setCursorPosition(0)
        none = combos.NONE_TEXT
        fill_enum(
            ui.check_type_combo,
            [(t.label, t.value) for t in CheckType],
            draft.check_type.value if draft.check_type else None,
            none,
        )
        fill_enum(
            ui.tier_combo,
            [(t.label, t.value) for t in ControlTier],
            draft.control_tier.value if draft.control_tier else None,
            none,
        )
        fill_enum(
            ui.frequency_combo,
            [(f.label, f.value) for f in CheckFrequency],
            draft.frequency.value if draft.frequency else None,
            none,
        )
        ui.active_check.setChecked(draft.is_active)
        name_buttons(ui.button_box, self.tr("保存"))
        ui.button_box.accepted.connect(self._on_accept)
        ui.button_box.rejected.connect(self.reject)

    def value(self) -> CheckItemDraft:
        ui = self.ui
        check_type = ui.check_type_combo.currentData()
        tier = ui.tier_combo.currentData()
        frequency = ui.frequency_combo.currentData()
        return CheckItemDraft(
            content=ui.content_edit.toPlainText().strip(),
            standard=ui.standard_edit.toPlainText().strip(),
            method=ui.method_edit.text().strip(),
            check_type=CheckType(check_type) if check_type else None,
            control_tier=ControlTier(tier) if tier else None,
            frequency=CheckFrequency(frequency) if frequency else None,
            risk_point_id=combos.chosen_id(ui.risk_point_combo),
            is_active=ui.active_check.isChecked(),
        )

    def _on_accept(self) -> None:
        problems = item_problems(self.value())
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.accept()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        item: CheckItemRow | None,
        risk_points: list[RiskPointRef],
        *,
        risk_point_id: int | None = None,
    ) -> CheckItemDraft | None:
        """Show the form (empty for a new free item); the edited item, or None when cancelled."""
        dialog = cls(item, risk_points, parent, risk_point_id=risk_point_id)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
