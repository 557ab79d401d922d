"""One row of a 隐患排查治理台账: what it says, and whether the app's rules allow it as written.

A row is checked by the same rules as a record typed into the app and taken through its steps
(登记 → 整改 → 验收 → 销号): a closed row whose 验收人 is its 整改责任人, a 已销号 row without
验收日期, a 重大隐患 under way without its 治理方案, a deadline before discovery — each is reported
and the row is not imported, so nothing breaking the rules is ever stored as closed.
"""

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from dualprev.domain.checks import CheckType
from dualprev.domain.hidden_danger import (
    MAX_FUNDS_FEN,
    REMEDIATION_PLAN_ITEMS,
    HiddenDangerCategory,
    HiddenDangerDraft,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    LoopFacts,
    acceptance_problem,
    draft_problem,
    immediate_problem,
    start_problem,
    submit_problem,
    void_problem,
)
from dualprev.domain.importing import cells, dates, words
from dualprev.domain.importing.cells import CellValue
from dualprev.domain.importing.risk_rows import Problems

_S = HiddenDangerStatus
POST_EVALUATION_LABEL = "治理后评估"
IMMEDIATE_NOTE = "立即整改"
VOID_PREFIX = "作废原因："
_REPORTED = re.compile(r"^(?:(\d{4}-\d{2}-\d{2})\s*)?已报告(.+)$")


@dataclass(frozen=True)
class LedgerRow:
    found_on: date
    description: str
    number: str = ""
    check_type: CheckType | None = None
    source: HiddenDangerSource = HiddenDangerSource.SELF_FOUND
    source_detail: str = ""
    finder_names: str = ""
    location: str = ""
    category: HiddenDangerCategory = HiddenDangerCategory.SITE
    level: HiddenDangerLevel = HiddenDangerLevel.GENERAL
    accident_types: tuple[str, ...] = ()
    measures: str = ""
    department: str = ""
    rectifier: str = ""
    rectifier_department: str = ""
    deadline: date | None = None
    is_immediate: bool = False
    funds_fen: int | None = None
    interim: str = ""
    completed_on: date | None = None
    acceptor: str = ""
    acceptor_department: str = ""
    accepted_on: date | None = None
    conclusion: str = ""
    status: HiddenDangerStatus = _S.PENDING
    void_reason: str = ""
    reported_to: str = ""
    reported_on: date | None = None
    note: str = ""
    plan: Mapping[str, str] = field(default_factory=dict)
    """治理方案 items by field name (goal_and_tasks …); empty when the row has none."""
    post_evaluation: str = ""


# --- 治理方案 as one cell ---------------------------------------------------------------------------


def plan_text(plan: Mapping[str, str], post_evaluation: str = "") -> str:
    """A 治理方案 in one cell: one "目标和任务：…" line per item that has text, then 治理后评估."""
    lines = [
        f"{label}：{plan[key].strip()}"
        for key, label in REMEDIATION_PLAN_ITEMS
        if (plan.get(key) or "").strip()
    ]
    if post_evaluation.strip():
        lines.append(f"{POST_EVALUATION_LABEL}：{post_evaluation.strip()}")
    return "\n".join(lines)


def parse_plan(value: CellValue) -> tuple[dict[str, str], str]:
    """The items of a 治理方案 cell written as :func:`plan_text` does, and its 治理后评估.

    A line that starts with no item label continues the item above it.
    """
    labels = {label: key for key, label in REMEDIATION_PLAN_ITEMS}
    labels[POST_EVALUATION_LABEL] = "post_evaluation"
    found: dict[str, list[str]] = {}
    current: str | None = None
    for line in cells.text(value).splitlines():
        head, sep, rest = line.replace(":", "：").partition("：")
        key = labels.get(head.strip()) if sep else None
        if key is not None:
            current = key
            found[key] = [rest.strip()]
        elif current is not None:
            found[current].append(line)
    texts = {key: "\n".join(parts).strip() for key, parts in found.items()}
    post = texts.pop("post_evaluation", "")
    return texts, post


