"""What 首页 says about duties and training: required duty records overdue or due in the current
period, and who lacks 三级安全教育 or this year's re-training hours."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dualprev.domain.duties import DueState
from dualprev.services.duties import duty_records, training
from dualprev.storage.db import Database


class ReminderKind(StrEnum):
    DUTY_OVERDUE = "duty_overdue"
    DUTY_DUE = "duty_due"
    NO_INDUCTION = "no_induction"
    SHORT_HOURS = "short_hours"

    @property
    def label(self) -> str:
        return {"duty_overdue": "逾期", "duty_due": "待完成", "no_induction": "未岗前培训",
                "short_hours": "学时不足"}[self]  # fmt: skip

    @property
    def is_training(self) -> bool:
        return self in (ReminderKind.NO_INDUCTION, ReminderKind.SHORT_HOURS)


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    subject: str  # e.g. 2026年11月 / 吕芳（仓储部）
    text: str


def reminders(db: Database, *, today: date) -> list[Reminder]:
    """Overdue first, then due this period, then training gaps."""
    status = duty_records.duty_status(db, today=today)
    found: list[Reminder] = []
    principal = status.principal_name or "主要负责人"
    for state, kind in ((DueState.OVERDUE, ReminderKind.DUTY_OVERDUE), (DueState.DUE, ReminderKind.DUTY_DUE)):
        for p in status.of_state(state):
            what = f"{principal}带队检查" if p.kind.value == "check" else p.kind.label
            found.append(Reminder(kind, p.label, f"{what}（截止 {p.end.isoformat()}）"))
    gaps = training.training_gaps(db, today=today)
    for f in gaps.no_induction:
        found.append(
            Reminder(ReminderKind.NO_INDUCTION, f"{f.name}（{f.department}）", "未完成三级安全教育，不得上岗")
        )
    for f in gaps.short_hours:
        found.append(
            Reminder(
                ReminderKind.SHORT_HOURS,
                f"{f.name}（{f.department}）",
                f"{f.year}年再培训 {f.year_hours}/{f.required_hours} 学时",
            )
        )
    return found
