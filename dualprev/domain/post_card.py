"""岗位安全风险告知卡 (domain.md §6): what a post's card says, computed from the risk inventory and
never re-typed, and the content hash that tells when a printed card has gone out of date. The
user's per-field overrides: :mod:`post_card_overrides`; the QR payload: :mod:`post_card_qr`.

Rules, all pure:

* A card's level is the most severe current level of the hazards of the risk points the post faces
  (从严从高). Hazards are listed most severe first, then in inventory order; identical texts once.
* Control measures in place (现有) are grouped by category in the preferred order (工程技术 → 管理 →
  培训教育 → 个体防护); within a group the measure of the more severe hazard comes first. Measures of
  the 应急处置 category form the card's 应急处置措施.
* Hazards, measures and emergency measures say each thing once (:mod:`post_card_dedupe`).
* Accident types are ordered by the most severe hazard that can cause them, then vocabulary order.
* A printed card is a snapshot (revision, date, content hash). The hash covers everything printed
  and, for an overridden field, the computed text behind it: when the risks change under an
  override, the card still needs a look and a new print.
* The QR payload starts with the stable id line ``DP1:<enterprise code>:<post id>:r<revision>``,
  then a plain-text summary of at most 400 bytes (UTF-8), shortened by abbreviating and dropping
  whole items and lines, never by cutting inside a clause. An enterprise URL template replaces it.
"""

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from dualprev.domain.grading import highest_level
from dualprev.domain.post_card_dedupe import distinct_items, distinct_measures
from dualprev.domain.risk import ControlMeasureCategory, RiskLevel
from dualprev.domain.safety_signs import SafetySign, SignLibrary, SignSource, choose_signs
from dualprev.domain.vocabularies import accident_type_rank

CARD_FORMAT = 1
"""Version of the snapshot layout stored with each printed card."""
PUBLIC_PHONES: tuple[tuple[str, str], ...] = (("火警", "119"), ("急救", "120"), ("报警", "110"))
GENERIC_EMERGENCY: tuple[str, ...] = (
    "发生险情立即停止作业，切断设备电源，撤离到安全地点",
    "立即报告班组长和安全管理人员；有人受伤拨打120，在确保自身安全的前提下施救",
)
"""应急处置措施 of a card whose hazards name none: what every worker must do anyway."""
CARD_NUMBER_INFIX = "GZK"
MEASURE_CATEGORIES_ON_CARD: tuple[ControlMeasureCategory, ...] = (
    ControlMeasureCategory.ENGINEERING,
    ControlMeasureCategory.MANAGEMENT,
    ControlMeasureCategory.TRAINING,
    ControlMeasureCategory.PPE,
)


class CardField(StrEnum):
    """The parts of a card. Every part but the level may be overridden by the user."""

    ENTERPRISE = "enterprise"
    POST = "post"
    DEPARTMENT = "department"
    TEAM = "team"
    WORKPLACE = "workplace"
    WORK_CONTENT = "work_content"
    RESPONSIBLE = "responsible"
    LEVEL = "level"
    HAZARDS = "hazards"
    ACCIDENT_TYPES = "accident_types"
    MEASURES = "measures"
    EMERGENCY = "emergency"
    SIGNS = "signs"
    PHONES = "phones"
    CARD_NUMBER = "card_number"

    @property
    def label(self) -> str:
        return _FIELD_LABELS[self]

    @property
    def overridable(self) -> bool:
        """The level is computed from the evaluations and must match the control list."""
        return self is not CardField.LEVEL

    @property
    def multiline(self) -> bool:
        return self in _MULTILINE

    @property
    def hint(self) -> str:
        """How the override text is written (shown in the editor)."""
        return _FIELD_HINTS.get(self, "")


