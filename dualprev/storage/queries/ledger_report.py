"""Reads behind the hidden-danger exports (台账, 统计表, 通知单, 验收单, 重大隐患报告): the ledger rows
of a selection of hidden dangers with everything printed beside them, in a few bulk queries (never
one per row), and the names a desensitised ledger must mask."""

from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, and_, func, or_
from sqlalchemy import select as sa_select
from sqlalchemy.sql.expression import FromClause
from sqlmodel import Session, SQLModel, col, select

from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import HiddenDangerLevel, HiddenDangerStatus, PhotoStage
from dualprev.storage.models import CheckRecord, Person
from dualprev.storage.queries.organisation import enterprise

_S = HiddenDangerStatus
_HD = SQLModel.metadata.tables["hidden_danger"]
_AREA = SQLModel.metadata.tables["area"]
_RP = SQLModel.metadata.tables["risk_point"]
_DEPT = SQLModel.metadata.tables["department"]
_RECTIFIER = SQLModel.metadata.tables["person"].alias("rectifier")
_ACCEPTOR = SQLModel.metadata.tables["person"].alias("acceptor")
_PLAN = SQLModel.metadata.tables["remediation_plan"]
_EVENT = SQLModel.metadata.tables["hidden_danger_event"]
_PHOTO = SQLModel.metadata.tables["photo"]
_LINK = SQLModel.metadata.tables["hidden_danger_accident_type"]
_TYPE = SQLModel.metadata.tables["accident_type"]

_ENTRY_COLUMNS = (
    _HD.c.id, _HD.c.number, _HD.c.found_on, _HD.c.description, _HD.c.level, _HD.c.category, _HD.c.status,
    _HD.c.source, _HD.c.source_detail, _HD.c.check_type, _HD.c.finder_names, _AREA.c.name, _RP.c.name,
    _HD.c.location, _HD.c.owner_tier, _HD.c.basis, _HD.c.rectification_measures, _DEPT.c.name,
    _RECTIFIER.c.name, _RECTIFIER.c.phone, _HD.c.deadline, _HD.c.funds_fen, _HD.c.interim_measures,
    _HD.c.is_immediate, _HD.c.completed_on, _ACCEPTOR.c.name, _HD.c.accepted_on,
    _HD.c.acceptance_conclusion, _HD.c.void_reason, _HD.c.reported_to, _HD.c.reported_on, _HD.c.note,
)  # fmt: skip

PLAN_FIELDS = (
    "goal_and_tasks", "methods_and_measures", "funds_and_materials", "organisation_and_people",
    "timeline_and_requirements", "safety_and_emergency", "post_evaluation", "post_evaluated_on",
)  # fmt: skip
"""The remediation plan fields of :attr:`LedgerRows.plans`."""


@dataclass(frozen=True)
class LedgerPhotoRow:
    stage: PhotoStage
    file_name: str
    thumb_name: str | None
    original_name: str


@dataclass(frozen=True)
class LedgerRows:
    """Selected hidden dangers by 排查日期 and number, with what is printed beside each, by id."""

    rows: Sequence[tuple[Any, ...]]
    """One tuple per hidden danger: id, number, found_on, description, level, category, status,
    source, source_detail, check_type, finder_names, area name, risk point name, location, owner_tier,
    basis, rectification_measures, department name, rectifier name and phone, deadline, funds_fen,
    interim_measures, is_immediate, completed_on, acceptor name, accepted_on, acceptance_conclusion,
    void_reason, reported_to, reported_on, note."""
    accident_types: dict[int, list[str]]
    status_changes: dict[int, list[tuple[datetime, HiddenDangerStatus]]]
    """When (UTC) each status was entered, in order."""
    plans: dict[int, dict[str, Any]]
    """The remediation plan, fields as :data:`PLAN_FIELDS` names them."""
    photos: dict[int, list[LedgerPhotoRow]]


def _source() -> FromClause:
    return (
        _HD.outerjoin(_AREA, _AREA.c.id == _HD.c.area_id)
        .outerjoin(_RP, _RP.c.id == _HD.c.risk_point_id)
        .outerjoin(_DEPT, _DEPT.c.id == _HD.c.responsible_department_id)
        .outerjoin(_RECTIFIER, _RECTIFIER.c.id == _HD.c.rectifier_id)
        .outerjoin(_ACCEPTOR, _ACCEPTOR.c.id == _HD.c.acceptor_id)
    )


