"""风险辨识库 use cases: browse the built-in library of typical risk points and copy chosen entries
into the factory's inventory, with their hazards, accident types, measures and suggested evaluation.

An import is all or nothing. Everything that can be checked is checked before the first write (the
library itself, the area, department and posts, the enterprise's accident-type vocabulary and
grading schemes); the writes go through the risk service, and if one still fails the risk points
this import created are deleted again (their hazards, measures and evaluations cascade) before the
error is passed on.
"""

import logging
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from dualprev.domain.grading import FactorOutOfScale, GradingScheme
from dualprev.domain.library import LibraryEntry, RiskLibrary, parse_library
from dualprev.domain.risk import EvaluationMethod, RiskStage
from dualprev.errors import NotFoundError, ValidationError
from dualprev.paths import resource_path
from dualprev.services import scheme_service
from dualprev.services.risks import accident_types, risk_points
from dualprev.services.risks import hazards as risk_hazards
from dualprev.services.risks.evaluations import EvaluationInput
from dualprev.services.risks.hazards import HazardInfo, MeasureInfo
from dualprev.services.risks.risk_points import RiskPointInfo
from dualprev.storage import audit
from dualprev.storage.db import Database
from dualprev.storage.models import Area, Department, Post, RiskPoint
from dualprev.storage.queries import risks

log = logging.getLogger(__name__)

LIBRARY_FILE = ("library", "risk_library.json")
CODE_PREFIX = "KU-"
"""Risk points copied from the library are numbered KU-001, KU-002, … (库) until the user renumbers them."""
EVALUATION_NOTE = "引自辨识库，请结合现场复核"
_CODE_PATTERN = re.compile(rf"^{re.escape(CODE_PREFIX)}(\d+)$")
_ASSESSOR_MAX = 50


@cache
def load_library(vocabulary: str = "") -> RiskLibrary:
    """The shipped library, parsed and validated once per process; with a ``vocabulary``, its
    accident types in that vocabulary (the library is written in GB 6441-1986).

    A missing or broken library file is a packaging bug, not a user error: FileNotFoundError or
    ValueError propagate.
    """
    if vocabulary:
        return load_library().in_vocabulary(vocabulary)
    return parse_library(resource_path(*LIBRARY_FILE).read_text(encoding="utf-8"))


def groups() -> list[str]:
    """The library's groups (机械加工, 焊接与动火, …) in library order."""
    return load_library().groups()


def list_entries(group: str | None = None, keyword: str = "") -> list[LibraryEntry]:
    """Entries of ``group`` (None: every group) whose texts contain ``keyword``, in library order."""
    return load_library().select(group, keyword)


@dataclass(frozen=True)
class _PlannedHazard:
    info: HazardInfo
    evaluation: EvaluationInput


def import_entries(
    db: Database,
    keys: Sequence[str],
    *,
    area_id: int | None,
    department_id: int | None = None,
    post_ids: tuple[int, ...] = (),
    assessor_name: str,
    evaluated_on: date,
    actor: str,
) -> list[int]:
    """Create one risk point per library entry and return their ids, in the order of ``keys``.

    Each risk point gets the next free code ``KU-nnn``, the entry's key as ``library_key``, the
    area's name as its location, the given department and posts, and the entry's hazards with their
    accident types and measures; each hazard gets the entry's suggested evaluation as its current
    evaluation (note “引自辨识库，请结合现场复核”), graded with the enterprise's scheme.

    Raises (and writes nothing) ValidationError when no key is given, the assessor name is too
    long, or an entry does not fit the enterprise's accident types or grading scheme; NotFoundError
    for an unknown key, area, department or post. A failure while writing removes what this import
    created and re-raises.
    """
    library = load_library(accident_types.vocabulary(db))
    entries = _chosen_entries(library, keys)
    assessor = assessor_name.strip()
    if len(assessor) > _ASSESSOR_MAX:
        raise ValidationError(f"评价人不能超过{_ASSESSOR_MAX}个字符", "assessor_name")
    posts = tuple(dict.fromkeys(post_ids))
    with db.read_session() as s:
        location = ""
        if area_id is not None:
            area = s.get(Area, area_id)
            if area is None:
                raise NotFoundError(f"区域不存在（编号 {area_id}），可能已被删除")
            location = area.name
        if department_id is not None and s.get(Department, department_id) is None:
            raise NotFoundError(f"责任单位不存在（编号 {department_id}），可能已被删除")
        for post_id in posts:
            if s.get(Post, post_id) is None:
                raise NotFoundError(f"岗位不存在（编号 {post_id}），可能已被删除")
        taken = risks.risk_point_codes(session=s)
    type_ids = {option.name: option.id for option in accident_types.accident_type_options(db)}
    schemes = scheme_service.active_schemes(db)
    plans = [_plan(entry, type_ids, schemes, assessor, evaluated_on) for entry in entries]
    codes = _next_codes(taken, len(entries))

    created: list[int] = []
    try:
        for entry, code, hazards in zip(entries, codes, plans, strict=True):
            point_id = risk_points.save_risk_point(
                db,
                RiskPointInfo(
                    name=entry.name,
                    kind=entry.kind,
                    area_id=area_id,
                    code=code,
                    location=location,
                    department_id=department_id,
                    post_ids=posts,
                ),
                actor=actor,
            )
            created.append(point_id)
            for planned in hazards:
                risk_hazards.save_hazard(
                    db,
                    replace(planned.info, risk_point_id=point_id),
                    actor=actor,
                    evaluations=[planned.evaluation],
                )
        _finish(db, library, entries, created, actor=actor)
    except BaseException:
        _undo(db, created, actor=actor)
        raise
    return created


