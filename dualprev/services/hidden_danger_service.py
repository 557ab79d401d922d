"""隐患排查治理: the hidden-danger ledger as a closed loop (domain.md §8).

登记 → 开始整改 → 整改完成（报验收）→ 验收通过（销号）, with 验收不通过 back to 整改中, 立即整改 at
registration for a 一般隐患 fixed on the spot, and 作废 for a record entered by mistake. The rules are
the domain's (:mod:`dualprev.domain.hidden_danger`); every write here checks them against the row as
it is in the database, runs in one transaction, and adds a timeline event and an audit entry.
Nothing is ever deleted.

The ledger itself is read page by page (:func:`query`), filtered and sorted in SQL, so a table of a
hundred thousand rows stays fast.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Integer, case, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.sql.expression import FromClause
from sqlmodel import Session, SQLModel, col, select

from dualprev.domain import settings
from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import (
    DUE_SOON_DAYS,
    REMEDIATION_PLAN_ITEMS,
    EventAction,
    HiddenDangerCategory,
    HiddenDangerDraft,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    LoopFacts,
    OwnerTier,
    PhotoStage,
    acceptance_problem,
    days_left,
    draft_problem,
    format_number,
    immediate_problem,
    is_overdue,
    plan_problem,
    post_evaluation_problem,
    rejection_problem,
    report_problem,
    start_problem,
    submit_problem,
    suggest_deadline,
    update_problem,
    void_problem,
)
from dualprev.errors import ConflictError, ValidationError
from dualprev.services import organisation_service as org
from dualprev.services import photo_service
from dualprev.services.organisation_service import AreaInfo, DepartmentInfo, PersonInfo, RiskPointRef
from dualprev.services.photo_service import PhotoInfo, PreparedPhoto
from dualprev.services.risk_service import AccidentTypeOption, accident_type_options
from dualprev.storage import audit
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database
from dualprev.storage.models import (
    AccidentTypeRecord,
    Area,
    CheckRecord,
    Department,
    HiddenDanger,
    HiddenDangerAccidentType,
    HiddenDangerEvent,
    Person,
    Photo,
    RemediationPlan,
    RiskPoint,
    utcnow,
)
from dualprev.storage.repos import get_or_raise

_S = HiddenDangerStatus
_OPEN = tuple(s.value for s in HiddenDangerStatus if s.is_open)

DEFAULT_PAGE_SIZE = 200


# --- records crossing the layer boundary ---------------------------------------------------------


@dataclass(frozen=True)
class EventInfo:
    """One step of the timeline; ``at`` is in UTC."""

    id: int
    at: datetime
    actor: str
    action: str
    from_status: HiddenDangerStatus | None
    to_status: HiddenDangerStatus | None
    remark: str


@dataclass(frozen=True)
class RemediationPlanInfo:
    """治理方案 of a 重大隐患 and its 治理后评估."""

    goal_and_tasks: str = ""
    methods_and_measures: str = ""
    funds_and_materials: str = ""
    organisation_and_people: str = ""
    timeline_and_requirements: str = ""
    safety_and_emergency: str = ""
    post_evaluation: str = ""
    post_evaluated_on: date | None = None

    def items(self) -> dict[str, str]:
        """The six plan items by key (see REMEDIATION_PLAN_ITEMS)."""
        return {key: getattr(self, key) for key, _label in REMEDIATION_PLAN_ITEMS}


@dataclass(frozen=True)
class HiddenDangerDetail:
    """Everything the ledger's detail panel shows about one hidden danger."""

    id: int
    number: str
    draft: HiddenDangerDraft
    status: HiddenDangerStatus
    is_immediate: bool
    completed_on: date | None
    acceptor_id: int | None
    accepted_on: date | None
    acceptance_conclusion: str
    void_reason: str
    reported_to: str
    reported_on: date | None
    area_name: str
    risk_point_name: str
    department_name: str
    rectifier_name: str
    acceptor_name: str
    check_record_text: str
    accident_type_names: tuple[str, ...]
    plan: RemediationPlanInfo | None
    photos: tuple[PhotoInfo, ...]
    events: tuple[EventInfo, ...]
    is_overdue: bool
    days_left: int | None
    created_at: datetime
    updated_at: datetime

    @property
    def level(self) -> HiddenDangerLevel:
        return self.draft.level

    @property
    def plan_missing(self) -> tuple[str, ...]:
        """Plan items still empty; always empty for a 一般隐患, which needs no plan."""
        return tuple(self.facts().plan_missing()) if self.level is HiddenDangerLevel.MAJOR else ()

    def facts(self) -> LoopFacts:
        return LoopFacts(
            status=self.status,
            level=self.draft.level,
            found_on=self.draft.found_on,
            rectifier_id=self.draft.rectifier_id,
            completed_on=self.completed_on,
            interim_measures=self.draft.interim_measures,
            plan=self.plan.items() if self.plan else None,
            post_evaluation=self.plan.post_evaluation if self.plan else "",
            post_evaluated_on=self.plan.post_evaluated_on if self.plan else None,
        )

    def photos_of(self, stage: PhotoStage) -> tuple[PhotoInfo, ...]:
        return tuple(p for p in self.photos if p.stage is stage)


@dataclass(frozen=True)
class StartInput:
    """开始整改: a remark, and the interim measures (required for a 重大隐患)."""

    remark: str = ""
    interim_measures: str | None = None


@dataclass(frozen=True)
class CompletionInput:
    """整改完成，报请验收."""

    completed_on: date
    rectification_measures: str
    funds_fen: int | None = None
    remark: str = ""
    photos: tuple[PreparedPhoto, ...] = ()


@dataclass(frozen=True)
class AcceptanceInput:
    """验收通过，销号."""

    acceptor_id: int | None
    accepted_on: date
    conclusion: str
    photos: tuple[PreparedPhoto, ...] = ()


@dataclass(frozen=True)
class RejectionInput:
    """验收不通过: why, and optionally a new deadline."""

    reason: str
    new_deadline: date | None = None


