"""安全教育培训记录: the sessions of a period, each session's 签到及考核 sheet, every person's training
file (一人一档) and who lacks induction or this year's hours."""

from dataclasses import dataclass
from datetime import date

from dualprev.reports.page import PageSetup, PaperSize
from dualprev.reports.tables import Align, CellValue, Column, HeaderField, Part, Section, TableDocument

TITLE = "安全教育培训记录"
ATTENDANCE_TITLE = "培训签到及考核记录"
FILES_TITLE = "员工安全培训档案"
GAPS_TITLE = "培训缺口提醒"
_C = Align.CENTER
SESSION_COLUMNS: tuple[Column, ...] = (
    Column("序号", 9, _C), Column("培训日期", 22, _C), Column("培训课程", 60), Column("类别", 32, _C),
    Column("学时", 12, _C), Column("授课人", 28), Column("地点", 28), Column("参训人数", 14, _C),
    Column("合格人数", 14, _C), Column("培训资料", 50), Column("状态", 26),
)  # fmt: skip
ATTENDANCE_COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C), Column("姓名", 25, _C), Column("部门", 35), Column("考试成绩", 20, _C),
    Column("考核结果", 20, _C), Column("本人签名", 35),
)  # fmt: skip
FILE_COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C), Column("日期", 22, _C), Column("培训内容", 60), Column("类别", 32, _C),
    Column("学时", 12, _C), Column("授课人", 28), Column("成绩", 16, _C), Column("结果", 16, _C),
)  # fmt: skip
GAP_COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C), Column("姓名", 22, _C), Column("部门", 35), Column("职务", 45), Column("问题", 80),
)  # fmt: skip


@dataclass(frozen=True)
class AttendeeEntry:
    name: str
    department: str
    score: str
    passed: bool


@dataclass(frozen=True)
class SessionEntry:
    held_on: date
    course: str
    kind: str
    hours: int
    trainer: str
    place: str
    materials: str
    attendees: tuple[AttendeeEntry, ...]
    void_reason: str = ""


@dataclass(frozen=True)
class FileLine:
    held_on: date
    course: str
    kind: str
    hours: int
    trainer: str
    score: str
    passed: bool


@dataclass(frozen=True)
class PersonFile:
    name: str
    department: str
    role: str
    year: int
    year_hours: int
    required_hours: int
    inducted: bool
    lines: tuple[FileLine, ...]


@dataclass(frozen=True)
class GapEntry:
    name: str
    department: str
    role: str
    problem: str


def _result(passed: bool) -> str:
    return "合格" if passed else "不合格"


def sessions_part(sessions: tuple[SessionEntry, ...], period: str) -> Part:
    rows = tuple(
        (n, s.held_on.isoformat(), s.course, s.kind, s.hours, s.trainer, s.place, len(s.attendees),
         sum(1 for a in s.attendees if a.passed), s.materials, f"已作废：{s.void_reason}" if s.void_reason else "有效")
        for n, s in enumerate(sessions, start=1)
    )  # fmt: skip
    return Part(title=TITLE, subtitle=period, columns=SESSION_COLUMNS, sections=(Section(rows),),
                signoff=("记录人", "安全管理人员", "日期"))  # fmt: skip


def attendance_part(sessions: tuple[SessionEntry, ...]) -> Part:
    sections = tuple(
        Section(
            tuple((n, a.name, a.department, a.score, _result(a.passed), "")
                  for n, a in enumerate(s.attendees, start=1)),
            heading=f"{s.held_on.isoformat()} {s.course}",
            fields=(HeaderField("类别", s.kind), HeaderField("学时", str(s.hours)), HeaderField("授课人", s.trainer),
                    HeaderField("地点", s.place)),
        )
        for s in sessions if not s.void_reason
    )  # fmt: skip
    return Part(title=ATTENDANCE_TITLE, columns=ATTENDANCE_COLUMNS, sections=sections, section_per_page=True,
                fields_per_row=4, signoff=("授课人签字", "记录人", "日期"))  # fmt: skip


def files_part(files: tuple[PersonFile, ...]) -> Part:
    sections = tuple(
        Section(
            tuple((n, x.held_on.isoformat(), x.course, x.kind, x.hours, x.trainer, x.score, _result(x.passed))
                  for n, x in enumerate(f.lines, start=1)) or (("", "", "暂无培训记录", "", "", "", "", ""),),
            heading=f"{f.name}（{f.department}）",
            fields=(HeaderField("职务", f.role), HeaderField("三级安全教育", "已完成" if f.inducted else "未完成"),
                    HeaderField(f"{f.year}年学时", f"{f.year_hours} / 应达 {f.required_hours}")),
        )
        for f in files
    )  # fmt: skip
    return Part(title=FILES_TITLE, columns=FILE_COLUMNS, sections=sections, signoff=())


def gaps_part(gaps: tuple[GapEntry, ...]) -> Part:
    rows: tuple[tuple[CellValue, ...], ...] = tuple(
        (n, g.name, g.department, g.role, g.problem) for n, g in enumerate(gaps, start=1)
    ) or (("", "", "", "", "无"),)
    return Part(title=GAPS_TITLE, columns=GAP_COLUMNS, sections=(Section(rows),), signoff=())


def training_document(
    enterprise: str, printed_on: date, period: str, sessions: tuple[SessionEntry, ...],
    files: tuple[PersonFile, ...], gaps: tuple[GapEntry, ...],
) -> TableDocument:  # fmt: skip
    parts = [sessions_part(sessions, period)]
    if any(not s.void_reason for s in sessions):
        parts.append(attendance_part(sessions))
    parts += [gaps_part(gaps), files_part(files)]
    return TableDocument(enterprise=enterprise, printed_on=printed_on, parts=tuple(parts),
                         page=PageSetup(paper=PaperSize.A4))  # fmt: skip


def person_file_document(enterprise: str, printed_on: date, person: PersonFile) -> TableDocument:
    """One person's training file (printed from the training tab)."""
    return TableDocument(enterprise=enterprise, printed_on=printed_on, parts=(files_part((person,)),),
                         page=PageSetup(paper=PaperSize.A4))  # fmt: skip
