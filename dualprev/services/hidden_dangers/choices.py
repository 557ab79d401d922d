"""What the hidden-danger dialogs and the ledger filters offer to pick from, and the default
整改期限 (settings, else the domain's defaults)."""

from dataclasses import dataclass
from datetime import date

from dualprev.domain import settings
from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import HiddenDangerLevel, OwnerTier, suggest_deadline
from dualprev.domain.major_standard import StandardItem
from dualprev.services import major_standard_service
from dualprev.services import organisation_service as org
from dualprev.services.organisation_service import AreaInfo, DepartmentInfo, PersonInfo, RiskPointRef
from dualprev.services.risks.accident_types import AccidentTypeOption, accident_type_options
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database
from dualprev.storage.models import Area, Department
from dualprev.storage.queries import hidden_dangers as queries
from dualprev.storage.repos import names_by_id


@dataclass(frozen=True)
class CheckRecordRef:
    """A check record as offered when a hidden danger was found in a check."""

    id: int
    checked_on: date
    check_type: CheckType
    checker_names: str
    place: str

    @property
    def text(self) -> str:
        who = f"（{self.checker_names}）" if self.checker_names else ""
        place = f" {self.place}" if self.place else ""
        return f"{self.checked_on.isoformat()} {self.check_type.label}{place}{who}"


@dataclass(frozen=True)
class HiddenDangerChoices:
    """What the hidden-danger dialogs and the ledger filters offer to pick from."""

    departments: list[DepartmentInfo]
    people: list[PersonInfo]
    areas: list[AreaInfo]
    risk_points: list[RiskPointRef]
    accident_types: list[AccidentTypeOption]
    check_records: list[CheckRecordRef]
    deadline_days_general: int
    deadline_days_team: int
    standard_items: tuple[StandardItem, ...] = ()
    """判定标准 items that apply to the enterprise (第三条 and its sectors' and conditions' articles)."""

    def person_name(self, person_id: int | None) -> str:
        return next((p.name for p in self.people if p.id == person_id), "")

    def suggest_deadline(
        self, found_on: date, level: HiddenDangerLevel, owner_tier: OwnerTier | None
    ) -> date | None:
        return suggest_deadline(
            found_on,
            level,
            owner_tier,
            general_days=self.deadline_days_general,
            team_days=self.deadline_days_team,
        )


def deadline_days(db: Database) -> tuple[int, int]:
    """The default 整改期限 in days for a 一般隐患 and for a 班组级 one (settings, domain defaults)."""
    with db.read_session() as s:
        return (
            stored_settings.read(s, settings.DEADLINE_DAYS_GENERAL),
            stored_settings.read(s, settings.DEADLINE_DAYS_TEAM),
        )


def suggested_deadline(
    db: Database, found_on: date, level: HiddenDangerLevel, owner_tier: OwnerTier | None
) -> date | None:
    """The default deadline for a new hidden danger (None for a 重大隐患: it follows its plan)."""
    general, team = deadline_days(db)
    return suggest_deadline(found_on, level, owner_tier, general_days=general, team_days=team)


def list_accident_types(db: Database) -> list[AccidentTypeOption]:
    """Accident types of the enterprise's vocabulary, without the mining-only ones."""
    return accident_type_options(db)


def list_check_records(db: Database, *, limit: int = 300) -> list[CheckRecordRef]:
    """The most recent check records, newest first."""
    with db.read_session() as s:
        areas = names_by_id(s, Area)
        departments = names_by_id(s, Department)
        return [
            CheckRecordRef(
                id=r.id or 0,
                checked_on=r.checked_on,
                check_type=r.check_type,
                checker_names=r.checker_names,
                place=areas.get(r.area_id or 0) or departments.get(r.department_id or 0) or "",
            )
            for r in queries.recent_check_records(session=s, limit=limit)
        ]


def choices(db: Database) -> HiddenDangerChoices:
    """Everything the hidden-danger dialogs offer to pick from, read once."""
    general, team = deadline_days(db)
    return HiddenDangerChoices(
        departments=org.list_departments(db),
        people=org.list_people(db),
        areas=org.list_areas(db),
        risk_points=org.list_risk_point_refs(db),
        accident_types=list_accident_types(db),
        check_records=list_check_records(db),
        deadline_days_general=general,
        deadline_days_team=team,
        standard_items=tuple(major_standard_service.get_scope(db).items()),
    )
