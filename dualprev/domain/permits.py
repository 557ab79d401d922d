"""作业许可 (动火 and 有限空间): the permit's states and the steps between them, the certificate its
worker must hold, and the 先通风、再检测、后作业 gas readings an 有限空间 permit needs before it
is approved. Pure rules.

Gas limits follow 《工贸企业有限空间作业安全规定》(应急管理部令第13号) and GBZ 2.1: oxygen
19.5 %–23.5 %, flammable gas below 10 % LEL, toxic gases below their occupational limits (the
ones we ask for: H2S MAC 10 mg/m³, CO PC-STEL 30 mg/m³ *(verify per plant)*).
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from dualprev.domain.certificates import CertificateKind

O2_MIN = Decimal("19.5")
O2_MAX = Decimal("23.5")
LEL_MAX = Decimal("10")  # below, not equal
H2S_MAX = Decimal("10")  # mg/m³, at most
CO_MAX = Decimal("30")  # mg/m³, at most


class PermitKind(StrEnum):
    HOT_WORK = "hot_work"
    CONFINED_SPACE = "confined_space"

    @property
    def label(self) -> str:
        return "动火作业" if self is PermitKind.HOT_WORK else "有限空间作业"

    @property
    def number_prefix(self) -> str:
        return "DH" if self is PermitKind.HOT_WORK else "YX"

    @property
    def required_certificate(self) -> CertificateKind | None:
        """The certificate the worker must hold (有限空间作业 is not a 特种作业 nationally)."""
        return CertificateKind.WELDING if self is PermitKind.HOT_WORK else None


class PermitStatus(StrEnum):
    ISSUED = "issued"
    APPROVED = "approved"
    CLOSED = "closed"
    VOID = "void"

    @property
    def label(self) -> str:
        return {
            PermitStatus.ISSUED: "已开具待审批",
            PermitStatus.APPROVED: "已批准",
            PermitStatus.CLOSED: "已关闭",
            PermitStatus.VOID: "已作废",
        }[self]


_NEXT: dict[PermitStatus, tuple[PermitStatus, ...]] = {
    PermitStatus.ISSUED: (PermitStatus.APPROVED, PermitStatus.VOID),
    PermitStatus.APPROVED: (PermitStatus.CLOSED, PermitStatus.VOID),
    PermitStatus.CLOSED: (),
    PermitStatus.VOID: (),
}


def transition_problem(current: PermitStatus, target: PermitStatus) -> str | None:
    """Why a permit in ``current`` cannot move to ``target`` (开具 → 批准 → 关闭; 作废 before closing)."""
    if target in _NEXT[current]:
        return None
    if current in (PermitStatus.CLOSED, PermitStatus.VOID):
        return f"作业许可{current.label}，不能再{_VERB[target]}"
    if target is PermitStatus.CLOSED:
        return "作业许可尚未批准，不能关闭"
    return f"作业许可{current.label}，不能{_VERB[target]}"


_VERB = {
    PermitStatus.ISSUED: "开具",
    PermitStatus.APPROVED: "批准",
    PermitStatus.CLOSED: "关闭",
    PermitStatus.VOID: "作废",
}


def editable(status: PermitStatus) -> bool:
    """Only a permit not yet approved may be changed; after that the paper has been signed."""
    return status is PermitStatus.ISSUED


@dataclass(frozen=True)
class GasReadings:
    """先通风、再检测: whether the space was ventilated first, and the readings taken after."""

    ventilated: bool = False
    o2_percent: Decimal | None = None
    lel_percent: Decimal | None = None
    h2s_mg_m3: Decimal | None = None
    co_mg_m3: Decimal | None = None

    @property
    def taken(self) -> bool:
        return any(v is not None for v in (self.o2_percent, self.lel_percent, self.h2s_mg_m3, self.co_mg_m3))


def gas_problems(readings: GasReadings) -> dict[str, str]:
    """Field → message for every reading missing or out of its limit; empty when work may start."""
    problems: dict[str, str] = {}
    if not readings.ventilated:
        problems["ventilated"] = "有限空间作业须先通风，请确认已通风"
    o2 = readings.o2_percent
    if o2 is None:
        problems["o2_percent"] = "请填写氧气浓度检测值"
    elif not O2_MIN <= o2 <= O2_MAX:
        problems["o2_percent"] = f"氧气浓度 {o2}% 不在 19.5%～23.5% 之间，不得作业"
    lel = readings.lel_percent
    if lel is None:
        problems["lel_percent"] = "请填写可燃气体检测值（%LEL）"
    elif lel >= LEL_MAX:
        problems["lel_percent"] = f"可燃气体浓度 {lel}%LEL 不低于 10%LEL，不得作业"
    for key, value, limit, name in (
        ("h2s_mg_m3", readings.h2s_mg_m3, H2S_MAX, "硫化氢"),
        ("co_mg_m3", readings.co_mg_m3, CO_MAX, "一氧化碳"),
    ):
        if value is None:
            problems[key] = f"请填写{name}检测值（mg/m³）"
        elif value > limit:
            problems[key] = f"{name}浓度 {value} mg/m³ 超过限值 {limit} mg/m³，不得作业"
        elif value < 0:
            problems[key] = f"{name}检测值不能为负数"
    return problems


@dataclass(frozen=True)
class PermitFacts:
    kind: PermitKind
    location: str
    content: str
    worker_id: int | None
    attendant_id: int | None
    confined_space_id: int | None = None


def permit_problems(facts: PermitFacts) -> dict[str, str]:
    """What a permit must name before it is issued: place, work, worker; an 有限空间 permit also the
    space and a 监护人 who is not the worker."""
    problems: dict[str, str] = {}
    if not facts.location.strip():
        problems["location"] = "请填写作业地点"
    if not facts.content.strip():
        problems["content"] = "请填写作业内容"
    if facts.worker_id is None:
        problems["worker"] = "请选择作业人"
    if facts.kind is PermitKind.CONFINED_SPACE:
        if facts.confined_space_id is None:
            problems["confined_space"] = "请选择有限空间（台账中登记的空间）"
        if facts.attendant_id is None:
            problems["attendant"] = "有限空间作业必须指定监护人"
    if facts.attendant_id is not None and facts.attendant_id == facts.worker_id:
        problems["attendant"] = "监护人不能由作业人兼任"
    return problems
