"""企业档案 form: every field of the enterprise profile, with inline validation messages."""

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from dualprev.errors import ValidationError
from dualprev.services.organisation_service import EnterpriseProfile, validate_enterprise
from dualprev.ui.forms.ui_enterprise_form import Ui_EnterpriseForm
from dualprev.ui.widgets.field_errors import FieldErrors

_TEXT_FIELDS = (
    "name",
    "uscc",
    "industry",
    "address",
    "code",
    "principal_name",
    "principal_phone",
    "safety_manager_name",
    "safety_manager_phone",
    "phone",
    "duty_phone",
)


class EnterpriseForm(QWidget):
    """Shows a profile and emits ``save_requested`` with the edited one once it passes validation."""

    save_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_EnterpriseForm()
        self.ui.setupUi(self)
        self._profile = EnterpriseProfile(name="")
        self._edits: dict[str, QLineEdit] = {name: getattr(self.ui, f"{name}_edit") for name in _TEXT_FIELDS}
        self.errors = FieldErrors(
            self.ui.error_label, {**self._edits, "employee_count": self.ui.employee_count_spin}
        )
        self.ui.save_btn.clicked.connect(self._on_save_clicked)
        self.ui.revert_btn.clicked.connect(self._on_revert_clicked)

    def set_profile(self, profile: EnterpriseProfile) -> None:
        self._profile = profile
        self.errors.clear()
        for name, edit in self._edits.items():
            edit.setText(getattr(profile, name))
        self.ui.employee_count_spin.setValue(profile.employee_count or 0)

    def profile(self) -> EnterpriseProfile:
        # The edits are keyed by profile field name, so the values can only be typed as a mapping.
        values: dict[str, Any] = {name: edit.text().strip() for name, edit in self._edits.items()}
        values["uscc"] = values["uscc"].upper()
        count = self.ui.employee_count_spin.value()
        return replace(self._profile, **values, employee_count=count or None)

    def _on_save_clicked(self) -> None:
        profile = self.profile()
        try:
            validate_enterprise(profile)
        except ValidationError as exc:
            self.errors.show(exc.message, exc.field)
            return
        self.errors.clear()
        self.save_requested.emit(profile)

    def _on_revert_clicked(self) -> None:
        self.set_profile(self._profile)
