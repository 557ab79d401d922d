"""风险四色分布图 export: each floor plan with its coloured zones and the table of the 重大/较大
risk points it covers, as PDF (one page per plan) or PNG (one plan)."""

import math
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from dualprev import output_guard
from dualprev.domain import settings
from dualprev.domain.risk import RiskLevel
from dualprev.errors import NotFoundError, StorageError, ValidationError
from dualprev.reports.risk_map_data import MajorRiskRow, MapPaper, MapStyle, MapZoneData, RiskMapSheet
from dualprev.reports.risk_map_pdf import write_risk_map_pdf
from dualprev.reports.risk_map_png import write_risk_map_png
from dualprev.services.floor_plan_service import list_plans
from dualprev.services.map_zone_service import ZoneView, list_zones
from dualprev.services.risks.levels import risk_point_levels
from dualprev.storage import audit
from dualprev.storage import settings as stored_settings
from dualprev.storage.db import Database, Session
from dualprev.storage.models import Area, Department, FloorPlan, Person
from dualprev.storage.queries import floor_plans as queries
from dualprev.storage.queries import organisation, risks
from dualprev.storage.repos import get_or_raise, names_by_id

EXPORT_FORMATS = ("pdf", "png")


def _major_rows(
    session: Session, views: Sequence[ZoneView], levels: dict[int, RiskLevel | None]
) -> tuple[MajorRiskRow, ...]:
    by_area = queries.risk_points_by_area(session=session)
    zones_of: dict[int, list[str]] = {}
    for view in views:
        covered = set(view.info.risk_point_ids) | by_area.get(view.info.area_id or -1, set())
        for rp in covered:
            zones_of.setdefault(rp, []).append(view.name)
    wanted = [rp for rp in zones_of if levels.get(rp) in (RiskLevel.MAJOR, RiskLevel.SIGNIFICANT)]
    if not wanted:
        return ()
    points = {p.id: p for p in risks.risk_points_in_order(session=session, ids=wanted)}
    departments = names_by_id(session, Department)
    people = names_by_id(session, Person)
    areas = names_by_id(session, Area)
    accident: dict[int, list[str]] = {}
    for rp_id, level, type_name in queries.hazard_accident_types(session=session, risk_point_ids=wanted):
        # The accident types of the hazards that make the point this severe.
        if level is not None and RiskLevel(level) == levels.get(rp_id):
            names = accident.setdefault(rp_id, [])
            if type_name not in names:
                names.append(type_name)
    rows = []
    for rp_id in wanted:
        p = points.get(rp_id)
        level = levels.get(rp_id)
        if p is None or level is None:
            continue
        zone_names = list(dict.fromkeys(zones_of[rp_id]))
        location = "、".join(zone_names) or areas.get(p.area_id or 0, "")
        responsible = " ".join(
            x
            for x in (departments.get(p.department_id or 0, ""), people.get(p.responsible_person_id or 0, ""))
            if x
        )
        rows.append(
            MajorRiskRow(
                level=level,
                code=p.code,
                name=p.name,
                location=location,
                accident_types="、".join(accident.get(rp_id, [])),
                responsible=responsible,
            )
        )
    rows.sort(key=lambda r: (r.level, r.code, r.name))
    return tuple(rows)


# --- north arrow ---------------------------------------------------------------------------------


def north_angle_text(angle: float | None) -> str:
    """How the setting reads to the user."""
    return "不绘制（平面图自带指北针）" if angle is None else f"{angle:g}°"


def north_angle(db: Database, plan_id: int) -> float | None:
    """Where north points on this plan: degrees clockwise from the top of the sheet (0 when never
    set), or None when the plan image carries its own north arrow and the sheet draws none."""
    with db.read_session() as s:
        return stored_settings.read(s, settings.MAP_NORTH_ARROWS).get(plan_id, 0.0)


def _check_angle(angle: float | None) -> float | None:
    if angle is None:
        return None
    if not math.isfinite(angle) or not 0 <= angle <= 360:
        raise ValidationError(f"指北针角度应在 0–360 度之间：{angle:g}", "north_angle")
    return float(angle) % 360


def set_north_angle(db: Database, plan_id: int, angle: float | None, *, actor: str) -> None:
    """Set the plan's north direction (degrees clockwise from the top of the sheet), or None: the
    plan image has its own north arrow. Used by every export of the map, PDF and PNG alike."""
    clean = _check_angle(angle)
    with db.session() as s:
        plan: FloorPlan = get_or_raise(s, FloorPlan, plan_id, "平面图")
        table: dict[int, float | None] = stored_settings.read(s, settings.MAP_NORTH_ARROWS).copy()
        old = table.get(plan_id, 0.0)
        if old == clean:
            return
        table[plan_id] = clean
        stored_settings.write(s, settings.MAP_NORTH_ARROWS, table)
        audit.record(
            s,
            actor=actor,
            action="update",
            entity="floor_plan",
            entity_id=plan_id,
            summary=f"平面图“{plan.name}”指北针：{north_angle_text(old)} → {north_angle_text(clean)}",
            changes={settings.MAP_NORTH_ARROWS.key: [old, clean]},
        )


