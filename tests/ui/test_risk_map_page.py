"""四色分布图 page on the demo factory: the map in its colours, drawing and editing zones with undo and
redo, a regrade elsewhere recolouring a zone at once, importing a plan and exporting the map."""

from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from dualprev.domain.risk import EvaluationMethod, RiskLevel, RiskStage
from dualprev.domain.risk_map import ZONE_FILL_ALPHA, ZoneShape
from dualprev.services import map_zone_service
from dualprev.services.changes import Entity
from dualprev.services.risks import hazard_list, hazards
from dualprev.services.risks.evaluations import EvaluationInput
from dualprev.ui.dialogs.map_export_dialog import MapExportDialog, MapExportOptions
from dualprev.ui.dialogs.zone_dialog import ZoneDialog, ZoneDraft
from dualprev.ui.main_window import MainWindow
from dualprev.ui.pages import risk_map_page
from dualprev.ui.pages.risk_map_page import RiskMapPage
from dualprev.ui.widgets.map_scene import DrawMode

from .conftest import MessageLog, wait_for_tasks


@pytest.fixture
def first_page() -> str:
    return "risk_map"


TODAY = date(2026, 11, 20)


@pytest.fixture
def page(demo_window: MainWindow) -> RiskMapPage:
    result = demo_window.show_page("risk_map")
    assert isinstance(result, RiskMapPage)
    return result


def _zone_id(page: RiskMapPage, name: str) -> int:
    return next(item.zone_id for item in page.scene.zone_items() if item.view.name == name)


def _db_zone_names(page: RiskMapPage) -> list[str]:
    plan = page.current_plan()
    assert plan is not None
    return sorted(z.name for z in map_zone_service.list_zones(page.ctx.db, plan.id))  # type: ignore[arg-type]


def _answer_zone_dialog(monkeypatch: pytest.MonkeyPatch, draft: ZoneDraft | None) -> list[ZoneDraft]:
    asked: list[ZoneDraft] = []

    def edit(
        _cls: object, _parent: object, given: ZoneDraft, _choices: object, new: bool = False
    ) -> ZoneDraft | None:
        asked.append(given)
        return draft

    monkeypatch.setattr(ZoneDialog, "edit", classmethod(edit))
    return asked


