"""岗位安全风险告知卡 use cases: a post's card computed from the risk inventory with the user's
overrides, the cards' print status, printing (PDF or printer) with a snapshot per printed card,
and the list of cards the wall shows out of date (需重新打印).

A card's content is never stored: it is computed on every read (domain.post_card). What is stored
is the user's override per field (``post_card_override``) and one snapshot per print
(``post_card_print``: revision, content hash, the content as JSON).
"""

import json
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, func, select

from dualprev import output_guard
from dualprev.domain.post_card import (
    CardContent,
    CardField,
    CardSheet,
    CardStatus,
    EnterpriseFacts,
    HazardFact,
    MeasureFact,
    PostFacts,
    PrintRecord,
    apply_overrides,
    changed_fields,
    compute_card,
    content_hash,
    edition,
    field_text,
    make_sheet,
    no_card_reason,
    normalised_override,
    override_problem,
    snapshot,
    url_template_problem,
)
from dualprev.domain.safety_signs import SignLibrary, parse_sign_library
from dualprev.domain.vocabularies import ACCIDENT_VOCABULARIES
from dualprev.errors import NotFoundError, StorageError, UserError, ValidationError
from dualprev.paths import resource_path
from dualprev.reports.post_card_pdf import CardsPdfResult, build_cards_pdf
from dualprev.reports.post_card_styles import CardSize
from dualprev.services.scheme_service import read_setting, write_setting
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import (
    AccidentTypeRecord,
    ControlMeasure,
    Department,
    Enterprise,
    Hazard,
    HazardAccidentType,
    Person,
    Post,
    PostCardOverride,
    PostCardPrint,
    PostRiskPoint,
    RiskPoint,
    utcnow,
)

QR_URL_TEMPLATE_SETTING = "card.qr_url_template"
SIGN_LIBRARY_FILE = ("library", "safety_signs.json")
PAGE_SIZES = tuple(s.value for s in CardSize)

ProgressFn = Callable[[int, int], None]
"""Called with (cards done, cards in all)."""
CancelledFn = Callable[[], bool]


# --- records crossing the layer boundary ------------------------------------------------------


@dataclass(frozen=True)
class PostCard:
    """A post's card as it would print now, and how it stands against the last printed copy."""

    post_id: int
    sheet: CardSheet
    """What prints: content (overrides applied), revision, revision date, QR payload."""
    computed: CardContent
    """The content as the inventory says, without overrides (the editor shows both)."""
    overrides: Mapping[CardField, str]
    status: CardStatus
    content_hash: str
    printed_revision: int | None
    """Revision of the last printed copy (None: never printed)."""
    printed_on: date | None
    """Local date of the last print."""
    changed: tuple[CardField, ...]
    """Fields that differ from the last printed copy (status 需重新打印)."""
    problem: str | None
    """Why no card can be printed (no risk points, nothing evaluated), or None."""
    qr_url_template: str = ""

    @property
    def content(self) -> CardContent:
        return self.sheet.content

    @property
    def printable(self) -> bool:
        return self.problem is None

    @property
    def status_text(self) -> str:
        """未打印 / 已打印 r2 / 需重新打印 (printed r2) — as the card list shows it."""
        if self.status is CardStatus.PRINTED:
            return f"已打印 r{self.printed_revision}"
        if self.status is CardStatus.STALE:
            return f"需重新打印（已打印 r{self.printed_revision}）"
        return CardStatus.UNPRINTED.label


@dataclass(frozen=True)
class ReprintNeed:
    """A card on the wall that no longer matches the risks (for 首页)."""

    post_id: int
    post_name: str
    department: str
    printed_revision: int
    printed_on: date
    changed: tuple[str, ...]
    """Labels of the parts that changed, in card order, e.g. ("风险等级", "管控措施")."""


@dataclass(frozen=True)
class SkippedCard:
    post_id: int
    post_name: str
    reason: str


@dataclass(frozen=True)
class RenderedCards:
    pdf: bytes
    cards: tuple[PostCard, ...]
    """The cards in the PDF, in page order."""
    pages: int
    did_not_fit: tuple[PostCard, ...]
    """Cards continued on a second page because they do not fit one sheet at the minimum size."""
    skipped: tuple[SkippedCard, ...]
    cancelled: bool = False


