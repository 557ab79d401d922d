"""Static content of the demo factory: a small, fictional machining plant (江苏恒锐精密机械有限公司).

Everything here is plain data in frozen dataclasses; ``dualprev.demo.builder`` turns it into rows, with dates
relative to the day the demo is built. People, departments, areas and risk points refer to each
other by name or code, which the service resolves (and refuses when one is unknown).
"""

from dataclasses import dataclass
from enum import StrEnum

from dualprev.domain.checks import CheckFrequency, CheckType
from dualprev.domain.hidden_danger import (
    HiddenDangerCategory,
    HiddenDangerLevel,
    HiddenDangerSource,
    HiddenDangerStatus,
    OwnerTier,
)
from dualprev.domain.organisation import DepartmentKind
from dualprev.domain.risk import (
    ControlMeasureCategory,
    ControlTier,
    EvaluationMethod,
    RiskLevel,
    RiskPointKind,
)
from dualprev.domain.validation import uscc_check_char

# --- specs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EnterpriseSpec:
    name: str
    uscc: str
    industry: str
    address: str
    principal_name: str
    principal_phone: str
    safety_manager_name: str
    safety_manager_phone: str
    phone: str
    duty_phone: str
    employee_count: int
    code: str


@dataclass(frozen=True)
class DepartmentSpec:
    name: str
    kind: DepartmentKind
    parent: str = ""  # name of the parent department
    note: str = ""


@dataclass(frozen=True)
class PersonSpec:
    name: str
    department: str
    phone: str
    role: str
    post: str = ""  # name of the person's post


@dataclass(frozen=True)
class AreaSpec:
    code: str
    name: str
    department: str
    responsible: str  # person who answers for the area's risk points by default
    description: str


@dataclass(frozen=True)
class PostSpec:
    name: str
    department: str
    area: str  # area code
    work_content: str
    workplace: str
    headcount: int
    responsible: str
    risk_points: tuple[str, ...]  # risk point codes the post faces


@dataclass(frozen=True)
class Rating:
    """Factor values of one evaluation: LEC (L, E, C), LS (L, S), or direct judgement item keys."""

    scheme: str  # grading scheme code; "" for direct judgement
    values: tuple[str, ...] = ()
    direct_keys: tuple[str, ...] = ()

    @property
    def method(self) -> EvaluationMethod:
        if self.direct_keys:
            return EvaluationMethod.DIRECT
        return EvaluationMethod.LS if self.scheme.startswith("LS") else EvaluationMethod.LEC

    @property
    def factors(self) -> dict[str, str]:
        """The factor values keyed as the scheme names them (L, E, C or L, S)."""
        keys = ("L", "E", "C") if self.method is EvaluationMethod.LEC else ("L", "S")
        return dict(zip(keys, self.values, strict=True))


def lec(likelihood: str, exposure: str, consequence: str) -> Rating:
    return Rating("LEC-4C", (likelihood, exposure, consequence))


def ls(likelihood: str, severity: str) -> Rating:
    return Rating("LS-SD", (likelihood, severity))


def direct(*keys: str) -> Rating:
    return Rating("", (), keys)


@dataclass(frozen=True)
class MeasureSpec:
    category: ControlMeasureCategory
    content: str
    is_existing: bool = True


def eng(text: str, *, planned: bool = False) -> MeasureSpec:
    return MeasureSpec(ControlMeasureCategory.ENGINEERING, text, not planned)


def mgt(text: str, *, planned: bool = False) -> MeasureSpec:
    return MeasureSpec(ControlMeasureCategory.MANAGEMENT, text, not planned)


def edu(text: str, *, planned: bool = False) -> MeasureSpec:
    return MeasureSpec(ControlMeasureCategory.TRAINING, text, not planned)


def ppe(text: str, *, planned: bool = False) -> MeasureSpec:
    return MeasureSpec(ControlMeasureCategory.PPE, text, not planned)


def emg(text: str, *, planned: bool = False) -> MeasureSpec:
    return MeasureSpec(ControlMeasureCategory.EMERGENCY, text, not planned)


@dataclass(frozen=True)
class HazardSpec:
    """One JHA step (activities, ``standard`` empty) or SCL item (equipment and places)."""

    step_or_item: str
    standard: str
    description: str
    factor_category: str  # GB/T 13861 code
    consequence: str
    accident_types: tuple[str, ...]  # GB 6441-1986 names
    inherent: Rating
    current: Rating
    measures: tuple[MeasureSpec, ...]
    previous: Rating | None = None  # an older current-stage evaluation, kept as history
    suggested: str = ""  # 建议新增(改进)措施


@dataclass(frozen=True)
class RiskPointSpec:
    code: str
    name: str
    kind: RiskPointKind
    area: str  # area code
    location: str
    hazards: tuple[HazardSpec, ...]
    asset_no: str = ""
    model_spec: str = ""
    activity_content: str = ""
    activity_frequency: str = ""
    responsible: str = ""  # "" = the area's responsible person
    department: str = ""  # "" = the area's department


@dataclass(frozen=True)
class FreeCheckItemSpec:
    """A check item not generated from a control measure (排查清单 entries of the company)."""

    key: str
    content: str
    standard: str
    method: str
    check_type: CheckType
    frequency: CheckFrequency
    seasons: tuple[str, ...] = ()  # for seasonal items: spring/summer/autumn/winter


@dataclass(frozen=True)
class CheckPlanSpec:
    """A check plan, which check items it covers, and its tasks as day offsets from today.

    The plan starts on its first task's day and its k-th scheduled task is the k-th offset (a
    monthly or longer plan falls on calendar months, so its later offsets are approximate).
    Offsets below zero are past due dates: done (with a record) unless listed in ``missed`` or
    ``left_open`` (still due, i.e. overdue). Offsets from zero on are due and not yet done.
    """

    key: str
    name: str  # "" = named after the season the demo is built in
    check_type: CheckType
    control_tier: ControlTier
    frequency: CheckFrequency
    department: str
    area: str  # area code or ""
    assignee: str
    checkers: tuple[str, ...]
    task_offsets: tuple[int, ...]
    missed: tuple[int, ...] = ()
    left_open: tuple[int, ...] = ()
    item_areas: tuple[str, ...] = ()  # () = every area
    item_risk_points: tuple[str, ...] = ()  # () = every risk point of item_areas
    item_categories: tuple[ControlMeasureCategory, ...] = tuple(ControlMeasureCategory)
    company_tier_only: bool = False
    item_levels: tuple[RiskLevel, ...] = ()  # () = hazards of any current level
    per_risk_point: int = 99
    max_items: int = 99
    free_items: tuple[str, ...] = ()
    seasonal_free_items: bool = False
    note: str = ""


class SceneKind(StrEnum):
    """What a drawn site photo shows."""

    MACHINE_GUARD = "machine_guard"
    GAS_CYLINDERS = "gas_cylinders"
    ELECTRIC_BOX = "electric_box"
    RACK = "rack"
    CRANE_HOOK = "crane_hook"
    AISLE = "aisle"
    SPRAY_BOOTH = "spray_booth"


@dataclass(frozen=True)
class ReevaluationSpec:
    """A hazard re-evaluated after the post risk cards were printed.

    Until then its current risk was ``before``; the re-evaluation, ``days_ago`` before today, gives
    the hazard spec's own current rating.
    """

    risk_point: str  # risk point code
    step_or_item: str
    before: Rating
    days_ago: int
    note: str


@dataclass(frozen=True)
class AddedMeasureSpec:
    """A control measure of a hazard spec that was put in place after the cards were printed."""

    risk_point: str  # risk point code
    step_or_item: str
    content: str  # the text of one of the hazard spec's measures
    days_ago: int


@dataclass(frozen=True)
class RemediationSpec:
    goal_and_tasks: str
    methods_and_measures: str
    funds_and_materials: str
    organisation_and_people: str
    timeline_and_requirements: str
    safety_and_emergency: str
    plan_approved_after: int  # days after found_on
    reported_to: str
    reported_after: int  # days after found_on


@dataclass(frozen=True)
class HiddenDangerSpec:
    """One hidden danger of the ledger, its dates as days relative to the day it was found.

    For source CHECK the found date snaps to the nearest check record of ``check_plan``; the
    ledger number is given at build time in the order found.
    """

    found_days_ago: int
    source: HiddenDangerSource
    finders: str
    area: str
    risk_point: str
    location: str
    description: str
    category: HiddenDangerCategory
    accident_types: tuple[str, ...]
    rectification: str
    department: str
    rectifier: str
    deadline_days: int
    funds_yuan: int
    status: HiddenDangerStatus
    owner_tier: OwnerTier | None = OwnerTier.TEAM
    level: HiddenDangerLevel = HiddenDangerLevel.GENERAL
    check_plan: str = ""  # plan key, for source CHECK
    source_detail: str = ""
    basis: str = ""
    immediate: bool = False
    started_after: int = 1
    completed_after: int | None = None
    rejected_after: int | None = None  # 验收不通过 this many days after found, then re-done
    acceptor: str = ""
    accepted_after: int | None = None
    conclusion: str = "整改措施已落实，现场复查符合要求，同意销号。"
    void_after: int = 1
    void_reason: str = ""
    interim_measures: str = ""
    photo: SceneKind | None = None
    remediation: RemediationSpec | None = None
    note: str = ""
    standard_item: str = ""  # 判定标准 item of a 重大隐患, e.g. "7-7"


@dataclass(frozen=True)
class SeasonSpec:
    key: str
    months: tuple[int, ...]
    plan_name: str


# --- enterprise and organisation ---------------------------------------------------------------

_USCC_BODY = "91320412MA1R8TQ4X"

ENTERPRISE = EnterpriseSpec(
    name="江苏恒锐精密机械有限公司",
    uscc=_USCC_BODY + uscc_check_char(_USCC_BODY),
    industry="通用设备制造业（机械）",
    address="江苏省常州市武进区丰泽镇工业集中区兴业路18号",
    principal_name="顾建华",
    principal_phone="13905190168",
    safety_manager_name="沈立明",
    safety_manager_phone="13961120357",
    phone="0519-86512018",
    duty_phone="0519-86512110",
    employee_count=78,
    code="HRJX",
)

_D, _W, _T = DepartmentKind.DEPARTMENT, DepartmentKind.WORKSHOP, DepartmentKind.TEAM
DEPARTMENTS: tuple[DepartmentSpec, ...] = (
    DepartmentSpec("总经理室", _D),
    DepartmentSpec("安全环保部", _D, note="专职安全管理机构，负责双重预防机制日常运行"),
    DepartmentSpec("生产部", _D),
    DepartmentSpec("机加工车间", _W, "生产部"),
    DepartmentSpec("车工班", _T, "机加工车间"),
    DepartmentSpec("数控班", _T, "机加工车间"),
    DepartmentSpec("冲压车间", _W, "生产部"),
    DepartmentSpec("冲压班", _T, "冲压车间"),
    DepartmentSpec("焊接车间", _W, "生产部"),
    DepartmentSpec("焊接班", _T, "焊接车间"),
    DepartmentSpec("喷涂车间", _W, "生产部"),
    DepartmentSpec("喷涂班", _T, "喷涂车间"),
    DepartmentSpec("装配车间", _W, "生产部"),
    DepartmentSpec("装配班", _T, "装配车间"),
    DepartmentSpec("设备部", _D),
    DepartmentSpec("维修班", _T, "设备部"),
    DepartmentSpec("仓储部", _D),
    DepartmentSpec("行政部", _D),
)

PEOPLE: tuple[PersonSpec, ...] = (
    PersonSpec("顾建华", "总经理室", "13905190168", "总经理（主要负责人）"),
    PersonSpec("严志明", "总经理室", "13915032816", "副总经理（分管安全生产）"),
    PersonSpec("沈立明", "安全环保部", "13961120357", "安全环保部部长（专职安全管理人员）"),
    PersonSpec("陆婷", "安全环保部", "15861163205", "安全员"),
    PersonSpec("周海涛", "生产部", "13813562749", "生产部部长"),
    PersonSpec("钱国平", "机加工车间", "13921083364", "车间主任"),
    PersonSpec("吴志强", "车工班", "15995075218", "车工班班长", "车工"),
    PersonSpec("孙磊", "车工班", "18861273450", "车工", "车工"),
    PersonSpec("朱文斌", "数控班", "13776852031", "数控班班长", "数控操作工"),
    PersonSpec("徐晓东", "数控班", "18168126579", "数控操作工", "数控操作工"),
    PersonSpec("马俊", "数控班", "15251962807", "铣工", "铣工"),
    PersonSpec("张卫东", "冲压车间", "13951235046", "车间主任"),
    PersonSpec("刘建军", "冲压班", "13685218837", "冲压班班长", "冲压工"),
    PersonSpec("赵鹏", "冲压班", "17761529103", "冲压工", "冲压工"),
    PersonSpec("陈永刚", "焊接车间", "13809016472", "车间主任"),
    PersonSpec("王海", "焊接班", "15906127735", "焊接班班长", "电焊工"),
    PersonSpec("杨帆", "焊接班", "18251908364", "电焊工", "电焊工"),
    PersonSpec("黄志勇", "喷涂车间", "13961452290", "车间主任"),
    PersonSpec("林强", "喷涂班", "15061165928", "喷涂班班长", "喷漆工"),
    PersonSpec("郑斌", "喷涂班", "18706125471", "喷漆工", "喷漆工"),
    PersonSpec("蒋春华", "装配车间", "13775263108", "车间主任"),
    PersonSpec("韩雪", "装配班", "15195021637", "装配班班长", "装配工"),
    PersonSpec("唐磊", "装配班", "18015836294", "行车工", "行车工（起重工）"),
    PersonSpec("曹建国", "设备部", "13906148821", "设备部部长"),
    PersonSpec("许文军", "维修班", "13584370216", "维修班班长、电工", "电工"),
    PersonSpec("冯伟", "维修班", "15950062743", "电工", "电工"),
    PersonSpec("邓刚", "维修班", "18961127590", "设备维修工", "设备维修工"),
    PersonSpec("宋丽娟", "仓储部", "13812736045", "仓储部部长"),
    PersonSpec("彭涛", "仓储部", "15251917302", "叉车司机", "叉车司机"),
    PersonSpec("吕芳", "仓储部", "13961103857", "仓管员", "仓管员"),
    PersonSpec("袁敏", "行政部", "13801502946", "行政部部长"),
)

