"""The demo's 判定标准 self-check: the plant is 机械 with 粉尘涉爆 (aluminium polishing), so the annual
self-check runs 第三条, 第七条 and 第十一条. Two answers are 不符合 and become 重大隐患 with full
治理方案, reported to the township: aluminium and steel polishing dust share one collector
(第十一条第（二）项) and a welder works with an expired 特种作业操作证 (第三条第（二）项). The
spray booth's 重大隐患 already in rectification is linked to 第七条第（七）项 instead of registered
again. It runs last, so the ledger numbers the demo had before stay as they were."""

from dataclasses import replace
from datetime import timedelta

from dualprev.demo import content
from dualprev.demo.context import DemoContext
from dualprev.demo.timeline import at
from dualprev.domain.hidden_danger import HiddenDangerLevel
from dualprev.domain.ledger import LedgerFilter
from dualprev.domain.major_duties import AnswerDraft, CheckAnswer, MajorCheckKind
from dualprev.domain.major_standard import Sector, SpecialCondition
from dualprev.services import major_check_service, major_standard_service
from dualprev.services.hidden_dangers import detail, ledger, lifecycle, registration

_C, _N, _X = CheckAnswer.COMPLIANT, CheckAnswer.NOT_APPLICABLE, CheckAnswer.NON_COMPLIANT
_NO_MOLTEN = "无熔炼、浇注等熔融金属作业"

ANSWERS: dict[str, tuple[CheckAnswer, str]] = {
    "3-1": (_C, "外委维修、保洁单位均签订安全生产管理协议，每月联合检查并记录"),
    "3-3": (_N, "本企业不属于金属冶炼企业"),
    "7-1": (_N, _NO_MOLTEN), "7-2": (_N, _NO_MOLTEN), "7-3": (_N, _NO_MOLTEN), "7-4": (_N, _NO_MOLTEN),
    "7-5": (_N, "未使用煤气、天然气燃烧装置"),
    "7-6": (_C, "零件清洗使用水基清洗剂，不使用可燃性有机溶剂"),
    "11-1": (_C, "打磨抛光间为单层钢结构厂房，间内无办公室、休息室"),
    "11-3": (_N, "采用湿式除尘器，无干式除尘系统"),
    "11-4": (_N, "湿式除尘、负压运行"),
    "11-5": (_C, "无重力沉降室和巷道式风道"),
    "11-6": (_N, "湿式除尘，无干式除尘系统"),
    "11-7": (_C, "除尘器及打磨间电气设备为防爆型，有检测报告"),
    "11-8": (_N, "无粉碎、研磨、造粒工艺，无木制品加工"),
    "11-9": (_C, "铝粉泥每班清出，存放于通风、防水的专用容器"),
    "11-10": (_C, "执行每班清扫制度，现场无明显积尘"),
}  # fmt: skip

DUST = "焊接车间打磨抛光间铝件打磨粉尘与钢件打磨粉尘共用一套除尘系统（HJ-CC-01 湿式除尘器）"
WELDER = "焊接班电焊工杨帆的特种作业操作证（焊接与热切割作业）已超过复审期限，仍在从事焊接作业"

