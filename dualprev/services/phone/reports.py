"""随手拍 / 隐患上报 from a phone: the report waits in 待审核 until the safety manager accepts it into
the ledger (through the hidden-danger registration, which gives it its number) or rejects it with
a reason the reporter sees. Workers' reports never reach the ledger without that review."""

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from dualprev.domain.hidden_danger import (
    HiddenDangerDraft,
    HiddenDangerLevel,
    HiddenDangerSource,
    PhotoStage,
)
from dualprev.domain.phone import LevelSuggestion, ReportStatus, rejection_reason_problem, report_problem
from dualprev.errors import ConflictError, NotFoundError, ValidationError
from dualprev.services import photo_service
from dualprev.services.hidden_dangers import choices, registration
from dualprev.services.hidden_dangers.detail import HiddenDangerDetail, get_detail
from dualprev.services.phone.devices import DeviceSession
from dualprev.services.photo_service import PreparedPhoto
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.files import FileStore
from dualprev.storage.models import Area, HiddenDanger, PhoneReport, PhoneReportPhoto, Photo, Post, utcnow
from dualprev.storage.queries import phone as queries
from dualprev.storage.repos import names_by_id


@dataclass(frozen=True)
class ReportInput:
    description: str
    location: str = ""
    post_id: int | None = None
    area_id: int | None = None
    level_suggestion: LevelSuggestion = LevelSuggestion.UNSURE
    photos: tuple[PreparedPhoto, ...] = ()


@dataclass(frozen=True)
class ReportPhoto:
    path: Path
    thumb_path: Path
    width: int
    height: int


@dataclass(frozen=True)
class ReportInfo:
    id: int
    reporter_name: str
    device_name: str
    description: str
    location: str
    post_id: int | None
    post_name: str
    area_id: int | None
    area_name: str
    level_suggestion: LevelSuggestion
    status: ReportStatus
    created_at: datetime
    reviewer: str
    reject_reason: str
    hidden_danger_id: int | None
    hidden_danger_number: str
    photos: tuple[ReportPhoto, ...]

    @property
    def place(self) -> str:
        return "，".join(p for p in (self.post_name, self.area_name, self.location) if p)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def submit_report(
    db: Database, device: DeviceSession, data: ReportInput, *, now: datetime | None = None
) -> int:
    """Put a phone's report into 待审核 with its photos; returns its id."""
    now = now or utcnow()
    problem = report_problem(
        data.description, data.location, bool(data.post_id or data.area_id), len(data.photos)
    )
    if problem:
        raise ValidationError(problem)
    with photo_service.staged_files(db) as files, db.session() as s:
        post = s.get(Post, data.post_id) if data.post_id is not None else None
        if data.post_id is not None and post is None:
            raise ValidationError("扫码得到的岗位已不存在，请重新扫码或选择区域")
        area_id = data.area_id if data.area_id is not None else (post.area_id if post else None)
        if data.area_id is not None and s.get(Area, data.area_id) is None:
            raise ValidationError("所选区域已不存在，请重新选择")
        report = PhoneReport(
            device_id=device.device_id,
            person_id=device.person_id,
            reporter_name=device.person_name[:50],
            device_name=device.device_name[:40],
            description=data.description.strip(),
            location=data.location.strip(),
            post_id=data.post_id,
            area_id=area_id,
            level_suggestion=data.level_suggestion,
            status=ReportStatus.PENDING,
            created_at=now,
        )
        s.add(report)
        s.flush()
        for photo in data.photos:
            s.add(
                PhoneReportPhoto(
                    report_id=report.id or 0,
                    file_name=files.put(photo.data, ".jpg"),
                    thumb_name=files.put(photo.thumbnail, ".jpg"),
                    width=photo.width,
                    height=photo.height,
                    original_name=photo.original_name,
                    taken_at=photo.taken_at,
                )
            )
        audit.record(
            s,
            actor=device.actor,
            action="create",
            entity="phone_report",
            entity_id=report.id,
            summary=f"手机上报隐患（待审核）：{report.description[:40]}（照片 {len(data.photos)} 张）",
        )
        return report.id or 0


def _infos(db: Database, rows: list[PhoneReport]) -> list[ReportInfo]:
    store = FileStore(db.files_dir)
    with db.read_session() as s:
        photos: dict[int, list[ReportPhoto]] = {}
        for p in queries.report_photos(session=s, report_ids=[r.id or 0 for r in rows]):
            photos.setdefault(p.report_id, []).append(
                ReportPhoto(
                    store.path(p.file_name), store.path(p.thumb_name or p.file_name), p.width, p.height
                )
            )
        areas = names_by_id(s, Area)
        posts = {p.id: p.name for p in (s.get(Post, r.post_id) for r in rows if r.post_id) if p is not None}
        numbers = {
            d.id: d.number
            for d in (s.get(HiddenDanger, r.hidden_danger_id) for r in rows if r.hidden_danger_id)
            if d is not None
        }
        return [
            ReportInfo(
                id=r.id or 0,
                reporter_name=r.reporter_name,
                device_name=r.device_name,
                description=r.description,
                location=r.location,
                post_id=r.post_id,
                post_name=posts.get(r.post_id, "") if r.post_id else "",
                area_id=r.area_id,
                area_name=areas.get(r.area_id or 0, ""),
                level_suggestion=r.level_suggestion,
                status=r.status,
                created_at=_utc(r.created_at),
                reviewer=r.reviewer,
                reject_reason=r.reject_reason,
                hidden_danger_id=r.hidden_danger_id,
                hidden_danger_number=numbers.get(r.hidden_danger_id, "") if r.hidden_danger_id else "",
                photos=tuple(photos.get(r.id or 0, ())),
            )
            for r in rows
        ]


