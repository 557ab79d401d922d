"""培训 editors: a course (name, kind, planned hours) and a session with its attendees, their test
scores and whether they passed."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from dualprev.domain.duties import TrainingKind
from dualprev.services.duties.training import MAX_SESSION_HOURS, Attendee, CourseInfo, SessionInfo
from dualprev.services.organisation_service import DepartmentInfo, PersonInfo
from dualprev.ui.dialogs.duty_form_dialog import DutyFormDialog
from dualprev.ui.widgets import combos


def _hours_spin(parent: QWidget, name: str, value: int, minimum: int) -> QSpinBox:
    spin = QSpinBox(parent)
    spin.setObjectName(name)
    spin.setRange(minimum, MAX_SESSION_HOURS)
    spin.setSuffix(" 学时")
    spin.setValue(value)
    return spin


class CourseDialog(DutyFormDialog):
    def __init__(self, course: CourseInfo | None, parent: QWidget | None = None) -> None:
        super().__init__("新增培训课程" if course is None else "编辑培训课程", parent)
        self.setObjectName("course_dialog")
        self._course = course or CourseInfo("", TrainingKind.ANNUAL)
        self.name_edit = QLineEdit(self._course.name, self)
        self.name_edit.setObjectName("name_edit")
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("kind_combo")
        for kind in TrainingKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(self._course.kind.value), 0))
        self.hours_spin = _hours_spin(self, "hours_spin", self._course.hours, 0)
        self.content_edit = QPlainTextEdit(self._course.content, self)
        self.content_edit.setObjectName("content_edit")
        self.add_row("课程名称", self.name_edit, "name")
        self.add_row("类别", self.kind_combo, "kind")
        self.add_row("计划学时", self.hours_spin, "hours")
        self.add_row("培训内容", self.content_edit, "content")

    def value(self) -> CourseInfo:
        return CourseInfo(
            self.name_edit.text().strip(), TrainingKind(self.kind_combo.currentData()), self.hours_spin.value(),
            self.content_edit.toPlainText().strip(), self._course.id,
        )  # fmt: skip

    def problem(self) -> tuple[str, str] | None:
        return ("name", self.tr("课程名称不能为空")) if not self.value().name else None

    @classmethod
    def edit(cls, parent: QWidget | None, course: CourseInfo | None) -> CourseInfo | None:
        dialog = cls(course, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class SessionDialog(DutyFormDialog):
    """A training session; the attendee table lists every active person (and anyone already on
    the session): tick who came, type the score, untick 合格 for a failed test."""

    NAME, DEPARTMENT, SCORE, PASSED = range(4)

    def __init__(
        self, session: SessionInfo | None, courses: list[CourseInfo], people: list[PersonInfo],
        departments: list[DepartmentInfo], today: date, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__("新增培训记录" if session is None else "编辑培训记录", parent)
        self.setObjectName("session_dialog")
        self.resize(760, 720)
        self._today = today
        live = [c for c in courses if not c.is_void and c.id is not None]
        first = live[0] if live else None
        self._session = session or SessionInfo(
            first.id or 0 if first else 0, today, first.hours if first else 1
        )
        s = self._session
        self.course_combo = QComboBox(self)
        self.course_combo.setObjectName("course_combo")
        combos.fill(
            self.course_combo, [(c.name, c.id or 0) for c in live], s.course_id or None, allow_none=False
        )
        self.held_on_edit = self.make_date_edit("held_on_edit", s.held_on)
        self.hours_spin = _hours_spin(self, "hours_spin", max(s.hours, 1), 1)
        self.trainer_edit = QLineEdit(s.trainer, self)
        self.trainer_edit.setObjectName("trainer_edit")
        self.place_edit = QLineEdit(s.place, self)
        self.place_edit.setObjectName("place_edit")
        self.content_edit = QLineEdit(s.content, self)
        self.content_edit.setObjectName("content_edit")
        self.materials_edit = QLineEdit(s.materials, self)
        self.materials_edit.setObjectName("materials_edit")
        self.attendee_table = QTableWidget(self)
        self.attendee_table.setObjectName("attendee_table")
        self._fill_people(people, departments, s.attendees)
        self.add_row("培训课程", self.course_combo, "course_id")
        self.add_row("培训日期", self.held_on_edit, "held_on")
        self.add_row("学时", self.hours_spin, "hours")
        self.add_row("授课人", self.trainer_edit, "trainer")
        self.add_row("地点", self.place_edit, "place")
        self.add_row("培训内容", self.content_edit, "content")
        self.add_row("培训资料", self.materials_edit, "materials")
        self.add_row("参训人员", self.attendee_table, "attendees")

    def _fill_people(
        self, people: list[PersonInfo], departments: list[DepartmentInfo], attendees: tuple[Attendee, ...]
    ) -> None:
        names = {d.id: d.name for d in departments}
        came = {a.person_id: a for a in attendees}
        shown = [p for p in people if p.id is not None and (p.is_active or p.id in came)]
        table = self.attendee_table
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(
            [self.tr("姓名"), self.tr("部门"), self.tr("考试成绩"), self.tr("合格")]
        )
        table.setRowCount(len(shown))
        table.verticalHeader().setVisible(False)
        for row, person in enumerate(shown):
            attendee = came.get(person.id or 0)
            name = QTableWidgetItem(person.name)
            name.setData(Qt.ItemDataRole.UserRole, person.id)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Checked if attendee else Qt.CheckState.Unchecked)
            dept = QTableWidgetItem(names.get(person.department_id, ""))
            dept.setFlags(Qt.ItemFlag.ItemIsEnabled)
            score = QTableWidgetItem(attendee.score if attendee else "")
            passed = QTableWidgetItem("")
            passed.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            passed.setCheckState(
                Qt.CheckState.Checked if (attendee is None or attendee.passed) else Qt.CheckState.Unchecked
            )
            for column, item in enumerate((name, dept, score, passed)):
                table.setItem(row, column, item)
        table.resizeColumnsToContents()

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.attendee_table.item(row, column)
        assert item is not None  # _fill_people sets every cell
        return item

    def attendees(self) -> tuple[Attendee, ...]:
        found: list[Attendee] = []
        for row in range(self.attendee_table.rowCount()):
            name = self._item(row, self.NAME)
            if name.checkState() != Qt.CheckState.Checked:
                continue
            found.append(
                Attendee(
                    int(name.data(Qt.ItemDataRole.UserRole)),
                    self._item(row, self.SCORE).text().strip(),
                    self._item(row, self.PASSED).checkState() == Qt.CheckState.Checked,
                    name.text(),
                )
            )
        return tuple(found)

    def value(self) -> SessionInfo:
        return SessionInfo(
            course_id=combos.chosen_id(self.course_combo) or 0, held_on=self.date_of(self.held_on_edit),
            hours=self.hours_spin.value(), trainer=self.trainer_edit.text().strip(),
            place=self.place_edit.text().strip(), content=self.content_edit.text().strip(),
            materials=self.materials_edit.text().strip(), attendees=self.attendees(), id=self._session.id,
        )  # fmt: skip

    def problem(self) -> tuple[str, str] | None:
        v = self.value()
        if not v.course_id:
            return "course_id", self.tr("请先新增培训课程")
        if v.held_on > self._today:
            return "held_on", self.tr("培训日期不能晚于今天")
        if not v.attendees:
            return "attendees", self.tr("请至少勾选一名参训人员")
        return None

    @classmethod
    def edit(
        cls, parent: QWidget | None, session: SessionInfo | None, courses: list[CourseInfo],
        people: list[PersonInfo], departments: list[DepartmentInfo], today: date,
    ) -> SessionInfo | None:  # fmt: skip
        dialog = cls(session, courses, people, departments, today, parent)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
