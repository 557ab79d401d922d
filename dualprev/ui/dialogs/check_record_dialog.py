"""记录排查: tick every item of a checklist 合格 / 不合格 / 不适用, with a remark and photos; a
不合格 item opens its hidden danger, pre-filled, at once. Nothing is saved here: the caller hands
the whole check to ``checks.recording.record_check``, which saves it in one transaction."""

from dataclasses import dataclass, field, replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dualprev.domain.checks import CheckResult, CheckType, record_problems
from dualprev.domain.hidden_danger import HiddenDangerLevel
from dualprev.services.checks import checklists
from dualprev.services.checks.checklists import Checklist, ChecklistItem
from dualprev.services.checks.recording import CheckInput, ResultInput
from dualprev.services.hidden_dangers.choices import HiddenDangerChoices
from dualprev.services.photo_service import PreparedPhoto
from dualprev.ui.dialogs.check_danger_dialog import CheckDanger, CheckDangerDialog
from dualprev.ui.dialogs.check_item_dialog import fill_enum
from dualprev.ui.dialogs.hidden_danger_fields import get_date, name_buttons, set_date
from dualprev.ui.dialogs.unsaved_changes import GuardedDialog
from dualprev.ui.widgets import combos
from dualprev.ui.widgets.field_errors import FieldErrors
from dualprev.ui.widgets.photo_strip import choose_photo_files, prepare_photos

RESULT_ORDER = (CheckResult.PASS, CheckResult.FAIL, CheckResult.NOT_APPLICABLE)
ROW_HEIGHT = 40


class Col:
    NUMBER, RISK_POINT, CONTENT, RESULT, REMARK, PHOTOS, DANGER = range(7)


HEADINGS = ("序号", "风险点/部位", "排查内容（悬停看标准）", "排查结果", "问题描述/备注", "照片", "隐患")


@dataclass
class _Row:
    """One line of the form and what the user entered on it."""

    item: ChecklistItem
    free: bool = False
    result: CheckResult | None = None
    photos: list[PreparedPhoto] = field(default_factory=list)
    danger: CheckDanger | None = None
    group: QButtonGroup | None = None
    content_edit: QLineEdit | None = None
    remark_edit: QLineEdit | None = None
    photo_btn: QPushButton | None = None
    danger_label: QLabel | None = None
    danger_btn: QPushButton | None = None

    def text(self) -> str:
        if self.content_edit is not None:
            return self.content_edit.text().strip()
        return self.item.content


