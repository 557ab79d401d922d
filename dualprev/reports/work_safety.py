"""Printouts of issue 14's records: 特种作业人员持证台账, 作业许可证 (one page each) and 作业许可台账,
有限空间台账, 应急预案目录 and 应急演练记录 (one page each). Rows come in already worded; this
module only says how each document is laid out."""

from dataclasses import dataclass
from datetime import date

from dualprev.reports.page import PageSetup, PaperSize
from dualprev.reports.tables import Align, CellValue, Column, HeaderField, Part, Section, TableDocument

_C = Align.CENTER
Rows = tuple[tuple[CellValue, ...], ...]

CERTIFICATES_TITLE = "特种作业人员持证台账"
CERTIFICATE_COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C),
    Column("姓名", 18, _C),
    Column("部门", 26),
    Column("作业类别", 30),
    Column("证书类型", 20, _C),
    Column("证书编号", 36),
    Column("发证机关", 36),
    Column("发证日期", 22, _C),
    Column("有效期至", 22, _C),
    Column("应复审日期", 22, _C),
    Column("状态", 20, _C),
    Column("备注", 30),
)

PERMITS_TITLE = "作业许可台账"
PERMIT_COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C),
    Column("许可证编号", 26, _C),
    Column("作业类别", 22, _C),
    Column("作业日期", 22, _C),
    Column("作业地点", 40),
    Column("作业内容", 50),
    Column("作业人", 18, _C),
    Column("监护人", 18, _C),
    Column("批准人", 18, _C),
    Column("状态", 22, _C),
)
PERMIT_FORM_COLUMNS: tuple[Column, ...] = (Column("项目", 50), Column("内容", 217))

CONFINED_SPACES_TITLE = "有限空间台账"
CONFINED_SPACE_COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C),
    Column("有限空间名称", 44),
    Column("所在位置", 50),
    Column("主要危险有害因素", 80),
    Column("警示标识", 22, _C),
    Column("备注", 40),
    Column("状态", 20, _C),
)

PLANS_TITLE = "应急预案目录"
PLAN_COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C),
    Column("预案类别", 40, _C),
    Column("预案名称", 120),
    Column("发布日期", 30, _C),
    Column("备注", 50),
    Column("状态", 20, _C),
)

DRILLS_TITLE = "应急演练记录"
DRILL_COLUMNS: tuple[Column, ...] = (
    Column("序号", 10, _C),
    Column("演练日期", 22, _C),
    Column("演练预案", 50),
    Column("形式", 20, _C),
    Column("演练情景", 60),
    Column("组织人", 18, _C),
    Column("参演人数", 16, _C),
    Column("改进措施", 60),
    Column("状态", 16, _C),
)
DRILL_FORM_COLUMNS: tuple[Column, ...] = (Column("项目", 40), Column("内容", 150))


@dataclass(frozen=True)
class FormPage:
    """One record printed on a page of its own: the heading, the boxes above the table, the rows."""

    heading: str
    fields: tuple[HeaderField, ...]
    rows: Rows


def _numbered(rows: Rows) -> Rows:
    return tuple((i, *row) for i, row in enumerate(rows, start=1))


def certificates_document(enterprise: str, printed_on: date, rows: Rows) -> TableDocument:
    part = Part(
        title=CERTIFICATES_TITLE,
        columns=CERTIFICATE_COLUMNS,
        sections=(Section(_numbered(rows)),),
        notes=(
            "特种作业操作证每3年复审一次；证书超过有效期或复审期限即失效，持证人复审或换证前不得从事该作业。",
        ),
        signoff=("编制", "审核", "日期"),
    )
    return TableDocument(enterprise=enterprise, printed_on=printed_on, parts=(part,))


def permits_document(
    enterprise: str,
    printed_on: date,
    rows: Rows,
    forms: tuple[FormPage, ...],
    spaces: Rows,
    *,
    with_list: bool = True,
) -> TableDocument:
    """The permits' list, then each permit on a page of its own, then the 有限空间台账."""
    parts: list[Part] = []
    if with_list:
        parts.append(
            Part(
                title=PERMITS_TITLE, columns=PERMIT_COLUMNS, sections=(Section(_numbered(rows)),), signoff=()
            )
        )
    if forms:
        parts.append(
            Part(
                title="作业许可证",
                columns=PERMIT_FORM_COLUMNS,
                sections=tuple(Section(f.rows, heading=f.heading, fields=f.fields) for f in forms),
                section_per_page=True,
                signoff=("作业人", "监护人", "审批人"),
                sheet_name="作业许可证",
            )
        )
    if with_list:
        parts.append(
            Part(
                title=CONFINED_SPACES_TITLE,
                columns=CONFINED_SPACE_COLUMNS,
                sections=(Section(_numbered(spaces)),),
                notes=(
                    "有限空间作业必须严格执行“先通风、再检测、后作业”，未经检测或检测不合格的，严禁作业。",
                ),
                signoff=("编制", "审核", "日期"),
            )
        )
    return TableDocument(enterprise=enterprise, printed_on=printed_on, parts=tuple(parts))


def drills_document(
    enterprise: str, printed_on: date, plans: Rows, rows: Rows, forms: tuple[FormPage, ...]
) -> TableDocument:
    """The plans, the drills' list, then each drill's record on a page of its own (A4 portrait)."""
    parts: list[Part] = []
    if plans:
        parts.append(
            Part(title=PLANS_TITLE, columns=PLAN_COLUMNS, sections=(Section(_numbered(plans)),), signoff=())
        )
    if rows:
        parts.append(
            Part(title=DRILLS_TITLE, columns=DRILL_COLUMNS, sections=(Section(_numbered(rows)),), signoff=())
        )
    if forms:
        parts.append(
            Part(
                title="应急演练记录表",
                columns=DRILL_FORM_COLUMNS,
                sections=tuple(Section(f.rows, heading=f.heading, fields=f.fields) for f in forms),
                section_per_page=True,
                signoff=("记录人", "总指挥", "日期"),
                sheet_name="演练记录表",
                fields_per_row=2,
            )
        )
    return TableDocument(
        enterprise=enterprise, printed_on=printed_on, parts=tuple(parts), page=PageSetup(paper=PaperSize.A4)
    )
