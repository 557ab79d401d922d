"""验收销号: the acceptor — never the person who rectified it — the date and the conclusion."""

from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

from dualprev.domain.hidden_danger import HiddenDangerLevel, acceptance_problems
from dualprev.services.hidden_dangers.choices import HiddenDangerChoices
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail
from dualprev.services.hidden_dangers.lifecycle import AcceptanceInput
from dualprev.ui import screen_fit
from dualprev.ui.dialogs.hidden_danger_fields import fill_people, get_date, name_buttons, set_date
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.forms.ui_hidden_danger_acceptance_dialog import Ui_HiddenDangerAcceptanceDialog
from dualprev.ui.widgets import combos
from dualprev.ui.widgets.field_errors import FieldErrors

DEFAULT_CONCLUSION = "整改措施已落实，现场复查符合要求，同意销号。"


class HiddenDangerAcceptanceDialog(GuardedDialog):
    """Returns an :class:`AcceptanceInput`; refuses the rectifier as acceptor before the service would."""

    def __init__(
        self,
        detail: HiddenDangerDetail,
        choices: HiddenDangerChoices,
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_HiddenDangerAcceptanceDialog()
        self.ui.setupUi(self)
        # Fields scroll on a small screen; the error line and the buttons stay in view.
        screen_fit.scroll_body(self, self.ui.error_label, self.ui.button_box)
        self._detail = detail
        self._today = today
        ui = self.ui
        self.setWindowTitle(self.tr("验收销号：{number}").format(number=detail.number))
        completed = detail.completed_on.isoformat() if detail.completed_on else "—"
        ui.summary_label.setText(
            self.tr("{number}　{description}\n整改措施：{measures}\n整改完成：{completed}").format(
                number=detail.number,
                description=detail.draft.description,
                measures=detail.draft.rectification_measures or "—",
                completed=completed,
            )
        )
        rule = self.tr("验收人不能是整改责任人本人")
        if detail.rectifier_name:
            rule += self.tr("（本隐患整改责任人：{name}）").format(name=detail.rectifier_name)
        if detail.level is HiddenDangerLevel.MAJOR:
            rule += self.tr("。重大隐患须在治理后评估后验收。")
        ui.rule_label.setText(rule)
        self.errors = FieldErrors(
            ui.error_label,
            {
                "acceptor_id": ui.acceptor_combo,
                "accepted_on": ui.accepted_on_edit,
                "conclusion": ui.conclusion_edit,
            },
        )
        fill_people(ui.acceptor_combo, choices.people, choices.departments, None)
        # No range: Qt would silently move a date outside it; acceptance_problems refuses it at its field.
        set_date(ui.accepted_on_edit, today)
        ui.conclusion_edit.setPlainText(self.tr(DEFAULT_CONCLUSION))
        ui.acceptance_photos_strip.set_editable(True)
        name_buttons(ui.button_box, self.tr("验收通过，销号"))
        ui.button_box.accepted.connect(self._on_accept)
        ui.button_box.rejected.connect(self.reject)

    def value(self) -> AcceptanceInput:
        ui = self.ui
        return AcceptanceInput(
            acceptor_id=combos.chosen_id(ui.acceptor_combo),
            accepted_on=get_date(ui.accepted_on_edit),
            conclusion=ui.conclusion_edit.toPlainText().strip(),
            photos=ui.acceptance_photos_strip.pending(),
        )

    def _on_accept(self) -> None:
        data = self.value()
        problems = acceptance_problems(
            self._detail.facts(), data.acceptor_id, data.accepted_on, data.conclusion, self._today
        )
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, detail: HiddenDangerDetail, choices: HiddenDangerChoices, today: date
    ) -> AcceptanceInput | None:
        dialog = cls(detail, choices, today, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
