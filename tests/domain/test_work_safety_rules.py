"""证书 validity, the permit state machine, 有限空间 gas limits and what a permit must name."""

from datetime import date
from decimal import Decimal

import pytest

from dualprev.domain.certificates import (
    CertificateFacts,
    CertificateKind,
    CertificateStatus,
    certificate_problems,
    certificate_status,
    held_certificate_problem,
)
from dualprev.domain.permits import (
    GasReadings,
    PermitFacts,
    PermitKind,
    PermitStatus,
    gas_problems,
    permit_problems,
    transition_problem,
)

TODAY = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("expires", "review", "status"),
    [
        (date(2030, 1, 1), None, CertificateStatus.VALID),
        (date(2027, 2, 3), None, CertificateStatus.EXPIRING),  # 60 days
        (date(2027, 2, 4), None, CertificateStatus.VALID),  # 61 days
        (date(2027, 1, 4), None, CertificateStatus.EXPIRING_SOON),  # 30 days
        (date(2026, 12, 5), None, CertificateStatus.EXPIRING_SOON),  # valid through its last day
        (date(2026, 12, 4), None, CertificateStatus.EXPIRED),
        (date(2030, 1, 1), date(2026, 12, 4), CertificateStatus.EXPIRED),  # review overdue
        (date(2030, 1, 1), date(2026, 12, 20), CertificateStatus.EXPIRING_SOON),
    ],
)
def test_certificate_status_takes_the_earlier_of_expiry_and_review(
    expires: date, review: date | None, status: CertificateStatus
) -> None:
    assert certificate_status(expires, review, today=TODAY) is status


def test_void_certificate_is_void_whatever_its_dates() -> None:
    assert certificate_status(date(2030, 1, 1), None, today=TODAY, is_void=True) is CertificateStatus.VOID


def test_certificate_problems_name_the_fields() -> None:
    facts = CertificateFacts(
        CertificateKind.WELDING, " ", date(2026, 1, 1), date(2025, 1, 1), date(2025, 6, 1)
    )
    assert set(certificate_problems(None, facts)) == {"person", "number", "expires_on", "review_due_on"}
    ok = CertificateFacts(CertificateKind.WELDING, "T1", date(2026, 1, 1), date(2032, 1, 1), date(2029, 1, 1))
    assert certificate_problems(1, ok) == {}


def test_held_certificate_problem_missing_expired_and_valid() -> None:
    kind = CertificateKind.WELDING
    missing = held_certificate_problem("杨帆", kind, [], today=TODAY)
    assert missing is not None and "没有“焊接与热切割作业”" in missing
    expired = held_certificate_problem("杨帆", kind, [(date(2029, 1, 1), date(2026, 10, 26))], today=TODAY)
    assert expired is not None and "2026-10-26" in expired and "过期" in expired
    assert held_certificate_problem("王海", kind, [(date(2029, 1, 1), date(2027, 6, 1))], today=TODAY) is None


def test_permit_state_machine() -> None:
    S = PermitStatus
    assert transition_problem(S.ISSUED, S.APPROVED) is None
    assert transition_problem(S.APPROVED, S.CLOSED) is None
    assert transition_problem(S.ISSUED, S.VOID) is None
    assert transition_problem(S.ISSUED, S.CLOSED) == "作业许可尚未批准，不能关闭"
    assert transition_problem(S.CLOSED, S.VOID) is not None
    assert transition_problem(S.VOID, S.APPROVED) is not None
    assert transition_problem(S.APPROVED, S.APPROVED) is not None


def _gas(**kw: object) -> GasReadings:
    values: dict[str, object] = {
        "ventilated": True,
        "o2_percent": Decimal("20.9"),
        "lel_percent": Decimal("0"),
        "h2s_mg_m3": Decimal("0"),
        "co_mg_m3": Decimal("0"),
    }
    values.update(kw)
    return GasReadings(**values)  # type: ignore[arg-type]


def test_gas_limits_edges() -> None:
    assert gas_problems(_gas()) == {}
    assert gas_problems(_gas(o2_percent=Decimal("19.5"))) == {}
    assert gas_problems(_gas(o2_percent=Decimal("23.5"))) == {}
    assert "o2_percent" in gas_problems(_gas(o2_percent=Decimal("19.4")))
    assert "o2_percent" in gas_problems(_gas(o2_percent=Decimal("23.6")))
    assert gas_problems(_gas(lel_percent=Decimal("9.9"))) == {}
    assert "10%LEL" in gas_problems(_gas(lel_percent=Decimal("10")))["lel_percent"]
    assert "h2s_mg_m3" in gas_problems(_gas(h2s_mg_m3=Decimal("10.1")))
    assert "co_mg_m3" in gas_problems(_gas(co_mg_m3=Decimal("31")))
    assert "先通风" in gas_problems(_gas(ventilated=False))["ventilated"]
    assert set(gas_problems(GasReadings(ventilated=True))) == {
        "o2_percent",
        "lel_percent",
        "h2s_mg_m3",
        "co_mg_m3",
    }


def test_confined_space_permit_needs_space_and_an_attendant_other_than_the_worker() -> None:
    facts = PermitFacts(PermitKind.CONFINED_SPACE, "除尘器", "清淤", 1, None)
    assert set(permit_problems(facts)) == {"confined_space", "attendant"}
    same = PermitFacts(PermitKind.CONFINED_SPACE, "除尘器", "清淤", 1, 1, 3)
    assert permit_problems(same) == {"attendant": "监护人不能由作业人兼任"}
    assert permit_problems(PermitFacts(PermitKind.HOT_WORK, "仓库", "补焊", 1, None)) == {}
    assert PermitKind.HOT_WORK.required_certificate is CertificateKind.WELDING
