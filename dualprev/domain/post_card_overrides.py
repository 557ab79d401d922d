"""岗位安全风险告知卡 overrides: the text form of each card field a user can edit, how such a text
is checked and read back into the card, and how it is stored (normalised)."""

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from dualprev.domain.post_card import (
    CardContent,
    CardField,
    MeasureGroup,
    Phone,
    unique_texts,
)
from dualprev.domain.safety_signs import SignLibrary, parse_sign_words

OVERRIDE_MAX_CHARS = 4000

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
                changes["accident_types"] = tuple(unique_texts(_words(text)))
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
