"""The 隐患排查治理台账 as an xlsx workbook written while its hidden dangers are read, for a period
too long to hold (a hundred thousand rows): the same two sheets as :func:`.ledger.ledger_document`
makes, the summary first and the ledger after it.

The ledger sheet is written first, from a stream of hidden dangers read once; each is tallied for
the figures as it goes by (:class:`.ledger_statistics.StatisticsTally`), and the summary is
written last into the sheet placed in front of it. Memory stays that of one batch of rows.
"""

from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

from dualprev.reports.ledger import (
    SUMMARY_SHEET,
    SUMMARY_TITLE,
    default_paper,
    ledger_choices,
    ledger_frame,
    ledger_rows,
    period_text,
    redaction,
    summary_part,
)
from dualprev.reports.ledger_columns import ColumnChoice, Redactor, resolve
from dualprev.reports.ledger_data import LedgerData, LedgerEntry
from dualprev.reports.ledger_statistics import StatisticsTally
from dualprev.reports.page import PageSetup, PaperSize
from dualprev.reports.tables import TableDocument
from dualprev.reports.xlsx_table import TableWorkbook


def write_ledger_xlsx(
    data: LedgerData,
    entries: Iterable[LedgerEntry],
    stream: BinaryIO,
    *,
    count: int,
    voided: int,
    choices: Sequence[ColumnChoice] | None = None,
    regulator: bool = False,
    photos: bool = False,
    redactor: Redactor | None = None,
    paper: PaperSize | None = None,
) -> int:
    """Write the summary and the ledger of ``data.period`` to ``stream``; returns the ledger's rows.

    ``entries`` are the hidden dangers found in the period in ledger order, read once (``data``'s
    own are not used); ``count`` and ``voided`` say how many there are, for the ledger's heading.
    ``data`` gives the enterprise, the printing day, the hidden dangers found earlier and the
    check counts. The options are :func:`.ledger.ledger_document`'s.
    """
    redact = redaction(regulator, redactor)
    resolved = resolve(
        ledger_choices(choices, regulator=regulator, photos=photos), regulator=regulator, photos=photos
    )
    tally = StatisticsTally(data.period, data.as_of)
    for entry in data.earlier_open:
        tally.add(entry, earlier=True)

    def tallied() -> Iterator[LedgerEntry]:
        for entry in entries:
            tally.add(entry)
            yield entry

    shown, shown_voided = (count - voided, 0) if regulator else (count, voided)
    frame = ledger_frame(data, resolved, regulator=regulator, count=shown, voided=shown_voided)
    document = TableDocument(
        enterprise=data.enterprise.name,
        printed_on=data.printed_on,
        parts=(),
        page=PageSetup(paper=paper or default_paper(len(frame.columns)), landscape=True),
        running_note=period_text(data),
    )
    book = TableWorkbook(document, title=SUMMARY_TITLE)
    summary_sheet = book.place(SUMMARY_SHEET)
    rows = ledger_rows(tallied(), resolved, regulator=regulator, today=data.printed_on, redact=redact)
    written = book.write(frame, rows=rows)
    book.write(summary_part(data, tally.statistics(data.check_counts), redact=redact), into=summary_sheet)
    book.save(stream)
    return written
