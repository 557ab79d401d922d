"""整改完成，报请验收: the rectifier reports what was done, when, at what cost, with after photos."""

from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

from dualprev.domain.hidden_danger import submit_problems
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail
from dualprev.services.hidden_dangers.lifecycle import CompletionInput
from dualprev.ui import screen_fit
from dualprev.ui.dialogs.hidden_danger_fields import (
    get_date,
    get_funds,
    name_buttons,
    set_date,
    set_funds,
)
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.forms.ui_hidden_danger_completion_dialog import Ui_HiddenDangerCompletionDialog
from dualprev.ui.widgets.field_errors import FieldErrors
from dualprev.ui.widgets.step_person import StepPerson, StepPersonRow


class HiddenDangerCompletionDialog(GuardedDialog):
    """Returns a :class:`CompletionInput`; never saves."""

    def __init__(
        self,
        detail: HiddenDangerDetail,
        today: date,
        parent: QWidget | None = None,
        *,
        performer: StepPerson | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_HiddenDangerCompletionDialog()
        self.ui.setupUi(self)
        # Fields scroll on a small screen; the error line and the buttons stay in view.
        screen_fit.scroll_body(self, self.ui.error_label, self.ui.button_box)
        self._detail = detail
        self._today = today
        ui = self.ui
        self.setWindowTitle(self.tr("整改完成，报请验收：{number}").format(number=detail.number))
        ui.summary_label.setText(
            self.tr("{number}　{description}\n整改责任人：{rectifier}　整改期限：{deadline}").format(
                number=detail.number,
                description=detail.draft.description,
                rectifier=detail.rectifier_name or "—",
                deadline=detail.draft.deadline.isoformat() if detail.draft.deadline else "—",
            )
        )
        self.errors = FieldErrors(
            ui.error_label,
            {
                "completed_on": ui.completed_on_edit,
                "rectification_measures": ui.measures_edit,
                "funds_fen": ui.funds_spin,
                "photos": ui.after_photos_strip,
            },
        )
        # No range: Qt would silently move a date outside it; submit_problems refuses it at its field.
        set_date(ui.completed_on_edit, today)
        ui.measures_edit.setPlainText(detail.draft.rectification_measures)
        set_funds(ui.funds_spin, detail.draft.funds_fen)
        ui.after_photos_strip.set_editable(True)
        self.performer_row = (
            StepPersonRow(ui.form_layout, self, self.tr("整改人"), performer)
            if performer is not None
            else None
        )
        name_buttons(ui.button_box, self.tr("报请验收"))
        ui.button_box.accepted.connect(self._on_accept)
        ui.button_box.rejected.connect(self.reject)

    def value(self) -> CompletionInput:
        ui = self.ui
        return CompletionInput(
            completed_on=get_date(ui.completed_on_edit),
            rectification_measures=ui.measures_edit.toPlainText().strip(),
            funds_fen=get_funds(ui.funds_spin),
            remark=ui.remark_edit.text().strip(),
            photos=ui.after_photos_strip.pending(),
            performed_by=self.performer_row.name() if self.performer_row is not None else "",
        )

    def _on_accept(self) -> None:
        data = self.value()
        problems = submit_problems(
            self._detail.facts(), data.completed_on, data.rectification_measures, self._today
        )
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        detail: HiddenDangerDetail,
        today: date,
        *,
        performer: StepPerson | None = None,
    ) -> CompletionInput | None:
        dialog = cls(detail, today, parent, performer=performer)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