AREAS: tuple[AreaSpec, ...] = (
    AreaSpec("JJ", "机加工车间", "机加工车间", "钱国平", "联合厂房西跨，普通车床、数控车床、加工中心、铣床、钻床、砂轮机"),
    AreaSpec("CY", "冲压车间", "冲压车间", "张卫东", "联合厂房中跨，开式压力机、液压机、剪板机及模具存放区"),
    AreaSpec("HJ", "焊接车间", "焊接车间", "陈永刚", "联合厂房东跨，CO2气体保护焊工位、气割区、铝件打磨抛光间"),
    AreaSpec("PT", "喷涂车间", "喷涂车间", "黄志勇", "独立单层厂房，水帘式喷漆房、调漆间、电加热烘干房"),
    AreaSpec("ZP", "装配车间", "装配车间", "蒋春华", "南厂房西侧，整机装配线、5t电动单梁起重机、试车区"),
    AreaSpec("CK", "原料及成品仓库", "仓储部", "宋丽娟", "南厂房东侧，钢材及板料堆场、重型货架、成品发货区"),
    AreaSpec("WH", "危化品库", "仓储部", "吕芳", "独立单层库房，存放油漆、稀释剂、切削液，附危险废物暂存间"),
    AreaSpec("GY", "公用工程区", "设备部", "曹建国", "配电房（10kV/0.4kV）、空压站（螺杆空压机2台、2m³储气罐）"),
)  # fmt: skip

POSTS: tuple[PostSpec, ...] = (
    PostSpec("车工", "车工班", "JJ", "操作普通车床进行轴类、盘类零件的粗、精车削加工，日常点检和清理",
             "机加工车间车床区", 8, "吴志强", ("FX-JJ-001", "FX-JJ-005", "FX-JJ-006", "FX-JJ-007")),
    PostSpec("铣工", "数控班", "JJ", "操作铣床、摇臂钻床进行平面、键槽铣削和钻孔加工",
             "机加工车间铣钻区", 4, "朱文斌", ("FX-JJ-008", "FX-JJ-004", "FX-JJ-005", "FX-JJ-007")),
    PostSpec("数控操作工", "数控班", "JJ", "数控车床、立式加工中心的装夹、程序调用、首件检验和加工",
             "机加工车间数控区", 10, "朱文斌", ("FX-JJ-002", "FX-JJ-003", "FX-JJ-006", "FX-JJ-007")),
    PostSpec("冲压工", "冲压班", "CY", "操作开式压力机、液压机、剪板机进行落料、冲孔、成形，参与换模",
             "冲压车间", 8, "刘建军", ("FX-CY-001", "FX-CY-002", "FX-CY-003", "FX-CY-004", "FX-CY-005",
                                      "FX-CY-006")),
    PostSpec("电焊工", "焊接班", "HJ", "结构件CO2气体保护焊、氧-乙炔气割及铝件打磨抛光",
             "焊接车间", 6, "王海", ("FX-HJ-001", "FX-HJ-002", "FX-HJ-003", "FX-HJ-004", "FX-HJ-005",
                                    "FX-HJ-006")),
    PostSpec("喷漆工", "喷涂班", "PT", "调漆、喷漆房喷涂、烘干，水帘柜循环水池清理",
             "喷涂车间", 4, "林强", ("FX-PT-001", "FX-PT-002", "FX-PT-003", "FX-PT-004", "FX-PT-005")),
    PostSpec("叉车司机", "仓储部", "CK", "驾驶内燃叉车进行原料、成品的装卸和厂内搬运",
             "原料及成品仓库、厂区道路", 2, "宋丽娟", ("FX-CK-001", "FX-CK-002", "FX-CK-005", "FX-CK-004")),
    PostSpec("行车工（起重工）", "装配班", "ZP", "操作电动单梁起重机吊运部件、模具，挂钩指挥",
             "装配车间、冲压车间", 3, "蒋春华", ("FX-ZP-001", "FX-ZP-002", "FX-ZP-006", "FX-CY-005")),
    PostSpec("电工", "维修班", "GY", "配电房值守、倒闸操作，全厂电气设备检修和登高维修",
             "配电房及全厂", 2, "许文军", ("FX-GY-001", "FX-GY-004", "FX-GY-006")),
    PostSpec("仓管员", "仓储部", "CK", "原料、成品及油漆、稀释剂等危险化学品的收发、保管和台账",
             "原料及成品仓库、危化品库", 3, "宋丽娟", ("FX-CK-003", "FX-CK-004", "FX-WH-001", "FX-WH-002",
                                                     "FX-WH-003")),
    PostSpec("装配工", "装配班", "ZP", "整机部件组装、紧固、管路连接和试车",
             "装配车间", 12, "韩雪", ("FX-ZP-003", "FX-ZP-004", "FX-ZP-005", "FX-ZP-006")),
    PostSpec("设备维修工", "维修班", "GY", "空压机运行巡检、储气罐排污，生产设备机械维修保养",
             "空压站及全厂", 3, "许文军", ("FX-GY-002", "FX-GY-003", "FX-GY-005", "FX-GY-006")),
)  # fmt: skip

# --- shared control measures -------------------------------------------------------------------

_E_MECH = emg(
    "发生机械伤害立即按急停按钮停机断电后施救，伤口止血包扎，严重时拨打120，按《机械伤害事故现场处置方案》处置"
)
_E_STRIKE = emg("发生物体打击立即停止作业，检查伤情，轻伤就地包扎，重伤拨打120送医")
_E_ELEC = emg(
    "发生触电立即切断电源或用绝缘物使触电者脱离电源，实施心肺复苏并拨打120，按《触电事故现场处置方案》处置"
)
_E_FIRE = emg("初期火灾使用就近灭火器扑救并报告值班人员，火势扩大立即拨打119，人员沿疏散通道撤离至集合点")
_E_BLAST = emg("发现可燃气体或粉尘异常立即停止作业、切断电源和火源，撤离人员，设置警戒并拨打119、120")
_E_BURN = emg("发生灼烫立即用流动清水冲洗降温15分钟以上，不挑破水泡，严重时送医")
_E_LIFT = emg(
    "发生起重伤害立即停止吊运、切断电源，设置警戒区，救护伤员并拨打120，按《起重伤害事故现场处置方案》处置"
)
_E_VEH = emg("发生车辆伤害立即停车熄火、保护现场，救护伤员并拨打120，按《车辆伤害事故现场处置方案》处置")
_E_POISON = emg(
    "发生中毒窒息立即停止作业，救援人员佩戴正压式空气呼吸器施救，严禁盲目施救，将伤者移至通风处并拨打120"
)
_E_FALL = emg("发生高处坠落不得随意搬动伤员，固定伤处后拨打120，按《高处坠落事故现场处置方案》处置")
_E_CHEM = emg("化学品溅入眼睛或皮肤立即用洗眼器或清水冲洗15分钟以上；泄漏时用吸附棉围堵收集，就医时携带SDS")
_E_BURST = emg("压力容器超压或泄漏时立即停机泄压，撤离无关人员，设置警戒区，报告设备部处理")

_T_OPS = edu("开展岗前三级安全教育和本岗位安全操作规程培训，考核合格后上岗")
_T_SPECIAL = edu("特种作业人员经培训取得特种作业操作证，持证上岗，按期复审")
_T_SPECIAL_EQ = edu("特种设备作业人员取得特种设备安全管理和作业人员证，持证上岗")
_T_CHEM = edu("组织危险化学品安全知识和SDS培训，掌握泄漏、火灾应急处置方法")
_T_CONFINED = edu("组织有限空间作业专项培训，作业人员、监护人员考核合格后方可作业")

_P_TURN = ppe("穿紧身工作服，扎紧袖口，长发盘入工作帽，佩戴防护眼镜，严禁戴手套操作旋转设备")
_P_SHOES = ppe("穿防砸劳保鞋，搬运时戴防割手套")
_P_EYES = ppe("佩戴防冲击护目镜")
_P_EARS = ppe("进入噪声区域佩戴耳塞（降噪值≥25dB）")
_P_ELEC = ppe("使用合格的绝缘手套、绝缘鞋，穿电工工作服")
_P_WELD = ppe("佩戴焊接面罩、焊工手套，穿阻燃工作服和绝缘鞋，佩戴防尘口罩")
_P_PAINT = ppe("佩戴有机蒸气防毒面具（过滤式），穿防静电工作服和防静电鞋，戴防化手套")
_P_HELMET = ppe("佩戴安全帽，穿防砸劳保鞋")
_P_HARNESS = ppe("2m以上作业系挂双钩全身式安全带，高挂低用，佩戴安全帽")

_M_CHECK = mgt("执行班前设备点检制度，点检表逐项签字，异常不开机")
_M_LOTO = mgt("检修、清理、调整时执行停机断电、上锁挂牌（LOTO）制度")

_LAW = "law"
_MAJOR = "major_hidden_danger"

_EQ, _ACT, _PL = RiskPointKind.EQUIPMENT, RiskPointKind.ACTIVITY, RiskPointKind.PLACE

# --- risk points and hazards -------------------------------------------------------------------

_H = HazardSpec

