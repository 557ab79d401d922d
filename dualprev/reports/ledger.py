"""隐患排查治理台账 for a period (domain.md §8.2), in two parts: the period's summary (figures and the
重大隐患 list, on the first page of the PDF and the first sheet of the workbook) and the ledger itself,
one row per hidden danger, signed off by 填表人, 审核人 and 主要负责人.

The full (internal) ledger lists voided records too, marked 已作废; they count in no figure. The
regulator (报送) version leaves them out, drops every column naming or picturing a person and masks
names and phone numbers in the texts it keeps.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date

from dualprev.domain.vocabularies import vocabulary_basis_note
from dualprev.reports.ledger_columns import (
    ColumnChoice,
    LedgerColumn,
    Redactor,
    RowContext,
    progress_text,
    regulator_choices,
    reported_text,
    resolve,
    standard_choices,
)
from dualprev.reports.ledger_data import LedgerData, LedgerEntry
from dualprev.reports.ledger_period import chinese_date
from dualprev.reports.ledger_statistics import (
    RATE_DEFINITIONS,
    STATISTICS_COLUMNS,
    LedgerStatistics,
    check_count_text,
    compute_statistics,
    statistics_rows,
    voided_text,
)
from dualprev.reports.page import PageSetup, PaperSize
from dualprev.reports.risk_text import numbered_notes
from dualprev.reports.tables import Align, CellValue, Column, HeaderField, Part, Section, TableDocument

LEDGER_TITLE = "隐患排查治理台账"
REGULATOR_TITLE = "隐患排查治理台账（报送版）"
SUMMARY_TITLE = "隐患排查治理情况汇总"
SUMMARY_SHEET = "汇总"
LEDGER_SIGNOFF: tuple[str, ...] = ("填表人", "审核人", "主要负责人")
WIDE_LEDGER_COLUMNS = 14
"""A ledger with more columns than this (the full §8.2 one has 22) prints on A3 unless told
otherwise: on A4 its short columns would break 一般隐患 and names over lines."""


def default_paper(column_count: int) -> PaperSize:
    """A3 landscape for a wide ledger, A4 landscape for a narrow one (the regulator version)."""
    return PaperSize.A3 if column_count > WIDE_LEDGER_COLUMNS else PaperSize.A4


_C = Align.CENTER
MAJOR_COLUMNS: tuple[Column, ...] = (
    Column("序号", 8, _C),
    Column("隐患编号", 21, _C),
    Column("排查日期", 17, _C),
    Column("部位", 24),
    Column("隐患描述", 46),
    Column("判定依据", 30),
    Column("整改期限", 17, _C),
    Column("治理进展", 36),
    Column("报告情况", 28),
)


def place_terms(entries: Iterable[LedgerEntry]) -> tuple[str, ...]:
    """Names of areas, risk points and departments the entries mention (kept whole in a PDF)."""
    names: set[str] = set()
    for e in entries:
        names.update((e.area_name, e.risk_point_name, e.department_name))
    return tuple(sorted(n for n in names if n))


def period_text(data: LedgerData) -> str:
    """统计期：2026年第三季度（2026年7月1日至2026年9月30日）."""
    period = data.period
    if period.label == period.range_text:
        return f"统计期：{period.range_text}"
    return f"统计期：{period.label}（{period.range_text}）"


def major_rows(
    majors: Sequence[LedgerEntry], data: LedgerData, redact: Callable[[str], str] = lambda t: t
) -> tuple[tuple[CellValue, ...], ...]:
    """The 重大隐患 list as rows of :data:`MAJOR_COLUMNS` (one "无" row when there is none)."""
    if not majors:
        return (("", "", "", "", "本期无重大隐患", "", "", "", ""),)
    return tuple(
        (
            index,
            entry.number,
            entry.found_on.isoformat(),
            redact(entry.place),
            redact(entry.description),
            redact(entry.basis),
            entry.deadline.isoformat() if entry.deadline else "",
            redact(progress_text(entry, data.printed_on)),
            redact(reported_text(entry)) or "未报告",
        )
        for index, entry in enumerate(majors, start=1)
    )


def summary_fields(stats: LedgerStatistics) -> tuple[HeaderField, ...]:
    """What the figures table does not say: when they are taken, checks done, records voided."""
    return (
        HeaderField("统计截至", chinese_date(stats.as_of)),
        HeaderField("本期作废记录", voided_text(stats)),
        HeaderField("排查次数", check_count_text(stats)),
    )


def summary_part(data: LedgerData, stats: LedgerStatistics, *, redact: Callable[[str], str]) -> Part:
    sections = (
        Section(statistics_rows(stats), heading="一、隐患排查治理情况", fields=summary_fields(stats)),
        Section(major_rows(stats.majors, data, redact), heading="二、重大隐患", columns=MAJOR_COLUMNS),
    )
    return Part(
        title=SUMMARY_TITLE,
        subtitle=period_text(data),
        columns=STATISTICS_COLUMNS,
        sections=sections,
        signoff=(),
        sheet_name=SUMMARY_SHEET,
        fields_per_row=2,
        notes=numbered_notes([RATE_DEFINITIONS]),
        terms=place_terms(data.entries),
    )


def ledger_rows(
    entries: Iterable[LedgerEntry],
    resolved: Sequence[tuple[LedgerColumn, str]],
    *,
    regulator: bool,
    today: date,
    redact: Callable[[str], str],
) -> Iterator[tuple[CellValue, ...]]:
    """The ledger's rows of ``entries`` (numbered from 1; the regulator version leaves the voided
    ones out), made one at a time."""
    number = 0
    for entry in entries:
        if regulator and entry.is_void:
            continue
        number += 1
        context = RowContext(number, today, redact)
        yield tuple([column.value(entry, context) for column, _heading in resolved])


def ledger_frame(
    data: LedgerData,
    resolved: Sequence[tuple[LedgerColumn, str]],
    *,
    regulator: bool,
    count: int,
    voided: int,
    rows: tuple[tuple[CellValue, ...], ...] = (),
) -> Part:
    photos = any(column.key.startswith("photos_") for column, _heading in resolved)
    """The ledger part of ``count`` rows (``voided`` of them voided) with ``rows`` in it: a frame
    for rows written as they are made when ``rows`` is empty."""
    if not resolved:
        raise ValueError("a ledger needs at least one column")
    text = f"共 {count} 条" + (f"（含已作废 {voided} 条）" if voided else "")
    notes = [f"状态为 {data.printed_on.isoformat()} 导出时的状态；逾期指整改期限已过而尚未销号。"]
    if regulator:
        notes.append(
            "本表为报送版：人员以职务代替姓名，联系电话已隐去"
            + ("" if photos else "，不附照片")
            + "；已作废的误录记录不列入。"
        )
    else:
        notes.append("已作废的记录为误录，保留在台账中备查，不计入任何统计。")
    notes.append("统计口径见“隐患排查治理情况汇总”。")
    if data.enterprise.accident_vocabulary:
        notes.append(vocabulary_basis_note(data.enterprise.accident_vocabulary))
    return Part(
        title=REGULATOR_TITLE if regulator else LEDGER_TITLE,
        subtitle=f"{period_text(data)}　{text}",
        columns=tuple(column.column(heading) for column, heading in resolved),
        sections=(Section(rows),),
        notes=numbered_notes(notes),
        signoff=LEDGER_SIGNOFF,
        sheet_name="台账",
        terms=place_terms(data.entries),
    )


def ledger_part(
    data: LedgerData,
    choices: Sequence[ColumnChoice],
    *,
    regulator: bool,
    redact: Callable[[str], str],
    photos: bool = False,
) -> Part:
    resolved = resolve(choices, regulator=regulator, photos=photos)
    entries = data.counted if regulator else data.entries
    rows = tuple(ledger_rows(entries, resolved, regulator=regulator, today=data.printed_on, redact=redact))
    voided = sum(1 for e in entries if e.is_void)
    return ledger_frame(data, resolved, regulator=regulator, count=len(entries), voided=voided, rows=rows)


def redaction(regulator: bool, redactor: Redactor | None) -> Callable[[str], str]:
    """What texts go through: the redactor in the regulator version, unchanged otherwise."""
    return (redactor or Redactor()) if regulator else (lambda text: text)


def ledger_choices(
    choices: Sequence[ColumnChoice] | None, *, regulator: bool, photos: bool
) -> Sequence[ColumnChoice]:
    """``choices`` (a profile), or the standard §8.2 columns (with 整改前/整改后照片 when
    ``photos``), or the regulator version's."""
    if choices is not None:
        return choices
    return regulator_choices(photos=photos) if regulator else standard_choices(photos=photos)


def ledger_document(
    data: LedgerData,
    *,
    choices: Sequence[ColumnChoice] | None = None,
    regulator: bool = False,
    photos: bool = False,
    redactor: Redactor | None = None,
    paper: PaperSize | None = None,
) -> TableDocument:
    """The summary and the ledger of ``data.period`` as a table document (landscape; the paper by
    :func:`default_paper` unless given).

    ``choices`` (a profile) replaces the standard §8.2 columns (plus 整改前/整改后照片 when
    ``photos``); ``regulator`` makes the desensitised version with ``redactor`` masking texts.
    """
    stats = compute_statistics(data)
    redact = redaction(regulator, redactor)
    choices = ledger_choices(choices, regulator=regulator, photos=photos)
    parts = (
        summary_part(data, stats, redact=redact),
        ledger_part(data, choices, regulator=regulator, redact=redact, photos=photos),
    )
    return TableDocument(
        enterprise=data.enterprise.name,
        printed_on=data.printed_on,
        parts=parts,
        page=PageSetup(paper=paper or default_paper(len(parts[1].columns)), landscape=True),
        running_note=period_text(data),
    )