@dataclass(frozen=True)
class ReportInput:
    """报告负有监管职责的部门 (to whom, when)."""

    reported_to: str
    reported_on: date


@dataclass(frozen=True)
class PostEvaluationInput:
    """治理后评估 of a 重大隐患."""

    text: str
    evaluated_on: date


@dataclass(frozen=True)
class RemediationPlanInput:
    goal_and_tasks: str = ""
    methods_and_measures: str = ""
    funds_and_materials: str = ""
    organisation_and_people: str = ""
    timeline_and_requirements: str = ""
    safety_and_emergency: str = ""

    def items(self) -> dict[str, str]:
        return {key: getattr(self, key).strip() for key, _label in REMEDIATION_PLAN_ITEMS}


@dataclass(frozen=True)
class CheckRecordRef:
    """A check record as offered when a hidden danger was found in a check."""

    id: int
    checked_on: date
    check_type: CheckType
    checker_names: str
    place: str

    @property
    def text(self) -> str:
        who = f"（{self.checker_names}）" if self.checker_names else ""
        place = f" {self.place}" if self.place else ""
        return f"{self.checked_on.isoformat()} {self.check_type.label}{place}{who}"


@dataclass(frozen=True)
class HiddenDangerChoices:
    """What the hidden-danger dialogs and the ledger filters offer to pick from."""

    departments: list[DepartmentInfo]
    people: list[PersonInfo]
    areas: list[AreaInfo]
    risk_points: list[RiskPointRef]
    accident_types: list[AccidentTypeOption]
    check_records: list[CheckRecordRef]
    deadline_days_general: int
    deadline_days_team: int

    def person_name(self, person_id: int | None) -> str:
        return next((p.name for p in self.people if p.id == person_id), "")

    def suggest_deadline(
        self, found_on: date, level: HiddenDangerLevel, owner_tier: OwnerTier | None
    ) -> date | None:
        return suggest_deadline(
            found_on,
            level,
            owner_tier,
            general_days=self.deadline_days_general,
            team_days=self.deadline_days_team,
        )


# --- ledger query ----------------------------------------------------------------------------------


class LedgerSortKey(StrEnum):
    NUMBER = "number"
    FOUND_ON = "found_on"
    DESCRIPTION = "description"
    LEVEL = "level"
    PLACE = "place"
    SOURCE = "source"
    DEPARTMENT = "department"
    RECTIFIER = "rectifier"
    DEADLINE = "deadline"
    STATUS = "status"


@dataclass(frozen=True)
class LedgerSort:
    key: LedgerSortKey = LedgerSortKey.FOUND_ON
    descending: bool = True


@dataclass(frozen=True)
class LedgerFilter:
    """Which hidden dangers the ledger shows; empty fields do not filter.

    ``overdue_only`` and ``due_within_days`` are derived from the deadline and today, as 逾期 is.
    A department includes its sub-departments; an area includes hidden dangers at its risk points.
    """

    statuses: tuple[HiddenDangerStatus, ...] = ()
    overdue_only: bool = False
    due_within_days: int | None = None
    levels: tuple[HiddenDangerLevel, ...] = ()
    department_id: int | None = None
    area_id: int | None = None
    risk_point_id: int | None = None
    source: HiddenDangerSource | None = None
    found_from: date | None = None
    found_to: date | None = None
    keyword: str = ""

    @property
    def is_empty(self) -> bool:
        return self == LedgerFilter()


@dataclass(frozen=True)
class LedgerRow:
    """One row of the ledger table."""

    id: int
    number: str
    found_on: date
    description: str
    level: HiddenDangerLevel
    category: HiddenDangerCategory
    source: HiddenDangerSource
    source_detail: str
    status: HiddenDangerStatus
    area_name: str
    risk_point_name: str
    location: str
    department_name: str
    rectifier_name: str
    deadline: date | None
    completed_on: date | None
    accepted_on: date | None
    is_overdue: bool
    days_left: int | None

    @property
    def place(self) -> str:
        """区域/风险点/部位 as one text, without repeating a name."""
        parts: list[str] = []
        for part in (self.area_name, self.risk_point_name, self.location):
            if part and part not in parts:
                parts.append(part)
        return " ".join(parts)


@dataclass(frozen=True)
class LedgerResult:
    rows: tuple[LedgerRow, ...]
    total: int
    offset: int = 0


@dataclass(frozen=True)
class LedgerSummary:
    """Counts over the whole ledger for the page's summary line and 首页."""

    total: int
    open: int
    overdue: int
    due_soon: int
    by_status: dict[HiddenDangerStatus, int]


# The ledger query is written against the tables (SQLAlchemy Core): one statement with outer joins
# for the names, so filtering, sorting and paging all happen inside SQLite.
_HD = SQLModel.metadata.tables["hidden_danger"]
_AREA = SQLModel.metadata.tables["area"]
_RP = SQLModel.metadata.tables["risk_point"]
_DEPT = SQLModel.metadata.tables["department"]
_RECTIFIER = SQLModel.metadata.tables["person"].alias("rectifier")

_ROW_COLUMNS = (
    _HD.c.id,
    _HD.c.number,
    _HD.c.found_on,
    _HD.c.description,
    _HD.c.level,
    _HD.c.category,
    _HD.c.source,
    _HD.c.source_detail,
    _HD.c.status,
    _AREA.c.name,
    _RP.c.name,
    _HD.c.location,
    _DEPT.c.name,
    _RECTIFIER.c.name,
    _HD.c.deadline,
    _HD.c.completed_on,
    _HD.c.accepted_on,
)

# Which joined tables a sort needs: ordering by a name needs that name, nothing else does.
_SORT_JOINS: dict[LedgerSortKey, tuple[str, ...]] = {
    LedgerSortKey.PLACE: ("area", "risk_point"),
    LedgerSortKey.DEPARTMENT: ("department",),
    LedgerSortKey.RECTIFIER: ("rectifier",),
}


