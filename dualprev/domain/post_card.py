"""岗位安全风险告知卡 (domain.md §6): what a post's card says, computed from the risk inventory and
never re-typed; the user's per-field overrides; the QR payload; the content hash that tells when a
printed card has gone out of date.

Rules, all pure:

* A card's level is the most severe current level of the hazards of the risk points the post faces
  (从严从高). Hazards are listed most severe first, then in inventory order; identical texts once.
* Control measures in place (现有) are grouped by category in the preferred order (工程技术 → 管理 →
  培训教育 → 个体防护); within a group the measure of the more severe hazard comes first. Measures of
  the 应急处置 category form the card's 应急处置措施.
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
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from enum import StrEnum
from typing import Any

from dualprev.domain.grading import highest_level
from dualprev.domain.risk import ControlMeasureCategory, RiskLevel
from dualprev.domain.safety_signs import SafetySign, SignLibrary, SignSource, choose_signs, parse_sign_words
from dualprev.domain.vocabularies import ACCIDENT_TYPES_GB6441_1986

CARD_FORMAT = 1
"""Version of the snapshot layout stored with each printed card."""
QR_MAX_BYTES = 400
QR_ID_PREFIX = "DP1"
OVERRIDE_MAX_CHARS = 4000
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
    workplace: str = ""
    work_content: str = ""
    responsible_name: str = ""
    responsible_phone: str = ""
    risk_point_count: int = 0
    hazards: tuple[HazardFact, ...] = ()
    """In inventory order (risk point, then step)."""


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


def _unique(items: Sequence[str]) -> tuple[str, ...]:
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
    vocabulary = {t.name: i for i, t in enumerate(ACCIDENT_TYPES_GB6441_1986)}
    for h in hazards:
        for name in h.accident_types:
            rank = (_severity(h.level), vocabulary.get(name, len(vocabulary)))
            type_rank[name] = min(type_rank.get(name, rank), rank)
    accident_types = tuple(sorted(type_rank, key=lambda n: type_rank[n]))

    groups = []
    for category in MEASURE_CATEGORIES_ON_CARD:
        items = _unique(
            [m.content for h in hazards for m in h.measures if m.is_existing and m.category is category]
        )
        if items:
            groups.append(MeasureGroup(category.label, items))
    emergency = _unique(
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
        workplace=post.workplace.strip(),
        work_content=post.work_content.strip(),
        responsible=" ".join(p for p in (post.responsible_name.strip(), post.responsible_phone.strip()) if p),
        level=level,
        hazards=_unique([h.description for h in hazards]),
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


# --- overrides: the text form of each field -----------------------------------------------------

_NUMBERING = re.compile(r"^\s*(?:\d{1,3}\s*[.、．)）]|[①-⑳]|[(（]\d{1,3}[)）])\s*")


def _lines(text: str) -> list[str]:
    return [
        _NUMBERING.sub("", line).strip() for line in text.splitlines() if _NUMBERING.sub("", line).strip()
    ]


def _words(text: str) -> list[str]:
    for sep in "，,；;\n":
        text = text.replace(sep, "、")
    return [w.strip() for w in text.split("、") if w.strip()]


def field_text(content: CardContent, card_field: CardField) -> str:
    """The text a user edits for ``card_field`` (the inverse of how overrides are read)."""
    match card_field:
        case CardField.HAZARDS:
            return "\n".join(content.hazards)
        case CardField.EMERGENCY:
            return "\n".join(content.emergency)
        case CardField.ACCIDENT_TYPES:
            return "、".join(content.accident_types)
        case CardField.MEASURES:
            return "\n\n".join(f"{g.label}：\n" + "\n".join(g.items) for g in content.measures)
        case CardField.SIGNS:
            return "、".join(s.wording for s in content.signs)
        case CardField.PHONES:
            return "\n".join(f"{p.label} {p.number}" for p in content.phones)
        case CardField.LEVEL:
            return content.level.label if content.level is not None else ""
    value = getattr(content, card_field.value)
    assert isinstance(value, str)
    return value


def _parse_measures(text: str) -> tuple[MeasureGroup, ...]:
    groups: list[tuple[str, list[str]]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line[-1] in "：:" and len(line) <= 13:
            groups.append((line[:-1].strip(), []))
            continue
        item = _NUMBERING.sub("", line).strip()
        if not groups:
            groups.append((CardField.MEASURES.label, []))
        groups[-1][1].append(item)
    return tuple(MeasureGroup(label, tuple(items)) for label, items in groups if items)


_PHONE_SPLIT = re.compile(r"^(.*?)[\s：:]+([0-9+()（）\-转 ]*\d[0-9+()（）\-转 ]*)$")


def _parse_phones(text: str) -> tuple[tuple[Phone, ...], str | None]:
    phones = []
    for i, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _PHONE_SPLIT.match(line)
        if match is None or not match.group(1).strip():
            return (), f"应急电话第 {i} 行应写作“名称 号码”，如“火警 119”"
        phones.append(Phone(match.group(1).strip(), match.group(2).strip()))
    return tuple(phones), None


def override_problem(card_field: CardField, text: str, signs: SignLibrary) -> str | None:
    """Why ``text`` cannot override ``card_field`` (one-line Chinese message), or None."""
    if not card_field.overridable:
        return f"{card_field.label}由风险评价结果决定，不能修改"
    if len(text) > OVERRIDE_MAX_CHARS:
        return f"{card_field.label}不能超过{OVERRIDE_MAX_CHARS}个字符"
    if card_field is CardField.CARD_NUMBER and len(text.strip()) > 40:
        return "卡片编号不能超过40个字符"
    if card_field is CardField.SIGNS:
        _found, unknown = parse_sign_words(text, signs)
        if unknown:
            return (
                f"未知的安全警示标志：{'、'.join(unknown)}。可用：{'、'.join(s.wording for s in signs.signs)}"
            )
    if card_field is CardField.PHONES:
        return _parse_phones(text)[1]
    return None


def apply_overrides(
    computed: CardContent, overrides: Mapping[CardField, str], signs: SignLibrary
) -> CardContent:
    """The card with the user's texts in place of the computed ones (overridden fields remembered).

    Stored texts are read leniently: a sign name the library no longer knows is left out.
    """
    changes: dict[str, Any] = {}
    for card_field, text in overrides.items():
        if not card_field.overridable:
            continue
        match card_field:
            case CardField.HAZARDS:
                changes["hazards"] = tuple(_lines(text))
            case CardField.EMERGENCY:
                changes["emergency"] = tuple(_lines(text))
            case CardField.ACCIDENT_TYPES:
                changes["accident_types"] = tuple(_unique(_words(text)))
            case CardField.MEASURES:
                changes["measures"] = _parse_measures(text)
            case CardField.SIGNS:
                found = parse_sign_words(text, signs)[0]
                changes["signs"] = tuple(sorted(found, key=lambda s: s.family.order))
            case CardField.PHONES:
                changes["phones"] = _parse_phones(text)[0]
            case CardField.WORK_CONTENT:
                changes["work_content"] = text.strip()
            case _:
                changes[card_field.value] = " ".join(text.split())
    return replace(computed, overridden=frozenset(overrides) - {CardField.LEVEL}, **changes)


def normalised_override(card_field: CardField, text: str) -> str:
    """The override text as stored: surrounding blank lines and spaces removed."""
    return (
        "\n".join(line.rstrip() for line in text.strip().splitlines())
        if card_field.multiline
        else text.strip()
    )


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


def content_document(
    content: CardContent, computed: CardContent, qr_url_template: str = ""
) -> dict[str, Any]:
    """What the hash covers: every printed field, the computed value behind each overridden field,
    the enterprise code (it is in the QR id) and the URL template (it is the QR)."""
    return {
        "format": CARD_FORMAT,
        "post_id": content.post_id,
        "enterprise_code": content.enterprise_code,
        "fields": {f.value: _field_value(content, f) for f in CardField},
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
        if printed != now["fields"][f.value] or behind:
            changed.append(f)
    return tuple(changed)


# --- QR payload ---------------------------------------------------------------------------------

URL_PLACEHOLDERS = ("code", "post_id", "revision", "card_number")
_CLAUSE_END = "，；。、,;"


def qr_id_line(enterprise_code: str, post_id: int, revision: int) -> str:
    """``DP1:<enterprise code>:<post id>:r<revision>``; an enterprise without a code gets ``-``."""
    return f"{QR_ID_PREFIX}:{clean_code(enterprise_code) or '-'}:{post_id}:r{revision}"


def url_template_problem(template: str) -> str | None:
    """Why ``template`` cannot serve as the QR URL template (Chinese message), or None."""
    if not template.strip():
        return None
    try:
        names = [name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name is not None]
    except ValueError:
        return "二维码网址模板中的花括号不成对"
    unknown = [n for n in names if n not in URL_PLACEHOLDERS]
    if unknown:
        return (
            f"二维码网址模板含未知占位符：{'、'.join('{' + n + '}' for n in unknown)}（可用："
            + "、".join("{" + p + "}" for p in URL_PLACEHOLDERS)
            + "）"
        )
    sample = template.format(code="X" * 32, post_id=99999, revision=999, card_number="X" * 40)
    if len(sample.encode("utf-8")) > QR_MAX_BYTES:
        return f"二维码网址过长（超过 {QR_MAX_BYTES} 字节）"
    return None


def _clauses(text: str) -> list[str]:
    parts, current = [], ""
    for ch in text:
        current += ch
        if ch in _CLAUSE_END:
            parts.append(current)
            current = ""
    if current:
        parts.append(current)
    return parts


def first_clause(text: str) -> str:
    """The first clause of ``text`` (up to its first ，；。、), without the closing mark."""
    clauses = _clauses(text.strip())
    return clauses[0].rstrip(_CLAUSE_END).strip() if clauses else ""


_POST_RANK, _LEVEL_RANK, _PHONE_RANK, _EMERGENCY_RANK, _HAZARD_RANK, _ACCIDENT_RANK, _DATE_RANK = range(7)
"""Importance of the summary's lines, most important first."""


