"""培训: courses, sessions with their attendees and test results, each person's training file, and
who lacks the 三级安全教育 before work or this year's re-training hours."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from dualprev.domain.duties import TrainingKind, required_annual_hours
from dualprev.domain.validation import required_problem
from dualprev.errors import ValidationError
from dualprev.services.duties.common import check, void
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import Person, TrainingAttendance, TrainingCourse, TrainingSession
from dualprev.storage.queries import duties as queries
from dualprev.storage.queries import organisation as org_queries
from dualprev.storage.repos import get_or_raise, names_by_id

MAX_SESSION_HOURS = 200


@dataclass(frozen=True)
class CourseInfo:
    name: str
    kind: TrainingKind
    hours: int = 0
    content: str = ""
    id: int | None = None
    void_reason: str = ""

    @property
    def is_void(self) -> bool:
        return bool(self.void_reason)


@dataclass(frozen=True)
class Attendee:
    person_id: int
    score: str = ""
    passed: bool = True
    person_name: str = ""


@dataclass(frozen=True)
class SessionInfo:
    course_id: int
    held_on: date
    hours: int
    trainer: str = ""
    place: str = ""
    content: str = ""
    materials: str = ""
    attendees: tuple[Attendee, ...] = ()
    id: int | None = None
    void_reason: str = ""
    course_name: str = ""
    course_kind: TrainingKind | None = None

    @property
    def is_void(self) -> bool:
        return bool(self.void_reason)

    @property
    def passed_count(self) -> int:
        return sum(1 for a in self.attendees if a.passed)


# --- courses -------------------------------------------------------------------------------------


def list_courses(db: Database, *, include_void: bool = True) -> list[CourseInfo]:
    with db.read_session() as s:
        return [
            CourseInfo(c.name, c.kind, c.hours, c.content, c.id, c.void_reason)
            for c in queries.courses(session=s, include_void=include_void)
        ]


def save_course(db: Database, info: CourseInfo, *, actor: str) -> CourseInfo:
    name = info.name.strip()
    check(required_problem(name, "课程名称", 200), "name")
    if not 0 <= info.hours <= MAX_SESSION_HOURS:
        raise ValidationError(f"学时应在 0–{MAX_SESSION_HOURS} 之间", "hours")
    with db.session() as s:
        row = TrainingCourse(name=name, kind=info.kind) if info.id is None else get_or_raise(
            s, TrainingCourse, info.id, "培训课程")  # fmt: skip
        if row.void_reason:
            raise ValidationError("已作废的培训课程不能修改")
        old = {"name": row.name, "kind": row.kind, "hours": row.hours, "content": row.content}
        new = {"name": name, "kind": info.kind, "hours": info.hours, "content": info.content.strip()}
        row.name, row.kind, row.hours, row.content = name, info.kind, info.hours, info.content.strip()
        s.add(row)
        s.flush()
        audit.record(s, actor=actor, action="create" if info.id is None else "update", entity="training_course",
                     entity_id=row.id, summary=f"保存培训课程：{name}", changes=audit.diff(old, new))  # fmt: skip
        return CourseInfo(row.name, row.kind, row.hours, row.content, row.id)


def void_course(db: Database, course_id: int, reason: str, *, actor: str) -> None:
    void(db, TrainingCourse, course_id, reason, what="培训课程", entity="training_course", actor=actor)


# --- sessions ------------------------------------------------------------------------------------


def list_sessions(
    db: Database, *, date_from: date | None = None, date_to: date | None = None, include_void: bool = True
) -> list[SessionInfo]:
    """Training sessions with their attendees, newest first."""
    with db.read_session() as s:
        rows = queries.training_sessions(session=s, date_from=date_from, date_to=date_to,
                                         include_void=include_void)  # fmt: skip
        courses = {c.id: c for c in queries.courses(session=s)}
        people = names_by_id(s, Person)
        attendance = queries.attendance(session=s, session_ids=[r.id or 0 for r in rows])
        found: list[SessionInfo] = []
        for r in rows:
            course = courses.get(r.course_id)
            found.append(
                SessionInfo(
                    course_id=r.course_id, held_on=r.held_on, hours=r.hours, trainer=r.trainer, place=r.place,
                    content=r.content, materials=r.materials, id=r.id, void_reason=r.void_reason,
                    attendees=tuple(Attendee(a.person_id, a.score, a.passed, people.get(a.person_id, ""))
                                    for a in attendance.get(r.id or 0, [])),
                    course_name=course.name if course else "", course_kind=course.kind if course else None,
                )
            )  # fmt: skip
        return found


def save_session(db: Database, info: SessionInfo, *, actor: str, today: date) -> SessionInfo:
    """Create or edit a session; its attendees are replaced as a whole."""
    if info.held_on > today:
        raise ValidationError("培训日期不能晚于今天", "held_on")
    if not 0 < info.hours <= MAX_SESSION_HOURS:
        raise ValidationError(f"学时应在 1–{MAX_SESSION_HOURS} 之间", "hours")
    if not info.attendees:
        raise ValidationError("请至少选择一名参训人员", "attendees")
    if len({a.person_id for a in info.attendees}) != len(info.attendees):
        raise ValidationError("参训人员有重复", "attendees")
    if any(len(a.score.strip()) > 20 for a in info.attendees):
        raise ValidationError("考试成绩不能超过20个字符", "attendees")
    with db.session() as s:
        course = get_or_raise(s, TrainingCourse, info.course_id, "培训课程")
        if course.void_reason:
            raise ValidationError("该培训课程已作废，请选择其他课程", "course_id")
        for a in info.attendees:
            get_or_raise(s, Person, a.person_id, "参训人员")
        if info.id is None:
            row = TrainingSession(course_id=info.course_id, held_on=info.held_on, hours=info.hours)
            old: dict[str, object] = {}
        else:
            row = get_or_raise(s, TrainingSession, info.id, "培训记录")
            if row.void_reason:
                raise ValidationError("已作废的培训记录不能修改")
            old = {
                "course_id": row.course_id,
                "held_on": row.held_on,
                "hours": row.hours,
                "trainer": row.trainer,
            }
            queries.delete_attendance(session=s, session_id=info.id)
        row.course_id, row.held_on, row.hours = info.course_id, info.held_on, info.hours
        row.trainer, row.place = info.trainer.strip(), info.place.strip()
        row.content, row.materials = info.content.strip(), info.materials.strip()
        s.add(row)
        s.flush()
        for a in info.attendees:
            s.add(TrainingAttendance(session_id=row.id or 0, person_id=a.person_id, score=a.score.strip(),
                                     passed=a.passed))  # fmt: skip
        new = {"course_id": row.course_id, "held_on": row.held_on, "hours": row.hours, "trainer": row.trainer,
               "attendees": len(info.attendees)}  # fmt: skip
        audit.record(s, actor=actor, action="create" if info.id is None else "update", entity="training_session",
                     entity_id=row.id, summary=f"保存培训记录：{course.name}（{row.held_on.isoformat()}）",
                     changes=audit.diff(old, new))  # fmt: skip
        saved_id = row.id or 0
    return next(x for x in list_sessions(db) if x.id == saved_id)


def void_session(db: Database, session_id: int, reason: str, *, actor: str) -> None:
    void(db, TrainingSession, session_id, reason, what="培训记录", entity="training_session", actor=actor)


# --- per person ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FileEntry:
    held_on: date
    course_name: str
    kind: TrainingKind
    hours: int
    trainer: str
    score: str
    passed: bool


@dataclass(frozen=True)
class TrainingFile:
    """一人一档: a person's training, oldest first, with this year's hours against what is required."""

    person_id: int
    name: str
    department: str
    role: str
    entries: tuple[FileEntry, ...]
    year: int
    year_hours: int
    required_hours: int

    @property
    def has_induction(self) -> bool:
        return any(e.kind is TrainingKind.INDUCTION and e.passed for e in self.entries)

    @property
    def missing_hours(self) -> int:
        return max(0, self.required_hours - self.year_hours)


def training_files(db: Database, *, today: date, active_only: bool = True) -> list[TrainingFile]:
    """Every (active) person's training file. Hours count when the test was passed."""
    with db.read_session() as s:
        people = org_queries.people(session=s, include_inactive=not active_only)
        departments = {d.id: d.name for d in org_queries.departments(session=s)}
        entries: dict[int, list[FileEntry]] = defaultdict(list)
        for a, sess, course in queries.attended(session=s):
            entries[a.person_id].append(
                FileEntry(sess.held_on, course.name, course.kind, sess.hours, sess.trainer, a.score, a.passed)
            )
    files: list[TrainingFile] = []
    for p in people:
        own = tuple(entries.get(p.id or 0, []))
        files.append(
            TrainingFile(
                person_id=p.id or 0, name=p.name, department=departments.get(p.department_id, ""), role=p.role,
                entries=own, year=today.year,
                year_hours=sum(e.hours for e in own if e.passed and e.held_on.year == today.year),
                required_hours=required_annual_hours(p.role),
            )
        )  # fmt: skip
    return files


def training_file(db: Database, person_id: int, *, today: date) -> TrainingFile:
    for f in training_files(db, today=today, active_only=False):
        if f.person_id == person_id:
            return f
    with db.read_session() as s:
        get_or_raise(s, Person, person_id, "人员")
    raise AssertionError("every person has a training file")


@dataclass(frozen=True)
class TrainingGaps:
    """Who may not work yet (no 三级安全教育) and who is short of this year's hours."""

    no_induction: tuple[TrainingFile, ...]
    short_hours: tuple[TrainingFile, ...]


def training_gaps(db: Database, *, today: date) -> TrainingGaps:
    files = training_files(db, today=today)
    return TrainingGaps(
        no_induction=tuple(f for f in files if not f.has_induction),
        short_hours=tuple(f for f in files if f.has_induction and f.missing_hours),
    )
