"""Read queries of 手机端: paired phones, pairing codes, request ids, reports awaiting review, and
the hidden dangers and check tasks one person has to deal with."""

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, func, select

from dualprev.domain.checks import CheckTaskStatus
from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.domain.phone import ReportStatus
from dualprev.storage.models import (
    CheckPlan,
    CheckTask,
    HiddenDanger,
    Person,
    PhoneDevice,
    PhonePairing,
    PhoneReport,
    PhoneReportPhoto,
    PhoneRequest,
)


def device_by_token_hash(*, session: Session, token_hash: str) -> PhoneDevice | None:
    return session.exec(select(PhoneDevice).where(PhoneDevice.token_hash == token_hash)).first()


def devices_with_people(*, session: Session) -> list[tuple[PhoneDevice, str]]:
    """Every paired phone (revoked ones too) with its person's name, newest first."""
    rows = session.exec(
        select(PhoneDevice, Person.name)
        .join(Person, col(Person.id) == col(PhoneDevice.person_id))
        .order_by(col(PhoneDevice.paired_at).desc(), col(PhoneDevice.id).desc())
    ).all()
    return [(device, name) for device, name in rows]


def open_pairings(*, session: Session, code: str, since: datetime) -> list[PhonePairing]:
    """Unused pairing codes equal to ``code`` made after ``since``, newest first."""
    return list(
        session.exec(
            select(PhonePairing)
            .where(
                PhonePairing.code == code,
                col(PhonePairing.used_at).is_(None),
                col(PhonePairing.created_at) >= since,
            )
            .order_by(col(PhonePairing.id).desc())
        ).all()
    )


def request_by_client_id(*, session: Session, client_id: str) -> PhoneRequest | None:
    return session.exec(select(PhoneRequest).where(PhoneRequest.client_id == client_id)).first()


def reports(*, session: Session, status: ReportStatus | None, limit: int) -> list[PhoneReport]:
    """Reports of ``status`` (all when None), newest first."""
    query = select(PhoneReport)
    if status is not None:
        query = query.where(PhoneReport.status == status)
    query = query.order_by(col(PhoneReport.created_at).desc(), col(PhoneReport.id).desc()).limit(limit)
    return list(session.exec(query).all())


def reports_of_person(*, session: Session, person_id: int, limit: int) -> list[PhoneReport]:
    return list(
        session.exec(
            select(PhoneReport)
            .where(PhoneReport.person_id == person_id)
            .order_by(col(PhoneReport.id).desc())
            .limit(limit)
        ).all()
    )


def count_reports(*, session: Session, status: ReportStatus) -> int:
    return int(
        session.exec(select(func.count()).select_from(PhoneReport).where(PhoneReport.status == status)).one()
    )


def report_photos(*, session: Session, report_ids: Sequence[int]) -> list[PhoneReportPhoto]:
    if not report_ids:
        return []
    return list(
        session.exec(
            select(PhoneReportPhoto)
            .where(col(PhoneReportPhoto.report_id).in_(report_ids))
            .order_by(col(PhoneReportPhoto.id))
        ).all()
    )


def hidden_dangers_to_rectify(*, session: Session, person_id: int) -> list[HiddenDanger]:
    """Open hidden dangers whose rectifier is ``person_id`` and that still wait for their work."""
    waiting = (HiddenDangerStatus.PENDING, HiddenDangerStatus.RECTIFYING)
    return list(
        session.exec(
            select(HiddenDanger)
            .where(HiddenDanger.rectifier_id == person_id, col(HiddenDanger.status).in_(waiting))
            .order_by(col(HiddenDanger.deadline), col(HiddenDanger.id))
        ).all()
    )


def hidden_dangers_awaiting_acceptance(*, session: Session, limit: int) -> list[HiddenDanger]:
    return list(
        session.exec(
            select(HiddenDanger)
            .where(HiddenDanger.status == HiddenDangerStatus.AWAITING_ACCEPTANCE)
            .order_by(col(HiddenDanger.updated_at), col(HiddenDanger.id))
            .limit(limit)
        ).all()
    )


def due_tasks_of(*, session: Session, person_id: int, limit: int) -> list[CheckTask]:
    """Due check tasks assigned to ``person_id`` (or to nobody, under a plan without assignee),
    most urgent first."""
    return list(
        session.exec(
            select(CheckTask)
            .join(CheckPlan, col(CheckPlan.id) == col(CheckTask.plan_id))
            .where(
                CheckTask.status == CheckTaskStatus.DUE,
                col(CheckPlan.is_active).is_(True),
                (col(CheckTask.assignee_id) == person_id) | col(CheckTask.assignee_id).is_(None),
            )
            .order_by(col(CheckTask.due_on), col(CheckTask.id))
            .limit(limit)
        ).all()
    )
