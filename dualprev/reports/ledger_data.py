"""Plain data the hidden-danger exports are built from: the enterprise, the period, and each hidden
danger with every 台账 field already resolved to what is printed (names, not ids).

Frozen dataclasses, no sessions, no Qt: ``services.ledger_report_service`` fills them from the
database, tests build them by hand. The per-entry predicates here (closed by a day, open at a day,
overdue at a day, rectified on time) are the definitions every figure of the statistics is made of.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import (
    HiddenDangerCategory,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    OwnerTier,
    PhotoStage,
)
from dualprev.reports.ledger_period import ReportPeriod

_S = HiddenDangerStatus
_STAGES = (_S.PENDING, _S.RECTIFYING, _S.AWAITING_ACCEPTANCE)


@dataclass(frozen=True)
class LedgerEnterprise:
    name: str
    uscc: str = ""
    industry: str = ""
    address: str = ""
    principal_name: str = ""
    principal_phone: str = ""
    safety_manager_name: str = ""
    safety_manager_phone: str = ""
    phone: str = ""
    accident_vocabulary: str = ""
    """The 事故类型 classification in use ("GB6441-2025"); the ledger prints it under the table."""


@dataclass(frozen=True)
class LedgerPhoto:
    """A photo of a hidden danger: the stored file and its small thumbnail."""

    stage: PhotoStage
    path: Path
    thumb_path: Path
    original_name: str = ""


@dataclass(frozen=True)
class RemediationPlanData:
    """治理方案 of a 重大隐患 (五到位) and its 治理后评估."""

    goal_and_tasks: str = ""
    methods_and_measures: str = ""
    funds_and_materials: str = ""
    organisation_and_people: str = ""
    timeline_and_requirements: str = ""
    safety_and_emergency: str = ""
    post_evaluation: str = ""
    post_evaluated_on: date | None = None


@dataclass(frozen=True)
class MajorDutiesData:
    """What a 重大隐患 report prints besides the loop: 产生原因, the 判定标准 item, how the report to
    the authority went, 挂牌督办 and the report to the 职工代表大会."""

    cause: str = ""
    standard_item: str = ""
    report_method: str = ""
    report_document_number: str = ""
    supervised_by: str = ""
    supervised_on: date | None = None
    supervision_number: str = ""
    closure_applied_on: date | None = None
    closure_approved_on: date | None = None
    congress_reported_on: date | None = None


@dataclass(frozen=True)
class LedgerEntry:
    """One hidden danger as the ledger prints it."""

    id: int
    number: str
    found_on: date
    description: str
    level: HiddenDangerLevel
    category: HiddenDangerCategory
    status: HiddenDangerStatus
    source: HiddenDangerSource = HiddenDangerSource.SELF_FOUND
    source_detail: str = ""
    check_type: CheckType | None = None
    finder_names: str = ""
    area_name: str = ""
    risk_point_name: str = ""
    location: str = ""
    owner_tier: OwnerTier | None = None
    basis: str = ""
    accident_types: tuple[str, ...] = ()
    rectification_measures: str = ""
    department_name: str = ""
    rectifier_name: str = ""
    rectifier_phone: str = ""
    deadline: date | None = None
    funds_fen: int | None = None
    interim_measures: str = ""
    is_immediate: bool = False
    completed_on: date | None = None
    acceptor_name: str = ""
    accepted_on: date | None = None
    acceptance_conclusion: str = ""
    void_reason: str = ""
    reported_to: str = ""
    reported_on: date | None = None
    note: str = ""
    photos: tuple[LedgerPhoto, ...] = ()
    plan: RemediationPlanData | None = None
    status_changes: tuple[tuple[date, HiddenDangerStatus], ...] = ()
    """(local date, new status) of each recorded status change, oldest first."""
    duties: MajorDutiesData | None = None
    """Filled for the 重大隐患 report only."""

    @property
    def place(self) -> str:
        """部位/风险点 as one text (区域 风险点 部位), leaving out a name another one already says
        (区域 机加工车间 inside 部位 机加工车间刃磨区砂轮机)."""
        names = [n for n in dict.fromkeys((self.area_name, self.risk_point_name, self.location)) if n]
        return " ".join(n for n in names if not any(n != other and n in other for other in names))

    @property
    def is_void(self) -> bool:
        return self.status is _S.VOID

    @property
    def is_major(self) -> bool:
        return self.level is HiddenDangerLevel.MAJOR

    def photos_of(self, stage: PhotoStage) -> tuple[LedgerPhoto, ...]:
        return tuple(p for p in self.photos if p.stage is stage)

    def closed_on(self) -> date | None:
        """The day it was closed (销号): its 验收日期; for a closed record without one, the day the
        closing was recorded; None while it is not closed."""
        if self.status is not _S.CLOSED:
            return None
        if self.accepted_on is not None:
            return self.accepted_on
        recorded = [day for day, status in self.status_changes if status is _S.CLOSED]
        return recorded[-1] if recorded else self.completed_on or self.found_on

    def closed_by(self, day: date) -> bool:
        """Closed (已销号) on or before ``day``."""
        closed = self.closed_on()
        return closed is not None and closed <= day

    def open_at(self, day: date) -> bool:
        """Open at the end of ``day``: found on or before it, not voided, and not closed by then.

        A record voided later is never counted: 作废 means it should not have existed.
        """
        return not self.is_void and self.found_on <= day and not self.closed_by(day)

    def overdue_at(self, day: date) -> bool:
        """Open at ``day`` with its 整改期限 already past (the deadline day itself is not overdue)."""
        return self.open_at(day) and self.deadline is not None and day > self.deadline

    @property
    def rectified_on(self) -> date | None:
        """整改完成日期; for a closed record without one, its 验收日期."""
        return self.completed_on or self.closed_on()

    @property
    def rectified_on_time(self) -> bool:
        """按期整改: closed, and its 整改完成日期 is on or before its 整改期限 (a record without a
        deadline had none to miss)."""
        done = self.rectified_on
        if self.status is not _S.CLOSED or done is None:
            return False
        return self.deadline is None or done <= self.deadline

    def stage_at(self, day: date) -> HiddenDangerStatus:
        """Where an open hidden danger stood at the end of ``day``: 待整改, 整改中 or 待验收, from the
        last status change recorded on or before it (待整改 when none is)."""
        stage = _S.PENDING
        for changed_on, status in self.status_changes:
            if changed_on > day:
                break
            if status in _STAGES:
                stage = status
            elif status is _S.CLOSED:  # closed on paper later than recorded: still awaiting it
                stage = _S.AWAITING_ACCEPTANCE
        return stage

    def overdue_days(self, day: date) -> int:
        """Days past the deadline at ``day`` (0 when not overdue)."""
        if not self.overdue_at(day) or self.deadline is None:
            return 0
        return (day - self.deadline).days


@dataclass(frozen=True)
class LedgerData:
    """What a ledger export prints for one period.

    ``entries``: every hidden danger found in the period (voided ones too, for the full ledger),
    ordered by 排查日期 and number. ``earlier_open``: hidden dangers found before the period that
    were still open at its end (they count in 期末未销号, not in the period's finds).
    ``check_counts``: 排查记录 dated in the period, up to ``as_of``, by check type.
    """

    enterprise: LedgerEnterprise
    period: ReportPeriod
    printed_on: date
    entries: tuple[LedgerEntry, ...]
    earlier_open: tuple[LedgerEntry, ...] = ()
    check_counts: tuple[tuple[CheckType, int], ...] = ()

    @property
    def as_of(self) -> date:
        """The day the figures are taken at: the period's end, or the printing day while it runs."""
        return self.period.as_of(self.printed_on)

    @property
    def check_count(self) -> int:
        return sum(n for _type, n in self.check_counts)

    @property
    def counted(self) -> tuple[LedgerEntry, ...]:
        """The period's entries that count in statistics: all but the voided ones."""
        return tuple(e for e in self.entries if not e.is_void)
