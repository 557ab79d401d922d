"""Every table model passes pytest-qt's model tester and exposes the custom roles."""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from dualprev.services.archive_service import ArchiveEntry
from dualprev.services.organisation_service import AreaInfo, DepartmentInfo, PersonInfo, PostInfo
from dualprev.ui.models.area_table_model import AreaColumn, AreaTableModel
from dualprev.ui.models.backup_table_model import BackupColumn, BackupTableModel
from dualprev.ui.models.hidden_danger_table_model import (
    HiddenDangerTableModel,
)
from dualprev.ui.models.person_table_model import PersonColumn, PersonTableModel
from dualprev.ui.models.post_table_model import PostColumn, PostTableModel
from dualprev.ui.models.record_table_model import Roles

DEPTS = [DepartmentInfo(name="机加工车间", id=1)]
POSTS = [PostInfo(name="车工", department_id=1, headcount=3, risk_point_ids=(1, 2), id=5)]
PEOPLE = [
    PersonInfo(name="张三", department_id=1, post_id=5, phone="13800001111", role="班长", id=7),
    PersonInfo(name="李四", is_active=False, id=8),
]
AREAS = [AreaInfo(name="机加工区", code="A01", department_id=1, id=3), AreaInfo(name="仓库", id=4)]


def test_person_model(qtmodeltester: ModelTester) -> None:
    model = PersonTableModel()
    model.set_people(PEOPLE, DEPTS, POSTS)
    qtmodeltester.check(model)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in PersonColumn] == [
        c.heading for c in PersonColumn
    ]
    assert model.index(0, PersonColumn.DEPARTMENT).data() == "机加工车间"
    assert model.index(0, PersonColumn.POST).data() == "车工"
    assert model.index(1, PersonColumn.ACTIVE).data() == "否"
    assert model.index(1, 0).data(Roles.ID) == 8
    assert model.index(1, 0).data(Roles.RECORD) == PEOPLE[1]
    assert model.row_of(8) == 1 and model.row_of(99) == -1


def test_post_model(qtmodeltester: ModelTester) -> None:
    model = PostTableModel()
    model.set_posts(POSTS, DEPTS, AREAS, PEOPLE)
    qtmodeltester.check(model)
    assert model.index(0, PostColumn.RISK_POINTS).data() == "2"
    assert model.index(0, PostColumn.HEADCOUNT).data(Roles.SORT) == 3


def test_area_model(qtmodeltester: ModelTester) -> None:
    model = AreaTableModel()
    model.set_areas(AREAS, DEPTS)
    qtmodeltester.check(model)
    assert model.index(0, AreaColumn.DEPARTMENT).data() == "机加工车间"
    assert model.index(1, AreaColumn.DEPARTMENT).data() == ""


def test_backup_model(qtmodeltester: ModelTester) -> None:
    model = BackupTableModel()
    model.set_records([
        ArchiveEntry(Path("/d/factory-20260301-101500-upgrade-v1.dpbak"), "upgrade-v1", datetime(2026, 3, 1, 10, 15), 2_500_000),
        ArchiveEntry(Path("/d/factory-20260302-080000-daily.dpbak"), "daily", datetime(2026, 3, 2, 8), 2_400_000),
    ])  # fmt: skip
    qtmodeltester.check(model)
    assert model.index(0, BackupColumn.REASON).data() == "升级前自动备份"
    assert model.index(1, BackupColumn.REASON).data() == "每日自动备份"
    assert model.index(0, BackupColumn.SIZE).data() == "2.4 MB"


def test_empty_models_pass_too(qtmodeltester: ModelTester) -> None:
    for model in (PersonTableModel(), PostTableModel(), AreaTableModel(), HiddenDangerTableModel()):
        qtmodeltester.check(model)
