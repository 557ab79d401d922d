"""Reads behind 证书, 作业许可, 有限空间台账, 应急预案 and 应急演练."""

from collections.abc import Sequence

from sqlmodel import Session, col, func, select

from dualprev.domain.certificates import CertificateKind
from dualprev.domain.permits import PermitKind
from dualprev.storage.models import (
    Certificate,
    ConfinedSpace,
    Department,
    Drill,
    DrillPhoto,
    EmergencyPlan,
    Person,
    WorkPermit,
)


def certificates(*, session: Session) -> Sequence[Certificate]:
    """Every certificate, soonest deadline first within each holder."""
    return session.exec(
        select(Certificate).order_by(col(Certificate.person_id), col(Certificate.expires_on))
    ).all()


def person_certificates(*, session: Session, person_id: int, kind: CertificateKind) -> Sequence[Certificate]:
    """The person's certificates of ``kind`` that are not void."""
    return session.exec(
        select(Certificate).where(
            col(Certificate.person_id) == person_id,
            col(Certificate.kind) == kind,
            col(Certificate.is_void).is_(False),
        )
    ).all()


def people_by_id(*, session: Session) -> dict[int, tuple[str, str]]:
    """Person id → (name, department name)."""
    departments = {d.id: d.name for d in session.exec(select(Department)).all()}
    return {
        p.id: (p.name, departments.get(p.department_id, "") if p.department_id else "")
        for p in session.exec(select(Person)).all()
        if p.id is not None
    }


def confined_spaces(*, session: Session) -> Sequence[ConfinedSpace]:
    return session.exec(select(ConfinedSpace).order_by(col(ConfinedSpace.id))).all()


def permits(*, session: Session) -> Sequence[WorkPermit]:
    """Every permit, newest work day first."""
    return session.exec(
        select(WorkPermit).order_by(col(WorkPermit.work_on).desc(), col(WorkPermit.id).desc())
    ).all()


def last_permit_number(*, session: Session, kind: PermitKind, year: int) -> str | None:
    prefix = f"{kind.number_prefix}-{year}-"
    return session.exec(
        select(func.max(WorkPermit.number)).where(col(WorkPermit.number).startswith(prefix))
    ).one()


def emergency_plans(*, session: Session) -> Sequence[EmergencyPlan]:
    return session.exec(select(EmergencyPlan).order_by(col(EmergencyPlan.kind), col(EmergencyPlan.id))).all()


def drills(*, session: Session) -> Sequence[Drill]:
    """Every drill, newest first."""
    return session.exec(select(Drill).order_by(col(Drill.held_on).desc(), col(Drill.id).desc())).all()


def drill_photos(*, session: Session, drill_id: int) -> Sequence[DrillPhoto]:
    return session.exec(
        select(DrillPhoto).where(col(DrillPhoto.drill_id) == drill_id).order_by(col(DrillPhoto.id))
    ).all()