_JJ: tuple[RiskPointSpec, ...] = (
    RiskPointSpec("FX-JJ-001", "普通车床", _EQ, "JJ", "机加工车间车床区", (
        _H("防护装置", "卡盘、皮带轮、齿轮等外露旋转部位防护罩齐全完好，卡盘防护罩与主轴启动联锁",
          "卡盘防护罩缺失或联锁失效，人员接触高速旋转的卡盘", "21", "衣袖、手部被卷入造成绞伤",
          ("机械伤害",), lec("6", "6", "7"), lec("1", "6", "7"), (
              eng("卡盘加装防护罩并与主轴启动联锁，打开防护罩主轴不能启动"),
              _M_CHECK, _T_OPS, _P_TURN, _E_MECH), previous=lec("3", "6", "7")),
        _H("电气系统", "设备外壳可靠接地（PE），急停按钮红色蘑菇头、动作有效，电气箱门关闭",
          "接地线松脱、电气箱门敞开或急停按钮失效", "21", "设备漏电导致操作人员触电",
          ("触电",), lec("3", "6", "15"), lec("0.5", "6", "15"), (
              eng("设备PE线可靠连接，配电回路设漏电保护器（30mA/0.1s）"),
              mgt("电工每月检测接地和漏电保护器动作并记录"), _P_ELEC, _E_ELEC)),
        _H("卡盘扳手", "卡盘扳手使用后立即取下，扳手带自动弹出弹簧",
          "卡盘扳手遗留在卡盘上即开车", "12", "扳手飞出击伤操作人员或周边人员",
          ("物体打击",), lec("3", "6", "7"), lec("1", "6", "3"), (
              eng("更换为带弹簧自动弹出的安全卡盘扳手"),
              mgt("执行“扳手不离手、离手必取下”操作要求，班组长巡查"), _E_STRIKE)),
    ), asset_no="JJ-CC-01～06", model_spec="CA6140A"),
    RiskPointSpec("FX-JJ-002", "数控车床", _EQ, "JJ", "机加工车间数控区", (
        _H("防护门联锁", "防护门关闭后方可启动主轴，开门时主轴停转、进给停止",
          "防护门联锁开关被短接，开门状态下加工", "21", "铁屑、工件飞出或手部被卷入",
          ("机械伤害", "物体打击"), lec("3", "6", "7"), lec("1", "6", "7"), (
              eng("防护门安全联锁开关采用带防拆功能的型号，联锁回路纳入设备点检"),
              mgt("严禁短接、拆除安全联锁，发现一次按公司安全奖惩制度处理"), _T_OPS, _E_MECH)),
        _H("电气柜", "电气柜门关闭上锁，柜内无积尘积油，接地可靠",
          "电气柜门敞开、柜内积尘，接地不良", "21", "人员误触带电部位触电或电气短路起火",
          ("触电", "火灾"), lec("1", "6", "15"), lec("0.5", "6", "15"), (
              eng("电气柜门加锁，钥匙由维修班保管"),
              mgt("维修班每季度清扫电气柜并检测接地电阻"), _E_ELEC)),
        _H("切削液", "切削液按期检测浓度和更换，无腐败变质",
          "切削液变质滋生细菌，皮肤长期接触", "22", "皮肤过敏、接触性皮炎",
          ("其他伤害",), lec("3", "6", "1"), lec("1", "6", "1"), (
              mgt("每周检测切削液浓度、每季度全部更换并记录"), ppe("接触切削液时戴丁腈手套"))),
    ), asset_no="JJ-SK-01～08", model_spec="CK6150", responsible="朱文斌", department="数控班"),
    RiskPointSpec("FX-JJ-003", "立式加工中心", _EQ, "JJ", "机加工车间数控区", (
        _H("刀库及换刀区", "自动换刀时防护门联锁有效，人员不得进入防护区",
          "换刀过程中伸手进入刀库区域", "12", "手部被刀具割伤或夹伤",
          ("机械伤害",), lec("3", "6", "7"), lec("1", "6", "7"), (
              eng("刀库设独立防护罩，防护门联锁"), _T_OPS, _P_TURN, _E_MECH)),
        _H("工件装夹", "工件、夹具装夹牢固，压板螺栓紧固，试运行确认",
          "工件压板松动，高速切削时工件松脱飞出", "21", "工件飞出击伤人员",
          ("物体打击",), lec("1", "6", "15"), lec("1", "6", "7"), (
              mgt("装夹后执行首件低速试切确认"), eng("加工中心全封闭防护门，观察窗为防爆玻璃"), _E_STRIKE)),
        _H("铁屑清理", "停机后使用专用铁钩、毛刷清理铁屑，严禁用手直接清理",
          "用手直接清理缠绕铁屑", "12", "手部被锋利铁屑割伤",
          ("其他伤害",), lec("6", "6", "1"), lec("3", "6", "1"), (
              mgt("机床旁配置铁钩、毛刷等专用清屑工具"), ppe("清屑时佩戴防割手套（停机状态）"))),
    ), asset_no="JJ-JG-01～04", model_spec="VMC850", responsible="朱文斌", department="数控班"),
    RiskPointSpec("FX-JJ-004", "摇臂钻床", _EQ, "JJ", "机加工车间铣钻区", (
        _H("工件装夹", "工件用平口钳或压板夹紧，严禁手持工件钻孔",
          "手扶工件钻孔，工件随钻头旋转甩出", "12", "手部被旋转工件甩伤、绞伤",
          ("机械伤害",), lec("6", "6", "7"), lec("3", "6", "7"), (
              eng("钻床配备平口钳、压板等夹具"), eng("钻头加装可伸缩透明防护罩", planned=True),
              mgt("钻孔作业严禁戴手套，班组长每班巡查"), _P_TURN, _E_MECH),
          suggested="钻头加装可伸缩透明防护罩"),
        _H("摇臂及主轴箱锁紧", "钻孔前摇臂、主轴箱锁紧机构锁紧",
          "摇臂未锁紧，钻削时摇臂回转", "21", "摇臂撞击人员",
          ("物体打击",), lec("1", "3", "7"), lec("1", "3", "7"), (
              mgt("钻孔前确认锁紧，纳入班前点检表"), _E_STRIKE)),
    ), asset_no="JJ-ZC-01～02", model_spec="Z3050×16", responsible="朱文斌", department="数控班"),
    RiskPointSpec("FX-JJ-005", "砂轮机", _EQ, "JJ", "机加工车间刃磨区", (
        _H("砂轮防护罩", "防护罩总开口角度≤90°，砂轮主轴水平面以上开口≤65°，罩壳完好",
          "防护罩缺失或开口过大，砂轮破碎飞出", "21", "砂轮碎片击伤头面部",
          ("物体打击",), lec("3", "6", "15"), lec("1", "6", "15"), (
              eng("安装符合GB 4674要求的砂轮防护罩和可调护板"),
              mgt("更换砂轮由维修工进行，安装前敲击检查并空转试验"), _P_EYES, _E_STRIKE)),
        _H("托架间隙", "工件托架与砂轮间隙≤3mm，托架高度与砂轮中心等高",
          "托架间隙过大，工件卡入", "21", "砂轮破碎或手部被卷入",
          ("机械伤害",), lec("3", "6", "7"), lec("1", "6", "7"), (
              mgt("每班使用前检查托架间隙并调整"), _T_OPS, _E_MECH)),
        _H("安装位置", "砂轮机不得正对人行通道和其他设备，正面装设防护挡板",
          "砂轮机正对人行通道", "31", "砂轮碎片伤及路过人员",
          ("物体打击",), lec("1", "6", "7"), lec("0.5", "6", "7"), (
              eng("砂轮机正面设置1.8m高防护挡板"), mgt("砂轮机区域划线定置，设置安全警示标识"))),
    ), asset_no="JJ-SL-01", model_spec="M3025"),
    RiskPointSpec("FX-JJ-006", "车削加工作业", _ACT, "JJ", "机加工车间车床区、数控区", (
        _H("开车前检查", "", "未检查设备防护、润滑及急停即开车", "43", "设备带病运行导致伤害",
          ("机械伤害",), lec("3", "6", "3"), lec("1", "6", "3"), (_M_CHECK, _T_OPS)),
        _H("装夹工件", "", "工件装夹不牢，卡盘扳手未取下即开车", "12", "工件、扳手飞出击伤人员",
          ("物体打击",), lec("3", "6", "15"), lec("1", "6", "15"), (
              mgt("装夹后低速试转确认"), eng("使用自动弹出式卡盘扳手"), _P_EYES, _E_STRIKE)),
        _H("车削加工", "", "戴手套操作、长发未盘入帽内、用手清除缠绕铁屑", "12", "手套、头发被卷入造成重伤或死亡",
          ("机械伤害",), lec("6", "6", "15"), lec("1", "6", "15"), (
              eng("车床卡盘防护罩与主轴联锁"), mgt("车间“三不准”（不准戴手套、不准留长发外露、不准手清铁屑）每班巡查"),
              _T_OPS, _P_TURN, _E_MECH)),
        _H("测量工件", "", "未停车即测量工件尺寸", "12", "手部被卷入",
          ("机械伤害",), lec("3", "6", "7"), lec("1", "6", "7"), (mgt("测量、变速必须停车"), _T_OPS)),
        _H("清理铁屑", "", "用手直接清理长条铁屑", "12", "手部割伤",
          ("其他伤害",), lec("6", "6", "1"), lec("3", "6", "1"), (
              mgt("配备铁钩清屑，设置断屑槽刀具"), ppe("停机清屑时戴防割手套"))),
    ), activity_content="使用普通车床、数控车床进行轴类、盘类零件的粗车、精车加工", activity_frequency="每天两班"),
    RiskPointSpec("FX-JJ-007", "机加工车间作业场所", _PL, "JJ", "机加工车间", (
        _H("安全通道", "主通道宽度≥2m，人行通道≥1.2m，标线清晰，无物料占道",
          "通道被工件、周转箱占用", "31", "人员绊倒，叉车通行碰撞",
          ("其他伤害", "车辆伤害"), lec("3", "6", "3"), lec("1", "6", "3"), (
              eng("地面划设黄色通道线和定置区域线"), mgt("执行6S定置管理，车间每日巡查"))),
        _H("照明", "作业面照度≥200lx，应急照明和疏散指示完好",
          "照明不足，应急照明失效", "31", "误操作、停电时疏散受阻",
          ("机械伤害", "其他伤害"), lec("3", "6", "3"), lec("1", "6", "3"), (
              eng("每台设备配置局部照明，安全通道设应急照明"), mgt("每月测试应急照明"))),
        _H("消防设施", "灭火器按GB 50140配置，压力在绿区，每月检查，不被遮挡",
          "灭火器失效、被遮挡", "43", "初期火灾无法及时扑救",
          ("火灾",), lec("1", "6", "15"), lec("0.5", "6", "15"), (
              mgt("灭火器每月检查并挂检查卡"), edu("每年组织一次灭火器实操培训"), _E_FIRE)),
        _H("噪声", "噪声≥85dB(A)区域设置警示标识并配发护听器",
          "长期接触设备噪声", "21", "噪声聋",
          ("其他伤害",), lec("3", "10", "3"), lec("1", "10", "3"), (
              mgt("每年委托职业卫生检测，开展职业健康体检"), _P_EARS)),
    )),
    RiskPointSpec("FX-JJ-008", "万能升降台铣床", _EQ, "JJ", "机加工车间铣钻区", (
        _H("刀具防护", "铣刀外露部分设置可调防护罩，装卸刀具时停机断电",
          "铣刀无防护，手部接触旋转铣刀", "21", "手指被铣刀切伤",
          ("机械伤害",), lec("6", "6", "7"), lec("3", "6", "7"), (
              eng("铣刀加装可调式防护罩", planned=True), mgt("装卸刀具、测量工件必须停机"), _P_TURN, _E_MECH),
          suggested="铣刀加装可调式防护罩"),
        _H("工作台限位", "纵向、横向、升降限位挡块齐全有效",
          "限位挡块缺失，工作台超程碰撞", "21", "刀具崩碎飞出",
          ("物体打击",), lec("1", "6", "7"), lec("0.5", "6", "7"), (
              mgt("限位挡块纳入班前点检"), _E_STRIKE)),
        _H("铁屑飞溅", "高速铣削设置挡屑板",
          "铁屑飞溅", "21", "铁屑溅入眼睛",
          ("其他伤害",), lec("6", "6", "3"), lec("3", "6", "1"), (
              eng("工作台两侧设置挡屑板"), _P_EYES)),
    ), asset_no="JJ-XC-01～03", model_spec="X6132", responsible="朱文斌", department="数控班"),
)  # fmt: skip

_CY: tuple[RiskPointSpec, ...] = (
    RiskPointSpec("FX-CY-001", "开式固定台压力机", _EQ, "CY", "冲压车间压力机区", (
        _H("光电保护装置", "光电保护装置完好，保护高度覆盖危险区，遮光后滑块立即停止",
          "光电保护装置失效或被屏蔽", "21", "手部进入模区被压断",
          ("机械伤害",), lec("6", "6", "15"), lec("3", "6", "15"), (
              eng("每台压力机安装光电安全保护装置，与离合器控制回路联锁"),
              mgt("每班开机前用试棒测试光电保护并记录"), _T_OPS, ppe("使用专用手用工具送取料"), _E_MECH)),
        _H("双手操纵按钮", "双手按钮内缘间距≥260mm，须双手同时按下（0.5s内）才能启动",
          "双手按钮被改为单手操作或改接脚踏开关", "12", "单手操作时另一手在模区被压",
          ("机械伤害",), lec("6", "6", "7"), lec("1", "6", "7"), (
              eng("双手按钮加防护套，控制回路加铅封"), mgt("严禁私自改动操纵方式，设备部每月检查铅封"),
              _E_MECH)),
        _H("离合器与制动器", "制动器制动角符合说明书要求，无连冲现象",
          "离合器、制动器失灵出现连冲", "21", "滑块意外下行压伤手部",
          ("机械伤害",), lec("3", "6", "15"), lec("1", "6", "15"), (
              mgt("设备部每月检查制动角并记录"), eng("加装制动器监控装置", planned=True), _E_MECH),
          previous=lec("3", "6", "15"), suggested="老旧压力机加装制动器监控装置"),
        _H("飞轮、皮带防护", "飞轮、皮带、齿轮防护罩齐全牢固",
          "防护罩缺失或松动", "21", "人员被卷入",
          ("机械伤害",), lec("3", "6", "7"), lec("1", "6", "7"), (
              eng("外露传动部位全封闭防护罩"), _M_CHECK)),
    ), asset_no="CY-YL-01～06", model_spec="J23-63", responsible="刘建军", department="冲压班"),
    RiskPointSpec("FX-CY-002", "四柱液压机", _EQ, "CY", "冲压车间液压机区", (
        _H("安全保护装置", "设置光电保护或双手操作，上下限位有效",
          "光电保护失效", "21", "手部、上肢被挤压",
          ("机械伤害",), lec("3", "6", "15"), lec("1", "6", "15"), (
              eng("安装光电保护并与液压控制回路联锁"), _M_CHECK, _T_OPS, _E_MECH)),
        _H("液压系统", "液压管路、接头无渗漏，压力表完好，溢流阀铅封",
          "高压油管老化爆裂", "21", "高压油喷射伤人，液压油遇热源着火",
          ("其他伤害", "火灾"), lec("1", "6", "7"), lec("0.5", "6", "7"), (
              mgt("每季度检查更换老化油管"), eng("高压胶管加装防爆套"), _E_FIRE)),
    ), asset_no="CY-YY-01～02", model_spec="Y32-200", responsible="刘建军", department="冲压班"),
    RiskPointSpec("FX-CY-003", "数控剪板机", _EQ, "CY", "冲压车间下料区", (
        _H("压料脚及护栅", "刀口前部设置固定防护栅栏，手指不能伸入刀口",
          "护栅缺失，手伸入刀口", "21", "手指被剪断",
          ("机械伤害",), lec("3", "6", "15"), lec("1", "6", "15"), (
              eng("刀口前设置固定式防护栅栏"), mgt("剪板机指定专人操作"), _T_OPS, _E_MECH)),
        _H("后挡料区", "后部设置防护栏和光电保护，严禁人员进入后部接料",
          "人员进入后部接料", "12", "板料落下砸伤、被后挡料装置挤压",
          ("物体打击", "机械伤害"), lec("3", "3", "7"), lec("1", "3", "7"), (
              eng("后部设置1.2m防护栏"), mgt("严禁在后部接料，后部出料使用滑板"), _E_STRIKE)),
    ), asset_no="CY-JB-01～02", model_spec="QC12K-6×2500"),
    RiskPointSpec("FX-CY-004", "冲压作业", _ACT, "CY", "冲压车间", (
        _H("作业前检查", "", "未空车试运行检查离合器、制动器和安全装置", "43", "连冲压手",
          ("机械伤害",), lec("3", "6", "7"), lec("1", "6", "7"), (_M_CHECK, _T_OPS)),
        _H("送料取件", "", "用手直接伸入模区送料、取件", "12", "手指、手掌被压伤压断",
          ("机械伤害",), lec("6", "10", "15"), lec("3", "6", "15"), (
              eng("小件冲压配置手用工具（镊子、吸盘）"), eng("推行安全模具和自动送料装置", planned=True),
              mgt("严禁手伸入模区，班组长每班巡查"), _T_OPS, _E_MECH),
          suggested="推行安全模具和自动送料装置，逐步实现手不入模"),
        _H("脚踏开关", "", "脚踏开关无防护罩，人员误踏", "21", "误动作压手",
          ("机械伤害",), lec("3", "6", "7"), lec("1", "6", "7"), (
              eng("脚踏开关加装防护罩"), mgt("不用时脚踏开关拆除或锁定"))),
        _H("搬运板料", "", "板料边缘锋利，搬运时未戴手套", "12", "手部割伤",
          ("其他伤害",), lec("6", "6", "1"), lec("3", "6", "1"), (
              mgt("板料去毛刺后转运，使用料架存放"), _P_SHOES)),
        _H("连续作业", "", "连续作业疲劳、注意力不集中", "11", "误操作压手",
          ("机械伤害",), lec("3", "6", "7"), lec("1", "6", "7"), (
              mgt("每2小时工间休息10分钟，严禁疲劳作业"), edu("开展典型冲压事故案例警示教育"))),
    ), activity_content="使用开式压力机、液压机进行板料落料、冲孔、拉伸、成形", activity_frequency="每天两班"),
    RiskPointSpec("FX-CY-005", "冲压模具更换作业", _ACT, "CY", "冲压车间压力机区", (
        _H("停机断电", "", "换模时未停机断电、未挂牌", "43", "他人误启动设备压伤换模人员",
          ("机械伤害",), lec("3", "3", "15"), lec("1", "3", "15"), (_M_LOTO, _T_OPS, _E_MECH)),
        _H("模具吊运", "", "模具吊运捆绑不牢脱落", "21", "模具坠落砸伤",
          ("起重伤害", "物体打击"), lec("3", "3", "15"), lec("1", "3", "15"), (
              mgt("使用模具专用吊环，持证行车工吊运"), _P_HELMET, _E_LIFT)),
        _H("调模", "", "调模时未使用安全垫块锁定滑块", "12", "滑块意外下落压伤",
          ("机械伤害",), lec("3", "3", "15"), lec("1", "3", "15"), (
              eng("配置滑块安全垫块（安全栓）"), mgt("换模作业票制度，调模时放置安全垫块"), _E_MECH),
          previous=lec("3", "3", "15")),
    ), activity_content="拆装、调试冲压模具，使用行车吊运模具", activity_frequency="每周3～5次",
       responsible="刘建军", department="冲压班"),
    RiskPointSpec("FX-CY-006", "冲压车间作业场所", _PL, "CY", "冲压车间", (
        _H("噪声", "冲压区噪声超过85dB(A)设警示标识，配发护听器",
          "冲压噪声超标", "21", "噪声聋",
          ("其他伤害",), lec("6", "10", "3"), lec("3", "10", "3"), (
              eng("压力机基础设减振垫"), mgt("每年职业病危害因素检测和职业健康体检"), _P_EARS)),
        _H("物料堆放", "板料、工件堆放高度≤1.5m，稳固不倾斜",
          "堆放过高倒塌", "31", "物料倒塌砸伤",
          ("物体打击", "坍塌"), lec("3", "6", "3"), lec("1", "6", "3"), (
              mgt("划定物料定置区，限高标识"), _P_SHOES)),
    )),
)  # fmt: skip