@dataclass(frozen=True)
class ExportResult:
    path: Path | None
    """The PDF written (None when cancelled)."""
    pages: int
    cards: tuple[str, ...]
    """Post names of the cards exported, in page order."""
    did_not_fit: tuple[str, ...]
    """Post names whose card does not fit the sheet size (continued on a further page): use A3."""
    skipped: tuple[SkippedCard, ...]
    """Posts left out because no card can be printed for them, with the reason."""
    cancelled: bool = False


# --- loading -----------------------------------------------------------------------------------


@cache
def sign_library() -> SignLibrary:
    """The bundled safety-sign library (resources/library/safety_signs.json)."""
    text = resource_path(*SIGN_LIBRARY_FILE).read_text(encoding="utf-8")
    names = [t.name for types in ACCIDENT_VOCABULARIES.values() for t in types]
    return parse_sign_library(text, names)


def _enterprise(session: Session) -> EnterpriseFacts:
    row = session.exec(select(Enterprise).order_by(col(Enterprise.id))).first()
    if row is None:
        return EnterpriseFacts(name="")
    return EnterpriseFacts(
        name=row.name,
        code=row.code,
        duty_phone=row.duty_phone,
        safety_manager_name=row.safety_manager_name,
        safety_manager_phone=row.safety_manager_phone,
    )


def _post_facts(session: Session, post_ids: Sequence[int] | None) -> list[PostFacts]:
    """Facts of the posts (all, or ``post_ids``) in post order, with a handful of set-wide queries."""
    post_query = select(Post).order_by(col(Post.sort_order), col(Post.id))
    links_query = select(PostRiskPoint)
    faced_points = select(PostRiskPoint.risk_point_id)
    if post_ids is not None:
        # Only what these posts face: a preview must not load the whole inventory.
        post_query = post_query.where(col(Post.id).in_(list(post_ids)))
        links_query = links_query.where(col(PostRiskPoint.post_id).in_(list(post_ids)))
        faced_points = faced_points.where(col(PostRiskPoint.post_id).in_(list(post_ids)))
    posts = session.exec(post_query).all()
    departments = {d.id: d.name for d in session.exec(select(Department)).all()}
    people = {p.id: p for p in session.exec(select(Person)).all()}
    faced: dict[int, list[int]] = {}
    for link in session.exec(links_query).all():
        faced.setdefault(link.post_id, []).append(link.risk_point_id)
    points = {
        rp.id: rp for rp in session.exec(select(RiskPoint).where(col(RiskPoint.id).in_(faced_points))).all()
    }
    hazards_by_point: dict[int, list[Hazard]] = {}
    hazard_query = (
        select(Hazard)
        .where(col(Hazard.risk_point_id).in_(faced_points))
        .order_by(col(Hazard.risk_point_id), col(Hazard.seq), col(Hazard.id))
    )
    for h in session.exec(hazard_query).all():
        hazards_by_point.setdefault(h.risk_point_id, []).append(h)
    faced_hazards = select(Hazard.id).where(col(Hazard.risk_point_id).in_(faced_points))
    types: dict[int, list[str]] = {}
    for hazard_id, name in session.exec(
        select(HazardAccidentType.hazard_id, AccidentTypeRecord.name)
        .join(AccidentTypeRecord, col(AccidentTypeRecord.id) == col(HazardAccidentType.accident_type_id))
        .where(col(HazardAccidentType.hazard_id).in_(faced_hazards))
        .order_by(col(AccidentTypeRecord.sort_order), col(AccidentTypeRecord.code))
    ).all():
        types.setdefault(hazard_id, []).append(name)
    measures: dict[int, list[MeasureFact]] = {}
    for m in session.exec(
        select(ControlMeasure)
        .where(col(ControlMeasure.hazard_id).in_(faced_hazards))
        .order_by(col(ControlMeasure.sort_order), col(ControlMeasure.id))
    ).all():
        measures.setdefault(m.hazard_id, []).append(MeasureFact(m.category, m.content, m.is_existing))

    def point_key(rp_id: int) -> tuple[int, str, int]:
        rp = points[rp_id]
        return rp.sort_order, rp.code, rp_id

    facts = []
    for post in posts:
        post_id = post.id or 0
        rp_ids = sorted((rp for rp in faced.get(post_id, []) if rp in points), key=point_key)
        hazards = tuple(
            HazardFact(
                description=h.description,
                level=h.current_level,
                accident_types=tuple(types.get(h.id or 0, ())),
                measures=tuple(measures.get(h.id or 0, ())),
                context=f"{points[rp].name} {h.step_or_item}",
            )
            for rp in rp_ids
            for h in hazards_by_point.get(rp, [])
        )
        person = people.get(post.responsible_person_id)
        facts.append(
            PostFacts(
                post_id=post_id,
                post_name=post.name,
                department=departments.get(post.department_id, ""),
                workplace=post.workplace,
                work_content=post.work_content,
                responsible_name=person.name if person else "",
                responsible_phone=person.phone if person else "",
                risk_point_count=len(rp_ids),
                hazards=hazards,
            )
        )
    return facts


