"""重大隐患治理方案 (五到位): six items, a draft until rectification starts."""

from PySide6.QtWidgets import QDialog, QPlainTextEdit, QWidget

from dualprev.domain.hidden_danger import REMEDIATION_PLAN_ITEMS, plan_problem
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail
from dualprev.services.hidden_dangers.lifecycle import RemediationPlanInput
from dualprev.ui import screen_fit
from dualprev.ui.dialogs.hidden_danger_fields import name_buttons
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.forms.ui_hidden_danger_plan_dialog import Ui_HiddenDangerPlanDialog
from dualprev.ui.widgets.field_errors import FieldErrors
from dualprev.ui.widgets.step_person import StepPerson, StepPersonRow


class HiddenDangerPlanDialog(GuardedDialog):
    """Returns a :class:`RemediationPlanInput`; never saves."""

    def __init__(
        self,
        detail: HiddenDangerDetail,
        parent: QWidget | None = None,
        *,
        performer: StepPerson | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_HiddenDangerPlanDialog()
        self.ui.setupUi(self)
        # Fields scroll on a small screen; the error line and the buttons stay in view.
        screen_fit.scroll_body(self, self.ui.error_label, self.ui.button_box)
        self._detail = detail
        self.setWindowTitle(self.tr("重大隐患治理方案：{number}").format(number=detail.number))
        self.edits: dict[str, QPlainTextEdit] = {
            key: getattr(self.ui, f"{key}_edit") for key, _label in REMEDIATION_PLAN_ITEMS
        }
        self.errors = FieldErrors(self.ui.error_label, dict(self.edits))
        current = detail.plan.items() if detail.plan else {}
        for key, edit in self.edits.items():
            edit.setPlainText(current.get(key, ""))
        self.performer_row = (
            StepPersonRow(self.ui.form_layout, self, self.tr("制定人"), performer)
            if performer is not None
            else None
        )
        name_buttons(self.ui.button_box, self.tr("保存"))
        self.ui.button_box.accepted.connect(self._on_accept)
        self.ui.button_box.rejected.connect(self.reject)

    def value(self) -> RemediationPlanInput:
        return RemediationPlanInput(
            **{key: edit.toPlainText().strip() for key, edit in self.edits.items()},
            performed_by=self.performer_row.name() if self.performer_row is not None else "",
        )

    def _on_accept(self) -> None:
        items = self.value().items()
        problem = plan_problem(self._detail.facts(), items)
        if problem:
            empty = [key for key, _label in REMEDIATION_PLAN_ITEMS if not items[key]]
            self.errors.show_all([(key, problem) for key in empty] or [("", problem)])
            return
        self.errors.clear()
        self.accept()

    @classmethod
    def edit(
        cls, parent: QWidget | None, detail: HiddenDangerDetail, *, performer: StepPerson | None = None
    ) -> RemediationPlanInput | None:
        dialog = cls(detail, parent, performer=performer)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
