"""The demo factory's 责任清单, 履职记录 and training.

Written after the year of checks has been played back, so each check the general manager led can
link to the 排查记录 of that month. The demo leaves last month's led check missing (an overdue
reminder on 首页), one new warehouse clerk without 三级安全教育 and
two workers short of this year's hours, so every reminder has something to show.
"""

from datetime import date, timedelta

from dualprev.demo.context import DemoContext
from dualprev.domain.checks import CheckType
from dualprev.domain.duties import DutyRecordKind, TrainingKind
from dualprev.services.checks import records as check_records
from dualprev.services.duties import duty_lists, duty_records, training
from dualprev.services.duties.duty_records import DutyRecordInfo
from dualprev.services.duties.training import Attendee, CourseInfo, SessionInfo

PRINCIPAL = "顾建华"
LEADERS = ("顾建华", "严志明", "沈立明", "陆婷")
NOT_INDUCTED = "吕芳"  # joined the warehouse last week
MISSED_ANNUAL = ("邓刚",)  # was on sick leave during the annual re-training
FAILED_ANNUAL = {"彭涛": "52"}  # failed the test: must resit
SPECIAL_TOPIC = ("沈立明", "陆婷", "许文军", "冯伟", "邓刚", "曹建国")

MEETINGS = (
    (
        "第一季度安全生产委员会会议",
        "通报上季度隐患排查治理情况；部署春季安全检查和复工复产安全措施；决定更新喷涂车间防爆电气。",
    ),
    ("第二季度安全生产委员会会议", "部署“安全生产月”活动和汛期防雷检查；决定为维修班增配四合一气体检测仪。"),
    ("第三季度安全生产委员会会议", "部署防暑降温和有限空间作业专项治理；审议年度应急演练计划。"),
    ("第四季度安全生产委员会会议", "部署冬季防火、防冻和岁末年初安全检查；审议年度安全投入计划。"),
)
INVESTMENTS = (
    (300, "劳动防护用品集中采购", 4_860_000, "防护眼镜、防尘口罩、焊工防护服、耳塞"),
    (210, "喷涂车间防爆电气改造", 12_800_000, "更换喷漆房照明和排风电机为防爆型，增设可燃气体报警"),
    (120, "冲压设备安全防护升级", 9_650_000, "开式压力机加装光电保护装置和双手按钮"),
    (45, "安全教育培训及应急物资", 2_150_000, "外聘讲师费、培训教材、急救箱和应急照明补充"),
)


def _in_year(today: date, days_ago: int) -> date:
    """``days_ago`` before today, but not before 2 January of this year (this year's hours)."""
    return min(today, max(today - timedelta(days=days_ago), date(today.year, 1, 2)))


def _month_start(day: date, back: int) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def schedule(ctx: DemoContext) -> None:
    """Write the duty lists, the leaders' duty records and the training of the last year."""
    db, today, actor = ctx.db, ctx.today, ctx.actor
    duty_lists.fill_from_library(db, actor=actor)
    _led_checks(ctx)
    half_years_ago = (_month_start(today, 6 if today.month in (1, 7) else 5) + timedelta(days=17),
                      _month_start(today, 11) + timedelta(days=23))  # fmt: skip
    for held_on, title, scenario in zip(
        half_years_ago,
        ("冲压车间机械伤害现场处置方案演练", "综合应急预案（火灾）疏散演练"),
        (
            "模拟冲压工手部被卷入，停机断电、解救伤员、止血包扎并送医",
            "模拟喷涂车间起火，报警、初期灭火、全员疏散和清点人数",
        ),
        strict=True,
    ):
        duty_records.save_duty_record(db, DutyRecordInfo(
            DutyRecordKind.DRILL, held_on, title, leader_id=ctx.person(PRINCIPAL),
            attendees="顾建华、沈立明、各车间主任及班组员工共 26 人", content=scenario,
            drill_ref=f"{held_on.isoformat()} {title}"), actor=actor, today=today)  # fmt: skip
    for back, (title, decisions) in zip((11, 8, 5, 2), MEETINGS, strict=True):
        held_on = _month_start(today, back) + timedelta(days=9)
        duty_records.save_duty_record(db, DutyRecordInfo(
            DutyRecordKind.MEETING, held_on, f"{held_on.year}年{title}", leader_id=ctx.person(PRINCIPAL),
            attendees="顾建华、严志明、沈立明、周海涛、曹建国及各车间主任", content=decisions),
            actor=actor, today=today)  # fmt: skip
    for days_ago, title, fen, purpose in INVESTMENTS:
        duty_records.save_duty_record(db, DutyRecordInfo(
            DutyRecordKind.INVESTMENT, today - timedelta(days=days_ago), title, leader_id=ctx.person(PRINCIPAL),
            content=purpose, amount_fen=fen), actor=actor, today=today)  # fmt: skip
    _training(ctx)


