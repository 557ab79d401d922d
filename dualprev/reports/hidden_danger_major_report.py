"""重大事故隐患报告: what an enterprise reports to the authority about one 重大隐患 (原安监总局令第16号
第十四条, domain.md §8.3): the hidden danger's current state and how it arose, its harm and how hard
it is to remove, and the remediation plan — with the interim measures, progress so far, photos of
the current state, and the principal's signature and the enterprise's seal.
"""

from datetime import date
from typing import BinaryIO

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from dualprev.domain.hidden_danger import REMEDIATION_PLAN_ITEMS, HiddenDangerStatus, PhotoStage
from dualprev.reports.hidden_danger_forms import FormField, form_grid, heading, markup, photo_grid
from dualprev.reports.ledger_columns import progress_text
from dualprev.reports.ledger_data import LedgerEnterprise, LedgerEntry, MajorDutiesData
from dualprev.reports.ledger_statistics import format_yuan
from dualprev.reports.page import MM_TO_PT, PageSetup, PaperSize
from dualprev.reports.pdf_doc import PartMarker, build_pdf
from dualprev.reports.pdf_table import signoff_line
from dualprev.reports.styles import FORM_BODY_PT, pdf_styles

TITLE = "重大事故隐患报告"
SIGNOFF: tuple[str, ...] = ("报告单位（盖章）", "主要负责人（签字）", "报告日期")
_PAGE = PageSetup(paper=PaperSize.A4, landscape=False, margin_mm=15.0)


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def _lines(items: list[tuple[str, str]]) -> str:
    """ "label：text" lines, numbered (1)…, skipping empty texts."""
    kept = [(label, text) for label, text in items if text.strip()]
    return "\n".join(f"（{i}）{label}：{text.strip()}" for i, (label, text) in enumerate(kept, start=1))


def state_and_cause(entry: LedgerEntry) -> str:
    """一、the current state, where and how it was found, why it is a 重大隐患, and the remarks kept."""
    source = entry.source.label + (f"（{entry.source_detail}）" if entry.source_detail else "")
    found = f"{entry.found_on.isoformat()}，{source}" + (
        f"，排查人：{entry.finder_names}" if entry.finder_names else ""
    )
    return _lines(
        [
            ("隐患现状", entry.description),
            ("隐患部位", entry.place),
            ("发现情况", found),
            ("隐患类别", entry.category.label),
            ("判定依据", entry.basis or "未填写判定依据"),
            ("产生原因", (entry.duties.cause if entry.duties else "") or "未填写产生原因"),
            ("其他情况", entry.note),
        ]
    )


def harm_and_difficulty(entry: LedgerEntry) -> str:
    """二、what accident it may cause and what removing it takes (money, time, stoppage)."""
    plan = entry.plan
    funds = format_yuan(entry.funds_fen) + " 元" if entry.funds_fen else ""
    return _lines(
        [
            (
                "危害程度",
                "可能导致" + "、".join(entry.accident_types) + "事故" if entry.accident_types else "",
            ),
            (
                "隐患级别",
                f"{entry.level.label}（危害和整改难度较大，需要全部或者局部停产停业，并经过一定时间整改治理方能排除）",
            ),
            ("整改资金", funds),
            ("经费和物资", plan.funds_and_materials if plan else ""),
            ("整改期限", _day(entry.deadline)),
            ("整改期间管控", entry.interim_measures),
        ]
    )


def plan_text(entry: LedgerEntry) -> str:
    """三、the 治理方案's six items (五到位)."""
    if entry.plan is None:
        return "尚未制定治理方案（重大隐患开始整改前须制定治理方案）。"
    plan = entry.plan
    return (
        _lines([(label, getattr(plan, key)) for key, label in REMEDIATION_PLAN_ITEMS]) or "治理方案内容为空。"
    )


def progress(entry: LedgerEntry, printed_on: date) -> str:
    """四、where the rectification stands."""
    items = [("目前状态", progress_text(entry, printed_on)), ("整改措施", entry.rectification_measures)]
    if entry.completed_on:
        items.append(("整改完成日期", _day(entry.completed_on)))
    if entry.plan is not None and entry.plan.post_evaluation:
        items.append(("治理后评估", f"{entry.plan.post_evaluation}（{_day(entry.plan.post_evaluated_on)}）"))
    if entry.status is HiddenDangerStatus.CLOSED:
        items.append(("验收", f"{_day(entry.accepted_on)} 验收通过：{entry.acceptance_conclusion}"))
    return _lines(items)


