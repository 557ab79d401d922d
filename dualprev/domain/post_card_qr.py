"""岗位安全风险告知卡 QR payload: the stable id line ``DP1:<enterprise code>:<post id>:r<revision>``,
then a plain-text summary made of whole items of the card, each printed exactly as on the card
(nothing abbreviated or cut, so it never contradicts the card), small enough for a code with large
modules; or the enterprise's URL when it set a template."""

import string
from collections.abc import Sequence
from datetime import date

from dualprev.domain.post_card import PUBLIC_PHONES, CardContent, CardSheet, clean_code

QR_MAX_BYTES = 400
"""The most any payload holds (domain.md §6)."""
QR_TARGET_BYTES = 250
"""What the default summary aims at: up to 250 bytes of UTF-8 fit a version-11 code at error
correction M (61 modules), which the card prints 64 mm wide on A4: 1.05 mm modules, big enough
for a phone held 0.6 m away (see post_card_styles.QR_DESIGN_MM)."""
QR_ID_PREFIX = "DP1"

# --- QR payload ---------------------------------------------------------------------------------

URL_PLACEHOLDERS = ("code", "post_id", "revision", "card_number")


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


def _phone(label: str, number: str) -> str:
    return f"{label} {number}"


def _one_line(items: Sequence[str]) -> list[str]:
    """Items as single lines: a line break typed inside one must not start a new payload line."""
    return [" ".join(t.split()) for t in items]


def summary_items(content: CardContent) -> tuple[str, ...]:
    """Every text the default summary may hold, each exactly as the card prints it (the test of
    "never contradicts the card": each is found in the card's text)."""
    level = content.level.label if content.level is not None else "未评价"
    return (
        content.post,
        content.department,
        level,
        *content.accident_types,
        *(_phone(p.label, p.number) for p in content.phones),
        *content.emergency,
        *content.hazards,
    )


def qr_summary(
    content: CardContent, revision: int, revision_date: date, max_bytes: int = QR_TARGET_BYTES
) -> str:
    """The default QR payload: the id line, then whole items of the card, most useful first.

    Always: the post (and its department) with its level, every accident type the card lists,
    and the phones (the enterprise's own first). Then, while the payload stays within
    ``max_bytes``: the emergency measures in the card's order, then the hazards, each whole or
    not at all. ``revision_date`` is on the card's footer; the id line carries the revision.

    A fixed part over ``QR_TARGET_BYTES`` leaves out the public phones, then the department; one
    over QR_MAX_BYTES the accident-type line, then everything but the id line.
    """
    del revision_date  # the revision in the id line names the printed edition
    head = qr_id_line(content.enterprise_code, content.post_id, revision)
    level = content.level.label if content.level is not None else "未评价"
    own = [_phone(p.label, p.number) for p in content.phones if (p.label, p.number) not in PUBLIC_PHONES]
    public = [_phone(p.label, p.number) for p in content.phones if (p.label, p.number) in PUBLIC_PHONES]
    post = f"{content.post}（{content.department}）" if content.department else content.post
    fixed = [
        head,
        f"{post} {level}",
        f"事故：{'、'.join(content.accident_types)}" if content.accident_types else "",
        f"电话：{'；'.join(own + public)}" if own or public else "",
    ]

    def size(lines: Sequence[str]) -> int:
        return len("\n".join(t for t in lines if t).encode("utf-8"))

    # Over the target, the fixed part gives up what the card says louder anyway: the public
    # numbers (119, 120, 110: printed large on every card), then the department; only past
    # QR_MAX_BYTES the accident-type line and finally all but the id line.
    cuts = [
        (QR_TARGET_BYTES, 3, f"电话：{'；'.join(own)}" if own else ""),
        (QR_TARGET_BYTES, 1, f"{content.post} {level}"),
        (QR_MAX_BYTES, 2, ""),
    ]
    for limit, index, shorter in cuts:
        if size(fixed) > limit:
            fixed[index] = shorter
    chosen: list[str] = []
    budget = max(max_bytes, size(fixed))
    for label, items in (("应急：", _one_line(content.emergency)), ("危险：", _one_line(content.hazards))):
        # Most important first; an item too long for what is left gives way to a shorter one after it.
        taken: list[str] = []
        for item in items:
            if size([*fixed, *chosen, label + "；".join([*taken, item])]) <= budget:
                taken.append(item)
        if taken:
            chosen.append(label + "；".join(taken))
    return "\n".join(t for t in [*fixed, *chosen] if t)


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
