"""迎检资料包: everything a township inspector asks for, for a period, in one folder or zip with a
contents page (目录.pdf) listing every part and what became of it.

Each part is a :class:`PackPart` in :data:`PARTS` that writes its file(s) by calling an existing
export service. Later record kinds plug in with :func:`register_part` — the pack itself does not
change. A part with nothing to show (no records yet) is listed on the
contents page as 无数据 with the reason, so the inspector sees that it was looked for.
"""

import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from dualprev.errors import NotFoundError, UserError, ValidationError
from dualprev.reports.ledger_period import ReportPeriod
from dualprev.reports.output import ExportFormat, write_atomically
from dualprev.reports.pdf_table import write_table_pdf
from dualprev.reports.tables import Align, Column, Part, Section, TableDocument
from dualprev.storage.db import Database

CONTENTS_NAME = "00_目录.pdf"
TITLE = "迎检资料包"


@dataclass(frozen=True)
class PackPeriod:
    start: date
    end: date

    @property
    def text(self) -> str:
        return f"{self.start.isoformat()} 至 {self.end.isoformat()}"


Producer = Callable[[Database, Path, PackPeriod], str]
"""Writes one part into a file under the given stem path (adding its own suffix) and returns a
short note (e.g. "12 项，3 页"); raises NotFoundError when there is nothing to show."""


@dataclass(frozen=True)
class PackPart:
    order: int
    title: str
    file_stem: str
    produce: Producer


@dataclass(frozen=True)
class PartOutcome:
    part: PackPart
    file_name: str
    note: str


@dataclass(frozen=True)
class PackResult:
    path: Path
    outcomes: tuple[PartOutcome, ...]

    @property
    def written(self) -> int:
        return sum(1 for o in self.outcomes if o.file_name)


def _result_note(items: int, pages: int | None, unit: str = "项") -> str:
    return f"{items} {unit}" + (f"，{pages} 页" if pages is not None else "")


def _risk_list(db: Database, stem: Path, _p: PackPeriod) -> str:
    from dualprev.services.risk_report_service import export_risk_list

    r = export_risk_list(db, stem.with_suffix(".pdf"), ExportFormat.PDF, paper=None)
    return _result_note(r.items, r.pages)


def _cards(db: Database, stem: Path, p: PackPeriod) -> str:
    from dualprev.services.post_card_export import export_cards

    # Not recorded as a print: the pack is a copy for the inspector, not cards for the posts.
    r = export_cards(db, stem.with_suffix(".pdf"), today=p.end, record=False)
    if not r.cards:
        raise NotFoundError("没有可打印的岗位告知卡")
    return f"{len(r.cards)} 张，{r.pages} 页"


def _risk_map(db: Database, stem: Path, p: PackPeriod) -> str:
    from dualprev.services.risk_map_service import export_map

    export_map(db, stem.with_suffix(".pdf"), fmt="pdf", plan_name=None, printed_on=p.end)
    return "PDF"


def _ledger(db: Database, stem: Path, p: PackPeriod) -> str:
    from dualprev.services.ledger_report_service import export_ledger

    r = export_ledger(
        db, stem.with_suffix(".pdf"), ExportFormat.PDF, period=ReportPeriod.custom(p.start, p.end)
    )
    return _result_note(r.items, r.pages)