def _chosen_entries(library: RiskLibrary, keys: Sequence[str]) -> list[LibraryEntry]:
    unique = list(dict.fromkeys(k.strip() for k in keys if k.strip()))
    if not unique:
        raise ValidationError("请至少选择一个辨识库条目", "keys")
    entries = []
    for key in unique:
        try:
            entries.append(library.entry(key))
        except KeyError:
            raise NotFoundError(f"辨识库中没有条目“{key}”，辨识库可能已更新，请重新选择") from None
    return entries


def _plan(
    entry: LibraryEntry,
    type_ids: dict[str, int],
    schemes: Mapping[EvaluationMethod, GradingScheme],
    assessor: str,
    evaluated_on: date,
) -> list[_PlannedHazard]:
    """The hazards of ``entry`` as the risk service takes them, or a ValidationError naming the entry
    when the enterprise's accident types or grading scheme cannot take them."""
    planned = []
    for hazard in entry.hazards:
        missing = [name for name in hazard.accident_types if name not in type_ids]
        if missing:
            raise ValidationError(
                f"辨识库条目“{entry.name}”的事故类型“{'、'.join(missing)}”不在本企业使用的事故类型分类中",
                "keys",
            )
        evaluation = hazard.evaluation
        try:
            evaluation.graded(schemes[evaluation.method])
        except FactorOutOfScale as exc:
            raise ValidationError(
                f"辨识库条目“{entry.name}”（{hazard.step_or_item}）的建议评价不适用于本企业的分级方案：{exc}",
                "keys",
            ) from None
        planned.append(
            _PlannedHazard(
                HazardInfo(
                    risk_point_id=0,
                    description=hazard.description,
                    step_or_item=hazard.step_or_item,
                    standard=hazard.standard,
                    factor_category=hazard.factor_category,
                    consequence=hazard.consequence,
                    accident_type_ids=tuple(type_ids[name] for name in hazard.accident_types),
                    measures=tuple(MeasureInfo(m.category, m.content) for m in hazard.measures),
                ),
                EvaluationInput(
                    stage=RiskStage.CURRENT,
                    method=evaluation.method,
                    factors=evaluation.factors,
                    assessor_name=assessor,
                    evaluated_on=evaluated_on,
                    note=EVALUATION_NOTE,
                ),
            )
        )
    return planned


def _next_codes(taken: Collection[str], count: int) -> list[str]:
    """``count`` free codes after the highest KU-nnn in use."""
    numbers = [int(m.group(1)) for code in taken if (m := _CODE_PATTERN.match(code))]
    n = max(numbers, default=0)
    codes: list[str] = []
    while len(codes) < count:
        n += 1
        code = f"{CODE_PREFIX}{n:03d}"
        if code not in taken:
            codes.append(code)
    return codes


def _finish(
    db: Database, library: RiskLibrary, entries: Sequence[LibraryEntry], created: Sequence[int], *, actor: str
) -> None:
    """Mark where each new risk point came from and record the import as one audit entry."""
    with db.session() as s:
        for point_id, entry in zip(created, entries, strict=True):
            row = s.get(RiskPoint, point_id)
            if row is None:
                raise NotFoundError(f"风险点不存在（编号 {point_id}），可能已被删除")
            row.library_key = entry.key
            s.add(row)
        hazards = sum(len(e.hazards) for e in entries)
        names = "、".join(e.name for e in entries)
        audit.record(
            s,
            actor=actor,
            action="import",
            entity="risk_point",
            entity_id=None,
            summary=f"从辨识库添加风险点 {len(entries)} 个、危险源 {hazards} 条：{names}",
            changes={
                "library_version": library.version,
                "keys": [e.key for e in entries],
                "risk_point_ids": list(created),
            },
        )


def _undo(db: Database, created: Sequence[int], *, actor: str) -> None:
    """Delete the risk points a failed import created; their hazards and everything below cascade.

    A failure here is logged and swallowed so the caller sees the error that stopped the import.
    """
    if not created:
        return
    try:
        with db.session() as s:
            risks.delete_risk_points(session=s, ids=created)
            audit.record(
                s,
                actor=actor,
                action="delete",
                entity="risk_point",
                entity_id=None,
                summary=f"从辨识库添加未完成，已撤销本次新建的风险点 {len(created)} 个",
                changes={"risk_point_ids": list(created)},
            )
    except Exception:
        log.exception("could not undo a failed library import (risk points %s)", list(created))