def _overrides(session: Session, post_ids: set[int]) -> dict[int, dict[CardField, str]]:
    known = {f.value: f for f in CardField if f.overridable}
    result: dict[int, dict[CardField, str]] = {}
    for row in session.exec(select(PostCardOverride).order_by(col(PostCardOverride.id))).all():
        if row.post_id in post_ids and row.field_key in known:
            result.setdefault(row.post_id, {})[known[row.field_key]] = row.text
    return result


def _local_date(moment: datetime) -> date:
    """A stored UTC timestamp (SQLite returns it naive) as a local calendar date."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone().date()


def _last_prints(session: Session, post_ids: set[int]) -> dict[int, tuple[PrintRecord, date]]:
    latest = select(func.max(PostCardPrint.id)).group_by(col(PostCardPrint.post_id))
    result: dict[int, tuple[PrintRecord, date]] = {}
    for row in session.exec(select(PostCardPrint).where(col(PostCardPrint.id).in_(latest))).all():
        if row.post_id not in post_ids:
            continue
        try:
            snap = json.loads(row.snapshot)
        except ValueError:
            snap = {}
        snap = snap if isinstance(snap, dict) else {}
        printed_on = _local_date(row.printed_at)
        try:
            revision_date = date.fromisoformat(str(snap.get("revision_date")))
        except ValueError:
            revision_date = printed_on
        result[row.post_id] = (PrintRecord(row.revision, revision_date, row.content_hash, snap), printed_on)
    return result


def _template(session: Session) -> str:
    value = read_setting(session, QR_URL_TEMPLATE_SETTING)
    return value.strip() if isinstance(value, str) else ""


def _cards(session: Session, post_ids: Sequence[int] | None, today: date) -> list[PostCard]:
    enterprise = _enterprise(session)
    facts = _post_facts(session, post_ids)
    ids = {f.post_id for f in facts}
    overrides = _overrides(session, ids)
    prints = _last_prints(session, ids)
    template = _template(session)
    library = sign_library()
    cards = []
    for f in facts:
        computed = compute_card(f, enterprise, library)
        content = apply_overrides(computed, overrides.get(f.post_id, {}), library)
        digest = content_hash(content, computed, template)
        last, printed_on = prints.get(f.post_id, (None, None))
        revision, revision_date, status = edition(last, digest, today)
        cards.append(
            PostCard(
                post_id=f.post_id,
                sheet=make_sheet(content, revision, revision_date, template),
                computed=computed,
                overrides=overrides.get(f.post_id, {}),
                status=status,
                content_hash=digest,
                printed_revision=last.revision if last else None,
                printed_on=printed_on,
                changed=changed_fields(last.snapshot, content, computed)
                if last is not None and status is CardStatus.STALE
                else (),
                problem=no_card_reason(f),
                qr_url_template=template,
            )
        )
    return cards


# --- reading -----------------------------------------------------------------------------------


def get_card(db: Database, post_id: int, *, today: date | None = None) -> PostCard:
    """The card of one post as it would print ``today`` (default: the real today)."""
    with db.read_session() as s:
        if s.get(Post, post_id) is None:
            raise NotFoundError(f"岗位不存在（编号 {post_id}），可能已被删除")
        return _cards(s, [post_id], today or date.today())[0]


def list_cards(db: Database, *, today: date | None = None) -> list[PostCard]:
    """Every post's card in post order, with its status (未打印 / 已打印 rN / 需重新打印)."""
    with db.read_session() as s:
        return _cards(s, None, today or date.today())