def _statistics(db: Database, stem: Path, p: PackPeriod) -> str:
    from dualprev.services.ledger_report_service import export_ledger_statistics

    quarter = ReportPeriod.quarter(p.end.year, (p.end.month - 1) // 3 + 1)
    r = export_ledger_statistics(db, stem.with_suffix(".pdf"), ExportFormat.PDF, period=quarter)
    return f"{p.end.year}年第{quarter.quarter_number}季度，{_result_note(r.items, r.pages)}"


def _checks(db: Database, stem: Path, p: PackPeriod) -> str:
    from dualprev.services.checks.printouts import export_checks

    r = export_checks(db, stem.with_suffix(".pdf"), ExportFormat.PDF, date_from=p.start, date_to=p.end)
    return _result_note(r.items, r.pages)


def _major_check(db: Database, stem: Path, _p: PackPeriod) -> str:
    from dualprev.services.major_check_service import export_check

    # The latest self-check, as `export major-check` prints it: the standard is checked against as a
    # whole now and then, not once per period.
    r = export_check(db, stem.with_suffix(".pdf"))
    return _result_note(r.items, r.pages)


def _duties(db: Database, stem: Path, p: PackPeriod) -> str:
    from dualprev.services.duties.printouts import export_duties

    r = export_duties(db, stem.with_suffix(".pdf"), ExportFormat.PDF, today=p.end)
    return _result_note(r.items, r.pages, "份清单")


def _training(db: Database, stem: Path, p: PackPeriod) -> str:
    from dualprev.services.duties.printouts import export_training

    r = export_training(
        db, stem.with_suffix(".pdf"), ExportFormat.PDF, today=p.end, date_from=p.start, date_to=p.end
    )
    return _result_note(r.items, r.pages, "次培训")


def _certificates(db: Database, stem: Path, p: PackPeriod) -> str:
    from dualprev.services.work_safety.printouts import export_certificates

    r = export_certificates(db, stem.with_suffix(".pdf"), ExportFormat.PDF, today=p.end)
    return _result_note(r.items, r.pages)


def _drills(db: Database, stem: Path, p: PackPeriod) -> str:
    from dualprev.services.work_safety.printouts import export_drills

    r = export_drills(
        db, stem.with_suffix(".pdf"), ExportFormat.PDF, today=p.end, date_from=p.start, date_to=p.end
    )
    return _result_note(r.items, r.pages)


def _permits(db: Database, stem: Path, p: PackPeriod) -> str:
    from dualprev.services.work_safety.printouts import export_permits

    r = export_permits(
        db, stem.with_suffix(".pdf"), ExportFormat.PDF, today=p.end, date_from=p.start, date_to=p.end
    )
    return _result_note(r.items, r.pages)


PARTS: list[PackPart] = [
    PackPart(10, "安全风险分级管控清单", "01_风险分级管控清单", _risk_list),
    PackPart(20, "岗位安全风险告知卡", "02_岗位安全风险告知卡", _cards),
    PackPart(30, "安全风险四色分布图", "03_安全风险四色分布图", _risk_map),
    PackPart(40, "隐患排查治理台账", "04_隐患排查治理台账", _ledger),
    PackPart(50, "隐患排查治理情况统计表", "05_隐患排查治理统计表", _statistics),
    PackPart(60, "隐患排查记录", "06_隐患排查记录", _checks),
    PackPart(70, "重大事故隐患判定标准自查记录", "07_判定标准自查记录", _major_check),
    PackPart(80, "全员安全生产责任清单", "08_全员安全生产责任清单", _duties),
    PackPart(90, "安全教育培训记录", "09_安全教育培训记录", _training),
    PackPart(100, "特种作业人员持证台账", "10_特种作业人员持证台账", _certificates),
    PackPart(110, "应急预案及应急演练记录", "11_应急演练记录", _drills),
    PackPart(120, "作业许可及有限空间台账", "12_作业许可及有限空间台账", _permits),
]
"""The parts in contents order; every part is listed here so that the pack never depends on which
modules happen to be imported. :func:`register_part` adds or replaces one (tests, later kinds)."""


def register_part(part: PackPart) -> None:
    """Add (or replace, by title) a part of the pack."""
    PARTS[:] = sorted([p for p in PARTS if p.title != part.title] + [part], key=lambda p: p.order)


def _contents(enterprise: str, period: PackPeriod, outcomes: list[PartOutcome], today: date) -> TableDocument:
    rows = tuple((i, o.part.title, o.file_name or "—", o.note) for i, o in enumerate(outcomes, start=1))
    part = Part(
        title=f"{TITLE}目录",
        subtitle=f"资料期间：{period.text}",
        columns=(
            Column("序号", 12, Align.CENTER),
            Column("资料名称", 70),
            Column("文件", 90),
            Column("说明", 90),
        ),
        sections=(Section(rows),),
        signoff=("整理", "审核", "日期"),
    )
    return TableDocument(enterprise=enterprise, printed_on=today, parts=(part,))


def build_pack(db: Database, out: Path, period: PackPeriod, *, today: date | None = None) -> PackResult:
    """Write every part for ``period`` into the folder ``out`` (created; must be empty or absent),
    or into a zip when ``out`` ends in .zip, with 00_目录.pdf first."""
    from dualprev.services.work_safety.printouts import enterprise_name

    if period.start > period.end:
        raise ValidationError(
            f"起始日期（{period.start.isoformat()}）不能晚于截止日期（{period.end.isoformat()}）"
        )
    enterprise = enterprise_name(db)
    out = Path(out)
    as_zip = out.suffix.lower() == ".zip"
    if not as_zip and out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ValidationError(f"输出文件夹“{out}”已存在且不为空，请选择一个新文件夹")
    with tempfile.TemporaryDirectory(prefix="dualprev-pack-") as tmp:
        folder = Path(tmp) / "pack"
        folder.mkdir()
        outcomes: list[PartOutcome] = []
        for part in PARTS:
            try:
                note = part.produce(db, folder / part.file_stem, period)
            except UserError as exc:  # nothing to show, or a part's own refusal: listed, not fatal
                outcomes.append(PartOutcome(part, "", f"无数据：{exc.message}"))
                continue
            names = sorted(f.name for f in folder.glob(f"{part.file_stem}*"))
            outcomes.append(PartOutcome(part, "、".join(names), note))
        document = _contents(enterprise, period, outcomes, today or date.today())
        with (folder / CONTENTS_NAME).open("wb") as stream:
            write_table_pdf(document, stream)
        if as_zip:
            files = sorted(folder.iterdir())
            write_atomically(out, lambda stream: _zip(files, stream))
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            if out.exists():
                out.rmdir()
            shutil.copytree(folder, out)
    return PackResult(out, tuple(outcomes))


def _zip(files: list[Path], stream: BinaryIO) -> None:
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            archive.write(path, path.name)