def _drag(page: RiskMapPage, start: tuple[float, float], end: tuple[float, float]) -> None:
    """Press at ``start``, move and release at ``end`` (plan pixels) on the map, with the mouse."""
    viewport = page.view.viewport()
    a = page.view.mapFromScene(*start)
    b = page.view.mapFromScene(*end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    QTest.mouseMove(viewport, a + QPoint(3, 3))
    QTest.mouseMove(viewport, b)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def test_map_shows_the_plan_and_every_zone_in_its_colour(page: RiskMapPage) -> None:
    assert page.scene.has_image()
    assert page.current_plan() is not None and page.current_plan().name == "厂区平面布置图"  # type: ignore[union-attr]
    items = {item.view.name: item for item in page.scene.zone_items()}
    assert sorted(items) == _db_zone_names(page)  # every zone of the plan, once
    expected = {
        "焊接车间": RiskLevel.MAJOR,
        "喷漆房": RiskLevel.MAJOR,
        "冲压车间": RiskLevel.SIGNIFICANT,
        "机加工车间": RiskLevel.GENERAL,
    }
    for name, level in expected.items():
        item = items[name]
        fill = item.brush().color()
        assert item.level is level
        assert (fill.red(), fill.green(), fill.blue()) == level.colour.rgb
        assert fill.alphaF() == pytest.approx(ZONE_FILL_ALPHA, abs=0.01)  # semi-transparent
        assert item.label.lines[:2] == (name, level.label)
    assert items["机加工车间"].label.lines[2] == "一般4 低4"  # counts shown for area zones
    tree = page.plans_tree
    plan_item = tree.topLevelItem(0)
    assert plan_item.text(0) == "厂区平面布置图" and plan_item.childCount() == len(items)
    welding = next(
        plan_item.child(i) for i in range(plan_item.childCount()) if plan_item.child(i).text(0) == "焊接车间"
    )
    assert welding.text(3) == "重大风险" and welding.background(3).color().name().upper() == "#FF0000"
    # The whole plan is in view, and no scroll bar is needed for it.
    assert page.view.is_fitted()
    assert page.view.mapFromScene(0, 0).x() >= 0


def test_regrade_elsewhere_recolours_the_zone_without_reopening(page: RiskMapPage) -> None:
    item = page.scene.zone_item(_zone_id(page, "机加工车间"))
    assert item is not None and item.level is RiskLevel.GENERAL
    db = page.ctx.db
    point = next(p for p in map_zone_service.zone_choices(db).risk_points if p.code == "FX-JJ-005")  # type: ignore[arg-type]
    for row in hazard_list.list_hazards_of(db, point.id):  # type: ignore[arg-type]
        info = hazards.get_hazard(db, row.id).info  # type: ignore[arg-type]
        evaluations = [
            EvaluationInput(
                stage=stage, method=EvaluationMethod.LS, factors=(("L", "5"), ("S", "5")), evaluated_on=TODAY
            )
            for stage in (RiskStage.INHERENT, RiskStage.CURRENT)
        ]
        hazards.save_hazard(db, info, actor="测试", evaluations=evaluations)  # type: ignore[arg-type]
    page.ctx.events.emit_changed(Entity.RISK)
    same = page.scene.zone_item(_zone_id(page, "机加工车间"))
    assert same is item  # updated in place, not rebuilt
    assert item.level is RiskLevel.MAJOR
    assert item.brush().color().name().upper() == "#FF0000"
    assert item.label.lines[:2] == ("机加工车间", "重大风险")


def test_draw_a_rectangle_with_the_mouse_then_undo_and_redo(
    page: RiskMapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    choices = map_zone_service.zone_choices(page.ctx.db)  # type: ignore[arg-type]
    office_points = tuple(p.id for p in choices.risk_points if p.code == "FX-GY-002")
    asked = _answer_zone_dialog(monkeypatch, ZoneDraft("空压站", None, office_points, True))
    zones = len(page.scene.zone_items())
    page.set_mode(DrawMode.RECT)
    _drag(page, (1995, 478), (2150, 614))
    assert len(asked) == 1 and asked[0].name == ""
    assert page.scene.mode is DrawMode.SELECT  # back to selecting, the new zone selected
    zone_id = page.editor.selected_zone_id()
    assert zone_id is not None
    view = page.editor.zone_view(zone_id)
    assert view is not None and view.name == "空压站" and view.level is RiskLevel.LOW
    assert view.info.shape is ZoneShape.RECT
    # Snapped onto the walls of the plan (x≈1990, y≈470 and 620).
    (x0, y0), _tr, (_x1, y1), _bl = view.info.points
    assert abs(x0 - 1990) <= 3 and abs(y0 - 470) <= 3 and abs(y1 - 620) <= 3
    item = page.scene.zone_item(zone_id)
    assert item is not None and item.brush().color().name().upper() == "#0070C0"  # 低风险 is blue
    assert "空压站" in _db_zone_names(page)

    stack = page.editor.undo_stack()
    assert stack is not None and stack.undoText() == "新增区块“空压站”"
    stack.undo()
    assert "空压站" not in _db_zone_names(page) and len(page.scene.zone_items()) == zones
    stack.redo()
    assert "空压站" in _db_zone_names(page) and len(page.scene.zone_items()) == zones + 1


def test_draw_a_polygon_by_clicking_its_vertices(page: RiskMapPage, monkeypatch: pytest.MonkeyPatch) -> None:
    area = next(a for a in map_zone_service.zone_choices(page.ctx.db).areas if a.name == "装配车间")  # type: ignore[arg-type]
    _answer_zone_dialog(monkeypatch, ZoneDraft("装配线 L 形", area.id, (), False))
    page.toolbar.snap_action.setChecked(False)
    page.set_mode(DrawMode.POLYGON)
    viewport = page.view.viewport()
    corners = [(200, 850), (600, 850), (600, 950), (300, 950), (300, 1200), (200, 1200)]
    for x, y in corners:
        QTest.mouseClick(
            viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, page.view.mapFromScene(x, y)
        )
    assert len(page.scene.draft_points()) == 6
    QTest.keyClick(viewport, Qt.Key.Key_Backspace)
    assert len(page.scene.draft_points()) == 5
    QTest.mouseClick(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, page.view.mapFromScene(200, 1200)
    )
    QTest.keyClick(viewport, Qt.Key.Key_Return)
    zone_id = page.editor.selected_zone_id()
    view = page.editor.zone_view(zone_id or -1)
    assert view is not None and view.info.shape is ZoneShape.POLYGON and len(view.info.points) == 6
    assert view.level is RiskLevel.SIGNIFICANT and len(view.label_lines) == 2


def test_cancelled_dialog_adds_nothing(page: RiskMapPage, monkeypatch: pytest.MonkeyPatch) -> None:
    _answer_zone_dialog(monkeypatch, None)
    zones = _db_zone_names(page)
    page.set_mode(DrawMode.RECT)
    _drag(page, (1300, 820), (1470, 1250))
    assert _db_zone_names(page) == zones and len(page.scene.zone_items()) == len(zones)
    assert not page.editor.undo_stack().canUndo()  # type: ignore[union-attr]


def test_move_a_zone_with_the_mouse_then_undo(page: RiskMapPage) -> None:
    zone_id = _zone_id(page, "储气罐")
    before = page.editor.zone_view(zone_id).info.points  # type: ignore[union-attr]
    page.toolbar.snap_action.setChecked(False)
    _drag(page, (2210, 510), (2150, 560))
    after = page.editor.zone_view(zone_id).info.points  # type: ignore[union-attr]
    assert after != before
    dx, dy = after[0][0] - before[0][0], after[0][1] - before[0][1]
    assert dx < -30 and dy > 30
    assert map_zone_service.get_zone(page.ctx.db, zone_id).points == after  # type: ignore[arg-type]
    page.editor.undo_stack().undo()  # type: ignore[union-attr]
    assert map_zone_service.get_zone(page.ctx.db, zone_id).points == before  # type: ignore[arg-type]
    assert page.scene.zone_item(zone_id).points() == before  # type: ignore[union-attr]
    page.editor.undo_stack().redo()  # type: ignore[union-attr]
    assert map_zone_service.get_zone(page.ctx.db, zone_id).points == after  # type: ignore[arg-type]


def test_drag_a_vertex_handle_reshapes_the_zone(page: RiskMapPage) -> None:
    zone_id = _zone_id(page, "危化品库")
    page.scene.select_zone(zone_id)
    item = page.scene.zone_item(zone_id)
    assert item is not None and len(item.handles()) == 4
    before = item.committed_points
    corner = item.handles()[2].scenePos()  # bottom right
    page.toolbar.snap_action.setChecked(False)
    _drag(page, (corner.x(), corner.y()), (corner.x() - 40, corner.y() - 100))
    info = map_zone_service.get_zone(page.ctx.db, zone_id)  # type: ignore[arg-type]
    assert info.points[0] == before[0]  # the opposite corner stayed
    assert info.points[2][1] < before[2][1] - 60
    assert page.editor.undo_stack().undoText() == "调整区块“危化品库”"  # type: ignore[union-attr]
    page.editor.undo_stack().undo()  # type: ignore[union-attr]
    assert map_zone_service.get_zone(page.ctx.db, zone_id).points == before  # type: ignore[arg-type]


def test_delete_asks_first_and_undo_brings_the_zone_back(page: RiskMapPage, message_log: MessageLog) -> None:
    zone_id = _zone_id(page, "喷漆房")
    zones = len(page.scene.zone_items())
    linked = map_zone_service.get_zone(page.ctx.db, zone_id).risk_point_ids  # type: ignore[arg-type]
    page.scene.select_zone(zone_id)
    message_log.confirm_answer = False
    page.toolbar.delete_zone_action.trigger()
    assert "喷漆房" in _db_zone_names(page) and "喷漆房" in message_log.confirmations[0]
    message_log.confirm_answer = True
    page.toolbar.delete_zone_action.trigger()
    assert "喷漆房" not in _db_zone_names(page) and len(page.scene.zone_items()) == zones - 1
    stack = page.editor.undo_stack()
    assert stack is not None
    stack.undo()
    restored = _zone_id(page, "喷漆房")
    info = map_zone_service.get_zone(page.ctx.db, restored)  # type: ignore[arg-type]
    assert info.risk_point_ids == linked
    assert page.scene.zone_item(restored).level is RiskLevel.MAJOR  # type: ignore[union-attr]
    stack.redo()
    assert "喷漆房" not in _db_zone_names(page)
    stack.undo()
    assert "喷漆房" in _db_zone_names(page)


def test_add_then_move_then_undo_both_and_redo_both(
    page: RiskMapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Redoing an add creates the zone under a new id; the move after it must follow."""
    area = map_zone_service.zone_choices(page.ctx.db).areas[0]  # type: ignore[arg-type]
    _answer_zone_dialog(monkeypatch, ZoneDraft("停车场", area.id, (), False))
    page.toolbar.snap_action.setChecked(False)
    page.set_mode(DrawMode.RECT)
    _drag(page, (1300, 820), (1470, 1250))
    _drag(page, (1385, 1150), (1385, 1100))
    stack = page.editor.undo_stack()
    assert stack is not None and stack.count() == 2
    moved = map_zone_service.get_zone(page.ctx.db, _zone_id(page, "停车场")).points  # type: ignore[arg-type]
    stack.undo()
    stack.undo()
    assert "停车场" not in _db_zone_names(page)
    stack.redo()
    stack.redo()
    assert map_zone_service.get_zone(page.ctx.db, _zone_id(page, "停车场")).points == moved  # type: ignore[arg-type]


def test_edit_properties_and_undo(page: RiskMapPage, monkeypatch: pytest.MonkeyPatch) -> None:
    zone_id = _zone_id(page, "储气罐")
    asked = _answer_zone_dialog(
        monkeypatch,
        ZoneDraft(
            "储气罐（1 m³）", None, map_zone_service.get_zone(page.ctx.db, zone_id).risk_point_ids, True
        ),
    )  # type: ignore[arg-type]
    page.scene.zone_activated.emit(zone_id)  # a double-click on the zone
    assert asked[0].name == "储气罐" and asked[0].show_counts is False
    item = page.scene.zone_item(zone_id)
    assert item is not None and item.label.lines == ("储气罐（1 m³）", "一般风险", "一般1")
    page.editor.undo_stack().undo()  # type: ignore[union-attr]
    assert item.label.lines == ("储气罐", "一般风险")


def test_escape_cancels_a_polygon_in_progress(page: RiskMapPage) -> None:
    page.set_mode(DrawMode.POLYGON)
    viewport = page.view.viewport()
    QTest.mouseClick(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, page.view.mapFromScene(100, 100)
    )
    assert page.scene.is_drawing()
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    assert not page.scene.is_drawing() and page.scene.mode is DrawMode.POLYGON
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    assert page.scene.mode is DrawMode.SELECT


def test_zoom_keeps_within_limits_and_fit_restores(page: RiskMapPage) -> None:
    fitted = page.view.zoom()
    page.toolbar.zoom_in_action.trigger()
    assert page.view.zoom() == pytest.approx(fitted * 1.25) and not page.view.is_fitted()
    for _ in range(40):
        page.toolbar.zoom_out_action.trigger()
    assert page.view.zoom() >= fitted * 0.5 - 1e-9
    page.toolbar.fit_action.trigger()
    assert page.view.zoom() == pytest.approx(fitted)


def test_import_a_plan_from_the_page(
    qtbot: QtBot, page: RiskMapPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, message_log: MessageLog
) -> None:
    image = tmp_path / "二号车间.png"
    Image.new("RGB", (1200, 800), (255, 255, 255)).save(image)
    monkeypatch.setattr(risk_map_page, "choose_plan_file", lambda _parent: image)
    monkeypatch.setattr(risk_map_page, "ask_text", lambda _p, _t, _l, text: text)
    page.import_btn.click()
    wait_for_tasks(qtbot)
    plan = page.current_plan()
    assert plan is not None and plan.name == "二号车间" and (plan.width, plan.height) == (1200, 800)
    assert page.plans_tree.topLevelItemCount() == 2 and page.scene.zone_items() == []
    assert page.scene.plan_size == (1200, 800)
    # A broken file: the user is told why, nothing is added.
    broken = tmp_path / "坏文件.png"
    broken.write_text("not an image", encoding="utf-8")
    monkeypatch.setattr(risk_map_page, "choose_plan_file", lambda _parent: broken)
    page.import_btn.click()
    wait_for_tasks(qtbot)
    assert message_log.errors and "无法导入平面图" in message_log.errors[-1]
    assert page.plans_tree.topLevelItemCount() == 2


def test_export_pdf_and_png_from_the_page(
    qtbot: QtBot, page: RiskMapPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, message_log: MessageLog
) -> None:
    targets = {"pdf": tmp_path / "map.pdf", "png": tmp_path / "map.png"}
    monkeypatch.setattr(
        MapExportDialog,
        "ask",
        classmethod(lambda _c, _p, fmt, drawn_by, _n: MapExportOptions(fmt, "A4", drawn_by, "王审核")),
    )
    monkeypatch.setattr(risk_map_page, "choose_export_file", lambda _p, fmt, _s: targets[fmt])
    page.toolbar.export_pdf_action.trigger()
    wait_for_tasks(qtbot)
    page.toolbar.export_png_action.trigger()
    wait_for_tasks(qtbot)
    flat = "".join("".join(p.extract_text().split()) for p in PdfReader(targets["pdf"]).pages)
    assert "安全风险四色分布图" in flat and "王审核" in flat and "2026年11月20日" in flat
    with Image.open(targets["png"]) as image:
        assert image.size == (3508, 2480)
    assert len(message_log.infos) == 2 and str(targets["png"]) in message_log.infos[-1]


def test_zone_dialog_previews_the_colour_and_requires_a_holding(qtbot: QtBot, demo_db: object) -> None:
    choices = map_zone_service.zone_choices(demo_db)  # type: ignore[arg-type]
    dialog = ZoneDialog(ZoneDraft(), choices, new=True)
    qtbot.addWidget(dialog)
    assert "未着色" in dialog.preview_label.text()
    dialog._on_accept()
    assert "区块名称不能为空" in dialog.errors.message
    welding = next(a for a in choices.areas if a.name == "焊接车间")
    dialog.area_combo.setCurrentIndex(dialog.area_combo.findData(welding.id))
    assert dialog.name_edit.text() == "焊接车间"  # named after the area until the user types a name
    assert dialog.preview_level() is RiskLevel.MAJOR and "重大风险" in dialog.preview_label.text()
    dialog.filter_edit.setText("FX-GY-002")
    visible = [
        dialog.points_list.item(i)
        for i in range(dialog.points_list.count())
        if not dialog.points_list.item(i).isHidden()
    ]
    assert len(visible) == 1
    visible[0].setCheckState(Qt.CheckState.Checked)
    value = dialog.value()
    assert value.area_id == welding.id and len(value.risk_point_ids) == 1
    dialog.area_combo.setCurrentIndex(0)
    assert dialog.preview_level() is RiskLevel.LOW


def test_drag_the_label_of_a_selected_zone_moves_only_the_label(page: RiskMapPage) -> None:
    zone_id = _zone_id(page, "装配车间")
    before = map_zone_service.get_zone(page.ctx.db, zone_id)  # type: ignore[arg-type]
    page.scene.select_zone(zone_id)
    start = page.editor.zone_view(zone_id).label_point  # type: ignore[union-attr]
    _drag(page, start, (start[0] + 120, start[1] + 90))
    after = map_zone_service.get_zone(page.ctx.db, zone_id)  # type: ignore[arg-type]
    assert after.points == before.points
    assert after.label_at is not None and after.label_at[0] > start[0] + 100
    assert page.editor.undo_stack().undoText() == "移动标签“装配车间”"  # type: ignore[union-attr]
    # Dragged out of its zone, the label stops at the edge instead.
    _drag(page, after.label_at, (after.label_at[0] + 3000, after.label_at[1]))
    assert page.scene.zone_item(zone_id).label.pos().x() <= max(x for x, _y in after.points)  # type: ignore[union-attr]
    page.editor.undo_stack().undo()  # type: ignore[union-attr]
    page.editor.undo_stack().undo()  # type: ignore[union-attr]
    assert map_zone_service.get_zone(page.ctx.db, zone_id).label_at == before.label_at  # type: ignore[arg-type]


def test_a_blue_zone_inside_a_yellow_one_stays_blue_on_screen(page: RiskMapPage) -> None:
    plan = page.current_plan()
    assert plan is not None
    compressor = next(
        p.id for p in map_zone_service.zone_choices(page.ctx.db).risk_points if p.code == "FX-GY-002"
    )  # type: ignore[arg-type]
    map_zone_service.save_zone(
        page.ctx.db,
        map_zone_service.ZoneInfo(
            plan.id,
            "空压站",
            ZoneShape.RECT,
            ((1990, 470), (2190, 470), (2190, 620), (1990, 620)),
            risk_point_ids=(compressor,),
        ),
        actor="测试",
    )  # type: ignore[arg-type]
    page.ctx.events.emit_changed(Entity.RISK_MAP)
    item = page.scene.zone_item(_zone_id(page, "空压站"))
    assert item is not None and item.knockout
    image = page.view.viewport().grab().toImage()
    for x, y in ((2010, 480), (2170, 610), (2010, 610)):  # corners, away from the label
        pixel = image.pixelColor(page.view.mapFromScene(x, y))
        hue = pixel.hsvHue()
        assert 190 <= hue <= 220 and pixel.saturation() > 60, (x, y, pixel.name())


def _trigger(menu: object, text: str) -> None:
    action = next(a for a in menu.actions() if a.text() == text)  # type: ignore[attr-defined]
    action.trigger()


def test_right_click_menu_turns_a_rect_into_a_polygon_and_edits_vertices(page: RiskMapPage) -> None:
    zone_id = _zone_id(page, "冲压车间")
    page.scene.select_zone(zone_id)
    menu = page.editor.context_menu(zone_id, (800, 300), -1)
    assert [a.text() for a in menu.actions() if a.text()] == ["属性…", "转换为多边形（可增减顶点）", "标签回到区块中央",
                                                              "删除区块"]  # fmt: skip
    _trigger(menu, "转换为多边形（可增减顶点）")
    assert map_zone_service.get_zone(page.ctx.db, zone_id).shape is ZoneShape.POLYGON  # type: ignore[arg-type]
    _trigger(page.editor.context_menu(zone_id, (885, 112), -1), "在此处添加顶点")  # on the top edge
    points = map_zone_service.get_zone(page.ctx.db, zone_id).points  # type: ignore[arg-type]
    assert len(points) == 5 and (885.0, 112.0) in points
    _trigger(page.editor.context_menu(zone_id, (885, 112), points.index((885.0, 112.0))), "删除此顶点")
    assert len(map_zone_service.get_zone(page.ctx.db, zone_id).points) == 4  # type: ignore[arg-type]
    _trigger(page.editor.context_menu(zone_id, (800, 300), -1), "标签回到区块中央")
    assert map_zone_service.get_zone(page.ctx.db, zone_id).label_at is None  # type: ignore[arg-type]
    stack = page.editor.undo_stack()
    assert stack is not None and stack.count() == 4
    for _ in range(4):
        stack.undo()
    restored = map_zone_service.get_zone(page.ctx.db, zone_id)  # type: ignore[arg-type]
    assert restored.shape is ZoneShape.RECT and restored.label_at == (885.0, 355.0)


def test_rename_and_delete_a_plan(
    page: RiskMapPage, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    monkeypatch.setattr(risk_map_page, "ask_text", lambda _p, _t, _l, _text: "厂区总平面图（2026版）")
    page.rename_plan_action.trigger()
    assert page.plans_tree.topLevelItem(0).text(0) == "厂区总平面图（2026版）"
    image = page.current_plan().image_path  # type: ignore[union-attr]
    message_log.confirm_answer = False
    page.delete_plan_action.trigger()
    assert page.current_plan() is not None
    message_log.confirm_answer = True
    zones = len(page.scene.zone_items())
    page.delete_plan_action.trigger()
    assert f"{zones} 个区块" in message_log.confirmations[-1]
    assert page.current_plan() is None and page.plans_tree.topLevelItemCount() == 0
    assert not image.exists() and page.scene.zone_items() == []
    assert not page.toolbar.rect_action.isEnabled() and not page.toolbar.export_pdf_action.isEnabled()
    assert "还没有平面图" in page.summary_label.text()


def test_north_arrow_is_set_per_plan_from_the_toolbar(
    qtbot: QtBot, page: RiskMapPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dualprev.services import risk_map_service
    from dualprev.ui.dialogs.north_arrow_dialog import NorthArrowDialog, NorthChoice

    plan = page.current_plan()
    assert plan is not None and page.toolbar.north_action.isEnabled()
    shown: list[float | None] = []

    def ask(_cls: object, _parent: object, _name: str, angle: float | None) -> NorthChoice:
        shown.append(angle)
        return NorthChoice(90.0)

    monkeypatch.setattr(NorthArrowDialog, "ask", classmethod(ask))
    page.toolbar.north_action.trigger()
    assert shown == [0.0] and risk_map_service.north_angle(page.ctx.db, plan.id) == 90.0
    # The dialog itself: "the plan has its own arrow" turns the angle off.
    dialog = NorthArrowDialog(plan.name, 90.0)
    qtbot.addWidget(dialog)
    assert dialog.value() == NorthChoice(90.0) and dialog.angle_spin.isEnabled()
    dialog.own_arrow_check.setChecked(True)
    assert dialog.value() == NorthChoice(None) and not dialog.angle_spin.isEnabled()