_HJ: tuple[RiskPointSpec, ...] = (
    RiskPointSpec("FX-HJ-001", "二氧化碳气体保护焊机", _EQ, "HJ", "焊接车间焊接工位", (
        _H("焊机接地", "焊机外壳可靠接地，一次线长度≤5m，二次线绝缘完好无破损",
          "焊机外壳漏电，焊接电缆绝缘破损", "21", "焊工触电",
          ("触电",), lec("3", "6", "15"), lec("1", "6", "15"), (
              eng("焊机外壳PE接地，一次侧设漏电保护"), mgt("每月检查焊机及电缆绝缘并记录"),
              _T_SPECIAL, _P_WELD, _E_ELEC)),
        _H("焊接回路", "焊接二次回路使用专用回线，不得借用金属结构、管道",
          "借用金属构件、管道作焊接回路", "12", "杂散电流触电或引燃",
          ("触电", "火灾"), lec("1", "6", "15"), lec("0.5", "6", "15"), (
              mgt("焊接回线直接接在工件上，严禁借用"), _T_SPECIAL)),
    ), asset_no="HJ-HJ-01～08", model_spec="NBC-350"),
    RiskPointSpec("FX-HJ-002", "气瓶（氧气、乙炔、二氧化碳）", _EQ, "HJ", "焊接车间气瓶间及气割区", (
        _H("气瓶存放", "氧气瓶与乙炔瓶间距≥5m，距明火≥10m，空瓶实瓶分开，设气瓶间",
          "氧气瓶、乙炔瓶混放，距离不足", "21", "泄漏遇火源燃烧爆炸",
          ("容器爆炸", "火灾"), lec("3", "6", "15"), lec("1", "6", "15"), (
              eng("设置独立气瓶间，氧气、乙炔分隔存放"), mgt("气瓶间每日巡查，建立气瓶收发台账"),
              _E_BLAST)),
        _H("防倾倒及安全附件", "气瓶直立并用链条固定，佩戴防震圈、瓶帽",
          "气瓶未固定倾倒", "21", "气瓶倾倒砸伤、阀门撞断泄漏",
          ("物体打击", "容器爆炸"), lec("3", "6", "3"), lec("1", "6", "3"), (
              eng("气瓶间和使用点设防倾倒链"), _P_SHOES)),
        _H("回火防止器", "乙炔瓶出口和割炬入口装设回火防止器",
          "未装回火防止器", "21", "回火引起乙炔瓶爆炸",
          ("其他爆炸",), lec("3", "3", "15"), lec("1", "3", "15"), (
              eng("乙炔、氧气出口均安装回火防止器"), mgt("每次使用前检查回火防止器"), _E_BLAST)),
    ), asset_no="HJ-QP-01", model_spec="氧气瓶40L/15MPa；乙炔瓶40L"),
    RiskPointSpec("FX-HJ-003", "焊接作业", _ACT, "HJ", "焊接车间", (
        _H("作业准备", "", "未清理焊接点周边10m内可燃物即动火", "31", "焊渣飞溅引燃可燃物",
          ("火灾",), lec("3", "6", "15"), lec("1", "6", "15"), (
              mgt("车间外动火执行动火作业许可，焊接区10m内不得存放可燃物"), _E_FIRE)),
        _H("施焊", "", "未戴焊接面罩，弧光直射眼睛", "12", "电光性眼炎、皮肤灼伤",
          ("灼烫",), lec("6", "6", "3"), lec("1", "6", "3"), (_P_WELD, _T_SPECIAL, _E_BURN)),
        _H("施焊", "", "焊接烟尘和锰等有害物质", "22", "电焊工尘肺、锰中毒",
          ("中毒和窒息",), lec("6", "6", "3"), lec("3", "6", "3"), (
              eng("焊接工位设置焊烟净化器"), eng("增配移动式焊烟净化器2台", planned=True),
              mgt("每年职业病危害因素检测和职业健康体检"), _P_WELD),
          suggested="增配移动式焊烟净化器2台"),
        _H("焊后清渣", "", "敲渣时焊渣飞溅", "21", "眼部、皮肤烫伤",
          ("灼烫",), lec("3", "6", "3"), lec("1", "6", "3"), (_P_EYES, _E_BURN)),
    ), activity_content="使用CO2气体保护焊对钢结构件、机架进行焊接", activity_frequency="每天"),
    RiskPointSpec("FX-HJ-004", "气割作业", _ACT, "HJ", "焊接车间气割区", (
        _H("检查气瓶及胶管", "", "胶管老化漏气，接头未用卡箍紧固", "21", "乙炔泄漏着火爆炸",
          ("火灾", "其他爆炸"), lec("3", "3", "15"), lec("1", "3", "15"), (
              mgt("使用前用肥皂水检漏，胶管每年更换"), _T_SPECIAL, _E_BLAST)),
        _H("点火切割", "", "回火，割炬点火方向对人", "12", "回火烧伤",
          ("灼烫",), lec("3", "3", "7"), lec("1", "3", "7"), (_P_WELD, _E_BURN)),
        _H("切割", "", "熔渣飞溅引燃周边可燃物", "21", "火灾",
          ("火灾",), lec("3", "3", "15"), lec("1", "3", "15"), (
              mgt("切割区设接渣盘，作业后检查确认无火种"), _E_FIRE)),
    ), activity_content="使用氧-乙炔火焰切割钢板、型材", activity_frequency="每周2～3次"),
    RiskPointSpec("FX-HJ-005", "铝件打磨抛光除尘系统", _EQ, "HJ", "焊接车间打磨抛光间", (
        _H("除尘系统设置", "铝镁粉尘采用湿式除尘，除尘系统不得与其他粉尘共用，不得跨防火分区连通",
          "铝粉尘与钢件打磨粉尘共用一套除尘系统", "22", "铝粉尘遇火花发生粉尘爆炸",
          ("其他爆炸", "火灾"), ls("5", "5"), ls("4", "5"), (
              eng("铝件打磨工位设独立湿式除尘器"), eng("钢件打磨移出该除尘系统，系统分设", planned=True),
              mgt("粉尘涉爆岗位执行粉尘防爆安全管理制度"), edu("组织粉尘防爆专项培训"), _E_BLAST),
          suggested="钢件打磨工位移出，铝、钢粉尘除尘系统分设"),
        _H("粉尘清扫", "每班清扫作业区及管道积尘，清扫记录齐全",
          "作业区、管道积尘未及时清扫", "43", "二次粉尘爆炸",
          ("其他爆炸",), ls("4", "5"), ls("3", "5"), (
              mgt("执行粉尘清扫制度，每班清扫并记录"), eng("配置防爆型吸尘器"), _E_BLAST)),
        _H("电气防爆", "打磨间及除尘器电气设备为防爆型，可靠接地",
          "使用非防爆电气设备", "21", "电火花引燃粉尘",
          ("其他爆炸",), ls("3", "5"), ls("2", "5"), (
              eng("打磨间照明、开关、风机电机采用粉尘防爆型"), mgt("电工每季度检查防爆电气完好性"))),
        _H("抛光轮防护", "抛光轮、砂轮防护罩完好",
          "抛光轮无防护罩", "21", "手部被卷入",
          ("机械伤害",), ls("3", "4"), ls("2", "4"), (
              eng("抛光机加装防护罩"), _P_EYES, _E_MECH)),
    ), asset_no="HJ-CC-01", model_spec="湿式除尘器 SCS-6000", responsible="王海", department="焊接班"),
    RiskPointSpec("FX-HJ-006", "焊接车间作业场所", _PL, "HJ", "焊接车间", (
        _H("通风", "设置全面机械通风，焊烟净化设施正常运行",
          "通风不良，焊接烟尘聚集", "31", "职业病、头晕中毒",
          ("中毒和窒息",), lec("3", "6", "3"), lec("1", "6", "3"), (
              eng("车间屋顶设轴流风机全面通风"), mgt("每班开启通风设施"))),
        _H("消防", "配置ABC干粉灭火器，动火区域无纸箱、油布等可燃物",
          "动火区域堆放可燃物", "31", "火灾",
          ("火灾",), lec("3", "6", "15"), lec("1", "6", "15"), (
              mgt("每日下班前清理可燃物，车间主任检查"), _E_FIRE)),
        _H("弧光防护", "焊接工位之间设置挡光屏",
          "无挡光屏，弧光照射他人", "21", "周边人员电光性眼炎",
          ("灼烫",), lec("3", "6", "3"), lec("1", "6", "3"), (
              eng("焊接工位设置阻燃挡光屏"), _P_EYES, _E_BURN)),
    )),
)  # fmt: skip

_PT: tuple[RiskPointSpec, ...] = (
    RiskPointSpec("FX-PT-001", "喷漆房（含水帘柜）", _EQ, "PT", "喷涂车间喷漆房", (
        _H("可燃气体检测报警", "使用溶剂型涂料的喷漆房设置固定式可燃气体检测报警装置，并与机械通风联锁",
          "未设置固定式可燃气体检测报警装置，机械通风未与报警联锁，溶剂蒸气可能积聚", "22",
          "可燃蒸气达到爆炸极限遇点火源发生爆炸、火灾",
          ("其他爆炸", "火灾"), lec("6", "6", "40"), direct(_MAJOR, _LAW), (
              eng("安装固定式可燃气体检测报警装置并与排风机联锁", planned=True),
              mgt("每班作业前使用便携式可燃气体检测仪检测并记录"),
              mgt("调漆间、喷漆房严禁一切火源，执行动火作业审批"), _P_PAINT, _E_BLAST),
          suggested="按应急管理部令第10号第七条要求设置固定式可燃气体检测报警及通风联锁"),
        _H("电气防爆", "喷漆房内照明、开关、风机电机为防爆型，防爆标志清晰",
          "防爆电气隔爆面损坏或接线盒未紧固", "21", "电火花引爆溶剂蒸气",
          ("其他爆炸",), lec("3", "6", "40"), lec("1", "6", "40"), (
              eng("喷漆房全部采用ExdⅡBT4防爆电气"), mgt("电工每月检查防爆电气完好性并记录"))),
        _H("静电接地", "喷枪、工件挂具、漆桶静电接地，接地电阻≤100Ω",
          "静电接地线断开，静电积聚放电", "21", "静电火花引燃溶剂蒸气",
          ("火灾",), lec("3", "6", "15"), lec("1", "6", "15"), (
              eng("喷漆房设静电接地端子排，挂具、漆桶接地"), mgt("每年检测防静电接地电阻"), _E_FIRE)),
        _H("排风系统", "排风量满足设计要求，过滤棉按期更换",
          "排风不足，过滤棉堵塞", "31", "溶剂蒸气中毒、浓度升高",
          ("中毒和窒息",), lec("3", "6", "7"), lec("1", "6", "7"), (
              mgt("过滤棉每周检查、每月更换并记录"), _P_PAINT, _E_POISON)),
    ), asset_no="PT-PQF-01", model_spec="水帘式 8m×4m×3.5m", responsible="林强", department="喷涂班"),
    RiskPointSpec("FX-PT-002", "调漆间", _PL, "PT", "喷涂车间调漆间", (
        _H("调漆间设置", "调漆间独立设置，防爆机械通风，门向外开",
          "调漆间通风不良", "31", "溶剂蒸气积聚引发火灾、中毒",
          ("火灾", "中毒和窒息"), lec("3", "6", "15"), lec("1", "6", "15"), (
              eng("设置防爆排风扇，下部排风"), mgt("调漆时开启排风，门保持关闭"), _E_FIRE)),
        _H("存放量", "调漆间油漆、稀释剂存放量不超过一昼夜用量",
          "超量存放油漆、稀释剂", "43", "火灾时扩大事故后果",
          ("火灾",), lec("3", "6", "15"), lec("1", "6", "15"), (
              mgt("实行限量领用，余料当班退回危化品库"), _T_CHEM, _E_FIRE),
          previous=lec("3", "6", "15")),
        _H("防静电", "入口设人体静电释放器，穿防静电工作服",
          "人体静电放电", "21", "静电引燃",
          ("火灾",), lec("1", "6", "15"), lec("0.5", "6", "15"), (
              eng("入口设置人体静电释放器"), _P_PAINT)),
    ), responsible="林强", department="喷涂班"),
    RiskPointSpec("FX-PT-003", "电加热烘干房", _EQ, "PT", "喷涂车间烘干房", (
        _H("温控及超温保护", "温控器、超温报警及自动断电有效",
          "温控失灵超温", "21", "漆膜溶剂挥发着火",
          ("火灾",), lec("3", "3", "15"), lec("1", "3", "15"), (
              eng("设置独立超温保护，超温自动切断加热电源"), mgt("每月校验温控仪表"), _E_FIRE)),
        _H("排风联锁", "烘干房排风与加热电源联锁，排风不启动不能加热",
          "溶剂蒸气积聚", "21", "烘干房爆燃",
          ("其他爆炸",), lec("1", "3", "40"), lec("0.5", "3", "40"), (
              eng("排风机与加热电源联锁"), _E_BLAST)),
        _H("高温表面", "炉门、热风管隔热，设置“当心烫伤”警示标识",
          "接触高温表面", "21", "烫伤",
          ("灼烫",), lec("3", "6", "1"), lec("3", "6", "1"), (
              mgt("设置警示标识"), ppe("进出工件戴隔热手套"))),
    ), asset_no="PT-HG-01", model_spec="RHD-45 电加热"),
    RiskPointSpec("FX-PT-004", "喷漆作业", _ACT, "PT", "喷涂车间", (
        _H("调漆", "", "调漆时溶剂挥发，使用铁器敲击开桶", "22", "火花引燃溶剂蒸气，吸入中毒",
          ("火灾", "中毒和窒息"), lec("6", "6", "15"), lec("3", "6", "15"), (
              eng("配置铜制防爆开桶工具"), mgt("调漆在调漆间内进行，开启排风"), _T_CHEM, _P_PAINT, _E_FIRE)),
        _H("喷涂", "", "喷涂时未佩戴防毒面具，吸入苯系物", "22", "职业中毒",
          ("中毒和窒息",), lec("6", "6", "7"), lec("3", "6", "7"), (
              _P_PAINT, mgt("每年职业健康体检，定期检测作业场所苯系物浓度"), _E_POISON)),
        _H("喷涂", "", "携带火种、穿化纤服装进入喷漆房", "12", "引燃溶剂蒸气",
          ("火灾",), lec("3", "6", "15"), lec("0.5", "6", "15"), (
              mgt("喷涂车间入口设火种箱，严禁携带火种"), _P_PAINT)),
        _H("清洗喷枪", "", "用稀释剂清洗喷枪，废液随意倾倒", "22", "火灾、环境污染",
          ("火灾",), lec("3", "6", "7"), lec("1", "6", "7"), (
              mgt("废稀释剂收集于密闭废液桶，交危废暂存间"), _T_CHEM)),
    ), activity_content="调漆、在喷漆房内使用空气喷枪喷涂溶剂型涂料、晾干和烘干", activity_frequency="每天",
       responsible="林强", department="喷涂班"),
    RiskPointSpec("FX-PT-005", "水帘柜循环水池清理作业（有限空间）", _ACT, "PT", "喷涂车间喷漆房水帘柜下方", (
        _H("作业审批", "", "未办理有限空间作业审批即进入循环水池", "43", "漆渣发酵产生有毒气体致人中毒窒息",
          ("中毒和窒息",), lec("6", "3", "40"), lec("3", "3", "40"), (
              mgt("执行有限空间作业审批制度，审批人现场确认"), mgt("建立有限空间台账，入口设置警示标识"),
              _T_CONFINED, _E_POISON)),
        _H("通风检测", "", "未执行“先通风、再检测、后作业”", "43", "中毒窒息",
          ("中毒和窒息",), lec("6", "3", "40"), lec("1", "3", "40"), (
              eng("配备轴流风机和四合一气体检测仪"), mgt("作业前及作业中每30分钟检测氧含量、有毒气体并记录"),
              _E_POISON)),
        _H("监护", "", "无专人监护，发生意外时盲目施救", "12", "多人伤亡",
          ("中毒和窒息",), lec("3", "3", "40"), lec("1", "3", "40"), (
              mgt("设专职监护人，不得离开作业点"), ppe("配备正压式空气呼吸器、安全绳和三脚架"), _E_POISON)),
        _H("照明用电", "", "使用220V照明灯具进入池内", "21", "触电",
          ("触电",), lec("3", "3", "15"), lec("1", "3", "15"), (
              eng("使用12V安全电压防爆行灯"), _E_ELEC)),
    ), activity_content="停产后进入喷漆房水帘柜循环水池清理漆渣、污泥", activity_frequency="每季度1次",
       responsible="黄志勇"),
)  # fmt: skip

