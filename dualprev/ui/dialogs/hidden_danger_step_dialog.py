"""The small steps of the loop that need a date and a sentence or two: 开始整改, 验收不通过, 作废,
记录上报 and 治理后评估. One form; each entry point shows the rows its step needs and checks them with
the domain rule the service will apply, every refused field at once. Dates take any day of the
calendar: one out of the rule's range is refused at its field, never silently moved into it."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QHBoxLayout, QWidget

from dualprev.domain.hidden_danger import (
    HiddenDangerLevel,
    post_evaluation_problems,
    rejection_problems,
    report_problems,
    start_problems,
    void_problems,
)
from dualprev.domain.validation import FieldProblem
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail
from dualprev.services.hidden_dangers.lifecycle import (
    PostEvaluationInput,
    RejectionInput,
    ReportInput,
    StartInput,
    VoidInput,
)
from dualprev.ui.dialogs.hidden_danger_fields import get_date, name_buttons, required, set_date
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.forms.ui_hidden_danger_step_dialog import Ui_HiddenDangerStepDialog
from dualprev.ui.widgets.field_errors import FieldErrors
from dualprev.ui.widgets.step_person import StepPerson, StepPersonRow

LINE_ROW, TEXT_ROW, EXTRA_ROW, DATE_ROW = range(4)
CHANGE_DATE = "调整为"


def dialog_tr(text: str) -> str:
    return QCoreApplication.translate("HiddenDangerStepDialog", text)


class HiddenDangerStepDialog(GuardedDialog):
    """Configured by its classmethods: ``check`` returns every problem as (domain field, message) and
    ``field_rows`` says in which row (``date``, ``line``, ``text``, ``extra``) each field is edited."""

    def __init__(
        self,
        title: str,
        intro: str,
        ok_text: str,
        parent: QWidget | None = None,
        *,
        performer: StepPerson | None = None,
        performer_label: str = "",
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_HiddenDangerStepDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.intro_label.setText(intro)
        self.errors = FieldErrors(
            self.ui.error_label,
            {
                "date": self.ui.date_edit,
                "line": self.ui.line_edit,
                "text": self.ui.text_edit,
                "extra": self.ui.extra_edit,
            },
        )
        for row in range(4):
            self.ui.form_layout.setRowVisible(row, False)
        # Added after the four rows above, whose indices the show_… methods use.
        self.performer_row = (
            StepPersonRow(self.ui.form_layout, self, performer_label or dialog_tr("经办人"), performer)
            if performer is not None
            else None
        )
        self.check: Callable[[], list[FieldProblem]] = list
        self.field_rows: dict[str, str] = {}
        self.date_check: QCheckBox | None = None
        name_buttons(self.ui.button_box, ok_text)
        self.ui.button_box.accepted.connect(self._on_accept)
        self.ui.button_box.rejected.connect(self.reject)

    def show_date(self, label: str, value: date) -> None:
        """A required date; no range, so what is typed stays as typed (the rule checks it)."""
        self.ui.form_layout.setRowVisible(DATE_ROW, True)
        required(self.ui.date_label, label, True)
        set_date(self.ui.date_edit, value)

    def show_optional_date(self, label: str, value: date) -> None:
        """A date that may stay unset: it counts only while its “调整为” box is ticked, and starts
        at ``value``."""
        ui = self.ui
        ui.form_layout.setRowVisible(DATE_ROW, True)
        required(ui.date_label, label, False)
        check = QCheckBox(self.tr(CHANGE_DATE), self)
        check.setObjectName("date_check")
        field = QWidget(self)
        row = QHBoxLayout(field)
        row.setContentsMargins(0, 0, 0, 0)
        ui.form_layout.removeWidget(ui.date_edit)
        row.addWidget(check)
        row.addWidget(ui.date_edit)
        row.addStretch(1)
        ui.form_layout.setWidget(DATE_ROW, QFormLayout.ItemRole.FieldRole, field)
        set_date(ui.date_edit, value)
        ui.date_edit.setEnabled(False)
        check.toggled.connect(ui.date_edit.setEnabled)
        self.date_check = check

    def optional_date(self) -> date | None:
        if self.date_check is None or not self.date_check.isChecked():
            return None
        return get_date(self.ui.date_edit)

    def show_line(
        self, label: str, text: str = "", placeholder: str = "", *, is_required: bool = True
    ) -> None:
        self.ui.form_layout.setRowVisible(LINE_ROW, True)
        required(self.ui.line_label, label, is_required)
        self.ui.line_edit.setText(text)
        self.ui.line_edit.setPlaceholderText(placeholder)

    def show_text(
        self, label: str, text: str = "", placeholder: str = "", *, is_required: bool = True
    ) -> None:
        self.ui.form_layout.setRowVisible(TEXT_ROW, True)
        required(self.ui.text_label, label, is_required)
        self.ui.text_edit.setPlainText(text)
        self.ui.text_edit.setPlaceholderText(placeholder)

    def show_extra(
        self, label: str, text: str = "", placeholder: str = "", *, is_required: bool = True
    ) -> None:
        self.ui.form_layout.setRowVisible(EXTRA_ROW, True)
        required(self.ui.extra_label, label, is_required)
        self.ui.extra_edit.setPlainText(text)
        self.ui.extra_edit.setPlaceholderText(placeholder)

    def date_value(self) -> date:
        return get_date(self.ui.date_edit)

    def line_value(self) -> str:
        return self.ui.line_edit.text().strip()

    def text_value(self) -> str:
        return self.ui.text_edit.toPlainText().strip()

    def extra_value(self) -> str:
        return self.ui.extra_edit.toPlainText().strip()

    def performed_by(self) -> str:
        """Who the dialog names as having done the step (empty: the operator)."""
        return self.performer_row.name() if self.performer_row is not None else ""

    def _on_accept(self) -> None:
        problems = self.check()
        if problems:
            self.errors.show_all((self.field_rows.get(field, ""), message) for field, message in problems)
            return
        self.errors.clear()
        self.accept()

    def _run(self) -> bool:
        try:
            return self.exec() == QDialog.DialogCode.Accepted
        finally:
            self.deleteLater()

    # --- entry points ---------------------------------------------------------------------------------

    @staticmethod
    def _intro(detail: HiddenDangerDetail) -> str:
        return f"{detail.number}　{detail.draft.description}"

    @classmethod
    def start(
        cls, parent: QWidget | None, detail: HiddenDangerDetail, *, performer: StepPerson | None = None
    ) -> StartInput | None:
        """开始整改: the interim measures (required for a 重大隐患) and a remark."""
        dialog = cls(
            dialog_tr("开始整改"), cls._intro(detail), dialog_tr("开始整改"), parent, performer=performer
        )
        major = detail.level is HiddenDangerLevel.MAJOR
        dialog.show_text(
            dialog_tr("临时管控措施"),
            detail.draft.interim_measures,
            dialog_tr("整改完成前采取的防范措施，如停用设备、设置警戒、专人监护"),
            is_required=major,
        )
        dialog.show_extra(dialog_tr("备注"), "", dialog_tr("可不填"), is_required=False)

        dialog.check = lambda: start_problems(replace(detail.facts(), interim_measures=dialog.text_value()))
        dialog.field_rows = {"interim_measures": "text"}
        if not dialog._run():
            return None
        return StartInput(
            remark=dialog.extra_value(),
            interim_measures=dialog.text_value(),
            performed_by=dialog.performed_by(),
        )

    @classmethod
    def reject_acceptance(
        cls, parent: QWidget | None, detail: HiddenDangerDetail, *, performer: StepPerson | None = None
    ) -> RejectionInput | None:
        """验收不通过: why, and optionally a new deadline."""
        dialog = cls(
            dialog_tr("验收不通过"),
            cls._intro(detail),
            dialog_tr("退回整改"),
            parent,
            performer=performer,
            performer_label=dialog_tr("验收人"),
        )
        dialog.show_text(dialog_tr("不通过原因"), "", dialog_tr("写明哪些地方不符合要求、需要继续整改的内容"))
        dialog.show_optional_date(dialog_tr("新的整改期限"), detail.draft.deadline or detail.draft.found_on)
        dialog.check = lambda: rejection_problems(detail.facts(), dialog.text_value(), dialog.optional_date())
        dialog.field_rows = {"reason": "text", "new_deadline": "date"}
        if not dialog._run():
            return None
        return RejectionInput(
            reason=dialog.text_value(),
            new_deadline=dialog.optional_date(),
            performed_by=dialog.performed_by(),
        )

    @classmethod
    def void(
        cls, parent: QWidget | None, detail: HiddenDangerDetail, *, performer: StepPerson | None = None
    ) -> VoidInput | None:
        """作废: the reason (the record stays in the ledger, marked 已作废)."""
        intro = (
            cls._intro(detail) + "\n\n" + dialog_tr("作废后记录仍保留在台账中（标为“已作废”），不能恢复。")
        )
        dialog = cls(dialog_tr("作废隐患记录"), intro, dialog_tr("作废"), parent, performer=performer)
        dialog.show_text(dialog_tr("作废原因"), "", dialog_tr("如：重复登记（同 YH-2026-0012）、录入错误"))

        dialog.check = lambda: void_problems(detail.status, dialog.text_value())
        dialog.field_rows = {"reason": "text"}
        if not dialog._run():
            return None
        return VoidInput(reason=dialog.text_value(), performed_by=dialog.performed_by())

    @classmethod
    def report(
        cls,
        parent: QWidget | None,
        detail: HiddenDangerDetail,
        today: date,
        *,
        performer: StepPerson | None = None,
    ) -> ReportInput | None:
        """记录上报: to which authority, on which day."""
        intro = (
            cls._intro(detail)
            + "\n\n"
            + dialog_tr(
                "重大隐患应及时向属地负有安全生产监督管理职责的部门报告（现状及产生原因、危害程度和整改难易程度、治理方案）。"
            )
        )
        dialog = cls(
            dialog_tr("记录上报"),
            intro,
            dialog_tr("保存"),
            parent,
            performer=performer,
            performer_label=dialog_tr("报告人"),
        )
        dialog.show_line(
            dialog_tr("报告部门"), detail.reported_to, dialog_tr("如：丰泽镇应急管理办公室、区应急管理局")
        )
        dialog.show_date(dialog_tr("报告日期"), detail.reported_on or today)
        dialog.check = lambda: report_problems(
            detail.facts(), dialog.line_value(), dialog.date_value(), today
        )
        dialog.field_rows = {"reported_to": "line", "reported_on": "date"}
        if not dialog._run():
            return None
        return ReportInput(
            reported_to=dialog.line_value(),
            reported_on=dialog.date_value(),
            performed_by=dialog.performed_by(),
        )

    @classmethod
    def post_evaluation(
        cls,
        parent: QWidget | None,
        detail: HiddenDangerDetail,
        today: date,
        *,
        performer: StepPerson | None = None,
    ) -> PostEvaluationInput | None:
        """治理后评估 of a 重大隐患 whose rectification is done."""
        dialog = cls(
            dialog_tr("治理后评估"),
            cls._intro(detail),
            dialog_tr("保存"),
            parent,
            performer=performer,
            performer_label=dialog_tr("评估人"),
        )
        plan = detail.plan
        dialog.show_text(
            dialog_tr("评估结论"),
            plan.post_evaluation if plan else "",
            dialog_tr("如：经第三方检测，报警装置与排风联锁有效，隐患已消除，同意组织验收"),
        )
        default = plan.post_evaluated_on if plan and plan.post_evaluated_on else today
        dialog.show_date(dialog_tr("评估日期"), default)
        dialog.check = lambda: post_evaluation_problems(
            detail.facts(), dialog.text_value(), dialog.date_value(), today
        )
        dialog.field_rows = {"text": "text", "evaluated_on": "date"}
        if not dialog._run():
            return None
        return PostEvaluationInput(
            text=dialog.text_value(), evaluated_on=dialog.date_value(), performed_by=dialog.performed_by()
        )