def cards_in(session: Session, *, today: date, post_ids: Sequence[int] | None = None) -> list[PostCard]:
    """The cards of all posts (or ``post_ids``) as they would print ``today``, read through the
    caller's session: for a use case that prints inside a larger transaction."""
    return _cards(session, post_ids, today)


def cards_needing_reprint(db: Database) -> list[ReprintNeed]:
    """Printed cards whose content has changed since their last print (需重新打印), in post order.

    A card counts as soon as anything it shows changed: a hazard, measure, level or evaluation
    behind it, the post's or the enterprise's particulars, an override, or the QR template. The
    same card reprinted clears it.
    """
    return [
        ReprintNeed(
            post_id=card.post_id,
            post_name=card.computed.post,
            department=card.computed.department,
            printed_revision=card.printed_revision or 0,
            printed_on=card.printed_on or date.today(),
            changed=tuple(f.label for f in card.changed),
        )
        for card in list_cards(db)
        if card.status is CardStatus.STALE
    ]


def qr_url_template(db: Database) -> str:
    """The enterprise's QR URL template ("" when cards carry the offline summary)."""
    with db.read_session() as s:
        return _template(s)


# --- writing -----------------------------------------------------------------------------------


def set_qr_url_template(db: Database, template: str, *, actor: str) -> None:
    """Set (or clear, with "") the URL that replaces the QR summary on every card, e.g.
    ``http://oa.example.cn/cards/{post_id}?r={revision}``. Placeholders: {code}, {post_id},
    {revision}, {card_number}."""
    template = template.strip()
    problem = url_template_problem(template)
    if problem:
        raise ValidationError(problem, "qr_url_template")
    with db.session() as s:
        old = write_setting(s, QR_URL_TEMPLATE_SETTING, template)
        audit.record(s, actor=actor, action="update", entity="setting", entity_id=None,
                     summary="修改告知卡二维码网址" if template else "告知卡二维码改回离线摘要",
                     changes={QR_URL_TEMPLATE_SETTING: [old, template]})  # fmt: skip


def save_overrides(
    db: Database, post_id: int, changes: Mapping[CardField, str | None], *, actor: str
) -> None:
    """Set (text) or clear (None) the user's text of some fields of a post's card, in one transaction.

    A text equal to the computed one is no override: it clears the field. Refuses (writing nothing)
    the level, unknown sign names, unreadable phone lines and over-long texts.
    """
    if not changes:
        return
    library = sign_library()
    for card_field, text in changes.items():
        if text is not None:
            problem = override_problem(CardField(card_field), text, library)
            if problem:
                raise ValidationError(problem, CardField(card_field).value)
        elif not CardField(card_field).overridable:
            raise ValidationError(f"{CardField(card_field).label}不能修改", CardField(card_field).value)
    with db.session() as s:
        post = s.get(Post, post_id)
        if post is None:
            raise NotFoundError(f"岗位不存在（编号 {post_id}），可能已被删除")
        computed = _cards(s, [post_id], date.today())[0].computed
        existing = {
            row.field_key: row
            for row in s.exec(select(PostCardOverride).where(PostCardOverride.post_id == post_id)).all()
        }
        diff: dict[str, list[Any]] = {}
        for card_field, text in changes.items():
            card_field = CardField(card_field)
            row = existing.get(card_field.value)
            stored = normalised_override(card_field, text) if text is not None else None
            if stored is not None and stored == normalised_override(
                card_field, field_text(computed, card_field)
            ):
                stored = None
            if stored is None:
                if row is not None:
                    s.delete(row)
                    diff[card_field.value] = [row.text, None]
                continue
            if row is None:
                row = PostCardOverride(post_id=post_id, field_key=card_field.value, text=stored)
                diff[card_field.value] = [None, stored]
            elif row.text != stored:
                diff[card_field.value] = [row.text, stored]
                row.text = stored
            row.updated_at = utcnow()
            s.add(row)
        if diff:
            labels = "、".join(CardField(k).label for k in diff)
            audit.record(s, actor=actor, action="update", entity="post_card", entity_id=post_id,
                         summary=f"修改岗位告知卡内容：{post.name}（{labels}）", changes=diff)  # fmt: skip


