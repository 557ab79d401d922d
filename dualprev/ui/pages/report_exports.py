"""The exports the 报表导出 page offers: one :class:`HubExport` per button (its group, label, hint,
formats, and the service call that writes the file). Adding an export to the page is adding an entry
to :data:`EXPORTS`."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from dualprev.reports.ledger_period import ReportPeriod
from dualprev.reports.output import ExportFormat, ExportResult
from dualprev.services import ledger_report_service, risk_report_service
from dualprev.services.checks import printouts
from dualprev.services.database import Database

ALL_DEPARTMENTS = "（全部整改责任单位，每个单位一份）"


class Pick(StrEnum):
    """What an export asks the user to pick before writing."""

    HIDDEN_DANGER = "hidden_danger"
    MAJOR_HIDDEN_DANGER = "major_hidden_danger"
    DEPARTMENT = "department"


@dataclass(frozen=True)
class ExportRequest:
    """Everything an export may need besides the database: where, which format, the period and
    today, and what the user picked (a hidden danger's number, a department) or chose (a profile)."""

    out: Path
    fmt: ExportFormat
    period: ReportPeriod
    today: date
    picked: str | None = None
    profile: str | None = None
    photos: bool = False


ExportRunner = Callable[[Database, ExportRequest], ExportResult]
"""Writes the file: gets the open database (opaque to the UI) and the request."""


@dataclass(frozen=True)
class HubExport:
    """One button of the page. ``uses_period``: the file covers the chosen period (its code goes
    into the suggested file name); ``statutory``: only a quarter or a year will do; ``pick``: what
    to ask for first."""

    key: str
    group: str
    label: str
    hint: str
    formats: tuple[ExportFormat, ...]
    run: ExportRunner
    uses_period: bool = False
    statutory: bool = False
    pick: Pick | None = None


RISK_GROUP = "安全风险分级管控"
HIDDEN_DANGER_GROUP = "隐患排查治理"
CHECK_GROUP = "隐患排查"
_X, _P, _G = ExportFormat.XLSX, ExportFormat.PDF, ExportFormat.PNG

EXPORTS: tuple[HubExport, ...] = (
    HubExport(
        "risk_list", RISK_GROUP, "风险分级管控清单", "全部风险点和危险源，含评价、管控措施、责任人（A3 横向）",
        (_X, _P), lambda db, r: risk_report_service.export_risk_list(db, r.out, r.fmt, today=r.today),
    ),
    HubExport(
        "risk_chart", RISK_GROUP, "作业安全风险比较图", "作业活动按风险值从高到低排列的条形图",
        (_P, _G), lambda db, r: risk_report_service.export_risk_chart(db, r.out, r.fmt, today=r.today),
    ),
    HubExport(
        "risk_records", RISK_GROUP, "风险辨识评价记录", "作业活动清单、设备设施清单、JHA/SCL 评价记录、风险点登记台账",
        (_X, _P), lambda db, r: risk_report_service.export_risk_records(db, r.out, r.fmt, today=r.today),
    ),
    HubExport(
        "major_risks", RISK_GROUP, "重大风险公告", "现有风险为重大风险的危险源及管控措施（张贴用）",
        (_P,), lambda db, r: risk_report_service.export_major_risks(db, r.out, today=r.today),
    ),
    HubExport(
        "ledger", HIDDEN_DANGER_GROUP, "隐患排查治理台账", "统计期内发现的全部隐患（含已作废标注），首页为汇总",
        (_X, _P),
        lambda db, r: ledger_report_service.export_ledger(
            db, r.out, r.fmt, period=r.period, profile=r.profile, photos=r.photos, today=r.today
        ),
        uses_period=True,
    ),
    HubExport(
        "regulator_ledger", HIDDEN_DANGER_GROUP, "台账（报送版）",
        "人员以职务代替姓名、隐去电话，供报送镇、区监管部门；勾选附照片时才附照片（请确认照片中无人脸）",
        (_X, _P),
        lambda db, r: ledger_report_service.export_ledger(
            db, r.out, r.fmt, period=r.period, regulator=True, photos=r.photos, today=r.today
        ),
        uses_period=True,
    ),
    HubExport(
        "ledger_stats", HIDDEN_DANGER_GROUP, "隐患排查治理统计表", "季度、年度统计表，主要负责人签字后按期报送",
        (_P, _X),
        lambda db, r: ledger_report_service.export_ledger_statistics(
            db, r.out, r.fmt, period=r.period, today=r.today
        ),
        uses_period=True, statutory=True,
    ),
    HubExport(
        "notices", HIDDEN_DANGER_GROUP, "隐患整改通知单", "待整改、整改中的隐患，每个整改责任单位一份",
        (_P,),
        lambda db, r: ledger_report_service.export_notices(
            db, r.out, department=None if r.picked == ALL_DEPARTMENTS else r.picked, today=r.today
        ),
        pick=Pick.DEPARTMENT,
    ),
    HubExport(
        "acceptance", HIDDEN_DANGER_GROUP, "隐患整改验收单", "一条隐患的整改和验收情况，附整改前后照片",
        (_P,),
        lambda db, r: ledger_report_service.export_acceptance_form(db, r.out, r.picked or "", today=r.today),
        pick=Pick.HIDDEN_DANGER,
    ),
    HubExport(
        "major_report", HIDDEN_DANGER_GROUP, "重大事故隐患报告", "现状及原因、危害和整改难度、治理方案，报送监管部门",
        (_P,),
        lambda db, r: ledger_report_service.export_major_report(db, r.out, r.picked or "", today=r.today),
        pick=Pick.MAJOR_HIDDEN_DANGER,
    ),
    HubExport(
        "checks", CHECK_GROUP, "隐患排查记录", "统计期内的排查记录：汇总及逐份记录（含检查人签字栏）",
        (_X, _P),
        lambda db, r: printouts.export_checks(
            db, r.out, r.fmt, date_from=r.period.start, date_to=min(r.period.end, r.today), today=r.today
        ),
        uses_period=True,
    ),
    HubExport(
        "checklist", CHECK_GROUP, "隐患排查清单（空白）", "每个在用排查计划一份空白清单，现场排查时填写",
        (_P,), lambda db, r: printouts.export_checklist(db, r.out, today=r.today),
    ),
)  # fmt: skip
