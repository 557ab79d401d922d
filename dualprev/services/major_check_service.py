"""The 判定标准 self-check (重大事故隐患自查): record one against the items that apply to the
enterprise, register a 重大隐患 for each 不符合 answer in the same transaction (判定依据 = the item,
linked both ways), read checks back, and print the signed record."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from dualprev.domain.hidden_danger import (
    HiddenDangerCategory,
    HiddenDangerDraft,
    HiddenDangerLevel,
    HiddenDangerSource,
    PhotoStage,
)
from dualprev.domain.major_duties import AnswerDraft, CheckAnswer, MajorCheckKind, self_check_problems
from dualprev.domain.major_standard import Sector, SpecialCondition, join_codes, parse_codes
from dualprev.domain.validation import first_problem
from dualprev.errors import NotFoundError, ValidationError
from dualprev.reports.major_check_record import MajorCheckRecordData, RecordRow, write_major_check_pdf
from dualprev.reports.output import ExportResult, write_atomically
from dualprev.services import photo_service
from dualprev.services.hidden_dangers.registration import register_in
from dualprev.services.hidden_dangers.trail import raise_problem
from dualprev.services.major_standard_service import StandardScope, get_scope, load_standard
from dualprev.services.photo_service import PreparedPhoto
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.files import FileStore
from dualprev.storage.models import HiddenDanger, MajorCheck, MajorCheckAnswer, utcnow
from dualprev.storage.queries import major_checks as queries
from dualprev.storage.queries.organisation import enterprise as enterprise_row
from dualprev.storage.repos import get_or_raise


@dataclass(frozen=True)
class MajorCheckInput:
    """What the self-check form hands over: every applicable item answered."""

    checked_on: date
    checker_names: str
    answers: tuple[AnswerDraft, ...]
    kind: MajorCheckKind = MajorCheckKind.ANNUAL
    note: str = ""
    photos: Mapping[str, PreparedPhoto] = field(default_factory=dict)
    """A photo per item key (optional)."""


@dataclass(frozen=True)
class AnswerInfo:
    item_key: str
    item_label: str
    item_text: str
    verified: bool
    answer: CheckAnswer
    note: str
    photo_path: Path | None
    hidden_danger_id: int | None
    hidden_danger_number: str


@dataclass(frozen=True)
class MajorCheckInfo:
    """One recorded self-check with its answers, in the standard's order."""

    id: int
    kind: MajorCheckKind
    checked_on: date
    checker_names: str
    standard_version: str
    scope: StandardScope
    note: str
    answers: tuple[AnswerInfo, ...]

    def count(self, answer: CheckAnswer) -> int:
        return sum(1 for a in self.answers if a.answer is answer)

    @property
    def title(self) -> str:
        return f"{self.checked_on.isoformat()} {self.kind.label}"


def applicable_items(db: Database) -> list[tuple[str, str, str, bool]]:
    """(key, label, text, verified) of the items that apply to the enterprise, in order."""
    return [(i.key, i.label, i.text, i.verified) for i in get_scope(db).items()]


def record_self_check(
    db: Database,
    data: MajorCheckInput,
    *,
    actor: str,
    today: date | None = None,
    now: datetime | None = None,
) -> MajorCheckInfo:
    """Record the self-check; each 不符合 answer registers a 重大隐患 (判定依据 = its item)."""
    today = today or date.today()
    now = now or utcnow()
    scope = get_scope(db)
    standard = load_standard()
    items = scope.items(standard)
    keys = [i.key for i in items]
    raise_problem(
        first_problem(
            self_check_problems(keys, list(data.answers), data.checked_on, data.checker_names, today)
        )
    )
    by_key = {a.item_key: a for a in data.answers}
    with photo_service.staged_files(db) as files, db.session() as s:
        check = MajorCheck(
            kind=data.kind, checked_on=data.checked_on, checker_names=data.checker_names.strip(),
            standard_version=standard.version, sectors=join_codes(scope.sectors),
            special_conditions=join_codes(scope.conditions), note=data.note.strip(), actor=actor, created_at=now,
        )  # fmt: skip
        s.add(check)
        s.flush()
        assert check.id is not None
        found = 0
        for item in items:
            answer = by_key[item.key]
            assert answer.answer is not None
            photo = data.photos.get(item.key)
            row = MajorCheckAnswer(
                major_check_id=check.id, item_key=item.key, item_text=item.text, answer=answer.answer,
                note=answer.note.strip(),
            )  # fmt: skip
            if photo is not None:
                row.photo_file = files.put(photo.data, ".jpg")
                row.photo_thumb = files.put(photo.thumbnail, ".jpg")
            if answer.answer is CheckAnswer.NON_COMPLIANT and answer.hidden_danger_id is not None:
                existing = s.get(HiddenDanger, answer.hidden_danger_id)
                if (
                    existing is None
                    or existing.level is not HiddenDangerLevel.MAJOR
                    or not existing.status.is_open
                ):
                    raise ValidationError(
                        f"{item.label}：所选隐患不是未销号的重大隐患，请另选或登记新的重大隐患",
                        f"item:{item.key}",
                    )
                row.hidden_danger_id = existing.id
            elif answer.answer is CheckAnswer.NON_COMPLIANT:
                draft = HiddenDangerDraft(
                    found_on=data.checked_on,
                    description=answer.note,
                    level=HiddenDangerLevel.MAJOR,
                    category=HiddenDangerCategory.MANAGEMENT
                    if item.article == 3
                    else HiddenDangerCategory.SITE,
                    source=HiddenDangerSource.SELF_FOUND,
                    source_detail=f"{data.kind.label}（重大事故隐患判定标准）",
                    finder_names=data.checker_names,
                    location=answer.location,
                    basis=item.basis_text,
                    standard_item=item.key,
                    rectifier_id=answer.rectifier_id,
                    deadline=answer.deadline,
                    responsible_department_id=answer.responsible_department_id,
                    rectification_measures=answer.measures,
                )
                danger = register_in(s, draft, actor=actor, today=today, now=now)
                assert danger.id is not None
                row.hidden_danger_id = danger.id
                if photo is not None:
                    photo_service.attach(s, files, danger.id, PhotoStage.BEFORE, [photo], now=now)
                found += 1
            s.add(row)
        audit.record(
            s, actor=actor, action="create", entity="major_check", entity_id=check.id,
            summary=f"{data.kind.label}（判定标准）{data.checked_on}：{len(items)} 项，不符合 {found} 项",
            changes={},
        )  # fmt: skip
        new_id = check.id
    return get_check(db, new_id)


