"""Excel import (issue 12): the app's own exports come back identically, messy consultant files
import with exactly their broken rows reported, a failed or cancelled import changes nothing, and
importing the same file twice creates nothing the second time."""

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from dualprev.domain.importing.fields import ImportKind
from dualprev.domain.importing.report import RowRef
from dualprev.domain.importing.risk_rows import Prefer
from dualprev.domain.risk import RiskLevel
from dualprev.errors import NotFoundError, UserError, ValidationError
from dualprev.reports.ledger_columns import STANDARD_KEYS, ColumnChoice
from dualprev.reports.ledger_period import ReportPeriod
from dualprev.reports.output import ExportFormat
from dualprev.services import (
    export_profile_service,
    ledger_report_service,
    organisation_service,
    risk_report_service,
    roster_service,
)
from dualprev.services.importing import files, mappings
from dualprev.services.importing.runner import ImportCancelled, ImportOptions, read_file, run_import
from dualprev.storage.db import Database
from dualprev.storage.models import Evaluation, Hazard, HiddenDanger, Person, RiskPoint

from ..conftest import DEMO_TODAY
from .import_files import write_messy_ledger, write_messy_people, write_messy_risk_list

TODAY = DEMO_TODAY
PLAN_PROFILE = "台账含治理方案"


def _dump(db: Database) -> list[str]:
    """Every row of every table, to prove a database unchanged."""
    with sqlite3.connect(db.path) as conn:
        return list(conn.iterdump())


def _rows(path: Path, sheet: str | None = None) -> list[tuple[Any, ...]]:
    wb = load_workbook(path)
    ws = wb[sheet] if sheet else wb.active
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def _refs(issues: Any) -> set[tuple[str, int]]:
    return {(i.sheet, i.row) for i in issues}


def _with_enterprise(source: Database, target: Database) -> None:
    profile = organisation_service.get_enterprise(source)
    assert profile is not None
    organisation_service.save_enterprise(target, profile, actor="测试")


# --- the app's own exports ------------------------------------------------------------------------


def test_risk_list_round_trip(demo_db: Database, empty_db: Database, tmp_path: Path) -> None:
    exported = tmp_path / "a.xlsx"
    risk_report_service.export_risk_list(demo_db, exported, ExportFormat.XLSX, today=TODAY)
    _with_enterprise(demo_db, empty_db)
    report = run_import(empty_db, ImportKind.RISK_LIST, exported, today=TODAY).report
    with demo_db.read_session() as s:
        hazards = len(s.exec(select(Hazard)).all())
    assert report.ok and not report.conflicts and not report.duplicates
    assert (report.rows, report.created.hazards) == (hazards, hazards)
    again = tmp_path / "b.xlsx"
    risk_report_service.export_risk_list(empty_db, again, ExportFormat.XLSX, today=TODAY)
    a, b = _rows(exported), _rows(again)
    # Risk points without an area print by code, so the order may differ; the rows may not.
    body = slice(4, 4 + hazards)
    assert sorted(map(repr, (r[1:] for r in a[body]))) == sorted(map(repr, (r[1:] for r in b[body])))
    assert a[: body.start] == b[: body.start] and a[body.stop :] == b[body.stop :]


def test_a_1986_risk_list_imports_into_a_new_2025_enterprise(
    demo_1986_db: Database, empty_db: Database, tmp_path: Path
) -> None:
    """Most factories' lists name GB 6441-1986 types; a new enterprise uses GB 6441-2025. Every row
    comes in, each 1986 name through the mapping and the row's own words (其他爆炸 → 粉尘爆炸)."""
    exported = tmp_path / "risk-1986.xlsx"
    risk_report_service.export_risk_list(demo_1986_db, exported, ExportFormat.XLSX, today=TODAY)
    cells = [str(c) for row in _rows(exported) for c in row if c]
    assert any("事故类型依据：GB 6441-1986《企业职工伤亡事故分类》" in c for c in cells)
    assert any("其他爆炸" in c for c in cells) and any("中毒和窒息" in c for c in cells)
    _with_enterprise(demo_1986_db, empty_db)
    report = run_import(empty_db, ImportKind.RISK_LIST, exported, today=TODAY).report
    assert report.ok and not report.errors, report.errors[:3]
    again = tmp_path / "risk-2025.xlsx"
    risk_report_service.export_risk_list(empty_db, again, ExportFormat.XLSX, today=TODAY)
    rows = _rows(again)
    text = "\n".join(str(c) for row in rows for c in row if c)
    assert "事故类型依据：GB 6441-2025《生产安全事故分类与编码》" in text
    column = next(row.index("事故类型及后果") for row in rows if "事故类型及后果" in row)
    # "类型、类型：后果": the types come before the colon (the consequence is the factory's own words).
    accidents = "\n".join(str(row[column]).partition("：")[0] for row in rows if row[column])
    assert "机械致害" in accidents and "粉尘爆炸" in accidents and "可燃液体蒸汽爆炸" in accidents
    assert not any(old in accidents for old in ("其他爆炸", "中毒和窒息", "机械伤害", "车辆伤害"))


