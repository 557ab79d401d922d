"""The demo's certificates, 有限空间台账, permits, emergency plans and drills (issue 14).

It agrees with the ledger's story: the check a month ago found that 杨帆's 焊接与热切割作业
certificate had passed its 复审 date, and the measure taken was to stop him welding until he is
reviewed — so his certificate is still expired today and he cannot be named on a 动火 permit.
冯伟's 电工作业 certificate is about to expire (in 25 days), 彭涛's 叉车司机 certificate in 50.
"""

from datetime import date, timedelta

from dualprev.demo.context import DemoContext
from dualprev.domain.certificates import CertificateKind
from dualprev.domain.drills import DrillForm, EmergencyPlanKind
from dualprev.domain.permits import PermitKind
from dualprev.services.work_safety import certificates, drills, permits
from dualprev.services.work_safety.certificates import CertificateInput
from dualprev.services.work_safety.drills import DrillInput, PlanInput
from dualprev.services.work_safety.permits import ConfinedSpaceInput, PermitInput

_K = CertificateKind
_SAFETY_BUREAU = "常州市应急管理局"
_MARKET_BUREAU = "常州市市场监督管理局"

# (holder, kind, number, issuer, issued days ago, expires in days, review due in days or None)
_CERTIFICATES: tuple[tuple[str, CertificateKind, str, str, int, int, int | None], ...] = (
    ("王海", _K.WELDING, "T320402198305121838", _SAFETY_BUREAU, 900, 1290, 195),
    ("杨帆", _K.WELDING, "T320411199207163014", _SAFETY_BUREAU, 1135, 1055, -40),
    ("许文军", _K.ELECTRICIAN, "T320404197911022551", _SAFETY_BUREAU, 700, 1490, 395),
    ("冯伟", _K.ELECTRICIAN, "T320483199001254417", _SAFETY_BUREAU, 1070, 1120, 25),
    ("唐磊", _K.CRANE, "TS320400Q2023017", _MARKET_BUREAU, 800, 660, None),
    ("彭涛", _K.FORKLIFT, "TS320400N2022083", _MARKET_BUREAU, 1410, 50, None),
    ("邓刚", _K.WORK_AT_HEIGHT, "T320402198709216630", _SAFETY_BUREAU, 420, 1770, 675),
)


def _day(ctx: DemoContext, days: int) -> date:
    return ctx.today + timedelta(days=days)


def write(ctx: DemoContext) -> None:
    """Write everything of issue 14 the demo shows (after the ledger, so the story is in place)."""
    for holder, kind, number, issuer, issued_ago, expires_in, review_in in _CERTIFICATES:
        certificates.save_certificate(
            ctx.db,
            None,
            CertificateInput(
                ctx.person(holder),
                kind,
                number,
                issuer,
                _day(ctx, -issued_ago),
                _day(ctx, expires_in),
                _day(ctx, review_in) if review_in is not None else None,
                "已按重大事故隐患治理：停止焊接作业，复审培训已报名" if holder == "杨帆" else "",
            ),
            actor=ctx.actor,
        )
    _permits(ctx)
    _drills(ctx)