_ZP: tuple[RiskPointSpec, ...] = (
    RiskPointSpec("FX-ZP-001", "电动单梁起重机", _EQ, "ZP", "装配车间", (
        _H("限位装置", "起升高度限位、大车运行限位有效",
          "起升限位失效发生冲顶", "21", "钢丝绳拉断，吊物坠落",
          ("起重伤害",), lec("3", "6", "15"), lec("1", "6", "15"), (
              eng("设置重锤式和断火式双重起升限位"), mgt("每班作业前空载试验限位"), _T_SPECIAL_EQ, _E_LIFT)),
        _H("钢丝绳及吊钩", "钢丝绳断丝、磨损不超过报废标准，吊钩防脱钩装置完好",
          "钢丝绳断丝超标，吊钩防脱钩装置损坏", "21", "吊物脱落坠落",
          ("起重伤害",), lec("3", "6", "15"), lec("1", "6", "15"), (
              mgt("设备部每月检查钢丝绳、吊钩并记录"), _E_LIFT),
          previous=lec("3", "6", "15")),
        _H("定期检验", "在检验有效期内，张贴检验合格标志",
          "超期未检验", "43", "设备隐患未被发现",
          ("起重伤害",), lec("1", "6", "15"), lec("0.5", "6", "15"), (
              mgt("建立特种设备台账，到期前1个月申报检验"), _T_SPECIAL_EQ)),
    ), asset_no="ZP-QZ-01～02", model_spec="LD5-16.5 A3", department="设备部", responsible="曹建国"),
    RiskPointSpec("FX-ZP-002", "起重吊装作业", _ACT, "ZP", "装配车间、冲压车间", (
        _H("吊前检查", "", "未检查吊具、索具", "43", "吊带、卸扣断裂",
          ("起重伤害",), lec("3", "6", "15"), lec("1", "6", "15"), (
              mgt("吊索具实行编号管理，每班检查、每月专检"), _T_SPECIAL_EQ)),
        _H("挂钩捆绑", "", "捆绑不牢、斜拉歪吊", "12", "吊物坠落、摆动撞人",
          ("起重伤害", "物体打击"), lec("6", "6", "15"), lec("3", "6", "15"), (
              mgt("执行“十不吊”，专人指挥"), _T_SPECIAL_EQ, _P_HELMET, _E_LIFT)),
        _H("吊运", "", "吊物下方站人、吊物从人头顶越过", "12", "吊物坠落砸伤",
          ("起重伤害",), lec("3", "6", "15"), lec("1", "6", "15"), (
              mgt("吊运前鸣铃警示，划定吊运通道"), _E_LIFT)),
        _H("落钩", "", "吊物落地不稳即摘钩", "12", "吊物倾倒砸伤",
          ("物体打击",), lec("3", "6", "7"), lec("1", "6", "7"), (
              mgt("吊物落地垫稳后摘钩"), _P_HELMET)),
    ), activity_content="使用电动单梁起重机吊运部件、整机和冲压模具", activity_frequency="每天"),
    RiskPointSpec("FX-ZP-003", "装配作业", _ACT, "ZP", "装配车间装配线", (
        _H("部件搬运", "", "手工搬运重物姿势不当", "11", "腰部扭伤",
          ("其他伤害",), lec("3", "6", "3"), lec("1", "6", "3"), (
              mgt("25kg以上部件使用行车或搬运车"), edu("开展正确搬运姿势培训"))),
        _H("紧固", "", "使用扳手用力过猛打滑", "12", "手部碰伤",
          ("物体打击",), lec("3", "6", "1"), lec("1", "6", "1"), (
              mgt("使用规格匹配的扳手，禁止加套管"), _P_SHOES)),
        _H("部件支撑", "", "大件装配时支撑不稳倾倒", "21", "部件倾倒砸伤",
          ("物体打击",), lec("3", "6", "7"), lec("1", "6", "7"), (
              eng("配置专用装配支架和垫块"), _P_SHOES, _E_STRIKE)),
    ), activity_content="整机部件组装、螺栓紧固、液压管路连接", activity_frequency="每天"),
    RiskPointSpec("FX-ZP-004", "手持电动工具", _EQ, "ZP", "装配车间", (
        _H("绝缘与漏电保护", "使用Ⅱ类工具，插座回路设漏电保护（30mA/0.1s），每半年检测绝缘",
          "电缆绝缘破损，回路无漏电保护", "21", "触电",
          ("触电",), lec("3", "6", "15"), lec("0.5", "6", "15"), (
              eng("移动插座箱设漏电保护器"), mgt("电动工具编号登记，每半年检测绝缘电阻并贴合格标签"), _E_ELEC)),
        _H("角磨机防护罩", "角磨机防护罩完好，严禁拆除",
          "拆除防护罩使用", "21", "砂片破碎飞出击伤",
          ("物体打击", "机械伤害"), lec("3", "6", "7"), lec("1", "6", "7"), (
              mgt("发放前检查防护罩，拆除防护罩的工具收回"), _P_EYES)),
    ), asset_no="ZP-DG-01～20", model_spec="角磨机、手电钻（Ⅱ类）"),
    RiskPointSpec("FX-ZP-005", "整机试车作业", _ACT, "ZP", "装配车间试车区", (
        _H("通电前检查", "", "未确认接线、接地即通电", "43", "触电",
          ("触电",), lec("3", "2", "15"), lec("1", "2", "15"), (
              mgt("试车前由电工确认接线和接地，填写试车记录"), _E_ELEC)),
        _H("试运转", "", "未设置警戒区，人员靠近运转部件", "12", "卷入",
          ("机械伤害",), lec("3", "2", "15"), lec("1", "2", "15"), (
              eng("试车区设置围栏和警示灯"), mgt("试车专人指挥，无关人员撤离"), _E_MECH)),
    ), activity_content="装配完成的设备通电空载和负载试运转", activity_frequency="每周2～3次"),
    RiskPointSpec("FX-ZP-006", "装配车间作业场所", _PL, "ZP", "装配车间", (
        _H("通道及定置", "部件定置摆放，通道畅通",
          "通道堵塞", "31", "绊倒、碰撞",
          ("其他伤害",), lec("3", "6", "1"), lec("3", "6", "1"), (
              mgt("执行6S定置管理"), eng("地面划设通道线"))),
        _H("行车运行区域", "行车运行区域设警示标识，地面划定吊运通道",
          "吊运区域无警示", "31", "吊物伤人",
          ("起重伤害",), lec("3", "6", "7"), lec("1", "6", "7"), (
              eng("地面划设黄黑吊运通道线，设“当心吊物”标识"), mgt("吊运时鸣铃警示，无关人员避让"), _E_LIFT)),
    )),
)  # fmt: skip

_CK: tuple[RiskPointSpec, ...] = (
    RiskPointSpec("FX-CK-001", "内燃平衡重式叉车", _EQ, "CK", "原料及成品仓库", (
        _H("制动、转向及灯光", "制动、转向、喇叭、倒车报警及灯光完好",
          "制动失灵，倒车报警器损坏", "21", "叉车撞人",
          ("车辆伤害",), lec("3", "6", "15"), lec("1", "6", "15"), (
              mgt("司机每班出车前点检并记录"), _T_SPECIAL_EQ, _E_VEH)),
        _H("门架及货叉", "门架链条、货叉无裂纹变形，护顶架完好",
          "货叉裂纹", "21", "货物坠落",
          ("物体打击",), lec("1", "6", "15"), lec("0.5", "6", "15"), (
              mgt("设备部每月检查门架和货叉"), _E_STRIKE)),
        _H("定期检验", "在检验有效期内，悬挂牌照",
          "超期未检验", "43", "设备隐患未被发现",
          ("车辆伤害",), lec("1", "6", "15"), lec("0.5", "6", "15"), (
              mgt("纳入特种设备台账，按期申报检验"), mgt("叉车钥匙专人保管，无检验合格标志不得使用"))),
    ), asset_no="CK-CC-01～02", model_spec="CPCD30（3t柴油）"),
    RiskPointSpec("FX-CK-002", "叉车运输作业", _ACT, "CK", "原料及成品仓库、厂区道路", (
        _H("出车前检查", "", "未进行出车前点检", "43", "带病行驶",
          ("车辆伤害",), lec("3", "6", "15"), lec("1", "6", "15"), (
              mgt("执行叉车日常点检表，钥匙由仓储部统一管理"), _T_SPECIAL_EQ, _E_VEH)),
        _H("行驶", "", "超速行驶、载物遮挡视线前行、货叉载人", "12", "撞人、人员坠落",
          ("车辆伤害", "高处坠落"), lec("6", "6", "15"), lec("3", "6", "15"), (
              eng("叉车加装限速器和蓝光警示灯", planned=True), mgt("厂内限速5km/h，车间内限速3km/h"),
              _T_SPECIAL_EQ, _E_VEH),
          suggested="叉车加装限速器和蓝光警示灯"),
        _H("装卸", "", "货物偏载、超载", "12", "叉车侧翻、货物倾倒",
          ("车辆伤害", "物体打击"), lec("3", "6", "15"), lec("1", "6", "15"), (
              mgt("严格按载荷曲线作业，禁止超载"), _E_VEH)),
        _H("停车", "", "停车未落叉、未拉手刹", "12", "溜车撞人",
          ("车辆伤害",), lec("3", "6", "7"), lec("1", "6", "7"), (
              mgt("停车落叉、拉手刹、拔钥匙"), eng("仓库门口设叉车停放区"))),
    ), activity_content="叉车在仓库及厂区内装卸、搬运原材料和成品", activity_frequency="每天", responsible="宋丽娟"),
    RiskPointSpec("FX-CK-003", "重型货架", _EQ, "CK", "原料及成品仓库货架区", (
        _H("承载标识", "货架标明每层额定载荷，不超载",
          "货架超载", "21", "货架坍塌砸伤",
          ("坍塌",), lec("3", "6", "15"), lec("1", "6", "15"), (
              eng("每层横梁张贴载荷标识"), mgt("仓管员每周检查货架"), _E_STRIKE)),
        _H("立柱防撞", "立柱设置防撞护角，变形立柱及时更换",
          "叉车撞击立柱变形", "21", "货架坍塌",
          ("坍塌",), lec("3", "6", "15"), lec("1", "6", "15"), (
              eng("立柱底部加装防撞护角"), mgt("立柱变形超过5mm立即卸货停用并更换"))),
    ), asset_no="CK-HJ-01～12", model_spec="横梁式 2.5m×1.0m×4.5m 4层"),
    RiskPointSpec("FX-CK-004", "原料及成品仓库", _PL, "CK", "原料及成品仓库", (
        _H("消防设施", "灭火器、室内消火栓完好，前方1m内不得堆物",
          "消火栓被货物遮挡", "43", "火灾蔓延",
          ("火灾",), lec("1", "6", "15"), lec("0.5", "6", "15"), (
              mgt("消火栓前地面划禁停区，每日巡查"), _E_FIRE)),
        _H("物品堆放", "堆垛稳固，“五距”符合要求，堆高≤2m",
          "堆垛过高倒塌", "31", "砸伤",
          ("物体打击", "坍塌"), lec("3", "6", "7"), lec("1", "6", "7"), (
              mgt("仓库定置图上墙，按区限高堆放"), _P_SHOES)),
        _H("人车分流", "划定人行通道与叉车通道，交叉口设凸面镜",
          "人车混行", "31", "车辆伤害",
          ("车辆伤害",), lec("3", "6", "15"), lec("1", "6", "15"), (
              eng("划设人行通道，交叉口设凸面镜"), mgt("叉车作业时无关人员不得进入作业区"))),
    )),
    RiskPointSpec("FX-CK-005", "货车装卸作业", _ACT, "CK", "仓库装卸平台", (
        _H("车辆停靠", "", "货车未熄火、未垫三角木", "12", "溜车",
          ("车辆伤害",), lec("3", "3", "15"), lec("1", "3", "15"), (
              mgt("装卸前货车熄火、拉手刹、垫三角木，司机离开驾驶室"), eng("装卸平台配置车轮止退器"), _E_VEH)),
        _H("车厢上作业", "", "人员在车厢边缘作业", "12", "坠落",
          ("高处坠落",), lec("3", "3", "7"), lec("1", "3", "7"), (
              mgt("尽量地面作业，车厢上作业时站稳并有人监护"), _E_FALL)),
        _H("钢材吊装", "", "钢材捆扎不牢滑落", "21", "砸伤",
          ("物体打击", "起重伤害"), lec("3", "3", "15"), lec("1", "3", "15"), (
              mgt("钢材双点捆扎，使用吊带"), _P_HELMET)),
    ), activity_content="货车到厂装卸钢材、板料，成品装车发货", activity_frequency="每天1～3车"),
)  # fmt: skip

