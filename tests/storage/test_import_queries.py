"""The read queries the Excel import matches a file against: the next serial of a ledger number
prefix, the last 序号 of a risk point, accident types by name, and rows in id order."""

from datetime import date

from sqlmodel import select

from dualprev.domain.risk import RiskPointKind
from dualprev.storage.db import Database
from dualprev.storage.models import (
    AccidentTypeRecord,
    Department,
    Hazard,
    HiddenDanger,
    Person,
    Post,
    RiskPoint,
)
from dualprev.storage.queries import hidden_dangers, importing, risks


def _hidden_dangers(db: Database, *numbers: str) -> None:
    with db.session() as s:
        for i, number in enumerate(numbers):
            s.add(HiddenDanger(number=number, found_on=date(2026, 3, 1 + i), description=f"隐患{i}"))


def test_the_last_serial_is_the_highest_number_under_its_prefix_and_year(empty_db: Database) -> None:
    _hidden_dangers(
        empty_db,
        "YH-2026-0009",
        "YH-2026-9999",
        "YH-2026-10000",  # past four digits: compared as a number, not as text
        "YH-2026-0010",
        "YH-2025-20000",  # another year
        "ZG-2026-30000",  # another prefix
        "YH-20260-40000",  # starts like the head but is not under it
    )
    with empty_db.read_session() as s:
        assert hidden_dangers.last_serial(session=s, head="YH-2026-") == 10000
        assert hidden_dangers.last_serial(session=s, head="YH-2025-") == 20000
        assert hidden_dangers.last_serial(session=s, head="ZG-2026-") == 30000
        assert hidden_dangers.last_serial(session=s, head="YH-2027-") == 0
        assert hidden_dangers.last_serial(session=s, head="ZG-2025-") == 0


def test_hidden_danger_identities_are_number_date_and_description(empty_db: Database) -> None:
    _hidden_dangers(empty_db, "YH-2026-0001", "外来-7")
    with empty_db.read_session() as s:
        assert sorted(importing.hidden_danger_identities(session=s)) == [
            ("YH-2026-0001", date(2026, 3, 1), "隐患0"),
            ("外来-7", date(2026, 3, 2), "隐患1"),
        ]


def test_the_last_hazard_seq_is_the_highest_of_its_risk_point(empty_db: Database) -> None:
    with empty_db.session() as s:
        first = RiskPoint(code="A", name="冲床", kind=RiskPointKind.EQUIPMENT)
        second = RiskPoint(code="B", name="行车", kind=RiskPointKind.EQUIPMENT)
        empty = RiskPoint(code="C", name="叉车", kind=RiskPointKind.EQUIPMENT)
        s.add_all([first, second, empty])
        s.flush()
        assert first.id and second.id and empty.id
        for point_id, seq in ((first.id, 3), (first.id, 7), (first.id, 5), (second.id, 12)):
            s.add(Hazard(risk_point_id=point_id, seq=seq, step_or_item="点检", description=f"危险{seq}"))
        ids = (first.id, second.id, empty.id)
    with empty_db.read_session() as s:
        assert [risks.last_hazard_seq(session=s, risk_point_id=i) for i in ids] == [7, 12, 0]
        assert sorted(importing.hazard_identities(session=s)) == [
            (ids[0], "点检", "危险3"),
            (ids[0], "点检", "危险5"),
            (ids[0], "点检", "危险7"),
            (ids[1], "点检", "危险12"),
        ]


def test_accident_type_ids_are_by_name_within_the_vocabulary_mining_only_included(
    empty_db: Database,
) -> None:
    with empty_db.session() as s:
        s.add(AccidentTypeRecord(vocabulary="test", code="01", name="物体打击"))
        s.add(AccidentTypeRecord(vocabulary="test", code="02", name="冒顶片帮", mining_only=True))
        s.add(AccidentTypeRecord(vocabulary="other", code="01", name="其他伤害"))
    with empty_db.read_session() as s:
        found = importing.accident_type_ids(session=s, vocabulary="test")
        rows = s.exec(select(AccidentTypeRecord).where(AccidentTypeRecord.vocabulary == "test")).all()
        expected = {t.name: t.id for t in rows}
        assert importing.accident_type_ids(session=s, vocabulary="none") == {}
    assert set(found) == {"物体打击", "冒顶片帮"}
    assert found == expected


def test_departments_people_posts_and_risk_points_come_in_id_order_not_sort_order(
    empty_db: Database,
) -> None:
    with empty_db.session() as s:
        s.add_all([Department(name=n, sort_order=o) for n, o in (("乙", 2), ("甲", 1), ("丙", 0))])
        s.add_all([Post(name=n, sort_order=o) for n, o in (("焊工", 5), ("电工", 1))])
        s.add_all(
            [
                RiskPoint(code=c, name=c, kind=RiskPointKind.PLACE, sort_order=o)
                for c, o in (("Z", 1), ("A", 0))
            ]
        )
        s.flush()
        s.add_all([Person(name=n, department_id=d) for n, d in (("王五", 3), ("张三", 1), ("李四", None))])
    with empty_db.read_session() as s:
        assert [d.name for d in importing.departments_by_id(session=s)] == ["乙", "甲", "丙"]
        assert [p.name for p in importing.people_by_id(session=s)] == ["王五", "张三", "李四"]
        assert [p.name for p in importing.posts_by_id(session=s)] == ["焊工", "电工"]
        assert [p.code for p in importing.risk_points_by_id(session=s)] == ["Z", "A"]
