"""Moving an enterprise's accident types from GB 6441-1986 to GB 6441-2025 (事故类型分类标准切换).

A plan first: which 1986 types the records name, how many, what each becomes, and which records
nothing decides (其他爆炸 whose words name no kind of explosion). Then the switch, in one
transaction with one audit entry: every hazard's and hidden danger's links to 1986 types are
replaced by 2025 types, and the setting changes. Closed and voided hidden dangers move too, so one
ledger never mixes two classifications; the audit entry keeps what each record named before.
Printed cards keep their snapshot; the 告知卡 page marks them 需重新打印.
"""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dualprev.domain import settings
from dualprev.domain.accident_type_mapping import (
    MAPPING_1986_TO_2025,
    TypeMapping,
    check_choices,
    choice_label,
    names_in_2025,
)
from dualprev.domain.vocabularies import GB6441_1986, GB6441_2025, vocabulary_title
from dualprev.errors import ValidationError
from dualprev.services.risks.accident_types import vocabulary_in
from dualprev.storage import audit
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database
from dualprev.storage.queries import accident_links
from dualprev.storage.queries.accident_links import LinkedKind, LinkedRecord

MAX_LISTED = 8
"""Undecided records named in a message; the rest are counted."""


@dataclass(frozen=True)
class TypeInUse:
    """One 1986 type that records name, and where it goes."""

    hazards: int
    hidden_dangers: int
    decided_by_words: int
    """Records whose own words decide it (其他爆炸, 中毒和窒息)."""
    undecided: tuple[str, ...]
    """Labels of the records nothing decides without a choice."""
    mapping: TypeMapping

    @property
    def name(self) -> str:
        return self.mapping.source

    @property
    def default(self) -> tuple[str, ...]:
        """What it becomes without a choice (empty: only the words or a choice decide)."""
        return self.mapping.default

    @property
    def choices(self) -> tuple[tuple[str, ...], ...]:
        return self.mapping.choices

    @property
    def is_fixed(self) -> bool:
        return self.mapping.is_fixed

    @property
    def reads_words(self) -> bool:
        """Whether the records' words decide it first, a choice only deciding the rest."""
        return self.mapping.reads_words


@dataclass(frozen=True)
class SwitchPlan:
    current: str
    target: str
    types: tuple[TypeInUse, ...]

    @property
    def is_needed(self) -> bool:
        return self.current != self.target

    @property
    def needs_choice(self) -> tuple[str, ...]:
        """1986 types with records that only a choice can decide."""
        return tuple(t.name for t in self.types if t.undecided)


@dataclass(frozen=True)
class SwitchResult:
    hazards: int
    hidden_dangers: int
    by_type: tuple[tuple[str, str], ...]
    """(1986 type, what it became: "中毒 + 窒息", or several kinds for 其他爆炸) in code order."""


def switch_plan(db: Database) -> SwitchPlan:
    """What switching to GB 6441-2025 would do; nothing is written."""
    with db.read_session() as s:
        current = vocabulary_in(s)
        records = accident_links.linked_records(session=s, vocabulary=GB6441_1986)
    return SwitchPlan(current, GB6441_2025, _types_in_use(records))


def _types_in_use(records: Sequence[LinkedRecord]) -> tuple[TypeInUse, ...]:
    order = list(MAPPING_1986_TO_2025)
    names = sorted({n for r in records for n in r.type_names}, key=order.index)
    types = []
    for name in names:
        mapping = MAPPING_1986_TO_2025[name]
        naming = [r for r in records if name in r.type_names]
        by_words = 0
        undecided: list[str] = []
        for record in naming:
            picked, left = names_in_2025((name,), record.text)
            if left:
                undecided.append(record.label)
            elif picked != mapping.default:
                by_words += 1
        types.append(
            TypeInUse(
                sum(r.kind is LinkedKind.HAZARD for r in naming),
                sum(r.kind is LinkedKind.HIDDEN_DANGER for r in naming),
                by_words,
                tuple(undecided),
                mapping,
            )
        )
    return tuple(types)


def switch_to_2025(db: Database, choices: Mapping[str, Sequence[str]], *, actor: str) -> SwitchResult:
    """Move every record's accident types to GB 6441-2025 and make it the enterprise's vocabulary.

    ``choices`` picks, per 1986 type, one of its choices instead of the default (for 其他爆炸: for
    the records whose words name no kind). Raises ValidationError when the enterprise uses 2025
    already, a choice is not offered, or a record is left undecided; nothing is written then.
    """
    if problems := check_choices(choices):
        raise ValidationError("；".join(problems))
    with db.session() as s:
        current = vocabulary_in(s)
        if current == GB6441_2025:
            raise ValidationError(f"已在使用 {vocabulary_title(GB6441_2025)}，无需切换。")
        records = accident_links.linked_records(session=s, vocabulary=GB6441_1986)
        ids = accident_links.type_ids(session=s, vocabulary=GB6441_2025)
        new_ids: dict[tuple[LinkedKind, int], list[int]] = {}
        became: dict[str, Counter[str]] = {}
        undecided: list[str] = []
        before: dict[str, dict[str, object]] = {}
        for record in records:
            per_type = {old: names_in_2025((old,), record.text, choices) for old in record.type_names}
            if left := [old for old, (_picked, undecided_old) in per_type.items() if undecided_old]:
                undecided.append(f"{record.label}（{'、'.join(left)}）")
                continue
            names = dict.fromkeys(n for picked, _ in per_type.values() for n in picked)
            new_ids[(record.kind, record.id)] = [ids[n] for n in names]
            before[f"{record.kind.value}:{record.id}"] = {
                "label": record.label,
                "types": list(record.type_names),
            }
            for old, (picked, _) in per_type.items():
                became.setdefault(old, Counter())[choice_label(picked)] += 1
        if undecided:
            listed = "；".join(undecided[:MAX_LISTED])
            more = f"等 {len(undecided)} 条" if len(undecided) > MAX_LISTED else ""
            raise ValidationError(
                f"以下记录的“其他爆炸”无法从文字判断是哪一类爆炸，请为“其他爆炸”选择对应的类别后再切换：{listed}{more}。",
                field="其他爆炸",
            )
        accident_links.replace_links(session=s, old_vocabulary=GB6441_1986, new_ids=new_ids)
        stored_settings.write(s, settings.ACCIDENT_VOCABULARY, GB6441_2025)
        order = list(MAPPING_1986_TO_2025)
        by_type = tuple(
            (old, "；".join(label for label, _ in became[old].most_common()))
            for old in sorted(became, key=order.index)
        )
        hazards = sum(kind is LinkedKind.HAZARD for kind, _ in new_ids)
        dangers = len(new_ids) - hazards
        audit.record(
            s,
            actor=actor,
            action="switch",
            entity="accident_type",
            entity_id=None,
            summary=(
                f"事故类型分类标准由 {vocabulary_title(current)} 切换为 {vocabulary_title(GB6441_2025)}："
                f"危险源 {hazards} 条、隐患 {dangers} 条"
            ),
            changes={
                "vocabulary": [current, GB6441_2025],
                "mapping": dict(by_type),
                "choices": {k: list(v) for k, v in choices.items()},
                "before": before,
            },
        )
    return SwitchResult(hazards, dangers, by_type)