_WH: tuple[RiskPointSpec, ...] = (
    RiskPointSpec("FX-WH-001", "危化品库（油漆、稀释剂）", _PL, "WH", "危化品库", (
        _H("防爆电气", "库内照明、通风为防爆型，开关设在库外",
          "库内使用非防爆灯具和开关", "21", "电火花引燃可燃蒸气",
          ("火灾", "其他爆炸"), ls("4", "5"), ls("2", "5"), (
              eng("库内照明、排风扇采用防爆型，开关移至库外"), mgt("电工每季度检查防爆电气"), _E_FIRE)),
        _H("储存量及分类", "分类存放，储存量不超过设计量，台账账物相符",
          "超量存放、禁忌物混存", "43", "火灾",
          ("火灾",), ls("3", "5"), ls("2", "4"), (
              mgt("建立危化品出入库台账，每月盘点"), _T_CHEM)),
        _H("泄漏收集", "设置防泄漏托盘、门槛及吸附棉",
          "泄漏扩散", "22", "环境污染、火灾",
          ("火灾",), ls("3", "4"), ls("2", "3"), (
              eng("设置15cm门槛和防泄漏托盘"), _E_CHEM)),
        _H("通风与温度", "机械通风良好，夏季库温≤30℃",
          "高温时溶剂挥发", "31", "中毒、火灾",
          ("中毒和窒息", "火灾"), ls("3", "4"), ls("2", "4"), (
              eng("设防爆排风扇，屋顶隔热"), mgt("夏季每日记录库温"))),
    ), responsible="吕芳"),
    RiskPointSpec("FX-WH-002", "危化品出入库及领用作业", _ACT, "WH", "危化品库", (
        _H("搬运", "", "容器倾倒泄漏", "12", "泄漏着火",
          ("火灾",), ls("3", "4"), ls("2", "4"), (
              mgt("使用专用推车搬运，轻拿轻放"), _E_CHEM)),
        _H("开桶分装", "", "使用铁器敲击开桶", "12", "火花引燃",
          ("火灾",), ls("3", "5"), ls("2", "5"), (
              eng("配置铜制防爆工具"), _T_CHEM, _E_FIRE)),
        _H("领用登记", "", "领用无登记、超量领用", "43", "现场超量存放",
          ("火灾",), ls("3", "3"), ls("2", "3"), (
              mgt("凭领料单限量发放，当班余料退库"), mgt("仓储部每月核对领用台账与库存"))),
    ), activity_content="油漆、稀释剂、切削液入库验收、保管、发放和搬运", activity_frequency="每天", responsible="吕芳"),
    RiskPointSpec("FX-WH-003", "危险废物暂存间", _PL, "WH", "危化品库北侧", (
        _H("分类贮存", "废漆渣、废油漆桶、废切削液分类密闭贮存，设置危废标识",
          "危废混存泄漏", "22", "火灾、环境污染",
          ("火灾",), ls("3", "4"), ls("2", "3"), (
              mgt("建立危废台账，委托有资质单位处置"), eng("设置危险废物标识牌"))),
        _H("防渗防流失", "地面防渗，设置截流沟和收集井",
          "渗漏", "22", "污染、接触中毒",
          ("中毒和窒息",), ls("2", "3"), ls("1", "3"), (
              eng("地面环氧防渗处理"), _E_CHEM)),
    ), responsible="吕芳"),
)  # fmt: skip

_GY: tuple[RiskPointSpec, ...] = (
    RiskPointSpec("FX-GY-001", "配电房", _PL, "GY", "公用工程区配电房", (
        _H("防小动物", "门口设置≥50cm挡鼠板，电缆孔洞封堵",
          "小动物进入造成短路", "21", "停电、电气火灾",
          ("火灾", "触电"), ls("3", "4"), ls("2", "4"), (
              eng("设置挡鼠板，电缆孔洞用防火泥封堵"), mgt("电工每日巡检"))),
        _H("绝缘用具", "绝缘垫、绝缘手套、验电器齐全并每半年检验",
          "绝缘用具过期失效", "43", "触电",
          ("触电",), ls("3", "5"), ls("2", "5"), (
              mgt("绝缘用具每半年送检，合格标签在有效期内"), _P_ELEC, _E_ELEC)),
        _H("倒闸操作", "倒闸操作执行操作票，一人操作一人监护",
          "误操作", "12", "触电、电弧灼伤",
          ("触电", "灼烫"), ls("4", "5"), ls("2", "5"), (
              mgt("执行操作票、工作票制度"), _T_SPECIAL, _E_ELEC)),
        _H("消防", "配置二氧化碳灭火器，室内无杂物",
          "灭火器配置不当", "43", "电气火灾扩大",
          ("火灾",), ls("2", "4"), ls("1", "4"), (mgt("配置二氧化碳灭火器，每月检查"), _E_FIRE)),
    ), department="设备部", responsible="许文军"),
    RiskPointSpec("FX-GY-002", "螺杆空压机", _EQ, "GY", "公用工程区空压站", (
        _H("安全阀及压力表", "安全阀每年、压力表每半年校验，在有效期内",
          "安全阀、压力表校验过期", "21", "超压时无法泄压",
          ("容器爆炸",), lec("1", "6", "15"), lec("0.5", "6", "15"), (
              mgt("安全附件校验台账，到期前送检"), _E_BURST)),
        _H("联轴器防护", "皮带、联轴器防护罩完好",
          "防护罩缺失", "21", "卷入",
          ("机械伤害",), lec("3", "3", "7"), lec("1", "3", "7"), (eng("联轴器全封闭防护"), _E_MECH)),
        _H("噪声", "空压站设隔声门，进入佩戴耳塞",
          "噪声超标", "21", "噪声聋",
          ("其他伤害",), lec("3", "6", "3"), lec("1", "6", "3"), (eng("设置隔声门和吸声墙面"), _P_EARS)),
    ), asset_no="GY-KY-01～02", model_spec="BLT-50A 37kW", responsible="邓刚", department="维修班"),
    RiskPointSpec("FX-GY-003", "储气罐（压力容器）", _EQ, "GY", "公用工程区空压站室外", (
        _H("定期检验", "压力容器按期检验，使用登记证齐全",
          "超期未检", "43", "容器爆炸",
          ("容器爆炸",), lec("1", "6", "40"), lec("0.5", "6", "40"), (
              mgt("纳入特种设备台账，到期前1个月申报检验"), _T_SPECIAL_EQ, _E_BURST),
          previous=lec("1", "6", "40")),
        _H("排污", "每班排污，防止积水腐蚀",
          "排污阀锈死，罐内积液腐蚀", "21", "容器壁减薄破裂",
          ("容器爆炸",), lec("1", "6", "15"), lec("0.5", "6", "15"), (
              eng("加装自动排水器"), mgt("每班手动排污并记录"))),
        _H("安全阀", "安全阀整定压力0.8MPa，每年校验，铅封完好",
          "安全阀失效", "21", "超压爆炸",
          ("容器爆炸",), lec("1", "6", "40"), lec("0.5", "6", "40"), (
              mgt("安全阀每年校验"), _E_BURST)),
    ), asset_no="GY-CQ-01", model_spec="C-2.0/0.8（2m³，0.8MPa）", responsible="邓刚", department="维修班"),
    RiskPointSpec("FX-GY-004", "电气设备检修作业", _ACT, "GY", "配电房及全厂", (
        _H("停电验电", "", "未停电、未验电即作业", "12", "触电",
          ("触电",), lec("6", "3", "15"), lec("1", "3", "15"), (
              mgt("执行停电、验电、挂接地线程序"), _T_SPECIAL, _P_ELEC, _E_ELEC)),
        _H("上锁挂牌", "", "未执行上锁挂牌，他人误送电", "43", "触电",
          ("触电",), lec("6", "3", "15"), lec("3", "3", "15"), (
              mgt("执行上锁挂牌（LOTO）管理制度"), eng("配置个人安全锁和锁具箱", planned=True), _E_ELEC),
          suggested="为每名电工配置个人安全锁和锁具箱"),
        _H("带电作业", "", "特殊情况带电作业无人监护", "12", "触电",
          ("触电",), lec("3", "3", "15"), lec("1", "3", "15"), (
              mgt("原则上禁止带电作业，确需时经设备部批准并专人监护"), _P_ELEC)),
    ), activity_content="低压配电系统及生产设备电气检修、接线、更换元器件", activity_frequency="每周",
       department="维修班", responsible="许文军"),
    RiskPointSpec("FX-GY-005", "设备维修作业", _ACT, "GY", "全厂生产设备", (
        _H("停机断电", "", "维修时未停机断电挂牌", "43", "设备误启动卷入",
          ("机械伤害",), lec("3", "6", "15"), lec("1", "6", "15"), (_M_LOTO, _T_OPS, _E_MECH)),
        _H("拆装部件", "", "拆装重部件无支撑", "21", "部件坠落砸伤",
          ("物体打击",), lec("3", "3", "7"), lec("1", "3", "7"), (
              mgt("重部件拆装使用吊具或支撑"), _P_HELMET)),
        _H("维修后试车", "", "试车前未通知、未撤离人员", "43", "设备运转伤人",
          ("机械伤害",), lec("3", "3", "15"), lec("1", "3", "15"), (
              mgt("试车前清点人员工具，通知操作工"), _E_MECH)),
    ), activity_content="生产设备机械故障维修、定期保养", activity_frequency="每天",
       department="维修班", responsible="邓刚"),
    RiskPointSpec("FX-GY-006", "登高检修作业", _ACT, "GY", "全厂", (
        _H("作业审批", "", "未办理高处作业许可", "43", "坠落",
          ("高处坠落",), lec("3", "2", "15"), lec("1", "2", "15"), (
              mgt("执行高处作业审批制度，作业前确认安全措施"), edu("开展高处作业安全培训"), _E_FALL)),
        _H("登高工具", "", "梯子不稳、无防滑，人字梯无限位拉链", "21", "坠落",
          ("高处坠落",), lec("3", "2", "15"), lec("1", "2", "15"), (
              eng("配置带防滑脚和限位拉链的绝缘梯、移动登高平台"), _E_FALL)),
        _H("安全带", "", "未系安全带或低挂高用", "12", "坠落死亡",
          ("高处坠落",), lec("6", "2", "15"), lec("1", "2", "15"), (_P_HARNESS, _E_FALL)),
        _H("工具材料", "", "工具材料上下抛掷", "12", "落物砸伤下方人员",
          ("物体打击",), lec("3", "2", "7"), lec("1", "2", "7"), (
              mgt("工具系防坠绳，下方设警戒区"), _P_HELMET)),
    ), activity_content="设备顶部、行车、屋顶照明等2m以上检修作业", activity_frequency="每月2～3次",
       department="维修班", responsible="许文军"),
)  # fmt: skip

RISK_POINTS: tuple[RiskPointSpec, ...] = _JJ + _CY + _HJ + _PT + _ZP + _CK + _WH + _GY

RECORD_REVIEWER = "周海涛"
"""审核人 of the JHA/SCL records: the 生产部部长, who runs the workshops the risk points are in."""
RECORD_APPROVER = "顾建华"
"""审定人: the 主要负责人, who answers for the 双重预防机制 (安全生产法 2021)."""
REVIEWED_DAYS_AFTER = 3
APPROVED_DAYS_AFTER = 5
"""Days after the annual identification on which the records were reviewed and approved."""
REEVALUATION_REVIEWED_DAYS_AFTER = 2
"""A record changed by a later re-evaluation is reviewed again this many days after it and waits
for its new 审定 (so the demo shows a record half signed off)."""

# --- checks ------------------------------------------------------------------------------------

_C, _S = CheckType.COMPREHENSIVE, CheckType.SEASONAL
_Q = CheckFrequency.QUARTERLY

FREE_CHECK_ITEMS: tuple[FreeCheckItemSpec, ...] = (
    FreeCheckItemSpec("duty", "全员安全生产责任制建立、逐级签订并公示", "《安全生产法》第二十二条",
                      "查阅资料", _C, _Q),
    FreeCheckItemSpec("certificates", "特种作业人员、特种设备作业人员持证上岗，证件在有效期内",
                      "《工贸企业重大事故隐患判定标准》第三条", "查阅台账、现场核对证件", _C, _Q),
    FreeCheckItemSpec("contractors", "外来施工、维修单位签订安全管理协议，进行安全交底并现场监督",
                      "《工贸企业重大事故隐患判定标准》第三条", "查阅协议和交底记录", _C, _Q),
    FreeCheckItemSpec("drills", "应急预案备案，每年至少一次综合或专项演练，每半年至少一次现场处置方案演练",
                      "《生产安全事故应急预案管理办法》第三十三条", "查阅演练记录", _C, _Q),
    FreeCheckItemSpec("lightning", "防雷、防静电接地装置经检测合格，在有效期内", "GB 50057",
                      "查阅检测报告、现场查看", _S, _Q, ("spring", "summer", "autumn", "winter")),
    FreeCheckItemSpec("heat", "作业场所通风降温设施运行正常，防暑降温用品发放到位", "《防暑降温措施管理办法》",
                      "现场查看、查阅发放记录", _S, _Q, ("summer",)),
    FreeCheckItemSpec("flood", "厂区排水沟、雨水井畅通，防汛物资（沙袋、潜水泵）到位", "公司防汛应急预案",
                      "现场查看", _S, _Q, ("spring", "summer")),
    FreeCheckItemSpec("heating", "取暖设备用电安全，严禁私拉乱接电热器具", "公司用电安全管理制度",
                      "现场查看", _S, _Q, ("autumn", "winter")),
    FreeCheckItemSpec("freeze", "室外消防管道防冻保温，道路积雪结冰及时清除", "GB 50974",
                      "现场查看", _S, _Q, ("winter",)),
    FreeCheckItemSpec("fire", "消防设施器材完好，疏散通道、安全出口畅通", "《消防法》第十六条",
                      "现场查看", _S, _Q, ("spring", "summer", "autumn", "winter")),
)  # fmt: skip

