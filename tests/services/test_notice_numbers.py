"""隐患整改通知单 numbers come from the database: a second export the same day never repeats a
number, a reprint keeps its number, a new hidden danger gets a new notice, and each notice is paged
on its own."""

import re
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from dualprev.errors import NotFoundError
from dualprev.services import ledger_report_service as lrs
from dualprev.storage.db import open_database

from ..conftest import DEMO_TODAY

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _numbers_and_pages(path: Path) -> tuple[list[str], list[str]]:
    text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return re.findall(r"编号：(ZG-\d{8}-\d{2})", text), re.findall(r"第 ?\d+ ?页 ?/ ?共 ?\d+ ?页", text)


def test_reprints_keep_numbers_and_new_notices_continue_the_day(demo_db: Any, tmp_path: Path) -> None:
    first = lrs.export_notices(demo_db, tmp_path / "1.pdf", today=DEMO_TODAY)
    numbers, pages = _numbers_and_pages(tmp_path / "1.pdf")
    assert len(numbers) == first.items >= 2 and len(set(numbers)) == len(numbers)
    assert numbers[0] == f"ZG-{DEMO_TODAY:%Y%m%d}-01"
    assert all(re.sub(r"\s", "", p) == "第1页/共1页" for p in pages)  # paged per notice
    assert "编号已登记" in first.note

    again = lrs.export_notices(demo_db, tmp_path / "2.pdf", today=DEMO_TODAY)
    assert _numbers_and_pages(tmp_path / "2.pdf")[0] == numbers  # a reprint keeps its numbers
    assert "沿用原编号" in again.note and "编号已登记" not in again.note
    one = lrs.notice_departments(demo_db)[0]
    lrs.export_notices(demo_db, tmp_path / "3.pdf", department=one, today=DEMO_TODAY + timedelta(days=3))
    reprinted = _numbers_and_pages(tmp_path / "3.pdf")[0]
    assert len(reprinted) == 1 and reprinted[0] in numbers  # the notice keeps its first day's number


def test_a_new_hidden_danger_gets_the_next_number_of_the_day(
    demo_db: Any, demo_path: Path, tmp_path: Path
) -> None:
    lrs.export_notices(demo_db, tmp_path / "1.pdf", today=DEMO_TODAY)
    numbers = _numbers_and_pages(tmp_path / "1.pdf")[0]
    # Take one hidden danger off its notice (as if it were registered after the first export).
    with sqlite3.connect(demo_path) as con:
        con.execute(
            "DELETE FROM rectification_notice_item WHERE rowid = (SELECT max(rowid) FROM rectification_notice_item)"
        )
    lrs.export_notices(demo_db, tmp_path / "2.pdf", today=DEMO_TODAY)
    second = _numbers_and_pages(tmp_path / "2.pdf")[0]
    new = [n for n in second if n not in numbers]
    assert new == [f"ZG-{DEMO_TODAY:%Y%m%d}-{len(numbers) + 1:02d}"]


def test_schema_4_database_upgrades_and_issues_notices(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0004.sqlite", path)
    db = open_database(path)
    try:
        with db.read_session() as session:
            tables = {r[0] for r in session.connection().exec_driver_sql("SELECT name FROM sqlite_master")}
            people = session.connection().exec_driver_sql("SELECT name FROM person").all()
        assert {"rectification_notice", "rectification_notice_item"} <= tables
        assert [p[0] for p in people] == ["张师傅"]  # existing data survives
        try:
            result = lrs.export_notices(db, tmp_path / "n.pdf", today=date(2026, 12, 1))
        except NotFoundError:
            return  # the fixture has nothing open to notify
        assert result.items >= 1
    finally:
        db.close()
