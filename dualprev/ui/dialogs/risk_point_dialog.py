"""风险点 editor. Which fields show depends on the kind (设备设施: 编号/规格; 作业活动: 内容/频率), so the
form is built in code rather than in Designer.

The 审核与审定 group records who signed the risk point's JHA/SCL record off and when. Either date may
stay 未填 (None): the printout then leaves that part blank for a pen."""

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.risk import RiskPointKind
from dualprev.domain.validation import required_problem
from dualprev.services.organisation_service import AreaInfo, DepartmentInfo, PersonInfo, PostInfo
from dualprev.services.risks.risk_points import SIGN_OFF_NAME_LIMIT, RiskPointInfo, sign_off_problems
from dualprev.ui import screen_fit
from dualprev.ui.widgets import check_list, combos
from dualprev.ui.widgets.field_errors import FieldErrors

_UNSET_DATE = QDate(1752, 9, 14)
"""Qt's own minimum of a date edit, shown as “未填”: an unticked sign-off date. Every later day can be
typed; there is no maximum, so a future date is refused at its field instead of silently changed."""


def _to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


class RiskPointDialog(QDialog):
    def __init__(
        self,
        point: RiskPointInfo,
        areas: list[AreaInfo],
        departments: list[DepartmentInfo],
        people: list[PersonInfo],
        posts: list[PostInfo],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        suggest_code: Callable[[int | None], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self._suggest_code = suggest_code
        self._code_typed = bool(point.code)
        self.setObjectName("risk_point_dialog")
        self.setWindowTitle(self.tr("新增风险点") if point.id is None else self.tr("编辑风险点"))
        self.resize(640, 680)
        self._point = point
        self._today = today
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.name_edit = QLineEdit(point.name, self)
        self.name_edit.setObjectName("name_edit")
        self.name_edit.setMaxLength(200)
        form.addRow(self.tr("风险点名称 *"), self.name_edit)
        self.code_edit = QLineEdit(point.code, self)
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setMaxLength(32)
        self.code_edit.setPlaceholderText(self.tr("留空则自动编号"))
        form.addRow(self.tr("风险点编号"), self.code_edit)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind_combo")
        for kind in RiskPointKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(point.kind.value))
        form.addRow(self.tr("类型"), self.kind_combo)
        self.area_combo = QComboBox(self)
        self.area_combo.setObjectName("area_combo")
        combos.fill(self.area_combo, [(a.name, a.id) for a in areas if a.id is not None], point.area_id)
        form.addRow(self.tr("所在区域"), self.area_combo)
        # A new point proposes the next 编号 of its area (FX-区域编号-nnn) until one is typed.
        self.code_edit.textEdited.connect(self._on_code_typed)
        self.area_combo.currentIndexChanged.connect(self._propose_code)
        self._propose_code()
        self.location_edit = QLineEdit(point.location, self)
        self.location_edit.setObjectName("location_edit")
        self.location_edit.setMaxLength(200)
        self.location_edit.setPlaceholderText(self.tr("如：机加工车间东侧；留空则用区域名称"))
        form.addRow(self.tr("区域位置"), self.location_edit)
        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("department_combo")
        combos.fill(self.department_combo, combos.department_choices(departments), point.department_id)
        form.addRow(self.tr("责任单位"), self.department_combo)
        self.person_combo = QComboBox(self)
        self.person_combo.setObjectName("person_combo")
        combos.fill(
            self.person_combo,
            [
                (p.name, p.id)
                for p in people
                if p.id is not None and (p.is_active or p.id == point.responsible_person_id)
            ],
            point.responsible_person_id,
        )
        form.addRow(self.tr("责任人"), self.person_combo)
        self.asset_no_edit = QLineEdit(point.asset_no, self)
        self.asset_no_edit.setObjectName("asset_no_edit")
        self.model_spec_edit = QLineEdit(point.model_spec, self)
        self.model_spec_edit.setObjectName("model_spec_edit")
        self.activity_content_edit = QPlainTextEdit(point.activity_content, self)
        self.activity_content_edit.setObjectName("activity_content_edit")
        self.activity_content_edit.setMaximumHeight(60)
        self.activity_frequency_edit = QLineEdit(point.activity_frequency, self)
        self.activity_frequency_edit.setObjectName("activity_frequency_edit")
        self.activity_frequency_edit.setPlaceholderText(self.tr("如：每班、每天、每周"))
        self._kind_rows: list[tuple[RiskPointKind, QLabel, QWidget]] = []
        for kind, text, widget in (
            (RiskPointKind.EQUIPMENT, self.tr("编号/位号"), self.asset_no_edit),
            (RiskPointKind.EQUIPMENT, self.tr("规格型号"), self.model_spec_edit),
            (RiskPointKind.ACTIVITY, self.tr("作业活动内容"), self.activity_content_edit),
            (RiskPointKind.ACTIVITY, self.tr("活动频率"), self.activity_frequency_edit),
        ):
            label = QLabel(text, self)
            form.addRow(label, widget)
            self._kind_rows.append((kind, label, widget))
        self.posts_list = QListWidget(self)
        self.posts_list.setObjectName("posts_list")
        check_list.fill(
            self.posts_list, [(p.name, p.id) for p in posts if p.id is not None], set(point.post_ids)
        )
        form.addRow(self.tr("面临此风险的岗位"), self.posts_list)
        self.note_edit = QPlainTextEdit(point.note, self)
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setMaximumHeight(50)
        form.addRow(self.tr("备注"), self.note_edit)
        self.sign_off_group = self._sign_off_group(point, people)
        layout.addWidget(self.sign_off_group)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setStyleSheet("color: #C00000;")
        layout.addWidget(self.error_label)
        self.errors = FieldErrors(
            self.error_label,
            {
                "name": self.name_edit,
                "code": self.code_edit,
                "reviewer_name": self.reviewer_edit,
                "reviewed_on": self.reviewed_on_edit,
                "approver_name": self.approver_edit,
                "approved_on": self.approved_on_edit,
            },
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("button_box")
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._on_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        screen_fit.scroll_body(self, self.error_label, buttons)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        self._on_kind_changed()

    def _on_code_typed(self, text: str) -> None:
        self._code_typed = bool(text.strip())

    def _propose_code(self) -> None:
        if self._suggest_code is not None and not self._code_typed:
            self.code_edit.setText(self._suggest_code(combos.chosen_id(self.area_combo)))

    def _sign_off_group(self, point: RiskPointInfo, people: list[PersonInfo]) -> QGroupBox:
        group = QGroupBox(self.tr("审核与审定"), self)
        group.setObjectName("sign_off_group")
        form = QFormLayout(group)
        hint = QLabel(self.tr("打印在 JHA/SCL 评价记录表头；留空则打印空白，由人工签字。"), group)
        hint.setWordWrap(True)
        form.addRow(hint)
        names = sorted({p.name for p in people if p.is_active})
        self.reviewer_edit, self.reviewed_on_check, self.reviewed_on_edit = self._sign_off_row(
            group, form, self.tr("审核人/日期"), ("reviewer", "reviewed_on"), point.reviewer_name,
            point.reviewed_on, names,
        )  # fmt: skip
        self.approver_edit, self.approved_on_check, self.approved_on_edit = self._sign_off_row(
            group, form, self.tr("审定人/日期"), ("approver", "approved_on"), point.approver_name,
            point.approved_on, names,
        )  # fmt: skip
        self.reviewed_on_check.toggled.connect(self._on_reviewed_on_ticked)
        self.approved_on_check.toggled.connect(self._on_approved_on_ticked)
        return group

    def _sign_off_row(
        self,
        group: QGroupBox,
        form: QFormLayout,
        label: str,
        object_names: tuple[str, str],
        name: str,
        on: date | None,
        names: list[str],
    ) -> tuple[QLineEdit, QCheckBox, QDateEdit]:
        name_edit = QLineEdit(name, group)
        name_edit.setObjectName(f"{object_names[0]}_edit")
        name_edit.setMaxLength(SIGN_OFF_NAME_LIMIT)
        name_edit.setPlaceholderText(self.tr("姓名"))
        completer = QCompleter(names, name_edit)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        name_edit.setCompleter(completer)
        check = QCheckBox(self.tr("日期"), group)
        check.setObjectName(f"{object_names[1]}_check")
        edit = QDateEdit(group)
        edit.setObjectName(f"{object_names[1]}_edit")
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setSpecialValueText(self.tr("未填"))
        edit.setMinimumDate(_UNSET_DATE)
        row = QHBoxLayout()
        row.addWidget(name_edit, 1)
        row.addWidget(check)
        row.addWidget(edit)
        form.addRow(label, row)
        self._set_optional_date(check, edit, on)
        return name_edit, check, edit

    def _set_optional_date(self, check: QCheckBox, edit: QDateEdit, value: date | None) -> None:
        check.blockSignals(True)
        check.setChecked(value is not None)
        check.blockSignals(False)
        edit.setEnabled(value is not None)
        edit.setDate(_UNSET_DATE if value is None else _to_qdate(value))

    def _on_reviewed_on_ticked(self, ticked: bool) -> None:
        self._tick_date(self.reviewed_on_check, self.reviewed_on_edit, ticked)

    def _on_approved_on_ticked(self, ticked: bool) -> None:
        self._tick_date(self.approved_on_check, self.approved_on_edit, ticked)

    def _tick_date(self, check: QCheckBox, edit: QDateEdit, ticked: bool) -> None:
        self._set_optional_date(check, edit, (self._today or date.today()) if ticked else None)
        if ticked:
            edit.setFocus()

    @staticmethod
    def _optional_date(check: QCheckBox, edit: QDateEdit) -> date | None:
        if not check.isChecked() or edit.date() <= _UNSET_DATE:
            return None
        value = edit.date()
        return date(value.year(), value.month(), value.day())

    def kind(self) -> RiskPointKind:
        return RiskPointKind(self.kind_combo.currentData())

    def chosen_post_ids(self) -> tuple[int, ...]:
        return tuple(sorted(check_list.checked_ids(self.posts_list)))

    def value(self) -> RiskPointInfo:
        kind = self.kind()
        equipment, activity = kind is RiskPointKind.EQUIPMENT, kind is RiskPointKind.ACTIVITY
        return replace(
            self._point,
            name=self.name_edit.text().strip(),
            code=self.code_edit.text().strip(),
            kind=kind,
            area_id=combos.chosen_id(self.area_combo),
            location=self.location_edit.text().strip(),
            department_id=combos.chosen_id(self.department_combo),
            responsible_person_id=combos.chosen_id(self.person_combo),
            asset_no=self.asset_no_edit.text().strip() if equipment else "",
            model_spec=self.model_spec_edit.text().strip() if equipment else "",
            activity_content=self.activity_content_edit.toPlainText().strip() if activity else "",
            activity_frequency=self.activity_frequency_edit.text().strip() if activity else "",
            note=self.note_edit.toPlainText().strip(),
            post_ids=self.chosen_post_ids(),
            reviewer_name=self.reviewer_edit.text().strip(),
            reviewed_on=self._optional_date(self.reviewed_on_check, self.reviewed_on_edit),
            approver_name=self.approver_edit.text().strip(),
            approved_on=self._optional_date(self.approved_on_check, self.approved_on_edit),
        )

    def _on_kind_changed(self) -> None:
        kind = self.kind()
        for row_kind, label, widget in self._kind_rows:
            label.setVisible(row_kind is kind)
            widget.setVisible(row_kind is kind)

    def _on_accept(self) -> None:
        problem = required_problem(self.name_edit.text().strip(), "风险点名称", 200)
        problems = [("name", problem)] if problem else []
        problems += sign_off_problems(self.value(), today=self._today)
        if problems:
            self.errors.show_all(problems)
            return
        self.errors.clear()
        self.accept()

    @classmethod
    def edit(
        cls,
        parent: QWidget | None,
        point: RiskPointInfo,
        areas: list[AreaInfo],
        departments: list[DepartmentInfo],
        people: list[PersonInfo],
        posts: list[PostInfo],
        *,
        today: date | None = None,
        suggest_code: Callable[[int | None], str] | None = None,
    ) -> RiskPointInfo | None:
        """Show the dialog; the edited risk point, or None when cancelled.

        With ``today`` a sign-off date later than it is refused at its field, and a newly ticked date starts there.
        """
        dialog = cls(point, areas, departments, people, posts, parent, today=today, suggest_code=suggest_code)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
