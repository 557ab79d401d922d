"""作业安全风险比较图 (domain.md §7): the activities that cannot be placed on the floor plan, as bars
from the highest score to the lowest, each in its level's colour with the score and level name at
its end (readable in black and white too).

LEC's D and LS's R are different scales, so each method present gets its own chart, captioned with
the method and grading scheme. An activity is charted by its highest-scoring current evaluation.
Activities graded only by 直接判定 have no score; a note names them instead.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import BinaryIO

from reportlab.platypus import Flowable, PageBreak, Paragraph

from dualprev.domain import grading
from dualprev.domain.risk import EvaluationMethod, RiskLevel, RiskPointKind
from dualprev.reports.data import RiskReportData
from dualprev.reports.figure import (
    Box,
    Figure,
    Item,
    Label,
    Stroke,
    fit_text,
    stack,
    text_width_mm,
    to_drawing,
    to_image,
    wrap_text,
)
from dualprev.reports.page import MM_TO_PT, PageSetup, PaperSize
from dualprev.reports.pdf_doc import PartMarker, build_pdf, format_date
from dualprev.reports.pdf_table import signoff_line
from dualprev.reports.risk_text import scheme_rule
from dualprev.reports.styles import (
    CHART_AXIS_RGB,
    CHART_BAR_SHARE,
    CHART_GRID_RGB,
    CHART_HEADING_PT,
    CHART_LABEL_PT,
    CHART_MIN_PITCH_MM,
    CHART_PITCH_MM,
    CHART_PNG_DPI,
    CHART_SMALL_PT,
    CHART_TEXT_RGB,
    CHART_THRESHOLD_RGB,
    CHART_TITLE_PT,
    pdf_styles,
)
from dualprev.reports.tables import DEFAULT_SIGNOFF

TITLE = "作业安全风险比较图"
DEFAULT_PAPER = PaperSize.A4
PNG_WIDTH_MM = 297.0
PNG_MARGIN_MM = 10.0

_CHARTED = (EvaluationMethod.LEC, EvaluationMethod.LS)
_FORMULA = {EvaluationMethod.LEC: "D = L × E × C", EvaluationMethod.LS: "R = L × S"}
_SYMBOL = {EvaluationMethod.LEC: "D", EvaluationMethod.LS: "R"}


@dataclass(frozen=True)
class ChartBar:
    code: str
    name: str
    score: Decimal
    level: RiskLevel
    scheme_code: str


@dataclass(frozen=True)
class ChartSeries:
    """One method's chart: its bars, highest score first."""

    method: EvaluationMethod
    bars: tuple[ChartBar, ...]

    @property
    def symbol(self) -> str:
        return _SYMBOL[self.method]

    @property
    def scheme_codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(b.scheme_code for b in self.bars if b.scheme_code))

    @property
    def caption(self) -> str:
        rules = "；".join(scheme_rule(code) for code in self.scheme_codes) or "未记录分级方案"
        return (
            f"评价方法：{self.method.label}，{_FORMULA[self.method]}。分级方案：{rules}。"
            f"每项作业活动取其危险源现有风险评价中的最高{self.symbol}值；共 {len(self.bars)} 项，按分值由高到低排列。"
        )


@dataclass(frozen=True)
class ComparisonChart:
    enterprise: str
    printed_on: date
    series: tuple[ChartSeries, ...]
    direct: tuple[tuple[str, RiskLevel], ...] = ()
    """Activities with a 直接判定 evaluation: (name, level)."""

    @property
    def direct_note(self) -> str:
        if not self.direct:
            return ""
        names = "、".join(f"{name}（{level.label}）" for name, level in self.direct)
        return f"注：以下作业活动有经直接判定分级的危险源（无分值，其等级以直接判定为准）：{names}。"


def comparison_chart(data: RiskReportData) -> ComparisonChart:
    """The chart's content: per method, each activity's highest-scoring current evaluation."""
    bars: dict[EvaluationMethod, list[ChartBar]] = {m: [] for m in _CHARTED}
    direct: list[tuple[str, RiskLevel]] = []
    for point in data.of_kind(RiskPointKind.ACTIVITY):
        evaluations = point.evaluations
        for method in _CHARTED:
            scored = [e for e in evaluations if e.method is method and e.score is not None]
            if scored:
                # Ties go to the more severe level, which a custom scheme could assign differently.
                best = max(scored, key=lambda e: (e.score, -int(e.level)))
                assert best.score is not None
                bars[method].append(
                    ChartBar(point.code, point.name, best.score, best.level, best.scheme_code)
                )
        directs = [e.level for e in evaluations if e.method is EvaluationMethod.DIRECT]
        if directs:
            direct.append((point.name, min(directs)))
    series = tuple(
        ChartSeries(method, tuple(sorted(found, key=lambda b: (-b.score, int(b.level), b.code))))
        for method, found in bars.items()
        if found
    )
    return ComparisonChart(data.enterprise.name, data.printed_on, series, tuple(direct))