def list_reports(
    db: Database, *, status: ReportStatus | None = ReportStatus.PENDING, limit: int = 500
) -> list[ReportInfo]:
    """Reports of ``status`` (default 待审核; None: all), newest first."""
    with db.read_session() as s:
        rows = queries.reports(session=s, status=status, limit=limit)
    return _infos(db, rows)


def reports_of(db: Database, person_id: int, *, limit: int = 30) -> list[ReportInfo]:
    """What one person reported, newest first (the phone shows how each was handled)."""
    with db.read_session() as s:
        rows = queries.reports_of_person(session=s, person_id=person_id, limit=limit)
    return _infos(db, rows)


def get_report(db: Database, report_id: int) -> ReportInfo:
    with db.read_session() as s:
        row = s.get(PhoneReport, report_id)
        if row is None:
            raise NotFoundError("该上报记录不存在")
    return _infos(db, [row])[0]


def pending_count(db: Database) -> int:
    """How many reports wait in 待审核 (the navigation's badge)."""
    with db.read_session() as s:
        return queries.count_reports(session=s, status=ReportStatus.PENDING)


def draft_for(db: Database, report_id: int, *, today: date) -> HiddenDangerDraft:
    """The hidden danger a report would become, for the reviewer to complete: what, where, who
    reported it, the suggested level and the default deadline; the rectifier is the post's
    responsible person when the report came from a scanned card."""
    report = get_report(db, report_id)
    level = (
        HiddenDangerLevel.MAJOR
        if report.level_suggestion is LevelSuggestion.MAJOR
        else HiddenDangerLevel.GENERAL
    )
    rectifier: int | None = None
    department: int | None = None
    with db.read_session() as s:
        post = s.get(Post, report.post_id) if report.post_id else None
        if post is not None:
            rectifier, department = post.responsible_person_id, post.department_id
    location = report.location or report.post_name
    return HiddenDangerDraft(
        found_on=min(report.created_at.astimezone().date(), today),
        description=report.description,
        level=level,
        source=HiddenDangerSource.WORKER_REPORT,
        source_detail="手机上报",
        finder_names=report.reporter_name,
        area_id=report.area_id,
        location=location,
        responsible_department_id=department,
        rectifier_id=rectifier,
        deadline=choices.suggested_deadline(db, today, level, None),
    )


def accept_report(
    db: Database,
    report_id: int,
    draft: HiddenDangerDraft,
    *,
    actor: str,
    today: date,
    now: datetime | None = None,
) -> HiddenDangerDetail:
    """Register the report as a hidden danger (next number, with the report's photos as 整改前
    photos) and mark it 已登记; all in one transaction."""
    now = now or utcnow()
    with db.session() as s:
        report = s.get(PhoneReport, report_id)
        if report is None:
            raise NotFoundError("该上报记录不存在")
        if report.status is not ReportStatus.PENDING:
            raise ConflictError(f"该上报已经{report.status.label}，不能重复审核")
        draft = replace(
            draft,
            source=HiddenDangerSource.WORKER_REPORT,
            finder_names=draft.finder_names.strip() or report.reporter_name,
        )
        danger = registration.register_in(s, draft, actor=actor, today=today, now=now)
        for p in queries.report_photos(session=s, report_ids=[report_id]):
            s.add(
                Photo(
                    file_name=p.file_name,
                    thumb_name=p.thumb_name,
                    width=p.width,
                    height=p.height,
                    original_name=p.original_name,
                    stage=PhotoStage.BEFORE,
                    hidden_danger_id=danger.id,
                    taken_at=p.taken_at,
                    created_at=now,
                )
            )
        report.status = ReportStatus.ACCEPTED
        report.reviewed_at = now
        report.reviewer = actor[:50]
        report.hidden_danger_id = danger.id
        s.add(report)
        audit.record(
            s,
            actor=actor,
            action="accept",
            entity="phone_report",
            entity_id=report_id,
            summary=f"手机上报审核通过，登记为 {danger.number}（上报人 {report.reporter_name}）",
        )
        danger_id = danger.id or 0
    return get_detail(db, danger_id, today=today)


def reject_report(
    db: Database, report_id: int, reason: str, *, actor: str, now: datetime | None = None
) -> None:
    """退回 a report with a reason the reporter sees; nothing enters the ledger."""
    problem = rejection_reason_problem(reason)
    if problem:
        raise ValidationError(problem, "reason")
    with db.session() as s:
        report = s.get(PhoneReport, report_id)
        if report is None:
            raise NotFoundError("该上报记录不存在")
        if report.status is not ReportStatus.PENDING:
            raise ConflictError(f"该上报已经{report.status.label}，不能重复审核")
        report.status = ReportStatus.REJECTED
        report.reviewed_at = now or utcnow()
        report.reviewer = actor[:50]
        report.reject_reason = reason.strip()
        s.add(report)
        audit.record(
            s,
            actor=actor,
            action="reject",
            entity="phone_report",
            entity_id=report_id,
            summary=f"手机上报退回：{reason.strip()[:60]}（上报人 {report.reporter_name}）",
        )