def _joined(*names: str) -> FromClause:
    """hidden_danger with the named tables outer-joined (all four when no name is given)."""
    wanted = set(names) if names else {"area", "risk_point", "department", "rectifier"}
    source: FromClause = _HD
    if "area" in wanted:
        source = source.outerjoin(_AREA, _AREA.c.id == _HD.c.area_id)
    if "risk_point" in wanted:
        source = source.outerjoin(_RP, _RP.c.id == _HD.c.risk_point_id)
    if "department" in wanted:
        source = source.outerjoin(_DEPT, _DEPT.c.id == _HD.c.responsible_department_id)
    if "rectifier" in wanted:
        source = source.outerjoin(_RECTIFIER, _RECTIFIER.c.id == _HD.c.rectifier_id)
    return source


def _department_ids(session: Session, root: int) -> list[int]:
    parents = dict(session.exec(select(Department.id, Department.parent_id)).all())
    found = {root}
    changed = True
    while changed:
        changed = False
        for dept_id, parent_id in parents.items():
            if dept_id is not None and parent_id in found and dept_id not in found:
                found.add(dept_id)
                changed = True
    return sorted(found)


def _named(table: Any, term: str) -> Any:
    """Ids of the rows of a small table (areas, people…) whose name contains ``term``."""
    return sa_select(table.c.id).where(table.c.name.contains(term, autoescape=True))


def _conditions(session: Session, flt: LedgerFilter, today: date) -> list[ColumnElement[bool]]:
    """WHERE terms for ``flt`` on hidden_danger alone (names are matched through id subqueries, so
    counting and ordering never join the name tables for the sake of a filter)."""
    hd = _HD.c
    where: list[ColumnElement[bool]] = []
    if flt.statuses:
        where.append(hd.status.in_([s.value for s in flt.statuses]))
    if flt.overdue_only:
        where += [hd.status.in_(_OPEN), hd.deadline < today]
    if flt.due_within_days is not None:
        where += [
            hd.status.in_(_OPEN),
            hd.deadline >= today,
            hd.deadline <= today + timedelta(days=flt.due_within_days),
        ]
    if flt.levels:
        where.append(hd.level.in_([lv.value for lv in flt.levels]))
    if flt.department_id is not None:
        where.append(hd.responsible_department_id.in_(_department_ids(session, flt.department_id)))
    if flt.area_id is not None:
        at_points = sa_select(_RP.c.id).where(_RP.c.area_id == flt.area_id)
        where.append(or_(hd.area_id == flt.area_id, hd.risk_point_id.in_(at_points)))
    if flt.risk_point_id is not None:
        where.append(hd.risk_point_id == flt.risk_point_id)
    if flt.source is not None:
        where.append(hd.source == flt.source.value)
    if flt.found_from is not None:
        where.append(hd.found_on >= flt.found_from)
    if flt.found_to is not None:
        where.append(hd.found_on <= flt.found_to)
    texts = (
        hd.number,
        hd.description,
        hd.location,
        hd.finder_names,
        hd.source_detail,
        hd.rectification_measures,
        hd.note,
    )
    for term in flt.keyword.split():  # every word must appear somewhere in the row
        where.append(
            or_(
                *(column.contains(term, autoescape=True) for column in texts),
                hd.area_id.in_(_named(_AREA, term)),
                hd.risk_point_id.in_(_named(_RP, term)),
                hd.responsible_department_id.in_(_named(_DEPT, term)),
                hd.rectifier_id.in_(_named(_RECTIFIER, term)),
            )
        )
    return where


def _order_by(sort: LedgerSort) -> list[ColumnElement[Any]]:
    hd = _HD.c
    status_rank = case({s.value: i for i, s in enumerate(HiddenDangerStatus)}, value=hd.status)
    level_rank = case({HiddenDangerLevel.MAJOR.value: 0}, value=hd.level, else_=1)
    keys: dict[LedgerSortKey, list[ColumnElement[Any]]] = {
        LedgerSortKey.NUMBER: [hd.number],
        LedgerSortKey.FOUND_ON: [hd.found_on],
        LedgerSortKey.DESCRIPTION: [hd.description],
        LedgerSortKey.LEVEL: [level_rank],
        LedgerSortKey.PLACE: [func.coalesce(_AREA.c.name, ""), func.coalesce(_RP.c.name, ""), hd.location],
        LedgerSortKey.SOURCE: [hd.source],
        LedgerSortKey.DEPARTMENT: [func.coalesce(_DEPT.c.name, "")],
        LedgerSortKey.RECTIFIER: [func.coalesce(_RECTIFIER.c.name, "")],
        # A missing deadline sorts after every real one, whichever the direction.
        LedgerSortKey.DEADLINE: [hd.deadline.is_(None), hd.deadline],
        LedgerSortKey.STATUS: [status_rank],
    }
    terms = [*keys[sort.key], hd.id]
    ordered: list[ColumnElement[Any]] = [t.desc() if sort.descending else t.asc() for t in terms]
    if sort.key is LedgerSortKey.DEADLINE:
        ordered[0] = terms[0].asc()
    return ordered


def _ordered_ids(where: list[ColumnElement[bool]], sort: LedgerSort) -> Any:
    """SELECT id … ORDER BY …: only the tables the sort key needs are joined."""
    joins = _SORT_JOINS.get(sort.key)
    source = _joined(*joins) if joins else _HD
    return sa_select(_HD.c.id).select_from(source).where(*where).order_by(*_order_by(sort))


def _row(values: Sequence[Any], today: date) -> LedgerRow:
    (
        row_id,
        number,
        found_on,
        description,
        level,
        category,
        source,
        source_detail,
        status,
        area_name,
        rp_name,
        location,
        dept_name,
        rectifier_name,
        deadline,
        completed_on,
        accepted_on,
    ) = values
    return LedgerRow(
        id=row_id,
        number=number,
        found_on=found_on,
        description=description,
        level=level,
        category=category,
        source=source,
        source_detail=source_detail,
        status=status,
        area_name=area_name or "",
        risk_point_name=rp_name or "",
        location=location,
        department_name=dept_name or "",
        rectifier_name=rectifier_name or "",
        deadline=deadline,
        completed_on=completed_on,
        accepted_on=accepted_on,
        is_overdue=is_overdue(status, deadline, today),
        days_left=days_left(status, deadline, today),
    )