_FIELD_LABELS = {
    CardField.ENTERPRISE: "企业名称",
    CardField.POST: "岗位名称",
    CardField.DEPARTMENT: "所属部门",
    CardField.TEAM: "所属班组",
    CardField.WORKPLACE: "工作场所",
    CardField.WORK_CONTENT: "工作内容",
    CardField.RESPONSIBLE: "岗位负责人",
    CardField.LEVEL: "风险等级",
    CardField.HAZARDS: "主要危险有害因素",
    CardField.ACCIDENT_TYPES: "可能导致的事故类型",
    CardField.MEASURES: "管控措施",
    CardField.EMERGENCY: "应急处置措施",
    CardField.SIGNS: "安全警示标志",
    CardField.PHONES: "应急电话",
    CardField.CARD_NUMBER: "卡片编号",
}
_MULTILINE = {
    CardField.WORK_CONTENT,
    CardField.HAZARDS,
    CardField.MEASURES,
    CardField.EMERGENCY,
    CardField.PHONES,
}
_FIELD_HINTS = {
    CardField.HAZARDS: "每行一条，最重要的写在前面",
    CardField.ACCIDENT_TYPES: "用顿号“、”分隔",
    CardField.MEASURES: "类别单独一行并以冒号结尾（如“工程技术措施：”），其下每行一条措施",
    CardField.EMERGENCY: "每行一条",
    CardField.SIGNS: "标志文字，用顿号“、”分隔，如：禁止戴手套、当心机械伤人",
    CardField.PHONES: "每行一个：名称 号码，如：火警 119",
}
OVERRIDABLE_FIELDS: tuple[CardField, ...] = tuple(f for f in CardField if f.overridable)


# --- facts the card is computed from ------------------------------------------------------------


@dataclass(frozen=True)
class MeasureFact:
    category: ControlMeasureCategory
    content: str
    is_existing: bool = True


@dataclass(frozen=True)
class HazardFact:
    """One hazard of a risk point the post faces."""

    description: str
    level: RiskLevel | None
    """Its current level (None: not evaluated)."""
    accident_types: tuple[str, ...] = ()
    measures: tuple[MeasureFact, ...] = ()
    context: str = ""
    """Its risk point's name and its step or check item: words the sign rules look at."""


@dataclass(frozen=True)
class PostFacts:
    post_id: int
    post_name: str
    department: str = ""
    """The department or workshop (车间) the post belongs to: a 班组's parent, never the 班组."""
    workplace: str = ""
    work_content: str = ""
    responsible_name: str = ""
    responsible_phone: str = ""
    risk_point_count: int = 0
    hazards: tuple[HazardFact, ...] = ()
    """In inventory order (risk point, then step)."""
    team: str = ""
    """The 班组 the post belongs to, if any."""


@dataclass(frozen=True)
class EnterpriseFacts:
    name: str
    code: str = ""
    duty_phone: str = ""
    safety_manager_name: str = ""
    safety_manager_phone: str = ""


# --- the card ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasureGroup:
    label: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Phone:
    label: str
    number: str


@dataclass(frozen=True)
class CardContent:
    """Everything a card says except its revision, date and QR code."""

    post_id: int
    enterprise: str
    enterprise_code: str
    post: str
    department: str
    workplace: str
    work_content: str
    responsible: str
    level: RiskLevel | None
    hazards: tuple[str, ...]
    accident_types: tuple[str, ...]
    measures: tuple[MeasureGroup, ...]
    emergency: tuple[str, ...]
    signs: tuple[SafetySign, ...]
    phones: tuple[Phone, ...]
    card_number: str
    overridden: frozenset[CardField] = field(default_factory=frozenset)
    team: str = ""


@dataclass(frozen=True)
class CardSheet:
    """A card as printed: content, revision, revision date and the QR payload."""

    content: CardContent
    revision: int
    revision_date: date
    qr_payload: str


class CardStatus(StrEnum):
    UNPRINTED = "unprinted"
    PRINTED = "printed"
    STALE = "stale"

    @property
    def label(self) -> str:
        return {"unprinted": "未打印", "printed": "已打印", "stale": "需重新打印"}[self.value]