def _entries_query(where: Sequence[ColumnElement[bool]]) -> Select[Any]:
    return (
        sa_select(*_ENTRY_COLUMNS).select_from(_source()).where(*where).order_by(_HD.c.found_on, _HD.c.number)
    )


def _with_details(conn: Connection, rows: Sequence[Any], ids: Any, *, photos: bool) -> LedgerRows:
    """``rows`` with what is printed beside them, read for the hidden dangers ``ids`` selects (a
    subquery or a list of ids) in a few bulk queries."""
    types: dict[int, list[str]] = defaultdict(list)
    for hd_id, name in conn.execute(
        sa_select(_LINK.c.hidden_danger_id, _TYPE.c.name)
        .join(_TYPE, _TYPE.c.id == _LINK.c.accident_type_id)
        .where(_LINK.c.hidden_danger_id.in_(ids))
        .order_by(_LINK.c.hidden_danger_id, _TYPE.c.sort_order, _TYPE.c.code)
    ):
        types[hd_id].append(name)
    changes: dict[int, list[tuple[datetime, HiddenDangerStatus]]] = defaultdict(list)
    for hd_id, at, status in conn.execute(
        sa_select(_EVENT.c.hidden_danger_id, _EVENT.c.at, _EVENT.c.to_status)
        .where(_EVENT.c.hidden_danger_id.in_(ids), _EVENT.c.to_status.is_not(None))
        .order_by(_EVENT.c.hidden_danger_id, _EVENT.c.at, _EVENT.c.id)
    ):
        changes[hd_id].append((at, status))
    plans: dict[int, dict[str, Any]] = {}
    for plan in conn.execute(
        sa_select(_PLAN.c.hidden_danger_id, *(_PLAN.c[f] for f in PLAN_FIELDS)).where(
            _PLAN.c.hidden_danger_id.in_(ids)
        )
    ):
        plans[plan[0]] = dict(zip(PLAN_FIELDS, plan[1:], strict=True))
    pictures: dict[int, list[LedgerPhotoRow]] = defaultdict(list)
    if photos:
        for hd_id, stage, file_name, thumb_name, original in conn.execute(
            sa_select(
                _PHOTO.c.hidden_danger_id, _PHOTO.c.stage, _PHOTO.c.file_name, _PHOTO.c.thumb_name,
                _PHOTO.c.original_name,
            )
            .where(_PHOTO.c.hidden_danger_id.in_(ids))
            .order_by(_PHOTO.c.id)
        ):  # fmt: skip
            pictures[hd_id].append(LedgerPhotoRow(stage, file_name, thumb_name, original))
    return LedgerRows(tuple(tuple(row) for row in rows), types, changes, plans, pictures)


def _ledger_rows(session: Session, where: Sequence[ColumnElement[bool]], *, photos: bool) -> LedgerRows:
    conn = session.connection()
    rows = conn.execute(_entries_query(where)).all()
    if not rows:
        return LedgerRows((), {}, {}, {}, {})
    ids = sa_select(_HD.c.id).where(*where).scalar_subquery()
    return _with_details(conn, rows, ids, photos=photos)


STREAM_BATCH = 1000
"""Hidden dangers read at a time by :func:`stream_found_between`."""


def stream_found_between(
    *, session: Session, start: date, end: date, photos: bool, batch: int | None = None
) -> Iterator[LedgerRows]:
    """:func:`found_between` a batch at a time, from one cursor read as it goes (a ledger of a
    hundred thousand rows is never held whole)."""
    conn = session.connection()
    result = conn.execution_options(yield_per=batch or STREAM_BATCH).execute(
        _entries_query(_found_between(start, end))
    )
    for rows in result.partitions():
        yield _with_details(conn, rows, [row[0] for row in rows], photos=photos)


def found_between_counts(*, session: Session, start: date, end: date) -> tuple[int, int]:
    """How many hidden dangers :func:`found_between` holds, and how many of them are voided."""
    voided = func.count().filter(_HD.c.status == _S.VOID.value)
    total, void = (
        session.connection().execute(sa_select(func.count(), voided).where(*_found_between(start, end))).one()
    )
    return int(total), int(void)


def _found_between(start: date, end: date) -> list[ColumnElement[bool]]:
    return [_HD.c.found_on >= start, _HD.c.found_on <= end]


def found_between(*, session: Session, start: date, end: date, photos: bool) -> LedgerRows:
    """Hidden dangers found from ``start`` to ``end`` (both included), voided ones too."""
    return _ledger_rows(session, _found_between(start, end), photos=photos)