def query(
    db: Database,
    flt: LedgerFilter = LedgerFilter(),
    sort: LedgerSort = LedgerSort(),
    *,
    today: date,
    offset: int = 0,
    limit: int = DEFAULT_PAGE_SIZE,
) -> LedgerResult:
    """One page of the ledger (``limit`` rows from ``offset``) and how many rows match in all.

    The page is found on ids alone (filter, order, offset), and only its rows are then read with
    their names, so a deep page or a sort by status costs about the same as the first page.
    """
    offset, limit = max(0, offset), max(0, limit)
    with db.read_session() as s:
        where = _conditions(s, flt, today)
        conn = s.connection()
        if flt.keyword.strip():
            # Text search scans every row anyway: one scan for the order gives the count too.
            every = list(conn.execute(_ordered_ids(where, sort)).scalars())
            total, ids = len(every), every[offset : offset + limit]
        else:
            total = int(conn.execute(sa_select(func.count()).select_from(_HD).where(*where)).scalar_one())
            ids = []
            if limit and offset < total:
                ids = list(conn.execute(_ordered_ids(where, sort).offset(offset).limit(limit)).scalars())
        rows: tuple[LedgerRow, ...] = ()
        if ids:
            found = conn.execute(sa_select(*_ROW_COLUMNS).select_from(_joined()).where(_HD.c.id.in_(ids)))
            by_id = {values[0]: _row(values, today) for values in found.all()}
            rows = tuple(by_id[i] for i in ids if i in by_id)
    return LedgerResult(rows=rows, total=total, offset=offset)


def row_position(
    db: Database,
    hidden_danger_id: int,
    flt: LedgerFilter = LedgerFilter(),
    sort: LedgerSort = LedgerSort(),
    *,
    today: date,
) -> int | None:
    """Where a hidden danger stands in the filtered, sorted ledger (0-based), or None if not in it."""
    with db.read_session() as s:
        ids = list(s.connection().execute(_ordered_ids(_conditions(s, flt, today), sort)).scalars())
    return ids.index(hidden_danger_id) if hidden_danger_id in ids else None


def summary(db: Database, *, today: date, due_days: int = DUE_SOON_DAYS) -> LedgerSummary:
    """Totals over the whole ledger: by status, open, overdue and due within ``due_days``."""
    hd = _HD.c
    with db.read_session() as s:
        conn = s.connection()
        by_status = {
            HiddenDangerStatus(status): int(n)
            for status, n in conn.execute(sa_select(hd.status, func.count()).group_by(hd.status)).all()
        }
        # Only open rows can be overdue or due, and the status index finds them without a full scan.
        overdue, due = conn.execute(
            sa_select(
                func.count().filter(hd.deadline < today),
                func.count().filter(hd.deadline >= today, hd.deadline <= today + timedelta(days=due_days)),
            ).where(hd.status.in_(_OPEN))
        ).one()
    return LedgerSummary(
        total=sum(by_status.values()),
        open=sum(n for st, n in by_status.items() if st.is_open),
        overdue=int(overdue),
        due_soon=int(due),
        by_status=by_status,
    )


def due_soon(db: Database, *, today: date, days: int = DUE_SOON_DAYS, limit: int = 50) -> LedgerResult:
    """Open hidden dangers due within ``days`` days (today included), the most urgent first."""
    sort = LedgerSort(LedgerSortKey.DEADLINE, descending=False)
    return query(db, LedgerFilter(due_within_days=days), sort, today=today, limit=limit)


def overdue(db: Database, *, today: date, limit: int = 50) -> LedgerResult:
    """Open hidden dangers past their deadline, the longest overdue first."""
    sort = LedgerSort(LedgerSortKey.DEADLINE, descending=False)
    return query(db, LedgerFilter(overdue_only=True), sort, today=today, limit=limit)


# --- choices and settings --------------------------------------------------------------------------


def deadline_days(db: Database) -> tuple[int, int]:
    """The default 整改期限 in days for a 一般隐患 and for a 班组级 one (settings, domain defaults)."""
    with db.read_session() as s:
        return (
            stored_settings.read(s, settings.DEADLINE_DAYS_GENERAL),
            stored_settings.read(s, settings.DEADLINE_DAYS_TEAM),
        )


def suggested_deadline(
    db: Database, found_on: date, level: HiddenDangerLevel, owner_tier: OwnerTier | None
) -> date | None:
    """The default deadline for a new hidden danger (None for a 重大隐患: it follows its plan)."""
    general, team = deadline_days(db)
    return suggest_deadline(found_on, level, owner_tier, general_days=general, team_days=team)


def list_accident_types(db: Database) -> list[AccidentTypeOption]:
    """Accident types of the enterprise's vocabulary, without the mining-only ones."""
    return accident_type_options(db)


def list_check_records(db: Database, *, limit: int = 300) -> list[CheckRecordRef]:
    """The most recent check records, newest first."""
    with db.read_session() as s:
        areas = dict(s.exec(select(Area.id, Area.name)).all())
        departments = dict(s.exec(select(Department.id, Department.name)).all())
        rows = s.exec(
            select(CheckRecord)
            .order_by(col(CheckRecord.checked_on).desc(), col(CheckRecord.id).desc())
            .limit(limit)
        ).all()
        return [
            CheckRecordRef(
                id=r.id or 0,
                checked_on=r.checked_on,
                check_type=r.check_type,
                checker_names=r.checker_names,
                place=areas.get(r.area_id) or departments.get(r.department_id) or "",
            )
            for r in rows
        ]


def choices(db: Database) -> HiddenDangerChoices:
    """Everything the hidden-danger dialogs offer to pick from, read once."""
    general, team = deadline_days(db)
    return HiddenDangerChoices(
        departments=org.list_departments(db),
        people=org.list_people(db),
        areas=org.list_areas(db),
        risk_points=org.list_risk_point_refs(db),
        accident_types=list_accident_types(db),
        check_records=list_check_records(db),
        deadline_days_general=general,
        deadline_days_team=team,
    )


