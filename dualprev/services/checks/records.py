"""排查记录 read back: one recorded check with every result, its photos and the hidden dangers it
opened, and the record list of a period with its counts."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from dualprev.domain.checks import CheckResult, CheckType
from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.domain.risk import RiskLevel
from dualprev.services import photo_service
from dualprev.services.checks.common import as_utc, place_text
from dualprev.services.checks.items import item_rows
from dualprev.services.photo_service import PhotoInfo
from dualprev.services.risks import levels
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Area, CheckRecord, Department
from dualprev.storage.queries import checks as queries
from dualprev.storage.repos import get_or_raise, names_by_id


@dataclass(frozen=True)
class ResultRow:
    id: int
    item_text: str
    standard_text: str
    result: CheckResult
    remark: str
    check_item_id: int | None
    risk_point_id: int | None
    risk_point_text: str
    place: str
    level: RiskLevel | None
    hidden_danger_id: int | None
    hidden_danger_number: str
    hidden_danger_status: HiddenDangerStatus | None
    photos: tuple[PhotoInfo, ...]


@dataclass(frozen=True)
class CheckRecordDetail:
    """A recorded check with every result and the hidden dangers it opened."""

    id: int
    checked_on: date
    check_type: CheckType
    checker_names: str
    plan_id: int | None
    plan_name: str
    task_id: int | None
    task_due_on: date | None
    department_name: str
    area_name: str
    summary: str
    created_at: datetime
    results: tuple[ResultRow, ...]

    @property
    def place(self) -> str:
        return self.area_name or self.department_name

    def count(self, result: CheckResult) -> int:
        return sum(1 for r in self.results if r.result is result)

    @property
    def danger_numbers(self) -> tuple[str, ...]:
        return tuple(r.hidden_danger_number for r in self.results if r.hidden_danger_number)


@dataclass(frozen=True)
class CheckRecordRow:
    """A check record as the record list shows it."""

    id: int
    checked_on: date
    check_type: CheckType
    plan_id: int | None
    plan_name: str
    place: str
    checker_names: str
    item_count: int
    passed: int
    failed: int
    not_applicable: int
    danger_numbers: tuple[str, ...]
    summary: str


def record_details(db: Database, session: Session, records: Sequence[CheckRecord]) -> list[CheckRecordDetail]:
    """``records`` in their order, each with its results, their photos and hidden dangers."""
    if not records:
        return []
    point_levels = levels.risk_point_levels(db)
    ids = [r.id or 0 for r in records]
    plans = queries.plan_names(session=session)
    departments, areas = names_by_id(session, Department), names_by_id(session, Area)
    tasks = queries.tasks_by_record(session=session, record_ids=ids)
    results = queries.results_of_records(session=session, record_ids=ids)
    item_ids = {r.check_item_id for r in results if r.check_item_id is not None}
    items = {
        row.id: row for row in item_rows(session, queries.items_by_ids(session=session, ids=item_ids), point_levels)
    } if item_ids else {}  # fmt: skip
    dangers = queries.hidden_dangers_by_id(
        session=session, ids={r.hidden_danger_id for r in results if r.hidden_danger_id is not None}
    )
    points = queries.risk_points_by_id(session=session)
    photos: dict[int, list[PhotoInfo]] = defaultdict(list)
    for photo in queries.photos_of_results(session=session, result_ids=[r.id or 0 for r in results]):
        photos[photo.check_result_id or 0].append(photo_service.photo_info(db, photo))
    by_record: dict[int, list[ResultRow]] = defaultdict(list)
    for r in results:
        item = items.get(r.check_item_id) if r.check_item_id is not None else None
        danger = dangers.get(r.hidden_danger_id) if r.hidden_danger_id is not None else None
        rp_id = (
            item.risk_point_id if item is not None else (danger.risk_point_id if danger is not None else None)
        )
        point = points.get(rp_id) if rp_id is not None else None
        by_record[r.record_id].append(
            ResultRow(
                id=r.id or 0,
                item_text=r.item_text,
                standard_text=r.standard_text,
                result=r.result,
                remark=r.remark,
                check_item_id=r.check_item_id,
                risk_point_id=rp_id,
                risk_point_text=f"{point.code} {point.name}".strip() if point else "",
                place=place_text(item.area_name if item else "", point.location if point else ""),
                level=(item.level if item is not None else None)
                or (point_levels.get(rp_id) if rp_id else None),
                hidden_danger_id=r.hidden_danger_id,
                hidden_danger_number=danger.number if danger is not None else "",
                hidden_danger_status=danger.status if danger is not None else None,
                photos=tuple(photos.get(r.id or 0, [])),
            )
        )
    details: list[CheckRecordDetail] = []
    for record in records:
        task = tasks.get(record.id or 0)
        details.append(
            CheckRecordDetail(
                id=record.id or 0,
                checked_on=record.checked_on,
                check_type=record.check_type,
                checker_names=record.checker_names,
                plan_id=record.plan_id,
                plan_name=plans.get(record.plan_id, "") if record.plan_id else "",
                task_id=task.id if task is not None else None,
                task_due_on=task.due_on if task is not None else None,
                department_name=departments.get(record.department_id or 0, ""),
                area_name=areas.get(record.area_id or 0, ""),
                summary=record.summary,
                created_at=as_utc(record.created_at),
                results=tuple(by_record.get(record.id or 0, [])),
            )
        )
    return details


def get_record(db: Database, record_id: int) -> CheckRecordDetail:
    """A check record with its results, photos and the hidden dangers it opened."""
    with db.read_session() as s:
        return record_details(db, s, [get_or_raise(s, CheckRecord, record_id, "排查记录")])[0]


def query_records(
    db: Database,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    plan_id: int | None = None,
    limit: int | None = None,
) -> list[CheckRecordRow]:
    """Check records of a period (both ends included), newest first, with their counts."""
    with db.read_session() as s:
        records = queries.find_records(
            session=s, date_from=date_from, date_to=date_to, plan_id=plan_id, newest_first=True, limit=limit
        )
        if not records:
            return []
        ids = [r.id or 0 for r in records]
        counts = queries.result_counts_by_record(session=s, record_ids=ids)
        numbers = queries.danger_numbers_by_record(session=s, record_ids=ids)
        plans = queries.plan_names(session=s)
        departments, areas = names_by_id(s, Department), names_by_id(s, Area)
        rows: list[CheckRecordRow] = []
        for r in records:
            record_counts = counts.get(r.id or 0, {})
            rows.append(
                CheckRecordRow(
                    id=r.id or 0,
                    checked_on=r.checked_on,
                    check_type=r.check_type,
                    plan_id=r.plan_id,
                    plan_name=plans.get(r.plan_id, "") if r.plan_id else "",
                    place=areas.get(r.area_id or 0, "") or departments.get(r.department_id or 0, ""),
                    checker_names=r.checker_names,
                    item_count=sum(record_counts.values()),
                    passed=record_counts.get(CheckResult.PASS, 0),
                    failed=record_counts.get(CheckResult.FAIL, 0),
                    not_applicable=record_counts.get(CheckResult.NOT_APPLICABLE, 0),
                    danger_numbers=tuple(numbers.get(r.id or 0, [])),
                    summary=r.summary,
                )
            )
        return rows
