"""岗位安全风险告知卡 rendering and export: the PDF of the chosen cards (one per page, or two up),
and its export to a file, recorded as a print."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path

from dualprev.errors import NotFoundError, UserError, ValidationError
from dualprev.reports.output import write_atomically
from dualprev.reports.post_card_pdf import CardsPdfResult, build_cards_pdf
from dualprev.reports.post_card_styles import CardSize
from dualprev.services.post_card_service import PostCard, cards_in, record_print
from dualprev.storage.db import Database
from dualprev.storage.queries import organisation

PAGE_SIZES = tuple(s.value for s in CardSize)

ProgressFn = Callable[[int, int], None]
"""Called with (cards done, cards in all)."""
CancelledFn = Callable[[], bool]


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
    enlarged: tuple[tuple[PostCard, CardSize], ...] = ()
    """Cards printed on a larger sheet than asked (A5 → A4 → A3) to keep their type size."""


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
    enlarged: tuple[tuple[str, CardSize], ...] = ()
    """(post name, sheet) of cards printed on a larger sheet than asked, to keep their type size."""
    recorded: tuple["PrintedRevision", ...] = ()
    """The print revisions written to the database (empty when the export was not recorded)."""


@dataclass(frozen=True)
class PrintedRevision:
    """One card recorded as printed by an export: the only change an export makes to the data."""

    post: str
    revision: int
    revision_date: date


def recorded_summary(recorded: Sequence[PrintedRevision]) -> str:
    """One Chinese line saying which print revisions an export recorded, or "" when none."""
    if not recorded:
        return ""
    items = "、".join(f"{r.post} 第 {r.revision} 版" for r in recorded)
    return f"已在数据库中记录打印版次（{len(recorded)} 张）：{items}"


def card_size(size: str) -> CardSize:
    """The sheet size named ``size`` (A4, A3, A5), or a ValidationError."""
    try:
        return CardSize(size.strip().upper())
    except ValueError:
        raise ValidationError(f"纸张大小应为 A4、A3 或 A5，而不是“{size}”", "size") from None


def page_size_label(size: str, two_up: bool) -> str:
    """How a print's paper is recorded: "A4", or "A4x2" for two A5 cards on one A4 sheet."""
    return f"{card_size(size).value}x2" if two_up else card_size(size).value


def _chosen_cards(
    db: Database, post_ids: Sequence[int] | None, post_names: Sequence[str] | None, today: date
) -> list[PostCard]:
    with db.read_session() as s:
        posts = organisation.post_names(session=s)
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
        return cards_in(s, today=today, post_ids=ids)


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
    cards = _chosen_cards(db, post_ids, post_names, today or date.today())
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
    by_id = {c.post_id: c for c in printable}
    return RenderedCards(
        pdf=buffer.getvalue(),
        cards=tuple(printable),
        pages=result.pages,
        did_not_fit=tuple(c for c in printable if c.post_id in over),
        skipped=skipped,
        enlarged=tuple((by_id[pid], s) for pid, s in result.enlarged),
    )


def _short_reason(reason: str) -> str:
    for key in ("尚未关联风险点", "还没有危险源", "尚未评价"):
        if key in reason:
            return key
    return reason


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
    The print revisions recorded — the one change an export makes to the database — are returned
    in ``recorded`` for the caller to say so.

    Cards that do not fit the size are continued on a further page and named in ``did_not_fit``
    (offer A3); posts without an evaluated risk are left out and named in ``skipped``. Cancelled:
    nothing is written or recorded. The file is replaced atomically.
    """
    rendered = render_cards(db, post_ids=post_ids, post_names=post_names, size=size, two_up=two_up,
                            today=today, progress=progress, cancelled=cancelled)  # fmt: skip
    if rendered.cancelled:
        return ExportResult(None, 0, (), (), rendered.skipped, cancelled=True)
    target = Path(out_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"无法创建输出文件夹：{target.parent}（{exc.strerror or exc}）") from None
    write_atomically(target, lambda stream: stream.write(rendered.pdf))
    revisions: tuple[PrintedRevision, ...] = ()
    if record:
        record_print(db, rendered.cards, page_size=page_size_label(size, two_up), actor=actor or "命令行")
        revisions = tuple(
            PrintedRevision(c.content.post, c.sheet.revision, c.sheet.revision_date) for c in rendered.cards
        )
    return ExportResult(
        path=target,
        pages=rendered.pages,
        cards=tuple(c.content.post for c in rendered.cards),
        did_not_fit=tuple(c.content.post for c in rendered.did_not_fit),
        skipped=rendered.skipped,
        enlarged=tuple((c.content.post, s) for c, s in rendered.enlarged),
        recorded=revisions,
    )