# --- reading one hidden danger ---------------------------------------------------------------------


def _get(session: Session, hidden_danger_id: int) -> HiddenDanger:
    row: HiddenDanger = get_or_raise(session, HiddenDanger, hidden_danger_id, "隐患")
    return row


def _plan_row(session: Session, hidden_danger_id: int) -> RemediationPlan | None:
    return session.exec(
        select(RemediationPlan).where(RemediationPlan.hidden_danger_id == hidden_danger_id)
    ).first()


def _accident_type_ids(session: Session, hidden_danger_id: int) -> tuple[int, ...]:
    links = session.exec(
        select(HiddenDangerAccidentType.accident_type_id).where(
            HiddenDangerAccidentType.hidden_danger_id == hidden_danger_id
        )
    ).all()
    return tuple(sorted(links))


def _draft_of(row: HiddenDanger, accident_type_ids: tuple[int, ...]) -> HiddenDangerDraft:
    return HiddenDangerDraft(
        **{f.name: getattr(row, f.name) for f in fields(HiddenDangerDraft) if f.name != "accident_type_ids"},
        accident_type_ids=accident_type_ids,
    )


def _facts(session: Session, row: HiddenDanger) -> LoopFacts:
    plan = _plan_row(session, row.id or 0)
    return LoopFacts(
        status=row.status,
        level=row.level,
        found_on=row.found_on,
        rectifier_id=row.rectifier_id,
        completed_on=row.completed_on,
        interim_measures=row.interim_measures,
        plan={key: getattr(plan, key) for key, _label in REMEDIATION_PLAN_ITEMS} if plan else None,
        post_evaluation=plan.post_evaluation if plan else "",
        post_evaluated_on=plan.post_evaluated_on if plan else None,
    )


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _name(session: Session, model: type[SQLModel], row_id: int | None) -> str:
    """The ``name`` of an area, risk point, department or person; "" when unset or gone."""
    row = session.get(model, row_id) if row_id is not None else None
    return str(getattr(row, "name", "")) if row is not None else ""


def get_detail(db: Database, hidden_danger_id: int, *, today: date) -> HiddenDangerDetail:
    """The hidden danger with its names, plan, photos and timeline. NotFoundError if it is gone."""
    with db.read_session() as s:
        row = _get(s, hidden_danger_id)
        type_ids = _accident_type_ids(s, hidden_danger_id)
        type_names = (
            s.exec(
                select(AccidentTypeRecord.name)
                .where(col(AccidentTypeRecord.id).in_(type_ids))
                .order_by(col(AccidentTypeRecord.sort_order))
            ).all()
            if type_ids
            else []
        )
        plan = _plan_row(s, hidden_danger_id)
        plan_info = (
            RemediationPlanInfo(
                **{f.name: getattr(plan, f.name) for f in fields(RemediationPlanInfo)},
            )
            if plan
            else None
        )
        photos = s.exec(
            select(Photo).where(Photo.hidden_danger_id == hidden_danger_id).order_by(col(Photo.id))
        ).all()
        events = s.exec(
            select(HiddenDangerEvent)
            .where(HiddenDangerEvent.hidden_danger_id == hidden_danger_id)
            .order_by(col(HiddenDangerEvent.at), col(HiddenDangerEvent.id))
        ).all()
        record_text = ""
        if row.check_record_id is not None:
            record = s.get(CheckRecord, row.check_record_id)
            if record is not None:
                place = _name(s, Area, record.area_id) or _name(s, Department, record.department_id)
                record_text = CheckRecordRef(
                    record.id or 0, record.checked_on, record.check_type, record.checker_names, place
                ).text
        return HiddenDangerDetail(
            id=row.id or 0,
            number=row.number,
            draft=_draft_of(row, type_ids),
            status=row.status,
            is_immediate=row.is_immediate,
            completed_on=row.completed_on,
            acceptor_id=row.acceptor_id,
            accepted_on=row.accepted_on,
            acceptance_conclusion=row.acceptance_conclusion,
            void_reason=row.void_reason,
            reported_to=row.reported_to,
            reported_on=row.reported_on,
            area_name=_name(s, Area, row.area_id),
            risk_point_name=_name(s, RiskPoint, row.risk_point_id),
            department_name=_name(s, Department, row.responsible_department_id),
            rectifier_name=_name(s, Person, row.rectifier_id),
            acceptor_name=_name(s, Person, row.acceptor_id),
            check_record_text=record_text,
            accident_type_names=tuple(type_names),
            plan=plan_info,
            photos=tuple(photo_service.photo_info(db, p) for p in photos),
            events=tuple(
                EventInfo(e.id or 0, _utc(e.at), e.actor, e.action, e.from_status, e.to_status, e.remark)
                for e in events
            ),
            is_overdue=is_overdue(row.status, row.deadline, today),
            days_left=days_left(row.status, row.deadline, today),
            created_at=_utc(row.created_at),
            updated_at=_utc(row.updated_at),
        )


# --- writes ----------------------------------------------------------------------------------------

_DRAFT_LABELS = {
    "found_on": "排查日期",
    "description": "隐患描述",
    "level": "隐患级别",
    "category": "隐患类别",
    "source": "来源",
    "source_detail": "来源说明",
    "check_record_id": "排查记录",
    "check_type": "排查类型",
    "finder_names": "排查人",
    "area_id": "区域",
    "risk_point_id": "风险点",
    "location": "部位",
    "owner_tier": "分级负责",
    "basis": "判定依据",
    "accident_type_ids": "事故类型",
    "rectification_measures": "整改措施",
    "responsible_department_id": "整改责任单位",
    "rectifier_id": "整改责任人",
    "deadline": "整改期限",
    "funds_fen": "整改资金",
    "interim_measures": "临时管控措施",
    "note": "备注",
}