# --- layout ------------------------------------------------------------------------------------


def nice_axis(max_score: Decimal) -> tuple[float, float]:
    """(axis maximum, tick step): a 1-2-2.5-5 step giving at most eight intervals."""
    top = max(float(max_score) * 1.05, 1.0)
    exponent = math.floor(math.log10(top / 8))
    for power in (exponent, exponent + 1):
        for mantissa in (1.0, 2.0, 2.5, 5.0):
            step = mantissa * 10**power
            if top / step <= 8:
                return math.ceil(top / step - 1e-9) * step, step
    raise AssertionError("unreachable")


def _level_edges(series: ChartSeries) -> list[tuple[float, RiskLevel]]:
    """Scores where the level changes under the series' one scheme (none if it mixes schemes)."""
    if len(series.scheme_codes) != 1:
        return []
    try:
        scheme = grading.preset(series.scheme_codes[0])
    except KeyError:
        return []
    edges: list[tuple[float, RiskLevel]] = []
    for band in scheme.bands:
        below = [b for b in scheme.bands if band.low is not None and b.high == band.low]
        if band.low is not None and below and below[0].level is not band.level:
            edges.append((float(band.low), band.level))
    return sorted(edges)


def _tick_text(value: float) -> str:
    return grading.format_decimal(Decimal(repr(round(value, 6))))


def series_figure(
    series: ChartSeries,
    bars: Sequence[ChartBar],
    *,
    width: float,
    axis: tuple[float, float],
    margin: float = 0.0,
    continued: bool = False,
    pitch: float = CHART_PITCH_MM,
) -> Figure:
    """One chart (or a page's share of it when ``bars`` is a slice) ``width`` mm wide."""
    items: list[Item] = []
    heading = f"{series.method.label}　{_FORMULA[series.method]}" + ("（续）" if continued else "")
    items.append(Label(margin, 5.0, heading, CHART_HEADING_PT))
    names = [b.name for b in series.bars]
    label_width = min(max((text_width_mm(n, CHART_LABEL_PT) for n in names), default=20.0) + 2, 70.0)
    label_width = max(label_width, 25.0)
    x0 = margin + label_width + 2.0
    end_label_room = text_width_mm("0000 较大风险", CHART_SMALL_PT) + 4.0
    x1 = width - margin - end_label_room
    plot_top = 13.0
    plot_bottom = plot_top + max(len(bars), 1) * pitch
    bar_height = pitch * CHART_BAR_SHARE
    axis_max, step = axis

    def x_at(score: float) -> float:
        return x0 + (x1 - x0) * score / axis_max

    ticks = round(axis_max / step)
    for i in range(ticks + 1):
        x = x_at(i * step)
        items.append(Stroke(x, plot_top, x, plot_bottom, CHART_GRID_RGB, 0.15))
        items.append(Label(x, plot_bottom + 4.0, _tick_text(i * step), CHART_SMALL_PT, "middle"))
    for i, bar in enumerate(bars):
        top = plot_top + (pitch - bar_height) / 2 + i * pitch
        centre = top + bar_height / 2
        name = fit_text(bar.name, CHART_LABEL_PT, label_width - 1.0)
        items.append(Label(x0 - 2.0, centre + 1.2, name, CHART_LABEL_PT, "end", CHART_TEXT_RGB))
        right = x_at(float(bar.score))
        items.append(
            Box(x0, top, max(right - x0, 0.3), bar_height, fill=bar.level, stroke=(0, 0, 0), stroke_mm=0.15)
        )
        value = f"{grading.format_decimal(bar.score)}  {bar.level.label}"
        # A white ground keeps the value readable where a threshold line passes behind it.
        value_width = text_width_mm(value, CHART_SMALL_PT)
        items.append(Box(right + 0.8, centre - 1.9, value_width + 1.4, 3.8, fill=(255, 255, 255)))
        items.append(Label(right + 1.5, centre + 1.1, value, CHART_SMALL_PT, "start", CHART_TEXT_RGB))
    for edge, level in _level_edges(series):
        if 0 < edge < axis_max:
            x = x_at(edge)
            items.append(Stroke(x, plot_top - 1.0, x, plot_bottom, CHART_THRESHOLD_RGB, 0.3, dash_mm=1.2))
            items.append(
                Label(x, plot_top - 2.0, f"{series.symbol}≥{_tick_text(edge)} {level.short_label}",
                      CHART_SMALL_PT, "middle", CHART_THRESHOLD_RGB)
            )  # fmt: skip
    items.append(Stroke(x0, plot_top - 0.5, x0, plot_bottom, CHART_AXIS_RGB, 0.3))
    items.append(Stroke(x0, plot_bottom, x1, plot_bottom, CHART_AXIS_RGB, 0.3))
    items.append(Label((x0 + x1) / 2, plot_bottom + 8.5, f"{series.symbol} 值", CHART_LABEL_PT, "middle"))
    y = plot_bottom + 12.0
    x = x0
    for level in RiskLevel:
        items.append(Box(x, y, 8.0, 4.0, fill=level, stroke=(0, 0, 0), stroke_mm=0.15))
        items.append(Label(x + 9.5, y + 3.2, level.label, CHART_SMALL_PT))
        x += 11.0 + text_width_mm(level.label, CHART_SMALL_PT) + 5.0
    y += 9.0
    for line in wrap_text(series.caption, CHART_SMALL_PT, width - 2 * margin):
        items.append(Label(margin, y, line, CHART_SMALL_PT))
        y += 3.8
    return Figure(width, y, tuple(items))