def save_override(db: Database, post_id: int, card_field: CardField, text: str, *, actor: str) -> None:
    """Replace the computed text of one field of a post's card; it survives regeneration."""
    save_overrides(db, post_id, {card_field: text}, actor=actor)


def clear_override(db: Database, post_id: int, card_field: CardField, *, actor: str) -> None:
    """Go back to the computed text of one field."""
    save_overrides(db, post_id, {card_field: None}, actor=actor)


def record_print(db: Database, cards: Sequence[PostCard], *, page_size: str = "A4", actor: str) -> None:
    """Keep a snapshot of each printed card (revision, content hash, content), in one transaction.

    Call it with the cards exactly as they were printed; cards that cannot be printed are refused.
    """
    if not cards:
        return
    for card in cards:
        if card.problem:
            raise ValidationError(card.problem)
    with db.session() as s:
        record_print_in(s, cards, page_size=page_size)
        names = "、".join(f"{c.content.post} r{c.sheet.revision}" for c in cards)
        audit.record(s, actor=actor, action="print", entity="post_card", entity_id=cards[0].post_id if len(cards) == 1 else None,
                     summary=f"打印岗位告知卡（{page_size}）：{names}",
                     changes={"post_ids": [c.post_id for c in cards], "page_size": page_size})  # fmt: skip


def record_print_in(
    session: Session,
    cards: Sequence[PostCard],
    *,
    page_size: str = "A4",
    printed_at: datetime | None = None,
) -> None:
    """:func:`record_print` inside the caller's transaction, without an audit entry (the caller
    audits its own use case). ``printed_at`` (aware) dates the prints; default: now.

    Refuses cards that cannot be printed and posts that no longer exist.
    """
    for card in cards:
        if card.problem:
            raise ValidationError(card.problem)
        if session.get(Post, card.post_id) is None:
            raise NotFoundError(f"岗位不存在（编号 {card.post_id}），可能已被删除")
        snap = snapshot(card.sheet, card.computed, card.qr_url_template)
        row = PostCardPrint(
            post_id=card.post_id,
            revision=card.sheet.revision,
            content_hash=card.content_hash,
            snapshot=json.dumps(snap, ensure_ascii=False, sort_keys=True),
            page_size=page_size[:8],
        )
        if printed_at is not None:
            row.printed_at = printed_at.astimezone(UTC)
        session.add(row)
    session.flush()


# --- rendering and export ------------------------------------------------------------------------


def card_size(size: str) -> CardSize:
    """The sheet size named ``size`` (A4, A3, A5), or a ValidationError."""
    try:
        return CardSize(size.strip().upper())
    except ValueError:
        raise ValidationError(f"纸张大小应为 A4、A3 或 A5，而不是“{size}”", "size") from None


def page_size_label(size: str, two_up: bool) -> str:
    """How a print's paper is recorded: "A4", or "A4x2" for two A5 cards on one A4 sheet."""
    return f"{card_size(size).value}x2" if two_up else card_size(size).value


def _select(
    db: Database, post_ids: Sequence[int] | None, post_names: Sequence[str] | None, today: date
) -> list[PostCard]:
    with db.read_session() as s:
        posts = s.exec(select(Post.id, Post.name)).all()
        if not posts:
            raise UserError("还没有岗位，无法生成告知卡。请先在“企业信息 → 岗位”中添加岗位。")
        ids: list[int] | None = None
        if post_ids is not None:
            known = {pid for pid, _name in posts}
            missing = [str(i) for i in post_ids if i not in known]
            if missing:
                raise NotFoundError(f"岗位不存在（编号 {'、'.join(missing)}），可能已被删除")
            ids = list(post_ids)
        if post_names is not None:
            names = {n.strip() for n in post_names if n.strip()}
            unknown = [n for n in names if not any(name == n for _pid, name in posts)]
            if unknown:
                raise NotFoundError(f"没有名为“{'”“'.join(sorted(unknown))}”的岗位")
            named = [pid for pid, name in posts if name in names and pid is not None]
            ids = named if ids is None else [i for i in ids if i in set(named)]
        return _cards(s, ids, today)