def _clean(draft: HiddenDangerDraft) -> HiddenDangerDraft:
    """The draft with text trimmed (enums, being str too, are left alone) and duplicate ids merged."""
    values: dict[str, Any] = {}
    for f in fields(HiddenDangerDraft):
        value = getattr(draft, f.name)
        values[f.name] = value.strip() if type(value) is str else value
    values["accident_type_ids"] = tuple(sorted(set(draft.accident_type_ids)))
    if draft.source is not HiddenDangerSource.CHECK:
        values["check_record_id"] = None
    return HiddenDangerDraft(**values)


def _raise(problem: tuple[str, str] | str | None) -> None:
    if problem is None:
        return
    if isinstance(problem, tuple):
        field, message = problem
        raise ValidationError(message, field or None)
    raise ValidationError(problem)


def _check_references(session: Session, draft: HiddenDangerDraft) -> None:
    refs: list[tuple[type[Any], int | None, str, str]] = [
        (Area, draft.area_id, "区域", "area_id"),
        (RiskPoint, draft.risk_point_id, "风险点", "risk_point_id"),
        (Department, draft.responsible_department_id, "整改责任单位", "responsible_department_id"),
        (Person, draft.rectifier_id, "整改责任人", "rectifier_id"),
        (CheckRecord, draft.check_record_id, "排查记录", "check_record_id"),
    ]
    for model, row_id, label, field in refs:
        if row_id is not None and session.get(model, row_id) is None:
            raise ValidationError(f"所选{label}已不存在，请重新选择", field)
    for type_id in draft.accident_type_ids:
        if session.get(AccidentTypeRecord, type_id) is None:
            raise ValidationError("所选事故类型已不存在，请重新选择", "accident_type_ids")


def _set_accident_types(session: Session, hidden_danger_id: int, wanted: tuple[int, ...]) -> None:
    existing = {
        link.accident_type_id: link
        for link in session.exec(
            select(HiddenDangerAccidentType).where(
                HiddenDangerAccidentType.hidden_danger_id == hidden_danger_id
            )
        ).all()
    }
    for type_id, link in existing.items():
        if type_id not in wanted:
            session.delete(link)
    for type_id in set(wanted) - existing.keys():
        session.add(HiddenDangerAccidentType(hidden_danger_id=hidden_danger_id, accident_type_id=type_id))


def _next_number(session: Session, year: int) -> str:
    prefix = stored_settings.read(session, settings.HIDDEN_DANGER_NUMBER_PREFIX)
    head = f"{prefix}-{year}-"
    serial = func.cast(func.substr(col(HiddenDanger.number), len(head) + 1), Integer)
    # A range on the unique index rather than LIKE, which SQLite would not serve from it.
    latest = session.exec(
        select(func.max(serial)).where(col(HiddenDanger.number) > head, col(HiddenDanger.number) < head + "~")
    ).one()
    return format_number(year, int(latest or 0) + 1, prefix=prefix)


def _event(
    session: Session,
    row: HiddenDanger,
    action: EventAction,
    actor: str,
    *,
    to: HiddenDangerStatus | None = None,
    remark: str = "",
) -> None:
    """Add a timeline event; with ``to`` the row moves to that status."""
    from_status = row.status if to is not None else None
    if to is not None:
        row.status = to
    row.updated_at = utcnow()
    session.add(row)
    session.add(
        HiddenDangerEvent(
            hidden_danger_id=row.id or 0,
            actor=actor,
            action=action.value,
            from_status=from_status,
            to_status=to,
            remark=remark,
        )
    )


def _audit(
    session: Session,
    row: HiddenDanger,
    actor: str,
    action: str,
    what: str,
    changes: Mapping[str, Any] | None = None,
) -> None:
    audit.record(
        session,
        actor=actor,
        action=action,
        entity="hidden_danger",
        entity_id=row.id,
        summary=f"{row.number} {what}",
        changes=changes,
    )


def register_in(
    session: Session,
    draft: HiddenDangerDraft,
    *,
    actor: str,
    today: date,
    immediate: bool = False,
) -> HiddenDanger:
    """登记 a hidden danger inside the caller's transaction (e.g. a check record whose failed item it
    is) and return its row, flushed so it has its id and number. Same rules, timeline and audit as
    :func:`register`; photos are the caller's to attach.
    """
    draft = _clean(draft)
    _raise(draft_problem(draft, today))
    if immediate:
        _raise(immediate_problem(draft))
    _check_references(session, draft)
    values = {
        f.name: getattr(draft, f.name) for f in fields(HiddenDangerDraft) if f.name != "accident_type_ids"
    }
    row = HiddenDanger(**values, number=_next_number(session, draft.found_on.year), is_immediate=immediate)
    session.add(row)
    session.flush()
    assert row.id is not None
    _set_accident_types(session, row.id, draft.accident_type_ids)
    source = draft.source.label + (f"（{draft.source_detail}）" if draft.source_detail else "")
    session.add(
        HiddenDangerEvent(
            hidden_danger_id=row.id,
            actor=actor,
            action=EventAction.REGISTER.value,
            to_status=_S.PENDING,
            remark=f"来源：{source}",
        )
    )
    if immediate:
        row.completed_on = draft.found_on
        _event(
            session,
            row,
            EventAction.IMMEDIATE,
            actor,
            to=_S.AWAITING_ACCEPTANCE,
            remark=draft.rectification_measures,
        )
    kind = "（立即整改）" if immediate else ""
    _audit(
        session,
        row,
        actor,
        "create",
        f"登记{draft.level.label}{kind}：{draft.description[:40]}",
        audit.diff({}, values),
    )
    session.flush()
    return row