def test_ledger_round_trip(demo_db: Database, empty_db: Database, tmp_path: Path) -> None:
    draft = export_profile_service.ExportProfileDraft(
        PLAN_PROFILE, tuple(ColumnChoice(k) for k in (*STANDARD_KEYS, "plan"))
    )
    period = ReportPeriod.custom(date(2020, 1, 1), TODAY)
    exported, again = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for db, out in ((demo_db, exported),):
        export_profile_service.save_profile(db, draft, actor="测试")
        ledger_report_service.export_ledger(
            db, out, ExportFormat.XLSX, period=period, profile=PLAN_PROFILE, today=TODAY
        )
    _with_enterprise(demo_db, empty_db)
    export_profile_service.save_profile(empty_db, draft, actor="测试")
    report = run_import(empty_db, ImportKind.LEDGER, exported, today=TODAY).report
    assert report.ok and report.created.hidden_dangers == report.rows > 30
    ledger_report_service.export_ledger(
        empty_db, again, ExportFormat.XLSX, period=period, profile=PLAN_PROFILE, today=TODAY
    )
    assert _rows(exported, "台账") == _rows(again, "台账")


def test_the_ledger_without_its_plan_column_reports_the_major_under_way(
    demo_db: Database, empty_db: Database, tmp_path: Path
) -> None:
    exported = tmp_path / "a.xlsx"
    period = ReportPeriod.custom(date(2020, 1, 1), TODAY)
    ledger_report_service.export_ledger(demo_db, exported, ExportFormat.XLSX, period=period, today=TODAY)
    before = _dump(empty_db)
    result = run_import(empty_db, ImportKind.LEDGER, exported, today=TODAY)
    with demo_db.read_session() as s:
        under_way = [h.number for h in s.exec(select(HiddenDanger)).all()
                     if h.level == "major" and h.status in ("rectifying", "awaiting_acceptance", "closed")]  # fmt: skip
    assert len(result.report.errors) == len(under_way) >= 1
    assert all("治理方案" in e.reason for e in result.report.errors)
    assert not result.report.written and _dump(empty_db) == before


def test_people_round_trip(demo_db: Database, empty_db: Database, tmp_path: Path) -> None:
    exported, again = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    roster_service.export_roster(demo_db, exported, ExportFormat.XLSX, today=TODAY)
    _with_enterprise(demo_db, empty_db)
    report = run_import(empty_db, ImportKind.PEOPLE, exported, today=TODAY).report
    assert report.ok and report.created.people == report.rows > 10 and report.created.departments > 3
    roster_service.export_roster(empty_db, again, ExportFormat.XLSX, today=TODAY)
    assert _rows(exported) == _rows(again)


# --- messy files ----------------------------------------------------------------------------------


