"""人员花名册: one row per person with department, post, 职务, phone and whether still employed.
ID numbers are not printed: the app does not keep them."""

from dataclasses import dataclass
from datetime import date

from dualprev.reports.page import PageSetup, PaperSize
from dualprev.reports.tables import Align, CellValue, Column, Part, Section, TableDocument

TITLE = "人员花名册"
_C = Align.CENTER
COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C),
    Column("姓名", 22, _C),
    Column("部门", 34),
    Column("岗位", 30),
    Column("职务", 26),
    Column("电话", 30, _C),
    Column("状态", 14, _C),
    Column("备注", 40),
)


@dataclass(frozen=True)
class RosterEntry:
    name: str
    department: str = ""
    post: str = ""
    role: str = ""
    phone: str = ""
    is_active: bool = True
    note: str = ""


def roster_document(enterprise: str, printed_on: date, people: tuple[RosterEntry, ...]) -> TableDocument:
    rows: list[tuple[CellValue, ...]] = [
        (i, p.name, p.department, p.post, p.role, p.phone, "在职" if p.is_active else "离职", p.note)
        for i, p in enumerate(people, start=1)
    ]
    part = Part(
        title=TITLE, columns=COLUMNS, sections=(Section(tuple(rows)),), signoff=("编制", "审核", "日期")
    )
    return TableDocument(
        enterprise=enterprise, printed_on=printed_on, parts=(part,), page=PageSetup(paper=PaperSize.A4)
    )
