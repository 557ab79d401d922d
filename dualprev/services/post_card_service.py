"""岗位安全风险告知卡 use cases: a post's card computed from the risk inventory with the user's
overrides, the cards' print status, the print record (a snapshot per printed card), and the list of
cards the wall shows out of date (需重新打印). Rendering and export: :mod:`post_card_export`.

A card's content is never stored: it is computed on every read (domain.post_card). What is stored
is the user's override per field (``post_card_override``) and one snapshot per print
(``post_card_print``: revision, content hash, the content as JSON).
"""

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from dualprev.domain import settings
from dualprev.domain.post_card import (
    CardContent,
    CardField,
    CardSheet,
    CardStatus,
    changed_fields,
    compute_card,
    content_hash,
    edition,
    no_card_reason,
    snapshot,
)
from dualprev.domain.post_card_overrides import (
    apply_overrides,
    field_text,
    normalised_override,
    override_problem,
)
from dualprev.domain.post_card_qr import make_sheet, url_template_problem
from dualprev.domain.safety_signs import SignLibrary, parse_sign_library
from dualprev.domain.vocabularies import ACCIDENT_VOCABULARIES
from dualprev.errors import NotFoundError, ValidationError
from dualprev.paths import resource_path
from dualprev.storage import audit
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Post, PostCardOverride, PostCardPrint, utcnow
from dualprev.storage.queries import post_cards as queries

SIGN_LIBRARY_FILE = ("library", "safety_signs.json")

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


# --- loading -----------------------------------------------------------------------------------


@cache
def sign_library() -> SignLibrary:
    """The bundled safety-sign library (resources/library/safety_signs.json)."""
    text = resource_path(*SIGN_LIBRARY_FILE).read_text(encoding="utf-8")
    names = [t.name for types in ACCIDENT_VOCABULARIES.values() for t in types]
    return parse_sign_library(text, names)


def _template(session: Session) -> str:
    return stored_settings.read(session, settings.QR_URL_TEMPLATE)


def _cards(session: Session, post_ids: Sequence[int] | None, today: date) -> list[PostCard]:
    enterprise = queries.enterprise_facts(session=session)
    facts = queries.post_facts(session=session, post_ids=post_ids)
    ids = {f.post_id for f in facts}
    overrides = queries.overrides(session=session, post_ids=ids)
    prints = queries.last_prints(session=session, post_ids=ids)
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
        old = stored_settings.write(s, settings.QR_URL_TEMPLATE, template)
        audit.record(s, actor=actor, action="update", entity="setting", entity_id=None,
                     summary="修改告知卡二维码网址" if template else "告知卡二维码改回离线摘要",
                     changes={settings.QR_URL_TEMPLATE.key: [old, template]})  # fmt: skip


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
        existing = {row.field_key: row for row in queries.override_rows(session=s, post_id=post_id)}
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


def record_print(
    db: Database,
    cards: Sequence[PostCard],
    *,
    page_size: str = "A4",
    actor: str,
    printed_at: datetime | None = None,
) -> None:
    """Keep a snapshot of each printed card (revision, content hash, content), in one transaction.

    Call it with the cards exactly as they were printed; cards that cannot be printed are refused.
    ``printed_at`` (aware) dates the prints; default: now.
    """
    if not cards:
        return
    for card in cards:
        if card.problem:
            raise ValidationError(card.problem)
    with db.session() as s:
        record_print_in(s, cards, page_size=page_size, printed_at=printed_at)
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
