"""岗位 editor, including the risk points the post faces (they feed its risk card)."""

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidgetItem, QWidget

from dualprev.domain.validation import required_problem
from dualprev.services.organisation_service import (
    AreaInfo,
    DepartmentInfo,
    PersonInfo,
    PostInfo,
    RiskPointRef,
)
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.forms.ui_post_dialog import Ui_PostDialog
from dualprev.ui.widgets import combos
from dualprev.ui.widgets.field_errors import FieldErrors

RISK_POINT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PostDialog(GuardedDialog):
    """Edits one post; returns the edited record (with ``risk_point_ids``), never saves it."""

    def __init__(
        self,
        post: PostInfo | None,
        departments: list[DepartmentInfo],
        areas: list[AreaInfo],
        people: list[PersonInfo],
        risk_points: list[RiskPointRef],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PostDialog()
        self.ui.setupUi(self)
        self._post = post or PostInfo(name="")
        self.setWindowTitle(self.tr("新增岗位") if post is None else self.tr("编辑岗位"))
        self.errors = FieldErrors(
            self.ui.error_label, {"name": self.ui.name_edit, "headcount": self.ui.headcount_spin}
        )
        p = self._post
        self.ui.name_edit.setText(p.name)
        combos.fill(self.ui.department_combo, combos.department_choices(departments), p.department_id)
        combos.fill(self.ui.area_combo, [(a.name, a.id) for a in areas if a.id is not None], p.area_id)
        active = [
            (person.name, person.id)
            for person in people
            if person.id is not None and (person.is_active or person.id == p.responsible_person_id)
        ]
        combos.fill(self.ui.responsible_combo, active, p.responsible_person_id)
        self.ui.workplace_edit.setText(p.workplace)
        self.ui.headcount_spin.setValue(p.headcount or 0)
        self.ui.work_content_edit.setPlainText(p.work_content)
        self.ui.note_edit.setPlainText(p.note)
        area_names = {a.id: a.name for a in areas}
        chosen = set(p.risk_point_ids)
        for ref in risk_points:
            where = area_names.get(ref.area_id, "") if ref.area_id is not None else ""
            text = " ".join(part for part in (ref.code, ref.name) if part) + (f"（{where}）" if where else "")
            item = QListWidgetItem(text, self.ui.risk_points_list)
            item.setData(RISK_POINT_ID_ROLE, ref.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if ref.id in chosen else Qt.CheckState.Unchecked)
        if not risk_points:
            self.ui.risk_filter_edit.setEnabled(False)
        self.ui.risk_filter_edit.textChanged.connect(self._on_filter_changed)
        self.ui.risk_points_list.itemChanged.connect(self._on_risk_point_toggled)
        self._update_count()
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.ui.button_box.accepted.connect(self._on_accept)
        self.ui.button_box.rejected.connect(self.reject)

    def chosen_risk_point_ids(self) -> tuple[int, ...]:
        items = (self.ui.risk_points_list.item(i) for i in range(self.ui.risk_points_list.count()))
        return tuple(
            sorted(
                int(item.data(RISK_POINT_ID_ROLE))
                for item in items
                if item.checkState() == Qt.CheckState.Checked
            )
        )

    def set_risk_point_checked(self, risk_point_id: int, checked: bool) -> None:
        for i in range(self.ui.risk_points_list.count()):
            item = self.ui.risk_points_list.item(i)
            if item.data(RISK_POINT_ID_ROLE) == risk_point_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def value(self) -> PostInfo:
        headcount = self.ui.headcount_spin.value()
        return replace(
            self._post,
            name=self.ui.name_edit.text().strip(),
            department_id=combos.chosen_id(self.ui.department_combo),
            area_id=combos.chosen_id(self.ui.area_combo),
            responsible_person_id=combos.chosen_id(self.ui.responsible_combo),
            workplace=self.ui.workplace_edit.text().strip(),
            headcount=headcount or None,
            work_content=self.ui.work_content_edit.toPlainText().strip(),
            note=self.ui.note_edit.toPlainText().strip(),
            risk_point_ids=self.chosen_risk_point_ids(),
        )

    def _update_count(self) -> None:
        total = self.ui.risk_points_list.count()
        if total == 0:
            self.ui.risk_count_label.setText(
                self.tr("还没有风险点。在“风险辨识评估”中添加风险点后即可在此勾选。")
            )
        else:
            chosen = len(self.chosen_risk_point_ids())
            self.ui.risk_count_label.setText(
                self.tr("已选 {n} 个，共 {total} 个风险点").format(n=chosen, total=total)
            )
        self.ui.risk_count_label.setWordWrap(True)

    def _on_filter_changed(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.ui.risk_points_list.count()):
            item = self.ui.risk_points_list.item(i)
            item.setHidden(bool(needle) and needle not in item.text().lower())

    def _on_risk_point_toggled(self, _item: QListWidgetItem) -> None:
        self._update_count()

    def _on_accept(self) -> None:
        problem = required_problem(self.value().name, "岗位名称", 100)
        if problem:
            self.errors.show(problem, "name")
            return
        self.accept()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        post: PostInfo | None,
        departments: list[DepartmentInfo],
        areas: list[AreaInfo],
        people: list[PersonInfo],
        risk_points: list[RiskPointRef],
    ) -> PostInfo | None:
        """Show the dialog; the edited post, or None when cancelled."""
        dialog = cls(post, departments, areas, people, risk_points, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