@dataclass
class _Line:
    order: int
    """Position in the payload (post, level, hazards, accident types, emergency, phones, date)."""
    rank: int
    """Lower is more important; items and lines are dropped from the highest rank."""
    prefix: str
    short_prefix: str
    items: list[str]
    short_items: list[str]
    sep: str
    floor: int = 1
    """Items never dropped one by one below this count (the whole line may still go)."""
    droppable: bool = True


def _summary_lines(content: CardContent, revision_date: date) -> list[_Line]:
    level = content.level.label if content.level is not None else "未评价"
    phones = [f"{p.label}{p.number}" for p in content.phones]
    short_phones = [f"{p.label.split(' ')[0]}{p.number}" for p in content.phones]
    post = f"{content.post}（{content.department}）" if content.department else content.post
    lines = [
        _Line(0, _POST_RANK, "岗位：", "", [post], [content.post], "", droppable=False),
        _Line(1, _LEVEL_RANK, "风险等级：", "风险：", [level], [level], "", droppable=False),
        _Line(
            2,
            _HAZARD_RANK,
            "主要危险：",
            "危险：",
            list(content.hazards),
            [first_clause(t) for t in content.hazards],
            "；",
        ),
        _Line(
            3,
            _ACCIDENT_RANK,
            "事故类型：",
            "事故：",
            list(content.accident_types),
            list(content.accident_types),
            "、",
        ),
        _Line(
            4,
            _EMERGENCY_RANK,
            "应急处置：",
            "应急：",
            list(content.emergency),
            [first_clause(t) for t in content.emergency],
            "；",
        ),
        # Every phone stays while any other item can go; the enterprise's own ones go last of all.
        _Line(
            5,
            _PHONE_RANK,
            "应急电话：",
            "电话：",
            phones,
            short_phones,
            " ",
            floor=len(phones),
            droppable=False,
        ),
        _Line(
            6,
            _DATE_RANK,
            "日期：",
            "",
            [f"{revision_date.isoformat()} {content.enterprise}".strip()],
            [revision_date.isoformat()],
            "",
        ),
    ]
    return [line for line in lines if any(line.items)]