# --- reading a row -------------------------------------------------------------------------------


def _funds(value: CellValue) -> int | None:
    amount = cells.number(value, "整改资金")
    if amount is None:
        return None
    fen = (amount * 100).to_integral_value()
    if fen != amount * 100 or not 0 <= fen <= MAX_FUNDS_FEN:
        raise cells.CellProblem(f"整改资金“{cells.text(value)}”应为 0 到 10 亿元之间、精确到分的金额")
    return int(fen)


def _note_parts(value: CellValue) -> tuple[bool, str, str, date | None, str]:
    """备注 as the app's ledger prints it: 立即整改, 作废原因, the report to the authority, the note."""
    immediate, void_reason, reported_to, reported_on = False, "", "", None
    rest: list[str] = []
    for line in cells.text(value).splitlines():
        stripped = line.strip()
        if stripped == IMMEDIATE_NOTE:
            immediate = True
        elif stripped.startswith(VOID_PREFIX):
            void_reason = stripped[len(VOID_PREFIX) :].strip()
        elif match := _REPORTED.match(stripped):
            reported_on = date.fromisoformat(match[1]) if match[1] else None
            reported_to = match[2].strip()
        else:
            rest.append(line)
    return immediate, void_reason, reported_to, reported_on, "\n".join(rest).strip()


def parse_row(values: Mapping[str, CellValue], *, sheet: str, accident_names: Collection[str]) -> LedgerRow:
    """Read one row (field key → cell). Raises CellProblem with every problem found, joined by "；"."""
    p = Problems()
    year = dates.year_of_sheet(sheet)
    found = p.read(dates.day_value, values.get("found_on"), "排查日期", year)
    description = cells.text(values.get("description"))
    if not description:
        p.add("缺少隐患描述")
    if found is not None and found.day is None:
        p.add("缺少排查日期")
    kind = p.read(words.check_type_or_source, values.get("check_type"))
    check_type, source = kind or (None, HiddenDangerSource.SELF_FOUND)
    finders = cells.text(values.get("finders"))
    deadline = p.read(dates.day_value, values.get("deadline"), "整改期限", year, True)
    rectifier = p.read(cells.person, values.get("rectifier"), "整改责任人") or ("", "")
    acceptor = p.read(cells.person, values.get("acceptor"), "验收人") or ("", "")
    completed = p.read(dates.day_value, values.get("completed_on"), "整改完成日期", year)
    accepted = p.read(dates.day_value, values.get("accepted_on"), "验收日期", year)
    immediate, void_reason, reported_to, reported_on, note = _note_parts(values.get("note"))
    plan, post_evaluation = parse_plan(values.get("plan"))
    level = p.read(words.hidden_danger_level, values.get("level"))
    category = p.read(words.hidden_danger_category, values.get("category"))
    status = p.read(words.hidden_danger_status, values.get("status"))
    context = f"{cells.text(values.get('place'))} {description}"
    types = p.read(words.accident_types, values.get("accident_types"), accident_names, context)
    funds = p.read(_funds, values.get("funds"))
    p.raise_any()
    assert found is not None and found.day is not None
    immediate = immediate or bool(deadline and deadline.immediate)
    row = LedgerRow(
        found_on=found.day,
        description=description,
        number=cells.folded_text(values.get("number")).replace(" ", ""),
        check_type=check_type,
        source=source,
        # The ledger prints an outside inspector in the 排查人 column.
        source_detail=finders if source is HiddenDangerSource.EXTERNAL else "",
        finder_names="" if source is HiddenDangerSource.EXTERNAL else finders,
        location=cells.text(values.get("place")),
        category=category or HiddenDangerCategory.SITE,
        level=level or HiddenDangerLevel.GENERAL,
        accident_types=types or (),
        measures=cells.text(values.get("measures")),
        department=cells.text(values.get("department")),
        rectifier=rectifier[0],
        rectifier_department=rectifier[1],
        deadline=found.day if deadline and deadline.immediate else (deadline.day if deadline else None),
        is_immediate=immediate,
        funds_fen=funds,
        interim=cells.text(values.get("interim")),
        completed_on=completed.day if completed else None,
        acceptor=acceptor[0],
        acceptor_department=acceptor[1],
        accepted_on=accepted.day if accepted else None,
        conclusion=cells.text(values.get("conclusion")),
        void_reason=void_reason,
        reported_to=reported_to,
        reported_on=reported_on,
        note=note,
        plan=plan,
        post_evaluation=post_evaluation,
    )
    return replace(row, status=status or _derived_status(row))


