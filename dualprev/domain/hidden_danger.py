"""Hidden-danger vocabulary and lifecycle (domain.md §8).

The transition table is the single source of the closed loop 登记 → 整改 → 验收 → 销号; ``逾期`` is
derived from the deadline, never stored. The ``*_problem`` functions are the loop's rules: each says
in one Chinese sentence why a step is refused, or returns None when it is allowed, so the services
enforce them. Where a form has several fields, ``*_problems`` gives every refused field at once as
``(field, message)`` (the ``*_problem`` is its first), so a dialog shows all of them before anything
is written.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from dualprev.domain.checks import CheckType
from dualprev.domain.validation import FieldProblem, first_message, first_problem


class HiddenDangerLevel(StrEnum):
    """隐患级别."""

    GENERAL = "general"
    MAJOR = "major"

    @property
    def label(self) -> str:
        return {"general": "一般隐患", "major": "重大隐患"}[self.value]


class HiddenDangerCategory(StrEnum):
    """隐患类别."""

    MANAGEMENT = "management"
    SITE = "site"

    @property
    def label(self) -> str:
        return {"management": "基础管理类", "site": "现场管理类"}[self.value]


class HiddenDangerSource(StrEnum):
    """隐患来源."""

    CHECK = "check"
    WORKER_REPORT = "worker_report"
    EXTERNAL = "external"
    SELF_FOUND = "self_found"

    @property
    def label(self) -> str:
        return {
            "check": "排查发现",
            "worker_report": "员工报告",
            "external": "外部检查",
            "self_found": "自查发现",
        }[self.value]


class HiddenDangerStatus(StrEnum):
    """隐患状态 as stored. 逾期 is not one of them: see :func:`is_overdue`."""

    PENDING = "pending"
    RECTIFYING = "rectifying"
    AWAITING_ACCEPTANCE = "awaiting_acceptance"
    CLOSED = "closed"
    VOID = "void"

    @property
    def label(self) -> str:
        return {
            "pending": "待整改",
            "rectifying": "整改中",
            "awaiting_acceptance": "待验收",
            "closed": "已销号",
            "void": "已作废",
        }[self.value]

    @property
    def is_open(self) -> bool:
        return self not in (HiddenDangerStatus.CLOSED, HiddenDangerStatus.VOID)


OVERDUE_LABEL = "逾期"

_S = HiddenDangerStatus
TRANSITIONS: dict[HiddenDangerStatus, frozenset[HiddenDangerStatus]] = {
    _S.PENDING: frozenset({_S.RECTIFYING, _S.AWAITING_ACCEPTANCE, _S.VOID}),
    _S.RECTIFYING: frozenset({_S.AWAITING_ACCEPTANCE, _S.VOID}),
    # 验收不通过 goes back to 整改中.
    _S.AWAITING_ACCEPTANCE: frozenset({_S.CLOSED, _S.RECTIFYING, _S.VOID}),
    _S.CLOSED: frozenset(),
    _S.VOID: frozenset(),
}
"""Allowed moves. PENDING → AWAITING_ACCEPTANCE is the 立即整改 path (一般隐患 only)."""


def can_transition(current: HiddenDangerStatus, target: HiddenDangerStatus, level: HiddenDangerLevel) -> bool:
    """Whether the lifecycle allows ``current → target`` for a hidden danger of ``level``."""
    if target not in TRANSITIONS[current]:
        return False
    is_shortcut = current is _S.PENDING and target is _S.AWAITING_ACCEPTANCE
    return not (is_shortcut and level is HiddenDangerLevel.MAJOR)


def is_overdue(status: HiddenDangerStatus, deadline: date | None, today: date) -> bool:
    """逾期: the deadline has passed and the hidden danger is still open."""
    return status.is_open and deadline is not None and today > deadline


DEFAULT_DEADLINE_DAYS_GENERAL = 7
DEFAULT_DEADLINE_DAYS_TEAM = 3
"""domain.md §8.1: 一般隐患 7 days, 班组级 3 days; 重大隐患 per its remediation plan."""

REMEDIATION_PLAN_ITEMS: tuple[tuple[str, str], ...] = (
    ("goal_and_tasks", "目标和任务"),
    ("methods_and_measures", "方法和措施"),
    ("funds_and_materials", "经费和物资"),
    ("organisation_and_people", "负责机构和人员"),
    ("timeline_and_requirements", "时限和要求"),
    ("safety_and_emergency", "安全措施和应急预案"),
)
"""The items a 重大隐患 治理方案 must have before rectification starts (五到位)."""


def missing_plan_items(plan: dict[str, str]) -> list[str]:
    """Labels of the remediation-plan items that are empty in ``plan`` (field name → text)."""
    return [label for key, label in REMEDIATION_PLAN_ITEMS if not (plan.get(key) or "").strip()]


def format_number(year: int, serial: int, prefix: str = "YH") -> str:
    """隐患编号 such as ``YH-2026-0001``."""
    if serial < 1:
        raise ValueError("serial starts at 1")
    return f"{prefix}-{year}-{serial:04d}"


class PhotoStage(StrEnum):
    """When a photo was taken in the loop."""

    BEFORE = "before"
    AFTER = "after"
    ACCEPTANCE = "acceptance"
    CHECK = "check"

    @property
    def label(self) -> str:
        return {"before": "整改前", "after": "整改后", "acceptance": "验收", "check": "排查"}[self.value]


class OwnerTier(StrEnum):
    """Internal owner tier of a 一般隐患 (公司级 / 车间级 / 班组级)."""

    COMPANY = "company"
    WORKSHOP = "workshop"
    TEAM = "team"

    @property
    def label(self) -> str:
        return {"company": "公司级", "workshop": "车间级", "team": "班组级"}[self.value]


# --- the loop's rules ----------------------------------------------------------------------------


class EventAction(StrEnum):
    """What one timeline event records. The value is stored as is and is what the timeline shows
    (the demo factory and earlier records use the same words)."""

    REGISTER = "登记"
    UPDATE = "修改"
    IMMEDIATE = "立即整改"
    START = "开始整改"
    SUBMIT = "整改完成"
    REJECT = "验收不通过"
    ACCEPT = "验收通过"
    VOID = "作废"
    REPORT = "上报"
    PLAN = "治理方案"
    POST_EVALUATION = "治理后评估"
    PHOTOS = "添加照片"


DUE_SOON_DAYS = 3
"""首页 lists open hidden dangers whose deadline falls within this many days."""

MAX_DESCRIPTION_LENGTH = 2000
MAX_FUNDS_FEN = 100_000_000_000  # 10 亿元: anything above is a typing slip


@dataclass(frozen=True)
class HiddenDangerDraft:
    """What the user enters when registering or editing a hidden danger (台账 columns of §8.2).

    Ids refer to records of the enterprise (area, risk point, department, people, accident types,
    check record); the service checks that they exist.
    """

    found_on: date
    description: str
    level: HiddenDangerLevel = HiddenDangerLevel.GENERAL
    category: HiddenDangerCategory = HiddenDangerCategory.SITE
    source: HiddenDangerSource = HiddenDangerSource.SELF_FOUND
    source_detail: str = ""
    check_record_id: int | None = None
    check_type: CheckType | None = None
    finder_names: str = ""
    area_id: int | None = None
    risk_point_id: int | None = None
    location: str = ""
    owner_tier: OwnerTier | None = None
    basis: str = ""
    accident_type_ids: tuple[int, ...] = ()
    rectification_measures: str = ""
    responsible_department_id: int | None = None
    rectifier_id: int | None = None
    deadline: date | None = None
    funds_fen: int | None = None
    interim_measures: str = ""
    note: str = ""
    standard_item: str = ""  # 判定标准 item key (``11-2``), see domain.major_standard
    cause: str = ""  # 产生原因 (printed in the 重大隐患报告)


@dataclass(frozen=True)
class LoopFacts:
    """The state of one hidden danger that the lifecycle rules look at."""

    status: HiddenDangerStatus
    level: HiddenDangerLevel
    found_on: date
    rectifier_id: int | None = None
    completed_on: date | None = None
    interim_measures: str = ""
    plan: Mapping[str, str] | None = None
    post_evaluation: str = ""
    post_evaluated_on: date | None = None
    reported_on: date | None = None
    supervised: bool = False
    closure_approved_on: date | None = None

    @property
    def is_major(self) -> bool:
        return self.level is HiddenDangerLevel.MAJOR

    def plan_missing(self) -> list[str]:
        """Remediation-plan items still empty (all of them when there is no plan)."""
        return missing_plan_items(dict(self.plan or {}))


def transition_problem(
    current: HiddenDangerStatus, target: HiddenDangerStatus, level: HiddenDangerLevel
) -> str | None:
    """Why ``current → target`` is not a move of the lifecycle, or None when it is."""
    if can_transition(current, target, level):
        return None
    if not current.is_open:
        return f"隐患{current.label}，不能再变更状态"
    if target is _S.CLOSED:
        return "隐患须整改完成、报请验收，并由验收人验收通过后才能销号"
    if current is _S.PENDING and target is _S.AWAITING_ACCEPTANCE:
        return "重大隐患不能立即整改销号，须按治理方案组织整改"
    return f"隐患当前为“{current.label}”，不能改为“{target.label}”"


def _day_problem(
    day: date | None, label: str, *, earliest: date | None, earliest_label: str, today: date
) -> str | None:
    if day is None:
        return f"请填写{label}"
    if day > today:
        return f"{label}不能晚于今天（{today.isoformat()}）"
    if earliest is not None and day < earliest:
        return f"{label}不能早于{earliest_label}（{earliest.isoformat()}）"
    return None


def _field(field: str, message: str | None) -> list[FieldProblem]:
    return [(field, message)] if message else []


def draft_problems(
    draft: HiddenDangerDraft, today: date, *, require_basis: bool = True
) -> list[FieldProblem]:
    """Every field of ``draft`` that breaks a registration rule, as ``(field, message)``. A 重大隐患
    needs its 判定依据 (``require_basis=False`` for historic ledgers imported as they were kept)."""
    problems: list[FieldProblem] = []
    description = draft.description.strip()
    if not description:
        problems.append(("description", "请填写隐患描述"))
    elif len(description) > MAX_DESCRIPTION_LENGTH:
        problems.append(("description", f"隐患描述不能超过{MAX_DESCRIPTION_LENGTH}个字"))
    if draft.found_on > today:
        problems.append(("found_on", f"排查日期不能晚于今天（{today.isoformat()}）"))
    if not (draft.location.strip() or draft.area_id or draft.risk_point_id):
        problems.append(("location", "请填写隐患部位，或选择区域、风险点"))
    match draft.source:
        case HiddenDangerSource.CHECK if draft.check_record_id is None:
            problems.append(("check_record_id", "来源为排查发现时，请选择对应的排查记录"))
        case HiddenDangerSource.EXTERNAL if not draft.source_detail.strip():
            problems.append(("source_detail", "来源为外部检查时，请填写检查单位（如镇应急办、县应急管理局）"))
        case HiddenDangerSource.WORKER_REPORT if not draft.finder_names.strip():
            problems.append(("finder_names", "来源为员工报告时，请填写报告人"))
    if draft.rectifier_id is None:
        problems.append(("rectifier_id", "请指定整改责任人"))
    if draft.deadline is None:
        problems.append(("deadline", "请填写整改期限"))
    elif draft.deadline < draft.found_on:
        problems.append(("deadline", f"整改期限不能早于排查日期（{draft.found_on.isoformat()}）"))
    if draft.funds_fen is not None and not 0 <= draft.funds_fen <= MAX_FUNDS_FEN:
        problems.append(("funds_fen", "整改资金应为 0 到 10 亿元之间的金额"))
    if (
        require_basis
        and draft.level is HiddenDangerLevel.MAJOR
        and not (draft.basis or draft.standard_item).strip()
    ):
        problems.append(("basis", "重大隐患须有判定依据：请选择判定标准的条款，或填写书面判定依据"))
    return problems


def draft_problem(
    draft: HiddenDangerDraft, today: date, *, require_basis: bool = True
) -> FieldProblem | None:
    """The first of :func:`draft_problems`, or None."""
    return first_problem(draft_problems(draft, today, require_basis=require_basis))


def immediate_problems(draft: HiddenDangerDraft) -> list[FieldProblem]:
    """Why ``draft`` cannot be registered as 立即整改 (fixed on the spot): every reason."""
    problems: list[FieldProblem] = []
    if draft.level is HiddenDangerLevel.MAJOR:
        problems.append(("level", "重大隐患不能立即整改销号，须按治理方案组织整改"))
    if not draft.rectification_measures.strip():
        problems.append(("rectification_measures", "立即整改时请填写现场采取的整改措施"))
    return problems


def immediate_problem(draft: HiddenDangerDraft) -> FieldProblem | None:
    """The first of :func:`immediate_problems`, or None."""
    return first_problem(immediate_problems(draft))


def update_problems(facts: LoopFacts, draft: HiddenDangerDraft, level_reason: str = "") -> list[FieldProblem]:
    """Why an open hidden danger cannot take the edited ``draft`` (besides :func:`draft_problems`).

    The level may be raised at any open status; lowering 重大 → 一般 needs a written reason."""
    if not facts.status.is_open:
        return [("", f"隐患{facts.status.label}，不能再修改")]
    problems: list[FieldProblem] = []
    if facts.is_major and draft.level is HiddenDangerLevel.GENERAL and not level_reason.strip():
        problems.append(("level", "将重大隐患降为一般隐患须填写降级理由（将记入操作日志）"))
    if facts.completed_on is not None and draft.found_on > facts.completed_on:
        problems.append(("found_on", "排查日期不能晚于整改完成日期"))
    return problems


def update_problem(facts: LoopFacts, draft: HiddenDangerDraft, level_reason: str = "") -> FieldProblem | None:
    """The first of :func:`update_problems`, or None."""
    return first_problem(update_problems(facts, draft, level_reason))


def start_precondition_problem(facts: LoopFacts) -> str | None:
    """What must be true before anyone fills in the start of rectification: the status allows it, a
    rectifier is named and, for a 重大隐患, the 治理方案 has all its items."""
    problem = transition_problem(facts.status, _S.RECTIFYING, facts.level)
    if problem:
        return problem
    if facts.rectifier_id is None:
        return "请先指定整改责任人"
    if facts.is_major:
        missing = facts.plan_missing()
        if missing:
            return f"重大隐患须先制定治理方案（五到位），尚缺：{'、'.join(missing)}"
    return None


def start_problems(facts: LoopFacts) -> list[FieldProblem]:
    """Why rectification (待整改 → 整改中) cannot start. A 重大隐患 also needs interim measures."""
    problem = start_precondition_problem(facts)
    if problem:
        return [("", problem)]
    if facts.is_major and not facts.interim_measures.strip():
        return [("interim_measures", "重大隐患整改期间须落实临时管控措施，请先填写")]
    return []


def start_problem(facts: LoopFacts) -> str | None:
    """The first of :func:`start_problems` in words, or None."""
    return first_message(start_problems(facts))


def submit_problems(
    facts: LoopFacts, completed_on: date | None, measures: str, today: date
) -> list[FieldProblem]:
    """Why the rectifier cannot report the work done (整改中 → 待验收): every reason."""
    if facts.status is _S.PENDING:
        return [("", "隐患尚未开始整改；现场当即整改的一般隐患请在登记时选择“立即整改”")]
    problem = transition_problem(facts.status, _S.AWAITING_ACCEPTANCE, facts.level)
    if problem:
        return [("", problem)]
    day = _day_problem(
        completed_on, "整改完成日期", earliest=facts.found_on, earliest_label="排查日期", today=today
    )
    measures_problem = None if measures.strip() else "请填写采取的整改措施"
    return _field("rectification_measures", measures_problem) + _field("completed_on", day)


def submit_problem(facts: LoopFacts, completed_on: date | None, measures: str, today: date) -> str | None:
    """The first of :func:`submit_problems` in words, or None."""
    return first_message(submit_problems(facts, completed_on, measures, today))


def acceptance_precondition_problem(facts: LoopFacts) -> str | None:
    """What must be true before anyone can accept: the work is reported done and, for a 重大隐患,
    its 治理后评估 is recorded."""
    problem = transition_problem(facts.status, _S.CLOSED, facts.level)
    if problem:
        return problem
    if facts.is_major and not facts.post_evaluation.strip():
        return "重大隐患须先完成治理后评估，才能验收销号"
    if facts.is_major and facts.reported_on is None:
        return "重大隐患须先记录向负有安全生产监督管理职责的部门报告的情况，才能验收销号"
    if facts.is_major and facts.supervised and facts.closure_approved_on is None:
        return "该重大隐患已被挂牌督办，须经督办部门批准销号申请后才能验收销号"
    return None


def acceptance_problems(
    facts: LoopFacts, acceptor_id: int | None, accepted_on: date | None, conclusion: str, today: date
) -> list[FieldProblem]:
    """Why the hidden danger cannot be accepted and closed (待验收 → 已销号): every reason.

    The acceptor is never the person who rectified it; a 重大隐患 needs its 治理后评估 first.
    """
    problem = acceptance_precondition_problem(facts)
    if problem:
        return [("", problem)]
    acceptor = (
        "请选择验收人"
        if acceptor_id is None
        else "验收人不能是整改责任人本人，请另选验收人"
        if acceptor_id == facts.rectifier_id
        else None
    )
    day = _day_problem(
        accepted_on,
        "验收日期",
        earliest=facts.completed_on or facts.found_on,
        earliest_label="整改完成日期",
        today=today,
    )
    return (
        _field("acceptor_id", acceptor)
        + _field("conclusion", None if conclusion.strip() else "请填写验收结论")
        + _field("accepted_on", day)
    )


def acceptance_problem(
    facts: LoopFacts, acceptor_id: int | None, accepted_on: date | None, conclusion: str, today: date
) -> str | None:
    """The first of :func:`acceptance_problems` in words, or None."""
    return first_message(acceptance_problems(facts, acceptor_id, accepted_on, conclusion, today))


def rejection_problems(facts: LoopFacts, reason: str, new_deadline: date | None) -> list[FieldProblem]:
    """Why 验收不通过 (待验收 → 整改中) cannot be recorded: every reason."""
    if facts.status is not _S.AWAITING_ACCEPTANCE:
        return [("", f"只有“待验收”的隐患才能验收；该隐患当前为“{facts.status.label}”")]
    deadline = (
        f"新的整改期限不能早于排查日期（{facts.found_on.isoformat()}）"
        if new_deadline is not None and new_deadline < facts.found_on
        else None
    )
    return _field(
        "reason", None if reason.strip() else "请填写验收不通过的原因和需要继续整改的内容"
    ) + _field("new_deadline", deadline)


def rejection_problem(facts: LoopFacts, reason: str, new_deadline: date | None) -> str | None:
    """The first of :func:`rejection_problems` in words, or None."""
    return first_message(rejection_problems(facts, reason, new_deadline))


def void_problems(status: HiddenDangerStatus, reason: str) -> list[FieldProblem]:
    """Why a record cannot be voided (作废). Closed records stay as they are."""
    if status is _S.CLOSED:
        return [("", "已销号的隐患不能作废")]
    if status is _S.VOID:
        return [("", "该隐患已经作废")]
    return _field("reason", None if reason.strip() else "请填写作废原因（如：重复登记、录入错误）")


def void_problem(status: HiddenDangerStatus, reason: str) -> str | None:
    """The first of :func:`void_problems` in words, or None."""
    return first_message(void_problems(status, reason))


def plan_problem(facts: LoopFacts, plan: Mapping[str, str]) -> str | None:
    """Why ``plan`` cannot be saved as the 治理方案. A draft may be incomplete until work starts."""
    if not facts.is_major:
        return "只有重大隐患需要制定治理方案"
    if not facts.status.is_open:
        return f"隐患{facts.status.label}，治理方案不能再修改"
    missing = missing_plan_items(dict(plan))
    if facts.status is not _S.PENDING and missing:
        return f"整改已经开始，治理方案的以下内容不能为空：{'、'.join(missing)}"
    if not any((plan.get(key) or "").strip() for key, _label in REMEDIATION_PLAN_ITEMS):
        return "治理方案还是空的，请至少填写一项"
    return None


def report_problems(
    facts: LoopFacts, reported_to: str, reported_on: date | None, today: date
) -> list[FieldProblem]:
    """Why the report of a 重大隐患 to the authority cannot be recorded: every reason."""
    if not facts.is_major:
        return [("", "只有重大隐患需要向负有安全生产监督管理职责的部门报告")]
    if facts.status is _S.VOID:
        return [("", "该隐患已经作废")]
    day = _day_problem(
        reported_on, "报告日期", earliest=facts.found_on, earliest_label="排查日期", today=today
    )
    return _field(
        "reported_to", None if reported_to.strip() else "请填写报告的部门（如：丰泽镇应急管理办公室）"
    ) + _field("reported_on", day)


def report_problem(facts: LoopFacts, reported_to: str, reported_on: date | None, today: date) -> str | None:
    """The first of :func:`report_problems` in words, or None."""
    return first_message(report_problems(facts, reported_to, reported_on, today))


def post_evaluation_problems(
    facts: LoopFacts, text: str, evaluated_on: date | None, today: date
) -> list[FieldProblem]:
    """Why the 治理后评估 of a 重大隐患 cannot be recorded (only once the work is done): every reason."""
    if not facts.is_major:
        return [("", "只有重大隐患需要治理后评估")]
    if facts.status is not _S.AWAITING_ACCEPTANCE:
        return [("", f"治理后评估须在整改完成、报请验收之后进行；该隐患当前为“{facts.status.label}”")]
    day = _day_problem(
        evaluated_on,
        "评估日期",
        earliest=facts.completed_on or facts.found_on,
        earliest_label="整改完成日期",
        today=today,
    )
    return _field("text", None if text.strip() else "请填写评估结论") + _field("evaluated_on", day)


def post_evaluation_problem(
    facts: LoopFacts, text: str, evaluated_on: date | None, today: date
) -> str | None:
    """The first of :func:`post_evaluation_problems` in words, or None."""
    return first_message(post_evaluation_problems(facts, text, evaluated_on, today))


def photo_problem(status: HiddenDangerStatus, stage: PhotoStage) -> str | None:
    """Why photos of ``stage`` cannot be added in ``status``, or None."""
    if not status.is_open:
        return f"隐患{status.label}，不能再添加照片"
    if stage in (PhotoStage.AFTER, PhotoStage.ACCEPTANCE) and status is _S.PENDING:
        return "整改后照片须在整改开始后添加"
    if stage is PhotoStage.ACCEPTANCE and status is not _S.AWAITING_ACCEPTANCE:
        return "验收照片须在报请验收后添加"
    return None


# --- deadlines -------------------------------------------------------------------------------------


def suggest_deadline(
    found_on: date,
    level: HiddenDangerLevel,
    owner_tier: OwnerTier | None,
    *,
    general_days: int = DEFAULT_DEADLINE_DAYS_GENERAL,
    team_days: int = DEFAULT_DEADLINE_DAYS_TEAM,
) -> date | None:
    """The default 整改期限: 班组级 ``team_days``, other 一般隐患 ``general_days``; a 重大隐患 follows
    its remediation plan, so there is no default (None)."""
    if level is HiddenDangerLevel.MAJOR:
        return None
    days = team_days if owner_tier is OwnerTier.TEAM else general_days
    return found_on + timedelta(days=max(0, days))


def days_left(status: HiddenDangerStatus, deadline: date | None, today: date) -> int | None:
    """Days until the deadline of an open hidden danger (negative when overdue); None otherwise."""
    if not status.is_open or deadline is None:
        return None
    return (deadline - today).days


def is_due_soon(
    status: HiddenDangerStatus, deadline: date | None, today: date, days: int = DUE_SOON_DAYS
) -> bool:
    """Open, not yet overdue, and due within ``days`` days (today counts)."""
    left = days_left(status, deadline, today)
    return left is not None and 0 <= left <= days
