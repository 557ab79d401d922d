"""责任清单: one list of duties per leader role and per post, pre-filled from the shipped library
and edited by the enterprise. A list no longer wanted is voided, never deleted."""

from dataclasses import dataclass
from functools import cache

from dualprev.domain.duties import DutyLibrary, LeaderRole, parse_duty_library
from dualprev.domain.validation import required_problem
from dualprev.errors import ValidationError
from dualprev.paths import resource_path
from dualprev.services.duties.common import check, void
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import DutyItem, DutyList, Post, utcnow
from dualprev.storage.queries import duties as queries
from dualprev.storage.queries import organisation as org_queries
from dualprev.storage.repos import get_or_raise

LIBRARY_FILE = ("library", "duty_library.json")
MAX_DUTY_LENGTH = 500


@dataclass(frozen=True)
class DutyLine:
    text: str
    source: str = ""


@dataclass(frozen=True)
class DutyListInfo:
    """A duty list of a role (``role``) or a post (``post_id``)."""

    title: str
    role: LeaderRole | None = None
    post_id: int | None = None
    items: tuple[DutyLine, ...] = ()
    sort_order: int = 0
    id: int | None = None
    void_reason: str = ""
    post_name: str = ""
    department_name: str = ""

    @property
    def is_void(self) -> bool:
        return bool(self.void_reason)

    @property
    def subject_text(self) -> str:
        """领导岗位 or 岗位, as the list shows it."""
        return self.role.label if self.role is not None else "岗位"


@cache
def library() -> DutyLibrary:
    """The shipped duty library (read once)."""
    return parse_duty_library(resource_path(*LIBRARY_FILE).read_text(encoding="utf-8"))


def library_lines(role: LeaderRole) -> tuple[DutyLine, ...]:
    return tuple(DutyLine(d.text, d.source) for d in library().roles[role])


def post_lines(post_name: str) -> tuple[DutyLine, ...]:
    """A post's suggested duties: every employee's, and those of its own risk card."""
    own = DutyLine(
        f"掌握{post_name}岗位的安全风险和管控措施，按岗位安全风险告知卡和操作规程作业", "双重预防机制"
    )
    return (*library_lines(LeaderRole.EMPLOYEE), own)


def list_duty_lists(db: Database, *, include_void: bool = True) -> list[DutyListInfo]:
    """Every duty list with its items, roles first, in print order."""
    with db.read_session() as s:
        rows = queries.duty_lists(session=s, include_void=include_void)
        items = queries.duty_items(session=s, list_ids=[r.id or 0 for r in rows])
        posts = {p.id: p for p in org_queries.posts(session=s)}
        departments = {d.id: d.name for d in org_queries.departments(session=s)}
        found: list[DutyListInfo] = []
        for row in rows:
            post = posts.get(row.post_id) if row.post_id is not None else None
            found.append(
                DutyListInfo(
                    title=row.title,
                    role=row.role,
                    post_id=row.post_id,
                    items=tuple(DutyLine(i.text, i.source) for i in items.get(row.id or 0, [])),
                    sort_order=row.sort_order,
                    id=row.id,
                    void_reason=row.void_reason,
                    post_name=post.name if post else "",
                    department_name=departments.get(post.department_id, "")
                    if post and post.department_id
                    else "",
                )
            )
    return found


def _validate(info: DutyListInfo) -> DutyListInfo:
    title = info.title.strip()
    check(required_problem(title, "清单名称", 100), "title")
    if (info.role is None) == (info.post_id is None):
        raise ValidationError("请选择领导岗位或岗位（二者选其一）", "role")
    lines = tuple(
        DutyLine(line.text.strip(), line.source.strip()) for line in info.items if line.text.strip()
    )
    if not lines:
        raise ValidationError("责任清单至少要有一条职责", "items")
    for n, line in enumerate(lines, start=1):
        if len(line.text) > MAX_DUTY_LENGTH:
            raise ValidationError(f"第 {n} 条职责不能超过{MAX_DUTY_LENGTH}个字符", "items")
        if len(line.source) > 100:
            raise ValidationError(f"第 {n} 条职责的依据不能超过100个字符", "items")
    return DutyListInfo(title, info.role, info.post_id, lines, info.sort_order, info.id)


def save_duty_list(db: Database, info: DutyListInfo, *, actor: str) -> DutyListInfo:
    """Create or replace a duty list (its items are replaced as a whole)."""
    info = _validate(info)
    with db.session() as s:
        if info.post_id is not None:
            get_or_raise(s, Post, info.post_id, "岗位")
        if info.id is None:
            row = DutyList(title=info.title)
            old_items: list[str] = []
        else:
            row = get_or_raise(s, DutyList, info.id, "责任清单")
            if row.void_reason:
                raise ValidationError("已作废的责任清单不能修改")
            old_items = [i.text for i in queries.duty_items(session=s, list_ids=[info.id]).get(info.id, [])]
            queries.delete_duty_items(session=s, list_id=info.id)
        changes = audit.diff(
            {"title": row.title, "role": row.role, "post_id": row.post_id, "items": "\n".join(old_items)},
            {"title": info.title, "role": info.role, "post_id": info.post_id,
             "items": "\n".join(line.text for line in info.items)},
        )  # fmt: skip
        row.title, row.role, row.post_id, row.sort_order = (
            info.title,
            info.role,
            info.post_id,
            info.sort_order,
        )
        row.updated_at = utcnow()
        s.add(row)
        s.flush()
        for seq, line in enumerate(info.items, start=1):
            s.add(DutyItem(duty_list_id=row.id or 0, seq=seq, text=line.text, source=line.source))
        audit.record(s, actor=actor, action="create" if info.id is None else "update", entity="duty_list",
                     entity_id=row.id, summary=f"保存责任清单：{row.title}", changes=changes)  # fmt: skip
        saved_id = row.id or 0
    return next(d for d in list_duty_lists(db) if d.id == saved_id)


def void_duty_list(db: Database, list_id: int, reason: str, *, actor: str) -> None:
    void(db, DutyList, list_id, reason, what="责任清单", entity="duty_list", actor=actor)


def fill_from_library(db: Database, *, actor: str) -> int:
    """Create the library's list for every role and every post that has no list yet; how many."""
    existing = list_duty_lists(db, include_void=False)
    roles = {d.role for d in existing if d.role is not None}
    posts = {d.post_id for d in existing if d.post_id is not None}
    with db.read_session() as s:
        all_posts = [(p.id or 0, p.name) for p in org_queries.posts(session=s)]
    created = 0
    for order, role in enumerate(LeaderRole):
        if role not in roles:
            save_duty_list(db, DutyListInfo(role.label, role=role, items=library_lines(role), sort_order=order),
                           actor=actor)  # fmt: skip
            created += 1
    for order, (post_id, name) in enumerate(all_posts, start=100):
        if post_id not in posts:
            save_duty_list(db, DutyListInfo(f"{name}岗位", post_id=post_id, items=post_lines(name), sort_order=order),
                           actor=actor)  # fmt: skip
            created += 1
    return created