def found_before_and_not_accepted(*, session: Session, start: date, as_of: date) -> LedgerRows:
    """Hidden dangers found before ``start``, not voided, and not closed with an acceptance on or
    before ``as_of`` (the candidates for "still open at the end of a period")."""
    still_open = or_(_HD.c.status != _S.CLOSED.value, _HD.c.accepted_on.is_(None), _HD.c.accepted_on > as_of)
    where = [_HD.c.found_on < start, _HD.c.status != _S.VOID.value, still_open]
    return _ledger_rows(session, where, photos=False)


def numbered(*, session: Session, number: str, photos: bool) -> LedgerRows:
    """The hidden danger with ``number`` (no rows when there is none)."""
    return _ledger_rows(session, [_HD.c.number == number], photos=photos)


def in_statuses(*, session: Session, statuses: Collection[HiddenDangerStatus]) -> LedgerRows:
    return _ledger_rows(session, [_HD.c.status.in_([s.value for s in statuses])], photos=False)


def responsible_department_names(*, session: Session, statuses: Collection[HiddenDangerStatus]) -> set[str]:
    """Names of the departments responsible for hidden dangers in ``statuses``; "" stands for those
    without a responsible department."""
    rows = session.connection().execute(
        sa_select(_DEPT.c.name)
        .select_from(_HD.outerjoin(_DEPT, _DEPT.c.id == _HD.c.responsible_department_id))
        .where(_HD.c.status.in_([s.value for s in statuses]))
        .distinct()
    )
    return {name or "" for (name,) in rows}


def check_record_counts(*, session: Session, start: date, end: date) -> dict[CheckType, int]:
    """Check records by check type, checked from ``start`` to ``end`` (both included)."""
    rows = session.exec(
        select(CheckRecord.check_type, func.count())
        .where(col(CheckRecord.checked_on) >= start, col(CheckRecord.checked_on) <= end)
        .group_by(col(CheckRecord.check_type))
    ).all()
    return {CheckType(kind): int(n) for kind, n in rows}


def hidden_danger_refs(
    *, session: Session, major_only: bool, include_void: bool
) -> Sequence[tuple[int, str, date, str, HiddenDangerLevel, HiddenDangerStatus]]:
    """``(id, number, found_on, description, level, status)`` of hidden dangers, newest first."""
    where: list[ColumnElement[bool]] = []
    if major_only:
        where.append(_HD.c.level == HiddenDangerLevel.MAJOR.value)
    if not include_void:
        where.append(_HD.c.status != _S.VOID.value)
    query = (
        sa_select(_HD.c.id, _HD.c.number, _HD.c.found_on, _HD.c.description, _HD.c.level, _HD.c.status)
        .where(and_(*where) if where else _HD.c.id.is_not(None))
        .order_by(_HD.c.found_on.desc(), _HD.c.number.desc())
    )
    return [(i, n, f, d, lv, st) for i, n, f, d, lv, st in session.connection().execute(query)]


@dataclass(frozen=True)
class NameTexts:
    """Where the names the database knows are written."""

    people: tuple[str, ...]
    """Every person's name, and the enterprise's principal and safety manager."""
    lists: tuple[str, ...]
    """Free-text lists of names (排查人 of hidden dangers, checkers of check records), distinct."""
    titles: tuple[tuple[str, str], ...] = ()
    """(name, 职务) of each person: their role, else their post's name, else "" (unknown)."""


def name_texts(*, session: Session) -> NameTexts:
    people = list(session.exec(select(Person.name)).all())
    post = SQLModel.metadata.tables["post"]
    person = SQLModel.metadata.tables["person"]
    titles = [
        (name, role or post_name or "")
        for name, role, post_name in session.connection().execute(
            sa_select(person.c.name, person.c.role, post.c.name).select_from(
                person.outerjoin(post, post.c.id == person.c.post_id)
            )
        )
    ]
    profile = enterprise(session=session)
    if profile is not None:
        people += [profile.principal_name, profile.safety_manager_name]
        titles += [(profile.principal_name, "主要负责人"), (profile.safety_manager_name, "安全管理人员")]
    lists = [
        finders or "" for (finders,) in session.connection().execute(sa_select(_HD.c.finder_names).distinct())
    ]
    lists += list(session.exec(select(CheckRecord.checker_names).distinct()).all())
    return NameTexts(tuple(people), tuple(lists), tuple(titles))