@dataclass(frozen=True)
class PrintRecord:
    """The latest printed snapshot of a post's card."""

    revision: int
    revision_date: date
    content_hash: str
    snapshot: Mapping[str, Any]


def unique_texts(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in items if t.strip()))


def _severity(level: RiskLevel | None) -> int:
    return int(level) if level is not None else 9


def card_number(enterprise_code: str, post_id: int) -> str:
    """E.g. ``HRJX-GZK-006``: stable per post, so a reprint keeps its number."""
    code = clean_code(enterprise_code)
    return f"{code}-{CARD_NUMBER_INFIX}-{post_id:03d}" if code else f"{CARD_NUMBER_INFIX}-{post_id:03d}"


def clean_code(enterprise_code: str) -> str:
    """The enterprise code as used in ids: no separators, no spaces."""
    return re.sub(r"[\s:：]", "", enterprise_code)


def compute_card(post: PostFacts, enterprise: EnterpriseFacts, signs: SignLibrary) -> CardContent:
    """The card exactly as the inventory says, without overrides."""
    order = sorted(range(len(post.hazards)), key=lambda i: (_severity(post.hazards[i].level), i))
    hazards = [post.hazards[i] for i in order]
    level = highest_level(h.level for h in hazards)

    type_rank: dict[str, tuple[int, int]] = {}
    for h in hazards:
        for name in h.accident_types:
            rank = (_severity(h.level), accident_type_rank(name))
            type_rank[name] = min(type_rank.get(name, rank), rank)
    accident_types = tuple(sorted(type_rank, key=lambda n: type_rank[n]))

    groups = []
    for category in MEASURE_CATEGORIES_ON_CARD:
        items = distinct_measures(
            [m.content for h in hazards for m in h.measures if m.is_existing and m.category is category]
        )
        if items:
            groups.append(MeasureGroup(category.label, items))
    emergency = distinct_items(
        [
            m.content
            for h in hazards
            for m in h.measures
            if m.is_existing and m.category is ControlMeasureCategory.EMERGENCY
        ]
    )
    phones = [Phone(label, number) for label, number in PUBLIC_PHONES]
    if enterprise.duty_phone.strip():
        phones.append(Phone("企业值班", enterprise.duty_phone.strip()))
    if enterprise.safety_manager_phone.strip():
        name = enterprise.safety_manager_name.strip()
        phones.append(Phone(f"安全管理 {name}".strip(), enterprise.safety_manager_phone.strip()))
    sources = [SignSource(h.accident_types, f"{h.context} {h.description}") for h in hazards]
    return CardContent(
        post_id=post.post_id,
        enterprise=enterprise.name.strip(),
        enterprise_code=clean_code(enterprise.code),
        post=post.post_name.strip(),
        department=post.department.strip(),
        team=post.team.strip(),
        workplace=post.workplace.strip(),
        work_content=post.work_content.strip(),
        responsible=" ".join(p for p in (post.responsible_name.strip(), post.responsible_phone.strip()) if p),
        level=level,
        hazards=distinct_items([h.description for h in hazards]),
        accident_types=accident_types,
        measures=tuple(groups),
        emergency=emergency or (GENERIC_EMERGENCY if hazards else ()),
        signs=choose_signs(signs, sources, post.work_content) if hazards else (),
        phones=tuple(phones),
        card_number=card_number(enterprise.code, post.post_id),
    )


def no_card_reason(post: PostFacts) -> str | None:
    """Why no card can be printed for the post (a one-line Chinese message), or None."""
    if post.risk_point_count == 0:
        return f"岗位“{post.post_name}”尚未关联风险点，无法生成告知卡。请在“企业信息 → 岗位”中勾选它面临的风险点。"
    if not post.hazards:
        return f"岗位“{post.post_name}”关联的风险点还没有危险源，无法生成告知卡。请先在“风险辨识评估”中辨识危险源。"
    if highest_level(h.level for h in post.hazards) is None:
        return f"岗位“{post.post_name}”关联的危险源尚未评价风险等级，无法生成告知卡。请先在“风险辨识评估”中完成评价。"
    return None