SEASONS: tuple[SeasonSpec, ...] = (
    SeasonSpec("spring", (3, 4, 5), "春季安全检查（防火、防雷、防汛准备、设备春检）"),
    SeasonSpec("summer", (6, 7, 8), "夏季“四防”安全检查（防暑降温、防汛、防雷电、防台风）"),
    SeasonSpec("autumn", (9, 10, 11), "秋季安全检查（防火、防雷、设备秋检）"),
    SeasonSpec("winter", (12, 1, 2), "冬季“四防”安全检查（防火、防冻、防滑、防中毒）"),
)


def season_for(month: int) -> SeasonSpec:
    for season in SEASONS:
        if month in season.months:
            return season
    raise ValueError(f"no season for month {month}")


_E, _M, _P = ControlMeasureCategory.ENGINEERING, ControlMeasureCategory.MANAGEMENT, ControlMeasureCategory.PPE
_TR, _EM = ControlMeasureCategory.TRAINING, ControlMeasureCategory.EMERGENCY
_PER_SHIFT, _WEEKLY, _MONTHLY = CheckFrequency.PER_SHIFT, CheckFrequency.WEEKLY, CheckFrequency.MONTHLY

CHECK_PLANS: tuple[CheckPlanSpec, ...] = (
    CheckPlanSpec("jj_shift", "机加工车间岗位每班检查", CheckType.DAILY, ControlTier.POST, _PER_SHIFT,
                  "机加工车间", "JJ", "吴志强", ("吴志强",), tuple(range(-90, 1)),
                  missed=(-47, -23), item_areas=("JJ",), item_categories=(_E, _P), per_risk_point=2,
                  max_items=10, note="每班开工前由当班班长按清单检查，发现问题当场登记"),
    CheckPlanSpec("pt_shift", "喷涂车间岗位每班检查", CheckType.DAILY, ControlTier.POST, _PER_SHIFT,
                  "喷涂车间", "PT", "林强", ("林强",), tuple(range(-14, 1)),
                  item_areas=("PT",), item_categories=(_E, _M, _P), per_risk_point=2, max_items=10),
    CheckPlanSpec("cy_week", "冲压车间班组周检", CheckType.DAILY, ControlTier.TEAM, _WEEKLY,
                  "冲压车间", "CY", "刘建军", ("刘建军", "赵鹏"),
                  (*range(-113, 0, 7), 6), missed=(-50,), left_open=(-1,),
                  item_areas=("CY",), item_categories=(_E, _M, _P), per_risk_point=3, max_items=14),
    CheckPlanSpec("workshop_month", "生产车间月度安全检查", CheckType.COMPREHENSIVE, ControlTier.WORKSHOP, _MONTHLY,
                  "生产部", "", "周海涛", ("周海涛", "陆婷"), (-95, -65, -35, -5, 25),
                  item_areas=("JJ", "CY", "HJ", "PT", "ZP"), item_categories=(_M, _TR, _EM), per_risk_point=1,
                  max_items=16),
    CheckPlanSpec("company_quarter", "公司季度综合检查", CheckType.COMPREHENSIVE, ControlTier.COMPANY, _Q,
                  "安全环保部", "", "沈立明", ("严志明", "沈立明", "陆婷", "周海涛", "曹建国"),
                  (-112, -22, 69), company_tier_only=True, item_levels=(RiskLevel.SIGNIFICANT,),
                  per_risk_point=2, max_items=24, free_items=("duty", "certificates", "contractors", "drills"),
                  note="由分管安全副总经理带队，各部门负责人参加；重大风险另按月检查（公司级重大风险月度检查）"),
    CheckPlanSpec("seasonal", "", CheckType.SEASONAL, ControlTier.COMPANY, _Q,
                  "安全环保部", "", "陆婷", ("陆婷", "曹建国"), (-12, 78),
                  item_areas=("WH", "GY"), item_categories=(_E,), per_risk_point=1, max_items=6,
                  seasonal_free_items=True),
    CheckPlanSpec("electrical", "电气及特种设备专项检查", CheckType.SPECIALIST, ControlTier.COMPANY,
                  CheckFrequency.HALF_YEARLY, "设备部", "", "曹建国", ("曹建国", "许文军"), (-88, 95),
                  item_areas=("GY", "ZP", "CK"), item_risk_points=("FX-GY-001", "FX-GY-002", "FX-GY-003",
                  "FX-ZP-001", "FX-CK-001", "FX-ZP-004"), item_categories=(_E, _M), per_risk_point=3, max_items=16,
                  note="特种作业人员持证情况由公司季度综合检查按季度核查"),
    CheckPlanSpec("major_month", "公司级重大风险月度检查", CheckType.COMPREHENSIVE, ControlTier.COMPANY, _MONTHLY,
                  "安全环保部", "", "沈立明", ("沈立明", "曹建国"), (-110, -80, -50, -20, 10),
                  company_tier_only=True, item_levels=(RiskLevel.MAJOR,), per_risk_point=4, max_items=20,
                  note="按排查频次表，重大风险的管控措施由公司每月检查一次；安全环保部牵头，设备部参加"),
)  # fmt: skip

# --- hidden dangers ----------------------------------------------------------------------------

_HS = HiddenDangerSource
_ST = HiddenDangerStatus
_SITE, _MGMT = HiddenDangerCategory.SITE, HiddenDangerCategory.MANAGEMENT
_TOWN = "丰泽镇应急管理办公室安全生产检查"

MAJOR_REMEDIATION = RemediationSpec(
    goal_and_tasks="在喷漆房、调漆间设置固定式可燃气体检测报警装置并与机械排风联锁，消除重大事故隐患，"
    "经验收合格后恢复溶剂型涂料喷涂作业。",
    methods_and_measures="1. 委托有资质单位设计：喷漆房设2个、调漆间设1个防爆型可燃气体探测器，控制器设在值班室；"
    "2. 报警值设定为爆炸下限的25%（一级）和50%（二级），一级报警自动启动备用排风机，二级报警切断喷涂供气和非防爆电源；"
    "3. 排风机与喷涂供气联锁，排风不启动不能喷涂；4. 施工完成后组织联调和第三方检测。",
    funds_and_materials="治理资金6.8万元（设备4.2万元、安装调试1.6万元、检测1.0万元），已列入本年度安全生产费用；"
    "物资：防爆可燃气体探测器3台、报警控制器1台、防爆排风机1台及联锁控制柜。",
    organisation_and_people="治理领导小组组长：顾建华（总经理）；副组长：严志明；成员：曹建国（设备部，具体实施）、"
    "沈立明（安全环保部，监督验收）、黄志勇（喷涂车间，现场管控）。",
    timeline_and_requirements="方案批准后15日内完成设计和设备采购，30日内完成安装，45日内完成联调、检测和验收；"
    "施工期间喷漆房停止溶剂型涂料作业，动火施工须办理动火作业许可。",
    safety_and_emergency="治理期间执行临时管控措施；施工前清除喷漆房内全部油漆和稀释剂，动火前检测可燃气体浓度；"
    "修订《喷涂车间火灾爆炸事故现场处置方案》，完工后组织一次演练。",
    plan_approved_after=5,
    reported_to="丰泽镇应急管理办公室、武进区应急管理局",
    reported_after=1,
)