def register(
    db: Database,
    draft: HiddenDangerDraft,
    *,
    actor: str,
    immediate: bool = False,
    photos: Sequence[PreparedPhoto] = (),
    today: date | None = None,
) -> HiddenDangerDetail:
    """登记 a hidden danger under the next number of its year (YH-2026-0001…), with its before photos.

    ``immediate`` (立即整改, 一般隐患 only) records that it was put right on the spot: it goes
    straight to 待验收, where an acceptor other than the rectifier still has to accept it.
    """
    today = today or date.today()
    cleaned = _clean(draft)
    _raise(draft_problem(cleaned, today))
    if immediate:
        _raise(immediate_problem(cleaned))
    with photo_service.staged_files(db) as files, db.session() as s:
        row = register_in(s, draft, actor=actor, today=today, immediate=immediate)
        assert row.id is not None
        if photos:
            photo_service.attach(s, files, row.id, PhotoStage.BEFORE, photos)
        new_id = row.id
    return get_detail(db, new_id, today=today)


def update(
    db: Database, hidden_danger_id: int, draft: HiddenDangerDraft, *, actor: str, today: date | None = None
) -> HiddenDangerDetail:
    """Correct the registered fields of an open hidden danger (level only while 待整改)."""
    today = today or date.today()
    draft = _clean(draft)
    _raise(draft_problem(draft, today))
    with db.session() as s:
        row = _get(s, hidden_danger_id)
        _raise(update_problem(_facts(s, row), draft))
        _check_references(s, draft)
        old_types = _accident_type_ids(s, hidden_danger_id)
        new = {
            f.name: getattr(draft, f.name) for f in fields(HiddenDangerDraft) if f.name != "accident_type_ids"
        }
        old = {key: getattr(row, key) for key in new}
        changes = audit.diff(old, new)
        for key, value in new.items():
            setattr(row, key, value)
        if old_types != draft.accident_type_ids:
            changes["accident_type_ids"] = [list(old_types), list(draft.accident_type_ids)]
            _set_accident_types(s, hidden_danger_id, draft.accident_type_ids)
        if not changes:
            return get_detail(db, hidden_danger_id, today=today)
        changed = "、".join(_DRAFT_LABELS.get(key, key) for key in changes)
        _event(s, row, EventAction.UPDATE, actor, remark=f"修改了：{changed}")
        _audit(s, row, actor, "update", f"修改隐患信息（{changed}）", changes)
    return get_detail(db, hidden_danger_id, today=today)


def start_rectification(
    db: Database,
    hidden_danger_id: int,
    data: StartInput = StartInput(),
    *,
    actor: str,
    today: date | None = None,
) -> HiddenDangerDetail:
    """待整改 → 整改中. A 重大隐患 needs its complete 治理方案 and interim measures first."""
    today = today or date.today()
    with db.session() as s:
        row = _get(s, hidden_danger_id)
        changes: dict[str, Any] = {}
        if data.interim_measures is not None and data.interim_measures.strip() != row.interim_measures:
            changes["interim_measures"] = [row.interim_measures, data.interim_measures.strip()]
            row.interim_measures = data.interim_measures.strip()
        _raise(start_problem(_facts(s, row)))
        remark = data.remark.strip() or (
            f"临时管控措施：{row.interim_measures}" if row.interim_measures else ""
        )
        changes["status"] = [row.status.value, _S.RECTIFYING.value]
        _event(s, row, EventAction.START, actor, to=_S.RECTIFYING, remark=remark)
        _audit(s, row, actor, "transition", "开始整改", changes)
    return get_detail(db, hidden_danger_id, today=today)


def submit_for_acceptance(
    db: Database, hidden_danger_id: int, data: CompletionInput, *, actor: str, today: date | None = None
) -> HiddenDangerDetail:
    """整改中 → 待验收: the rectifier reports the work done, with the measures taken and after photos."""
    today = today or date.today()
    with photo_service.staged_files(db) as files, db.session() as s:
        row = _get(s, hidden_danger_id)
        _raise(submit_problem(_facts(s, row), data.completed_on, data.rectification_measures, today))
        if data.funds_fen is not None and not 0 <= data.funds_fen <= 100_000_000_000:
            raise ValidationError("整改资金应为 0 到 10 亿元之间的金额", "funds_fen")
        changes = audit.diff(
            {
                "rectification_measures": row.rectification_measures,
                "funds_fen": row.funds_fen,
                "completed_on": row.completed_on,
                "status": row.status.value,
            },
            {
                "rectification_measures": data.rectification_measures.strip(),
                "funds_fen": data.funds_fen,
                "completed_on": data.completed_on,
                "status": _S.AWAITING_ACCEPTANCE.value,
            },
        )
        row.rectification_measures = data.rectification_measures.strip()
        row.funds_fen = data.funds_fen
        row.completed_on = data.completed_on
        if data.photos:
            photo_service.attach(s, files, hidden_danger_id, PhotoStage.AFTER, data.photos)
        remark = data.remark.strip() or row.rectification_measures
        if data.photos:
            remark += f"（附整改后照片 {len(data.photos)} 张）"
        _event(s, row, EventAction.SUBMIT, actor, to=_S.AWAITING_ACCEPTANCE, remark=remark)
        _audit(s, row, actor, "transition", "整改完成，报请验收", changes)
    return get_detail(db, hidden_danger_id, today=today)


def accept(
    db: Database, hidden_danger_id: int, data: AcceptanceInput, *, actor: str, today: date | None = None
) -> HiddenDangerDetail:
    """待验收 → 已销号. The acceptor is never the rectifier; a 重大隐患 needs its 治理后评估."""
    today = today or date.today()
    with photo_service.staged_files(db) as files, db.session() as s:
        row = _get(s, hidden_danger_id)
        _raise(acceptance_problem(_facts(s, row), data.acceptor_id, data.accepted_on, data.conclusion, today))
        acceptor = s.get(Person, data.acceptor_id)
        if acceptor is None:
            raise ValidationError("所选验收人已不存在，请重新选择", "acceptor_id")
        row.acceptor_id = data.acceptor_id
        row.accepted_on = data.accepted_on
        row.acceptance_conclusion = data.conclusion.strip()
        if data.photos:
            photo_service.attach(s, files, hidden_danger_id, PhotoStage.ACCEPTANCE, data.photos)
        _event(
            s,
            row,
            EventAction.ACCEPT,
            actor,
            to=_S.CLOSED,
            remark=f"验收人：{acceptor.name}；{row.acceptance_conclusion}",
        )
        _audit(
            s,
            row,
            actor,
            "transition",
            f"验收通过，销号（验收人 {acceptor.name}）",
            {
                "status": [_S.AWAITING_ACCEPTANCE.value, _S.CLOSED.value],
                "acceptor_id": [None, acceptor.id],
                "accepted_on": [None, data.accepted_on.isoformat()],
            },
        )
    return get_detail(db, hidden_danger_id, today=today)