# --- hash, snapshot, status -----------------------------------------------------------------------


def _field_value(content: CardContent, card_field: CardField) -> Any:
    """A field as plain JSON data (what a snapshot stores and compares)."""
    match card_field:
        case CardField.LEVEL:
            return int(content.level) if content.level is not None else None
        case CardField.MEASURES:
            return [[g.label, list(g.items)] for g in content.measures]
        case CardField.SIGNS:
            return [s.wording for s in content.signs]
        case CardField.PHONES:
            return [[p.label, p.number] for p in content.phones]
        case CardField.HAZARDS | CardField.ACCIDENT_TYPES | CardField.EMERGENCY:
            return list(getattr(content, card_field.value))
    return getattr(content, card_field.value)


def _printed(content: CardContent, card_field: CardField) -> bool:
    """Whether a field is part of the card. A blank 班组 is not: cards printed before the field
    existed must not turn out of date because of it."""
    return card_field is not CardField.TEAM or bool(content.team)


def content_document(
    content: CardContent, computed: CardContent, qr_url_template: str = ""
) -> dict[str, Any]:
    """What the hash covers: every printed field, the computed value behind each overridden field,
    the enterprise code (it is in the QR id) and the URL template (it is the QR)."""
    return {
        "format": CARD_FORMAT,
        "post_id": content.post_id,
        "enterprise_code": content.enterprise_code,
        "fields": {f.value: _field_value(content, f) for f in CardField if _printed(content, f)},
        "basis": {f.value: _field_value(computed, f) for f in sorted(content.overridden)},
        "qr_url_template": qr_url_template,
    }


def content_hash(content: CardContent, computed: CardContent, qr_url_template: str = "") -> str:
    """SHA-256 (hex) of :func:`content_document`; the revision and date are not part of it."""
    doc = content_document(content, computed, qr_url_template)
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def snapshot(sheet: CardSheet, computed: CardContent, qr_url_template: str = "") -> dict[str, Any]:
    """The JSON kept with a printed card."""
    return content_document(sheet.content, computed, qr_url_template) | {
        "revision": sheet.revision,
        "revision_date": sheet.revision_date.isoformat(),
        "qr_payload": sheet.qr_payload,
        "overridden": sorted(f.value for f in sheet.content.overridden),
    }


def edition(last: PrintRecord | None, current_hash: str, today: date) -> tuple[int, date, CardStatus]:
    """Revision, revision date and status of a card whose content hashes to ``current_hash``.

    Unchanged since the last print: that print's revision and date. Changed, or never printed:
    the next revision, dated today.
    """
    if last is None:
        return 1, today, CardStatus.UNPRINTED
    if last.content_hash == current_hash:
        return last.revision, last.revision_date, CardStatus.PRINTED
    return last.revision + 1, today, CardStatus.STALE


def changed_fields(
    snap: Mapping[str, Any], content: CardContent, computed: CardContent
) -> tuple[CardField, ...]:
    """The fields that differ from a printed snapshot, in card order (a changed computed value under
    an override counts as a change of that field)."""
    old_fields = snap.get("fields", {}) if isinstance(snap.get("fields"), dict) else {}
    old_basis = snap.get("basis", {}) if isinstance(snap.get("basis"), dict) else {}
    now = content_document(content, computed)
    changed = []
    for f in CardField:
        printed = old_fields.get(f.value)
        behind = f.value in now["basis"] and old_basis.get(f.value, printed) != now["basis"][f.value]
        if printed != now["fields"].get(f.value) or behind:
            changed.append(f)
    return tuple(changed)