PLANS = {
    "11-2": lifecycle.RemediationPlanInput(
        goal_and_tasks="铝、钢打磨粉尘除尘系统分设，消除不同类别可燃性粉尘共用除尘系统的重大事故隐患。",
        methods_and_measures="1. 钢件打磨工位移出打磨抛光间，另设1套除尘系统；2. 铝件打磨保留HJ-CC-01湿式除尘器，"
        "管网拆除与钢件工位的连接并封堵；3. 完工后委托第三方检测，修订粉尘防爆安全管理制度。",
        funds_and_materials="治理资金3.5万元（除尘器1.8万元、管网改造1.2万元、检测0.5万元），列入本年度安全生产费用。",
        organisation_and_people="组长：顾建华；实施：曹建国（设备部）；监督：沈立明（安全环保部）；现场：陈永刚。",
        timeline_and_requirements="15日内完成设备采购，30日内完成改造，45日内检测验收。",
        safety_and_emergency="改造期间钢件打磨停止，铝件打磨限量作业并每班清理；动火作业办理许可；"
        "修订《粉尘爆炸事故现场处置方案》并演练。",
    ),
    "3-2": lifecycle.RemediationPlanInput(
        goal_and_tasks="持证上岗，消除特种作业人员无有效证件上岗的重大事故隐患。",
        methods_and_measures="1. 杨帆立即停止焊接作业，调整至辅助岗位；2. 报名参加焊接与热切割作业复审培训考核；"
        "3. 全厂特种作业人员证件逐一核查，建立到期前60日提醒台账。",
        funds_and_materials="培训考核费用0.12万元，由安全生产费用列支。",
        organisation_and_people="负责人：沈立明（安全环保部）；实施：陈永刚（焊接车间）；配合：陆婷。",
        timeline_and_requirements="30日内取得有效证件；核查7日内完成。",
        safety_and_emergency="取证前不得安排其从事焊接作业，焊接任务由持证焊工承担；班组长每班核对上岗人员证件。",
    ),
}
WHO = {"11-2": ("焊接车间打磨抛光间", "曹建国", "设备部", 45), "3-2": ("焊接车间", "陈永刚", "焊接车间", 30)}
FUNDS_FEN = {"11-2": 3_500_000, "3-2": 120_000}
MEASURES = {
    "11-2": "钢件打磨工位移出打磨抛光间并另设除尘系统，铝件除尘系统单独使用",
    "3-2": "停止其焊接作业，参加复审培训考核取得有效证件后上岗；全厂特种作业人员证件逐一核查",
}


def record(ctx: DemoContext) -> list[int]:
    """Declare the plant's scope, record the self-check and act on what it found (today, after the
    rest of the demo's year has been played back); returns the ids of the 重大隐患 it registered."""
    safety = content.ENTERPRISE.safety_manager_name
    principal = content.ENTERPRISE.principal_name
    major_standard_service.save_scope(
        ctx.db,
        major_standard_service.StandardScope((Sector.MACHINERY,), (SpecialCondition.DUST,)),
        actor=ctx.actor,
    )
    majors = ledger.query(ctx.db, LedgerFilter(levels=(HiddenDangerLevel.MAJOR,)), today=ctx.today).rows
    spray_booth = next(row.id for row in majors)
    answers: list[AnswerDraft] = []
    for key, _label, _text, _verified in major_check_service.applicable_items(ctx.db):
        if key in WHO:
            place, rectifier, department, days = WHO[key]
            answers.append(
                AnswerDraft(
                    key, _X, DUST if key == "11-2" else WELDER, place, ctx.person(rectifier),
                    ctx.today + timedelta(days=days), ctx.department(department), measures=MEASURES[key],
                )
            )  # fmt: skip
        elif key == "7-7":
            answers.append(AnswerDraft(key, _X, "喷漆房、调漆间未设可燃气体检测报警装置，已登记为重大隐患正在治理",
                                       hidden_danger_id=spray_booth))  # fmt: skip
        else:
            conclusion, note = ANSWERS[key]
            answers.append(AnswerDraft(key, conclusion, note))
    data = major_check_service.MajorCheckInput(
        ctx.today, "沈立明、曹建国、陈永刚", tuple(answers), MajorCheckKind.ANNUAL,
        note="年度重大事故隐患自查，由安全环保部组织。",
    )  # fmt: skip
    found = major_check_service.record_self_check(
        ctx.db, data, actor=safety, today=ctx.today, now=at(ctx.today, 9, 0)
    )
    registered: list[int] = []
    for answer in found.answers:
        if answer.item_key not in PLANS or answer.hidden_danger_id is None:
            continue
        hd = answer.hidden_danger_id
        lifecycle.save_remediation_plan(
            ctx.db, hd, PLANS[answer.item_key], actor=principal, today=ctx.today, now=at(ctx.today, 10, 0)
        )
        draft = detail.get_detail(ctx.db, hd, today=ctx.today).draft
        registration.update(
            ctx.db, hd, replace(draft, funds_fen=FUNDS_FEN[answer.item_key]), actor=safety, today=ctx.today,
            now=at(ctx.today, 10, 10),
        )  # fmt: skip
        report = lifecycle.ReportInput(
            "丰泽镇应急管理办公室", ctx.today, "书面报告", "恒锐安〔2026〕重隐01号"
        )
        lifecycle.record_report_to_authority(
            ctx.db, hd, report, actor=safety, today=ctx.today, now=at(ctx.today, 10, 30)
        )
        ctx.tally["hidden_dangers"] += 1
        registered.append(hd)
    return registered
