"""The ledger's keyword search through its FTS5 trigram index (migration 0004): Chinese substrings,
every word required, words too short for the index, the index following every write (edits,
renamed names, deletions), and counts that stop at a thousand ("1,000+") unless asked to be exact."""

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest
from sqlmodel import select

from dualprev.domain.hidden_danger import HiddenDangerDraft, HiddenDangerStatus
from dualprev.domain.ledger import LedgerFilter, LedgerSort, LedgerSortKey
from dualprev.services import organisation_service as org
from dualprev.services.hidden_dangers import ledger
from dualprev.services.hidden_dangers import registration as hd_registration
from dualprev.storage.db import Database
from dualprev.storage.models import HiddenDanger

TODAY = date(2026, 11, 20)
ACTOR = "沈立明"
BY_NUMBER = LedgerSort(LedgerSortKey.NUMBER, descending=False)


@pytest.fixture
def plant(empty_db: Database) -> dict[str, int]:
    """Two areas, a department and two people; ids by name."""
    db = empty_db
    org.save_enterprise(db, org.EnterpriseProfile(name="恒锐精密机械有限公司"), actor=ACTOR)
    stamping = org.save_department(db, org.DepartmentInfo(name="冲压车间"), actor=ACTOR)
    press = org.save_area(db, org.AreaInfo(name="冲压区"), actor=ACTOR)
    store = org.save_area(db, org.AreaInfo(name="成品仓库"), actor=ACTOR)
    wang = org.save_person(db, org.PersonInfo(name="王海", department_id=stamping.id), actor=ACTOR)
    gu = org.save_person(db, org.PersonInfo(name="顾建华", department_id=stamping.id), actor=ACTOR)
    ids = {
        "冲压车间": stamping.id,
        "冲压区": press.id,
        "成品仓库": store.id,
        "王海": wang.id,
        "顾建华": gu.id,
    }
    return {name: int(i or 0) for name, i in ids.items()}


def register(db: Database, plant: dict[str, int], description: str, **changes: Any) -> str:
    draft = HiddenDangerDraft(
        found_on=date(2026, 11, 10),
        description=description,
        area_id=plant["冲压区"],
        location="",
        responsible_department_id=plant["冲压车间"],
        rectifier_id=plant["王海"],
        deadline=date(2026, 11, 17),
    )
    return hd_registration.register(db, replace(draft, **changes), actor=ACTOR, today=TODAY).number


def found(db: Database, keyword: str) -> list[str]:
    result = ledger.query(db, LedgerFilter(keyword=keyword), BY_NUMBER, today=TODAY, limit=1000)
    assert result.total == len(result.rows) and result.total_is_exact
    return [row.number for row in result.rows]


@pytest.fixture
def three(empty_db: Database, plant: dict[str, int]) -> list[str]:
    return [
        register(empty_db, plant, "叉车报警器损坏", location="3号工位"),
        register(empty_db, plant, "叉车倒车灯不亮", location="13号工位", area_id=plant["成品仓库"]),
        register(empty_db, plant, "配电箱门未关闭", location="3号工位", rectifier_id=plant["顾建华"]),
    ]


def test_a_chinese_substring_is_found_anywhere_in_a_text(empty_db: Database, three: list[str]) -> None:
    assert found(empty_db, "报警器") == [three[0]]  # inside the description
    assert found(empty_db, "倒车灯不亮") == [three[1]]
    assert found(empty_db, "3号工位") == three  # "13号工位" contains it too
    assert found(empty_db, "门未关") == [three[2]]
    assert found(empty_db, "压力机") == []


def test_every_word_must_appear_somewhere_in_the_row(empty_db: Database, three: list[str]) -> None:
    assert found(empty_db, "叉车 3号工位") == three[:2]  # description and location
    assert found(empty_db, "叉车报警 3号工位") == [three[0]]
    assert found(empty_db, "3号工位 顾建华") == [three[2]]  # a location and the rectifier's name
    assert found(empty_db, "成品仓库 倒车灯") == [three[1]]  # the area's name
    assert found(empty_db, "冲压车间 配电箱") == [three[2]]  # the department's name
    assert found(empty_db, "叉车 顾建华") == []


def test_words_shorter_than_three_characters_are_matched_without_the_index(
    empty_db: Database, three: list[str]
) -> None:
    assert found(empty_db, "叉车") == three[:2]
    assert found(empty_db, "灯") == [three[1]]
    assert found(empty_db, "王海") == three[:2]  # a two-character name
    assert found(empty_db, "王海 3号工位") == three[:2]
    assert found(empty_db, "13 工位") == [three[1]]
    assert found(empty_db, "灯 箱") == []
    assert found(empty_db, "车 箱") == [three[2]]  # 配电箱 of the 冲压车间


def test_search_text_is_taken_literally(empty_db: Database, plant: dict[str, int]) -> None:
    odd = register(empty_db, plant, '液压站 "A区" 油温100%_偏高 OR NOT')
    assert found(empty_db, '"A区"') == [odd]
    assert found(empty_db, "100%_") == [odd]
    assert found(empty_db, "%") == [odd]
    assert found(empty_db, "OR NOT") == [odd]  # FTS5 operators are words here
    assert found(empty_db, "a区") == [odd]  # ASCII letters in either case, as LIKE matches them
    assert found(empty_db, "10%") == []
    assert found(empty_db, "yh-2026") == [odd]  # the number


