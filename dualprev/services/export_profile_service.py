"""Saved export profiles: which columns a ledger export prints, in which order, under which
headings (e.g. what one township wants). Stored in ``export_profile`` as JSON; a profile name is
unique per report. Every write is one transaction with an audit entry.
"""

import json
from dataclasses import dataclass

from dualprev.errors import ConflictError, NotFoundError, ValidationError
from dualprev.reports.ledger_columns import BY_KEY, COLUMNS, REPORT_KEY, ColumnChoice
from dualprev.storage import audit
from dualprev.storage.db import Database, Session
from dualprev.storage.models import ExportProfile
from dualprev.storage.queries import export_profiles as queries

MAX_NAME_LENGTH = 100
MAX_HEADING_LENGTH = 40


@dataclass(frozen=True)
class ColumnOption:
    """A column a profile may choose: its key, default heading, and whether it shows a person (left
    out of the regulator version)."""

    key: str
    heading: str
    personal: bool


@dataclass(frozen=True)
class ExportProfileInfo:
    id: int
    name: str
    report: str
    columns: tuple[ColumnChoice, ...]


@dataclass(frozen=True)
class ExportProfileDraft:
    """What the profile editor hands back; ``id`` None creates a new profile."""

    name: str
    columns: tuple[ColumnChoice, ...]
    id: int | None = None


def column_options() -> list[ColumnOption]:
    """The ledger columns a profile can use, the standard (§8.2) ones first."""
    return [ColumnOption(c.key, c.heading, c.personal) for c in COLUMNS]


def _decode(raw: str) -> tuple[ColumnChoice, ...]:
    try:
        items = json.loads(raw or "[]")
    except ValueError:
        return ()
    if not isinstance(items, list):
        return ()
    choices: list[ColumnChoice] = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("key"), str):
            choices.append(ColumnChoice(item["key"], str(item.get("heading") or "")))
        elif isinstance(item, str):
            choices.append(ColumnChoice(item))
    return tuple(choices)


def _encode(columns: tuple[ColumnChoice, ...]) -> str:
    return json.dumps([{"key": c.key, "heading": c.heading} for c in columns], ensure_ascii=False)


def _info(row: ExportProfile) -> ExportProfileInfo:
    return ExportProfileInfo(id=row.id or 0, name=row.name, report=row.report, columns=_decode(row.columns))


def list_profiles(db: Database, report: str = REPORT_KEY) -> list[ExportProfileInfo]:
    """The saved profiles of ``report``, by name."""
    with db.read_session() as s:
        return [_info(r) for r in queries.profiles(session=s, report=report)]


def get_profile(db: Database, name: str, report: str = REPORT_KEY) -> ExportProfileInfo:
    """The profile called ``name``; NotFoundError (naming the saved ones) when there is none."""
    with db.read_session() as s:
        row = queries.profile_named(session=s, report=report, name=name.strip())
        if row is not None:
            return _info(row)
    known = "、".join(p.name for p in list_profiles(db, report))
    hint = f"已保存的配置：{known}" if known else "还没有保存任何列配置"
    raise NotFoundError(f"没有名为“{name.strip()}”的导出列配置（{hint}）")


def _clean(draft: ExportProfileDraft) -> ExportProfileDraft:
    name = draft.name.strip()
    if not name:
        raise ValidationError("请填写配置名称", "name")
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError(f"配置名称不能超过{MAX_NAME_LENGTH}个字", "name")
    columns: list[ColumnChoice] = []
    seen: set[str] = set()
    for choice in draft.columns:
        if choice.key not in BY_KEY:
            raise ValidationError(f"未知的列：{choice.key}", "columns")
        if choice.key in seen:
            raise ValidationError(f"列“{BY_KEY[choice.key].heading}”选了两次", "columns")
        heading = choice.heading.strip()
        if len(heading) > MAX_HEADING_LENGTH:
            raise ValidationError(f"列标题不能超过{MAX_HEADING_LENGTH}个字：{heading[:10]}…", "columns")
        seen.add(choice.key)
        # A heading equal to the default is stored empty, so a later rename of the default shows.
        columns.append(ColumnChoice(choice.key, "" if heading == BY_KEY[choice.key].heading else heading))
    if not columns:
        raise ValidationError("请至少选择一列", "columns")
    return ExportProfileDraft(name=name, columns=tuple(columns), id=draft.id)


def _name_taken(session: Session, name: str, report: str, own_id: int | None) -> bool:
    row = queries.profile_named(session=session, report=report, name=name)
    return row is not None and row.id != own_id


def save_profile(
    db: Database, draft: ExportProfileDraft, *, actor: str, report: str = REPORT_KEY
) -> ExportProfileInfo:
    """Create a profile, or change the one with ``draft.id``. Names are unique per report."""
    draft = _clean(draft)
    with db.session() as s:
        if _name_taken(s, draft.name, report, draft.id):
            raise ConflictError(f"已有名为“{draft.name}”的列配置，请换一个名称")
        if draft.id is None:
            row = ExportProfile(name=draft.name, report=report, columns=_encode(draft.columns))
            old: dict[str, str | None] = {"name": None, "columns": None}
        else:
            existing = s.get(ExportProfile, draft.id)
            if existing is None or existing.report != report:
                raise NotFoundError("该列配置已不存在，可能已被删除")
            row = existing
            old = {"name": row.name, "columns": row.columns}
            row.name, row.columns = draft.name, _encode(draft.columns)
        s.add(row)
        s.flush()
        audit.record(
            s,
            actor=actor,
            action="create" if draft.id is None else "update",
            entity="export_profile",
            entity_id=row.id,
            summary=f"{'新建' if draft.id is None else '修改'}导出列配置“{row.name}”",
            changes=audit.diff(old, {"name": row.name, "columns": row.columns}),
        )
        return _info(row)


def delete_profile(db: Database, profile_id: int, *, actor: str) -> None:
    """Delete a saved profile (exports already written are not affected)."""
    with db.session() as s:
        row = s.get(ExportProfile, profile_id)
        if row is None:
            raise NotFoundError("该列配置已不存在，可能已被删除")
        audit.record(
            s,
            actor=actor,
            action="delete",
            entity="export_profile",
            entity_id=row.id,
            summary=f"删除导出列配置“{row.name}”",
            changes={"name": [row.name, None], "columns": [row.columns, None]},
        )
        s.delete(row)
