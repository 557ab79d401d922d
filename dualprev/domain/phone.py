"""手机端 on the factory LAN: the rules of pairing a phone, of what each phone role may do, of the
随手拍 reports that wait for review, and of reading a card's QR id. Pure: no I/O, no clock."""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from dualprev.domain.post_card_qr import QR_ID_PREFIX

PAIRING_CODE_DIGITS = 6
PAIRING_CODE_LIFETIME = timedelta(minutes=10)
"""A pairing code shown on the PC is good for this long and for one phone."""
MAX_DEVICE_NAME = 40
MAX_REPORT_TEXT = 1000
MAX_REPORT_PHOTOS = 6
MAX_REJECT_REASON = 200
ONLINE_WINDOW = timedelta(minutes=2)
"""A phone seen within this time counts as connected."""
CLIENT_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
"""A client-generated request id (the phone makes one per draft): letters, digits, - and _."""


class PhoneRole(StrEnum):
    """What a paired phone may do."""

    WORKER = "worker"
    MANAGER = "manager"

    @property
    def label(self) -> str:
        return {"worker": "员工", "manager": "管理人员"}[self.value]


class Permission(StrEnum):
    VIEW_CARD = "view_card"
    REPORT = "report"
    CHECK = "check"
    RECTIFY = "rectify"
    ACCEPT = "accept"


_ROLE_PERMISSIONS: dict[PhoneRole, frozenset[Permission]] = {
    PhoneRole.WORKER: frozenset(
        {Permission.VIEW_CARD, Permission.REPORT, Permission.CHECK, Permission.RECTIFY}
    ),
    PhoneRole.MANAGER: frozenset(Permission),
}


def may(role: PhoneRole, permission: Permission) -> bool:
    """Whether a phone of ``role`` may do ``permission``: only managers accept rectified work."""
    return permission in _ROLE_PERMISSIONS[role]


class ReportStatus(StrEnum):
    """A phone report (随手拍) waits in 待审核 until the safety manager accepts or rejects it."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return {"pending": "待审核", "accepted": "已登记", "rejected": "已退回"}[self.value]


class LevelSuggestion(StrEnum):
    """What the reporter thinks: the safety manager decides the level when accepting."""

    GENERAL = "general"
    MAJOR = "major"
    UNSURE = "unsure"

    @property
    def label(self) -> str:
        return {"general": "一般隐患", "major": "可能是重大隐患", "unsure": "不确定"}[self.value]


@dataclass(frozen=True)
class CardId:
    """What a card's QR id line says: ``DP1:<enterprise code>:<post id>:r<revision>``."""

    enterprise_code: str
    post_id: int
    revision: int


_CARD_ID = re.compile(rf"^{QR_ID_PREFIX}:([^:\s]*):(\d{{1,9}}):r(\d{{1,6}})$")


def parse_card_id(text: str) -> CardId | None:
    """The id in the first line of a scanned card QR, or None when it is not one of our cards."""
    lines = text.strip().splitlines()
    match = _CARD_ID.match(lines[0].strip()) if lines else None
    if match is None:
        return None
    return CardId(match.group(1), int(match.group(2)), int(match.group(3)))


def pairing_code_problem(code: str) -> str | None:
    """Why ``code`` (as typed on the phone) cannot be a pairing code, or None."""
    if not code.strip():
        return "请输入电脑上显示的配对码"
    if not re.fullmatch(rf"\d{{{PAIRING_CODE_DIGITS}}}", code.strip()):
        return f"配对码是 {PAIRING_CODE_DIGITS} 位数字，请核对后重新输入"
    return None


def pairing_expired(created_at: datetime, now: datetime) -> bool:
    return now - created_at > PAIRING_CODE_LIFETIME


def device_name_problem(name: str) -> str | None:
    if not name.strip():
        return "请填写手机名称（如：张三的手机）"
    if len(name.strip()) > MAX_DEVICE_NAME:
        return f"手机名称不能超过 {MAX_DEVICE_NAME} 个字"
    return None


def report_problem(description: str, location: str, has_place: bool, photo_count: int) -> str | None:
    """Why a 随手拍 report cannot be sent, or None."""
    if not description.strip():
        return "请描述看到的隐患"
    if len(description.strip()) > MAX_REPORT_TEXT:
        return f"隐患描述不能超过 {MAX_REPORT_TEXT} 个字"
    if not (location.strip() or has_place):
        return "请填写隐患位置，或先扫码选择岗位、选择区域"
    if len(location.strip()) > 200:
        return "隐患位置不能超过 200 个字"
    if photo_count > MAX_REPORT_PHOTOS:
        return f"每次最多上传 {MAX_REPORT_PHOTOS} 张照片"
    return None


def rejection_reason_problem(reason: str) -> str | None:
    if not reason.strip():
        return "请填写退回原因，上报人会在手机上看到"
    if len(reason.strip()) > MAX_REJECT_REASON:
        return f"退回原因不能超过 {MAX_REJECT_REASON} 个字"
    return None


def client_id_problem(client_id: str) -> str | None:
    if not CLIENT_ID_PATTERN.match(client_id or ""):
        return "请求缺少有效的编号，请刷新页面后重试"
    return None


def phone_actor(person_name: str, device_name: str) -> str:
    """The audit log's actor of a write made from a phone: the person and the device (≤ 50 chars)."""
    return f"{person_name}（手机：{device_name}）"[:50]
