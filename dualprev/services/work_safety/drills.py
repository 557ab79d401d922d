"""应急预案 and 应急演练: plans (综合/专项/现场处置方案), drills with their scenario, participants,
photos, evaluation and improvements; an improvement that is a hidden danger is registered through
the ledger's own registration and linked to the drill."""

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import date

from dualprev.domain.drills import DrillForm, EmergencyPlanKind, drill_problems
from dualprev.domain.hidden_danger import HiddenDangerDraft, HiddenDangerSource
from dualprev.errors import ValidationError
from dualprev.services import photo_service
from dualprev.services.hidden_dangers.registration import register_in
from dualprev.services.photo_service import PreparedPhoto
from dualprev.services.work_safety.common import (
    fields_of,
    get_row,
    raise_problems,
    save_plain_row,
    stripped,
    void_reason,
    void_row,
    write_audit,
)
from dualprev.storage.db import Database
from dualprev.storage.models import Drill, DrillPhoto, EmergencyPlan, HiddenDanger
from dualprev.storage.queries import work_safety as queries


@dataclass(frozen=True)
class PlanInput:
    kind: EmergencyPlanKind
    name: str
    issued_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class PlanRow:
    id: int
    data: PlanInput
    void_reason: str

    @property
    def is_void(self) -> bool:
        return bool(self.void_reason)


@dataclass(frozen=True)
class DrillInput:
    held_on: date
    scenario: str
    participants: str
    plan_id: int | None = None
    form: DrillForm = DrillForm.LIVE
    location: str = ""
    organiser: str = ""
    participant_count: int = 0
    evaluation: str = ""
    improvements: str = ""


@dataclass(frozen=True)
class DrillRow:
    id: int
    data: DrillInput
    plan_name: str
    hidden_danger_id: int | None
    hidden_danger_number: str
    photo_files: tuple[str, ...]
    void_reason: str

    @property
    def is_void(self) -> bool:
        return bool(self.void_reason)


def list_plans(db: Database) -> list[PlanRow]:
    with db.read_session() as s:
        return [
            PlanRow(
                p.id or 0, PlanInput(p.kind, p.name, p.issued_on, p.note), p.void_reason if p.is_void else ""
            )
            for p in queries.emergency_plans(session=s)
        ]


def save_plan(db: Database, plan_id: int | None, data: PlanInput, *, actor: str) -> int:
    data = replace(data, **stripped(data))
    if not data.name:
        raise ValidationError("请填写预案名称", "name")
    with db.session() as s:
        return save_plain_row(
            s, EmergencyPlan, plan_id, data, what="应急预案", entity="emergency_plan",
            summary=f"应急预案：{data.name}", actor=actor,
        )  # fmt: skip


def void_plan(db: Database, plan_id: int, reason: str, *, actor: str) -> None:
    with db.session() as s:
        void_row(
            s,
            EmergencyPlan,
            plan_id,
            reason,
            what="应急预案",
            already="该预案已作废",
            entity="emergency_plan",
            actor=actor,
        )


def list_drills(db: Database) -> list[DrillRow]:
    """Every drill, newest first, with its plan's name, the linked hidden danger and photo files."""
    with db.read_session() as s:
        plans = {p.id: p.name for p in queries.emergency_plans(session=s)}
        rows: list[DrillRow] = []
        for d in queries.drills(session=s):
            danger = s.get(HiddenDanger, d.hidden_danger_id) if d.hidden_danger_id else None
            photos = tuple(p.file_name for p in queries.drill_photos(session=s, drill_id=d.id or 0))
            rows.append(
                DrillRow(
                    id=d.id or 0,
                    data=DrillInput(**{n: getattr(d, n) for n in DrillInput.__dataclass_fields__}),
                    plan_name=plans.get(d.plan_id, "") if d.plan_id else "",
                    hidden_danger_id=d.hidden_danger_id,
                    hidden_danger_number=danger.number if danger else "",
                    photo_files=photos,
                    void_reason=d.void_reason,
                )
            )
        return rows


def save_drill(
    db: Database,
    drill_id: int | None,
    data: DrillInput,
    *,
    actor: str,
    photos: Sequence[PreparedPhoto] = (),
) -> int:
    """Record (``drill_id`` None) or change a drill, adding ``photos``; returns its id."""
    data = replace(data, **stripped(data))
    raise_problems(drill_problems(data.scenario, data.participants))
    if data.participant_count < 0:
        raise ValidationError("参演人数不能为负数", "participant_count")
    names = tuple(DrillInput.__dataclass_fields__)
    with photo_service.staged_files(db) as files, db.session() as s:
        if data.plan_id is not None:
            get_row(s, EmergencyPlan, data.plan_id, "应急预案")
        if drill_id is None:
            row, before = Drill(**asdict(data)), {}
        else:
            row = get_row(s, Drill, drill_id, "应急演练记录")
            if row.void_reason:
                raise ValidationError("该演练记录已作废，不能修改")
            before = fields_of(row, names)
            for name, value in asdict(data).items():
                setattr(row, name, value)
        s.add(row)
        s.flush()
        for photo in photos:
            s.add(
                DrillPhoto(
                    drill_id=row.id or 0,
                    file_name=files.put(photo.data, ".jpg"),
                    thumb_name=files.put(photo.thumbnail, ".jpg"),
                    width=photo.width,
                    height=photo.height,
                    original_name=photo.original_name,
                )
            )
        write_audit(
            s, actor=actor, action="create" if drill_id is None else "update", entity="drill",
            entity_id=row.id, summary=f"应急演练 {data.held_on.isoformat()}：{data.scenario[:30]}",
            before=before, after=fields_of(row, names),
        )  # fmt: skip
        return row.id or 0


def void_drill(db: Database, drill_id: int, reason: str, *, actor: str) -> None:
    text = void_reason(reason)
    with db.session() as s:
        row = get_row(s, Drill, drill_id, "应急演练记录")
        if row.void_reason:
            raise ValidationError("该演练记录已作废")
        row.void_reason = text
        s.add(row)
        write_audit(
            s, actor=actor, action="void", entity="drill", entity_id=row.id,
            summary=f"作废应急演练记录 {row.held_on.isoformat()}：{text}",
        )  # fmt: skip


def register_improvement(
    db: Database, drill_id: int, draft: HiddenDangerDraft, *, actor: str, today: date
) -> str:
    """登记 an improvement found in the drill as a hidden danger (source 自查发现, detail naming the
    drill) and link it to the drill; returns the hidden danger's number."""
    with db.session() as s:
        drill = get_row(s, Drill, drill_id, "应急演练记录")
        if drill.hidden_danger_id is not None:
            raise ValidationError("该演练已登记过隐患")
        detail = draft.source_detail or f"{drill.held_on.isoformat()} 应急演练发现"
        danger = register_in(
            s,
            replace(draft, source=HiddenDangerSource.SELF_FOUND, source_detail=detail),
            actor=actor,
            today=today,
        )
        drill.hidden_danger_id = danger.id
        s.add(drill)
        write_audit(
            s, actor=actor, action="link", entity="drill", entity_id=drill.id,
            summary=f"应急演练改进事项登记为隐患 {danger.number}",
        )  # fmt: skip
        return danger.number
