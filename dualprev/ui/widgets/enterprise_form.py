"""企业档案 form: every field of the enterprise profile, with inline validation messages. A profile
that arrives while the user is editing (the record changed elsewhere) never overwrites the edits."""

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from dualprev.services.organisation_service import EnterpriseProfile, enterprise_problems
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
        self._shown = self.profile()
        """What the fields showed when the profile was last set: anything else is an unsaved edit."""
        self._newer: EnterpriseProfile | None = None
        self.changed_label = QLabel(self)
        self.changed_label.setObjectName("changed_label")
        self.changed_label.setWordWrap(True)
        self.changed_label.setStyleSheet(
            "QLabel { background: #FFF4CE; color: #5C4400; border: 1px solid #E0C060; padding: 6px; }"
        )
        self.changed_label.setVisible(False)
        self.ui.main_layout.insertWidget(0, self.changed_label)
        self.ui.save_btn.clicked.connect(self._on_save_clicked)
        self.ui.revert_btn.clicked.connect(self._on_revert_clicked)

    def set_profile(self, profile: EnterpriseProfile) -> None:
        """Show ``profile``, replacing whatever the fields hold."""
        self._profile = profile
        self._newer = None
        self.changed_label.setVisible(False)
        self.errors.clear()
        for name, edit in self._edits.items():
            edit.setText(getattr(profile, name))
        self.ui.employee_count_spin.setValue(profile.employee_count or 0)
        self._shown = self.profile()

    def has_unsaved_edits(self) -> bool:
        return self.profile() != self._shown

    def offer_profile(self, stored: EnterpriseProfile) -> None:
        """The stored profile after a reload: shown when nothing is being edited; otherwise the edits
        stay, and when the record changed elsewhere meanwhile the form says so (保存 keeps the edits,
        撤销修改 shows the stored record)."""
        if not self.has_unsaved_edits() or self.profile() == stored:  # nothing typed, or just saved
            self.set_profile(stored)
            return
        if stored == self._profile:
            return
        self._newer = stored
        self.changed_label.setText(
            self.tr(
                "企业档案已在别处被修改，下面仍是您尚未保存的内容。"
                "点“保存”以您的内容为准；点“撤销修改”放弃您的修改，显示最新内容。"
            )
        )
        self.changed_label.setVisible(True)

    @property
    def newer_profile(self) -> EnterpriseProfile | None:
        """The stored profile that changed elsewhere while the fields held edits, or None."""
        return self._newer

    def profile(self) -> EnterpriseProfile:
        # The edits are keyed by profile field name, so the values can only be typed as a mapping.
        values: dict[str, Any] = {name: edit.text().strip() for name, edit in self._edits.items()}
        values["uscc"] = values["uscc"].upper()
        count = self.ui.employee_count_spin.value()
        return replace(self._profile, **values, employee_count=count or None)

    def _on_save_clicked(self) -> None:
        profile = self.profile()
        problems = enterprise_problems(profile)
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.save_requested.emit(profile)

    def _on_revert_clicked(self) -> None:
        self.set_profile(self._newer or self._profile)
