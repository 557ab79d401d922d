"""Pairing a phone with a short-lived code shown on the PC, recognising it by its secret, listing
and revoking paired phones."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from dualprev.domain.phone import (
    PAIRING_CODE_DIGITS,
    PAIRING_CODE_LIFETIME,
    PhoneRole,
    device_name_problem,
    pairing_code_problem,
    phone_actor,
)
from dualprev.errors import ConflictError, NotFoundError, ValidationError
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import Person, PhoneDevice, PhonePairing, utcnow
from dualprev.storage.queries import phone as queries

TOKEN_BYTES = 32


@dataclass(frozen=True)
class PairingCode:
    code: str
    person_id: int
    person_name: str
    role: PhoneRole
    expires_at: datetime


@dataclass(frozen=True)
class DeviceSession:
    """Who is behind a request from a paired phone."""

    device_id: int
    device_name: str
    person_id: int
    person_name: str
    role: PhoneRole

    @property
    def actor(self) -> str:
        """The audit log's actor: person and phone."""
        return phone_actor(self.person_name, self.device_name)


@dataclass(frozen=True)
class PairedDevice:
    """A newly paired phone and the secret it keeps (never stored here, only its hash)."""

    session: DeviceSession
    token: str


@dataclass(frozen=True)
class DeviceInfo:
    id: int
    name: str
    person_id: int
    person_name: str
    role: PhoneRole
    paired_at: datetime
    last_seen_at: datetime | None
    last_address: str
    revoked: bool


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def create_pairing(
    db: Database, person_id: int, role: PhoneRole, *, actor: str, now: datetime | None = None
) -> PairingCode:
    """A new pairing code for one phone of ``person_id``, valid for PAIRING_CODE_LIFETIME."""
    now = now or utcnow()
    with db.session() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise NotFoundError("所选人员不存在，请重新选择")
        if not person.is_active:
            raise ValidationError(f"{person.name}已停用，不能配对手机")
        code = "".join(secrets.choice("0123456789") for _ in range(PAIRING_CODE_DIGITS))
        s.add(PhonePairing(code=code, person_id=person_id, role=role, created_at=now))
        audit.record(
            s,
            actor=actor,
            action="create",
            entity="phone_pairing",
            entity_id=None,
            summary=f"生成手机配对码：{person.name}（{role.label}）",
        )
        return PairingCode(code, person_id, person.name, role, now + PAIRING_CODE_LIFETIME)


def pair(
    db: Database, code: str, device_name: str, *, address: str = "", now: datetime | None = None
) -> PairedDevice:
    """Pair the phone that typed ``code``: one use, before it expires; returns its new secret."""
    now = now or utcnow()
    problem = pairing_code_problem(code) or device_name_problem(device_name)
    if problem:
        raise ValidationError(problem)
    with db.session() as s:
        found = queries.open_pairings(session=s, code=code.strip(), since=now - PAIRING_CODE_LIFETIME)
        if not found:
            raise ValidationError("配对码不正确或已过期（有效期 10 分钟），请在电脑上重新生成")
        pairing = found[0]
        person = s.get(Person, pairing.person_id)
        if person is None or not person.is_active:
            raise ConflictError("配对码对应的人员已不存在或已停用")
        token = secrets.token_urlsafe(TOKEN_BYTES)
        device = PhoneDevice(
            person_id=pairing.person_id,
            name=device_name.strip(),
            role=pairing.role,
            token_hash=token_hash(token),
            paired_at=now,
            last_seen_at=now,
            last_address=address[:64],
        )
        s.add(device)
        s.flush()
        pairing.used_at = now
        pairing.device_id = device.id
        s.add(pairing)
        session = DeviceSession(device.id or 0, device.name, person.id or 0, person.name, pairing.role)
        audit.record(
            s,
            actor=session.actor,
            action="create",
            entity="phone_device",
            entity_id=device.id,
            summary=f"手机配对：{device.name}（{person.name}，{pairing.role.label}，{address}）",
        )
    return PairedDevice(session, token)


def authenticate(db: Database, token: str) -> DeviceSession | None:
    """The paired, not revoked phone holding ``token``; None for anything else."""
    if not token or len(token) > 200:
        return None
    with db.read_session() as s:
        device = queries.device_by_token_hash(session=s, token_hash=token_hash(token))
        if device is None or device.revoked_at is not None:
            return None
        person = s.get(Person, device.person_id)
        if person is None or not person.is_active:
            return None
        return DeviceSession(device.id or 0, device.name, person.id or 0, person.name, device.role)


def note_seen(db: Database, device_id: int, address: str, *, now: datetime | None = None) -> None:
    """Remember when and from where a phone was last seen (not audited: it changes no record)."""
    with db.session() as s:
        device = s.get(PhoneDevice, device_id)
        if device is not None:
            device.last_seen_at = now or utcnow()
            device.last_address = address[:64]
            s.add(device)


def revoke(db: Database, device_id: int, *, actor: str, now: datetime | None = None) -> None:
    """取消配对: the phone is refused from its next request on."""
    with db.session() as s:
        device = s.get(PhoneDevice, device_id)
        if device is None:
            raise NotFoundError("该手机不存在，可能已被删除")
        if device.revoked_at is not None:
            raise ConflictError("该手机已经取消配对")
        device.revoked_at = now or utcnow()
        s.add(device)
        audit.record(
            s,
            actor=actor,
            action="revoke",
            entity="phone_device",
            entity_id=device_id,
            summary=f"取消手机配对：{device.name}",
        )


def list_devices(db: Database) -> list[DeviceInfo]:
    """Every paired phone, newest first (revoked ones marked)."""
    with db.read_session() as s:
        return [
            DeviceInfo(
                id=d.id or 0,
                name=d.name,
                person_id=d.person_id,
                person_name=name,
                role=d.role,
                paired_at=_utc(d.paired_at) or utcnow(),
                last_seen_at=_utc(d.last_seen_at),
                last_address=d.last_address,
                revoked=d.revoked_at is not None,
            )
            for d, name in queries.devices_with_people(session=s)
        ]
