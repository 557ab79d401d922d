"""证书: special-operation and special-equipment certificates per person — create, edit, void, list
with their status on a day, the 首页 reminders, and the check a permit's worker must pass."""

from dataclasses import asdict, dataclass
from datetime import date

from dualprev.domain.certificates import (
    CertificateFacts,
    CertificateKind,
    CertificateStatus,
    certificate_problems,
    certificate_status,
    deadline,
    held_certificate_problem,
)
from dualprev.services.work_safety.common import fields_of, get_row, raise_problems, void_reason, write_audit
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Certificate, Person
from dualprev.storage.queries import work_safety as queries

_FIELDS = ("person_id", "kind", "number", "issuer", "issued_on", "expires_on", "review_due_on", "note")


@dataclass(frozen=True)
class CertificateInput:
    person_id: int | None
    kind: CertificateKind
    number: str
    issuer: str
    issued_on: date
    expires_on: date
    review_due_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class CertificateRow:
    id: int
    person_id: int
    person_name: str
    department: str
    kind: CertificateKind
    number: str
    issuer: str
    issued_on: date
    expires_on: date
    review_due_on: date | None
    note: str
    void_reason: str
    status: CertificateStatus

    @property
    def is_void(self) -> bool:
        return self.status is CertificateStatus.VOID

    @property
    def deadline(self) -> date:
        return deadline(self.expires_on, self.review_due_on)

    def as_input(self) -> CertificateInput:
        return CertificateInput(
            self.person_id,
            self.kind,
            self.number,
            self.issuer,
            self.issued_on,
            self.expires_on,
            self.review_due_on,
            self.note,
        )


@dataclass(frozen=True)
class CertificateReminders:
    """首页: certificates already expired, and those running out within 30 and within 60 days."""

    expired: tuple[CertificateRow, ...]
    within_30: tuple[CertificateRow, ...]
    within_60: tuple[CertificateRow, ...]

    @property
    def total(self) -> int:
        return len(self.expired) + len(self.within_30) + len(self.within_60)


def list_certificates(db: Database, *, today: date, include_void: bool = True) -> list[CertificateRow]:
    """Every certificate with its holder and status on ``today``, by holder then deadline."""
    with db.read_session() as s:
        people = queries.people_by_id(session=s)
        rows = [_row(c, people, today) for c in queries.certificates(session=s)]
    rows.sort(key=lambda r: (r.person_name, r.deadline))
    return [r for r in rows if include_void or not r.is_void]


def _row(c: Certificate, people: dict[int, tuple[str, str]], today: date) -> CertificateRow:
    name, department = people.get(c.person_id, ("", ""))
    return CertificateRow(
        id=c.id or 0,
        person_id=c.person_id,
        person_name=name,
        department=department,
        kind=c.kind,
        number=c.number,
        issuer=c.issuer,
        issued_on=c.issued_on,
        expires_on=c.expires_on,
        review_due_on=c.review_due_on,
        note=c.note,
        void_reason=c.void_reason,
        status=certificate_status(c.expires_on, c.review_due_on, today=today, is_void=c.is_void),
    )


def reminders(db: Database, *, today: date) -> CertificateReminders:
    """What 首页 shows: expired, within 30 days, within 60 days (void ones left out)."""
    rows = list_certificates(db, today=today, include_void=False)
    by = {s: tuple(r for r in rows if r.status is s) for s in CertificateStatus}
    return CertificateReminders(
        by[CertificateStatus.EXPIRED], by[CertificateStatus.EXPIRING_SOON], by[CertificateStatus.EXPIRING]
    )


def _clean(data: CertificateInput) -> CertificateInput:
    return CertificateInput(
        data.person_id,
        data.kind,
        data.number.strip(),
        data.issuer.strip(),
        data.issued_on,
        data.expires_on,
        data.review_due_on,
        data.note.strip(),
    )


def save_certificate(db: Database, certificate_id: int | None, data: CertificateInput, *, actor: str) -> int:
    """Create (``certificate_id`` None) or change a certificate; returns its id."""
    data = _clean(data)
    facts = CertificateFacts(data.kind, data.number, data.issued_on, data.expires_on, data.review_due_on)
    raise_problems(certificate_problems(data.person_id, facts))
    with db.session() as s:
        person = get_row(s, Person, data.person_id or 0, "持证人")
        if certificate_id is None:
            row = Certificate(**asdict(data))
            before: dict[str, object] = {}
        else:
            row = get_row(s, Certificate, certificate_id, "证书")
            before = fields_of(row, _FIELDS)
            for name, value in asdict(data).items():
                setattr(row, name, value)
        s.add(row)
        s.flush()
        what = "登记" if certificate_id is None else "修改"
        write_audit(
            s,
            actor=actor,
            action="create" if certificate_id is None else "update",
            entity="certificate",
            entity_id=row.id,
            summary=f"{what}证书：{person.name} {data.kind.label} {data.number}",
            before=before,
            after=fields_of(row, _FIELDS),
        )
        return row.id or 0


def void_certificate(db: Database, certificate_id: int, reason: str, *, actor: str) -> None:
    """作废 a certificate entered by mistake (or withdrawn); it stays listed as 已作废."""
    text = void_reason(reason)
    with db.session() as s:
        row = get_row(s, Certificate, certificate_id, "证书")
        if row.is_void:
            raise_problems({"reason": "该证书已作废"})
        row.is_void, row.void_reason = True, text
        s.add(row)
        write_audit(
            s,
            actor=actor,
            action="void",
            entity="certificate",
            entity_id=row.id,
            summary=f"作废证书 {row.number}：{text}",
            before={"is_void": False, "void_reason": ""},
            after={"is_void": True, "void_reason": text},
        )


def worker_problem(session: Session, person_id: int, required: CertificateKind, *, today: date) -> str | None:
    """Why the person may not be the worker of an operation needing ``required`` on ``today``."""
    person = get_row(session, Person, person_id, "作业人")
    held = [
        (c.expires_on, c.review_due_on)
        for c in queries.person_certificates(session=session, person_id=person_id, kind=required)
    ]
    return held_certificate_problem(person.name, required, held, today=today)