def list_checks(db: Database) -> list[MajorCheckInfo]:
    """Every recorded self-check, newest first."""
    with db.read_session() as s:
        ids = [c.id for c in queries.checks(session=s) if c.id is not None]
    return [get_check(db, i) for i in ids]


def get_check(db: Database, major_check_id: int) -> MajorCheckInfo:
    standard = load_standard()
    store = FileStore(db.files_dir)
    with db.read_session() as s:
        check: MajorCheck = get_or_raise(s, MajorCheck, major_check_id, "判定标准自查记录")
        rows = queries.answers_of(session=s, major_check_id=major_check_id)
        numbers = queries.hidden_danger_numbers(
            session=s, ids=[r.hidden_danger_id for r in rows if r.hidden_danger_id is not None]
        )
        answers = []
        for r in rows:
            item = standard.find(r.item_key)
            answers.append(
                AnswerInfo(
                    item_key=r.item_key,
                    item_label=item.label if item else r.item_key,
                    item_text=r.item_text,
                    verified=item.verified if item else False,
                    answer=r.answer,
                    note=r.note,
                    photo_path=store.path(r.photo_thumb or r.photo_file) if r.photo_file else None,
                    hidden_danger_id=r.hidden_danger_id,
                    hidden_danger_number=numbers.get(r.hidden_danger_id or 0, ""),
                )
            )
        return MajorCheckInfo(
            id=check.id or 0, kind=check.kind, checked_on=check.checked_on, checker_names=check.checker_names,
            standard_version=check.standard_version,
            scope=StandardScope(
                parse_codes(check.sectors, Sector), parse_codes(check.special_conditions, SpecialCondition)
            ),
            note=check.note, answers=tuple(answers),
        )  # fmt: skip


def _record_data(db: Database, info: MajorCheckInfo) -> MajorCheckRecordData:
    with db.read_session() as s:
        row = enterprise_row(session=s)
        if row is None:
            raise NotFoundError("数据库中还没有企业档案，请先填写企业信息")
        name, principal = row.name, row.principal_name
    return MajorCheckRecordData(
        enterprise=name,
        principal=principal,
        kind=info.kind.label,
        checked_on=info.checked_on,
        checker_names=info.checker_names,
        scope=info.scope.text,
        standard_version=info.standard_version,
        note=info.note,
        rows=tuple(
            RecordRow(a.item_label, a.item_text, a.answer.label, a.note, a.hidden_danger_number, a.verified)
            for a in info.answers
        ),
    )


def export_check(db: Database, out: Path, major_check_id: int | None = None) -> ExportResult:
    """The signed 重大事故隐患自查记录 of a self-check (default: the latest) as an A4 PDF."""
    if major_check_id is None:
        with db.read_session() as s:
            major_check_id = queries.latest_check_id(session=s)
        if major_check_id is None:
            raise NotFoundError("还没有判定标准自查记录，请先在“重大隐患自查”中完成一次自查")
    data = _record_data(db, get_check(db, major_check_id))
    pages = write_atomically(out, lambda stream: write_major_check_pdf(data, stream))
    return ExportResult(Path(out), "重大事故隐患自查记录", len(data.rows), pages)
