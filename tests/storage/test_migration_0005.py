"""Schema 5 (判定标准, self-check, 重大隐患 duties) upgrades a schema-4 file without loss: hidden
dangers keep their data and stay searchable, the enterprise's sectors are guessed from its 所属行业,
and existing data keeps GB 6441-1986."""

import shutil
from pathlib import Path

from sqlmodel import select

from dualprev.services.info_service import file_info
from dualprev.storage import migrate
from dualprev.storage.db import open_database
from dualprev.storage.models import Enterprise, HiddenDanger, MajorCheck

from .test_migrations import _OLD_HIDDEN_DANGERS, _add_hidden_dangers_the_old_way, _numbers

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_schema_4_file_upgrades_keeping_hidden_dangers_and_search(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_0004.sqlite", path)
    _add_hidden_dangers_the_old_way(path)
    db = open_database(path)
    assert db.schema_version == migrate.head_version() and db.backup_path is not None
    with db.read_session() as s:
        enterprise = s.exec(select(Enterprise)).one()
        rows = s.exec(select(HiddenDanger).order_by(HiddenDanger.number)).all()
        assert s.exec(select(MajorCheck)).all() == []
    assert (enterprise.industry, enterprise.sectors, enterprise.special_conditions) == (
        "通用设备制造业",
        "machinery",
        "",
    )
    assert [(r.number, r.description) for r in rows] == [(n, d) for n, d, *_ in _OLD_HIDDEN_DANGERS]
    assert {(r.standard_item, r.cause, r.report_method, r.supervised_by, r.supervised_on) for r in rows} == {
        ("", "", "", "", None)
    }
    assert _numbers(db, "防护罩") == ["YH-2026-0001"]  # the 0004 search triggers survived
    db.close()
    summary = file_info(path)
    # Its records name no accident type, so migration 0011 moved it to GB 6441-2025 as a new one.
    assert summary.accident_vocabulary == "GB6441-2025" and summary.major_hidden_dangers_open == 0
