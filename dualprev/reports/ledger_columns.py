"""The columns a hidden-danger ledger can print, and how a column choice (an export profile)
becomes a table.

:data:`STANDARD_KEYS` are the 台账 columns of domain.md §8.2 in their order; further columns
(来源, 判定依据, 整改进展, photos…) can be added by a profile. A profile is a list of
:class:`ColumnChoice` — which columns, in which order, under which headings — so a township that
wants another layout gets a saved profile, not a code change.

The regulator (报送) version drops every column that names or pictures a person (:attr:`LedgerColumn.
personal`) and masks names and phone numbers in every text it keeps (:class:`Redactor`).
"""

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dualprev.domain.hidden_danger import (
    REMEDIATION_PLAN_ITEMS,
    HiddenDangerSource,
    HiddenDangerStatus,
    PhotoStage,
)
from dualprev.domain.importing.ledger_rows import plan_text
from dualprev.reports.ledger_data import LedgerEntry
from dualprev.reports.ledger_statistics import format_yuan
from dualprev.reports.tables import Align, Cell, CellValue, Column

REPORT_KEY = "hidden_danger_ledger"
"""``ExportProfile.report`` of ledger profiles."""

MASK = "×××"
UNKNOWN_TITLE = "相关人员"
_S = HiddenDangerStatus


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


class Redactor:
    """Desensitises free text for the regulator (报送) version: a person's name becomes their 职务
    (``titles``: name → role; "相关人员" when unknown), and anything that looks like a Chinese phone
    number — mobile or landline, in any usual spelling — becomes ×××.

    Names shorter than two characters are ignored: masking single characters would wreck the text.
    """

    _PHONE = re.compile(
        r"(?<![\dA-Za-z-])(?:"
        r"(?:\+\s?86|0086)?[\s-]?1[3-9]\d(?:[\s-]?\d){8}"  # 13912345678, 139-1234-5678, +86 139 1234 5678
        r"|(?:[(（]\s?0\d{2,3}\s?[)）]|0\d{2,3})[\s-]?\d{3,4}[\s-]?\d{4}"  # (0512)6666 8888, 0512-66668888
        r")(?![\dA-Za-z])"
    )

    def __init__(self, names: Iterable[str] = (), titles: Mapping[str, str] | None = None) -> None:
        self._titles = {n.strip(): t for n, t in (titles or {}).items() if len(n.strip()) >= 2}
        cleaned = {n.strip() for n in names if len(n.strip()) >= 2} | set(self._titles)
        # Longest first, so 王海涛 is replaced whole rather than leaving 涛 after 王海.
        ordered = sorted(cleaned, key=len, reverse=True)
        self._names = re.compile("|".join(re.escape(n) for n in ordered)) if ordered else None

    def title(self, name: str) -> str:
        """What a name is printed as: the person's 职务, else 相关人员 (MASK without any titles)."""
        if not self._titles:
            return MASK
        return self._titles.get(name) or UNKNOWN_TITLE

    def __call__(self, text: str) -> str:
        if not text:
            return text
        if self._names is not None:
            text = self._names.sub(lambda m: self.title(m.group()), text)
        return self._PHONE.sub(MASK, text)


def split_names(text: str) -> list[str]:
    """The names in a list such as "严志明、沈立明 陆婷"."""
    return [n for n in re.split(r"[、，,；;/\s]+", text) if n]


@dataclass(frozen=True)
class RowContext:
    """What a column's value may depend on besides the entry."""

    number: int
    today: date
    redact: Callable[[str], str] = lambda text: text


def _check_type(entry: LedgerEntry, _ctx: RowContext) -> CellValue:
    if entry.check_type is not None:
        return entry.check_type.label
    return entry.source.label


def _finders(entry: LedgerEntry, ctx: RowContext) -> CellValue:
    if entry.finder_names:
        return "、".join(dict.fromkeys(ctx.redact(n) for n in split_names(entry.finder_names)))
    return ctx.redact(entry.source_detail) if entry.source is HiddenDangerSource.EXTERNAL else ""


def _source(entry: LedgerEntry, ctx: RowContext) -> CellValue:
    detail = ctx.redact(entry.source_detail)
    return f"{entry.source.label}（{detail}）" if detail else entry.source.label


def _status(entry: LedgerEntry, ctx: RowContext) -> CellValue:
    days = entry.overdue_days(ctx.today)
    text = f"{entry.status.label}\n（逾期 {days} 天）" if days else entry.status.label
    return Cell(text, align=Align.CENTER)


