"""岗位安全风险告知卡 QR payload: the stable id line ``DP1:<enterprise code>:<post id>:r<revision>``,
then a plain-text summary of at most 400 bytes (UTF-8), shortened by abbreviating and dropping
whole items and lines, never by cutting inside a clause; or the enterprise's URL when it set a
template."""

import string
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from dualprev.domain.post_card import PUBLIC_PHONES, CardContent, CardSheet, clean_code

QR_MAX_BYTES = 400
QR_ID_PREFIX = "DP1"

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
