"""人员 editor."""

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from dualprev.domain.organisation import person_problems
from dualprev.services.organisation_service import DepartmentInfo, PersonInfo, PostInfo
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.forms.ui_person_dialog import Ui_PersonDialog
from dualprev.ui.widgets import combos
from dualprev.ui.widgets.field_errors import FieldErrors


class PersonDialog(GuardedDialog):
    """Edits one person; returns the edited record, never saves it."""

    def __init__(
        self,
        person: PersonInfo | None,
        departments: list[DepartmentInfo],
        posts: list[PostInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PersonDialog()
        self.ui.setupUi(self)
        self._person = person or PersonInfo(name="")
        self.setWindowTitle(self.tr("新增人员") if person is None else self.tr("编辑人员"))
        self.errors = FieldErrors(
            self.ui.error_label, {"name": self.ui.name_edit, "phone": self.ui.phone_edit}
        )
        p = self._person
        self.ui.name_edit.setText(p.name)
        combos.fill(self.ui.department_combo, combos.department_choices(departments), p.department_id)
        combos.fill(
            self.ui.post_combo, [(post.name, post.id) for post in posts if post.id is not None], p.post_id
        )
        self.ui.phone_edit.setText(p.phone)
        self.ui.role_edit.setText(p.role)
        self.ui.active_check.setChecked(p.is_active)
        self.ui.note_edit.setPlainText(p.note)
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.button_box.accepted.connect(self._on_accept)
        self.ui.button_box.rejected.connect(self.reject)

    def value(self) -> PersonInfo:
        return replace(
            self._person,
            name=self.ui.name_edit.text().strip(),
            department_id=combos.chosen_id(self.ui.department_combo),
            post_id=combos.chosen_id(self.ui.post_combo),
            phone=self.ui.phone_edit.text().strip(),
            role=self.ui.role_edit.text().strip(),
            is_active=self.ui.active_check.isChecked(),
            note=self.ui.note_edit.toPlainText().strip(),
        )

    def _on_accept(self) -> None:
        person = self.value()
        problems = person_problems(person.name, person.phone)
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.accept()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        person: PersonInfo | None,
        departments: list[DepartmentInfo],
        posts: list[PostInfo],
    ) -> PersonInfo | None:
        """Show the dialog; the edited person, or None when cancelled."""
        dialog = cls(person, departments, posts, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