def _derived_status(row: LedgerRow) -> HiddenDangerStatus:
    """The status of a row without a 状态 column: from what it records."""
    if row.accepted_on is not None or row.acceptor:
        return _S.CLOSED
    if row.completed_on is not None:
        return _S.AWAITING_ACCEPTANCE
    return _S.PENDING


# --- the app's rules ------------------------------------------------------------------------------

_RECTIFIER_ID, _ACCEPTOR_ID = 1, 2


def row_problem(row: LedgerRow, today: date) -> str | None:
    """Why the row cannot be stored as written (Chinese, prefixed by its status), or None.

    Registration rules first, then each step the status implies: a row marked 已销号 must have
    passed 开始整改 (重大: 治理方案 and 临时管控措施), 整改完成 and 验收 by someone other than the
    rectifier, with its dates in order.
    """
    status = row.status
    same_person = bool(row.acceptor) and cells.fold(row.acceptor) == cells.fold(row.rectifier)
    draft = HiddenDangerDraft(
        found_on=row.found_on,
        description=row.description,
        level=row.level,
        category=row.category,
        source=row.source,
        source_detail=row.source_detail,
        finder_names=row.finder_names,
        location=row.location,
        rectification_measures=row.measures,
        rectifier_id=_RECTIFIER_ID if row.rectifier else None,
        deadline=row.deadline,
        funds_fen=row.funds_fen,
        interim_measures=row.interim,
    )
    if status is _S.VOID:
        problem = void_problem(_S.PENDING, row.void_reason)
        return f"已作废：{problem}" if problem else None
    registered = draft_problem(draft, today, require_basis=False)
    if registered:
        return registered[1]
    if status is _S.PENDING:
        return None
    facts = LoopFacts(
        status=_S.PENDING,
        level=row.level,
        found_on=row.found_on,
        rectifier_id=_RECTIFIER_ID,
        completed_on=row.completed_on,
        interim_measures=row.interim,
        plan=row.plan or None,
        post_evaluation=row.post_evaluation,
        post_evaluated_on=row.accepted_on,
        # A historic ledger is taken as it was kept: the duty to record the report to the authority
        # before 销号 (schema 5) is enforced for hidden dangers closed in the app, not on import.
        reported_on=row.found_on,
    )
    if row.is_immediate:
        immediate = immediate_problem(draft)
        problem = immediate[1] if immediate else None
    else:
        problem = start_problem(facts)
    if problem is None and status in (_S.AWAITING_ACCEPTANCE, _S.CLOSED) and not row.is_immediate:
        problem = submit_problem(replace(facts, status=_S.RECTIFYING), row.completed_on, row.measures, today)
    if problem is None and status is _S.CLOSED:
        acceptor_id = None if not row.acceptor else (_RECTIFIER_ID if same_person else _ACCEPTOR_ID)
        awaiting = replace(
            facts, status=_S.AWAITING_ACCEPTANCE, completed_on=row.completed_on or row.found_on
        )
        problem = acceptance_problem(awaiting, acceptor_id, row.accepted_on, row.conclusion, today)
    return f"{status.label}：{problem}" if problem else None


def funds_yuan(fen: int | None) -> Decimal | None:
    return None if fen is None else Decimal(fen) / 100
