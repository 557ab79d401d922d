"""Importing a 人员花名册: people with their department and post. A person already on the list in
the same department (same name after normalising spaces and width) is a duplicate.

ID numbers are personal data and are never stored.
"""

from collections.abc import Mapping

from dualprev.domain.importing import people_rows
from dualprev.domain.importing.cells import CellProblem, CellValue
from dualprev.services.importing.directory import Directory
from dualprev.services.importing.outcome import Outcome, PreviewLine
from dualprev.storage.models import Person


class PeopleImporter:
    def __init__(self, directory: Directory, outcome: Outcome) -> None:
        self._dir = directory
        self._out = outcome

    def add(
        self, sheet: str, number: int, values: Mapping[str, CellValue], cells: tuple[CellValue, ...]
    ) -> None:
        try:
            row = people_rows.parse_row(values)
        except CellProblem as exc:
            self._out.error(sheet, number, str(exc), cells)
            return
        if self._dir.has_person(row.name, row.department):
            self._out.duplicate(sheet, number, "人员已存在", cells)
            return
        department_id = self._dir.department(row.department)
        self._dir.add_person(
            Person(
                name=row.name,
                department_id=department_id,
                post_id=self._dir.post(row.post, department_id),
                phone=row.phone,
                role=row.role[:50],
                is_active=row.is_active,
                note=row.note,
            )
        )
        where = f"（{row.department}）" if row.department else ""
        self._out.preview.append(PreviewLine(sheet, number, "人员", f"{row.name}{where} {row.post}".strip()))

    def finish(self) -> None:
        """Everything is written as it is added."""