class CheckRecordDialog(GuardedDialog):
    """The check form of one task, plan or hand-picked item set; returns the check, never saves it."""

    def __init__(
        self,
        checklist: Checklist,
        choices: HiddenDangerChoices,
        today: date,
        *,
        checker_names: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("check_record_dialog")
        self._checklist = checklist
        self._choices = choices
        self._today = today
        self._rows: list[_Row] = []
        self.setWindowTitle(self.tr("记录排查"))
        self.resize(1180, 720)
        layout = QVBoxLayout(self)

        self.title_label = QLabel(self)
        self.title_label.setObjectName("title_label")
        self.title_label.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(self.title_label)

        header = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        self.checked_on_edit = QDateEdit(self)
        self.checked_on_edit.setObjectName("checked_on_edit")
        self.checked_on_edit.setCalendarPopup(True)
        self.checked_on_edit.setDisplayFormat("yyyy-MM-dd")
        # No maximum: Qt would silently change a typed future date; the check refuses it instead.
        set_date(self.checked_on_edit, today)
        self.checker_edit = QLineEdit(self)
        self.checker_edit.setObjectName("checker_edit")
        self.checker_edit.setMaxLength(200)
        self.checker_edit.setPlaceholderText(self.tr("多人用顿号分开，如：吴志强、钱国平"))
        self.checker_edit.setText(checker_names)
        self.check_type_combo = QComboBox(self)
        self.check_type_combo.setObjectName("check_type_combo")
        fill_enum(
            self.check_type_combo,
            [(t.label, t.value) for t in CheckType],
            checklist.check_type.value if checklist.check_type else None,
            combos.NONE_TEXT if checklist.check_type is None else "",
        )
        self.check_type_combo.setEnabled(checklist.plan_id is None)
        self.department_combo = QComboBox(self)
        self.department_combo.setObjectName("department_combo")
        combos.fill(
            self.department_combo, combos.department_choices(choices.departments), checklist.department_id
        )
        self.area_combo = QComboBox(self)
        self.area_combo.setObjectName("area_combo")
        combos.fill(
            self.area_combo, [(a.name, a.id) for a in choices.areas if a.id is not None], checklist.area_id
        )
        left.addRow(self.tr("排查日期 *"), self.checked_on_edit)
        left.addRow(self.tr("排查人 *"), self.checker_edit)
        left.addRow(self.tr("排查类型 *"), self.check_type_combo)
        right.addRow(self.tr("受检部门"), self.department_combo)
        right.addRow(self.tr("区域"), self.area_combo)
        header.addLayout(left, 1)
        header.addSpacing(24)
        header.addLayout(right, 1)
        layout.addLayout(header)

        bar = QHBoxLayout()
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("progress_label")
        bar.addWidget(self.progress_label, 1)
        self.all_pass_btn = QPushButton(self.tr("其余全部合格"), self)
        self.all_pass_btn.setObjectName("all_pass_btn")
        self.all_pass_btn.setToolTip(self.tr("把还没有填写结果的项目都设为“合格”"))
        self.add_line_btn = QPushButton(self.tr("添加临时检查项"), self)
        self.add_line_btn.setObjectName("add_line_btn")
        self.add_line_btn.setToolTip(self.tr("清单以外当场发现或检查的内容"))
        bar.addWidget(self.all_pass_btn)
        bar.addWidget(self.add_line_btn)
        layout.addLayout(bar)

        self.items_table = QTableWidget(0, len(HEADINGS), self)
        self.items_table.setObjectName("items_table")
        self.items_table.setHorizontalHeaderLabels([self.tr(h) for h in HEADINGS])
        self.items_table.verticalHeader().setVisible(False)
        self.items_table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.items_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.items_table.setWordWrap(True)
        head = self.items_table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(Col.CONTENT, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Col.NUMBER, 44),
            (Col.RISK_POINT, 170),
            (Col.RESULT, 230),
            (Col.REMARK, 180),
            (Col.PHOTOS, 70),
            (Col.DANGER, 270),
        ):
            head.resizeSection(column, width)
        layout.addWidget(self.items_table, 1)

        self.summary_edit = QPlainTextEdit(self)
        self.summary_edit.setObjectName("summary_edit")
        self.summary_edit.setPlaceholderText(self.tr("排查结论（可不填，保存时按结果自动生成）"))
        self.summary_edit.setMaximumHeight(56)
        layout.addWidget(self.summary_edit)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #C00000;")
        layout.addWidget(self.error_label)
        self.errors = FieldErrors(
            self.error_label,
            {
                "checked_on": self.checked_on_edit,
                "checker_names": self.checker_edit,
                "check_type": self.check_type_combo,
                "results": self.items_table,
            },
        )
        self.button_box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.button_box.setObjectName("button_box")
        name_buttons(self.button_box, self.tr("保存排查记录"))
        layout.addWidget(self.button_box)

        self._fill_title()
        for item in checklist.items:
            self._add_row(_Row(item))
        self._update_progress()
        self.all_pass_btn.clicked.connect(self.set_remaining_passed)
        self.add_line_btn.clicked.connect(self.add_free_line)
        self.button_box.accepted.connect(self._on_accept)
        self.button_box.rejected.connect(self.reject)

    # --- building ---------------------------------------------------------------------------------

    def _fill_title(self) -> None:
        c = self._checklist
        if c.plan_id is None:
            self.title_label.setText(self.tr("计划外排查（共 {n} 项）").format(n=len(c.items)))
            return
        due = self.tr("　应完成日期 {date}").format(date=c.due_on.isoformat()) if c.due_on else ""
        self.title_label.setText(f"{c.title}{due}" + self.tr("（共 {n} 项）").format(n=len(c.items)))

    def _add_row(self, row: _Row) -> None:
        table = self.items_table
        index = table.rowCount()
        table.insertRow(index)
        number = QTableWidgetItem(str(index + 1))
        number.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        table.setItem(index, Col.NUMBER, number)
        place = row.item.risk_point_text or row.item.place or self.tr("通用检查项")
        point = QTableWidgetItem(place)
        if row.item.level is not None:
            point.setToolTip(f"{place}\n{row.item.level.label}")
        table.setItem(index, Col.RISK_POINT, point)
        if row.free:
            row.content_edit = QLineEdit(table)
            row.content_edit.setObjectName(f"content_edit_{index}")
            row.content_edit.setPlaceholderText(self.tr("检查的内容"))
            row.content_edit.setMaxLength(500)
            table.setCellWidget(index, Col.CONTENT, row.content_edit)
        else:
            content = QTableWidgetItem(row.item.content)
            tip = [row.item.content]
            if row.item.standard:
                tip.append(self.tr("标准/依据：{s}").format(s=row.item.standard))
            if row.item.method:
                tip.append(self.tr("方法：{m}").format(m=row.item.method))
            content.setToolTip("\n".join(tip))
            table.setItem(index, Col.CONTENT, content)
        cell = QWidget(table)
        cell_layout = QHBoxLayout(cell)
        cell_layout.setContentsMargins(6, 0, 6, 0)
        row.group = QButtonGroup(cell)
        row.group.setExclusive(True)
        for result in RESULT_ORDER:
            button = QRadioButton(result.label, cell)
            button.setObjectName(f"{result.value}_radio_{index}")
            row.group.addButton(button, RESULT_ORDER.index(result))
            cell_layout.addWidget(button)
        row.group.idClicked.connect(
            lambda button_id, r=row: self._on_result_clicked(r, RESULT_ORDER[button_id])
        )
        table.setCellWidget(index, Col.RESULT, cell)
        row.remark_edit = QLineEdit(table)
        row.remark_edit.setObjectName(f"remark_edit_{index}")
        row.remark_edit.setMaxLength(1000)
        table.setCellWidget(index, Col.REMARK, row.remark_edit)
        row.photo_btn = QPushButton(self.tr("添加…"), table)
        row.photo_btn.setObjectName(f"photo_btn_{index}")
        row.photo_btn.clicked.connect(lambda _checked=False, r=row: self._on_photos(r))
        table.setCellWidget(index, Col.PHOTOS, row.photo_btn)
        danger = QWidget(table)
        danger_layout = QHBoxLayout(danger)
        danger_layout.setContentsMargins(4, 0, 4, 0)
        row.danger_label = QLabel(danger)
        row.danger_label.setObjectName(f"danger_label_{index}")
        row.danger_btn = QPushButton(self.tr("修改…"), danger)
        row.danger_btn.setObjectName(f"danger_btn_{index}")
        row.danger_btn.setVisible(False)
        row.danger_btn.clicked.connect(lambda _checked=False, r=row: self._edit_danger(r))
        danger_layout.addWidget(row.danger_label, 1)
        danger_layout.addWidget(row.danger_btn)
        table.setCellWidget(index, Col.DANGER, danger)
        self._rows.append(row)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows()  # only now are the columns as wide as the dialog makes them

    def _fit_rows(self) -> None:
        """Rows as tall as their wrapped text, but never lower than the result buttons need."""
        self.items_table.resizeRowsToContents()
        for index in range(self.items_table.rowCount()):
            if self.items_table.rowHeight(index) < ROW_HEIGHT:
                self.items_table.setRowHeight(index, ROW_HEIGHT)

    # --- reading ----------------------------------------------------------------------------------

    def row_count(self) -> int:
        return len(self._rows)

    def result_of(self, index: int) -> CheckResult | None:
        return self._rows[index].result

    def danger_of(self, index: int) -> CheckDanger | None:
        return self._rows[index].danger

    def check_type(self) -> CheckType | None:
        value = self.check_type_combo.currentData()
        return CheckType(value) if value else None

    def value(self) -> CheckInput:
        """The record as filled in; an item without a result is left out (accepting needs them all)."""
        c = self._checklist
        results: list[ResultInput] = []
        for row in self._rows:
            if row.result is None:
                continue
            results.append(
                ResultInput(
                    item_text=row.text(),
                    result=row.result,
                    check_item_id=row.item.item_id,
                    standard_text=row.item.standard,
                    remark=row.remark_edit.text().strip() if row.remark_edit else "",
                    photos=tuple(row.photos),
                    hidden_danger=row.danger.draft if row.danger and row.result is CheckResult.FAIL else None,
                    immediate=bool(row.danger and row.danger.immediate),
                )
            )
        return CheckInput(
            checked_on=get_date(self.checked_on_edit),
            checker_names=self.checker_edit.text().strip(),
            results=tuple(results),
            check_type=self.check_type(),
            task_id=c.task_id,
            plan_id=c.plan_id,
            department_id=combos.chosen_id(self.department_combo),
            area_id=combos.chosen_id(self.area_combo),
            summary=self.summary_edit.toPlainText().strip(),
        )

    # --- behaviour --------------------------------------------------------------------------------

    def set_result(self, index: int, result: CheckResult) -> None:
        """Tick ``result`` on line ``index`` as a click would (a 不合格 opens its hidden danger)."""
        row = self._rows[index]
        assert row.group is not None
        row.group.button(RESULT_ORDER.index(result)).setChecked(True)
        self._on_result_clicked(row, result)

    def set_remaining_passed(self) -> None:
        for index, row in enumerate(self._rows):
            if row.result is None:
                self.set_result(index, CheckResult.PASS)

    def add_free_line(self) -> QLineEdit | None:
        """Add a line for something checked beyond the list; returns its content field."""
        area = combos.chosen_id(self.area_combo)
        area_name = next((a.name for a in self._choices.areas if a.id == area), "")
        row = _Row(ChecklistItem(item_id=None, content="", area_id=area, area_name=area_name), free=True)
        self._add_row(row)
        self.items_table.scrollToBottom()
        self._update_progress()
        if row.content_edit is not None:
            row.content_edit.setFocus()
        return row.content_edit

    def _on_result_clicked(self, row: _Row, result: CheckResult) -> None:
        previous = row.result
        if result is CheckResult.FAIL and previous is not CheckResult.FAIL:
            if not row.text():
                self.errors.show(self.tr("请先填写临时检查项的内容"), "results")
                self._restore(row, previous)
                return
            danger = self._ask_danger(row, self._prefilled(row))
            if danger is None:
                self._restore(row, previous)
                return
            row.danger = danger
        row.result = result
        self._show_danger(row)
        self._update_progress()

    def _restore(self, row: _Row, previous: CheckResult | None) -> None:
        assert row.group is not None
        if previous is None:
            row.group.setExclusive(False)
            for button in row.group.buttons():
                button.setChecked(False)
            row.group.setExclusive(True)
        else:
            row.group.button(RESULT_ORDER.index(previous)).setChecked(True)

    def _prefilled(self, row: _Row) -> CheckDanger:
        item = row.item if not row.free else replace(row.item, content=row.text())
        place = ""
        if row.free:
            area = combos.chosen_id(self.area_combo)
            dept = combos.chosen_id(self.department_combo)
            place = next((a.name for a in self._choices.areas if a.id == area), "") or next(
                (d.name for d in self._choices.departments if d.id == dept), ""
            )
        draft = checklists.failed_item_draft(
            item,
            checked_on=get_date(self.checked_on_edit),
            check_type=self.check_type(),
            checker_names=self.checker_edit.text(),
            remark=row.remark_edit.text() if row.remark_edit else "",
            place=place,
            general_days=self._checklist.deadline_days_general,
            team_days=self._checklist.deadline_days_team,
        )
        if row.free and not draft.responsible_department_id:
            draft = replace(draft, responsible_department_id=combos.chosen_id(self.department_combo))
        return CheckDanger(draft)

    def _ask_danger(self, row: _Row, danger: CheckDanger) -> CheckDanger | None:
        return CheckDangerDialog.ask(
            self,
            danger,
            self._choices,
            self._today,
            item_text=row.text(),
            risk_point_text=row.item.risk_point_text,
        )

    def _edit_danger(self, row: _Row) -> None:
        if row.danger is None:
            return
        danger = self._ask_danger(row, row.danger)
        if danger is not None:
            row.danger = danger
            self._show_danger(row)

    def _show_danger(self, row: _Row) -> None:
        assert row.danger_label is not None and row.danger_btn is not None
        failed = row.result is CheckResult.FAIL and row.danger is not None
        row.danger_btn.setVisible(failed)
        if not failed or row.danger is None:
            row.danger_label.setText("")
            row.danger_label.setToolTip("")
            return
        draft = row.danger.draft
        who = self._choices.person_name(draft.rectifier_id)
        level = "【重大】" if draft.level is HiddenDangerLevel.MAJOR else ""
        deadline = draft.deadline.strftime("%m-%d") if draft.deadline else "—"
        if row.danger.immediate:
            text = self.tr("{level}待登记：已立即整改").format(level=level)
        else:
            text = self.tr("{level}待登记：{who}，{deadline}前").format(
                level=level, who=who or "—", deadline=deadline
            )
        row.danger_label.setText(text)
        row.danger_label.setStyleSheet("color: #C00000;")
        row.danger_label.setToolTip(
            self.tr("{description}\n整改责任人：{who}\n整改期限：{deadline}").format(
                description=draft.description,
                who=who or "—",
                deadline=draft.deadline.isoformat() if draft.deadline else "—",
            )
        )
        if row.remark_edit is not None and not row.remark_edit.text().strip():
            row.remark_edit.setText(draft.description)
            row.remark_edit.setCursorPosition(0)

    def _on_photos(self, row: _Row) -> None:
        paths = choose_photo_files(self)
        if not paths:
            return
        prepare_photos(self, paths, lambda prepared: self._add_row_photos(row, prepared))

    def _add_row_photos(self, row: _Row, prepared: list[PreparedPhoto]) -> None:
        row.photos.extend(prepared)
        assert row.photo_btn is not None
        row.photo_btn.setText(
            self.tr("照片 {n}").format(n=len(row.photos)) if row.photos else self.tr("添加…")
        )

    def _update_progress(self) -> None:
        done = sum(1 for r in self._rows if r.result is not None)
        failed = sum(1 for r in self._rows if r.result is CheckResult.FAIL)
        text = self.tr("共 {n} 项，已填写 {d} 项").format(n=len(self._rows), d=done)
        if failed:
            text += self.tr("，不合格 {f} 项（保存时登记为隐患）").format(f=failed)
        self.progress_label.setText(text)

    def _on_accept(self) -> None:
        data = self.value()
        problems = record_problems(
            data.checked_on, data.checker_names, [(r.text(), r.result) for r in self._rows], self._today
        )
        if data.check_type is None:
            problems.append(("check_type", self.tr("请选择排查类型")))
        if not any(field == "results" for field, _message in problems):
            missing = next(
                (i for i, r in enumerate(self._rows) if r.result is CheckResult.FAIL and r.danger is None),
                None,
            )
            if missing is not None:
                problems.append(("results", self.tr("第 {n} 项不合格，请登记隐患").format(n=missing + 1)))
        if problems:
            self.errors.show_all(problems)
            for index, row in enumerate(self._rows):
                if row.result is None or (row.result is CheckResult.FAIL and row.danger is None):
                    self.items_table.selectRow(index)
                    break
            return
        self.errors.clear()
        self.accept()

    # --- entry point ------------------------------------------------------------------------------

    @classmethod
    def record(
        cls,
        parent: QWidget | None,
        checklist: Checklist,
        choices: HiddenDangerChoices,
        today: date,
        *,
        checker_names: str = "",
    ) -> CheckInput | None:
        """Show the form; the check as entered, or None when cancelled."""
        dialog = cls(checklist, choices, today, checker_names=checker_names, parent=parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