def progress_text(entry: LedgerEntry, today: date) -> str:
    """整改进展 in words: 已整改销号（2026-08-03 验收）, 整改中，已逾期 5 天…"""
    match entry.status:
        case _S.CLOSED:
            text = f"已整改销号（{_day(entry.closed_on())} 验收）"
        case _S.AWAITING_ACCEPTANCE:
            text = (
                f"已整改，待验收（{_day(entry.completed_on)} 完成）"
                if entry.completed_on
                else "已整改，待验收"
            )
        case _S.RECTIFYING:
            text = "整改中"
        case _S.PENDING:
            text = "待整改"
        case _:
            return f"已作废（{entry.void_reason}）" if entry.void_reason else "已作废"
    if entry.is_major and entry.status.is_open:
        text += "；已制定治理方案" if entry.plan is not None else "；未制定治理方案"
    days = entry.overdue_days(today)
    if days:
        text += f"；已逾期 {days} 天"
    return text


def _progress(entry: LedgerEntry, ctx: RowContext) -> CellValue:
    return ctx.redact(progress_text(entry, ctx.today))


def reported_text(entry: LedgerEntry) -> str:
    if not entry.reported_to:
        return ""
    when = f"{_day(entry.reported_on)} " if entry.reported_on else ""
    return f"{when}已报告{entry.reported_to}"


def _note(entry: LedgerEntry, ctx: RowContext) -> CellValue:
    parts: list[str] = []
    if entry.is_immediate:
        parts.append("立即整改")
    if entry.is_void:
        parts.append(f"作废原因：{entry.void_reason}" if entry.void_reason else "已作废")
    if entry.reported_to:
        parts.append(reported_text(entry))
    if entry.note:
        parts.append(entry.note)
    return ctx.redact("\n".join(parts))


def _plan(entry: LedgerEntry, ctx: RowContext) -> CellValue:
    if entry.plan is None:
        return ""
    plan = entry.plan
    items = {key: getattr(plan, key) for key, _label in REMEDIATION_PLAN_ITEMS}
    return ctx.redact(plan_text(items, plan.post_evaluation))


def _photos(stage: PhotoStage) -> Callable[[LedgerEntry, RowContext], CellValue]:
    def value(entry: LedgerEntry, _ctx: RowContext) -> CellValue:
        photos = entry.photos_of(stage)
        return Cell("", images=tuple(p.thumb_path for p in photos)) if photos else ""

    return value


def _text(read: Callable[[LedgerEntry], str]) -> Callable[[LedgerEntry, RowContext], CellValue]:
    return lambda entry, ctx: ctx.redact(read(entry))


@dataclass(frozen=True)
class LedgerColumn:
    """A column the ledger can print: its key (stored in profiles), default heading, reference width
    (mm), alignment, how a row's value is read, and whether it shows a person (name, phone, photo)."""

    key: str
    heading: str
    width: float
    value: Callable[[LedgerEntry, RowContext], CellValue]
    align: Align = Align.LEFT
    personal: bool = False
    names: bool = False
    """Its cells hold names (people, departments) that a PDF never breaks."""

    def column(self, heading: str = "") -> Column:
        return Column(heading or self.heading, self.width, self.align, names=self.names)


_C, _R = Align.CENTER, Align.RIGHT
COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn("seq", "序号", 8, lambda _e, ctx: ctx.number, _C),
    LedgerColumn("number", "隐患编号", 21, lambda e, _ctx: e.number, _C),
    LedgerColumn("found_on", "排查日期", 17, lambda e, _ctx: _day(e.found_on), _C),
    LedgerColumn("check_type", "排查类型", 15, _check_type, _C),
    LedgerColumn("finders", "排查人", 15, _finders, _C, names=True),
    LedgerColumn("place", "部位/风险点", 24, _text(lambda e: e.place)),
    LedgerColumn("description", "隐患描述", 40, _text(lambda e: e.description)),
    LedgerColumn("category", "隐患类别", 16, lambda e, _ctx: e.category.label, _C),
    LedgerColumn("level", "隐患级别", 14, lambda e, _ctx: e.level.label, _C),
    LedgerColumn("accident_types", "可能导致的事故类型", 16, lambda e, _ctx: "、".join(e.accident_types)),
    LedgerColumn("measures", "整改措施", 34, _text(lambda e: e.rectification_measures)),
    LedgerColumn("department", "整改责任单位", 16, lambda e, _ctx: e.department_name, _C, names=True),
    LedgerColumn("rectifier", "整改责任人", 12, lambda e, ctx: ctx.redact(e.rectifier_name), _C, names=True),
    LedgerColumn("deadline", "整改期限", 17, lambda e, _ctx: _day(e.deadline), _C),
    LedgerColumn(
        "funds", "整改资金（元）", 15, lambda e, _ctx: format_yuan(e.funds_fen) if e.funds_fen else "", _R
    ),
    LedgerColumn("interim", "临时管控措施", 24, _text(lambda e: e.interim_measures)),
    LedgerColumn("completed_on", "整改完成日期", 17, lambda e, _ctx: _day(e.completed_on), _C),
    LedgerColumn("acceptor", "验收人", 12, lambda e, ctx: ctx.redact(e.acceptor_name), _C, names=True),
    LedgerColumn("accepted_on", "验收日期", 17, lambda e, _ctx: _day(e.accepted_on), _C),
    LedgerColumn("conclusion", "验收结论", 24, _text(lambda e: e.acceptance_conclusion)),
    LedgerColumn("status", "状态", 13, _status, _C),
    LedgerColumn("note", "备注", 20, _note),
    # Not in the standard layout; a profile may add them.
    LedgerColumn("source", "隐患来源", 22, _source),
    LedgerColumn("basis", "判定依据", 28, _text(lambda e: e.basis)),
    LedgerColumn(
        "owner_tier", "分级负责", 12, lambda e, _ctx: e.owner_tier.label if e.owner_tier else "", _C
    ),
    LedgerColumn("progress", "整改进展", 30, _progress),
    LedgerColumn("reported", "报告情况", 24, _text(reported_text)),
    LedgerColumn("plan", "治理方案", 40, _plan),
    LedgerColumn("rectifier_phone", "责任人电话", 18, lambda e, _ctx: e.rectifier_phone, _C, personal=True),
    LedgerColumn("photos_before", "整改前照片", 26, _photos(PhotoStage.BEFORE), _C, personal=True),
    LedgerColumn("photos_after", "整改后照片", 26, _photos(PhotoStage.AFTER), _C, personal=True),
    LedgerColumn("photos_acceptance", "验收照片", 26, _photos(PhotoStage.ACCEPTANCE), _C, personal=True),
)
"""Every column, the §8.2 ones first in their order."""

