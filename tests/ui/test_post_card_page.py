"""岗位告知卡 page on the demo factory: the list with status, the preview of the exact page, the
override editor, printing (to a PDF printer), export with progress, and 需重新打印 after a change."""

from dataclasses import replace
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from dualprev.domain.post_card import CardField, CardStatus
from dualprev.domain.post_card_overrides import apply_overrides
from dualprev.services import organisation_service as org
from dualprev.services import post_card_service
from dualprev.services.changes import Entity
from dualprev.services.risks import hazard_list
from dualprev.services.risks import hazards as risk_hazards
from dualprev.storage.models import Post
from dualprev.ui.dialogs.card_override_dialog import CardOverrideDialog
from dualprev.ui.main_window import MainWindow
from dualprev.ui.models.post_card_table_model import STALE_BACKGROUND, PostCardColumn, PostCardTableModel
from dualprev.ui.models.record_table_model import Roles
from dualprev.ui.pages.post_card_page import PostCardPage, configure_printer
from dualprev.ui.prefs import Prefs

from ..conftest import count_rows
from .conftest import MessageLog


@pytest.fixture
def first_page() -> str:
    return "post_cards"


TODAY = date(2026, 11, 20)


def _page(window: MainWindow, qtbot: QtBot) -> PostCardPage:
    page = window.show_page("post_cards")
    assert isinstance(page, PostCardPage)
    qtbot.waitUntil(lambda: page.preview.page_count() == 1 or page.preview.message_label.isVisible())
    return page


def _row(page: PostCardPage, name: str) -> int:
    proxy = page.cards_table.model()
    for row in range(proxy.rowCount()):
        if proxy.index(row, PostCardColumn.POST).data() == name:
            return row
    raise AssertionError(name)


def _cell(page: PostCardPage, name: str, column: PostCardColumn) -> str:
    return str(page.cards_table.model().index(_row(page, name), column).data())


def _unprinted(page: PostCardPage) -> int:
    proxy = page.cards_table.model()
    statuses = [proxy.index(row, PostCardColumn.STATUS).data() for row in range(proxy.rowCount())]
    return statuses.count("未打印")


def _select(page: PostCardPage, qtbot: QtBot, name: str) -> None:
    page.cards_table.selectRow(_row(page, name))
    qtbot.waitUntil(lambda: f"<b>{name}</b>" in page.card_label.text() and page.preview.page_count() >= 1)


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(150)
    configure_printer(printer, "A4", False)
    return printer