def _led_checks(ctx: DemoContext) -> None:
    """The general manager led a check every month of the last year but the last one (overdue)."""
    today = ctx.today
    for back in range(11, 1, -1):
        start = _month_start(today, back)
        end = _month_start(today, back - 1) - timedelta(days=1)
        records = check_records.query_records(ctx.db, date_from=start, date_to=end)
        linked = next((r for r in records if r.check_type is CheckType.COMPREHENSIVE), None) or next(
            iter(records), None
        )
        held_on = linked.checked_on if linked else start + timedelta(days=14)
        duty_records.save_duty_record(ctx.db, DutyRecordInfo(
            DutyRecordKind.CHECK, held_on, f"{start.year}年{start.month}月总经理带队安全检查",
            leader_id=ctx.person(PRINCIPAL), attendees="顾建华、沈立明、相关车间主任",
            content="检查各车间现场安全、设备防护和隐患整改落实情况",
            check_record_id=linked.id if linked else None), actor=ctx.actor, today=today)  # fmt: skip


def _training(ctx: DemoContext) -> None:
    db, today, actor = ctx.db, ctx.today, ctx.actor
    courses = {
        kind_name: training.save_course(db, CourseInfo(name, kind, hours, content), actor=actor)
        for kind_name, name, kind, hours, content in (
            ("induction", "新员工三级安全教育（厂级/车间级/班组级）", TrainingKind.INDUCTION, 24,
             "安全生产法律法规、本厂规章制度、车间风险和岗位操作规程、劳动防护用品使用、应急处置"),
            ("leaders", "主要负责人和安全管理人员年度再培训", TrainingKind.ANNUAL, 12,
             "新法规标准、双重预防机制、事故案例"),
            ("annual", "全员年度安全再培训", TrainingKind.ANNUAL, 8, "岗位风险告知卡、操作规程、隐患报告和应急处置"),
            ("confined", "有限空间作业安全专题培训", TrainingKind.SPECIAL, 4,
             "先通风、再检测、后作业；气体检测仪使用；监护和救援"),
            ("transfer", "转岗、复岗人员安全培训", TrainingKind.TRANSFER, 8, "新岗位风险和操作规程"),
        )
    }  # fmt: skip
    everyone = [name for name in ctx.people if name != NOT_INDUCTED]
    staff = [name for name in everyone if name not in LEADERS]
    sessions: tuple[tuple[str, date, int, str, str, list[str], dict[str, str]], ...] = (
        ("induction", today - timedelta(days=400), 24, "沈立明", "三楼培训室", everyone, {}),
        ("leaders", _in_year(today, 120), 12, "县应急管理局培训中心", "县应急管理局培训中心", list(LEADERS), {}),
        ("annual", _in_year(today, 75), 8, "沈立明、陆婷", "三楼培训室",
         [n for n in staff if n not in MISSED_ANNUAL], FAILED_ANNUAL),
        ("confined", _in_year(today, 40), 4, "外聘讲师 何振东", "维修车间", list(SPECIAL_TOPIC), {}),
        ("transfer", today - timedelta(days=150), 8, "钱国平", "机加工车间", ["马俊"], {}),
    )  # fmt: skip
    for key, held_on, hours, trainer, place, names, scores in sessions:
        course = courses[key]
        attendees = tuple(
            Attendee(ctx.person(n), scores.get(n, str(80 + (ctx.rng.randrange(20)))), n not in scores)
            for n in names
        )
        training.save_session(db, SessionInfo(
            course.id or 0, held_on, hours, trainer=trainer, place=place, content=course.content,
            materials=f"《{course.name}》课件、签到表、试卷", attendees=attendees), actor=actor, today=today)  # fmt: skip
