"""首次使用: create the enterprise profile (short form) or choose to load the demo enterprise."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QDialog, QLineEdit, QWidget

from dualprev.services.organisation_service import EnterpriseProfile, enterprise_problems
from dualprev.ui.forms.ui_first_run_dialog import Ui_FirstRunDialog
from dualprev.ui.widgets.field_errors import FieldErrors


@dataclass(frozen=True)
class FirstRunChoice:
    """Either a profile to create, or ``load_demo``."""

    profile: EnterpriseProfile | None = None
    load_demo: bool = False


class FirstRunDialog(QDialog):
    """The first screen of an empty database. Returns the user's choice; never saves."""

    def __init__(self, initial: EnterpriseProfile | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_FirstRunDialog()
        self.ui.setupUi(self)
        self.choice: FirstRunChoice | None = None
        self._edits: dict[str, QLineEdit] = {
            "name": self.ui.name_edit,
            "uscc": self.ui.uscc_edit,
            "industry": self.ui.industry_edit,
            "address": self.ui.address_edit,
            "principal_name": self.ui.principal_name_edit,
            "safety_manager_name": self.ui.safety_manager_name_edit,
            "safety_manager_phone": self.ui.safety_manager_phone_edit,
            "duty_phone": self.ui.duty_phone_edit,
        }
        self.errors = FieldErrors(self.ui.error_label, dict(self._edits))
        if initial is not None:
            for field, edit in self._edits.items():
                edit.setText(getattr(initial, field))
        self.ui.create_btn.clicked.connect(self._on_create)
        self.ui.demo_btn.clicked.connect(self._on_demo)
        self.ui.quit_btn.clicked.connect(self.reject)

    def profile(self) -> EnterpriseProfile:
        # The edits are keyed by profile field name, so the values can only be typed as a mapping.
        values: dict[str, Any] = {field: edit.text().strip() for field, edit in self._edits.items()}
        values["uscc"] = values["uscc"].upper()
        return EnterpriseProfile(**values)

    def _on_create(self) -> None:
        profile = self.profile()
        problems = enterprise_problems(profile)
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.choice = FirstRunChoice(profile=profile)
        self.accept()

    def _on_demo(self) -> None:
        self.choice = FirstRunChoice(load_demo=True)
        self.accept()

    @classmethod
    def choose(
        cls, parent: QWidget | None, initial: EnterpriseProfile | None = None
    ) -> FirstRunChoice | None:
        """Show the dialog; the user's choice, or None when they quit."""
        dialog = cls(initial, parent)
        try:
            return dialog.choice if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
