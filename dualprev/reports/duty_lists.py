"""全员安全生产责任清单 and the per-post 签字确认 sheets, and the leaders' 履职记录 with what was done,
due or overdue. Plain records in, a TableDocument out (written by ``pdf_table`` / ``xlsx_table``)."""

from dataclasses import dataclass
from datetime import date

from dualprev.reports.page import PageSetup, PaperSize
from dualprev.reports.tables import Align, CellValue, Column, HeaderField, Part, Section, TableDocument

TITLE = "全员安全生产责任清单"
SHEET_TITLE = "安全生产责任清单签字确认表"
RECORDS_TITLE = "主要负责人及领导履职记录"
STATUS_TITLE = "履职完成情况"
PROMISE = (
    "本人已认真阅读并知悉上述安全生产责任，承诺严格履行。未履行或未正确履行的，"
    "按本单位安全生产责任制考核办法承担相应责任。"
)
_C = Align.CENTER
DUTY_COLUMNS: tuple[Column, ...] = (Column("序号", 10, _C), Column("安全生产职责", 120), Column("依据", 45))
RECORD_COLUMNS: tuple[Column, ...] = (
    Column("序号", 9, _C), Column("日期", 22, _C), Column("类别", 22, _C), Column("主题", 50),
    Column("带队/主持人", 20, _C), Column("参加人员", 45), Column("内容/决定/用途", 70),
    Column("金额（元）", 22, Align.RIGHT), Column("关联记录", 40), Column("状态", 22),
)  # fmt: skip
STATUS_COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C), Column("要求", 40), Column("期间", 30, _C), Column("状态", 20, _C),
    Column("完成日期", 25, _C),
)  # fmt: skip
_NUMERALS = "一二三四五六七八九"


@dataclass(frozen=True)
class DutyListEntry:
    """One duty list as printed: whose it is and its duties ``(text, source)``."""

    title: str
    subject: str  # 主要负责人 / 岗位
    department: str
    duties: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class DutyRecordEntry:
    held_on: date
    kind: str
    title: str
    leader: str
    attendees: str
    content: str
    amount: str
    linked: str
    state: str


@dataclass(frozen=True)
class StatusEntry:
    requirement: str
    period: str
    state: str
    done_on: date | None


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (1–99; larger in digits)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return head + (_NUMERALS[ones - 1] if ones else "")


def _heading(index: int, entry: DutyListEntry) -> str:
    number = chinese_number(index + 1)
    where = f"（{entry.department}）" if entry.department else ""
    return f"{number}、{entry.title}{where}"


def _duty_rows(entry: DutyListEntry) -> tuple[tuple[CellValue, ...], ...]:
    return tuple((n, text, source) for n, (text, source) in enumerate(entry.duties, start=1))


def enterprise_list_part(lists: tuple[DutyListEntry, ...]) -> Part:
    """The whole enterprise's list: one section per role or post."""
    return Part(
        title=TITLE,
        columns=DUTY_COLUMNS,
        sections=tuple(Section(_duty_rows(e), heading=_heading(i, e)) for i, e in enumerate(lists)),
        notes=("依据《中华人民共和国安全生产法》第四条、第二十一条、第二十二条建立全员安全生产责任制。",),
        signoff=("编制", "审核", "批准（主要负责人）", "日期"),
    )


def sign_sheet_part(entry: DutyListEntry) -> Part:
    """A list's 签字确认 sheet: the duties, the promise and the lines to sign."""
    return Part(
        title=SHEET_TITLE,
        subtitle=f"{entry.subject}：{entry.title}" + (f"（{entry.department}）" if entry.department else ""),
        columns=DUTY_COLUMNS,
        sections=(Section(_duty_rows(entry), fields=(HeaderField("责任人", ""), HeaderField("岗位", entry.title),
                                                     HeaderField("部门", entry.department))),),
        notes=(PROMISE,),
        signoff=("责任人签字", "日期", "部门负责人签字", "日期"),
        sheet_name=entry.title,
    )  # fmt: skip


def records_part(records: tuple[DutyRecordEntry, ...]) -> Part:
    rows = tuple(
        (
            n,
            r.held_on.isoformat(),
            r.kind,
            r.title,
            r.leader,
            r.attendees,
            r.content,
            r.amount,
            r.linked,
            r.state,
        )
        for n, r in enumerate(records, start=1)
    )
    return Part(title=RECORDS_TITLE, columns=RECORD_COLUMNS, sections=(Section(rows),),
                signoff=("记录人", "主要负责人", "日期"))  # fmt: skip


def status_part(status: tuple[StatusEntry, ...]) -> Part:
    rows = tuple(
        (n, s.requirement, s.period, s.state, s.done_on.isoformat() if s.done_on else "")
        for n, s in enumerate(status, start=1)
    )
    return Part(title=STATUS_TITLE, columns=STATUS_COLUMNS, sections=(Section(rows),), signoff=())


def duties_document(
    enterprise: str, printed_on: date, lists: tuple[DutyListEntry, ...], records: tuple[DutyRecordEntry, ...],
    status: tuple[StatusEntry, ...],
) -> TableDocument:  # fmt: skip
    """The enterprise's list, every list's sign sheet, the duty records and their completion."""
    parts = [enterprise_list_part(lists), *(sign_sheet_part(e) for e in lists)]
    if status:
        parts.append(status_part(status))
    if records:
        parts.append(records_part(records))
    return TableDocument(enterprise=enterprise, printed_on=printed_on, parts=tuple(parts),
                         page=PageSetup(paper=PaperSize.A4, landscape=False))  # fmt: skip


def sign_sheets_document(
    enterprise: str, printed_on: date, lists: tuple[DutyListEntry, ...]
) -> TableDocument:
    """Only the 签字确认 sheets of ``lists`` (e.g. one post's, printed from its page)."""
    return TableDocument(enterprise=enterprise, printed_on=printed_on,
                         parts=tuple(sign_sheet_part(e) for e in lists),
                         page=PageSetup(paper=PaperSize.A4, landscape=False))  # fmt: skip


def records_document(
    enterprise: str, printed_on: date, records: tuple[DutyRecordEntry, ...]
) -> TableDocument:
    """The duty records alone (printed from the 履职记录 tab)."""
    return TableDocument(enterprise=enterprise, printed_on=printed_on, parts=(records_part(records),),
                         page=PageSetup(paper=PaperSize.A4))  # fmt: skip
