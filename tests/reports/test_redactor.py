"""The regulator version's desensitising: names → 职务, phone numbers in any spelling masked, also
inside free text; nothing else touched."""

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from dualprev.reports.ledger_columns import MASK, UNKNOWN_TITLE, Redactor
from dualprev.services.ledger_report_service import redactor


@pytest.mark.parametrize(
    "phone",
    [
        "13912345678",
        "139-1234-5678",
        "139 1234 5678",
        "+86 139 1234 5678",
        "+86-13912345678",
        "+8613912345678",
        "0086 139 1234 5678",
        "(0512)6666 8888",
        "（0512）66668888",
        "0512-66668888",
        "0512 6666 8888",
        "010-12345678",
    ],
)
def test_every_phone_spelling_is_masked_inside_free_text(phone: str) -> None:
    text = f"发现后请联系{phone}处理"
    assert Redactor()(text) == f"发现后请联系{MASK}处理"


@pytest.mark.parametrize(
    "kept",
    ["YH-2026-0001", "2026-08-15", "1,800.00", "GB 50058", "ZG-20261204-01", "3号压力机", "30mA/0.1s"],
)
def test_codes_dates_and_amounts_are_not_taken_for_phones(kept: str) -> None:
    assert Redactor()(f"见{kept}") == f"见{kept}"


def test_names_become_their_title_longest_first() -> None:
    redact = Redactor(["王海", "李四"], {"王海": "焊接班班长", "王海涛": "电工"})
    assert redact("由王海涛和王海复查，李四记录") == f"由电工和焊接班班长复查，{UNKNOWN_TITLE}记录"


def test_every_demo_person_is_replaced_by_their_role(demo_db: Any, demo_path: Path) -> None:
    with sqlite3.connect(demo_path) as con:
        people = list(con.execute("SELECT name, role, phone FROM person"))
        principal, manager = next(con.execute("SELECT principal_name, safety_manager_name FROM enterprise"))
    redact = redactor(demo_db)
    assert len(people) > 20
    for name, role, phone in people:
        shown = redact(f"责任人{name}，电话{phone}")
        assert name not in shown and phone not in shown
        assert shown == f"责任人{role or UNKNOWN_TITLE}，电话{MASK}", name
    assert redact(f"{principal}") and principal not in redact(principal)
    assert manager not in redact(f"{manager}签字")
    assert redact("镇应急办检查组") == "镇应急办检查组"  # a group is no person
