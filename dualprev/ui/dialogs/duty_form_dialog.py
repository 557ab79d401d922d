"""Base of the 履职与培训 editors: a form of labelled fields, an error line and 保存/取消. A dialog
checks its input with :meth:`problem` (the service checks again when saving) and never saves."""

from datetime import date

from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from dualprev.ui.dialogs.hidden_danger_fields import get_date, set_date
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.widgets.field_errors import FieldErrors


class DutyFormDialog(GuardedDialog):
    """``add_row`` builds the form; subclasses say what is wrong in :meth:`problem`."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.setObjectName("button_box")
        self.button_box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        layout.addWidget(self.button_box)
        self.button_box.accepted.connect(self._on_accept)
        self.button_box.rejected.connect(self.reject)
        self._fields: dict[str, QWidget] = {}
        self.errors = FieldErrors(self.error_label, self._fields)

    def add_row(self, label: str, widget: QWidget, field: str = "") -> None:
        self.form.addRow(self.tr(label), widget)
        if field:
            self._fields[field] = widget

    def make_date_edit(self, name: str, value: date) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        set_date(edit, value)
        return edit

    @staticmethod
    def date_of(edit: QDateEdit) -> date:
        return get_date(edit)

    def problem(self) -> tuple[str, str] | None:
        """``(field, message)`` of the first thing wrong with the input, or None."""
        return None

    def _on_accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            field, message = problem
            self.errors.show(message, field or None)
            return
        self.errors.clear()
        self.accept()
