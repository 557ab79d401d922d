"""区域 editor."""

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from dualprev.domain.validation import required_problem
from dualprev.services.organisation_service import AreaInfo, DepartmentInfo
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.forms.ui_area_dialog import Ui_AreaDialog
from dualprev.ui.widgets import combos
from dualprev.ui.widgets.field_errors import FieldErrors


class AreaDialog(GuardedDialog):
    """Edits one area; returns the edited record, never saves it."""

    def __init__(
        self, area: AreaInfo | None, departments: list[DepartmentInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AreaDialog()
        self.ui.setupUi(self)
        self._area = area or AreaInfo(name="")
        self.setWindowTitle(self.tr("新增区域") if area is None else self.tr("编辑区域"))
        self.errors = FieldErrors(self.ui.error_label, {"name": self.ui.name_edit, "code": self.ui.code_edit})
        a = self._area
        self.ui.name_edit.setText(a.name)
        self.ui.code_edit.setText(a.code)
        combos.fill(self.ui.department_combo, combos.department_choices(departments), a.department_id)
        self.ui.sort_order_spin.setValue(a.sort_order)
        self.ui.description_edit.setPlainText(a.description)
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.button_box.accepted.connect(self._on_accept)
        self.ui.button_box.rejected.connect(self.reject)

    def value(self) -> AreaInfo:
        return replace(
            self._area,
            name=self.ui.name_edit.text().strip(),
            code=self.ui.code_edit.text().strip(),
            department_id=combos.chosen_id(self.ui.department_combo),
            sort_order=self.ui.sort_order_spin.value(),
            description=self.ui.description_edit.toPlainText().strip(),
        )

    def _on_accept(self) -> None:
        problem = required_problem(self.value().name, "区域名称", 100)
        if problem:
            self.errors.show(problem, "name")
            return
        self.accept()

    @classmethod
    def edit(
        cls, parent: QWidget | None, area: AreaInfo | None, departments: list[DepartmentInfo]
    ) -> AreaInfo | None:
        """Show the dialog; the edited area, or None when cancelled."""
        dialog = cls(area, departments, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
