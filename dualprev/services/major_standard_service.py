"""The shipped 《工贸企业重大事故隐患判定标准》 and the enterprise's scope under it (sectors and
special conditions, set in 企业信息): which items apply, and which items a hidden danger's texts
suggest."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from dualprev.domain.major_standard import (
    MajorStandard,
    Sector,
    SpecialCondition,
    StandardArticle,
    StandardItem,
    join_codes,
    parse_codes,
    parse_standard,
    suggest_items,
)
from dualprev.errors import NotFoundError
from dualprev.paths import resource_path
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import RiskPoint
from dualprev.storage.queries.organisation import enterprise as enterprise_row

STANDARD_FILE = ("library", "major_hidden_danger_standard.json")


@lru_cache(maxsize=1)
def load_standard() -> MajorStandard:
    """The shipped standard (parsed once per process)."""
    return parse_standard(resource_path(*STANDARD_FILE).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class StandardScope:
    """Which parts of the standard apply to the enterprise."""

    sectors: tuple[Sector, ...] = ()
    conditions: tuple[SpecialCondition, ...] = ()

    @property
    def text(self) -> str:
        """``机械；粉尘涉爆`` for headers ("未设置" when nothing is declared)."""
        parts = [s.label for s in self.sectors] + [c.label for c in self.conditions]
        return "、".join(parts) or "未设置行业"

    def articles(self, standard: MajorStandard | None = None) -> list[StandardArticle]:
        return (standard or load_standard()).applicable_articles(self.sectors, self.conditions)

    def items(self, standard: MajorStandard | None = None) -> list[StandardItem]:
        return (standard or load_standard()).applicable_items(self.sectors, self.conditions)


def get_scope(db: Database) -> StandardScope:
    with db.read_session() as s:
        row = enterprise_row(session=s)
        if row is None:
            return StandardScope()
        return StandardScope(
            parse_codes(row.sectors, Sector), parse_codes(row.special_conditions, SpecialCondition)
        )


def save_scope(db: Database, scope: StandardScope, *, actor: str) -> StandardScope:
    """Set the enterprise's sectors and special conditions (audited)."""
    with db.session() as s:
        row = enterprise_row(session=s)
        if row is None:
            raise NotFoundError("数据库中还没有企业档案，请先填写企业信息")
        new = {"sectors": join_codes(scope.sectors), "special_conditions": join_codes(scope.conditions)}
        changes = audit.diff({"sectors": row.sectors, "special_conditions": row.special_conditions}, new)
        if changes:
            row.sectors, row.special_conditions = new["sectors"], new["special_conditions"]
            s.add(row)
            audit.record(
                s, actor=actor, action="update", entity="enterprise", entity_id=row.id,
                summary=f"修改判定标准适用范围：{scope.text}", changes=changes,
            )  # fmt: skip
    return get_scope(db)


def suggestions(
    db: Database, texts: Sequence[str], *, risk_point_id: int | None = None, limit: int = 5
) -> list[StandardItem]:
    """Applicable items that a hidden danger's texts (and its risk point's name and description)
    suggest, best first."""
    words = list(texts)
    with db.read_session() as s:
        point = s.get(RiskPoint, risk_point_id) if risk_point_id is not None else None
        if point is not None:
            words += [point.name, point.location, point.activity_content, point.note]
    return suggest_items(get_scope(db).items(), *words, limit=limit)
