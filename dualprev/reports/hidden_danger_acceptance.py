"""隐患整改验收单: one hidden danger on an A4 form — what was found, what was done, the photos before
and after, and the acceptance (验收意见, 验收人, 验收日期) with signature lines for the rectifier and
the acceptor. Printed before acceptance, the acceptance part is left blank to be filled in on site.
"""

from datetime import date
from typing import BinaryIO

from reportlab.platypus import Flowable, Paragraph, Spacer

from dualprev.domain.hidden_danger import HiddenDangerStatus, PhotoStage
from dualprev.reports.hidden_danger_forms import FormField, form_grid, markup, photo_grid
from dualprev.reports.ledger_data import LedgerEnterprise, LedgerEntry
from dualprev.reports.ledger_statistics import format_yuan
from dualprev.reports.page import MM_TO_PT, PageSetup, PaperSize
from dualprev.reports.pdf_doc import PartMarker, build_pdf
from dualprev.reports.pdf_table import signoff_line
from dualprev.reports.styles import FIELD_PAD_PT, FORM_BODY_PT, FORM_LABEL_MM, pdf_styles

TITLE = "隐患整改验收单"
SIGNOFF: tuple[str, ...] = ("整改责任人（签字）", "验收人（签字）", "日期")
_PAGE = PageSetup(paper=PaperSize.A4, landscape=False, margin_mm=15.0)


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def acceptance_story(entry: LedgerEntry, width: float) -> list[Flowable]:
    """The flowables of one 验收单 (``width`` in points)."""
    styles = pdf_styles(FORM_BODY_PT)
    closed = entry.status is HiddenDangerStatus.CLOSED
    check = entry.check_type.label if entry.check_type else entry.source.label
    source = entry.source.label + (f"（{entry.source_detail}）" if entry.source_detail else "")
    funds = format_yuan(entry.funds_fen) if entry.funds_fen else ""
    rows: list[list[FormField]] = [
        [FormField("隐患编号", entry.number), FormField("隐患级别", entry.level.label)],
        [FormField("排查日期", _day(entry.found_on)), FormField("排查类型", check)],
        [FormField("隐患来源", source), FormField("排查人", entry.finder_names)],
        [FormField("部位/风险点", entry.place)],
        [FormField("隐患描述", entry.description)],
        [FormField("整改责任单位", entry.department_name), FormField("整改责任人", entry.rectifier_name)],
        [FormField("整改期限", _day(entry.deadline)), FormField("整改完成日期", _day(entry.completed_on))],
        [FormField("整改措施", entry.rectification_measures, min_height_mm=14)],
        [FormField("整改资金（元）", funds), FormField("立即整改", "是" if entry.is_immediate else "否")],
    ]
    if entry.interim_measures:
        rows.append([FormField("临时管控措施", entry.interim_measures)])
    if entry.is_major and entry.plan is not None:
        evaluated = f"（{_day(entry.plan.post_evaluated_on)}）" if entry.plan.post_evaluated_on else ""
        rows.append([FormField("治理后评估", entry.plan.post_evaluation + evaluated, min_height_mm=14)])
    # Before and after side by side, so the two can be compared at a glance.
    half = (width - 2 * FORM_LABEL_MM * MM_TO_PT) / 2 - 2 * FIELD_PAD_PT
    rows.append(
        [
            FormField(f"{stage.label}照片", [photo_grid(entry.photos_of(stage), half, styles, per_row=1)])
            for stage in (PhotoStage.BEFORE, PhotoStage.AFTER)
        ]
    )
    accepted = entry.photos_of(PhotoStage.ACCEPTANCE)
    if accepted:
        full = width - FORM_LABEL_MM * MM_TO_PT - 2 * FIELD_PAD_PT
        rows.append([FormField("验收照片", [photo_grid(accepted, full, styles, per_row=2)])])
    conclusion = entry.acceptance_conclusion if closed else ""
    rows += [
        [FormField("验收意见", conclusion, min_height_mm=22)],
        [
            FormField("验收人", entry.acceptor_name if closed else ""),
            FormField("验收日期", _day(entry.accepted_on) if closed else ""),
        ],
        [
            FormField(
                "验收结论",
                "■ 验收通过，同意销号" if closed else "□ 验收通过，同意销号　　□ 验收不通过，继续整改",
            )
        ],
    ]
    story: list[Flowable] = [
        PartMarker(TITLE),
        Paragraph(TITLE, styles.title),
        Paragraph(markup(f"隐患编号：{entry.number}　状态：{entry.status.label}"), styles.subtitle),
        form_grid(rows, width, styles),
        Spacer(1, 2 * MM_TO_PT),
        Paragraph("注：验收人不得为整改责任人本人。重大隐患须完成治理后评估后方可验收销号。", styles.note),
        signoff_line(SIGNOFF, styles, width),
    ]
    return story


def acceptance_story_pdf(
    enterprise: LedgerEnterprise, entry: LedgerEntry, printed_on: date, stream: BinaryIO
) -> int:
    """Write the 验收单 of ``entry`` as an A4 PDF; returns the number of pages."""
    width = _PAGE.frame_mm[0] * MM_TO_PT
    return build_pdf(
        stream,
        acceptance_story(entry, width),
        page=_PAGE,
        enterprise=enterprise.name,
        printed_on=printed_on,
        title=TITLE,
        note=entry.number,
    )
