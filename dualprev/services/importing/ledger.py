"""Importing a 隐患排查治理台账: hidden dangers with their rectification, acceptance, accident types,
治理方案 and timeline.

A row is a duplicate when the ledger already has its number, or a record found the same day with
the same description (after normalising spaces and width). Rows without a number get the next
number of their year, the way registration numbers them; rows that break the app's rules are
reported and never stored.
"""

from collections.abc import Mapping
from datetime import date

from dualprev.domain.hidden_danger import HiddenDangerStatus, format_number
from dualprev.domain.importing import keys, ledger_rows
from dualprev.domain.importing.cells import CellProblem, CellValue
from dualprev.domain.importing.ledger_rows import LedgerRow
from dualprev.domain.settings import HIDDEN_DANGER_NUMBER_PREFIX
from dualprev.services.importing.directory import Directory
from dualprev.services.importing.outcome import Outcome, PreviewLine
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Session
from dualprev.storage.models import (
    HiddenDanger,
    HiddenDangerAccidentType,
    HiddenDangerEvent,
    RemediationPlan,
)
from dualprev.storage.queries import hidden_dangers as hidden_danger_queries
from dualprev.storage.queries import importing as importing_queries

MAX_NUMBER_LENGTH = 32
IMPORT_ACTION = "导入"


class LedgerImporter:
    def __init__(
        self, session: Session, directory: Directory, outcome: Outcome, *, today: date, actor: str
    ) -> None:
        self._s = session
        self._dir = directory
        self._out = outcome
        self._today = today
        self._actor = actor
        self._prefix = stored_settings.read(session, HIDDEN_DANGER_NUMBER_PREFIX)
        self._numbers: set[str] = set()
        self._keys: set[tuple[date, str]] = set()
        for number, found_on, description in importing_queries.hidden_danger_identities(session=session):
            self._numbers.add(number)
            self._keys.add(keys.ledger_key(found_on, description))
        self._serials: dict[int, int] = {}

    def add(
        self, sheet: str, number: int, values: Mapping[str, CellValue], cells: tuple[CellValue, ...]
    ) -> None:
        try:
            row = ledger_rows.parse_row(values, sheet=sheet, accident_names=self._dir.accident_types.keys())
            if len(row.number) > MAX_NUMBER_LENGTH:
                raise CellProblem(f"隐患编号不能超过{MAX_NUMBER_LENGTH}个字符")
            problem = ledger_rows.row_problem(row, self._today)
            if problem:
                raise CellProblem(problem)
        except CellProblem as exc:
            self._out.error(sheet, number, str(exc), cells)
            return
        key = keys.ledger_key(row.found_on, row.description)
        if (row.number and row.number in self._numbers) or key in self._keys:
            self._out.duplicate(sheet, number, "台账中已有该隐患", cells)
            return
        hd_number = row.number or self._next_number(row.found_on.year)
        self._numbers.add(hd_number)
        self._keys.add(key)
        self._add(row, hd_number, f"{sheet} 第{number}行")
        self._out.preview.append(
            PreviewLine(sheet, number, "隐患", f"{hd_number} {row.description[:60]}（{row.status.label}）")
        )

    def finish(self) -> None:
        """Everything is written as it is added."""

    def _next_number(self, year: int) -> str:
        if year not in self._serials:
            self._serials[year] = hidden_danger_queries.last_serial(
                session=self._s, head=f"{self._prefix}-{year}-"
            )
        while True:
            self._serials[year] += 1
            number = format_number(year, self._serials[year], prefix=self._prefix)
            if number not in self._numbers:
                return number

    def _add(self, row: LedgerRow, number: str, where: str) -> None:
        rectifier_id = self._dir.person(row.rectifier, row.rectifier_department)
        acceptor_id = self._dir.person(row.acceptor, row.acceptor_department)
        record = HiddenDanger(
            number=number,
            found_on=row.found_on,
            check_type=row.check_type,
            finder_names=row.finder_names[:200],
            source=row.source,
            source_detail=row.source_detail[:200],
            location=row.location[:200],
            description=row.description,
            category=row.category,
            level=row.level,
            rectification_measures=row.measures,
            responsible_department_id=self._dir.department(row.department),
            rectifier_id=rectifier_id,
            deadline=row.deadline,
            funds_fen=row.funds_fen,
            interim_measures=row.interim,
            is_immediate=row.is_immediate,
            completed_on=row.completed_on,
            acceptor_id=acceptor_id,
            accepted_on=row.accepted_on,
            acceptance_conclusion=row.conclusion,
            status=row.status,
            void_reason=row.void_reason,
            reported_to=row.reported_to[:200],
            reported_on=row.reported_on,
            note=row.note,
        )
        self._s.add(record)
        self._s.flush()
        assert record.id is not None
        self._out.created["hidden_dangers"] += 1
        for name in row.accident_types:
            self._s.add(
                HiddenDangerAccidentType(
                    hidden_danger_id=record.id, accident_type_id=self._dir.accident_types[name]
                )
            )
        if row.plan or row.post_evaluation:
            plan = RemediationPlan(hidden_danger_id=record.id, post_evaluation=row.post_evaluation)
            for key, text in row.plan.items():
                setattr(plan, key, text)
            plan.post_evaluated_on = row.accepted_on if row.post_evaluation else None
            self._s.add(plan)
        self._s.add(
            HiddenDangerEvent(
                hidden_danger_id=record.id,
                actor=self._actor,
                action=IMPORT_ACTION,
                to_status=row.status,
                remark=f"从 Excel 导入（{where}）",
            )
        )
        if row.status is HiddenDangerStatus.VOID and not row.void_reason:
            raise AssertionError("row_problem lets no void row without a reason through")
