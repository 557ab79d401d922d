"""设置 → 事故类型分类标准: a factory on GB 6441-1986 switches to GB 6441-2025 through the dialog;
the dialog will not switch while a record is left undecided."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from dualprev.services.risks import accident_types
from dualprev.storage.db import open_database
from dualprev.ui.dialogs.vocabulary_switch_dialog import VocabularySwitchDialog
from dualprev.ui.gui import create_application, start_main_window
from dualprev.ui.main_window import MainWindow
from dualprev.ui.prefs import Prefs
from dualprev.ui.widgets.vocabulary_settings import VocabularySettings

from .conftest import DEMO_TODAY, MessageLog, drive_dialog, press_ok, wait_for_tasks
from .dialog_gallery import every_type_plan


@pytest.fixture
def window_1986(qtbot: QtBot, demo_1986_template: Path, tmp_path: Path, prefs: Prefs) -> Iterator[MainWindow]:
    path = tmp_path / "factory.sqlite"
    shutil.copy2(demo_1986_template, path)
    create_application([])
    main = start_main_window(path, prefs, today=lambda: DEMO_TODAY)
    assert main is not None
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()
    main.shutdown()


def test_switching_a_1986_factory_from_the_settings_page(
    window_1986: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    page = window_1986.show_page("settings")
    box = page.findChild(VocabularySettings, "vocabulary_box")
    assert box is not None
    assert "当前使用：GB 6441-1986《企业职工伤亡事故分类》" in box.current_label.text()
    assert "03 机械伤害" in box.types_label.text() and box.switch_btn.isVisible()

    def choose_road_vehicles(dialog: VocabularySwitchDialog) -> None:
        shown = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        assert {"机械伤害", "车辆伤害", "其他爆炸", "中毒和窒息"} <= set(shown)
        assert (
            dialog.combos["机械伤害"].currentText() == "机械致害"
            and not dialog.combos["机械伤害"].isEnabled()
        )
        assert dialog.combos["其他爆炸"].currentText() == "按文字判定"
        vehicles = dialog.combos["车辆伤害"]
        vehicles.setCurrentIndex(vehicles.findText("道路(轨道)车辆致害"))
        press_ok(qtbot, dialog.buttons)

    driven = drive_dialog(monkeypatch, VocabularySwitchDialog, choose_road_vehicles)
    box.switch_btn.click()
    wait_for_tasks(qtbot)
    assert len(driven) == 1
    assert message_log.errors == []
    assert message_log.infos and message_log.infos[-1].startswith("已切换到 GB 6441-2025")
    assert "当前使用：GB 6441-2025《生产安全事故分类与编码》" in box.current_label.text()
    assert "尚未与标准正式文本核对" in box.current_label.text()
    assert "04 机械致害" in box.types_label.text() and not box.switch_btn.isVisible()

    db = open_database(window_1986.ctx.db.path, create=False)
    try:
        assert accident_types.vocabulary(db) == "GB6441-2025"
    finally:
        db.close()


def test_the_dialog_will_not_switch_until_an_undecided_type_is_chosen(qtbot: QtBot) -> None:
    dialog = VocabularySwitchDialog(every_type_plan())
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.table.rowCount() == 20 and not ok.isEnabled()
    assert "请为“其他爆炸”选择对应的类别" in dialog.problem_label.text()
    assert "无法从文字判断（如：普通车床：卡盘无防护罩，衣袖卷入）" in dialog.table.item(17, 4).text()
    explosions = dialog.combos["其他爆炸"]
    assert explosions.itemText(0) == "请选择…"
    explosions.setCurrentIndex(explosions.findText("按文字判定，其余为 粉尘爆炸"))
    assert ok.isEnabled() and dialog.problem_label.text() == ""
    poison = dialog.combos["中毒和窒息"]
    assert poison.currentText() == "按文字判定，其余为 中毒 + 窒息"
    poison.setCurrentIndex(poison.findText("按文字判定，其余为 窒息"))
    assert dialog.combos["机械伤害"].currentText() == "机械致害" and not dialog.combos["机械伤害"].isEnabled()
    assert dialog.choices() == {"其他爆炸": ("粉尘爆炸",), "中毒和窒息": ("窒息",)} | {
        "车辆伤害": ("厂(场)内车辆致害",),
        "高处坠落": ("高处坠落",),
        "坍塌": ("坍塌",),
        "容器爆炸": ("容器爆炸",),
        "其他伤害": ("其他事故",),
        "火药爆炸": ("民用爆炸物品爆炸",),
    }
