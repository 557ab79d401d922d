"""特种作业 / 特种设备作业人员证书: the kinds of certificate, whether one is still valid on a day, and
which certificate a permit's worker must hold. Pure rules; dates come in, codes and words go out.

A 特种作业操作证 is valid six years and reviewed (复审) every three; a 特种设备作业人员证 is valid
four years. A certificate whose expiry *or* review date has passed is not valid: the holder may not
do that work until it is renewed or reviewed.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

EXPIRY_WARNING_DAYS = 60
EXPIRY_URGENT_DAYS = 30


class CertificateKind(StrEnum):
    """The operation a certificate allows (国家特种作业目录 and 特种设备作业人员 categories)."""

    ELECTRICIAN = "electrician"
    WELDING = "welding"
    WORK_AT_HEIGHT = "work_at_height"
    REFRIGERATION = "refrigeration"
    FORKLIFT = "forklift"
    CRANE = "crane"
    PRESSURE_VESSEL = "pressure_vessel"
    BOILER = "boiler"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]

    @property
    def is_special_equipment(self) -> bool:
        """特种设备作业 (市场监管部门发证) rather than 特种作业 (应急管理部门发证)."""
        return self in (
            CertificateKind.FORKLIFT,
            CertificateKind.CRANE,
            CertificateKind.PRESSURE_VESSEL,
            CertificateKind.BOILER,
        )

    @property
    def category(self) -> str:
        return "特种设备作业" if self.is_special_equipment else "特种作业"


_KIND_LABELS = {
    CertificateKind.ELECTRICIAN: "电工作业",
    CertificateKind.WELDING: "焊接与热切割作业",
    CertificateKind.WORK_AT_HEIGHT: "高处作业",
    CertificateKind.REFRIGERATION: "制冷与空调作业",
    CertificateKind.FORKLIFT: "叉车司机",
    CertificateKind.CRANE: "起重机械作业",
    CertificateKind.PRESSURE_VESSEL: "压力容器作业",
    CertificateKind.BOILER: "锅炉作业",
    CertificateKind.OTHER: "其他",
}


class CertificateStatus(StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"  # within 60 days
    EXPIRING_SOON = "expiring_soon"  # within 30 days
    EXPIRED = "expired"
    VOID = "void"

    @property
    def label(self) -> str:
        return {
            CertificateStatus.VALID: "有效",
            CertificateStatus.EXPIRING: "60天内到期",
            CertificateStatus.EXPIRING_SOON: "30天内到期",
            CertificateStatus.EXPIRED: "已过期",
            CertificateStatus.VOID: "已作废",
        }[self]


def deadline(expires_on: date, review_due_on: date | None) -> date:
    """The first day the certificate stops being valid after: its expiry or its review, whichever
    comes first."""
    return min(expires_on, review_due_on) if review_due_on is not None else expires_on


def certificate_status(
    expires_on: date, review_due_on: date | None, *, today: date, is_void: bool = False
) -> CertificateStatus:
    """有效 / 60天内到期 / 30天内到期 / 已过期 on ``today`` (valid through its deadline day)."""
    if is_void:
        return CertificateStatus.VOID
    days = (deadline(expires_on, review_due_on) - today).days
    if days < 0:
        return CertificateStatus.EXPIRED
    if days <= EXPIRY_URGENT_DAYS:
        return CertificateStatus.EXPIRING_SOON
    if days <= EXPIRY_WARNING_DAYS:
        return CertificateStatus.EXPIRING
    return CertificateStatus.VALID


@dataclass(frozen=True)
class CertificateFacts:
    """What the rules need to know about one certificate."""

    kind: CertificateKind
    number: str
    issued_on: date
    expires_on: date
    review_due_on: date | None = None


def certificate_problems(person_id: int | None, facts: CertificateFacts) -> dict[str, str]:
    """Field → Chinese message for what is missing or inconsistent; empty when it may be saved."""
    problems: dict[str, str] = {}
    if person_id is None:
        problems["person"] = "请选择持证人"
    if not facts.number.strip():
        problems["number"] = "请填写证书编号"
    if facts.expires_on <= facts.issued_on:
        problems["expires_on"] = "有效期至必须晚于发证日期"
    if facts.review_due_on is not None and not facts.issued_on < facts.review_due_on:
        problems["review_due_on"] = "复审日期必须晚于发证日期"
    return problems


def held_certificate_problem(
    worker: str, required: CertificateKind, held: list[tuple[date, date | None]], *, today: date
) -> str | None:
    """Why ``worker`` may not do work needing ``required`` (``held``: the expiry and review dates of
    the worker's certificates of that kind, void ones left out), or None when one is valid today."""
    if not held:
        return f"{worker}没有“{required.label}”特种作业操作证，不能作为该作业的作业人"
    if any(certificate_status(e, r, today=today) is not CertificateStatus.EXPIRED for e, r in held):
        return None
    last = max(deadline(e, r) for e, r in held)
    return (
        f"{worker}的“{required.label}”证书已于 {last.isoformat()} 过期（或超过复审期限），"
        "复审或换证前不能作为该作业的作业人"
    )
