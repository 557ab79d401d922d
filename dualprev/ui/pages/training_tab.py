"""培训 tab: courses and sessions with attendees and results, who lacks 三级安全教育 or this year's
hours, the training records and each person's training file printed."""

from typing import Any

from PySide6.QtWidgets import QInputDialog, QWidget

from dualprev.services import organisation_service as org
from dualprev.services.duties import printouts, training
from dualprev.services.duties.training import CourseInfo, SessionInfo
from dualprev.ui import operations
from dualprev.ui.context import AppContext
from dualprev.ui.dialogs.training_dialogs import CourseDialog, SessionDialog
from dualprev.ui.models.duty_table_models import TrainingSessionTableModel
from dualprev.ui.operations import FAILED
from dualprev.ui.pages import duty_tab
from dualprev.ui.pages.duty_tab import DutyTab
from dualprev.ui.widgets.dashboard_tree import GOOD_COLOUR

OVERDUE_COLOUR = "#C00000"


def choose(parent: QWidget, title: str, label: str, items: list[str]) -> str | None:
    """One of ``items``, or None when cancelled (tests replace this)."""
    text, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return text if ok else None


class TrainingTab(DutyTab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, TrainingSessionTableModel(), "training", [
            ("add_btn", "新增培训记录"), ("edit_btn", "编辑"), ("void_btn", "作废"), ("course_btn", "新增课程"),
            ("edit_course_btn", "编辑课程"), ("void_course_btn", "作废课程"), ("print_btn", "打印培训记录"),
            ("file_btn", "打印个人培训档案"),
        ], parent)  # fmt: skip
        b = self.buttons
        b["add_btn"].clicked.connect(lambda: self._edit(None))
        b["edit_btn"].clicked.connect(self.edit_selected)
        b["void_btn"].clicked.connect(self._on_void)
        b["course_btn"].clicked.connect(lambda: self._edit_course(None))
        b["edit_course_btn"].clicked.connect(self._on_edit_course)
        b["void_course_btn"].clicked.connect(self._on_void_course)
        b["print_btn"].clicked.connect(self._on_print)
        b["file_btn"].clicked.connect(self._on_print_file)
        self._on_selection()

    def needs_selection(self) -> tuple[str, ...]:
        return ("edit_btn", "void_btn")

    def reload(self) -> None:
        today = self.ctx.today()
        loaded = operations.attempt(
            self,
            lambda: (training.list_sessions(self.ctx.db), training.training_gaps(self.ctx.db, today=today)),
        )
        if loaded is FAILED:
            return
        sessions, gaps = loaded
        self.model.set_records(sessions)
        parts: list[str] = []
        if gaps.no_induction:
            parts.append(
                self.tr("未完成三级安全教育（不得上岗）：") + "、".join(f.name for f in gaps.no_induction)
            )
        if gaps.short_hours:
            parts.append(
                self.tr("{y}年再培训学时不足：").format(y=today.year)
                + "、".join(f"{f.name}（{f.year_hours}/{f.required_hours}）" for f in gaps.short_hours)
            )
        self.notice_label.setText("；".join(parts) or self.tr("全员已完成三级安全教育和本年度再培训学时"))
        self.notice_label.setStyleSheet(f"color: {OVERDUE_COLOUR if parts else GOOD_COLOUR};")

    def detail(self, record: Any) -> str:
        s: SessionInfo = record
        people = "、".join(
            f"{a.person_name}（{a.score or '—'}{'' if a.passed else '，不合格'}）" for a in s.attendees
        )
        lines = [f"{s.held_on.isoformat()} {s.course_name}，{s.hours} 学时，授课人：{s.trainer}，地点：{s.place}",
                 f"培训内容：{s.content}", f"培训资料：{s.materials}", f"参训人员：{people}"]  # fmt: skip
        if s.void_reason:
            lines.insert(0, f"已作废：{s.void_reason}")
        return "\n".join(lines)

    def _edit(self, current: SessionInfo | None) -> None:
        db = self.ctx.db
        loaded = operations.attempt(
            self, lambda: (training.list_courses(db), org.list_people(db), org.list_departments(db))
        )
        if loaded is FAILED:
            return
        today = self.ctx.today()
        edited = SessionDialog.edit(self, current, *loaded, today)
        if edited is not None:
            self.write(lambda: training.save_session(db, edited, actor=self.ctx.actor(), today=today))

    def edit_selected(self) -> None:
        record = self.selected()
        if record is not None and not record.is_void:
            self._edit(record)

    def _on_void(self) -> None:
        record = self.selected()
        if record is None:
            return
        reason = duty_tab.ask_void_reason(self, f"{record.held_on.isoformat()} {record.course_name}")
        if reason is not None:
            self.write(lambda: training.void_session(self.ctx.db, record.id, reason, actor=self.ctx.actor()))

    def _pick_course(self) -> CourseInfo | None:
        courses = operations.attempt(self, lambda: training.list_courses(self.ctx.db, include_void=False))
        if courses is FAILED or not courses:
            return None
        chosen = choose(self, self.tr("选择课程"), self.tr("培训课程："), [c.name for c in courses])
        return next((c for c in courses if c.name == chosen), None)

    def _edit_course(self, current: CourseInfo | None) -> None:
        edited = CourseDialog.edit(self, current)
        if edited is not None:
            self.write(lambda: training.save_course(self.ctx.db, edited, actor=self.ctx.actor()))

    def _on_edit_course(self) -> None:
        course = self._pick_course()
        if course is not None:
            self._edit_course(course)

    def _on_void_course(self) -> None:
        course = self._pick_course()
        if course is None:
            return
        reason = duty_tab.ask_void_reason(self, course.name)
        if reason is not None:
            self.write(
                lambda: training.void_course(self.ctx.db, course.id or 0, reason, actor=self.ctx.actor())
            )

    def _on_print(self) -> None:
        self.print_pdf(
            lambda path, fmt: printouts.export_training(self.ctx.db, path, fmt, today=self.ctx.today()),
            self.tr("安全教育培训记录"), "安全教育培训记录.pdf",
        )  # fmt: skip

    def _on_print_file(self) -> None:
        people = operations.attempt(self, lambda: org.list_people(self.ctx.db))
        if people is FAILED or not people:
            return
        name = choose(self, self.tr("个人培训档案"), self.tr("人员："), [p.name for p in people])
        person = next((p for p in people if p.name == name), None)
        if person is None or person.id is None:
            return
        person_id = person.id
        self.print_pdf(
            lambda path, fmt: printouts.export_training(self.ctx.db, path, fmt, today=self.ctx.today(),
                                                        person_id=person_id),
            self.tr("员工安全培训档案"), f"培训档案_{person.name}.pdf",
        )  # fmt: skip