BY_KEY: dict[str, LedgerColumn] = {c.key: c for c in COLUMNS}

STANDARD_KEYS: tuple[str, ...] = (
    "seq", "number", "found_on", "check_type", "finders", "place", "description", "category", "level",
    "accident_types", "measures", "department", "rectifier", "deadline", "funds", "interim",
    "completed_on", "acceptor", "accepted_on", "conclusion", "status", "note",
)  # fmt: skip
"""The 台账 columns of domain.md §8.2, in order."""

PHOTO_KEYS: tuple[str, ...] = ("photos_before", "photos_after")
"""Added to the standard layout when photos are wanted (整改前/整改后照片)."""

REGULATOR_KEYS: tuple[str, ...] = (
    "seq", "number", "found_on", "check_type", "finders", "place", "description", "category", "level",
    "basis", "accident_types", "measures", "department", "rectifier", "deadline", "funds", "interim",
    "completed_on", "acceptor", "accepted_on", "conclusion", "status", "note",
)  # fmt: skip
"""The regulator (报送) version: the §8.2 columns and 判定依据, desensitised — people by their 职务
(:data:`TITLE_KEYS`), no phone column, phones in texts masked, photos only when asked for."""

TITLE_KEYS: frozenset[str] = frozenset({"finders", "rectifier", "acceptor"})
"""Columns of people, printed by 职务 in the regulator version (the heading says so)."""


@dataclass(frozen=True)
class ColumnChoice:
    """One column of a profile: its key and the heading to print ("" keeps the default)."""

    key: str
    heading: str = ""

    @property
    def known(self) -> bool:
        return self.key in BY_KEY

    @property
    def shown_heading(self) -> str:
        return self.heading.strip() or (BY_KEY[self.key].heading if self.known else self.key)


def standard_choices(*, photos: bool = False) -> tuple[ColumnChoice, ...]:
    keys = STANDARD_KEYS + (PHOTO_KEYS if photos else ())
    return tuple(ColumnChoice(k) for k in keys)


def regulator_choices(*, photos: bool = False) -> tuple[ColumnChoice, ...]:
    keys = REGULATOR_KEYS + (PHOTO_KEYS if photos else ())
    return tuple(ColumnChoice(k) for k in keys)


def resolve(
    choices: Sequence[ColumnChoice], *, regulator: bool, photos: bool = False
) -> list[tuple[LedgerColumn, str]]:
    """The columns to print with their headings: unknown keys (a profile saved by a newer version)
    and repeated keys are skipped. The regulator version drops personal columns (phone; photos
    unless ``photos``: they may show faces) and heads the people columns "（职务）"."""
    seen: set[str] = set()
    result: list[tuple[LedgerColumn, str]] = []
    for choice in choices:
        column = BY_KEY.get(choice.key)
        if column is None or choice.key in seen:
            continue
        if regulator and column.personal and not (photos and column.key.startswith("photos_")):
            continue
        seen.add(choice.key)
        heading = choice.shown_heading
        if regulator and column.key in TITLE_KEYS and not choice.heading.strip():
            heading += "（职务）"
        result.append((column, heading))
    return result