def _title_figure(chart: ComparisonChart, width: float, margin: float) -> Figure:
    items: tuple[Item, ...] = (
        Label(width / 2, 10.0, TITLE, CHART_TITLE_PT, "middle"),
        Label(margin, 16.0, f"企业名称：{chart.enterprise}", CHART_SMALL_PT),
        Label(width - margin, 16.0, f"日期：{format_date(chart.printed_on)}", CHART_SMALL_PT, "end"),
        Stroke(margin, 17.5, width - margin, 17.5, CHART_THRESHOLD_RGB, 0.2),
    )
    return Figure(width, 22.0, items)


def _note_figure(text: str, width: float, margin: float) -> Figure:
    items: list[Item] = []
    y = 4.0
    for line in wrap_text(text, CHART_LABEL_PT, width - 2 * margin):
        items.append(Label(margin, y, line, CHART_LABEL_PT))
        y += 4.5
    return Figure(width, y + 2.0, tuple(items))


def _axis(series: ChartSeries) -> tuple[float, float]:
    """The axis reaches the highest score and the next level edge above it, so the chart shows how
    far the worst activity is from the next level."""
    top = float(max(b.score for b in series.bars))
    above = [edge for edge, _level in _level_edges(series) if edge > top]
    return nice_axis(Decimal(repr(min(above, default=top))))


# --- writers -----------------------------------------------------------------------------------


def chart_png_figure(chart: ComparisonChart) -> Figure:
    """Everything on one tall image: title, each method's chart, the direct-judgement note."""
    width, margin = PNG_WIDTH_MM, PNG_MARGIN_MM
    figures = [_title_figure(chart, width, margin)]
    for series in chart.series:
        figures.append(series_figure(series, series.bars, width=width, axis=_axis(series), margin=margin))
    if chart.direct_note:
        figures.append(_note_figure(chart.direct_note, width, margin))
    figures.append(Figure(width, PNG_MARGIN_MM / 2, ()))
    return stack(figures, gap=6.0)


def write_chart_png(chart: ComparisonChart, stream: BinaryIO, *, dpi: int = CHART_PNG_DPI) -> tuple[int, int]:
    """Write the chart as one PNG; returns its pixel size."""
    image = to_image(chart_png_figure(chart), dpi)
    image.save(stream, format="PNG", dpi=(dpi, dpi), optimize=True)
    return image.size


def write_chart_pdf(chart: ComparisonChart, stream: BinaryIO, *, paper: PaperSize = DEFAULT_PAPER) -> int:
    """Write the chart as a PDF, one method per page (continued on further pages when long);
    returns the number of pages."""
    page = PageSetup(paper=paper, landscape=True)
    styles = pdf_styles(9.0)
    frame_width, frame_height = page.frame_mm
    # Every page is a sheet that may be posted on its own: title, chart, note and sign-off each.
    title_mm, note_mm, signoff_mm = 11.0, 10.0 if chart.direct_note else 0.0, 17.0
    story: list[Flowable] = [PartMarker(TITLE)]
    for index, series in enumerate(chart.series):
        axis = _axis(series)
        overhead = series_figure(series, [], width=frame_width, axis=axis).height - CHART_PITCH_MM
        room = frame_height - title_mm - note_mm - signoff_mm - overhead
        per_page = max(1, int(room // CHART_MIN_PITCH_MM))
        pages = math.ceil(len(series.bars) / per_page)
        per_page = math.ceil(len(series.bars) / pages)  # spread evenly rather than leave a short last page
        pitch = min(CHART_PITCH_MM, room / per_page)
        for start in range(0, len(series.bars), per_page):
            if index or start:
                story.append(PageBreak())
            story.append(Paragraph(TITLE, styles.title))
            bars = series.bars[start : start + per_page]
            figure = series_figure(
                series, bars, width=frame_width, axis=axis, continued=start > 0, pitch=pitch
            )
            story.append(to_drawing(figure))
            if chart.direct_note:
                story.append(Paragraph(chart.direct_note, styles.note))
            story.append(signoff_line(DEFAULT_SIGNOFF, styles, frame_width * MM_TO_PT))
    return build_pdf(
        stream, story, page=page, enterprise=chart.enterprise, printed_on=chart.printed_on, title=TITLE
    )