def reject(
    db: Database, hidden_danger_id: int, data: RejectionInput, *, actor: str, today: date | None = None
) -> HiddenDangerDetail:
    """验收不通过: 待验收 → 整改中, with the reason and optionally a new deadline."""
    today = today or date.today()
    with db.session() as s:
        row = _get(s, hidden_danger_id)
        _raise(rejection_problem(_facts(s, row), data.reason, data.new_deadline))
        changes: dict[str, Any] = {
            "status": [row.status.value, _S.RECTIFYING.value],
            "completed_on": [row.completed_on, None],
        }
        remark = data.reason.strip()
        if data.new_deadline is not None and data.new_deadline != row.deadline:
            changes["deadline"] = [row.deadline, data.new_deadline]
            remark += f"（整改期限调整为 {data.new_deadline.isoformat()}）"
            row.deadline = data.new_deadline
        row.completed_on = None
        _event(s, row, EventAction.REJECT, actor, to=_S.RECTIFYING, remark=remark)
        _audit(s, row, actor, "transition", "验收不通过，退回整改", changes)
    return get_detail(db, hidden_danger_id, today=today)


def void(
    db: Database, hidden_danger_id: int, reason: str, *, actor: str, today: date | None = None
) -> HiddenDangerDetail:
    """作废 a record entered by mistake. It stays in the ledger, marked 已作废, with the reason."""
    today = today or date.today()
    with db.session() as s:
        row = _get(s, hidden_danger_id)
        _raise(void_problem(row.status, reason))
        changes = {"status": [row.status.value, _S.VOID.value], "void_reason": ["", reason.strip()]}
        row.void_reason = reason.strip()
        _event(s, row, EventAction.VOID, actor, to=_S.VOID, remark=row.void_reason)
        _audit(s, row, actor, "void", f"作废：{row.void_reason}", changes)
    return get_detail(db, hidden_danger_id, today=today)


def save_remediation_plan(
    db: Database, hidden_danger_id: int, plan: RemediationPlanInput, *, actor: str, today: date | None = None
) -> HiddenDangerDetail:
    """Create or change the 治理方案 of a 重大隐患 (may be incomplete only while 待整改)."""
    today = today or date.today()
    items = plan.items()
    with db.session() as s:
        row = _get(s, hidden_danger_id)
        _raise(plan_problem(_facts(s, row), items))
        existing = _plan_row(s, hidden_danger_id)
        record = existing or RemediationPlan(hidden_danger_id=hidden_danger_id)
        changes = audit.diff({key: getattr(record, key) for key in items}, items)
        if existing is not None and not changes:
            return get_detail(db, hidden_danger_id, today=today)
        for key, value in items.items():
            setattr(record, key, value)
        record.updated_at = utcnow()
        s.add(record)
        missing = [label for key, label in REMEDIATION_PLAN_ITEMS if not items[key]]
        state = f"尚缺：{'、'.join(missing)}" if missing else "五到位内容齐全"
        _event(s, row, EventAction.PLAN, actor, remark=f"{'修改' if existing else '制定'}治理方案，{state}")
        _audit(s, row, actor, "plan", f"{'修改' if existing else '制定'}治理方案", changes)
    return get_detail(db, hidden_danger_id, today=today)


def record_report_to_authority(
    db: Database, hidden_danger_id: int, data: ReportInput, *, actor: str, today: date | None = None
) -> HiddenDangerDetail:
    """Record when and to whom a 重大隐患 was reported (a later report replaces the date shown)."""
    today = today or date.today()
    with db.session() as s:
        row = _get(s, hidden_danger_id)
        _raise(report_problem(_facts(s, row), data.reported_to, data.reported_on, today))
        changes = audit.diff(
            {"reported_to": row.reported_to, "reported_on": row.reported_on},
            {"reported_to": data.reported_to.strip(), "reported_on": data.reported_on},
        )
        row.reported_to = data.reported_to.strip()
        row.reported_on = data.reported_on
        _event(
            s,
            row,
            EventAction.REPORT,
            actor,
            remark=f"{data.reported_on.isoformat()} 已报告{row.reported_to}",
        )
        _audit(s, row, actor, "report", f"记录上报：{row.reported_to}", changes)
    return get_detail(db, hidden_danger_id, today=today)


def record_post_evaluation(
    db: Database, hidden_danger_id: int, data: PostEvaluationInput, *, actor: str, today: date | None = None
) -> HiddenDangerDetail:
    """治理后评估 of a 重大隐患 whose rectification is done (needed before it can be accepted)."""
    today = today or date.today()
    with db.session() as s:
        row = _get(s, hidden_danger_id)
        _raise(post_evaluation_problem(_facts(s, row), data.text, data.evaluated_on, today))
        plan = _plan_row(s, hidden_danger_id)
        if plan is None:  # a plan is needed to start, so this only happens with hand-made data
            raise ConflictError("该重大隐患没有治理方案，无法记录治理后评估")
        changes = audit.diff(
            {"post_evaluation": plan.post_evaluation, "post_evaluated_on": plan.post_evaluated_on},
            {"post_evaluation": data.text.strip(), "post_evaluated_on": data.evaluated_on},
        )
        plan.post_evaluation = data.text.strip()
        plan.post_evaluated_on = data.evaluated_on
        plan.updated_at = utcnow()
        s.add(plan)
        _event(s, row, EventAction.POST_EVALUATION, actor, remark=plan.post_evaluation)
        _audit(s, row, actor, "evaluate", "治理后评估", changes)
    return get_detail(db, hidden_danger_id, today=today)