def test_an_edit_is_searched_at_once(empty_db: Database, plant: dict[str, int], three: list[str]) -> None:
    with empty_db.read_session() as s:
        row = s.exec(select(HiddenDanger).where(HiddenDanger.number == three[2])).one()
    draft = HiddenDangerDraft(
        found_on=row.found_on,
        description="配电柜接地线松脱",
        area_id=plant["成品仓库"],
        location="东墙",
        responsible_department_id=row.responsible_department_id,
        rectifier_id=plant["王海"],
        deadline=row.deadline,
    )
    hd_registration.update(empty_db, row.id or 0, draft, actor=ACTOR, today=TODAY)
    assert found(empty_db, "门未关") == []
    assert found(empty_db, "接地线") == [three[2]]
    assert found(empty_db, "东墙") == [three[2]]
    assert found(empty_db, "顾建华") == []  # no longer its rectifier
    assert found(empty_db, "成品仓库") == [three[1], three[2]]


def test_a_renamed_name_is_searched_by_its_new_name(
    empty_db: Database, plant: dict[str, int], three: list[str]
) -> None:
    org.save_area(empty_db, org.AreaInfo(name="成品库东区", id=plant["成品仓库"]), actor=ACTOR)
    assert found(empty_db, "成品仓库") == []
    assert found(empty_db, "成品库东区") == [three[1]]
    person = org.PersonInfo(name="顾建国", department_id=plant["冲压车间"], id=plant["顾建华"])
    org.save_person(empty_db, person, actor=ACTOR)
    assert found(empty_db, "顾建华") == []
    assert found(empty_db, "顾建国") == [three[2]]


def test_a_deleted_hidden_danger_leaves_the_index(empty_db: Database, three: list[str]) -> None:
    with empty_db.session() as s:
        s.delete(s.exec(select(HiddenDanger).where(HiddenDanger.number == three[0])).one())
    assert found(empty_db, "叉车") == [three[1]]
    assert found(empty_db, "报警器") == []
    with closing(sqlite3.connect(empty_db.path)) as conn:
        indexed = {row[0] for row in conn.execute("SELECT rowid FROM hidden_danger_search")}
        ids = {row[0] for row in conn.execute("SELECT id FROM hidden_danger")}
    assert indexed == ids


def test_the_index_agrees_with_a_plain_substring_search(empty_db: Database, plant: dict[str, int]) -> None:
    texts = ["护栏松动", "灭火器过期未换", "行车限位失灵", "通道堆放物料", "警示标志缺失", "护栏缺失"]
    rows = {}
    for i, text in enumerate(texts):
        number = register(empty_db, plant, text, location=f"{i}号位")
        rows[number] = " ".join((number, text, f"{i}号位", "冲压区", "冲压车间", "王海"))
    words = (
        "护栏",
        "缺失",
        "失",
        "过期未",
        "行车限位失灵",
        "号位",
        "1号",
        "护栏 缺失",
        "灭火 过期",
        "冲压 失灵",
    )
    for word in words:
        expected = sorted(n for n, row in rows.items() if all(w in row for w in word.split()))
        assert found(empty_db, word) == expected, word


# --- counting ------------------------------------------------------------------------------------------


@pytest.fixture
def crowded(empty_db: Database, plant: dict[str, int]) -> Database:
    """2 500 hidden dangers, all about a forklift, written in one go."""
    with empty_db.session() as s:
        s.add_all(
            HiddenDanger(
                number=f"YH-2026-{i:05d}",
                found_on=date(2026, 1, 1) + timedelta(days=i % 300),
                description=f"叉车{i}号报警器损坏",
                location=f"{i % 40}号工位",
                deadline=date(2026, 1, 8) + timedelta(days=i % 300),
                status=HiddenDangerStatus.PENDING,
                rectifier_id=plant["王海"],
            )
            for i in range(1, 2501)
        )
    return empty_db


def test_a_search_is_counted_up_to_a_thousand(crowded: Database) -> None:
    page = ledger.query(crowded, LedgerFilter(keyword="报警器"), today=TODAY)
    assert (page.total, page.total_is_exact, page.total_text) == (1000, False, "1,000+")
    assert len(page.rows) == ledger.DEFAULT_PAGE_SIZE
    deeper = ledger.query(crowded, LedgerFilter(keyword="报警器"), today=TODAY, offset=1000)
    assert (deeper.total, deeper.total_is_exact, deeper.total_text) == (2000, False, "2,000+")
    last = ledger.query(crowded, LedgerFilter(keyword="报警器"), today=TODAY, offset=2400)
    assert (last.total, last.total_is_exact, last.total_text) == (2500, True, "2500")
    assert len(last.rows) == 100
    exact = ledger.query(crowded, LedgerFilter(keyword="报警器"), today=TODAY, exact=True)
    assert (exact.total, exact.total_is_exact) == (2500, True)
    narrow = ledger.query(crowded, LedgerFilter(keyword="报警器 13号工位"), today=TODAY)
    assert (narrow.total, narrow.total_text) == (63, "63")  # 13, 53, 93 … of every forty


def test_the_whole_ledger_and_other_filters_count_like_a_search(crowded: Database) -> None:
    whole = ledger.query(crowded, today=TODAY)
    assert (whole.total, whole.total_is_exact) == (2500, True)  # SQLite counts a table cheaply
    pending = ledger.query(crowded, LedgerFilter(statuses=(HiddenDangerStatus.PENDING,)), today=TODAY)
    assert (pending.total, pending.total_is_exact, pending.total_text) == (1000, False, "1,000+")
    overdue = ledger.overdue(crowded, today=TODAY)  # 首页 shows the exact number
    assert (overdue.total, overdue.total_is_exact) == (2500, True)
    first = ledger.query(crowded, LedgerFilter(keyword="报警器"), BY_NUMBER, today=TODAY).rows[0]
    assert first.number == "YH-2026-00001"
    position = ledger.row_position(crowded, first.id, LedgerFilter(keyword="报警器"), today=TODAY)
    assert position is not None and position >= 2400  # found on the oldest day: far past the count