def render_cards(
    db: Database,
    *,
    post_ids: Sequence[int] | None = None,
    post_names: Sequence[str] | None = None,
    size: str = "A4",
    two_up: bool = False,
    today: date | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> RenderedCards:
    """The PDF of the chosen cards (all posts by default), without recording a print.

    Posts for which no card can be printed are left out and listed in ``skipped``; when that leaves
    nothing, a UserError says why (the reason itself when one post was asked for).
    """
    sheet_size = card_size(size)
    if two_up and sheet_size.half is None:
        raise ValidationError("A5 纸不能两张拼版，请选 A4（两张 A5）或 A3（两张 A4）", "two_up")
    cards = _select(db, post_ids, post_names, today or date.today())
    if not cards:
        raise UserError("没有选择岗位，无法生成告知卡")
    printable = [c for c in cards if c.printable]
    skipped = tuple(
        SkippedCard(c.post_id, c.computed.post, c.problem or "") for c in cards if not c.printable
    )
    if not printable:
        if len(skipped) == 1:
            raise UserError(skipped[0].reason)
        raise UserError(
            "所选岗位都不能生成告知卡："
            + "；".join(f"{s.post_name}（{_short_reason(s.reason)}）" for s in skipped)
        )
    buffer = BytesIO()
    result: CardsPdfResult = build_cards_pdf(
        buffer,
        [c.sheet for c in printable],
        size=sheet_size,
        two_up=two_up,
        progress=progress,
        cancelled=cancelled,
        author=printable[0].content.enterprise,
    )
    if result.cancelled:
        return RenderedCards(b"", (), 0, (), skipped, cancelled=True)
    over = set(result.overflowed)
    return RenderedCards(
        pdf=buffer.getvalue(),
        cards=tuple(printable),
        pages=result.pages,
        did_not_fit=tuple(c for c in printable if c.post_id in over),
        skipped=skipped,
    )


def _short_reason(reason: str) -> str:
    for key in ("尚未关联风险点", "还没有危险源", "尚未评价"):
        if key in reason:
            return key
    return reason


def _write_atomically(path: Path, data: bytes) -> None:
    path = Path(path)
    output_guard.refuse_inputs(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".~", suffix=".pdf", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except PermissionError:
        raise StorageError(f"无法写入文件：{path}（没有权限，或文件正被其他程序打开）") from None
    except OSError as exc:
        raise StorageError(f"无法写入文件：{path}（{exc.strerror or exc}）") from None


def export_cards(
    db: Database,
    out_path: Path | str,
    *,
    size: str = "A4",
    post_names: Sequence[str] | None = None,
    two_up: bool = False,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
    post_ids: Sequence[int] | None = None,
    today: date | None = None,
    actor: str = "",
    record: bool = True,
) -> ExportResult:
    """Write the cards of all posts (or those named / with the given ids) into one PDF, one card
    per page, and record each as printed (a PDF is a print: it is what gets taken to the printer).

    Cards that do not fit the size are continued on a further page and named in ``did_not_fit``
    (offer A3); posts without an evaluated risk are left out and named in ``skipped``. Cancelled:
    nothing is written or recorded. The file is replaced atomically.
    """
    rendered = render_cards(db, post_ids=post_ids, post_names=post_names, size=size, two_up=two_up,
                            today=today, progress=progress, cancelled=cancelled)  # fmt: skip
    if rendered.cancelled:
        return ExportResult(None, 0, (), (), rendered.skipped, cancelled=True)
    target = Path(out_path)
    _write_atomically(target, rendered.pdf)
    if record:
        record_print(db, rendered.cards, page_size=page_size_label(size, two_up), actor=actor or "命令行")
    return ExportResult(
        path=target,
        pages=rendered.pages,
        cards=tuple(c.content.post for c in rendered.cards),
        did_not_fit=tuple(c.content.post for c in rendered.did_not_fit),
        skipped=rendered.skipped,
    )
