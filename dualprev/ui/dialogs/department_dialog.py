"""部门 / 车间 / 班组 editor."""

from dataclasses import replace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from dualprev.domain.organisation import DepartmentKind
from dualprev.domain.validation import required_problem
from dualprev.services.organisation_service import DepartmentInfo
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.forms.ui_department_dialog import Ui_DepartmentDialog
from dualprev.ui.widgets import combos
from dualprev.ui.widgets.field_errors import FieldErrors


class DepartmentDialog(GuardedDialog):
    """Edits one department; the parent choice excludes the department itself and its children."""

    def __init__(
        self,
        department: DepartmentInfo | None,
        departments: list[DepartmentInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_DepartmentDialog()
        self.ui.setupUi(self)
        self._department = department or DepartmentInfo(name="")
        is_new = department is None or department.id is None
        self.setWindowTitle(self.tr("新增部门") if is_new else self.tr("编辑部门"))
        self.errors = FieldErrors(
            self.ui.error_label, {"name": self.ui.name_edit, "parent_id": self.ui.parent_combo}
        )
        d = self._department
        self.ui.name_edit.setText(d.name)
        for kind in DepartmentKind:
            self.ui.kind_combo.addItem(kind.label, kind.value)
        self.ui.kind_combo.setCurrentIndex(max(self.ui.kind_combo.findData(d.kind.value), 0))
        excluded = combos.descendants_of(departments, d.id) if d.id is not None else set()
        combos.fill(
            self.ui.parent_combo, combos.department_choices(departments, exclude=excluded), d.parent_id
        )
        self.ui.parent_combo.setItemText(0, self.tr("（顶级）"))
        self.ui.sort_order_spin.setValue(d.sort_order)
        self.ui.note_edit.setPlainText(d.note)
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.button_box.accepted.connect(self._on_accept)
        self.ui.button_box.rejected.connect(self.reject)

    def value(self) -> DepartmentInfo:
        return replace(
            self._department,
            name=self.ui.name_edit.text().strip(),
            kind=DepartmentKind(self.ui.kind_combo.currentData()),
            parent_id=combos.chosen_id(self.ui.parent_combo),
            sort_order=self.ui.sort_order_spin.value(),
            note=self.ui.note_edit.toPlainText().strip(),
        )

    def _on_accept(self) -> None:
        problem = required_problem(self.value().name, "部门名称", 100)
        if problem:
            self.errors.show(problem, "name")
            return
        self.accept()

    @classmethod
    def edit(
        cls, parent: QWidget | None, department: DepartmentInfo | None, departments: list[DepartmentInfo]
    ) -> DepartmentInfo | None:
        """Show the dialog; the edited department, or None when cancelled.

        Pass ``DepartmentInfo(name="", parent_id=…)`` to propose a parent for a new department.
        """
        dialog = cls(department, departments, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