def duties_text(entry: LedgerEntry) -> str:
    """五、the report to the authority, 挂牌督办 with its 销号, and the report to the 职工代表大会."""
    d = entry.duties or MajorDutiesData()
    report = ""
    if entry.reported_on:
        report = f"{_day(entry.reported_on)} 以{d.report_method or '书面报告'}报告{entry.reported_to}" + (
            f"，文号：{d.report_document_number}" if d.report_document_number else ""
        )
    supervision = ""
    if d.supervised_by:
        supervision = f"{d.supervised_by}于 {_day(d.supervised_on)} 挂牌督办" + (
            f"，督办编号：{d.supervision_number}" if d.supervision_number else ""
        )
    closure = ""
    if d.closure_applied_on:
        closure = f"{_day(d.closure_applied_on)} 申请销号" + (
            f"，{_day(d.closure_approved_on)} 督办单位批准销号"
            if d.closure_approved_on
            else "，待督办单位批准"
        )
    congress = f"{_day(d.congress_reported_on)} 已报告" if d.congress_reported_on else ""
    return _lines(
        [
            ("向负有安全生产监督管理职责的部门报告", report or "尚未报告"),
            ("挂牌督办", supervision or "未挂牌督办"),
            ("督办销号", closure),
            ("向职工代表大会（职工大会）报告", congress or "尚未报告"),
        ]
    )


def major_report_story(
    enterprise: LedgerEnterprise, entry: LedgerEntry, printed_on: date, width: float
) -> list[Flowable]:
    styles = pdf_styles(FORM_BODY_PT)
    principal = enterprise.principal_name + (
        f"（{enterprise.principal_phone}）" if enterprise.principal_phone else ""
    )
    header = form_grid(
        [
            [FormField("报告单位", enterprise.name)],
            [FormField("统一社会信用代码", enterprise.uscc), FormField("所属行业", enterprise.industry)],
            [FormField("单位地址", enterprise.address)],
            [FormField("主要负责人", principal), FormField("隐患编号", entry.number)],
            [FormField("报送部门", entry.reported_to), FormField("报告日期", _day(entry.reported_on))],
            [
                FormField("报告方式", entry.duties.report_method if entry.duties else ""),
                FormField("报告文号", entry.duties.report_document_number if entry.duties else ""),
            ],
        ],
        width,
        styles,
    )
    story: list[Flowable] = [
        PartMarker(TITLE),
        Paragraph(TITLE, styles.title),
        header,
        heading("一、隐患的现状及其产生原因", styles),
        Paragraph(markup(state_and_cause(entry)), styles.field),
        heading("二、隐患的危害程度和整改难易程度分析", styles),
        Paragraph(markup(harm_and_difficulty(entry)), styles.field),
        heading("三、隐患的治理方案", styles),
        Paragraph(markup(plan_text(entry)), styles.field),
        heading("四、治理进展", styles),
        Paragraph(markup(progress(entry, printed_on)), styles.field),
        heading("五、报告及挂牌督办情况", styles),
        Paragraph(markup(duties_text(entry)), styles.field),
    ]
    before = entry.photos_of(PhotoStage.BEFORE)
    if before:
        story += [heading("附：隐患现状照片", styles), photo_grid(before, width, styles, per_row=3)]
    # One line each, with room for the seal and the signature (落款).
    story += [
        Spacer(1, 4 * MM_TO_PT),
        KeepTogether([signoff_line((label,), styles, width) for label in SIGNOFF]),
    ]
    return story


def write_major_report_pdf(
    enterprise: LedgerEnterprise, entry: LedgerEntry, printed_on: date, stream: BinaryIO
) -> int:
    """Write the report of one 重大隐患 as an A4 PDF; returns the number of pages."""
    width = _PAGE.frame_mm[0] * MM_TO_PT
    return build_pdf(
        stream,
        major_report_story(enterprise, entry, printed_on, width),
        page=_PAGE,
        enterprise=enterprise.name,
        printed_on=printed_on,
        title=TITLE,
        note=entry.number,
    )
