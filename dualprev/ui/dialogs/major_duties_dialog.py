"""The 重大隐患 duties besides rectification, one small form each: the report to the authority (to
whom, when, how, 文号), 挂牌督办 with its 销号 application and approval, and the report to the
职工代表大会/职工大会. Each returns what was entered and never saves it."""

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.major_duties import (
    REPORT_METHODS,
    SupervisionDraft,
    authority_report_problems,
    congress_problems,
    supervision_problems,
)
from dualprev.domain.validation import FieldProblem
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail
from dualprev.services.hidden_dangers.lifecycle import ReportInput
from dualprev.ui.dialogs.hidden_danger_fields import get_date, set_date


class MajorDutiesDialog(QDialog):
    """A titled form with OK/取消; the entry points below add their rows and rule."""

    def __init__(self, title: str, detail: HiddenDangerDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("major_duties_dialog")
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(f"{detail.number}　{detail.draft.description[:60]}", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setStyleSheet("color: #C62828;")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.problems: Callable[[], list[FieldProblem]] = list

    def date_edit(self, name: str, value: date | None, today: date, *, optional: bool = False) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        set_date(edit, value or today)
        if optional:
            edit.setEnabled(value is not None)
        return edit

    def _on_accept(self) -> None:
        problems = self.problems()
        if problems:
            self.error_label.setText("\n".join(message for _field, message in problems))
            return
        self.accept()

    # --- entry points ---------------------------------------------------------------------------------

    @classmethod
    def report(cls, parent: QWidget | None, detail: HiddenDangerDetail, today: date) -> ReportInput | None:
        """报告负有安全生产监督管理职责的部门: to whom, when, how, under which 文号."""
        dialog = cls(dialog_title("记录向监管部门报告"), detail, parent)
        to_edit = QLineEdit(detail.reported_to, dialog)
        to_edit.setObjectName("reported_to_edit")
        to_edit.setPlaceholderText(dialog.tr("如：丰泽镇应急管理办公室、区应急管理局"))
        on_edit = dialog.date_edit("reported_on_edit", detail.reported_on, today)
        method = QComboBox(dialog)
        method.setObjectName("report_method_combo")
        method.setEditable(True)
        method.addItems(list(REPORT_METHODS))
        method.setCurrentText(detail.report_method or REPORT_METHODS[0])
        number = QLineEdit(detail.report_document_number, dialog)
        number.setObjectName("report_number_edit")
        number.setPlaceholderText(dialog.tr("报告文件的文号，可不填"))
        for label, widget in (
            ("报告部门", to_edit),
            ("报告日期", on_edit),
            ("报告方式", method),
            ("文号", number),
        ):
            dialog.form.addRow(dialog.tr(label), widget)
        dialog.problems = lambda: authority_report_problems(
            to_edit.text(), get_date(on_edit), method.currentText(), detail.draft.found_on, today
        )
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return ReportInput(
                to_edit.text().strip(), get_date(on_edit), method.currentText().strip(), number.text().strip()
            )
        finally:
            dialog.deleteLater()

    @classmethod
    def supervision(
        cls, parent: QWidget | None, detail: HiddenDangerDetail, today: date
    ) -> SupervisionDraft | None:
        """挂牌督办: by whom, when, under which number; later the 销号 application and approval."""
        dialog = cls(dialog_title("挂牌督办"), detail, parent)
        by_edit = QLineEdit(detail.supervised_by, dialog)
        by_edit.setObjectName("supervised_by_edit")
        by_edit.setPlaceholderText(dialog.tr("如：武进区应急管理局"))
        on_edit = dialog.date_edit("supervised_on_edit", detail.supervised_on, today)
        number = QLineEdit(detail.supervision_number, dialog)
        number.setObjectName("supervision_number_edit")
        applied_check = QCheckBox(dialog.tr("已申请销号"), dialog)
        applied_check.setObjectName("closure_applied_check")
        applied_check.setChecked(detail.closure_applied_on is not None)
        applied = dialog.date_edit("closure_applied_edit", detail.closure_applied_on, today, optional=True)
        approved_check = QCheckBox(dialog.tr("督办单位已批准销号"), dialog)
        approved_check.setObjectName("closure_approved_check")
        approved_check.setChecked(detail.closure_approved_on is not None)
        approved = dialog.date_edit("closure_approved_edit", detail.closure_approved_on, today, optional=True)
        applied_check.toggled.connect(applied.setEnabled)
        approved_check.toggled.connect(approved.setEnabled)
        dialog.form.addRow(dialog.tr("督办单位"), by_edit)
        dialog.form.addRow(dialog.tr("督办日期"), on_edit)
        dialog.form.addRow(dialog.tr("督办编号"), number)
        dialog.form.addRow(applied_check, applied)
        dialog.form.addRow(approved_check, approved)
        note = QLabel(dialog.tr("挂牌督办的重大隐患，须经督办单位批准销号后才能在本系统验收销号。"), dialog)
        note.setWordWrap(True)
        dialog.form.addRow(note)

        def value() -> SupervisionDraft:
            return SupervisionDraft(
                by_edit.text().strip(),
                get_date(on_edit),
                number.text().strip(),
                get_date(applied) if applied_check.isChecked() else None,
                get_date(approved) if approved_check.isChecked() else None,
            )

        dialog.problems = lambda: supervision_problems(value(), detail.draft.found_on, today)
        try:
            return value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    @classmethod
    def congress(cls, parent: QWidget | None, detail: HiddenDangerDetail, today: date) -> date | None:
        """The day the 重大隐患 was reported to the 职工代表大会/职工大会."""
        dialog = cls(dialog_title("向职工代表大会报告"), detail, parent)
        on_edit = dialog.date_edit("congress_reported_on_edit", detail.congress_reported_on, today)
        dialog.form.addRow(dialog.tr("报告日期"), on_edit)
        note = QLabel(
            dialog.tr(
                "安全生产法第四十一条：重大事故隐患排查治理情况应当及时向职工大会或者职工代表大会报告。"
            ),
            dialog,
        )
        note.setWordWrap(True)
        dialog.form.addRow(note)
        dialog.problems = lambda: congress_problems(get_date(on_edit), detail.draft.found_on, today)
        try:
            return get_date(on_edit) if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def dialog_title(text: str) -> str:
    return QDialog.tr(text)  # type: ignore[call-arg,arg-type]