def qr_summary(
    content: CardContent, revision: int, revision_date: date, max_bytes: int = QR_MAX_BYTES
) -> str:
    """The default QR payload: the id line, then as much of the summary as fits in ``max_bytes``.

    Shortening, step by step until it fits: short labels without department and enterprise; the
    hazards, then the emergency actions cut to their first clause; items dropped from the end of
    the least important list (accident types, hazards, emergency actions); whole lines dropped.
    """
    head = qr_id_line(content.enterprise_code, content.post_id, revision)
    lines = _summary_lines(content, revision_date)
    public = max(1, sum(1 for p in content.phones if (p.label, p.number) in PUBLIC_PHONES))
    short_labels = False
    trimmed: set[int] = set()
    """Ranks of the lines shown with their short items."""

    def text() -> str:
        body = []
        for line in sorted(lines, key=lambda ln: ln.order):
            items = line.short_items if line.rank in trimmed else line.items
            body.append((line.short_prefix if short_labels else line.prefix) + line.sep.join(items))
        return "\n".join([head, *body])

    def fits() -> bool:
        return len(text().encode("utf-8")) <= max_bytes

    def drop_items(floor: Callable[[_Line], int]) -> None:
        while not fits():
            candidates = [ln for ln in lines if len(ln.items) > floor(ln)]
            if not candidates:
                return
            line = max(candidates, key=lambda ln: ln.rank)
            line.items.pop()
            line.short_items.pop()

    if fits():
        return text()
    short_labels = True
    trimmed |= {_POST_RANK, _DATE_RANK}
    for rank in (_HAZARD_RANK, _EMERGENCY_RANK):
        if fits():
            return text()
        trimmed.add(rank)
    drop_items(lambda ln: max(ln.floor, 3))
    drop_items(lambda ln: max(ln.floor, 2))
    drop_items(lambda ln: ln.floor)
    while not fits():
        droppable = [ln for ln in lines if ln.droppable]
        if droppable:
            lines.remove(max(droppable, key=lambda ln: ln.rank))
            continue
        # Only the post, its level and the phones are left: give up enterprise numbers, then lines.
        phones = next((ln for ln in lines if ln.rank == _PHONE_RANK), None)
        if phones is not None and len(phones.items) > public:
            phones.items.pop()
            phones.short_items.pop()
        elif lines:
            lines.remove(max(lines, key=lambda ln: ln.rank))
        else:
            break
    return text()


def qr_payload(content: CardContent, revision: int, revision_date: date, url_template: str = "") -> str:
    """What the card's QR code holds: the enterprise's URL when it set a template, else the summary."""
    if url_template.strip() and url_template_problem(url_template) is None:
        return url_template.strip().format(
            code=content.enterprise_code or "-",
            post_id=content.post_id,
            revision=revision,
            card_number=content.card_number,
        )
    return qr_summary(content, revision, revision_date)


def make_sheet(content: CardContent, revision: int, revision_date: date, url_template: str = "") -> CardSheet:
    return CardSheet(
        content, revision, revision_date, qr_payload(content, revision, revision_date, url_template)
    )