HIDDEN_DANGERS: tuple[HiddenDangerSpec, ...] = (
    HiddenDangerSpec(112, _HS.CHECK, "严志明、沈立明、陆婷", "JJ", "FX-JJ-005", "机加工车间刃磨区砂轮机",
                     "砂轮机防护罩上部开口角度过大（约80°），工件托架与砂轮间隙约8mm", _SITE,
                     ("物体打击", "机械伤害"), "调整防护罩护板，使上部开口≤65°；调整托架间隙至3mm以内", "设备部", "邓刚",
                     3, 200, _ST.CLOSED, OwnerTier.TEAM, check_plan="company_quarter", completed_after=2,
                     acceptor="钱国平", accepted_after=3, photo=SceneKind.MACHINE_GUARD),
    HiddenDangerSpec(110, _HS.WORKER_REPORT, "赵鹏", "CY", "FX-CY-001", "冲压车间3号压力机（CY-YL-03）",
                     "3号压力机光电保护装置遮光后滑块仍能下行，光电保护失灵", _SITE, ("机械伤害",),
                     "更换光电保护控制器并重新接入离合器控制回路，试棒测试合格后恢复使用", "设备部", "许文军",
                     1, 1800, _ST.CLOSED, OwnerTier.WORKSHOP, completed_after=1, acceptor="张卫东", accepted_after=1,
                     interim_measures="停用3号压力机，挂“禁止启动”警示牌", photo=SceneKind.MACHINE_GUARD),
    HiddenDangerSpec(106, _HS.CHECK, "刘建军、赵鹏", "CY", "FX-CY-006", "冲压车间成品暂存区",
                     "冲压件成品堆放高度约2.2m，超过1.5m限高要求", _SITE, ("物体打击", "坍塌"),
                     "当场将成品分垛至1.5m以下", "冲压班", "刘建军", 1, 0, _ST.CLOSED, check_plan="cy_week",
                     immediate=True, completed_after=0, acceptor="张卫东", accepted_after=0),
    HiddenDangerSpec(104, _HS.SELF_FOUND, "陆婷", "HJ", "FX-HJ-002", "焊接车间气割区",
                     "气割区氧气瓶与乙炔瓶间距不足3m，乙炔瓶未固定", _SITE, ("容器爆炸", "火灾"),
                     "当场将乙炔瓶移至5m外并用链条固定", "焊接班", "王海", 1, 0, _ST.CLOSED, immediate=True,
                     completed_after=0, acceptor="陈永刚", accepted_after=0, photo=SceneKind.GAS_CYLINDERS),
    HiddenDangerSpec(95, _HS.CHECK, "周海涛、陆婷", "CY", "", "冲压车间",
                     "新入职冲压工2名，三级安全教育记录不全（缺车间级、班组级培训签字）", _MGMT, ("机械伤害",),
                     "补充车间级、班组级安全教育并考核，完善培训档案", "安全环保部", "陆婷", 7, 0, _ST.CLOSED,
                     OwnerTier.COMPANY, check_plan="workshop_month", completed_after=5, acceptor="沈立明",
                     accepted_after=6),
    HiddenDangerSpec(93, _HS.EXTERNAL, "镇应急办检查组", "WH", "FX-WH-001", "危化品库",
                     "危化品库内照明灯具和开关为非防爆型", _SITE, ("火灾", "其他爆炸"),
                     "更换为防爆灯具，开关移至库外", "设备部", "许文军", 10, 2600, _ST.CLOSED, OwnerTier.COMPANY,
                     source_detail=_TOWN, basis="GB 50058《爆炸危险环境电力装置设计规范》", completed_after=6,
                     acceptor="沈立明", accepted_after=7, photo=SceneKind.ELECTRIC_BOX),
    HiddenDangerSpec(93, _HS.EXTERNAL, "镇应急办检查组", "", "", "安全环保部",
                     "未按规定每半年组织一次现场处置方案演练，近一年无演练记录", _MGMT, ("火灾", "机械伤害"),
                     "制定年度演练计划，组织火灾和机械伤害现场处置方案演练并评估", "安全环保部", "沈立明", 30, 1500,
                     _ST.CLOSED, OwnerTier.COMPANY, source_detail=_TOWN,
                     basis="《生产安全事故应急预案管理办法》第三十三条", completed_after=21, acceptor="顾建华",
                     accepted_after=23),
    HiddenDangerSpec(89, _HS.CHECK, "吴志强", "JJ", "FX-JJ-002", "机加工车间5号数控车床（JJ-SK-05）",
                     "5号数控车床防护门安全联锁开关被短接，开门可运转", _SITE, ("机械伤害",),
                     "恢复联锁回路，更换防拆型联锁开关，对责任人进行教育", "维修班", "许文军", 1, 380, _ST.CLOSED,
                     OwnerTier.WORKSHOP, check_plan="jj_shift", completed_after=1, acceptor="钱国平", accepted_after=1),
    HiddenDangerSpec(88, _HS.CHECK, "曹建国、许文军", "GY", "FX-GY-001", "配电房",
                     "配电房门口挡鼠板缺失，电缆沟进线孔洞未封堵", _SITE, ("火灾", "触电"),
                     "安装50cm高挡鼠板，用防火泥封堵孔洞", "维修班", "冯伟", 3, 300, _ST.CLOSED, OwnerTier.TEAM,
                     check_plan="electrical", completed_after=2, acceptor="曹建国", accepted_after=2),
    HiddenDangerSpec(84, _HS.SELF_FOUND, "宋丽娟", "CK", "FX-CK-003", "原料仓库3排货架",
                     "3排货架立柱被叉车撞击变形（约15mm），货架仍在使用", _SITE, ("坍塌",),
                     "卸空该排货物，更换变形立柱并加装防撞护角", "设备部", "邓刚", 5, 1500, _ST.CLOSED,
                     OwnerTier.WORKSHOP, completed_after=7, rejected_after=5, acceptor="宋丽娟", accepted_after=8,
                     conclusion="第二次复查：立柱已更换、防撞护角已安装，同意销号。",
                     interim_measures="该排货架卸空停用，设置警戒带", photo=SceneKind.RACK,
                     note="首次验收仅加装护角、未更换变形立柱，验收不通过"),
    HiddenDangerSpec(80, _HS.WORKER_REPORT, "唐磊", "ZP", "FX-ZP-001", "装配车间1号行车",
                     "1号行车吊钩防脱钩装置弹簧断裂失效", _SITE, ("起重伤害",),
                     "更换吊钩防脱钩装置", "维修班", "邓刚", 1, 80, _ST.CLOSED, OwnerTier.TEAM, completed_after=1,
                     acceptor="蒋春华", accepted_after=1, interim_measures="1号行车停用",
                     photo=SceneKind.CRANE_HOOK),
    HiddenDangerSpec(78, _HS.CHECK, "刘建军、赵鹏", "CY", "FX-CY-003", "冲压车间2号剪板机",
                     "2号剪板机后部防护栏缺失，人员可进入后挡料区", _SITE, ("物体打击", "机械伤害"),
                     "制作安装1.2m高防护栏", "维修班", "邓刚", 7, 900, _ST.CLOSED, check_plan="cy_week",
                     completed_after=5, acceptor="张卫东", accepted_after=6),
    HiddenDangerSpec(70, _HS.CHECK, "吴志强", "JJ", "FX-JJ-007", "机加工车间车床区主通道",
                     "车床区主通道被周转箱占用约1/2宽度", _SITE, ("其他伤害", "车辆伤害"),
                     "当场清理周转箱至定置区", "车工班", "吴志强", 1, 0, _ST.CLOSED, check_plan="jj_shift",
                     immediate=True, completed_after=0, acceptor="钱国平", accepted_after=0, photo=SceneKind.AISLE),
    HiddenDangerSpec(66, _HS.SELF_FOUND, "黄志勇", "PT", "FX-PT-002", "喷涂车间调漆间",
                     "调漆间灭火器压力不足", _SITE, ("火灾",), "更换灭火器", "喷涂班", "林强", 1, 0, _ST.VOID,
                     void_after=1, void_reason="经复核灭火器压力表指针在绿区，系误判，登记作废"),
    HiddenDangerSpec(65, _HS.CHECK, "周海涛、陆婷", "HJ", "", "焊接车间",
                     "电焊工杨帆特种作业操作证（焊接与热切割作业）已超过复审期限", _MGMT, ("触电", "火灾"),
                     "安排参加复审培训考核，复审前停止其焊接作业", "焊接车间", "陈永刚", 30, 600, _ST.CLOSED,
                     OwnerTier.COMPANY, check_plan="workshop_month", basis="《特种作业人员安全技术培训考核管理规定》",
                     completed_after=20, acceptor="沈立明", accepted_after=21),
    HiddenDangerSpec(62, _HS.EXTERNAL, "安泰安全技术咨询公司", "GY", "FX-GY-003", "空压站储气罐",
                     "储气罐安全阀校验已超期2个月", _SITE, ("容器爆炸",),
                     "拆下安全阀送检，检验期间安装备用已校验安全阀", "维修班", "邓刚", 7, 450, _ST.CLOSED,
                     OwnerTier.WORKSHOP, source_detail="第三方安全服务机构（常州安泰安全技术咨询有限公司）诊断",
                     basis="TSG 21-2016《固定式压力容器安全技术监察规程》", completed_after=4, acceptor="曹建国",
                     accepted_after=5),
    HiddenDangerSpec(60, _HS.SELF_FOUND, "彭涛", "CK", "FX-CK-001", "2号叉车（CK-CC-02）",
                     "2号叉车倒车报警器损坏不响", _SITE, ("车辆伤害",), "更换倒车报警器", "维修班", "许文军", 2, 120,
                     _ST.CLOSED, completed_after=1, acceptor="宋丽娟", accepted_after=1,
                     interim_measures="2号叉车停用，改用1号叉车"),
    HiddenDangerSpec(57, _HS.SELF_FOUND, "陆婷", "ZP", "", "装配车间",
                     "应急照明灯不亮", _SITE, ("其他伤害",), "更换电池", "维修班", "冯伟", 3, 0, _ST.VOID,
                     void_after=0, void_reason="录入时区域和描述不完整，已作废并重新登记"),
    HiddenDangerSpec(57, _HS.SELF_FOUND, "陆婷", "ZP", "FX-ZP-006", "装配车间东侧安全出口",
                     "装配车间东侧安全出口上方应急照明灯蓄电池失效，断电测试不亮", _SITE, ("其他伤害",),
                     "更换应急照明灯蓄电池，全厂应急照明逐一断电测试", "维修班", "冯伟", 3, 260, _ST.CLOSED,
                     completed_after=2, acceptor="蒋春华", accepted_after=3),
    HiddenDangerSpec(50, _HS.WORKER_REPORT, "杨帆", "HJ", "FX-HJ-003", "焊接车间3号焊接工位",
                     "3号工位移动式焊烟净化器吸气臂破损漏气", _SITE, ("中毒和窒息",),
                     "更换吸气臂软管", "维修班", "邓刚", 3, 350, _ST.CLOSED, completed_after=2, acceptor="陈永刚",
                     accepted_after=2),
    HiddenDangerSpec(45, _HS.EXTERNAL, "镇应急办执法检查组", "PT", "FX-PT-001", "喷涂车间喷漆房、调漆间",
                     "喷漆房、调漆间使用溶剂型涂料，未设置固定式可燃气体浓度检测报警装置，机械排风未与报警联锁",
                     _SITE, ("其他爆炸", "火灾"), "设置固定式可燃气体检测报警装置并与机械排风、喷涂供气联锁，"
                     "经第三方检测合格后恢复作业", "设备部", "曹建国", 60, 68000, _ST.RECTIFYING, None,
                     HiddenDangerLevel.MAJOR, source_detail="丰泽镇应急管理办公室执法检查",
                     basis="《工贸企业重大事故隐患判定标准》（应急管理部令第10号）第七条", started_after=6,
                     standard_item="7-7",
                     interim_measures="喷漆房停止溶剂型涂料喷涂，产品临时外协喷涂；调漆间油漆、稀释剂全部退回危化品库；"
                     "每班用便携式可燃气体检测仪检测并记录；严禁一切火源，设置警戒标识",
                     photo=SceneKind.SPRAY_BOOTH, remediation=MAJOR_REMEDIATION),
    HiddenDangerSpec(35, _HS.CHECK, "周海涛、陆婷", "PT", "FX-PT-002", "喷涂车间调漆间",
                     "调漆间存放稀释剂12桶，超过当班用量", _SITE, ("火灾",),
                     "当场将多余稀释剂退回危化品库", "喷涂班", "林强", 1, 0, _ST.CLOSED, check_plan="workshop_month",
                     immediate=True, completed_after=0, acceptor="黄志勇", accepted_after=0),
    HiddenDangerSpec(33, _HS.SELF_FOUND, "许文军", "JJ", "FX-JJ-002", "机加工车间2号配电箱",
                     "2号配电箱门未关闭，箱内积尘较多", _SITE, ("触电", "火灾"), "当场清扫并关闭上锁",
                     "维修班", "冯伟", 1, 0, _ST.CLOSED, immediate=True, completed_after=0, acceptor="曹建国",
                     accepted_after=0),
    HiddenDangerSpec(29, _HS.CHECK, "刘建军、赵鹏", "CY", "FX-CY-004", "冲压车间2号压力机（CY-YL-02）",
                     "2号压力机脚踏开关防护罩缺失", _SITE, ("机械伤害",), "采购安装脚踏开关防护罩", "维修班", "邓刚",
                     3, 150, _ST.RECTIFYING, OwnerTier.WORKSHOP, check_plan="cy_week",
                     interim_measures="拆除脚踏开关，改用双手按钮操作", note="配件采购周期较长，已催货"),
    HiddenDangerSpec(28, _HS.WORKER_REPORT, "孙磊", "JJ", "FX-JJ-001", "机加工车间1号普通车床（JJ-CC-01）",
                     "1号普通车床卡盘防护罩联锁开关损坏，打开防护罩仍可启动", _SITE, ("机械伤害",),
                     "更换联锁行程开关", "维修班", "许文军", 2, 90, _ST.CLOSED, OwnerTier.WORKSHOP,
                     completed_after=3, acceptor="钱国平", accepted_after=4, interim_measures="1号车床停用",
                     note="联锁开关需外购，较整改期限延迟1天完成"),
    HiddenDangerSpec(26, _HS.EXTERNAL, "消防救援大队防火检查组", "CK", "FX-CK-004", "成品仓库西侧",
                     "成品仓库西侧室内消火栓前堆放成品包装箱", _SITE, ("火灾",), "清理消火栓前堆放物，地面划禁停区",
                     "仓储部", "吕芳", 1, 0, _ST.CLOSED, source_detail="武进区消防救援大队防火检查",
                     completed_after=1, acceptor="宋丽娟", accepted_after=1),
    HiddenDangerSpec(22, _HS.CHECK, "严志明、沈立明、陆婷", "CY", "FX-CY-006", "冲压车间",
                     "冲压车间3名员工作业时未佩戴耳塞", _SITE, ("其他伤害",),
                     "班前会重新培训，补发耳塞，班组长每班检查", "冲压班", "刘建军", 3, 0, _ST.CLOSED,
                     check_plan="company_quarter", completed_after=2, acceptor="张卫东", accepted_after=3),
    HiddenDangerSpec(21, _HS.SELF_FOUND, "曹建国", "GY", "FX-GY-003", "空压站储气罐",
                     "储气罐底部排污阀锈蚀无法开启，罐内积水", _SITE, ("容器爆炸",),
                     "更换排污阀并加装自动排水器", "维修班", "邓刚", 7, 260, _ST.RECTIFYING, OwnerTier.WORKSHOP,
                     interim_measures="每班打开旁路阀排水，降低工作压力至0.6MPa"),
    HiddenDangerSpec(15, _HS.WORKER_REPORT, "唐磊", "ZP", "FX-ZP-001", "装配车间2号行车",
                     "2号行车起升高度限位器动作不灵，试验时吊钩接近卷筒才停止", _SITE, ("起重伤害",),
                     "检修或更换起升高度限位器，空载试验合格后恢复使用", "维修班", "许文军", 3, 0, _ST.PENDING,
                     OwnerTier.WORKSHOP, interim_measures="2号行车停用，挂“禁止使用”牌，改用1号行车吊运"),
    HiddenDangerSpec(12, _HS.EXTERNAL, "保险公司风险查勘人员", "WH", "FX-WH-003", "危险废物暂存间",
                     "危险废物暂存间未设置防渗漏托盘和截流沟", _SITE, ("火灾", "中毒和窒息"),
                     "设置防渗漏托盘、截流沟和收集井", "仓储部", "吕芳", 10, 4500, _ST.PENDING, OwnerTier.COMPANY,
                     source_detail="安全生产责任保险事故预防服务（保险公司委托第三方查勘）"),
    HiddenDangerSpec(6, _HS.SELF_FOUND, "陆婷", "HJ", "FX-HJ-006", "焊接车间东侧动火区",
                     "动火区域5m内堆放纸箱、包装木托等可燃物", _SITE, ("火灾",), "清理可燃物，划定动火区域",
                     "焊接班", "王海", 7, 0, _ST.PENDING),
    HiddenDangerSpec(5, _HS.CHECK, "林强", "PT", "FX-PT-001", "喷涂车间喷漆房",
                     "喷漆房工件挂具静电接地线断开", _SITE, ("火灾",), "重新连接并紧固接地线，测量接地电阻",
                     "维修班", "冯伟", 7, 0, _ST.AWAITING_ACCEPTANCE, OwnerTier.WORKSHOP, check_plan="pt_shift",
                     completed_after=1),
    HiddenDangerSpec(3, _HS.CHECK, "吴志强", "JJ", "FX-JJ-005", "机加工车间刃磨区砂轮机",
                     "砂轮机托架与砂轮间隙约6mm，更换砂轮后未重新调整", _SITE, ("机械伤害",),
                     "调整托架间隙至3mm以内，砂轮更换后由维修工复核", "维修班", "邓刚", 3, 0,
                     _ST.AWAITING_ACCEPTANCE, check_plan="jj_shift", completed_after=1),
    HiddenDangerSpec(2, _HS.WORKER_REPORT, "彭涛", "CK", "FX-CK-004", "仓库东门口地面",
                     "仓库东门口地面混凝土破损坑洼，叉车通行颠簸", _SITE, ("车辆伤害",),
                     "修补破损地面", "仓储部", "宋丽娟", 7, 3000, _ST.PENDING, OwnerTier.WORKSHOP,
                     interim_measures="设置警示锥，叉车减速绕行"),
    HiddenDangerSpec(1, _HS.CHECK, "吴志强", "JJ", "FX-JJ-006", "机加工车间数控区",
                     "数控操作工戴手套用手清理铁屑", _SITE, ("机械伤害", "其他伤害"),
                     "当场制止并教育，配发铁钩", "数控班", "朱文斌", 1, 0, _ST.AWAITING_ACCEPTANCE,
                     check_plan="jj_shift", immediate=True, completed_after=0),
    HiddenDangerSpec(1, _HS.CHECK, "吴志强", "JJ", "FX-JJ-008", "机加工车间2号铣床",
                     "2号铣床加工时挡屑板未放下", _SITE, ("其他伤害",), "当场放下挡屑板并提醒操作者",
                     "数控班", "马俊", 1, 0, _ST.CLOSED, check_plan="jj_shift", immediate=True, completed_after=0,
                     acceptor="朱文斌", accepted_after=0),
)  # fmt: skip

# --- post risk cards ---------------------------------------------------------------------------

PRINTED_CARD_POSTS: tuple[str, ...] = ("冲压工", "电焊工", "喷漆工", "叉车司机")
"""Posts whose cards were printed and put up (the posts facing 较大 or 重大 risks)."""
CARDS_PRINTED_DAYS_AGO = 30

REEVALUATIONS: tuple[ReevaluationSpec, ...] = (
    ReevaluationSpec("FX-HJ-005", "除尘系统设置", ls("3", "5"), 12,
                     "专项复评：铝件打磨量增加，铝、钢粉尘仍共用一套除尘系统，可能性由3调为4，升为重大风险"),
)  # fmt: skip
"""Hazards re-evaluated after the cards were printed: 电焊工's card is out of date (风险等级)."""

ADDED_MEASURES: tuple[AddedMeasureSpec, ...] = (
    AddedMeasureSpec("FX-CY-004", "脚踏开关", "不用时脚踏开关拆除或锁定", 27),
)
"""Measures put in place after the cards were printed (after the 2号压力机 脚踏开关 hidden danger):
冲压工's card is out of date (管控措施)."""

FLOOR_PLAN_NAME = "厂区平面布置图"