def _permits(ctx: DemoContext) -> None:
    actor = ctx.actor
    dust = permits.save_confined_space(
        ctx.db,
        None,
        ConfinedSpaceInput(
            "湿式除尘器箱体（HJ-CC-01）", "焊接车间东侧", "缺氧窒息、粉尘、淹溺", True, "清淤每季度一次"
        ),
        actor=actor,
    )
    permits.save_confined_space(
        ctx.db,
        None,
        ConfinedSpaceInput("喷涂废水收集池", "喷涂车间北侧室外", "硫化氢中毒、缺氧窒息、淹溺", True),
        actor=actor,
    )
    permits.save_confined_space(
        ctx.db,
        None,
        ConfinedSpaceInput("配电房电缆沟", "配电房地下", "缺氧窒息、触电", False, "警示标识待补设"),
        actor=actor,
    )
    hot = permits.save_permit(
        ctx.db,
        None,
        PermitInput(
            PermitKind.HOT_WORK, _day(ctx, -12), "仓库货架区", "货架横梁开裂补焊", ctx.person("王海"),
            ctx.person("陈永刚"), hours="08:30–11:00",
            measures="清除10m内可燃物，配备2具灭火器，设接火盆，专人监护", issuer_name="陈永刚",
        ),
        actor=actor,
    )  # fmt: skip
    permits.approve_permit(ctx.db, hot, "沈立明", _day(ctx, -12), actor=actor)
    permits.close_permit(ctx.db, hot, _day(ctx, -12), "作业完毕，现场无遗留火种", actor=actor)
    space = permits.save_permit(
        ctx.db,
        None,
        PermitInput(
            PermitKind.CONFINED_SPACE, _day(ctx, -20), "焊接车间东侧除尘器", "湿式除尘器箱体清淤",
            ctx.person("邓刚"), ctx.person("许文军"), dust, "13:30–16:00",
            "打开人孔强制通风30分钟，作业中持续通风，佩戴安全带和救生绳，外部专人监护", "曹建国",
            True, "20.8", "0", "0", "2", "许文军",
        ),
        actor=actor,
    )  # fmt: skip
    permits.approve_permit(ctx.db, space, "沈立明", _day(ctx, -20), actor=actor)
    permits.close_permit(ctx.db, space, _day(ctx, -20), "人员、工具已清点撤出，人孔已封闭", actor=actor)
    permits.save_permit(
        ctx.db,
        None,
        PermitInput(
            PermitKind.HOT_WORK, _day(ctx, 1), "冲压车间", "冲床防护罩支架焊接加固", ctx.person("王海"),
            ctx.person("张卫东"), hours="14:00–16:00", measures="清理油污，配备灭火器", issuer_name="张卫东",
        ),
        actor=actor,
    )  # fmt: skip


def _drills(ctx: DemoContext) -> None:
    actor, db = ctx.actor, ctx.db
    plan_ids: dict[str, int] = {}
    for kind, name in (
        (EmergencyPlanKind.COMPREHENSIVE, "江苏恒锐精密机械有限公司生产安全事故综合应急预案"),
        (EmergencyPlanKind.SPECIAL, "火灾事故专项应急预案"),
        (EmergencyPlanKind.SPECIAL, "有限空间作业事故专项应急预案"),
        (EmergencyPlanKind.ON_SITE, "焊接车间气瓶泄漏着火现场处置方案"),
        (EmergencyPlanKind.ON_SITE, "机械伤害现场处置方案"),
        (EmergencyPlanKind.ON_SITE, "触电事故现场处置方案"),
    ):
        plan_ids[name] = drills.save_plan(db, None, PlanInput(kind, name, _day(ctx, -400)), actor=actor)
    drills.save_drill(
        db,
        None,
        DrillInput(
            _day(ctx, -150), "办公楼及机加工车间火灾，全员疏散并使用灭火器初起灭火",
            "顾建华（总指挥）、严志明、沈立明、陆婷及各车间当班人员", plan_ids["火灾事故专项应急预案"],
            DrillForm.LIVE, "厂区东侧集合点", "顾建华", 86,
            "疏散用时4分10秒，人员清点无误；灭火器使用正确。喷涂车间2人未按路线疏散。",
            "对喷涂车间补充疏散路线培训；疏散图张贴至各班组",
        ),
        actor=actor,
    )  # fmt: skip
    drills.save_drill(
        db,
        None,
        DrillInput(
            _day(ctx, -45), "气割区乙炔瓶瓶阀泄漏着火，关阀、冷却、疏散",
            "陈永刚、王海、杨帆、沈立明、陆婷", plan_ids["焊接车间气瓶泄漏着火现场处置方案"],
            DrillForm.LIVE, "焊接车间气瓶间", "陈永刚", 12,
            "处置程序正确，3分钟内关阀；湿棉被取用距离偏远。",
            "在气瓶间门口增设湿棉被和推车式灭火器",
        ),
        actor=actor,
    )  # fmt: skip
    drills.save_drill(
        db,
        None,
        DrillInput(
            _day(ctx, -20), "有限空间作业人员晕倒，监护人呼救、通风、佩戴正压呼吸器施救",
            "曹建国、许文军、邓刚、冯伟", plan_ids["有限空间作业事故专项应急预案"], DrillForm.TABLETOP,
            "设备部会议室", "曹建国", 4, "流程熟悉；明确严禁盲目施救。", "",
        ),
        actor=actor,
    )  # fmt: skip
