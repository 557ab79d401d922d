"""The pages besides 企业信息 show real data from the services and react to data_changed."""

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from dualprev.domain.checks import CheckFrequency, CheckType
from dualprev.domain.hidden_danger import HiddenDangerStatus
from dualprev.domain.risk import RiskLevel, RiskPointKind
from dualprev.services import archive_service
from dualprev.services import organisation_service as org
from dualprev.services.changes import Entity
from dualprev.storage.db import open_database
from dualprev.storage.models import CheckPlan, FloorPlan, Hazard, HiddenDanger, MapZone, RiskPoint
from dualprev.ui.crash import CrashDialog, CrashHandler
from dualprev.ui.main_window import MainWindow
from dualprev.ui.models.hidden_danger_table_model import OVERDUE_BACKGROUND
from dualprev.ui.models.post_card_table_model import PostCardColumn
from dualprev.ui.pages import backup_page
from dualprev.ui.pages.home_page import HomePage
from dualprev.ui.widgets import desktop

from .conftest import MessageLog, wait_for_tasks

TODAY = date(2026, 6, 15)


def _seed(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        dept = org.save_department(db, org.DepartmentInfo(name="机加工车间"), actor="t")
        area = org.save_area(db, org.AreaInfo(name="机加工区", department_id=dept.id), actor="t")
        with db.session() as s:
            lathe = RiskPoint(name="数控车床", code="SB-01", kind=RiskPointKind.EQUIPMENT, area_id=area.id)
            press = RiskPoint(name="冲床", code="SB-02", kind=RiskPointKind.EQUIPMENT, area_id=area.id)
            loose = RiskPoint(name="临时作业", kind=RiskPointKind.ACTIVITY)
            s.add_all([lathe, press, loose])
            s.flush()
            s.add_all([
                Hazard(risk_point_id=lathe.id, description="卷入", current_level=RiskLevel.LOW),
                Hazard(risk_point_id=press.id, description="压手", current_level=RiskLevel.MAJOR),
                HiddenDanger(number="YH-2026-0001", found_on=date(2026, 6, 1), description="防护罩缺失",
                             deadline=date(2026, 6, 8), status=HiddenDangerStatus.RECTIFYING),
                HiddenDanger(number="YH-2026-0002", found_on=date(2026, 6, 2), description="灭火器过期",
                             deadline=date(2026, 6, 5), status=HiddenDangerStatus.CLOSED),
                CheckPlan(name="月度综合排查", check_type=CheckType.COMPREHENSIVE, frequency=CheckFrequency.MONTHLY,
                          start_on=date(2026, 1, 1)),
            ])  # fmt: skip
            plan = FloorPlan(name="一层平面图", file_name="p.png", width=800, height=600)
            s.add(plan)
            s.flush()
            s.add(MapZone(floor_plan_id=plan.id, name="机加工区块", area_id=area.id))
            lathe_id = lathe.id
        org.save_post(db, org.PostInfo(name="车工", risk_point_ids=(lathe_id or 0,)), actor="t")
    finally:
        db.close()


@pytest.fixture
def seeded_window(window: MainWindow, profile_db: Path) -> MainWindow:
    _seed(profile_db)
    window.ctx.today = lambda: TODAY
    window.ctx.events.emit_changed(*Entity)
    return window


def test_home_shows_counts_levels_and_overdue(seeded_window: MainWindow) -> None:
    home = seeded_window.show_page("home")
    assert isinstance(home, HomePage)
    assert home.count_labels["risk_points"].text() == "3"
    assert home.count_labels["areas"].text() == "1"
    assert home.level_bar.counts() == {RiskLevel.MAJOR: 1, RiskLevel.SIGNIFICANT: 0, RiskLevel.GENERAL: 0,
                                       RiskLevel.LOW: 1}  # fmt: skip
    assert home.level_labels[RiskLevel.LOW].text() == "低风险 1"
    assert home.unevaluated_label.text() == "未评价 1"
    assert home.status_labels[HiddenDangerStatus.RECTIFYING].text() == "1"
    assert "1 条" in home.overdue_label.text()
    image = home.level_bar.grab().toImage()
    colours = {
        QColor(image.pixel(x, image.height() // 2)).name().upper() for x in range(2, image.width() - 2)
    }
    assert "#0070C0" in colours and "#FF0000" in colours  # low risk is blue


def test_home_reloads_after_a_write_elsewhere(window: MainWindow, profile_db: Path) -> None:
    home = window.show_page("home")
    assert home.count_labels["areas"].text() == "0"  # type: ignore[attr-defined]
    org.save_area(window.ctx.db, org.AreaInfo(name="仓库"), actor="t")  # type: ignore[arg-type]
    window.ctx.events.emit_changed(Entity.ORGANISATION)
    assert home.count_labels["areas"].text() == "1"  # type: ignore[attr-defined]


def test_risk_page_groups_risk_points_by_area(seeded_window: MainWindow) -> None:
    page = seeded_window.show_page("risk")
    tree = page.risk_tree  # type: ignore[attr-defined]
    areas = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert areas == ["机加工区", "未指定区域"]
    area = tree.topLevelItem(0)
    assert area.text(5) == "重大风险"
    assert [area.child(i).text(0) for i in range(area.childCount())] == ["数控车床", "冲床"]
    assert area.child(0).background(5).color().name().upper() == "#0070C0"
    assert tree.topLevelItem(1).child(0).text(5) == "未辨识危险源"


def test_post_card_page_lists_posts_with_level(seeded_window: MainWindow) -> None:
    page = seeded_window.show_page("post_cards")
    model = page.model  # type: ignore[attr-defined]
    assert model.rowCount() == 1 and model.index(0, PostCardColumn.LEVEL).data() == "低风险"
    assert model.index(0, PostCardColumn.STATUS).data() == "未打印"


def test_check_and_ledger_pages(seeded_window: MainWindow) -> None:
    checks = seeded_window.show_page("checks")
    assert checks.plans_tab.model.index(0, 0).data() == "月度综合排查"  # type: ignore[attr-defined]
    ledger = seeded_window.show_page("ledger")
    model = ledger.model  # type: ignore[attr-defined]
    assert model.rowCount() == 2
    numbers = {model.row_record(r).number: r for r in range(2)}
    assert model.index(numbers["YH-2026-0001"], 0).data(8).color() == OVERDUE_BACKGROUND  # 8: BackgroundRole
    scope = ledger.filter_bar.scope_combo  # type: ignore[attr-defined]
    scope.setCurrentIndex(scope.findData("overdue"))
    assert model.rowCount() == 1 and model.row_record(0).number == "YH-2026-0001"
    scope.setCurrentIndex(scope.findData("closed"))
    assert model.rowCount() == 1 and model.row_record(0).number == "YH-2026-0002"
    assert "逾期 1 条" in ledger.summary_label.text()  # type: ignore[attr-defined]


def _visible_texts(page: QWidget) -> str:
    texts = [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page)]
    texts += [w.text() for w in page.findChildren(QPushButton) if w.isVisibleTo(page)]
    texts += [w.toPlainText() for w in page.findChildren(QPlainTextEdit) if w.isVisibleTo(page)]
    return "\n".join(texts)


def test_report_page_shows_period_and_no_shell_commands(seeded_window: MainWindow) -> None:
    page = seeded_window.show_page("reports")
    assert page.value_labels["period"].text() == "2026年度（2026-01-01 至 2026-12-31）"  # type: ignore[attr-defined]
    assert page.value_labels["as_of"].text() == "2026-06-15"  # type: ignore[attr-defined]
    assert page.value_labels["found"].text() == "2 条"  # type: ignore[attr-defined]
    settings = seeded_window.show_page("settings")
    for shown in (page, settings):
        text = _visible_texts(shown)
        assert "隐患排查治理台账" in text or "导出文件夹" in text
        for shell in ("--db", "DUALPREV_DB", "dualprev ", "dualprev-cli", "命令提示符", "命令行"):
            assert shell not in text, (shown.key, shell)


def test_backup_now_to_a_chosen_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    page = window.show_page("backup")
    (tmp_path / "usb").mkdir()
    monkeypatch.setattr(backup_page, "choose_backup_folder", lambda _parent, _start: tmp_path / "usb")
    page.backup_btn.click()  # type: ignore[attr-defined]
    wait_for_tasks(qtbot)
    copies = list((tmp_path / "usb").glob("factory-*-manual.dpbak"))
    assert len(copies) == 1
    assert str(copies[0]) in page.result_label.text()  # type: ignore[attr-defined]
    assert "已备份并校验" in page.result_label.text()  # type: ignore[attr-defined]
    assert message_log.errors == []


def test_backup_page_lists_verifies_and_restores_archives(
    qtbot: QtBot, window: MainWindow, message_log: MessageLog
) -> None:
    made = archive_service.daily_archive(window.ctx.db, keep=5)
    assert made is not None
    window.ctx.events.emit_changed(*Entity)
    page = window.show_page("backup")
    assert page.model.rowCount() == 1  # type: ignore[attr-defined]
    assert "共 1 份" in page.auto_label.text()  # type: ignore[attr-defined]
    assert not page.restore_btn.isEnabled()  # type: ignore[attr-defined]
    page.backups_table.selectRow(0)  # type: ignore[attr-defined]
    page.verify_btn.click()  # type: ignore[attr-defined]
    wait_for_tasks(qtbot)
    assert "校验：全部文件校验值一致" in message_log.infos[-1] and "企业：" in message_log.infos[-1]
    with qtbot.waitSignal(window.restore_requested) as requested:
        page.restore_btn.click()  # type: ignore[attr-defined]
    assert requested.args == [made]
    page.keep_spin.setValue(3)  # type: ignore[attr-defined]
    assert window.ctx.prefs.backup_keep == 3


def test_settings_actor_defaults_to_safety_manager_and_is_remembered(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = window.show_page("settings")
    assert page.actor_edit.text() == "李安全"  # type: ignore[attr-defined]
    assert window.ctx.actor() == "李安全"
    page.actor_edit.setText("赵班长")  # type: ignore[attr-defined]
    page.save_actor_btn.click()  # type: ignore[attr-defined]
    assert window.ctx.prefs.actor == "赵班长" and window.ctx.actor() == "赵班长"
    opened: list[Path] = []
    monkeypatch.setattr(desktop, "open_folder", lambda folder: opened.append(folder) or True)
    page.open_db_folder_btn.click()  # type: ignore[attr-defined]
    assert opened == [window.ctx.db.path.parent]


def test_crash_handler_logs_and_shows_the_dialog(
    qapp: object, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(CrashDialog, "exec", lambda self: shown.append(self.details_edit.toPlainText()) or 0)
    handler = CrashHandler(tmp_path / "dualprev.log")
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        with caplog.at_level("CRITICAL"):
            handler.handle(RuntimeError, exc, exc.__traceback__)
    assert "RuntimeError: boom" in shown[0]
    assert caplog.records[0].exc_info is not None


def test_crash_dialog_speaks_about_the_data_only_after_checking_it(
    qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, profile_db: Path
) -> None:
    intros: list[str] = []
    monkeypatch.setattr(
        CrashDialog, "exec", lambda self: intros.append(self.findChild(QLabel, "intro_label").text()) or 0
    )
    handler = CrashHandler(tmp_path / "dualprev.log")
    for db_path in (None, profile_db):
        handler.db_path = db_path
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            handler.handle(RuntimeError, exc, exc.__traceback__)
    data = bytearray(profile_db.read_bytes())
    data[4096:8192] = b"\x13" * 4096
    profile_db.write_bytes(bytes(data))
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        handler.handle(RuntimeError, exc, exc.__traceback__)
    unchecked, intact, damaged = intros
    assert "未能检查" in unchecked and "不受影响" not in unchecked
    assert "已检查数据库：完好" in intact
    assert "发现损坏" in damaged and "不受影响" not in damaged