def _paper(paper: str) -> MapPaper:
    try:
        return MapPaper(paper.strip().upper())
    except ValueError:
        raise ValidationError(f"不支持的纸张：{paper}（可选 A4、A3、A2）", "paper") from None


def map_sheets(
    db: Database,
    *,
    plan_name: str | None = None,
    paper: str = "A3",
    drawn_by: str = "",
    checked_by: str = "",
    printed_on: date | None = None,
    mono: bool = False,
    north: float | Literal["stored"] | None = "stored",
) -> list[RiskMapSheet]:
    """The sheets to print: the plan called ``plan_name``, or every plan when it is None.

    ``mono``: black-and-white (outline and hatch per level). ``north``: the north arrow's angle
    for every sheet, None for none, or "stored" for each plan's own setting."""
    size = _paper(paper)
    plans = list_plans(db)
    if not plans:
        raise NotFoundError("还没有平面图：请先在“四色分布图”页面导入平面图并绘制区块")
    if plan_name is not None:
        chosen = [p for p in plans if p.name == plan_name.strip()]
        if not chosen:
            names = "、".join(p.name for p in plans)
            raise NotFoundError(f"没有名为“{plan_name}”的平面图（现有：{names}）")
        plans = chosen
    missing = [p.name for p in plans if not p.image_exists]
    if missing:
        raise StorageError(
            f"平面图“{'、'.join(missing)}”的图片文件找不到了，请在“四色分布图”页面重新导入图片"
        )
    override = None if north == "stored" else _check_angle(None if north is None else float(north))
    levels = risk_point_levels(db)
    with db.read_session() as s:
        arrows = stored_settings.read(s, settings.MAP_NORTH_ARROWS)
        enterprise = organisation.enterprise(session=s)
        sheets = []
        for plan in plans:
            views = list_zones(db, plan.id)
            sheets.append(
                RiskMapSheet(
                    enterprise=enterprise.name if enterprise else "",
                    plan_name=plan.name,
                    image_path=plan.image_path,
                    image_width=plan.width,
                    image_height=plan.height,
                    zones=tuple(
                        MapZoneData(v.name, v.info.points, v.level, v.label_point, v.label_lines)
                        for v in views
                    ),
                    major_risks=_major_rows(s, views, levels),
                    printed_on=printed_on or date.today(),
                    paper=size,
                    drawn_by=drawn_by.strip(),
                    checked_by=checked_by.strip(),
                    style=MapStyle.MONO if mono else MapStyle.COLOUR,
                    north_angle=arrows.get(plan.id, 0.0) if north == "stored" else override,
                )
            )
        return sheets


def export_map(
    db: Database,
    out_path: Path,
    *,
    fmt: str,
    plan_name: str | None,
    paper: str = "A3",
    drawn_by: str = "",
    checked_by: str = "",
    printed_on: date | None = None,
    mono: bool = False,
    north: float | Literal["stored"] | None = "stored",
) -> Path:
    """Write the risk map to ``out_path`` and return it.

    ``fmt`` "pdf": one A3 (or A4/A2) landscape page per plan — every plan when ``plan_name`` is
    None. ``fmt`` "png": one plan at 300 dpi on that paper size; ``plan_name`` may be None only
    when there is exactly one plan. The file is written whole or not at all.
    """
    kind = fmt.strip().lower()
    if kind not in EXPORT_FORMATS:
        raise ValidationError(f"不支持的导出格式：{fmt}（可选 pdf、png）", "fmt")
    sheets = map_sheets(
        db,
        plan_name=plan_name,
        paper=paper,
        drawn_by=drawn_by,
        checked_by=checked_by,
        printed_on=printed_on,
        mono=mono,
        north=north,
    )
    if kind == "png" and len(sheets) > 1:
        names = "、".join(s.plan_name for s in sheets)
        raise ValidationError(f"有 {len(sheets)} 张平面图（{names}），导出 PNG 时请指定其中一张", "plan_name")
    out = Path(out_path)
    output_guard.refuse_inputs(out)
    tmp = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as stream:
            if kind == "pdf":
                write_risk_map_pdf(sheets, stream)
            else:
                write_risk_map_png(sheets[0], stream)
        tmp.replace(out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            f"无法写入文件 {out}：{exc.strerror or exc}（文件被其他程序打开、磁盘已满或无写入权限？）"
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out
