"""作业安全风险比较图: which bars, in which order and colour, per method; PNG and PDF as delivered."""

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from sqlalchemy import text

from dualprev.domain.risk import EvaluationMethod, RiskLevel, RiskPointKind
from dualprev.errors import NotFoundError
from dualprev.reports.data import EnterpriseHeader, EvaluationData, HazardData, RiskPointData, RiskReportData
from dualprev.reports.risk_chart import PNG_WIDTH_MM, comparison_chart, nice_axis, write_chart_png
from dualprev.reports.styles import CHART_PNG_DPI
from dualprev.services.risk_report_service import ExportFormat, export_risk_chart, load_risk_report

TODAY = date(2026, 11, 20)


def _lec(score: str, level: RiskLevel) -> EvaluationData:
    return EvaluationData(EvaluationMethod.LEC, level, TODAY, "LEC-4C", Decimal(score))


def _ls(score: str, level: RiskLevel) -> EvaluationData:
    return EvaluationData(EvaluationMethod.LS, level, TODAY, "LS-SD", Decimal(score))


def _point(code: str, kind: RiskPointKind, *evaluations: EvaluationData | None) -> RiskPointData:
    hazards = tuple(HazardData(f"危险源{i}", seq=i, current=e) for i, e in enumerate(evaluations))
    return RiskPointData(code, f"作业{code}", kind, hazards)


def _data(*points: RiskPointData) -> RiskReportData:
    return RiskReportData(EnterpriseHeader("测试企业"), TODAY, points)


def test_each_activity_is_charted_by_its_highest_score_per_method() -> None:
    direct = EvaluationData(EvaluationMethod.DIRECT, RiskLevel.MAJOR, TODAY, direct_reasons=("违反法律法规",))
    chart = comparison_chart(
        _data(
            _point(
                "A", RiskPointKind.ACTIVITY, _lec("42", RiskLevel.LOW), _lec("126", RiskLevel.GENERAL), None
            ),
            _point(
                "B", RiskPointKind.ACTIVITY, _lec("270", RiskLevel.SIGNIFICANT), _ls("12", RiskLevel.GENERAL)
            ),
            _point("C", RiskPointKind.ACTIVITY, direct),
            _point("D", RiskPointKind.ACTIVITY, None),
            _point("E", RiskPointKind.EQUIPMENT, _lec("400", RiskLevel.MAJOR)),
        )
    )
    assert [s.method for s in chart.series] == [EvaluationMethod.LEC, EvaluationMethod.LS]
    lec, ls = chart.series
    assert [(b.code, b.score, b.level) for b in lec.bars] == [
        ("B", Decimal(270), RiskLevel.SIGNIFICANT),
        ("A", Decimal(126), RiskLevel.GENERAL),
    ]
    assert [(b.code, b.score) for b in ls.bars] == [("B", Decimal(12))]
    assert "LEC-4C" in lec.caption and "D≥320 重大风险" in lec.caption and "R≥20" in ls.caption
    assert chart.direct == (("作业C", RiskLevel.MAJOR),)
    assert "作业C（重大风险）" in chart.direct_note


def test_nice_axis_covers_the_top_score() -> None:
    for score in ("1", "8", "25", "42", "126", "360", "1500"):
        top, step = nice_axis(Decimal(score))
        assert top >= float(score) and top / step <= 8


def test_demo_chart_matches_the_database(demo_db: Any) -> None:
    chart = comparison_chart(load_risk_report(demo_db, today=TODAY))
    with demo_db.engine.connect() as conn:
        rows = conn.execute(
            text(
                """SELECT rp.code, e.method, max(CAST(e.score AS REAL)) FROM evaluation e
                   JOIN hazard h ON h.id = e.hazard_id JOIN risk_point rp ON rp.id = h.risk_point_id
                   WHERE rp.kind = 'activity' AND e.stage = 'current' AND e.method IN ('LEC', 'LS')
                     AND e.id IN (SELECT max(id) FROM evaluation WHERE stage = 'current' GROUP BY hazard_id)
                   GROUP BY rp.code, e.method"""
            )
        ).all()
    expected = {(code, method): score for code, method, score in rows}
    got = {(b.code, s.method.value): float(b.score) for s in chart.series for b in s.bars}
    assert got == expected
    for series in chart.series:
        scores = [b.score for b in series.bars]
        assert scores == sorted(scores, reverse=True)


def test_png_has_the_expected_size_and_the_level_colours(demo_db: Any, tmp_path: Path) -> None:
    out = tmp_path / "比较图.png"
    export_risk_chart(demo_db, out, ExportFormat.PNG, today=TODAY)
    with Image.open(out) as image:
        image.load()
        assert image.format == "PNG" and image.mode == "RGB"
        assert image.width == round(PNG_WIDTH_MM / 25.4 * CHART_PNG_DPI)
        assert image.height > 800
        assert round(image.info["dpi"][0]) == CHART_PNG_DPI
        colours = {rgb for _count, rgb in image.getcolors(maxcolors=1 << 20)}
    for level in RiskLevel:
        assert level.colour.rgb in colours, level
    greenish = [c for c in colours if c[1] > 150 and c[0] < 100 and c[2] < 100]
    assert not greenish  # 低风险 is blue, never green


def test_png_of_a_chart_with_one_method(tmp_path: Path) -> None:
    chart = comparison_chart(_data(_point("A", RiskPointKind.ACTIVITY, _ls("16", RiskLevel.SIGNIFICANT))))
    out = tmp_path / "ls.png"
    with out.open("wb") as stream:
        size = write_chart_png(chart, stream)
    with Image.open(out) as image:
        assert image.size == size
        colours = {rgb for _count, rgb in image.getcolors(maxcolors=1 << 20)}
    assert RiskLevel.SIGNIFICANT.colour.rgb in colours


def test_pdf_names_methods_schemes_and_activities(demo_db: Any, tmp_path: Path, read_pdf: Any) -> None:
    out = tmp_path / "比较图.pdf"
    result = export_risk_chart(demo_db, out, ExportFormat.PDF, today=TODAY)
    pdf = read_pdf(out)
    assert result.pages == len(pdf.pages) >= 2  # LEC and LS each on their own page
    text_all = pdf.compact()
    assert "作业安全风险比较图" in pdf.compact(0) and "江苏恒锐精密机械有限公司" in pdf.compact(0)
    assert "作业条件危险性评价法(LEC)" in text_all and "LEC-4C" in text_all
    assert "风险矩阵法(LS)" in text_all and "LS-SD" in text_all
    assert "第1页/共" in pdf.compact(0)
    names = [p.name for p in load_risk_report(demo_db).of_kind(RiskPointKind.ACTIVITY) if len(p.name) < 12]
    assert names and all(name in text_all for name in names)
    assert all(embedded for _name, embedded in pdf.fonts())


def test_nothing_evaluated_is_a_user_error(demo_db: Any, tmp_path: Path) -> None:
    with demo_db.session() as s:
        s.exec(text("DELETE FROM evaluation"))  # type: ignore[call-overload]
    with pytest.raises(NotFoundError, match="作业活动"):
        export_risk_chart(demo_db, tmp_path / "x.png", ExportFormat.PNG, today=TODAY)
    assert not (tmp_path / "x.png").exists()