def test_messy_risk_list_reports_exactly_its_broken_rows(empty_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    broken = write_messy_risk_list(path)
    result = run_import(empty_db, ImportKind.RISK_LIST, path, ImportOptions(partial=True), today=TODAY)
    report = result.report
    assert _refs(report.errors) == broken
    assert report.rows == 12 and report.created.hazards == 12 - len(broken) == 7
    assert _refs(report.conflicts) == {("设备设施类", 12)}
    reasons = {(e.sheet, e.row): e.reason for e in report.errors}
    assert "不在量表内" in reasons[("设备设施类", 9)]
    assert reasons[("设备设施类", 10)] == "缺少风险点名称"
    assert reasons[("设备设施类", 11)] == "风险等级“待定”无法识别"
    assert "外星人袭击" in reasons[("作业活动类", 5)]
    assert "2024-2-30" in reasons[("作业活动类", 6)]
    with empty_db.read_session() as s:
        press = s.exec(select(RiskPoint).where(RiskPoint.name == "1号冲床")).one()
        assert (press.code, press.kind.value, press.location) == ("SB-01", "equipment", "冲压车间")
        hazards = s.exec(select(Hazard).where(Hazard.risk_point_id == press.id).order_by(Hazard.seq)).all()
        assert [h.step_or_item for h in hazards] == ["光电保护", "电气", "模具"]
        assert [h.current_level for h in hazards] == [RiskLevel.GENERAL, RiskLevel.LOW, RiskLevel.LOW]
        zhang = s.get(Person, press.responsible_person_id)
        assert zhang is not None and zhang.name == "张伟"
        # The merged 责任人 reaches every hazard of the point.
        assert {h.responsible_person_id for h in hazards} == {zhang.id}
        crane = s.exec(select(Hazard).where(Hazard.step_or_item == "限位器")).one()
        assert crane.current_level is RiskLevel.SIGNIFICANT  # conflict: factors win by default
        forklift = s.exec(select(Hazard).where(Hazard.step_or_item == "行驶")).one()
        evaluation = s.exec(select(Evaluation).where(Evaluation.hazard_id == forklift.id)).one()
        assert (evaluation.method.value, evaluation.evaluated_on) == ("LS", date(2024, 3, 5))
    assert {p.what for p in result.preview} == {"风险点", "危险源"}


def test_prefer_level_and_per_row_choices(empty_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    write_messy_risk_list(path)
    run_import(
        empty_db, ImportKind.RISK_LIST, path,
        ImportOptions(partial=True, choices={RowRef("设备设施类", 12): Prefer.LEVEL}), today=TODAY,
    )  # fmt: skip
    with empty_db.read_session() as s:
        crane = s.exec(select(Hazard).where(Hazard.step_or_item == "限位器")).one()
        assert crane.current_level is RiskLevel.GENERAL and crane.current_score == "270"


def test_messy_ledger(empty_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    broken, duplicates = write_messy_ledger(path)
    report = run_import(empty_db, ImportKind.LEDGER, path, ImportOptions(partial=True), today=TODAY).report
    assert _refs(report.errors) == broken
    assert {(d.sheet, d.row) for d in report.duplicates} == duplicates
    assert report.created.hidden_dangers == 3 and report.skipped == len(broken) + len(duplicates)
    with empty_db.read_session() as s:
        rows = s.exec(select(HiddenDanger).order_by(HiddenDanger.found_on)).all()
    assert [(r.number, r.found_on, r.status.value) for r in rows] == [
        ("YH-2024-0001", date(2024, 3, 5), "closed"),
        ("YH-2024-0002", date(2024, 3, 10), "pending"),
        ("YH-2024-0003", date(2024, 3, 11), "awaiting_acceptance"),
    ]
    first = rows[0]
    assert first.is_immediate and first.deadline == first.found_on and first.acceptor_id != first.rectifier_id
    assert rows[-1].deadline == date(2024, 3, 19) and rows[-1].completed_on == date(2024, 3, 18)


def test_messy_people(empty_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "花名册.xlsx"
    broken, duplicates = write_messy_people(path)
    report = run_import(empty_db, ImportKind.PEOPLE, path, ImportOptions(partial=True), today=TODAY).report
    assert _refs(report.errors) == broken and {(d.sheet, d.row) for d in report.duplicates} == duplicates
    with empty_db.read_session() as s:
        people = s.exec(select(Person).order_by(Person.id)).all()
    assert [(p.name, p.phone) for p in people] == [
        ("张伟", "13800000001"),
        ("李强", "13800000002"),
        ("张伟", ""),
    ]
    dump = "\n".join(_dump(empty_db))
    assert "320102198001011234" not in dump  # ID numbers are never stored


# --- all or nothing -------------------------------------------------------------------------------


def test_errors_without_partial_change_nothing(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    write_messy_risk_list(path)
    before = _dump(demo_db)
    result = run_import(demo_db, ImportKind.RISK_LIST, path, today=TODAY)
    assert result.report.errors and not result.report.written
    assert result.report.created.total == 0 and result.preview == ()
    assert _dump(demo_db) == before


def test_dry_run_reports_what_it_would_create_and_writes_nothing(empty_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    write_messy_risk_list(path)
    before = _dump(empty_db)
    dry = run_import(
        empty_db, ImportKind.RISK_LIST, path, ImportOptions(dry_run=True, partial=True), today=TODAY
    )
    assert _dump(empty_db) == before and not dry.report.written
    real = run_import(empty_db, ImportKind.RISK_LIST, path, ImportOptions(partial=True), today=TODAY)
    assert dry.report.created == real.report.created and real.report.created.hazards == 7


def test_a_cancelled_import_changes_nothing(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "清单.xlsx"
    write_messy_risk_list(path)
    before = _dump(demo_db)
    calls: list[int] = []

    def cancel_after_start() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(ImportCancelled):
        run_import(
            demo_db, ImportKind.RISK_LIST, path, ImportOptions(partial=True),
            cancelled=cancel_after_start, progress=lambda _d, _t: None, today=TODAY,
        )  # fmt: skip
    assert _dump(demo_db) == before


def test_a_failure_while_writing_rolls_everything_back(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "清单.xlsx"
    write_messy_risk_list(path)
    before = _dump(demo_db)
    from dualprev.services.importing import risk_list

    def broken_finish(self: object) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(risk_list.RiskListImporter, "finish", broken_finish)
    with pytest.raises(OSError):
        run_import(demo_db, ImportKind.RISK_LIST, path, ImportOptions(partial=True), today=TODAY)
    assert _dump(demo_db) == before


def test_importing_the_same_file_twice_creates_no_duplicates(empty_db: Database, tmp_path: Path) -> None:
    for kind, write in ((ImportKind.RISK_LIST, write_messy_risk_list), (ImportKind.LEDGER, write_messy_ledger),
                        (ImportKind.PEOPLE, write_messy_people)):  # fmt: skip
        path = tmp_path / f"{kind.value}.xlsx"
        write(path)
        first = run_import(empty_db, kind, path, ImportOptions(partial=True), today=TODAY).report
        second = run_import(empty_db, kind, path, ImportOptions(partial=True), today=TODAY).report
        assert first.created.total > 0, kind
        assert second.created.total == 0, kind
        assert len(second.duplicates) == len(first.duplicates) + (
            first.rows - len(first.errors) - len(first.duplicates)
        )


# --- mappings, templates, failed rows --------------------------------------------------------------


def test_saved_mapping_by_name(empty_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    write_messy_ledger(path)
    table = read_file(path, ImportKind.LEDGER)[0]
    suggested = {key: table.labels[i] for key, i in table.suggested.items()}
    assert suggested["found_on"] == "发现日期" and suggested["rectifier"] == "整改负责人"
    mapping = {**suggested, "finders": ""}  # the user leaves 检查人 out
    mappings.save_mapping(empty_db, ImportKind.LEDGER, "镇里的台账", mapping, actor="测试")
    assert mappings.saved_mappings(empty_db, ImportKind.LEDGER) == {
        "镇里的台账": {k: v for k, v in mapping.items() if v}
    }
    run_import(
        empty_db, ImportKind.LEDGER, path, ImportOptions(partial=True, mapping_name="镇里的台账"), today=TODAY
    )
    with empty_db.read_session() as s:
        assert {h.finder_names for h in s.exec(select(HiddenDanger)).all()} == {""}
    with pytest.raises(NotFoundError):
        run_import(empty_db, ImportKind.LEDGER, path, ImportOptions(mapping_name="没有这个"), today=TODAY)
    with pytest.raises(ValidationError, match="没有“不存在的列”列"):
        run_import(
            empty_db, ImportKind.LEDGER, path, ImportOptions(mapping={"found_on": "不存在的列"}), today=TODAY
        )
    with pytest.raises(ValidationError, match="缺少必需的列：隐患描述"):
        run_import(
            empty_db, ImportKind.LEDGER, path, ImportOptions(mapping={"found_on": "发现日期"}), today=TODAY
        )


@pytest.mark.parametrize("kind", list(ImportKind))
def test_templates_have_headings_an_example_and_lists(
    kind: ImportKind, empty_db: Database, tmp_path: Path
) -> None:
    path = files.write_template_file(kind, tmp_path / "模板.xlsx")
    ws = load_workbook(path).active
    headings = [c.value for c in ws[1]]
    assert "身份证号" not in headings and ws["A2"].value == "示例"
    assert any(v.type == "list" for v in ws.data_validations.dataValidation)
    table = read_file(path, kind)[0]
    assert set(table.suggested) == {f for f in table.suggested}  # every heading is recognised
    assert len(table.suggested) == len(headings)
    # The example row is not data.
    assert run_import(empty_db, kind, path, today=TODAY).report.rows == 0


def test_failed_rows_saved_with_a_reason_import_again_once_fixed(empty_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    broken, _dups = write_messy_ledger(path)
    result = run_import(empty_db, ImportKind.LEDGER, path, ImportOptions(partial=True), today=TODAY)
    failed = tmp_path / "失败.xlsx"
    assert files.write_failed_file(result, failed) == len(broken)
    ws = load_workbook(failed).active
    header = [c.value for c in ws[1]]
    assert header[-2:] == ["原行号", "原因"] and header[1] == "发现日期"
    assert sorted(r[-2] for r in ws.iter_rows(min_row=2, values_only=True)) == sorted(r for _s, r in broken)
    # Fix one row (the acceptor was the rectifier) and import the file again.
    for row in ws.iter_rows(min_row=2):
        if row[-2].value == 4:
            row[11].value = "李强"
    wb = ws.parent
    wb.save(failed)
    again = run_import(empty_db, ImportKind.LEDGER, failed, ImportOptions(partial=True), today=TODAY).report
    assert again.created.hidden_dangers == 1 and len(again.errors) == len(broken) - 1


def test_a_file_that_is_no_workbook_is_one_chinese_line(empty_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(UserError, match="不是 xlsx 格式"):
        run_import(empty_db, ImportKind.LEDGER, path, today=TODAY)
    with pytest.raises(UserError, match="找不到表头"):
        run_import(
            empty_db, ImportKind.LEDGER, files.write_template_file(ImportKind.PEOPLE, tmp_path / "p.xlsx")
        )