def test_lists_every_post_with_level_status_and_previews_the_exact_page(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    page = _page(demo_window, qtbot)
    posts = count_rows(page.ctx.db, Post)
    assert page.model.rowCount() == posts
    # The demo printed four cards a month ago; the risks behind two of them have changed since.
    assert f"共 {posts} 个岗位" in page.summary_label.text()
    unprinted = _unprinted(page)
    assert unprinted > 0 and f"{unprinted} 张未打印" in page.summary_label.text()
    assert "2 张需重新打印" in page.summary_label.text()
    assert _cell(page, "喷漆工", PostCardColumn.LEVEL) == "重大风险"
    assert _cell(page, "装配工", PostCardColumn.LEVEL) == "低风险"
    assert _cell(page, "喷漆工", PostCardColumn.STATUS) == "已打印 r1"
    assert _cell(page, "电焊工", PostCardColumn.STATUS) == "需重新打印（已打印 r1）"
    assert _cell(page, "装配工", PostCardColumn.STATUS) == "未打印"
    _select(page, qtbot, "喷漆工")
    assert page.preview_pdf is not None
    text = PdfReader(BytesIO(page.preview_pdf)).pages[0].extract_text()
    assert "喷漆工" in text and "重大风险" in text
    image = page.preview.page_images()[0]
    assert image.width() > 300 and abs(image.height() / image.width() - 297 / 210) < 0.01  # an A4 page
    assert page.print_btn.isEnabled() and page.save_pdf_btn.isEnabled()


def test_paper_size_and_two_up_choices(demo_window: MainWindow, qtbot: QtBot, prefs: Prefs) -> None:
    page = _page(demo_window, qtbot)
    _select(page, qtbot, "电工")
    page.size_combo.setCurrentIndex(page.size_combo.findData("A5"))
    assert not page.two_up_check.isEnabled()
    page.size_combo.setCurrentIndex(page.size_combo.findData("A4"))
    page.two_up_check.setChecked(True)
    qtbot.waitUntil(lambda: page.preview.page_images()[0].width() > page.preview.page_images()[0].height())
    assert prefs.card_two_up and prefs.card_paper_size == "A4"


def test_post_without_evaluated_risk_shows_a_message(demo_window: MainWindow, qtbot: QtBot) -> None:
    page = _page(demo_window, qtbot)
    posts = page.model.rowCount()
    org.save_post(page.ctx.db, org.PostInfo(name="保洁员"), actor="测试")
    page.ctx.events.emit_changed(Entity.ORGANISATION)
    qtbot.waitUntil(lambda: page.model.rowCount() == posts + 1)
    page.cards_table.selectRow(_row(page, "保洁员"))
    qtbot.waitUntil(lambda: page.preview.message_label.isVisible())
    assert "尚未关联风险点" in page.preview.message_label.text()
    assert page.preview.page_count() == 0
    assert _cell(page, "保洁员", PostCardColumn.LEVEL) == "未关联风险点"
    assert not page.print_btn.isEnabled() and page.edit_btn.isEnabled()
    assert "1 个岗位尚无已评价的风险" in page.summary_label.text()


def test_override_dialog_marks_overridden_fields_and_restores(qtbot: QtBot, demo_db: object) -> None:
    card = post_card_service.get_card(demo_db, 6, today=TODAY)  # type: ignore[arg-type]
    signs = post_card_service.sign_library()
    dialog = CardOverrideDialog(card.content, card.computed, {}, signs)
    qtbot.addWidget(dialog)
    hazards = dialog.editor(CardField.HAZARDS)
    assert not hazards.marker.isVisibleTo(dialog) and not hazards.restore_btn.isEnabled()
    hazards.set_text("溶剂蒸气积聚\n静电放电")
    assert hazards.marker.isVisibleTo(dialog) and hazards.restore_btn.isEnabled()
    assert dialog.value() == {CardField.HAZARDS: "溶剂蒸气积聚\n静电放电"}
    hazards.restore_btn.click()
    assert not hazards.marker.isVisibleTo(dialog) and dialog.value() == {}
    dialog.editor(CardField.SIGNS).set_text("当心触电、当心外星人")
    dialog.button_box.accepted.emit()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "当心外星人" in dialog.error_label.text()
    assert "不能在此修改" in dialog.level_label.text()

    overrides = {CardField.POST: "喷漆工（调漆）"}
    content = apply_overrides(card.computed, overrides, signs)
    overridden = CardOverrideDialog(content, card.computed, overrides, signs)
    qtbot.addWidget(overridden)
    post = overridden.editor(CardField.POST)
    assert post.marker.isVisibleTo(overridden)
    post.restore()
    assert overridden.value() == {CardField.POST: None}


def test_edit_saves_overrides_which_show_in_list_and_preview(
    demo_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = _page(demo_window, qtbot)
    _select(page, qtbot, "叉车司机")
    monkeypatch.setattr(
        CardOverrideDialog, "edit", classmethod(lambda *_a, **_k: {CardField.HAZARDS: "倒车未鸣笛\n货叉载人"})
    )
    qtbot.mouseClick(page.edit_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _cell(page, "叉车司机", PostCardColumn.OVERRIDES) == "1 项")
    qtbot.waitUntil(lambda: "人工修改：主要危险有害因素" in page.card_label.text())
    qtbot.waitUntil(lambda: page.preview_pdf is not None and "倒车未鸣笛" in _pdf_text(page.preview_pdf))


def _pdf_text(pdf: bytes) -> str:
    return "".join(PdfReader(BytesIO(pdf)).pages[0].extract_text().split())


def test_print_records_a_snapshot_and_a_change_asks_for_reprint(
    demo_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    page = _page(demo_window, qtbot)
    _select(page, qtbot, "冲压工")
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(page, "_ask_printer", lambda _size, _two_up: _pdf_printer(out))
    assert _cell(page, "冲压工", PostCardColumn.STATUS) == "需重新打印（已打印 r1）"  # as the demo left it
    qtbot.mouseClick(page.print_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _cell(page, "冲压工", PostCardColumn.STATUS) == "已打印 r2")
    printed = PdfReader(str(out))
    assert len(printed.pages) == 1
    box = printed.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)

    db = page.ctx.db
    post = next(p for p in org.list_posts(db) if p.name == "冲压工")  # type: ignore[arg-type]
    hazard = hazard_list.list_hazards_of(db, post.risk_point_ids[0])[0]  # type: ignore[arg-type]
    detail = risk_hazards.get_hazard(db, hazard.id)  # type: ignore[arg-type]
    risk_hazards.save_hazard(db, replace(detail.info, description="压力机光电保护失效"), actor="测试")  # type: ignore[arg-type]
    page.ctx.events.emit_changed(Entity.RISK)
    qtbot.waitUntil(lambda: _cell(page, "冲压工", PostCardColumn.STATUS) == "需重新打印（已打印 r2）")
    index = page.cards_table.model().index(_row(page, "冲压工"), PostCardColumn.STATUS)
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == STALE_BACKGROUND
    assert "2 张需重新打印" in page.summary_label.text()  # and the demo's 电焊工
    qtbot.waitUntil(lambda: "上次打印后已变化：主要危险有害因素" in page.card_label.text())
    assert "第 3 版" in page.card_label.text()
    assert [n.post_name for n in post_card_service.cards_needing_reprint(db)] == ["冲压工", "电焊工"]  # type: ignore[arg-type]


def test_batch_export_of_selected_cards_with_progress(
    demo_window: MainWindow,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    message_log: MessageLog,
) -> None:
    page = _page(demo_window, qtbot)
    out = tmp_path / "全部告知卡.pdf"
    monkeypatch.setattr(page, "_ask_save_path", lambda _suggested: out)
    posts = count_rows(page.ctx.db, Post)
    unprinted = f"{_unprinted(page)} 张未打印"
    page.cards_table.selectAll()
    qtbot.waitUntil(lambda: len(page.selected_ids()) == posts)
    qtbot.mouseClick(page.export_selected_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(message_log.infos), timeout=30_000)  # 12 cards on a busy machine
    assert f"已生成 {posts} 张告知卡（{posts} 页）" in message_log.infos[0]
    assert f"已在数据库中记录打印版次（{posts} 张）：车工 第 1 版" in message_log.infos[0]
    assert message_log.exported == [out]
    assert page.ctx.prefs.export_dir == tmp_path
    assert len(PdfReader(str(out)).pages) == posts
    qtbot.waitUntil(lambda: unprinted not in page.summary_label.text())
    statuses = {_cell(page, name, PostCardColumn.STATUS) for name in ("车工", "喷漆工", "冲压工", "电焊工")}
    assert statuses == {"已打印 r1", "已打印 r2"}  # the demo's two outdated cards are in their second edition
    assert _cell(page, "电焊工", PostCardColumn.STATUS) == "已打印 r2"
    assert not post_card_service.cards_needing_reprint(page.ctx.db)  # type: ignore[arg-type]
    ids = [page.model.index(r, 0).data(Roles.ID) for r in range(12)]
    assert all(post_card_service.get_card(page.ctx.db, i).status is CardStatus.PRINTED for i in ids)  # type: ignore[arg-type]


def test_qr_url_template_from_the_page(
    demo_window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, message_log: MessageLog
) -> None:
    page = _page(demo_window, qtbot)
    monkeypatch.setattr(page, "_ask_qr_template", lambda _current: "http://oa/{nope}")
    qtbot.mouseClick(page.qr_btn, Qt.MouseButton.LeftButton)
    assert message_log.errors and "未知占位符" in message_log.errors[0]
    monkeypatch.setattr(page, "_ask_qr_template", lambda _current: "http://oa.local/card/{post_id}")
    qtbot.mouseClick(page.qr_btn, Qt.MouseButton.LeftButton)
    assert post_card_service.qr_url_template(page.ctx.db) == "http://oa.local/card/{post_id}"  # type: ignore[arg-type]
    qtbot.waitUntil(
        lambda: page.preview_pdf is not None and "手机扫码打开本岗位页面" in _pdf_text(page.preview_pdf)
    )


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, demo_db: object) -> None:
    model = PostCardTableModel()
    model.set_records(post_card_service.list_cards(demo_db, today=TODAY))  # type: ignore[arg-type]
    qtmodeltester.check(model)
    assert model.index(0, PostCardColumn.REVISION).data() == "r1（2026-11-20）"
    assert model.index(0, 0).data(Roles.RECORD).post_id == model.index(0, 0).data(Roles.ID)
