"""What the law asks of an enterprise around a 重大隐患 besides rectifying it, and the annual
判定标准 self-check (domain.md §8.1, §9).

- the report to the authority (报告日期, 报告部门, 报告方式, 文号) — required before 销号
  (the rule sits in :func:`dualprev.domain.hidden_danger.acceptance_precondition_problem`);
- 挂牌督办 by an authority (督办单位, 日期, 督办编号), the enterprise's 销号申请 and the approval —
  a supervised 重大隐患 is closed only after the approval;
- the report to the 职工代表大会/职工大会 (安全生产法 第四十一条) — recorded and printed.

The self-check answers every applicable item of the standard 符合/不符合/不适用; each 不符合 becomes a
重大隐患 whose 判定依据 is that item.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dualprev.domain.validation import FieldProblem


class CheckAnswer(StrEnum):
    """One self-check answer."""

    COMPLIANT = "compliant"
    NON_COMPLIANT = "non_compliant"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return {"compliant": "符合", "non_compliant": "不符合", "not_applicable": "不适用"}[self.value]


class MajorCheckKind(StrEnum):
    """年度自查 (at least once a year) or 专项自查 (whenever needed)."""

    ANNUAL = "annual"
    ON_DEMAND = "on_demand"

    @property
    def label(self) -> str:
        return {"annual": "年度自查", "on_demand": "专项自查"}[self.value]


REPORT_METHODS: tuple[str, ...] = ("书面报告", "信息系统报送", "当面报告", "电话报告后补书面报告")
"""Suggested 报告方式 (free text is allowed)."""


def _day(
    day: date | None, label: str, field: str, *, earliest: date | None, earliest_label: str, today: date
) -> list[FieldProblem]:
    if day is None:
        return [(field, f"请填写{label}")]
    if day > today:
        return [(field, f"{label}不能晚于今天（{today.isoformat()}）")]
    if earliest is not None and day < earliest:
        return [(field, f"{label}不能早于{earliest_label}（{earliest.isoformat()}）")]
    return []


@dataclass(frozen=True)
class SupervisionDraft:
    """挂牌督办 of a 重大隐患: who supervises it, when, under which number, and the 销号 steps."""

    supervised_by: str
    supervised_on: date | None
    number: str = ""
    closure_applied_on: date | None = None
    closure_approved_on: date | None = None


def supervision_problems(draft: SupervisionDraft, found_on: date, today: date) -> list[FieldProblem]:
    """Why the 挂牌督办 record cannot be saved: every reason."""
    problems: list[FieldProblem] = []
    if not draft.supervised_by.strip():
        problems.append(("supervised_by", "请填写挂牌督办的单位（如：县应急管理局）"))
    problems += _day(
        draft.supervised_on, "督办日期", "supervised_on", earliest=found_on, earliest_label="排查日期",
        today=today,
    )  # fmt: skip
    if draft.closure_applied_on is not None:
        problems += _day(
            draft.closure_applied_on, "销号申请日期", "closure_applied_on",
            earliest=draft.supervised_on, earliest_label="督办日期", today=today,
        )  # fmt: skip
    if draft.closure_approved_on is not None:
        if draft.closure_applied_on is None:
            problems.append(("closure_approved_on", "请先填写销号申请日期，再填写批准销号日期"))
        else:
            problems += _day(
                draft.closure_approved_on, "批准销号日期", "closure_approved_on",
                earliest=draft.closure_applied_on, earliest_label="销号申请日期", today=today,
            )  # fmt: skip
    return problems


def congress_problems(reported_on: date | None, found_on: date, today: date) -> list[FieldProblem]:
    """Why the report to the 职工代表大会/职工大会 cannot be recorded."""
    return _day(
        reported_on, "向职工代表大会（职工大会）报告的日期", "congress_reported_on",
        earliest=found_on, earliest_label="排查日期", today=today,
    )  # fmt: skip


def authority_report_problems(
    reported_to: str, reported_on: date | None, method: str, found_on: date, today: date
) -> list[FieldProblem]:
    """Why the report to the authority cannot be recorded (the 文号 is optional)."""
    problems: list[FieldProblem] = []
    if not reported_to.strip():
        problems.append(("reported_to", "请填写报告的部门（如：丰泽镇应急管理办公室）"))
    if not method.strip():
        problems.append(("report_method", "请填写报告方式（如：书面报告）"))
    return problems + _day(
        reported_on, "报告日期", "reported_on", earliest=found_on, earliest_label="排查日期", today=today
    )


@dataclass(frozen=True)
class AnswerDraft:
    """One answered item of a self-check. A 不符合 answer names where, who rectifies it and by
    when, because it is registered at once as a 重大隐患 — or names the 重大隐患 already registered
    for it (``hidden_danger_id``), which it is then linked to."""

    item_key: str
    answer: CheckAnswer | None
    note: str = ""
    location: str = ""
    rectifier_id: int | None = None
    deadline: date | None = None
    responsible_department_id: int | None = None
    hidden_danger_id: int | None = None
    measures: str = ""  # 整改措施 as first proposed (optional)


def self_check_problems(
    applicable_keys: list[str], answers: list[AnswerDraft], checked_on: date | None, checker_names: str,
    today: date,
) -> list[FieldProblem]:  # fmt: skip
    """Why a self-check cannot be recorded: every reason (field ``item:<key>`` for an answer)."""
    problems: list[FieldProblem] = []
    if checked_on is None:
        problems.append(("checked_on", "请填写自查日期"))
    elif checked_on > today:
        problems.append(("checked_on", f"自查日期不能晚于今天（{today.isoformat()}）"))
    if not checker_names.strip():
        problems.append(("checker_names", "请填写参加自查的人员"))
    by_key = {a.item_key: a for a in answers}
    unknown = [key for key in by_key if key not in applicable_keys]
    if unknown:
        problems.append(("", f"以下条款不适用于本企业的行业和特殊情形：{'、'.join(unknown)}"))
    for key in applicable_keys:
        answer = by_key.get(key)
        field = f"item:{key}"
        if answer is None or answer.answer is None:
            problems.append((field, "请逐项给出结论（符合、不符合或不适用）"))
            continue
        if answer.answer is CheckAnswer.NOT_APPLICABLE and not answer.note.strip():
            problems.append((field, "结论为“不适用”时请说明理由（如：无熔融金属作业）"))
        if answer.answer is CheckAnswer.NON_COMPLIANT:
            if not answer.note.strip():
                problems.append((field, "结论为“不符合”时请写明现场情况，它将作为重大隐患的描述"))
            if answer.hidden_danger_id is not None:
                continue
            if not answer.location.strip():
                problems.append((field, "结论为“不符合”时请填写隐患部位"))
            if answer.rectifier_id is None:
                problems.append((field, "结论为“不符合”时请指定整改责任人"))
            if answer.deadline is None:
                problems.append((field, "结论为“不符合”时请填写整改期限"))
            elif checked_on is not None and answer.deadline < checked_on:
                problems.append((field, "整改期限不能早于自查日期"))
    return problems
